/* plx-window-io.c: export, import, copies, and following other writers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "plx-export-dialog.h"
#include "plx-report-dialog.h"
#include "plx-window-private.h"

/* Another process may write the project (parallax-cli, a second window);
 * the window looks for its changes this often. */
#define SYNC_INTERVAL_MS 1000

/* What the user chose for an export or import. The core runs them in a
 * worker thread on a connection of its own, so the window keeps drawing;
 * the window's connection then picks the result up like any other
 * writer's. */
typedef struct {
  PlxWindow       *window;
  char            *project_path;
  GFile           *file;
  PlxExportFormat  format;
  PlxExportFlags   flags;
  gint64           document_id;
} IoJob;

static void
io_job_free (gpointer data)
{
  IoJob *job = data;

  g_clear_object (&job->window);
  g_free (job->project_path);
  g_clear_object (&job->file);
  g_free (job);
}

/* One long task at a time shows in the bar under the header, with a
 * Cancel button; the fraction is shown once the task knows it. */
void
_plx_window_busy_begin (PlxWindow  *self,
                        const char *label)
{
  if (self->busy_cancellable != NULL)
    g_cancellable_cancel (self->busy_cancellable);
  g_clear_object (&self->busy_cancellable);
  self->busy_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->busy_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_progress), FALSE);
  gtk_revealer_set_reveal_child (self->busy_revealer, TRUE);
  _plx_window_update_actions (self);
}

void
_plx_window_busy_progress (PlxWindow *self,
                           double     fraction)
{
  gtk_widget_set_visible (GTK_WIDGET (self->busy_progress), TRUE);
  gtk_progress_bar_set_fraction (self->busy_progress, fraction);
}

void
_plx_window_busy_end (PlxWindow *self)
{
  g_clear_object (&self->busy_cancellable);
  gtk_revealer_set_reveal_child (self->busy_revealer, FALSE);
  _plx_window_update_actions (self);
}

static void
cancel_busy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);

  if (self->busy_cancellable != NULL)
    g_cancellable_cancel (self->busy_cancellable);
}

/* Ends a job that wrote a file: its error, unless the user cancelled, or
 * a toast saying it is done. */
static void
io_job_end (IoJob      *job,
            GError     *error,
            const char *failed_title,
            const char *done_message)
{
  PlxWindow *self = job->window;

  _plx_window_busy_end (self);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plx_window_show_error (self, failed_title, error);
    }
  else
    _plx_window_toast (self, done_message);
  io_job_free (job);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  IoJob *job = data;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *done = g_strdup_printf (_("Exported to %s"), name);
  g_autoptr(GError) error = NULL;

  plx_export_to_file_finish (PLX_PROJECT (object), result, &error);
  io_job_end (job, error, _("Could Not Export"), done);
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(PlxWindow) self = data;
  g_autoptr(PlxExportChoice) choice = NULL;
  g_autoptr(GError) error = NULL;
  IoJob *job;

  choice = plx_export_dialog_choose_finish (result, &error);
  if (choice == NULL || self->project == NULL)
    return;

  job = g_new0 (IoJob, 1);
  job->window = g_object_ref (self);
  job->project_path = g_strdup (plx_project_get_path (self->project));
  job->format = choice->format;
  job->document_id = choice->document_id;
  job->flags = choice->flags;
  job->file = g_steal_pointer (&choice->file);
  _plx_window_busy_begin (self, _("Exporting annotations…"));
  plx_export_to_file_async (self->project, job->format, job->document_id, job->flags, job->file,
                            self->busy_cancellable, export_done_cb, job);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);

  plx_export_dialog_choose_async (GTK_WINDOW (self), self->project, self->document, NULL,
                                  export_chosen_cb, g_object_ref (self));
}

/* What an import set aside (orphans) and what it corrected or left out
 * (notices: a REFI-QDA file's drifting offsets), at most 20 of each. */
