/* plx-merge.c: every entity is matched by its UUID. For an annotation in
 * both copies, the revision hashes decide: when one copy's version is in
 * the other's ancestry, the other's is newer and is taken; when neither
 * is, both changed it apart, and that is a conflict, reported with both
 * versions and never settled silently. A deletion travels the same way
 * through the tombstone the deleting copy keeps.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-merge"

#include <string.h>

#include "plx-merge.h"
#include "plx-project-private.h"

typedef struct {
  PlxProject     *target;
  PlxProject     *source;
  PlxMergeReport *report;
  GHashTable     *perspectives;   /* source id → target id (gint64 *) */
  GHashTable     *documents;      /* source id → target id (gint64 *) */
} Merge;

static void
conflict_free (gpointer data)
{
  PlxMergeConflict *conflict = data;

  g_free (conflict->uuid);
  g_clear_object (&conflict->mine);
  g_clear_object (&conflict->theirs);
  g_free (conflict);
}

void
plx_merge_report_free (PlxMergeReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->conflicts);
  g_free (report);
}

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static char *
hash_in (PlxProject    *project,
         PlxAnnotation *annotation)
{
  PlxPerspective *perspective = plx_project_find_perspective (project, plx_annotation_get_perspective_id (annotation));

  return plx_annotation_dup_revision_hash (annotation, perspective ? plx_perspective_get_uuid (perspective) : "");
}

static gboolean
in_ancestry (const char *ancestry,
             const char *hash)
{
  g_auto(GStrv) hashes = g_strsplit (ancestry ? ancestry : "", " ", -1);

  return g_strv_contains ((const char * const *) hashes, hash);
}

static void
add_conflict (Merge                *m,
              PlxMergeConflictKind  kind,
              const char           *uuid,
              PlxAnnotation        *mine,
              PlxAnnotation        *theirs)
{
  PlxMergeConflict *conflict = g_new0 (PlxMergeConflict, 1);

  conflict->kind = kind;
  conflict->uuid = g_strdup (uuid);
  conflict->mine = mine ? g_object_ref (mine) : NULL;
  conflict->theirs = theirs ? g_object_ref (theirs) : NULL;
  g_ptr_array_add (m->report->conflicts, conflict);
}

/* Perspectives by UUID, then by name; the rest are added. */
static gboolean
map_perspectives (Merge   *m,
                  GError **error)
{
  GListModel *theirs = plx_project_get_perspectives (m->source);
  GListModel *mine = plx_project_get_perspectives (m->target);

  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(PlxPerspective) their = g_list_model_get_item (theirs, i);
      PlxPerspective *match = NULL;

      for (guint j = 0; j < g_list_model_get_n_items (mine) && match == NULL; j++)
        {
          g_autoptr(PlxPerspective) my = g_list_model_get_item (mine, j);

          if (g_strcmp0 (plx_perspective_get_uuid (my), plx_perspective_get_uuid (their)) == 0)
            match = my;
        }
      if (match == NULL)
        match = plx_project_find_perspective_by_name (m->target, plx_perspective_get_name (their));
      if (match == NULL)
        {
          match = _plx_project_add_perspective_as (m->target, plx_perspective_get_name (their),
                                                   plx_perspective_get_color (their),
                                                   plx_perspective_get_uuid (their), error);
          if (match == NULL)
            return FALSE;
          m->report->perspectives_added++;
        }
      g_hash_table_insert (m->perspectives, new_id (plx_perspective_get_id (their)),
                           new_id (plx_perspective_get_id (match)));
    }
  return TRUE;
}

/* Documents by UUID; one the target lacks is copied with its stored text,
 * so offsets into it mean the same in both copies. */
