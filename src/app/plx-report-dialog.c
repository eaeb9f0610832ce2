/* plx-report-dialog.c: Export Report…. A file chooser with a filter per
 * format, then a dialog showing the report being written (the core's
 * plx_report_write_async(), in a worker thread) with a Cancel button.
 * The caller hears back once: the file written, or an error (cancelled
 * when the user chose nothing or pressed Cancel).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-report-dialog"

#include <string.h>
#include <glib/gi18n.h>

#include "plx-report-dialog.h"

struct _PlxReportDialog
{
  AdwMessageDialog  parent_instance;

  GtkProgressBar   *progress;
  GCancellable     *cancellable;
  gboolean          done;
  gboolean          destroyed;
};

G_DEFINE_FINAL_TYPE (PlxReportDialog, plx_report_dialog, ADW_TYPE_MESSAGE_DIALOG)

typedef struct {
  GtkWindow       *parent;
  PlxProject      *project;
  PlxReportDialog *dialog;
  GFile           *file;
  GtkFileFilter   *filters[2];   /* by PlxReportFormat */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->parent);
  g_clear_object (&job->project);
  g_clear_object (&job->dialog);
  g_clear_object (&job->file);
  for (guint i = 0; i < G_N_ELEMENTS (job->filters); i++)
    g_clear_object (&job->filters[i]);
  g_free (job);
}

static void
return_cancelled (GTask *task)
{
  /* In GLib's words, as GCancellable reports it. */
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", g_dgettext ("glib20", "Operation was cancelled"));
}

static void
response_cb (PlxReportDialog *self,
             const char      *response)
{
  /* The only response is Cancel; closing the dialog is one too. */
  g_cancellable_cancel (self->cancellable);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  PlxReportDialog *self = data;

  gtk_progress_bar_set_fraction (self->progress, fraction);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  ExportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  job->dialog->done = TRUE;
  if (!job->dialog->destroyed)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  if (!plx_report_write_finish (PLX_PROJECT (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_object_ref (job->file), g_object_unref);
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_str_has_suffix (folded, suffix);
}

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                gpointer         data)
{
  g_autoptr(GTask) task = data;
  ExportJob *job = g_task_get_task_data (task);
  g_autoptr(GFile) chosen = NULL;
  g_autofree char *base = NULL;
  g_autofree char *body = NULL;
  GtkFileFilter *filter;
  PlxReportFormat format;

  if (response != GTK_RESPONSE_ACCEPT || (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL)
    {
      return_cancelled (task);
      goto done;
    }

  /* The name's extension decides; else the chosen filter, whose
   * extension a name typed without any gets (as Export Annotations…). */
  base = g_file_get_basename (chosen);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
  if (has_suffix (base, ".pdf"))
    format = PLX_REPORT_FORMAT_PDF;
  else if (has_suffix (base, ".html") || has_suffix (base, ".htm"))
    format = PLX_REPORT_FORMAT_HTML;
  else
    format = filter == job->filters[PLX_REPORT_FORMAT_PDF] ? PLX_REPORT_FORMAT_PDF : PLX_REPORT_FORMAT_HTML;
  if (strchr (base, '.') == NULL)
    {
      g_autofree char *name = NULL;
      g_autoptr(GFile) parent = g_file_get_parent (chosen);

      name = g_strconcat (base, ".", plx_report_format_extension (format), NULL);
      g_clear_object (&chosen);
      chosen = parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);
      g_free (base);
      base = g_steal_pointer (&name);
    }
  job->file = g_object_ref (chosen);

  job->dialog = g_object_ref_sink (g_object_new (PLX_TYPE_REPORT_DIALOG,
                                                 "transient-for", job->parent,
                                                 "modal", TRUE,
                                                 "heading", _("Writing the Report"),
                                                 NULL));
  /* Translators: the body of the dialog shown while the report is written, "To <file name>" */
  body = g_strdup_printf (_("To %s"), base);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (job->dialog), body);
  if (g_task_get_cancellable (task) != NULL)
    g_cancellable_connect (g_task_get_cancellable (task), G_CALLBACK (g_cancellable_cancel),
                           g_object_ref (job->dialog->cancellable), g_object_unref);
  gtk_window_present (GTK_WINDOW (job->dialog));
  plx_report_write_async (job->project, format, job->file, progress_cb, g_object_ref (job->dialog), g_object_unref,
                          job->dialog->cancellable, written_cb, g_object_ref (task));

done:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static GtkFileFilter *
format_filter (const char *name,
               const char *suffix,
               const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

/**
 * plx_report_dialog_export_async:
 *
 * Asks where to write @project's comparison report and writes it there,
 * showing its progress. Finishes with the file written.
 */
void
plx_report_dialog_export_async (GtkWindow           *parent,
                                PlxProject          *project,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  ExportJob *job;
  char *dot;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (PLX_IS_PROJECT (project));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plx_report_dialog_export_async);
  job = g_new0 (ExportJob, 1);
  job->parent = g_object_ref (parent);
  job->project = g_object_ref (project);
  job->filters[PLX_REPORT_FORMAT_HTML] = format_filter (_("Web page (HTML)"), "html", "text/html");
  job->filters[PLX_REPORT_FORMAT_PDF] = format_filter (_("PDF document"), "pdf", "application/pdf");
  g_task_set_task_data (task, job, export_job_free);

  /* Beside the project, named after it. */
  project_file = g_file_new_for_path (plx_project_get_path (project));
  folder = g_file_get_parent (project_file);
  stem = g_file_get_basename (project_file);
  if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  name = g_strconcat (stem, "-report.html", NULL);

  native = gtk_file_chooser_native_new (_("Export Report"), parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), job->filters[PLX_REPORT_FORMAT_HTML]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), job->filters[PLX_REPORT_FORMAT_PDF]);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (file_chosen_cb), g_object_ref (task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

GFile *
plx_report_dialog_export_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plx_report_dialog_export_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
plx_report_dialog_dispose (GObject *object)
{
  PlxReportDialog *self = PLX_REPORT_DIALOG (object);

  /* Destroyed while writing: the writing stops. */
  if (!self->done)
    g_cancellable_cancel (self->cancellable);
  self->destroyed = TRUE;
  G_OBJECT_CLASS (plx_report_dialog_parent_class)->dispose (object);
}

static void
plx_report_dialog_finalize (GObject *object)
{
  PlxReportDialog *self = PLX_REPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (plx_report_dialog_parent_class)->finalize (object);
}

static void
plx_report_dialog_class_init (PlxReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plx_report_dialog_dispose;
  object_class->finalize = plx_report_dialog_finalize;
}

static void
plx_report_dialog_init (PlxReportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Writing the report"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->progress));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}
