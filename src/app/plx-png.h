/* plx-png.h: render nodes saved as PNG, for exporting the comparison.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean plx_png_save_node (GskRenderNode  *node,
                            int             width,
                            int             height,
                            GFile          *file,
                            GError        **error);

G_END_DECLS
