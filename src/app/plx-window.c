/* plx-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <glib/gi18n.h>

#include "plx-palette.h"
#include "plx-perspective-panel.h"
#include "plx-window-private.h"

/* Below this width the panels share one column as tabs. */
#define COLUMNS_MIN_WIDTH 1200

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

gboolean
_plx_window_get_selection (PlxWindow *self,
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

/* The text is going (another document, none): it settles no more. */
void
_plx_window_stop_scrolling (PlxWindow *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->scroll_tick);
  self->scroll_tick = 0;
}

/* ---- panels ---- */

/* Everything that follows the shown document (or its absence, while one
 * loads) hooks in here. */
void
_plx_window_document_shown (PlxWindow *self)
{
  GListModel *annotations = self->visible ? G_LIST_MODEL (self->visible) : NULL;

  plx_open_document_set (self->current, self->project, self->document, self->annotations);
  plx_compare_view_set_model (self->compare_view, self->document ? self->project : NULL, self->document, annotations);
  plx_codebook_sidebar_set_annotations (self->codebook_sidebar, self->document ? annotations : NULL);
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
  if (self->project == NULL || self->visible == NULL)
    return;

  perspectives = plx_project_get_perspectives (self->project);
  n = g_list_model_get_n_items (perspectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);
      GtkWidget *panel = plx_perspective_panel_new (perspective, G_LIST_MODEL (self->visible));

      plx_perspective_panel_set_number (PLX_PERSPECTIVE_PANEL (panel), i + 1);
      plx_perspective_panel_set_document (PLX_PERSPECTIVE_PANEL (panel), self->document);
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
changes_committed_cb (PlxWindow    *self,
                      PlxChangeSet *changes)
{
  _plx_window_document_changes (self, changes);
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

/* The window stops following its project. Its last changes still wait in
 * SQLite's log beside the file; they are moved into the file now, so the
 * .parallax file alone holds everything when the user copies or mails it. */
static void
let_go_of_project (PlxWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (self->codebook_sidebar != NULL)
    plx_codebook_sidebar_set_project (self->codebook_sidebar, NULL, NULL);
  if (self->search_view != NULL)
    plx_search_view_set_project (self->search_view, NULL, NULL);
  g_signal_handlers_disconnect_by_data (self->project, self);
  g_signal_handlers_disconnect_by_data (plx_project_get_perspectives (self->project), self);
  /* Best effort: another program reading the project can hold the log;
   * then the last connection to close folds it in. */
  if (!plx_project_checkpoint (self->project, &error))
    g_debug ("Could not fold the log into %s: %s", plx_project_get_path (self->project), error->message);
}

/* Shows @project in the window, with @document when it is the one to
 * show and has been read already (by plx_project_open_async()). */
static void
set_project (PlxWindow   *self,
             PlxProject  *project,
             PlxDocument *document)
{
  gint64 wanted;
  gint64 shown;

  let_go_of_project (self);
  g_clear_object (&self->highlighter);
  _plx_window_show_annotations (self, NULL);
  g_clear_object (&self->annotations);
  g_clear_object (&self->document);
  g_set_object (&self->project, project);
  g_clear_object (&self->history);
  self->history = plx_history_new (project);
  _plx_window_update_coder (self);
  g_signal_connect_swapped (self->history, "notify", G_CALLBACK (_plx_window_update_actions), self);
  g_signal_connect_swapped (project, "changes-committed", G_CALLBACK (changes_committed_cb), self);
  g_signal_connect_swapped (plx_project_get_perspectives (project), "items-changed",
                            G_CALLBACK (perspectives_changed_cb), self);
  _plx_window_io_start (self);
  plx_codebook_sidebar_set_project (self->codebook_sidebar, project, self->history);
  _plx_window_search_set_project (self);

  _plx_window_refresh_documents (self);
  _plx_window_refresh_themes (self);
  _plx_window_clear_panels (self);
  _plx_window_document_shown (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  gtk_stack_set_visible_child_name (self->document_stack, "empty");

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

/* ---- window ---- */


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
  _plx_window_stop_scrolling (self);
  let_go_of_project (self);
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
  _plx_window_coders_dispose (self);
  g_clear_object (&self->annotations);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  _plx_window_document_dispose (self);
  g_clear_pointer (&self->chosen_themes, g_hash_table_unref);
  g_clear_pointer (&self->enabled_actions, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->editing_uuid, g_free);
  g_clear_pointer (&self->pending_reveal, g_free);

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

  g_type_ensure (PLX_TYPE_CODEBOOK_SIDEBAR);
  g_type_ensure (PLX_TYPE_COMPARE_VIEW);
  g_type_ensure (PLX_TYPE_DOCUMENT_MAP);
  g_type_ensure (PLX_TYPE_OPEN_DOCUMENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, current);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, document_stack);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, theme_button);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, theme_box);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, coder_button);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, coder_box);
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
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, codebook_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, codebook_sidebar);
  gtk_widget_class_bind_template_child (widget_class, PlxWindow, search_view);
  gtk_widget_class_install_action (widget_class, "win.scroll-to-offset", "u", scroll_to_offset_action);
  _plx_window_io_class_init (widget_class);
  _plx_window_actions_class_init (widget_class);
  _plx_window_coders_class_init (widget_class);
  _plx_window_team_class_init (widget_class);
  _plx_window_a11y_class_init (widget_class);
  _plx_window_document_class_init (widget_class);

  _plx_window_tagging_class_init (widget_class);
  _plx_window_codebook_class_init (widget_class);
  _plx_window_search_class_init (widget_class);
}

static void
plx_window_init (PlxWindow *self)
{
  GtkTextBuffer *buffer;
  GtkGesture *release;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (PLX_APP_ID);
  self->panels = g_ptr_array_new ();
  self->chosen_themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->enabled_actions = g_hash_table_new (g_str_hash, g_str_equal);

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

  _plx_window_tagging_init (self);
  _plx_window_search_init (self);

  release = gtk_gesture_click_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (release), "plx-text-click");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (release), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (release, "pressed", G_CALLBACK (_plx_window_text_pressed), self);
  g_signal_connect_swapped (release, "released", G_CALLBACK (_plx_window_text_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (release));

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
  _plx_window_coders_init (self);
  _plx_window_add_init (self);
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

