/* plx-test-gtk.h: helpers for the tests that drive GTK widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       plx_test_run_frames  (guint       ms);
GtkWidget *plx_test_wheel       (GtkWidget  *over,
                                 double      dx,
                                 double      dy);

G_END_DECLS
