/* plx-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <glib/gi18n.h>

#include "plx-palette.h"
#include "plx-perspective-panel.h"
#include "plx-window-private.h"

/* Below this width the panels share one column as tabs. */
#define COLUMNS_MIN_WIDTH 1200
#define FLASH_MS 900

G_DEFINE_FINAL_TYPE (PlxWindow, plx_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


void
plx_window_show_error (PlxWindow  *self,
                       const char *heading,
                       GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_plx_window_toast (PlxWindow  *self,
                   const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ---- the text ---- */

static void
create_text_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "title",
                              "scale", 1.7, "weight", PANGO_WEIGHT_BOLD,
                              "pixels-below-lines", 24, NULL);
  gtk_text_buffer_create_tag (buffer, "heading",
                              "scale", 1.3, "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 22, "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph",
                              "pixels-below-lines", 14, NULL);
  gtk_text_buffer_create_tag (buffer, "footnote",
                              "scale", 0.85, "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "footnote-mark",
                              "scale", 0.75, "rise", 4 * PANGO_SCALE, NULL);
}

static gboolean
get_selection (PlxWindow *self,
               guint     *start,
               guint     *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter a, b;

  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return FALSE;
  *start = (guint) gtk_text_iter_get_offset (&a);
  *end = (guint) gtk_text_iter_get_offset (&b);
  return *end > *start;
}

static guint
top_visible_offset (PlxWindow *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, visible.x, visible.y);
  return (guint) gtk_text_iter_get_offset (&iter);
}

static void
reader_took_over_cb (PlxWindow *self)
{
  _plx_window_cancel_popup (self);
  if (self->scroll_tick != 0)
    self->scroll_frames_left = 1;
}

/* The same for the "scroll" and "key-pressed" signals, which return
 * whether the event was handled: it was not, it goes on. Connected to the
 * function above, they returned whatever was left in a register, and a
 * key could be swallowed (Ctrl+2 after Enter on the map). */
static gboolean
reader_took_over_event_cb (PlxWindow *self)
{
  reader_took_over_cb (self);
  return FALSE;
}

static void
scroll_to_target (PlxWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_mark (buffer, "plx-scroll-target"),
                                0.0, TRUE, 0.0, self->scroll_yalign);
}

/* Until the view has measured every line above the target, the line's y is
 * an estimate and the first scroll lands short, and lines measured later
 * move it again; so the target is put back in place on every frame for a
 * few seconds, or until the reader scrolls, types or clicks. */
static gboolean
settle_scroll_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  PlxWindow *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter target;
  GdkRectangle visible, location;
  int wanted;

  gtk_text_buffer_get_iter_at_mark (buffer, &target, gtk_text_buffer_get_mark (buffer, "plx-scroll-target"));
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &target, &location);
  wanted = visible.y + (int) (self->scroll_yalign * (visible.height - location.height));

  if (ABS (location.y - wanted) > location.height)
    scroll_to_target (self);
  if (--self->scroll_frames_left == 0)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
_plx_window_scroll_to_offset (PlxWindow *self,
                  guint      offset,
                  gboolean   to_top)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "plx-scroll-target");
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  if (mark == NULL)
    gtk_text_buffer_create_mark (buffer, "plx-scroll-target", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  self->scroll_yalign = to_top ? 0.0 : 0.3;
  scroll_to_target (self);

  self->scroll_frames_left = 300;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), settle_scroll_cb, self, NULL);
}

/* ---- panels ---- */

/* Everything that follows the shown document (or its absence, while one
 * loads) hooks in here. */
void
_plx_window_document_shown (PlxWindow *self)
{
  GListModel *annotations = self->annotations ? G_LIST_MODEL (self->annotations) : NULL;

  plx_compare_view_set_model (self->compare_view, self->document ? self->project : NULL, self->document, annotations);
  plx_document_map_set_model (self->document_map, self->document,
                              self->document && self->project ? plx_project_get_perspectives (self->project) : NULL,
                              annotations);
}

/* The map beside the essay shades the part of the text on screen. */
static void
update_map_viewport (PlxWindow *self)
{
  GdkRectangle visible;
  GtkTextIter top, bottom;

  if (self->document == NULL)
    return;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &top, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (self->text_view, &bottom, visible.x + visible.width, visible.y + visible.height);
  plx_document_map_set_viewport (self->document_map, (guint) gtk_text_iter_get_offset (&top),
                                 (guint) gtk_text_iter_get_offset (&bottom));
}

static void
scroll_to_offset_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint offset = g_variant_get_uint32 (parameter);
  GtkTextIter iter;

  if (self->document == NULL)
    return;
  offset = MIN (offset, plx_document_get_length (self->document));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  _plx_window_scroll_to_offset (self, offset, FALSE);
}

