/* plx-window-team.c: a team of coders working apart. "Hand Out Copies…"
 * writes a copy of the project per coder (optionally without the
 * annotations made so far); "Merge Projects…" brings any number of copies
 * back at once, in a worker, and shows what came in. A merge is one
 * transaction but not a step of the undo history: the dialog says so
 * before anything is changed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "plx-adjudication-window.h"
#include "plx-window-private.h"

/* "Anahit, Leyla; Gulnar" → the names, trimmed, blanks dropped. */
static GStrv
split_names (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
hand_out_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(PlxWindow) self = data;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;

  _plx_window_busy_end (self);
  paths = plx_team_hand_out_finish (PLX_PROJECT (object), result, &error);
  if (paths == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plx_window_show_error (self, _("Could Not Hand Out Copies"), error);
      return;
    }
  {
    g_autofree char *folder = g_path_get_dirname (g_ptr_array_index (paths, 0));
    g_autofree char *message = g_strdup_printf (ngettext ("Handed out %u copy in %s", "Handed out %u copies in %s", paths->len),
                                                paths->len, folder);

    _plx_window_toast (self, message);
  }
}

/**
 * plx_window_hand_out:
 * @coders: one copy for each
 *
 * Writes the copies into @folder in the background; a toast says where,
 * an error dialog why not.
 */
void
plx_window_hand_out (PlxWindow          *self,
                     GFile              *folder,
                     const char * const *coders,
                     gboolean            without_annotations)
{
  g_return_if_fail (PLX_IS_WINDOW (self));
  g_return_if_fail (self->project != NULL);

  _plx_window_busy_begin (self, _("Handing out copies…"));
  plx_team_hand_out_async (self->project, g_file_peek_path (folder), coders, without_annotations,
                           self->busy_cancellable, hand_out_done_cb, g_object_ref (self));
}

typedef struct {
  PlxWindow *window;
  GStrv      coders;
  gboolean   without_annotations;
} HandOutChoice;

static void
hand_out_choice_free (HandOutChoice *choice)
{
  g_object_unref (choice->window);
  g_strfreev (choice->coders);
  g_free (choice);
}

static void
folder_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  HandOutChoice   *choice)
{
  if (response == GTK_RESPONSE_ACCEPT && choice->window->project != NULL)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      plx_window_hand_out (choice->window, folder, (const char * const *) choice->coders, choice->without_annotations);
    }
  hand_out_choice_free (choice);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
names_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_auto(GStrv) names = split_names (gtk_editable_get_text (entry));

  adw_message_dialog_set_response_enabled (dialog, "choose", names[0] != NULL);
}

