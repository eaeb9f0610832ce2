/* test-history.c: undo and redo of every kind of change.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-test-utils.h"

typedef struct {
  char        *dir;
  PlxProject  *project;
  PlxDocument *document;
  PlxHistory  *history;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *text = "Ереван и Баку спорят. Yerevan and Baku disagree. Երևան և Բաքու։";

  fixture->dir = plx_test_make_tempdir ();
  path = g_build_filename (fixture->dir, "history.parallax", NULL);
  fixture->project = plx_project_create (path, &error);
  g_assert_no_error (error);
  fixture->document = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, "t", &error);
  g_assert_no_error (error);
  plx_project_add_document (fixture->project, fixture->document, &error);
  g_assert_no_error (error);
  fixture->history = plx_history_new (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static PlxPerspective *
perspective_at (Fixture *fixture,
                guint    position)
{
  g_autoptr(PlxPerspective) perspective = g_list_model_get_item (plx_project_get_perspectives (fixture->project), position);
  return perspective;
}

static guint
count (Fixture *fixture,
       gint64   perspective_id)
{
  PlxAnnotationQuery query = { 0, perspective_id, NULL };
  g_autoptr(GError) error = NULL;
  guint n = plx_project_count_annotations (fixture->project, &query, &error);

  g_assert_no_error (error);
  return n;
}

static PlxAnnotation *
tag (Fixture *fixture,
     guint    start,
     guint    end,
     gint64   perspective_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (fixture->document, start, end, perspective_id, &error);

  g_assert_no_error (error);
  plx_history_add_annotation (fixture->history, annotation, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&annotation);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plx_history_undo (fixture->history, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plx_history_redo (fixture->history, &error));
  g_assert_no_error (error);
}

static void
test_annotations (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 armenian = plx_perspective_get_id (perspective_at (fixture, 0));
  gint64 russian = plx_perspective_get_id (perspective_at (fixture, 3));
  g_autoptr(PlxAnnotation) first = tag (fixture, 0, 6, armenian);
  g_autoptr(PlxAnnotation) edited = plx_annotation_copy (first);
  g_autoptr(PlxAnnotation) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "mediation", NULL };

  g_assert_true (plx_history_get_can_undo (fixture->history));
  g_assert_false (plx_history_get_can_redo (fixture->history));

  plx_annotation_set_perspective_id (edited, russian);
  plx_annotation_set_themes (edited, themes);
  plx_annotation_set_note (edited, "Ответ");
  plx_history_update_annotation (fixture->history, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, russian), ==, 1);

  undo (fixture);
  stored = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (first), &error);
  g_assert_no_error (error);
  g_assert_true (plx_annotation_equal (stored, first));
  g_clear_object (&stored);

  redo (fixture);
  stored = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_note (stored), ==, "Ответ");
  g_assert_cmpstr (plx_annotation_get_themes (stored)[0], ==, "mediation");

  plx_history_delete_annotation (fixture->history, plx_annotation_get_uuid (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, 0), ==, 0);
  undo (fixture);
  g_assert_cmpuint (count (fixture, russian), ==, 1);
  undo (fixture);
  undo (fixture);
  g_assert_cmpuint (count (fixture, 0), ==, 0);
  g_assert_false (plx_history_get_can_undo (fixture->history));
  g_assert_false (plx_history_undo (fixture->history, &error));
  g_assert_error (error, PLX_ERROR, (int) PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  redo (fixture);
  redo (fixture);
  redo (fixture);
  g_assert_cmpuint (count (fixture, 0), ==, 0);
  g_assert_false (plx_history_get_can_redo (fixture->history));

  /* A new change after an undo drops what could be redone. */
  undo (fixture);
  g_clear_object (&stored);
  stored = tag (fixture, 8, 12, armenian);
  g_assert_false (plx_history_get_can_redo (fixture->history));
}

