/* plx-perspective-passages.h: the passages of one perspective, a view of
 * a PlxAnnotationList in the same order, sharing its annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plx-annotation-list.h"

G_BEGIN_DECLS

#define PLX_TYPE_PERSPECTIVE_PASSAGES (plx_perspective_passages_get_type ())
G_DECLARE_FINAL_TYPE (PlxPerspectivePassages, plx_perspective_passages, PLX, PERSPECTIVE_PASSAGES, GObject)

PlxPerspectivePassages *plx_perspective_passages_new                (GListModel             *annotations,
                                                                     gint64                  perspective_id);
gint64                  plx_perspective_passages_get_perspective_id (PlxPerspectivePassages *self);

G_END_DECLS
