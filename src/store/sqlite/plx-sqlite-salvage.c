/* plx-sqlite-salvage.c: when a project is damaged, SQLite can often still read
 * most of it. Salvage opens the damaged file read-only, reads every table
 * as far as it can, forwards and then backwards from the end (so one bad
 * page costs only the rows on it), and writes what it read into a new
 * project through the ordinary API, which checks every annotation against
 * its text again. The damaged file is never written.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <stdlib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include "plx-error.h"
#include "plx-project-private.h"
#include "plx-salvage.h"
#include "plx-sqlite-store-private.h"
#include "plx-text.h"

typedef struct {
  gint64  id;
  char   *name;
  char   *color;
  int     position;
} PerspectiveRow;

typedef struct {
  gint64  id;
  char   *title;
  char   *format;
  char   *source;
  gsize   source_bytes;
  /* Version 3 keeps the text as it was read, and its structure. */
  char   *uuid;
  char   *text;
  GBytes *blocks;
  char   *content_hash;
  /* Version 4 keeps where it came from. */
  GBytes *locators;
  GBytes *original;
  char   *original_name;
  char   *original_sha256;
  char   *reader;
  guint   reader_version;
  char   *added;
  char   *meta[PLX_DOCUMENT_N_META];
} DocumentRow;

typedef struct {
  char   *uuid;
  gint64  document_id;
  gint64  perspective_id;
  gint64  start;
  gint64  end;
  char   *quote;
  char   *note;
  char   *author;
  gint64  creator_id;   /* version 3 names the author by annotator */
  char   *created;
  char   *modified;
  char   *themes_v1;    /* version 1 kept themes in a column */
} AnnotationRow;

typedef struct {
  gint64  theme_id;
  int     position;
} ThemeLink;

typedef struct {
  sqlite3          *db;
  int               version;
  PlxSalvageReport *report;
  GHashTable       *perspectives;  /* gint64 * → PerspectiveRow */
  GHashTable       *documents;     /* gint64 * → DocumentRow */
  GHashTable       *annotations;   /* uuid → AnnotationRow */
  GHashTable       *themes;        /* gint64 * → name */
  GHashTable       *annotators;    /* gint64 * → name */
  GHashTable       *links;         /* uuid → GArray of ThemeLink */
  GHashTable       *seen_links;    /* "uuid/theme id" */
} Salvage;

typedef void (*RowFunc) (Salvage *s, sqlite3_stmt *stmt);

static void
perspective_row_free (gpointer data)
{
  PerspectiveRow *row = data;

  g_free (row->name);
  g_free (row->color);
  g_free (row);
}

static void
document_row_free (gpointer data)
{
  DocumentRow *row = data;

  g_free (row->title);
  g_free (row->format);
  g_free (row->source);
  g_free (row->uuid);
  g_free (row->text);
  g_clear_pointer (&row->blocks, g_bytes_unref);
  g_free (row->content_hash);
  g_clear_pointer (&row->locators, g_bytes_unref);
  g_clear_pointer (&row->original, g_bytes_unref);
  g_free (row->original_name);
  g_free (row->original_sha256);
  g_free (row->reader);
  g_free (row->added);
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    g_free (row->meta[m]);
  g_free (row);
}

static void
annotation_row_free (gpointer data)
{
  AnnotationRow *row = data;

  g_free (row->uuid);
  g_free (row->quote);
  g_free (row->note);
  g_free (row->author);
  g_free (row->created);
  g_free (row->modified);
  g_free (row->themes_v1);
  g_free (row);
}

