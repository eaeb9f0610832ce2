/* test-adjudication.c: two coders' disagreements found by hand-built
 * cases, and a curated layer decided step by step, each step undone.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "plx-project-fixture.h"

#define TEXT \
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" \
  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

static PlxAnnotation *
tag (PlxProject  *project,
     PlxDocument *document,
     const char  *author,
     guint        start,
     guint        end,
     const char  *perspective,
     const char  *theme)
{
  g_autoptr(GError) error = NULL;
  const char *themes[] = { theme, NULL };
  PlxAnnotation *a = plx_annotation_new_for_range (document, start, end, perspective_id (project, perspective), &error);

  g_assert_no_error (error);
  plx_annotation_set_author (a, author);
  plx_annotation_set_themes (a, themes);
  g_assert_true (plx_project_add_annotation (project, a, &error));
  g_assert_no_error (error);
  return a;
}

static guint
count_by (PlxProject *project,
          const char *author)
{
  g_autoptr(GPtrArray) all = plx_project_list_annotations (project, NULL, NULL);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += g_strcmp0 (plx_annotation_get_author (g_ptr_array_index (all, i)), author) == 0;
  return n;
}

static PlxDocument *
two_coders (PlxProject *project)
{
  PlxDocument *document = add_text (project, TEXT, "Letters");
  struct { const char *who; guint start, end; const char *perspective, *theme; } passages[] = {
    { "A", 0, 20, "Russian", NULL },     { "B", 0, 20, "Russian", NULL },      /* agreed */
    { "A", 30, 50, "Russian", NULL },    { "B", 30, 50, "Armenian", NULL },    /* voice */
    { "A", 60, 80, "Western", "x" },     { "B", 60, 80, "Western", "y" },      /* themes */
    { "A", 90, 110, "Western", NULL },   { "B", 92, 110, "Western", NULL },    /* limits */
    { "A", 120, 130, "Russian", NULL },                                        /* A only */
    { "B", 140, 150, "Russian", NULL },                                        /* B only */
    { "A", 160, 170, "Russian", NULL },  { "B", 165, 180, "Russian", NULL },   /* 5 of 20: apart */
  };

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    g_object_unref (tag (project, document, passages[i].who, passages[i].start, passages[i].end,
                         passages[i].perspective, passages[i].theme));
  return document;
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(PlxDocument) document = two_coders (fixture->project);
  g_autoptr(GPtrArray) all = plx_project_list_annotations (fixture->project, NULL, NULL);
  g_autoptr(GPtrArray) found = plx_disagreements_find (all, "A", "B", 0.5);
  g_autoptr(GPtrArray) strict = plx_disagreements_find (all, "A", "B", 0.95);
  const struct { PlxDisagreementKind kind; guint start, end; } expected[] = {
    { PLX_DISAGREEMENT_PERSPECTIVE, 30, 50 }, { PLX_DISAGREEMENT_THEMES, 60, 80 },
    { PLX_DISAGREEMENT_EXTENT, 90, 110 },     { PLX_DISAGREEMENT_ONLY_A, 120, 130 },
    { PLX_DISAGREEMENT_ONLY_B, 140, 150 },    { PLX_DISAGREEMENT_ONLY_A, 160, 170 },
    { PLX_DISAGREEMENT_ONLY_B, 165, 180 },
  };

  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < found->len; i++)
    {
      const PlxDisagreement *d = g_ptr_array_index (found, i);

      g_assert_cmpint (d->kind, ==, expected[i].kind);
      g_assert_cmpuint (d->start, ==, expected[i].start);
      g_assert_cmpuint (d->end, ==, expected[i].end);
      g_assert_true ((d->a == NULL) == (d->kind == PLX_DISAGREEMENT_ONLY_B));
      g_assert_true ((d->b == NULL) == (d->kind == PLX_DISAGREEMENT_ONLY_A));
    }
  /* At 95 % the limits 90–110 and 92–110 (90 %) are two units apart. */
  g_assert_cmpuint (strict->len, ==, G_N_ELEMENTS (expected) + 1);
}

