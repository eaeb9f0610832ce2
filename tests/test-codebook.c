/* test-codebook.c: the codebook's operations and their undo on a project
 * built by hand (counts per perspective worked out below), the roll-up,
 * memos, bad input, and the migration from a version-4 file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sqlite3.h>

#include "plx-core.h"
#include "plx-sqlite-store-private.h"
#include "plx-test-utils.h"

/* Seven passages, ten characters each, over four perspectives:
 *
 *   a0  Armenian      security, guarantor
 *   a1  Armenian      guarantor, mediation
 *   a2  Azerbaijani   peacekeeping
 *   a3  Azerbaijani   mediation, mediator
 *   a4  Western       mediator, economy
 *   a5  Russian       guarantor
 *   a6  Russian       security
 *
 * with guarantor and peacekeeping under security. */
static const char *const passage_themes[][3] = {
  { "security", "guarantor", NULL },
  { "guarantor", "mediation", NULL },
  { "peacekeeping", NULL },
  { "mediation", "mediator", NULL },
  { "mediator", "economy", NULL },
  { "guarantor", NULL },
  { "security", NULL },
};
static const guint passage_perspective[] = { 0, 0, 1, 1, 2, 3, 3 };

typedef struct {
  char        *dir;
  char        *path;
  PlxProject  *project;
  PlxDocument *document;
  PlxHistory  *history;
  char        *uuids[7];
  GPtrArray   *keep;     /* themes looked up, alive until tear-down */
} Fixture;

static PlxTheme *
theme (Fixture    *fixture,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  PlxTheme *found = plx_project_find_theme (fixture->project, name, &error);

  g_assert_no_error (error);
  g_ptr_array_add (fixture->keep, found);
  return found;
}

static const char *
uuid_of (Fixture    *fixture,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  PlxTheme *found = plx_project_find_theme (fixture->project, name, &error);
  const char *uuid;

  g_assert_no_error (error);
  uuid = g_intern_string (plx_theme_get_uuid (found));
  g_object_unref (found);
  return uuid;
}

static void
apply (Fixture      *fixture,
       PlxChangeSet *changes,
       GError       *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (changes);
  g_assert_true (plx_history_apply_changes (fixture->history, changes, &error));
  g_assert_no_error (error);
  g_object_unref (changes);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *text = "Passage 0.Passage 1.Passage 2.Passage 3.Passage 4.Passage 5.Passage 6.";
  GListModel *perspectives;

  fixture->keep = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->dir = plx_test_make_tempdir ();
  fixture->path = g_build_filename (fixture->dir, "codebook.parallax", NULL);
  fixture->project = plx_project_create (fixture->path, &error);
  g_assert_no_error (error);
  fixture->document = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, "t", &error);
  g_assert_no_error (error);
  plx_project_add_document (fixture->project, fixture->document, &error);
  g_assert_no_error (error);
  fixture->history = plx_history_new (fixture->project);
  perspectives = plx_project_get_perspectives (fixture->project);
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (passage_perspective); i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, passage_perspective[i]);
      g_autoptr(PlxAnnotation) annotation =
        plx_annotation_new_for_range (fixture->document, i * 10, i * 10 + 10, plx_perspective_get_id (perspective),
                                      &error);

      g_assert_no_error (error);
      plx_annotation_set_themes (annotation, passage_themes[i]);
      plx_project_add_annotation (fixture->project, annotation, &error);
      g_assert_no_error (error);
      fixture->uuids[i] = g_strdup (plx_annotation_get_uuid (annotation));
    }
  apply (fixture, plx_theme_changes_move (fixture->project, uuid_of (fixture, "guarantor"),
                                          uuid_of (fixture, "security"), &error), error);
  apply (fixture, plx_theme_changes_move (fixture->project, uuid_of (fixture, "peacekeeping"),
                                          uuid_of (fixture, "security"), &error), error);
  g_clear_object (&fixture->history);
  fixture->history = plx_history_new (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->uuids); i++)
    g_free (fixture->uuids[i]);
  g_clear_pointer (&fixture->keep, g_ptr_array_unref);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static PlxThemeRollup *
rollup (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PlxAnnotationQuery query = { 0, 0, NULL };
  g_autoptr(GPtrArray) annotations = plx_project_list_annotations (fixture->project, &query, &error);
  g_autoptr(GPtrArray) codebook = plx_project_list_codebook (fixture->project, &error);
  g_autoptr(GListStore) store = g_list_store_new (PLX_TYPE_ANNOTATION);

  g_assert_no_error (error);
  g_list_store_splice (store, 0, 0, annotations->pdata, annotations->len);
  return plx_theme_rollup_new (codebook, plx_project_get_perspectives (fixture->project), G_LIST_MODEL (store));
}

/* @expected: "a,b,c,d" own counts per perspective, then "|" and the
 * rolled-up ones; "-" when the theme must not be in the codebook. */
static void
assert_counts (Fixture    *fixture,
               const char *name,
               const char *expected)
{
  g_autoptr(PlxThemeRollup) counts = rollup (fixture);
  g_autoptr(GString) got = g_string_new (NULL);
  int row = plx_theme_rollup_find (counts, name);

  if (row < 0)
    g_string_append (got, "-");
  else
    for (guint level = 0; level < 2; level++)
      for (guint p = 0; p < 4; p++)
        g_string_append_printf (got, "%s%u", p > 0 ? "," : level > 0 ? "|" : "",
                                plx_theme_rollup_get_count (counts, (guint) row, p, (PlxRollupLevel) level));
  g_assert_cmpstr (got->str, ==, expected);
}

static char *
themes_of (Fixture *fixture,
           guint    passage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_project_get_annotation (fixture->project, fixture->uuids[passage], &error);

  g_assert_no_error (error);
  return g_strjoinv (",", (char **) plx_annotation_get_themes (annotation));
}

