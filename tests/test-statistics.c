/* test-statistics.c: PlxStatistics on a small project whose numbers are
 * worked out by hand below, its CSV tables, its speed on 20,000 passages,
 * and "parallax-cli stats" parsed back.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <time.h>
#include <json-glib/json-glib.h>

#include "plx-core.h"
#include "plx-test-utils.h"

/* Parsed, the text is "Title\nLead para.\nOne\nAlpha beta.\nTwo\nGamma delta.":
 *
 *   Title        [0,5)    title block
 *   Lead para.   [6,16)
 *   One          [17,20)  heading: section "One" is [17,33)
 *   Alpha beta.  [21,32)
 *   Two          [33,36)  heading: section "Two" is [33,49)
 *   Gamma delta. [37,49)
 *
 * and the introductory section "Title" is [0,17). */
#define DOCUMENT "# Title\n\nLead para.\n\n## One\n\nAlpha beta.\n\n## Two\n\nGamma delta.\n"

/* The default perspectives, in order. */
enum { ARM, AZE, WES, RUS, N_PERSPECTIVES };

static const struct {
  guint       start;
  guint       end;
  guint       perspective;
  const char *themes[3];
} passages[] = {
  { 0, 10, ARM, { "war", "history" } },  /* document index 0 */
  { 6, 16, ARM, { "war" } },             /* 1: overlaps the one above */
  { 21, 26, ARM, { NULL } },             /* 3: no theme */
  { 8, 20, AZE, { "war" } },             /* 2: crosses into "One" */
  { 37, 42, AZE, { "oil" } },            /* 5 */
  { 24, 30, WES, { "oil", "history" } }, /* 4 */
  { 40, 49, RUS, { "oil" } },            /* 6 */
};

