/* plx-sqlite-codebook.c: the rows of the codebook (themes with their
 * labels and anchor examples) and of the memos (with their citations).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-sqlite-store-private.h"

#define STORE(s) PLX_SQLITE_STORE (s)

/* ---- themes ---- */

static GPtrArray *
list_codebook (PlxStore  *store,
               GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) examples = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _plx_sqlite_statement (self,
                                "SELECT t.id, t.uuid, t.name, t.description, p.uuid, t.revision, "
                                "t.inclusion, t.exclusion, t.color FROM themes t "
                                "LEFT JOIN themes p ON p.id = t.parent_id ORDER BY t.name, t.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlxTheme *theme = plx_theme_new (_plx_sqlite_column_text (stmt, 1), _plx_sqlite_column_text (stmt, 2));

      plx_theme_set_id (theme, sqlite3_column_int64 (stmt, 0));
      plx_theme_set_description (theme, _plx_sqlite_column_text (stmt, 3));
      plx_theme_set_parent_uuid (theme, (const char *) sqlite3_column_text (stmt, 4));
      plx_theme_set_revision (theme, (guint) sqlite3_column_int64 (stmt, 5));
      plx_theme_set_inclusion (theme, _plx_sqlite_column_text (stmt, 6));
      plx_theme_set_exclusion (theme, _plx_sqlite_column_text (stmt, 7));
      plx_theme_set_color (theme, _plx_sqlite_column_text (stmt, 8));
      g_ptr_array_add (themes, theme);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  for (guint i = 0; i < themes->len; i++)
    {
      PlxTheme *theme = g_ptr_array_index (themes, i);
      /* The key lives as long as the theme: its id field does not move. */
      gint64 *id = g_new (gint64, 1);

      *id = plx_theme_get_id (theme);
      g_object_set_data_full (G_OBJECT (theme), "plx-sqlite-id", id, g_free);
      g_hash_table_insert (by_id, id, theme);
    }

  stmt = _plx_sqlite_statement (self, "SELECT theme_id, lang, label FROM theme_labels ORDER BY theme_id, lang", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      PlxTheme *theme = g_hash_table_lookup (by_id, &id);

      if (theme != NULL)
        plx_theme_set_label (theme, _plx_sqlite_column_text (stmt, 1), _plx_sqlite_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }

  stmt = _plx_sqlite_statement (self, "SELECT theme_id, annotation_uuid FROM theme_examples "
                                      "ORDER BY theme_id, position", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      PlxTheme *theme = g_hash_table_lookup (by_id, &id);
      GPtrArray *list;

      if (theme == NULL)
        continue;
      list = g_hash_table_lookup (examples, &id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (examples, g_object_get_data (G_OBJECT (theme), "plx-sqlite-id"), list);
        }
      g_ptr_array_add (list, g_strdup (_plx_sqlite_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  g_hash_table_iter_init (&iter, examples);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;

      g_ptr_array_add (list, NULL);
      plx_theme_set_examples (g_hash_table_lookup (by_id, key), (const char * const *) list->pdata);
    }
  for (guint i = 0; i < themes->len; i++)
    g_object_set_data (g_ptr_array_index (themes, i), "plx-sqlite-id", NULL);
  return g_steal_pointer (&themes);
}

/* Rewrites a theme's labels and examples after its row. */
static gboolean
write_theme_parts (PlxSqliteStore  *self,
                   PlxTheme        *theme,
                   GError         **error)
{
  g_auto(GStrv) langs = plx_theme_dup_label_languages (theme);
  const char * const *examples = plx_theme_get_examples (theme);
  gint64 id = plx_theme_get_id (theme);
  sqlite3_stmt *stmt;

  stmt = _plx_sqlite_statement (self, "DELETE FROM theme_labels WHERE theme_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;
  stmt = _plx_sqlite_statement (self, "DELETE FROM theme_examples WHERE theme_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; langs[i] != NULL; i++)
    {
      stmt = _plx_sqlite_statement (self, "INSERT INTO theme_labels (theme_id, lang, label) VALUES (?1, ?2, ?3)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, langs[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, plx_theme_get_label (theme, langs[i]), -1, SQLITE_TRANSIENT);
      if (!_plx_sqlite_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; examples[i] != NULL; i++)
    {
      stmt = _plx_sqlite_statement (self, "INSERT OR IGNORE INTO theme_examples (theme_id, annotation_uuid, position) "
                                          "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, examples[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!_plx_sqlite_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Binds ?2 name … ?8 color; ?1 is the UUID. */
static void
bind_theme (sqlite3_stmt *stmt,
            PlxTheme     *theme)
{
  sqlite3_bind_text (stmt, 1, plx_theme_get_uuid (theme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, plx_theme_get_name (theme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plx_theme_get_description (theme), -1, SQLITE_TRANSIENT);
  if (plx_theme_get_parent_uuid (theme) != NULL)
    sqlite3_bind_text (stmt, 4, plx_theme_get_parent_uuid (theme), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, MAX (plx_theme_get_revision (theme), 1));
  sqlite3_bind_text (stmt, 6, plx_theme_get_inclusion (theme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, plx_theme_get_exclusion (theme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, plx_theme_get_color (theme), -1, SQLITE_TRANSIENT);
}

/* A theme put back (undo) gets a new local id: its old one may be taken. */
static gboolean
insert_theme (PlxStore  *store,
              PlxTheme  *theme,
              GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _plx_sqlite_statement (self,
                                "INSERT INTO themes (uuid, name, description, parent_id, revision, inclusion, "
                                "exclusion, color) VALUES (?1, ?2, ?3, (SELECT id FROM themes WHERE uuid = ?4), "
                                "?5, ?6, ?7, ?8) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  bind_theme (stmt, theme);
  if (!_plx_sqlite_step_returning_id (self, stmt, &id, error))
    return FALSE;
  plx_theme_set_id (theme, id);
  return write_theme_parts (self, theme, error);
}

static gboolean
update_theme (PlxStore  *store,
              PlxTheme  *theme,
              GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _plx_sqlite_statement (self,
                                "UPDATE themes SET name = ?2, description = ?3, "
                                "parent_id = (SELECT id FROM themes WHERE uuid = ?4), revision = ?5, "
                                "inclusion = ?6, exclusion = ?7, color = ?8 WHERE uuid = ?1 RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  bind_theme (stmt, theme);
  if (!_plx_sqlite_step_returning_id (self, stmt, &id, error))
    return FALSE;
  if (id == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"),
                   plx_theme_get_uuid (theme));
      return FALSE;
    }
  plx_theme_set_id (theme, id);
  return write_theme_parts (self, theme, error);
}

/* Its passages and children must have let go of it first (the core's
 * change set does that); its labels and examples go with it. */
static gboolean
delete_theme (PlxStore  *store,
              PlxTheme  *theme,
              GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "DELETE FROM themes WHERE uuid = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plx_theme_get_uuid (theme), -1, SQLITE_TRANSIENT);
  if (!_plx_sqlite_step_delete (self, stmt, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"),
                 plx_theme_get_uuid (theme));
  return found;
}

/* ---- memos ---- */

static GPtrArray *
list_memos (PlxStore  *store,
            GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) memos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) citations = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _plx_sqlite_statement (self,
                                "SELECT m.id, m.uuid, m.kind, m.target_uuid, m.title, m.body, a.name, m.created, "
                                "m.modified, m.revision FROM memos m LEFT JOIN annotators a ON a.id = m.author_id "
                                "ORDER BY m.created, m.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlxMemoKind kind = PLX_MEMO_FREE;
      PlxMemo *memo;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      plx_memo_kind_from_string (_plx_sqlite_column_text (stmt, 2), &kind);
      memo = plx_memo_new (_plx_sqlite_column_text (stmt, 1), kind, _plx_sqlite_column_text (stmt, 3));
      plx_memo_set_id (memo, id);
      plx_memo_set_title (memo, _plx_sqlite_column_text (stmt, 4));
      plx_memo_set_body (memo, _plx_sqlite_column_text (stmt, 5));
      plx_memo_set_author (memo, _plx_sqlite_column_text (stmt, 6));
      plx_memo_set_created (memo, _plx_sqlite_column_text (stmt, 7));
      plx_memo_set_modified (memo, _plx_sqlite_column_text (stmt, 8));
      plx_memo_set_revision (memo, (guint) sqlite3_column_int64 (stmt, 9));
      g_ptr_array_add (memos, memo);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), memo);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }

  stmt = _plx_sqlite_statement (self, "SELECT memo_id, annotation_uuid FROM memo_citations "
                                      "ORDER BY memo_id, position", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      PlxMemo *memo = g_hash_table_lookup (by_id, &id);
      GPtrArray *list;

      if (memo == NULL)
        continue;
      list = g_hash_table_lookup (citations, memo);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (citations, memo, list);
        }
      g_ptr_array_add (list, g_strdup (_plx_sqlite_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  g_hash_table_iter_init (&iter, citations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;

      g_ptr_array_add (list, NULL);
      plx_memo_set_citations (key, (const char * const *) list->pdata);
    }
  return g_steal_pointer (&memos);
}

/* The annotator of that name, made on first use; 0 for no name. */
static gboolean
author_id (PlxSqliteStore  *self,
           const char      *name,
           gint64          *id,
           GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  stmt = _plx_sqlite_statement (self,
                                "INSERT INTO annotators (uuid, name) VALUES (" PLX_SQLITE_NEW_UUID ", ?1) "
                                "ON CONFLICT (name) DO UPDATE SET name = name RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || _plx_sqlite_error (self, error);
}

static gboolean
write_citations (PlxSqliteStore  *self,
                 PlxMemo         *memo,
                 GError         **error)
{
  const char * const *cited = plx_memo_get_citations (memo);
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "DELETE FROM memo_citations WHERE memo_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plx_memo_get_id (memo));
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; cited[i] != NULL; i++)
    {
      stmt = _plx_sqlite_statement (self, "INSERT OR IGNORE INTO memo_citations (memo_id, annotation_uuid, position) "
                                          "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plx_memo_get_id (memo));
      sqlite3_bind_text (stmt, 2, cited[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!_plx_sqlite_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_memo (sqlite3_stmt *stmt,
           PlxMemo      *memo,
           gint64        author)
{
  sqlite3_bind_text (stmt, 1, plx_memo_get_uuid (memo), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, plx_memo_kind_to_string (plx_memo_get_kind (memo)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, plx_memo_get_target_uuid (memo), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, plx_memo_get_title (memo), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, plx_memo_get_body (memo), -1, SQLITE_TRANSIENT);
  if (author != 0)
    sqlite3_bind_int64 (stmt, 6, author);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, plx_memo_get_created (memo), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, plx_memo_get_modified (memo), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, MAX (plx_memo_get_revision (memo), 1));
}

static gboolean
write_memo (PlxStore  *store,
            PlxMemo   *memo,
            gboolean   replace,
            GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt;
  gint64 author;
  gint64 id;

  if (!author_id (self, plx_memo_get_author (memo), &author, error))
    return FALSE;
  if (replace)
    stmt = _plx_sqlite_statement (self,
                                  "UPDATE memos SET kind = ?2, target_uuid = ?3, title = ?4, body = ?5, "
                                  "author_id = ?6, created = ?7, modified = ?8, revision = ?9 "
                                  "WHERE uuid = ?1 RETURNING id", error);
  else
    stmt = _plx_sqlite_statement (self,
                                  "INSERT INTO memos (uuid, kind, target_uuid, title, body, author_id, created, "
                                  "modified, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  bind_memo (stmt, memo, author);
  if (!_plx_sqlite_step_returning_id (self, stmt, &id, error))
    return FALSE;
  if (id == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no memo %s in this project"),
                   plx_memo_get_uuid (memo));
      return FALSE;
    }
  plx_memo_set_id (memo, id);
  return write_citations (self, memo, error);
}

static gboolean
insert_memo (PlxStore  *store,
             PlxMemo   *memo,
             GError   **error)
{
  return write_memo (store, memo, FALSE, error);
}

static gboolean
update_memo (PlxStore  *store,
             PlxMemo   *memo,
             GError   **error)
{
  return write_memo (store, memo, TRUE, error);
}

static gboolean
delete_memo (PlxStore  *store,
             PlxMemo   *memo,
             GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "DELETE FROM memos WHERE uuid = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plx_memo_get_uuid (memo), -1, SQLITE_TRANSIENT);
  if (!_plx_sqlite_step_delete (self, stmt, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no memo %s in this project"),
                 plx_memo_get_uuid (memo));
  return found;
}

void
_plx_sqlite_codebook_init (PlxStoreInterface *iface)
{
  iface->list_codebook = list_codebook;
  iface->insert_theme = insert_theme;
  iface->update_theme = update_theme;
  iface->delete_theme = delete_theme;
  iface->list_memos = list_memos;
  iface->insert_memo = insert_memo;
  iface->update_memo = update_memo;
  iface->delete_memo = delete_memo;
}
