/* test-annotation-list.c: PlxAnnotationList follows the project with exact
 * items-changed emissions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-project-private.h"
#include "plx-test-utils.h"

/*            0         1         2         3         4         5
 *            012345678901234567890123456789012345678901234567890123 */
#define TEXT "Հայաստան, Azərbaycan, Россия: 👩‍👩‍👧 peace talks in Minsk and Moscow."
#define OTHER "Another text about Bakı and Երևան."

typedef struct {
  char                    *dir;
  PlxProject              *project;
  PlxDocument             *document;
  PlxDocument             *other;
  PlxAnnotationList       *list;
  PlxItemsChangedRecorder  recorder;
} Fixture;

static PlxDocument *
add_document (PlxProject *project,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (project, document, &error));
  g_assert_no_error (error);
  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = plx_test_make_tempdir ();
  path = g_build_filename (fixture->dir, "list.parallax", NULL);
  fixture->project = plx_project_create (path, &error);
  g_assert_no_error (error);
  fixture->document = add_document (fixture->project, TEXT);
  fixture->other = add_document (fixture->project, OTHER);
  fixture->list = plx_annotation_list_new (fixture->project, plx_document_get_id (fixture->document), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->list);
  plx_items_changed_recorder_attach (&fixture->recorder, G_LIST_MODEL (fixture->list));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  plx_items_changed_recorder_clear (&fixture->recorder);
  g_clear_object (&fixture->list);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static gint64
perspective_id (PlxProject *project,
                const char *name)
{
  PlxPerspective *perspective = plx_project_find_perspective_by_name (project, name);

  g_assert_nonnull (perspective);
  return plx_perspective_get_id (perspective);
}

static PlxAnnotation *
add (Fixture     *fixture,
     PlxDocument *document,
     guint        start,
     guint        end,
     const char  *perspective)
{
  g_autoptr(GError) error = NULL;
  PlxAnnotation *annotation = plx_annotation_new_for_range (document, start, end,
                                                            perspective_id (fixture->project, perspective), &error);

  g_assert_no_error (error);
  g_assert_true (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_no_error (error);
  return annotation;
}

/* The recorded events since the last call, as "p,r,a;p,r,a". */
static char *
take_events (Fixture *fixture)
{
  GPtrArray *events = fixture->recorder.events;
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ';');
      g_string_append (joined, g_ptr_array_index (events, i));
    }
  g_ptr_array_set_size (events, 0);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

#define assert_events(fixture, expected) \
  G_STMT_START { \
    g_autofree char *_events = take_events (fixture); \
    g_assert_cmpstr (_events, ==, expected); \
  } G_STMT_END

/* The list holds exactly @expected (by uuid), in that order, in document
 * order, every one equal to what the store has. */
static void
assert_items (Fixture        *fixture,
              PlxAnnotation **expected,
              guint           n_expected)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(PlxAnnotation) item = g_list_model_get_item (model, i);
      g_autoptr(PlxAnnotation) stored = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (item), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (plx_annotation_get_uuid (item), ==, plx_annotation_get_uuid (expected[i]));
      g_assert_true (plx_annotation_equal (item, stored));
      g_assert_true (plx_annotation_list_find (fixture->list, plx_annotation_get_uuid (item)) == item);
      if (i > 0)
        {
          g_autoptr(PlxAnnotation) previous = g_list_model_get_item (model, i - 1);
          g_assert_cmpint (plx_annotation_compare (previous, item), <, 0);
        }
    }
  g_assert_null (g_list_model_get_item (model, n_expected));
}

