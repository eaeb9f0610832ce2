/* plx-pg-codebook.c: the codebook (themes with their labels and anchor
 * examples) and the memos (with their citations) of a team project, as
 * plx-sqlite-codebook.c keeps them in a file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-pg"

#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-pg-store-private.h"

#define STORE(s) PLX_PG_STORE (s)

/* ---- themes ---- */

static GPtrArray *
list_codebook (PlxStore  *store,
               GError   **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) examples = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(PGresult) rows = NULL;
  g_autoptr(PGresult) labels = NULL;
  g_autoptr(PGresult) chosen = NULL;
  GHashTableIter iter;
  gpointer key, value;

  rows = _plx_pg_exec (self, "SELECT t.id, t.uuid, t.name, t.description, p.uuid, t.revision, "
                             "t.inclusion, t.exclusion, t.color FROM themes t "
                             "LEFT JOIN themes p ON p.id = t.parent_id ORDER BY t.name COLLATE \"C\", t.id",
                       NULL, error);
  if (rows == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (rows); row++)
    {
      PlxTheme *theme = plx_theme_new (_plx_pg_text (rows, row, 1), _plx_pg_text (rows, row, 2));
      gint64 id = _plx_pg_int (rows, row, 0);

      plx_theme_set_id (theme, id);
      plx_theme_set_description (theme, _plx_pg_text (rows, row, 3));
      plx_theme_set_parent_uuid (theme, PQgetisnull (rows, row, 4) ? NULL : _plx_pg_text (rows, row, 4));
      plx_theme_set_revision (theme, (guint) _plx_pg_int (rows, row, 5));
      plx_theme_set_inclusion (theme, _plx_pg_text (rows, row, 6));
      plx_theme_set_exclusion (theme, _plx_pg_text (rows, row, 7));
      plx_theme_set_color (theme, _plx_pg_text (rows, row, 8));
      g_ptr_array_add (themes, theme);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), theme);
    }

  labels = _plx_pg_exec (self, "SELECT theme_id, lang, label FROM theme_labels "
                               "ORDER BY theme_id, lang COLLATE \"C\"", NULL, error);
  if (labels == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (labels); row++)
    {
      gint64 id = _plx_pg_int (labels, row, 0);
      PlxTheme *theme = g_hash_table_lookup (by_id, &id);

      if (theme != NULL)
        plx_theme_set_label (theme, _plx_pg_text (labels, row, 1), _plx_pg_text (labels, row, 2));
    }

  chosen = _plx_pg_exec (self, "SELECT theme_id, annotation_uuid FROM theme_examples ORDER BY theme_id, position",
                         NULL, error);
  if (chosen == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (chosen); row++)
    {
      gint64 id = _plx_pg_int (chosen, row, 0);
      PlxTheme *theme = g_hash_table_lookup (by_id, &id);
      GPtrArray *list;

      if (theme == NULL)
        continue;
      list = g_hash_table_lookup (examples, theme);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (examples, theme, list);
        }
      g_ptr_array_add (list, g_strdup (_plx_pg_text (chosen, row, 1)));
    }
  g_hash_table_iter_init (&iter, examples);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;

      g_ptr_array_add (list, NULL);
      plx_theme_set_examples (key, (const char * const *) list->pdata);
    }
  return g_steal_pointer (&themes);
}

/* Rewrites a theme's labels and examples after its row. */
static gboolean
write_theme_parts (PlxPgStore  *self,
                   PlxTheme    *theme,
                   GError     **error)
{
  g_auto(GStrv) langs = plx_theme_dup_label_languages (theme);
  const char * const *examples = plx_theme_get_examples (theme);
  gint64 id = plx_theme_get_id (theme);
  PlxPgParams params = { 0, };

  _plx_pg_param_int (&params, id);
  if (!_plx_pg_run (self, "DELETE FROM theme_labels WHERE theme_id = $1", &params, error) ||
      !_plx_pg_run (self, "DELETE FROM theme_examples WHERE theme_id = $1", &params, error))
    return FALSE;
  for (guint i = 0; langs[i] != NULL; i++)
    {
      PlxPgParams label = { 0, };

      _plx_pg_param_int (&label, id);
      _plx_pg_param_text (&label, langs[i]);
      _plx_pg_param_text (&label, plx_theme_get_label (theme, langs[i]));
      if (!_plx_pg_run (self, "INSERT INTO theme_labels (theme_id, lang, label) VALUES ($1, $2, $3)", &label, error))
        return FALSE;
    }
  for (guint i = 0; examples[i] != NULL; i++)
    {
      PlxPgParams example = { 0, };

      _plx_pg_param_int (&example, id);
      _plx_pg_param_text (&example, examples[i]);
      _plx_pg_param_int (&example, i);
      if (!_plx_pg_run (self, "INSERT INTO theme_examples (theme_id, annotation_uuid, position) "
                              "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", &example, error))
        return FALSE;
    }
  return TRUE;
}