static void
test_perspective_edits (Fixture       *fixture,
                        gconstpointer  data)
{
  PlxPerspective *western = perspective_at (fixture, 2);
  gint64 id = plx_perspective_get_id (western);
  g_autoptr(GError) error = NULL;
  PlxPerspective *added;

  plx_history_rename_perspective (fixture->history, id, "Западный", &error);
  g_assert_no_error (error);
  plx_history_recolor_perspective (fixture->history, id, "#123456", &error);
  g_assert_no_error (error);
  plx_history_move_perspective (fixture->history, id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plx_perspective_get_id (perspective_at (fixture, 0)), ==, id);

  undo (fixture);
  g_assert_cmpint (plx_perspective_get_id (perspective_at (fixture, 2)), ==, id);
  undo (fixture);
  g_assert_cmpstr (plx_perspective_get_color (western), ==, "#009E73");
  undo (fixture);
  g_assert_cmpstr (plx_perspective_get_name (western), ==, "Western");
  redo (fixture);
  redo (fixture);
  redo (fixture);
  g_assert_cmpstr (plx_perspective_get_name (western), ==, "Западный");
  g_assert_cmpstr (plx_perspective_get_color (western), ==, "#123456");
  g_assert_cmpint (plx_perspective_get_position (western), ==, 0);

  added = plx_history_add_perspective (fixture->history, "Turkish", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  id = plx_perspective_get_id (added);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (fixture->project)), ==, 5);
  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (fixture->project)), ==, 4);
  g_assert_null (plx_project_find_perspective (fixture->project, id));
  redo (fixture);
  g_assert_nonnull (plx_project_find_perspective (fixture->project, id));
  g_assert_cmpstr (plx_perspective_get_name (plx_project_find_perspective (fixture->project, id)), ==, "Turkish");
}

