/* plx-project-private.h: the project's state, shared by its files
 * (plx-project.c: opening and reading; plx-project-apply.c: changes), and
 * transactions for the core's importers, merges and the tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-change-set.h"
#include "plx-project.h"

G_BEGIN_DECLS

struct _PlxProject
{
  GObject       parent_instance;

  PlxStore     *store;
  GListStore   *perspectives;
  GHashTable   *documents;    /* gint64 * → PlxDocument, loaded on demand */

  /* Nested transactions: the changes made inside are announced only once
   * the outermost one commits, so listeners never see a change that was
   * rolled back. */
  GArray       *marks;        /* number of pending changes at each open level */
  PlxChangeSet *pending;
};

gboolean        _plx_project_begin      (PlxProject  *self,
                                         GError     **error);
gboolean        _plx_project_commit     (PlxProject  *self,
                                         GError     **error);
void            _plx_project_rollback   (PlxProject  *self);
void            _plx_project_reload     (PlxProject  *self);
void            _plx_project_set_bulk   (PlxProject  *self,
                                         gboolean     bulk);

void            _plx_project_emit_committed        (PlxProject     *self,
                                                    PlxChangeSet   *changes);
gboolean        _plx_project_load_perspectives     (PlxProject     *self,
                                                    GError        **error);
guint           _plx_project_perspective_index     (PlxProject     *self,
                                                    gint64          id);
gboolean        _plx_project_check_perspective_name (PlxProject    *self,
                                                    const char     *name,
                                                    gint64          except_id,
                                                    GError        **error);
gboolean        _plx_project_check_color           (const char     *color,
                                                    GError        **error);
const char     *_plx_project_next_spare_color      (PlxProject     *self);
gboolean        _plx_project_validate_annotation   (PlxProject     *self,
                                                    PlxAnnotation  *annotation,
                                                    GError        **error);
PlxPerspective *_plx_project_add_perspective_as    (PlxProject     *self,
                                                    const char     *name,
                                                    const char     *color,
                                                    const char     *uuid,
                                                    GError        **error);

PlxChangeSet   *_plx_project_changes_add_perspective    (PlxProject  *self,
                                                        const char  *name,
                                                        const char  *color,
                                                        const char  *uuid,
                                                        GError     **error);
PlxChangeSet   *_plx_project_changes_edit_perspective   (PlxProject  *self,
                                                        gint64       id,
                                                        const char  *name,
                                                        const char  *color,
                                                        int          position,
                                                        GError     **error);
PlxChangeSet   *_plx_project_changes_remove_perspective (PlxProject  *self,
                                                        gint64       id,
                                                        gint64       move_to_id,
                                                        GError     **error);
PlxChangeSet   *_plx_project_changes_remove_document    (PlxProject  *self,
                                                        gint64       id,
                                                        GError     **error);
PlxChangeSet   *_plx_project_changes_set_document_info  (PlxProject         *self,
                                                        gint64              id,
                                                        const char         *title,
                                                        const char * const *meta,
                                                        GError            **error);

/* plx-codebook.c: applying theme and memo changes (plx_project_apply).
 * @codebook is NULL at first and then caches the themes by UUID for the
 * rest of the change set; the caller frees it. */
gboolean        _plx_project_apply_theme (PlxProject   *self,
                                          GHashTable  **codebook,
                                          PlxTheme     *before,
                                          PlxTheme     *after,
                                          GError      **error);
gboolean        _plx_project_apply_memo  (PlxProject   *self,
                                          PlxMemo      *before,
                                          PlxMemo      *after,
                                          GError      **error);
/* plx-attribute-ops.c */
gboolean        _plx_project_apply_attribute (PlxProject   *self,
                                              PlxAttribute *before,
                                              PlxAttribute *after,
                                              GError      **error);

G_END_DECLS