static void
copy_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  IoJob *job = data;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *done = g_strdup_printf (_("Saved a copy as %s"), name);
  g_autoptr(GError) error = NULL;

  plx_export_copy_to_file_finish (PLX_PROJECT (object), result, &error);
  io_job_end (job, error, _("Could Not Save a Copy"), done);
}

static void
copy_chosen_cb (GtkNativeDialog *native,
                int              response,
                PlxWindow       *self)
{
  IoJob *job;

  if (response != GTK_RESPONSE_ACCEPT || self->project == NULL)
    goto out;

  job = g_new0 (IoJob, 1);
  job->window = g_object_ref (self);
  job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  _plx_window_busy_begin (self, _("Saving a copy…"));
  plx_export_copy_to_file_async (self->project, job->file, self->busy_cancellable, copy_done_cb, job);

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* A whole copy, to hand to a colleague or keep as a snapshot: copying the
 * file in a file manager while the project is open can miss the last
 * changes, which wait in SQLite's log beside it. */
static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  g_autoptr(GFile) project_file = g_file_new_for_path (plx_project_get_path (self->project));
  g_autoptr(GFile) folder = g_file_get_parent (project_file);
  g_autofree char *base = g_file_get_basename (project_file);
  g_autofree char *stem = g_strndup (base, strlen (base) - (g_str_has_suffix (base, ".parallax") ? strlen (".parallax") : 0));
  /* Translators: the suggested name of a copy; %s is the project's name */
  g_autofree char *suggested = g_strdup_printf (_("%s (copy).parallax"), stem);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Parallax Projects"));
  gtk_file_filter_add_suffix (filter, "parallax");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  g_signal_connect (native, "response", G_CALLBACK (copy_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
report_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(PlxWindow) self = data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if ((file = plx_report_dialog_export_finish (result, &error)) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plx_window_show_error (self, _("Could Not Export the Report"), error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Report written to %s"), name);

      _plx_window_toast (self, message);
    }
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);

  if (self->project != NULL)
    plx_report_dialog_export_async (GTK_WINDOW (self), self->project, NULL, report_done_cb, g_object_ref (self));
}

static void
show_orphans (PlxWindow       *self,
              PlxImportReport *report)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_notices = report->notices != NULL ? report->notices->len : 0;
  AdwMessageDialog *dialog;

  if (report->orphaned > 0)
    g_string_printf (body, ngettext ("%u passage could not be placed in the text, which has changed since it was annotated. It was not imported:",
                                     "%u passages could not be placed in the text, which has changed since they were annotated. They were not imported:",
                                     report->orphaned), report->orphaned);
  for (guint i = 0; report->orphans != NULL && i < report->orphans->len && i < 20; i++)
    g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (report->orphans, i));
  if (report->orphans != NULL && report->orphans->len > 20)
    g_string_append_printf (body, "\n%s", _("…and more; parallax-cli import lists them all."));
  if (n_notices > 0)
    g_string_append_printf (body, "%s%s", body->len > 0 ? "\n\n" : "", _("Corrected or left out:"));
  for (guint i = 0; i < n_notices && i < 20; i++)
    g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (report->notices, i));
  if (n_notices > 20)
    g_string_append_printf (body, "\n%s", _("…and more; parallax-cli import lists them all."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       report->orphaned > 0 ? _("Some Passages Were Not Imported")
                                                                            : _("Imported with Corrections"),
                                                       body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void import_done_cb (GObject *object, GAsyncResult *result, gpointer data);

static void
perspective_chosen_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PlxWindow        *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (dropdown);
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  IoJob *job;

  if (g_strcmp0 (response, "import") != 0 || chosen == NULL || self->project == NULL)
    return;
  job = g_new0 (IoJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  _plx_window_busy_begin (self, _("Importing annotations…"));
  /* Their pages go to the document shown when the project has neither
   * the page nor its address; the quotes still decide where, or whether,
   * each passage fits. */
  plx_import_file_with_options_async (self->project, file, gtk_string_object_get_string (chosen),
                                      self->document ? plx_document_get_id (self->document) : 0,
                                      self->busy_cancellable, import_done_cb, job);
}

/* Annotations made in another tool (Hypothesis, Recogito) say what they
 * are about but not whose voice they are: the user says it, once for the
 * file, and the import runs again. */
static void
ask_perspective (PlxWindow *self,
                 GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *perspectives = plx_project_get_perspectives (self->project);
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;

  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);

      gtk_string_list_append (names, plx_perspective_get_name (p));
    }
  body = self->document != NULL
    ? g_strdup_printf (_("The annotations in “%s” come from another tool and name no perspective. Choose the one they "
                         "are imported into. Those about a page this project does not have go to “%s”, where their "
                         "quotes are found."), name, plx_document_get_title (self->document))
    : g_strdup_printf (_("The annotations in “%s” come from another tool and name no perspective. Choose the one they "
                         "are imported into."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Import into Which Perspective?"), body));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Perspective"), -1);
  adw_message_dialog_set_extra_child (dialog, dropdown);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (perspective_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  IoJob *job = data;
  g_autoptr(PlxWindow) self = g_object_ref (job->window);
  g_autoptr(GFile) file = g_object_ref (job->file);
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  io_job_free (job);
  _plx_window_busy_end (self);
  /* The project takes the worker's commit in as another writer's. */
  report = plx_import_file_finish (PLX_PROJECT (object), result, &error);
  if (g_error_matches (error, PLX_ERROR, PLX_ERROR_PERSPECTIVE_NEEDED))
    {
      ask_perspective (self, file);
      return;
    }
  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plx_window_show_error (self, _("Could Not Import"), error);
      return;
    }

  /* Translators: counts of imported annotations */
  message = g_strdup_printf (_("Imported: %u added, %u updated, %u unchanged"),
                             report->added, report->updated, report->skipped);
  _plx_window_toast (self, message);
  if (report->orphaned > 0 || (report->notices != NULL && report->notices->len > 0))
    show_orphans (self, report);
}

