/* plx-pg-rows.c: reading and writing the rows of a team project:
 * perspectives, documents, annotations and tombstones, as
 * plx-sqlite-rows.c does in a file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-pg"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-pg-store-private.h"
#include "plx-text.h"

#define STORE(s) PLX_PG_STORE (s)

/* Text is ordered by its bytes, as SQLite does, whatever the database's
 * collation: lists come out in the same order from a file and a server. */
#define BYTEWISE " COLLATE \"C\""

static gboolean
no_document (gint64   id,
             GError **error)
{
  g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
               _("There is no document with id %" G_GINT64_FORMAT " in this project"), id);
  return FALSE;
}

/* ---- perspectives ---- */

static GPtrArray *
list_perspectives (PlxStore  *store,
                   GError   **error)
{
  g_autoptr(PGresult) result = _plx_pg_exec (STORE (store), "SELECT id, uuid, name, color, position FROM perspectives "
                                                            "ORDER BY position, id", NULL, error);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);

  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    {
      PlxPerspective *perspective = plx_perspective_new (_plx_pg_int (result, row, 0), _plx_pg_text (result, row, 2),
                                                         _plx_pg_text (result, row, 3),
                                                         (int) _plx_pg_int (result, row, 4));

      plx_perspective_set_uuid (perspective, _plx_pg_text (result, row, 1));
      g_ptr_array_add (loaded, perspective);
    }
  return g_steal_pointer (&loaded);
}

