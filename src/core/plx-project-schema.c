/* plx-project-schema.c: numbered migrations; PRAGMA user_version holds the
 * number of the last one applied.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-project"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-project-private.h"

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

typedef gboolean (*Migration) (sqlite3 *db, GError **error);

static const Migration migrations[] = {
  migrate_1_initial,
  migrate_2_theme_table,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PLX_PROJECT_SCHEMA_VERSION);

/* Brings the schema up to target_version in one transaction: a failed
 * upgrade leaves the file exactly as it was. */
gboolean
_plx_project_migrate (sqlite3  *db,
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
