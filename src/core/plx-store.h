/* plx-store.h: where a project's rows live. PlxProject keeps the model,
 * validation and signals, and reads and writes rows only through this
 * interface, so that another backend (a team server) can stand in for the
 * SQLite file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plx-annotation.h"
#include "plx-attribute.h"
#include "plx-document.h"
#include "plx-document-value.h"
#include "plx-memo.h"
#include "plx-perspective.h"
#include "plx-search-query.h"
#include "plx-theme.h"

G_BEGIN_DECLS

typedef struct {
  gint64      document_id;     /* 0: every document */
  gint64      perspective_id;  /* 0: every perspective */
  const char *theme;           /* NULL: any theme */
} PlxAnnotationQuery;

typedef struct {
  gint64   id;
  char    *title;
  char    *content_hash;
} PlxDocumentSummary;

/* The last state of something deleted, kept so that a merge can tell a
 * deletion from an annotation the other copy never had. */
typedef struct {
  char   *uuid;
  char   *kind;        /* "annotation" */
  guint   revision;    /* the revision that was deleted */
  char   *ancestry;    /* that revision's hash, then its ancestors' */
  char   *deleted;     /* ISO 8601 */
} PlxTombstone;

void plx_tombstone_clear (PlxTombstone *tombstone);

#define PLX_TYPE_STORE (plx_store_get_type ())
G_DECLARE_INTERFACE (PlxStore, plx_store, PLX, STORE, GObject)

/* Every function that writes runs inside begin()…commit(); begin() may be
 * nested, and only the outermost commit() makes the changes durable. */
struct _PlxStoreInterface
{
  GTypeInterface parent_iface;

  const char    *(*get_location)       (PlxStore                 *self);
  PlxStore      *(*open_another)       (PlxStore                 *self,
                                        GError                  **error);
  gboolean       (*begin)              (PlxStore                 *self,
                                        GError                  **error);
  gboolean       (*commit)             (PlxStore                 *self,
                                        GError                  **error);
  void           (*rollback)           (PlxStore                 *self);
  guint          (*get_depth)          (PlxStore                 *self);
  void           (*set_bulk)           (PlxStore                 *self,
                                        gboolean                  bulk);
  gboolean       (*poll_external)      (PlxStore                 *self,
                                        gboolean                 *changed,
                                        GError                  **error);
  gboolean       (*check)              (PlxStore                 *self,
                                        GString                  *report,
                                        GError                  **error);
  gboolean       (*checkpoint)         (PlxStore                 *self,
                                        GError                  **error);
  gboolean       (*save_copy)          (PlxStore                 *self,
                                        const char               *path,
                                        GCancellable             *cancellable,
                                        GError                  **error);

  GPtrArray     *(*list_perspectives)  (PlxStore                 *self,
                                        GError                  **error);
  gboolean       (*insert_perspective) (PlxStore                 *self,
                                        PlxPerspective           *perspective,
                                        GError                  **error);
  gboolean       (*update_perspective) (PlxStore                 *self,
                                        PlxPerspective           *perspective,
                                        GError                  **error);
  gboolean       (*delete_perspective) (PlxStore                 *self,
                                        gint64                    id,
                                        GError                  **error);

  gboolean       (*insert_document)    (PlxStore                 *self,
                                        PlxDocument              *document,
                                        GError                  **error);
  gboolean       (*delete_document)    (PlxStore                 *self,
                                        gint64                    id,
                                        GError                  **error);
  PlxDocument   *(*load_document)      (PlxStore                 *self,
                                        gint64                    id,
                                        GError                  **error);
  GArray        *(*list_documents)     (PlxStore                 *self,
                                        GError                  **error);
  gboolean       (*update_document)    (PlxStore                 *self,
                                        PlxDocument              *document,
                                        GError                  **error);
  GBytes        *(*load_original)      (PlxStore                 *self,
                                        gint64                    id,
                                        GError                  **error);

  gboolean       (*insert_annotation)  (PlxStore                 *self,
                                        PlxAnnotation            *annotation,
                                        GError                  **error);
  gboolean       (*update_annotation)  (PlxStore                 *self,
                                        PlxAnnotation            *annotation,
                                        GError                  **error);
  gboolean       (*delete_annotation)  (PlxStore                 *self,
                                        PlxAnnotation            *annotation,
                                        GError                  **error);
  PlxAnnotation *(*get_annotation)     (PlxStore                 *self,
                                        const char               *uuid,
                                        GError                  **error);
  GPtrArray     *(*list_annotations)   (PlxStore                 *self,
                                        const PlxAnnotationQuery *query,
                                        GError                  **error);
  gboolean       (*count_annotations)  (PlxStore                 *self,
                                        const PlxAnnotationQuery *query,
                                        guint                    *count,
                                        GError                  **error);
  char         **(*list_themes)        (PlxStore                 *self,
                                        GError                  **error);
  GArray        *(*list_tombstones)    (PlxStore                 *self,
                                        GError                  **error);

