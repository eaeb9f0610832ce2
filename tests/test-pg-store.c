/* test-pg-store.c: team projects on a real, throw-away PostgreSQL server
 * (tests/pg-test-server.sh): the schema, what a file does that a server
 * must do the same, errors (wrong URI, no server, wrong password, a server
 * that goes away), other clients' commits, and the CLI against a server
 * and a file side by side. test-project.c runs its whole suite on both.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <libpq-fe.h>
#include <json-glib/json-glib.h>

#include "plx-project-fixture.h"
#include "plx-pg-store.h"
#include "plx-sqlite-store.h"

/* Runs @sql (a literal) as the server's superuser in the database of
 * @uri; returns the first cell, if any. */
static char *
admin_query (const char *uri,
             const char *sql)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *result;
  char *cell = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0)
    cell = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return cell;
}

static PlxProject *
new_server_project (char **uri)
{
  g_autoptr(GError) error = NULL;
  PlxProject *project;

  *uri = plx_test_pg_new_database ();
  project = plx_project_create (*uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* ---- the schema ---- */

static void
test_schema (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) project = new_server_project (&uri);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *project_uuid = NULL;

  /* In step with the file: a schema change adds a migration to both. */
  g_assert_cmpint (plx_pg_store_get_schema_version (NULL), ==, PLX_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (plx_pg_store_get_schema_version (PLX_PG_STORE (plx_project_get_store (project))), ==,
                   PLX_PROJECT_SCHEMA_VERSION);
  version = admin_query (uri, "SELECT value FROM meta WHERE key = 'schema-version'");
  g_assert_cmpint (atoi (version), ==, PLX_PROJECT_SCHEMA_VERSION);
  project_uuid = admin_query (uri, "SELECT value FROM meta WHERE key = 'project-uuid'");
  g_assert_true (g_uuid_string_is_valid (project_uuid));
  tables = admin_query (uri, "SELECT string_agg (tablename, ' ' ORDER BY tablename) FROM pg_tables "
                             "WHERE schemaname = 'public'");
  g_assert_cmpstr (tables, ==, "annotation_themes annotations annotators attributes document_values documents "
                               "memo_citations memos meta perspectives search_equivalences theme_examples theme_labels themes "
                               "tombstones");

  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (project)), ==, 4);
  g_assert_true (plx_project_check (project, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
  g_assert_true (plx_project_is_server_location (uri));
  g_assert_true (plx_project_is_server_location ("postgres://host/db"));
  g_assert_false (plx_project_is_server_location ("/tmp/postgresql://x.parallax"));
}

/* A database with a project is not made again; one without is not a
 * project; a password never shows in the project's location. */
static void
test_create_existing (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) project = new_server_project (&uri);
  g_autofree char *empty = plx_test_pg_new_database ();
  g_autofree char *with_password = g_strconcat (uri, "&password=hunter2", NULL);
  g_autoptr(PlxProject) again = NULL;
  g_autoptr(PlxProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tables = NULL;

  g_assert_null (plx_project_create (uri, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "already holds a Parallax project"));
  g_clear_error (&error);

  g_assert_null (plx_project_open (empty, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_A_PROJECT);
  g_assert_nonnull (strstr (error->message, "parallax-cli server init"));
  g_clear_error (&error);
  /* … and was left empty. */
  tables = admin_query (empty, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'");
  g_assert_cmpstr (tables, ==, "0");

  reopened = plx_project_open (with_password, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (plx_project_get_path (reopened), "hunter2"));
  g_assert_nonnull (strstr (plx_project_get_path (reopened), "user=plx"));
  again = plx_project_open_for_reading (uri, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (again)), ==, 4);
}

/* A window opens a team project in a worker, as it opens a file. */
static void
test_open_async (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) project = new_server_project (&uri);
  g_autoptr(PlxDocument) essay = add_essay (project);
  g_autoptr(PlxDocument) multi = add_text (project, MULTILINGUAL, "Multilingual");
  g_autoptr(PlxProject) opened = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;

  plx_project_open_async (uri, plx_document_get_id (essay), NULL, plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  opened = plx_project_open_finish (result, &document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (opened)), ==, 4);
  g_assert_cmpint (plx_document_get_id (document), ==, plx_document_get_id (essay));
  g_assert_cmpstr (plx_document_get_text (document), ==, plx_document_get_text (essay));

  plx_project_open_async ("postgresql:///db?host=/nonexistent/folder", 0, NULL, plx_test_keep_result, &refused);
  plx_test_wait_for_result (&refused);
  g_clear_object (&opened);
  g_clear_object (&document);
  opened = plx_project_open_finish (refused, &document, &error);
  g_assert_null (opened);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "Could not connect to the team server"));
}

