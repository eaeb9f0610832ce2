/* plx-store.c: the interface's dispatch.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-store"

#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-store.h"

G_DEFINE_INTERFACE (PlxStore, plx_store, G_TYPE_OBJECT)

static void
plx_store_default_init (PlxStoreInterface *iface)
{
}

void
plx_tombstone_clear (PlxTombstone *tombstone)
{
  g_clear_pointer (&tombstone->uuid, g_free);
  g_clear_pointer (&tombstone->kind, g_free);
  g_clear_pointer (&tombstone->ancestry, g_free);
  g_clear_pointer (&tombstone->deleted, g_free);
}

const char *
plx_store_get_location (PlxStore *self)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->get_location (self);
}

PlxStore *
plx_store_open_another (PlxStore *self,
                        GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->open_another (self, error);
}

gboolean
plx_store_begin (PlxStore *self,
                 GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->begin (self, error);
}

gboolean
plx_store_commit (PlxStore *self,
                  GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->commit (self, error);
}

void
plx_store_rollback (PlxStore *self)
{
  g_return_if_fail (PLX_IS_STORE (self));

  PLX_STORE_GET_IFACE (self)->rollback (self);
}

guint
plx_store_get_depth (PlxStore *self)
{
  g_return_val_if_fail (PLX_IS_STORE (self), 0);

  return PLX_STORE_GET_IFACE (self)->get_depth (self);
}

void
plx_store_set_bulk (PlxStore *self,
                    gboolean  bulk)
{
  g_return_if_fail (PLX_IS_STORE (self));

  PLX_STORE_GET_IFACE (self)->set_bulk (self, bulk);
}

gboolean
plx_store_poll_external (PlxStore *self,
                         gboolean *changed,
                         GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->poll_external (self, changed, error);
}

gboolean
plx_store_check (PlxStore *self,
                 GString  *report,
                 GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->check (self, report, error);
}

/* Moves every committed change into the project file itself, so the
 * file alone holds them all (a copy of just that file loses nothing). */
gboolean
plx_store_checkpoint (PlxStore *self,
                      GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->checkpoint (self, error);
}

/* Writes the whole project, as last committed, into the new file @path:
 * one consistent state even while another connection writes. */
gboolean
plx_store_save_copy (PlxStore     *self,
                     const char   *path,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return PLX_STORE_GET_IFACE (self)->save_copy (self, path, cancellable, error);
}

gboolean
plx_store_purge_annotations (PlxStore  *self,
                             GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  if (PLX_STORE_GET_IFACE (self)->purge_annotations == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("The project at %s cannot hand out copies without annotations: its storage does not support it"),
                   plx_store_get_location (self));
      return FALSE;
    }
  return PLX_STORE_GET_IFACE (self)->purge_annotations (self, error);
}

GPtrArray *
plx_store_list_perspectives (PlxStore *self,
                             GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->list_perspectives (self, error);
}

gboolean
plx_store_insert_perspective (PlxStore       *self,
                              PlxPerspective *perspective,
                              GError        **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->insert_perspective (self, perspective, error);
}

gboolean
plx_store_update_perspective (PlxStore       *self,
                              PlxPerspective *perspective,
                              GError        **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->update_perspective (self, perspective, error);
}

gboolean
plx_store_delete_perspective (PlxStore *self,
                              gint64    id,
                              GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->delete_perspective (self, id, error);
}

gboolean
plx_store_insert_document (PlxStore    *self,
                           PlxDocument *document,
                           GError     **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->insert_document (self, document, error);
}

gboolean
plx_store_delete_document (PlxStore *self,
                           gint64    id,
                           GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->delete_document (self, id, error);
}

PlxDocument *
plx_store_load_document (PlxStore *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->load_document (self, id, error);
}

GArray *
plx_store_list_documents (PlxStore *self,
                          GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->list_documents (self, error);
}

gboolean
plx_store_insert_annotation (PlxStore      *self,
                             PlxAnnotation *annotation,
                             GError       **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->insert_annotation (self, annotation, error);
}

gboolean
plx_store_update_annotation (PlxStore      *self,
                             PlxAnnotation *annotation,
                             GError       **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->update_annotation (self, annotation, error);
}

gboolean
plx_store_delete_annotation (PlxStore      *self,
                             PlxAnnotation *annotation,
                             GError       **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->delete_annotation (self, annotation, error);
}

PlxAnnotation *
plx_store_get_annotation (PlxStore   *self,
                          const char *uuid,
                          GError    **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->get_annotation (self, uuid, error);
}

GPtrArray *
plx_store_list_annotations (PlxStore                 *self,
                            const PlxAnnotationQuery *query,
                            GError                  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->list_annotations (self, query, error);
}

gboolean
plx_store_count_annotations (PlxStore                 *self,
                             const PlxAnnotationQuery *query,
                             guint                    *count,
                             GError                  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->count_annotations (self, query, count, error);
}

char * *
plx_store_list_themes (PlxStore *self,
                       GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->list_themes (self, error);
}

GArray *
plx_store_list_tombstones (PlxStore *self,
                           GError  **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->list_tombstones (self, error);
}

gboolean
plx_store_update_document (PlxStore     *self,
                           PlxDocument  *document,
                           GError      **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->update_document (self, document, error);
}

GBytes *
plx_store_load_original (PlxStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->load_original (self, id, error);
}

GPtrArray *
plx_store_list_codebook (PlxStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->list_codebook (self, error);
}

GPtrArray *
plx_store_list_memos (PlxStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  return PLX_STORE_GET_IFACE (self)->list_memos (self, error);
}

