/* plx-memo-ops.c: memos through change sets, and the checks a memo
 * change passes when applied.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-memo"

#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-memo-ops.h"
#include "plx-project-private.h"
#include "plx-text.h"
#include "plx-theme-ops.h"

/* (transfer full): every memo, oldest first */
GPtrArray *
plx_project_list_memos (PlxProject  *self,
                        GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_list_memos (self->store, error);
}

/* (transfer full): the memo of that UUID, or NULL with an error */
PlxMemo *
plx_project_find_memo (PlxProject  *self,
                       const char  *uuid,
                       GError     **error)
{
  g_autoptr(GPtrArray) memos = plx_project_list_memos (self, error);

  if (memos == NULL)
    return NULL;
  for (guint i = 0; i < memos->len; i++)
    if (g_strcmp0 (plx_memo_get_uuid (g_ptr_array_index (memos, i)), uuid) == 0)
      return g_object_ref (g_ptr_array_index (memos, i));
  g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no memo %s in this project"), uuid ? uuid : "");
  return NULL;
}

gboolean
_plx_project_apply_memo (PlxProject  *self,
                         PlxMemo     *before,
                         PlxMemo     *after,
                         GError     **error)
{
  if (after == NULL)
    return plx_store_delete_memo (self->store, before, error);

  if (*plx_memo_get_title (after) == '\0' && *plx_memo_get_body (after) == '\0')
    {
      g_set_error_literal (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("A memo needs a title or a text"));
      return FALSE;
    }
  if (!plx_text_is_iso8601 (plx_memo_get_created (after)) || !plx_text_is_iso8601 (plx_memo_get_modified (after)))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("The memo %s has a time that is not an ISO 8601 date and time"), plx_memo_get_uuid (after));
      return FALSE;
    }
  if (before == NULL)
    {
      if (plx_memo_get_revision (after) == 0)
        plx_memo_set_revision (after, 1);
      return plx_store_insert_memo (self->store, after, error);
    }
  if (plx_memo_get_revision (after) <= plx_memo_get_revision (before))
    plx_memo_set_revision (after, plx_memo_get_revision (before) + 1);
  return plx_store_update_memo (self->store, after, error);
}

