/* plx-window-document.c: opening documents without freezing the window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "plx-document-info-dialog.h"
#include "plx-profile.h"
#include "plx-window-private.h"

/* A document is parsed in a worker thread (NFC, Markdown, indexes), then
 * put into the text view a few slices per frame, from the frame clock:
 * on a 50 MB text neither step may hold the main loop for long, and an
 * idle callback would either starve drawing or be starved by it. */
#define FILL_SLICE_BYTES (64 * 1024)
#define FILL_BUDGET_US 8000

static void
document_selected_cb (PlxWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->document_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->document_summaries->len)
    return;
  plx_window_show_document (self, g_array_index (self->document_summaries, PlxDocumentSummary, selected).id);
}

static void
sync_document_dropdown (PlxWindow *self,
                        gint64     document_id)
{
  for (guint i = 0; i < self->document_summaries->len; i++)
    if (g_array_index (self->document_summaries, PlxDocumentSummary, i).id == document_id)
      {
        g_signal_handlers_block_by_func (self->document_dropdown, document_selected_cb, self);
        gtk_drop_down_set_selected (self->document_dropdown, i);
        g_signal_handlers_unblock_by_func (self->document_dropdown, document_selected_cb, self);
      }
}

void
_plx_window_refresh_documents (PlxWindow *self)
{
  g_autoptr(GArray) summaries = plx_project_list_document_summaries (self->project, NULL);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  if (summaries == NULL)
    return;
  for (guint i = 0; i < summaries->len; i++)
    gtk_string_list_append (titles, g_array_index (summaries, PlxDocumentSummary, i).title);

  /* Rebuilding the list is not the user picking a document. */
  g_signal_handlers_block_by_func (self->document_dropdown, document_selected_cb, self);
  g_clear_pointer (&self->document_summaries, g_array_unref);
  self->document_summaries = g_steal_pointer (&summaries);
  gtk_drop_down_set_model (self->document_dropdown, G_LIST_MODEL (titles));
  g_signal_handlers_unblock_by_func (self->document_dropdown, document_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->document_dropdown), self->document_summaries->len > 0);
  if (self->document != NULL)
    sync_document_dropdown (self, plx_document_get_id (self->document));
}

static const char *
block_tag_name (PlxBlockKind kind)
{
  switch (kind)
    {
    case PLX_BLOCK_TITLE: return "title";
    case PLX_BLOCK_HEADING: return "heading";
    case PLX_BLOCK_FOOTNOTE: return "footnote";
    case PLX_BLOCK_FOOTNOTE_MARK: return "footnote-mark";
    case PLX_BLOCK_PARAGRAPH:
    default: return "paragraph";
    }
}

static void
stop_waiting_for_busy_bar (PlxWindow *self)
{
  /* The bar is gone (NULL) once the window disposes its template. */
  if (self->load_reveal_handler != 0 && self->busy_revealer != NULL)
    g_signal_handler_disconnect (self->busy_revealer, self->load_reveal_handler);
  self->load_reveal_handler = 0;
}

static void
stop_loading (PlxWindow *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  stop_waiting_for_busy_bar (self);
  /* A read that never started is simply not started. */
  self->load_document_id = 0;
  g_clear_object (&self->load_cancellable);
  if (self->fill_source != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_source);
  self->fill_source = 0;
  g_clear_object (&self->loading);
}