/* A perspective with an id is being put back (undo) and keeps it. */
static gboolean
insert_perspective (PlxStore        *store,
                    PlxPerspective  *perspective,
                    GError         **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  if (plx_perspective_get_id (perspective) != 0)
    _plx_pg_param_int (&params, plx_perspective_get_id (perspective));
  else
    _plx_pg_param_text (&params, NULL);
  _plx_pg_param_text (&params, plx_perspective_get_uuid (perspective));
  _plx_pg_param_text (&params, plx_perspective_get_name (perspective));
  _plx_pg_param_text (&params, plx_perspective_get_color (perspective));
  _plx_pg_param_int (&params, plx_perspective_get_position (perspective));
  result = _plx_pg_exec (self, "INSERT INTO perspectives (id, uuid, name, color, position) "
                               "VALUES (COALESCE ($1::bigint, nextval (pg_get_serial_sequence ('perspectives', 'id'))), "
                               "$2, $3, $4, $5) RETURNING id", &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  plx_perspective_set_id (perspective, _plx_pg_int (result, 0, 0));
  return TRUE;
}

static gboolean
update_perspective (PlxStore        *store,
                    PlxPerspective  *perspective,
                    GError         **error)
{
  PlxPgStore *self = STORE (store);
  PlxPgParams params = { 0, };

  _plx_pg_param_int (&params, plx_perspective_get_id (perspective));
  _plx_pg_param_text (&params, plx_perspective_get_name (perspective));
  _plx_pg_param_text (&params, plx_perspective_get_color (perspective));
  _plx_pg_param_int (&params, plx_perspective_get_position (perspective));
  self->wrote = TRUE;
  return _plx_pg_run (self, "UPDATE perspectives SET name = $2, color = $3, position = $4, "
                            "revision = revision + 1 WHERE id = $1 "
                            "AND (name IS DISTINCT FROM $2 OR color IS DISTINCT FROM $3 "
                            "OR position IS DISTINCT FROM $4)", &params, error);
}

static gboolean
delete_perspective (PlxStore  *store,
                    gint64     id,
                    GError   **error)
{
  PlxPgStore *self = STORE (store);
  PlxPgParams params = { 0, };

  _plx_pg_param_int (&params, id);
  self->wrote = TRUE;
  return _plx_pg_run (self, "DELETE FROM perspectives WHERE id = $1", &params, error);
}

/* ---- documents ---- */

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* A document that already has an id is being put back (redo). */
static gboolean
insert_document (PlxStore     *store,
                 PlxDocument  *document,
                 GError      **error)
{
  PlxPgStore *self = STORE (store);
  g_autofree char *now = plx_text_now_iso8601 ();
  g_autoptr(GBytes) blocks = plx_document_pack_blocks (document);
  g_autoptr(GBytes) locators = plx_document_pack_locators (document);
  g_autoptr(PGresult) result = NULL;
  PlxDocumentFormat format = plx_document_get_format (document);
  const char *source = plx_document_get_distinct_source (document);
  GBytes *original = plx_document_get_distinct_original (document);
  const char *reader = plx_document_get_reader (document);
  PlxPgParams params = { 0, };

  if (plx_document_get_added (document) == NULL)
    plx_document_set_added (document, now);
  if (plx_document_get_id (document) != 0)
    _plx_pg_param_int (&params, plx_document_get_id (document));
  else
    _plx_pg_param_text (&params, NULL);
  _plx_pg_param_text (&params, plx_document_get_uuid (document));
  _plx_pg_param_text (&params, plx_document_get_title (document));
  _plx_pg_param_text (&params, plx_document_format_to_string (format));
  if (source != NULL)
    _plx_pg_param_bytes (&params, source, strlen (source));
  else
    _plx_pg_param_text (&params, NULL);
  _plx_pg_param_text (&params, plx_document_get_text (document));
  _plx_pg_param_bytes (&params, g_bytes_get_data (blocks, NULL), g_bytes_get_size (blocks));
  _plx_pg_param_int (&params, plx_document_get_reader_version (document));
  _plx_pg_param_text (&params, plx_document_get_content_hash (document));
  _plx_pg_param_text (&params, plx_document_get_added (document));
  _plx_pg_param_text (&params, reader != NULL ? reader : plx_document_format_to_string (format));
  if (original != NULL)
    _plx_pg_param_bytes (&params, g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  else
    _plx_pg_param_text (&params, NULL);
  _plx_pg_param_text (&params, or_empty (plx_document_get_original_name (document)));
  _plx_pg_param_text (&params, or_empty (plx_document_get_original_sha256 (document)));
  for (int m = 0; m < PLX_DOCUMENT_N_META; m++)
    _plx_pg_param_text (&params, or_empty (plx_document_get_meta (document, (PlxDocumentMeta) m)));
  _plx_pg_param_bytes (&params, g_bytes_get_data (locators, NULL), g_bytes_get_size (locators));
  result = _plx_pg_exec (self,
                         "INSERT INTO documents (id, uuid, title, format, source, text, blocks, reader_version, "
                         "content_hash, added, reader, original, original_name, original_sha256, "
                         "author, date, url, language, locators) "
                         "VALUES (COALESCE ($1::bigint, nextval (pg_get_serial_sequence ('documents', 'id'))), "
                         "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) "
                         "RETURNING id", &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  plx_document_set_id (document, _plx_pg_int (result, 0, 0));
  return TRUE;
}

/* The title and what the user knows of the document. */
static gboolean
update_document (PlxStore     *store,
                 PlxDocument  *document,
                 GError      **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(PGresult) result = NULL;
  gint64 id = plx_document_get_id (document);
  PlxPgParams params = { 0, };

  _plx_pg_param_int (&params, id);
  _plx_pg_param_text (&params, plx_document_get_title (document));
  for (int m = 0; m < PLX_DOCUMENT_N_META; m++)
    _plx_pg_param_text (&params, or_empty (plx_document_get_meta (document, (PlxDocumentMeta) m)));
  result = _plx_pg_exec (self, "UPDATE documents SET title = $2, author = $3, date = $4, url = $5, language = $6, "
                               "revision = revision + 1 WHERE id = $1", &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  if (g_strcmp0 (PQcmdTuples (result), "0") == 0)
    return no_document (id, error);
  return TRUE;
}

/* The bytes of the file a document was read from: kept apart only where
 * they differ from its source, which is the text for plain text. */
static GBytes *
load_original (PlxStore  *store,
               gint64     id,
               GError   **error)
{
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  _plx_pg_param_int (&params, id);
  result = _plx_pg_exec (STORE (store), "SELECT COALESCE (original, source, convert_to (text, 'UTF8')) "
                                        "FROM documents WHERE id = $1", &params, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      no_document (id, error);
      return NULL;
    }
  return _plx_pg_bytes (result, 0, 0);
}

static gboolean
delete_document (PlxStore  *store,
                 gint64     id,
                 GError   **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  _plx_pg_param_int (&params, id);
  result = _plx_pg_exec (self, "DELETE FROM documents WHERE id = $1", &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  if (g_strcmp0 (PQcmdTuples (result), "0") == 0)
    return no_document (id, error);
  return TRUE;
}

static PlxDocument *
load_document (PlxStore  *store,
               gint64     id,
               GError   **error)
{
  PlxPgStore *self = STORE (store);
  PlxDocumentFormat format = PLX_DOCUMENT_FORMAT_PLAIN;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GBytes) source = NULL;
  g_autoptr(GBytes) blocks = NULL;
  g_autoptr(GBytes) locators = NULL;
  PlxDocument *document;
  PlxPgParams params = { 0, };

  _plx_pg_param_int (&params, id);
  result = _plx_pg_exec (self, "SELECT title, format, source, text, blocks, content_hash, uuid, locators, "
                               "reader, reader_version, added, original_name, original_sha256, "
                               "author, date, url, language FROM documents WHERE id = $1", &params, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      no_document (id, error);
      return NULL;
    }
  if (!plx_document_format_from_string (_plx_pg_text (result, 0, 1), &format))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("Document %" G_GINT64_FORMAT " in %s is damaged: its format “%s” is unknown"),
                   id, self->location, _plx_pg_text (result, 0, 1));
      return NULL;
    }
  source = _plx_pg_bytes (result, 0, 2);
  blocks = _plx_pg_bytes (result, 0, 4);
  locators = _plx_pg_bytes (result, 0, 7);
  document = plx_document_new_from_stored (_plx_pg_text (result, 0, 0), format,
                                           source != NULL ? g_strndup (g_bytes_get_data (source, NULL),
                                                                       g_bytes_get_size (source)) : NULL,
                                           g_strdup (_plx_pg_text (result, 0, 3)),
                                           blocks != NULL ? g_bytes_get_data (blocks, NULL) : NULL,
                                           blocks != NULL ? g_bytes_get_size (blocks) : 0,
                                           _plx_pg_text (result, 0, 5), &local_error);
  if (document != NULL &&
      !plx_document_set_stored_locators (document, locators != NULL ? g_bytes_get_data (locators, NULL) : NULL,
                                         locators != NULL ? g_bytes_get_size (locators) : 0, &local_error))
    g_clear_object (&document);
  if (document == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("Document %" G_GINT64_FORMAT " in %s is damaged: %s"), id, self->location, local_error->message);
      return NULL;
    }
  plx_document_set_uuid (document, _plx_pg_text (result, 0, 6));
  plx_document_set_reader (document, _plx_pg_text (result, 0, 8), (guint) _plx_pg_int (result, 0, 9));
  plx_document_set_added (document, _plx_pg_text (result, 0, 10));
  plx_document_set_original_name (document, _plx_pg_text (result, 0, 11));
  plx_document_set_original_sha256 (document, _plx_pg_text (result, 0, 12));
  for (int m = 0; m < PLX_DOCUMENT_N_META; m++)
    plx_document_set_meta (document, (PlxDocumentMeta) m, _plx_pg_text (result, 0, 13 + m));
  plx_document_set_id (document, id);
  return document;
}

static void
document_summary_clear (gpointer data)
{
  PlxDocumentSummary *summary = data;

  g_clear_pointer (&summary->title, g_free);
  g_clear_pointer (&summary->content_hash, g_free);
}

static GArray *
list_documents (PlxStore  *store,
                GError   **error)
{
  g_autoptr(GArray) summaries = g_array_new (FALSE, FALSE, sizeof (PlxDocumentSummary));
  g_autoptr(PGresult) result = _plx_pg_exec (STORE (store), "SELECT id, title, content_hash FROM documents ORDER BY id",
                                             NULL, error);

  g_array_set_clear_func (summaries, document_summary_clear);
  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    {
      PlxDocumentSummary summary = {
        _plx_pg_int (result, row, 0),
        g_strdup (_plx_pg_text (result, row, 1)),
        g_strdup (_plx_pg_text (result, row, 2)),
      };
      g_array_append_val (summaries, summary);
    }
  return g_steal_pointer (&summaries);
}

/* ---- annotations ---- */

/* The id of the row named @name, looked up first and made only when it
 * is missing. Another client may make it between the two: then the
 * insert does nothing and the row is looked up again. No upsert that
 * updates: a coder may add an annotator or a theme, not change one. */
static gboolean
named_row_id (PlxPgStore  *self,
              const char  *find_sql,
              const char  *make_sql,
              const char  *name,
              gint64      *id,
              GError     **error)
{
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(PGresult) found = NULL;
      g_autoptr(PGresult) made = NULL;
      PlxPgParams params = { 0, };

      _plx_pg_param_text (&params, name);
      found = _plx_pg_exec (self, find_sql, &params, error);
      if (found == NULL)
        return FALSE;
      if (PQntuples (found) == 1)
        {
          *id = _plx_pg_int (found, 0, 0);
          return TRUE;
        }
      if (attempt > 0)
        break;
      made = _plx_pg_exec (self, make_sql, &params, error);
      if (made == NULL)
        return FALSE;
      if (PQntuples (made) == 1)
        {
          *id = _plx_pg_int (made, 0, 0);
          return TRUE;
        }
    }
  g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("The team server %s failed: %s"), self->location, name);
  return FALSE;
}

