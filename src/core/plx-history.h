/* plx-history.h: undo and redo for every change made through it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-project.h"

G_BEGIN_DECLS

#define PLX_TYPE_HISTORY (plx_history_get_type ())
G_DECLARE_FINAL_TYPE (PlxHistory, plx_history, PLX, HISTORY, GObject)

PlxHistory *plx_history_new                (PlxProject     *project);
void        plx_history_set_coder          (PlxHistory     *self,
                                            const char     *coder);
const char *plx_history_get_coder          (PlxHistory     *self);
PlxProject *plx_history_get_project        (PlxHistory     *self);
gboolean    plx_history_add_annotation     (PlxHistory     *self,
                                            PlxAnnotation  *annotation,
                                            GError        **error);
gboolean    plx_history_update_annotation  (PlxHistory     *self,
                                            PlxAnnotation  *annotation,
                                            GError        **error);
gboolean    plx_history_delete_annotation  (PlxHistory     *self,
                                            const char     *uuid,
                                            GError        **error);
PlxPerspective *plx_history_add_perspective (PlxHistory     *self,
                                            const char     *name,
                                            const char     *color,
                                            GError        **error);
gboolean    plx_history_rename_perspective (PlxHistory     *self,
                                            gint64          id,
                                            const char     *name,
                                            GError        **error);
gboolean    plx_history_recolor_perspective (PlxHistory    *self,
                                            gint64          id,
                                            const char     *color,
                                            GError        **error);
gboolean    plx_history_move_perspective   (PlxHistory     *self,
                                            gint64          id,
                                            guint           position,
                                            GError        **error);
gboolean    plx_history_remove_perspective (PlxHistory     *self,
                                            gint64          id,
                                            gint64          move_to_id,
                                            GError        **error);
gboolean    plx_history_add_document       (PlxHistory     *self,
                                            PlxDocument    *document,
                                            GError        **error);
gboolean    plx_history_remove_document    (PlxHistory     *self,
                                            gint64          id,
                                            GError        **error);
gboolean    plx_history_set_document_info  (PlxHistory         *self,
                                            gint64              id,
                                            const char         *title,
                                            const char * const *meta,
                                            GError            **error);
gboolean    plx_history_apply_changes      (PlxHistory     *self,
                                            PlxChangeSet   *changes,
                                            GError        **error);
gboolean    plx_history_get_can_undo       (PlxHistory     *self);
gboolean    plx_history_get_can_redo       (PlxHistory     *self);
gboolean    plx_history_undo               (PlxHistory     *self,
                                            GError        **error);
gboolean    plx_history_redo               (PlxHistory     *self,
                                            GError        **error);

G_END_DECLS
