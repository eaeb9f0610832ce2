/* plx-table-grid.c
 *
 * GTK 4.8 gives screen readers no table interface, so a table is read a
 * cell at a time, each cell named with its row and column. Its focusable
 * cells are one Tab stop, entered at the cell focused last (or the first
 * when coming back with Shift+Tab, the last); within, the arrow keys move
 * to the next cell that takes focus that way, and Tab leaves. Every cell
 * its own Tab stop would make the Compare view dozens of stops long. The
 * moves are made here, by the cells' places in the grid: GTK's own pass
 * over boxes, which give focus only to their children.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-table-grid"

#include "plx-table-grid.h"

struct _PlxTableGrid
{
  GtkGrid    parent_instance;

  GtkWidget *last_focused;   /* weak */
};

G_DEFINE_FINAL_TYPE (PlxTableGrid, plx_table_grid, GTK_TYPE_GRID)

static gboolean
can_take_focus (GtkWidget *child)
{
  return child != NULL && gtk_widget_get_focusable (child) && gtk_widget_get_visible (child) &&
         gtk_widget_is_sensitive (child);
}

/* The first (or last) cell that takes focus, in reading order. */
static GtkWidget *
end_cell (PlxTableGrid *self,
          gboolean      first)
{
  GtkWidget *found = NULL;
  int found_column = 0, found_row = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, row;

      if (!can_take_focus (child))
        continue;
      gtk_grid_query_child (GTK_GRID (self), child, &column, &row, NULL, NULL);
      if (found == NULL ||
          (first ? (row < found_row || (row == found_row && column < found_column))
                 : (row > found_row || (row == found_row && column > found_column))))
        {
          found = child;
          found_column = column;
          found_row = row;
        }
    }
  return found;
}

/* Focuses the next cell that takes focus from @from in steps of
 * (@columns, @rows), within the table. */
static gboolean
move_from (PlxTableGrid *self,
           GtkWidget    *from,
           int           columns,
           int           rows)
{
  int column, row, last_column = 0, last_row = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int c, r, width, height;

      gtk_grid_query_child (GTK_GRID (self), child, &c, &r, &width, &height);
      last_column = MAX (last_column, c + width - 1);
      last_row = MAX (last_row, r + height - 1);
    }
  gtk_grid_query_child (GTK_GRID (self), from, &column, &row, NULL, NULL);
  for (column += columns, row += rows; column >= 0 && row >= 0 && column <= last_column && row <= last_row;
       column += columns, row += rows)
    {
      GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (self), column, row);

      if (can_take_focus (cell) && gtk_widget_grab_focus (cell))
        return TRUE;
    }
  return FALSE;
}

static gboolean
plx_table_grid_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  PlxTableGrid *self = PLX_TABLE_GRID (widget);
  GtkWidget *focus = gtk_widget_get_focus_child (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *cell;

  if (focus != NULL)
    {
      switch (direction)
        {
        case GTK_DIR_UP:
          return move_from (self, focus, 0, -1);
        case GTK_DIR_DOWN:
          return move_from (self, focus, 0, 1);
        case GTK_DIR_LEFT:
          return move_from (self, focus, rtl ? 1 : -1, 0);
        case GTK_DIR_RIGHT:
          return move_from (self, focus, rtl ? -1 : 1, 0);
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
        default:
          return FALSE;
        }
    }
  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return FALSE;
  if (self->last_focused != NULL && gtk_widget_get_parent (self->last_focused) == widget &&
      can_take_focus (self->last_focused) && gtk_widget_grab_focus (self->last_focused))
    return TRUE;
  cell = end_cell (self, direction == GTK_DIR_TAB_FORWARD);
  return cell != NULL && gtk_widget_grab_focus (cell);
}

static void
plx_table_grid_set_focus_child (GtkWidget *widget,
                                GtkWidget *child)
{
  PlxTableGrid *self = PLX_TABLE_GRID (widget);

  GTK_WIDGET_CLASS (plx_table_grid_parent_class)->set_focus_child (widget, child);
  if (child != NULL)
    g_set_weak_pointer (&self->last_focused, child);
}

static void
plx_table_grid_dispose (GObject *object)
{
  g_clear_weak_pointer (&PLX_TABLE_GRID (object)->last_focused);

  G_OBJECT_CLASS (plx_table_grid_parent_class)->dispose (object);
}

static void
plx_table_grid_class_init (PlxTableGridClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = plx_table_grid_dispose;
  widget_class->focus = plx_table_grid_focus;
  widget_class->set_focus_child = plx_table_grid_set_focus_child;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
plx_table_grid_init (PlxTableGrid *self)
{
}

GtkWidget *
plx_table_grid_new (void)
{
  return g_object_new (PLX_TYPE_TABLE_GRID, NULL);
}

/**
 * plx_table_grid_attach_cell:
 * @text: what the cell shows, right-aligned
 * @name: what a screen reader reads: the cell with its row and column
 *
 * Adds a cell the keyboard can land on: a box, as a label takes focus
 * only when its text can be selected.
 */
void
plx_table_grid_attach_cell (PlxTableGrid *self,
                            const char   *text,
                            const char   *name,
                            int           column,
                            int           row)
{
  GtkWidget *cell;
  GtkWidget *label;

  g_return_if_fail (PLX_IS_TABLE_GRID (self));

  cell = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL, "focusable", TRUE, NULL);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (cell), label);
  gtk_widget_add_css_class (cell, "table-cell");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_grid_attach (GTK_GRID (self), cell, column, row, 1, 1);
}
