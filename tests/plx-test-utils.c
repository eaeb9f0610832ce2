/* plx-test-utils.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

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

char *
plx_test_run_cli (const char * const *args,
                  int                *status,
                  char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PLX_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  return out;
}