  /* The codebook (every theme, used or not) and the memos; a theme or a
   * memo is named by its UUID, a theme's parent by the parent's UUID. */
  GPtrArray     *(*list_codebook)      (PlxStore                 *self,
                                        GError                  **error);
  gboolean       (*insert_theme)       (PlxStore                 *self,
                                        PlxTheme                 *theme,
                                        GError                  **error);
  gboolean       (*update_theme)       (PlxStore                 *self,
                                        PlxTheme                 *theme,
                                        GError                  **error);
  gboolean       (*delete_theme)       (PlxStore                 *self,
                                        PlxTheme                 *theme,
                                        GError                  **error);
  GPtrArray     *(*list_memos)         (PlxStore                 *self,
                                        GError                  **error);
  gboolean       (*insert_memo)        (PlxStore                 *self,
                                        PlxMemo                  *memo,
                                        GError                  **error);
  gboolean       (*update_memo)        (PlxStore                 *self,
                                        PlxMemo                  *memo,
                                        GError                  **error);
  gboolean       (*delete_memo)        (PlxStore                 *self,
                                        PlxMemo                  *memo,
                                        GError                  **error);

  /* Document attributes, and the values documents hold for them (named
   * by the attribute's UUID); a store without them leaves these NULL. */
  GPtrArray     *(*list_attributes)    (PlxStore                 *self,
                                        GError                  **error);
  gboolean       (*insert_attribute)   (PlxStore                 *self,
                                        PlxAttribute             *attribute,
                                        GError                  **error);
  gboolean       (*update_attribute)   (PlxStore                 *self,
                                        PlxAttribute             *attribute,
                                        GError                  **error);
  gboolean       (*delete_attribute)   (PlxStore                 *self,
                                        PlxAttribute             *attribute,
                                        GError                  **error);
  GPtrArray     *(*list_values)        (PlxStore                 *self,
                                        gint64                    document_id,
                                        GError                  **error);
  gboolean       (*set_value)          (PlxStore                 *self,
                                        PlxDocumentValue         *value,
                                        GError                  **error);
  gboolean       (*clear_value)        (PlxStore                 *self,
                                        PlxDocumentValue         *value,
                                        GError                  **error);

  /* Search (docs/search.md): the store keeps an index of every
   * document's text up to date as documents come and go, and returns
   * PlxSearchHits in document order, at most @limit (0: all). The
   * equivalences are groups (GStrv) of terms taken for one name. */
  GPtrArray     *(*search)             (PlxStore                 *self,
                                        const PlxSearchQuery     *query,
                                        gint64                    document_id,
                                        guint                     limit,
                                        gboolean                 *truncated,
                                        GError                  **error);
  GPtrArray     *(*list_equivalences)  (PlxStore                 *self,
                                        GError                  **error);
  gboolean       (*set_equivalences)   (PlxStore                 *self,
                                        GPtrArray                *groups,
                                        GError                  **error);

  /* Optional: every annotation removed without a tombstone (a copy handed
   * out to code apart). */
  gboolean       (*purge_annotations)  (PlxStore                 *self,
                                        GError                  **error);
};

