/* test-sqlite-store.c: the project file: its header and schema,
 * migrations from older versions, refusal of files that are not (good)
 * projects, and the check of what changed behind the project's back.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <unistd.h>
#include <sqlite3.h>

#include "plx-project-fixture.h"
#include "plx-project-private.h"
#include "plx-salvage.h"
#include "plx-sqlite-store.h"
#include "plx-sqlite-store-private.h"

static int
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static int
read_pragma_int (const char *path,
                 const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);

  return query_int (path, sql);
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
  g_assert_true (_plx_sqlite_migrate (db, 1, &error));
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

/* ---- version 2 → 3 ---- */

#define MARKDOWN_DOC \
  "# Talks in Kazan\n\n## Before\n\nThe sides met [1] in June,\nand   talked  late.\n\n" \
  "## After\n\n> No agreement.\n\n[1] Kazan, 2011.\n"

typedef struct {
  PlxDocument *document;
  const char  *format;
  char        *source;
  gsize        length;
} V2Document;

/* A version-2 project, as the release before identities wrote it (in WAL
 * mode, as every opened project is), holding @documents and, on each, a
 * passage every 37 characters; returns the passages as they were made. */
static GPtrArray *
write_v2_project (const char *path,
                  V2Document *documents,
                  guint       n_documents)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", PLX_PROJECT_APPLICATION_ID);
  const char *authors[] = { "Anahit", "", "Елена", "Aysel" };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_plx_sqlite_migrate (db, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO perspectives (id, name, color, position) VALUES "
                                 "(1, 'Armenian', '#E69F00', 0), (2, 'Azerbaijani', '#0072B2', 1), "
                                 "(3, 'Western', '#009E73', 2), (4, 'Russian', '#CC79A7', 3);"
                                 "INSERT INTO themes (id, name) VALUES (1, 'mediation'), (2, 'arms sales');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint d = 0; d < n_documents; d++)
    {
      PlxDocument *document = documents[d].document;
      guint length = plx_document_get_length (document);

      plx_document_set_id (document, d + 1);
      stmt = prepare (db, "INSERT INTO documents (id, title, format, source, content_hash, added) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, '2024-05-01T10:00:00.000Z')");
      sqlite3_bind_int (stmt, 1, (int) d + 1);
      sqlite3_bind_text (stmt, 2, plx_document_get_title (document), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, documents[d].format, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, documents[d].source, (int) documents[d].length, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, plx_document_get_content_hash (document), -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);

      for (guint start = 0, i = 0; start + 5 < length; start += 37, i++)
        {
          guint end = MIN (length, start + 5 + (i * 13) % 60);
          PlxAnnotation *annotation = plx_annotation_new_for_range (document, start, end, 1 + i % 4, &error);
          g_autofree char *note = g_strdup_printf ("Note %u — Նշում", i);

          g_assert_no_error (error);
          plx_annotation_set_note (annotation, i % 3 == 0 ? "" : note);
          plx_annotation_set_author (annotation, authors[i % G_N_ELEMENTS (authors)]);
          stmt = prepare (db, "INSERT INTO annotations (uuid, document_id, perspective_id, start_offset, end_offset, "
                              "quote, prefix, suffix, note, author, created, modified) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
          sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, d + 1);
          sqlite3_bind_int64 (stmt, 3, plx_annotation_get_perspective_id (annotation));
          sqlite3_bind_int64 (stmt, 4, plx_annotation_get_start (annotation));
          sqlite3_bind_int64 (stmt, 5, plx_annotation_get_end (annotation));
          sqlite3_bind_text (stmt, 6, plx_annotation_get_quote (annotation), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 7, plx_annotation_get_prefix (annotation), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 8, plx_annotation_get_suffix (annotation), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 9, plx_annotation_get_note (annotation), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 10, plx_annotation_get_author (annotation), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 11, plx_annotation_get_created (annotation), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 12, plx_annotation_get_modified (annotation), -1, SQLITE_TRANSIENT);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          sqlite3_finalize (stmt);
          if (i % 2 == 0)
            {
              const char *themes[] = { "mediation", NULL };
              g_autofree char *link = g_strdup_printf ("INSERT INTO annotation_themes VALUES ('%s', 1, 0)",
                                                       plx_annotation_get_uuid (annotation));

              g_assert_cmpint (sqlite3_exec (db, link, NULL, NULL, NULL), ==, SQLITE_OK);
              plx_annotation_set_themes (annotation, themes);
            }
          g_ptr_array_add (made, annotation);
        }
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_steal_pointer (&made);
}

static void
v2_documents_init (V2Document *documents)
{
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autoptr(GError) error = NULL;

  documents[0].source = plx_test_read_file (essay_path, &documents[0].length);
  documents[0].format = "markdown";
  documents[1].source = g_strdup (MARKDOWN_DOC);
  documents[1].format = "markdown";
  documents[2].source = g_strdup (MULTILINGUAL);
  documents[2].format = "plain";
  for (guint d = 0; d < 3; d++)
    {
      PlxDocumentFormat format = d < 2 ? PLX_DOCUMENT_FORMAT_MARKDOWN : PLX_DOCUMENT_FORMAT_PLAIN;

      if (d > 0)
        documents[d].length = strlen (documents[d].source);
      documents[d].document = plx_document_new_from_data (documents[d].source, documents[d].length, format,
                                                          "Untitled", &error);
      g_assert_no_error (error);
    }
}

static void
v2_documents_clear (V2Document *documents)
{
  for (guint d = 0; d < 3; d++)
    {
      g_clear_object (&documents[d].document);
      g_clear_pointer (&documents[d].source, g_free);
    }
}

/* Every passage keeps its exact offsets and quote, which is still the
 * text at those offsets; documents keep their text and sections. */
static void
test_migrate_v2 (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "v2.parallax", NULL);
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  V2Document documents[3] = { { 0, }, };

  v2_documents_init (documents);
  made = write_v2_project (path, documents, G_N_ELEMENTS (documents));
  g_assert_cmpuint (made->len, >, 300);

  project = plx_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read_pragma_int (path, "user_version"), ==, PLX_PROJECT_SCHEMA_VERSION);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(PlxDocument) loaded = plx_project_load_document (project, d + 1, &error);
      guint n_before = 0, n_after = 0;
      const PlxSection *before = plx_document_get_sections (documents[d].document, &n_before);
      const PlxSection *after;

      g_assert_no_error (error);
      g_assert_cmpstr (plx_document_get_text (loaded), ==, plx_document_get_text (documents[d].document));
      g_assert_cmpstr (plx_document_get_content_hash (loaded), ==, plx_document_get_content_hash (documents[d].document));
      g_assert_true (plx_text_is_uuid (plx_document_get_uuid (loaded)));
      g_assert_false (g_hash_table_contains (uuids, plx_document_get_uuid (loaded)));
      g_hash_table_add (uuids, (gpointer) plx_document_get_uuid (loaded));
      after = plx_document_get_sections (loaded, &n_after);
      g_assert_cmpuint (n_after, ==, n_before);
      for (guint i = 0; i < n_after; i++)
        {
          g_assert_cmpstr (after[i].title, ==, before[i].title);
          g_assert_cmpuint (after[i].start, ==, before[i].start);
          g_assert_cmpuint (after[i].end, ==, before[i].end);
        }
    }

  for (guint i = 0; i < made->len; i++)
    {
      PlxAnnotation *old = g_ptr_array_index (made, i);
      g_autoptr(PlxAnnotation) now = plx_project_get_annotation (project, plx_annotation_get_uuid (old), &error);
      g_autoptr(PlxDocument) document = NULL;
      g_autofree char *at_offsets = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (plx_annotation_get_start (now), ==, plx_annotation_get_start (old));
      g_assert_cmpuint (plx_annotation_get_end (now), ==, plx_annotation_get_end (old));
      g_assert_cmpstr (plx_annotation_get_quote (now), ==, plx_annotation_get_quote (old));
      g_assert_cmpstr (plx_annotation_get_author (now), ==, plx_annotation_get_author (old));
      g_assert_cmpstr (plx_annotation_get_note (now), ==, plx_annotation_get_note (old));
      g_assert_true (g_strv_equal (plx_annotation_get_themes (now), plx_annotation_get_themes (old)));
      g_assert_cmpuint (plx_annotation_get_revision (now), ==, 1);
      document = plx_project_load_document (project, plx_annotation_get_document_id (now), &error);
      g_assert_no_error (error);
      at_offsets = plx_document_dup_range (document, plx_annotation_get_start (now), plx_annotation_get_end (now));
      g_assert_cmpstr (at_offsets, ==, plx_annotation_get_quote (old));
    }

  for (guint i = 0; i < g_list_model_get_n_items (plx_project_get_perspectives (project)); i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (plx_project_get_perspectives (project), i);
      g_assert_true (plx_text_is_uuid (plx_perspective_get_uuid (perspective)));
    }
  g_assert_true (plx_project_check (project, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
  g_clear_object (&project);

  /* Authors became annotators, each once; the empty author is none. */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM annotators"), ==, 3);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM annotations WHERE creator_id IS NULL"), >, 0);
  g_assert_false (table_has_column (path, "annotations", "author"));

  v2_documents_clear (documents);
  plx_test_remove_tree (dir);
}

