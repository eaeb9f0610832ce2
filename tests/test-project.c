/* test-project.c: the SQLite project store: round trips, perspectives,
 * signals, transactions, migrations and refusal of files that are not
 * (good) projects.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "plx-core.h"
#include "plx-project-private.h"
#include "plx-test-utils.h"

#define MULTILINGUAL \
  "Armenian: Հայաստանի Հանրապետություն, Երևան.\n" \
  "Azerbaijani: Azərbaycan Respublikası, Bakı — ğ ş ı ö ü ç.\n" \
  "Russian: Российская Федерация, Москва.\n" \
  "Emoji: peace 🕊️, family 👩‍👩‍👧, flags 🇦🇲🇦🇿.\n" \
  "Combining: q\xcc\x87 and å.\n"

typedef struct {
  char       *dir;
  char       *path;
  PlxProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = plx_test_make_tempdir ();
  fixture->path = g_build_filename (fixture->dir, "test.parallax", NULL);
  fixture->project = plx_project_create (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->project);
  fixture->project = plx_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->project);
}

static PlxDocument *
add_essay (PlxProject *project)
{
  g_autofree char *path = plx_test_essay_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (project, document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plx_document_get_id (document), >, 0);
  return document;
}

static PlxDocument *
add_text (PlxProject *project,
          const char *text,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, title, &error);

  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (project, document, &error));
  g_assert_no_error (error);
  return document;
}

static gint64
perspective_id (PlxProject *project,
                const char *name)
{
  PlxPerspective *perspective = plx_project_find_perspective_by_name (project, name);

  g_assert_nonnull (perspective);
  return plx_perspective_get_id (perspective);
}

/* The code-point offset of the first @needle in @document. */
static guint
find_offset (PlxDocument *document,
             const char  *needle)
{
  const char *text = plx_document_get_text (document);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return plx_document_byte_to_offset (document, (gsize) (found - text));
}

static PlxAnnotation *
annotate (PlxProject   *project,
          PlxDocument  *document,
          const char   *needle,
          const char   *perspective,
          const char  **themes,
          const char   *note,
          const char   *author)
{
  g_autoptr(GError) error = NULL;
  guint start = find_offset (document, needle);
  guint end = start + (guint) g_utf8_strlen (needle, -1);
  PlxAnnotation *annotation = plx_annotation_new_for_range (document, start, end,
                                                            perspective_id (project, perspective), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_quote (annotation), ==, needle);
  plx_annotation_set_themes (annotation, themes);
  plx_annotation_set_note (annotation, note);
  plx_annotation_set_author (annotation, author);
  g_assert_true (plx_project_add_annotation (project, annotation, &error));
  g_assert_no_error (error);
  return annotation;
}