static void
hand_out_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PlxWindow        *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_first_child (box));
  GtkCheckButton *blank = GTK_CHECK_BUTTON (gtk_widget_get_last_child (box));
  HandOutChoice *choice;
  GtkFileChooserNative *native;

  if (g_strcmp0 (response, "choose") != 0 || self->project == NULL)
    return;
  choice = g_new0 (HandOutChoice, 1);
  choice->window = g_object_ref (self);
  choice->coders = split_names (gtk_editable_get_text (entry));
  choice->without_annotations = gtk_check_button_get_active (blank);
  native = gtk_file_chooser_native_new (_("Folder for the Copies"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Hand Out"), _("_Cancel"));
  {
    g_autoptr(GFile) project_file = g_file_new_for_path (plx_project_get_path (self->project));
    g_autoptr(GFile) parent = g_file_get_parent (project_file);

    if (parent != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), parent, NULL);
  }
  g_signal_connect (native, "response", G_CALLBACK (folder_chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The coders' names and whether they start blank; then the folder. */
static void
hand_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *blank = gtk_check_button_new_with_mnemonic (_("_Without the annotations made so far"));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Hand Out Copies"),
                                                       _("Each coder gets a whole copy of this project to code apart; "
                                                         "bring their work back with Merge Projects….")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Coders’ names, separated by commas"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coders’ names"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_tooltip_text (blank, _("For blind coding: the copies start empty, and merging them back deletes nothing"));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), blank);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "choose", _("_Choose Folder…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "choose", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (names_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (hand_out_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* --- Merge Projects… --- */

static void
merge_progress_cb (guint    done,
                   guint    total,
                   gpointer data)
{
  PlxWindow *self = data;

  if (self->busy_cancellable != NULL)
    _plx_window_busy_progress (self, (double) done / MAX (total, 1));
}

static void
show_summary (PlxWindow    *self,
              PlxTeamMerge *merge)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  /* Translators: a merge's summary; labels before numbers, so that no plural is needed */
  g_string_append_printf (body, _("Added: %u\nUpdated: %u\nDeleted: %u\nConflicts: %u"),
                          merge->added, merge->updated, merge->deleted, merge->conflicts);
  if (merge->documents_added > 0 || merge->perspectives_added > 0)
    {
      g_string_append_c (body, '\n');
      /* Translators: labels before numbers, so that no plural is needed */
      g_string_append_printf (body, _("New documents: %u; new perspectives: %u"),
                              merge->documents_added, merge->perspectives_added);
    }
  g_string_append (body, "\n\n");
  for (guint i = 0; i < merge->sources->len; i++)
    {
      PlxMergeReport *report = g_ptr_array_index (merge->reports, i);
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (merge->sources, i));

      /* Translators: one copy's line in a merge's summary */
      g_string_append_printf (body, _("%s: added %u, updated %u, deleted %u, conflicts %u\n"),
                              name, report->added, report->updated, report->deleted, report->conflicts->len);
    }
  if (merge->conflicts > 0)
    g_string_append (body, _("\nEach conflict is an annotation changed both here and in a copy: this project’s version "
                             "was kept, and the copy’s is in the copy (parallax-cli merge lists both)."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Projects Merged"), body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(PlxWindow) self = data;
  g_autoptr(PlxTeamMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  _plx_window_busy_end (self);
  merge = plx_team_merge_finish (PLX_PROJECT (object), result, &error);
  if (merge == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plx_window_show_error (self, _("Could Not Merge the Projects"), error);
      return;
    }
  /* Written on the worker's connection: this one catches up now rather
   * than at the next poll. */
  if (self->project == PLX_PROJECT (object))
    {
      g_autoptr(GError) sync_error = NULL;

      if (!plx_project_sync_external_changes (self->project, &sync_error) && sync_error != NULL)
        g_warning ("Could not read the merged changes: %s", sync_error->message);
    }
  show_summary (self, merge);
}

static void
start_merge (PlxWindow          *self,
             const char * const *sources)
{
  _plx_window_busy_begin (self, _("Merging projects…"));
  plx_team_merge_async (self->project, sources, merge_progress_cb, self, self->busy_cancellable,
                        merge_done_cb, g_object_ref (self));
}

typedef struct {
  PlxWindow *window;
  GStrv      sources;
} MergeChoice;

static void
merge_choice_free (gpointer data)
{
  MergeChoice *choice = data;

  g_object_unref (choice->window);
  g_strfreev (choice->sources);
  g_free (choice);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MergeChoice      *choice)
{
  if (g_strcmp0 (response, "merge") == 0 && choice->window->project != NULL)
    start_merge (choice->window, (const char * const *) choice->sources);
}

/**
 * plx_window_merge_projects:
 * @files: the copies (#GFile) to merge into the window's project
 *
 * Checks the copies, then asks before merging: what matches only by name
 * is listed, and that a merge cannot be undone is said; "Merge" runs it
 * in the background.
 */
void
plx_window_merge_projects (PlxWindow  *self,
                           GListModel *files)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) matches = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  MergeChoice *choice;
  AdwMessageDialog *dialog;
  guint n = g_list_model_get_n_items (files);

  g_return_if_fail (PLX_IS_WINDOW (self));
  g_return_if_fail (self->project != NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr(PlxProject) source = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;

      if (g_file_peek_path (file) == NULL)
        {
          g_set_error (&error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("%s is not a local file: copy it to this computer first"), name);
          plx_window_show_error (self, _("Could Not Merge the Projects"), error);
          return;
        }
      source = plx_project_open_for_reading (g_file_peek_path (file), &error);
      if (source == NULL || !plx_team_check_source (self->project, source, name, &error) ||
          (found = plx_team_name_matches (self->project, source, &error)) == NULL)
        {
          plx_window_show_error (self, _("Could Not Merge the Projects"), error);
          return;
        }
      for (guint m = 0; m < found->len; m++)
        if (strstr (matches->str, g_ptr_array_index (found, m)) == NULL)
          g_string_append_printf (matches, "\n• %s", (const char *) g_ptr_array_index (found, m));
      g_strv_builder_add (builder, g_file_peek_path (file));
    }
  if (n == 0)
    return;

  g_string_append_printf (body, ngettext ("Bring the work done in %u copy into this project, by identity: what it "
                                          "added, changed or deleted is taken, and an annotation changed on both "
                                          "sides is kept as it is here and reported as a conflict.",
                                          "Bring the work done in %u copies into this project, by identity: what "
                                          "they added, changed or deleted is taken, and an annotation changed on "
                                          "both sides is kept as it is here and reported as a conflict.", n), n);
  if (matches->len > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("These were made apart and match only by name; merging takes each as the same as "
                               "this project’s (cancel to rename them first):"));
      g_string_append (body, matches->str);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("A merge cannot be undone. Save a copy of this project first to be able to go back."));

  choice = g_new0 (MergeChoice, 1);
  choice->window = g_object_ref (self);
  choice->sources = g_strv_builder_end (builder);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Merge Projects?"), body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), choice,
                         (GClosureNotify) (void (*) (void)) merge_choice_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copies_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  PlxWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      plx_window_merge_projects (self, files);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Merge Projects"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Merge…"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_filter_set_name (filter, _("Parallax Projects"));
  gtk_file_filter_add_suffix (filter, "parallax");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  {
    g_autoptr(GFile) project_file = g_file_new_for_path (plx_project_get_path (self->project));
    g_autoptr(GFile) parent = g_file_get_parent (project_file);

    if (parent != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), parent, NULL);
  }
  g_signal_connect (native, "response", G_CALLBACK (copies_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

PlxHistory *
plx_window_get_history (PlxWindow *self)
{
  g_return_val_if_fail (PLX_IS_WINDOW (self), NULL);
  return self->history;
}

/* Two coders' disagreements in the document shown, decided into a
 * curated layer, in a window of its own beside the text. */
static void
adjudicate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  g_auto(GStrv) coders = NULL;

  if (self->document == NULL || self->history == NULL)
    return;
  coders = plx_window_dup_coders (self);
  gtk_window_present (GTK_WINDOW (plx_adjudication_window_new (GTK_WINDOW (self), self->history, self->document,
                                                               (const char * const *) coders)));
}

void
_plx_window_team_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.adjudicate", NULL, adjudicate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.adjudicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_J, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.adjudicate", NULL);
  gtk_widget_class_install_action (widget_class, "win.hand-out", NULL, hand_out_action);
  gtk_widget_class_install_action (widget_class, "win.merge-projects", NULL, merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.hand-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.hand-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.merge-projects", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.merge-projects", NULL);
}
