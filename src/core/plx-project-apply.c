/* plx-project-apply.c: the one way a project changes. Every change (a
 * tag, an edit, a deletion, a perspective or document operation, an
 * import, a merge, an undo) is a PlxChangeSet applied by
 * plx_project_apply() in one transaction and announced once, carrying
 * the change set, by "changes-committed".
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-project"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-project-private.h"
#include "plx-text.h"

/* How many revision hashes an annotation remembers: enough for a merge of
 * copies that went apart for a long while, bounded for a million rows. */
#define MAX_ANCESTRY 32

/* ---- transactions ---- */

gboolean
_plx_project_begin (PlxProject  *self,
                    GError     **error)
{
  guint mark = plx_change_set_get_n_changes (self->pending);

  if (!plx_store_begin (self->store, error))
    return FALSE;
  g_array_append_val (self->marks, mark);
  return TRUE;
}

static void
drop_level (PlxProject *self)
{
  plx_change_set_truncate (self->pending, g_array_index (self->marks, guint, self->marks->len - 1));
  g_array_set_size (self->marks, self->marks->len - 1);
}

gboolean
_plx_project_commit (PlxProject  *self,
                     GError     **error)
{
  g_autoptr(PlxChangeSet) committed = NULL;

  g_return_val_if_fail (self->marks->len > 0, FALSE);

  /* A failed commit has already rolled its level back in the store. */
  if (!plx_store_commit (self->store, error))
    {
      drop_level (self);
      return FALSE;
    }
  g_array_set_size (self->marks, self->marks->len - 1);
  if (self->marks->len > 0 || plx_change_set_is_empty (self->pending))
    return TRUE;
  committed = g_steal_pointer (&self->pending);
  self->pending = plx_change_set_new ();
  _plx_project_emit_committed (self, committed);
  return TRUE;
}

void
_plx_project_rollback (PlxProject *self)
{
  if (self->marks->len == 0)
    return;
  plx_store_rollback (self->store);
  drop_level (self);
}

/* Perspectives and documents changed inside a transaction that was rolled
 * back are still so in the in-memory caches; this brings them back in
 * line with the store. */
void
_plx_project_reload (PlxProject *self)
{
  g_return_if_fail (PLX_IS_PROJECT (self));

  g_hash_table_remove_all (self->documents);
  _plx_project_load_perspectives (self, NULL);
}

void
_plx_project_set_bulk (PlxProject *self,
                       gboolean    bulk)
{
  plx_store_set_bulk (self->store, bulk);
}

/* ---- revisions ---- */

/* The hash of an annotation's revision names its perspective by UUID, so
 * that it is the same in every copy of the project. */
static char *
revision_hash (PlxProject    *self,
               PlxAnnotation *annotation)
{
  PlxPerspective *perspective = plx_project_find_perspective (self, plx_annotation_get_perspective_id (annotation));

  return plx_annotation_dup_revision_hash (annotation, perspective ? plx_perspective_get_uuid (perspective) : "");
}