void
plx_salvage_report_free (PlxSalvageReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_free (report);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

G_GNUC_PRINTF (2, 3)
static void
problem (Salvage    *s,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (s->report->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Reads every row forwards; if a damaged page stops it, reads again from
 * the other end, so only the rows between the two stops are missed. The
 * row functions ignore rows they already have. */
static void
scan (Salvage    *s,
      const char *table,
      const char *forward,
      const char *backward,
      RowFunc     func)
{
  const char *passes[] = { forward, backward };

  for (guint pass = 0; pass < G_N_ELEMENTS (passes); pass++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (s->db, passes[pass], -1, &stmt, NULL) != SQLITE_OK)
        {
          problem (s, _("The table “%s” cannot be read: %s"), table, sqlite3_errmsg (s->db));
          s->report->complete = FALSE;
          sqlite3_finalize (stmt);
          return;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        func (s, stmt);
      if (rc == SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return;
        }
      if (pass == 0)
        problem (s, _("Reading the table “%s” stopped at a damaged part: %s"), table, sqlite3_errmsg (s->db));
      s->report->complete = FALSE;
      sqlite3_finalize (stmt);
    }
}

static void
read_perspective (Salvage      *s,
                  sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  PerspectiveRow *row;

  if (g_hash_table_contains (s->perspectives, &id))
    return;
  row = g_new0 (PerspectiveRow, 1);
  row->id = id;
  row->name = column_dup (stmt, 1);
  row->color = column_dup (stmt, 2);
  row->position = sqlite3_column_int (stmt, 3);
  g_hash_table_insert (s->perspectives, new_id (id), row);
}

/* Version 4's columns, the first eight as version 3's. */
#define DOCUMENT_V4_COLUMNS \
  "id, title, format, source, text, blocks, content_hash, uuid, locators, original, original_name, " \
  "original_sha256, reader, reader_version, added, author, date, url, language"

static void
read_document (Salvage      *s,
               sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  DocumentRow *row;

  if (g_hash_table_contains (s->documents, &id))
    return;
  row = g_new0 (DocumentRow, 1);
  row->id = id;
  row->title = column_dup (stmt, 1);
  row->format = column_dup (stmt, 2);
  row->source = g_strndup ((const char *) sqlite3_column_text (stmt, 3), (gsize) sqlite3_column_bytes (stmt, 3));
  row->source_bytes = row->source ? (gsize) sqlite3_column_bytes (stmt, 3) : 0;
  if (s->version >= 3 && sqlite3_column_type (stmt, 4) == SQLITE_TEXT)
    {
      row->text = g_strndup ((const char *) sqlite3_column_text (stmt, 4), (gsize) sqlite3_column_bytes (stmt, 4));
      row->blocks = g_bytes_new (sqlite3_column_blob (stmt, 5), (gsize) sqlite3_column_bytes (stmt, 5));
      row->content_hash = column_dup (stmt, 6);
      row->uuid = column_dup (stmt, 7);
    }
  if (s->version >= 4 && sqlite3_column_count (stmt) > 8)
    {
      if (sqlite3_column_type (stmt, 8) == SQLITE_BLOB)
        row->locators = g_bytes_new (sqlite3_column_blob (stmt, 8), (gsize) sqlite3_column_bytes (stmt, 8));
      if (sqlite3_column_type (stmt, 9) == SQLITE_BLOB)
        row->original = g_bytes_new (sqlite3_column_blob (stmt, 9), (gsize) sqlite3_column_bytes (stmt, 9));
      row->original_name = column_dup (stmt, 10);
      row->original_sha256 = column_dup (stmt, 11);
      row->reader = column_dup (stmt, 12);
      row->reader_version = (guint) sqlite3_column_int (stmt, 13);
      row->added = column_dup (stmt, 14);
      for (int m = 0; m < PLX_DOCUMENT_N_META; m++)
        row->meta[m] = column_dup (stmt, 15 + m);
    }
  g_hash_table_insert (s->documents, new_id (id), row);
}

static void
read_theme (Salvage      *s,
            sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  if (!g_hash_table_contains (s->themes, &id) && sqlite3_column_text (stmt, 1) != NULL)
    g_hash_table_insert (s->themes, new_id (id), column_dup (stmt, 1));
}

static void
read_annotator (Salvage      *s,
                sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  if (!g_hash_table_contains (s->annotators, &id) && sqlite3_column_text (stmt, 1) != NULL)
    g_hash_table_insert (s->annotators, new_id (id), column_dup (stmt, 1));
}

static void
read_link (Salvage      *s,
           sqlite3_stmt *stmt)
{
  const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
  ThemeLink link = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2) };
  g_autofree char *key = NULL;
  GArray *links;

  if (uuid == NULL)
    return;
  key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, uuid, link.theme_id);
  if (!g_hash_table_add (s->seen_links, g_steal_pointer (&key)))
    return;
  links = g_hash_table_lookup (s->links, uuid);
  if (links == NULL)
    {
      links = g_array_new (FALSE, FALSE, sizeof (ThemeLink));
      g_hash_table_insert (s->links, g_strdup (uuid), links);
    }
  g_array_append_val (links, link);
}