const char    *plx_store_get_location       (PlxStore                 *self);
PlxStore      *plx_store_open_another       (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_begin              (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_commit             (PlxStore                 *self,
                                             GError                  **error);
void           plx_store_rollback           (PlxStore                 *self);
guint          plx_store_get_depth          (PlxStore                 *self);
void           plx_store_set_bulk           (PlxStore                 *self,
                                             gboolean                  bulk);
gboolean       plx_store_poll_external      (PlxStore                 *self,
                                             gboolean                 *changed,
                                             GError                  **error);
gboolean       plx_store_check              (PlxStore                 *self,
                                             GString                  *report,
                                             GError                  **error);
gboolean       plx_store_checkpoint         (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_purge_annotations  (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_save_copy          (PlxStore                 *self,
                                             const char               *path,
                                             GCancellable             *cancellable,
                                             GError                  **error);
GPtrArray     *plx_store_list_perspectives  (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_insert_perspective (PlxStore                 *self,
                                             PlxPerspective           *perspective,
                                             GError                  **error);
gboolean       plx_store_update_perspective (PlxStore                 *self,
                                             PlxPerspective           *perspective,
                                             GError                  **error);
gboolean       plx_store_delete_perspective (PlxStore                 *self,
                                             gint64                    id,
                                             GError                  **error);
gboolean       plx_store_insert_document    (PlxStore                 *self,
                                             PlxDocument              *document,
                                             GError                  **error);
gboolean       plx_store_delete_document    (PlxStore                 *self,
                                             gint64                    id,
                                             GError                  **error);
PlxDocument   *plx_store_load_document      (PlxStore                 *self,
                                             gint64                    id,
                                             GError                  **error);
GArray        *plx_store_list_documents     (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_update_document    (PlxStore                 *self,
                                             PlxDocument              *document,
                                             GError                  **error);
GBytes        *plx_store_load_original      (PlxStore                 *self,
                                             gint64                    id,
                                             GError                  **error);
gboolean       plx_store_insert_annotation  (PlxStore                 *self,
                                             PlxAnnotation            *annotation,
                                             GError                  **error);
gboolean       plx_store_update_annotation  (PlxStore                 *self,
                                             PlxAnnotation            *annotation,
                                             GError                  **error);
gboolean       plx_store_delete_annotation  (PlxStore                 *self,
                                             PlxAnnotation            *annotation,
                                             GError                  **error);
PlxAnnotation *plx_store_get_annotation     (PlxStore                 *self,
                                             const char               *uuid,
                                             GError                  **error);
GPtrArray     *plx_store_list_annotations   (PlxStore                 *self,
                                             const PlxAnnotationQuery *query,
                                             GError                  **error);
gboolean       plx_store_count_annotations  (PlxStore                 *self,
                                             const PlxAnnotationQuery *query,
                                             guint                    *count,
                                             GError                  **error);
char         **plx_store_list_themes        (PlxStore                 *self,
                                             GError                  **error);
GArray        *plx_store_list_tombstones    (PlxStore                 *self,
                                             GError                  **error);
GPtrArray     *plx_store_list_codebook      (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_insert_theme       (PlxStore                 *self,
                                             PlxTheme                 *theme,
                                             GError                  **error);
gboolean       plx_store_update_theme       (PlxStore                 *self,
                                             PlxTheme                 *theme,
                                             GError                  **error);
gboolean       plx_store_delete_theme       (PlxStore                 *self,
                                             PlxTheme                 *theme,
                                             GError                  **error);
GPtrArray     *plx_store_list_memos         (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_insert_memo        (PlxStore                 *self,
                                             PlxMemo                  *memo,
                                             GError                  **error);
gboolean       plx_store_update_memo        (PlxStore                 *self,
                                             PlxMemo                  *memo,
                                             GError                  **error);
gboolean       plx_store_delete_memo        (PlxStore                 *self,
                                             PlxMemo                  *memo,
                                             GError                  **error);

GPtrArray     *plx_store_list_attributes    (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_insert_attribute   (PlxStore                 *self,
                                             PlxAttribute             *attribute,
                                             GError                  **error);
gboolean       plx_store_update_attribute   (PlxStore                 *self,
                                             PlxAttribute             *attribute,
                                             GError                  **error);
gboolean       plx_store_delete_attribute   (PlxStore                 *self,
                                             PlxAttribute             *attribute,
                                             GError                  **error);
GPtrArray     *plx_store_list_values        (PlxStore                 *self,
                                             gint64                    document_id,
                                             GError                  **error);
gboolean       plx_store_set_value          (PlxStore                 *self,
                                             PlxDocumentValue         *value,
                                             GError                  **error);
gboolean       plx_store_clear_value        (PlxStore                 *self,
                                             PlxDocumentValue         *value,
                                             GError                  **error);
GPtrArray     *plx_store_search             (PlxStore                 *self,
                                             const PlxSearchQuery     *query,
                                             gint64                    document_id,
                                             guint                     limit,
                                             gboolean                 *truncated,
                                             GError                  **error);
GPtrArray     *plx_store_list_equivalences  (PlxStore                 *self,
                                             GError                  **error);
gboolean       plx_store_set_equivalences   (PlxStore                 *self,
                                             GPtrArray                *groups,
                                             GError                  **error);

G_END_DECLS
