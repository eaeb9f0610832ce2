/* plx-sqlite-schema.c: numbered migrations; PRAGMA user_version holds the
 * number of the last one applied.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-document.h"
#include "plx-error.h"
#include "plx-search.h"
#include "plx-sqlite-store-private.h"

static gboolean
fail (sqlite3  *db,
      GError  **error)
{
  g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
               _("Could not update the project’s schema: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (db, error);
  return TRUE;
}

static gboolean
migrate_1_initial (sqlite3  *db,
                   GError  **error)
{
  return exec (db,
    "CREATE TABLE documents ("
    "  id INTEGER PRIMARY KEY,"
    "  title TEXT NOT NULL,"
    "  format TEXT NOT NULL CHECK (format IN ('plain', 'markdown')),"
    "  source TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL,"
    "  added TEXT NOT NULL);"
    "CREATE TABLE perspectives ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  color TEXT NOT NULL,"
    "  position INTEGER NOT NULL);"
    "CREATE TABLE annotations ("
    "  uuid TEXT PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
    "  perspective_id INTEGER NOT NULL REFERENCES perspectives (id),"
    "  start_offset INTEGER NOT NULL,"
    "  end_offset INTEGER NOT NULL,"
    "  quote TEXT NOT NULL,"
    "  prefix TEXT NOT NULL,"
    "  suffix TEXT NOT NULL,"
    "  themes TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '',"
    "  author TEXT NOT NULL DEFAULT '',"
    "  created TEXT NOT NULL,"
    "  modified TEXT NOT NULL,"
    "  CHECK (start_offset < end_offset)) WITHOUT ROWID;",
    error);
}

/* Version 1 kept an annotation's themes in one column, joined by U+001F;
 * version 2 gives themes a table so they can be counted and renamed. */
static gboolean
migrate_2_theme_table (sqlite3  *db,
                       GError  **error)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *insert_theme = NULL;
  sqlite3_stmt *link = NULL;
  gboolean ok = FALSE;
  int rc;

  if (!exec (db,
             "CREATE TABLE themes ("
             "  id INTEGER PRIMARY KEY,"
             "  name TEXT NOT NULL UNIQUE);"
             "CREATE TABLE annotation_themes ("
             "  annotation_uuid TEXT NOT NULL REFERENCES annotations (uuid) ON DELETE CASCADE,"
             "  theme_id INTEGER NOT NULL REFERENCES themes (id),"
             "  position INTEGER NOT NULL,"
             "  PRIMARY KEY (annotation_uuid, theme_id)) WITHOUT ROWID;"
             "CREATE INDEX annotation_themes_by_theme ON annotation_themes (theme_id);"
             "CREATE INDEX annotations_by_document ON annotations (document_id, start_offset);",
             error))
    return FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT uuid, themes FROM annotations WHERE themes <> ''", -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO themes (name) VALUES (?1) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id", -1, &insert_theme, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO annotation_themes (annotation_uuid, theme_id, position) VALUES (?1, ?2, ?3)", -1, &link, NULL) != SQLITE_OK)
    {
      fail (db, error);
      goto out;
    }

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (select, 0);
      g_auto(GStrv) names = g_strsplit ((const char *) sqlite3_column_text (select, 1), "\x1f", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (names[i][0] == '\0')
            continue;
          sqlite3_bind_text (insert_theme, 1, names[i], -1, SQLITE_TRANSIENT);
          if (sqlite3_step (insert_theme) != SQLITE_ROW)
            {
              fail (db, error);
              goto out;
            }
          sqlite3_bind_text (link, 1, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (link, 2, sqlite3_column_int64 (insert_theme, 0));
          sqlite3_bind_int (link, 3, (int) i);
          sqlite3_reset (insert_theme);
          if (sqlite3_step (link) != SQLITE_DONE)
            {
              fail (db, error);
              goto out;
            }
          sqlite3_reset (link);
        }
    }
  if (rc != SQLITE_DONE)
    {
      fail (db, error);
      goto out;
    }
  sqlite3_finalize (select);
  select = NULL;

  ok = exec (db, "ALTER TABLE annotations DROP COLUMN themes;", error);

