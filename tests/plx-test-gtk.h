/* plx-test-gtk.h: helpers for the tests that drive GTK widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

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

/* The dialogs a window has open over it, if any; whether its bar for
 * long work shows. */
AdwMessageDialog *plx_test_message_over      (PlxWindow *window);
GtkFileChooser   *plx_test_file_chooser_over (PlxWindow *window);
gboolean          plx_test_busy_bar_shown    (PlxWindow *window);

G_END_DECLS
