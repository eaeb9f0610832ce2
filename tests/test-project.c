/* test-project.c: the project through its public API, whatever the
 * store: round trips, perspectives, signals and transactions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <unistd.h>

#include "plx-project-fixture.h"
#include "plx-project-private.h"

static void
test_create_defaults (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *perspectives = plx_project_get_perspectives (fixture->project);
  const char *names[] = { "Armenian", "Azerbaijani", "Western", "Russian" };
  g_autoptr(GHashTable) colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GDir) dir = NULL;
  g_auto(GStrv) themes = NULL;
  guint8 header[100];
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpstr (plx_project_get_path (fixture->project), ==, fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 4);
  g_assert_true (g_list_model_get_item_type (perspectives) == PLX_TYPE_PERSPECTIVE);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);

      g_assert_cmpstr (plx_perspective_get_name (perspective), ==, names[i]);
      g_assert_cmpint (plx_perspective_get_position (perspective), ==, (int) i);
      g_assert_cmpint (plx_perspective_get_id (perspective), >, 0);
      g_assert_true (plx_perspective_color_is_valid (plx_perspective_get_color (perspective)));
      /* Four different colours. */
      g_assert_true (g_hash_table_add (colors, g_ascii_strdown (plx_perspective_get_color (perspective), -1)));
      g_assert_true (plx_project_find_perspective (fixture->project, plx_perspective_get_id (perspective)) == perspective);
    }
  g_assert_true (plx_project_find_perspective_by_name (fixture->project, "RUSSIAN") ==
                 plx_project_find_perspective_by_name (fixture->project, "Russian"));
  g_assert_null (plx_project_find_perspective_by_name (fixture->project, "Georgian"));
  g_assert_null (plx_project_find_perspective (fixture->project, 12345));

  documents = plx_project_list_documents (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);
  themes = plx_project_list_themes (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (themes), ==, 0);

  g_assert_true (plx_project_check (fixture->project, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");

  /* The file: a Parallax project, current schema, WAL journal. */
  g_clear_object (&fixture->project);
  contents = plx_test_read_file (fixture->path, &length);
  g_assert_cmpuint (length, >=, sizeof header);
  memcpy (header, contents, sizeof header);
  g_assert_cmpmem (header, 16, "SQLite format 3\0", 16);
  g_assert_cmpint (header[18], ==, 2);
  g_assert_cmpint (header[19], ==, 2);

  /* No temporary file left behind. */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; )
    g_assert_null (strstr (name, ".new-"));
}

static void
test_create_existing (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "new.parallax", NULL);
  g_autoptr(PlxProject) created = NULL;
  g_autoptr(PlxProject) missing = NULL;
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.parallax", NULL);

  g_clear_object (&fixture->project);
  before = plx_test_file_checksum (fixture->path);
  g_assert_null (plx_project_create (fixture->path, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);
  after = plx_test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (g_file_set_contents (text_path, "Not a project, but mine.", -1, NULL));
  text_before = plx_test_file_checksum (text_path);
  g_assert_null (plx_project_create (text_path, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_clear_error (&error);
  text_after = plx_test_file_checksum (text_path);
  g_assert_cmpstr (text_before, ==, text_after);

  /* Missing folders are made. */
  created = plx_project_create (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));

  /* Opening a path that is not there does not create it. */
  missing = plx_project_open (missing_path, &error);
  g_assert_null (missing);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing_path));
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));
}

/* ---- round trips ---- */

/* A second connection for a worker thread: the same file, the same
 * perspectives and documents, and it writes where the first one reads. */
static void
test_open_another (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PlxDocument) essay = add_essay (fixture->project);
  g_autoptr(PlxProject) another = NULL;
  g_autoptr(PlxDocument) loaded = NULL;
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(PlxAnnotation) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxPerspective) first = NULL;

  another = plx_project_open_another (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_project_get_path (another), ==, plx_project_get_path (fixture->project));
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (another)), ==,
                    g_list_model_get_n_items (plx_project_get_perspectives (fixture->project)));

  loaded = plx_project_load_document (another, plx_document_get_id (essay), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_text (loaded), ==, plx_document_get_text (essay));

  first = g_list_model_get_item (plx_project_get_perspectives (another), 0);
  annotation = plx_annotation_new_for_range (loaded, 10, 40, plx_perspective_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_annotation (another, annotation, &error));
  g_assert_no_error (error);
  seen = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (annotation), &error);
  g_assert_no_error (error);
  g_assert_nonnull (seen);
  g_assert_true (plx_annotation_equal (seen, annotation));
}

