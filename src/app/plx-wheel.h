/* plx-wheel.h: the mouse wheel over scrolled windows inside scrolled windows.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void plx_wheel_pass_through     (GtkScrolledWindow *scroller);
void plx_wheel_scroll_sideways  (GtkScrolledWindow *scroller);

G_END_DECLS
