/* plx-bench-generate.c: builds a project with many annotations on the
 * essay, for timing export and import at scale.
 * usage: plx-bench-generate PROJECT DOCUMENT N
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>

#include "plx-core.h"
#include "plx-project-private.h"

static const char *themes[] = {
  "mediation", "status quo", "Minsk Group", "security", "Россия", "Հայաստան", "Azərbaycan", "energy",
};

int
main (int argc, char **argv)
{
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GListModel *perspectives;
  guint n, length, n_perspectives;

  if (argc != 4 || (n = (guint) g_ascii_strtoull (argv[3], NULL, 10)) == 0)
    {
      fprintf (stderr, "usage: plx-bench-generate PROJECT DOCUMENT N\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[2]);
  if ((project = plx_project_create (argv[1], &error)) == NULL ||
      (document = plx_document_new_from_file (file, NULL, &error)) == NULL ||
      !plx_project_add_document (project, document, &error))
    goto fail;

  perspectives = plx_project_get_perspectives (project);
  n_perspectives = g_list_model_get_n_items (perspectives);
  length = plx_document_get_length (document);

  /* One transaction: a commit per annotation would time the disk. */
  if (!_plx_project_begin (project, &error))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxAnnotation) annotation = NULL;
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, (guint) g_rand_int_range (rand, 0, (gint32) n_perspectives));
      guint start = (guint) g_rand_int_range (rand, 0, (gint32) length - 200);
      guint end = start + (guint) g_rand_int_range (rand, 1, 200);
      const char *chosen[3] = { themes[g_rand_int_range (rand, 0, G_N_ELEMENTS (themes))],
                                themes[g_rand_int_range (rand, 0, G_N_ELEMENTS (themes))], NULL };
      g_autofree char *note = g_strdup_printf ("Note %u, with a comma, a \"quote\"\nand a second line", i);

      annotation = plx_annotation_new_for_range (document, start, end, plx_perspective_get_id (perspective), &error);
      if (annotation == NULL)
        goto rollback;
      plx_annotation_set_themes (annotation, chosen);
      plx_annotation_set_note (annotation, i % 3 == 0 ? note : "");
      plx_annotation_set_author (annotation, "bench");
      if (!plx_project_add_annotation (project, annotation, &error))
        goto rollback;
    }
  if (!_plx_project_commit (project, &error))
    goto fail;
  return EXIT_SUCCESS;

rollback:
  _plx_project_rollback (project);
fail:
  fprintf (stderr, "plx-bench-generate: %s\n", error->message);
  return EXIT_FAILURE;
}
