/* test-window-files.c: the project and its documents as files: Save a
 * Copy, the log folded into the file when the window lets go, a
 * document's info edited, a document removed and brought back.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-core.h"
#include "plx-document-info-dialog.h"
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

static GtkEditable *
info_row (AdwMessageDialog *dialog,
          const char       *name)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (dialog), PLX_TYPE_DOCUMENT_INFO_DIALOG, name);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

/* Document Info… (Alt+Return) edits the title and what is known of the
 * document as one undoable step; the window's title and the switcher
 * follow at once, and a blank title cannot be saved. */
static void
test_document_info (void)
{
  Fixture fixture = { 0 };
  PlxProject *project;
  AdwMessageDialog *dialog = NULL;
  g_autoptr(PlxDocument) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  plx_test_window_open (&fixture, 1200, 800);
  project = plx_window_get_project (fixture.window);
  id = plx_document_get_id (plx_window_get_document (fixture.window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.document-info", NULL));
  for (int i = 0; i < 50 && (dialog = plx_test_message_over (fixture.window)) == NULL; i++)
    plx_test_run_frames (20);
  g_assert_true (PLX_IS_DOCUMENT_INFO_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (info_row (dialog, "title_row")), ==,
                   plx_document_get_title (plx_window_get_document (fixture.window)));

  gtk_editable_set_text (info_row (dialog, "title_row"), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (info_row (dialog, "title_row"), " Russia’s role, revised ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (info_row (dialog, "author_row"), "Ani Hakobyan");
  gtk_editable_set_text (info_row (dialog, "date_row"), "2013-05-01");
  adw_message_dialog_response (dialog, "save");
  plx_test_run_frames (100);

  stored = plx_project_load_document (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_title (stored), ==, "Russia’s role, revised");
  g_assert_cmpstr (plx_document_get_meta (stored, PLX_DOCUMENT_META_AUTHOR), ==, "Ani Hakobyan");
  g_assert_cmpstr (plx_document_get_meta (stored, PLX_DOCUMENT_META_DATE), ==, "2013-05-01");
  g_assert_cmpstr (plx_document_get_title (plx_window_get_document (fixture.window)), ==, "Russia’s role, revised");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture.window)), "Russia’s role, revised"));

  /* One step back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  plx_test_run_frames (100);
  g_clear_object (&stored);
  stored = plx_project_load_document (project, id, &error);
  g_assert_cmpstr (plx_document_get_meta (stored, PLX_DOCUMENT_META_AUTHOR), ==, "");
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (fixture.window)), "revised"));
  plx_test_window_close (&fixture);
}

/* Remove Document takes the document with its passages, at once, and
 * Undo (on the toast, or Ctrl+Z) brings both back whole. */
static void
test_remove_document (void)
{
  Fixture fixture = { 0 };
  PlxProject *project;
  g_autoptr(GError) error = NULL;
  gint64 id;

  plx_test_window_open (&fixture, 1200, 800);
  project = plx_window_get_project (fixture.window);
  id = plx_document_get_id (plx_window_get_document (fixture.window));
  tag_start (fixture.window, 12);
  tag_start (fixture.window, 30);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.remove-document", NULL));
  plx_test_run_frames (200);
  g_assert_null (plx_window_get_document (fixture.window));
  g_assert_cmpuint (plx_project_count_annotations (project, NULL, &error), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (fixture.window)) &&
                  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.document-info", NULL) &&
                  plx_test_message_over (fixture.window) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  for (int i = 0; i < 100 && (plx_window_get_document (fixture.window) == NULL || plx_window_get_loading (fixture.window)); i++)
    plx_test_run_frames (20);
  g_assert_nonnull (plx_window_get_document (fixture.window));
  g_assert_cmpint (plx_document_get_id (plx_window_get_document (fixture.window)), ==, id);
  g_assert_cmpuint (plx_project_count_annotations (project, NULL, &error), ==, 2);
  g_assert_no_error (error);
  plx_test_window_close (&fixture);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-files/save-copy", test_save_copy);
  g_test_add_func ("/window-files/close-folds-log", test_close_folds_log);
  g_test_add_func ("/window-files/document-info", test_document_info);
  g_test_add_func ("/window-files/remove-document", test_remove_document);
  return g_test_run ();
}
