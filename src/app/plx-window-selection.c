/* plx-window-selection.c: the selection in the text, and the tagging
 * popover, opened where the passage it is about can be seen.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plx-window-private.h"

/* How long the popover waits for its passage to be scrolled into view
 * (frames, about five seconds). */
#define POPUP_WAIT_FRAMES 300

/* Where, in the text view's own coordinates, the popover should point for
 * [tag_start, tag_end): at the passage's end if that is on screen, else at
 * its start. FALSE when neither is on screen (a popover pointed outside
 * its parent gets a negative size and GTK cannot place it). */
static gboolean
passage_on_screen (PlxWindow    *self,
                   GdkRectangle *rect)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkWidget *view = GTK_WIDGET (self->text_view);
  guint offsets[2] = { self->tag_end, self->tag_start };
  GdkRectangle visible;

  if (!gtk_widget_get_mapped (view) || gtk_widget_get_width (view) <= 0)
    return FALSE;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      GdkRectangle location;
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offsets[i]);
      gtk_text_view_get_iter_location (self->text_view, &iter, &location);
      if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
        continue;
      gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                             location.x, location.y, &rect->x, &rect->y);
      rect->x = CLAMP (rect->x, 0, gtk_widget_get_width (view) - 1);
      rect->width = 1;
      rect->height = MAX (location.height, 1);
      return TRUE;
    }
  return FALSE;
}

static void
popup_at (PlxWindow          *self,
          const GdkRectangle *rect)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (self->tag_popover), rect);
  gtk_popover_popup (GTK_POPOVER (self->tag_popover));
}

/* Waits until the passage is on screen and has stayed in one place for a
 * frame (the first scroll lands on an estimate, see settle_scroll_cb). */
static gboolean
popup_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  PlxWindow *self = data;
  GdkRectangle rect;
  gboolean shown = passage_on_screen (self, &rect);

  if (shown && self->popup_seen && gdk_rectangle_equal (&rect, &self->popup_rect))
    {
      self->popup_tick = 0;
      popup_at (self, &rect);
      return G_SOURCE_REMOVE;
    }
  self->popup_seen = shown;
  self->popup_rect = rect;
  if (--self->popup_frames_left == 0)
    {
      self->popup_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Opens the tagging popover at [tag_start, tag_end): at once if it is on
 * screen, else once it has been scrolled there. */
void
_plx_window_popup_tag_popover (PlxWindow *self)
{
  GdkRectangle rect;

  _plx_window_cancel_popup (self);
  if (passage_on_screen (self, &rect))
    {
      popup_at (self, &rect);
      return;
    }
  if (self->scroll_tick == 0)
    _plx_window_scroll_to_offset (self, self->tag_start, FALSE);
  self->popup_seen = FALSE;
  self->popup_frames_left = POPUP_WAIT_FRAMES;
  self->popup_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), popup_tick_cb, self, NULL);
}

/* The reader went on with something else: a popover that has not opened
 * yet would come out of nowhere. */
void
_plx_window_cancel_popup (PlxWindow *self)
{
  if (self->popup_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->popup_tick);
  self->popup_tick = 0;
}

/* ---- the selection ---- */

/* Lets go of the selection, leaving the cursor where it ended. */
void
_plx_window_clear_selection (PlxWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  self->selection_fresh = FALSE;
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;
  self->selecting = TRUE;
  gtk_text_buffer_place_cursor (buffer, &end);
  self->selecting = FALSE;
}

/* Selects a passage to show it (its card was clicked): not a selection
 * the reader made, so a digit does not tag it again. */
void
_plx_window_select_for_reader (PlxWindow         *self,
                               const GtkTextIter *start,
                               const GtkTextIter *end)
{
  self->selecting = TRUE;
  gtk_text_buffer_select_range (gtk_text_view_get_buffer (self->text_view), start, end);
  self->selecting = FALSE;
  self->selection_fresh = FALSE;
}

/* ::mark-set of the buffer: the reader moved the cursor or the selection. */
void
_plx_window_selection_moved (PlxWindow         *self,
                             const GtkTextIter *location,
                             GtkTextMark       *mark)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  if (self->selecting)
    return;
  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    self->selection_fresh = TRUE;
}

/* ---- the mouse ---- */

static gboolean
selection_bounds (PlxWindow   *self,
                  GtkTextIter *start,
                  GtkTextIter *end)
{
  return self->document != NULL &&
         gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (self->text_view), start, end) &&
         !gtk_text_iter_equal (start, end);
}