out:
  sqlite3_finalize (select);
  sqlite3_finalize (insert_theme);
  sqlite3_finalize (link);
  return ok;
}

/* Version 3 gives documents, perspectives and themes UUIDs, so copies of a
 * project can be matched; records who made and last changed an annotation
 * and how often each row changed; keeps what was deleted; and stores each
 * document's text as it was read, so that a change to a reader can never
 * move saved offsets. Tables are rebuilt rather than altered: SQLite can
 * add neither a NOT NULL nor a UNIQUE column. */
static gboolean
migrate_3_identities (sqlite3  *db,
                      GError  **error)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *insert = NULL;
  gboolean ok = FALSE;
  int rc;

  if (!exec (db,
             "DROP INDEX annotation_themes_by_theme;"
             "DROP INDEX annotations_by_document;"
             "ALTER TABLE annotation_themes RENAME TO annotation_themes_v2;"
             "ALTER TABLE annotations RENAME TO annotations_v2;"
             "ALTER TABLE themes RENAME TO themes_v2;"
             "ALTER TABLE perspectives RENAME TO perspectives_v2;"
             "ALTER TABLE documents RENAME TO documents_v2;"
             "CREATE TABLE meta ("
             "  key TEXT PRIMARY KEY,"
             "  value TEXT NOT NULL) WITHOUT ROWID;"
             "CREATE TABLE annotators ("
             "  id INTEGER PRIMARY KEY,"
             "  uuid TEXT NOT NULL UNIQUE,"
             "  name TEXT NOT NULL UNIQUE,"
             "  revision INTEGER NOT NULL DEFAULT 1);"
             "CREATE TABLE documents ("
             "  id INTEGER PRIMARY KEY,"
             "  uuid TEXT NOT NULL UNIQUE,"
             "  title TEXT NOT NULL,"
             "  format TEXT NOT NULL,"
             "  source BLOB,"
             "  text TEXT NOT NULL,"
             "  blocks BLOB NOT NULL,"
             "  reader TEXT NOT NULL,"
             "  reader_version INTEGER NOT NULL,"
             "  content_hash TEXT NOT NULL,"
             "  added TEXT NOT NULL,"
             "  revision INTEGER NOT NULL DEFAULT 1);"
             "CREATE TABLE perspectives ("
             "  id INTEGER PRIMARY KEY,"
             "  uuid TEXT NOT NULL UNIQUE,"
             "  name TEXT NOT NULL UNIQUE,"
             "  color TEXT NOT NULL,"
             "  position INTEGER NOT NULL,"
             "  revision INTEGER NOT NULL DEFAULT 1);"
             "CREATE TABLE themes ("
             "  id INTEGER PRIMARY KEY,"
             "  uuid TEXT NOT NULL UNIQUE,"
             "  name TEXT NOT NULL UNIQUE,"
             "  description TEXT NOT NULL DEFAULT '',"
             "  parent_id INTEGER REFERENCES themes (id),"
             "  revision INTEGER NOT NULL DEFAULT 1);"
             "CREATE TABLE annotations ("
             "  uuid TEXT PRIMARY KEY,"
             "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
             "  perspective_id INTEGER NOT NULL REFERENCES perspectives (id),"
             "  start_offset INTEGER NOT NULL,"
             "  end_offset INTEGER NOT NULL,"
             "  quote TEXT NOT NULL,"
             "  prefix TEXT NOT NULL,"
             "  suffix TEXT NOT NULL,"
             "  note TEXT NOT NULL DEFAULT '',"
             "  creator_id INTEGER REFERENCES annotators (id),"
             "  modifier_id INTEGER REFERENCES annotators (id),"
             "  created TEXT NOT NULL,"
             "  modified TEXT NOT NULL,"
             "  revision INTEGER NOT NULL DEFAULT 1,"
             "  ancestry TEXT NOT NULL DEFAULT '',"
             "  CHECK (start_offset < end_offset)) WITHOUT ROWID;"
             "CREATE TABLE annotation_themes ("
             "  annotation_uuid TEXT NOT NULL REFERENCES annotations (uuid) ON DELETE CASCADE,"
             "  theme_id INTEGER NOT NULL REFERENCES themes (id),"
             "  position INTEGER NOT NULL,"
             "  PRIMARY KEY (annotation_uuid, theme_id)) WITHOUT ROWID;"
             "CREATE TABLE tombstones ("
             "  uuid TEXT PRIMARY KEY,"
             "  kind TEXT NOT NULL,"
             "  revision INTEGER NOT NULL,"
             "  ancestry TEXT NOT NULL,"
             "  deleted TEXT NOT NULL) WITHOUT ROWID;"
             "CREATE INDEX annotation_themes_by_theme ON annotation_themes (theme_id);"
             "CREATE INDEX annotations_by_document ON annotations (document_id, start_offset);"
             "INSERT INTO meta (key, value) VALUES ('project-uuid', " PLX_SQLITE_NEW_UUID ");"
             "INSERT INTO perspectives (id, uuid, name, color, position) "
             "  SELECT id, " PLX_SQLITE_NEW_UUID ", name, color, position FROM perspectives_v2;"
             "INSERT INTO themes (id, uuid, name) SELECT id, " PLX_SQLITE_NEW_UUID ", name FROM themes_v2;"
             "INSERT INTO annotators (uuid, name) "
             "  SELECT " PLX_SQLITE_NEW_UUID ", author FROM (SELECT DISTINCT author FROM annotations_v2 WHERE author <> '');",
             error))
    return FALSE;

  /* Each document is read once more by today's reader, which is the one
   * its offsets were made against; from now on its text is what counts. */
  if (sqlite3_prepare_v2 (db, "SELECT id, title, format, source, added FROM documents_v2", -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT INTO documents (id, uuid, title, format, source, text, blocks, reader, "
                          "reader_version, content_hash, added) "
                          "VALUES (?1, " PLX_SQLITE_NEW_UUID ", ?2, ?3, ?4, ?5, ?6, ?3, ?7, ?8, ?9)",
                          -1, &insert, NULL) != SQLITE_OK)
    {
      fail (db, error);
      goto out;
    }
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      PlxDocumentFormat format = PLX_DOCUMENT_FORMAT_PLAIN;
      g_autoptr(PlxDocument) document = NULL;
      g_autoptr(GBytes) blocks = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *source = (const char *) sqlite3_column_text (select, 3);

      if (!plx_document_format_from_string ((const char *) sqlite3_column_text (select, 2), &format))
        format = PLX_DOCUMENT_FORMAT_PLAIN;
      document = plx_document_new_from_data (source, (gsize) sqlite3_column_bytes (select, 3), format, NULL, &local_error);
      if (document == NULL)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                       _("Could not update the project’s schema: document %" PRId64 " cannot be read: %s"),
                       (int64_t) sqlite3_column_int64 (select, 0), local_error->message);
          goto out;
        }
      blocks = plx_document_pack_blocks (document);
      sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (select, 0));
      sqlite3_bind_value (insert, 2, sqlite3_column_value (select, 1));
      sqlite3_bind_text (insert, 3, plx_document_format_to_string (format), -1, SQLITE_STATIC);
      if (plx_document_get_distinct_source (document) != NULL)
        sqlite3_bind_blob64 (insert, 4, source, (sqlite3_uint64) sqlite3_column_bytes (select, 3), SQLITE_STATIC);
      else
        sqlite3_bind_null (insert, 4);
      sqlite3_bind_text64 (insert, 5, plx_document_get_text (document), plx_document_get_text_bytes (document),
                           SQLITE_STATIC, SQLITE_UTF8);
      sqlite3_bind_blob64 (insert, 6, g_bytes_get_data (blocks, NULL), g_bytes_get_size (blocks), SQLITE_STATIC);
      sqlite3_bind_int (insert, 7, (int) plx_document_format_reader_version (format));
      sqlite3_bind_text (insert, 8, plx_document_get_content_hash (document), -1, SQLITE_STATIC);
      sqlite3_bind_value (insert, 9, sqlite3_column_value (select, 4));
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      if (rc != SQLITE_DONE)
        {
          fail (db, error);
          goto out;
        }
    }
  if (rc != SQLITE_DONE)
    {
      fail (db, error);
      goto out;
    }
  sqlite3_finalize (select);
  select = NULL;

  ok = exec (db,
             "INSERT INTO annotations (uuid, document_id, perspective_id, start_offset, end_offset, quote, "
             "  prefix, suffix, note, creator_id, modifier_id, created, modified) "
             "  SELECT a.uuid, a.document_id, a.perspective_id, a.start_offset, a.end_offset, a.quote, "
             "    a.prefix, a.suffix, a.note, p.id, p.id, a.created, a.modified "
             "  FROM annotations_v2 a LEFT JOIN annotators p ON p.name = a.author;"
             "INSERT INTO annotation_themes SELECT * FROM annotation_themes_v2;"
             "DROP TABLE annotation_themes_v2;"
             "DROP TABLE annotations_v2;"
             "DROP TABLE themes_v2;"
             "DROP TABLE perspectives_v2;"
             "DROP TABLE documents_v2;",
             error);

