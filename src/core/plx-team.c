/* plx-team.c: coders who work apart each get a copy of the project (the
 * same identities, so that it merges back), optionally without the
 * annotations made so far; their copies come back through plx-merge,
 * any number at once, in one transaction: the project is whole before or
 * after, never half-merged.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-team"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "plx-error.h"
#include "plx-exporter.h"
#include "plx-project-private.h"
#include "plx-team.h"
#include "plx-worker.h"

void
plx_team_merge_free (PlxTeamMerge *merge)
{
  if (merge == NULL)
    return;
  g_ptr_array_unref (merge->sources);
  g_ptr_array_unref (merge->reports);
  g_free (merge);
}

/**
 * plx_team_copy_path:
 *
 * Returns: (transfer full): where @coder's copy of the project at
 * @project_path goes in @folder: "essay – Leyla.parallax", with what a
 * file name cannot hold replaced
 */
char *
plx_team_copy_path (const char *project_path,
                    const char *folder,
                    const char *coder)
{
  g_autofree char *base = g_path_get_basename (project_path);
  g_autofree char *stem = g_strndup (base, strlen (base) - (g_str_has_suffix (base, ".parallax") ? strlen (".parallax") : 0));
  g_autofree char *safe = g_strdup (coder);
  g_autofree char *name = NULL;

  g_strdelimit (safe, "/\\:*?\"<>|", '_');
  /* Translators: the file name of a coder's copy: the project's name, then the coder's */
  name = g_strdup_printf (_("%s – %s.parallax"), stem, safe);
  return g_build_filename (folder, name, NULL);
}

static gboolean
check_coders (const char * const  *coders,
              GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (coders == NULL || coders[0] == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("Name at least one coder to hand a copy to"));
      return FALSE;
    }
  for (guint i = 0; coders[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (coders[i]));

      if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("Coder %u has no name: every copy needs the name of its coder"), i + 1);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) coders[i]))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                       _("“%s” is named twice: each coder gets one copy"), coders[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
purge_copy (const char  *path,
            GError     **error)
{
  g_autoptr(PlxProject) copy = plx_project_open (path, error);

  if (copy == NULL || !_plx_project_begin (copy, error))
    return FALSE;
  if (!plx_store_purge_annotations (copy->store, error) || !_plx_project_commit (copy, error))
    {
      _plx_project_rollback (copy);
      return FALSE;
    }
  /* The file alone is the copy: nothing left in a log beside it. */
  return plx_project_checkpoint (copy, error);
}

/**
 * plx_team_hand_out:
 * @folder: where the copies go
 * @coders: the coders' names, one copy each
 * @without_annotations: whether the copies start with no annotations, for
 *   coding apart (the project's own are kept, and are not deleted by a
 *   merge of the copies)
 *
 * Writes a whole copy of @project for each coder, named by
 * plx_team_copy_path(). A file already there is never overwritten: it may
 * be a coder's work.
 *
 * Returns: (transfer full): the copies' paths, or %NULL with @error set
 * and no copy left behind
 */
GPtrArray *
plx_team_hand_out (PlxProject          *project,
                   const char          *folder,
                   const char * const  *coders,
                   gboolean             without_annotations,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint written = 0;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!check_coders (coders, error))
    return NULL;
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no folder %s to put the copies in"), folder);
      return NULL;
    }
  for (guint i = 0; coders[i] != NULL; i++)
    {
      char *path = plx_team_copy_path (plx_project_get_path (project), folder, coders[i]);
      gboolean twice = g_ptr_array_find_with_equal_func (paths, path, g_str_equal, NULL);

      g_ptr_array_add (paths, path);
      if (twice)
        {
          /* Two names a file name cannot tell apart ("A/B", "A_B"). */
          g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                       _("“%s” is named twice: each coder gets one copy"), coders[i]);
          return NULL;
        }
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                       _("%s already exists: it may be a coder’s work, so no copies were made (choose another folder)"), path);
          return NULL;
        }
    }

  for (; written < paths->len; written++)
    {
      const char *path = g_ptr_array_index (paths, written);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!plx_export_copy_to_file (project, file, cancellable, error) ||
          (without_annotations && !purge_copy (path, error)) ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          /* All the copies or none: a half-handed-out team is confusing. */
          for (guint j = 0; j <= written; j++)
            g_unlink (g_ptr_array_index (paths, j));
          return NULL;
        }
    }
  return g_steal_pointer (&paths);
}

typedef struct {
  char     *folder;
  GStrv     coders;
  gboolean  without_annotations;
} HandOut;

static void
hand_out_free (gpointer data)
{
  HandOut *job = data;

  g_free (job->folder);
  g_strfreev (job->coders);
  g_free (job);
}