static gboolean
map_documents (Merge   *m,
               GError **error)
{
  g_autoptr(GPtrArray) theirs = plx_project_list_documents (m->source, error);
  g_autoptr(GPtrArray) mine = theirs ? plx_project_list_documents (m->target, error) : NULL;
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  if (mine == NULL)
    return FALSE;
  for (guint i = 0; i < mine->len; i++)
    g_hash_table_insert (by_uuid, (gpointer) plx_document_get_uuid (g_ptr_array_index (mine, i)),
                         g_ptr_array_index (mine, i));

  for (guint i = 0; i < theirs->len; i++)
    {
      PlxDocument *their = g_ptr_array_index (theirs, i);
      PlxDocument *match = g_hash_table_lookup (by_uuid, plx_document_get_uuid (their));
      g_autoptr(PlxDocument) copy = NULL;

      if (match == NULL)
        {
          const char *source = plx_document_get_distinct_source (their);
          g_autoptr(GBytes) blocks = plx_document_pack_blocks (their);

          copy = plx_document_new_from_stored (plx_document_get_title (their), plx_document_get_format (their),
                                               g_strdup (source), g_strdup (plx_document_get_text (their)),
                                               g_bytes_get_data (blocks, NULL), g_bytes_get_size (blocks),
                                               plx_document_get_content_hash (their), error);
          if (copy == NULL)
            return FALSE;
          plx_document_copy_provenance (copy, their);
          /* The file it was read from comes along, as in its project. */
          {
            g_autoptr(GBytes) original = plx_project_dup_document_original (m->source, plx_document_get_id (their),
                                                                             error);

            if (original == NULL)
              return FALSE;
            plx_document_set_original (copy, original);
          }
          plx_document_set_uuid (copy, plx_document_get_uuid (their));
          if (!plx_project_add_document (m->target, copy, error))
            return FALSE;
          m->report->documents_added++;
          match = copy;
        }
      g_hash_table_insert (m->documents, new_id (plx_document_get_id (their)), new_id (plx_document_get_id (match)));
    }
  return TRUE;
}

/* The source's annotation as the target would hold it. */
static PlxAnnotation *
translate (Merge         *m,
           PlxAnnotation *theirs)
{
  gint64 document_id = plx_annotation_get_document_id (theirs);
  gint64 perspective_id = plx_annotation_get_perspective_id (theirs);
  PlxAnnotation *copy = plx_annotation_copy (theirs);

  plx_annotation_set_document_id (copy, *(gint64 *) g_hash_table_lookup (m->documents, &document_id));
  plx_annotation_set_perspective_id (copy, *(gint64 *) g_hash_table_lookup (m->perspectives, &perspective_id));
  return copy;
}

/* Written as it is: a revision past @before's is not made a new one. */
static gboolean
apply_one (Merge          *m,
           PlxAnnotation  *before,
           PlxAnnotation  *after,
           GError        **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();

  plx_change_set_add_annotation (changes, before, after);
  return plx_project_apply (m->target, changes, error);
}

static gboolean
merge_annotation (Merge          *m,
                  PlxAnnotation  *theirs,
                  PlxAnnotation  *mine,
                  PlxTombstone   *my_tombstone,
                  GError        **error)
{
  g_autofree char *their_hash = hash_in (m->source, theirs);
  g_autoptr(PlxAnnotation) taken = NULL;
  g_autofree char *my_hash = NULL;

  if (mine == NULL && my_tombstone != NULL)
    {
      if (in_ancestry (my_tombstone->ancestry, their_hash))
        m->report->kept_deleted++;
      else
        add_conflict (m, PLX_MERGE_DELETED_EDITED, plx_annotation_get_uuid (theirs), NULL, theirs);
      return TRUE;
    }

  taken = translate (m, theirs);
  if (mine == NULL)
    {
      if (!apply_one (m, NULL, taken, error))
        return FALSE;
      m->report->added++;
      return TRUE;
    }

  my_hash = hash_in (m->target, mine);
  if (g_strcmp0 (my_hash, their_hash) == 0 || in_ancestry (plx_annotation_get_ancestry (mine), their_hash))
    {
      m->report->unchanged++;
      return TRUE;
    }
  if (!in_ancestry (plx_annotation_get_ancestry (theirs), my_hash))
    {
      add_conflict (m, PLX_MERGE_BOTH_EDITED, plx_annotation_get_uuid (mine), mine, theirs);
      return TRUE;
    }
  /* Theirs was made on top of mine: it carries mine in its ancestry. */
  plx_annotation_set_revision (taken, MAX (plx_annotation_get_revision (theirs), plx_annotation_get_revision (mine) + 1));
  if (!apply_one (m, mine, taken, error))
    return FALSE;
  m->report->updated++;
  return TRUE;
}

