/* test-fuzz-regressions.c: replays every input the fuzzers ever crashed on
 * (tests/fuzz/regressions/<target>/) through the same functions, in the
 * ordinary build, so a fixed bug stays fixed without clang.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "plx-fuzz.h"
#include "plx-test-utils.h"

typedef int (*FuzzFunc) (const guint8 *data, gsize size);

static const struct {
  const char *target;
  FuzzFunc    func;
} targets[] = {
  { "native", plx_fuzz_import },
  { "w3c", plx_fuzz_import },
  { "document", plx_fuzz_document },
};

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *target = g_path_get_basename (dir);
  g_autofree char *contents = NULL;
  gsize length = 0;

  contents = plx_test_read_file (path, &length);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_strcmp0 (targets[i].target, target) == 0)
      {
        targets[i].func ((const guint8 *) contents, length);
        return;
      }
  g_assert_not_reached ();
}

static void
no_regressions (void)
{
  g_test_skip ("no regression inputs kept yet");
}

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *dir_path = g_build_filename (PLX_FUZZ_REGRESSIONS, targets[i].target, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_strdup (name));
      /* Sorted, so test paths and their order do not depend on the file system. */
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint j = 0; j < names->len; j++)
        {
          const char *file = g_ptr_array_index (names, j);
          g_autofree char *test_path = g_strdup_printf ("/fuzz-regressions/%s/%s", targets[i].target, file);

          /* The test framework keeps the data pointer for the run; so does this. */
          g_test_add_data_func_full (test_path, g_build_filename (dir_path, file, NULL), replay, g_free);
          n_inputs++;
        }
    }
  if (n_inputs == 0)
    g_test_add_func ("/fuzz-regressions/none", no_regressions);

  return g_test_run ();
}