/* ---- errors ---- */

static void
assert_refused (const char *uri,
                const char *expected)
{
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = plx_project_open (uri, &error);
  g_assert_null (project);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", uri, error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
test_connect_errors (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) project = new_server_project (&uri);
  g_autofree char *host = g_uri_escape_string (plx_test_pg_server (), NULL, FALSE);
  g_autofree char *no_server = g_strdup ("postgresql:///db?host=/nonexistent/folder&user=plx");
  g_autofree char *no_database = g_strdup_printf ("postgresql:///nowhere?host=%s&user=plx", host);
  g_autofree char *wrong_password = g_strdup_printf ("postgresql:///postgres?host=%s&user=plx_password_test&password=wrong",
                                                     host);
  g_autofree char *right_password = g_strdup_printf ("postgresql:///postgres?host=%s&user=plx_password_test&password=right",
                                                     host);
  g_autoptr(GError) error = NULL;

  assert_refused (no_server, "Could not connect to the team server postgresql:///db?host=/nonexistent/folder");
  assert_refused (no_server, "No such file or directory");
  assert_refused (no_database, "database \"nowhere\" does not exist");
  assert_refused ("postgresql://[::1", "Could not connect to the team server");
  /* A URI GUri cannot read still loses its password in messages. */
  {
    g_autoptr(PlxProject) none = plx_project_open ("postgresql://ana:hunter2@[::1/db?password=hunter3&user=ana", &error);

    g_assert_null (none);
    g_assert_nonnull (strstr (error->message, "postgresql://ana@[::1/db?user=ana"));
    g_assert_null (strstr (error->message, "hunter"));
    g_clear_error (&error);
  }
  assert_refused ("postgresql:///db?nonsense=1", "invalid URI query parameter");

  g_free (admin_query (uri, "DROP ROLE IF EXISTS plx_password_test"));
  g_free (admin_query (uri, "CREATE ROLE plx_password_test LOGIN PASSWORD 'right'"));
  assert_refused (wrong_password, "password authentication failed for user \"plx_password_test\"");
  /* The right one gets in, to a database that holds no project. */
  assert_refused (right_password, "holds no Parallax project");
  g_assert_null (plx_project_open (wrong_password, &error));
  g_assert_null (strstr (error->message, "wrong"));
}

/* The server stops under an open project: every call fails with a clear
 * message, nothing crashes, and nothing half-done is left. */