static PlxProject *
open_async_and_wait (const char   *path,
                     gint64        wanted,
                     PlxDocument **document,
                     GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  plx_project_open_async (path, wanted, NULL, plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  return plx_project_open_finish (result, document, error);
}

/* The worker opens the project and reads the document a window would
 * show: the one asked for, else the newest; none in an empty project; a
 * damaged file is refused as plx_project_open() refuses it. */
static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PlxDocument) essay = NULL;
  g_autoptr(PlxDocument) multi = NULL;
  g_autoptr(PlxProject) opened = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *not_a_project = g_build_filename (fixture->dir, "notes.parallax", NULL);

  opened = open_async_and_wait (fixture->path, 0, &document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
  g_assert_null (document);
  g_clear_object (&opened);

  essay = add_essay (fixture->project);
  multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");

  opened = open_async_and_wait (fixture->path, plx_document_get_id (essay), &document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (opened)), ==,
                    g_list_model_get_n_items (plx_project_get_perspectives (fixture->project)));
  g_assert_cmpint (plx_document_get_id (document), ==, plx_document_get_id (essay));
  g_assert_cmpstr (plx_document_get_text (document), ==, plx_document_get_text (essay));
  g_clear_object (&opened);
  g_clear_object (&document);

  opened = open_async_and_wait (fixture->path, plx_document_get_id (multi) + 100, &document, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plx_document_get_id (document), ==, plx_document_get_id (multi));
  g_clear_object (&opened);
  g_clear_object (&document);

  g_assert_true (g_file_set_contents (not_a_project, "Հայաստան, Azərbaycan, Россия\n", -1, NULL));
  opened = open_async_and_wait (not_a_project, 0, &document, &error);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_A_PROJECT);
  g_assert_null (opened);
  g_assert_null (document);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PlxDocument) essay = add_essay (fixture->project);
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  g_autoptr(GHashTable) originals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const char *themes_hy[] = { "Ղարաբաղ", "security", NULL };
  const char *themes_az[] = { "enerji", "Dağlıq Qarabağ", "mediation", NULL };
  const char *themes_ru[] = { "посредничество", "arms sales", NULL };
  const char *themes_emoji[] = { "🕊️ peace", NULL };
  const char *themes_west[] = { "Minsk Group", "mediation", NULL };
  g_autofree char *essay_text = g_strdup (plx_document_get_text (essay));
  g_autofree char *essay_hash = g_strdup (plx_document_get_content_hash (essay));
  g_autofree char *essay_title = g_strdup (plx_document_get_title (essay));
  g_autofree char *multi_hash = g_strdup (plx_document_get_content_hash (multi));
  gint64 essay_id = plx_document_get_id (essay);
  gint64 multi_id = plx_document_get_id (multi);
  struct {
    PlxDocument *document;
    const char  *needle;
    const char  *perspective;
    const char **themes;
    const char  *note;
    const char  *author;
  } specs[] = {
    { multi, "Հայաստանի Հանրապետություն", "Armenian", themes_hy, "Նշում՝ հայերեն", "Անի Պետրոսյան" },
    { multi, "Azərbaycan Respublikası", "Azerbaijani", themes_az, "Qeyd: ğ ş ı ö ü ç", "Aysel Məmmədova" },
    { multi, "Российская Федерация", "Russian", themes_ru, "Заметка\nс переносом строки\tи табуляцией", "Иван Петров" },
    { multi, "👩‍👩‍👧", "Western", themes_emoji, "family 👨‍👩‍👧‍👦 emoji", "" },
    { multi, "q\xcc\x87 and å", "Western", NULL, "", "Combiner" },
    { essay, "Minsk Group co-chair countries", "Western", themes_west, "“quotes” and ‘apostrophes’", "Jane Doe" },
    { essay, "Russia bears the lion’s share of the blame", "Russian", themes_ru, "", "Иван Петров" },
    { essay, "Operation Ring", "Azerbaijani", themes_az, "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      PlxAnnotation *annotation = annotate (fixture->project, specs[i].document, specs[i].needle,
                                            specs[i].perspective, specs[i].themes, specs[i].note, specs[i].author);

      g_hash_table_insert (originals, g_strdup (plx_annotation_get_uuid (annotation)), annotation);
    }
  g_clear_object (&essay);
  g_clear_object (&multi);

  reopen (fixture);

  documents = plx_project_list_documents (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  essay = g_object_ref (g_ptr_array_index (documents, 0));
  multi = g_object_ref (g_ptr_array_index (documents, 1));
  g_assert_cmpint (plx_document_get_id (essay), ==, essay_id);
  g_assert_cmpint (plx_document_get_id (multi), ==, multi_id);
  g_assert_cmpstr (plx_document_get_text (essay), ==, essay_text);
  g_assert_cmpstr (plx_document_get_content_hash (essay), ==, essay_hash);
  g_assert_cmpstr (plx_document_get_title (essay), ==, essay_title);
  g_assert_cmpint (plx_document_get_format (essay), ==, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (plx_document_get_text (multi), ==, MULTILINGUAL);
  g_assert_cmpstr (plx_document_get_content_hash (multi), ==, multi_hash);
  g_assert_cmpstr (plx_document_get_title (multi), ==, "Multilingual");
  g_assert_cmpint (plx_document_get_format (multi), ==, PLX_DOCUMENT_FORMAT_PLAIN);

  loaded = list (fixture->project, 0, 0, NULL);
  g_assert_cmpuint (loaded->len, ==, G_N_ELEMENTS (specs));
  for (guint i = 0; i < loaded->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (loaded, i);
      PlxAnnotation *original = g_hash_table_lookup (originals, plx_annotation_get_uuid (annotation));
      g_autoptr(PlxDocument) document = plx_project_load_document (fixture->project, plx_annotation_get_document_id (annotation), &error);
      g_autofree char *between = NULL;
      g_autoptr(PlxAnnotation) single = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (original);
      g_assert_true (plx_annotation_equal (annotation, original));
      /* The quote is the text between the offsets, in every script. */
      between = plx_document_dup_range (document, plx_annotation_get_start (annotation), plx_annotation_get_end (annotation));
      g_assert_cmpstr (plx_annotation_get_quote (annotation), ==, between);
      assert_strv (plx_annotation_get_themes (annotation), plx_annotation_get_themes (original));
      g_assert_cmpstr (plx_annotation_get_note (annotation), ==, plx_annotation_get_note (original));
      g_assert_cmpstr (plx_annotation_get_author (annotation), ==, plx_annotation_get_author (original));

      single = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (annotation), &error);
      g_assert_no_error (error);
      g_assert_true (plx_annotation_equal (single, original));

      /* Document order: by document, then start. */
      if (i > 0)
        {
          PlxAnnotation *previous = g_ptr_array_index (loaded, i - 1);

          if (plx_annotation_get_document_id (previous) == plx_annotation_get_document_id (annotation))
            g_assert_cmpint (plx_annotation_compare (previous, annotation), <, 0);
          else
            g_assert_cmpint (plx_annotation_get_document_id (previous), <, plx_annotation_get_document_id (annotation));
        }
    }
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  g_autoptr(PlxAnnotation) annotation = annotate (fixture->project, multi, "Москва", "Russian", NULL, "", "");
  g_autoptr(PlxAnnotation) stored = NULL;
  g_autoptr(PlxAnnotation) unchanged = NULL;
  g_autoptr(PlxAnnotation) stranger = NULL;
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "столица", "capital", NULL };
  const char *fewer[] = { "capital", NULL };
  g_autofree char *old_modified = g_strdup (plx_annotation_get_modified (annotation));

  plx_annotation_set_range (annotation, multi, find_offset (multi, "Bakı"), find_offset (multi, "Bakı") + 4);
  plx_annotation_set_perspective_id (annotation, perspective_id (fixture->project, "Azerbaijani"));
  plx_annotation_set_themes (annotation, themes);
  plx_annotation_set_note (annotation, "Baku, not Moscow");
  plx_annotation_set_author (annotation, "Aysel");
  plx_annotation_touch (annotation);
  g_assert_cmpstr (plx_annotation_get_modified (annotation), >, old_modified);
  g_assert_true (plx_project_update_annotation (fixture->project, annotation, &error));
  g_assert_no_error (error);

  stored = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (annotation), &error);
  g_assert_no_error (error);
  g_assert_true (plx_annotation_equal (stored, annotation));
  g_assert_cmpstr (plx_annotation_get_quote (stored), ==, "Bakı");
  g_clear_object (&stored);

  /* Fewer themes replace the old ones. */
  plx_annotation_set_themes (annotation, fewer);
  g_assert_true (plx_project_update_annotation (fixture->project, annotation, &error));
  g_assert_no_error (error);
  reopen (fixture);
  stored = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (annotation), &error);
  g_assert_no_error (error);
  g_assert_true (plx_annotation_equal (stored, annotation));
  assert_strv (plx_annotation_get_themes (stored), fewer);

  /* A refused update leaves the stored one as it was. */
  plx_annotation_set_selector (annotation, plx_annotation_get_start (annotation), plx_annotation_get_end (annotation),
                               "Baku", "", "");
  g_assert_false (plx_project_update_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_QUOTE_MISMATCH);
  g_clear_error (&error);
  unchanged = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (annotation), &error);
  g_assert_no_error (error);
  g_assert_true (plx_annotation_equal (unchanged, stored));

  /* Updating one that is not there. */
  stranger = plx_annotation_copy (stored);
  plx_annotation_set_uuid (stranger, "123e4567-e89b-42d3-a456-426614174000");
  g_assert_false (plx_project_update_annotation (fixture->project, stranger, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "123e4567-e89b-42d3-a456-426614174000"));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  const char *only[] = { "only here", NULL };
  const char *shared[] = { "shared", NULL };
  g_autoptr(PlxAnnotation) first = annotate (fixture->project, multi, "Երևան", "Armenian", only, "", "");
  g_autoptr(PlxAnnotation) second = annotate (fixture->project, multi, "Bakı", "Azerbaijani", shared, "", "");
  g_autoptr(PlxAnnotation) third = annotate (fixture->project, multi, "Москва", "Russian", shared, "", "");
  g_autoptr(PlxAnnotation) gone = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) themes = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  const char *expected_themes[] = { "shared", NULL };

  g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (first), &error));
  g_assert_no_error (error);
  gone = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (first), &error);
  g_assert_null (gone);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (first), &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_clear_error (&error);

  reopen (fixture);
  left = list (fixture->project, 0, 0, NULL);
  g_assert_cmpuint (left->len, ==, 2);
  g_assert_true (plx_annotation_equal (g_ptr_array_index (left, 0), second));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (left, 1), third));

  /* A theme nobody uses any more is not listed. */
  themes = plx_project_list_themes (fixture->project, &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) themes, expected_themes);

  g_assert_true (plx_project_check (fixture->project, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PlxDocument) essay = add_essay (fixture->project);
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  const char *mediation[] = { "Mediation", "arms sales", NULL };
  const char *arms[] = { "arms sales", NULL };
  g_autoptr(PlxAnnotation) a = annotate (fixture->project, multi, "Москва", "Russian", mediation, "", "");
  g_autoptr(PlxAnnotation) b = annotate (fixture->project, multi, "Հայաստանի", "Armenian", arms, "", "");
  g_autoptr(PlxAnnotation) c = annotate (fixture->project, essay, "Minsk Group", "Russian", NULL, "", "");
  g_autoptr(PlxAnnotation) d = annotate (fixture->project, essay, "Operation Ring", "Western", mediation, "", "");
  /* Overlapping annotations are allowed: same start, longer first. */
  g_autoptr(PlxAnnotation) e = annotate (fixture->project, multi, "Հայաստանի Հանրապետություն", "Russian", NULL, "", "");
  gint64 russian = perspective_id (fixture->project, "Russian");
  PlxAnnotationQuery everything = { 0, 0, NULL };
  PlxAnnotationQuery by_theme = { 0, 0, "MEDIATION" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = list (fixture->project, 0, 0, NULL);
  g_autoptr(GPtrArray) in_multi = list (fixture->project, plx_document_get_id (multi), 0, NULL);
  g_autoptr(GPtrArray) in_essay = list (fixture->project, plx_document_get_id (essay), 0, NULL);
  g_autoptr(GPtrArray) from_russia = list (fixture->project, 0, russian, NULL);
  g_autoptr(GPtrArray) russia_in_multi = list (fixture->project, plx_document_get_id (multi), russian, NULL);
  g_autoptr(GPtrArray) arms_sales = list (fixture->project, 0, 0, "arms sales");
  g_autoptr(GPtrArray) mediation_in_essay = list (fixture->project, plx_document_get_id (essay), 0, "mediation");
  g_autoptr(GPtrArray) nothing = list (fixture->project, 0, perspective_id (fixture->project, "Azerbaijani"), NULL);
  g_autoptr(GPtrArray) unknown_theme = list (fixture->project, 0, 0, "no such theme");
  g_autoptr(GPtrArray) unknown_document = list (fixture->project, 999, 0, NULL);

  g_assert_cmpuint (all->len, ==, 5);
  /* Document order: the essay (added first) then the multilingual text. */
  g_assert_cmpuint (plx_annotation_get_start (c), <, plx_annotation_get_start (d));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (all, 0), c));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (all, 1), d));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (all, 2), e));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (all, 3), b));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (all, 4), a));

  g_assert_cmpuint (in_multi->len, ==, 3);
  g_assert_true (plx_annotation_equal (g_ptr_array_index (in_multi, 0), e));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (in_multi, 1), b));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (in_multi, 2), a));
  g_assert_cmpuint (in_essay->len, ==, 2);

  g_assert_cmpuint (from_russia->len, ==, 3);
  for (guint i = 0; i < from_russia->len; i++)
    g_assert_cmpint (plx_annotation_get_perspective_id (g_ptr_array_index (from_russia, i)), ==, russian);
  g_assert_cmpuint (russia_in_multi->len, ==, 2);
  g_assert_true (plx_annotation_equal (g_ptr_array_index (russia_in_multi, 0), e));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (russia_in_multi, 1), a));

  /* Themes match ignoring case; every theme of a match comes back. */
  g_assert_cmpuint (arms_sales->len, ==, 3);
  g_assert_true (plx_annotation_equal (g_ptr_array_index (arms_sales, 0), d));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (arms_sales, 1), b));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (arms_sales, 2), a));
  assert_strv (plx_annotation_get_themes (g_ptr_array_index (arms_sales, 2)), mediation);
  g_assert_cmpuint (mediation_in_essay->len, ==, 1);
  g_assert_true (plx_annotation_equal (g_ptr_array_index (mediation_in_essay, 0), d));
  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (unknown_theme->len, ==, 0);
  g_assert_cmpuint (unknown_document->len, ==, 0);

  g_assert_cmpuint (plx_project_count_annotations (fixture->project, &everything, &error), ==, 5);
  g_assert_cmpuint (plx_project_count_annotations (fixture->project, NULL, &error), ==, 5);
  g_assert_cmpuint (plx_project_count_annotations (fixture->project, &by_theme, &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_list_themes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  const char *one[] = { "mediation", "zebra", "Ղարաբաղ", NULL };
  const char *two[] = { "arms sales", "mediation", NULL };
  const char *three[] = { "arms sales", "mediation", "energy", NULL };
  const char *expected[] = { "mediation", "arms sales", "energy", "zebra", "Ղարաբաղ", NULL };
  g_autoptr(PlxAnnotation) a = annotate (fixture->project, multi, "Москва", "Russian", one, "", "");
  g_autoptr(PlxAnnotation) b = annotate (fixture->project, multi, "Bakı", "Azerbaijani", two, "", "");
  g_autoptr(PlxAnnotation) c = annotate (fixture->project, multi, "Երևան", "Armenian", three, "", "");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) themes = plx_project_list_themes (fixture->project, &error);

  /* Most used first, then by name. */
  g_assert_no_error (error);
  assert_strv ((const char * const *) themes, expected);
}

