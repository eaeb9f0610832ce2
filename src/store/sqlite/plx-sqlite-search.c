/* plx-sqlite-search.c: search through SQLite's FTS5. Each document's
 * text is kept in pieces (plx_search_chunk_text()) as rows of the FTS5
 * table search_index, whose rowid is the document's id shifted by
 * CHUNK_BITS plus the piece's number: a document's rows are one rowid
 * range, removed with it, and a search reads back only the pieces it
 * matched. Words are split and folded by Parallax's own tokenizer, "plx"
 * (plx-search-fold.c), registered on every connection; the auxiliary
 * function plx_hits() gives where each phrase matched in a piece.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-search-fold.h"
#include "plx-search-hit.h"
#include "plx-sqlite-store-private.h"

#define STORE(s) PLX_SQLITE_STORE (s)

/* 2^20 pieces of at least half a kilobyte: documents up to 512 MB. */
#define CHUNK_BITS 20

/* ---- the tokenizer ---- */

typedef struct {
  void  *context;
  int  (*token) (void *, int, const char *, int, int, int);
  int    rc;
} Tokenizing;

static int
tokenizer_create (void            *data,
                  const char     **args,
                  int              n_args,
                  Fts5Tokenizer  **tokenizer)
{
  static int instance;

  /* It has no state: every table shares one. */
  *tokenizer = (Fts5Tokenizer *) &instance;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

static gboolean
emit_word (const char *folded,
           gsize       folded_length,
           gsize       start,
           gsize       end,
           gpointer    user_data)
{
  Tokenizing *tokenizing = user_data;

  tokenizing->rc = tokenizing->token (tokenizing->context, 0, folded, (int) folded_length, (int) start, (int) end);
  return tokenizing->rc == SQLITE_OK;
}

static int
tokenizer_tokenize (Fts5Tokenizer  *tokenizer,
                    void           *context,
                    int             flags,
                    const char     *text,
                    int             length,
                    int           (*token) (void *, int, const char *, int, int, int))
{
  Tokenizing tokenizing = { context, token, SQLITE_OK };

  if (text != NULL && length > 0)
    plx_search_tokenize (text, (gsize) length, emit_word, &tokenizing);
  return tokenizing.rc;
}

/* ---- where phrases matched ---- */

typedef struct {
  guint32 start;
  guint32 end;
} Span;

typedef struct {
  GArray *tokens;   /* of Span */
  int     wanted;   /* the last token any instance needs */
} Offsets;

static int
collect_token (void       *context,
               int         flags,
               const char *token,
               int         length,
               int         start,
               int         end)
{
  Offsets *offsets = context;
  Span span = { (guint32) start, (guint32) end };

  if (flags & FTS5_TOKEN_COLOCATED)
    return SQLITE_OK;
  g_array_append_val (offsets->tokens, span);
  /* The rest of the piece is not needed. */
  return (int) offsets->tokens->len > offsets->wanted ? SQLITE_DONE : SQLITE_OK;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* plx_hits(search_index): the byte spans, in the piece's text, of every
 * phrase instance that matched, in order, overlapping ones merged, as
 * pairs of native 32-bit integers. */
static void
hits_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_values,
               sqlite3_value          **values)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  Offsets offsets = { tokens, -1 };
  const char *text = NULL;
  int length = 0;
  int n_instances = 0;
  int rc;

  if ((rc = api->xInstCount (fts, &n_instances)) != SQLITE_OK ||
      (rc = api->xColumnText (fts, 0, &text, &length)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  for (int i = 0; i < n_instances; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) == SQLITE_OK && column == 0)
        offsets.wanted = MAX (offsets.wanted, offset + MAX (api->xPhraseSize (fts, phrase), 1) - 1);
    }
  rc = api->xTokenize (fts, text, length, &offsets, collect_token);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  for (int i = 0; i < n_instances; i++)
    {
      int phrase, column, offset, size;
      Span span;

      if (api->xInst (fts, i, &phrase, &column, &offset) != SQLITE_OK || column != 0)
        continue;
      size = MAX (api->xPhraseSize (fts, phrase), 1);
      if (offset < 0 || (guint) (offset + size) > tokens->len)
        continue;
      span.start = g_array_index (tokens, Span, offset).start;
      span.end = g_array_index (tokens, Span, offset + size - 1).end;
      g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);
  /* "Nagorno-Karabakh" is also "Karabakh": one hit, not two. */
  for (guint i = 1; i < spans->len;)
    {
      Span *last = &g_array_index (spans, Span, i - 1);
      const Span *next = &g_array_index (spans, Span, i);

      if (next->start < last->end)
        {
          last->end = MAX (last->end, next->end);
          g_array_remove_index (spans, i);
        }
      else
        i++;
    }
  sqlite3_result_blob (context, spans->data, (int) (spans->len * sizeof (Span)), SQLITE_TRANSIENT);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

/* Makes the tokenizer and plx_hits() known to @db: needed before the
 * index is made, written or read. */
gboolean
_plx_sqlite_register_search (sqlite3  *db,
                             GError  **error)
{
  static fts5_tokenizer tokenizer = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2 ||
      api->xCreateTokenizer (api, "plx", NULL, &tokenizer, NULL) != SQLITE_OK ||
      api->xCreateFunction (api, "plx_hits", NULL, hits_function, NULL) != SQLITE_OK)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("This SQLite has no full-text search (FTS5), which Parallax needs"));
      return FALSE;
    }
  return TRUE;
}

