/* plx-sqlite-rows.c: reading and writing the rows of a project file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-sqlite-store-private.h"
#include "plx-text.h"

#define STORE(s) PLX_SQLITE_STORE (s)

/* ---- perspectives ---- */

static GPtrArray *
list_perspectives (PlxStore  *store,
                   GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "SELECT id, uuid, name, color, position FROM perspectives "
                                                    "ORDER BY position, id", error);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlxPerspective *perspective = plx_perspective_new (sqlite3_column_int64 (stmt, 0),
                                                         _plx_sqlite_column_text (stmt, 2), _plx_sqlite_column_text (stmt, 3),
                                                         sqlite3_column_int (stmt, 4));

      plx_perspective_set_uuid (perspective, _plx_sqlite_column_text (stmt, 1));
      g_ptr_array_add (loaded, perspective);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&loaded);
}

/* A perspective with an id is being put back (undo) and keeps it. */
static gboolean
insert_perspective (PlxStore        *store,
                    PlxPerspective  *perspective,
                    GError         **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt = _plx_sqlite_statement (self,
                                              "INSERT INTO perspectives (id, uuid, name, color, position) "
                                              "VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  if (plx_perspective_get_id (perspective) != 0)
    sqlite3_bind_int64 (stmt, 1, plx_perspective_get_id (perspective));
  sqlite3_bind_text (stmt, 2, plx_perspective_get_uuid (perspective), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plx_perspective_get_name (perspective), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, plx_perspective_get_color (perspective), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, plx_perspective_get_position (perspective));
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;
  plx_perspective_set_id (perspective, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

static gboolean
update_perspective (PlxStore        *store,
                    PlxPerspective  *perspective,
                    GError         **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt = _plx_sqlite_statement (self,
                                              "UPDATE perspectives SET name = ?2, color = ?3, position = ?4, "
                                              "revision = revision + 1 WHERE id = ?1 "
                                              "AND (name IS NOT ?2 OR color IS NOT ?3 OR position IS NOT ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plx_perspective_get_id (perspective));
  sqlite3_bind_text (stmt, 2, plx_perspective_get_name (perspective), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plx_perspective_get_color (perspective), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, plx_perspective_get_position (perspective));
  return _plx_sqlite_step_done (self, stmt, error);
}

static gboolean
delete_perspective (PlxStore  *store,
                    gint64     id,
                    GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "DELETE FROM perspectives WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _plx_sqlite_step_done (self, stmt, error);
}

/* ---- documents ---- */

static void
bind_text_or_empty (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  sqlite3_bind_text (stmt, column, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

/* A document that already has an id is being put back (redo). */
static gboolean
insert_document (PlxStore     *store,
                 PlxDocument  *document,
                 GError      **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autofree char *now = plx_text_now_iso8601 ();
  g_autoptr(GBytes) blocks = plx_document_pack_blocks (document);
  g_autoptr(GBytes) locators = plx_document_pack_locators (document);
  PlxDocumentFormat format = plx_document_get_format (document);
  const char *source = plx_document_get_distinct_source (document);
  GBytes *original = plx_document_get_distinct_original (document);
  const char *reader = plx_document_get_reader (document);
  sqlite3_stmt *stmt;

  stmt = _plx_sqlite_statement (self,
                                "INSERT INTO documents (id, uuid, title, format, source, text, blocks, reader, "
                                "reader_version, content_hash, added, original, original_name, original_sha256, "
                                "author, date, url, language, locators) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?11, ?8, ?9, ?10, ?12, ?13, ?14, ?15, ?16, ?17, "
                                "?18, ?19)", error);
  if (stmt == NULL)
    return FALSE;
  if (plx_document_get_id (document) != 0)
    sqlite3_bind_int64 (stmt, 1, plx_document_get_id (document));
  sqlite3_bind_text (stmt, 2, plx_document_get_uuid (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plx_document_get_title (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, plx_document_format_to_string (format), -1, SQLITE_STATIC);
  if (source != NULL)
    sqlite3_bind_blob64 (stmt, 5, source, strlen (source), SQLITE_STATIC);
  sqlite3_bind_text64 (stmt, 6, plx_document_get_text (document), plx_document_get_text_bytes (document),
                       SQLITE_STATIC, SQLITE_UTF8);
  sqlite3_bind_blob64 (stmt, 7, g_bytes_get_data (blocks, NULL), g_bytes_get_size (blocks), SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, (int) plx_document_get_reader_version (document));
  sqlite3_bind_text (stmt, 9, plx_document_get_content_hash (document), -1, SQLITE_TRANSIENT);
  if (plx_document_get_added (document) == NULL)
    plx_document_set_added (document, now);
  sqlite3_bind_text (stmt, 10, plx_document_get_added (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, reader != NULL ? reader : plx_document_format_to_string (format), -1, SQLITE_TRANSIENT);
  if (original != NULL)
    sqlite3_bind_blob64 (stmt, 12, g_bytes_get_data (original, NULL), g_bytes_get_size (original), SQLITE_STATIC);
  bind_text_or_empty (stmt, 13, plx_document_get_original_name (document));
  bind_text_or_empty (stmt, 14, plx_document_get_original_sha256 (document));
  for (int m = 0; m < PLX_DOCUMENT_N_META; m++)
    bind_text_or_empty (stmt, 15 + m, plx_document_get_meta (document, (PlxDocumentMeta) m));
  sqlite3_bind_blob64 (stmt, 19, g_bytes_get_data (locators, NULL), g_bytes_get_size (locators), SQLITE_STATIC);
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;
  plx_document_set_id (document, sqlite3_last_insert_rowid (self->db));
  return _plx_sqlite_index_document (self, plx_document_get_id (document), plx_document_get_text (document),
                                     plx_document_get_text_bytes (document), error);
}

/* The title and what the user knows of the document. */
static gboolean
update_document (PlxStore     *store,
                 PlxDocument  *document,
                 GError      **error)
{
  PlxSqliteStore *self = STORE (store);
  gint64 id = plx_document_get_id (document);
  sqlite3_stmt *stmt;

  stmt = _plx_sqlite_statement (self,
                                "UPDATE documents SET title = ?2, author = ?3, date = ?4, url = ?5, language = ?6, "
                                "revision = revision + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, plx_document_get_title (document), -1, SQLITE_TRANSIENT);
  for (int m = 0; m < PLX_DOCUMENT_N_META; m++)
    bind_text_or_empty (stmt, 3 + m, plx_document_get_meta (document, (PlxDocumentMeta) m));
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no document with id %" PRId64 " in this project"), id);
      return FALSE;
    }
  return TRUE;
}

/* The bytes of the file a document was read from: kept apart only where
 * they differ from its source, which is the text for plain text. */
static GBytes *
load_original (PlxStore  *store,
               gint64     id,
               GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt;
  GBytes *bytes;
  int rc;

  stmt = _plx_sqlite_statement (self, "SELECT COALESCE (original, source, text) FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                     _("There is no document with id %" PRId64 " in this project"), id);
      else
        _plx_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  return bytes;
}

static gboolean
delete_document (PlxStore  *store,
                 gint64     id,
                 GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "DELETE FROM documents WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no document with id %" PRId64 " in this project"), id);
      return FALSE;
    }
  return _plx_sqlite_unindex_document (self, id, error);
}

static PlxDocument *
load_document (PlxStore  *store,
               gint64     id,
               GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  PlxDocumentFormat format = PLX_DOCUMENT_FORMAT_PLAIN;
  g_autoptr(GError) local_error = NULL;
  PlxDocument *document;
  sqlite3_stmt *stmt;
  char *source = NULL;
  int rc;

  stmt = _plx_sqlite_statement (self, "SELECT title, format, source, text, blocks, content_hash, uuid, locators, "
                                      "reader, reader_version, added, original_name, original_sha256, "
                                      "author, date, url, language FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                     _("There is no document with id %" PRId64 " in this project"), id);
      else
        _plx_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  if (!plx_document_format_from_string (_plx_sqlite_column_text (stmt, 1), &format))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("Document %" PRId64 " in %s is damaged: its format “%s” is unknown"),
                   id, self->path, _plx_sqlite_column_text (stmt, 1));
      sqlite3_reset (stmt);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    source = g_strndup (sqlite3_column_blob (stmt, 2), (gsize) sqlite3_column_bytes (stmt, 2));
  document = plx_document_new_from_stored (_plx_sqlite_column_text (stmt, 0), format, source,
                                           g_strndup (_plx_sqlite_column_text (stmt, 3), (gsize) sqlite3_column_bytes (stmt, 3)),
                                           sqlite3_column_blob (stmt, 4), (gsize) sqlite3_column_bytes (stmt, 4),
                                           _plx_sqlite_column_text (stmt, 5), &local_error);
  if (document != NULL &&
      !plx_document_set_stored_locators (document, sqlite3_column_blob (stmt, 7), (gsize) sqlite3_column_bytes (stmt, 7),
                                         &local_error))
    g_clear_object (&document);
  if (document == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("Document %" PRId64 " in %s is damaged: %s"), id, self->path, local_error->message);
      sqlite3_reset (stmt);
      return NULL;
    }
  plx_document_set_uuid (document, _plx_sqlite_column_text (stmt, 6));
  plx_document_set_reader (document, _plx_sqlite_column_text (stmt, 8), (guint) sqlite3_column_int (stmt, 9));
  plx_document_set_added (document, _plx_sqlite_column_text (stmt, 10));
  plx_document_set_original_name (document, _plx_sqlite_column_text (stmt, 11));
  plx_document_set_original_sha256 (document, _plx_sqlite_column_text (stmt, 12));
  for (int m = 0; m < PLX_DOCUMENT_N_META; m++)
    plx_document_set_meta (document, (PlxDocumentMeta) m, _plx_sqlite_column_text (stmt, 13 + m));
  plx_document_set_id (document, id);
  sqlite3_reset (stmt);
  return document;
}

static void
document_summary_clear (gpointer data)
{
  PlxDocumentSummary *summary = data;

  g_clear_pointer (&summary->title, g_free);
  g_clear_pointer (&summary->content_hash, g_free);
}

/* Ids, titles and hashes without touching any text: what a document menu
 * needs, and what tells the same text added twice. */
static GArray *
list_documents (PlxStore  *store,
                GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GArray) summaries = g_array_new (FALSE, FALSE, sizeof (PlxDocumentSummary));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (summaries, document_summary_clear);
  stmt = _plx_sqlite_statement (self, "SELECT id, title, content_hash FROM documents ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlxDocumentSummary summary = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup (_plx_sqlite_column_text (stmt, 1)),
        g_strdup (_plx_sqlite_column_text (stmt, 2)),
      };
      g_array_append_val (summaries, summary);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&summaries);
}

/* ---- annotations ---- */

/* The id of the row named @name, looked up first and made only when it
 * is missing: an upsert would write the row (a page of the log) at every
 * tagging. */
static gboolean
named_row_id (PlxSqliteStore  *self,
              const char      *find_sql,
              const char      *make_sql,
              const char      *name,
              gint64          *id,
              GError         **error)
{
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, find_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _plx_sqlite_error (self, error);

  stmt = _plx_sqlite_statement (self, make_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || _plx_sqlite_error (self, error);
}

/* The annotator of that name, made on first use; 0 for no name. */
static gboolean
annotator_id (PlxSqliteStore  *self,
              const char      *name,
              gint64          *id,
              GError         **error)
{
  *id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  return named_row_id (self, "SELECT id FROM annotators WHERE name = ?1",
                       "INSERT INTO annotators (uuid, name) VALUES (" PLX_SQLITE_NEW_UUID ", ?1) RETURNING id",
                       name, id, error);
}

static gboolean
write_themes (PlxSqliteStore  *self,
              PlxAnnotation   *annotation,
              gboolean         replace,
              GError         **error)
{
  const char * const *themes = plx_annotation_get_themes (annotation);
  sqlite3_stmt *stmt;

  if (replace)
    {
      stmt = _plx_sqlite_statement (self, "DELETE FROM annotation_themes WHERE annotation_uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
      if (!_plx_sqlite_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; themes[i] != NULL; i++)
    {
      gint64 theme_id;

      if (!named_row_id (self, "SELECT id FROM themes WHERE name = ?1",
                         "INSERT INTO themes (uuid, name) VALUES (" PLX_SQLITE_NEW_UUID ", ?1) RETURNING id",
                         themes[i], &theme_id, error))
        return FALSE;

      stmt = _plx_sqlite_statement (self,
                                    "INSERT INTO annotation_themes (annotation_uuid, theme_id, position) "
                                    "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, theme_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!_plx_sqlite_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes one annotation and its themes; @replace picks between adding a
 * new one and overwriting an existing one. The caller holds a transaction. */
static gboolean
write_annotation (PlxSqliteStore  *self,
                  PlxAnnotation   *annotation,
                  gboolean         replace,
                  GError         **error)
{
  gint64 author_id;
  gint64 modifier_id;
  sqlite3_stmt *stmt;

  if (!annotator_id (self, plx_annotation_get_author (annotation), &author_id, error) ||
      !annotator_id (self, plx_annotation_get_modifier (annotation), &modifier_id, error))
    return FALSE;
  if (replace)
    stmt = _plx_sqlite_statement (self,
                                  "UPDATE annotations SET document_id = ?2, perspective_id = ?3, start_offset = ?4, "
                                  "end_offset = ?5, quote = ?6, prefix = ?7, suffix = ?8, note = ?9, creator_id = ?10, "
                                  "modifier_id = ?15, created = ?11, modified = ?12, revision = ?13, ancestry = ?14 "
                                  "WHERE uuid = ?1", error);
  else
    stmt = _plx_sqlite_statement (self,
                                  "INSERT INTO annotations (uuid, document_id, perspective_id, start_offset, end_offset, "
                                  "quote, prefix, suffix, note, creator_id, modifier_id, created, modified, revision, "
                                  "ancestry) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?15, ?11, ?12, ?13, ?14)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, plx_annotation_get_document_id (annotation));
  sqlite3_bind_int64 (stmt, 3, plx_annotation_get_perspective_id (annotation));
  sqlite3_bind_int64 (stmt, 4, plx_annotation_get_start (annotation));
  sqlite3_bind_int64 (stmt, 5, plx_annotation_get_end (annotation));
  sqlite3_bind_text (stmt, 6, plx_annotation_get_quote (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, plx_annotation_get_prefix (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, plx_annotation_get_suffix (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, plx_annotation_get_note (annotation), -1, SQLITE_TRANSIENT);
  if (author_id != 0)
    sqlite3_bind_int64 (stmt, 10, author_id);
  sqlite3_bind_text (stmt, 11, plx_annotation_get_created (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, plx_annotation_get_modified (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 13, MAX (plx_annotation_get_revision (annotation), 1));
  sqlite3_bind_text (stmt, 14, plx_annotation_get_ancestry (annotation), -1, SQLITE_TRANSIENT);
  if (modifier_id != 0)
    sqlite3_bind_int64 (stmt, 15, modifier_id);
  else
    sqlite3_bind_null (stmt, 15);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                     _("An annotation with id %s is already in the project"), plx_annotation_get_uuid (annotation));
      else
        _plx_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (replace && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no annotation with id %s in this project"), plx_annotation_get_uuid (annotation));
      return FALSE;
    }
  return write_themes (self, annotation, replace, error);
}

/* An annotation put back (undo of a deletion) is no longer deleted. */
static gboolean
insert_annotation (PlxStore       *store,
                   PlxAnnotation  *annotation,
                   GError        **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt;

  if (!write_annotation (self, annotation, FALSE, error))
    return FALSE;
  stmt = _plx_sqlite_statement (self, "DELETE FROM tombstones WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
  return _plx_sqlite_step_done (self, stmt, error);
}

static gboolean
update_annotation (PlxStore       *store,
                   PlxAnnotation  *annotation,
                   GError        **error)
{
  return write_annotation (STORE (store), annotation, TRUE, error);
}

/* Deletes the row and leaves a tombstone with the revision and ancestry
 * @annotation carries. */
static gboolean
delete_annotation (PlxStore       *store,
                   PlxAnnotation  *annotation,
                   GError        **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autofree char *now = plx_text_now_iso8601 ();
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "DELETE FROM annotations WHERE uuid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no annotation with id %s in this project"), plx_annotation_get_uuid (annotation));
      return FALSE;
    }
  stmt = _plx_sqlite_statement (self,
                                "INSERT OR REPLACE INTO tombstones (uuid, kind, revision, ancestry, deleted) "
                                "VALUES (?1, 'annotation', ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, plx_annotation_get_revision (annotation));
  sqlite3_bind_text (stmt, 3, plx_annotation_get_ancestry (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  return _plx_sqlite_step_done (self, stmt, error);
}

/* A PlxAnnotationQuery: ?1 document, ?2 perspective (0 for any), ?3 theme. */
#define ANNOTATION_FILTER \
  "WHERE (?1 = 0 OR a.document_id = ?1) AND (?2 = 0 OR a.perspective_id = ?2) " \
  "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM annotation_themes at JOIN themes t ON t.id = at.theme_id " \
  "  WHERE at.annotation_uuid = a.uuid AND lower(t.name) = lower(?3))) "

#define ANNOTATION_COLUMNS \
  "a.uuid, a.document_id, a.perspective_id, a.start_offset, a.end_offset, a.quote, a.prefix, " \
  "a.suffix, a.note, c.name, a.created, a.modified, a.revision, a.ancestry, m.name"

#define ANNOTATION_FROM "FROM annotations a LEFT JOIN annotators c ON c.id = a.creator_id " \
  "LEFT JOIN annotators m ON m.id = a.modifier_id "

static void
bind_query (sqlite3_stmt             *stmt,
            const PlxAnnotationQuery *query)
{
  sqlite3_bind_int64 (stmt, 1, query ? query->document_id : 0);
  sqlite3_bind_int64 (stmt, 2, query ? query->perspective_id : 0);
  if (query != NULL && query->theme != NULL)
    sqlite3_bind_text (stmt, 3, query->theme, -1, SQLITE_TRANSIENT);
}

static PlxAnnotation *
annotation_from_row (sqlite3_stmt *stmt)
{
  PlxAnnotation *annotation = g_object_new (PLX_TYPE_ANNOTATION, NULL);

  plx_annotation_set_uuid (annotation, _plx_sqlite_column_text (stmt, 0));
  plx_annotation_set_document_id (annotation, sqlite3_column_int64 (stmt, 1));
  plx_annotation_set_perspective_id (annotation, sqlite3_column_int64 (stmt, 2));
  plx_annotation_set_selector (annotation,
                               (guint) sqlite3_column_int64 (stmt, 3),
                               (guint) sqlite3_column_int64 (stmt, 4),
                               _plx_sqlite_column_text (stmt, 5), _plx_sqlite_column_text (stmt, 6), _plx_sqlite_column_text (stmt, 7));
  plx_annotation_set_note (annotation, _plx_sqlite_column_text (stmt, 8));
  plx_annotation_set_author (annotation, _plx_sqlite_column_text (stmt, 9));
  plx_annotation_set_times (annotation, _plx_sqlite_column_text (stmt, 10), _plx_sqlite_column_text (stmt, 11));
  plx_annotation_set_revision (annotation, (guint) sqlite3_column_int64 (stmt, 12));
  plx_annotation_set_ancestry (annotation, _plx_sqlite_column_text (stmt, 13));
  plx_annotation_set_modifier (annotation, (const char *) sqlite3_column_text (stmt, 14));
  return annotation;
}

/* Fills in the themes of every annotation in @annotations with one query
 * over the same filter, rather than one query per annotation. */
static gboolean
attach_themes (PlxSqliteStore           *self,
               const PlxAnnotationQuery *query,
               GPtrArray                *annotations,
               GError                  **error)
{
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) themes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_hash_table_insert (by_uuid, (gpointer) plx_annotation_get_uuid (annotation), annotation);
    }

  stmt = _plx_sqlite_statement (self,
                                "SELECT at.annotation_uuid, t.name FROM annotation_themes at "
                                "JOIN themes t ON t.id = at.theme_id "
                                "JOIN annotations a ON a.uuid = at.annotation_uuid "
                                "WHERE (?1 = 0 OR a.document_id = ?1) AND (?2 = 0 OR a.perspective_id = ?2) "
                                "ORDER BY at.annotation_uuid, at.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, query ? query->document_id : 0);
  sqlite3_bind_int64 (stmt, 2, query ? query->perspective_id : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlxAnnotation *annotation = g_hash_table_lookup (by_uuid, sqlite3_column_text (stmt, 0));
      GPtrArray *names;

      if (annotation == NULL)
        continue;
      names = g_hash_table_lookup (themes, plx_annotation_get_uuid (annotation));
      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (themes, (gpointer) plx_annotation_get_uuid (annotation), names);
        }
      g_ptr_array_add (names, g_strdup (_plx_sqlite_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _plx_sqlite_error (self, error);

  g_hash_table_iter_init (&iter, themes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *names = value;

      g_ptr_array_add (names, NULL);
      plx_annotation_set_themes (g_hash_table_lookup (by_uuid, key), (const char * const *) names->pdata);
    }
  return TRUE;
}

static GPtrArray *
list_annotations (PlxStore                  *store,
                  const PlxAnnotationQuery  *query,
                  GError                   **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _plx_sqlite_statement (self,
                                "SELECT " ANNOTATION_COLUMNS " " ANNOTATION_FROM ANNOTATION_FILTER
                                "ORDER BY a.document_id, a.start_offset, a.end_offset DESC, a.uuid", error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (annotations, annotation_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  if (!attach_themes (self, query, annotations, error))
    return NULL;
  return g_steal_pointer (&annotations);
}

static gboolean
count_annotations (PlxStore                  *store,
                   const PlxAnnotationQuery  *query,
                   guint                     *count,
                   GError                   **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt;
  gboolean ok;

  /* Counted by SQLite, not by building every annotation. */
  stmt = _plx_sqlite_statement (self, "SELECT count(*) FROM annotations a " ANNOTATION_FILTER, error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, query);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    _plx_sqlite_error (self, error);
  sqlite3_reset (stmt);
  return ok;
}

static PlxAnnotation *
get_annotation (PlxStore    *store,
                const char  *uuid,
                GError     **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _plx_sqlite_statement (self, "SELECT " ANNOTATION_COLUMNS " " ANNOTATION_FROM "WHERE a.uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    annotation = annotation_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no annotation with id %s in this project"), uuid);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }

  stmt = _plx_sqlite_statement (self,
                                "SELECT t.name FROM annotation_themes at JOIN themes t ON t.id = at.theme_id "
                                "WHERE at.annotation_uuid = ?1 ORDER BY at.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (_plx_sqlite_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  plx_annotation_set_themes (annotation, (const char * const *) names->pdata);
  return g_steal_pointer (&annotation);
}

/* Themes in use, most used first, for completion and filters. */
static char **
list_themes (PlxStore  *store,
             GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _plx_sqlite_statement (self,
                                "SELECT t.name FROM themes t JOIN annotation_themes at ON at.theme_id = t.id "
                                "GROUP BY t.id ORDER BY count(*) DESC, t.name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (_plx_sqlite_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_steal (names, NULL);
}

static GArray *
list_tombstones (PlxStore  *store,
                 GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GArray) tombstones = g_array_new (FALSE, FALSE, sizeof (PlxTombstone));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (tombstones, (GDestroyNotify) plx_tombstone_clear);
  stmt = _plx_sqlite_statement (self, "SELECT uuid, kind, revision, ancestry, deleted FROM tombstones ORDER BY uuid",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlxTombstone tombstone = {
        g_strdup (_plx_sqlite_column_text (stmt, 0)),
        g_strdup (_plx_sqlite_column_text (stmt, 1)),
        (guint) sqlite3_column_int64 (stmt, 2),
        g_strdup (_plx_sqlite_column_text (stmt, 3)),
        g_strdup (_plx_sqlite_column_text (stmt, 4)),
      };
      g_array_append_val (tombstones, tombstone);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&tombstones);
}

void
_plx_sqlite_rows_init (PlxStoreInterface *iface)
{
  iface->list_perspectives = list_perspectives;
  iface->insert_perspective = insert_perspective;
  iface->update_perspective = update_perspective;
  iface->delete_perspective = delete_perspective;
  iface->insert_document = insert_document;
  iface->delete_document = delete_document;
  iface->load_document = load_document;
  iface->update_document = update_document;
  iface->load_original = load_original;
  iface->list_documents = list_documents;
  iface->insert_annotation = insert_annotation;
  iface->update_annotation = update_annotation;
  iface->delete_annotation = delete_annotation;
  iface->get_annotation = get_annotation;
  iface->list_annotations = list_annotations;
  iface->count_annotations = count_annotations;
  iface->list_themes = list_themes;
  iface->list_tombstones = list_tombstones;
}