/* @old's hash and ancestry, newest first, at most MAX_ANCESTRY long. */
static char *
lineage (PlxProject    *self,
         PlxAnnotation *old)
{
  g_autofree char *hash = revision_hash (self, old);
  g_auto(GStrv) before = g_strsplit (plx_annotation_get_ancestry (old), " ", MAX_ANCESTRY);
  g_autoptr(GString) line = g_string_new (hash);

  for (guint i = 0; before[i] != NULL && i + 1 < MAX_ANCESTRY; i++)
    if (*before[i] != '\0' && strchr (before[i], ' ') == NULL)
      g_string_append_printf (line, " %s", before[i]);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* ---- applying one change ---- */

static gboolean
apply_annotation (PlxProject     *self,
                  PlxAnnotation  *before,
                  PlxAnnotation  *after,
                  GError        **error)
{
  if (after == NULL)
    {
      /* The tombstone knows the last revision and its ancestry. */
      g_autoptr(PlxAnnotation) last = plx_annotation_copy (before);
      g_autofree char *ancestry = lineage (self, before);

      plx_annotation_set_ancestry (last, ancestry);
      return plx_store_delete_annotation (self->store, last, error);
    }
  if (!_plx_project_validate_annotation (self, after, error))
    return FALSE;
  if (before == NULL)
    {
      if (plx_annotation_get_revision (after) == 0)
        plx_annotation_set_revision (after, 1);
      return plx_store_insert_annotation (self->store, after, error);
    }
  /* A version that already counts past @before (another copy's, in a
   * merge) is written as it is; anything else is @before's next revision. */
  if (plx_annotation_get_revision (after) <= plx_annotation_get_revision (before))
    {
      g_autofree char *ancestry = lineage (self, before);

      plx_annotation_set_revision (after, plx_annotation_get_revision (before) + 1);
      plx_annotation_set_ancestry (after, ancestry);
    }
  return plx_store_update_annotation (self->store, after, error);
}

/* The list follows the store at once, so later changes in the same set
 * find what earlier ones added; its order is settled at the end. */
static gboolean
apply_perspective (PlxProject      *self,
                   PlxPerspective  *before,
                   PlxPerspective  *after,
                   GError         **error)
{
  GListModel *model = G_LIST_MODEL (self->perspectives);
  PlxPerspective *live;

  if (after == NULL)
    {
      guint index = _plx_project_perspective_index (self, plx_perspective_get_id (before));

      if (index == G_MAXUINT)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                       _("There is no perspective with id %" PRId64 " in this project"), plx_perspective_get_id (before));
          return FALSE;
        }
      if (!plx_store_delete_perspective (self->store, plx_perspective_get_id (before), error))
        return FALSE;
      g_list_store_remove (self->perspectives, index);
      return TRUE;
    }

  if (!_plx_project_check_perspective_name (self, plx_perspective_get_name (after),
                                            before ? plx_perspective_get_id (before) : 0, error) ||
      !_plx_project_check_color (plx_perspective_get_color (after), error))
    return FALSE;

  if (before == NULL)
    {
      g_autoptr(PlxPerspective) added = NULL;
      guint at = 0;

      if (plx_perspective_get_id (after) != 0 && plx_project_find_perspective (self, plx_perspective_get_id (after)))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                       _("The perspective “%s” is already in the project"), plx_perspective_get_name (after));
          return FALSE;
        }
      if (!plx_store_insert_perspective (self->store, after, error))
        return FALSE;
      added = plx_perspective_copy (after);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(PlxPerspective) other = g_list_model_get_item (model, i);
          if (plx_perspective_get_position (other) < plx_perspective_get_position (after))
            at++;
        }
      g_list_store_insert (self->perspectives, at, added);
      return TRUE;
    }

  live = plx_project_find_perspective (self, plx_perspective_get_id (before));
  if (live == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                   _("There is no perspective with id %" PRId64 " in this project"), plx_perspective_get_id (before));
      return FALSE;
    }
  if (!plx_store_update_perspective (self->store, after, error))
    return FALSE;
  plx_perspective_set_name (live, plx_perspective_get_name (after));
  plx_perspective_set_color (live, plx_perspective_get_color (after));
  plx_perspective_set_position (live, plx_perspective_get_position (after));
  return TRUE;
}

static gboolean
apply_document (PlxProject   *self,
                PlxDocument  *before,
                PlxDocument  *after,
                GError      **error)
{
  gint64 id;

  /* Its title and what is known of it: the text and offsets never change. */
  if (before != NULL && after != NULL)
    {
      if (!plx_store_update_document (self->store, after, error))
        return FALSE;
      id = plx_document_get_id (after);
      g_hash_table_insert (self->documents, g_memdup2 (&id, sizeof id), g_object_ref (after));
      return TRUE;
    }
  if (after == NULL)
    {
      id = plx_document_get_id (before);
      if (!plx_store_delete_document (self->store, id, error))
        return FALSE;
      g_hash_table_remove (self->documents, &id);
      return TRUE;
    }
  if (!plx_store_insert_document (self->store, after, error))
    return FALSE;
  id = plx_document_get_id (after);
  g_hash_table_insert (self->documents, g_memdup2 (&id, sizeof id), g_object_ref (after));
  return TRUE;
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  PlxPerspective *x = *(PlxPerspective **) a;
  PlxPerspective *y = *(PlxPerspective **) b;
  int px = plx_perspective_get_position (x);
  int py = plx_perspective_get_position (y);

  if (px != py)
    return px < py ? -1 : 1;
  return plx_perspective_get_id (x) < plx_perspective_get_id (y) ? -1 : plx_perspective_get_id (x) > plx_perspective_get_id (y);
}

