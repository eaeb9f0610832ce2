/* plx-window-search.c: the Search view in the window (Ctrl+Shift+F), and
 * a hit opened in its document.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plx-window-private.h"

#define FLASH_MS 900

typedef struct {
  gint64 document_id;
  guint  start;
  guint  end;
} PendingHit;

static gboolean
clear_flash_cb (gpointer data)
{
  PlxWindow *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  self->flash_source = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->flash_tag, &start, &end);
  return G_SOURCE_REMOVE;
}

/* Selects [start, end) of the document shown, brings it into view and
 * flashes it, as revealing a passage does. */
static void
show_range (PlxWindow *self,
            guint      start_offset,
            guint      end_offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) start_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) end_offset);
  _plx_window_select_for_reader (self, &start, &end);
  _plx_window_scroll_to_offset (self, start_offset, FALSE);
  g_clear_handle_id (&self->flash_source, g_source_remove);
  clear_flash_cb (self);
  gtk_text_buffer_apply_tag (buffer, self->flash_tag, &start, &end);
  self->flash_source = g_timeout_add (FLASH_MS, clear_flash_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* The hit's document has been opened. */
static void
document_notify_cb (PlxWindow *self)
{
  PendingHit *pending = g_object_get_data (G_OBJECT (self), "plx-pending-hit");

  if (pending == NULL || self->document == NULL || plx_document_get_id (self->document) != pending->document_id)
    return;
  show_range (self, pending->start, pending->end);
  g_object_set_data (G_OBJECT (self), "plx-pending-hit", NULL);
}

static void
hit_activated_cb (PlxWindow    *self,
                  PlxSearchHit *hit)
{
  PendingHit *pending;

  if (self->document != NULL && plx_document_get_id (self->document) == plx_search_hit_get_document_id (hit) &&
      !plx_window_get_loading (self))
    {
      show_range (self, plx_search_hit_get_start (hit), plx_search_hit_get_end (hit));
      return;
    }
  pending = g_new (PendingHit, 1);
  pending->document_id = plx_search_hit_get_document_id (hit);
  pending->start = plx_search_hit_get_start (hit);
  pending->end = plx_search_hit_get_end (hit);
  g_object_set_data_full (G_OBJECT (self), "plx-pending-hit", pending, g_free);
  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  plx_window_show_document (self, pending->document_id);
}

static void
search_project_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "search");
  plx_search_view_focus_entry (self->search_view);
}

/* Follows the window's project: called when it is set (or let go). */
void
_plx_window_search_set_project (PlxWindow *self)
{
  g_autofree char *author = NULL;

  if (self->project != NULL)
    {
      author = g_settings_get_string (self->settings, "author");
      if (*author == '\0')
        {
          g_free (author);
          author = g_strdup (g_get_real_name ());
        }
    }
  plx_search_view_set_author (self->search_view, author);
  plx_search_view_set_project (self->search_view, self->project, self->project ? self->history : NULL);
}

void
_plx_window_search_init (PlxWindow *self)
{
  g_signal_connect_swapped (self->search_view, "hit-activated", G_CALLBACK (hit_activated_cb), self);
  g_signal_connect (self, "notify::document", G_CALLBACK (document_notify_cb), NULL);
}

void
_plx_window_search_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (PLX_TYPE_SEARCH_VIEW);
  gtk_widget_class_install_action (widget_class, "win.search-project", NULL, search_project_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-project", NULL);
}