/* A migration that fails half-way (a document whose source is not text)
 * leaves the version-2 file byte for byte as it was. */
static void
test_migrate_v2_fails (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "v2.parallax", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GError) error = NULL;
  V2Document documents[3] = { { 0, }, };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;

  v2_documents_init (documents);
  made = write_v2_project (path, documents, G_N_ELEMENTS (documents));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  stmt = prepare (db, "INSERT INTO documents (id, title, format, source, content_hash, added) "
                      "VALUES (9, 'Broken', 'plain', CAST (x'48ff00fe' AS TEXT), 'x', '2024-05-01T10:00:00.000Z')");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = plx_test_file_checksum (path);

  g_assert_null (plx_project_open (path, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "document 9"));

  after = plx_test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (read_pragma_int (path, "user_version"), ==, 2);

  v2_documents_clear (documents);
  plx_test_remove_tree (dir);
}

/* ---- version 3 → 4 ---- */

/* The version-2 project above, brought to version 3 as that release did. */
static GPtrArray *
write_v3_project (const char *path,
                  V2Document *documents,
                  guint       n_documents)
{
  g_autoptr(GPtrArray) made = write_v2_project (path, documents, n_documents);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_true (_plx_sqlite_migrate (db, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpint (read_pragma_int (path, "user_version"), ==, 3);
  return g_steal_pointer (&made);
}

/* Provenance columns are added; every quote is still its text, the
 * original is the stored source, and a passage cites its paragraph. */
static void
test_migrate_v3 (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "v3.parallax", NULL);
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  V2Document documents[3] = { { 0, }, };
  const char *meta[PLX_DOCUMENT_N_META] = { "Anahit Petrosyan", "2024-05-01", "https://example.org/essay", "en" };

  v2_documents_init (documents);
  made = write_v3_project (path, documents, G_N_ELEMENTS (documents));

  project = plx_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read_pragma_int (path, "user_version"), ==, PLX_PROJECT_SCHEMA_VERSION);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(PlxDocument) loaded = plx_project_load_document (project, d + 1, &error);
      g_autoptr(GBytes) original = NULL;
      g_autofree char *sha = NULL;
      guint n_locators = 1;

      g_assert_no_error (error);
      g_assert_cmpstr (plx_document_get_text (loaded), ==, plx_document_get_text (documents[d].document));
      original = plx_project_dup_document_original (project, d + 1, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (original, NULL), g_bytes_get_size (original),
                       plx_document_get_source (documents[d].document),
                       strlen (plx_document_get_source (documents[d].document)));
      sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);
      g_assert_cmpstr (plx_document_get_original_sha256 (loaded), ==, sha);
      g_assert_cmpstr (plx_document_get_original_name (loaded), ==, "");
      g_assert_cmpstr (plx_document_get_added (loaded), ==, "2024-05-01T10:00:00.000Z");
      g_assert_cmpstr (plx_document_get_reader (loaded), ==, d < 2 ? "markdown" : "plain");
      plx_document_get_locators (loaded, &n_locators);
      g_assert_cmpuint (n_locators, ==, 0);
    }

  for (guint i = 0; i < made->len; i++)
    {
      PlxAnnotation *old = g_ptr_array_index (made, i);
      g_autoptr(PlxAnnotation) now = plx_project_get_annotation (project, plx_annotation_get_uuid (old), &error);
      g_autoptr(PlxDocument) document = NULL;
      g_autofree char *at_offsets = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (plx_annotation_get_start (now), ==, plx_annotation_get_start (old));
      g_assert_cmpuint (plx_annotation_get_end (now), ==, plx_annotation_get_end (old));
      g_assert_cmpstr (plx_annotation_get_quote (now), ==, plx_annotation_get_quote (old));
      document = plx_project_load_document (project, plx_annotation_get_document_id (now), &error);
      at_offsets = plx_document_dup_range (document, plx_annotation_get_start (now), plx_annotation_get_end (now));
      g_assert_cmpstr (at_offsets, ==, plx_annotation_get_quote (old));
    }

  /* The multilingual plain text: each line a paragraph. */
  {
    g_autoptr(PlxDocument) plain = plx_project_load_document (project, 3, &error);
    g_autofree char *citation = NULL;
    const PlxBlock *blocks;
    guint n_blocks = 0;

    blocks = plx_document_get_blocks (plain, &n_blocks);
    g_assert_cmpuint (n_blocks, >=, 2);
    citation = plx_document_dup_citation (plain, blocks[1].start + 1, blocks[1].end);
    g_assert_cmpstr (citation, ==, "¶ 2");
  }

  /* Metadata is kept, and survives reopening. */
  g_assert_true (plx_project_set_document_info (project, 1, "The essay", meta, &error));
  g_assert_no_error (error);
  g_assert_false (plx_project_set_document_info (project, 1, "", meta, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (plx_project_check (project, report, &error));
  g_assert_cmpstr (report->str, ==, "");
  g_clear_object (&project);
  project = plx_project_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PlxDocument) essay = plx_project_load_document (project, 1, &error);

    g_assert_cmpstr (plx_document_get_title (essay), ==, "The essay");
    for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
      g_assert_cmpstr (plx_document_get_meta (essay, m), ==, meta[m]);
  }
  g_clear_object (&project);

  v2_documents_clear (documents);
  plx_test_remove_tree (dir);
}