/* Puts the list in the order of the perspectives' positions, as one move
 * when one is enough (what a view animates), else in one splice. */
static void
settle_perspectives (PlxProject *self)
{
  GListModel *model = G_LIST_MODEL (self->perspectives);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) current = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) wanted = NULL;

  wanted = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (current, g_list_model_get_item (model, i));
      g_ptr_array_add (wanted, g_list_model_get_item (model, i));
    }
  g_ptr_array_sort (wanted, compare_by_position);
  if (memcmp (current->pdata, wanted->pdata, n * sizeof (gpointer)) == 0)
    return;

  for (guint from = 0; from < n; from++)
    {
      gpointer moved = g_ptr_array_index (current, from);
      guint to;

      g_ptr_array_find (wanted, moved, &to);
      /* Does taking @from out and putting it at @to give the order? */
      for (guint i = 0, j = 0; i < n; i++)
        {
          gpointer expected = g_ptr_array_index (wanted, i);
          gpointer got;

          if (i == to)
            got = moved;
          else
            {
              if (j == from)
                j++;
              got = g_ptr_array_index (current, j++);
            }
          if (got != expected)
            goto next;
        }
      g_object_ref (moved);
      g_list_store_remove (self->perspectives, from);
      g_list_store_insert (self->perspectives, to, moved);
      g_object_unref (moved);
      return;
    next:
      ;
    }
  g_list_store_splice (self->perspectives, 0, n, wanted->pdata, n);
}

/* Themes and attributes are added and changed first (0) and removed last
 * (2), in either direction of a change set, since passages name their
 * themes and documents' values their attributes (1). */
static guint
phase_of (const PlxChange *change)
{
  if (change->kind != PLX_CHANGE_THEME && change->kind != PLX_CHANGE_ATTRIBUTE)
    return 1;
  return change->after != NULL ? 0 : 2;
}

/**
 * plx_project_apply:
 * @changes: what to change, in order
 *
 * Applies @changes in one transaction: every annotation is validated
 * against its text, perspective names against each other, and a failure
 * anywhere leaves the project as it was. Once committed, "changes-committed"
 * announces @changes (with the others of an outer transaction, if any).
 * Applying the inverse of a change set undoes it.
 */