void
_plx_window_clear_panels (PlxWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tabs_stack))) != NULL)
    gtk_stack_remove (self->tabs_stack, child);
  g_ptr_array_set_size (self->panels, 0);
  gtk_stack_set_visible_child_name (self->panels_stack, "empty");
}

/* Puts the panels into the columns or the tabs, whichever the width
 * calls for. */
static void
place_panels (PlxWindow *self)
{
  for (guint i = 0; i < self->panels->len; i++)
    {
      GtkWidget *panel = g_ptr_array_index (self->panels, i);
      GtkWidget *parent = gtk_widget_get_parent (panel);
      PlxPerspective *perspective = plx_perspective_panel_get_perspective (PLX_PERSPECTIVE_PANEL (panel));

      g_object_ref (panel);
      if (GTK_IS_STACK (parent))
        gtk_stack_remove (GTK_STACK (parent), panel);
      else if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), panel);

      if (self->narrow)
        gtk_stack_add_titled (self->tabs_stack, panel, NULL, plx_perspective_get_name (perspective));
      else
        gtk_box_append (self->columns_box, panel);
      g_object_unref (panel);
    }
  if (self->panels->len == 0)
    gtk_stack_set_visible_child_name (self->panels_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->panels_stack, self->narrow ? "tabs" : "columns");
}

/* Whether every panel fits side by side in @width, each at least as wide
 * as it asks: else the last ones would be cut off. */
static gboolean
columns_fit (PlxWindow *self,
             int        width)
{
  int widest = 0;

  for (guint i = 0; i < self->panels->len; i++)
    {
      int minimum;

      gtk_widget_measure (g_ptr_array_index (self->panels, i), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      widest = MAX (widest, minimum);
    }
  return width >= widest * (int) self->panels->len;
}

/* The drop-down that stands in for the tabs where they do not fit. */
static void
tabs_dropdown_selected_cb (PlxWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->tabs_stack);
  guint selected = gtk_drop_down_get_selected (self->tabs_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && !gtk_selection_model_is_selected (pages, selected))
    gtk_selection_model_select_item (pages, selected, TRUE);
}

static void
visible_tab_changed_cb (PlxWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->tabs_stack);
  GtkWidget *visible = gtk_stack_get_visible_child (self->tabs_stack);

  for (guint i = 0; visible != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == visible && gtk_drop_down_get_selected (self->tabs_dropdown) != i)
        gtk_drop_down_set_selected (self->tabs_dropdown, i);
    }
}

void
_plx_window_rebuild_panels (PlxWindow *self)
{
  GListModel *perspectives;
  guint n;

  _plx_window_clear_panels (self);
  if (self->project == NULL || self->annotations == NULL)
    return;

  perspectives = plx_project_get_perspectives (self->project);
  n = g_list_model_get_n_items (perspectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);
      GtkWidget *panel = plx_perspective_panel_new (perspective, G_LIST_MODEL (self->annotations));

      plx_perspective_panel_set_number (PLX_PERSPECTIVE_PANEL (panel), i + 1);
      g_ptr_array_add (self->panels, panel);
    }
  place_panels (self);
  _plx_window_apply_query (self);
  plx_tag_popover_set_perspectives (self->tag_popover, perspectives);
  _plx_window_update_text_menu (self);
  /* Another number of panels may fit side by side, or no longer. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
perspectives_changed_cb (PlxWindow *self)
{
  _plx_window_rebuild_panels (self);
  _plx_window_update_actions (self);
}

static gboolean
refresh_themes_cb (gpointer data)
{
  PlxWindow *self = data;

  self->themes_source = 0;
  _plx_window_refresh_themes (self);
  return G_SOURCE_REMOVE;
}

/* The theme list is a query over every passage: refreshed once a burst of
 * changes is over, not on each tag, which must stay instant. */
static void
changes_committed_cb (PlxWindow *self)
{
  g_clear_handle_id (&self->themes_source, g_source_remove);
  self->themes_source = g_timeout_add (300, refresh_themes_cb, self);
}

static gboolean
relayout_cb (gpointer data)
{
  PlxWindow *self = data;

  self->layout_source = 0;
  place_panels (self);
  return G_SOURCE_REMOVE;
}

static void
plx_window_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  PlxWindow *self = PLX_WINDOW (widget);
  gboolean narrow;

  GTK_WIDGET_CLASS (plx_window_parent_class)->size_allocate (widget, width, height, baseline);
  narrow = width < COLUMNS_MIN_WIDTH || !columns_fit (self, gtk_widget_get_width (GTK_WIDGET (self->panels_stack)));

  /* The widget tree must not change during allocation. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      /* Before the next frame is drawn, not whenever the loop is idle. */
      if (self->layout_source == 0)
        self->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_cb, self, NULL);
    }
}

/* ---- project and documents ---- */

/* Shows @project in the window, with @document when it is the one to
 * show and has been read already (by plx_project_open_async()). */
