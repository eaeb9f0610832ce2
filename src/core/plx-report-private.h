/* plx-report-private.h: what a report says, gathered once from the
 * project (plx-report.c) and written by plx-report-html.c and
 * plx-report-pdf.c, so that both forms say the same.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-report.h"

G_BEGIN_DECLS

/* Stretches of a document map: the fraction of each twentieth of the text
 * a perspective covers. */
#define PLX_REPORT_MAP_BUCKETS 40

typedef struct {
  guint  perspective;   /* index into PlxReport.perspectives */
  char  *quote;
  char  *note;          /* "" when none */
  char  *author;        /* "" when none */
  char  *document;      /* the document's title */
  char  *section;       /* "" when before any heading */
  char  *citation;      /* "p. 3, ¶ 4"; "" when nothing is known */
} PlxReportPassage;

typedef struct {
  char      *name;      /* "" for the passages without a theme */
  GPtrArray *columns;   /* per perspective, a GPtrArray of PlxReportPassage (borrowed) */
  guint     *counts;    /* per perspective */
  guint      total;
} PlxReportTheme;

typedef struct {
  char    *title;
  char    *content_hash;
  guint    length;
  guint    n_passages;
  double  *map;         /* n_perspectives × PLX_REPORT_MAP_BUCKETS, covered fractions */
  guint   *passages;    /* per perspective */
  double  *shares;      /* per perspective: characters covered / length */
} PlxReportDocument;

typedef struct {
  char       *title;          /* the project's file name */
  char       *version;        /* Parallax's */
  char       *date;           /* ISO 8601, UTC */
  char       *digest;         /* plx_report_dup_project_digest() */
  GPtrArray  *perspective_names;
  GPtrArray  *perspective_colors;
  GPtrArray  *documents;      /* PlxReportDocument */
  GPtrArray  *passages;       /* PlxReportPassage, owned */
  GPtrArray  *themes;         /* PlxReportTheme, by name; the untagged last */
  guint       max_count;      /* the largest theme × perspective count */
  GPtrArray  *coders;         /* char*, sorted */
  GPtrArray  *agreement;      /* PlxAgreementRow, NULL with fewer than two coders */
} PlxReport;

typedef struct {
  PlxReportProgressFunc  func;
  gpointer               data;
  double                 from;   /* the share of the work done before this step */
  double                 span;   /* and this step's share */
  double                 last;   /* the fraction last passed on */
} PlxReportProgress;

void       _plx_report_progress   (PlxReportProgress  *progress,
                                   double              fraction);
PlxReport *_plx_report_gather     (PlxProject         *project,
                                   PlxReportProgress  *progress,
                                   GCancellable       *cancellable,
                                   GError            **error);
void       _plx_report_free       (PlxReport          *report);
guint      _plx_report_n_perspectives (PlxReport      *report);
char      *_plx_report_passage_source (PlxReportPassage *passage);
const char *_plx_report_theme_title (PlxReportTheme   *theme);
const char *_plx_report_aspect_label (const char    *aspect);
const char *_plx_report_measure_label (const char   *measure);
char      *_plx_report_format_value (const char       *measure,
                                     double            value);
char      *_plx_report_format_interval (const char    *measure,
                                        double         low,
                                        double         high);
char      *_plx_report_digest_explanation (void);
void       _plx_report_parse_color (const char        *color,
                                    double            *rgb);

gboolean   _plx_report_write_html (PlxReport          *report,
                                   GOutputStream      *stream,
                                   PlxReportProgress  *progress,
                                   GCancellable       *cancellable,
                                   GError            **error);
gboolean   _plx_report_write_pdf  (PlxReport          *report,
                                   GOutputStream      *stream,
                                   PlxReportProgress  *progress,
                                   GCancellable       *cancellable,
                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxReport, _plx_report_free)

G_END_DECLS