static void
read_annotation (Salvage      *s,
                 sqlite3_stmt *stmt)
{
  const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
  AnnotationRow *row;

  if (uuid == NULL || g_hash_table_contains (s->annotations, uuid))
    return;
  row = g_new0 (AnnotationRow, 1);
  row->uuid = g_strdup (uuid);
  row->document_id = sqlite3_column_int64 (stmt, 1);
  row->perspective_id = sqlite3_column_int64 (stmt, 2);
  row->start = sqlite3_column_int64 (stmt, 3);
  row->end = sqlite3_column_int64 (stmt, 4);
  row->quote = column_dup (stmt, 5);
  row->note = column_dup (stmt, 6);
  if (s->version >= 3)
    row->creator_id = sqlite3_column_int64 (stmt, 7);
  else
    row->author = column_dup (stmt, 7);
  row->created = column_dup (stmt, 8);
  row->modified = column_dup (stmt, 9);
  if (s->version < 2)
    row->themes_v1 = column_dup (stmt, 10);
  g_hash_table_insert (s->annotations, row->uuid, row);
}

static void
read_all (Salvage *s)
{
  scan (s, "perspectives",
        "SELECT id, name, color, position FROM perspectives ORDER BY id",
        "SELECT id, name, color, position FROM perspectives ORDER BY id DESC",
        read_perspective);
  if (s->version >= 4)
    scan (s, "documents",
          "SELECT " DOCUMENT_V4_COLUMNS " FROM documents ORDER BY id",
          "SELECT " DOCUMENT_V4_COLUMNS " FROM documents ORDER BY id DESC",
          read_document);
  if (s->version >= 3)
    {
      scan (s, "documents",
            "SELECT id, title, format, source, text, blocks, content_hash, uuid FROM documents ORDER BY id",
            "SELECT id, title, format, source, text, blocks, content_hash, uuid FROM documents ORDER BY id DESC",
            read_document);
      scan (s, "annotators",
            "SELECT id, name FROM annotators ORDER BY id",
            "SELECT id, name FROM annotators ORDER BY id DESC",
            read_annotator);
    }
  else
    scan (s, "documents",
          "SELECT id, title, format, source FROM documents ORDER BY id",
          "SELECT id, title, format, source FROM documents ORDER BY id DESC",
          read_document);
  if (s->version >= 3)
    scan (s, "annotations",
          "SELECT uuid, document_id, perspective_id, start_offset, end_offset, quote, note, creator_id, created, modified "
          "FROM annotations ORDER BY uuid",
          "SELECT uuid, document_id, perspective_id, start_offset, end_offset, quote, note, creator_id, created, modified "
          "FROM annotations ORDER BY uuid DESC",
          read_annotation);
  if (s->version >= 2)
    {
      scan (s, "themes",
            "SELECT id, name FROM themes ORDER BY id",
            "SELECT id, name FROM themes ORDER BY id DESC",
            read_theme);
      scan (s, "annotation_themes",
            "SELECT annotation_uuid, theme_id, position FROM annotation_themes ORDER BY annotation_uuid, theme_id",
            "SELECT annotation_uuid, theme_id, position FROM annotation_themes ORDER BY annotation_uuid DESC, theme_id DESC",
            read_link);
      if (s->version == 2)
        scan (s, "annotations",
              "SELECT uuid, document_id, perspective_id, start_offset, end_offset, quote, note, author, created, modified "
              "FROM annotations ORDER BY uuid",
              "SELECT uuid, document_id, perspective_id, start_offset, end_offset, quote, note, author, created, modified "
              "FROM annotations ORDER BY uuid DESC",
              read_annotation);
    }
  else
    scan (s, "annotations",
          "SELECT uuid, document_id, perspective_id, start_offset, end_offset, quote, note, author, created, modified, themes "
          "FROM annotations ORDER BY uuid",
          "SELECT uuid, document_id, perspective_id, start_offset, end_offset, quote, note, author, created, modified, themes "
          "FROM annotations ORDER BY uuid DESC",
          read_annotation);
}