/* A version-3 document whose text no longer matches its hash stops the
 * upgrade, and the file stays byte for byte as it was. */
static void
test_migrate_v3_fails (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "v3.parallax", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GError) error = NULL;
  V2Document documents[3] = { { 0, }, };
  sqlite3 *db = NULL;

  v2_documents_init (documents);
  made = write_v3_project (path, documents, G_N_ELEMENTS (documents));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE documents SET text = text || '!' WHERE id = 2;"
                                     "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = plx_test_file_checksum (path);

  g_assert_null (plx_project_open (path, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "document 2"));

  after = plx_test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (read_pragma_int (path, "user_version"), ==, 3);

  v2_documents_clear (documents);
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

  /* So is a document's text changed or made invalid UTF-8, annotated or
   * not (issue 17, items 4 and 5). */
  {
    g_autoptr(PlxDocument) quiet = add_text (fixture->project, "A text nobody annotated.\n", "Quiet");
    g_autofree char *changed = g_strdup_printf ("UPDATE documents SET text = 'A text somebody changed.' WHERE id = %"
                                                G_GINT64_FORMAT, plx_document_get_id (quiet));
    g_autofree char *broken = g_strdup_printf ("UPDATE documents SET text = CAST (x'41ff42' AS TEXT) WHERE id = %"
                                               G_GINT64_FORMAT, plx_document_get_id (multi));
    g_autofree char *quiet_line = g_strdup_printf ("document %" G_GINT64_FORMAT ": ", plx_document_get_id (quiet));
    g_autofree char *multi_line = g_strdup_printf ("document %" G_GINT64_FORMAT ": ", plx_document_get_id (multi));

    g_clear_object (&fixture->project);
    exec_sql (fixture->path, changed);
    exec_sql (fixture->path, broken);
    reopen (fixture);
    g_string_truncate (report, 0);
    g_assert_false (plx_project_check (fixture->project, report, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (report->str, quiet_line));
    g_assert_nonnull (strstr (report->str, "no longer matches the hash"));
    g_assert_nonnull (strstr (report->str, multi_line));
    g_assert_nonnull (strstr (report->str, "not valid UTF-8"));
  }
}