gboolean
plx_store_insert_theme (PlxStore  *self,
                        PlxTheme  *theme,
                        GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->insert_theme (self, theme, error);
}

gboolean
plx_store_update_theme (PlxStore  *self,
                        PlxTheme  *theme,
                        GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->update_theme (self, theme, error);
}

gboolean
plx_store_delete_theme (PlxStore  *self,
                        PlxTheme  *theme,
                        GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->delete_theme (self, theme, error);
}

gboolean
plx_store_insert_memo (PlxStore  *self,
                       PlxMemo   *memo,
                       GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->insert_memo (self, memo, error);
}

gboolean
plx_store_update_memo (PlxStore  *self,
                       PlxMemo   *memo,
                       GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->update_memo (self, memo, error);
}

gboolean
plx_store_delete_memo (PlxStore  *self,
                       PlxMemo   *memo,
                       GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);

  return PLX_STORE_GET_IFACE (self)->delete_memo (self, memo, error);
}

/* ---- attributes ---- */

static gboolean
keeps_attributes (PlxStore  *self,
                  gpointer   vfunc,
                  GError   **error)
{
  if (vfunc != NULL)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The project at %s does not keep document attributes"),
               plx_store_get_location (self));
  return FALSE;
}

GPtrArray *
plx_store_list_attributes (PlxStore  *self,
                           GError   **error)
{
  PlxStoreInterface *iface;

  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  iface = PLX_STORE_GET_IFACE (self);
  if (!keeps_attributes (self, iface->list_attributes, error))
    return NULL;
  return iface->list_attributes (self, error);
}

#define ATTRIBUTE_CALL(vfunc, ...)                                      \
  PlxStoreInterface *iface;                                             \
                                                                        \
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);                    \
                                                                        \
  iface = PLX_STORE_GET_IFACE (self);                                   \
  if (!keeps_attributes (self, iface->vfunc, error))                    \
    return FALSE;                                                       \
  return iface->vfunc (self, __VA_ARGS__, error);

gboolean
plx_store_insert_attribute (PlxStore      *self,
                            PlxAttribute  *attribute,
                            GError       **error)
{
  ATTRIBUTE_CALL (insert_attribute, attribute)
}

gboolean
plx_store_update_attribute (PlxStore      *self,
                            PlxAttribute  *attribute,
                            GError       **error)
{
  ATTRIBUTE_CALL (update_attribute, attribute)
}

gboolean
plx_store_delete_attribute (PlxStore      *self,
                            PlxAttribute  *attribute,
                            GError       **error)
{
  ATTRIBUTE_CALL (delete_attribute, attribute)
}

/* @document_id: 0 for every document's */
GPtrArray *
plx_store_list_values (PlxStore  *self,
                       gint64     document_id,
                       GError   **error)
{
  PlxStoreInterface *iface;

  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  iface = PLX_STORE_GET_IFACE (self);
  if (!keeps_attributes (self, iface->list_values, error))
    return NULL;
  return iface->list_values (self, document_id, error);
}

gboolean
plx_store_set_value (PlxStore          *self,
                     PlxDocumentValue  *value,
                     GError           **error)
{
  ATTRIBUTE_CALL (set_value, value)
}

gboolean
plx_store_clear_value (PlxStore          *self,
                       PlxDocumentValue  *value,
                       GError           **error)
{
  ATTRIBUTE_CALL (clear_value, value)
}

static gboolean
cannot_search (PlxStore  *self,
               GError   **error)
{
  g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
               _("%s cannot be searched: its storage has no search index"), plx_store_get_location (self));
  return FALSE;
}

/**
 * plx_store_search:
 * @document_id: 0 for every document
 * @limit: the most hits to return; 0 for all
 * @truncated: (out) (optional): set when hits were left out for @limit
 *
 * Returns: (transfer container) (element-type PlxSearchHit): the hits of
 *   @query, document by document, in text order, with their documents'
 *   titles; their perspectives are left for the caller (plx_search_run()).
 */
GPtrArray *
plx_store_search (PlxStore             *self,
                  const PlxSearchQuery *query,
                  gint64                document_id,
                  guint                 limit,
                  gboolean             *truncated,
                  GError              **error)
{
  gboolean ignored;

  g_return_val_if_fail (PLX_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (truncated == NULL)
    truncated = &ignored;
  *truncated = FALSE;
  if (PLX_STORE_GET_IFACE (self)->search == NULL)
    {
      cannot_search (self, error);
      return NULL;
    }
  return PLX_STORE_GET_IFACE (self)->search (self, query, document_id, limit, truncated, error);
}

/* Returns: (transfer container) (element-type GStrv): the groups of
 * equivalent terms, each in the order it was given. */
GPtrArray *
plx_store_list_equivalences (PlxStore  *self,
                             GError   **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), NULL);

  if (PLX_STORE_GET_IFACE (self)->list_equivalences == NULL)
    {
      cannot_search (self, error);
      return NULL;
    }
  return PLX_STORE_GET_IFACE (self)->list_equivalences (self, error);
}

/* Replaces every group of equivalent terms with @groups (of GStrv). */
gboolean
plx_store_set_equivalences (PlxStore   *self,
                            GPtrArray  *groups,
                            GError    **error)
{
  g_return_val_if_fail (PLX_IS_STORE (self), FALSE);
  g_return_val_if_fail (groups != NULL, FALSE);

  if (PLX_STORE_GET_IFACE (self)->set_equivalences == NULL)
    return cannot_search (self, error);
  return PLX_STORE_GET_IFACE (self)->set_equivalences (self, groups, error);
}