static void
assert_themes (Fixture    *fixture,
               guint       passage,
               const char *expected)
{
  g_autofree char *got = themes_of (fixture, passage);
  g_assert_cmpstr (got, ==, expected);
}

/* Every passage's themes, joined, to see that a refused or undone
 * operation left them all as they were. */
static char *
snapshot (Fixture *fixture)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codebook = plx_project_list_codebook (fixture->project, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->uuids); i++)
    {
      g_autofree char *themes = themes_of (fixture, i);
      g_string_append_printf (all, "%u:%s;", i, themes);
    }
  for (guint i = 0; i < codebook->len; i++)
    {
      PlxTheme *t = g_ptr_array_index (codebook, i);
      g_autofree char *path = plx_codebook_dup_path (codebook, t);
      g_auto(GStrv) labels = NULL;

      g_object_get (t, "labels", &labels, NULL);
      g_string_append_printf (all, "[%s|%s|%s|%s|%s|%s|", plx_theme_get_uuid (t), path,
                              plx_theme_get_description (t), plx_theme_get_inclusion (t),
                              plx_theme_get_exclusion (t), plx_theme_get_color (t));
      for (guint l = 0; labels[l] != NULL; l++)
        g_string_append_printf (all, "%s;", labels[l]);
      for (const char * const *e = plx_theme_get_examples (t); *e != NULL; e++)
        g_string_append_printf (all, "e:%s;", *e);
      g_string_append (all, "]");
    }
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
undo_redo_undo (Fixture    *fixture,
                const char *before,
                const char *after)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone_again = NULL;

  g_assert_true (plx_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  undone = snapshot (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (plx_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  redone = snapshot (fixture);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (plx_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  undone_again = snapshot (fixture);
  g_assert_cmpstr (undone_again, ==, before);
}

/* The counts of the header, by hand. security rolled up: Armenian a0 and
 * a1 (a0 carries security and guarantor: once), Azerbaijani a2, Russian
 * a5 and a6. */
static void
test_rollup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PlxThemeRollup) counts = rollup (fixture);
  int security = plx_theme_rollup_find (counts, "security");
  int guarantor = plx_theme_rollup_find (counts, "guarantor");

  assert_counts (fixture, "security", "1,0,0,1|2,1,0,2");
  assert_counts (fixture, "guarantor", "2,0,0,1|2,0,0,1");
  assert_counts (fixture, "peacekeeping", "0,1,0,0|0,1,0,0");
  assert_counts (fixture, "mediation", "1,1,0,0|1,1,0,0");
  assert_counts (fixture, "mediator", "0,1,1,0|0,1,1,0");
  assert_counts (fixture, "economy", "0,0,1,0|0,0,1,0");
  g_assert_cmpint (security, >=, 0);
  g_assert_cmpint (plx_theme_rollup_get_parent_row (counts, (guint) guarantor), ==, security);
  g_assert_cmpuint (plx_theme_rollup_get_depth (counts, (guint) guarantor), ==, 1);
  g_assert_cmpstr (plx_theme_rollup_get_path (counts, (guint) guarantor), ==, "security › guarantor");
  g_assert_cmpuint (plx_theme_rollup_get_total (counts, (guint) security, PLX_ROLLUP_ROLLED), ==, 5);
  g_assert_cmpuint (plx_theme_rollup_get_total (counts, (guint) security, PLX_ROLLUP_OWN), ==, 2);
  /* Parents come before their children. */
  g_assert_cmpint (security, <, guarantor);
}

static void
test_create_and_rename (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxTheme) created = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  g_autofree char *renamed = NULL;
  PlxChangeSet *changes;

  changes = plx_theme_changes_create (fixture->project, "  escalation ", uuid_of (fixture, "security"),
                                      "Moves toward armed conflict", &created, &error);
  apply (fixture, changes, error);
  g_assert_cmpstr (plx_theme_get_name (created), ==, "escalation");
  g_assert_cmpstr (plx_theme_get_description (theme (fixture, "security/escalation")), ==,
                   "Moves toward armed conflict");
  after = snapshot (fixture);
  undo_redo_undo (fixture, before, after);
  g_assert_null (plx_project_find_theme (fixture->project, "escalation", NULL));

  /* Rename: the theme and every passage naming it, in one step. */
  apply (fixture, plx_theme_changes_rename (fixture->project, uuid_of (fixture, "guarantor"), "guarantee", &error),
         error);
  assert_themes (fixture, 0, "security,guarantee");
  assert_themes (fixture, 1, "guarantee,mediation");
  assert_themes (fixture, 5, "guarantee");
  assert_counts (fixture, "guarantee", "2,0,0,1|2,0,0,1");
  assert_counts (fixture, "guarantor", "-");
  renamed = snapshot (fixture);
  undo_redo_undo (fixture, before, renamed);
  assert_themes (fixture, 0, "security,guarantor");
  assert_counts (fixture, "guarantor", "2,0,0,1|2,0,0,1");
}