typedef struct {
  char              *dir;
  char              *path;
  PlxProject        *project;
  PlxDocument       *document;
  PlxAnnotationList *annotations;
  gint64             ids[N_PERSPECTIVES];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *perspectives;

  fixture->dir = plx_test_make_tempdir ();
  fixture->path = g_build_filename (fixture->dir, "stats.parallax", NULL);
  fixture->project = plx_project_create (fixture->path, &error);
  g_assert_no_error (error);

  perspectives = plx_project_get_perspectives (fixture->project);
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, N_PERSPECTIVES);
  for (guint p = 0; p < N_PERSPECTIVES; p++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, p);
      fixture->ids[p] = plx_perspective_get_id (perspective);
    }

  fixture->document = plx_document_new_from_data (DOCUMENT, strlen (DOCUMENT),
                                                  PLX_DOCUMENT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, fixture->document, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    {
      g_autoptr(PlxAnnotation) annotation =
        plx_annotation_new_for_range (fixture->document, passages[i].start, passages[i].end,
                                      fixture->ids[passages[i].perspective], &error);

      g_assert_no_error (error);
      plx_annotation_set_themes (annotation, passages[i].themes);
      plx_annotation_set_note (annotation, "a note");
      g_assert_true (plx_project_add_annotation (fixture->project, annotation, &error));
      g_assert_no_error (error);
    }

  fixture->annotations = plx_annotation_list_new (fixture->project, plx_document_get_id (fixture->document), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->annotations);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static PlxStatistics *
compute (Fixture *fixture)
{
  return plx_statistics_new (fixture->document, plx_project_get_perspectives (fixture->project),
                             G_LIST_MODEL (fixture->annotations));
}

static void
test_statistics_layout (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *one = plx_document_dup_range (fixture->document, 17, 20);
  g_autofree char *gamma = plx_document_dup_range (fixture->document, 37, 42);
  g_autoptr(PlxStatistics) stats = compute (fixture);
  guint start, end;

  /* The offsets the hand counts rely on. */
  g_assert_cmpuint (plx_document_get_length (fixture->document), ==, 49);
  g_assert_cmpstr (one, ==, "One");
  g_assert_cmpstr (gamma, ==, "Gamma");

  g_assert_cmpuint (plx_statistics_get_n_sections (stats), ==, 3);
  g_assert_cmpstr (plx_statistics_get_section_title (stats, 0), ==, "Title");
  plx_statistics_get_section_range (stats, 0, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 17);
  g_assert_cmpstr (plx_statistics_get_section_title (stats, 1), ==, "One");
  plx_statistics_get_section_range (stats, 1, &start, &end);
  g_assert_cmpuint (start, ==, 17);
  g_assert_cmpuint (end, ==, 33);
  g_assert_cmpstr (plx_statistics_get_section_title (stats, 2), ==, "Two");
  plx_statistics_get_section_range (stats, 2, &start, &end);
  g_assert_cmpuint (start, ==, 33);
  g_assert_cmpuint (end, ==, 49);
}

static void
test_statistics_perspectives (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PlxStatistics) stats = compute (fixture);
  const guint *untagged;
  guint n;

  g_assert_cmpuint (plx_statistics_get_length (stats), ==, 49);
  g_assert_cmpuint (plx_statistics_get_n_passages (stats), ==, 7);
  g_assert_cmpuint (plx_statistics_get_n_perspectives (stats), ==, 4);
  g_assert_cmpint (plx_statistics_find_perspective (stats, fixture->ids[RUS]), ==, RUS);

  /* Armenian [0,10) ∪ [6,16) ∪ [21,26) = [0,16) + [21,26): 16 + 5. */
  g_assert_cmpuint (plx_statistics_get_passages (stats, ARM), ==, 3);
  g_assert_cmpuint (plx_statistics_get_characters (stats, ARM), ==, 21);
  g_assert_cmpfloat_with_epsilon (plx_statistics_get_share (stats, ARM), 21.0 / 49, 1e-9);
  /* Azerbaijani [8,20) + [37,42): 12 + 5. */
  g_assert_cmpuint (plx_statistics_get_passages (stats, AZE), ==, 2);
  g_assert_cmpuint (plx_statistics_get_characters (stats, AZE), ==, 17);
  g_assert_cmpuint (plx_statistics_get_passages (stats, WES), ==, 1);
  g_assert_cmpuint (plx_statistics_get_characters (stats, WES), ==, 6);
  g_assert_cmpuint (plx_statistics_get_passages (stats, RUS), ==, 1);
  g_assert_cmpuint (plx_statistics_get_characters (stats, RUS), ==, 9);

  /* Any perspective: [0,20) + [21,30) + [37,49) = 20 + 9 + 12. Two or more:
   * Arm∩Aze [8,16) 8, Arm∩Wes [24,26) 2, Aze∩Rus [40,42) 2. */
  g_assert_cmpuint (plx_statistics_get_covered (stats), ==, 41);
  g_assert_cmpuint (plx_statistics_get_contested (stats), ==, 12);

  /* Every passage here touches another perspective's. */
  g_assert_cmpuint (plx_statistics_get_overlapping (stats, ARM), ==, 3);
  g_assert_cmpuint (plx_statistics_get_overlapping (stats, AZE), ==, 2);
  g_assert_cmpuint (plx_statistics_get_overlapping (stats, WES), ==, 1);
  g_assert_cmpuint (plx_statistics_get_overlapping (stats, RUS), ==, 1);

  untagged = plx_statistics_get_untagged (stats, ARM, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (plx_annotation_get_start (plx_statistics_get_annotation (stats, untagged[0])), ==, 21);
  plx_statistics_get_untagged (stats, AZE, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
assert_cell (PlxStatistics *stats,
             const char    *theme,
             guint          perspective,
             const guint   *starts,
             guint          n_starts)
{
  int t = plx_statistics_find_theme (stats, theme);
  const guint *cell;
  guint n;

  g_assert_cmpint (t, >=, 0);
  cell = plx_statistics_get_cell (stats, (guint) t, perspective, &n);
  g_assert_cmpuint (n, ==, n_starts);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (plx_annotation_get_start (plx_statistics_get_annotation (stats, cell[i])), ==, starts[i]);
}

static void
test_statistics_themes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PlxStatistics) stats = compute (fixture);

  g_assert_cmpuint (plx_statistics_get_n_themes (stats), ==, 3);
  g_assert_cmpstr (plx_statistics_get_theme (stats, 0), ==, "history");
  g_assert_cmpstr (plx_statistics_get_theme (stats, 1), ==, "oil");
  g_assert_cmpstr (plx_statistics_get_theme (stats, 2), ==, "war");

  /* history: Armenian 1, Western 1: a tie. */
  assert_cell (stats, "history", ARM, (guint[]) { 0 }, 1);
  assert_cell (stats, "history", WES, (guint[]) { 24 }, 1);
  assert_cell (stats, "history", AZE, NULL, 0);
  g_assert_cmpuint (plx_statistics_get_theme_total (stats, 0), ==, 2);
  g_assert_cmpfloat_with_epsilon (plx_statistics_get_theme_dominance (stats, 0), 0.5, 1e-9);
  g_assert_cmpint (plx_statistics_get_theme_dominant (stats, 0), ==, -1);

  /* oil: one each for Azerbaijani, Western and Russian. */
  assert_cell (stats, "oil", AZE, (guint[]) { 37 }, 1);
  assert_cell (stats, "oil", WES, (guint[]) { 24 }, 1);
  assert_cell (stats, "oil", RUS, (guint[]) { 40 }, 1);
  g_assert_cmpuint (plx_statistics_get_theme_total (stats, 1), ==, 3);
  g_assert_cmpfloat_with_epsilon (plx_statistics_get_theme_dominance (stats, 1), 1.0 / 3, 1e-9);
  g_assert_cmpint (plx_statistics_get_theme_dominant (stats, 1), ==, -1);

  /* war: Armenian 2 (document order), Azerbaijani 1: Armenian dominates. */
  assert_cell (stats, "war", ARM, (guint[]) { 0, 6 }, 2);
  assert_cell (stats, "war", AZE, (guint[]) { 8 }, 1);
  g_assert_cmpuint (plx_statistics_get_theme_total (stats, 2), ==, 3);
  g_assert_cmpfloat_with_epsilon (plx_statistics_get_theme_dominance (stats, 2), 2.0 / 3, 1e-9);
  g_assert_cmpint (plx_statistics_get_theme_dominant (stats, 2), ==, ARM);
  g_assert_cmpint (plx_statistics_find_theme (stats, "peace"), ==, -1);
}

static void
test_statistics_sections (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PlxStatistics) stats = compute (fixture);
  /* Characters, by hand: Armenian [0,16) in the intro, [21,26) in One;
   * Azerbaijani [8,17) intro, [17,20) One, [37,42) Two; Western [24,30);
   * Russian [40,49). */
  static const guint characters[3][N_PERSPECTIVES] = {
    { 16, 9, 0, 0 },
    { 5, 3, 6, 0 },
    { 0, 5, 0, 9 },
  };
  /* Passages count in every section they touch: [8,20) is in two. */
  static const guint counts[3][N_PERSPECTIVES] = {
    { 2, 1, 0, 0 },
    { 1, 1, 1, 0 },
    { 0, 1, 0, 1 },
  };

  for (guint s = 0; s < 3; s++)
    for (guint p = 0; p < N_PERSPECTIVES; p++)
      {
        g_assert_cmpuint (plx_statistics_get_section_characters (stats, s, p), ==, characters[s][p]);
        g_assert_cmpuint (plx_statistics_get_section_passages (stats, s, p), ==, counts[s][p]);
      }
  g_assert_cmpfloat_with_epsilon (plx_statistics_get_section_share (stats, 0, ARM), 16.0 / 17, 1e-9);
  g_assert_cmpfloat_with_epsilon (plx_statistics_get_section_share (stats, 2, RUS), 9.0 / 16, 1e-9);
}

