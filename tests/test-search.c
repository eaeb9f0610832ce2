/* test-search.c: search across documents: folding (case, diacritics,
 * Armenian, Cyrillic, Azerbaijani's two scripts), the query language,
 * equivalences, exact offsets, the index following documents, search and
 * code as one undoable step, and the CLI. The migration from version 5 is
 * in test-sqlite-store.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "plx-project-fixture.h"

static void
assert_folds (const char *text,
              const char *expected)
{
  g_autofree char *folded = plx_search_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold (void)
{
  /* Latin: case and diacritics. */
  assert_folds ("Qarabağ", "qarabag");
  assert_folds ("QARABAĞ", "qarabag");
  assert_folds ("Azərbaycan Respublikası", "azerbaycan respublikasi");
  assert_folds ("İsmayıllı ŞUŞA Çöl Üzüm", "ismayilli susa col uzum");
  assert_folds ("Café crème straße", "cafe creme strasse");
  /* Azerbaijani Cyrillic is read as its Latin. */
  assert_folds ("Гарабағ", "qarabag");
  assert_folds ("ГАРАБАҒ", "qarabag");
  assert_folds ("Азәрбајҹан", "azerbaycan");
  assert_folds ("Шуша", "susa");
  /* Russian: case, ё as е, the letters Azerbaijani lacks. */
  assert_folds ("Карабах КАРАБАХ", "karabax karabax");
  assert_folds ("Ёлка елка", "elka elka");
  assert_folds ("Миротворцы", "mirotvortsi");
  assert_folds ("Российская Федерация", "rossiyskaya federatsiya");
  /* Armenian: case, the ligature և, the marks inside a word. */
  assert_folds ("ԱՐՑԱԽ Արցախ", "արցախ արցախ");
  assert_folds ("Երևան", "երեւան");
  assert_folds ("Երեւան", "երեւան");
  assert_folds ("ինչո՞ւ", "ինչու");
  assert_folds ("Հայաստանի Հանրապետություն", "հայաստանի հանրապետություն");
  /* A combining mark is dropped with its base kept; punctuation splits. */
  assert_folds ("q\xcc\x87 and a\xcc\x8a", "q and a");
  assert_folds ("Nagorno-Karabakh’s", "nagorno karabakh s");
  assert_folds ("— … 🕊️", "");
  /* Folding twice changes nothing: queries are folded words. */
  {
    g_autofree char *once = plx_search_fold ("Гарабағ ԱՐՑԱԽ Ёлка İsmayıllı ﬁne");
    g_autofree char *twice = plx_search_fold (once);
    g_assert_cmpstr (once, ==, twice);
  }
}