static int
pragma_int (sqlite3    *db,
            const char *sql,
            gboolean   *ok)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;

  *ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW;
  if (*ok)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Read-only first, which still sees changes waiting in the write-ahead log;
 * if that cannot even read the schema (a damaged log, or no way to share
 * memory with it), or the log is not the project's own (plx-sqlite-log.c),
 * immutable, which reads the main file alone; then @log_problem says why
 * the log was left out. */
static sqlite3 *
open_damaged (const char  *path,
              int         *version,
              char       **log_problem,
              GError     **error)
{
  static const char *modes[] = { "mode=ro", "mode=ro&immutable=1" };
  g_autofree char *last_message = NULL;
  g_autofree char *real = realpath (path, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("%s does not exist or is not a file"), path);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *uri = _plx_sqlite_file_uri (path, modes[i]);
      sqlite3 *db = NULL;
      gboolean ok;
      int application_id;

      if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
        {
          g_free (last_message);
          last_message = g_strdup (db ? sqlite3_errmsg (db) : "out of memory");
          sqlite3_close (db);
          continue;
        }
      application_id = pragma_int (db, "PRAGMA application_id", &ok);
      if (ok)
        *version = pragma_int (db, "PRAGMA user_version", &ok);
      if (ok)
        pragma_int (db, "SELECT count(*) FROM sqlite_schema", &ok);
      if (!ok)
        {
          g_free (last_message);
          last_message = g_strdup (sqlite3_errmsg (db));
          sqlite3_close (db);
          continue;
        }
      if ((guint32) application_id != PLX_PROJECT_APPLICATION_ID)
        {
          sqlite3_close (db);
          g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_A_PROJECT,
                       _("%s is not a Parallax project; there is nothing to salvage"), path);
          return NULL;
        }
      if (*version > PLX_PROJECT_SCHEMA_VERSION)
        {
          sqlite3_close (db);
          g_set_error (error, PLX_ERROR, PLX_ERROR_NEWER_VERSION,
                       _("%s was saved by a newer Parallax (project format %d); update Parallax to open it"),
                       path, *version);
          return NULL;
        }
      if (i == 0 && real != NULL && _plx_sqlite_log_waiting (real))
        {
          g_autoptr(GError) log_error = NULL;

          if (!_plx_sqlite_check_log (db, real, path, &log_error))
            {
              sqlite3_close (db);
              g_free (last_message);
              last_message = g_strdup (log_error->message);
              /* Translators: %s says why, e.g. "x.parallax was not opened: the log … belongs to another project. …" */
              *log_problem = g_strdup_printf (_("The log beside the project was not read: %s"), log_error->message);
              continue;
            }
        }
      return db;
    }

  g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
               _("Nothing can be read from %s: %s"), path, last_message ? last_message : "");
  return NULL;
}