/* Takes the shown (or loading) document out of the window. */
static void
clear_document (PlxWindow *self)
{
  stop_loading (self);
  g_clear_object (&self->highlighter);
  _plx_window_show_annotations (self, NULL);
  g_clear_object (&self->annotations);
  g_clear_object (&self->document);
  _plx_window_clear_panels (self);
  _plx_window_document_shown (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  _plx_window_update_actions (self);
}

static void
show_no_document (PlxWindow *self)
{
  /* GTK 4.8 unmapping the text view while it has the focus, a tick
   * callback, or a buffer just emptied, can end in a critical: those go
   * first, then the page, then the text. */
  stop_loading (self);
  _plx_window_stop_scrolling (self);
  _plx_window_cancel_popup (self);
  if (gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    gtk_root_set_focus (GTK_ROOT (self), NULL);
  gtk_stack_set_visible_child_name (self->document_stack, "empty");
  clear_document (self);
}

/* The user cancelled the load: the window is left without a document, as
 * it was while the document loaded, rather than with part of one. */
static void
abandon_load (PlxWindow *self)
{
  show_no_document (self);
  _plx_window_busy_end (self);
}

static void
finish_document (PlxWindow *self)
{
  g_autoptr(PlxDocument) document = g_steal_pointer (&self->loading);
  g_autoptr(PlxAnnotationList) annotations = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start;

  g_clear_object (&self->load_cancellable);
  _plx_window_busy_end (self);

  annotations = plx_annotation_list_new (self->project, plx_document_get_id (document), &error);
  if (annotations == NULL)
    {
      plx_window_show_error (self, _("Could Not Open the Document"), error);
      return;
    }

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (self->text_view), &start);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (self->text_view), &start);

  g_set_object (&self->document, document);
  g_set_object (&self->annotations, annotations);
  self->highlighter = plx_highlighter_new (self->text_view,
                                           _plx_window_show_annotations (self, annotations),
                                           plx_project_get_perspectives (self->project));
  _plx_window_rebuild_panels (self);
  _plx_window_document_shown (self);
  sync_document_dropdown (self, plx_document_get_id (document));

  g_settings_set_int64 (self->settings, "last-document", plx_document_get_id (document));
  if (self->pending_scroll >= 0)
    _plx_window_scroll_to_offset (self, (guint) self->pending_scroll, TRUE);
  self->pending_scroll = -1;
  _plx_window_update_actions (self);
  /* After the actions are enabled for the new document. */
  if (self->pending_reveal != NULL)
    {
      g_autofree char *uuid = g_steal_pointer (&self->pending_reveal);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-annotation", "s", uuid);
    }
  g_object_notify (G_OBJECT (self), "document");
  plx_profile_mark ("document-shown");
}

/* Puts the next slice of the document into the buffer; returns whether
 * there is more. */
static gboolean
fill_slice (PlxWindow *self)
{
  PlxDocument *document = self->loading;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = plx_document_get_text (document);
  gsize total = plx_document_get_text_bytes (document);
  gsize end_byte = MIN (self->fill_byte + FILL_SLICE_BYTES, total);
  const PlxBlock *blocks;
  guint n_blocks;
  GtkTextIter end;

  /* Slices end after a line break where there is one, else on a character. */
  if (end_byte < total)
    {
      const char *newline = memchr (text + end_byte, '\n', MIN (total - end_byte, 4096));

      end_byte = newline ? (gsize) (newline - text) + 1
                         : (gsize) (g_utf8_find_prev_char (text, text + end_byte + 1) - text);
    }

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text + self->fill_byte, (int) (end_byte - self->fill_byte));
  self->fill_chars += (guint) g_utf8_strlen (text + self->fill_byte, (gssize) (end_byte - self->fill_byte));
  self->fill_byte = end_byte;

  blocks = plx_document_get_blocks (document, &n_blocks);
  while (self->fill_block < n_blocks && blocks[self->fill_block].end <= self->fill_chars)
    {
      const PlxBlock *first = &blocks[self->fill_block];
      guint run_end = first->end;
      GtkTextIter a, b;

      /* Whole-line blocks of one kind that follow each other line after
       * line (a book's verses) take one stretch of their tag: a stretch
       * per block is two toggles in the buffer each, 4 MB on a book.
       * Only a line break is bridged; a blank line between blocks stays
       * untagged, as before. */
      for (self->fill_block++;
           self->fill_block < n_blocks && first->kind != PLX_BLOCK_FOOTNOTE_MARK &&
           blocks[self->fill_block].kind == first->kind &&
           blocks[self->fill_block].start <= run_end + 1 &&
           blocks[self->fill_block].end <= self->fill_chars;
           self->fill_block++)
        run_end = blocks[self->fill_block].end;

      gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) first->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) run_end);
      gtk_text_buffer_apply_tag_by_name (buffer, block_tag_name (first->kind), &a, &b);
    }
  return self->fill_byte < total;
}

static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  PlxWindow *self = data;
  gint64 deadline = g_get_monotonic_time () + FILL_BUDGET_US;
  gboolean first = self->fill_byte == 0;
  gboolean more;

  if (g_cancellable_is_cancelled (self->load_cancellable))
    {
      self->fill_source = 0;
      abandon_load (self);
      return G_SOURCE_REMOVE;
    }

  do
    more = fill_slice (self);
  while (more && g_get_monotonic_time () < deadline);

  if (first)
    {
      gtk_stack_set_visible_child_name (self->document_stack, "document");
      plx_profile_mark_after_next_paint (GTK_WIDGET (self), "first-text-frame");
    }
  if (more)
    {
      _plx_window_busy_progress (self, (double) self->fill_byte / (double) plx_document_get_text_bytes (self->loading));
      return G_SOURCE_CONTINUE;
    }

  self->fill_source = 0;
  finish_document (self);
  return G_SOURCE_REMOVE;
}

/* Puts the text of @document into the view, a slice per frame. */
static void
begin_fill (PlxWindow   *self,
            PlxDocument *document)
{
  g_set_object (&self->loading, document);
  self->fill_byte = 0;
  self->fill_chars = 0;
  self->fill_block = 0;
  self->fill_source = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, self, NULL);
}