static void
test_transliterate (void)
{
  struct { const char *latin; const char *cyrillic; } pairs[] = {
    { "Qarabağ", "Гарабағ" },
    { "Azərbaycan", "Азәрбајҹан" },
    { "Şuşa", "Шуша" },
    { "Xankəndi", "Ханкәнди" },
    { "İlham", "Илһам" },
    { "Ağdam çölü", "Ағдам чөлү" },
    { "Laçın", "Лачын" },
    { "Gəncə", "Ҝәнҹә" },
    { "QARABAĞ", "ГАРАБАҒ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *cyrillic = plx_search_az_to_cyrillic (pairs[i].latin);
      g_autofree char *latin = plx_search_az_to_latin (pairs[i].cyrillic);
      g_autofree char *a = plx_search_fold (pairs[i].latin);
      g_autofree char *b = plx_search_fold (pairs[i].cyrillic);

      g_assert_cmpstr (cyrillic, ==, pairs[i].cyrillic);
      g_assert_cmpstr (latin, ==, pairs[i].latin);
      /* Search takes the two for one word. */
      g_assert_cmpstr (a, ==, b);
    }
  /* Other scripts pass through. */
  {
    g_autofree char *same = plx_search_az_to_latin ("Արցախ 2020");
    g_assert_cmpstr (same, ==, "Արցախ 2020");
  }
}

static void
test_query_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxSearchQuery) query = NULL;
  g_autofree char *described = NULL;
  struct { const char *text; const char *column; } bad[] = {
    { "peace \"talks", "column 7" },
    { "OR peace", "column 1" },
    { "peace OR", "column 7" },
    { "peace OR OR talks", "column 10" },
    { "a \"—\" b", "column 3" },
  };

  query = plx_search_query_parse ("Peace  \"Minsk Group\" Karabağ* OR Арцах Nagorno-Karabakh", NULL, &error);
  g_assert_no_error (error);
  described = plx_search_query_describe (query);
  g_assert_cmpstr (described, ==, "peace \"minsk group\" (karabag* | artsax) \"nagorno karabakh\"");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PlxSearchQuery) refused = plx_search_query_parse (bad[i].text, NULL, &error);

      g_assert_null (refused);
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, bad[i].column));
      g_clear_error (&error);
    }
  g_assert_null (plx_search_query_parse ("  — & ", NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
}

static void
test_query_widen (void)
{
  g_autoptr(GPtrArray) groups = plx_search_default_equivalences ();
  g_autoptr(GError) error = NULL;
  struct { const char *text; const char *expected; } cases[] = {
    { "Artsakh", "(artsakh | \"nagorno karabakh\" | karabakh | karabagh | qarabag* | karabax* | artsax* | ղարաբաղ* | արցախ*)" },
    /* An inflected form falls under a prefix term. */
    { "Карабахе", "(karabaxe | \"nagorno karabakh\" | karabakh | karabagh | artsakh | qarabag* | karabax* | artsax* | ղարաբաղ* | արցախ*)" },
    { "peacekeepers", "(peacekeepers | peacekeep* | mirotvor* | sulhmeramli* | խաղաղապահ*)" },
    { "mediation", "mediation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlxSearchQuery) query = plx_search_query_parse (cases[i].text, groups, &error);
      g_autofree char *described = NULL;

      g_assert_no_error (error);
      described = plx_search_query_describe (query);
      g_assert_cmpstr (described, ==, cases[i].expected);
    }
}

#define CORPUS_A \
  "The peacekeepers entered Nagorno-Karabakh in November.\n\n" \
  "Artsakh, as Armenians call it, and Qarabağ, as Azerbaijanis do.\n"
#define CORPUS_B \
  "Миротворцы вошли в Карабах. В Нагорном Карабахе тихо.\n" \
  "Гарабағ — so the name was written in Azerbaijani Cyrillic.\n"
#define CORPUS_C \
  "Sülhməramlılar Qarabağda. Արցախում խաղաղապահները. Café crème, ԱՐՑԱԽ.\n"

static GPtrArray *
search (PlxProject *project,
        const char *text,
        gint64      document_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = plx_search_run (project, text, document_id, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* Each hit's offsets cut exactly its match out of the document's text,
 * the text annotations are anchored in. */
static void
assert_offsets_exact (PlxProject *project,
                      GPtrArray  *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      PlxSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlxDocument) document = plx_project_load_document (project, plx_search_hit_get_document_id (hit),
                                                                   &error);
      g_autofree char *range = NULL;
      g_autofree char *before = NULL;

      g_assert_no_error (error);
      range = plx_document_dup_range (document, plx_search_hit_get_start (hit), plx_search_hit_get_end (hit));
      g_assert_cmpstr (range, ==, plx_search_hit_get_match (hit));
      /* The left context ends where the hit starts. */
      before = plx_document_dup_range (document,
                                       plx_search_hit_get_start (hit) -
                                       (guint) g_utf8_strlen (plx_search_hit_get_left (hit), -1),
                                       plx_search_hit_get_start (hit));
      g_strdelimit (before, "\n\t\r", ' ');
      g_assert_cmpstr (before, ==, plx_search_hit_get_left (hit));
    }
}

static char *
matches (GPtrArray *hits)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", plx_search_hit_get_match (g_ptr_array_index (hits, i)));
  return g_string_free (out, FALSE);
}

static void
assert_matches (PlxProject *project,
                const char *text,
                const char *expected)
{
  g_autoptr(GPtrArray) hits = search (project, text, 0);
  g_autofree char *found = matches (hits);

  g_assert_cmpstr (found, ==, expected);
  assert_offsets_exact (project, hits);
}

static void
test_search_corpus (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PlxDocument) a = add_text (fixture->project, CORPUS_A, "A");
  g_autoptr(PlxDocument) b = add_text (fixture->project, CORPUS_B, "B");
  g_autoptr(PlxDocument) c = add_text (fixture->project, CORPUS_C, "C");
  g_autoptr(GPtrArray) hits = NULL;

  /* The essay's names, in four languages and two scripts, are one. */
  assert_matches (fixture->project, "Karabakh",
                  "Nagorno-Karabakh|Artsakh|Qarabağ|Карабах|Карабахе|Гарабағ|Qarabağda|Արցախում|ԱՐՑԱԽ");
  assert_matches (fixture->project, "Гарабағ",
                  "Nagorno-Karabakh|Artsakh|Qarabağ|Карабах|Карабахе|Гарабағ|Qarabağda|Արցախում|ԱՐՑԱԽ");
  assert_matches (fixture->project, "peacekeepers", "peacekeepers|Миротворцы|Sülhməramlılar|խաղաղապահները");
  /* Case and diacritics. */
  assert_matches (fixture->project, "CAFE CREME", "Café|crème");
  assert_matches (fixture->project, "\"cafe creme\"", "Café crème");
  assert_matches (fixture->project, "\"creme cafe\"", "");
  /* Prefixes and OR. */
  assert_matches (fixture->project, "azerbaij*", "Azerbaijanis|Azerbaijani");
  assert_matches (fixture->project, "November OR тихо", "November|тихо");
  /* Every word of a query in one piece of a document (these are short:
   * the whole document). */
  assert_matches (fixture->project, "peacekeepers November", "peacekeepers|November");
  assert_matches (fixture->project, "November тихо", "");

  /* One document only; grouped in document order with titles. */
  hits = search (fixture->project, "Karabakh", plx_document_get_id (b));
  g_assert_cmpuint (hits->len, ==, 3);
  for (guint i = 0; i < hits->len; i++)
    {
      g_assert_cmpint (plx_search_hit_get_document_id (g_ptr_array_index (hits, i)), ==, plx_document_get_id (b));
      g_assert_cmpstr (plx_search_hit_get_document_title (g_ptr_array_index (hits, i)), ==, "B");
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The limit. */
  {
    g_autoptr(GError) error = NULL;
    gboolean truncated = FALSE;

    hits = plx_search_run (fixture->project, "Karabakh", 0, 4, &truncated, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 4);
    g_assert_true (truncated);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = plx_search_run (fixture->project, "Karabakh", 0, 9, &truncated, &error);
    g_assert_cmpuint (hits->len, ==, 9);
    g_assert_false (truncated);
  }
  (void) c;
}

/* Offsets stay exact past characters outside the Basic Multilingual Plane
 * and in pieces far into a long document. */
static void
test_search_offsets (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (MULTILINGUAL);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Line %u 🕊️ of the long text, Ереван %s\n%s", i, i % 7 == 0 ? "Qarabağ" : "",
                            i % 13 == 0 ? "\n" : "");
  document = add_text (fixture->project, text->str, "Long");
  hits = search (fixture->project, "Qarabağ", 0);
  g_assert_cmpuint (hits->len, ==, 286);
  assert_offsets_exact (fixture->project, hits);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->project, "Yerevan", 0);
  /* Երևան in the first line, then Ереван on every line. */
  g_assert_cmpuint (hits->len, ==, 2001);
  assert_offsets_exact (fixture->project, hits);
  g_assert_cmpstr (plx_search_hit_get_match (g_ptr_array_index (hits, 0)), ==, "Երևան");
}