static void
test_statistics_cooccurrence (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PlxStatistics) stats = compute (fixture);
  /* Characters covered by both; the diagonal is each one's coverage. */
  static const guint characters[N_PERSPECTIVES][N_PERSPECTIVES] = {
    { 21, 8, 2, 0 },
    { 8, 17, 0, 2 },
    { 2, 0, 6, 0 },
    { 0, 2, 0, 9 },
  };
  /* Row's passages touching the column's: Armenian [0,10) and [6,16)
   * touch Azerbaijani [8,20); Armenian [21,26) touches Western [24,30);
   * Azerbaijani [37,42) touches Russian [40,49). */
  static const guint pairs[N_PERSPECTIVES][N_PERSPECTIVES] = {
    { 3, 2, 1, 0 },
    { 1, 2, 0, 1 },
    { 1, 0, 1, 0 },
    { 0, 1, 0, 1 },
  };

  for (guint p = 0; p < N_PERSPECTIVES; p++)
    for (guint q = 0; q < N_PERSPECTIVES; q++)
      {
        g_assert_cmpuint (plx_statistics_get_cooccurrence (stats, p, q), ==, characters[p][q]);
        g_assert_cmpuint (plx_statistics_get_cooccurrence_passages (stats, p, q), ==, pairs[p][q]);
      }
}