static void
open_for_selection (PlxWindow *self)
{
  GtkTextIter start, end;

  if (selection_bounds (self, &start, &end))
    _plx_window_open_tag_popover (self, (guint) gtk_text_iter_get_offset (&start), (guint) gtk_text_iter_get_offset (&end));
}

static gboolean
double_click_popup_cb (gpointer data)
{
  PlxWindow *self = data;

  self->click_popup_source = 0;
  open_for_selection (self);
  return G_SOURCE_REMOVE;
}

/* A drag that starts or ends inside a word takes the whole word; with Alt
 * held it keeps to the characters. */
static void
snap_to_words (PlxWindow *self)
{
  GtkTextIter start, end;
  GtkTextIter snapped_start, snapped_end;

  if (!selection_bounds (self, &start, &end))
    return;
  snapped_start = start;
  snapped_end = end;
  if (gtk_text_iter_inside_word (&snapped_start) && !gtk_text_iter_starts_word (&snapped_start))
    gtk_text_iter_backward_word_start (&snapped_start);
  if (gtk_text_iter_inside_word (&snapped_end) && !gtk_text_iter_starts_word (&snapped_end) &&
      !gtk_text_iter_ends_word (&snapped_end))
    gtk_text_iter_forward_word_end (&snapped_end);
  if (!gtk_text_iter_equal (&start, &snapped_start) || !gtk_text_iter_equal (&end, &snapped_end))
    gtk_text_buffer_select_range (gtk_text_view_get_buffer (self->text_view), &snapped_end, &snapped_start);
}

/* A triple click takes the paragraph under the pointer (a line of the
 * buffer), without the blanks around it. */
static void
select_paragraph_at (PlxWindow *self,
                     double     x,
                     double     y)
{
  GtkTextIter start, end;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &start, bx, by);
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  while (gtk_text_iter_compare (&start, &end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&start)))
    gtk_text_iter_forward_char (&start);
  while (gtk_text_iter_compare (&start, &end) < 0)
    {
      GtkTextIter before = end;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      end = before;
    }
  gtk_text_buffer_select_range (gtk_text_view_get_buffer (self->text_view), &end, &start);
}

/* A press may be the second or third of a multiple click: the popover the
 * one before would open waits for it (else the popover takes the press,
 * and a triple click selected one word). */
void
_plx_window_text_pressed (PlxWindow       *self,
                          int              n_press,
                          double           x,
                          double           y,
                          GtkGestureClick *gesture)
{
  g_clear_handle_id (&self->click_popup_source, g_source_remove);
}

/* A mouse selection opens the tagging popover where it ends: at once
 * after a drag or a triple click, after the double-click time after a
 * double click. */
void
_plx_window_text_released (PlxWindow       *self,
                           int              n_press,
                           double           x,
                           double           y,
                           GtkGestureClick *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  int double_click_ms = 400;

  g_clear_handle_id (&self->click_popup_source, g_source_remove);
  if (self->document == NULL)
    return;
  if (n_press >= 3)
    {
      select_paragraph_at (self, x, y);
      open_for_selection (self);
    }
  else if (n_press == 2)
    {
      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-double-click-time", &double_click_ms, NULL);
      self->click_popup_source = g_timeout_add (MAX (double_click_ms, 1), double_click_popup_cb, self);
    }
  else
    {
      if ((state & GDK_ALT_MASK) == 0)
        snap_to_words (self);
      open_for_selection (self);
    }
}

/* ---- the context menu ---- */

/* Tagging as each perspective by name; the items show only while there
 * is a selection (win.tag-as is disabled without one). */
void
_plx_window_update_text_menu (PlxWindow *self)
{
  GListModel *perspectives = self->project ? plx_project_get_perspectives (self->project) : NULL;
  guint n = perspectives ? MIN (g_list_model_get_n_items (perspectives), 9) : 0;

  g_menu_remove_all (self->text_menu);
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (i == 0)
        label = g_strdup (_("_Tag Selection…"));
      else
        {
          g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i - 1);

          /* Translators: the perspective's name, then the key that tags with it */
          label = g_strdup_printf (_("Tag as %s (%u)"), plx_perspective_get_name (perspective), i);
        }
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.tag-as", "i", (int) i);
      g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
      g_menu_append_item (self->text_menu, item);
    }
}

/* The right-click menu: tagging the selection, editing or deleting the
 * passages under the pointer, copying. GTK's own menu would add cut,
 * paste and undo, always greyed in text that cannot be edited. */