static void
test_initial (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "initial.parallax", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = plx_project_create (path, &error);
  g_autoptr(PlxDocument) document = add_document (project, TEXT);
  g_autoptr(PlxDocument) other = add_document (project, OTHER);
  g_autoptr(PlxAnnotationList) list = NULL;
  g_autoptr(PlxAnnotationList) empty = NULL;
  const guint ranges[][2] = { { 30, 35 }, { 0, 8 }, { 22, 28 }, { 0, 28 }, { 10, 20 } };
  const guint order[] = { 3, 1, 4, 2, 0 };
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      PlxAnnotation *annotation = plx_annotation_new_for_range (document, ranges[i][0], ranges[i][1],
                                                                perspective_id (project, "Western"), &error);
      g_assert_no_error (error);
      g_assert_true (plx_project_add_annotation (project, annotation, &error));
      g_assert_no_error (error);
      g_ptr_array_add (added, annotation);
    }
  {
    g_autoptr(PlxAnnotation) elsewhere = plx_annotation_new_for_range (other, 0, 7, perspective_id (project, "Russian"), &error);
    g_assert_no_error (error);
    g_assert_true (plx_project_add_annotation (project, elsewhere, &error));
  }

  /* A list made after the fact has them all, sorted, and only its own. */
  list = plx_annotation_list_new (project, plx_document_get_id (document), &error);
  g_assert_no_error (error);
  g_assert_cmpint (plx_annotation_list_get_document_id (list), ==, plx_document_get_id (document));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == PLX_TYPE_ANNOTATION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (ranges));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(PlxAnnotation) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      PlxAnnotation *expected = g_ptr_array_index (added, order[i]);

      g_assert_true (plx_annotation_equal (item, expected));
    }
  g_assert_null (plx_annotation_list_find (list, "123e4567-e89b-42d3-a456-426614174000"));

  empty = plx_annotation_list_new (project, 999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, 0);

  g_clear_object (&list);
  g_clear_object (&empty);
  g_clear_object (&project);
  plx_test_remove_tree (dir);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(PlxAnnotation) russia = add (fixture, fixture->document, 22, 28, "Russian");
  g_autoptr(PlxAnnotation) armenia = NULL;
  g_autoptr(PlxAnnotation) both = NULL;
  g_autoptr(PlxAnnotation) emoji = NULL;
  g_autoptr(PlxAnnotation) elsewhere = NULL;
  g_autoptr(PlxAnnotation) late = NULL;

  assert_events (fixture, "0,0,1");
  {
    PlxAnnotation *expected[] = { russia };
    assert_items (fixture, expected, 1);
  }

  armenia = add (fixture, fixture->document, 0, 8, "Armenian");
  assert_events (fixture, "0,0,1");
  emoji = add (fixture, fixture->document, 30, 35, "Western");
  assert_events (fixture, "2,0,1");
  /* Same start as "Հայաստան" but longer: it goes first. */
  both = add (fixture, fixture->document, 0, 20, "Azerbaijani");
  assert_events (fixture, "0,0,1");
  {
    PlxAnnotation *expected[] = { both, armenia, russia, emoji };
    assert_items (fixture, expected, 4);
  }

  /* Another document's annotations are not ours. */
  elsewhere = add (fixture, fixture->other, 0, 7, "Russian");
  assert_events (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 4);
  g_assert_null (plx_annotation_list_find (fixture->list, plx_annotation_get_uuid (elsewhere)));

  late = add (fixture, fixture->document, 36, 41, "Western");
  assert_events (fixture, "4,0,1");

  /* The list keeps its own copy: editing ours does not change it. */
  plx_annotation_set_note (russia, "edited but not saved");
  g_assert_cmpstr (plx_annotation_get_note (plx_annotation_list_find (fixture->list, plx_annotation_get_uuid (russia))), ==, "");
}

static void
test_update_in_place (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PlxAnnotation) a = add (fixture, fixture->document, 0, 8, "Armenian");
  g_autoptr(PlxAnnotation) b = add (fixture, fixture->document, 10, 20, "Azerbaijani");
  g_autoptr(PlxAnnotation) c = add (fixture, fixture->document, 22, 28, "Russian");
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "energy", NULL };
  PlxAnnotation *item;

  assert_events (fixture, "0,0,1;1,0,1;2,0,1");

  plx_annotation_set_note (b, "Qeyd");
  plx_annotation_set_themes (b, themes);
  plx_annotation_touch (b);
  g_assert_true (plx_project_update_annotation (fixture->project, b, &error));
  g_assert_no_error (error);
  assert_events (fixture, "1,1,1");
  item = plx_annotation_list_find (fixture->list, plx_annotation_get_uuid (b));
  g_assert_true (plx_annotation_equal (item, b));
  g_assert_cmpstr (plx_annotation_get_note (item), ==, "Qeyd");

  /* A new range that keeps the same place is still in place. */
  plx_annotation_set_range (b, fixture->document, 12, 20);
  g_assert_true (plx_project_update_annotation (fixture->project, b, &error));
  g_assert_no_error (error);
  assert_events (fixture, "1,1,1");

  plx_annotation_set_perspective_id (c, perspective_id (fixture->project, "Western"));
  g_assert_true (plx_project_update_annotation (fixture->project, c, &error));
  g_assert_no_error (error);
  assert_events (fixture, "2,1,1");

  plx_annotation_set_author (a, "Անի");
  g_assert_true (plx_project_update_annotation (fixture->project, a, &error));
  g_assert_no_error (error);
  assert_events (fixture, "0,1,1");

  {
    PlxAnnotation *expected[] = { a, b, c };
    assert_items (fixture, expected, 3);
  }
}