static GPtrArray *
list (PlxProject *project,
      gint64      document_id,
      gint64      perspective,
      const char *theme)
{
  PlxAnnotationQuery query = { document_id, perspective, theme };
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations = plx_project_list_annotations (project, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (annotations);
  return annotations;
}

static void
assert_strv (const char * const *got,
             const char * const *expected)
{
  g_assert_cmpuint (g_strv_length ((char **) got), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (got[i], ==, expected[i]);
}

static int
read_pragma_int (const char *path,
                 const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* ---- creation ---- */

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
  g_assert_cmpint (read_pragma_int (fixture->path, "application_id"), ==, PLX_PROJECT_APPLICATION_ID);
  g_assert_cmpint (read_pragma_int (fixture->path, "user_version"), ==, PLX_PROJECT_SCHEMA_VERSION);

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

/* ---- the annotation-changed signal ---- */

typedef struct {
  GPtrArray *olds;
  GPtrArray *news;
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
}

static void
signal_log_clear (SignalLog *log)
{
  g_clear_pointer (&log->olds, g_ptr_array_unref);
  g_clear_pointer (&log->news, g_ptr_array_unref);
}

/* Copies, because the emitter may keep editing the objects it passes. */
static void
annotation_changed_cb (PlxProject    *project,
                       PlxAnnotation *old,
                       PlxAnnotation *new,
                       SignalLog     *log)
{
  g_assert_true (old == NULL || PLX_IS_ANNOTATION (old));
  g_assert_true (new == NULL || PLX_IS_ANNOTATION (new));
  g_assert_true (old != NULL || new != NULL);
  g_ptr_array_add (log->olds, old ? plx_annotation_copy (old) : NULL);
  g_ptr_array_add (log->news, new ? plx_annotation_copy (new) : NULL);
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
  g_signal_connect (fixture->project, "annotation-changed", G_CALLBACK (annotation_changed_cb), &log);

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

  /* Moving passages with a removed perspective: (old, moved). */
  g_assert_true (plx_project_remove_perspective (fixture->project, azerbaijani, western, &error));
  g_assert_no_error (error);
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
  g_signal_connect (fixture->project, "annotation-changed", G_CALLBACK (annotation_changed_cb), &log);

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
  g_signal_connect (fixture->project, "annotation-changed", G_CALLBACK (annotation_changed_cb), &log);

  g_assert_true (_plx_project_begin (fixture->project, &error));
  first = annotate (fixture->project, multi, "Москва", "Russian", NULL, "", "");

  g_assert_true (_plx_project_begin (fixture->project, &error));
  dropped = annotate (fixture->project, multi, "Bakı", "Azerbaijani", NULL, "", "");
  _plx_project_rollback (fixture->project);

  third = annotate (fixture->project, multi, "Երևան", "Armenian", NULL, "", "");
  g_assert_cmpuint (log.olds->len, ==, 0);
  g_assert_true (_plx_project_commit (fixture->project, &error));
  g_assert_no_error (error);

  /* Announced once the outer level commits, in order, without the one
   * rolled back. */
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

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
insert_v1_annotation (sqlite3       *db,
                      PlxAnnotation *annotation,
                      const char    *themes_column)
{
  sqlite3_stmt *stmt = prepare (db,
                                "INSERT INTO annotations (uuid, document_id, perspective_id, start_offset, end_offset, "
                                "quote, prefix, suffix, themes, note, author, created, modified) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");

  sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, plx_annotation_get_document_id (annotation));
  sqlite3_bind_int64 (stmt, 3, plx_annotation_get_perspective_id (annotation));
  sqlite3_bind_int64 (stmt, 4, plx_annotation_get_start (annotation));
  sqlite3_bind_int64 (stmt, 5, plx_annotation_get_end (annotation));
  sqlite3_bind_text (stmt, 6, plx_annotation_get_quote (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, plx_annotation_get_prefix (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, plx_annotation_get_suffix (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, themes_column, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, plx_annotation_get_note (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, plx_annotation_get_author (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, plx_annotation_get_created (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, plx_annotation_get_modified (annotation), -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static gboolean
table_has_column (const char *path,
                  const char *table,
                  const char *column)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  stmt = prepare (db, sql);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    found |= g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), column) == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "old.parallax", NULL);
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autofree char *source = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxAnnotation) first = NULL;
  g_autoptr(PlxAnnotation) second = NULL;
  g_autoptr(PlxAnnotation) plain = NULL;
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxAnnotation) loaded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_auto(GStrv) themes = NULL;
  const char *first_themes[] = { "arms sales", "mediation", NULL };
  const char *second_themes[] = { "mediation", "ceasefire", NULL };
  const char *all_themes[] = { "mediation", "arms sales", "ceasefire", NULL };
  const char *names[] = { "Armenian", "Azerbaijani", "Western", "Russian" };
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", PLX_PROJECT_APPLICATION_ID);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  gsize length = 0;

  source = plx_test_read_file (essay_path, &length);
  document = plx_document_new_from_data (source, length, PLX_DOCUMENT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_no_error (error);
  plx_document_set_id (document, 1);

  /* A version-1 file, as the first release wrote it. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_plx_project_migrate (db, 1, &error));
  g_assert_no_error (error);

  stmt = prepare (db, "INSERT INTO documents (id, title, format, source, content_hash, added) VALUES (1, ?1, 'markdown', ?2, ?3, '2012-07-01T10:00:00.000Z')");
  sqlite3_bind_text (stmt, 1, plx_document_get_title (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, source, (int) length, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plx_document_get_content_hash (document), -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  stmt = prepare (db, "INSERT INTO perspectives (id, name, color, position) VALUES (?1, ?2, ?3, ?4)");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *colors[] = { "#E69F00", "#0072B2", "#009E73", "#CC79A7" };

      sqlite3_bind_int (stmt, 1, (int) i + 1);
      sqlite3_bind_text (stmt, 2, names[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, colors[i], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, (int) i);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  first = plx_annotation_new_for_range (document, find_offset (document, "arms dealer"),
                                        find_offset (document, "arms dealer") + 11, 4, &error);
  g_assert_no_error (error);
  plx_annotation_set_note (first, "Россия как продавец оружия");
  plx_annotation_set_author (first, "Иван");
  plx_annotation_set_times (first, "2012-07-01T10:05:00.000Z", "2012-07-02T11:00:00.500Z");
  insert_v1_annotation (db, first, "arms sales\x1fmediation");

  second = plx_annotation_new_for_range (document, find_offset (document, "Minsk Process"),
                                         find_offset (document, "Minsk Process") + 13, 3, &error);
  g_assert_no_error (error);
  plx_annotation_set_times (second, "2012-07-01T10:06:00.000Z", "2012-07-01T10:06:00.000Z");
  /* Empty pieces between separators are not themes. */
  insert_v1_annotation (db, second, "mediation\x1f\x1f" "ceasefire");

  plain = plx_annotation_new_for_range (document, 0, 9, 1, &error);
  g_assert_no_error (error);
  insert_v1_annotation (db, plain, "");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_assert_cmpint (read_pragma_int (path, "user_version"), ==, 1);
  g_assert_true (table_has_column (path, "annotations", "themes"));

  project = plx_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  loaded = plx_project_get_annotation (project, plx_annotation_get_uuid (first), &error);
  g_assert_no_error (error);
  assert_strv (plx_annotation_get_themes (loaded), first_themes);
  plx_annotation_set_themes (first, first_themes);
  g_assert_true (plx_annotation_equal (loaded, first));
  g_clear_object (&loaded);

  loaded = plx_project_get_annotation (project, plx_annotation_get_uuid (second), &error);
  g_assert_no_error (error);
  assert_strv (plx_annotation_get_themes (loaded), second_themes);
  plx_annotation_set_themes (second, second_themes);
  g_assert_true (plx_annotation_equal (loaded, second));
  g_clear_object (&loaded);

  loaded = plx_project_get_annotation (project, plx_annotation_get_uuid (plain), &error);
  g_assert_no_error (error);
  g_assert_true (plx_annotation_equal (loaded, plain));
  g_assert_null (plx_annotation_get_themes (loaded)[0]);

  all = list (project, 0, 0, "MEDIATION");
  g_assert_cmpuint (all->len, ==, 2);
  themes = plx_project_list_themes (project, &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) themes, all_themes);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (project)), ==, 4);
  g_assert_true (plx_project_check (project, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
  g_clear_object (&project);

  g_assert_cmpint (read_pragma_int (path, "user_version"), ==, PLX_PROJECT_SCHEMA_VERSION);
  g_assert_false (table_has_column (path, "annotations", "themes"));

  /* Opening again is a no-op migration. */
  project = plx_project_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  g_assert_cmpint (read_pragma_int (path, "user_version"), ==, PLX_PROJECT_SCHEMA_VERSION);

  plx_test_remove_tree (dir);
}

/* ---- refusals ---- */

/* Opening @path fails with one of the two codes given (-1: only one), the
 * message names @named (the file itself when NULL) on one line, and the
 * file is byte for byte as it was. */
static void
assert_refused_naming (const char *path,
                       int         code,
                       int         other_code,
                       const char *named)
{
  g_autofree char *before = plx_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = plx_project_open (path, &error);

  g_assert_null (project);
  g_assert_nonnull (error);
  if (error->domain != PLX_ERROR || (error->code != code && error->code != other_code))
    g_error ("%s: expected PLX_ERROR %d or %d, got %s %d: %s", path, code, other_code,
             g_quark_to_string (error->domain), error->code, error->message);
  g_assert_nonnull (strstr (error->message, named ? named : path));
  if (strchr (error->message, '\n') != NULL)
    g_error ("multi-line message: %s", error->message);
  after = plx_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_refused (const char *path,
                int         code,
                int         other_code)
{
  assert_refused_naming (path, code, other_code, NULL);
}

static void
test_refuse_empty (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "empty.parallax", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused (path, PLX_ERROR_NOT_A_PROJECT, -1);
  plx_test_remove_tree (dir);
}

static void
test_refuse_text (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *short_path = g_build_filename (dir, "short.parallax", NULL);
  g_autofree char *long_path = g_build_filename (dir, "long.parallax", NULL);
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autofree char *essay = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (short_path, "Հայաստան, Azərbaycan, Россия\n", -1, NULL));
  assert_refused (short_path, PLX_ERROR_NOT_A_PROJECT, -1);

  essay = plx_test_read_file (essay_path, &length);
  g_assert_true (g_file_set_contents (long_path, essay, (gssize) length, NULL));
  assert_refused (long_path, PLX_ERROR_NOT_A_PROJECT, -1);
  plx_test_remove_tree (dir);
}

static void
test_refuse_png (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "picture.parallax", NULL);
  guint8 png[512] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

  for (guint i = 16; i < sizeof png; i++)
    png[i] = (guint8) (i * 31);
  g_assert_true (g_file_set_contents (path, (const char *) png, sizeof png, NULL));
  assert_refused (path, PLX_ERROR_NOT_A_PROJECT, -1);
  plx_test_remove_tree (dir);
}

static void
test_refuse_foreign_sqlite (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "other.sqlite", NULL);
  g_autoptr(GError) error = NULL;

  exec_sql (path, "CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ani', '123');");
  assert_refused (path, PLX_ERROR_NOT_A_PROJECT, -1);
  g_assert_null (plx_project_open (path, &error));
  g_assert_nonnull (strstr (error->message, "another application"));

  /* Even one whose tables look like ours, without the application id. */
  g_clear_error (&error);
  g_unlink (path);
  exec_sql (path, "CREATE TABLE annotations (uuid TEXT); PRAGMA user_version = 2;");
  assert_refused (path, PLX_ERROR_NOT_A_PROJECT, -1);
  plx_test_remove_tree (dir);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PlxDocument) essay = add_essay (fixture->project);
  g_autoptr(GError) error = NULL;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", PLX_PROJECT_SCHEMA_VERSION + 1);
  g_autofree char *version = g_strdup_printf ("%d", PLX_PROJECT_SCHEMA_VERSION + 1);

  g_clear_object (&fixture->project);
  exec_sql (fixture->path, set_version);
  assert_refused (fixture->path, PLX_ERROR_NEWER_VERSION, -1);
  g_assert_null (plx_project_open (fixture->path, &error));
  g_assert_nonnull (strstr (error->message, version));
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_cmpint (read_pragma_int (fixture->path, "user_version"), ==, PLX_PROJECT_SCHEMA_VERSION + 1);
}

/* A closed project with enough in it to span many pages. */
static char *
make_full_project (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "full.parallax", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = plx_project_create (path, &error);
  g_autoptr(PlxDocument) essay = NULL;
  g_autoptr(PlxDocument) multi = NULL;
  const char *themes[] = { "arms sales", "mediation", NULL };

  g_assert_no_error (error);
  essay = add_essay (project);
  multi = add_text (project, MULTILINGUAL, "Multilingual");
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (essay, i * 100, i * 100 + 50,
                                                                          perspective_id (project, "Russian"), &error);
      g_assert_no_error (error);
      plx_annotation_set_themes (annotation, themes);
      plx_annotation_set_note (annotation, "Заметка — Նշում — Qeyd");
      g_assert_true (plx_project_add_annotation (project, annotation, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&project);
  /* Closing checkpointed everything into the file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  return g_steal_pointer (&path);
}

static void
write_copy (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *good = make_full_project (dir);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize page_size;

  contents = plx_test_read_file (good, &length);
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (length, >, 8 * page_size);

  {
    const gsize cuts[] = {
      1, 16, 50, 99, 100, 101, 1000, page_size - 1, page_size, page_size + 1,
      2 * page_size, 3 * page_size + 17, length / 2, length - page_size, length - 1,
    };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_autofree char *name = g_strdup_printf ("cut-%" G_GSIZE_FORMAT ".parallax", cuts[i]);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_test_message ("truncated at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", cuts[i], length);
        write_copy (path, contents, cuts[i]);
        assert_refused (path, PLX_ERROR_CORRUPT, PLX_ERROR_NOT_A_PROJECT);
      }
  }
  plx_test_remove_tree (dir);
}

static void
test_refuse_scribbled (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *good = make_full_project (dir);
  g_autofree char *contents = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20120605);
  gsize length = 0;
  gsize page_size;

  contents = plx_test_read_file (good, &length);
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];

  /* Random bytes over: every page but the first; the rest of the first
   * page (the schema); the first hundred bytes (the header). */
  {
    const gsize spans[][2] = {
      { page_size, length },
      { 100, page_size },
      { 0, 100 },
      { page_size, 3 * page_size },
    };

    for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
      {
        g_autofree char *copy = g_memdup2 (contents, length);
        g_autofree char *name = g_strdup_printf ("scribbled-%u.parallax", i);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        for (gsize b = spans[i][0]; b < spans[i][1]; b++)
          copy[b] = (char) g_rand_int_range (rand, 0, 256);
        g_test_message ("random bytes over %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT, spans[i][0], spans[i][1]);
        write_copy (path, copy, length);
        assert_refused (path, PLX_ERROR_CORRUPT, PLX_ERROR_NOT_A_PROJECT);
      }
  }

  /* The untouched original still opens. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlxProject) project = plx_project_open (good, &error);

    g_assert_no_error (error);
    g_assert_nonnull (project);
  }
  plx_test_remove_tree (dir);
}

static void
test_refuse_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (sub, "p.parallax", NULL);

  if (geteuid () == 0)
    {
      /* access () ignores permissions for root. */
      g_test_skip ("running as root: file permissions are not enforced");
      return;
    }

  g_clear_object (&fixture->project);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  assert_refused (fixture->path, PLX_ERROR_READ_ONLY, -1);
  g_assert_null (plx_project_open (fixture->path, &error));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  /* A writable file in a read-only folder: WAL needs the folder. */
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  {
    g_autoptr(PlxProject) project = plx_project_create (in_locked, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
  assert_refused_naming (in_locked, PLX_ERROR_READ_ONLY, -1, sub);
  g_assert_cmpint (g_chmod (sub, 0755), ==, 0);
}

/* ---- check ---- */

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PlxDocument) multi = add_text (fixture->project, MULTILINGUAL, "Multilingual");
  g_autoptr(PlxAnnotation) annotation = annotate (fixture->project, multi, "Москва", "Russian", NULL, "", "");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *tamper = NULL;

  g_assert_true (plx_project_check (fixture->project, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");

  /* A quote changed behind the project's back is reported. */
  g_clear_object (&fixture->project);
  tamper = g_strdup_printf ("UPDATE annotations SET quote = 'Moscow' WHERE uuid = '%s'", plx_annotation_get_uuid (annotation));
  exec_sql (fixture->path, tamper);
  reopen (fixture);
  g_assert_false (plx_project_check (fixture->project, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, plx_annotation_get_uuid (annotation)));
  g_assert_nonnull (strstr (report->str, "Moscow"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/project/create/defaults", test_create_defaults);
  ADD ("/core/project/create/existing", test_create_existing);
  ADD ("/core/project/round-trip", test_round_trip);
  ADD ("/core/project/open-another", test_open_another);
  ADD ("/core/project/open-async", test_open_async);
  ADD ("/core/project/update", test_update);
  ADD ("/core/project/delete", test_delete);
  ADD ("/core/project/list/filters", test_list_filters);
  ADD ("/core/project/list/themes", test_list_themes);
  ADD ("/core/project/perspectives/edit", test_perspectives);
  ADD ("/core/project/perspectives/remove", test_perspective_remove);
  ADD ("/core/project/signal/annotation-changed", test_signal);
  ADD ("/core/project/transactions/outer-rollback", test_transactions_outer_rollback);
  ADD ("/core/project/transactions/inner-rollback", test_transactions_inner_rollback);
  g_test_add_func ("/core/project/migrate/v1", test_migrate_v1);
  g_test_add_func ("/core/project/refuse/empty", test_refuse_empty);
  g_test_add_func ("/core/project/refuse/text", test_refuse_text);
  g_test_add_func ("/core/project/refuse/png", test_refuse_png);
  g_test_add_func ("/core/project/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("/core/project/refuse/newer-version", test_refuse_newer);
  g_test_add_func ("/core/project/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/core/project/refuse/random-bytes", test_refuse_scribbled);
  ADD ("/core/project/refuse/read-only", test_refuse_read_only);
  ADD ("/core/project/check", test_check);

#undef ADD

  return g_test_run ();
}