/* What a memo of @kind is about must be there, and only those have one. */
static gboolean
check_target (PlxProject  *project,
              PlxMemo     *memo,
              GError     **error)
{
  const char *target = plx_memo_get_target_uuid (memo);

  switch (plx_memo_get_kind (memo))
    {
    case PLX_MEMO_PROJECT:
    case PLX_MEMO_FREE:
      if (*target != '\0')
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("A %s memo is not about anything in particular, yet it names %s"),
                       plx_memo_kind_to_string (plx_memo_get_kind (memo)), target);
          return FALSE;
        }
      return TRUE;
    case PLX_MEMO_DOCUMENT:
      {
        g_autoptr(GArray) summaries = plx_project_list_document_summaries (project, error);

        if (summaries == NULL)
          return FALSE;
        for (guint i = 0; i < summaries->len; i++)
          {
            g_autoptr(PlxDocument) document =
              plx_project_load_document (project, g_array_index (summaries, PlxDocumentSummary, i).id, error);

            if (document == NULL)
              return FALSE;
            if (g_strcmp0 (plx_document_get_uuid (document), target) == 0)
              return TRUE;
          }
        g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no document “%s” in this project"), target);
        return FALSE;
      }
    case PLX_MEMO_PERSPECTIVE:
      {
        GListModel *perspectives = plx_project_get_perspectives (project);

        for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
          {
            g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);

            if (g_strcmp0 (plx_perspective_get_uuid (perspective), target) == 0)
              return TRUE;
          }
        g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                     _("There is no perspective %s in this project"), target);
        return FALSE;
      }
    case PLX_MEMO_THEME:
      {
        g_autoptr(GPtrArray) codebook = plx_project_list_codebook (project, error);
        PlxTheme *theme;

        if (codebook == NULL)
          return FALSE;
        theme = plx_codebook_lookup (codebook, target);
        if (theme == NULL || g_strcmp0 (plx_theme_get_uuid (theme), target) != 0)
          {
            g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"), target);
            return FALSE;
          }
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Citations added now must be passages of the project; ones in @before
 * stay even if their passage has gone since (a broken citation). */
static gboolean
check_citations (PlxProject  *project,
                 PlxMemo     *before,
                 PlxMemo     *after,
                 GError     **error)
{
  const char * const *cited = plx_memo_get_citations (after);

  for (guint i = 0; cited[i] != NULL; i++)
    {
      g_autoptr(PlxAnnotation) annotation = NULL;
      g_autoptr(GError) local_error = NULL;

      if (before != NULL && g_strv_contains (plx_memo_get_citations (before), cited[i]))
        continue;
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (cited[j], cited[i]) == 0)
          {
            g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE, _("The memo cites passage %s twice"), cited[i]);
            return FALSE;
          }
      annotation = plx_project_get_annotation (project, cited[i], &local_error);
      if (annotation == NULL)
        {
          if (g_error_matches (local_error, PLX_ERROR, PLX_ERROR_NOT_FOUND))
            g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                         _("The memo cites passage %s, which is not in this project"), cited[i]);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

/* The memo as given, dated now where it has no times. */
PlxChangeSet *
plx_memo_changes_add (PlxProject  *project,
                      PlxMemo     *memo,
                      GError     **error)
{
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(PlxMemo) after = NULL;
  g_autofree char *now = plx_text_now_iso8601 ();

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (PLX_IS_MEMO (memo), NULL);

  if (!check_target (project, memo, error) || !check_citations (project, NULL, memo, error))
    return NULL;
  after = plx_memo_copy (memo);
  if (*plx_memo_get_created (after) == '\0')
    plx_memo_set_created (after, now);
  if (*plx_memo_get_modified (after) == '\0')
    plx_memo_set_modified (after, plx_memo_get_created (after));
  changes = plx_change_set_new ();
  plx_change_set_add_memo (changes, NULL, after);
  return g_steal_pointer (&changes);
}

/* @edited: a copy of a memo (by UUID) with its title, text, subject or
 * citations changed; it is marked modified now. */
PlxChangeSet *
plx_memo_changes_edit (PlxProject  *project,
                       PlxMemo     *edited,
                       GError     **error)
{
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(PlxMemo) before = NULL;
  g_autoptr(PlxMemo) after = NULL;
  g_autofree char *now = plx_text_now_iso8601 ();

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (PLX_IS_MEMO (edited), NULL);

  before = plx_project_find_memo (project, plx_memo_get_uuid (edited), error);
  if (before == NULL || !check_target (project, edited, error) || !check_citations (project, before, edited, error))
    return NULL;
  after = plx_memo_copy (edited);
  plx_memo_set_id (after, plx_memo_get_id (before));
  plx_memo_set_created (after, plx_memo_get_created (before));
  plx_memo_set_revision (after, plx_memo_get_revision (before));
  plx_memo_set_modified (after, now);
  changes = plx_change_set_new ();
  plx_change_set_add_memo (changes, before, after);
  return g_steal_pointer (&changes);
}

PlxChangeSet *
plx_memo_changes_delete (PlxProject  *project,
                         const char  *uuid,
                         GError     **error)
{
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(PlxMemo) before = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  before = plx_project_find_memo (project, uuid, error);
  if (before == NULL)
    return NULL;
  changes = plx_change_set_new ();
  plx_change_set_add_memo (changes, before, NULL);
  return g_steal_pointer (&changes);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/**
 * plx_memo_resolve_citations:
 *
 * Returns: (transfer full) (element-type PlxAnnotation): one entry per
 *   citation, in order: the passage, or NULL where it no longer exists
 *   (a broken citation, to be shown as such)
 */
GPtrArray *
plx_memo_resolve_citations (PlxMemo     *memo,
                            PlxProject  *project,
                            GError     **error)
{
  g_autoptr(GPtrArray) resolved = g_ptr_array_new_with_free_func (unref_nullable);
  const char * const *cited;

  g_return_val_if_fail (PLX_IS_MEMO (memo), NULL);

  cited = plx_memo_get_citations (memo);
  for (guint i = 0; cited[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      PlxAnnotation *annotation = plx_project_get_annotation (project, cited[i], &local_error);

      if (annotation == NULL && !g_error_matches (local_error, PLX_ERROR, PLX_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_ptr_array_add (resolved, annotation);
    }
  return g_steal_pointer (&resolved);
}
