/* plx-test-utils.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "plx-core.h"
#include "plx-test-utils.h"

char *
plx_test_make_tempdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("parallax-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
plx_test_read_file (const char *path,
                    gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

char *
plx_test_file_checksum (const char *path)
{
  gsize length = 0;
  g_autofree char *contents = plx_test_read_file (path, &length);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
plx_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            plx_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

char *
plx_test_essay_path (void)
{
  const char *path = g_getenv ("PLX_ESSAY");

  g_assert_nonnull (path);
  return g_strdup (path);
}

char *
plx_test_run_cliv (const char * const *args,
                   int                *status,
                   char              **err)
{
  const char *cli = g_getenv ("PLX_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (status != NULL)
    *status = g_subprocess_get_exit_status (process);
  return out;
}

char *
plx_test_run_cli_valist (int         *status,
                         char       **err,
                         const char  *first,
                         va_list      rest)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (rest, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);
  return plx_test_run_cliv ((const char * const *) args->pdata, status, err);
}

char *
plx_test_run_cli (int         *status,
                  char       **err,
                  const char  *first,
                  ...)
{
  va_list rest;
  char *out;

  va_start (rest, first);
  out = plx_test_run_cli_valist (status, err, first, rest);
  va_end (rest);
  return out;
}

static void
items_changed_cb (GListModel              *model,
                  guint                    position,
                  guint                    removed,
                  guint                    added,
                  PlxItemsChangedRecorder *recorder)
{
  g_ptr_array_add (recorder->events, g_strdup_printf ("%u,%u,%u", position, removed, added));
}

void
plx_items_changed_recorder_attach (PlxItemsChangedRecorder *recorder,
                                   GListModel              *model)
{
  if (recorder->events == NULL)
    recorder->events = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), recorder);
}

void
plx_items_changed_recorder_clear (PlxItemsChangedRecorder *recorder)
{
  g_clear_pointer (&recorder->events, g_ptr_array_unref);
}

void
plx_test_keep_result (GObject      *object,
                      GAsyncResult *result,
                      gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

void
plx_test_wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* @path, alone in a folder of its own (no log beside it), opened and
 * checked whole; returns its number of annotations. */
guint
plx_test_count_in_file_alone (const char *path)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *alone = g_build_filename (dir, "alone.parallax", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint n;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (alone, contents, (gssize) length, &error));
  project = plx_project_open (alone, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_check (project, report, &error));
  g_assert_no_error (error);
  n = plx_project_count_annotations (project, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  plx_test_remove_tree (dir);
  return n;
}