static void
test_statistics_follows_changes (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(PlxStatistics) before = compute (fixture);
  g_autoptr(PlxStatistics) after = NULL;
  g_autoptr(PlxDocument) other = NULL;
  g_autoptr(PlxAnnotation) elsewhere = NULL;
  guint n;

  /* A Russian passage inside Armenian text: Russian gains 4 characters
   * and contested grows by them; [2,6) adds no character to "covered". */
  annotation = plx_annotation_new_for_range (fixture->document, 2, 6, fixture->ids[RUS], &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_no_error (error);

  /* One in another document must not count. */
  other = plx_document_new_from_data ("Other text here.", 16, PLX_DOCUMENT_FORMAT_PLAIN, "Other", &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, other, &error));
  elsewhere = plx_annotation_new_for_range (other, 0, 5, fixture->ids[RUS], &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_annotation (fixture->project, elsewhere, &error));
  g_assert_no_error (error);

  after = compute (fixture);
  g_assert_cmpuint (plx_statistics_get_passages (before, RUS), ==, 1);
  g_assert_cmpuint (plx_statistics_get_passages (after, RUS), ==, 2);
  g_assert_cmpuint (plx_statistics_get_characters (after, RUS), ==, 13);
  g_assert_cmpuint (plx_statistics_get_covered (after), ==, 41);
  g_assert_cmpuint (plx_statistics_get_contested (after), ==, 16);
  g_assert_cmpuint (plx_statistics_get_cooccurrence (after, ARM, RUS), ==, 4);
  /* [6,16) ends where [2,6) does not reach: only [0,10) touches it. */
  g_assert_cmpuint (plx_statistics_get_cooccurrence_passages (after, ARM, RUS), ==, 1);
  plx_statistics_get_untagged (after, RUS, &n);
  g_assert_cmpuint (n, ==, 1);
}

static void
test_statistics_no_headings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) document =
    plx_document_new_from_data ("Just one line.", 14, PLX_DOCUMENT_FORMAT_PLAIN, "Plain", &error);
  g_autoptr(GListStore) perspectives = g_list_store_new (PLX_TYPE_PERSPECTIVE);
  g_autoptr(GListStore) annotations = g_list_store_new (PLX_TYPE_ANNOTATION);
  g_autoptr(PlxPerspective) perspective = plx_perspective_new (7, "Only", "#112233", 0);
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(PlxStatistics) stats = NULL;

  g_assert_no_error (error);
  g_list_store_append (perspectives, perspective);
  annotation = plx_annotation_new_for_range (document, 5, 8, 7, &error);
  g_assert_no_error (error);
  g_list_store_append (annotations, annotation);
  /* An unknown perspective is left out. */
  g_clear_object (&annotation);
  annotation = plx_annotation_new_for_range (document, 0, 4, 99, &error);
  g_list_store_append (annotations, annotation);

  stats = plx_statistics_new (document, G_LIST_MODEL (perspectives), G_LIST_MODEL (annotations));
  g_assert_cmpuint (plx_statistics_get_n_passages (stats), ==, 1);
  g_assert_cmpuint (plx_statistics_get_n_sections (stats), ==, 1);
  g_assert_cmpstr (plx_statistics_get_section_title (stats, 0), ==, "Plain");
  g_assert_cmpuint (plx_statistics_get_section_characters (stats, 0, 0), ==, 3);
  g_assert_cmpuint (plx_statistics_get_n_themes (stats), ==, 0);
  g_assert_cmpuint (plx_statistics_get_overlapping (stats, 0), ==, 0);
  g_assert_cmpuint (plx_statistics_get_cooccurrence (stats, 0, 0), ==, 3);
}

