/* plx-project.h: a project holds documents, perspectives and annotations
 * in a store (one SQLite file, by default), and every change to them goes
 * through plx_project_apply().
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plx-annotation.h"
#include "plx-change-set.h"
#include "plx-document.h"
#include "plx-perspective.h"
#include "plx-store.h"

G_BEGIN_DECLS

/* The most perspectives a project holds: each is a panel in the window
 * and a column in every Compare table, and thousands would leave the app
 * unusable. Adding one past it is refused, as is an import. */
#define PLX_PROJECT_MAX_PERSPECTIVES 64

#define PLX_TYPE_PROJECT (plx_project_get_type ())
G_DECLARE_FINAL_TYPE (PlxProject, plx_project, PLX, PROJECT, GObject)

PlxProject     *plx_project_new_for_store        (PlxStore            *store,
                                                  GError             **error);
PlxStore       *plx_project_get_store            (PlxProject          *self);
PlxProject     *plx_project_open                 (const char          *path,
                                                  GError             **error);
PlxProject     *plx_project_open_for_reading     (const char          *path,
                                                  GError             **error);
void            plx_project_open_async           (const char          *path,
                                                  gint64               wanted_document,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
PlxProject     *plx_project_open_finish          (GAsyncResult        *result,
                                                  PlxDocument        **document,
                                                  GError             **error);
gint64          plx_document_summaries_pick      (GArray              *summaries,
                                                  gint64               wanted_document);
gboolean        plx_document_summaries_resolve   (GArray              *summaries,
                                                  const char          *id_or_title,
                                                  gint64              *id,
                                                  GError             **error);
PlxProject     *plx_project_open_another         (PlxProject          *self,
                                                  GError             **error);
PlxProject     *plx_project_create               (const char          *path,
                                                  GError             **error);
gboolean        plx_project_check_room_for_perspective (PlxProject    *self,
                                                        GError       **error);
gboolean        plx_project_set_log_aside        (const char          *path,
                                                  char               **aside_path,
                                                  GError             **error);
gboolean        plx_project_is_server_location   (const char          *location);
gboolean        plx_project_add_team_member      (PlxProject          *self,
                                                  const char          *name,
                                                  const char          *role,
                                                  GError             **error);
const char     *plx_project_get_path             (PlxProject          *self);
gboolean        plx_project_sync_external_changes (PlxProject         *self,
                                                  GError             **error);

GListModel     *plx_project_get_perspectives     (PlxProject          *self);
PlxPerspective *plx_project_find_perspective     (PlxProject          *self,
                                                  gint64               id);
PlxPerspective *plx_project_find_perspective_by_name (PlxProject      *self,
                                                  const char          *name);
PlxPerspective *plx_project_add_perspective      (PlxProject          *self,
                                                  const char          *name,
                                                  const char          *color,
                                                  GError             **error);
gboolean        plx_project_rename_perspective   (PlxProject          *self,
                                                  gint64               id,
                                                  const char          *name,
                                                  GError             **error);
gboolean        plx_project_recolor_perspective  (PlxProject          *self,
                                                  gint64               id,
                                                  const char          *color,
                                                  GError             **error);
gboolean        plx_project_move_perspective     (PlxProject          *self,
                                                  gint64               id,
                                                  guint                position,
                                                  GError             **error);
gboolean        plx_project_remove_perspective   (PlxProject          *self,
                                                  gint64               id,
                                                  gint64               move_to_id,
                                                  GError             **error);
gboolean        plx_project_restore_perspective  (PlxProject          *self,
                                                  PlxPerspective      *snapshot,
                                                  GError             **error);
guint           plx_project_count_annotations    (PlxProject          *self,
                                                  const PlxAnnotationQuery *query,
                                                  GError             **error);

gboolean        plx_project_add_document         (PlxProject          *self,
                                                  PlxDocument         *document,
                                                  GError             **error);
gboolean        plx_project_remove_document      (PlxProject          *self,
                                                  gint64               id,
                                                  GError             **error);
PlxDocument    *plx_project_load_document        (PlxProject          *self,
                                                  gint64               id,
                                                  GError             **error);
void            plx_project_load_document_async  (PlxProject          *self,
                                                  gint64               id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
PlxDocument    *plx_project_load_document_finish (PlxProject          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void            plx_project_adopt_document       (PlxProject          *self,
                                                  PlxDocument         *document);
GPtrArray      *plx_project_list_documents       (PlxProject          *self,
                                                  GError             **error);
GBytes         *plx_project_dup_document_original (PlxProject         *self,
                                                  gint64               id,
                                                  GError             **error);
gboolean        plx_project_set_document_info    (PlxProject          *self,
                                                  gint64               id,
                                                  const char          *title,
                                                  const char * const  *meta,
                                                  GError             **error);
GArray         *plx_project_list_document_summaries (PlxProject       *self,
                                                  GError             **error);

gboolean        plx_project_apply                (PlxProject          *self,
                                                  PlxChangeSet        *changes,
                                                  GError             **error);
gboolean        plx_project_add_annotation       (PlxProject          *self,
                                                  PlxAnnotation       *annotation,
                                                  GError             **error);
gboolean        plx_project_update_annotation    (PlxProject          *self,
                                                  PlxAnnotation       *annotation,
                                                  GError             **error);
gboolean        plx_project_delete_annotation    (PlxProject          *self,
                                                  const char          *uuid,
                                                  GError             **error);
PlxAnnotation  *plx_project_get_annotation       (PlxProject          *self,
                                                  const char          *uuid,
                                                  GError             **error);
GPtrArray      *plx_project_list_annotations     (PlxProject          *self,
                                                  const PlxAnnotationQuery *query,
                                                  GError             **error);
char          **plx_project_list_themes          (PlxProject          *self,
                                                  GError             **error);
GArray         *plx_project_list_tombstones      (PlxProject          *self,
                                                  GError             **error);
gboolean        plx_project_checkpoint           (PlxProject          *self,
                                                  GError             **error);
gboolean        plx_project_check                (PlxProject          *self,
                                                  GString             *report,
                                                  GError             **error);

G_END_DECLS
