/* plx-project-private.h: transactions, for the core's importers and the tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-project.h"

G_BEGIN_DECLS

gboolean _plx_project_begin     (PlxProject  *self,
                                 GError     **error);
gboolean _plx_project_commit    (PlxProject  *self,
                                 GError     **error);
void     _plx_project_rollback  (PlxProject  *self);
void     _plx_project_reload    (PlxProject  *self);
void     _plx_project_set_bulk  (PlxProject  *self,
                                 gboolean     bulk);
PlxPerspective *_plx_project_add_perspective_as (PlxProject  *self,
                                                 const char  *name,
                                                 const char  *color,
                                                 const char  *uuid,
                                                 GError     **error);
gboolean _plx_project_put_annotation (PlxProject     *self,
                                      PlxAnnotation  *old,
                                      PlxAnnotation  *annotation,
                                      GError        **error);

G_END_DECLS
