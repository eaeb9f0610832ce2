/* plx-perspective.h: one reading of the text (Armenian, Azerbaijani, …).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PLX_TYPE_PERSPECTIVE (plx_perspective_get_type ())
G_DECLARE_FINAL_TYPE (PlxPerspective, plx_perspective, PLX, PERSPECTIVE, GObject)

PlxPerspective *plx_perspective_new          (gint64          id,
                                              const char     *name,
                                              const char     *color,
                                              int             position);
PlxPerspective *plx_perspective_copy         (PlxPerspective *self);
gint64          plx_perspective_get_id       (PlxPerspective *self);
void            plx_perspective_set_id       (PlxPerspective *self,
                                              gint64          id);
const char     *plx_perspective_get_uuid     (PlxPerspective *self);
void            plx_perspective_set_uuid     (PlxPerspective *self,
                                              const char     *uuid);
const char     *plx_perspective_get_name     (PlxPerspective *self);
void            plx_perspective_set_name     (PlxPerspective *self,
                                              const char     *name);
const char     *plx_perspective_get_color    (PlxPerspective *self);
void            plx_perspective_set_color    (PlxPerspective *self,
                                              const char     *color);
int             plx_perspective_get_position (PlxPerspective *self);
void            plx_perspective_set_position (PlxPerspective *self,
                                              int             position);
gboolean        plx_perspective_color_is_valid (const char   *color);

G_END_DECLS