static void
set_project (PlxWindow   *self,
             PlxProject  *project,
             PlxDocument *document)
{
  gint64 wanted;
  gint64 shown;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (plx_project_get_perspectives (self->project), self);
    }
  g_clear_object (&self->highlighter);
  g_clear_object (&self->annotations);
  g_clear_object (&self->document);
  g_set_object (&self->project, project);
  g_clear_object (&self->history);
  self->history = plx_history_new (project);
  g_signal_connect_swapped (self->history, "notify", G_CALLBACK (_plx_window_update_actions), self);
  g_signal_connect_swapped (project, "changes-committed", G_CALLBACK (changes_committed_cb), self);
  g_signal_connect_swapped (plx_project_get_perspectives (project), "items-changed",
                            G_CALLBACK (perspectives_changed_cb), self);
  _plx_window_io_start (self);

  _plx_window_refresh_documents (self);
  _plx_window_refresh_themes (self);
  _plx_window_clear_panels (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  gtk_stack_set_visible_child_name (self->document_stack, "empty");
  adw_view_switcher_title_set_title (self->window_title, _("Parallax"));
  adw_view_switcher_title_set_subtitle (self->window_title, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Parallax"));

  /* The document open last time, where the reader left it; else the
   * newest one. */
  wanted = g_settings_get_int64 (self->settings, "last-document");
  shown = plx_document_summaries_pick (self->document_summaries, wanted);
  if (shown != 0)
    {
      self->pending_scroll = shown == wanted ? MAX (0, g_settings_get_int (self->settings, "scroll-offset")) : -1;
      if (document != NULL && plx_document_get_id (document) == shown)
        _plx_window_show_read_document (self, document);
      else
        plx_window_show_document (self, shown);
    }
  _plx_window_update_actions (self);
}

gboolean
plx_window_open_project (PlxWindow   *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(PlxProject) project = NULL;

  g_return_val_if_fail (PLX_IS_WINDOW (self), FALSE);

  project = plx_project_open (path, error);
  if (project == NULL)
    return FALSE;
  set_project (self, project, NULL);
  return TRUE;
}

/**
 * plx_window_show_opening:
 *
 * Shows that the project at @path is being opened elsewhere (with
 * plx_project_open_async()); plx_window_finish_opening() takes the result.
 * The user can cancel it.
 */
void
plx_window_show_opening (PlxWindow  *self,
                         const char *path)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (PLX_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  name = g_path_get_basename (path);
  label = g_strdup_printf (_("Opening “%s”…"), name);
  _plx_window_busy_begin (self, label);
  g_set_object (&self->opening_cancellable, self->busy_cancellable);
}

void
plx_window_finish_opening (PlxWindow    *self,
                           const char   *path,
                           GAsyncResult *result)
{
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) opening = NULL;

  g_return_if_fail (PLX_IS_WINDOW (self));

  project = plx_project_open_finish (result, &document, &error);
  opening = g_steal_pointer (&self->opening_cancellable);
  /* Anything begun since (another project, an import) replaced the
   * opening, and so did the user cancelling it. */
  if (opening == NULL || opening != self->busy_cancellable)
    return;
  _plx_window_busy_end (self);
  if (g_cancellable_is_cancelled (opening))
    return;
  if (project == NULL)
    plx_window_show_open_error (self, path, error);
  else
    set_project (self, project, document);
}

PlxProject *
plx_window_get_project (PlxWindow *self)
{
  g_return_val_if_fail (PLX_IS_WINDOW (self), NULL);
  return self->project;
}

PlxDocument *
plx_window_get_document (PlxWindow *self)
{
  g_return_val_if_fail (PLX_IS_WINDOW (self), NULL);
  return self->document;
}

GtkTextView *
plx_window_get_text_view (PlxWindow *self)
{
  g_return_val_if_fail (PLX_IS_WINDOW (self), NULL);
  return self->text_view;
}

/* Whether the panels are shown as tabs rather than side by side. */
gboolean
plx_window_get_compact (PlxWindow *self)
{
  g_return_val_if_fail (PLX_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->panels_stack), "tabs") == 0;
}

GtkSearchEntry *
plx_window_get_search_entry (PlxWindow *self)
{
  g_return_val_if_fail (PLX_IS_WINDOW (self), NULL);
  return self->search_entry;
}

GListModel *
plx_window_get_panel_model (PlxWindow *self,
                            gint64     perspective_id)
{
  g_return_val_if_fail (PLX_IS_WINDOW (self), NULL);

  for (guint i = 0; i < self->panels->len; i++)
    {
      PlxPerspectivePanel *panel = g_ptr_array_index (self->panels, i);

      if (plx_perspective_get_id (plx_perspective_panel_get_perspective (panel)) == perspective_id)
        return plx_perspective_panel_get_model (panel);
    }
  return NULL;
}

