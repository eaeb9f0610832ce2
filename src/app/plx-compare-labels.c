/* plx-compare-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-compare-labels"

#include <glib/gi18n.h>

#include "plx-compare-labels.h"
#include "plx-table-grid.h"

void
plx_compare_clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A label in the role it has in a table: a column or row header or a
 * cell; the role can only be given when it is made. */
GtkWidget *
plx_compare_label_new_with_role (const char        *text,
                                 float              xalign,
                                 const char        *css_class,
                                 GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role, NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A cell of a statistics table, named by its row and column as a screen
 * reader should read it. */
void
plx_compare_attach_named_cell (GtkGrid    *grid,
                               const char *text,
                               const char *row,
                               const char *column,
                               int         left,
                               int         top)
{
  /* Translators: a table cell read aloud: its row, its column, then what it shows */
  g_autofree char *name = g_strdup_printf (_("%s, %s: %s"), row, column, text);

  plx_table_grid_attach_cell (PLX_TABLE_GRID (grid), text, name, left, top);
}

GtkWidget *
plx_compare_label_new (const char *text,
                       float       xalign,
                       const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
plx_compare_perspective_label_new (PlxPerspective    *perspective,
                                   const char        *extra,
                                   GtkAccessibleRole  role)
{
  g_autofree char *markup = NULL;
  g_autofree char *name = NULL;
  GtkWidget *label;

  /* The coloured dot carries the perspective's colour without CSS. */
  markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> <b>%s</b>%s%s",
                                    plx_perspective_get_color (perspective),
                                    plx_perspective_get_name (perspective),
                                    extra ? "\n" : "", extra ? extra : "");
  label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Read without the coloured dot. */
  name = extra ? g_strdup_printf (_("%s, %s"), plx_perspective_get_name (perspective), extra)
               : g_strdup (plx_perspective_get_name (perspective));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return label;
}

