/* plx-statistics.h: how the perspectives compare on one document.
 *
 * Computed once, from a document, the project's perspectives and the
 * document's annotations; a PlxStatistics never changes afterwards, so
 * recompute (it is cheap: sort and sweep) when the annotations change.
 *
 * Definitions (all positions and lengths are code points):
 *
 * - passages: annotations of a perspective. Annotations of perspectives
 *   not in the list, or of another document, are left out.
 * - characters covered: the size of the union of a perspective's ranges,
 *   so overlapping passages of one perspective count once. share is that
 *   divided by the document's length.
 * - theme cells: the passages of a perspective carrying a theme; a passage
 *   with two themes is in two rows. total is the sum over perspectives.
 *   dominance is the largest perspective's count divided by total (1.0:
 *   one perspective owns the theme; 1/n: all n agree on its weight); the
 *   dominant perspective is that one, or -1 when the largest is tied.
 * - sections: the document's sections; the text before the first heading
 *   (title and lead) is an introductory section named by the document's
 *   title, present when it is not empty. A passage counts in every section
 *   it overlaps; characters are the perspective's union clipped to the
 *   section.
 * - overlapping passages: passages of a perspective that share at least
 *   one character with a passage of another perspective.
 * - co-occurrence (characters): for perspectives p and q, the characters
 *   covered by both (symmetric; the diagonal is p's own coverage).
 * - co-occurrence (passages): for p ≠ q, how many passages of p share a
 *   character with some passage of q (not symmetric); the diagonal is the
 *   number of p's passages.
 * - contested characters: covered by two or more perspectives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "plx-annotation.h"
#include "plx-document.h"
#include "plx-perspective.h"

G_BEGIN_DECLS

typedef enum {
  PLX_STATISTICS_TABLE_PERSPECTIVES,
  PLX_STATISTICS_TABLE_THEMES,
  PLX_STATISTICS_TABLE_SECTIONS,
  PLX_STATISTICS_TABLE_COOCCURRENCE,
  PLX_STATISTICS_TABLE_COOCCURRENCE_PASSAGES,
} PlxStatisticsTable;

#define PLX_STATISTICS_N_TABLES 5

#define PLX_TYPE_STATISTICS (plx_statistics_get_type ())
G_DECLARE_FINAL_TYPE (PlxStatistics, plx_statistics, PLX, STATISTICS, GObject)

PlxStatistics  *plx_statistics_new                  (PlxDocument        *document,
                                                     GListModel         *perspectives,
                                                     GListModel         *annotations);

PlxDocument    *plx_statistics_get_document         (PlxStatistics      *self);
guint           plx_statistics_get_length           (PlxStatistics      *self);
guint           plx_statistics_get_n_passages       (PlxStatistics      *self);
guint           plx_statistics_get_covered          (PlxStatistics      *self);
guint           plx_statistics_get_contested        (PlxStatistics      *self);
PlxAnnotation  *plx_statistics_get_annotation       (PlxStatistics      *self,
                                                     guint               index);

/* Perspectives, by index in the order given (the project's order). */
guint           plx_statistics_get_n_perspectives   (PlxStatistics      *self);
PlxPerspective *plx_statistics_get_perspective      (PlxStatistics      *self,
                                                     guint               perspective);
int             plx_statistics_find_perspective     (PlxStatistics      *self,
                                                     gint64              perspective_id);
guint           plx_statistics_get_passages         (PlxStatistics      *self,
                                                     guint               perspective);
guint           plx_statistics_get_characters       (PlxStatistics      *self,
                                                     guint               perspective);
double          plx_statistics_get_share            (PlxStatistics      *self,
                                                     guint               perspective);
guint           plx_statistics_get_overlapping      (PlxStatistics      *self,
                                                     guint               perspective);
const guint    *plx_statistics_get_untagged         (PlxStatistics      *self,
                                                     guint               perspective,
                                                     guint              *n_passages);

/* Themes, sorted by name; cells hold indices for get_annotation(), in
 * document order. */
guint           plx_statistics_get_n_themes         (PlxStatistics      *self);
const char     *plx_statistics_get_theme            (PlxStatistics      *self,
                                                     guint               theme);
int             plx_statistics_find_theme           (PlxStatistics      *self,
                                                     const char         *name);
const guint    *plx_statistics_get_cell             (PlxStatistics      *self,
                                                     guint               theme,
                                                     guint               perspective,
                                                     guint              *n_passages);
guint           plx_statistics_get_theme_total      (PlxStatistics      *self,
                                                     guint               theme);
double          plx_statistics_get_theme_dominance  (PlxStatistics      *self,
                                                     guint               theme);
int             plx_statistics_get_theme_dominant   (PlxStatistics      *self,
                                                     guint               theme);

/* Sections, in document order. */
guint           plx_statistics_get_n_sections       (PlxStatistics      *self);
const char     *plx_statistics_get_section_title    (PlxStatistics      *self,
                                                     guint               section);
void            plx_statistics_get_section_range    (PlxStatistics      *self,
                                                     guint               section,
                                                     guint              *start,
                                                     guint              *end);
guint           plx_statistics_get_section_characters (PlxStatistics    *self,
                                                     guint               section,
                                                     guint               perspective);
guint           plx_statistics_get_section_passages (PlxStatistics      *self,
                                                     guint               section,
                                                     guint               perspective);
double          plx_statistics_get_section_share    (PlxStatistics      *self,
                                                     guint               section,
                                                     guint               perspective);

guint           plx_statistics_get_cooccurrence     (PlxStatistics      *self,
                                                     guint               perspective,
                                                     guint               other);
guint           plx_statistics_get_cooccurrence_passages (PlxStatistics *self,
                                                     guint               perspective,
                                                     guint               other);

/* A table as rows of cells, the header row first (GStrv each). */
GPtrArray      *plx_statistics_build_table          (PlxStatistics      *self,
                                                     PlxStatisticsTable  table);
void            plx_statistics_build_json           (PlxStatistics      *self,
                                                     JsonBuilder        *builder);
const char     *plx_statistics_table_to_string      (PlxStatisticsTable  table);
gboolean        plx_statistics_table_from_string    (const char         *name,
                                                     PlxStatisticsTable *table);
char           *plx_statistics_to_csv               (PlxStatistics      *self,
                                                     PlxStatisticsTable  table);
gboolean        plx_statistics_save_csv             (PlxStatistics      *self,
                                                     PlxStatisticsTable  table,
                                                     GFile              *file,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

void            plx_csv_append_row                  (GString            *out,
                                                     const char * const *cells);

G_END_DECLS