/* ---- perspectives ---- */

static void
test_perspectives (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *perspectives = plx_project_get_perspectives (fixture->project);
  g_autoptr(GError) error = NULL;
  PlxPerspective *georgian;
  PlxPerspective *turkish;
  gint64 georgian_id, turkish_id;
  const char *order[] = { "Russian", "Armenian", "Azerbaijani", "Western", "Georgian", "Turkish" };

  georgian = plx_project_add_perspective (fixture->project, "  Georgian  ", "#56b4e9", &error);
  g_assert_no_error (error);
  g_assert_nonnull (georgian);
  georgian_id = plx_perspective_get_id (georgian);
  g_assert_cmpstr (plx_perspective_get_name (georgian), ==, "Georgian");
  g_assert_cmpstr (plx_perspective_get_color (georgian), ==, "#56b4e9");
  g_assert_cmpint (plx_perspective_get_position (georgian), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 5);

  /* Without a colour, one not used yet is chosen. */
  turkish = plx_project_add_perspective (fixture->project, "Turkish", NULL, &error);
  g_assert_no_error (error);
  turkish_id = plx_perspective_get_id (turkish);
  g_assert_true (plx_perspective_color_is_valid (plx_perspective_get_color (turkish)));
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(PlxPerspective) other = g_list_model_get_item (perspectives, i);
      g_assert_cmpint (g_ascii_strcasecmp (plx_perspective_get_color (other), plx_perspective_get_color (turkish)), !=, 0);
    }

  /* Names are unique ignoring case; colours are #rrggbb. */
  g_assert_null (plx_project_add_perspective (fixture->project, "armenian", "#000000", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Armenian"));
  g_clear_error (&error);
  g_assert_null (plx_project_add_perspective (fixture->project, " Georgian", "#000000", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (plx_project_add_perspective (fixture->project, "   ", "#000000", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (plx_project_add_perspective (fixture->project, NULL, "#000000", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  {
    const char *bad_colors[] = { "red", "#12345", "#1234567", "#GG0000", "E69F00", "", "#E69F0", "rgb(0,0,0)" };

    for (guint i = 0; i < G_N_ELEMENTS (bad_colors); i++)
      {
        g_assert_null (plx_project_add_perspective (fixture->project, "Iranian", bad_colors[i], &error));
        g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
        g_assert_nonnull (strstr (error->message, "#rrggbb"));
        g_clear_error (&error);
        g_assert_false (plx_project_recolor_perspective (fixture->project, georgian_id, bad_colors[i], &error));
        g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
        g_clear_error (&error);
      }
  }
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 6);

  /* Rename: to itself in another case is fine; onto another is not. */
  g_assert_true (plx_project_rename_perspective (fixture->project, georgian_id, "GEORGIAN", &error));
  g_assert_no_error (error);
  g_assert_true (plx_project_rename_perspective (fixture->project, georgian_id, " Georgian ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plx_perspective_get_name (georgian), ==, "Georgian");
  g_assert_false (plx_project_rename_perspective (fixture->project, georgian_id, "russian", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (plx_project_rename_perspective (fixture->project, georgian_id, "", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (plx_project_rename_perspective (fixture->project, 9999, "Nobody", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE);
  g_clear_error (&error);
  g_assert_cmpstr (plx_perspective_get_name (georgian), ==, "Georgian");

  g_assert_true (plx_project_recolor_perspective (fixture->project, georgian_id, "#D55E00", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plx_perspective_get_color (georgian), ==, "#D55E00");
  g_assert_false (plx_project_recolor_perspective (fixture->project, 9999, "#D55E00", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE);
  g_clear_error (&error);

  /* Move Russian to the front. */
  g_assert_true (plx_project_move_perspective (fixture->project, perspective_id (fixture->project, "Russian"), 0, &error));
  g_assert_no_error (error);
  g_assert_false (plx_project_move_perspective (fixture->project, georgian_id, 6, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (plx_project_move_perspective (fixture->project, 9999, 0, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE);
  g_clear_error (&error);

  for (guint pass = 0; pass < 2; pass++)
    {
      perspectives = plx_project_get_perspectives (fixture->project);
      g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, G_N_ELEMENTS (order));
      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);

          g_assert_cmpstr (plx_perspective_get_name (p), ==, order[i]);
          g_assert_cmpint (plx_perspective_get_position (p), ==, (int) i);
        }
      georgian = plx_project_find_perspective (fixture->project, georgian_id);
      g_assert_cmpstr (plx_perspective_get_color (georgian), ==, "#D55E00");
      g_assert_nonnull (plx_project_find_perspective (fixture->project, turkish_id));
      /* Everything above is in the file. */
      reopen (fixture);
    }
}

static void
test_perspective_remove (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  const char *themes[] = { "capital", NULL };
  g_autoptr(PlxAnnotation) moscow = annotate (fixture->project, multi, "Москва", "Russian", themes, "note", "me");
  g_autoptr(PlxAnnotation) federation = annotate (fixture->project, multi, "Российская Федерация", "Russian", NULL, "", "");
  g_autoptr(PlxAnnotation) yerevan = annotate (fixture->project, multi, "Երևան", "Armenian", themes, "", "");
  g_autoptr(PlxAnnotation) baku = annotate (fixture->project, multi, "Bakı", "Azerbaijani", themes, "", "");
  gint64 russian = perspective_id (fixture->project, "Russian");
  gint64 western = perspective_id (fixture->project, "Western");
  gint64 armenian = perspective_id (fixture->project, "Armenian");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) moved = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  GListModel *perspectives;

  /* Refusals change nothing. */
  g_assert_false (plx_project_remove_perspective (fixture->project, russian, russian, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (plx_project_remove_perspective (fixture->project, russian, 9999, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE);
  g_clear_error (&error);
  g_assert_false (plx_project_remove_perspective (fixture->project, 9999, 0, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (fixture->project)), ==, 4);

  /* Removing Russian hands its passages to Western. */
  g_assert_true (plx_project_remove_perspective (fixture->project, russian, western, &error));
  g_assert_no_error (error);
  g_assert_null (plx_project_find_perspective (fixture->project, russian));
  moved = plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (moscow), &error);
  g_assert_no_error (error);
  g_assert_cmpint (plx_annotation_get_perspective_id (moved), ==, western);
  g_assert_cmpstr (plx_annotation_get_quote (moved), ==, "Москва");
  g_assert_cmpstr (plx_annotation_get_note (moved), ==, "note");
  assert_strv (plx_annotation_get_themes (moved), themes);
  g_assert_cmpstr (plx_annotation_get_modified (moved), >=, plx_annotation_get_modified (moscow));
  g_assert_cmpstr (plx_annotation_get_created (moved), ==, plx_annotation_get_created (moscow));

  /* Removing Armenian without a target deletes its passages. */
  g_assert_true (plx_project_remove_perspective (fixture->project, armenian, 0, &error));
  g_assert_no_error (error);

  reopen (fixture);
  perspectives = plx_project_get_perspectives (fixture->project);
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);
      g_assert_cmpstr (plx_perspective_get_name (p), ==, i == 0 ? "Azerbaijani" : "Western");
      g_assert_cmpint (plx_perspective_get_position (p), ==, (int) i);
    }
  all = list (fixture->project, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (plx_annotation_get_uuid (g_ptr_array_index (all, 0)), ==, plx_annotation_get_uuid (baku));
  g_assert_cmpstr (plx_annotation_get_uuid (g_ptr_array_index (all, 1)), ==, plx_annotation_get_uuid (federation));
  g_assert_cmpstr (plx_annotation_get_uuid (g_ptr_array_index (all, 2)), ==, plx_annotation_get_uuid (moscow));
  g_assert_cmpint (plx_annotation_get_perspective_id (g_ptr_array_index (all, 1)), ==, western);
  g_assert_null (plx_project_get_annotation (fixture->project, plx_annotation_get_uuid (yerevan), &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The freed name can be used again. */
  g_assert_nonnull (plx_project_add_perspective (fixture->project, "Russian", "#CC79A7", &error));
  g_assert_no_error (error);
  g_assert_true (plx_project_check (fixture->project, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
}

/* ---- the changes-committed signal ---- */

typedef struct {
  GPtrArray *olds;
  GPtrArray *news;
  guint      emissions;
} SignalLog;

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
signal_log_init (SignalLog *log)
{
  log->olds = g_ptr_array_new_with_free_func (unref_if_set);
  log->news = g_ptr_array_new_with_free_func (unref_if_set);
  log->emissions = 0;
}

static void
signal_log_clear (SignalLog *log)
{
  g_clear_pointer (&log->olds, g_ptr_array_unref);
  g_clear_pointer (&log->news, g_ptr_array_unref);
}

/* Each annotation change, as (old, new) copies: the emitter may keep
 * editing the objects it passes. */
static void
changes_committed_cb (PlxProject   *project,
                      PlxChangeSet *changes,
                      SignalLog    *log)
{
  g_assert_true (PLX_IS_CHANGE_SET (changes));
  g_assert_false (plx_change_set_is_empty (changes));
  log->emissions++;
  for (guint i = 0; i < plx_change_set_get_n_changes (changes); i++)
    {
      const PlxChange *change = plx_change_set_get_change (changes, i);
      PlxAnnotation *old = change->before;
      PlxAnnotation *new = change->after;

      if (change->kind != PLX_CHANGE_ANNOTATION)
        continue;
      g_assert_true (old == NULL || PLX_IS_ANNOTATION (old));
      g_assert_true (new == NULL || PLX_IS_ANNOTATION (new));
      g_assert_true (old != NULL || new != NULL);
      g_ptr_array_add (log->olds, old ? plx_annotation_copy (old) : NULL);
      g_ptr_array_add (log->news, new ? plx_annotation_copy (new) : NULL);
    }
}

static void
test_signal (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(PlxAnnotation) before = NULL;
  g_autoptr(PlxAnnotation) refused = NULL;
  SignalLog log;
  gint64 azerbaijani = perspective_id (fixture->project, "Azerbaijani");
  gint64 western = perspective_id (fixture->project, "Western");
  PlxAnnotation *old, *new;

  signal_log_init (&log);
  g_signal_connect (fixture->project, "changes-committed", G_CALLBACK (changes_committed_cb), &log);

  /* Add: (NULL, new). */
  annotation = annotate (fixture->project, multi, "Azərbaycan Respublikası", "Azerbaijani", NULL, "", "");
  g_assert_cmpuint (log.olds->len, ==, 1);
  g_assert_null (g_ptr_array_index (log.olds, 0));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (log.news, 0), annotation));

  /* Update: (as stored before, as stored now). */
  before = plx_annotation_copy (annotation);
  plx_annotation_set_note (annotation, "Qeyd");
  plx_annotation_touch (annotation);
  g_assert_true (plx_project_update_annotation (fixture->project, annotation, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.olds->len, ==, 2);
  old = g_ptr_array_index (log.olds, 1);
  new = g_ptr_array_index (log.news, 1);
  g_assert_true (plx_annotation_equal (old, before));
  g_assert_true (plx_annotation_equal (new, annotation));
  g_assert_cmpstr (plx_annotation_get_note (old), ==, "");
  g_assert_cmpstr (plx_annotation_get_note (new), ==, "Qeyd");

  /* Refused changes say nothing. */
  refused = plx_annotation_copy (annotation);
  plx_annotation_set_perspective_id (refused, 9999);
  g_assert_false (plx_project_update_annotation (fixture->project, refused, &error));
  g_clear_error (&error);
  g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (plx_project_delete_annotation (fixture->project, "123e4567-e89b-42d3-a456-426614174000", &error));
  g_clear_error (&error);
  g_assert_cmpuint (log.olds->len, ==, 2);

  /* Moving passages with a removed perspective: (old, moved), in the
   * same one announcement as the perspective's removal. */
  log.emissions = 0;
  g_assert_true (plx_project_remove_perspective (fixture->project, azerbaijani, western, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.emissions, ==, 1);
  g_assert_cmpuint (log.olds->len, ==, 3);
  old = g_ptr_array_index (log.olds, 2);
  new = g_ptr_array_index (log.news, 2);
  g_assert_true (plx_annotation_equal (old, annotation));
  g_assert_cmpint (plx_annotation_get_perspective_id (new), ==, western);
  g_assert_cmpstr (plx_annotation_get_uuid (new), ==, plx_annotation_get_uuid (annotation));

  /* Delete: (old, NULL). */
  g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (annotation), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.olds->len, ==, 4);
  old = g_ptr_array_index (log.olds, 3);
  g_assert_nonnull (old);
  g_assert_cmpstr (plx_annotation_get_uuid (old), ==, plx_annotation_get_uuid (annotation));
  g_assert_cmpint (plx_annotation_get_perspective_id (old), ==, western);
  g_assert_null (g_ptr_array_index (log.news, 3));

  g_signal_handlers_disconnect_by_data (fixture->project, &log);
  signal_log_clear (&log);
}

/* ---- change sets ---- */

/* A change set is applied whole or not at all, announced once, and its
 * inverse takes the project back. */
static void
test_apply (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxChangeSet) broken = NULL;
  g_autoptr(PlxChangeSet) inverse = NULL;
  g_autoptr(PlxPerspective) turkish = plx_perspective_new (0, "Turkish", "#56B4E9", 4);
  g_autoptr(PlxPerspective) kurdish = plx_perspective_new (0, "Kurdish", "#D55E00", 5);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxAnnotation) passage = NULL;
  g_autoptr(PlxAnnotation) refused = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *perspectives = plx_project_get_perspectives (fixture->project);
  SignalLog log;

  signal_log_init (&log);
  g_signal_connect (fixture->project, "changes-committed", G_CALLBACK (changes_committed_cb), &log);

  document = plx_document_new_from_data (MULTILINGUAL, strlen (MULTILINGUAL), PLX_DOCUMENT_FORMAT_PLAIN, "M", &error);
  g_assert_no_error (error);

  /* A perspective, a document and a passage on both, in one go: the
   * passage finds what the earlier changes of its set added. */
  plx_change_set_add_perspective (changes, NULL, turkish);
  plx_change_set_add_document (changes, NULL, document);
  g_assert_true (plx_project_apply (fixture->project, changes, &error));
  g_assert_no_error (error);
  passage = plx_annotation_new_for_range (document, 0, 8, plx_perspective_get_id (turkish), &error);
  g_assert_no_error (error);
  g_clear_object (&changes);
  changes = plx_change_set_new ();
  plx_change_set_add_annotation (changes, NULL, passage);
  g_assert_true (plx_project_apply (fixture->project, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.emissions, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 5);
  g_assert_nonnull (plx_project_find_perspective_by_name (fixture->project, "Turkish"));
  g_assert_cmpstr (plx_perspective_get_uuid (plx_project_find_perspective_by_name (fixture->project, "Turkish")), ==,
                   plx_perspective_get_uuid (turkish));

  /* A set that fails half-way changes nothing and says nothing. */
  broken = plx_change_set_new ();
  plx_change_set_add_perspective (broken, NULL, kurdish);
  refused = plx_annotation_copy (passage);
  plx_annotation_set_uuid (refused, "123e4567-e89b-42d3-a456-426614174000");
  plx_annotation_set_perspective_id (refused, 9999);
  plx_change_set_add_annotation (broken, NULL, refused);
  g_assert_false (plx_project_apply (fixture->project, broken, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE);
  g_clear_error (&error);
  g_assert_cmpuint (log.emissions, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 5);
  g_assert_null (plx_project_find_perspective_by_name (fixture->project, "Kurdish"));

  /* The inverse of the first set takes the perspective and the document
   * away again, once the passage on them is gone. */
  inverse = plx_change_set_dup_inverse (changes);
  g_assert_true (plx_project_apply (fixture->project, inverse, &error));
  g_assert_no_error (error);
  g_clear_object (&inverse);
  g_clear_object (&changes);
  changes = plx_change_set_new ();
  plx_change_set_add_perspective (changes, NULL, turkish);
  plx_change_set_add_document (changes, NULL, document);
  inverse = plx_change_set_dup_inverse (changes);
  g_assert_true (plx_project_apply (fixture->project, inverse, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 4);
  all = list (fixture->project, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, 0);
  reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (fixture->project)), ==, 4);

  signal_log_clear (&log);
}

/* ---- transactions ---- */

static void
test_transactions_outer_rollback (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  g_autoptr(PlxAnnotation) kept = annotate (fixture->project, multi, "Երևան", "Armenian", NULL, "", "");
  g_autoptr(PlxAnnotation) first = NULL;
  g_autoptr(PlxAnnotation) second = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  SignalLog log;

  signal_log_init (&log);
  g_signal_connect (fixture->project, "changes-committed", G_CALLBACK (changes_committed_cb), &log);

  g_assert_true (_plx_project_begin (fixture->project, &error));
  g_assert_no_error (error);
  first = annotate (fixture->project, multi, "Москва", "Russian", NULL, "", "");
  g_assert_true (_plx_project_begin (fixture->project, &error));
  g_assert_no_error (error);
  second = annotate (fixture->project, multi, "Bakı", "Azerbaijani", NULL, "", "");
  g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (kept), &error));
  g_assert_no_error (error);
  g_assert_true (_plx_project_commit (fixture->project, &error));
  g_assert_no_error (error);

  /* Inside the transaction the changes are visible, but not announced. */
  all = list (fixture->project, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  g_clear_pointer (&all, g_ptr_array_unref);
  g_assert_cmpuint (log.olds->len, ==, 0);

  _plx_project_rollback (fixture->project);
  g_assert_cmpuint (log.olds->len, ==, 0);

  all = list (fixture->project, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_true (plx_annotation_equal (g_ptr_array_index (all, 0), kept));
  g_clear_pointer (&all, g_ptr_array_unref);

  /* And not in the file either. */
  reopen (fixture);
  all = list (fixture->project, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (plx_annotation_get_uuid (g_ptr_array_index (all, 0)), ==, plx_annotation_get_uuid (kept));

  signal_log_clear (&log);
}

static void
test_transactions_inner_rollback (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  g_autoptr(PlxAnnotation) first = NULL;
  g_autoptr(PlxAnnotation) dropped = NULL;
  g_autoptr(PlxAnnotation) third = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  SignalLog log;

  signal_log_init (&log);
  g_signal_connect (fixture->project, "changes-committed", G_CALLBACK (changes_committed_cb), &log);

  g_assert_true (_plx_project_begin (fixture->project, &error));
  first = annotate (fixture->project, multi, "Москва", "Russian", NULL, "", "");

  g_assert_true (_plx_project_begin (fixture->project, &error));
  dropped = annotate (fixture->project, multi, "Bakı", "Azerbaijani", NULL, "", "");
  _plx_project_rollback (fixture->project);

  third = annotate (fixture->project, multi, "Երևան", "Armenian", NULL, "", "");
  g_assert_cmpuint (log.olds->len, ==, 0);
  g_assert_true (_plx_project_commit (fixture->project, &error));
  g_assert_no_error (error);

  /* Announced once the outer level commits, in one change set, in order,
   * without the one rolled back. */
  g_assert_cmpuint (log.emissions, ==, 1);
  g_assert_cmpuint (log.news->len, ==, 2);
  g_assert_null (g_ptr_array_index (log.olds, 0));
  g_assert_null (g_ptr_array_index (log.olds, 1));
  g_assert_cmpstr (plx_annotation_get_uuid (g_ptr_array_index (log.news, 0)), ==, plx_annotation_get_uuid (first));
  g_assert_cmpstr (plx_annotation_get_uuid (g_ptr_array_index (log.news, 1)), ==, plx_annotation_get_uuid (third));

  reopen (fixture);
  all = list (fixture->project, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_true (plx_annotation_equal (g_ptr_array_index (all, 0), third));
  g_assert_true (plx_annotation_equal (g_ptr_array_index (all, 1), first));

  signal_log_clear (&log);
}

/* ---- migrations ---- */

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint b = 0; b < G_N_ELEMENTS (plx_test_backends); b++)
    {
      const PlxTestBackend *backend = &plx_test_backends[b];

#define ADD(path, func) \
  G_STMT_START { \
    g_autofree char *full = g_strdup_printf ("/core/project/%s/%s", backend->name, path); \
    g_test_add (full, Fixture, backend, fixture_set_up, func, fixture_tear_down); \
  } G_STMT_END

      /* What a file is made of, and opening one in a worker (team
       * projects: test-pg-store.c). */
      if (g_str_equal (backend->name, "sqlite"))
        {
          ADD ("create/defaults", test_create_defaults);
          ADD ("create/existing", test_create_existing);
          ADD ("open-async", test_open_async);
        }
      ADD ("round-trip", test_round_trip);
      ADD ("open-another", test_open_another);
      ADD ("update", test_update);
      ADD ("delete", test_delete);
      ADD ("list/filters", test_list_filters);
      ADD ("list/themes", test_list_themes);
      ADD ("perspectives/edit", test_perspectives);
      ADD ("perspectives/remove", test_perspective_remove);
      ADD ("signal/changes-committed", test_signal);
      ADD ("apply", test_apply);
      ADD ("transactions/outer-rollback", test_transactions_outer_rollback);
      ADD ("transactions/inner-rollback", test_transactions_inner_rollback);

#undef ADD
    }

  return g_test_run ();
}