gboolean
plx_project_apply (PlxProject    *self,
                   PlxChangeSet  *changes,
                   GError       **error)
{
  gboolean perspectives_changed = FALSE;
  gboolean caches_changed = FALSE;
  GHashTable *codebook = NULL;  /* the themes as this change set goes, for checks */

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PLX_IS_CHANGE_SET (changes), FALSE);

  if (!_plx_project_begin (self, error))
    return FALSE;
  for (guint n = 0; n < 3 * plx_change_set_get_n_changes (changes); n++)
    {
      guint phase = n / plx_change_set_get_n_changes (changes);
      const PlxChange *change = plx_change_set_get_change (changes, n % plx_change_set_get_n_changes (changes));
      gboolean ok = FALSE;

      if (phase_of (change) != phase)
        continue;
      switch (change->kind)
        {
        case PLX_CHANGE_ANNOTATION:
          ok = apply_annotation (self, change->before, change->after, error);
          break;
        case PLX_CHANGE_PERSPECTIVE:
          ok = apply_perspective (self, change->before, change->after, error);
          perspectives_changed = caches_changed = TRUE;
          break;
        case PLX_CHANGE_DOCUMENT:
          ok = apply_document (self, change->before, change->after, error);
          caches_changed = TRUE;
          break;
        case PLX_CHANGE_THEME:
          ok = _plx_project_apply_theme (self, &codebook, change->before, change->after, error);
          break;
        case PLX_CHANGE_MEMO:
          ok = _plx_project_apply_memo (self, change->before, change->after, error);
          break;
        case PLX_CHANGE_ATTRIBUTE:
          ok = _plx_project_apply_attribute (self, change->before, change->after, error);
          break;
        case PLX_CHANGE_VALUE:
          ok = change->after != NULL ? plx_store_set_value (self->store, change->after, error)
                                     : plx_store_clear_value (self->store, change->before, error);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        {
          g_clear_pointer (&codebook, g_hash_table_unref);
          _plx_project_rollback (self);
          if (caches_changed)
            _plx_project_reload (self);
          return FALSE;
        }
    }
  g_clear_pointer (&codebook, g_hash_table_unref);
  if (perspectives_changed)
    settle_perspectives (self);
  plx_change_set_append (self->pending, changes);
  if (!_plx_project_commit (self, error))
    {
      _plx_project_reload (self);
      return FALSE;
    }
  return TRUE;
}

/* ---- changes, built and applied ---- */

gboolean
plx_project_add_annotation (PlxProject     *self,
                            PlxAnnotation  *annotation,
                            GError        **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PLX_IS_ANNOTATION (annotation), FALSE);

  plx_change_set_add_annotation (changes, NULL, annotation);
  return plx_project_apply (self, changes, error);
}

gboolean
plx_project_update_annotation (PlxProject     *self,
                               PlxAnnotation  *annotation,
                               GError        **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxAnnotation) before = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PLX_IS_ANNOTATION (annotation), FALSE);

  before = plx_project_get_annotation (self, plx_annotation_get_uuid (annotation), error);
  if (before == NULL)
    return FALSE;
  plx_change_set_add_annotation (changes, before, annotation);
  return plx_project_apply (self, changes, error);
}

gboolean
plx_project_delete_annotation (PlxProject  *self,
                               const char  *uuid,
                               GError     **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxAnnotation) before = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  before = plx_project_get_annotation (self, uuid, error);
  if (before == NULL)
    return FALSE;
  plx_change_set_add_annotation (changes, before, NULL);
  return plx_project_apply (self, changes, error);
}

static PlxPerspective *
require_perspective (PlxProject  *self,
                     gint64       id,
                     GError     **error)
{
  PlxPerspective *perspective = plx_project_find_perspective (self, id);

  if (perspective == NULL)
    g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                 _("There is no perspective with id %" PRId64 " in this project"), id);
  return perspective;
}

/* Every perspective whose place changes when @moved (NULL: none) goes
 * from @from to @to, as changes; the others' places follow. */
static void
add_position_changes (PlxProject     *self,
                      PlxChangeSet   *changes,
                      GPtrArray      *order)
{
  for (guint i = 0; i < order->len; i++)
    {
      PlxPerspective *perspective = g_ptr_array_index (order, i);
      g_autoptr(PlxPerspective) placed = NULL;

      if (plx_perspective_get_position (perspective) == (int) i)
        continue;
      placed = plx_perspective_copy (perspective);
      plx_perspective_set_position (placed, (int) i);
      plx_change_set_add_perspective (changes, perspective, placed);
    }
}

/* The perspectives as snapshots, in their order. */
static GPtrArray *
snapshot_perspectives (PlxProject *self)
{
  GListModel *model = G_LIST_MODEL (self->perspectives);
  GPtrArray *order = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlxPerspective) live = g_list_model_get_item (model, i);
      g_ptr_array_add (order, plx_perspective_copy (live));
    }
  return order;
}