/* ---- keeping the index ---- */

/* Adds the pieces of document @id's @text through @insert
 * ("INSERT INTO search_index (rowid, text, chunk_start) VALUES (?1, ?2, ?3)"). */
gboolean
_plx_sqlite_index_text (sqlite3       *db,
                        sqlite3_stmt  *insert,
                        gint64         id,
                        const char    *text,
                        gsize          length,
                        GError       **error)
{
  g_autoptr(GArray) chunks = plx_search_chunk_text (text, length);

  if (chunks->len >= (1u << CHUNK_BITS) || id >= (G_GINT64_CONSTANT (1) << (62 - CHUNK_BITS)))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   _("Document %" PRId64 " is too large to be indexed for search"), (int64_t) id);
      return FALSE;
    }
  for (guint i = 0; i < chunks->len; i++)
    {
      const PlxSearchChunk *chunk = &g_array_index (chunks, PlxSearchChunk, i);
      int rc;

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, (id << CHUNK_BITS) | i);
      sqlite3_bind_text64 (insert, 2, text + chunk->start_byte, chunk->length, SQLITE_STATIC, SQLITE_UTF8);
      sqlite3_bind_int64 (insert, 3, chunk->start);
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                       _("Could not index document %" PRId64 " for search: %s"), (int64_t) id, sqlite3_errmsg (db));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_plx_sqlite_index_document (PlxSqliteStore  *self,
                            gint64           id,
                            const char      *text,
                            gsize            length,
                            GError         **error)
{
  sqlite3_stmt *insert = _plx_sqlite_statement (self, "INSERT INTO search_index (rowid, text, chunk_start) "
                                                      "VALUES (?1, ?2, ?3)", error);

  return insert != NULL && _plx_sqlite_index_text (self->db, insert, id, text, length, error);
}

gboolean
_plx_sqlite_unindex_document (PlxSqliteStore  *self,
                              gint64           id,
                              GError         **error)
{
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "DELETE FROM search_index WHERE rowid BETWEEN ?1 AND ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id << CHUNK_BITS);
  sqlite3_bind_int64 (stmt, 2, (id << CHUNK_BITS) | ((1 << CHUNK_BITS) - 1));
  return _plx_sqlite_step_done (self, stmt, error);
}

/* ---- searching ---- */

/* The query in FTS5's language: ("a b" OR "c" *) AND ("d"). Words are
 * folded, so hold no quote. */
static char *
render_query (const PlxSearchQuery *query)
{
  GString *match = g_string_new (NULL);

  for (guint c = 0; c < query->clauses->len; c++)
    {
      GPtrArray *clause = g_ptr_array_index (query->clauses, c);

      g_string_append (match, c > 0 ? " AND (" : "(");
      for (guint i = 0; i < clause->len; i++)
        {
          const PlxSearchPhrase *phrase = g_ptr_array_index (clause, i);
          g_autofree char *words = g_strjoinv (" ", phrase->words);

          g_string_append_printf (match, "%s\"%s\"%s", i > 0 ? " OR " : "", words, phrase->prefix ? " *" : "");
        }
      g_string_append_c (match, ')');
    }
  return g_string_free (match, FALSE);
}