/* ---- tagging ---- */

static char *
author_name (PlxWindow *self)
{
  g_autofree char *configured = g_settings_get_string (self->settings, "author");

  if (*configured != '\0')
    return g_steal_pointer (&configured);
  return g_strdup (g_get_real_name ());
}

/* Tags [start, end) at once; the selection it came from is done with. */
gboolean
_plx_window_add_tag (PlxWindow          *self,
                     guint               start,
                     guint               end,
                     gint64              perspective_id,
                     const char * const *themes,
                     const char         *note)
{
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = author_name (self);

  annotation = plx_annotation_new_for_range (self->document, start, end, perspective_id, &error);
  if (annotation != NULL)
    {
      plx_annotation_set_themes (annotation, themes);
      plx_annotation_set_note (annotation, note);
      plx_annotation_set_author (annotation, author);
    }
  if (annotation == NULL || !plx_history_add_annotation (self->history, annotation, &error))
    {
      plx_window_show_error (self, _("Could Not Tag the Passage"), error);
      return FALSE;
    }
  _plx_window_clear_selection (self);
  return TRUE;
}

/* The same passage tagged twice with the same perspective is most likely
 * a slip: asked first. */
static void
tag_range (PlxWindow          *self,
           guint               start,
           guint               end,
           gint64              perspective_id,
           const char * const *themes,
           const char         *note)
{
  if (_plx_window_find_duplicate (self, start, end, perspective_id))
    _plx_window_ask_duplicate (self, start, end, perspective_id, themes, note);
  else
    _plx_window_add_tag (self, start, end, perspective_id, themes, note);
}

void
_plx_window_open_tag_popover (PlxWindow *self,
                              guint      start,
                              guint      end)
{
  g_autofree char *quote = plx_document_dup_range (self->document, start, MIN (end, start + 60));
  g_autofree char *title = g_strdup_printf (end - start > 60 ? _("Tag “%s…”") : _("Tag “%s”"), g_strstrip (quote));

  g_clear_pointer (&self->editing_uuid, g_free);
  self->tag_start = start;
  self->tag_end = end;
  plx_tag_popover_prepare (self->tag_popover, title, 0, NULL, "");
  _plx_window_popup_tag_popover (self);
}

static void
tag_popover_save_cb (PlxWindow *self)
{
  g_auto(GStrv) themes = plx_tag_popover_dup_themes (self->tag_popover);
  gint64 perspective_id = plx_tag_popover_get_perspective_id (self->tag_popover);
  const char *note = plx_tag_popover_get_note (self->tag_popover);
  g_autoptr(GError) error = NULL;

  if (self->editing_uuid == NULL)
    {
      tag_range (self, self->tag_start, self->tag_end, perspective_id, (const char * const *) themes, note);
      return;
    }

  {
    g_autoptr(PlxAnnotation) annotation = plx_project_get_annotation (self->project, self->editing_uuid, &error);

    if (annotation != NULL)
      {
        plx_annotation_set_perspective_id (annotation, perspective_id);
        plx_annotation_set_themes (annotation, (const char * const *) themes);
        plx_annotation_set_note (annotation, note);
      }
    if (annotation == NULL || !plx_history_update_annotation (self->history, annotation, &error))
      plx_window_show_error (self, _("Could Not Save the Passage"), error);
    else
      _plx_window_clear_selection (self);
  }
}

static void
tag_selection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  int number = g_variant_get_int32 (parameter);
  GListModel *perspectives;
  guint start, end;

  if (!get_selection (self, &start, &end))
    {
      _plx_window_toast (self, _("Select a passage first"));
      return;
    }
  if (number <= 0)
    {
      _plx_window_open_tag_popover (self, start, end);
      return;
    }

  perspectives = plx_project_get_perspectives (self->project);
  if ((guint) number <= g_list_model_get_n_items (perspectives))
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, (guint) number - 1);
      tag_range (self, start, end, plx_perspective_get_id (perspective), NULL, "");
    }
}

/* Digits 1–9 on a selection tag it with that perspective at once; Escape
 * lets go of the selection. */