/* Deletions in the source of annotations the target still has. */
static gboolean
merge_deletions (Merge       *m,
                 GHashTable  *mine_by_uuid,
                 GError     **error)
{
  g_autoptr(GArray) tombstones = plx_project_list_tombstones (m->source, error);

  if (tombstones == NULL)
    return FALSE;
  for (guint i = 0; i < tombstones->len; i++)
    {
      PlxTombstone *tombstone = &g_array_index (tombstones, PlxTombstone, i);
      PlxAnnotation *mine = g_hash_table_lookup (mine_by_uuid, tombstone->uuid);
      g_autofree char *my_hash = NULL;

      if (mine == NULL)
        continue;
      my_hash = hash_in (m->target, mine);
      if (!in_ancestry (tombstone->ancestry, my_hash))
        {
          add_conflict (m, PLX_MERGE_EDITED_DELETED, tombstone->uuid, mine, NULL);
          continue;
        }
      if (!plx_project_delete_annotation (m->target, tombstone->uuid, error))
        return FALSE;
      m->report->deleted++;
    }
  return TRUE;
}

static gboolean
merge_all (Merge   *m,
           GError **error)
{
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GArray) my_tombstones = NULL;
  g_autoptr(GHashTable) mine_by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tombstone_by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  if (!map_perspectives (m, error) || !map_documents (m, error))
    return FALSE;
  theirs = plx_project_list_annotations (m->source, NULL, error);
  mine = theirs ? plx_project_list_annotations (m->target, NULL, error) : NULL;
  my_tombstones = mine ? plx_project_list_tombstones (m->target, error) : NULL;
  if (my_tombstones == NULL)
    return FALSE;
  for (guint i = 0; i < mine->len; i++)
    g_hash_table_insert (mine_by_uuid, (gpointer) plx_annotation_get_uuid (g_ptr_array_index (mine, i)),
                         g_ptr_array_index (mine, i));
  for (guint i = 0; i < my_tombstones->len; i++)
    g_hash_table_insert (tombstone_by_uuid, g_array_index (my_tombstones, PlxTombstone, i).uuid,
                         &g_array_index (my_tombstones, PlxTombstone, i));

  for (guint i = 0; i < theirs->len; i++)
    {
      PlxAnnotation *their = g_ptr_array_index (theirs, i);
      const char *uuid = plx_annotation_get_uuid (their);

      if (!merge_annotation (m, their, g_hash_table_lookup (mine_by_uuid, uuid),
                             g_hash_table_lookup (tombstone_by_uuid, uuid), error))
        return FALSE;
    }
  return merge_deletions (m, mine_by_uuid, error);
}

/**
 * plx_project_merge:
 * @target: the project to merge into
 * @source: another copy of it (or any project), left unchanged
 *
 * Brings what @source has and @target lacks into @target, in one
 * transaction: new documents, perspectives and annotations, the newer
 * version of an annotation changed in one copy only, and deletions made
 * in one copy of an annotation the other did not change. What both
 * changed apart is reported as a conflict and left as @target has it.
 *
 * Returns: (transfer full): what was done, or %NULL with @error set and
 * @target unchanged
 */
PlxMergeReport *
plx_project_merge (PlxProject  *target,
                   PlxProject  *source,
                   GError     **error)
{
  g_autoptr(PlxMergeReport) report = g_new0 (PlxMergeReport, 1);
  g_autoptr(GHashTable) perspectives = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  Merge m = { target, source, NULL, perspectives, documents };

  g_return_val_if_fail (PLX_IS_PROJECT (target), NULL);
  g_return_val_if_fail (PLX_IS_PROJECT (source), NULL);

  report->conflicts = g_ptr_array_new_with_free_func (conflict_free);
  m.report = report;
  if (!_plx_project_begin (target, error))
    return NULL;
  _plx_project_set_bulk (target, TRUE);
  if (!merge_all (&m, error) || !_plx_project_commit (target, error))
    {
      _plx_project_rollback (target);
      _plx_project_reload (target);
      _plx_project_set_bulk (target, FALSE);
      return NULL;
    }
  _plx_project_set_bulk (target, FALSE);
  return g_steal_pointer (&report);
}