static void
test_statistics_csv (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxStatistics) stats = NULL;
  g_autofree char *perspectives = NULL;
  g_autofree char *themes = NULL;
  g_autofree char *sections = NULL;
  g_autofree char *cooccurrence = NULL;
  g_autofree char *saved_path = g_build_filename (fixture->dir, "themes.csv", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autofree char *contents = NULL;
  PlxStatisticsTable table;

  /* A name needing RFC 4180 quoting. */
  g_assert_true (plx_project_rename_perspective (fixture->project, fixture->ids[WES], "West, \"Old\"", &error));
  g_assert_no_error (error);
  stats = compute (fixture);

  perspectives = plx_statistics_to_csv (stats, PLX_STATISTICS_TABLE_PERSPECTIVES);
  g_assert_cmpstr (perspectives, ==,
                   "perspective,color,passages,characters,share,overlapping,untagged\r\n"
                   "Armenian,#E69F00,3,21,0.4286,3,1\r\n"
                   "Azerbaijani,#0072B2,2,17,0.3469,2,0\r\n"
                   "\"West, \"\"Old\"\"\",#009E73,1,6,0.1224,1,0\r\n"
                   "Russian,#CC79A7,1,9,0.1837,1,0\r\n");

  themes = plx_statistics_to_csv (stats, PLX_STATISTICS_TABLE_THEMES);
  g_assert_cmpstr (themes, ==,
                   "theme,total,dominance,dominant,Armenian,Azerbaijani,\"West, \"\"Old\"\"\",Russian\r\n"
                   "history,2,0.5000,,1,0,1,0\r\n"
                   "oil,3,0.3333,,0,1,1,1\r\n"
                   "war,3,0.6667,Armenian,2,1,0,0\r\n"
                   /* The passage without a theme (issue 18). */
                   ",1,1.0000,Armenian,1,0,0,0\r\n");

  sections = plx_statistics_to_csv (stats, PLX_STATISTICS_TABLE_SECTIONS);
  g_assert_true (g_str_has_prefix (sections, "section,start,end,Armenian characters,Armenian passages,"));
  g_assert_nonnull (strstr (sections, "\r\nTitle,0,17,16,2,9,1,0,0,0,0\r\n"));
  g_assert_nonnull (strstr (sections, "\r\nTwo,33,49,0,0,5,1,0,0,9,1\r\n"));

  cooccurrence = plx_statistics_to_csv (stats, PLX_STATISTICS_TABLE_COOCCURRENCE);
  g_assert_nonnull (strstr (cooccurrence, "\r\nArmenian,21,8,2,0\r\n"));

  g_assert_true (plx_statistics_save_csv (stats, PLX_STATISTICS_TABLE_THEMES, saved, NULL, &error));
  g_assert_no_error (error);
  contents = plx_test_read_file (saved_path, NULL);
  g_assert_cmpstr (contents, ==, themes);

  g_assert_true (plx_statistics_table_from_string ("sections", &table));
  g_assert_cmpint (table, ==, PLX_STATISTICS_TABLE_SECTIONS);
  g_assert_false (plx_statistics_table_from_string ("bogus", &table));
}

/* The CPU time of this thread: a busy build machine stretches wall-clock
 * time with waits that are not ours to measure. */
static double
thread_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* 20,000 passages over a 4.4 MB text must compute well under 100 ms. */
static void
test_statistics_speed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autofree char *essay = plx_test_read_file (essay_path, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GListStore) perspectives = g_list_store_new (PLX_TYPE_PERSPECTIVE);
  g_autoptr(GListStore) annotations = g_list_store_new (PLX_TYPE_ANNOTATION);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  const char *theme_names[] = { "war", "oil", "history", "peace", "refugees", "treaty", "religion", "borders" };
  GRand *rand = g_rand_new_with_seed (4);
  double best = G_MAXDOUBLE;
  guint length;

  while (text->len < 4400 * 1000)
    g_string_append (text, essay);
  document = plx_document_new_from_data (text->str, text->len, PLX_DOCUMENT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_no_error (error);
  length = plx_document_get_length (document);

  for (guint p = 0; p < 6; p++)
    {
      g_autoptr(PlxPerspective) perspective = plx_perspective_new (p + 1, "P", "#808080", (int) p);
      g_list_store_append (perspectives, perspective);
    }
  for (guint i = 0; i < 20000; i++)
    {
      guint start = (guint) g_rand_int_range (rand, 0, (gint32) length - 400);
      guint end = start + (guint) g_rand_int_range (rand, 1, 400);
      PlxAnnotation *annotation = plx_annotation_new_for_range (document, start, end,
                                                                 g_rand_int_range (rand, 1, 7), &error);
      const char *themes[3] = { theme_names[g_rand_int_range (rand, 0, 8)],
                                theme_names[g_rand_int_range (rand, 0, 8)], NULL };

      g_assert_no_error (error);
      plx_annotation_set_themes (annotation, themes);
      g_ptr_array_add (batch, annotation);
    }
  g_list_store_splice (annotations, 0, 0, batch->pdata, batch->len);

  for (guint run = 0; run < 3; run++)
    {
      gint64 begin = g_get_monotonic_time ();
      double cpu_begin = thread_ms ();
      g_autoptr(PlxStatistics) stats = plx_statistics_new (document, G_LIST_MODEL (perspectives),
                                                           G_LIST_MODEL (annotations));
      double cpu = thread_ms () - cpu_begin;

      g_test_message ("run %u: %.1f ms CPU, %.1f ms wall", run, cpu, (g_get_monotonic_time () - begin) / 1000.0);
      best = MIN (best, cpu);
      g_assert_cmpuint (plx_statistics_get_n_passages (stats), ==, 20000);
      g_assert_cmpuint (plx_statistics_get_n_themes (stats), ==, 8);
      g_assert_cmpuint (plx_statistics_get_covered (stats), <=, length);
    }
  g_test_message ("statistics of 20000 passages on %u characters: %.1f ms CPU at best", length, best);
  g_assert_cmpfloat (best, <, 100.0);
  g_rand_free (rand);
}