static gboolean
text_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     PlxWindow             *self)
{
  guint digit = gdk_keyval_to_unicode (keyval);
  guint start, end;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Escape && get_selection (self, &start, &end))
    {
      _plx_window_clear_selection (self);
      return TRUE;
    }
  /* Only a selection the reader made: not what is left selected after
   * tagging, nor a passage shown from its card. */
  if (digit < '1' || digit > '9' || !self->selection_fresh || !get_selection (self, &start, &end))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.tag-selection", "i", (int) (digit - '0'));
  return TRUE;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  PlxWindow  *self)
{
  g_autoptr(GPtrArray) covering = NULL;
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;
  int bx, by;

  if (self->annotations == NULL || keyboard)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return FALSE;
  covering = plx_annotation_list_at_offset (self->annotations, (guint) gtk_text_iter_get_offset (&iter));
  if (covering->len == 0)
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < covering->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (covering, i);
      PlxPerspective *perspective = plx_project_find_perspective (self->project, plx_annotation_get_perspective_id (annotation));
      g_autofree char *themes = g_strjoinv (", ", (char **) plx_annotation_get_themes (annotation));
      g_autofree char *line = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> <b>%s</b>%s%s%s%s",
                                                       perspective ? plx_perspective_get_color (perspective) : "#888888",
                                                       perspective ? plx_perspective_get_name (perspective) : "?",
                                                       *themes ? " — " : "", themes,
                                                       *plx_annotation_get_note (annotation) ? "\n" : "",
                                                       plx_annotation_get_note (annotation));
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

/* ---- actions on annotations ---- */

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

static void
reveal_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  PlxAnnotation *annotation;
  GtkTextIter start, end;

  if (self->annotations == NULL ||
      (annotation = plx_annotation_list_find (self->annotations, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) plx_annotation_get_start (annotation));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) plx_annotation_get_end (annotation));
  _plx_window_select_for_reader (self, &start, &end);
  _plx_window_scroll_to_offset (self, plx_annotation_get_start (annotation), FALSE);

  /* A flash still on: its timeout goes with it, or it would outlive the
   * window (its id was overwritten below and dispose missed it). */
  g_clear_handle_id (&self->flash_source, g_source_remove);
  clear_flash_cb (self);
  gtk_text_buffer_apply_tag (buffer, self->flash_tag, &start, &end);
  self->flash_source = g_timeout_add (FLASH_MS, clear_flash_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
undo_delete_cb (AdwToast  *toast_,
                PlxWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
}

static void
delete_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  AdwToast *done;

  if (!plx_history_delete_annotation (self->history, g_variant_get_string (parameter, NULL), &error))
    {
      plx_window_show_error (self, _("Could Not Delete the Passage"), error);
      return;
    }
  done = adw_toast_new (_("Passage deleted"));
  adw_toast_set_button_label (done, _("_Undo"));
  g_signal_connect_object (done, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, done);
}

static void
edit_annotation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  PlxAnnotation *annotation;
  g_autofree char *quote = NULL;
  g_autofree char *title = NULL;
  glong length;

  if (self->annotations == NULL ||
      (annotation = plx_annotation_list_find (self->annotations, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  reveal_annotation_action (widget, NULL, parameter);
  /* g_utf8_substring() reads past a shorter string's end. */
  length = g_utf8_strlen (plx_annotation_get_quote (annotation), -1);
  quote = g_utf8_substring (plx_annotation_get_quote (annotation), 0, MIN (length, 60));
  title = g_strdup_printf (length > 60 ? _("Edit “%s…”") : _("Edit “%s”"), g_strstrip (quote));
  g_free (self->editing_uuid);
  self->editing_uuid = g_strdup (plx_annotation_get_uuid (annotation));
  plx_tag_popover_prepare (self->tag_popover, title,
                           plx_annotation_get_perspective_id (annotation),
                           plx_annotation_get_themes (annotation),
                           plx_annotation_get_note (annotation));
  self->tag_start = plx_annotation_get_start (annotation);
  self->tag_end = plx_annotation_get_end (annotation);
  _plx_window_popup_tag_popover (self);
}

static void
set_extent_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  guint start, end;

  if (!get_selection (self, &start, &end))
    {
      _plx_window_toast (self, _("Select the new extent in the text first"));
      return;
    }
  annotation = plx_project_get_annotation (self->project, g_variant_get_string (parameter, NULL), &error);
  if (annotation != NULL)
    plx_annotation_set_range (annotation, self->document, start, end);
  if (annotation == NULL || !plx_history_update_annotation (self->history, annotation, &error))
    plx_window_show_error (self, _("Could Not Change the Extent"), error);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_strcmp0 (action_name, "win.redo") == 0;

  if (!(redo ? plx_history_redo (self->history, &error) : plx_history_undo (self->history, &error)))
    plx_window_show_error (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error);
  _plx_window_documents_changed (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PLX_WINDOW (widget)->search_entry));
}

/* ---- perspectives ---- */

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PlxWindow        *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "perspective-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (id == 0)
    ok = plx_history_add_perspective (self->history, gtk_editable_get_text (entry),
                                      plx_palette_pick (plx_project_get_perspectives (self->project)), &error) != NULL;
  else
    ok = plx_history_rename_perspective (self->history, id, gtk_editable_get_text (entry), &error);
  if (!ok)
    plx_window_show_error (self, id ? _("Could Not Rename the Perspective") : _("Could Not Add the Perspective"), error);
}