out:
  sqlite3_finalize (select);
  sqlite3_finalize (insert);
  return ok;
}

/* Version 4 keeps where each document came from: the file's bytes where
 * they are not its stored source, its name and SHA-256, what the user
 * knows of it (author or outlet, date, URL, language), and its locators
 * (pages, times, speakers; plx_document_pack_locators()). Columns are
 * added, nothing is rebuilt: every text and offset stays as it was. A
 * document of version 3 has no file apart from its source, so its
 * original's hash is its source's; one whose text no longer matches its
 * hash stops the upgrade, since its quotes could not be trusted. */
static gboolean
migrate_4_provenance (sqlite3  *db,
                      GError  **error)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *update = NULL;
  gboolean ok = FALSE;
  int rc;

  if (!exec (db,
             "ALTER TABLE documents ADD COLUMN original BLOB;"
             "ALTER TABLE documents ADD COLUMN original_name TEXT NOT NULL DEFAULT '';"
             "ALTER TABLE documents ADD COLUMN original_sha256 TEXT NOT NULL DEFAULT '';"
             "ALTER TABLE documents ADD COLUMN author TEXT NOT NULL DEFAULT '';"
             "ALTER TABLE documents ADD COLUMN date TEXT NOT NULL DEFAULT '';"
             "ALTER TABLE documents ADD COLUMN url TEXT NOT NULL DEFAULT '';"
             "ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT '';"
             "ALTER TABLE documents ADD COLUMN locators BLOB NOT NULL DEFAULT x'';",
             error))
    return FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT id, text, content_hash, COALESCE (source, text) FROM documents",
                          -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "UPDATE documents SET original_sha256 = ?2 WHERE id = ?1", -1, &update, NULL) != SQLITE_OK)
    {
      fail (db, error);
      goto out;
    }
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (select, 1);
      g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) (text ? text : ""),
                                                           (gsize) sqlite3_column_bytes (select, 1));
      g_autofree char *original = NULL;
      const void *source = sqlite3_column_blob (select, 3);

      if (g_strcmp0 (hash, (const char *) sqlite3_column_text (select, 2)) != 0)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                       _("Could not update the project’s schema: the text of document %" PRId64
                         " no longer matches the hash it was stored with"),
                       (int64_t) sqlite3_column_int64 (select, 0));
          goto out;
        }
      original = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) (source ? source : ""),
                                              (gsize) sqlite3_column_bytes (select, 3));
      sqlite3_bind_int64 (update, 1, sqlite3_column_int64 (select, 0));
      sqlite3_bind_text (update, 2, original, -1, SQLITE_STATIC);
      rc = sqlite3_step (update);
      sqlite3_reset (update);
      if (rc != SQLITE_DONE)
        {
          fail (db, error);
          goto out;
        }
    }
  if (rc != SQLITE_DONE)
    {
      fail (db, error);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (select);
  sqlite3_finalize (update);
  return ok;
}