static void
test_update_moves (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PlxAnnotation) a = add (fixture, fixture->document, 0, 8, "Armenian");
  g_autoptr(PlxAnnotation) b = add (fixture, fixture->document, 10, 20, "Azerbaijani");
  g_autoptr(PlxAnnotation) c = add (fixture, fixture->document, 22, 28, "Russian");
  g_autoptr(PlxAnnotation) d = add (fixture, fixture->document, 30, 35, "Western");
  g_autoptr(GError) error = NULL;

  assert_events (fixture, "0,0,1;1,0,1;2,0,1;3,0,1");

  /* a moves from the front to the end: out at 0, in at 3. */
  plx_annotation_set_range (a, fixture->document, 36, 41);
  g_assert_true (plx_project_update_annotation (fixture->project, a, &error));
  g_assert_no_error (error);
  assert_events (fixture, "0,1,0;3,0,1");
  {
    PlxAnnotation *expected[] = { b, c, d, a };
    assert_items (fixture, expected, 4);
  }

  /* d moves back to the front. */
  plx_annotation_set_range (d, fixture->document, 0, 8);
  g_assert_true (plx_project_update_annotation (fixture->project, d, &error));
  g_assert_no_error (error);
  assert_events (fixture, "2,1,0;0,0,1");
  {
    PlxAnnotation *expected[] = { d, b, c, a };
    assert_items (fixture, expected, 4);
  }

  /* c moves one place on, past a neighbour that starts before it. */
  plx_annotation_set_range (c, fixture->document, 37, 41);
  g_assert_true (plx_project_update_annotation (fixture->project, c, &error));
  g_assert_no_error (error);
  assert_events (fixture, "2,1,0;3,0,1");
  {
    PlxAnnotation *expected[] = { d, b, a, c };
    assert_items (fixture, expected, 4);
  }

  /* Moved to another document: it leaves this list. */
  plx_annotation_set_range (b, fixture->other, 0, 7);
  g_assert_true (plx_project_update_annotation (fixture->project, b, &error));
  g_assert_no_error (error);
  assert_events (fixture, "1,1,0");
  {
    PlxAnnotation *expected[] = { d, a, c };
    assert_items (fixture, expected, 3);
  }

  /* …and back again. */
  plx_annotation_set_range (b, fixture->document, 10, 20);
  g_assert_true (plx_project_update_annotation (fixture->project, b, &error));
  g_assert_no_error (error);
  assert_events (fixture, "1,0,1");
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PlxAnnotation) a = add (fixture, fixture->document, 0, 8, "Armenian");
  g_autoptr(PlxAnnotation) b = add (fixture, fixture->document, 10, 20, "Azerbaijani");
  g_autoptr(PlxAnnotation) c = add (fixture, fixture->document, 22, 28, "Russian");
  g_autoptr(PlxAnnotation) elsewhere = add (fixture, fixture->other, 0, 7, "Russian");
  g_autoptr(GError) error = NULL;

  assert_events (fixture, "0,0,1;1,0,1;2,0,1");

  g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (b), &error));
  g_assert_no_error (error);
  assert_events (fixture, "1,1,0");
  g_assert_null (plx_annotation_list_find (fixture->list, plx_annotation_get_uuid (b)));

  g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (elsewhere), &error));
  g_assert_no_error (error);
  assert_events (fixture, "");

  g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (c), &error));
  assert_events (fixture, "1,1,0");
  g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (a), &error));
  assert_events (fixture, "0,1,0");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 0);

  /* A refused delete says nothing. */
  g_assert_false (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (a), &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  assert_events (fixture, "");
}

