/* test-report-dialog.c: Export Report… from the window's action: the
 * file chooser's name and filter decide the format, the report is written
 * there, and writing over the project is refused with an error dialog.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-core.h"
#include "plx-report-dialog.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

typedef PlxTestWindowFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  plx_test_window_open (fixture, 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  plx_test_window_close (fixture);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

/* Opens Export Report… and answers its file chooser with @name in the
 * project's folder, the filter @filter (0 HTML, 1 PDF) chosen. */
static void
export_report (Fixture    *fixture,
               const char *name,
               guint       filter)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) chosen = NULL;
  g_autoptr(GFile) offered = NULL;
  GtkWindow *chooser = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-report", NULL));
  for (int i = 0; i < 100 && (chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) == NULL; i++)
    plx_test_run_frames (20);
  g_assert_nonnull (chooser);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  chosen = g_list_model_get_item (filters, filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), chosen);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* It offers the project's folder, which it loads in the background. */
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && (offered = g_file_get_parent (file)) != NULL && g_file_equal (offered, folder))
        break;
      g_clear_object (&offered);
      plx_test_run_frames (20);
    }
  g_assert_nonnull (offered);
  /* The chooser checks the name (and whether it exists) before it answers. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  for (int i = 0; i < 100 && find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL; i++)
    {
      GtkWindow *confirm = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);

      /* "Replace?": yes, as a user would. */
      if (confirm != NULL)
        gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_ACCEPT);
      plx_test_run_frames (20);
    }
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static void
wait_until_written (void)
{
  for (int i = 0; i < 500 && find_toplevel (PLX_TYPE_REPORT_DIALOG) != NULL; i++)
    plx_test_run_frames (20);
  g_assert_null (find_toplevel (PLX_TYPE_REPORT_DIALOG));
  plx_test_run_frames (50);
}

static void
assert_written (Fixture    *fixture,
                const char *name,
                const char *start)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *content = NULL;
  gsize length;

  wait_until_written ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  content = plx_test_read_file (path, &length);
  g_assert_nonnull (content);
  g_assert_true (length > strlen (start) && strncmp (content, start, strlen (start)) == 0);
}

static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  /* The name's extension decides over the filter… */
  export_report (fixture, "by-name.pdf", 0);
  assert_written (fixture, "by-name.pdf", "%PDF-");
  export_report (fixture, "by-name.html", 1);
  assert_written (fixture, "by-name.html", "<!DOCTYPE html>");
  /* …and a bare name gets the filter's format and extension. */
  export_report (fixture, "bare", 1);
  assert_written (fixture, "bare.pdf", "%PDF-");
}

static void
test_refuses_project (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *base = g_path_get_basename (fixture->path);
  GtkWindow *error_dialog;

  export_report (fixture, base, 0);
  wait_until_written ();
  error_dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)), ==,
                   "Could Not Export the Report");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)), "the project itself"));
  /* The project is still the one the window shows, and readable. */
  g_assert_nonnull (plx_window_get_project (fixture->window));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (error_dialog);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/report-dialog/formats", Fixture, NULL, fixture_set_up, test_formats, fixture_tear_down);
  g_test_add ("/report-dialog/refuses-project", Fixture, NULL, fixture_set_up, test_refuses_project, fixture_tear_down);
  return g_test_run ();
}