/* The CLI */

static char *
run_cli (int          expected_status,
         const char  *first,
         ...)
{
  g_autofree char *err = NULL;
  va_list rest;
  char *out;
  int status;

  va_start (rest, first);
  out = plx_test_run_cli_valist (&status, &err, first, rest);
  va_end (rest);
  if (status != expected_status)
    g_error ("exit status %d, expected %d; stderr: %s", status, expected_status, err);
  return out;
}

static JsonObject *
member_in_array (JsonArray  *array,
                 const char *key,
                 const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, key), value) == 0)
        return object;
    }
  g_error ("no %s = %s", key, value);
  return NULL;
}

/* The JSON the CLI and reports write is built by the core itself, so
 * -Dgui=false covers it; the same hand counts as the CLI's test. */
static void
test_statistics_json (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PlxStatistics) stats = compute (fixture);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *row, *top;

  plx_statistics_build_json (stats, builder);
  root = json_builder_get_root (builder);
  top = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (top, "document"), ==, plx_document_get_id (fixture->document));
  g_assert_cmpint (json_object_get_int_member (top, "passages"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (top, "covered"), ==, 41);
  g_assert_cmpint (json_object_get_int_member (top, "contested"), ==, 12);
  object = member_in_array (json_object_get_array_member (top, "perspectives"), "name", "Armenian");
  g_assert_cmpint (json_object_get_int_member (object, "characters"), ==, 21);
  g_assert_cmpint (json_object_get_int_member (object, "untagged"), ==, 1);
  object = member_in_array (json_object_get_array_member (top, "themes"), "theme", "war");
  g_assert_cmpstr (json_object_get_string_member (object, "dominant"), ==, "Armenian");
  row = json_object_get_object_member (json_object_get_object_member (top, "cooccurrence"), "Azerbaijani");
  g_assert_cmpint (json_object_get_int_member (row, "Armenian"), ==, 8);
}