/* ---- salvage, without the window (-Dgui=false runs it) ---- */

/* Overwrites the page holding the root of table or index @name. */
static void
damage_root_page (const char *path,
                  const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", name);
  int page = query_int (path, sql);
  int page_size = read_pragma_int (path, "page_size");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (page, >, 1);
  contents = plx_test_read_file (path, &length);
  g_assert_cmpuint ((gsize) page * (gsize) page_size, <=, length);
  memset (contents + (gsize) (page - 1) * (gsize) page_size, 0x5a, (gsize) page_size);
  write_copy (path, contents, length);
}

static void
test_salvage_v3 (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = make_full_project (dir);
  g_autofree char *saved = g_build_filename (dir, "saved.parallax", NULL);
  g_autofree char *saved_again = g_build_filename (dir, "saved-again.parallax", NULL);
  g_autofree char *before = NULL;
  g_autoptr(PlxSalvageReport) report = NULL;
  g_autoptr(PlxSalvageReport) damaged = NULL;
  g_autoptr(PlxProject) original = NULL;
  g_autoptr(PlxProject) copy = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) docs_a = NULL;
  g_autoptr(GPtrArray) docs_b = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* An intact version-3 project comes through whole: texts as stored,
   * document identities, authors, themes and notes. */
  report = plx_project_salvage (path, saved, &error);
  g_assert_no_error (error);
  g_assert_true (report->complete);
  g_assert_cmpuint (report->documents, ==, 2);
  g_assert_cmpuint (report->annotations, ==, 40);
  original = plx_project_open (path, &error);
  g_assert_no_error (error);
  copy = plx_project_open (saved, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_check (copy, problems, &error));
  g_assert_no_error (error);
  docs_a = plx_project_list_documents (original, &error);
  docs_b = plx_project_list_documents (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs_a->len, ==, docs_b->len);
  for (guint i = 0; i < docs_a->len; i++)
    {
      g_assert_cmpstr (plx_document_get_uuid (g_ptr_array_index (docs_a, i)), ==,
                       plx_document_get_uuid (g_ptr_array_index (docs_b, i)));
      g_assert_cmpstr (plx_document_get_text (g_ptr_array_index (docs_a, i)), ==,
                       plx_document_get_text (g_ptr_array_index (docs_b, i)));
    }
  a = plx_project_list_annotations (original, NULL, &error);
  b = plx_project_list_annotations (copy, NULL, &error);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      PlxAnnotation *x = g_ptr_array_index (a, i);
      PlxAnnotation *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (plx_annotation_get_uuid (x), ==, plx_annotation_get_uuid (y));
      g_assert_cmpstr (plx_annotation_get_quote (x), ==, plx_annotation_get_quote (y));
      g_assert_cmpstr (plx_annotation_get_note (x), ==, plx_annotation_get_note (y));
      g_assert_true (g_strv_equal (plx_annotation_get_themes (x), plx_annotation_get_themes (y)));
    }
  g_clear_object (&original);
  g_clear_object (&copy);

  /* A damaged index costs nothing, and the damaged file is only read. */
  damage_root_page (path, "annotations_by_document");
  before = plx_test_file_checksum (path);
  g_assert_null (plx_project_open (path, NULL));
  damaged = plx_project_salvage (path, saved_again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (damaged->annotations, ==, 40);
  {
    g_autofree char *after = plx_test_file_checksum (path);
    g_assert_cmpstr (after, ==, before);
  }

  plx_test_remove_tree (dir);
}

