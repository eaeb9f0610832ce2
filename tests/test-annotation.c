/* test-annotation.c: PlxAnnotation validation, context, themes, ordering.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-test-utils.h"

/* 0         1         2         3         4
 * 0123456789012345678901234567890123456789012345 */
#define TEXT \
  "Հայաստան and Azərbaycan met in Москва. 👩‍👩‍👧 Peace talks continued for years " \
  "without a settlement; Россия, France and the U.S. co-chaired the Minsk Group."

typedef struct {
  char        *dir;
  PlxProject  *project;
  PlxDocument *document;
  gint64       perspective_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PlxPerspective) first = NULL;

  fixture->dir = plx_test_make_tempdir ();
  path = g_build_filename (fixture->dir, "test.parallax", NULL);
  fixture->project = plx_project_create (path, &error);
  g_assert_no_error (error);
  fixture->document = plx_document_new_from_data (TEXT, strlen (TEXT), PLX_DOCUMENT_FORMAT_PLAIN, "Test", &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, fixture->document, &error));
  g_assert_no_error (error);
  first = g_list_model_get_item (plx_project_get_perspectives (fixture->project), 0);
  fixture->perspective_id = plx_perspective_get_id (first);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static PlxDocument *
plain_document (const char *text)
{
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, "Test", &error);

  g_assert_no_error (error);
  return document;
}

static void
test_new_for_range (void)
{
  g_autoptr(PlxDocument) document = plain_document (TEXT);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) armenian = NULL;
  g_autoptr(PlxAnnotation) azerbaijani = NULL;
  g_autoptr(PlxAnnotation) russian = NULL;
  g_autoptr(PlxAnnotation) emoji = NULL;
  g_autoptr(PlxAnnotation) whole = NULL;

  plx_document_set_id (document, 5);
  armenian = plx_annotation_new_for_range (document, 0, 8, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_quote (armenian), ==, "Հայաստան");
  g_assert_cmpuint (plx_annotation_get_start (armenian), ==, 0);
  g_assert_cmpuint (plx_annotation_get_end (armenian), ==, 8);
  g_assert_cmpint (plx_annotation_get_document_id (armenian), ==, 5);
  g_assert_cmpint (plx_annotation_get_perspective_id (armenian), ==, 3);
  g_assert_true (plx_text_is_uuid (plx_annotation_get_uuid (armenian)));
  g_assert_true (plx_text_is_iso8601 (plx_annotation_get_created (armenian)));
  g_assert_cmpstr (plx_annotation_get_created (armenian), ==, plx_annotation_get_modified (armenian));
  g_assert_cmpstr (plx_annotation_get_note (armenian), ==, "");
  g_assert_cmpstr (plx_annotation_get_author (armenian), ==, "");
  g_assert_nonnull (plx_annotation_get_themes (armenian));
  g_assert_null (plx_annotation_get_themes (armenian)[0]);
  g_assert_true (plx_annotation_check_text (armenian, document, &error));
  g_assert_no_error (error);

  azerbaijani = plx_annotation_new_for_range (document, 13, 23, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_quote (azerbaijani), ==, "Azərbaycan");

  russian = plx_annotation_new_for_range (document, 31, 37, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_quote (russian), ==, "Москва");

  emoji = plx_annotation_new_for_range (document, 39, 44, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_quote (emoji), ==, "👩‍👩‍👧");

  /* The whole document, end == length, is allowed. */
  whole = plx_annotation_new_for_range (document, 0, plx_document_get_length (document), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_quote (whole), ==, TEXT);
  g_assert_cmpstr (plx_annotation_get_prefix (whole), ==, "");
  g_assert_cmpstr (plx_annotation_get_suffix (whole), ==, "");

  /* Two annotations never share an id. */
  g_assert_cmpstr (plx_annotation_get_uuid (armenian), !=, plx_annotation_get_uuid (russian));
}