/* Version 5 makes the themes a codebook and adds memos. A theme gains
 * inclusion and exclusion notes and an optional colour beside its
 * description (its definition) and parent; labels translated for the UI's
 * languages; and anchor examples, passages picked as typical. Theme names
 * stay unique in the whole project, not among siblings only: passages,
 * exchange formats and the tag popover name a theme by its name alone
 * (docs/codebook.md). Memos are about the project, a document,
 * a perspective or a theme (by UUID), or free, and cite passages by
 * annotation UUID without a foreign key, so that a citation outlives its
 * passage and is shown as broken. Nothing existing is rebuilt. */
static gboolean
migrate_5_codebook_memos (sqlite3  *db,
                          GError  **error)
{
  return exec (db,
    "ALTER TABLE themes ADD COLUMN inclusion TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE themes ADD COLUMN exclusion TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE themes ADD COLUMN color TEXT NOT NULL DEFAULT '';"
    "CREATE INDEX themes_by_parent ON themes (parent_id);"
    "CREATE TABLE theme_labels ("
    "  theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,"
    "  lang TEXT NOT NULL,"
    "  label TEXT NOT NULL,"
    "  PRIMARY KEY (theme_id, lang)) WITHOUT ROWID;"
    "CREATE TABLE theme_examples ("
    "  theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,"
    "  annotation_uuid TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY (theme_id, annotation_uuid)) WITHOUT ROWID;"
    "CREATE TABLE memos ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('project', 'document', 'perspective', 'theme', 'free')),"
    "  target_uuid TEXT NOT NULL DEFAULT '',"
    "  title TEXT NOT NULL DEFAULT '',"
    "  body TEXT NOT NULL DEFAULT '',"
    "  author_id INTEGER REFERENCES annotators (id),"
    "  created TEXT NOT NULL,"
    "  modified TEXT NOT NULL,"
    "  revision INTEGER NOT NULL DEFAULT 1);"
    "CREATE TABLE memo_citations ("
    "  memo_id INTEGER NOT NULL REFERENCES memos (id) ON DELETE CASCADE,"
    "  annotation_uuid TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY (memo_id, annotation_uuid)) WITHOUT ROWID;"
    "CREATE INDEX memo_citations_by_annotation ON memo_citations (annotation_uuid);",
    error);
}