static void
test_lost_server (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) project = new_server_project (&uri);
  g_autoptr(PlxDocument) essay = add_essay (project);
  g_autoptr(PlxAnnotation) first = annotate (project, essay, "Nagorno-Karabakh", "Russian", NULL, "kept", "ana");
  g_autoptr(PlxAnnotation) lost = NULL;
  g_autoptr(PlxProject) reopened = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  PlxAnnotationQuery query = { 0, };
  guint start = find_offset (essay, "Russia");

  plx_test_pg_pause ();

  lost = plx_annotation_new_for_range (essay, start, start + 6, perspective_id (project, "Western"), &error);
  g_assert_no_error (error);
  g_assert_false (plx_project_add_annotation (project, lost, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_STORAGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Lost the connection to the team server"));
  g_assert_nonnull (strstr (error->message, plx_project_get_path (project)));
  g_clear_error (&error);
  g_assert_null (plx_project_list_annotations (project, &query, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_STORAGE);
  g_clear_error (&error);
  g_assert_false (plx_project_sync_external_changes (project, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_refused (uri, "Could not connect to the team server");

  plx_test_pg_resume ();

  /* Nothing half-done was kept… */
  reopened = plx_project_open (uri, &error);
  g_assert_no_error (error);
  all = list (reopened, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_true (plx_annotation_equal (g_ptr_array_index (all, 0), first));
  g_clear_pointer (&all, g_ptr_array_unref);

  /* … and the project that lost its server connects again by itself, at
   * its next statement between transactions, and says that others' work
   * may have come meanwhile. */
  g_assert_true (plx_project_add_annotation (reopened, lost, &error));
  g_assert_no_error (error);
  g_assert_true (plx_project_sync_external_changes (project, &error));
  g_assert_no_error (error);
  all = list (project, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  g_clear_pointer (&all, g_ptr_array_unref);
  g_clear_object (&lost);
  lost = plx_annotation_new_for_range (essay, start, start + 6, perspective_id (project, "Armenian"), &error);
  g_assert_true (plx_project_add_annotation (project, lost, &error));
  g_assert_no_error (error);
  all = list (reopened, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, 3);
}

/* ---- what other clients commit ---- */

static void
test_external_changes (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) mine = new_server_project (&uri);
  g_autoptr(PlxProject) theirs = plx_project_open (uri, NULL);
  g_autoptr(PlxDocument) essay = add_essay (mine);
  g_autoptr(PlxAnnotation) tagged = NULL;
  g_autoptr(PlxAnnotation) seen = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (theirs);
  /* Notifications arrive asynchronously, but within a round trip. */
  for (guint i = 0; i < 100 && !plx_project_sync_external_changes (theirs, &error); i++)
    g_usleep (10000);
  g_assert_no_error (error);
  g_assert_false (plx_project_sync_external_changes (theirs, &error));
  g_assert_false (plx_project_sync_external_changes (mine, &error));

  tagged = annotate (mine, essay, "Nagorno-Karabakh", "Armenian", (const char *[]) { "conflict", NULL }, "", "ana");
  {
    gboolean changed = FALSE;

    for (guint i = 0; i < 100 && !changed; i++)
      {
        changed = plx_project_sync_external_changes (theirs, &error);
        g_assert_no_error (error);
        if (!changed)
          g_usleep (10000);
      }
    g_assert_true (changed);
  }
  /* Its own commits are not news to a connection. */
  g_assert_false (plx_project_sync_external_changes (mine, &error));
  g_assert_no_error (error);
  seen = plx_store_get_annotation (plx_project_get_store (theirs), plx_annotation_get_uuid (tagged), &error);
  g_assert_no_error (error);
  g_assert_true (plx_annotation_equal (seen, tagged));
}

/* ---- rows a server keeps as a file does ---- */

/* The codebook and the memos through the store, as one text without ids,
 * which are local to each store. */
static char *
exercise_codebook (PlxStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxTheme) parent = plx_theme_new ("6f0b7a52-2d4e-4d0c-9f4e-7a1d2c3b4a50", "Security");
  g_autoptr(PlxTheme) child = plx_theme_new ("6f0b7a52-2d4e-4d0c-9f4e-7a1d2c3b4a51", "Peacekeeping");
  g_autoptr(PlxTheme) gone = plx_theme_new ("6f0b7a52-2d4e-4d0c-9f4e-7a1d2c3b4a52", "Zzz");
  g_autoptr(PlxMemo) memo = plx_memo_new ("6f0b7a52-2d4e-4d0c-9f4e-7a1d2c3b4a60", PLX_MEMO_THEME,
                                          "6f0b7a52-2d4e-4d0c-9f4e-7a1d2c3b4a50");
  g_autoptr(PlxMemo) other = plx_memo_new ("6f0b7a52-2d4e-4d0c-9f4e-7a1d2c3b4a61", PLX_MEMO_FREE, "");
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) memos = NULL;

  plx_theme_set_description (parent, "Threats and guarantees");
  plx_theme_set_inclusion (parent, "military presence");
  plx_theme_set_color (parent, "#336699");
  plx_theme_set_label (parent, "ru", "Безопасность");
  plx_theme_set_label (parent, "hy", "Անվտանգություն");
  plx_theme_set_examples (parent, (const char *[]) { "a-1", "a-2", NULL });
  plx_theme_set_parent_uuid (child, plx_theme_get_uuid (parent));
  plx_memo_set_title (memo, "On security");
  plx_memo_set_body (memo, "Both sides — 🕊️ — say so.");
  plx_memo_set_author (memo, "ana");
  plx_memo_set_created (memo, "2026-01-02T03:04:05.000Z");
  plx_memo_set_modified (memo, "2026-01-02T03:04:05.000Z");
  plx_memo_set_citations (memo, (const char *[]) { "a-9", "a-1", NULL });
  plx_memo_set_created (other, "2026-01-01T00:00:00.000Z");
  plx_memo_set_modified (other, "2026-01-01T00:00:00.000Z");

  g_assert_true (plx_store_begin (store, &error));
  g_assert_true (plx_store_insert_theme (store, parent, &error));
  g_assert_true (plx_store_insert_theme (store, child, &error));
  g_assert_true (plx_store_insert_theme (store, gone, &error));
  g_assert_true (plx_store_insert_memo (store, memo, &error));
  g_assert_true (plx_store_insert_memo (store, other, &error));
  g_assert_no_error (error);
  g_assert_true (plx_store_commit (store, &error));

  g_assert_true (plx_store_begin (store, &error));
  plx_theme_set_name (child, "Peacekeepers");
  plx_theme_set_revision (child, 2);
  plx_theme_set_label (child, "az", "Sülhməramlılar");
  g_assert_true (plx_store_update_theme (store, child, &error));
  g_assert_true (plx_store_delete_theme (store, gone, &error));
  plx_memo_set_body (memo, "Changed.");
  plx_memo_set_revision (memo, 2);
  plx_memo_set_citations (memo, (const char *[]) { "a-1", NULL });
  g_assert_true (plx_store_update_memo (store, memo, &error));
  g_assert_true (plx_store_delete_memo (store, other, &error));
  g_assert_no_error (error);
  g_assert_true (plx_store_commit (store, &error));

  /* What is not there is not found, and changes nothing. */
  g_assert_true (plx_store_begin (store, &error));
  g_assert_false (plx_store_delete_theme (store, gone, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (plx_store_update_memo (store, other, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  plx_store_rollback (store);

  themes = plx_store_list_codebook (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < themes->len; i++)
    {
      PlxTheme *theme = g_ptr_array_index (themes, i);
      g_auto(GStrv) langs = plx_theme_dup_label_languages (theme);
      g_autofree char *examples = g_strjoinv (",", (char **) plx_theme_get_examples (theme));

      g_string_append_printf (out, "theme %s %s [%s] parent=%s r%u in=%s ex=%s color=%s examples=%s",
                              plx_theme_get_uuid (theme), plx_theme_get_name (theme),
                              plx_theme_get_description (theme), plx_theme_get_parent_uuid (theme),
                              plx_theme_get_revision (theme), plx_theme_get_inclusion (theme),
                              plx_theme_get_exclusion (theme), plx_theme_get_color (theme), examples);
      for (guint l = 0; langs[l] != NULL; l++)
        g_string_append_printf (out, " %s=%s", langs[l], plx_theme_get_label (theme, langs[l]));
      g_string_append_c (out, '\n');
    }
  memos = plx_store_list_memos (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < memos->len; i++)
    {
      PlxMemo *m = g_ptr_array_index (memos, i);
      g_autofree char *cited = g_strjoinv (",", (char **) plx_memo_get_citations (m));

      g_string_append_printf (out, "memo %s %s %s “%s” “%s” by %s %s %s r%u cites %s\n",
                              plx_memo_get_uuid (m), plx_memo_kind_to_string (plx_memo_get_kind (m)),
                              plx_memo_get_target_uuid (m), plx_memo_get_title (m), plx_memo_get_body (m),
                              plx_memo_get_author (m), plx_memo_get_created (m), plx_memo_get_modified (m),
                              plx_memo_get_revision (m), cited);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_codebook_memos (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) server = new_server_project (&uri);
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "file.parallax", NULL);
  g_autoptr(PlxProject) file = plx_project_create (path, NULL);
  g_autofree char *on_server = exercise_codebook (plx_project_get_store (server));
  g_autofree char *in_file = exercise_codebook (plx_project_get_store (file));

  g_test_message ("%s", on_server);
  g_assert_nonnull (strstr (on_server, "Peacekeepers"));
  g_assert_nonnull (strstr (on_server, "ru=Безопасность"));
  g_assert_null (strstr (on_server, "Zzz"));
  g_assert_cmpstr (on_server, ==, in_file);
  g_clear_object (&file);
  plx_test_remove_tree (dir);
}

/* A document's text, blocks, locators and original bytes come back as
 * they went in; nested levels of a transaction are savepoints. */
static void
test_documents_and_nesting (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) project = new_server_project (&uri);
  g_autoptr(PlxDocument) essay = add_essay (project);
  g_autoptr(PlxDocument) multi = add_text (project, MULTILINGUAL, "Multilingual");
  g_autoptr(PlxProject) reopened = plx_project_open (uri, NULL);
  g_autoptr(PlxDocument) loaded = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GPtrArray) perspectives = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autofree char *essay_bytes = NULL;
  g_autoptr(PlxPerspective) kept = plx_perspective_new (0, "Kept", "#112233", 4);
  g_autoptr(PlxPerspective) dropped = plx_perspective_new (0, "Dropped", "#445566", 5);
  PlxStore *store = plx_project_get_store (reopened);
  gsize length = 0;

  loaded = plx_project_load_document (reopened, plx_document_get_id (essay), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_text (loaded), ==, plx_document_get_text (essay));
  g_assert_cmpstr (plx_document_get_content_hash (loaded), ==, plx_document_get_content_hash (essay));
  g_assert_cmpstr (plx_document_get_uuid (loaded), ==, plx_document_get_uuid (essay));
  g_assert_cmpuint (plx_document_get_length (loaded), ==, plx_document_get_length (essay));
  g_assert_cmpstr (plx_document_get_original_sha256 (loaded), ==, plx_document_get_original_sha256 (essay));
  original = plx_store_load_original (store, plx_document_get_id (essay), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (essay_path, &essay_bytes, &length, NULL));
  g_assert_cmpmem (g_bytes_get_data (original, NULL), g_bytes_get_size (original), essay_bytes, length);
  g_clear_object (&loaded);
  loaded = plx_project_load_document (reopened, plx_document_get_id (multi), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_text (loaded), ==, plx_document_get_text (multi));

  g_assert_true (plx_store_begin (store, &error));
  g_assert_true (plx_store_insert_perspective (store, kept, &error));
  g_assert_true (plx_store_begin (store, &error));
  g_assert_cmpuint (plx_store_get_depth (store), ==, 2);
  g_assert_true (plx_store_insert_perspective (store, dropped, &error));
  plx_store_rollback (store);
  g_assert_cmpuint (plx_store_get_depth (store), ==, 1);
  /* A failed statement inside a level spoils only that level. */
  g_assert_true (plx_store_begin (store, &error));
  g_assert_false (plx_store_insert_perspective (store, kept, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_clear_error (&error);
  plx_store_rollback (store);
  g_assert_true (plx_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plx_store_get_depth (store), ==, 0);

  perspectives = plx_store_list_perspectives (plx_project_get_store (project), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (perspectives->len, ==, 5);
  g_assert_cmpstr (plx_perspective_get_name (g_ptr_array_index (perspectives, 4)), ==, "Kept");
}

/* ---- the CLI on a server and on a file ---- */

static char *
cli (const char *first,
     ...)
{
  g_autofree char *err = NULL;
  va_list args;
  char *out;
  int status = -1;

  va_start (args, first);
  out = plx_test_run_cli_valist (&status, &err, first, args);
  va_end (args);
  if (status != 0)
    g_error ("parallax-cli %s failed (%d): %s", first, status, err);
  return out;
}

/* The annotations of a native export, without what is made anew in each
 * project (UUIDs and times). */
static char *
comparable_annotations (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *root;
  JsonArray *annotations;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  annotations = json_object_get_array_member (root, "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *annotation = json_array_get_object_element (annotations, i);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *text = NULL;

      json_object_remove_member (annotation, "uuid");
      json_object_remove_member (annotation, "created");
      json_object_remove_member (annotation, "modified");
      json_node_set_object (node, annotation);
      json_generator_set_root (generator, node);
      text = json_generator_to_data (generator, NULL);
      g_string_append_printf (out, "%s\n", text);
    }
  json_object_remove_member (root, "annotations");
  json_object_remove_member (root, "exported");
  json_object_remove_member (root, "codebook");
  json_generator_set_root (generator, json_parser_get_root (parser));
  {
    g_autofree char *rest = json_generator_to_data (generator, NULL);

    g_string_append_printf (out, "%s\n", rest);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
cli_session (const char *project)
{
  g_autofree char *essay = plx_test_essay_path ();
  const char *id = "1";

  g_free (cli ("add-document", project, essay, NULL));
  g_free (cli ("annotate", project, "-d", id, "-s", "10", "-e", "30", "-p", "Russian", "-t", "mediation",
               "-t", "power", "-n", "The opening claim", "-a", "ana", NULL));
  g_free (cli ("annotate", project, "-d", id, "-s", "200", "-e", "260", "-p", "Armenian", "-t", "security",
               "-a", "bob", NULL));
  g_free (cli ("annotate", project, "-d", id, "-s", "200", "-e", "230", "-p", "Azerbaijani", "-t", "Security",
               "-n", "Ağdam — «kəlmə»", "-a", "ana", NULL));
  g_free (cli ("themes", project, "add", "power-politics", NULL));
  return cli ("export", project, "-f", "native", NULL);
}

static void
test_cli_round_trip (void)
{
  g_autofree char *uri = plx_test_pg_new_database ();
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "file.parallax", NULL);
  g_autofree char *created = cli ("server", "init", uri, NULL);
  g_autofree char *on_server = NULL;
  g_autofree char *in_file = NULL;
  g_autofree char *server_view = NULL;
  g_autofree char *file_view = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_nonnull (strstr (created, "postgresql:///"));
  g_free (cli ("init", path, NULL));
  on_server = cli_session (uri);
  in_file = cli_session (path);
  server_view = comparable_annotations (on_server);
  file_view = comparable_annotations (in_file);
  g_test_message ("%s", server_view);
  g_assert_nonnull (strstr (server_view, "The opening claim"));
  g_assert_nonnull (strstr (server_view, "Ağdam — «kəlmə»"));
  g_assert_cmpstr (server_view, ==, file_view);

  listed = cli ("list", uri, NULL);
  g_assert_nonnull (strstr (listed, "mediation;power"));
  checked = cli ("check", uri, NULL);
  g_assert_cmpstr (checked, ==, "ok\n");

  /* A second init of the same database is refused; a path is not a URI. */
  out = plx_test_run_cli (&status, &err, "server", "init", uri, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "already holds a Parallax project"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = plx_test_run_cli (&status, &err, "server", "init", path, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "postgresql://"));
  plx_test_remove_tree (dir);
}

/* Eight clients tag at once, round after round, each round with a theme
 * none of them has seen: they race to make it (and their annotators),
 * and nothing is lost or made twice. */
static void
test_concurrent_clients (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) project = new_server_project (&uri);
  g_autoptr(PlxDocument) essay = add_essay (project);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) themes = NULL;
  const guint clients = 8, rounds = 6;
  gint64 start = g_get_monotonic_time ();

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GPtrArray) running = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *theme = g_strdup_printf ("round-%u", round);

      for (guint c = 0; c < clients; c++)
        {
          g_autofree char *from = g_strdup_printf ("%u", 100 * c + 7 * round);
          g_autofree char *to = g_strdup_printf ("%u", 100 * c + 7 * round + 12);
          g_autofree char *author = g_strdup_printf ("coder-%u", c);
          g_autoptr(GError) error = NULL;
          GSubprocess *process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                                   g_getenv ("PLX_CLI"), "annotate", uri, "-d", "1", "-s", from,
                                                   "-e", to, "-p", "Western", "-t", theme, "-t", "shared",
                                                   "-a", author, NULL);

          g_assert_no_error (error);
          g_ptr_array_add (running, process);
        }
      for (guint c = 0; c < clients; c++)
        {
          g_autoptr(GError) error = NULL;
          GSubprocess *process = g_ptr_array_index (running, c);

          g_assert_true (g_subprocess_wait_check (process, NULL, &error));
          g_assert_no_error (error);
        }
    }
  g_test_message ("%u clients × %u taggings, each a process: %.1f s", clients, rounds,
                  (g_get_monotonic_time () - start) / 1e6);

  all = list (project, 0, 0, NULL);
  g_assert_cmpuint (all->len, ==, clients * rounds);
  for (guint i = 0; i < all->len; i++)
    g_assert_true (g_hash_table_add (uuids, (gpointer) plx_annotation_get_uuid (g_ptr_array_index (all, i))));
  themes = plx_project_list_themes (project, NULL);
  g_assert_cmpuint (g_strv_length (themes), ==, rounds + 1);
  g_assert_cmpstr (themes[0], ==, "shared");
}

/* ---- roles, enforced by the server ---- */

/* Runs @sql as whoever @uri names; returns the rows it changed ("0"), or
 * the SQLSTATE of its failure ("42501"). */
static char *
raw_sql (const char *uri,
         const char *sql)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *result;
  char *outcome;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    outcome = g_strdup (PQcmdTuples (result));
  else
    outcome = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  PQclear (result);
  PQfinish (conn);
  return outcome;
}

static char *
uri_as (const char *uri,
        const char *user)
{
  g_autoptr(GRegex) regex = g_regex_new ("user=plx", 0, 0, NULL);
  g_autofree char *replacement = g_strconcat ("user=", user, NULL);

  return g_regex_replace_literal (regex, uri, -1, 0, replacement, 0, NULL);
}

static void
assert_raw (const char *uri,
            const char *sql,
            const char *expected)
{
  g_autofree char *outcome = raw_sql (uri, sql);

  if (g_strcmp0 (outcome, expected) != 0)
    g_error ("%s gave %s, not %s", sql, outcome, expected);
}

static void
test_roles (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) owner = new_server_project (&uri);
  g_autoptr(PlxDocument) essay = add_essay (owner);
  g_autofree char *ana_uri = uri_as (uri, "ana");
  g_autofree char *bob_uri = uri_as (uri, "bob");
  g_autofree char *rita_uri = uri_as (uri, "rita");
  g_autofree char *lena_uri = uri_as (uri, "lena");
  g_autoptr(PlxProject) ana = NULL;
  g_autoptr(PlxProject) bob = NULL;
  g_autoptr(PlxProject) rita = NULL;
  g_autoptr(PlxProject) lena = NULL;
  g_autoptr(PlxAnnotation) mine = NULL;
  g_autoptr(PlxAnnotation) his = NULL;
  g_autoptr(PlxAnnotation) changed = NULL;
  g_autoptr(PlxAnnotation) forged = NULL;
  g_autoptr(PlxAnnotation) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (plx_project_add_team_member (owner, "ana", "coder", &error));
  g_assert_no_error (error);
  out = plx_test_run_cli (&status, &err, "server", "users", uri, "add", "bob", "--role", "coder", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = plx_test_run_cli (&status, &err, "server", "users", uri, "add", "rita", "--role", "owner", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--role takes reader, coder, lead or admin"));
  g_assert_true (plx_project_add_team_member (owner, "rita", "reader", &error));
  g_assert_true (plx_project_add_team_member (owner, "lena", "coder", &error));
  /* A second call changes the role: lena leads now, and codes no more. */
  g_assert_true (plx_project_add_team_member (owner, "lena", "lead", &error));
  g_assert_no_error (error);
  g_assert_false (plx_project_add_team_member (owner, "x", "boss", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "unknown role \"boss\""));
  g_clear_error (&error);

  ana = plx_project_open (ana_uri, &error);
  g_assert_no_error (error);
  bob = plx_project_open (bob_uri, &error);
  g_assert_no_error (error);
  rita = plx_project_open (rita_uri, &error);
  g_assert_no_error (error);
  lena = plx_project_open (lena_uri, &error);
  g_assert_no_error (error);

  mine = annotate (ana, essay, "Nagorno-Karabakh", "Armenian", (const char *[]) { "conflict", NULL }, "ana's", "ana");
  his = annotate (bob, essay, "Russia", "Russian", (const char *[]) { "mediation", NULL }, "bob's", "bob");

  /* Through Parallax, ana may not change or delete bob's passage. */
  changed = plx_annotation_copy (his);
  plx_annotation_set_note (changed, "ana was here");
  g_assert_false (plx_project_update_annotation (ana, changed, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "only its coder or a lead may change the passage"));
  g_clear_error (&error);
  g_assert_false (plx_project_delete_annotation (ana, plx_annotation_get_uuid (his), &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* … nor tag in his name. */
  forged = plx_annotation_copy (mine);
  plx_annotation_set_uuid (forged, "0f6b1a52-2d4e-4d0c-9f4e-7a1d2c3b4a99");
  plx_annotation_set_author (forged, "bob");
  g_assert_false (plx_project_add_annotation (ana, forged, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Nor with raw SQL, as ana: the policies leave bob's rows out of her
   * changes, and refuse rows in his name. */
  sql = g_strdup_printf ("UPDATE annotations SET note = 'ana was here' WHERE uuid = '%s'", plx_annotation_get_uuid (his));
  assert_raw (ana_uri, sql, "0");
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM annotations WHERE uuid = '%s'", plx_annotation_get_uuid (his));
  assert_raw (ana_uri, sql, "0");
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM annotation_themes WHERE annotation_uuid = '%s'", plx_annotation_get_uuid (his));
  assert_raw (ana_uri, sql, "0");
  assert_raw (ana_uri, "UPDATE annotations SET creator_id = (SELECT id FROM annotators WHERE name = 'bob')", "42501");
  assert_raw (ana_uri, "UPDATE annotators SET name = 'ana' WHERE name = 'bob'", "42501");
  assert_raw (ana_uri, "DELETE FROM perspectives", "42501");
  assert_raw (ana_uri, "UPDATE annotations SET note = 'mine, still'", "1");
  /* A reader writes nothing at all. */
  assert_raw (rita_uri, "UPDATE annotations SET note = 'rita'", "42501");
  assert_raw (rita_uri, "SELECT uuid FROM annotations", "2");

  stored = plx_store_get_annotation (plx_project_get_store (owner), plx_annotation_get_uuid (his), &error);
  g_assert_no_error (error);
  g_assert_true (plx_annotation_equal (stored, his));
  g_assert_cmpstr (plx_annotation_get_note (stored), ==, "bob's");

  /* The reader is told why through Parallax too. */
  g_clear_object (&changed);
  changed = plx_annotation_copy (mine);
  plx_annotation_set_note (changed, "rita");
  g_assert_false (plx_project_update_annotation (rita, changed, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "refused"));
  g_clear_error (&error);

  /* A lead curates anyone's. */
  g_clear_object (&changed);
  changed = plx_annotation_copy (his);
  plx_annotation_set_note (changed, "curated");
  g_assert_true (plx_project_update_annotation (lena, changed, &error));
  g_assert_no_error (error);
  g_assert_true (plx_project_delete_annotation (lena, plx_annotation_get_uuid (mine), &error));
  g_assert_no_error (error);
}

/* ---- how fast, over the socket ---- */

static double
add_many (PlxProject *project,
          guint       n)
{
  g_autoptr(PlxDocument) essay = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 perspective = perspective_id (project, "Western");
  guint length;

  essay = add_essay (project);
  length = plx_document_get_length (essay);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      guint from = (i * 31) % (length - 40);
      g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (essay, from, from + 1 + i % 37,
                                                                          perspective, &error);

      g_assert_no_error (error);
      plx_annotation_set_themes (annotation, (const char *[]) { i % 2 ? "odd" : "even", NULL });
      g_assert_true (plx_project_add_annotation (project, annotation, &error));
      g_assert_no_error (error);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
test_speed (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(PlxProject) server = new_server_project (&uri);
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "file.parallax", NULL);
  g_autoptr(PlxProject) file = plx_project_create (path, NULL);
  double on_server = add_many (server, 1000);
  double in_file = add_many (file, 1000);
  guint count = 0;
  g_autoptr(GError) error = NULL;
  PlxAnnotationQuery query = { 0, };

  g_assert_true (plx_store_count_annotations (plx_project_get_store (server), &query, &count, &error));
  g_assert_cmpuint (count, ==, 1000);
  g_test_message ("the essay and 1,000 annotations, one transaction each: %.2f s on the server "
                  "(Unix socket), %.2f s in a file", on_server, in_file);
  g_clear_object (&file);
  plx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg/schema", test_schema);
  g_test_add_func ("/pg/create/existing", test_create_existing);
  g_test_add_func ("/pg/open-async", test_open_async);
  g_test_add_func ("/pg/errors/connect", test_connect_errors);
  g_test_add_func ("/pg/errors/lost-server", test_lost_server);
  g_test_add_func ("/pg/external-changes", test_external_changes);
  g_test_add_func ("/pg/codebook-memos", test_codebook_memos);
  g_test_add_func ("/pg/documents-nesting", test_documents_and_nesting);
  g_test_add_func ("/pg/cli/round-trip", test_cli_round_trip);
  g_test_add_func ("/pg/concurrent-clients", test_concurrent_clients);
  g_test_add_func ("/pg/roles", test_roles);
  g_test_add_func ("/pg/speed", test_speed);

  return g_test_run ();
}