static gpointer
hand_out_compute (PlxProject     *worker,
                  gconstpointer   options,
                  GError        **error)
{
  const HandOut *job = options;

  return plx_team_hand_out (worker, job->folder, (const char * const *) job->coders, job->without_annotations,
                            NULL, error);
}

void
plx_team_hand_out_async (PlxProject          *project,
                         const char          *folder,
                         const char * const  *coders,
                         gboolean             without_annotations,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  HandOut *job = g_new0 (HandOut, 1);

  job->folder = g_strdup (folder);
  job->coders = g_strdupv ((char **) coders);
  job->without_annotations = without_annotations;
  plx_worker_run (project, plx_team_hand_out_async, hand_out_compute, job, hand_out_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
plx_team_hand_out_finish (PlxProject    *project,
                          GAsyncResult  *result,
                          GError       **error)
{
  return plx_worker_finish (project, result, plx_team_hand_out_async, error);
}

/**
 * plx_team_check_source:
 * @source_name: how to name @source in a message
 *
 * Whether @source can be merged into @target: a copy of the same project
 * shares a document with it (a project of another corpus would bring all
 * of its own in, which is an import, not a merge), and it is not @target
 * itself.
 */
gboolean
plx_team_check_source (PlxProject  *target,
                       PlxProject  *source,
                       const char  *source_name,
                       GError     **error)
{
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GFile) a = g_file_new_for_path (plx_project_get_path (target));
  g_autoptr(GFile) b = g_file_new_for_path (plx_project_get_path (source));

  if (g_file_equal (a, b))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("%s is the project itself: choose the copies to merge into it"), source_name);
      return FALSE;
    }
  mine = plx_project_list_documents (target, error);
  theirs = mine ? plx_project_list_documents (source, error) : NULL;
  if (theirs == NULL)
    return FALSE;
  if (mine->len == 0 || theirs->len == 0)
    return TRUE;
  for (guint i = 0; i < mine->len; i++)
    g_hash_table_add (uuids, (gpointer) plx_document_get_uuid (g_ptr_array_index (mine, i)));
  for (guint i = 0; i < theirs->len; i++)
    if (g_hash_table_contains (uuids, plx_document_get_uuid (g_ptr_array_index (theirs, i))))
      return TRUE;
  g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
               _("%s shares no document with the target: it is not a copy of the same project, so nothing was "
                 "merged (to bring its annotations in, export them and import the file)"), source_name);
  return FALSE;
}

/**
 * plx_team_name_matches:
 *
 * The perspectives and themes of @source that a merge would take as the
 * same as @target's only because they have the same name (their
 * identities differ: they were made apart), to be confirmed by the user.
 *
 * Returns: (transfer full): one description for each, such as
 * "perspective “Russian”"; %NULL with @error set on failure
 */
GPtrArray *
plx_team_name_matches (PlxProject  *target,
                       PlxProject  *source,
                       GError     **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) my_themes = NULL;
  g_autoptr(GPtrArray) their_themes = NULL;
  GListModel *theirs = plx_project_get_perspectives (source);

  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(PlxPerspective) their = g_list_model_get_item (theirs, i);
      PlxPerspective *mine = plx_project_find_perspective_by_name (target, plx_perspective_get_name (their));

      if (mine != NULL && g_strcmp0 (plx_perspective_get_uuid (mine), plx_perspective_get_uuid (their)) != 0)
        /* Translators: one thing a merge would join by name alone */
        g_ptr_array_add (matches, g_strdup_printf (_("perspective “%s”"), plx_perspective_get_name (their)));
    }

  my_themes = plx_store_list_codebook (target->store, error);
  their_themes = my_themes ? plx_store_list_codebook (source->store, error) : NULL;
  if (their_themes == NULL)
    return NULL;
  for (guint i = 0; i < their_themes->len; i++)
    {
      PlxTheme *their = g_ptr_array_index (their_themes, i);

      for (guint j = 0; j < my_themes->len; j++)
        {
          PlxTheme *mine = g_ptr_array_index (my_themes, j);

          if (g_utf8_collate (plx_theme_get_name (mine), plx_theme_get_name (their)) == 0 &&
              g_strcmp0 (plx_theme_get_uuid (mine), plx_theme_get_uuid (their)) != 0)
            /* Translators: one thing a merge would join by name alone */
            g_ptr_array_add (matches, g_strdup_printf (_("theme “%s”"), plx_theme_get_name (their)));
        }
    }
  return g_steal_pointer (&matches);
}

static void
add_report (PlxTeamMerge   *merge,
            const char     *source,
            PlxMergeReport *report)
{
  merge->added += report->added;
  merge->updated += report->updated;
  merge->deleted += report->deleted;
  merge->conflicts += report->conflicts->len;
  merge->documents_added += report->documents_added;
  merge->perspectives_added += report->perspectives_added;
  g_ptr_array_add (merge->sources, g_strdup (source));
  g_ptr_array_add (merge->reports, report);
}