static void
test_error_empty_selection (void)
{
  g_autoptr(PlxDocument) document = plain_document (TEXT);
  g_autoptr(GError) error = NULL;
  PlxAnnotation *annotation;

  annotation = plx_annotation_new_for_range (document, 7, 7, 1, &error);
  g_assert_null (annotation);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_EMPTY_SELECTION);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_nonnull (strstr (error->message, "7"));
  g_clear_error (&error);

  annotation = plx_annotation_new_for_range (document, 0, 0, 1, &error);
  g_assert_null (annotation);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_EMPTY_SELECTION);
}

static void
test_error_reversed (void)
{
  g_autoptr(PlxDocument) document = plain_document (TEXT);
  g_autoptr(GError) error = NULL;
  PlxAnnotation *annotation;

  annotation = plx_annotation_new_for_range (document, 20, 10, 1, &error);
  g_assert_null (annotation);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "20"));
  g_assert_nonnull (strstr (error->message, "10"));
}

static void
test_error_past_end (void)
{
  g_autoptr(PlxDocument) document = plain_document (TEXT);
  g_autoptr(GError) error = NULL;
  g_autofree char *length = g_strdup_printf ("%u", plx_document_get_length (document));
  guint n = plx_document_get_length (document);
  PlxAnnotation *annotation;

  annotation = plx_annotation_new_for_range (document, n - 2, n + 1, 1, &error);
  g_assert_null (annotation);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
  /* The message gives the document's title and length. */
  g_assert_nonnull (strstr (error->message, "Test"));
  g_assert_nonnull (strstr (error->message, length));
  g_clear_error (&error);

  annotation = plx_annotation_new_for_range (document, n + 5, n + 10, 1, &error);
  g_assert_null (annotation);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  annotation = plx_annotation_new_for_range (document, 0, G_MAXUINT, 1, &error);
  g_assert_null (annotation);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  /* In the number's own form: a document of one character. */
  {
    g_autoptr(PlxDocument) one = plain_document ("x");

    g_assert_cmpuint (plx_document_get_length (one), ==, 1);
    annotation = plx_annotation_new_for_range (one, 0, 2, 1, &error);
    g_assert_null (annotation);
    g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
    g_assert_true (g_str_has_suffix (error->message, "which has 1 character"));
  }
}