static int
compare_perspective_rows (gconstpointer a,
                          gconstpointer b)
{
  const PerspectiveRow *x = *(PerspectiveRow * const *) a;
  const PerspectiveRow *y = *(PerspectiveRow * const *) b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_document_rows (gconstpointer a,
                       gconstpointer b)
{
  const DocumentRow *x = *(DocumentRow * const *) a;
  const DocumentRow *y = *(DocumentRow * const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_annotation_rows (gconstpointer a,
                         gconstpointer b)
{
  const AnnotationRow *x = *(AnnotationRow * const *) a;
  const AnnotationRow *y = *(AnnotationRow * const *) b;

  if (x->document_id != y->document_id)
    return x->document_id < y->document_id ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return g_strcmp0 (x->uuid, y->uuid);
}

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const ThemeLink *x = a;
  const ThemeLink *y = b;

  return x->position - y->position;
}

static GPtrArray *
sorted_values (GHashTable   *table,
               GCompareFunc  compare)
{
  GPtrArray *values = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (values, value);
  g_ptr_array_sort (values, compare);
  return values;
}

/* The new project starts with the default perspectives; the salvaged ones
 * take their place, keeping names, colours and order. */
static void
write_perspectives (Salvage     *s,
                    PlxProject  *project,
                    GHashTable  *ids)
{
  g_autoptr(GPtrArray) rows = sorted_values (s->perspectives, compare_perspective_rows);
  g_autoptr(GPtrArray) defaults = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = plx_project_get_perspectives (project);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (defaults, g_list_model_get_item (model, i));

  for (guint i = 0; i < rows->len; i++)
    {
      PerspectiveRow *row = g_ptr_array_index (rows, i);
      g_autofree char *fallback = g_strdup_printf (_("Perspective %lld"), (long long) row->id);
      PlxPerspective *perspective = plx_project_find_perspective_by_name (project, row->name ? row->name : fallback);
      g_autoptr(GError) error = NULL;

      if (perspective != NULL)
        {
          guint index;

          plx_project_recolor_perspective (project, plx_perspective_get_id (perspective), row->color, NULL);
          if (g_ptr_array_find (defaults, perspective, &index))
            g_ptr_array_remove_index (defaults, index);
        }
      else
        {
          perspective = _plx_project_add_perspective_as (project, row->name ? row->name : fallback, row->color, NULL, NULL);
          if (perspective == NULL)
            perspective = _plx_project_add_perspective_as (project, fallback, NULL, NULL, &error);
        }
      if (perspective == NULL)
        {
          problem (s, _("Perspective %lld could not be copied: %s"), (long long) row->id, error->message);
          continue;
        }
      g_hash_table_insert (ids, new_id (row->id), new_id (plx_perspective_get_id (perspective)));
      s->report->perspectives++;
    }

  /* Defaults the damaged project did not have go, unless nothing of its
   * perspectives could be read at all. */
  if (s->report->perspectives > 0)
    for (guint i = 0; i < defaults->len; i++)
      plx_project_remove_perspective (project, plx_perspective_get_id (g_ptr_array_index (defaults, i)), 0, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      PerspectiveRow *row = g_ptr_array_index (rows, i);
      gint64 *new = g_hash_table_lookup (ids, &row->id);

      if (new != NULL)
        plx_project_move_perspective (project, *new, MIN (i, g_list_model_get_n_items (model) - 1), NULL);
    }
}

static void
write_documents (Salvage     *s,
                 PlxProject  *project,
                 GHashTable  *documents)
{
  g_autoptr(GPtrArray) rows = sorted_values (s->documents, compare_document_rows);

  for (guint i = 0; i < rows->len; i++)
    {
      DocumentRow *row = g_ptr_array_index (rows, i);
      PlxDocumentFormat format = PLX_DOCUMENT_FORMAT_PLAIN;
      g_autoptr(PlxDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      plx_document_format_from_string (row->format, &format);
      if (row->text != NULL)
        document = plx_document_new_from_stored (row->title, format,
                                                 row->source ? g_strndup (row->source, row->source_bytes) : NULL,
                                                 g_strdup (row->text),
                                                 g_bytes_get_data (row->blocks, NULL), g_bytes_get_size (row->blocks),
                                                 row->content_hash, &error);
      else if (row->source != NULL)
        document = plx_document_new_from_data (row->source, row->source_bytes, format, row->title, &error);
      else
        g_set_error_literal (&error, PLX_ERROR, PLX_ERROR_CORRUPT, _("its text is missing"));
      if (document != NULL && row->title != NULL && *row->title != '\0')
        plx_document_set_title (document, row->title);
      if (document != NULL && plx_text_is_uuid (row->uuid))
        plx_document_set_uuid (document, row->uuid);
      if (document != NULL && row->reader != NULL)
        {
          g_autoptr(GError) locators_error = NULL;

          /* Where it came from: damaged locators are left behind, the
           * document is not. */
          if (row->locators != NULL &&
              !plx_document_set_stored_locators (document, g_bytes_get_data (row->locators, NULL),
                                                 g_bytes_get_size (row->locators), &locators_error))
            problem (s, _("Document %lld lost its page and time marks: %s"), (long long) row->id,
                     locators_error->message);
          plx_document_set_original (document, row->original);
          plx_document_set_original_name (document, row->original_name);
          plx_document_set_original_sha256 (document, row->original_sha256);
          plx_document_set_reader (document, row->reader, row->reader_version);
          plx_document_set_added (document, row->added);
          for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
            plx_document_set_meta (document, m, row->meta[m]);
        }
      if (document == NULL || !plx_project_add_document (project, document, &error))
        {
          problem (s, _("Document %lld could not be copied: %s"), (long long) row->id, error->message);
          continue;
        }
      g_hash_table_insert (documents, new_id (row->id), g_object_ref (document));
      s->report->documents++;
    }
}

static void
set_themes (Salvage       *s,
            AnnotationRow *row,
            PlxAnnotation *annotation)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_auto(GStrv) v1 = NULL;
  GArray *links = g_hash_table_lookup (s->links, row->uuid);

  if (row->themes_v1 != NULL)
    {
      v1 = g_strsplit (row->themes_v1, "\x1f", -1);
      for (guint i = 0; v1[i] != NULL; i++)
        if (*v1[i] != '\0')
          g_ptr_array_add (names, v1[i]);
    }
  else if (links != NULL)
    {
      g_array_sort (links, compare_links);
      for (guint i = 0; i < links->len; i++)
        {
          const char *name = g_hash_table_lookup (s->themes, &g_array_index (links, ThemeLink, i).theme_id);
          if (name != NULL)
            g_ptr_array_add (names, (gpointer) name);
        }
    }
  g_ptr_array_add (names, NULL);
  plx_annotation_set_themes (annotation, (const char * const *) names->pdata);
}

static gint64
perspective_for (Salvage     *s,
                 PlxProject  *project,
                 GHashTable  *perspectives,
                 gint64       old_id)
{
  gint64 *id = g_hash_table_lookup (perspectives, &old_id);
  g_autofree char *name = NULL;
  PlxPerspective *perspective;

  if (id != NULL)
    return *id;
  /* Its perspective was on a damaged page: keep the passage under a
   * stand-in the user can rename. */
  name = g_strdup_printf (_("Recovered perspective %lld"), (long long) old_id);
  perspective = plx_project_find_perspective_by_name (project, name);
  if (perspective == NULL)
    perspective = _plx_project_add_perspective_as (project, name, NULL, NULL, NULL);
  if (perspective == NULL)
    return 0;
  s->report->perspectives++;
  g_hash_table_insert (perspectives, new_id (old_id), new_id (plx_perspective_get_id (perspective)));
  return plx_perspective_get_id (perspective);
}

static void
write_annotations (Salvage     *s,
                   PlxProject  *project,
                   GHashTable  *perspectives,
                   GHashTable  *documents)
{
  g_autoptr(GPtrArray) rows = sorted_values (s->annotations, compare_annotation_rows);

  for (guint i = 0; i < rows->len; i++)
    {
      AnnotationRow *row = g_ptr_array_index (rows, i);
      PlxDocument *document = g_hash_table_lookup (documents, &row->document_id);
      g_autoptr(PlxAnnotation) annotation = NULL;
      g_autoptr(GError) error = NULL;
      gint64 perspective_id;

      if (document == NULL)
        {
          problem (s, _("Annotation %s is lost: its document (%lld) could not be read"),
                   row->uuid, (long long) row->document_id);
          s->report->annotations_lost++;
          continue;
        }
      perspective_id = perspective_for (s, project, perspectives, row->perspective_id);
      if (row->start >= 0 && row->end >= 0 && row->start <= G_MAXUINT && row->end <= G_MAXUINT)
        annotation = plx_annotation_new_for_range (document, (guint) row->start, (guint) row->end, perspective_id, &error);
      else
        g_set_error_literal (&error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE, _("its offsets are damaged"));
      if (annotation != NULL && g_strcmp0 (row->quote, plx_annotation_get_quote (annotation)) != 0)
        {
          g_clear_object (&annotation);
          g_set_error_literal (&error, PLX_ERROR, PLX_ERROR_QUOTE_MISMATCH,
                               _("its quote no longer matches the text at its offsets"));
        }
      if (annotation != NULL)
        {
          plx_annotation_set_uuid (annotation, row->uuid);
          set_themes (s, row, annotation);
          plx_annotation_set_note (annotation, row->note ? row->note : "");
          if (row->author == NULL)
            row->author = g_strdup (g_hash_table_lookup (s->annotators, &row->creator_id));
          plx_annotation_set_author (annotation, row->author ? row->author : "");
          if (plx_text_is_iso8601 (row->created) && plx_text_is_iso8601 (row->modified))
            plx_annotation_set_times (annotation, row->created, row->modified);
        }
      if (annotation == NULL || !plx_project_add_annotation (project, annotation, &error))
        {
          problem (s, _("Annotation %s is lost: %s"), row->uuid, error->message);
          s->report->annotations_lost++;
          continue;
        }
      s->report->annotations++;
    }
}

static void
remove_project_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/**
 * plx_project_salvage:
 * @damaged_path: a project that plx_project_open() refused as damaged
 * @new_path: where to create the new project; must not exist
 * @error: set when nothing could be read, or the new project not written
 *
 * Copies every document, perspective and annotation that can still be
 * read from @damaged_path into a new project at @new_path. The damaged
 * file is opened read-only and is not changed. Annotations are checked
 * against their document's text as on any import; those whose document
 * or offsets are damaged are counted as lost and named in the report.
 *
 * Returns: (transfer full): the counts, or %NULL with @error set (then
 * no file is left at @new_path)
 */
PlxSalvageReport *
plx_project_salvage (const char  *damaged_path,
                     const char  *new_path,
                     GError     **error)
{
  g_autoptr(PlxSalvageReport) report = g_new0 (PlxSalvageReport, 1);
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GHashTable) perspective_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  Salvage s = { 0, };
  g_autofree char *log_problem = NULL;
  gboolean written;

  g_return_val_if_fail (damaged_path != NULL, NULL);
  g_return_val_if_fail (new_path != NULL, NULL);

  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->complete = TRUE;
  if (g_file_test (new_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                   _("%s already exists; choose another name for the salvaged project"), new_path);
      return NULL;
    }

  s.db = open_damaged (damaged_path, &s.version, &log_problem, error);
  if (s.db == NULL)
    return NULL;
  s.report = report;
  if (log_problem != NULL)
    problem (&s, "%s", log_problem);
  s.perspectives = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, perspective_row_free);
  s.documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, document_row_free);
  s.annotations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, annotation_row_free);
  s.themes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  s.annotators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  s.links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  s.seen_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  read_all (&s);
  sqlite3_close (s.db);

  project = plx_project_create (new_path, error);
  written = project != NULL && _plx_project_begin (project, error);
  if (written)
    {
      write_perspectives (&s, project, perspective_ids);
      write_documents (&s, project, documents);
      write_annotations (&s, project, perspective_ids, documents);
      written = _plx_project_commit (project, error);
    }

  g_hash_table_unref (s.perspectives);
  g_hash_table_unref (s.documents);
  g_hash_table_unref (s.annotations);
  g_hash_table_unref (s.themes);
  g_hash_table_unref (s.annotators);
  g_hash_table_unref (s.links);
  g_hash_table_unref (s.seen_links);

  if (!written)
    {
      gboolean created = project != NULL;

      g_clear_object (&project);
      if (created)
        remove_project_files (new_path);
      return NULL;
    }
  return g_steal_pointer (&report);
}