static gboolean
merge_all (PlxProject          *target,
           const char * const  *sources,
           PlxTeamMerge        *merge,
           PlxTeamProgress      progress,
           gpointer             progress_data,
           GCancellable        *cancellable,
           GError             **error)
{
  guint total = g_strv_length ((char **) sources);

  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_autoptr(PlxProject) source = NULL;
      g_autoptr(GError) local_error = NULL;
      PlxMergeReport *report;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      source = plx_project_open_for_reading (sources[i], &local_error);
      if (source == NULL || !plx_team_check_source (target, source, sources[i], &local_error) ||
          (report = plx_project_merge (target, source, &local_error)) == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Nothing was merged: %s"), local_error->message);
          return FALSE;
        }
      add_report (merge, sources[i], report);
      if (progress != NULL)
        progress (i + 1, total, progress_data);
    }
  return TRUE;
}

/**
 * plx_team_merge:
 * @sources: the paths of the copies to merge into @target
 * @progress: (nullable): told after each copy
 *
 * Merges every copy into @target (see plx_project_merge()) in one
 * transaction: a copy that cannot be merged, a cancellation or a crash
 * leaves @target as it was. Not undoable: the changes do not go through
 * a history.
 *
 * Returns: (transfer full): the sums and each copy's report, or %NULL
 * with @error set and @target unchanged
 */
PlxTeamMerge *
plx_team_merge (PlxProject          *target,
                const char * const  *sources,
                PlxTeamProgress      progress,
                gpointer             progress_data,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(PlxTeamMerge) merge = g_new0 (PlxTeamMerge, 1);

  g_return_val_if_fail (PLX_IS_PROJECT (target), NULL);

  merge->sources = g_ptr_array_new_with_free_func (g_free);
  merge->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) plx_merge_report_free);
  if (sources == NULL || sources[0] == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("Choose at least one copy to merge"));
      return NULL;
    }
  if (!_plx_project_begin (target, error))
    return NULL;
  if (!merge_all (target, sources, merge, progress, progress_data, cancellable, error) ||
      !_plx_project_commit (target, error))
    {
      _plx_project_rollback (target);
      _plx_project_reload (target);
      return NULL;
    }
  return g_steal_pointer (&merge);
}

typedef struct {
  GStrv            sources;
  PlxTeamProgress  progress;
  gpointer         progress_data;
  GMainContext    *context;
  GCancellable    *cancellable;
} MergeJob;

typedef struct {
  PlxTeamProgress  progress;
  gpointer         progress_data;
  guint            done;
  guint            total;
} Progress;

static void
merge_job_free (gpointer data)
{
  MergeJob *job = data;

  g_strfreev (job->sources);
  g_main_context_unref (job->context);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static gboolean
progress_in_context (gpointer data)
{
  Progress *p = data;

  p->progress (p->done, p->total, p->progress_data);
  return G_SOURCE_REMOVE;
}

/* From the worker thread to the caller's context. */
static void
progress_from_thread (guint    done,
                      guint    total,
                      gpointer data)
{
  MergeJob *job = data;
  Progress *p = g_new0 (Progress, 1);

  p->progress = job->progress;
  p->progress_data = job->progress_data;
  p->done = done;
  p->total = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_in_context, p, g_free);
}

static gpointer
merge_compute (PlxProject     *worker,
               gconstpointer   options,
               GError        **error)
{
  MergeJob *job = (MergeJob *) options;

  return plx_team_merge (worker, (const char * const *) job->sources,
                         job->progress != NULL ? progress_from_thread : NULL, job,
                         job->cancellable, error);
}

/**
 * plx_team_merge_async:
 * @progress: (nullable): told in the calling thread's main context
 *
 * plx_team_merge() on a connection of its own in a worker thread; @target
 * sees the result as another connection's commit
 * (plx_project_sync_external_changes()).
 */
void
plx_team_merge_async (PlxProject          *target,
                      const char * const  *sources,
                      PlxTeamProgress      progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  MergeJob *job = g_new0 (MergeJob, 1);

  job->sources = g_strdupv ((char **) sources);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  plx_worker_run (target, plx_team_merge_async, merge_compute, job, merge_job_free,
                  (GDestroyNotify) plx_team_merge_free, cancellable, callback, user_data);
}

PlxTeamMerge *
plx_team_merge_finish (PlxProject    *target,
                       GAsyncResult  *result,
                       GError       **error)
{
  return plx_worker_finish (target, result, plx_team_merge_async, error);
}