/* Version 6 adds document attributes: typed properties the user gives
 * documents (outlet, side, date…) to group and filter a corpus by. A value
 * is stored as text in the attribute's normal form (plx-attribute.c), so
 * that a date or a number sorts and compares the same in every store. */
static gboolean
migrate_6_attributes (sqlite3  *db,
                      GError  **error)
{
  return exec (db,
    "CREATE TABLE attributes ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL UNIQUE,"
    "  type TEXT NOT NULL CHECK (type IN ('text', 'category', 'number', 'date')),"
    "  revision INTEGER NOT NULL DEFAULT 1);"
    "CREATE TABLE document_values ("
    "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
    "  attribute_id INTEGER NOT NULL REFERENCES attributes (id) ON DELETE CASCADE,"
    "  value TEXT NOT NULL,"
    "  PRIMARY KEY (document_id, attribute_id)) WITHOUT ROWID;"
    "CREATE INDEX document_values_by_attribute ON document_values (attribute_id, value);",
    error);
}

/* Version 7 adds search: an FTS5 index of every document's text, in
 * pieces (plx-sqlite-search.c), filled here for the documents already
 * there, and the groups of terms a search takes for one name, starting
 * with the names of the conflict the essay is about (editable). */
static gboolean
migrate_7_search (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(GPtrArray) defaults = plx_search_default_equivalences ();
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *insert = NULL;
  gboolean ok = FALSE;
  int rc;

  if (!exec (db,
             "CREATE VIRTUAL TABLE search_index USING fts5 (text, chunk_start UNINDEXED, tokenize = 'plx');"
             "CREATE TABLE search_equivalences ("
             "  grp INTEGER NOT NULL,"
             "  position INTEGER NOT NULL,"
             "  term TEXT NOT NULL,"
             "  PRIMARY KEY (grp, position)) WITHOUT ROWID;",
             error))
    return FALSE;
  if (sqlite3_prepare_v2 (db, "INSERT INTO search_equivalences (grp, position, term) VALUES (?1, ?2, ?3)",
                          -1, &insert, NULL) != SQLITE_OK ||
      !_plx_sqlite_insert_equivalences (db, insert, defaults))
    {
      fail (db, error);
      goto out;
    }
  sqlite3_finalize (insert);
  insert = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT id, text FROM documents", -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO search_index (rowid, text, chunk_start) VALUES (?1, ?2, ?3)",
                          -1, &insert, NULL) != SQLITE_OK)
    {
      fail (db, error);
      goto out;
    }
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (select, 1);

      if (!_plx_sqlite_index_text (db, insert, sqlite3_column_int64 (select, 0), text ? text : "",
                                   (gsize) sqlite3_column_bytes (select, 1), error))
        goto out;
    }
  if (rc != SQLITE_DONE)
    {
      fail (db, error);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (select);
  sqlite3_finalize (insert);
  return ok;
}

