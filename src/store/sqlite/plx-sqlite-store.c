/* plx-sqlite-store.c: the connection, its transactions and its checks.
 * The rows themselves are read and written in plx-sqlite-rows.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/statvfs.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "plx-error.h"
#include "plx-sqlite-store-private.h"


static void plx_sqlite_store_iface_init (PlxStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlxSqliteStore, plx_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PLX_TYPE_STORE, plx_sqlite_store_iface_init))

/* Whether the folder of @path has no room left for even a few pages. */
static gboolean
folder_is_full (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs st;

  return statvfs (dir, &st) == 0 && (guint64) st.f_bavail * st.f_frsize < 64 * 1024;
}

gboolean
_plx_sqlite_error (PlxSqliteStore  *self,
                   GError         **error)
{
  int code = sqlite3_errcode (self->db);
  PlxError plx_code = PLX_ERROR_STORAGE;
  int system_errno;

  /* SQLite says "database or disk is full" when a write to a file came
   * up short, but "disk I/O error" when growing its shared memory, syncing
   * or truncating failed for want of space: all mean the same to the
   * person who has to free some. The errno SQLite keeps is that of a
   * failed statement, not of a failed commit, so the errno the step left
   * and the folder's free space are asked too. */
  system_errno = sqlite3_system_errno (self->db);
  if (system_errno == 0)
    system_errno = self->step_errno;
  self->step_errno = 0;
  if ((code & 0xff) == SQLITE_FULL ||
      ((code & 0xff) == SQLITE_IOERR &&
       (system_errno == ENOSPC || system_errno == EDQUOT || folder_is_full (self->path))))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("The disk is full: could not save the changes to %s"), self->path);
      return FALSE;
    }

  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      plx_code = PLX_ERROR_CORRUPT;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      plx_code = PLX_ERROR_READ_ONLY;
      break;
    default:
      break;
    }
  /* Worded like check_integrity's verdict: a file cut on a page boundary
   * gets past it and only fails here, and should read the same. */
  if (plx_code == PLX_ERROR_CORRUPT)
    g_set_error (error, PLX_ERROR, plx_code, _("%s is damaged: %s"), self->path, sqlite3_errmsg (self->db));
  else
    g_set_error (error, PLX_ERROR, plx_code, _("%s: %s"), self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

/* Statements are prepared once and kept, keyed by their (static) SQL text:
 * tagging is the hot path and re-parsing SQL each time would show. */
sqlite3_stmt *
_plx_sqlite_statement (PlxSqliteStore  *self,
                       const char      *sql,
                       GError         **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_plx_sqlite_step_done (PlxSqliteStore  *self,
                       sqlite3_stmt    *stmt,
                       GError         **error)
{
  int rc;

  errno = 0;
  rc = sqlite3_step (stmt);
  /* What the failed system call said, for _plx_sqlite_error(). */
  self->step_errno = rc != SQLITE_DONE && rc != SQLITE_ROW ? errno : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _plx_sqlite_error (self, error);
  return TRUE;
}

const char *
_plx_sqlite_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

/* Steps a delete by UUID; *@found says whether there was such a row (the
 * core checks first, so none is a stale change set). */
gboolean
_plx_sqlite_step_delete (PlxSqliteStore  *self,
                         sqlite3_stmt    *stmt,
                         gboolean        *found,
                         GError         **error)
{
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;
  *found = sqlite3_changes (self->db) == 1;
  return TRUE;
}

/* Steps an insert, or an update by UUID, that returns the row's id;
 * *@id is 0 when the update found no such row. */
gboolean
_plx_sqlite_step_returning_id (PlxSqliteStore  *self,
                               sqlite3_stmt    *stmt,
                               gint64          *id,
                               GError         **error)
{
  int rc = sqlite3_step (stmt);

  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _plx_sqlite_error (self, error);
  return TRUE;
}

gboolean
_plx_sqlite_run (PlxSqliteStore  *self,
                 const char      *sql,
                 GError         **error)
{
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, sql, error);

  return stmt != NULL && _plx_sqlite_step_done (self, stmt, error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
plx_sqlite_store_finalize (GObject *object)
{
  PlxSqliteStore *self = (PlxSqliteStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (plx_sqlite_store_parent_class)->finalize (object);
}

static void
plx_sqlite_store_class_init (PlxSqliteStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plx_sqlite_store_finalize;
}

static void
plx_sqlite_store_init (PlxSqliteStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

/* ---- transactions ---- */

/* Nested levels become savepoints. */
static gboolean
store_begin (PlxStore  *store,
             GError   **error)
{
  PlxSqliteStore *self = PLX_SQLITE_STORE (store);

  if (!_plx_sqlite_run (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested", error))
    return FALSE;
  if (self->depth == 0)
    self->changes_at_begin = sqlite3_total_changes64 (self->db);
  self->depth++;
  return TRUE;
}

static void
store_rollback (PlxStore *store)
{
  PlxSqliteStore *self = PLX_SQLITE_STORE (store);

  if (self->depth == 0)
    return;
  if (self->depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
  self->depth--;
}

static gboolean
store_commit (PlxStore  *store,
              GError   **error)
{
  PlxSqliteStore *self = PLX_SQLITE_STORE (store);

  g_return_val_if_fail (self->depth > 0, FALSE);

  /* Every commit that changed the project leaves its mark in the meta
   * table, so that a log can be told from another (plx-sqlite-log.c). */
  if (self->depth == 1 && sqlite3_total_changes64 (self->db) != self->changes_at_begin &&
      !_plx_sqlite_stamp_commit (self, error))
    {
      store_rollback (store);
      return FALSE;
    }
  if (!_plx_sqlite_run (self, self->depth == 1 ? "COMMIT" : "RELEASE nested", error))
    {
      store_rollback (store);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

static guint
store_get_depth (PlxStore *store)
{
  return PLX_SQLITE_STORE (store)->depth;
}

/* A 2 MiB page cache holds what tagging touches, the upper levels of the
 * tables and indexes; a window that kept every page it had read (the whole
 * document, every annotation) would hold the whole file. An 8 MiB cache
 * tagged no faster on a 20,000-annotation book, and cost 6 MB.
 * Annotations are keyed by random UUIDs, so a large import touches pages
 * all over the tables: with a small cache it would spill dirty pages to
 * the log over and over, so imports get 64 MiB. */
static gboolean
set_page_cache (PlxSqliteStore  *self,
                gboolean         bulk,
                GError         **error)
{
  if (bulk)
    return _plx_sqlite_run (self, "PRAGMA cache_size = -65536", error);
  return _plx_sqlite_run (self, "PRAGMA cache_size = -2048", error);
}

static void
store_set_bulk (PlxStore *store,
                gboolean  bulk)
{
  g_autoptr(GError) error = NULL;

  /* Only speed depends on it, so a failure is not worth reporting. */
  if (!set_page_cache (PLX_SQLITE_STORE (store), bulk, &error))
    g_debug ("Could not resize the page cache: %s", error->message);
}

static gboolean
read_data_version (PlxSqliteStore  *self,
                   gint64          *version,
                   GError         **error)
{
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "PRAGMA data_version", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _plx_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Whether another connection committed since the last call; cheap when
 * nothing did, so it can be polled. */
static gboolean
store_poll_external (PlxStore  *store,
                     gboolean  *changed,
                     GError   **error)
{
  PlxSqliteStore *self = PLX_SQLITE_STORE (store);
  gint64 version;

  *changed = FALSE;
  if (self->depth > 0)
    return TRUE;
  if (!read_data_version (self, &version, error))
    return FALSE;
  *changed = version != self->data_version;
  self->data_version = version;
  return TRUE;
}

static const char *
store_get_location (PlxStore *store)
{
  return PLX_SQLITE_STORE (store)->path;
}

/* ---- checks ---- */

static gboolean
check_integrity (PlxSqliteStore  *self,
                 GError         **error)
{
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "PRAGMA quick_check", error);
  g_autofree char *verdict = NULL;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _plx_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  verdict = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (g_strcmp0 (verdict, "ok") != 0)
    {
      /* The verdict can run to hundreds of lines ("*** in database main
       * ***", then one per bad page); the first problem says enough. */
      g_auto(GStrv) lines = g_strsplit (verdict ? verdict : "", "\n", -1);
      const char *first = NULL;

      for (guint i = 0; lines[i] != NULL && first == NULL; i++)
        if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], "***"))
          first = lines[i];
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("%s is damaged: %s"), self->path, first ? first : _("the database failed its integrity check"));
      return FALSE;
    }
  return TRUE;
}

/* SQLite's full check and the foreign keys; the project checks the rows'
 * meaning (quotes against texts) itself. */
static gboolean
store_check (PlxStore  *store,
             GString   *report,
             GError   **error)
{
  PlxSqliteStore *self = PLX_SQLITE_STORE (store);
  sqlite3_stmt *stmt;
  guint problems = 0;
  int rc;

  stmt = _plx_sqlite_statement (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        {
          g_string_append_printf (report, "integrity: %s\n", line);
          problems++;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _plx_sqlite_error (self, error);

  stmt = _plx_sqlite_statement (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append_printf (report, "foreign key: row %" G_GINT64_FORMAT " of %s points to a missing row of %s\n",
                              (gint64) sqlite3_column_int64 (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 2));
      problems++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _plx_sqlite_error (self, error);
  if (!_plx_sqlite_compare_schema (self->db, self->path, report, NULL))
    problems++;
  return problems == 0;
}

/* ---- opening ---- */

static PlxSqliteStore *
open_database (const char  *path,
               int          flags,
               GError     **error)
{
  g_autoptr(PlxSqliteStore) self = g_object_new (PLX_TYPE_SQLITE_STORE, NULL);

  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, PLX_SQLITE_BUSY_TIMEOUT_MS);
  if (!_plx_sqlite_register_search (self->db, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* WAL with synchronous=NORMAL: a committed change survives the process
 * being killed; only a power cut can lose the last moments. Each nested
 * savepoint keeps a sub-journal of the pages it changes, which belongs in
 * memory rather than in a temporary file. Foreign keys are enforced only
 * after the migrations: one that rebuilds a table must not cascade. */
static gboolean
configure (PlxSqliteStore  *self,
           gboolean         wal,
           GError         **error)
{
  return (!wal || _plx_sqlite_run (self, "PRAGMA journal_mode = WAL", error)) &&
         _plx_sqlite_run (self, "PRAGMA synchronous = NORMAL", error) &&
         set_page_cache (self, FALSE, error) &&
         _plx_sqlite_run (self, "PRAGMA temp_store = MEMORY", error) &&
         _plx_sqlite_migrate (self->db, PLX_PROJECT_SCHEMA_VERSION, error) &&
         _plx_sqlite_run (self, "PRAGMA foreign_keys = ON", error) &&
         read_data_version (self, &self->data_version, error);
}

/**
 * plx_sqlite_store_open:
 * @check: whether to run SQLite's quick check over the whole file first
 *
 * Opens the project file at @path, upgrading its schema if it is older.
 * A file that is not a project comes out byte for byte unchanged.
 */
PlxStore *
plx_sqlite_store_open (const char  *path,
                       gboolean     check,
                       GError     **error)
{
  g_autoptr(PlxSqliteStore) self = NULL;
  g_autofree char *real = NULL;
  const char *file;
  gboolean log_waiting;

  g_return_val_if_fail (path != NULL, NULL);

  /* SQLite will not open a database through a symbolic link (its log
   * must sit beside the real file, where every opener finds it), so the
   * link is followed here; messages still name the path given. */
  real = realpath (path, NULL);
  file = real != NULL ? real : path;
  if (!_plx_sqlite_check_header (file, error) || !_plx_sqlite_check_writable (file, error))
    return NULL;
  self = open_database (file, SQLITE_OPEN_READWRITE, error);
  if (self == NULL)
    return NULL;
  g_free (self->path);
  self->path = g_strdup (path);
  /* A connection closed normally copies the log into the file and
   * deletes it: a refused open would write into the very file it refused,
   * and lose the log that salvage could still have read. Until the open
   * has succeeded, closing leaves both as they were. */
  log_waiting = _plx_sqlite_log_waiting (file);
  if (log_waiting)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if ((log_waiting && !_plx_sqlite_check_log (self->db, file, path, error)) ||
      (check && !check_integrity (self, error)) ||
      !_plx_sqlite_compare_schema (self->db, self->path, NULL, error) ||
      !configure (self, TRUE, error))
    return NULL;
  /* A clean close leaves no log behind. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  _plx_sqlite_remove_stale_temporaries (file);
  return PLX_STORE (g_steal_pointer (&self));
}

static gboolean
read_user_version (PlxSqliteStore  *self,
                   gint64          *version,
                   GError         **error)
{
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _plx_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* A project that this user cannot write (a read-only file, or a folder
 * where the log cannot be made) can still be read.
 *
 * When no log waits beside the file, it is opened immutable: SQLite then
 * reads the file alone, takes no locks and creates no -wal or -shm, which
 * a read-only folder would not allow anyway (and in a writable folder
 * would be left behind, as a read-only connection cannot remove them).
 * Immutable is safe only while nobody writes the file, and nobody can be
 * writing it now: a writer keeps its changes in a log beside the file,
 * and there is none. One that starts while we read writes into a new log;
 * the file itself changes only when that log is checkpointed, after 1,000
 * pages or when the writer closes, so a command that reads for a moment
 * sees the file as it was.
 *
 * When a log waits, it holds committed changes that the file lacks, so
 * the file is opened read-only through SQLite's locks instead, which reads
 * the log (if it is the project's own). That needs the -shm beside it, as
 * a writer leaves it; without it SQLite cannot read the log, and says so.
 *
 * Nothing is upgraded: an older project format needs writing first. */
static PlxStore *
open_read_only (const char  *file,
                const char  *path,
                GError     **error)
{
  g_autoptr(PlxSqliteStore) self = NULL;
  gboolean log_waiting = _plx_sqlite_log_waiting (file);
  g_autofree char *uri = _plx_sqlite_file_uri (file, log_waiting ? "mode=ro" : "mode=ro&immutable=1");
  g_autoptr(GError) local_error = NULL;
  gint64 version = 0;

  self = open_database (uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
  if (self == NULL)
    return NULL;
  g_free (self->path);
  self->path = g_strdup (path);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (log_waiting && !_plx_sqlite_check_log (self->db, file, path, error))
    return NULL;
  if (!read_user_version (self, &version, &local_error))
    {
      int code = sqlite3_errcode (self->db) & 0xff;

      if (log_waiting && (code == SQLITE_CANTOPEN || code == SQLITE_READONLY))
        g_set_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY,
                     _("%s cannot be read here: changes wait in its log %s-wal, which can be read only with "
                       "the file %s-shm beside it, and the folder is read-only"), path, path, path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (
      !check_integrity (self, error) ||
      !_plx_sqlite_compare_schema (self->db, self->path, NULL, error))
    return NULL;
  if (version < PLX_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY,
                   _("%s is read-only and was saved in an older project format (%d); "
                     "Parallax has to write it once to bring it up to date"),
                   path, (int) version);
      return NULL;
    }
  if (!set_page_cache (self, FALSE, error) ||
      !_plx_sqlite_run (self, "PRAGMA temp_store = MEMORY", error) ||
      !read_data_version (self, &self->data_version, error))
    return NULL;
  return PLX_STORE (g_steal_pointer (&self));
}

/**
 * plx_sqlite_store_open_for_reading:
 *
 * Opens the project at @path as plx_sqlite_store_open() does when it can
 * be written; when it cannot, read-only (see open_read_only()), and then
 * every change is refused with %PLX_ERROR_READ_ONLY.
 */
PlxStore *
plx_sqlite_store_open_for_reading (const char  *path,
                                   GError     **error)
{
  g_autofree char *real = NULL;
  const char *file;

  g_return_val_if_fail (path != NULL, NULL);

  real = realpath (path, NULL);
  file = real != NULL ? real : path;
  if (!_plx_sqlite_check_header (file, error))
    return NULL;
  if (_plx_sqlite_check_writable (file, NULL))
    return plx_sqlite_store_open (path, TRUE, error);
  return open_read_only (file, path, error);
}

/* The file was checked when @store was opened, so it is not checked
 * again: the check reads the whole file, 40 ms for a 17 MB project, and a
 * worker loading a document would wait for it. */
static PlxStore *
store_open_another (PlxStore  *store,
                    GError   **error)
{
  return plx_sqlite_store_open (PLX_SQLITE_STORE (store)->path, FALSE, error);
}

/**
 * plx_sqlite_store_create:
 * @perspectives: (element-type PlxPerspective): the perspectives a new
 *   project starts with
 *
 * Makes a new project file at @path. It is built under a temporary name
 * and renamed into place, so a failure never leaves a half-made project.
 */
PlxStore *
plx_sqlite_store_create (const char  *path,
                         GPtrArray   *perspectives,
                         GError     **error)
{
  g_autoptr(PlxSqliteStore) building = NULL;
  g_autofree char *temp_path = NULL;
  char set_id[64];
  int lock_fd = -1;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (!_plx_sqlite_create_empty (path, &temp_path, &lock_fd, error))
    return NULL;

  building = open_database (temp_path, SQLITE_OPEN_READWRITE, error);
  g_snprintf (set_id, sizeof set_id, "PRAGMA application_id = %d", PLX_PROJECT_APPLICATION_ID);
  ok = building != NULL &&
       (sqlite3_exec (building->db, set_id, NULL, NULL, NULL) == SQLITE_OK || _plx_sqlite_error (building, error)) &&
       /* No log beside a file that is about to be renamed. */
       configure (building, FALSE, error) &&
       store_begin (PLX_STORE (building), error);
  for (guint i = 0; ok && perspectives != NULL && i < perspectives->len; i++)
    ok = plx_store_insert_perspective (PLX_STORE (building), g_ptr_array_index (perspectives, i), error);
  ok = ok && store_commit (PLX_STORE (building), error);
  g_clear_object (&building);

  if (!ok)
    {
      g_unlink (temp_path);
      close (lock_fd);
      return NULL;
    }
  /* The lock goes with the temporary name: renamed, the file is the
   * project, which nothing removes. */
  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;
      g_unlink (temp_path);
      close (lock_fd);
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("Cannot create %s: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  close (lock_fd);
  return plx_sqlite_store_open (path, TRUE, error);
}

static void
plx_sqlite_store_iface_init (PlxStoreInterface *iface)
{
  iface->get_location = store_get_location;
  iface->open_another = store_open_another;
  iface->begin = store_begin;
  iface->commit = store_commit;
  iface->rollback = store_rollback;
  iface->get_depth = store_get_depth;
  iface->set_bulk = store_set_bulk;
  iface->poll_external = store_poll_external;
  iface->check = store_check;
  iface->checkpoint = _plx_sqlite_checkpoint;
  iface->save_copy = _plx_sqlite_save_copy;
  iface->purge_annotations = _plx_sqlite_purge_annotations;
  _plx_sqlite_rows_init (iface);
  _plx_sqlite_codebook_init (iface);
  _plx_sqlite_attributes_init (iface);
  _plx_sqlite_search_init (iface);
}
