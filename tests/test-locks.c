/* test-locks.c: a second connection opened and closed in this process must
 * not let another process delete the write-ahead log under the first one.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-test-utils.h"

static void
run_cli (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

static void
test_second_connection_keeps_locks (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "locks.parallax", NULL);
  const char *cli = g_getenv ("PLX_CLI");
  const char *text = "Երևան, Bakı and Москва each tell the story their own way.";
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxProject) reader = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(PlxProject) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  project = plx_project_create (path, &error);
  g_assert_no_error (error);
  document = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, "t", &error);
  g_assert_no_error (error);
  plx_project_add_document (project, document, &error);
  g_assert_no_error (error);

  /* As the window's loader thread does: another connection, then closed. */
  reader = plx_project_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&reader);

  /* Another process writes and exits; it must see this one still here. */
  {
    const char *argv[] = { cli, "annotate", path, "--document", "1", "--start", "0", "--end", "5",
                           "--perspective", "Armenian", NULL };
    run_cli (argv);
  }
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  annotation = plx_annotation_new_for_range (document, 7, 11, 2, &error);
  g_assert_no_error (error);
  plx_project_add_annotation (project, annotation, &error);
  g_assert_no_error (error);

  /* A fresh connection sees both passages. */
  check = plx_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plx_project_count_annotations (check, NULL, NULL), ==, 2);
  g_clear_object (&check);
  g_clear_object (&project);
  plx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/locks/second-connection-keeps-locks", test_second_connection_keeps_locks);
  return g_test_run ();
}