static void
test_search_follows_documents (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PlxHistory) history = plx_history_new (fixture->project);
  g_autoptr(PlxDocument) a = add_text (fixture->project, CORPUS_A, "A");
  g_autoptr(PlxDocument) b = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = search (fixture->project, "Artsakh", 0);
  g_assert_cmpuint (hits->len, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);

  b = plx_document_new_from_data (CORPUS_B, strlen (CORPUS_B), PLX_DOCUMENT_FORMAT_PLAIN, "B", &error);
  g_assert_true (plx_history_add_document (history, b, &error));
  g_assert_no_error (error);
  hits = search (fixture->project, "Artsakh", 0);
  g_assert_cmpuint (hits->len, ==, 6);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Removed, the document's words are gone; undone, they are back. */
  g_assert_true (plx_history_remove_document (history, plx_document_get_id (a), &error));
  g_assert_no_error (error);
  hits = search (fixture->project, "Artsakh", 0);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpint (plx_search_hit_get_document_id (g_ptr_array_index (hits, 0)), ==, plx_document_get_id (b));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->project, "November", 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (plx_history_undo (history, &error));
  g_assert_no_error (error);
  hits = search (fixture->project, "November", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A reopened project searches the same. */
  reopen (fixture);
  hits = search (fixture->project, "Artsakh", 0);
  g_assert_cmpuint (hits->len, ==, 6);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The index is checked with the file. */
  {
    g_autoptr(GString) report = g_string_new (NULL);
    g_assert_true (plx_project_check (fixture->project, report, &error));
    g_assert_no_error (error);
  }
}