static GPtrArray *
store_search (PlxStore             *store,
              const PlxSearchQuery *query,
              gint64                document_id,
              guint                 limit,
              gboolean             *truncated,
              GError              **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = render_query (query);
  g_autofree char *title = NULL;
  gint64 titled = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (document_id > 0)
    {
      stmt = _plx_sqlite_statement (self,
                                    "SELECT rowid, chunk_start, text, plx_hits(search_index) FROM search_index "
                                    "WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 2, document_id << CHUNK_BITS);
      sqlite3_bind_int64 (stmt, 3, (document_id << CHUNK_BITS) | ((1 << CHUNK_BITS) - 1));
    }
  else
    {
      stmt = _plx_sqlite_statement (self,
                                    "SELECT rowid, chunk_start, text, plx_hits(search_index) FROM search_index "
                                    "WHERE search_index MATCH ?1 ORDER BY rowid", error);
      if (stmt == NULL)
        return NULL;
    }
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0) >> CHUNK_BITS;
      guint offset = (guint) sqlite3_column_int64 (stmt, 1);
      const char *text = (const char *) sqlite3_column_text (stmt, 2);
      gsize length = (gsize) sqlite3_column_bytes (stmt, 2);
      const Span *spans = sqlite3_column_blob (stmt, 3);
      gsize n_spans = (gsize) sqlite3_column_bytes (stmt, 3) / sizeof (Span);
      const char *counted = text;

      /* The title comes before the text in the row: reading it costs a
       * page, where a list of all documents would read every text. */
      if (id != titled && n_spans > 0)
        {
          sqlite3_stmt *select = _plx_sqlite_statement (self, "SELECT title FROM documents WHERE id = ?1", error);

          if (select == NULL)
            {
              sqlite3_reset (stmt);
              return NULL;
            }
          sqlite3_bind_int64 (select, 1, id);
          g_free (title);
          title = sqlite3_step (select) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (select, 0))
                                                      : NULL;
          sqlite3_reset (select);
          titled = id;
        }
      for (gsize i = 0; i < n_spans; i++)
        {
          g_autofree char *left = NULL;
          g_autofree char *right = NULL;
          g_autofree char *hit_text = NULL;
          guint start, end;

          if (spans[i].end > length || spans[i].start >= spans[i].end)
            continue;
          if (limit > 0 && hits->len == limit)
            {
              *truncated = TRUE;
              break;
            }
          offset += (guint) g_utf8_strlen (counted, text + spans[i].start - counted);
          start = offset;
          end = start + (guint) g_utf8_strlen (text + spans[i].start, spans[i].end - spans[i].start);
          counted = text + spans[i].start;
          plx_search_cut_context (text, length, spans[i].start, spans[i].end, PLX_SEARCH_CONTEXT_LENGTH,
                                  &left, &right);
          hit_text = g_strndup (text + spans[i].start, spans[i].end - spans[i].start);
          g_ptr_array_add (hits, plx_search_hit_new (id, start, end, left, hit_text, right));
          plx_search_hit_set_document_title (g_ptr_array_index (hits, hits->len - 1), title);
        }
      if (*truncated)
        break;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&hits);
}

/* ---- equivalences ---- */

static GPtrArray *
list_equivalences (PlxStore  *store,
                   GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) builder = NULL;
  sqlite3_stmt *stmt;
  gint64 group = -1;
  int rc;

  stmt = _plx_sqlite_statement (self, "SELECT grp, term FROM search_equivalences ORDER BY grp, position", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int64 (stmt, 0) != group)
        {
          if (builder != NULL)
            g_ptr_array_add (groups, g_strv_builder_end (builder));
          g_clear_pointer (&builder, g_strv_builder_unref);
          builder = g_strv_builder_new ();
          group = sqlite3_column_int64 (stmt, 0);
        }
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  if (builder != NULL)
    g_ptr_array_add (groups, g_strv_builder_end (builder));
  return g_steal_pointer (&groups);
}

gboolean
_plx_sqlite_insert_equivalences (sqlite3       *db,
                                 sqlite3_stmt  *insert,
                                 GPtrArray     *groups)
{
  for (guint g = 0; g < groups->len; g++)
    {
      const char * const *terms = g_ptr_array_index (groups, g);

      for (guint t = 0; terms[t] != NULL; t++)
        {
          int rc;

          sqlite3_reset (insert);
          sqlite3_bind_int64 (insert, 1, g + 1);
          sqlite3_bind_int64 (insert, 2, t);
          sqlite3_bind_text (insert, 3, terms[t], -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (insert);
          sqlite3_reset (insert);
          if (rc != SQLITE_DONE)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
set_equivalences (PlxStore   *store,
                  GPtrArray  *groups,
                  GError    **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *insert;

  if (!plx_store_begin (store, error))
    return FALSE;
  if (!_plx_sqlite_run (self, "DELETE FROM search_equivalences", error) ||
      (insert = _plx_sqlite_statement (self, "INSERT INTO search_equivalences (grp, position, term) "
                                             "VALUES (?1, ?2, ?3)", error)) == NULL)
    {
      plx_store_rollback (store);
      return FALSE;
    }
  if (!_plx_sqlite_insert_equivalences (self->db, insert, groups))
    {
      _plx_sqlite_error (self, error);
      plx_store_rollback (store);
      return FALSE;
    }
  return plx_store_commit (store, error);
}

void
_plx_sqlite_search_init (PlxStoreInterface *iface)
{
  iface->search = store_search;
  iface->list_equivalences = list_equivalences;
  iface->set_equivalences = set_equivalences;
}