static void
ask_perspective_name (PlxWindow  *self,
                      gint64      id,
                      const char *heading,
                      const char *current)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), current);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", id ? _("_Rename") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  g_object_set_data (G_OBJECT (dialog), "perspective-id", GSIZE_TO_POINTER (id));
  g_signal_connect (dialog, "response", G_CALLBACK (rename_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_perspective_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ask_perspective_name (PLX_WINDOW (widget), 0, _("Add Perspective"), "");
}

static void
rename_perspective_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  PlxPerspective *perspective = plx_project_find_perspective (self->project, id);

  if (perspective != NULL)
    ask_perspective_name (self, id, _("Rename Perspective"), plx_perspective_get_name (perspective));
}

static void
color_response_cb (GtkColorChooserDialog *dialog,
                   int                    response,
                   PlxWindow             *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "perspective-id"));
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_OK)
    {
      GdkRGBA rgba;
      g_autofree char *color = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      color = g_strdup_printf ("#%02X%02X%02X", (int) (rgba.red * 255 + 0.5),
                               (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
      if (!plx_history_recolor_perspective (self->history, id, color, &error))
        plx_window_show_error (self, _("Could Not Change the Colour"), error);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
recolor_perspective_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  PlxPerspective *perspective = plx_project_find_perspective (self->project, id);
  GtkWidget *dialog;
  GdkRGBA rgba;

  if (perspective == NULL)
    return;
  dialog = gtk_color_chooser_dialog_new (_("Perspective Colour"), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  if (gdk_rgba_parse (&rgba, plx_perspective_get_color (perspective)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  g_object_set_data (G_OBJECT (dialog), "perspective-id", GSIZE_TO_POINTER (id));
  g_signal_connect (dialog, "response", G_CALLBACK (color_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_perspective_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  PlxPerspective *perspective = plx_project_find_perspective (self->project, id);
  guint n = g_list_model_get_n_items (plx_project_get_perspectives (self->project));
  g_autoptr(GError) error = NULL;
  int position;

  if (perspective == NULL)
    return;
  position = plx_perspective_get_position (perspective) + (g_str_has_suffix (action_name, "left") ? -1 : 1);
  if (position < 0 || (guint) position >= n)
    return;
  if (!plx_history_move_perspective (self->history, id, (guint) position, &error))
    plx_window_show_error (self, _("Could Not Move the Perspective"), error);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PlxWindow        *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "perspective-id"));
  GtkDropDown *target = g_object_get_data (G_OBJECT (dialog), "target");
  g_autoptr(GError) error = NULL;
  gint64 move_to = 0;

  if (g_strcmp0 (response, "move") == 0 && target != NULL)
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (target);
      PlxPerspective *perspective = item ? plx_project_find_perspective_by_name (self->project, gtk_string_object_get_string (item)) : NULL;

      if (perspective == NULL)
        return;
      move_to = plx_perspective_get_id (perspective);
    }
  else if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!plx_history_remove_perspective (self->history, id, move_to, &error))
    plx_window_show_error (self, _("Could Not Remove the Perspective"), error);
}

static void
remove_perspective_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  PlxPerspective *perspective = plx_project_find_perspective (self->project, id);
  PlxAnnotationQuery query = { 0, id, NULL };
  GListModel *perspectives = plx_project_get_perspectives (self->project);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint count;

  if (perspective == NULL)
    return;
  count = plx_project_count_annotations (self->project, &query, NULL);
  heading = g_strdup_printf (_("Remove “%s”?"), plx_perspective_get_name (perspective));
  body = count == 0 ? g_strdup (_("It has no passages."))
                    : g_strdup_printf (ngettext ("It has %u passage in this project. Move it to another perspective, or delete it?",
                                                 "It has %u passages in this project. Move them to another perspective, or delete them?",
                                                 count), count);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (count > 0 && g_list_model_get_n_items (perspectives) > 1)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GtkWidget *target;

      for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
        {
          g_autoptr(PlxPerspective) other = g_list_model_get_item (perspectives, i);
          if (plx_perspective_get_id (other) != id)
            gtk_string_list_append (names, plx_perspective_get_name (other));
        }
      target = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move passages to"), -1);
      adw_message_dialog_set_extra_child (dialog, target);
      g_object_set_data (G_OBJECT (dialog), "target", target);
      adw_message_dialog_add_response (dialog, "move", _("_Move Passages"));
      adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_add_response (dialog, "delete", count > 0 ? _("_Delete Passages") : _("_Remove"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "perspective-id", GSIZE_TO_POINTER (id));
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- files ---- */

typedef enum {
  FILE_OPEN_PROJECT,
  FILE_NEW_PROJECT,
  FILE_ADD_DOCUMENT,
} FileRequest;

static void
document_added_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  PlxWindow *self = PLX_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (!plx_window_add_document_file_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    plx_window_show_error (self, _("Could Not Add the Document"), error);
}

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                PlxWindow       *self)
{
  FileRequest request = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "request"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  path = g_file_get_path (file);

  switch (request)
    {
    case FILE_ADD_DOCUMENT:
      plx_window_add_document_file_async (self, file, NULL, document_added_cb, NULL);
      break;
    case FILE_NEW_PROJECT:
      {
        g_autoptr(PlxProject) created = NULL;

        if (!g_str_has_suffix (path, ".parallax"))
          {
            char *with_suffix = g_strconcat (path, ".parallax", NULL);
            g_free (path);
            path = with_suffix;
          }
        created = plx_project_create (path, &error);
        if (created == NULL)
          {
            plx_window_show_error (self, _("Could Not Create the Project"), error);
            break;
          }
      }
      G_GNUC_FALLTHROUGH;
    case FILE_OPEN_PROJECT:
      if (!plx_window_open_project (self, path, &error))
        plx_window_show_open_error (self, path, error);
      else
        g_settings_set_string (self->settings, "last-project", path);
      break;
    default:
      g_assert_not_reached ();
    }

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
choose_file (PlxWindow   *self,
             FileRequest  request)
{
  static const char *titles[] = { N_("Open Project"), N_("New Project"), N_("Add Document") };
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_(titles[request]), GTK_WINDOW (self),
                                        request == FILE_NEW_PROJECT ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                                    : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        request == FILE_NEW_PROJECT ? _("_Create") : _("_Open"),
                                        _("_Cancel"));
  if (request == FILE_ADD_DOCUMENT)
    {
      gtk_file_filter_set_name (filter, _("Text and Markdown"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "md");
      gtk_file_filter_add_suffix (filter, "txt");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Parallax Projects"));
      gtk_file_filter_add_suffix (filter, "parallax");
      if (request == FILE_NEW_PROJECT)
        gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled.parallax"));
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data (G_OBJECT (native), "request", GINT_TO_POINTER (request));
  g_signal_connect (native, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);

  if (g_strcmp0 (action_name, "win.open-project") == 0)
    choose_file (self, FILE_OPEN_PROJECT);
  else if (g_strcmp0 (action_name, "win.new-project") == 0)
    choose_file (self, FILE_NEW_PROJECT);
  else
    choose_file (self, FILE_ADD_DOCUMENT);
}

/* ---- window ---- */

/* The one place that decides which actions can run now. */
void
_plx_window_update_actions (PlxWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_project = self->project != NULL;
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (widget, "win.undo", self->history && plx_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (widget, "win.redo", self->history && plx_history_get_can_redo (self->history));
  gtk_widget_action_set_enabled (widget, "win.tag-selection", has_document);
  gtk_widget_action_set_enabled (widget, "win.tag-as", has_document &&
                                 gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view)));
  gtk_widget_action_set_enabled (widget, "win.add-document", has_project);
  gtk_widget_action_set_enabled (widget, "win.add-perspective", has_project);
  gtk_widget_action_set_enabled (widget, "win.export", has_project && self->busy_cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "win.import", has_project && self->busy_cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "win.cancel-busy", self->busy_cancellable != NULL);
}

static gboolean
plx_window_close_request (GtkWindow *window)
{
  PlxWindow *self = PLX_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (self->document != NULL)
    g_settings_set_int (self->settings, "scroll-offset", (int) top_visible_offset (self));

  return GTK_WINDOW_CLASS (plx_window_parent_class)->close_request (window);
}

static void
plx_window_dispose (GObject *object)
{
  PlxWindow *self = (PlxWindow *) object;

  g_clear_handle_id (&self->flash_source, g_source_remove);
  g_clear_handle_id (&self->click_popup_source, g_source_remove);
  g_clear_handle_id (&self->layout_source, g_source_remove);
  g_clear_handle_id (&self->themes_source, g_source_remove);
  _plx_window_io_stop (self);
  _plx_window_cancel_popup (self);
  g_clear_object (&self->opening_cancellable);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->scroll_tick);
      self->scroll_tick = 0;
    }
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (plx_project_get_perspectives (self->project), self);
    }
  if (self->tag_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->tag_popover));
      self->tag_popover = NULL;
    }
  _plx_window_a11y_dispose (self);
  if (self->text_menu_popover != NULL)
    {
      gtk_widget_unparent (self->text_menu_popover);
      self->text_menu_popover = NULL;
    }
  g_clear_object (&self->text_menu);
  g_clear_pointer (&self->panels, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_WINDOW);
  g_clear_object (&self->highlighter);
  g_clear_object (&self->annotations);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  _plx_window_document_dispose (self);
  g_clear_pointer (&self->chosen_themes, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->editing_uuid, g_free);

  G_OBJECT_CLASS (plx_window_parent_class)->dispose (object);
}