static void
test_session (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PlxDocument) document = two_coders (fixture->project);
  g_autoptr(PlxHistory) history = plx_history_new (fixture->project);
  g_autoptr(PlxAdjudication) session = NULL;
  g_autoptr(PlxAdjudication) later = NULL;
  g_autoptr(PlxAnnotation) curated = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = plx_document_get_id (document);

  /* Bad input, named. */
  g_assert_null (plx_adjudication_new (history, id, "A", "A", "Consensus", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (plx_adjudication_new (history, id, "A", "B", "  ", &error));
  g_assert_nonnull (strstr (error->message, "name of its own"));
  g_clear_error (&error);
  g_assert_null (plx_adjudication_new (history, id, "A", "B", "B", &error));
  g_clear_error (&error);

  plx_history_set_coder (history, "Gulnar");
  session = plx_adjudication_new (history, id, "A", "B", "Consensus", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plx_adjudication_get_n_items (session), ==, 7);
  g_assert_cmpuint (plx_adjudication_get_n_resolved (session), ==, 0);

  g_assert_true (plx_adjudication_resolve (session, 0, PLX_ADJUDICATION_TAKE_A, &error));
  g_assert_no_error (error);
  curated = plx_project_get_annotation (fixture->project, plx_adjudication_get_curated_uuid (session, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_author (curated), ==, "Consensus");
  g_assert_cmpstr (plx_annotation_get_modifier (curated), ==, "Gulnar");
  g_assert_cmpuint (plx_annotation_get_start (curated), ==, 30);
  g_assert_cmpint (plx_annotation_get_perspective_id (curated), ==, perspective_id (fixture->project, "Russian"));
  g_assert_cmpuint (plx_adjudication_next_pending (session, 0), ==, 1);

  g_assert_true (plx_adjudication_resolve (session, 1, PLX_ADJUDICATION_TAKE_BOTH, &error));
  g_assert_true (plx_adjudication_resolve (session, 2, PLX_ADJUDICATION_TAKE_NEITHER, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plx_adjudication_get_n_resolved (session), ==, 3);
  g_assert_cmpuint (count_by (fixture->project, "Consensus"), ==, 3);
  /* Decided again: B's voice replaces A's. */
  g_assert_true (plx_adjudication_resolve (session, 0, PLX_ADJUDICATION_TAKE_B, &error));
  g_assert_cmpuint (count_by (fixture->project, "Consensus"), ==, 3);
  g_clear_object (&curated);
  curated = plx_project_get_annotation (fixture->project, plx_adjudication_get_curated_uuid (session, 0), &error);
  g_assert_cmpint (plx_annotation_get_perspective_id (curated), ==, perspective_id (fixture->project, "Armenian"));
  /* A passage the coder did not mark cannot be taken. */
  g_assert_false (plx_adjudication_resolve (session, 3, PLX_ADJUDICATION_TAKE_B, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (plx_adjudication_resolve (session, 7, PLX_ADJUDICATION_TAKE_A, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  /* Undone one by one: A's voice again, then neither, then both. */
  g_assert_true (plx_adjudication_undo (session, &error));
  g_clear_object (&curated);
  curated = plx_project_get_annotation (fixture->project, plx_adjudication_get_curated_uuid (session, 0), &error);
  g_assert_cmpint (plx_annotation_get_perspective_id (curated), ==, perspective_id (fixture->project, "Russian"));
  g_assert_cmpint (plx_adjudication_get_choice (session, 0), ==, PLX_ADJUDICATION_TAKE_A);
  g_assert_true (plx_adjudication_undo (session, &error));
  g_assert_cmpint (plx_adjudication_get_choice (session, 2), ==, PLX_ADJUDICATION_PENDING);
  g_assert_cmpuint (count_by (fixture->project, "Consensus"), ==, 3);
  g_assert_true (plx_adjudication_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_by (fixture->project, "Consensus"), ==, 1);
  g_assert_cmpuint (plx_adjudication_get_n_resolved (session), ==, 1);

  /* A later session sees the curated layer's passage as decided. */
  later = plx_adjudication_new (history, id, "A", "B", "Consensus", &error);
  g_assert_no_error (error);
  g_assert_cmpint (plx_adjudication_get_choice (later, 0), ==, PLX_ADJUDICATION_EARLIER);
  g_assert_cmpuint (plx_adjudication_get_n_resolved (later), ==, 1);

  g_assert_true (plx_adjudication_undo (session, &error));
  g_assert_false (plx_adjudication_undo (session, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (count_by (fixture->project, "Consensus"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/adjudication/find", Fixture, NULL, fixture_set_up, test_find, fixture_tear_down);
  g_test_add ("/adjudication/session", Fixture, NULL, fixture_set_up, test_session, fixture_tear_down);
  return g_test_run ();
}
