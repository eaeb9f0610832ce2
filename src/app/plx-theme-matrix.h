/* plx-theme-matrix.h: the Compare view's theme × perspective table: a row
 * per theme (and one for the passages without a theme), a column per
 * perspective, each cell the passages of that theme and perspective as
 * buttons activating "win.reveal-annotation" (target: the UUID string).
 * A cell shows at most PLX_COMPARE_VIEW_CELL_LIMIT passages until "Show
 * More" is clicked. Given a codebook, rows follow its hierarchy: a theme's
 * row counts its passages rolled up with those of the themes under it
 * (each passage once), and a row with rows under it has a disclosure
 * button; the top level is open until closed, deeper levels closed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

typedef enum {
  PLX_COMPARE_SORT_TOTAL,
  PLX_COMPARE_SORT_DISAGREEMENT,
  PLX_COMPARE_SORT_NAME,
} PlxCompareSort;

/* Rows show at most this many passages per cell until expanded. */
#define PLX_COMPARE_VIEW_CELL_LIMIT 5

#define PLX_TYPE_THEME_MATRIX (plx_theme_matrix_get_type ())
G_DECLARE_FINAL_TYPE (PlxThemeMatrix, plx_theme_matrix, PLX, THEME_MATRIX, GtkGrid)

void        plx_theme_matrix_set_statistics (PlxThemeMatrix *self,
                                             PlxStatistics  *statistics);
void        plx_theme_matrix_set_sort       (PlxThemeMatrix *self,
                                             PlxCompareSort  sort);
void        plx_theme_matrix_set_filter     (PlxThemeMatrix *self,
                                             const char     *text);
void        plx_theme_matrix_collapse       (PlxThemeMatrix *self);
guint       plx_theme_matrix_get_n_rows     (PlxThemeMatrix *self);
char      **plx_theme_matrix_dup_row_themes (PlxThemeMatrix *self);
void        plx_theme_matrix_set_codebook   (PlxThemeMatrix *self,
                                             GPtrArray      *codebook);
void        plx_theme_matrix_set_expanded   (PlxThemeMatrix *self,
                                             const char     *theme,
                                             gboolean        expanded);
gboolean    plx_theme_matrix_get_expanded   (PlxThemeMatrix *self,
                                             const char     *theme);
GtkWidget  *plx_theme_matrix_get_expander   (PlxThemeMatrix *self,
                                             const char     *theme);
GtkWidget  *plx_theme_matrix_get_cell       (PlxThemeMatrix *self,
                                             const char     *theme,
                                             gint64          perspective_id);

G_END_DECLS
