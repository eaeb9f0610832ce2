/* plx-compare-view.h: the perspectives side by side: a theme × perspective
 * matrix of passages, the statistics, a section heat map, the overlaps
 * and a document map.
 *
 * Clicking a passage activates "win.reveal-annotation" (target: the UUID
 * string); clicking the map activates "win.scroll-to-offset" (target: a
 * uint32 code-point offset). The view recomputes 200 ms after the last
 * change to the annotations or perspectives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-chart.h"
#include "plx-core.h"
#include "plx-theme-matrix.h"

G_BEGIN_DECLS

#define PLX_TYPE_COMPARE_VIEW (plx_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (PlxCompareView, plx_compare_view, PLX, COMPARE_VIEW, GtkWidget)

GtkWidget      *plx_compare_view_new                 (void);
void            plx_compare_view_set_model           (PlxCompareView     *self,
                                                      PlxProject         *project,
                                                      PlxDocument        *document,
                                                      GListModel         *annotations);
PlxStatistics  *plx_compare_view_get_statistics      (PlxCompareView     *self);
void            plx_compare_view_refresh             (PlxCompareView     *self);
void            plx_compare_view_set_sort            (PlxCompareView     *self,
                                                      PlxCompareSort      sort);
void            plx_compare_view_set_filter          (PlxCompareView     *self,
                                                      const char         *text);
char          **plx_compare_view_dup_row_themes      (PlxCompareView     *self);
PlxThemeMatrix *plx_compare_view_get_matrix          (PlxCompareView     *self);
GtkWidget      *plx_compare_view_get_cell            (PlxCompareView     *self,
                                                      const char         *theme,
                                                      gint64              perspective_id);
GtkWidget      *plx_compare_view_get_document_map    (PlxCompareView     *self);
gboolean        plx_compare_view_export_table        (PlxCompareView     *self,
                                                      PlxStatisticsTable  table,
                                                      GFile              *file,
                                                      GError            **error);
PlxChart       *plx_compare_view_build_map_chart     (PlxCompareView     *self);
gboolean        plx_compare_view_export_map_png      (PlxCompareView     *self,
                                                      GFile              *file,
                                                      GError            **error);
gboolean        plx_compare_view_export_heat_map_png (PlxCompareView     *self,
                                                      GFile              *file,
                                                      GError            **error);

G_END_DECLS
