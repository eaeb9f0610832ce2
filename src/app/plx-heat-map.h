/* plx-heat-map.h: the section × perspective table, each cell shaded by the
 * share of the section the perspective covers. It takes focus: the arrow
 * keys step through the sections, each named with every perspective's
 * share for screen readers, and Enter activates "win.read-at-offset" with
 * the section's first offset.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_HEAT_MAP (plx_heat_map_get_type ())
G_DECLARE_FINAL_TYPE (PlxHeatMap, plx_heat_map, PLX, HEAT_MAP, GtkWidget)

GtkWidget     *plx_heat_map_new            (void);
PlxStatistics *plx_heat_map_get_statistics (PlxHeatMap     *self);
void           plx_heat_map_set_statistics (PlxHeatMap     *self,
                                            PlxStatistics  *statistics);
void           plx_heat_map_set_section    (PlxHeatMap     *self,
                                            guint           section);
guint          plx_heat_map_get_section    (PlxHeatMap     *self);
GskRenderNode *plx_heat_map_render         (PlxHeatMap     *self,
                                            int            *width,
                                            int            *height,
                                            GPtrArray      *labels);
gboolean       plx_heat_map_save_png       (PlxHeatMap     *self,
                                            GFile          *file,
                                            GError        **error);

G_END_DECLS