/* What a read in flight needs when it ends: the window may have moved on
 * (another document, another project) and cancelled it. */
typedef struct {
  PlxWindow    *window;
  GCancellable *cancellable;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->window);
  g_clear_object (&load->cancellable);
  g_free (load);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  Load *load = data;
  PlxWindow *self = load->window;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = plx_project_load_document_finish (PLX_PROJECT (object), result, &error);
  /* A load replaced by another one has nothing left to do; one the user
   * cancelled leaves the window without a document. */
  if (g_cancellable_is_cancelled (load->cancellable))
    {
      if (load->cancellable == self->load_cancellable)
        abandon_load (self);
    }
  else if (document == NULL)
    {
      _plx_window_busy_end (self);
      g_clear_object (&self->load_cancellable);
      plx_window_show_error (self, _("Could Not Open the Document"), error);
    }
  else
    {
      plx_profile_mark ("document-parsed");
      begin_fill (self, document);
    }
  load_free (load);
}

/* The core reads the document on a connection of its own, in a worker. */
static void
start_parse (PlxWindow *self)
{
  Load *load = g_new0 (Load, 1);
  gint64 id = self->load_document_id;

  stop_waiting_for_busy_bar (self);
  self->load_document_id = 0;
  load->window = g_object_ref (self);
  load->cancellable = g_object_ref (self->load_cancellable);
  plx_project_load_document_async (self->project, id, load->cancellable, loaded_cb, load);
}

static void
busy_revealed_cb (PlxWindow *self)
{
  if (gtk_revealer_get_child_revealed (self->busy_revealer))
    start_parse (self);
}

/* Opens a document of the project in the window. It returns at once; the
 * window shows progress and stays responsive while a long text loads, and
 * notifies "document" when it is shown. Problems are shown to the user. */
/* Takes the window's document out and shows the busy bar for
 * @document_id instead. */
static void
begin_document (PlxWindow *self,
                gint64     document_id)
{
  g_autofree char *label = NULL;
  const char *title = NULL;

  clear_document (self);
  /* The map beside the text is as wide as the perspectives' lanes: it
   * takes that width now, so the text goes into a view of its final
   * width. Widening it once the text is in would make the view wrap the
   * whole buffer again, in one frame. */
  plx_document_map_set_model (self->document_map, NULL, plx_project_get_perspectives (self->project), NULL);

  for (guint i = 0; self->document_summaries != NULL && i < self->document_summaries->len; i++)
    if (g_array_index (self->document_summaries, PlxDocumentSummary, i).id == document_id)
      title = g_array_index (self->document_summaries, PlxDocumentSummary, i).title;
  label = g_strdup_printf (_("Opening “%s”…"), title ? title : "");
  _plx_window_busy_begin (self, label);
  self->load_cancellable = g_object_ref (self->busy_cancellable);
}

/* Opens a document of the project in the window. It returns at once; the
 * window shows progress and stays responsive while a long text loads, and
 * notifies "document" when it is shown. Problems are shown to the user. */
void
plx_window_show_document (PlxWindow *self,
                          gint64     document_id)
{
  g_return_if_fail (PLX_IS_WINDOW (self));
  g_return_if_fail (self->project != NULL);

  begin_document (self, document_id);
  /* The read waits for the busy bar to be in: on two cores a worker
   * beside the frames that take the old text out (and beside the X
   * server) made them longer. */
  self->load_document_id = document_id;
  if (gtk_revealer_get_child_revealed (self->busy_revealer))
    start_parse (self);
  else
    self->load_reveal_handler = g_signal_connect_swapped (self->busy_revealer, "notify::child-revealed",
                                                          G_CALLBACK (busy_revealed_cb), self);
}

/* Shows a document of the project that has been read already, as
 * plx_window_show_document() does; its text starts going in at the next
 * frame, the window's first one at start-up. */
void
_plx_window_show_read_document (PlxWindow   *self,
                                PlxDocument *document)
{
  begin_document (self, plx_document_get_id (document));
  begin_fill (self, document);
}