static void
test_cli_json (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *document_id = g_strdup_printf ("%" G_GINT64_FORMAT, plx_document_get_id (fixture->document));
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *stats, *object, *row;
  JsonArray *documents;

  out = run_cli (0, "stats", fixture->path, "--document", document_id, "--format", "json", NULL);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  documents = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 1);
  stats = json_array_get_object_element (documents, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "length"), ==, 49);
  g_assert_cmpint (json_object_get_int_member (stats, "passages"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (stats, "covered"), ==, 41);
  g_assert_cmpint (json_object_get_int_member (stats, "contested"), ==, 12);

  object = member_in_array (json_object_get_array_member (stats, "perspectives"), "name", "Armenian");
  g_assert_cmpint (json_object_get_int_member (object, "passages"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "characters"), ==, 21);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "share"), 21.0 / 49, 1e-9);
  g_assert_cmpint (json_object_get_int_member (object, "untagged"), ==, 1);

  object = member_in_array (json_object_get_array_member (stats, "themes"), "theme", "war");
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "dominant"), ==, "Armenian");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "passages"), "Azerbaijani"), ==, 1);
  object = member_in_array (json_object_get_array_member (stats, "themes"), "theme", "oil");
  g_assert_true (json_object_get_null_member (object, "dominant"));

  object = member_in_array (json_object_get_array_member (stats, "sections"), "title", "One");
  row = json_object_get_object_member (json_object_get_object_member (object, "perspectives"), "Western");
  g_assert_cmpint (json_object_get_int_member (row, "characters"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (row, "passages"), ==, 1);

  row = json_object_get_object_member (json_object_get_object_member (stats, "cooccurrence"), "Azerbaijani");
  g_assert_cmpint (json_object_get_int_member (row, "Armenian"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (row, "Russian"), ==, 2);
  row = json_object_get_object_member (json_object_get_object_member (stats, "cooccurrence_passages"), "Armenian");
  g_assert_cmpint (json_object_get_int_member (row, "Azerbaijani"), ==, 2);

  /* Without --document, every document (just the one here); json is the default. */
  g_clear_pointer (&out, g_free);
  out = run_cli (0, "stats", fixture->path, NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  documents = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 1);
}

static void
test_cli_tsv (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *out = run_cli (0, "stats", fixture->path, "--format", "tsv", NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *current = NULL;
  GPtrArray *rows;
  char **cells;

  g_assert_true (g_str_has_prefix (lines[0], "# document\t"));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "# "))
        {
          current = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          g_hash_table_insert (tables, g_strdup (lines[i] + 2), current);
        }
      else if (*lines[i] != '\0')
        {
          g_assert_nonnull (current);
          g_ptr_array_add (current, g_strsplit (lines[i], "\t", -1));
        }
    }
  /* The statistics' tables, and the themes at both levels of the
   * codebook (issue 20). */
  g_assert_cmpuint (g_hash_table_size (tables), ==, PLX_STATISTICS_N_TABLES + 1);
  rows = g_hash_table_lookup (tables, "theme-tree");
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 4);

  rows = g_hash_table_lookup (tables, "perspectives");
  g_assert_cmpuint (rows->len, ==, 5);
  cells = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (cells[0], ==, "Azerbaijani");
  g_assert_cmpstr (cells[2], ==, "2");
  g_assert_cmpstr (cells[3], ==, "17");
  g_assert_cmpstr (cells[4], ==, "0.3469");

  /* Three themes and the passages without one (issue 18). */
  rows = g_hash_table_lookup (tables, "themes");
  g_assert_cmpuint (rows->len, ==, 5);
  cells = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (cells[0], ==, "war");
  g_assert_cmpstr (cells[3], ==, "Armenian");
  cells = g_ptr_array_index (rows, 4);
  g_assert_cmpstr (cells[0], ==, "");
  g_assert_cmpstr (cells[1], ==, "1");
  g_assert_cmpstr (cells[3], ==, "Armenian");

  rows = g_hash_table_lookup (tables, "sections");
  g_assert_cmpuint (rows->len, ==, 4);
  cells = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (cells[0], ==, "Title");
  g_assert_cmpstr (cells[3], ==, "16");

  rows = g_hash_table_lookup (tables, "cooccurrence-passages");
  cells = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (cells[0], ==, "Azerbaijani");
  g_assert_cmpstr (cells[4], ==, "1");
}

static void
test_cli_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.parallax", NULL);

  g_free (run_cli (2, "stats", fixture->path, "--format", "xml", NULL));
  g_free (run_cli (2, "stats", fixture->path, "--document", "zero", NULL));
  g_free (run_cli (2, "stats", NULL));
  g_free (run_cli (2, "stats", fixture->path, "extra", NULL));
  g_free (run_cli (1, "stats", fixture->path, "--document", "999", NULL));
  g_free (run_cli (1, "stats", missing, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/statistics/layout", test_statistics_layout);
  ADD ("/statistics/perspectives", test_statistics_perspectives);
  ADD ("/statistics/themes", test_statistics_themes);
  ADD ("/statistics/sections", test_statistics_sections);
  ADD ("/statistics/cooccurrence", test_statistics_cooccurrence);
  ADD ("/statistics/follows-changes", test_statistics_follows_changes);
  ADD ("/statistics/csv", test_statistics_csv);
  ADD ("/statistics/cli/json", test_cli_json);
  ADD ("/statistics/cli/tsv", test_cli_tsv);
  ADD ("/statistics/cli/errors", test_cli_errors);
  ADD ("/statistics/json", test_statistics_json);
#undef ADD
  g_test_add_func ("/statistics/no-headings", test_statistics_no_headings);
  g_test_add_func ("/statistics/speed", test_statistics_speed);
  return g_test_run ();
}