static void
test_perspective_removed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PlxAnnotation) a = add (fixture, fixture->document, 0, 8, "Armenian");
  g_autoptr(PlxAnnotation) b = add (fixture, fixture->document, 10, 20, "Russian");
  g_autoptr(PlxAnnotation) c = add (fixture, fixture->document, 22, 28, "Russian");
  g_autoptr(GError) error = NULL;
  gint64 western = perspective_id (fixture->project, "Western");

  assert_events (fixture, "0,0,1;1,0,1;2,0,1");

  /* Handed over: each changes in place. */
  g_assert_true (plx_project_remove_perspective (fixture->project, perspective_id (fixture->project, "Russian"), western, &error));
  g_assert_no_error (error);
  assert_events (fixture, "1,1,1;2,1,1");
  g_assert_cmpint (plx_annotation_get_perspective_id (plx_annotation_list_find (fixture->list, plx_annotation_get_uuid (b))), ==, western);
  g_assert_cmpint (plx_annotation_get_perspective_id (plx_annotation_list_find (fixture->list, plx_annotation_get_uuid (c))), ==, western);

  /* Deleted with their perspective. */
  g_assert_true (plx_project_remove_perspective (fixture->project, western, 0, &error));
  g_assert_no_error (error);
  assert_events (fixture, "1,1,0;1,1,0");
  {
    PlxAnnotation *expected[] = { a };
    assert_items (fixture, expected, 1);
  }
}

static void
test_rollback_silent (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PlxAnnotation) a = add (fixture, fixture->document, 0, 8, "Armenian");
  g_autoptr(PlxAnnotation) b = NULL;
  g_autoptr(GError) error = NULL;

  assert_events (fixture, "0,0,1");
  g_assert_true (_plx_project_begin (fixture->project, &error));
  b = add (fixture, fixture->document, 10, 20, "Azerbaijani");
  g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (a), &error));
  assert_events (fixture, "");
  _plx_project_rollback (fixture->project);
  assert_events (fixture, "");
  {
    PlxAnnotation *expected[] = { a };
    assert_items (fixture, expected, 1);
  }

  /* Committed, the list hears of both, in order. */
  g_assert_true (_plx_project_begin (fixture->project, &error));
  g_clear_object (&b);
  b = add (fixture, fixture->document, 10, 20, "Azerbaijani");
  g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (a), &error));
  g_assert_true (_plx_project_commit (fixture->project, &error));
  g_assert_no_error (error);
  assert_events (fixture, "1,0,1;0,1,0");
  {
    PlxAnnotation *expected[] = { b };
    assert_items (fixture, expected, 1);
  }
}