/* A project reached through a symbolic link (or a linked folder) opens,
 * and its log is kept beside the real file (issue 17, item 10). */
static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PlxDocument) essay = add_essay (fixture->project);
  g_autofree char *link = g_build_filename (fixture->dir, "link.parallax", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "linked", NULL);
  g_autofree char *in_folder = g_build_filename (folder, "test.parallax", NULL);
  g_autofree char *real_wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *link_wal = g_strconcat (link, "-wal", NULL);
  g_autoptr(PlxProject) through_link = NULL;
  g_autoptr(PlxProject) through_folder = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->project);
  g_assert_cmpint (symlink ("test.parallax", link), ==, 0);
  g_assert_cmpint (symlink (".", folder), ==, 0);

  through_link = plx_project_open (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_project_get_path (through_link), ==, link);
  documents = plx_project_list_documents (through_link, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  annotate (through_link, g_ptr_array_index (documents, 0), "arms dealer", "Russian", NULL, "", "");
  g_assert_true (g_file_test (real_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (link_wal, G_FILE_TEST_EXISTS));

  through_folder = plx_project_open (in_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plx_project_count_annotations (through_folder, NULL, NULL), ==, 1);
}

/* A project is data, not code: a trigger, a view or a column that is not
 * ours makes it refused, byte for byte unchanged, and check names it
 * (issue 17, item 3). */
static void
test_foreign_schema (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *hostile[] = {
    "CREATE TRIGGER wipe AFTER INSERT ON annotations BEGIN DELETE FROM annotations WHERE uuid <> NEW.uuid; END",
    "CREATE VIEW everything AS SELECT * FROM annotations",
    "ALTER TABLE annotations ADD COLUMN extra TEXT",
    "CREATE INDEX sneaky ON annotations (note)",
  };
  g_autoptr(PlxDocument) essay = add_essay (fixture->project);

  annotate (fixture->project, essay, "arms dealer", "Russian", NULL, "", "");
  g_clear_object (&fixture->project);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize length = 0;
      g_autofree char *original = plx_test_read_file (fixture->path, &length);

      exec_sql (fixture->path, hostile[i]);
      before = plx_test_file_checksum (fixture->path);
      g_assert_null (plx_project_open (fixture->path, &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "refused"));
      g_assert_nonnull (strstr (error->message, "salvage"));
      after = plx_test_file_checksum (fixture->path);
      g_assert_cmpstr (after, ==, before);
      write_copy (fixture->path, original, length);
    }

  /* The first one named, through the command line's check too. */
  exec_sql (fixture->path, hostile[0]);
  {
    const char *argv[] = { g_getenv ("PLX_CLI"), "check", fixture->path, NULL };
    g_autofree char *err = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                                 &status, NULL));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "trigger “wipe”"));
  }
}