typedef gboolean (*Migration) (sqlite3 *db, GError **error);

static const Migration migrations[] = {
  migrate_1_initial,
  migrate_2_theme_table,
  migrate_3_identities,
  migrate_4_provenance,
  migrate_5_codebook_memos,
  migrate_6_attributes,
  migrate_7_search,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PLX_PROJECT_SCHEMA_VERSION);

/* Brings the schema up to target_version in one transaction: a failed
 * upgrade leaves the file exactly as it was. */
gboolean
_plx_sqlite_migrate (sqlite3  *db,
                      int       target_version,
                      GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  g_return_val_if_fail (target_version <= PLX_PROJECT_SCHEMA_VERSION, FALSE);

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return fail (db, error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version >= target_version)
    return TRUE;

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int next = version + 1; next <= target_version; next++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);

      if (!migrations[next - 1] (db, error) || !exec (db, set_version, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  if (!exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* ---- the schema as it must be ---- */

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Every schema object of @db as "type name on table: sql", in a set. */
static GHashTable *
schema_objects (sqlite3  *db,
                GError  **error)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);

      g_hash_table_insert (objects,
                           g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                                            sql ? sql : ""),
                           g_strdup_printf ("%s “%s”", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      fail (db, error);
      return NULL;
    }
  return g_steal_pointer (&objects);
}

/**
 * _plx_sqlite_compare_schema:
 * @report: (nullable): where to list every difference; without it, the
 *   first one is the error
 *
 * Compares the schema of @db with the one Parallax's migrations make for
 * its version, exactly: a project is data, not code, so a trigger, a
 * view, a table, an index or a column that is not ours makes it refused,
 * before anything of ours runs on it.
 */
gboolean
_plx_sqlite_compare_schema (sqlite3     *db,
                            const char  *path,
                            GString     *report,
                            GError     **error)
{
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *reference = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int version = user_version (db);
  gboolean ok;

  found = schema_objects (db, error);
  if (found == NULL)
    return FALSE;
  ok = sqlite3_open_v2 (":memory:", &reference, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
       _plx_sqlite_register_search (reference, error) &&
       (version <= 0 || _plx_sqlite_migrate (reference, version, error)) &&
       (expected = schema_objects (reference, error)) != NULL;
  sqlite3_close (reference);
  if (!ok)
    return FALSE;

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (expected, key))
      g_ptr_array_add (problems, g_strdup_printf (_("it holds a %s that Parallax did not make, or one that was changed"),
                                                  (const char *) value));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (found, key))
      g_ptr_array_add (problems, g_strdup_printf (_("its %s is missing or was changed"), (const char *) value));
  if (problems->len == 0)
    return TRUE;

  g_ptr_array_sort (problems, (GCompareFunc) (void (*) (void)) g_strcmp0);
  if (report != NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (report, "schema: %s\n", (const char *) g_ptr_array_index (problems, i));
      return FALSE;
    }
  g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
               _("%s is refused: %s. A project holds data only; open a copy made with “parallax-cli salvage”"),
               path, (const char *) g_ptr_array_index (problems, 0));
  return FALSE;
}