static void
test_error_check_text (void)
{
  g_autoptr(PlxDocument) document = plain_document (TEXT);
  g_autoptr(PlxAnnotation) annotation = g_object_new (PLX_TYPE_ANNOTATION, NULL);
  g_autoptr(GError) error = NULL;

  plx_annotation_set_selector (annotation, 0, 8, "Հայաստան", "", " and");
  g_assert_true (plx_annotation_check_text (annotation, document, &error));
  g_assert_no_error (error);

  /* One letter off. */
  plx_annotation_set_selector (annotation, 1, 9, "Հայաստան", "", "");
  g_assert_false (plx_annotation_check_text (annotation, document, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_QUOTE_MISMATCH);
  g_assert_nonnull (strstr (error->message, "Հայաստան"));
  g_assert_nonnull (strstr (error->message, "այաստան "));
  g_clear_error (&error);

  /* Not NFC: the stored text is, so this is not the same string. */
  plx_annotation_set_selector (annotation, 13, 23, "Aze\xcc\x86rbaycan", "", "");
  g_assert_false (plx_annotation_check_text (annotation, document, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_QUOTE_MISMATCH);
  g_clear_error (&error);

  plx_annotation_set_selector (annotation, 5, 5, "", "", "");
  g_assert_false (plx_annotation_check_text (annotation, document, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_EMPTY_SELECTION);
  g_clear_error (&error);

  plx_annotation_set_selector (annotation, 9, 5, "x", "", "");
  g_assert_false (plx_annotation_check_text (annotation, document, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  plx_annotation_set_selector (annotation, 5, 5000, "x", "", "");
  g_assert_false (plx_annotation_check_text (annotation, document, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
}

static void
test_project_unknown_perspective (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (fixture->document, 0, 8, 9999, &error);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_no_error (error);
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_clear_error (&error);

  plx_annotation_set_perspective_id (annotation, 0);
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE);
  g_clear_error (&error);

  all = plx_project_list_annotations (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_project_quote_mismatch (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (fixture->document, 31, 37, fixture->perspective_id, &error);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_no_error (error);
  plx_annotation_set_selector (annotation, 31, 37, "Moscow", plx_annotation_get_prefix (annotation),
                               plx_annotation_get_suffix (annotation));
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_QUOTE_MISMATCH);
  g_assert_nonnull (strstr (error->message, "Moscow"));
  g_assert_nonnull (strstr (error->message, "Москва"));
  g_clear_error (&error);

  /* Right quote, wrong place. */
  plx_annotation_set_selector (annotation, 32, 38, "Москва", "", "");
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_QUOTE_MISMATCH);
  g_clear_error (&error);

  /* Range errors also come back from the store. */
  plx_annotation_set_selector (annotation, 31, 31, "", "", "");
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_EMPTY_SELECTION);
  g_clear_error (&error);

  plx_annotation_set_selector (annotation, 37, 31, "Москва", "", "");
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  plx_annotation_set_selector (annotation, 31, 100000, "Москва", "", "");
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  all = plx_project_list_annotations (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_project_bad_uuid (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (fixture->document, 0, 8, fixture->perspective_id, &error);

  g_assert_no_error (error);
  plx_annotation_set_uuid (annotation, "not-a-uuid");
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "not-a-uuid"));
  g_clear_error (&error);

  plx_annotation_set_uuid (annotation, "");
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_null (plx_project_get_annotation (fixture->project, "not-a-uuid", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
}

static void
test_project_bad_times_and_document (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (fixture->document, 0, 8, fixture->perspective_id, &error);

  g_assert_no_error (error);
  plx_annotation_set_times (annotation, "last Tuesday", "2012-06-05T12:00:00.000Z");
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "last Tuesday"));
  g_clear_error (&error);

  plx_annotation_set_times (annotation, "2012-06-05T12:00:00.000Z", "2012-06-05T12:00:00.000Z");
  plx_annotation_set_document_id (annotation, 4242);
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));
  g_clear_error (&error);

  /* Fixed, it goes in; a second time it is a duplicate. */
  plx_annotation_set_document_id (annotation, plx_document_get_id (fixture->document));
  g_assert_true (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_no_error (error);
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
}

static void
test_context (void)
{
  g_autoptr(PlxDocument) document = plain_document (TEXT);
  guint length = plx_document_get_length (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) start = plx_annotation_new_for_range (document, 0, 8, 1, &error);
  g_autoptr(PlxAnnotation) middle = NULL;
  g_autoptr(PlxAnnotation) end = NULL;
  g_autoptr(PlxAnnotation) near = NULL;
  g_autofree char *expected_prefix = NULL;
  g_autofree char *expected_suffix = NULL;
  g_autofree char *end_prefix = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_prefix (start), ==, "");
  g_assert_cmpint (g_utf8_strlen (plx_annotation_get_suffix (start), -1), ==, PLX_ANNOTATION_CONTEXT_LENGTH);
  g_assert_cmpstr (plx_annotation_get_suffix (start), ==, " and Azərbaycan met in Москва. 👩");

  /* "Россия" in the middle: 32 code points each side. */
  middle = plx_annotation_new_for_range (document, 99, 105, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_quote (middle), ==, "Россия");
  expected_prefix = plx_document_dup_range (document, 99 - PLX_ANNOTATION_CONTEXT_LENGTH, 99);
  expected_suffix = plx_document_dup_range (document, 105, 105 + PLX_ANNOTATION_CONTEXT_LENGTH);
  g_assert_cmpstr (plx_annotation_get_prefix (middle), ==, expected_prefix);
  g_assert_cmpstr (plx_annotation_get_suffix (middle), ==, expected_suffix);
  g_assert_cmpint (g_utf8_strlen (plx_annotation_get_prefix (middle), -1), ==, PLX_ANNOTATION_CONTEXT_LENGTH);
  g_assert_true (g_str_has_suffix (plx_annotation_get_prefix (middle), "settlement; "));
  g_assert_true (g_str_has_prefix (plx_annotation_get_suffix (middle), ", France"));

  /* At the end: the suffix is what is left. */
  end = plx_annotation_new_for_range (document, length - 6, length, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_quote (end), ==, "Group.");
  g_assert_cmpstr (plx_annotation_get_suffix (end), ==, "");
  end_prefix = plx_document_dup_range (document, length - 6 - PLX_ANNOTATION_CONTEXT_LENGTH, length - 6);
  g_assert_cmpstr (plx_annotation_get_prefix (end), ==, end_prefix);

  /* Near the start: the prefix is shorter than 32. */
  near = plx_annotation_new_for_range (document, 13, 23, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_prefix (near), ==, "Հայաստան and ");
  g_assert_true (plx_annotation_check_text (near, document, &error));

  /* set_range takes everything from the document again. */
  plx_annotation_set_range (near, document, 31, 37);
  g_assert_cmpstr (plx_annotation_get_quote (near), ==, "Москва");
  g_assert_cmpstr (plx_annotation_get_prefix (near), ==, "Հայաստան and Azərbaycan met in ");
  g_assert_true (g_str_has_prefix (plx_annotation_get_suffix (near), ". 👩‍👩‍👧 Peace"));
}

static void
assert_strv (const char * const *got,
             const char * const *expected)
{
  g_assert_cmpuint (g_strv_length ((char **) got), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (got[i], ==, expected[i]);
}

static void
test_themes_normalize (void)
{
  const char *input[] = {
    "  arms sales ", "Arms Sales", "", "   ", "\tmediation\n", "MEDIATION",
    "Мир", "мир", "Caf\x65\xcc\x81", "Café", "Հայ", "ceasefire", NULL,
  };
  const char *expected[] = { "arms sales", "mediation", "Мир", "Café", "Հայ", "ceasefire", NULL };
  const char *none[] = { "", " ", NULL };
  const char *empty[] = { NULL };
  g_auto(GStrv) normal = plx_themes_normalize (input);
  g_auto(GStrv) from_none = plx_themes_normalize (none);
  g_auto(GStrv) from_null = plx_themes_normalize (NULL);

  assert_strv ((const char * const *) normal, expected);
  assert_strv ((const char * const *) from_none, empty);
  assert_strv ((const char * const *) from_null, empty);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_themes_annotation (void)
{
  g_autoptr(PlxAnnotation) annotation = g_object_new (PLX_TYPE_ANNOTATION, NULL);
  const char *themes[] = { " Minsk Group ", "minsk group", "", "Arms sales", NULL };
  const char *same[] = { "Minsk Group", "Arms sales", NULL };
  const char *expected[] = { "Minsk Group", "Arms sales", NULL };
  const char *empty[] = { NULL };
  g_auto(GStrv) property = NULL;
  guint notifications = 0;

  g_signal_connect (annotation, "notify::themes", G_CALLBACK (count_notify_cb), &notifications);
  plx_annotation_set_themes (annotation, themes);
  assert_strv (plx_annotation_get_themes (annotation), expected);
  g_assert_cmpuint (notifications, ==, 1);

  /* The same set again is no change. */
  plx_annotation_set_themes (annotation, same);
  g_assert_cmpuint (notifications, ==, 1);

  g_assert_true (plx_annotation_has_theme (annotation, "minsk GROUP"));
  g_assert_true (plx_annotation_has_theme (annotation, "Arms sales"));
  g_assert_false (plx_annotation_has_theme (annotation, "mediation"));
  g_assert_false (plx_annotation_has_theme (annotation, "Minsk"));

  g_object_get (annotation, "themes", &property, NULL);
  assert_strv ((const char * const *) property, expected);

  plx_annotation_set_themes (annotation, NULL);
  assert_strv (plx_annotation_get_themes (annotation), empty);
  g_assert_cmpuint (notifications, ==, 2);
}

static PlxAnnotation *
full_annotation (PlxDocument *document)
{
  g_autoptr(GError) error = NULL;
  PlxAnnotation *annotation = plx_annotation_new_for_range (document, 13, 23, 2, &error);
  const char *themes[] = { "energy", "Baku", NULL };

  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, themes);
  plx_annotation_set_note (annotation, "Примечание: Azərbaycan");
  plx_annotation_set_author (annotation, "Անի");
  plx_annotation_set_times (annotation, "2012-06-05T12:00:00.000Z", "2012-06-06T08:30:00.250Z");
  return annotation;
}

static void
test_copy_equal (void)
{
  g_autoptr(PlxDocument) document = plain_document (TEXT);
  g_autoptr(PlxAnnotation) original = NULL;
  g_autoptr(PlxAnnotation) copy = NULL;
  const char *other_themes[] = { "Baku", "energy", NULL };

  plx_document_set_id (document, 3);
  original = full_annotation (document);
  copy = plx_annotation_copy (original);

  g_assert_true (copy != original);
  g_assert_true (plx_annotation_equal (original, copy));
  g_assert_true (plx_annotation_equal (copy, original));
  g_assert_true (plx_annotation_equal (original, original));
  g_assert_cmpstr (plx_annotation_get_uuid (copy), ==, plx_annotation_get_uuid (original));
  g_assert_cmpint (plx_annotation_get_document_id (copy), ==, 3);
  g_assert_cmpint (plx_annotation_get_perspective_id (copy), ==, 2);
  g_assert_cmpstr (plx_annotation_get_quote (copy), ==, "Azərbaycan");
  g_assert_cmpstr (plx_annotation_get_prefix (copy), ==, plx_annotation_get_prefix (original));
  g_assert_cmpstr (plx_annotation_get_suffix (copy), ==, plx_annotation_get_suffix (original));
  g_assert_cmpstr (plx_annotation_get_note (copy), ==, "Примечание: Azərbaycan");
  g_assert_cmpstr (plx_annotation_get_author (copy), ==, "Անի");
  g_assert_cmpstr (plx_annotation_get_created (copy), ==, "2012-06-05T12:00:00.000Z");
  g_assert_cmpstr (plx_annotation_get_modified (copy), ==, "2012-06-06T08:30:00.250Z");
  assert_strv (plx_annotation_get_themes (copy), plx_annotation_get_themes (original));

  /* Each field on its own makes a difference; the copy is independent. */
#define DIFFERS(statement) \
  G_STMT_START { \
    g_autoptr(PlxAnnotation) changed = plx_annotation_copy (original); \
    statement; \
    g_assert_false (plx_annotation_equal (original, changed)); \
    g_assert_false (plx_annotation_equal (changed, original)); \
  } G_STMT_END
  DIFFERS (plx_annotation_set_uuid (changed, "123e4567-e89b-12d3-a456-426614174000"));
  DIFFERS (plx_annotation_set_document_id (changed, 4));
  DIFFERS (plx_annotation_set_perspective_id (changed, 3));
  DIFFERS (plx_annotation_set_selector (changed, 14, 23, "zərbaycan", plx_annotation_get_prefix (original), plx_annotation_get_suffix (original)));
  DIFFERS (plx_annotation_set_selector (changed, 13, 22, "Azərbayca", plx_annotation_get_prefix (original), plx_annotation_get_suffix (original)));
  DIFFERS (plx_annotation_set_selector (changed, 13, 23, "AzərbaycaN", plx_annotation_get_prefix (original), plx_annotation_get_suffix (original)));
  DIFFERS (plx_annotation_set_selector (changed, 13, 23, "Azərbaycan", "x", plx_annotation_get_suffix (original)));
  DIFFERS (plx_annotation_set_selector (changed, 13, 23, "Azərbaycan", plx_annotation_get_prefix (original), "x"));
  DIFFERS (plx_annotation_set_themes (changed, other_themes));
  DIFFERS (plx_annotation_set_themes (changed, NULL));
  DIFFERS (plx_annotation_set_note (changed, ""));
  DIFFERS (plx_annotation_set_author (changed, "Ani"));
  DIFFERS (plx_annotation_set_times (changed, "2012-06-05T12:00:00.001Z", plx_annotation_get_modified (original)));
  DIFFERS (plx_annotation_touch (changed));
#undef DIFFERS

  plx_annotation_set_note (copy, "changed");
  g_assert_cmpstr (plx_annotation_get_note (original), ==, "Примечание: Azərbaycan");
}

static void
test_compare (void)
{
  g_autoptr(PlxDocument) document = plain_document (TEXT);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) a = plx_annotation_new_for_range (document, 0, 8, 1, &error);
  g_autoptr(PlxAnnotation) b = plx_annotation_new_for_range (document, 0, 23, 1, &error);
  g_autoptr(PlxAnnotation) c = plx_annotation_new_for_range (document, 13, 23, 1, &error);
  g_autoptr(PlxAnnotation) d = plx_annotation_new_for_range (document, 13, 23, 2, &error);
  g_autoptr(PlxAnnotation) e = plx_annotation_new_for_range (document, 31, 37, 1, &error);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  PlxAnnotation *low_uuid, *high_uuid;

  g_assert_no_error (error);
  plx_annotation_set_uuid (c, "00000000-0000-4000-8000-000000000001");
  plx_annotation_set_uuid (d, "ffffffff-0000-4000-8000-000000000001");

  /* By start; at one start the longer first; then by uuid. */
  g_assert_cmpint (plx_annotation_compare (a, a), ==, 0);
  g_assert_cmpint (plx_annotation_compare (b, a), <, 0);
  g_assert_cmpint (plx_annotation_compare (a, b), >, 0);
  g_assert_cmpint (plx_annotation_compare (a, c), <, 0);
  g_assert_cmpint (plx_annotation_compare (c, a), >, 0);
  g_assert_cmpint (plx_annotation_compare (c, d), <, 0);
  g_assert_cmpint (plx_annotation_compare (d, c), >, 0);
  g_assert_cmpint (plx_annotation_compare (d, e), <, 0);

  /* Independent of the order they come in. */
  g_ptr_array_add (sorted, e);
  g_ptr_array_add (sorted, d);
  g_ptr_array_add (sorted, c);
  g_ptr_array_add (sorted, a);
  g_ptr_array_add (sorted, b);
  for (guint i = 0; i < sorted->len; i++)
    for (guint j = i + 1; j < sorted->len; j++)
      if (plx_annotation_compare (g_ptr_array_index (sorted, i), g_ptr_array_index (sorted, j)) > 0)
        {
          gpointer swap = sorted->pdata[i];
          sorted->pdata[i] = sorted->pdata[j];
          sorted->pdata[j] = swap;
        }
  g_assert_true (g_ptr_array_index (sorted, 0) == b);
  g_assert_true (g_ptr_array_index (sorted, 1) == a);
  g_assert_true (g_ptr_array_index (sorted, 2) == c);
  g_assert_true (g_ptr_array_index (sorted, 3) == d);
  g_assert_true (g_ptr_array_index (sorted, 4) == e);

  /* A copy compares equal. */
  low_uuid = plx_annotation_copy (c);
  high_uuid = plx_annotation_copy (d);
  g_assert_cmpint (plx_annotation_compare (low_uuid, c), ==, 0);
  g_assert_cmpint (plx_annotation_compare (high_uuid, d), ==, 0);
  g_object_unref (low_uuid);
  g_object_unref (high_uuid);
}

static void
test_touch (void)
{
  g_autoptr(PlxAnnotation) annotation = g_object_new (PLX_TYPE_ANNOTATION, NULL);
  g_autofree char *created = g_strdup (plx_annotation_get_created (annotation));
  g_autofree char *previous = g_strdup (plx_annotation_get_modified (annotation));

  /* Many touches within the same millisecond still order strictly. */
  for (guint i = 0; i < 200; i++)
    {
      plx_annotation_touch (annotation);
      g_assert_cmpstr (plx_annotation_get_modified (annotation), >, previous);
      g_assert_true (plx_text_is_iso8601 (plx_annotation_get_modified (annotation)));
      g_assert_cmpstr (plx_annotation_get_created (annotation), ==, created);
      g_free (previous);
      previous = g_strdup (plx_annotation_get_modified (annotation));
    }

  /* Even when modified is ahead of the clock. */
  plx_annotation_set_times (annotation, created, "2999-12-31T23:59:59.999Z");
  plx_annotation_touch (annotation);
  g_assert_cmpstr (plx_annotation_get_modified (annotation), ==, "3000-01-01T00:00:00.000Z");
  plx_annotation_touch (annotation);
  g_assert_cmpstr (plx_annotation_get_modified (annotation), ==, "3000-01-01T00:00:00.001Z");
  g_assert_cmpstr (plx_annotation_get_created (annotation), ==, created);
}

static void
test_setters_notify (void)
{
  g_autoptr(PlxAnnotation) annotation = g_object_new (PLX_TYPE_ANNOTATION, NULL);
  guint notifications = 0;
  g_autofree char *note = NULL;
  guint start = 0;

  g_signal_connect (annotation, "notify", G_CALLBACK (count_notify_cb), &notifications);
  plx_annotation_set_note (annotation, "Ноты");
  plx_annotation_set_note (annotation, "Ноты");
  plx_annotation_set_author (annotation, "Aysel");
  plx_annotation_set_author (annotation, "Aysel");
  plx_annotation_set_perspective_id (annotation, 2);
  plx_annotation_set_perspective_id (annotation, 2);
  g_assert_cmpuint (notifications, ==, 3);

  /* NULL note and author read back as "". */
  plx_annotation_set_note (annotation, NULL);
  plx_annotation_set_author (annotation, NULL);
  g_assert_cmpstr (plx_annotation_get_note (annotation), ==, "");
  g_assert_cmpstr (plx_annotation_get_author (annotation), ==, "");

  plx_annotation_set_selector (annotation, 4, 9, "quote", NULL, NULL);
  g_object_get (annotation, "start", &start, "note", &note, NULL);
  g_assert_cmpuint (start, ==, 4);
  g_assert_cmpstr (note, ==, "");
  g_assert_cmpstr (plx_annotation_get_prefix (annotation), ==, "");
  g_assert_cmpstr (plx_annotation_get_suffix (annotation), ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/annotation/new-for-range", test_new_for_range);
  g_test_add_func ("/core/annotation/errors/empty-selection", test_error_empty_selection);
  g_test_add_func ("/core/annotation/errors/start-after-end", test_error_reversed);
  g_test_add_func ("/core/annotation/errors/past-end", test_error_past_end);
  g_test_add_func ("/core/annotation/errors/check-text", test_error_check_text);
  g_test_add ("/core/annotation/errors/unknown-perspective", Fixture, NULL,
              fixture_set_up, test_project_unknown_perspective, fixture_tear_down);
  g_test_add ("/core/annotation/errors/quote-mismatch", Fixture, NULL,
              fixture_set_up, test_project_quote_mismatch, fixture_tear_down);
  g_test_add ("/core/annotation/errors/bad-uuid", Fixture, NULL,
              fixture_set_up, test_project_bad_uuid, fixture_tear_down);
  g_test_add ("/core/annotation/errors/bad-times-and-document", Fixture, NULL,
              fixture_set_up, test_project_bad_times_and_document, fixture_tear_down);
  g_test_add_func ("/core/annotation/context", test_context);
  g_test_add_func ("/core/annotation/themes/normalize", test_themes_normalize);
  g_test_add_func ("/core/annotation/themes/annotation", test_themes_annotation);
  g_test_add_func ("/core/annotation/copy-equal", test_copy_equal);
  g_test_add_func ("/core/annotation/compare", test_compare);
  g_test_add_func ("/core/annotation/touch", test_touch);
  g_test_add_func ("/core/annotation/setters", test_setters_notify);

  return g_test_run ();
}