/* ---- a full disk ---- */

/* The default VFS made to fail as on a full disk, in the two ways SQLite
 * reports one: a write that comes up short (SQLITE_FULL, "database or
 * disk is full"), or one that fails with errno ENOSPC (SQLITE_IOERR,
 * "disk I/O error", as growing the shared memory or syncing does). */
typedef enum { DISK_OK, DISK_FULL_WRITE, DISK_FULL_IOERR } DiskState;

static DiskState disk_state = DISK_OK;
static sqlite3_vfs full_vfs;
static sqlite3_vfs *real_vfs;
/* The unix VFS has a table of methods per kind of locking; each one met
 * gets a patched copy. */
#define N_METHODS 4
static const sqlite3_io_methods *real_methods[N_METHODS];
static sqlite3_io_methods full_methods[N_METHODS];

static const sqlite3_io_methods *
real_methods_of (sqlite3_file *file)
{
  for (guint i = 0; i < N_METHODS; i++)
    if (file->pMethods == &full_methods[i])
      return real_methods[i];
  g_assert_not_reached ();
}

static int
full_write (sqlite3_file *file,
            const void   *data,
            int           amount,
            sqlite3_int64 offset)
{
  if (disk_state == DISK_FULL_WRITE)
    return SQLITE_FULL;
  if (disk_state == DISK_FULL_IOERR)
    {
      errno = ENOSPC;
      return SQLITE_IOERR_WRITE;
    }
  return real_methods_of (file)->xWrite (file, data, amount, offset);
}

