/* test-window-files.c: the project as a file the user hands on: Save a
 * Copy, and the log folded into the file when the window lets go.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-core.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

typedef PlxTestWindowFixture Fixture;

/* Tags the document's first @length characters in the window's project,
 * as another part of the app would: the change waits in SQLite's log. */
static void
tag_start (PlxWindow *window,
           guint      length)
{
  PlxProject *project = plx_window_get_project (window);
  PlxPerspective *perspective = g_list_model_get_item (plx_project_get_perspectives (project), 0);
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = plx_annotation_new_for_range (plx_window_get_document (window), 0, length,
                                             plx_perspective_get_id (perspective), &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_annotation (project, annotation, &error));
  g_assert_no_error (error);
  g_object_unref (perspective);
}

/* Save a Copy… offers a name beside the project, writes the whole project
 * there in the background, and leaves the project as it was. */
static void
test_save_copy (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *offered = NULL;
  g_autoptr(GFile) file = NULL;
  GtkFileChooser *chooser = NULL;

  plx_test_window_open (&fixture, 1200, 800);
  tag_start (fixture.window, 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.save-copy", NULL));
  for (int i = 0; i < 100 && (chooser = plx_test_file_chooser_over (fixture.window)) == NULL; i++)
    plx_test_run_frames (20);
  g_assert_nonnull (chooser);
  offered = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (offered, ==, "test (copy).parallax");
  path = g_build_filename (fixture.dir, offered, NULL);
  plx_test_run_frames (300);
  file = gtk_file_chooser_get_file (chooser);
  g_assert_cmpstr (g_file_peek_path (file), ==, path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  for (int i = 0; i < 250 && (!g_file_test (path, G_FILE_TEST_EXISTS) || plx_test_busy_bar_shown (fixture.window)); i++)
    plx_test_run_frames (20);
  g_assert_false (plx_test_busy_bar_shown (fixture.window));
  g_assert_null (plx_test_message_over (fixture.window));
  g_assert_cmpuint (plx_test_count_in_file_alone (path), ==, 1);
  /* The window goes on with its own project. */
  g_assert_cmpstr (plx_project_get_path (plx_window_get_project (fixture.window)), ==, fixture.path);
  plx_test_window_close (&fixture);
}

/* While open, the last changes wait in the log beside the file; once the
 * window lets go of the project, the file alone holds them, though the
 * connection lives on (here, held by the test; in the app, by a worker). */
static void
test_close_folds_log (void)
{
  Fixture fixture = { 0 };
  g_autoptr(PlxProject) kept = NULL;

  plx_test_window_open (&fixture, 1200, 800);
  kept = g_object_ref (plx_window_get_project (fixture.window));
  tag_start (fixture.window, 12);
  g_assert_cmpuint (plx_test_count_in_file_alone (fixture.path), ==, 0);

  gtk_widget_set_visible (GTK_WIDGET (fixture.window), FALSE);
  plx_test_run_frames (600);
  gtk_window_destroy (GTK_WINDOW (fixture.window));
  plx_test_iterate ();
  g_clear_object (&fixture.window);
  g_assert_cmpuint (plx_test_count_in_file_alone (fixture.path), ==, 1);
  g_clear_object (&kept);
  plx_test_remove_tree (fixture.dir);
  g_free (fixture.dir);
  g_free (fixture.path);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-files/save-copy", test_save_copy);
  g_test_add_func ("/window-files/close-folds-log", test_close_folds_log);
  return g_test_run ();
}
