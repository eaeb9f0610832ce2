/* test-project-io.c: the core's long operations in a worker thread
 * (export, import, salvage, reading a document file), as the app runs them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "plx-project-fixture.h"

static void
count_cb (PlxProject *project,
          guint      *count)
{
  (*count)++;
}

static void
test_export_import_async (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PlxDocument) essay = add_essay (fixture->project);
  g_autofree char *out = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.parallax", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(PlxProject) other = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) first = NULL;
  g_autoptr(PlxAnnotation) second = NULL;
  guint external = 0;

  first = annotate (fixture->project, essay, "arms dealer", "Russian", NULL, "seller", "Anahit");
  second = annotate (fixture->project, essay, "Minsk Process", "Western", NULL, "", "Anahit");

  plx_export_to_file_async (fixture->project, PLX_EXPORT_FORMAT_NATIVE, 0, PLX_EXPORT_FLAGS_INCLUDE_TEXT, file,
                            NULL, plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  g_assert_true (plx_export_to_file_finish (fixture->project, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Imported by a worker; the project hears of it as another writer's. */
  other = plx_project_create (other_path, &error);
  g_assert_no_error (error);
  g_signal_connect (other, "external-change", G_CALLBACK (count_cb), &external);
  plx_import_file_async (other, file, NULL, plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  report = plx_import_file_finish (other, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->documents_added, ==, 1);
  g_assert_cmpuint (external, ==, 1);
  g_assert_cmpuint (plx_project_count_annotations (other, NULL, NULL), ==, 2);
  g_clear_object (&result);

  /* A cancelled export writes nothing. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *never = g_build_filename (fixture->dir, "never.json", NULL);
    g_autoptr(GFile) never_file = g_file_new_for_path (never);

    g_cancellable_cancel (cancellable);
    plx_export_to_file_async (fixture->project, PLX_EXPORT_FORMAT_CSV, 0, PLX_EXPORT_FLAGS_NONE, never_file,
                              cancellable, plx_test_keep_result, &result);
    plx_test_wait_for_result (&result);
    g_assert_false (plx_export_to_file_finish (fixture->project, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  }
}

static void
test_salvage_and_read_async (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PlxDocument) essay = add_essay (fixture->project);
  g_autoptr(PlxAnnotation) passage = annotate (fixture->project, essay, "arms dealer", "Russian", NULL, "", "");
  g_autofree char *saved = g_build_filename (fixture->dir, "saved.parallax", NULL);
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autoptr(GFile) essay_file = g_file_new_for_path (essay_path);
  g_autoptr(PlxSalvageReport) report = NULL;
  g_autoptr(PlxDocument) read = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->project);
  plx_project_salvage_async (fixture->path, saved, NULL, plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  report = plx_project_salvage_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->annotations, ==, 1);
  g_clear_object (&result);

  plx_document_new_from_file_async (essay_file, NULL, plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  read = plx_document_new_from_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_content_hash (read), ==, plx_document_get_content_hash (essay));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/core/project-io/export-import", Fixture, NULL, fixture_set_up, test_export_import_async,
              fixture_tear_down);
  g_test_add ("/core/project-io/salvage-and-read", Fixture, NULL, fixture_set_up, test_salvage_and_read_async,
              fixture_tear_down);
  return g_test_run ();
}
