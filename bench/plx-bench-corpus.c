/* plx-bench-corpus.c: builds the performance suite's projects: a document
 * and N annotations spread evenly over it, the same on every run.
 * usage: plx-bench-corpus PROJECT DOCUMENT N
 *
 * Every annotation gets a perspective (all of the project's, in turn with
 * some randomness), zero to three themes, a note on every third, a fixed
 * UUID and fixed times, so two runs make identical rows. One in four
 * overlaps the one before it under another perspective, so the highlighter
 * meets nested and crossing ranges as it would in real work. N may be 0: a
 * project holding only the document (the 50 MB loading test).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>

#include "plx-core.h"
#include "plx-project-private.h"

static const char *themes[] = {
  "covenant", "exile", "kingship", "law", "prophecy", "wisdom", "mercy", "judgement",
  "lament", "genealogy", "Россия", "Հայաստան", "Azərbaycan",
};

static char *
seeded_uuid (GRand *rand)
{
  guint32 w[4];

  for (guint i = 0; i < 4; i++)
    w[i] = g_rand_int (rand);
  /* Version 4, variant 10xx, like g_uuid_string_random(). */
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          w[0], w[1] >> 16, w[1] & 0xfff,
                          (w[2] >> 16 & 0x3fff) | 0x8000, w[2] & 0xffff, w[3]);
}

int
main (int argc, char **argv)
{
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250501);
  GListModel *perspectives;
  guint n, length, n_perspectives, previous_start = 0, previous_end = 0;
  char *end_of_number = NULL;

  if (argc != 4)
    goto usage;
  n = (guint) g_ascii_strtoull (argv[3], &end_of_number, 10);
  if (end_of_number == argv[3] || *end_of_number != '\0')
    goto usage;

  file = g_file_new_for_commandline_arg (argv[2]);
  if ((project = plx_project_create (argv[1], &error)) == NULL ||
      (document = plx_document_new_from_file (file, NULL, &error)) == NULL ||
      !plx_project_add_document (project, document, &error))
    goto fail;

  perspectives = plx_project_get_perspectives (project);
  n_perspectives = g_list_model_get_n_items (perspectives);
  length = plx_document_get_length (document);
  if (n > 0 && length < 1000)
    {
      fprintf (stderr, "plx-bench-corpus: the document is too short\n");
      return EXIT_FAILURE;
    }

  /* One transaction: a commit per annotation would time the disk. */
  if (!_plx_project_begin (project, &error))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxAnnotation) annotation = NULL;
      g_autoptr(PlxPerspective) perspective = NULL;
      g_autofree char *uuid = seeded_uuid (rand);
      g_autofree char *note = NULL;
      const char *chosen[4] = { NULL };
      guint stride = (length - 400) / n;
      guint start, end, n_themes;

      if (i % 4 == 3 && previous_end > previous_start + 1)
        {
          /* Starts inside the previous passage and may run past it. */
          start = previous_start + (previous_end - previous_start) / 2;
          end = start + (guint) g_rand_int_range (rand, 1, 300);
        }
      else
        {
          start = (guint) ((guint64) i * (length - 400) / n) + (guint) g_rand_int_range (rand, 0, (gint32) MAX (stride, 1));
          end = start + (guint) g_rand_int_range (rand, 1, 300);
        }
      end = MIN (end, length);
      previous_start = start;
      previous_end = end;

      perspective = g_list_model_get_item (perspectives,
                                           (i + (guint) g_rand_int_range (rand, 0, 2)) % n_perspectives);
      n_themes = (guint) g_rand_int_range (rand, 0, 4);
      {
        /* Steps of 1..4 through a prime number of themes never repeat one. */
        guint first = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (themes));
        guint step = (guint) g_rand_int_range (rand, 1, 5);

        for (guint t = 0; t < n_themes; t++)
          chosen[t] = themes[(first + t * step) % G_N_ELEMENTS (themes)];
      }
      if (i % 3 == 0)
        note = g_strdup_printf ("Note %u, with a comma, a \"quote\"\nand a second line", i);

      annotation = plx_annotation_new_for_range (document, start, end, plx_perspective_get_id (perspective), &error);
      if (annotation == NULL)
        goto rollback;
      plx_annotation_set_uuid (annotation, uuid);
      plx_annotation_set_themes (annotation, chosen);
      plx_annotation_set_note (annotation, note != NULL ? note : "");
      plx_annotation_set_author (annotation, "bench");
      plx_annotation_set_times (annotation, "2025-05-01T12:00:00.000Z", "2025-05-01T12:00:00.000Z");
      if (!plx_project_add_annotation (project, annotation, &error))
        goto rollback;
    }
  if (!_plx_project_commit (project, &error))
    goto fail;
  return EXIT_SUCCESS;

usage:
  fprintf (stderr, "usage: plx-bench-corpus PROJECT DOCUMENT N\n");
  return 2;
rollback:
  _plx_project_rollback (project);
fail:
  fprintf (stderr, "plx-bench-corpus: %s\n", error->message);
  return EXIT_FAILURE;
}