static void
import_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  PlxWindow       *self)
{
  IoJob *job;

  if (response != GTK_RESPONSE_ACCEPT || self->project == NULL)
    goto out;

  job = g_new0 (IoJob, 1);
  job->window = g_object_ref (self);
  job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  _plx_window_busy_begin (self, _("Importing annotations…"));
  plx_import_file_async (self->project, job->file, self->busy_cancellable, import_done_cb, job);

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  guint n_formats;
  const PlxFormat * const *formats = plx_formats_list (&n_formats);

  native = gtk_file_chooser_native_new (_("Import Annotations"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Annotations: Parallax JSON, W3C Web Annotation, REFI-QDA"));
  gtk_file_filter_add_suffix (filter, "jsonld");
  /* Every exchange format the registry can import (.json, .qdpx, .qdc). */
  for (guint i = 0; i < n_formats; i++)
    if (formats[i]->role == PLX_FORMAT_EXCHANGE && (formats[i]->abilities & PLX_FORMAT_CAN_IMPORT))
      gtk_file_filter_add_suffix (filter, formats[i]->extensions[0] + 1);
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "application/ld+json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (import_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
external_change_cb (PlxWindow *self)
{
  _plx_window_refresh_documents (self);
  _plx_window_refresh_themes (self);
}

static gboolean
sync_cb (gpointer data)
{
  PlxWindow *self = data;
  g_autoptr(GError) error = NULL;

  /* A busy file is simply looked at again on the next tick. */
  if (self->project != NULL && !plx_project_sync_external_changes (self->project, &error) && error != NULL)
    g_debug ("Could not look for other writers' changes: %s", error->message);
  return G_SOURCE_CONTINUE;
}

/* Follows the window's current project. */
void
_plx_window_io_start (PlxWindow *self)
{
  g_signal_connect_swapped (self->project, "external-change", G_CALLBACK (external_change_cb), self);
  if (self->sync_source == 0)
    self->sync_source = g_timeout_add (SYNC_INTERVAL_MS, sync_cb, self);
}

void
_plx_window_io_stop (PlxWindow *self)
{
  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->busy_cancellable != NULL)
    g_cancellable_cancel (self->busy_cancellable);
  g_clear_object (&self->busy_cancellable);
}

void
_plx_window_io_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-busy", NULL, cancel_busy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

/* ---- damaged projects ---- */

typedef struct {
  PlxWindow *window;
  char      *damaged_path;
  char      *new_path;
} SalvageJob;

static void
salvage_job_free (gpointer data)
{
  SalvageJob *job = data;

  g_clear_object (&job->window);
  g_free (job->damaged_path);
  g_free (job->new_path);
  g_free (job);
}

static void
salvaged_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  SalvageJob *job = data;
  g_autoptr(PlxWindow) self = g_object_ref (job->window);
  g_autofree char *new_path = g_strdup (job->new_path);
  g_autoptr(PlxSalvageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  salvage_job_free (job);
  _plx_window_busy_end (self);
  report = plx_project_salvage_finish (result, &error);
  if (report == NULL || !plx_window_open_project (self, new_path, &error))
    {
      plx_window_show_error (self, _("Could Not Save What Is Readable"), error);
      return;
    }
  {
    g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", report->documents),
                                                  report->documents);
    g_autofree char *passages = g_strdup_printf (ngettext ("%u passage", "%u passages", report->annotations),
                                                 report->annotations);
    g_autofree char *lost = g_strdup_printf (ngettext ("%u passage could not be read", "%u passages could not be read",
                                                       report->annotations_lost), report->annotations_lost);

    /* Translators: "Recovered 2 documents and 40 passages; 1 passage could not be read" */
    message = g_strdup_printf (_("Recovered %s and %s; %s"), documents, passages, lost);
  }
  _plx_window_toast (self, message);
}

static void
salvage_target_chosen_cb (GtkNativeDialog *native,
                          int              response,
                          PlxWindow       *self)
{
  SalvageJob *job = g_object_steal_data (G_OBJECT (native), "job");
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      salvage_job_free (job);
      goto out;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  job->new_path = g_file_get_path (file);

  _plx_window_busy_begin (self, _("Saving what is readable…"));
  job->window = g_object_ref (self);
  plx_project_salvage_async (job->damaged_path, job->new_path, self->busy_cancellable, salvaged_cb, job);

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
damaged_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlxWindow        *self)
{
  const char *damaged_path = g_object_get_data (G_OBJECT (dialog), "path");
  GtkFileChooserNative *native;
  SalvageJob *job;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (g_strcmp0 (response, "salvage") != 0)
    return;

  base = g_path_get_basename (damaged_path);
  if ((dot = strrchr (base, '.')) != NULL)
    *dot = '\0';
  /* Translators: the file name offered for a project rebuilt from a damaged one */
  name = g_strdup_printf (_("%s (recovered).parallax"), base);
  job = g_new0 (SalvageJob, 1);
  job->damaged_path = g_strdup (damaged_path);

  native = gtk_file_chooser_native_new (_("Save What Is Readable"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "job", job);
  g_signal_connect (native, "response", G_CALLBACK (salvage_target_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Says why a project did not open; when SQLite can still read part of a
 * damaged one, offers to copy what is readable into a new project (the
 * damaged file itself is never written). */
void
plx_window_show_open_error (PlxWindow  *self,
                            const char *path,
                            GError     *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (PLX_IS_WINDOW (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Project"), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (g_error_matches (error, PLX_ERROR, PLX_ERROR_CORRUPT) ||
      g_error_matches (error, PLX_ERROR, PLX_ERROR_FOREIGN_LOG))
    {
      adw_message_dialog_add_response (dialog, "salvage", _("_Save What Is Readable…"));
      adw_message_dialog_set_response_appearance (dialog, "salvage", ADW_RESPONSE_SUGGESTED);
      g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (damaged_response_cb), self);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}
