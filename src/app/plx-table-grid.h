/* plx-table-grid.h: a GtkGrid read as a table: one Tab stop, the arrow
 * keys move from cell to cell.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLX_TYPE_TABLE_GRID (plx_table_grid_get_type ())
G_DECLARE_FINAL_TYPE (PlxTableGrid, plx_table_grid, PLX, TABLE_GRID, GtkGrid)

GtkWidget *plx_table_grid_new         (void);
void       plx_table_grid_attach_cell (PlxTableGrid *self,
                                       const char   *text,
                                       const char   *name,
                                       int           column,
                                       int           row);

G_END_DECLS