static void
test_define (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxTheme) edited = plx_theme_copy (theme (fixture, "guarantor"));
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  const char *examples[] = { fixture->uuids[5], fixture->uuids[0], NULL };
  const char *not_tagged[] = { fixture->uuids[2], NULL };
  PlxTheme *defined;

  plx_theme_set_description (edited, "A state that vouches for a settlement");
  plx_theme_set_inclusion (edited, "Russia or Turkey named as guarantor");
  plx_theme_set_exclusion (edited, "Mediation without guarantees");
  plx_theme_set_color (edited, "#3584e4");
  plx_theme_set_label (edited, "ru", "гарант");
  plx_theme_set_label (edited, "hy", "երաշխավոր");
  plx_theme_set_label (edited, "az", "qarant");
  plx_theme_set_examples (edited, examples);
  apply (fixture, plx_theme_changes_define (fixture->project, edited, &error), error);
  defined = theme (fixture, "security › guarantor");
  g_assert_cmpstr (plx_theme_get_description (defined), ==, "A state that vouches for a settlement");
  g_assert_cmpstr (plx_theme_get_label (defined, "ru"), ==, "гарант");
  g_assert_cmpstr (plx_theme_get_display_label (defined, "hy"), ==, "երաշխավոր");
  g_assert_cmpstr (plx_theme_get_display_label (defined, "en"), ==, "guarantor");
  g_assert_true (g_strv_equal (plx_theme_get_examples (defined), examples));
  after = snapshot (fixture);
  undo_redo_undo (fixture, before, after);

  /* Refused, and nothing changes. */
  plx_theme_set_examples (edited, not_tagged);
  g_assert_null (plx_theme_changes_define (fixture->project, edited, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "not tagged with “guarantor”"));
  g_clear_error (&error);
  plx_theme_set_examples (edited, NULL);
  plx_theme_set_color (edited, "blue-ish");
  g_assert_null (plx_theme_changes_define (fixture->project, edited, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  plx_theme_set_color (edited, "");
  plx_theme_set_label (edited, "de", "Garant");
  g_assert_null (plx_theme_changes_define (fixture->project, edited, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“de”"));
  g_clear_error (&error);
  {
    g_autofree char *unchanged = snapshot (fixture);
    g_assert_cmpstr (unchanged, ==, before);
  }
}

static void
test_move_and_cycles (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  g_autoptr(PlxChangeSet) cycle = NULL;

  /* security under mediation: the roll-up follows. */
  apply (fixture, plx_theme_changes_move (fixture->project, uuid_of (fixture, "security"),
                                          uuid_of (fixture, "mediation"), &error), error);
  g_assert_nonnull (theme (fixture, "mediation/security/guarantor"));
  /* mediation: a1 and a3 own; rolled up a0, a1 (Armenian), a2, a3
   * (Azerbaijani), a5, a6 (Russian). */
  assert_counts (fixture, "mediation", "1,1,0,0|2,2,0,2");
  after = snapshot (fixture);
  undo_redo_undo (fixture, before, after);

  /* Under its own child, grandchild or itself: refused, nothing changes. */
  apply (fixture, plx_theme_changes_move (fixture->project, uuid_of (fixture, "mediation"),
                                          uuid_of (fixture, "guarantor"), &error), error);
  g_free (before);
  before = snapshot (fixture);
  g_assert_null (plx_theme_changes_move (fixture->project, uuid_of (fixture, "security"),
                                         uuid_of (fixture, "mediation"), &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“security” cannot go under “mediation”"));
  g_clear_error (&error);
  g_assert_null (plx_theme_changes_move (fixture->project, uuid_of (fixture, "security"),
                                         uuid_of (fixture, "security"), &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A hand-made change set with a cycle is refused when applied too. */
  {
    g_autoptr(PlxTheme) security = plx_theme_copy (theme (fixture, "security"));
    g_autoptr(PlxTheme) moved = plx_theme_copy (security);

    plx_theme_set_parent_uuid (moved, uuid_of (fixture, "mediation"));
    cycle = plx_change_set_new ();
    plx_change_set_add_theme (cycle, security, moved);
    g_assert_false (plx_project_apply (fixture->project, cycle, &error));
    g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
  }
  {
    g_autofree char *unchanged = snapshot (fixture);
    g_assert_cmpstr (unchanged, ==, before);
  }
}

/* mediator into mediation: a3 carried both and ends with mediation once;
 * a4 keeps economy. mediation: Armenian a1, Azerbaijani a3, Western a4. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  const char *sources[] = { uuid_of (fixture, "mediator"), NULL };
  const char *itself[] = { uuid_of (fixture, "mediation"), NULL };

  apply (fixture, plx_theme_changes_merge (fixture->project, sources, uuid_of (fixture, "mediation"), &error), error);
  assert_themes (fixture, 3, "mediation");
  assert_themes (fixture, 4, "mediation,economy");
  assert_themes (fixture, 1, "guarantor,mediation");
  assert_counts (fixture, "mediation", "1,1,1,0|1,1,1,0");
  assert_counts (fixture, "mediator", "-");
  after = snapshot (fixture);
  undo_redo_undo (fixture, before, after);
  assert_counts (fixture, "mediator", "0,1,1,0|0,1,1,0");

  g_assert_null (plx_theme_changes_merge (fixture->project, itself, itself[0], &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“mediation” cannot be merged into itself"));
  g_clear_error (&error);
}

/* A parent and its children merged into a child: the passages keep their
 * other themes, the child takes the parent's place, the other child goes
 * under it. */
static void
test_merge_hierarchy (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  const char *sources[] = { uuid_of (fixture, "security"), uuid_of (fixture, "guarantor"), NULL };
  g_autoptr(PlxTheme) peacekeeping = NULL;

  apply (fixture, plx_theme_changes_merge (fixture->project, sources, uuid_of (fixture, "guarantor"), &error), error);
  assert_themes (fixture, 0, "guarantor");
  assert_themes (fixture, 6, "guarantor");
  assert_themes (fixture, 1, "guarantor,mediation");
  assert_counts (fixture, "security", "-");
  g_assert_null (plx_theme_get_parent_uuid (theme (fixture, "guarantor")));
  peacekeeping = plx_project_find_theme (fixture->project, "guarantor/peacekeeping", &error);
  g_assert_no_error (error);
  /* guarantor: a0, a1 (Armenian), a5, a6 (Russian); rolled up with
   * peacekeeping's a2. */
  assert_counts (fixture, "guarantor", "2,0,0,2|2,1,0,2");
  after = snapshot (fixture);
  undo_redo_undo (fixture, before, after);
}

static void
test_split (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxTheme) created = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  const char *chosen[] = { fixture->uuids[5], fixture->uuids[1], NULL };
  const char *wrong[] = { fixture->uuids[2], NULL };
  const char *missing[] = { "00000000-0000-4000-8000-000000000000", NULL };
  const char *none[] = { NULL };

  apply (fixture, plx_theme_changes_split (fixture->project, uuid_of (fixture, "guarantor"), "russian guarantee",
                                           chosen, &created, &error), error);
  g_assert_cmpstr (plx_theme_get_parent_uuid (created), ==, uuid_of (fixture, "security"));
  assert_themes (fixture, 0, "security,guarantor");
  assert_themes (fixture, 1, "russian guarantee,mediation");
  assert_themes (fixture, 5, "russian guarantee");
  assert_counts (fixture, "guarantor", "1,0,0,0|1,0,0,0");
  assert_counts (fixture, "russian guarantee", "1,0,0,1|1,0,0,1");
  /* security still rolls up the same passages. */
  assert_counts (fixture, "security", "1,0,0,1|2,1,0,2");
  after = snapshot (fixture);
  undo_redo_undo (fixture, before, after);

  g_assert_null (plx_theme_changes_split (fixture->project, uuid_of (fixture, "guarantor"), "x", wrong, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (plx_theme_changes_split (fixture->project, uuid_of (fixture, "guarantor"), "x", missing, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (plx_theme_changes_split (fixture->project, uuid_of (fixture, "guarantor"), "x", none, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (plx_theme_changes_split (fixture->project, uuid_of (fixture, "guarantor"), "mediation", chosen,
                                          NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_clear_error (&error);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxTheme) edited = plx_theme_copy (theme (fixture, "security"));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *examples[] = { fixture->uuids[6], NULL };

  plx_theme_set_description (edited, "Threats and guarantees");
  plx_theme_set_label (edited, "ru", "безопасность");
  plx_theme_set_examples (edited, examples);
  apply (fixture, plx_theme_changes_define (fixture->project, edited, &error), error);
  before = snapshot (fixture);

  apply (fixture, plx_theme_changes_delete (fixture->project, uuid_of (fixture, "security"), &error), error);
  assert_themes (fixture, 0, "guarantor");
  assert_themes (fixture, 6, "");
  assert_counts (fixture, "security", "-");
  g_assert_null (plx_theme_get_parent_uuid (theme (fixture, "guarantor")));
  g_assert_null (plx_theme_get_parent_uuid (theme (fixture, "peacekeeping")));
  assert_counts (fixture, "guarantor", "2,0,0,1|2,0,0,1");
  after = snapshot (fixture);
  /* Back whole: definition, label, example, passages, children. */
  undo_redo_undo (fixture, before, after);
  g_assert_cmpstr (plx_theme_get_label (theme (fixture, "security"), "ru"), ==, "безопасность");
  assert_counts (fixture, "security", "1,0,0,1|2,1,0,2");
}

static void
test_bad_names (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  const char *bad[] = { "", "   ", "line\nbreak", "a › b" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (plx_theme_changes_create (fixture->project, bad[i], NULL, NULL, NULL, &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
      g_assert_null (plx_theme_changes_rename (fixture->project, uuid_of (fixture, "economy"), bad[i], &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  /* A sibling's name, and any other theme's: names are unique. */
  g_assert_null (plx_theme_changes_create (fixture->project, "guarantor", uuid_of (fixture, "security"), NULL, NULL,
                                           &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "(security › guarantor)"));
  g_clear_error (&error);
  g_assert_null (plx_theme_changes_rename (fixture->project, uuid_of (fixture, "economy"), "mediation", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (plx_theme_changes_rename (fixture->project, "no-such-uuid", "x", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (plx_history_get_can_undo (fixture->history));
}

static void
test_memos (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxMemo) memo = plx_memo_new (NULL, PLX_MEMO_THEME, uuid_of (fixture, "mediator"));
  g_autoptr(PlxMemo) free_memo = plx_memo_new (NULL, PLX_MEMO_FREE, NULL);
  g_autoptr(PlxMemo) bad = NULL;
  g_autoptr(PlxMemo) edited = NULL;
  g_autoptr(PlxChangeSet) untitled = NULL;
  g_autoptr(GPtrArray) memos = NULL;
  g_autoptr(GPtrArray) resolved = NULL;
  const char *cited[] = { fixture->uuids[3], fixture->uuids[4], fixture->uuids[0], NULL };
  const char *missing[] = { "00000000-0000-4000-8000-000000000000", NULL };
  const char *sources[] = { uuid_of (fixture, "mediator"), NULL };
  PlxMemo *stored;

  plx_memo_set_title (memo, "Who mediates");
  plx_memo_set_body (memo, "Both sides name a mediator; only one names Russia.");
  plx_memo_set_author (memo, "Anahit");
  plx_memo_set_citations (memo, cited);
  apply (fixture, plx_memo_changes_add (fixture->project, memo, &error), error);
  plx_memo_set_title (free_memo, "Open questions");
  apply (fixture, plx_memo_changes_add (fixture->project, free_memo, &error), error);

  memos = plx_project_list_memos (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (memos->len, ==, 2);
  stored = g_ptr_array_index (memos, 0);
  if (g_strcmp0 (plx_memo_get_uuid (stored), plx_memo_get_uuid (memo)) != 0)
    stored = g_ptr_array_index (memos, 1);
  g_assert_cmpstr (plx_memo_get_body (stored), ==, "Both sides name a mediator; only one names Russia.");
  g_assert_cmpstr (plx_memo_get_author (stored), ==, "Anahit");
  g_assert_true (g_strv_equal (plx_memo_get_citations (stored), cited));
  g_assert_true (plx_text_is_iso8601 (plx_memo_get_created (stored)));
  g_assert_cmpuint (plx_memo_get_revision (stored), ==, 1);

  /* Merging its theme takes the memo along. */
  apply (fixture, plx_theme_changes_merge (fixture->project, sources, uuid_of (fixture, "mediation"), &error), error);
  {
    g_autoptr(PlxMemo) after = plx_project_find_memo (fixture->project, plx_memo_get_uuid (memo), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (plx_memo_get_target_uuid (after), ==, uuid_of (fixture, "mediation"));
  }
  g_assert_true (plx_history_undo (fixture->history, &error));
  g_assert_no_error (error);

  /* A cited passage deleted: the citation stays, resolved as broken. */
  g_assert_true (plx_history_delete_annotation (fixture->history, fixture->uuids[4], &error));
  g_assert_no_error (error);
  resolved = plx_memo_resolve_citations (stored, fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resolved->len, ==, 3);
  g_assert_nonnull (g_ptr_array_index (resolved, 0));
  g_assert_null (g_ptr_array_index (resolved, 1));
  g_assert_nonnull (g_ptr_array_index (resolved, 2));

  /* An edit keeps the broken citation; a new one to nothing is refused. */
  edited = plx_memo_copy (stored);
  plx_memo_set_body (edited, "Revised.");
  apply (fixture, plx_memo_changes_edit (fixture->project, edited, &error), error);
  {
    g_autoptr(PlxMemo) after = plx_project_find_memo (fixture->project, plx_memo_get_uuid (memo), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (plx_memo_get_body (after), ==, "Revised.");
    g_assert_true (g_strv_equal (plx_memo_get_citations (after), cited));
    /* 1, retargeted by the merge 2, back by its undo 3, edited 4. */
    g_assert_cmpuint (plx_memo_get_revision (after), ==, 4);
  }
  plx_memo_set_citations (edited, missing);
  g_assert_null (plx_memo_changes_edit (fixture->project, edited, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing[0]));
  g_clear_error (&error);

  bad = plx_memo_new (NULL, PLX_MEMO_THEME, "not-a-theme");
  plx_memo_set_title (bad, "x");
  g_assert_null (plx_memo_changes_add (fixture->project, bad, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  plx_memo_set_kind (bad, PLX_MEMO_PROJECT);
  plx_memo_set_target_uuid (bad, NULL);
  plx_memo_set_title (bad, NULL);
  /* Neither title nor text: the builder lets it through, applying it
   * refuses it. */
  untitled = plx_memo_changes_add (fixture->project, bad, &error);
  g_assert_no_error (error);
  g_assert_nonnull (untitled);
  g_assert_false (plx_history_apply_changes (fixture->history, untitled, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Delete and undo. */
  apply (fixture, plx_memo_changes_delete (fixture->project, plx_memo_get_uuid (memo), &error), error);
  g_assert_null (plx_project_find_memo (fixture->project, plx_memo_get_uuid (memo), NULL));
  g_assert_true (plx_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PlxMemo) back = plx_project_find_memo (fixture->project, plx_memo_get_uuid (memo), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (plx_memo_get_body (back), ==, "Revised.");
    g_assert_true (g_strv_equal (plx_memo_get_citations (back), cited));
  }
}

/* Tagging with a new name still works, and the codebook lists it. */
static void
test_tagging_adds_theme (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_project_get_annotation (fixture->project, fixture->uuids[2], &error);
  const char *themes[] = { "peacekeeping", "ceasefire", NULL };

  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, themes);
  g_assert_true (plx_history_update_annotation (fixture->history, annotation, &error));
  g_assert_no_error (error);
  assert_counts (fixture, "ceasefire", "0,1,0,0|0,1,0,0");
  g_assert_null (plx_theme_get_parent_uuid (theme (fixture, "ceasefire")));
}

/* ---- the live tree a view binds to ---- */

static char *
names_of (GListModel *model)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlxTheme) t = g_list_model_get_item (model, i);
      g_string_append_printf (names, "%s%s", i ? "," : "", plx_theme_get_name (t));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_tree (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxThemeTree) tree = plx_theme_tree_new (fixture->project, &error);
  const char *sources[] = { uuid_of (fixture, "mediator"), NULL };
  GListModel *roots;
  GListModel *under_security;
  PlxTheme *guarantor;
  PlxTheme *security;
  g_autofree char *top = NULL;
  g_autofree char *children = NULL;
  guint renamed = 0, roots_changed = 0, children_changed = 0;

  g_assert_no_error (error);
  roots = plx_theme_tree_get_roots (tree);
  top = names_of (roots);
  g_assert_cmpstr (top, ==, "economy,mediation,mediator,security");
  security = plx_theme_tree_find (tree, uuid_of (fixture, "security"));
  under_security = plx_theme_tree_get_children (tree, security);
  children = names_of (under_security);
  g_assert_cmpstr (children, ==, "guarantor,peacekeeping");
  g_assert_true (plx_theme_tree_get_children (tree, security) == under_security);

  /* A rename changes the same object; its list keeps its order here. */
  guarantor = plx_theme_tree_find (tree, uuid_of (fixture, "guarantor"));
  g_signal_connect (guarantor, "notify::name", G_CALLBACK (count_notify), &renamed);
  g_signal_connect (roots, "items-changed", G_CALLBACK (count_items_changed), &roots_changed);
  g_signal_connect (under_security, "items-changed", G_CALLBACK (count_items_changed), &children_changed);
  apply (fixture, plx_theme_changes_rename (fixture->project, uuid_of (fixture, "guarantor"), "guarantee", &error),
         error);
  g_assert_cmpuint (renamed, ==, 1);
  g_assert_cmpstr (plx_theme_get_name (guarantor), ==, "guarantee");
  g_assert_cmpuint (roots_changed, ==, 0);
  g_assert_cmpuint (children_changed, ==, 0);

  /* A merge takes a theme off the top; its undo puts it back. */
  apply (fixture, plx_theme_changes_merge (fixture->project, sources, uuid_of (fixture, "mediation"), &error), error);
  g_clear_pointer (&top, g_free);
  top = names_of (roots);
  g_assert_cmpstr (top, ==, "economy,mediation,security");
  g_assert_cmpuint (roots_changed, ==, 1);
  g_assert_true (plx_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_clear_pointer (&top, g_free);
  top = names_of (roots);
  g_assert_cmpstr (top, ==, "economy,mediation,mediator,security");

  /* A move goes from one list to another. */
  apply (fixture, plx_theme_changes_move (fixture->project, uuid_of (fixture, "economy"),
                                          uuid_of (fixture, "security"), &error), error);
  g_clear_pointer (&children, g_free);
  children = names_of (under_security);
  g_assert_cmpstr (children, ==, "economy,guarantee,peacekeeping");
  g_assert_true (plx_theme_tree_find (tree, uuid_of (fixture, "economy")) == g_list_model_get_item (under_security, 0));
  g_object_unref (plx_theme_tree_find (tree, uuid_of (fixture, "economy")));
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

/* Tagging with themes the codebook has leaves the tree be (reading the
 * codebook again after each tagging doubled its cost); a new name adds
 * its row. */
static void
test_tree_follows_tagging (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxThemeTree) tree = plx_theme_tree_new (fixture->project, &error);
  g_autoptr(PlxAnnotation) annotation = plx_project_get_annotation (fixture->project, fixture->uuids[2], &error);
  const char *known[] = { "peacekeeping", "economy", NULL };
  const char *fresh[] = { "peacekeeping", "ceasefire", NULL };
  g_autofree char *top = NULL;
  guint changed = 0;

  g_assert_no_error (error);
  g_signal_connect (tree, "changed", G_CALLBACK (count_signal), &changed);
  plx_annotation_set_themes (annotation, known);
  g_assert_true (plx_history_update_annotation (fixture->history, annotation, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);

  plx_annotation_set_themes (annotation, fresh);
  g_assert_true (plx_history_update_annotation (fixture->history, annotation, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  top = names_of (plx_theme_tree_get_roots (tree));
  g_assert_cmpstr (top, ==, "ceasefire,economy,mediation,mediator,security");
}

/* ---- native JSON ---- */

static char *
export_native (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (plx_export_to_stream (project, PLX_EXPORT_FORMAT_NATIVE, 0, PLX_EXPORT_FLAGS_INCLUDE_TEXT, stream,
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Everything but local ids: the codebook with its tree, definitions,
 * labels and examples, every passage's themes, and the memos. */
static char *
whole_codebook (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codebook = plx_project_list_codebook (project, &error);
  g_autoptr(GPtrArray) memos = plx_project_list_memos (project, &error);
  PlxAnnotationQuery query = { 0, 0, NULL };
  g_autoptr(GPtrArray) annotations = plx_project_list_annotations (project, &query, &error);
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < codebook->len; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      plx_theme_build_json (g_ptr_array_index (codebook, i), codebook, builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_object_remove_member (json_node_get_object (root), "revision");
      text = plx_export_json_to_string (root, FALSE, &error);
      g_string_append_printf (all, "%s\n", text);
    }
  for (guint i = 0; i < memos->len; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;
      PlxMemo *memo = g_ptr_array_index (memos, i);

      json_builder_begin_object (builder);
      plx_memo_build_json (memo, plx_memo_get_target_uuid (memo), 0, builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_object_remove_member (json_node_get_object (root), "revision");
      if (plx_memo_get_kind (memo) == PLX_MEMO_DOCUMENT || plx_memo_get_kind (memo) == PLX_MEMO_PERSPECTIVE)
        json_object_remove_member (json_node_get_object (root), "about");  /* local to each project */
      text = plx_export_json_to_string (root, FALSE, &error);
      g_string_append_printf (all, "%s\n", text);
    }
  for (guint i = 0; i < annotations->len; i++)
    {
      g_autofree char *themes = g_strjoinv (",", (char **) plx_annotation_get_themes (g_ptr_array_index (annotations, i)));
      g_string_append_printf (all, "%s:%s\n", plx_annotation_get_uuid (g_ptr_array_index (annotations, i)), themes);
    }
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
test_native_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxTheme) edited = plx_theme_copy (theme (fixture, "guarantor"));
  g_autoptr(PlxMemo) memo = plx_memo_new (NULL, PLX_MEMO_THEME, uuid_of (fixture, "guarantor"));
  g_autoptr(PlxMemo) document_memo = NULL;
  g_autoptr(PlxMemo) perspective_memo = NULL;
  g_autoptr(PlxMemo) project_memo = plx_memo_new (NULL, PLX_MEMO_PROJECT, NULL);
  g_autoptr(PlxProject) copy = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(PlxImportReport) again = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.parallax", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *original = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *reimported = NULL;
  const char *examples[] = { fixture->uuids[0], fixture->uuids[5], NULL };
  const char *cited[] = { fixture->uuids[0], fixture->uuids[1], fixture->uuids[5], NULL };
  g_autoptr(PlxPerspective) armenian = g_list_model_get_item (plx_project_get_perspectives (fixture->project), 0);

  plx_theme_set_description (edited, "A state that vouches for a settlement");
  plx_theme_set_inclusion (edited, "named as guarantor");
  plx_theme_set_exclusion (edited, "mediation alone");
  plx_theme_set_color (edited, "#3584e4");
  plx_theme_set_label (edited, "ru", "гарант");
  plx_theme_set_label (edited, "hy", "երաշխավոր");
  plx_theme_set_label (edited, "az", "qarant");
  plx_theme_set_examples (edited, examples);
  apply (fixture, plx_theme_changes_define (fixture->project, edited, &error), error);
  apply (fixture, plx_theme_changes_create (fixture->project, "unused", uuid_of (fixture, "security"), "Not yet used",
                                            NULL, &error), error);
  plx_memo_set_title (memo, "Guarantors");
  plx_memo_set_body (memo, "Three passages name one.");
  plx_memo_set_author (memo, "Anahit");
  plx_memo_set_citations (memo, cited);
  apply (fixture, plx_memo_changes_add (fixture->project, memo, &error), error);
  document_memo = plx_memo_new (NULL, PLX_MEMO_DOCUMENT, plx_document_get_uuid (fixture->document));
  plx_memo_set_body (document_memo, "About the text.");
  apply (fixture, plx_memo_changes_add (fixture->project, document_memo, &error), error);
  perspective_memo = plx_memo_new (NULL, PLX_MEMO_PERSPECTIVE, plx_perspective_get_uuid (armenian));
  plx_memo_set_title (perspective_memo, "The Armenian reading");
  apply (fixture, plx_memo_changes_add (fixture->project, perspective_memo, &error), error);
  plx_memo_set_title (project_memo, "Method");
  apply (fixture, plx_memo_changes_add (fixture->project, project_memo, &error), error);
  /* A citation broken before the export stays broken after it. */
  g_assert_true (plx_history_delete_annotation (fixture->history, fixture->uuids[1], &error));
  g_assert_no_error (error);

  exported = export_native (fixture->project);
  /* Optional members of version 1: a reader that does not know them
   * ignores them (docs/parallax-format.md). */
  g_assert_nonnull (strstr (exported, "\"version\": 1"));
  g_assert_nonnull (strstr (exported, "\"codebook\""));
  original = whole_codebook (fixture->project);

  copy = plx_project_create (copy_path, &error);
  g_assert_no_error (error);
  report = plx_import_data (copy, "export.json", exported, strlen (exported), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 6);
  g_assert_cmpuint (report->themes_added, ==, 7);
  g_assert_cmpuint (report->memos_added, ==, 4);
  imported = whole_codebook (copy);
  g_assert_cmpstr (imported, ==, original);
  {
    g_autoptr(PlxMemo) back = plx_project_find_memo (copy, plx_memo_get_uuid (document_memo), &error);
    g_autoptr(GPtrArray) documents = plx_project_list_documents (copy, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (plx_memo_get_target_uuid (back), ==, plx_document_get_uuid (g_ptr_array_index (documents, 0)));
  }

  /* Again: nothing changes, nothing is added twice. */
  again = plx_import_data (copy, "export.json", exported, strlen (exported), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->themes_added, ==, 0);
  g_assert_cmpuint (again->themes_updated, ==, 0);
  g_assert_cmpuint (again->memos_added, ==, 0);
  g_assert_cmpuint (again->memos_updated, ==, 0);
  reimported = whole_codebook (copy);
  g_assert_cmpstr (reimported, ==, original);

  /* Renamed and redefined here, then brought to the copy: the copy's
   * theme (same UUID) is renamed, passages and all, and redefined. */
  {
    g_autoptr(PlxTheme) redefined = plx_theme_copy (theme (fixture, "guarantor"));
    g_autoptr(PlxImportReport) third = NULL;
    g_autofree char *later = NULL;
    g_autofree char *here = NULL;
    g_autofree char *there = NULL;

    apply (fixture, plx_theme_changes_rename (fixture->project, uuid_of (fixture, "guarantor"), "guarantee", &error),
           error);
    plx_theme_set_description (redefined, "Vouches for a settlement");
    apply (fixture, plx_theme_changes_define (fixture->project, redefined, &error), error);
    later = export_native (fixture->project);
    third = plx_import_data (copy, "later.json", later, strlen (later), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (third->themes_updated, ==, 1);
    g_assert_cmpuint (third->themes_added, ==, 0);
    here = whole_codebook (fixture->project);
    there = whole_codebook (copy);
    g_assert_cmpstr (there, ==, here);
  }
}

/* A file from before the codebook (no codebook, no memos) still imports; bad codebooks
 * are refused with the place named, and nothing is written. */
static void
test_native_old_and_bad (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = export_native (fixture->project);
  g_autofree char *before = snapshot (fixture);
  g_autoptr(PlxProject) copy = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "old.parallax", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  static const char *const bad[][2] = {
    { "[{\"uuid\": \"11111111-1111-4111-8111-111111111111\", \"name\": \"a\", "
      "\"parent\": \"22222222-2222-4222-8222-222222222222\"}]", "codebook[0]: the parent of “a” is not in the file’s codebook" },
    { "[{\"uuid\": \"11111111-1111-4111-8111-111111111111\", \"name\": \"a\", "
      "\"parent\": \"22222222-2222-4222-8222-222222222222\"}, "
      "{\"uuid\": \"22222222-2222-4222-8222-222222222222\", \"name\": \"b\", "
      "\"parent\": \"11111111-1111-4111-8111-111111111111\"}]", "a cycle of parents" },
    { "[{\"uuid\": \"11111111-1111-4111-8111-111111111111\", \"name\": \"\"}]", "codebook[0]: a theme’s name cannot be empty" },
    { "[{\"uuid\": \"11111111-1111-4111-8111-111111111111\", \"name\": \"a\", \"labels\": {\"de\": \"A\"}}]", "a label in “de”" },
  };

  g_assert_true (json_parser_load_from_data (parser, exported, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (root, "codebook");
  json_object_remove_member (root, "memos");
  {
    g_autoptr(JsonNode) node = json_node_ref (json_parser_get_root (parser));
    g_autofree char *old = plx_export_json_to_string (node, TRUE, &error);
    g_autoptr(PlxImportReport) report = NULL;

    copy = plx_project_create (copy_path, &error);
    g_assert_no_error (error);
    report = plx_import_data (copy, "old.json", old, strlen (old), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->added, ==, 7);
    g_assert_cmpuint (report->themes_added, ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonParser) codebook = json_parser_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;
      g_autofree char *after = NULL;

      g_assert_true (json_parser_load_from_data (codebook, bad[i][0], -1, &error));
      json_object_set_member (root, "codebook", json_node_copy (json_parser_get_root (codebook)));
      node = json_node_ref (json_parser_get_root (parser));
      text = plx_export_json_to_string (node, TRUE, &error);
      g_assert_null (plx_import_data (fixture->project, "bad.json", text, strlen (text), &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
      if (strstr (error->message, bad[i][1]) == NULL)
        g_error ("“%s” does not say “%s”", error->message, bad[i][1]);
      g_clear_error (&error);
      after = snapshot (fixture);
      g_assert_cmpstr (after, ==, before);
    }
}

/* ---- version 4 → 5 ---- */

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A project as version 4 wrote it (the migrations of that release), with
 * a theme under another and passages tagged with both; then opened. */
static void
test_migrate_v4 (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "v4.parallax", NULL);
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) codebook = NULL;
  g_autoptr(GPtrArray) memos = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(PlxAnnotation) annotation = NULL;
  PlxTheme *child;
  sqlite3 *db = NULL;

  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", PLX_PROJECT_APPLICATION_ID);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  exec_sql (db, set_id);
  g_assert_true (_plx_sqlite_migrate (db, 4, &error));
  g_assert_no_error (error);
  exec_sql (db,
            "INSERT INTO perspectives (id, uuid, name, color, position) "
            "  VALUES (1, '11111111-1111-4111-8111-111111111111', 'Armenian', '#e01b24', 0);"
            "INSERT INTO documents (id, uuid, title, format, source, text, blocks, reader, reader_version, "
            "  content_hash, added, original_sha256) VALUES (1, '22222222-2222-4222-8222-222222222222', 't', "
            "  'plain', NULL, 'Passage 0.', x'', 'plain', 1, "
            "  '', '2024-05-01T10:00:00.000Z', '');"
            "INSERT INTO themes (id, uuid, name, description) "
            "  VALUES (1, '33333333-3333-4333-8333-333333333333', 'security', 'Threats');"
            "INSERT INTO themes (id, uuid, name, parent_id) "
            "  VALUES (2, '44444444-4444-4444-8444-444444444444', 'guarantor', 1);"
            "INSERT INTO annotations (uuid, document_id, perspective_id, start_offset, end_offset, quote, "
            "  prefix, suffix, created, modified) VALUES ('55555555-5555-4555-8555-555555555555', 1, 1, 0, 10, "
            "  'Passage 0.', '', '', '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z');"
            "INSERT INTO annotation_themes VALUES ('55555555-5555-4555-8555-555555555555', 2, 0);"
            "INSERT INTO annotation_themes VALUES ('55555555-5555-4555-8555-555555555555', 1, 1);");
  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Passage 0.", -1);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE documents SET content_hash = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
  }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  project = plx_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_check (project, report, &error));
  g_assert_no_error (error);

  codebook = plx_project_list_codebook (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codebook->len, ==, 2);
  child = plx_codebook_lookup (codebook, "security › guarantor");
  g_assert_nonnull (child);
  g_assert_cmpstr (plx_theme_get_uuid (child), ==, "44444444-4444-4444-8444-444444444444");
  g_assert_cmpstr (plx_theme_get_description (plx_codebook_lookup (codebook, "security")), ==, "Threats");
  g_assert_cmpstr (plx_theme_get_inclusion (child), ==, "");
  g_assert_cmpstr (plx_theme_get_color (child), ==, "");
  annotation = plx_project_get_annotation (project, "55555555-5555-4555-8555-555555555555", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_themes (annotation)[0], ==, "guarantor");
  g_assert_cmpstr (plx_annotation_get_themes (annotation)[1], ==, "security");
  memos = plx_project_list_memos (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (memos->len, ==, 0);
  g_clear_object (&project);

  plx_test_remove_tree (dir);
}

#define ADD(name, func) \
  g_test_add ("/core/codebook/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("rollup", test_rollup);
  ADD ("create-rename", test_create_and_rename);
  ADD ("define", test_define);
  ADD ("move-cycles", test_move_and_cycles);
  ADD ("merge", test_merge);
  ADD ("merge-hierarchy", test_merge_hierarchy);
  ADD ("split", test_split);
  ADD ("delete", test_delete);
  ADD ("bad-names", test_bad_names);
  ADD ("memos", test_memos);
  ADD ("tagging-adds-theme", test_tagging_adds_theme);
  ADD ("tree", test_tree);
  ADD ("tree-follows-tagging", test_tree_follows_tagging);
  ADD ("native-round-trip", test_native_round_trip);
  ADD ("native-old-and-bad", test_native_old_and_bad);
  g_test_add_func ("/core/codebook/migrate-v4", test_migrate_v4);
  return g_test_run ();
}