/* The annotator of that name, made on first use; 0 for no name. */
gboolean
_plx_pg_annotator_id (PlxPgStore  *self,
                      const char  *name,
                      gint64      *id,
                      GError     **error)
{
  *id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  return named_row_id (self, "SELECT id FROM annotators WHERE name = $1",
                       "INSERT INTO annotators (uuid, name) VALUES (gen_random_uuid ()::text, $1) "
                       "ON CONFLICT (name) DO NOTHING RETURNING id", name, id, error);
}

static gboolean
theme_id (PlxPgStore  *self,
          const char  *name,
          gint64      *id,
          GError     **error)
{
  return named_row_id (self, "SELECT id FROM themes WHERE name = $1",
                       "INSERT INTO themes (uuid, name) VALUES (gen_random_uuid ()::text, $1) "
                       "ON CONFLICT (name) DO NOTHING RETURNING id", name, id, error);
}

static gboolean
write_themes (PlxPgStore     *self,
              PlxAnnotation  *annotation,
              gboolean        replace,
              GError        **error)
{
  const char * const *themes = plx_annotation_get_themes (annotation);

  if (replace)
    {
      PlxPgParams params = { 0, };

      _plx_pg_param_text (&params, plx_annotation_get_uuid (annotation));
      if (!_plx_pg_run (self, "DELETE FROM annotation_themes WHERE annotation_uuid = $1", &params, error))
        return FALSE;
    }
  for (guint i = 0; themes[i] != NULL; i++)
    {
      PlxPgParams params = { 0, };
      gint64 id = 0;

      if (!theme_id (self, themes[i], &id, error))
        return FALSE;
      _plx_pg_param_text (&params, plx_annotation_get_uuid (annotation));
      _plx_pg_param_int (&params, id);
      _plx_pg_param_int (&params, i);
      if (!_plx_pg_run (self, "INSERT INTO annotation_themes (annotation_uuid, theme_id, position) "
                              "VALUES ($1, $2, $3)", &params, error))
        return FALSE;
    }
  return TRUE;
}