/* $1 UUID, $2 name … $8 color. */
static void
bind_theme (PlxPgParams *params,
            PlxTheme    *theme)
{
  _plx_pg_param_text (params, plx_theme_get_uuid (theme));
  _plx_pg_param_text (params, plx_theme_get_name (theme));
  _plx_pg_param_text (params, plx_theme_get_description (theme));
  _plx_pg_param_text (params, plx_theme_get_parent_uuid (theme));
  _plx_pg_param_int (params, MAX (plx_theme_get_revision (theme), 1));
  _plx_pg_param_text (params, plx_theme_get_inclusion (theme));
  _plx_pg_param_text (params, plx_theme_get_exclusion (theme));
  _plx_pg_param_text (params, plx_theme_get_color (theme));
}

static gboolean
no_theme (PlxTheme  *theme,
          GError   **error)
{
  g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"),
               plx_theme_get_uuid (theme));
  return FALSE;
}

/* A theme put back (undo) gets a new local id: its old one may be taken. */
static gboolean
insert_theme (PlxStore  *store,
              PlxTheme  *theme,
              GError   **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  bind_theme (&params, theme);
  result = _plx_pg_exec (self, "INSERT INTO themes (uuid, name, description, parent_id, revision, inclusion, "
                               "exclusion, color) VALUES ($1, $2, $3, (SELECT id FROM themes WHERE uuid = $4), "
                               "$5, $6, $7, $8) RETURNING id", &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  plx_theme_set_id (theme, _plx_pg_int (result, 0, 0));
  return write_theme_parts (self, theme, error);
}

static gboolean
update_theme (PlxStore  *store,
              PlxTheme  *theme,
              GError   **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  bind_theme (&params, theme);
  result = _plx_pg_exec (self, "UPDATE themes SET name = $2, description = $3, "
                               "parent_id = (SELECT id FROM themes WHERE uuid = $4), revision = $5, "
                               "inclusion = $6, exclusion = $7, color = $8 WHERE uuid = $1 RETURNING id",
                         &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  if (PQntuples (result) == 0)
    return no_theme (theme, error);
  plx_theme_set_id (theme, _plx_pg_int (result, 0, 0));
  return write_theme_parts (self, theme, error);
}

/* Its passages and children must have let go of it first (the core's
 * change set does that); its labels and examples go with it. */
static gboolean
delete_theme (PlxStore  *store,
              PlxTheme  *theme,
              GError   **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  _plx_pg_param_text (&params, plx_theme_get_uuid (theme));
  result = _plx_pg_exec (self, "DELETE FROM themes WHERE uuid = $1", &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  if (g_strcmp0 (PQcmdTuples (result), "1") != 0)
    return no_theme (theme, error);
  return TRUE;
}

/* ---- memos ---- */

static GPtrArray *
list_memos (PlxStore  *store,
            GError   **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(GPtrArray) memos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) citations = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(PGresult) rows = NULL;
  g_autoptr(PGresult) cited = NULL;
  GHashTableIter iter;
  gpointer key, value;

  rows = _plx_pg_exec (self, "SELECT m.id, m.uuid, m.kind, m.target_uuid, m.title, m.body, a.name, m.created, "
                             "m.modified, m.revision FROM memos m LEFT JOIN annotators a ON a.id = m.author_id "
                             "ORDER BY m.created COLLATE \"C\", m.id", NULL, error);
  if (rows == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (rows); row++)
    {
      PlxMemoKind kind = PLX_MEMO_FREE;
      gint64 id = _plx_pg_int (rows, row, 0);
      PlxMemo *memo;

      plx_memo_kind_from_string (_plx_pg_text (rows, row, 2), &kind);
      memo = plx_memo_new (_plx_pg_text (rows, row, 1), kind, _plx_pg_text (rows, row, 3));
      plx_memo_set_id (memo, id);
      plx_memo_set_title (memo, _plx_pg_text (rows, row, 4));
      plx_memo_set_body (memo, _plx_pg_text (rows, row, 5));
      plx_memo_set_author (memo, _plx_pg_text (rows, row, 6));
      plx_memo_set_created (memo, _plx_pg_text (rows, row, 7));
      plx_memo_set_modified (memo, _plx_pg_text (rows, row, 8));
      plx_memo_set_revision (memo, (guint) _plx_pg_int (rows, row, 9));
      g_ptr_array_add (memos, memo);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), memo);
    }

  cited = _plx_pg_exec (self, "SELECT memo_id, annotation_uuid FROM memo_citations ORDER BY memo_id, position",
                        NULL, error);
  if (cited == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (cited); row++)
    {
      gint64 id = _plx_pg_int (cited, row, 0);
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
      g_ptr_array_add (list, g_strdup (_plx_pg_text (cited, row, 1)));
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

/* No row changed: the memo is not there, or the server's policies keep
 * this connection from changing it (another coder's). */
static gboolean
no_memo (PlxPgStore  *self,
         PlxMemo     *memo,
         GError     **error)
{
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  _plx_pg_param_text (&params, plx_memo_get_uuid (memo));
  result = _plx_pg_exec (self, "SELECT 1 FROM memos WHERE uuid = $1", &params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) > 0)
    g_set_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY,
                 _("The team server %s refused: only its author or a lead may change the memo %s"),
                 self->location, plx_memo_get_uuid (memo));
  else
    g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no memo %s in this project"),
                 plx_memo_get_uuid (memo));
  return FALSE;
}