static void
test_equivalences (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PlxDocument) a = add_text (fixture->project, "Mediation by the Minsk Group; the OSCE mediators.", "A");
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char *pair[] = { "Minsk Group", "OSCE", NULL };
  const char *join[] = { "mediat*", "osce", NULL };
  const char *one[] = { "lonely", NULL };
  const char *unknown[] = { "nowhere", NULL };
  const char *remove[] = { "OSCE", "minsk group", NULL };
  guint n_defaults;

  groups = plx_search_list_equivalences (fixture->project, &error);
  g_assert_no_error (error);
  n_defaults = groups->len;
  g_assert_cmpuint (n_defaults, >=, 10);
  g_clear_pointer (&groups, g_ptr_array_unref);

  hits = search (fixture->project, "OSCE", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (plx_search_add_equivalence (fixture->project, pair, &error));
  g_assert_no_error (error);
  hits = search (fixture->project, "osce", 0);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A term already in a group brings the others into it. */
  g_assert_true (plx_search_add_equivalence (fixture->project, join, &error));
  g_assert_no_error (error);
  groups = plx_search_list_equivalences (fixture->project, &error);
  g_assert_cmpuint (groups->len, ==, n_defaults + 1);
  g_assert_cmpstrv ((const char * const *) g_ptr_array_index (groups, groups->len - 1),
                    ((const char *[]) { "Minsk Group", "OSCE", "mediat*", NULL }));
  g_clear_pointer (&groups, g_ptr_array_unref);
  hits = search (fixture->project, "\"minsk group\"", 0);
  g_assert_cmpuint (hits->len, ==, 4);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Bad edits say why and change nothing. */
  g_assert_false (plx_search_add_equivalence (fixture->project, one, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (plx_search_remove_equivalence (fixture->project, unknown, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_clear_error (&error);

  /* Removing leaves one term: the group goes. */
  g_assert_true (plx_search_remove_equivalence (fixture->project, remove, &error));
  g_assert_no_error (error);
  groups = plx_search_list_equivalences (fixture->project, &error);
  g_assert_cmpuint (groups->len, ==, n_defaults);
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* The text form the app edits. */
  groups = plx_search_parse_equivalences ("# names\nA = B\n\n  C=D = E  \n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpstrv ((const char * const *) g_ptr_array_index (groups, 1), ((const char *[]) { "C", "D", "E", NULL }));
  g_clear_pointer (&groups, g_ptr_array_unref);
  g_assert_null (plx_search_parse_equivalences ("A = B\nC =  = D\n", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);
  g_assert_null (plx_search_parse_equivalences ("A = B\nC = D\nlonely\n", &error));
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);
  g_assert_null (plx_search_parse_equivalences ("Artsakh = B\nC = ARTSAKH\n", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);
  (void) a;
}

static void
test_annotated_and_code (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PlxHistory) history = plx_history_new (fixture->project);
  g_autoptr(PlxDocument) a = add_text (fixture->project, CORPUS_A, "A");
  g_autoptr(PlxDocument) b = add_text (fixture->project, CORPUS_B, "B");
  g_autoptr(PlxAnnotation) existing = annotate (fixture->project, a, "Artsakh, as Armenians", "Armenian", NULL, NULL,
                                                NULL);
  g_autoptr(GPtrArray) hits = search (fixture->project, "Karabakh", 0);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(GError) error = NULL;
  PlxAnnotationQuery russian = { 0, perspective_id (fixture->project, "Russian"), NULL };
  const char *themes[] = { "naming", NULL };
  guint skipped = 99;

  /* Marked with the perspective tagging it. */
  g_assert_cmpuint (hits->len, ==, 6);
  g_assert_cmpstrv (plx_search_hit_get_perspectives (g_ptr_array_index (hits, 0)), ((const char *[]) { NULL }));
  g_assert_cmpstrv (plx_search_hit_get_perspectives (g_ptr_array_index (hits, 1)),
                    ((const char *[]) { "Armenian", NULL }));

  /* Five hits coded in one step, undone in one. */
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (chosen, g_ptr_array_index (hits, i));
  changes = plx_search_code_changes (fixture->project, chosen, russian.perspective_id, themes, "Coder", &skipped,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_cmpuint (plx_change_set_get_n_changes (changes), ==, 5);
  g_assert_true (plx_history_apply_changes (history, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plx_project_count_annotations (fixture->project, &russian, NULL), ==, 5);
  {
    g_autoptr(GPtrArray) coded = plx_project_list_annotations (fixture->project, &russian, &error);

    for (guint i = 0; i < coded->len; i++)
      {
        PlxAnnotation *annotation = g_ptr_array_index (coded, i);
        g_assert_cmpstrv (plx_annotation_get_themes (annotation), themes);
        g_assert_cmpstr (plx_annotation_get_author (annotation), ==, "Coder");
        g_assert_cmpstr (plx_annotation_get_quote (annotation), ==,
                         plx_search_hit_get_match (g_ptr_array_index (chosen, i)));
      }
  }
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->project, "Karabakh", 0);
  g_assert_cmpstrv (plx_search_hit_get_perspectives (g_ptr_array_index (hits, 1)),
                    ((const char *[]) { "Armenian", "Russian", NULL }));
  g_assert_cmpstrv (plx_search_hit_get_perspectives (g_ptr_array_index (hits, 5)), ((const char *[]) { NULL }));

  /* All hits again: the five tagged so already are skipped. */
  g_clear_object (&changes);
  changes = plx_search_code_changes (fixture->project, hits, russian.perspective_id, themes, "Coder", &skipped, &error);
  g_assert_cmpuint (skipped, ==, 5);
  g_assert_cmpuint (plx_change_set_get_n_changes (changes), ==, 1);

  g_assert_true (plx_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plx_project_count_annotations (fixture->project, &russian, NULL), ==, 0);
  g_assert_true (plx_history_redo (history, &error));
  g_assert_cmpuint (plx_project_count_annotations (fixture->project, &russian, NULL), ==, 5);

  /* An unknown perspective is refused. */
  g_clear_object (&changes);
  g_assert_null (plx_search_code_changes (fixture->project, hits, 9999, NULL, NULL, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE);
  (void) b;
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(PlxDocument) a = add_text (fixture->project, CORPUS_A, "A");
  g_autoptr(PlxDocument) b = add_text (fixture->project, CORPUS_B, "B");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plx_document_get_id (b));
  JsonObject *root;
  JsonArray *documents;
  int status;

  g_clear_object (&fixture->project);

  out = plx_test_run_cli (&status, &err, "search", fixture->path, "Гарабағ", "--format", "tsv", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==,
                   "document\ttitle\tstart\tend\tleft\tmatch\tright\tperspectives\n"
                   "1\tA\t25\t41\tThe peacekeepers entered \tNagorno-Karabakh\t in November.  Artsakh, as Armenians call it, an\t\n"
                   "1\tA\t56\t63\tekeepers entered Nagorno-Karabakh in November.  \tArtsakh\t, as Armenians call it, and Qarabağ, as Azerbaij\t\n"
                   "1\tA\t91\t98\tn November.  Artsakh, as Armenians call it, and \tQarabağ\t, as Azerbaijanis do. \t\n"
                   "2\tB\t19\t26\tМиротворцы вошли в \tКарабах\t. В Нагорном Карабахе тихо. Гарабағ — so the nam\t\n"
                   "2\tB\t39\t47\tМиротворцы вошли в Карабах. В Нагорном \tКарабахе\t тихо. Гарабағ — so the name was written in Azer\t\n"
                   "2\tB\t54\t61\tорцы вошли в Карабах. В Нагорном Карабахе тихо. \tГарабағ\t — so the name was written in Azerbaijani Cyrill\t\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = plx_test_run_cli (&status, &err, "search", fixture->path, "peacekeepers", "--format", "json", "--document", id,
                          NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "hits"), ==, 1);
  documents = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "title"), ==, "B");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Search and code, then the hits show it. */
  out = plx_test_run_cli (&status, &err, "search", fixture->path, "Artsakh", "--code", "Russian", "--theme", "naming",
                          NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "Tagged 6 hits with “Russian”\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = plx_test_run_cli (&status, &err, "search", fixture->path, "Artsakh", "--code", "Russian", NULL);
  g_assert_cmpstr (out, ==, "Tagged 0 hits with “Russian”; 6 were tagged so already\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = plx_test_run_cli (&status, &err, "search", fixture->path, "qarabag", "--document", "1", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "[Qarabağ], as Azerbaijanis do. …  Russian\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Bad input: a clear message, nothing changed. */
  out = plx_test_run_cli (&status, &err, "search", fixture->path, "\"unclosed", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "column 1"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = plx_test_run_cli (&status, &err, "search", fixture->path, "x", "--code", "Nobody", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "Nobody"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = plx_test_run_cli (&status, &err, "search", fixture->path, "x", "--format", "xml", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Equivalences. */
  out = plx_test_run_cli (&status, &err, "equivalences", fixture->path, "add", "Minsk Group", "OSCE", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = plx_test_run_cli (&status, &err, "equivalences", fixture->path, "list", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Nagorno-Karabakh = Karabakh = Karabagh = Artsakh = Qarabağ* = "));
  g_assert_true (g_str_has_suffix (out, "\nMinsk Group = OSCE\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = plx_test_run_cli (&status, &err, "equivalences", fixture->path, "remove", "nowhere", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "“nowhere” is not a term of any equivalence"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = plx_test_run_cli (&status, &err, "equivalences", fixture->path, "reset", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = plx_test_run_cli (&status, &err, "equivalences", fixture->path, "list", "--format", "tsv", NULL);
  g_assert_null (strstr (out, "OSCE"));
  g_assert_true (g_str_has_prefix (out, "Nagorno-Karabakh\tKarabakh\t"));
  (void) a;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/transliterate", test_transliterate);
  g_test_add_func ("/search/query/parse", test_query_parse);
  g_test_add_func ("/search/query/widen", test_query_widen);
  g_test_add ("/search/corpus", Fixture, NULL, fixture_set_up, test_search_corpus, fixture_tear_down);
  g_test_add ("/search/offsets", Fixture, NULL, fixture_set_up, test_search_offsets, fixture_tear_down);
  g_test_add ("/search/follows-documents", Fixture, NULL, fixture_set_up, test_search_follows_documents,
              fixture_tear_down);
  g_test_add ("/search/equivalences", Fixture, NULL, fixture_set_up, test_equivalences, fixture_tear_down);
  g_test_add ("/search/annotated-and-code", Fixture, NULL, fixture_set_up, test_annotated_and_code,
              fixture_tear_down);
  g_test_add ("/search/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