/* No row changed: the annotation is not there, or it is there and the
 * server's policies hide it from this change (another coder's). */
static gboolean
no_annotation (PlxPgStore     *self,
               PlxAnnotation  *annotation,
               GError        **error)
{
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  _plx_pg_param_text (&params, plx_annotation_get_uuid (annotation));
  result = _plx_pg_exec (self, "SELECT 1 FROM annotations WHERE uuid = $1", &params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) > 0)
    g_set_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY,
                 _("The team server %s refused: only its coder or a lead may change the passage %s"),
                 self->location, plx_annotation_get_uuid (annotation));
  else
    g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                 _("There is no annotation with id %s in this project"), plx_annotation_get_uuid (annotation));
  return FALSE;
}

/* Writes one annotation and its themes; @replace picks between adding a
 * new one and overwriting an existing one. The caller holds a transaction. */
static gboolean
write_annotation (PlxPgStore     *self,
                  PlxAnnotation  *annotation,
                  gboolean        replace,
                  GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };
  gint64 author_id;

  if (!_plx_pg_annotator_id (self, plx_annotation_get_author (annotation), &author_id, error))
    return FALSE;
  _plx_pg_param_text (&params, plx_annotation_get_uuid (annotation));
  _plx_pg_param_int (&params, plx_annotation_get_document_id (annotation));
  _plx_pg_param_int (&params, plx_annotation_get_perspective_id (annotation));
  _plx_pg_param_int (&params, plx_annotation_get_start (annotation));
  _plx_pg_param_int (&params, plx_annotation_get_end (annotation));
  _plx_pg_param_text (&params, plx_annotation_get_quote (annotation));
  _plx_pg_param_text (&params, plx_annotation_get_prefix (annotation));
  _plx_pg_param_text (&params, plx_annotation_get_suffix (annotation));
  _plx_pg_param_text (&params, plx_annotation_get_note (annotation));
  if (author_id != 0)
    _plx_pg_param_int (&params, author_id);
  else
    _plx_pg_param_text (&params, NULL);
  _plx_pg_param_text (&params, plx_annotation_get_created (annotation));
  _plx_pg_param_text (&params, plx_annotation_get_modified (annotation));
  _plx_pg_param_int (&params, MAX (plx_annotation_get_revision (annotation), 1));
  _plx_pg_param_text (&params, plx_annotation_get_ancestry (annotation));
  self->wrote = TRUE;
  if (replace)
    result = _plx_pg_exec (self, "UPDATE annotations SET document_id = $2, perspective_id = $3, start_offset = $4, "
                                 "end_offset = $5, quote = $6, prefix = $7, suffix = $8, note = $9, creator_id = $10, "
                                 "modifier_id = $10, created = $11, modified = $12, revision = $13, ancestry = $14 "
                                 "WHERE uuid = $1", &params, error);
  else
    result = _plx_pg_exec (self, "INSERT INTO annotations (uuid, document_id, perspective_id, start_offset, "
                                 "end_offset, quote, prefix, suffix, note, creator_id, modifier_id, created, "
                                 "modified, revision, ancestry) "
                                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14)",
                           &params, &local_error);
  if (result == NULL)
    {
      if (local_error != NULL && g_error_matches (local_error, PLX_ERROR, PLX_ERROR_DUPLICATE))
        g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                     _("An annotation with id %s is already in the project"), plx_annotation_get_uuid (annotation));
      else if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (replace && g_strcmp0 (PQcmdTuples (result), "0") == 0)
    return no_annotation (self, annotation, error);
  return write_themes (self, annotation, replace, error);
}