static void
test_perspective_remove (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 armenian = plx_perspective_get_id (perspective_at (fixture, 0));
  gint64 azerbaijani = plx_perspective_get_id (perspective_at (fixture, 1));
  g_autoptr(PlxAnnotation) a = tag (fixture, 0, 6, armenian);
  g_autoptr(PlxAnnotation) b = tag (fixture, 22, 29, armenian);
  g_autoptr(PlxAnnotation) back = NULL;
  g_autoptr(GError) error = NULL;

  /* Deleting the passages with it, then undoing, brings both back. */
  plx_history_remove_perspective (fixture->history, armenian, 0, &error);
  g_assert_no_error (error);
  g_assert_null (plx_project_find_perspective (fixture->project, armenian));
  g_assert_cmpuint (count (fixture, 0), ==, 0);
  undo (fixture);
  g_assert_nonnull (plx_project_find_perspective (fixture->project, armenian));
  g_assert_cmpint (plx_perspective_get_position (plx_project_find_perspective (fixture->project, armenian)), ==, 0);
  g_assert_cmpuint (count (fixture, armenian), ==, 2);
  back = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (b), &error);
  g_assert_no_error (error);
  g_assert_true (plx_annotation_equal (back, b));

  /* Moving them to another perspective, then undoing, moves them back. */
  plx_history_remove_perspective (fixture->history, armenian, azerbaijani, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, azerbaijani), ==, 2);
  undo (fixture);
  g_assert_cmpuint (count (fixture, azerbaijani), ==, 0);
  g_assert_cmpuint (count (fixture, armenian), ==, 2);
  redo (fixture);
  g_assert_cmpuint (count (fixture, azerbaijani), ==, 2);
  g_assert_null (plx_project_find_perspective (fixture->project, armenian));
}

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  const char *text = "Второй документ: Bakı, Երևան.";
  g_autoptr(PlxDocument) second = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, "second", NULL);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(PlxAnnotation) passage = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  plx_history_add_document (fixture->history, second, &error);
  g_assert_no_error (error);
  id = plx_document_get_id (second);
  g_assert_cmpint (id, >, plx_document_get_id (fixture->document));
  passage = plx_annotation_new_for_range (second, 0, 6, plx_perspective_get_id (perspective_at (fixture, 1)), &error);
  g_assert_no_error (error);
  plx_history_add_annotation (fixture->history, passage, &error);
  g_assert_no_error (error);

  undo (fixture);
  undo (fixture);
  documents = plx_project_list_documents (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_clear_pointer (&documents, g_ptr_array_unref);

  /* Redone, it comes back under the same id, with its passage. */
  redo (fixture);
  redo (fixture);
  documents = plx_project_list_documents (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_cmpint (plx_document_get_id (g_ptr_array_index (documents, 1)), ==, id);
  g_assert_cmpstr (plx_document_get_text (g_ptr_array_index (documents, 1)), ==, text);
  g_assert_cmpuint (count (fixture, 0), ==, 1);
}

static void
count_document_changes (PlxProject   *project,
                        PlxChangeSet *changes,
                        guint        *n)
{
  for (guint i = 0; i < plx_change_set_get_n_changes (changes); i++)
    if (plx_change_set_get_change (changes, i)->kind == PLX_CHANGE_DOCUMENT)
      (*n)++;
}

/* A document's title and metadata change as one change set: announced
 * once, undone and redone, the text and the stored row in step. */
static void
test_document_info (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *meta[] = { "Caucasus Review", "2012-09-01", "https://example.org/a", "en" };
  const char *none[] = { NULL, NULL, NULL, NULL };
  gint64 id = plx_document_get_id (fixture->document);
  g_autoptr(PlxDocument) changed = NULL;
  g_autoptr(PlxDocument) reverted = NULL;
  g_autoptr(GError) error = NULL;
  guint announced = 0;

  g_signal_connect (fixture->project, "changes-committed", G_CALLBACK (count_document_changes), &announced);
  g_assert_true (plx_history_set_document_info (fixture->history, id, "The report", meta, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (announced, ==, 1);
  changed = plx_project_load_document (fixture->project, id, &error);
  g_assert_cmpstr (plx_document_get_title (changed), ==, "The report");
  g_assert_cmpstr (plx_document_get_meta (changed, PLX_DOCUMENT_META_AUTHOR), ==, "Caucasus Review");
  g_assert_cmpstr (plx_document_get_text (changed), ==, plx_document_get_text (fixture->document));
  /* The document held before is the one before the change. */
  g_assert_cmpstr (plx_document_get_title (fixture->document), ==, "t");

  undo (fixture);
  g_assert_cmpuint (announced, ==, 2);
  reverted = plx_project_load_document (fixture->project, id, &error);
  g_assert_cmpstr (plx_document_get_title (reverted), ==, "t");
  g_assert_cmpstr (plx_document_get_meta (reverted, PLX_DOCUMENT_META_AUTHOR), ==, "");
  redo (fixture);
  g_clear_object (&changed);
  changed = plx_project_load_document (fixture->project, id, &error);
  g_assert_cmpstr (plx_document_get_meta (changed, PLX_DOCUMENT_META_URL), ==, "https://example.org/a");

  /* A blank title changes nothing and is not a step. */
  g_assert_false (plx_history_set_document_info (fixture->history, id, "", none, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (announced, ==, 3);
  g_signal_handlers_disconnect_by_func (fixture->project, count_document_changes, &announced);
}

/* Each change records who made it: the author of what is added, the last
 * modifier of what is changed, kept in the file; undo puts back the
 * modifier there was. */
static void
test_coders (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) tagged = NULL;
  g_autoptr(PlxAnnotation) edited = NULL;
  g_autoptr(PlxAnnotation) stored = NULL;
  g_autoptr(PlxProject) reopened = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "history.parallax", NULL);
  gint64 perspective_id = plx_perspective_get_id (perspective_at (fixture, 0));

  plx_history_set_coder (fixture->history, "Anahit");
  g_assert_cmpstr (plx_history_get_coder (fixture->history), ==, "Anahit");
  tagged = tag (fixture, 0, 6, perspective_id);
  stored = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (tagged), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_author (stored), ==, "Anahit");
  g_assert_cmpstr (plx_annotation_get_modifier (stored), ==, "Anahit");

  /* Leyla edits Anahit's passage: still Anahit's, last changed by Leyla. */
  plx_history_set_coder (fixture->history, "Leyla");
  edited = plx_annotation_copy (stored);
  plx_annotation_set_note (edited, "a claim");
  g_assert_true (plx_history_update_annotation (fixture->history, edited, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (tagged), &error);
  g_assert_cmpstr (plx_annotation_get_author (stored), ==, "Anahit");
  g_assert_cmpstr (plx_annotation_get_modifier (stored), ==, "Leyla");

  /* In the file, read by another connection. */
  reopened = plx_project_open_for_reading (path, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = plx_project_get_annotation (reopened, plx_annotation_get_uuid (tagged), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_author (stored), ==, "Anahit");
  g_assert_cmpstr (plx_annotation_get_modifier (stored), ==, "Leyla");

  g_assert_true (plx_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (tagged), &error);
  g_assert_cmpstr (plx_annotation_get_modifier (stored), ==, "Anahit");
  g_assert_cmpstr (plx_annotation_get_note (stored), ==, "");

  /* No coder set: an author given by the caller stays as it is. */
  plx_history_set_coder (fixture->history, NULL);
  g_assert_null (plx_history_get_coder (fixture->history));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/history/annotations", Fixture, NULL, fixture_set_up, test_annotations, fixture_tear_down);
  g_test_add ("/history/perspective-edits", Fixture, NULL, fixture_set_up, test_perspective_edits, fixture_tear_down);
  g_test_add ("/history/perspective-remove", Fixture, NULL, fixture_set_up, test_perspective_remove, fixture_tear_down);
  g_test_add ("/history/documents", Fixture, NULL, fixture_set_up, test_documents, fixture_tear_down);
  g_test_add ("/history/document-info", Fixture, NULL, fixture_set_up, test_document_info, fixture_tear_down);
  g_test_add ("/history/coders", Fixture, NULL, fixture_set_up, test_coders, fixture_tear_down);
  return g_test_run ();
}
