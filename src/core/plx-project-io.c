/* plx-project-io.c: the long operations on whole files (export, import,
 * salvage) in a worker thread, on a connection of the worker's own, so
 * that the app keeps drawing and the CLI and tests call the same code.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-project"

#include "plx-exporter.h"
#include "plx-importer.h"
#include "plx-salvage.h"

typedef struct {
  PlxProject      *project;
  GFile           *file;
  PlxExportFormat  format;
  PlxExportFlags   flags;
  gint64           document_id;
  char            *perspective;   /* imports: for annotations that name none */
} FileJob;

static void
file_job_free (gpointer data)
{
  FileJob *job = data;

  g_clear_object (&job->project);
  g_clear_object (&job->file);
  g_free (job->perspective);
  g_free (job);
}

static GTask *
file_task (PlxProject          *project,
           GFile               *file,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  GTask *task = g_task_new (project, cancellable, callback, user_data);
  FileJob *job = g_new0 (FileJob, 1);

  job->project = g_object_ref (project);
  job->file = g_object_ref (file);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, file_job_free);
  return task;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr(PlxProject) worker = NULL;
  g_autoptr(GError) error = NULL;

  worker = plx_project_open_another (job->project, &error);
  if (worker == NULL ||
      !plx_export_to_file (worker, job->format, job->document_id, job->flags, job->file, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * plx_export_to_file_async:
 *
 * plx_export_to_file() in a worker thread: what the project had committed
 * when the worker started is written, to a temporary file renamed into
 * place at the end.
 */
void
plx_export_to_file_async (PlxProject          *project,
                          PlxExportFormat      format,
                          gint64               document_id,
                          PlxExportFlags       flags,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FileJob *job;

  g_return_if_fail (PLX_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = file_task (project, file, cancellable, callback, user_data, plx_export_to_file_async);
  job = g_task_get_task_data (task);
  job->format = format;
  job->flags = flags;
  job->document_id = document_id;
  g_task_run_in_thread (task, export_thread);
}

gboolean
plx_export_to_file_finish (PlxProject    *project,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr(PlxProject) worker = NULL;
  g_autoptr(GError) error = NULL;

  worker = plx_project_open_another (job->project, &error);
  if (worker == NULL || !plx_export_copy_to_file (worker, job->file, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * plx_export_copy_to_file_async:
 *
 * plx_export_copy_to_file() in a worker thread, on a connection of its
 * own: the copy is one consistent state of what the project committed.
 */
void
plx_export_copy_to_file_async (PlxProject          *project,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PLX_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = file_task (project, file, cancellable, callback, user_data, plx_export_copy_to_file_async);
  g_task_run_in_thread (task, copy_thread);
}

gboolean
plx_export_copy_to_file_finish (PlxProject    *project,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr(PlxProject) worker = NULL;
  g_autoptr(GError) error = NULL;
  PlxImportReport *report = NULL;

  worker = plx_project_open_another (job->project, &error);
  if (worker != NULL)
    {
      PlxImportOptions options = { NULL, job->perspective, job->document_id };

      report = plx_import_file_with_options (worker, job->file, &options, cancellable, &error);
    }
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) plx_import_report_free);
}

/**
 * plx_import_file_async:
 *
 * plx_import_file() in a worker thread, in one transaction of the
 * worker's; @project takes the result in (and announces it as another
 * writer's, "external-change") in plx_import_file_finish().
 */
void
plx_import_file_async (PlxProject          *project,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PLX_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = file_task (project, file, cancellable, callback, user_data, plx_import_file_async);
  g_task_run_in_thread (task, import_thread);
}

/**
 * plx_import_file_with_options_async:
 * @perspective: (nullable): the perspective of annotations that name none
 *   (another tool's W3C annotations)
 * @document_id: the document such annotations are about, when their
 *   target does not say; 0 for none
 *
 * plx_import_file_async() with the choices the user made for a file from
 * another tool; finished by plx_import_file_finish().
 */
void
plx_import_file_with_options_async (PlxProject          *project,
                                    GFile               *file,
                                    const char          *perspective,
                                    gint64               document_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FileJob *job;

  g_return_if_fail (PLX_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = file_task (project, file, cancellable, callback, user_data, plx_import_file_async);
  job = g_task_get_task_data (task);
  job->perspective = g_strdup (perspective);
  job->document_id = document_id;
  g_task_run_in_thread (task, import_thread);
}

PlxImportReport *
plx_import_file_finish (PlxProject    *project,
                        GAsyncResult  *result,
                        GError       **error)
{
  PlxImportReport *report;

  g_return_val_if_fail (g_task_is_valid (result, project), NULL);

  report = g_task_propagate_pointer (G_TASK (result), error);
  if (report != NULL)
    plx_project_sync_external_changes (project, NULL);
  return report;
}

typedef struct {
  char *damaged_path;
  char *new_path;
} SalvageJob;

static void
salvage_job_free (gpointer data)
{
  SalvageJob *job = data;

  g_free (job->damaged_path);
  g_free (job->new_path);
  g_free (job);
}

static void
salvage_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SalvageJob *job = task_data;
  g_autoptr(GError) error = NULL;
  PlxSalvageReport *report = plx_project_salvage (job->damaged_path, job->new_path, &error);

  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) plx_salvage_report_free);
}

/* plx_project_salvage() in a worker thread. */
void
plx_project_salvage_async (const char          *damaged_path,
                           const char          *new_path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SalvageJob *job;

  g_return_if_fail (damaged_path != NULL);
  g_return_if_fail (new_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  job = g_new0 (SalvageJob, 1);
  job->damaged_path = g_strdup (damaged_path);
  job->new_path = g_strdup (new_path);
  g_task_set_source_tag (task, plx_project_salvage_async);
  g_task_set_task_data (task, job, salvage_job_free);
  g_task_run_in_thread (task, salvage_thread);
}

PlxSalvageReport *
plx_project_salvage_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
