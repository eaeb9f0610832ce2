/* plx-bench-search.c: how fast search answers across a large project.
 *
 *   plx-bench-search PROJECT [MEGABYTES [DOCUMENTS [RUNS]]]
 *
 * Makes PROJECT, unless it exists, with DOCUMENTS documents (default
 * 1,000) of MEGABYTES of text in all (default 100): paragraphs of words
 * drawn by a Zipf law from the essay's vocabulary and 20,000 made-up
 * words, with the conflict's names in four languages sprinkled in. Then
 * times plx_search_run() (the whole path: equivalences, query, FTS5,
 * titles, perspectives), RUNS times (default 50) per query, the app's
 * limit of 1,000 hits, and prints the hits and the 50th and 95th
 * percentiles in milliseconds.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-bench"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "plx-core.h"

static GPtrArray *
vocabulary (const char *essay)
{
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *syllables[] = { "ka", "ra", "ba", "ni", "to", "ve", "lu", "sha", "mir", "dor", "ga", "zan", "kel",
                              "tur", "pe", "os", "an", "ik", "el", "ar" };
  GRand *rand = g_rand_new_with_seed (7);
  gsize length;

  if (!g_file_get_contents (essay, &text, &length, NULL))
    g_error ("Cannot read %s", essay);
  for (char *word = strtok (text, " \n\t.,;:()[]\"“”’'—-"); word != NULL; word = strtok (NULL, " \n\t.,;:()[]\"“”’'—-"))
    if (g_utf8_validate (word, -1, NULL) && !g_hash_table_contains (seen, word))
      {
        g_hash_table_add (seen, word);
        g_ptr_array_add (words, g_strdup (word));
      }
  for (guint i = 0; i < 20000; i++)
    {
      GString *made = g_string_new (NULL);
      guint n = 2 + g_rand_int_range (rand, 0, 3);

      for (guint s = 0; s < n; s++)
        g_string_append (made, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      g_string_append_printf (made, "%u", i % 10);
      g_ptr_array_add (words, g_string_free (made, FALSE));
    }
  g_rand_free (rand);
  return words;
}

static void
generate (const char *path,
          const char *essay,
          guint       megabytes,
          guint       n_documents)
{
  const char *names[] = { "Karabakh", "Artsakh", "Qarabağ", "Карабах", "Արցախ", "Гарабағ", "peacekeepers",
                          "миротворцы", "Stepanakert", "Xankəndi" };
  g_autoptr(GPtrArray) words = vocabulary (essay);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = plx_project_create (path, &error);
  g_autofree double *cdf = g_new (double, words->len);
  gsize per_document = (gsize) megabytes * 1000 * 1000 / n_documents;
  GRand *rand = g_rand_new_with_seed (20261203);
  double total = 0;
  gint64 started = g_get_monotonic_time ();

  if (project == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < words->len; i++)
    cdf[i] = total += 1.0 / (i + 1);
  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(GString) text = g_string_sized_new (per_document + 256);
      g_autoptr(PlxDocument) document = NULL;
      g_autofree char *title = g_strdup_printf ("Document %u", d + 1);

      while (text->len < per_document)
        {
          guint sentences = 3 + g_rand_int_range (rand, 0, 6);

          for (guint s = 0; s < sentences; s++)
            {
              guint n = 8 + g_rand_int_range (rand, 0, 18);

              for (guint w = 0; w < n; w++)
                {
                  double x = g_rand_double (rand) * total;
                  guint lo = 0, hi = words->len - 1;

                  while (lo < hi)
                    {
                      guint mid = (lo + hi) / 2;
                      if (cdf[mid] < x)
                        lo = mid + 1;
                      else
                        hi = mid;
                    }
                  if (g_rand_int_range (rand, 0, 2000) == 0)
                    g_string_append (text, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
                  else
                    g_string_append (text, g_ptr_array_index (words, lo));
                  g_string_append (text, w + 1 < n ? " " : ". ");
                }
            }
          g_string_append (text, "\n\n");
        }
      document = plx_document_new_from_data (text->str, text->len, PLX_DOCUMENT_FORMAT_PLAIN, title, &error);
      if (document == NULL || !plx_project_add_document (project, document, &error))
        g_error ("%s", error->message);
    }
  g_rand_free (rand);
  g_print ("generated %u documents, %u MB, in %.1f s\n", n_documents, megabytes,
           (g_get_monotonic_time () - started) / 1e6);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  const char *queries[] = { "Artsakh", "peacekeepers", "kelzan3", "karatoshamir5", "\"Russia’s role\"", "kara*", "Russia",
                            "the" };
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint megabytes = argc > 2 ? (guint) atoi (argv[2]) : 100;
  guint n_documents = argc > 3 ? (guint) atoi (argv[3]) : 1000;
  guint runs = argc > 4 ? (guint) atoi (argv[4]) : 50;
  const char *essay = g_getenv ("PLX_ESSAY") ? g_getenv ("PLX_ESSAY") : "data/russia-role-nagorno-karabakh.md";

  setlocale (LC_ALL, "");
  if (argc < 2 || megabytes == 0 || n_documents == 0 || runs == 0)
    {
      g_printerr ("usage: plx-bench-search PROJECT [MEGABYTES [DOCUMENTS [RUNS]]]\n");
      return 2;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    generate (argv[1], essay, megabytes, n_documents);
  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    g_error ("%s", error->message);

  g_print ("query\thits\ttruncated\tp50_ms\tp95_ms\tfirst_ms\tstore_p50_ms\n");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree double *times = g_new (double, runs);
      guint n_hits = 0;
      gboolean truncated = FALSE;

      for (guint r = 0; r < runs; r++)
        {
          gint64 started = g_get_monotonic_time ();
          g_autoptr(GPtrArray) hits = plx_search_run (project, queries[q], 0, 1000, &truncated, &error);

          if (hits == NULL)
            g_error ("%s", error->message);
          times[r] = (g_get_monotonic_time () - started) / 1000.0;
          n_hits = hits->len;
        }
      g_autofree double *store_times = g_new (double, runs);
      g_autoptr(GPtrArray) equivalences = plx_search_list_equivalences (project, NULL);
      g_autoptr(PlxSearchQuery) query = plx_search_query_parse (queries[q], equivalences, NULL);

      /* The store's part alone: FTS5 and the hits' offsets and context. */
      for (guint r = 0; r < runs; r++)
        {
          gint64 started = g_get_monotonic_time ();
          g_autoptr(GPtrArray) hits = plx_store_search (plx_project_get_store (project), query, 0, 1000, NULL, NULL);

          store_times[r] = (g_get_monotonic_time () - started) / 1000.0;
        }
      qsort (store_times, runs, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
      g_print ("%s\t%u\t%s\t", queries[q], n_hits, truncated ? "yes" : "no");
      {
        double first = times[0];
        qsort (times, runs, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
        g_print ("%.1f\t%.1f\t%.1f\t%.1f\n", times[runs / 2],
                 times[(guint) (runs * 0.95) < runs ? (guint) (runs * 0.95) : runs - 1], first, store_times[runs / 2]);
      }
    }
  return 0;
}