gboolean
plx_window_get_loading (PlxWindow *self)
{
  g_return_val_if_fail (PLX_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

/* Adds @document, read already, and opens it; completes @outer. */
/* After undo or redo: a document may have come or gone. */
void
_plx_window_documents_changed (PlxWindow *self)
{
  gboolean shown_exists = FALSE;

  _plx_window_refresh_documents (self);
  for (guint i = 0; self->document != NULL && i < self->document_summaries->len; i++)
    shown_exists |= g_array_index (self->document_summaries, PlxDocumentSummary, i).id == plx_document_get_id (self->document);
  if (self->document != NULL && shown_exists)
    return;
  if (self->document_summaries->len > 0)
    plx_window_show_document (self, g_array_index (self->document_summaries, PlxDocumentSummary,
                                                   self->document_summaries->len - 1).id);
  else if (!plx_window_get_loading (self))
    show_no_document (self);
}

/* A change to documents, whoever made it (this window, an undo): the
 * switcher follows, and the shown document is swapped for the project's
 * new one when only its title or facts changed (same text, same offsets). */
void
_plx_window_document_changes (PlxWindow    *self,
                              PlxChangeSet *changes)
{
  gboolean documents_changed = FALSE;

  for (guint i = 0; i < plx_change_set_get_n_changes (changes); i++)
    {
      const PlxChange *change = plx_change_set_get_change (changes, i);

      if (change->kind != PLX_CHANGE_DOCUMENT)
        continue;
      documents_changed = TRUE;
      if (change->before != NULL && change->after != NULL && self->document != NULL &&
          plx_document_get_id (change->after) == plx_document_get_id (self->document))
        {
          g_set_object (&self->document, change->after);
          _plx_window_document_shown (self);
        }
    }
  if (documents_changed)
    _plx_window_documents_changed (self);
}

typedef struct {
  PlxWindow *window;
  gint64     document_id;   /* the document shown when the dialog opened */
} InfoEdit;

static void
info_edited_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  InfoEdit *edit = data;
  g_autoptr(PlxWindow) self = edit->window;
  g_auto(GStrv) edited = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = edit->document_id;

  g_free (edit);
  edited = plx_document_info_dialog_edit_finish (result, &values, &error);
  if (edited == NULL || self->history == NULL)
    return;
  changes = plx_attribute_changes_document_info (self->project, id, edited[0], (const char * const *) edited + 1,
                                                 values, &error);
  if (!plx_history_apply_changes (self->history, changes, &error))
    plx_window_show_error (self, _("Could Not Change the Document Info"), error);
}

static void
document_info_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  InfoEdit *edit = g_new0 (InfoEdit, 1);

  edit->window = g_object_ref (self);
  edit->document_id = plx_document_get_id (self->document);
  plx_document_info_dialog_edit_async (GTK_WINDOW (self), self->project, self->document, NULL, info_edited_cb, edit);
}

/* Undoable, so it is done at once and offered back, as GNOME apps do
 * with things moved to the trash, rather than asked about first. */
static void
remove_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  g_autofree char *title = g_strdup (plx_document_get_title (self->document));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!plx_history_remove_document (self->history, plx_document_get_id (self->document), &error))
    {
      plx_window_show_error (self, _("Could Not Remove the Document"), error);
      return;
    }
  /* Translators: %s is the title of the document removed */
  message = g_strdup_printf (_("“%s” removed"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The switcher's button shows the title shortened to a fixed width, so
 * that a long title neither sets the window's minimum width nor moves the
 * header when another document is chosen; the list shows titles whole
 * (wrapped), with the full title as the button's tooltip. */
static void
setup_title_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  in_button)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (in_button != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  in_button)
{
  GtkStringObject *title = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (title));
}

static void
update_switcher_tooltip (PlxWindow *self)
{
  GtkStringObject *title = gtk_drop_down_get_selected_item (self->document_dropdown);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->document_dropdown),
                               title ? gtk_string_object_get_string (title) : NULL);
}

static GtkListItemFactory *
title_factory (gboolean in_button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_title_cb), GINT_TO_POINTER (in_button));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_title_cb), NULL);
  return factory;
}

void
_plx_window_document_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.document-info", NULL, document_info_action);
  gtk_widget_class_install_action (widget_class, "win.remove-document", NULL, remove_document_action);
  /* F2, as renaming is elsewhere in GNOME: the title is the first field. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.document-info", NULL);
}

void
_plx_window_document_init (PlxWindow *self)
{
  g_autoptr(GtkListItemFactory) button_factory = title_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = title_factory (FALSE);

  self->pending_scroll = -1;
  self->document_summaries = g_array_new (FALSE, FALSE, sizeof (PlxDocumentSummary));
  gtk_drop_down_set_factory (self->document_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->document_dropdown, list_factory);
  g_signal_connect_swapped (self->document_dropdown, "notify::selected-item", G_CALLBACK (update_switcher_tooltip), self);
  g_signal_connect_swapped (self->document_dropdown, "notify::selected", G_CALLBACK (document_selected_cb), self);
}

void
_plx_window_document_dispose (PlxWindow *self)
{
  stop_loading (self);
  g_clear_pointer (&self->document_summaries, g_array_unref);
}
