/* plx-window-actions.c: what the window's actions do on passages,
 * perspectives and files, and the one function that decides which of
 * the window's actions can run now.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <glib/gi18n.h>

#include "plx-agreement-window.h"
#include "plx-name-dialog.h"
#include "plx-palette.h"
#include "plx-window-private.h"

/* How long a passage jumped to stays marked. */
#define FLASH_MS 900

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

/* A passage of any document (the codebook's theme page): another
 * document is opened first, and the passage shown once it is in. */
static void
reveal_passage_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  gint64 document_id;
  const char *uuid;

  g_variant_get (parameter, "(x&s)", &document_id, &uuid);
  if (self->project == NULL)
    return;
  if (self->document != NULL && plx_document_get_id (self->document) == document_id && self->load_cancellable == NULL)
    {
      gtk_widget_activate_action (widget, "win.reveal-annotation", "s", uuid);
      return;
    }
  g_free (self->pending_reveal);
  self->pending_reveal = g_strdup (uuid);
  plx_window_show_document (self, document_id);
}

/* A passage cited in the memo open in the codebook sidebar (or in a new
 * free memo), the sidebar shown on its memos. */
static void
cite_in_memo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->codebook_revealer, TRUE);
  plx_codebook_sidebar_cite_passage (self->codebook_sidebar, g_variant_get_string (parameter, NULL));
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

  if (!_plx_window_get_selection (self, &start, &end))
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

/* The coders' agreement, in a window of its own beside the text. */
static void
agreement_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);

  if (self->project != NULL)
    gtk_window_present (GTK_WINDOW (plx_agreement_window_new (GTK_WINDOW (self), self->project)));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PLX_WINDOW (widget)->search_entry));
}

/* ---- perspectives ---- */

/* Which perspective a name was asked for; 0: a new one. */
typedef struct {
  PlxWindow *window;
  gint64     id;
} NameRequest;

static void
name_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  NameRequest *request = data;
  PlxWindow *self = request->window;
  g_autofree char *name = plx_name_dialog_ask_finish (result, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (name != NULL && self->history != NULL)
    {
      if (request->id == 0)
        ok = plx_history_add_perspective (self->history, name,
                                          plx_palette_pick (plx_project_get_perspectives (self->project)), &error) != NULL;
      else
        ok = plx_history_rename_perspective (self->history, request->id, name, &error);
    }
  if (!ok)
    plx_window_show_error (self, request->id ? _("Could Not Rename the Perspective") : _("Could Not Add the Perspective"), error);
  g_object_unref (request->window);
  g_free (request);
}

static void
ask_perspective_name (PlxWindow  *self,
                      gint64      id,
                      const char *heading,
                      const char *current)
{
  NameRequest *request = g_new0 (NameRequest, 1);

  request->window = g_object_ref (self);
  request->id = id;
  plx_name_dialog_ask_async (GTK_WINDOW (self), heading, current, id ? _("_Rename") : _("_Add"), NULL,
                             name_chosen_cb, request);
}

static void
add_perspective_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* Said before a name is asked for, not after. */
  if (!plx_project_check_room_for_perspective (self->project, &error))
    {
      plx_window_show_error (self, _("Could Not Add the Perspective"), error);
      return;
    }
  ask_perspective_name (self, 0, _("Add Perspective"), "");
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
  if (request == FILE_ADD_DOCUMENT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      plx_window_add_document_files (self, files);
      goto out;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  path = g_file_get_path (file);

  switch (request)
    {
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

  native = gtk_file_chooser_native_new (_(titles[request]), GTK_WINDOW (self),
                                        request == FILE_NEW_PROJECT ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                                    : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        request == FILE_NEW_PROJECT ? _("_Create") : _("_Open"),
                                        _("_Cancel"));
  if (request == FILE_ADD_DOCUMENT)
    {
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
      _plx_window_add_document_filters (self, GTK_FILE_CHOOSER (native));
    }
  else
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Parallax Projects"));
      gtk_file_filter_add_suffix (filter, "parallax");
      if (request == FILE_NEW_PROJECT)
        gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled.parallax"));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
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

/* Setting an action's state tells every widget and menu item that shows
 * it, whether it changed or not, and the window sets them all after each
 * selection change and each tagging: only changes go through. */
static void
set_enabled (PlxWindow  *self,
             const char *name,
             gboolean    enabled)
{
  gpointer state = GINT_TO_POINTER (enabled ? 2 : 1);

  if (g_hash_table_lookup (self->enabled_actions, name) == state)
    return;
  g_hash_table_insert (self->enabled_actions, (gpointer) name, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

/* The one place that decides which of the window's actions can run now;
 * called whenever what they depend on changes (project, document,
 * history, selection, a long task). */
void
_plx_window_update_actions (PlxWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean has_document = self->document != NULL;
  gboolean idle = self->busy_cancellable == NULL;
  gboolean has_selection = has_document &&
                           gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view));
  static const char * const on_document[] = {
    "win.tag-selection", "win.reveal-annotation", "win.edit-annotation", "win.delete-annotation",
    "win.set-extent", "win.scroll-to-offset", "win.focus-search", "win.next-passage",
    "win.previous-passage", "win.passages-at-caret", "win.read-at-offset", "win.document-info",
  };
  static const char * const on_project[] = {
    "win.add-perspective", "win.rename-perspective", "win.recolor-perspective",
    "win.move-perspective-left", "win.move-perspective-right", "win.remove-perspective",
    "win.focus-panel", "win.show-view",
  };

  for (guint i = 0; i < G_N_ELEMENTS (on_document); i++)
    set_enabled (self, on_document[i], has_document);
  for (guint i = 0; i < G_N_ELEMENTS (on_project); i++)
    set_enabled (self, on_project[i], has_project);
  set_enabled (self, "win.undo", self->history && plx_history_get_can_undo (self->history));
  set_enabled (self, "win.redo", self->history && plx_history_get_can_redo (self->history));
  set_enabled (self, "win.tag-as", has_selection);
  set_enabled (self, "win.add-document", has_project);
  set_enabled (self, "win.export", has_project && idle);
  set_enabled (self, "win.export-report", has_project);
  set_enabled (self, "win.agreement", has_project);
  set_enabled (self, "win.blind-coding", has_project);
  set_enabled (self, "win.import", has_project && idle);
  set_enabled (self, "win.save-copy", has_project && idle);
  set_enabled (self, "win.hand-out", has_project && idle);
  set_enabled (self, "win.adjudicate", has_document);
  set_enabled (self, "win.merge-projects", has_project && idle);
  set_enabled (self, "win.remove-document", has_document && idle);
  set_enabled (self, "win.cancel-busy", !idle);
  /* Opening another project is always possible: it is how a window with
   * none, or with a damaged one, goes on. */
  set_enabled (self, "win.open-project", TRUE);
  set_enabled (self, "win.new-project", TRUE);
}

void
_plx_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.reveal-annotation", "s", reveal_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.reveal-passage", "(xs)", reveal_passage_action);
  gtk_widget_class_install_action (widget_class, "win.cite-in-memo", "s", cite_in_memo_action);
  gtk_widget_class_install_action (widget_class, "win.edit-annotation", "s", edit_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", "s", delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.set-extent", "s", set_extent_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.agreement", NULL, agreement_action);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-document", NULL);
}
