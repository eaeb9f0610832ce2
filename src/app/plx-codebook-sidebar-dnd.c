/* plx-codebook-sidebar-dnd.c: re-parenting by drag and drop. A theme's row
 * dragged onto another theme's row goes under it; dropped on the list's
 * free space it goes to the top. The drop ends in "codebook.move-under",
 * the action Move Under… (the keyboard's way) ends in too, so the move
 * is one undo step and a cycle is refused with the core's message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-codebook"

#include "plx-codebook-sidebar-private.h"

static PlxTheme *
row_theme (GtkWidget *row)
{
  GtkTreeListRow *list_row = GTK_IS_TREE_EXPANDER (row) ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (row)) : NULL;

  return list_row ? gtk_tree_list_row_get_item (list_row) : NULL;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       data)
{
  PlxTheme *theme = row_theme (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));

  if (theme == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, plx_theme_get_uuid (theme));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
drop_on_row_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                gpointer       data)
{
  PlxCodebookSidebar *self = data;
  PlxTheme *theme = row_theme (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  const char *dragged = g_value_get_string (value);

  if (theme == NULL || dragged == NULL || g_strcmp0 (dragged, plx_theme_get_uuid (theme)) == 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "codebook.move-under", "(ss)", dragged, plx_theme_get_uuid (theme));
  return TRUE;
}

static gboolean
drop_on_list_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 gpointer       data)
{
  PlxCodebookSidebar *self = data;
  const char *dragged = g_value_get_string (value);
  PlxTheme *theme = dragged && self->tree ? plx_theme_tree_find (self->tree, dragged) : NULL;

  /* Already at the top: nothing to do, and no undo step for it. */
  if (theme == NULL || plx_theme_get_parent_uuid (theme) == NULL || *plx_theme_get_parent_uuid (theme) == '\0')
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "codebook.move-under", "(ss)", dragged, "");
  return TRUE;
}

/* Each row (a GtkTreeExpander, made once and rebound) drags its theme
 * and takes another. */
void
_plx_codebook_sidebar_dnd_setup_row (PlxCodebookSidebar *self,
                                     GtkWidget          *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_on_row_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

void
_plx_codebook_sidebar_dnd_init (PlxCodebookSidebar *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_signal_connect (target, "drop", G_CALLBACK (drop_on_list_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (target));
}
