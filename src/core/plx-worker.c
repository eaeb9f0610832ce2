/* plx-worker.c: a computation over a project in a worker thread. The
 * worker opens a connection of its own (plx_project_open_another), so the
 * caller's project stays free for the main thread meanwhile.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-worker"

#include "plx-worker.h"

typedef struct {
  PlxProject       *project;
  PlxWorkerCompute  compute;
  gpointer          options;
  GDestroyNotify    options_free;
  GDestroyNotify    result_free;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->project);
  if (job->options_free != NULL)
    job->options_free (job->options);
  g_free (job);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(PlxProject) worker = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  worker = plx_project_open_another (job->project, &error);
  if (worker == NULL || (result = job->compute (worker, job->options, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, result, job->result_free);
  else
    job->result_free (result);
}

/**
 * plx_worker_run:
 * @options: (transfer full): what @compute needs, freed with @options_free
 *
 * Runs @compute in a worker thread; the result comes back with
 * plx_worker_finish() and the same @source_tag.
 */
void
plx_worker_run (PlxProject          *project,
                gpointer             source_tag,
                PlxWorkerCompute     compute,
                gpointer             options,
                GDestroyNotify       options_free,
                GDestroyNotify       result_free,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (PLX_IS_PROJECT (project));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  job = g_new0 (Job, 1);
  job->project = g_object_ref (project);
  job->compute = compute;
  job->options = options;
  job->options_free = options_free;
  job->result_free = result_free;
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_thread);
}

gpointer
plx_worker_finish (PlxProject    *project,
                   GAsyncResult  *result,
                   gpointer       source_tag,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