static void
plx_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PlxWindow *self = PLX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_window_class_init (PlxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plx_window_dispose;
  object_class->get_property = plx_window_get_property;

  /* Set once a document is shown in full (loading is asynchronous). */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLX_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->size_allocate = plx_window_size_allocate;
  window_class->close_request = plx_window_close_request;

  g_type_ensure (PLX_TYPE_COMPARE_VIEW);
  g_type_ensure (PLX_TYPE_DOCUMENT_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, document_stack);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, theme_button);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, theme_box);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, panels_stack);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, columns_box);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, tabs_stack);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, tabs_squeezer);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, tabs_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, document_map);
  gtk_widget_class_install_action (widget_class, "win.scroll-to-offset", "u", scroll_to_offset_action);
  _plx_window_io_class_init (widget_class);
  _plx_window_a11y_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "win.tag-selection", "i", tag_selection_action);
  /* The same, for menus, which show it only while there is a selection. */
  gtk_widget_class_install_action (widget_class, "win.tag-as", "i", tag_selection_action);
  gtk_widget_class_install_action (widget_class, "win.reveal-annotation", "s", reveal_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.edit-annotation", "s", edit_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", "s", delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.set-extent", "s", set_extent_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.add-perspective", NULL, add_perspective_action);
  gtk_widget_class_install_action (widget_class, "win.rename-perspective", "x", rename_perspective_action);
  gtk_widget_class_install_action (widget_class, "win.recolor-perspective", "x", recolor_perspective_action);
  gtk_widget_class_install_action (widget_class, "win.move-perspective-left", "x", move_perspective_action);
  gtk_widget_class_install_action (widget_class, "win.move-perspective-right", "x", move_perspective_action);
  gtk_widget_class_install_action (widget_class, "win.remove-perspective", "x", remove_perspective_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.add-document", NULL, file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.tag-selection", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-document", NULL);
}