/* An annotation put back (undo of a deletion) is no longer deleted. */
static gboolean
insert_annotation (PlxStore       *store,
                   PlxAnnotation  *annotation,
                   GError        **error)
{
  PlxPgStore *self = STORE (store);
  PlxPgParams params = { 0, };

  if (!write_annotation (self, annotation, FALSE, error))
    return FALSE;
  _plx_pg_param_text (&params, plx_annotation_get_uuid (annotation));
  return _plx_pg_run (self, "DELETE FROM tombstones WHERE uuid = $1", &params, error);
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
  PlxPgStore *self = STORE (store);
  g_autofree char *now = plx_text_now_iso8601 ();
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };
  PlxPgParams tomb = { 0, };

  _plx_pg_param_text (&params, plx_annotation_get_uuid (annotation));
  result = _plx_pg_exec (self, "DELETE FROM annotations WHERE uuid = $1", &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  if (g_strcmp0 (PQcmdTuples (result), "0") == 0)
    return no_annotation (self, annotation, error);
  _plx_pg_param_text (&tomb, plx_annotation_get_uuid (annotation));
  _plx_pg_param_int (&tomb, plx_annotation_get_revision (annotation));
  _plx_pg_param_text (&tomb, plx_annotation_get_ancestry (annotation));
  _plx_pg_param_text (&tomb, now);
  return _plx_pg_run (self, "INSERT INTO tombstones (uuid, kind, revision, ancestry, deleted) "
                            "VALUES ($1, 'annotation', $2, $3, $4) ON CONFLICT (uuid) DO UPDATE SET "
                            "kind = EXCLUDED.kind, revision = EXCLUDED.revision, ancestry = EXCLUDED.ancestry, "
                            "deleted = EXCLUDED.deleted", &tomb, error);
}

