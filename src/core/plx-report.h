/* plx-report.h: a comparison report ("dossier") of a project, as one
 * self-contained HTML file or a PDF: per theme the passages side by side,
 * one column per perspective, with citations and notes; the counts, the
 * document maps and the theme × perspective heat map; the coders'
 * agreement when there are several; the Parallax version, the content
 * hashes and the date, so that a reader can reproduce it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plx-project.h"

G_BEGIN_DECLS

typedef enum {
  PLX_REPORT_FORMAT_HTML,
  PLX_REPORT_FORMAT_PDF,
} PlxReportFormat;

/* How far the report is, from 0 to 1. */
typedef void (*PlxReportProgressFunc) (double   fraction,
                                       gpointer user_data);

gboolean    plx_report_format_from_string (const char            *name,
                                           PlxReportFormat       *format);
const char *plx_report_format_extension   (PlxReportFormat        format);
char       *plx_report_dup_project_digest (PlxProject            *project,
                                           GError               **error);

gboolean    plx_report_write              (PlxProject            *project,
                                           PlxReportFormat        format,
                                           GFile                 *file,
                                           PlxReportProgressFunc  progress,
                                           gpointer               progress_data,
                                           GCancellable          *cancellable,
                                           GError               **error);
void        plx_report_write_async        (PlxProject            *project,
                                           PlxReportFormat        format,
                                           GFile                 *file,
                                           PlxReportProgressFunc  progress,
                                           gpointer               progress_data,
                                           GDestroyNotify         progress_data_free,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
gboolean    plx_report_write_finish       (PlxProject            *project,
                                           GAsyncResult          *result,
                                           GError               **error);

G_END_DECLS