static void
test_at_offset (Fixture       *fixture,
                gconstpointer  data)
{
  /* Overlapping: [0,20) ⊃ [0,8), [10,28) overlaps both, [22,28). */
  g_autoptr(PlxAnnotation) wide = add (fixture, fixture->document, 0, 20, "Western");
  g_autoptr(PlxAnnotation) armenia = add (fixture, fixture->document, 0, 8, "Armenian");
  g_autoptr(PlxAnnotation) middle = add (fixture, fixture->document, 10, 28, "Azerbaijani");
  g_autoptr(PlxAnnotation) russia = add (fixture, fixture->document, 22, 28, "Russian");
  g_autoptr(PlxAnnotation) emoji = add (fixture, fixture->document, 30, 35, "Western");
  struct {
    guint          offset;
    PlxAnnotation *covering[3];
  } cases[] = {
    { 0, { wide, armenia, NULL } },
    { 7, { wide, armenia, NULL } },
    { 8, { wide, NULL } },
    { 9, { wide, NULL } },
    { 10, { wide, middle, NULL } },
    { 19, { wide, middle, NULL } },
    { 20, { middle, NULL } },
    { 22, { middle, russia, NULL } },
    { 27, { middle, russia, NULL } },
    { 28, { NULL } },
    { 29, { NULL } },
    { 30, { emoji, NULL } },
    { 34, { emoji, NULL } },
    { 35, { NULL } },
    { 10000, { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) covering = plx_annotation_list_at_offset (fixture->list, cases[i].offset);
      guint n = 0;

      while (cases[i].covering[n] != NULL)
        n++;
      g_test_message ("offset %u", cases[i].offset);
      g_assert_cmpuint (covering->len, ==, n);
      for (guint j = 0; j < n; j++)
        g_assert_cmpstr (plx_annotation_get_uuid (g_ptr_array_index (covering, j)), ==,
                         plx_annotation_get_uuid (cases[i].covering[j]));
    }

  /* It follows deletions too. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) covering = NULL;

    g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (wide), &error));
    covering = plx_annotation_list_at_offset (fixture->list, 5);
    g_assert_cmpuint (covering->len, ==, 1);
    g_assert_cmpstr (plx_annotation_get_uuid (g_ptr_array_index (covering, 0)), ==, plx_annotation_get_uuid (armenia));
  }
}

/* The binary searches (at_offset, find_span) answer as a walk over every
 * item would, through random adds and deletes. */
static void
test_searches_match_walk (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *names[] = { "Armenian", "Azerbaijani", "Western", "Russian" };
  guint length = plx_document_get_length (fixture->document);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint step = 0; step < 120; step++)
    {
      GListModel *model = G_LIST_MODEL (fixture->list);

      if (added->len > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autoptr(GError) error = NULL;
          guint victim = (guint) g_rand_int_range (rand, 0, (gint32) added->len);

          g_assert_true (plx_project_delete_annotation (fixture->project,
                                                        plx_annotation_get_uuid (g_ptr_array_index (added, victim)),
                                                        &error));
          g_ptr_array_remove_index (added, victim);
        }
      else
        {
          /* In the plain words after the emoji, whose family a range
           * would be widened to take whole. */
          guint start = (guint) g_rand_int_range (rand, 40, (gint32) length - 10);
          guint span = 1 + (guint) g_rand_int_range (rand, 0, step % 7 == 0 ? 30 : 5);
          guint end = MIN (length - 5, start + span);

          g_ptr_array_add (added, add (fixture, fixture->document, start, end, names[step % 4]));
        }

      for (guint offset = 0; offset <= length; offset++)
        {
          g_autoptr(GPtrArray) covering = plx_annotation_list_at_offset (fixture->list, offset);
          guint n = 0;

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(PlxAnnotation) item = g_list_model_get_item (model, i);

              if (plx_annotation_get_start (item) <= offset && offset < plx_annotation_get_end (item))
                {
                  g_assert_cmpuint (n, <, covering->len);
                  g_assert_true (g_ptr_array_index (covering, n) == item);
                  n++;
                }
            }
          g_assert_cmpuint (n, ==, covering->len);
        }
      for (guint i = 0; i < added->len; i++)
        {
          PlxAnnotation *one = g_ptr_array_index (added, i);
          PlxAnnotation *found = plx_annotation_list_find_span (fixture->list, plx_annotation_get_start (one),
                                                                plx_annotation_get_end (one),
                                                                plx_annotation_get_perspective_id (one));

          g_assert_nonnull (found);
          g_assert_cmpuint (plx_annotation_get_start (found), ==, plx_annotation_get_start (one));
          g_assert_cmpuint (plx_annotation_get_end (found), ==, plx_annotation_get_end (one));
        }
      g_assert_null (plx_annotation_list_find_span (fixture->list, 0, length + 5, 1));
    }
}

static void
test_references (void)
{
  /* The list holds the project: dropping the caller's reference first is
   * fine, and the list stops listening once it is gone. */
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "ref.parallax", NULL);
  g_autoptr(GError) error = NULL;
  PlxProject *project = plx_project_create (path, &error);
  g_autoptr(PlxDocument) document = add_document (project, TEXT);
  PlxAnnotationList *list = plx_annotation_list_new (project, plx_document_get_id (document), &error);
  PlxAnnotationList *second = plx_annotation_list_new (project, plx_document_get_id (document), &error);
  g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (document, 0, 8, perspective_id (project, "Armenian"), &error);

  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &project);
  g_object_unref (list);
  g_assert_true (plx_project_add_annotation (project, annotation, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 1);
  g_object_unref (project);
  g_assert_nonnull (project);
  g_object_unref (second);
  g_assert_null (project);
  plx_test_remove_tree (dir);
}

/* What a view learns from items-changed alone, applied to a copy. */
static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, (int) (position + i), g_list_model_get_item (model, position + i));
}

/* Each perspective's passages are the document's list filtered for it,
 * the very same objects in the same order, and their items-changed
 * emissions say exactly that, through random adds, moves, hand-overs
 * between perspectives and deletes. */