/* A PlxAnnotationQuery: $1 document, $2 perspective (0 for any), $3 theme. */
#define ANNOTATION_FILTER \
  "WHERE ($1::bigint = 0 OR a.document_id = $1::bigint) AND ($2::bigint = 0 OR a.perspective_id = $2::bigint) " \
  "AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM annotation_themes at JOIN themes t ON t.id = at.theme_id " \
  "  WHERE at.annotation_uuid = a.uuid AND lower (t.name) = lower ($3::text))) "

#define ANNOTATION_COLUMNS \
  "a.uuid, a.document_id, a.perspective_id, a.start_offset, a.end_offset, a.quote, a.prefix, " \
  "a.suffix, a.note, c.name, a.created, a.modified, a.revision, a.ancestry"

#define ANNOTATION_FROM "FROM annotations a LEFT JOIN annotators c ON c.id = a.creator_id "

static void
bind_query (PlxPgParams              *params,
            const PlxAnnotationQuery *query)
{
  _plx_pg_param_int (params, query ? query->document_id : 0);
  _plx_pg_param_int (params, query ? query->perspective_id : 0);
  _plx_pg_param_text (params, query != NULL ? query->theme : NULL);
}

static PlxAnnotation *
annotation_from_row (const PGresult *result,
                     int             row)
{
  PlxAnnotation *annotation = g_object_new (PLX_TYPE_ANNOTATION, NULL);

  plx_annotation_set_uuid (annotation, _plx_pg_text (result, row, 0));
  plx_annotation_set_document_id (annotation, _plx_pg_int (result, row, 1));
  plx_annotation_set_perspective_id (annotation, _plx_pg_int (result, row, 2));
  plx_annotation_set_selector (annotation,
                               (guint) _plx_pg_int (result, row, 3), (guint) _plx_pg_int (result, row, 4),
                               _plx_pg_text (result, row, 5), _plx_pg_text (result, row, 6),
                               _plx_pg_text (result, row, 7));
  plx_annotation_set_note (annotation, _plx_pg_text (result, row, 8));
  plx_annotation_set_author (annotation, _plx_pg_text (result, row, 9));
  plx_annotation_set_times (annotation, _plx_pg_text (result, row, 10), _plx_pg_text (result, row, 11));
  plx_annotation_set_revision (annotation, (guint) _plx_pg_int (result, row, 12));
  plx_annotation_set_ancestry (annotation, _plx_pg_text (result, row, 13));
  return annotation;
}

/* Fills in the themes of every annotation in @annotations with one query
 * over the same filter, rather than one query per annotation. */