static int
full_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  int rc = real_vfs->xOpen (real_vfs, name, file, flags, out_flags);
  guint i;

  if (rc != SQLITE_OK || file->pMethods == NULL || !(flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_DB)))
    return rc;
  for (i = 0; i < N_METHODS && real_methods[i] != NULL && real_methods[i] != file->pMethods; i++)
    ;
  g_assert_cmpuint (i, <, N_METHODS);
  if (real_methods[i] == NULL)
    {
      real_methods[i] = file->pMethods;
      full_methods[i] = *file->pMethods;
      full_methods[i].xWrite = full_write;
    }
  file->pMethods = &full_methods[i];
  return rc;
}

static int
full_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *buffer)
{
  return disk_state == DISK_FULL_IOERR ? ENOSPC : real_vfs->xGetLastError (real_vfs, n, buffer);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PlxDocument) essay = NULL;
  g_autofree char *expected = g_strdup_printf ("The disk is full: could not save the changes to %s", fixture->path);
  gint64 russian;

  /* Connections opened from now on write through the failing VFS. */
  g_clear_object (&fixture->project);
  real_vfs = sqlite3_vfs_find (NULL);
  full_vfs = *real_vfs;
  full_vfs.zName = "plx-full-disk";
  full_vfs.xOpen = full_open;
  full_vfs.xGetLastError = full_get_last_error;
  g_assert_cmpint (sqlite3_vfs_register (&full_vfs, 1), ==, SQLITE_OK);
  {
    g_autoptr(GError) error = NULL;
    fixture->project = plx_project_open (fixture->path, &error);
    g_assert_no_error (error);
  }
  essay = add_essay (fixture->project);
  russian = perspective_id (fixture->project, "Russian");

  for (DiskState state = DISK_FULL_WRITE; state <= DISK_FULL_IOERR; state++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (essay, 10 + state, 20, russian, &error);
      g_autofree char *before = plx_test_file_checksum (fixture->path);
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      disk_state = state;
      g_assert_false (plx_project_add_annotation (fixture->project, annotation, &error));
      disk_state = DISK_OK;
      g_assert_error (error, PLX_ERROR, PLX_ERROR_STORAGE);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpuint (plx_project_count_annotations (fixture->project, NULL, NULL), ==, 0);
      after = plx_test_file_checksum (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }

  /* A document too large for the page cache writes pages to the log
   * while its statement runs, where SQLite records the errno. */
  {
    GString *text = g_string_new (NULL);
    g_autoptr(PlxDocument) big = NULL;
    g_autoptr(GError) error = NULL;

    while (text->len < 4 * 1024 * 1024)
      g_string_append_printf (text, "Paragraph %u of a long report, long enough to need many pages.\n\n", (guint) text->len);
    big = plx_document_new_from_data (text->str, text->len, PLX_DOCUMENT_FORMAT_PLAIN, "Big", &error);
    g_string_free (text, TRUE);
    g_assert_no_error (error);
    disk_state = DISK_FULL_IOERR;
    g_assert_false (plx_project_add_document (fixture->project, big, &error));
    disk_state = DISK_OK;
    g_assert_error (error, PLX_ERROR, PLX_ERROR_STORAGE);
    g_assert_cmpstr (error->message, ==, expected);
  }

  /* With space again, saving works. */
  g_object_unref (annotate (fixture->project, essay, "arms dealer", "Russian", NULL, "", ""));
  g_assert_cmpuint (plx_project_count_annotations (fixture->project, NULL, NULL), ==, 1);
  g_clear_object (&fixture->project);
  g_assert_cmpint (sqlite3_vfs_unregister (&full_vfs), ==, SQLITE_OK);
}