static void
test_perspective_passages (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *names[] = { "Armenian", "Azerbaijani", "Western", "Russian" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *source = G_LIST_MODEL (fixture->list);
  PlxPerspectivePassages *views[G_N_ELEMENTS (names)];
  GPtrArray *mirrors[G_N_ELEMENTS (names)];
  guint length = g_utf8_strlen (TEXT, -1);

  /* Some passages before the views exist, so they start from a list. */
  for (guint i = 0; i < 12; i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 1);
      g_ptr_array_add (live, add (fixture, fixture->document, start, g_rand_int_range (rand, start + 1, length + 1),
                                  names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]));
    }
  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      views[p] = plx_perspective_passages_new (source, perspective_id (fixture->project, names[p]));
      g_assert_cmpint (plx_perspective_passages_get_perspective_id (views[p]), ==,
                       perspective_id (fixture->project, names[p]));
      mirrors[p] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (views[p])); i++)
        g_ptr_array_add (mirrors[p], g_list_model_get_item (G_LIST_MODEL (views[p]), i));
      g_signal_connect (views[p], "items-changed", G_CALLBACK (mirror_changed_cb), mirrors[p]);
    }

  for (guint step = 0; step < 300; step++)
    {
      g_autoptr(GError) error = NULL;
      guint action = live->len < 4 ? 0 : g_rand_int_range (rand, 0, 4);
      guint start = g_rand_int_range (rand, 0, length - 1);
      guint end = g_rand_int_range (rand, start + 1, MIN (start + 12, length) + 1);
      const char *perspective = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];

      if (action == 0)
        g_ptr_array_add (live, add (fixture, fixture->document, start, end, perspective));
      else if (action == 3)
        {
          guint victim = g_rand_int_range (rand, 0, live->len);

          g_assert_true (plx_project_delete_annotation (fixture->project,
                                                        plx_annotation_get_uuid (g_ptr_array_index (live, victim)), &error));
          g_assert_no_error (error);
          g_ptr_array_remove_index (live, victim);
        }
      else
        {
          PlxAnnotation *changed = g_ptr_array_index (live, g_rand_int_range (rand, 0, live->len));

          if (action == 1)
            plx_annotation_set_range (changed, fixture->document, start, end);
          else
            plx_annotation_set_perspective_id (changed, perspective_id (fixture->project, perspective));
          g_assert_true (plx_project_update_annotation (fixture->project, changed, &error));
          g_assert_no_error (error);
        }

      for (guint p = 0; p < G_N_ELEMENTS (names); p++)
        {
          GListModel *view = G_LIST_MODEL (views[p]);
          guint at = 0;

          for (guint i = 0; i < g_list_model_get_n_items (source); i++)
            {
              g_autoptr(PlxAnnotation) item = g_list_model_get_item (source, i);
              g_autoptr(PlxAnnotation) mine = NULL;

              if (plx_annotation_get_perspective_id (item) != plx_perspective_passages_get_perspective_id (views[p]))
                continue;
              mine = g_list_model_get_item (view, at);
              g_assert_true (mine == item);
              g_assert_true (g_ptr_array_index (mirrors[p], at) == item);
              at++;
            }
          g_assert_cmpuint (g_list_model_get_n_items (view), ==, at);
          g_assert_cmpuint (mirrors[p]->len, ==, at);
        }
    }

  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      g_object_unref (views[p]);
      g_ptr_array_unref (mirrors[p]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/core/annotation-list/initial", test_initial);
  ADD ("/core/annotation-list/add", test_add);
  ADD ("/core/annotation-list/update/in-place", test_update_in_place);
  ADD ("/core/annotation-list/update/moves", test_update_moves);
  ADD ("/core/annotation-list/delete", test_delete);
  ADD ("/core/annotation-list/perspective-removed", test_perspective_removed);
  ADD ("/core/annotation-list/rollback", test_rollback_silent);
  ADD ("/core/annotation-list/at-offset", test_at_offset);
  ADD ("/core/annotation-list/searches-match-walk", test_searches_match_walk);
  ADD ("/core/annotation-list/perspective-passages", test_perspective_passages);
  g_test_add_func ("/core/annotation-list/references", test_references);

#undef ADD

  return g_test_run ();
}