static gboolean
attach_themes (PlxPgStore               *self,
               const PlxAnnotationQuery *query,
               GPtrArray                *annotations,
               GError                  **error)
{
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) themes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(PGresult) result = NULL;
  GHashTableIter iter;
  gpointer key, value;
  PlxPgParams params = { 0, };

  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_hash_table_insert (by_uuid, (gpointer) plx_annotation_get_uuid (annotation), annotation);
    }
  _plx_pg_param_int (&params, query ? query->document_id : 0);
  _plx_pg_param_int (&params, query ? query->perspective_id : 0);
  result = _plx_pg_exec (self, "SELECT at.annotation_uuid, t.name FROM annotation_themes at "
                               "JOIN themes t ON t.id = at.theme_id "
                               "JOIN annotations a ON a.uuid = at.annotation_uuid "
                               "WHERE ($1::bigint = 0 OR a.document_id = $1::bigint) "
                               "AND ($2::bigint = 0 OR a.perspective_id = $2::bigint) "
                               "ORDER BY at.annotation_uuid" BYTEWISE ", at.position", &params, error);
  if (result == NULL)
    return FALSE;
  for (int row = 0; row < PQntuples (result); row++)
    {
      PlxAnnotation *annotation = g_hash_table_lookup (by_uuid, _plx_pg_text (result, row, 0));
      GPtrArray *names;

      if (annotation == NULL)
        continue;
      names = g_hash_table_lookup (themes, plx_annotation_get_uuid (annotation));
      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (themes, (gpointer) plx_annotation_get_uuid (annotation), names);
        }
      g_ptr_array_add (names, g_strdup (_plx_pg_text (result, row, 1)));
    }
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
  PlxPgStore *self = STORE (store);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  bind_query (&params, query);
  result = _plx_pg_exec (self, "SELECT " ANNOTATION_COLUMNS " " ANNOTATION_FROM ANNOTATION_FILTER
                               "ORDER BY a.document_id, a.start_offset, a.end_offset DESC, a.uuid" BYTEWISE,
                         &params, error);
  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (annotations, annotation_from_row (result, row));
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
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  bind_query (&params, query);
  result = _plx_pg_exec (STORE (store), "SELECT count(*) FROM annotations a " ANNOTATION_FILTER, &params, error);
  if (result == NULL)
    return FALSE;
  *count = (guint) _plx_pg_int (result, 0, 0);
  return TRUE;
}

static PlxAnnotation *
get_annotation (PlxStore    *store,
                const char  *uuid,
                GError     **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PGresult) result = NULL;
  g_autoptr(PGresult) themes = NULL;
  PlxPgParams params = { 0, };

  _plx_pg_param_text (&params, uuid);
  result = _plx_pg_exec (self, "SELECT " ANNOTATION_COLUMNS " " ANNOTATION_FROM "WHERE a.uuid = $1", &params, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no annotation with id %s in this project"), uuid);
      return NULL;
    }
  annotation = annotation_from_row (result, 0);
  themes = _plx_pg_exec (self, "SELECT t.name FROM annotation_themes at JOIN themes t ON t.id = at.theme_id "
                               "WHERE at.annotation_uuid = $1 ORDER BY at.position", &params, error);
  if (themes == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (themes); row++)
    g_ptr_array_add (names, g_strdup (_plx_pg_text (themes, row, 0)));
  g_ptr_array_add (names, NULL);
  plx_annotation_set_themes (annotation, (const char * const *) names->pdata);
  return g_steal_pointer (&annotation);
}

/* Themes in use, most used first, for completion and filters. */
static char **
list_themes (PlxStore  *store,
             GError   **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PGresult) result = _plx_pg_exec (STORE (store),
                                             "SELECT t.name FROM themes t JOIN annotation_themes at ON at.theme_id = t.id "
                                             "GROUP BY t.id ORDER BY count(*) DESC, t.name" BYTEWISE, NULL, error);

  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (names, g_strdup (_plx_pg_text (result, row, 0)));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_steal (names, NULL);
}

static GArray *
list_tombstones (PlxStore  *store,
                 GError   **error)
{
  g_autoptr(GArray) tombstones = g_array_new (FALSE, FALSE, sizeof (PlxTombstone));
  g_autoptr(PGresult) result = _plx_pg_exec (STORE (store), "SELECT uuid, kind, revision, ancestry, deleted "
                                                            "FROM tombstones ORDER BY uuid" BYTEWISE, NULL, error);

  g_array_set_clear_func (tombstones, (GDestroyNotify) plx_tombstone_clear);
  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    {
      PlxTombstone tombstone = {
        g_strdup (_plx_pg_text (result, row, 0)),
        g_strdup (_plx_pg_text (result, row, 1)),
        (guint) _plx_pg_int (result, row, 2),
        g_strdup (_plx_pg_text (result, row, 3)),
        g_strdup (_plx_pg_text (result, row, 4)),
      };
      g_array_append_val (tombstones, tombstone);
    }
  return g_steal_pointer (&tombstones);
}

void
_plx_pg_rows_init (PlxStoreInterface *iface)
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