/* A project of version 6 (this one, taken back: the index and the
 * equivalences dropped) is indexed on opening and gets the default
 * equivalences; the index needs its tokenizer even to be dropped. */
static void
test_migrate_v6 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PlxDocument) a = add_text (fixture->project, "Artsakh, as Armenians call it.\n\nQarabağ.\n", "A");
  g_autoptr(PlxDocument) b = add_text (fixture->project, "Миротворцы вошли в Карабах. Гарабағ.\n", "B");
  g_autoptr(PlxAnnotation) existing = annotate (fixture->project, a, "Artsakh", "Armenian", NULL, NULL, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (plx_project_checkpoint (fixture->project, &error));
  g_clear_object (&fixture->project);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE search_equivalences", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE search_index", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_true (_plx_sqlite_register_search (db, NULL));
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE search_index; PRAGMA user_version = 6", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (read_pragma_int (fixture->path, "user_version"), ==, 6);

  reopen (fixture);
  g_assert_cmpint (read_pragma_int (fixture->path, "user_version"), ==, PLX_PROJECT_SCHEMA_VERSION);
  hits = plx_search_run (fixture->project, "Karabakh", 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 4);
  for (guint i = 0; i < hits->len; i++)
    {
      PlxSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(PlxDocument) document = plx_project_load_document (fixture->project,
                                                                   plx_search_hit_get_document_id (hit), &error);
      g_autofree char *range = plx_document_dup_range (document, plx_search_hit_get_start (hit),
                                                       plx_search_hit_get_end (hit));

      g_assert_cmpstr (range, ==, plx_search_hit_get_match (hit));
    }
  g_assert_cmpstrv (plx_search_hit_get_perspectives (g_ptr_array_index (hits, 0)),
                    ((const char *[]) { "Armenian", NULL }));
  groups = plx_search_list_equivalences (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 11);
  g_assert_true (plx_project_check (fixture->project, report, &error));
  g_assert_no_error (error);
  (void) b;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/core/project/migrate/v1", test_migrate_v1);
  g_test_add_func ("/core/sqlite/migrate/v2", test_migrate_v2);
  g_test_add_func ("/core/sqlite/migrate/v2-fails", test_migrate_v2_fails);
  g_test_add_func ("/core/sqlite/migrate/v3", test_migrate_v3);
  g_test_add_func ("/core/sqlite/migrate/v3-fails", test_migrate_v3_fails);
  g_test_add_func ("/core/sqlite/salvage", test_salvage_v3);
  ADD ("/core/sqlite/symlink", test_symlink);
  ADD ("/core/sqlite/foreign-schema", test_foreign_schema);
  g_test_add_func ("/core/project/refuse/empty", test_refuse_empty);
  g_test_add_func ("/core/project/refuse/text", test_refuse_text);
  g_test_add_func ("/core/project/refuse/png", test_refuse_png);
  g_test_add_func ("/core/project/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("/core/project/refuse/newer-version", test_refuse_newer);
  g_test_add_func ("/core/project/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/core/project/refuse/random-bytes", test_refuse_scribbled);
  ADD ("/core/project/refuse/read-only", test_refuse_read_only);
  ADD ("/core/project/check", test_check);
  ADD ("/core/sqlite/disk-full", test_disk_full);
  ADD ("/core/sqlite/migrate/v6", test_migrate_v6);

#undef ADD

  return g_test_run ();
}