static gboolean
write_citations (PlxPgStore  *self,
                 PlxMemo     *memo,
                 GError     **error)
{
  const char * const *cited = plx_memo_get_citations (memo);
  PlxPgParams params = { 0, };

  _plx_pg_param_int (&params, plx_memo_get_id (memo));
  if (!_plx_pg_run (self, "DELETE FROM memo_citations WHERE memo_id = $1", &params, error))
    return FALSE;
  for (guint i = 0; cited[i] != NULL; i++)
    {
      PlxPgParams citation = { 0, };

      _plx_pg_param_int (&citation, plx_memo_get_id (memo));
      _plx_pg_param_text (&citation, cited[i]);
      _plx_pg_param_int (&citation, i);
      if (!_plx_pg_run (self, "INSERT INTO memo_citations (memo_id, annotation_uuid, position) "
                              "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", &citation, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_memo (PlxStore  *store,
            PlxMemo   *memo,
            gboolean   replace,
            GError   **error)
{
  PlxPgStore *self = STORE (store);
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };
  gint64 author;

  if (!_plx_pg_annotator_id (self, plx_memo_get_author (memo), &author, error))
    return FALSE;
  _plx_pg_param_text (&params, plx_memo_get_uuid (memo));
  _plx_pg_param_text (&params, plx_memo_kind_to_string (plx_memo_get_kind (memo)));
  _plx_pg_param_text (&params, plx_memo_get_target_uuid (memo));
  _plx_pg_param_text (&params, plx_memo_get_title (memo));
  _plx_pg_param_text (&params, plx_memo_get_body (memo));
  if (author != 0)
    _plx_pg_param_int (&params, author);
  else
    _plx_pg_param_text (&params, NULL);
  _plx_pg_param_text (&params, plx_memo_get_created (memo));
  _plx_pg_param_text (&params, plx_memo_get_modified (memo));
  _plx_pg_param_int (&params, MAX (plx_memo_get_revision (memo), 1));
  if (replace)
    result = _plx_pg_exec (self, "UPDATE memos SET kind = $2, target_uuid = $3, title = $4, body = $5, "
                                 "author_id = $6, created = $7, modified = $8, revision = $9 "
                                 "WHERE uuid = $1 RETURNING id", &params, error);
  else
    result = _plx_pg_exec (self, "INSERT INTO memos (uuid, kind, target_uuid, title, body, author_id, created, "
                                 "modified, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                           &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  if (PQntuples (result) == 0)
    return no_memo (self, memo, error);
  plx_memo_set_id (memo, _plx_pg_int (result, 0, 0));
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
  PlxPgStore *self = STORE (store);
  g_autoptr(PGresult) result = NULL;
  PlxPgParams params = { 0, };

  _plx_pg_param_text (&params, plx_memo_get_uuid (memo));
  result = _plx_pg_exec (self, "DELETE FROM memos WHERE uuid = $1", &params, error);
  if (result == NULL)
    return FALSE;
  self->wrote = TRUE;
  if (g_strcmp0 (PQcmdTuples (result), "1") != 0)
    return no_memo (self, memo, error);
  return TRUE;
}

void
_plx_pg_codebook_init (PlxStoreInterface *iface)
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