static void
plx_window_init (PlxWindow *self)
{
  GtkTextBuffer *buffer;
  GtkGesture *release;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (PLX_APP_ID);
  self->panels = g_ptr_array_new ();
  self->chosen_themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* The text is read-only and the project keeps its own history: the
   * buffer's would hold a copy of every slice of the text put in, 4 MB
   * for a book. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  create_text_tags (buffer);
  g_signal_connect_swapped (buffer, "mark-set", G_CALLBACK (_plx_window_selection_moved), self);
  /* A background only: bold would rewrap the lines and move the text. */
  self->flash_tag = gtk_text_buffer_create_tag (buffer, "flash",
                                                "background-rgba", &(GdkRGBA) { 0.94, 0.89, 0.26, 0.7 },
                                                NULL);
  gtk_text_tag_set_priority (self->flash_tag, gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1);

  self->tag_popover = PLX_TAG_POPOVER (plx_tag_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->tag_popover), GTK_WIDGET (self->text_view));
  g_signal_connect_swapped (self->tag_popover, "save", G_CALLBACK (tag_popover_save_cb), self);

  release = gtk_gesture_click_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (release), "plx-text-click");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (release), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (release, "pressed", G_CALLBACK (_plx_window_text_pressed), self);
  g_signal_connect_swapped (release, "released", G_CALLBACK (_plx_window_text_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (release));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "plx-text-keys");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (text_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_swapped (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), "value-changed",
                            G_CALLBACK (update_map_viewport), self);

  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
    GtkGesture *press = gtk_gesture_click_new ();
    GtkEventController *key = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
    gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (scroll, "scroll-begin", G_CALLBACK (reader_took_over_cb), self);
    g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (reader_took_over_event_cb), self);
    g_signal_connect_swapped (press, "pressed", G_CALLBACK (reader_took_over_cb), self);
    g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (reader_took_over_event_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->text_scroller), scroll);
    gtk_widget_add_controller (GTK_WIDGET (self->text_scroller), GTK_EVENT_CONTROLLER (press));
    gtk_widget_add_controller (GTK_WIDGET (self), key);
  }
  _plx_window_text_menu_init (self);

  {
    g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->tabs_stack);
    GtkExpression *title = gtk_property_expression_new (GTK_TYPE_STACK_PAGE, NULL, "title");

    gtk_drop_down_set_expression (self->tabs_dropdown, title);
    gtk_expression_unref (title);
    gtk_drop_down_set_model (self->tabs_dropdown, G_LIST_MODEL (pages));
    g_signal_connect_swapped (self->tabs_dropdown, "notify::selected", G_CALLBACK (tabs_dropdown_selected_cb), self);
    g_signal_connect_swapped (self->tabs_stack, "notify::visible-child", G_CALLBACK (visible_tab_changed_cb), self);
  }
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (_plx_window_apply_query), self);
  _plx_window_document_init (self);
  _plx_window_a11y_init (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  _plx_window_update_actions (self);
}

PlxWindow *
plx_window_new (AdwApplication *application)
{
  return g_object_new (PLX_TYPE_WINDOW, "application", application, NULL);
}