PlxChangeSet *
_plx_project_changes_add_perspective (PlxProject  *self,
                                      const char  *name,
                                      const char  *color,
                                      const char  *uuid,
                                      GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(PlxPerspective) added = NULL;
  PlxChangeSet *changes;

  if (color == NULL)
    color = _plx_project_next_spare_color (self);
  if (!_plx_project_check_perspective_name (self, trimmed, 0, error) || !_plx_project_check_color (color, error))
    return NULL;
  added = plx_perspective_new (0, trimmed, color, (int) g_list_model_get_n_items (G_LIST_MODEL (self->perspectives)));
  if (uuid != NULL)
    plx_perspective_set_uuid (added, uuid);
  changes = plx_change_set_new ();
  plx_change_set_add_perspective (changes, NULL, added);
  return changes;
}

/* The perspective the change set added, as the project now holds it. */
static PlxPerspective *
added_perspective (PlxProject   *self,
                   PlxChangeSet *changes)
{
  const PlxChange *change = plx_change_set_get_change (changes, 0);

  return plx_project_find_perspective (self, plx_perspective_get_id (change->after));
}

/**
 * plx_project_check_room_for_perspective:
 *
 * Refuses when the project already has %PLX_PROJECT_MAX_PERSPECTIVES
 * perspectives, with a message saying so.
 */
gboolean
plx_project_check_room_for_perspective (PlxProject  *self,
                                        GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->perspectives)) < PLX_PROJECT_MAX_PERSPECTIVES)
    return TRUE;
  g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
               _("This project already has %d perspectives, the most a project can hold; "
                 "remove one before adding another"), PLX_PROJECT_MAX_PERSPECTIVES);
  return FALSE;
}

/* Salvage and merge add perspectives through
 * _plx_project_add_perspective_as(), which is not bounded: a copy must not
 * lose what the project held before the bound existed. */
PlxPerspective *
plx_project_add_perspective (PlxProject  *self,
                             const char  *name,
                             const char  *color,
                             GError     **error)
{
  if (!plx_project_check_room_for_perspective (self, error))
    return NULL;
  return _plx_project_add_perspective_as (self, name, color, NULL, error);
}

/* With @uuid, the perspective keeps the identity it has in another copy
 * of the project (a merge); otherwise it gets a new one. */
PlxPerspective *
_plx_project_add_perspective_as (PlxProject  *self,
                                 const char  *name,
                                 const char  *color,
                                 const char  *uuid,
                                 GError     **error)
{
  g_autoptr(PlxChangeSet) changes = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  changes = _plx_project_changes_add_perspective (self, name, color, uuid, error);
  if (changes == NULL || !plx_project_apply (self, changes, error))
    return NULL;
  return added_perspective (self, changes);
}

/* Rename, recolour and move: the perspective's fields before and after
 * (NULL or -1: unchanged), and the places of those a move shifts. */
PlxChangeSet *
_plx_project_changes_edit_perspective (PlxProject  *self,
                                       gint64       id,
                                       const char  *name,
                                       const char  *color,
                                       int          position,
                                       GError     **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxPerspective) edited = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *trimmed = NULL;
  PlxPerspective *live;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));
  guint index;

  if ((live = require_perspective (self, id, error)) == NULL)
    return NULL;
  edited = plx_perspective_copy (live);
  if (name != NULL)
    {
      trimmed = g_strstrip (g_strdup (name));
      if (!_plx_project_check_perspective_name (self, trimmed, id, error))
        return NULL;
      plx_perspective_set_name (edited, trimmed);
    }
  if (color != NULL)
    {
      if (!_plx_project_check_color (color, error))
        return NULL;
      plx_perspective_set_color (edited, color);
    }
  if (position >= 0 && (guint) position >= n)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE,
                   _("Position %u is past the last perspective (%u)"), (guint) position, n - 1);
      return NULL;
    }

  /* The edited one first: then every other one is where it belongs. */
  index = _plx_project_perspective_index (self, id);
  order = snapshot_perspectives (self);
  if (position >= 0)
    {
      gpointer moved = g_ptr_array_steal_index (order, index);

      g_ptr_array_insert (order, position, moved);
      plx_perspective_set_position (edited, position);
    }
  plx_change_set_add_perspective (changes, g_ptr_array_index (order, position >= 0 ? (guint) position : index), edited);
  if (position >= 0)
    {
      g_ptr_array_remove_index (order, (guint) position);
      g_ptr_array_insert (order, position, g_object_ref (edited));
      add_position_changes (self, changes, order);
    }
  return g_steal_pointer (&changes);
}

