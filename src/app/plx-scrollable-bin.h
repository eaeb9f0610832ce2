/* plx-scrollable-bin.h: a scrollable child for a GtkScrolledWindow that
 * scrolls vertically, passing the scrolling on to its own child.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLX_TYPE_SCROLLABLE_BIN (plx_scrollable_bin_get_type ())
G_DECLARE_FINAL_TYPE (PlxScrollableBin, plx_scrollable_bin, PLX, SCROLLABLE_BIN, GtkWidget)

GtkWidget *plx_scrollable_bin_new       (void);
GtkWidget *plx_scrollable_bin_get_child (PlxScrollableBin *self);
void       plx_scrollable_bin_set_child (PlxScrollableBin *self,
                                         GtkWidget        *child);

G_END_DECLS
