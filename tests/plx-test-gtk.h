/* plx-test-gtk.h: helpers for the tests that drive GTK widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-window.h"

G_BEGIN_DECLS

/* A window showing the default project (the essay) in a new folder. */
typedef struct {
  char      *dir;
  char      *path;
  PlxWindow *window;
} PlxTestWindowFixture;

void       plx_test_iterate     (void);
void       plx_test_run_frames  (guint       ms);
void       plx_test_window_open (PlxTestWindowFixture *fixture,
                                 int                   width,
                                 int                   height);
void       plx_test_window_close (PlxTestWindowFixture *fixture);
GtkWidget *plx_test_wheel       (GtkWidget  *over,
                                 double      dx,
                                 double      dy);

G_END_DECLS