static gboolean
edit_perspective (PlxProject  *self,
                  gint64       id,
                  const char  *name,
                  const char  *color,
                  int          position,
                  GError     **error)
{
  g_autoptr(PlxChangeSet) changes = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  changes = _plx_project_changes_edit_perspective (self, id, name, color, position, error);
  return changes != NULL && plx_project_apply (self, changes, error);
}

gboolean
plx_project_rename_perspective (PlxProject  *self,
                                gint64       id,
                                const char  *name,
                                GError     **error)
{
  return edit_perspective (self, id, name ? name : "", NULL, -1, error);
}

gboolean
plx_project_recolor_perspective (PlxProject  *self,
                                 gint64       id,
                                 const char  *color,
                                 GError     **error)
{
  if (color == NULL)
    return _plx_project_check_color (color, error);
  return edit_perspective (self, id, NULL, color, -1, error);
}

gboolean
plx_project_move_perspective (PlxProject  *self,
                              gint64       id,
                              guint        position,
                              GError     **error)
{
  return edit_perspective (self, id, NULL, NULL, (int) MIN (position, (guint) G_MAXINT), error);
}

/* Removing a perspective either hands its passages to another one or
 * deletes them (move_to_id == 0). */
PlxChangeSet *
_plx_project_changes_remove_perspective (PlxProject  *self,
                                         gint64       id,
                                         gint64       move_to_id,
                                         GError     **error)
{
  PlxAnnotationQuery query = { 0, id, NULL };
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(GPtrArray) passages = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *now = plx_text_now_iso8601 ();
  guint index;

  if (require_perspective (self, id, error) == NULL)
    return NULL;
  if (move_to_id != 0 && (move_to_id == id || require_perspective (self, move_to_id, error) == NULL))
    {
      if (move_to_id == id)
        g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                     _("Cannot move passages to the perspective that is being removed"));
      return NULL;
    }
  passages = plx_project_list_annotations (self, &query, error);
  if (passages == NULL)
    return NULL;
  for (guint i = 0; i < passages->len; i++)
    {
      PlxAnnotation *passage = g_ptr_array_index (passages, i);
      g_autoptr(PlxAnnotation) handed = NULL;

      if (move_to_id != 0)
        {
          handed = plx_annotation_copy (passage);
          plx_annotation_set_perspective_id (handed, move_to_id);
          plx_annotation_set_times (handed, plx_annotation_get_created (passage), now);
        }
      plx_change_set_add_annotation (changes, passage, handed);
    }

  index = _plx_project_perspective_index (self, id);
  order = snapshot_perspectives (self);
  plx_change_set_add_perspective (changes, g_ptr_array_index (order, index), NULL);
  g_ptr_array_remove_index (order, index);
  add_position_changes (self, changes, order);
  return g_steal_pointer (&changes);
}

gboolean
plx_project_remove_perspective (PlxProject  *self,
                                gint64       id,
                                gint64       move_to_id,
                                GError     **error)
{
  g_autoptr(PlxChangeSet) changes = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  changes = _plx_project_changes_remove_perspective (self, id, move_to_id, error);
  return changes != NULL && plx_project_apply (self, changes, error);
}

/* Puts back a perspective that was removed, with its id, identity, name,
 * colour and place, so annotations that pointed at it can again. */