static void
text_menu_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      PlxWindow       *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) passages = g_menu_new ();
  g_autoptr(GMenu) clipboard = g_menu_new ();
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };
  GtkTextIter iter;
  int bx, by;

  if (self->document == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _plx_window_cancel_popup (self);

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (self->annotations != NULL && gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    {
      g_autoptr(GPtrArray) covering = plx_annotation_list_at_offset (self->annotations, (guint) gtk_text_iter_get_offset (&iter));

      _plx_window_drop_hidden (self, covering);
      for (guint i = 0; i < covering->len && i < 4; i++)
        {
          PlxAnnotation *annotation = g_ptr_array_index (covering, i);
          PlxPerspective *perspective = plx_project_find_perspective (self->project, plx_annotation_get_perspective_id (annotation));
          const char *name = perspective ? plx_perspective_get_name (perspective) : "";
          g_autofree char *edit = g_strdup_printf (_("Edit Passage (%s)…"), name);
          g_autofree char *delete = g_strdup_printf (_("Delete Passage (%s)"), name);
          g_autoptr(GMenuItem) edit_item = g_menu_item_new (edit, NULL);
          g_autoptr(GMenuItem) delete_item = g_menu_item_new (delete, NULL);

          g_menu_item_set_action_and_target (edit_item, "win.edit-annotation", "s", plx_annotation_get_uuid (annotation));
          g_menu_item_set_action_and_target (delete_item, "win.delete-annotation", "s", plx_annotation_get_uuid (annotation));
          g_menu_append_item (passages, edit_item);
          g_menu_append_item (passages, delete_item);
        }
    }

  g_menu_append (clipboard, _("_Copy"), "clipboard.copy");
  g_menu_append (clipboard, _("Select _All"), "selection.select-all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (self->text_menu));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (passages));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clipboard));

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->text_menu_popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->text_menu_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->text_menu_popover));
}

static void
has_selection_cb (PlxWindow *self)
{
  _plx_window_update_actions (self);
}

void
_plx_window_text_menu_init (PlxWindow *self)
{
  GtkGesture *menu_click = gtk_gesture_click_new ();

  self->text_menu = g_menu_new ();
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->text_menu));
  self->text_menu_popover = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->text_menu_popover), FALSE);
  gtk_widget_set_halign (self->text_menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->text_menu_popover, GTK_WIDGET (self->text_view));

  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (menu_click), "plx-text-menu");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (menu_click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (menu_click), GTK_PHASE_CAPTURE);
  g_signal_connect (menu_click, "pressed", G_CALLBACK (text_menu_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (menu_click));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "notify::has-selection",
                            G_CALLBACK (has_selection_cb), self);
}

/* ---- the same passage tagged twice ---- */

PlxAnnotation *
_plx_window_find_duplicate (PlxWindow *self,
                            guint      start,
                            guint      end,
                            gint64     perspective_id)
{
  if (self->annotations == NULL)
    return NULL;
  return plx_annotation_list_find_span (self->annotations, start, end, perspective_id);
}

typedef struct {
  guint   start;
  guint   end;
  gint64  perspective_id;
  char  **themes;
  char   *note;
} PendingTag;

static void
pending_tag_free (gpointer data)
{
  PendingTag *pending = data;

  g_strfreev (pending->themes);
  g_free (pending->note);
  g_free (pending);
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PlxWindow        *self)
{
  PendingTag *pending = g_object_get_data (G_OBJECT (dialog), "pending");

  if (g_strcmp0 (response, "tag") == 0 && self->document != NULL)
    _plx_window_add_tag (self, pending->start, pending->end, pending->perspective_id,
                         (const char * const *) pending->themes, pending->note);
  else
    _plx_window_clear_selection (self);
}

void
_plx_window_ask_duplicate (PlxWindow          *self,
                           guint               start,
                           guint               end,
                           gint64              perspective_id,
                           const char * const *themes,
                           const char         *note)
{
  PlxPerspective *perspective = plx_project_find_perspective (self->project, perspective_id);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  PendingTag *pending = g_new0 (PendingTag, 1);

  pending->start = start;
  pending->end = end;
  pending->perspective_id = perspective_id;
  pending->themes = g_strdupv ((char **) themes);
  pending->note = g_strdup (note);

  body = g_strdup_printf (_("This passage is already tagged “%s”. Tag it with that perspective a second time?"),
                          perspective ? plx_perspective_get_name (perspective) : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Tag the Passage Again?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "tag", _("_Tag Again"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pending", pending, pending_tag_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