gboolean
plx_project_restore_perspective (PlxProject      *self,
                                 PlxPerspective  *snapshot,
                                 GError         **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxPerspective) restored = NULL;
  g_autoptr(GPtrArray) order = NULL;
  guint position;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PLX_IS_PERSPECTIVE (snapshot), FALSE);

  order = snapshot_perspectives (self);
  position = MIN ((guint) plx_perspective_get_position (snapshot), order->len);
  restored = plx_perspective_copy (snapshot);
  plx_perspective_set_position (restored, (int) position);
  plx_change_set_add_perspective (changes, NULL, restored);
  g_ptr_array_insert (order, position, g_object_ref (restored));
  add_position_changes (self, changes, order);
  return plx_project_apply (self, changes, error);
}

/* A document that already has an id is being put back (redo). */
gboolean
plx_project_add_document (PlxProject   *self,
                          PlxDocument  *document,
                          GError      **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PLX_IS_DOCUMENT (document), FALSE);

  plx_change_set_add_document (changes, NULL, document);
  return plx_project_apply (self, changes, error);
}

/* The document as it becomes with a new title and what is known of it:
 * a copy sharing nothing with the one the project holds, which stays as
 * it was for undo and for whoever holds it. */
PlxChangeSet *
_plx_project_changes_set_document_info (PlxProject         *self,
                                        gint64              id,
                                        const char         *title,
                                        const char * const *meta,
                                        GError            **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxDocument) after = NULL;
  g_autoptr(GBytes) blocks = NULL;

  if (title == NULL || *title == '\0')
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("A document needs a title"));
      return NULL;
    }
  document = plx_project_load_document (self, id, error);
  if (document == NULL)
    return NULL;
  blocks = plx_document_pack_blocks (document);
  after = plx_document_new_from_stored (title, plx_document_get_format (document),
                                        g_strdup (plx_document_get_distinct_source (document)),
                                        g_strdup (plx_document_get_text (document)),
                                        g_bytes_get_data (blocks, NULL), g_bytes_get_size (blocks),
                                        plx_document_get_content_hash (document), error);
  if (after == NULL)
    return NULL;
  plx_document_set_id (after, id);
  plx_document_set_uuid (after, plx_document_get_uuid (document));
  plx_document_copy_provenance (after, document);
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    plx_document_set_meta (after, (PlxDocumentMeta) m, meta[m]);
  plx_change_set_add_document (changes, document, after);
  return g_steal_pointer (&changes);
}

/* Its attributes' values go with a document, so that undo brings them
 * back; a store that keeps none has none to take. */
static gboolean
add_values_removal (PlxProject    *self,
                    PlxChangeSet  *changes,
                    gint64         id,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) values = plx_store_list_values (self->store, id, &local_error);

  if (values == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < values->len; i++)
    plx_change_set_add_value (changes, g_ptr_array_index (values, i), NULL);
  return TRUE;
}

/* A document goes with its passages and its attributes' values. */
PlxChangeSet *
_plx_project_changes_remove_document (PlxProject  *self,
                                      gint64       id,
                                      GError     **error)
{
  PlxAnnotationQuery query = { id, 0, NULL };
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GPtrArray) passages = NULL;

  document = plx_project_load_document (self, id, error);
  passages = document ? plx_project_list_annotations (self, &query, error) : NULL;
  if (passages == NULL)
    return NULL;
  /* Undoing the removal puts back the file it was read from too. */
  if (plx_document_get_distinct_original (document) == NULL)
    {
      g_autoptr(GBytes) original = plx_store_load_original (self->store, id, error);

      if (original == NULL)
        return NULL;
      plx_document_set_original (document, original);
    }
  for (guint i = 0; i < passages->len; i++)
    plx_change_set_add_annotation (changes, g_ptr_array_index (passages, i), NULL);
  if (!add_values_removal (self, changes, id, error))
    return NULL;
  plx_change_set_add_document (changes, document, NULL);
  return g_steal_pointer (&changes);
}

gboolean
plx_project_remove_document (PlxProject  *self,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(PlxChangeSet) changes = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  changes = _plx_project_changes_remove_document (self, id, error);
  return changes != NULL && plx_project_apply (self, changes, error);
}
