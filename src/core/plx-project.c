/* plx-project.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-project"

#include <inttypes.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "plx-error.h"
#include "plx-project-private.h"
#include "plx-text.h"

#define SQLITE_HEADER "SQLite format 3"
#define BUSY_TIMEOUT_MS 5000

struct _PlxProject
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* const char *sql → sqlite3_stmt */
  GListStore *perspectives;
  GHashTable *documents;    /* gint64 * → PlxDocument, loaded on demand */

  /* Nested transactions become savepoints; the changes they make are
   * announced only once the outermost one commits, so listeners never see
   * a change that was rolled back. */
  GArray     *marks;        /* pending->len at each open level */
  GPtrArray  *pending;      /* old, new, old, new… (either may be NULL) */

  /* SQLite bumps this when another connection commits: how the app sees
   * what parallax-cli (or another window) wrote. */
  gint64      data_version;
};

G_DEFINE_FINAL_TYPE (PlxProject, plx_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  ANNOTATION_CHANGED,
  EXTERNAL_CHANGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Okabe–Ito: told apart under the common colour-vision deficiencies. */
static const struct {
  const char *name;
  const char *color;
} default_perspectives[] = {
  { N_("Armenian"), "#E69F00" },
  { N_("Azerbaijani"), "#0072B2" },
  { N_("Western"), "#009E73" },
  { N_("Russian"), "#CC79A7" },
};

static const char *spare_colors[] = {
  "#56B4E9", "#D55E00", "#F0E442", "#000000",
};

static gboolean
set_sqlite_error (PlxProject  *self,
                  GError     **error)
{
  int code = sqlite3_errcode (self->db);
  PlxError plx_code = PLX_ERROR_STORAGE;

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
static sqlite3_stmt *
statement (PlxProject  *self,
           const char  *sql,
           GError     **error)
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
      set_sqlite_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
step_done (PlxProject    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, error);
  return TRUE;
}

static gboolean
run (PlxProject  *self,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *stmt = statement (self, sql, error);

  return stmt != NULL && step_done (self, stmt, error);
}

static gboolean load_perspectives (PlxProject  *self,
                                   GError     **error);

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
emit_changed (PlxProject    *self,
              PlxAnnotation *old,
              PlxAnnotation *new)
{
  if (self->marks->len > 0)
    {
      g_ptr_array_add (self->pending, old ? g_object_ref (old) : NULL);
      g_ptr_array_add (self->pending, new ? g_object_ref (new) : NULL);
      return;
    }
  g_signal_emit (self, signals[ANNOTATION_CHANGED], 0, old, new);
}

static void
flush_pending (PlxProject *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new_with_free_func (unref_if_set);
  for (guint i = 0; i + 1 < pending->len; i += 2)
    g_signal_emit (self, signals[ANNOTATION_CHANGED], 0,
                   g_ptr_array_index (pending, i), g_ptr_array_index (pending, i + 1));
}

gboolean
_plx_project_begin (PlxProject  *self,
                    GError     **error)
{
  guint mark = self->pending->len;

  if (!run (self, self->marks->len == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested", error))
    return FALSE;
  g_array_append_val (self->marks, mark);
  return TRUE;
}

gboolean
_plx_project_commit (PlxProject  *self,
                     GError     **error)
{
  g_return_val_if_fail (self->marks->len > 0, FALSE);

  if (!run (self, self->marks->len == 1 ? "COMMIT" : "RELEASE nested", error))
    {
      _plx_project_rollback (self);
      return FALSE;
    }
  g_array_set_size (self->marks, self->marks->len - 1);
  if (self->marks->len == 0)
    flush_pending (self);
  return TRUE;
}

void
_plx_project_rollback (PlxProject *self)
{
  guint mark;

  if (self->marks->len == 0)
    return;
  mark = g_array_index (self->marks, guint, self->marks->len - 1);
  g_ptr_array_set_size (self->pending, mark);
  if (self->marks->len == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
  g_array_set_size (self->marks, self->marks->len - 1);
}

/* Perspectives and documents added inside a transaction that was rolled
 * back stay in the in-memory caches; an importer that rolls back a whole
 * file calls this to bring them back in line with the file. */
void
_plx_project_reload (PlxProject *self)
{
  g_return_if_fail (PLX_IS_PROJECT (self));

  g_hash_table_remove_all (self->documents);
  load_perspectives (self, NULL);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
plx_project_finalize (GObject *object)
{
  PlxProject *self = (PlxProject *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->perspectives);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (plx_project_parent_class)->finalize (object);
}

static void
plx_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlxProject *self = PLX_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_project_class_init (PlxProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plx_project_finalize;
  object_class->get_property = plx_project_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlxProject::annotation-changed:
   * @old: (nullable): the annotation as it was, %NULL when one was added
   * @new: (nullable): the annotation as it is now, %NULL when one was deleted
   *
   * Emitted after the change is committed to the file.
   */
  signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PLX_TYPE_ANNOTATION, PLX_TYPE_ANNOTATION);

  /**
   * PlxProject::external-change:
   *
   * Emitted by plx_project_sync_external_changes() when another connection
   * (another process or window) committed changes; the perspectives have
   * been reloaded already, annotation lists should reload theirs.
   */
  signals[EXTERNAL_CHANGE] =
    g_signal_new ("external-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
plx_project_init (PlxProject *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
  self->perspectives = g_list_store_new (PLX_TYPE_PERSPECTIVE);
  self->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pending = g_ptr_array_new_with_free_func (unref_if_set);
}

/* Reads the first bytes of @path through SQLite's own file layer. A plain
 * open() and close() here would drop every POSIX lock this process holds
 * on the file, so another process could take the project for unused and
 * delete the write-ahead log under an open connection: committed work
 * would be lost. SQLite's layer keeps such descriptors open instead. */
static gboolean
read_header (const char  *path,
             guint8      *header,
             gsize        header_size,
             gsize       *n_read,
             guint64     *file_size,
             GError     **error)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  sqlite3_filename name = sqlite3_create_filename (path, "", "", 0, NULL);
  g_autofree sqlite3_file *file = g_malloc0 ((gsize) vfs->szOsFile);
  sqlite3_int64 size = 0;
  int flags = 0;
  int rc;

  if (name == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("Cannot open the project %s: out of memory"), path);
      return FALSE;
    }
  rc = vfs->xOpen (vfs, name, file, SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READONLY, &flags);
  if (rc != SQLITE_OK)
    {
      int saved_errno = errno;
      gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);

      if (file->pMethods != NULL)
        file->pMethods->xClose (file);
      sqlite3_free_filename (name);
      g_set_error (error, PLX_ERROR, exists ? PLX_ERROR_STORAGE : PLX_ERROR_NOT_FOUND,
                   _("Cannot open the project %s: %s"), path,
                   exists ? g_strerror (saved_errno) : _("there is no such file"));
      return FALSE;
    }

  rc = file->pMethods->xFileSize (file, &size);
  *n_read = rc == SQLITE_OK ? (gsize) MIN ((sqlite3_int64) header_size, MAX (size, 0)) : 0;
  if (rc == SQLITE_OK && *n_read > 0)
    rc = file->pMethods->xRead (file, header, (int) *n_read, 0);
  file->pMethods->xClose (file);
  sqlite3_free_filename (name);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("Cannot read the project %s"), path);
      return FALSE;
    }
  *file_size = (guint64) size;
  return TRUE;
}

/* Looks at the file's header before SQLite opens it as a database: a file
 * that is not ours must come out of this byte for byte unchanged, and
 * setting WAL mode on it would already write. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  guint8 header[100];
  gsize n_read = 0;
  guint64 file_size = 0;
  guint32 application_id;
  guint32 user_version;
  guint32 page_size;

  if (!read_header (path, header, sizeof header, &n_read, &file_size, error))
    return FALSE;

  if (n_read == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_A_PROJECT,
                   _("%s is not a Parallax project: the file is empty"), path);
      return FALSE;
    }
  if (n_read < sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_autofree char *content_type = g_content_type_guess (path, header, n_read, NULL);
      g_autofree char *description = g_content_type_get_description (content_type);

      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_A_PROJECT,
                   _("%s is not a Parallax project: it is a file of type “%s”, not a project database"),
                   path, description);
      return FALSE;
    }

  user_version = GUINT32_FROM_BE (*(guint32 *) (gpointer) (header + 60));
  application_id = GUINT32_FROM_BE (*(guint32 *) (gpointer) (header + 68));
  if (application_id != PLX_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_A_PROJECT,
                   _("%s is not a Parallax project: it is an SQLite database of another application"),
                   path);
      return FALSE;
    }
  if (user_version > PLX_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NEWER_VERSION,
                   _("%s was saved by a newer Parallax (project format %u; this version reads up to %d). "
                     "Update Parallax to open it."),
                   path, user_version, PLX_PROJECT_SCHEMA_VERSION);
      return FALSE;
    }

  /* SQLite reads a missing tail as zeros and its quick check does not look
   * inside records, so a file cut short can otherwise open with damaged
   * text. A database is always a whole number of pages. */
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size >= 512 && file_size % page_size != 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("%s is damaged: it ends in the middle of a page, as if it had been cut short"),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY,
                   _("%s is read-only; Parallax saves every change as it is made, so it needs to write the file"),
                   path);
      return FALSE;
    }
  /* WAL mode keeps its log beside the file. */
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY,
                   _("The folder %s is read-only; Parallax needs to write its journal beside the project"),
                   dir);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_perspectives (PlxProject  *self,
                   GError     **error)
{
  sqlite3_stmt *stmt = statement (self, "SELECT id, name, color, position FROM perspectives ORDER BY position, id", error);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (loaded, plx_perspective_new (sqlite3_column_int64 (stmt, 0),
                                                  (const char *) sqlite3_column_text (stmt, 1),
                                                  (const char *) sqlite3_column_text (stmt, 2),
                                                  sqlite3_column_int (stmt, 3)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);

  g_list_store_splice (self->perspectives, 0, g_list_model_get_n_items (G_LIST_MODEL (self->perspectives)),
                       loaded->pdata, loaded->len);
  return TRUE;
}

static gboolean
read_data_version (PlxProject  *self,
                   gint64      *version,
                   GError     **error)
{
  sqlite3_stmt *stmt = statement (self, "PRAGMA data_version", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Whether the perspectives in memory are those in the file, so that an
 * unrelated change elsewhere does not rebuild every panel. */
static gboolean
perspectives_match_database (PlxProject *self)
{
  sqlite3_stmt *stmt = statement (self, "SELECT id, name, color, position FROM perspectives ORDER BY position, id", NULL);
  GListModel *model = G_LIST_MODEL (self->perspectives);
  guint n = g_list_model_get_n_items (model);
  guint i = 0;
  gboolean same = TRUE;

  if (stmt == NULL)
    return FALSE;
  while (same && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(PlxPerspective) known = i < n ? g_list_model_get_item (model, i) : NULL;

      same = known != NULL &&
             plx_perspective_get_id (known) == sqlite3_column_int64 (stmt, 0) &&
             g_strcmp0 (plx_perspective_get_name (known), (const char *) sqlite3_column_text (stmt, 1)) == 0 &&
             g_strcmp0 (plx_perspective_get_color (known), (const char *) sqlite3_column_text (stmt, 2)) == 0 &&
             plx_perspective_get_position (known) == sqlite3_column_int (stmt, 3);
      i++;
    }
  sqlite3_reset (stmt);
  return same && i == n;
}

static gboolean
check_integrity (PlxProject  *self,
                 GError     **error)
{
  sqlite3_stmt *stmt = statement (self, "PRAGMA quick_check", error);
  g_autofree char *verdict = NULL;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (self, error);
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

static PlxProject *
open_database (const char  *path,
               int          flags,
               GError     **error)
{
  g_autoptr(PlxProject) self = g_object_new (PLX_TYPE_PROJECT, NULL);

  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return g_steal_pointer (&self);
}

/* A 2 MiB page cache holds what tagging touches, the upper levels of the
 * tables and indexes; a window that kept every page it had read (the whole
 * document, every annotation) would hold the whole file. An 8 MiB cache
 * tagged no faster on a 20,000-annotation book, and cost 6 MB.
 * Annotations are keyed by random UUIDs, so a large import touches pages
 * all over the tables: with a small cache it would spill dirty pages to
 * the log over and over, so imports get 64 MiB. */
static gboolean
set_page_cache (PlxProject  *self,
                gboolean     bulk,
                GError     **error)
{
  if (bulk)
    return run (self, "PRAGMA cache_size = -65536", error);
  return run (self, "PRAGMA cache_size = -2048", error);
}

/* WAL with synchronous=NORMAL: a committed change survives the process
 * being killed; only a power cut can lose the last moments. Each nested
 * savepoint keeps a sub-journal of the pages it changes, which belongs in
 * memory rather than in a temporary file. */
static gboolean
configure (PlxProject  *self,
           GError     **error)
{
  return run (self, "PRAGMA foreign_keys = ON", error) &&
         run (self, "PRAGMA journal_mode = WAL", error) &&
         run (self, "PRAGMA synchronous = NORMAL", error) &&
         set_page_cache (self, FALSE, error) &&
         run (self, "PRAGMA temp_store = MEMORY", error);
}

void
_plx_project_set_bulk (PlxProject *self,
                       gboolean    bulk)
{
  g_autoptr(GError) error = NULL;

  /* Only speed depends on it, so a failure is not worth reporting. */
  if (!set_page_cache (self, bulk, &error))
    g_debug ("Could not resize the page cache: %s", error->message);
}

static PlxProject *
open_project (const char  *path,
              gboolean     check,
              GError     **error)
{
  g_autoptr(PlxProject) self = NULL;

  if (!check_header (path, error) || !check_writable (path, error))
    return NULL;

  self = open_database (path, SQLITE_OPEN_READWRITE, error);
  if (self == NULL || (check && !check_integrity (self, error)) || !configure (self, error))
    return NULL;
  if (!_plx_project_migrate (self->db, PLX_PROJECT_SCHEMA_VERSION, error))
    return NULL;
  if (!load_perspectives (self, error) || !read_data_version (self, &self->data_version, error))
    return NULL;
  return g_steal_pointer (&self);
}

PlxProject *
plx_project_open (const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return open_project (path, TRUE, error);
}

/* ---- opening in a worker ---- */

typedef struct {
  char        *path;
  gint64       wanted_document;
  PlxProject  *project;
  PlxDocument *document;
} OpenJob;

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_free (job->path);
  g_clear_object (&job->project);
  g_clear_object (&job->document);
  g_free (job);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 shown;

  job->project = plx_project_open (job->path, &error);
  if (job->project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  summaries = plx_project_list_document_summaries (job->project, &error);
  if (summaries == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  shown = plx_document_summaries_pick (summaries, job->wanted_document);
  if (shown != 0 && !g_cancellable_is_cancelled (cancellable) &&
      (job->document = plx_project_load_document (job->project, shown, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * plx_project_open_async:
 * @wanted_document: the document to read with the project, if it has it;
 *   else the newest one is read
 *
 * Opens the project at @path as plx_project_open() does, and reads the
 * document that is to be shown, in a worker thread: an application can
 * do it while its toolkit starts. The project and the document are handed
 * to the main thread with plx_project_open_finish().
 */
void
plx_project_open_async (const char          *path,
                        gint64               wanted_document,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenJob *job = g_new0 (OpenJob, 1);

  g_return_if_fail (path != NULL);

  job->path = g_strdup (path);
  job->wanted_document = wanted_document;
  g_task_set_source_tag (task, plx_project_open_async);
  g_task_set_task_data (task, job, open_job_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * plx_project_open_finish:
 * @document: (out) (transfer full) (nullable): the document read, or
 *   %NULL when the project has none
 */
PlxProject *
plx_project_open_finish (GAsyncResult  *result,
                         PlxDocument  **document,
                         GError       **error)
{
  OpenJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  *document = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  *document = g_steal_pointer (&job->document);
  return g_steal_pointer (&job->project);
}

/* The document a window shows on opening a project: the one it showed
 * last time, else the newest. 0 when there is none. */
gint64
plx_document_summaries_pick (GArray *summaries,
                             gint64  wanted_document)
{
  gint64 shown = 0;

  g_return_val_if_fail (summaries != NULL, 0);

  for (guint i = 0; i < summaries->len; i++)
    {
      shown = g_array_index (summaries, PlxDocumentSummary, i).id;
      if (shown == wanted_document)
        break;
    }
  return shown;
}

/**
 * plx_project_open_another:
 * @self: a project opened with plx_project_open()
 *
 * Opens a second connection to the same file, for a worker thread. The
 * file was checked when @self was opened, so it is not checked again:
 * the check reads the whole file, 40 ms for a 17 MB project, and the
 * worker loading a document would wait for it.
 */
PlxProject *
plx_project_open_another (PlxProject  *self,
                          GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return open_project (self->path, FALSE, error);
}

/* Picks up what other connections committed since the last call. Returns
 * whether anything changed; cheap when nothing did, so it can be polled. */
gboolean
plx_project_sync_external_changes (PlxProject  *self,
                                   GError     **error)
{
  gint64 version;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  if (self->marks->len > 0 || !read_data_version (self, &version, error) || version == self->data_version)
    return FALSE;
  self->data_version = version;

  /* Documents are immutable once added, so cached ones stay valid. */
  if (!perspectives_match_database (self) && !load_perspectives (self, error))
    return FALSE;
  g_signal_emit (self, signals[EXTERNAL_CHANGE], 0);
  return TRUE;
}

static gboolean
seed (PlxProject  *self,
      GError     **error)
{
  char set_id[64];

  g_snprintf (set_id, sizeof set_id, "PRAGMA application_id = %d", PLX_PROJECT_APPLICATION_ID);
  if (sqlite3_exec (self->db, set_id, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error);
  if (!_plx_project_migrate (self->db, PLX_PROJECT_SCHEMA_VERSION, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (default_perspectives); i++)
    {
      sqlite3_stmt *stmt = statement (self, "INSERT INTO perspectives (name, color, position) VALUES (?1, ?2, ?3)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, _(default_perspectives[i].name), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, default_perspectives[i].color, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The new file is built under a temporary name and renamed into place, so
 * a failure never leaves a half-made project at @path. */
PlxProject *
plx_project_create (const char  *path,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr(PlxProject) building = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                   _("%s already exists; choose another name or open it"), path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  temp_path = g_strconcat (path, ".new-XXXXXX", NULL);
  fd = g_mkstemp (temp_path);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, PLX_ERROR, errno == EACCES || errno == EROFS ? PLX_ERROR_READ_ONLY : PLX_ERROR_STORAGE,
                   _("Cannot create %s: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  /* mkstemp makes the file private; a project is an ordinary document and
   * gets the permissions the user's umask gives new files. */
  {
    mode_t mask = umask (0);
    umask (mask);
    fchmod (fd, 0666 & ~mask);
  }
  close (fd);

  building = open_database (temp_path, SQLITE_OPEN_READWRITE, error);
  if (building == NULL || !seed (building, error))
    {
      g_clear_object (&building);
      g_unlink (temp_path);
      return NULL;
    }
  g_clear_object (&building);

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;
      g_unlink (temp_path);
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("Cannot create %s: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  return plx_project_open (path, error);
}

const char *
plx_project_get_path (PlxProject *self)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return self->path;
}

/* ---- perspectives ---- */

GListModel *
plx_project_get_perspectives (PlxProject *self)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->perspectives);
}

static guint
perspective_index (PlxProject *self,
                   gint64      id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), i);

      if (plx_perspective_get_id (perspective) == id)
        return i;
    }
  return G_MAXUINT;
}

PlxPerspective *
plx_project_find_perspective (PlxProject *self,
                              gint64      id)
{
  guint index;
  g_autoptr(PlxPerspective) perspective = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  index = perspective_index (self, id);
  if (index == G_MAXUINT)
    return NULL;
  perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), index);
  return perspective;  /* the store keeps it alive */
}

PlxPerspective *
plx_project_find_perspective_by_name (PlxProject *self,
                                      const char *name)
{
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  wanted = g_utf8_casefold (name, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), i);
      g_autofree char *folded = g_utf8_casefold (plx_perspective_get_name (perspective), -1);

      if (strcmp (folded, wanted) == 0)
        return perspective;
    }
  return NULL;
}

static gboolean
check_perspective_name (PlxProject  *self,
                        const char  *name,
                        gint64       except_id,
                        GError     **error)
{
  PlxPerspective *existing;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("A perspective needs a name"));
      return FALSE;
    }
  existing = plx_project_find_perspective_by_name (self, name);
  if (existing != NULL && plx_perspective_get_id (existing) != except_id)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                   _("There is already a perspective named “%s”"), plx_perspective_get_name (existing));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_color (const char  *color,
             GError     **error)
{
  if (!plx_perspective_color_is_valid (color))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a colour; write it as #rrggbb, for example #E69F00"),
                   color ? color : "");
      return FALSE;
    }
  return TRUE;
}

static const char *
next_spare_color (PlxProject *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));

  for (guint c = 0; c < G_N_ELEMENTS (spare_colors); c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(PlxPerspective) perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), i);
          used = g_ascii_strcasecmp (plx_perspective_get_color (perspective), spare_colors[c]) == 0;
        }
      if (!used)
        return spare_colors[c];
    }
  return spare_colors[n % G_N_ELEMENTS (spare_colors)];
}

PlxPerspective *
plx_project_add_perspective (PlxProject  *self,
                             const char  *name,
                             const char  *color,
                             GError     **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;
  guint position;
  PlxPerspective *perspective;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  trimmed = g_strstrip (g_strdup (name ? name : ""));
  if (color == NULL)
    color = next_spare_color (self);
  if (!check_perspective_name (self, trimmed, 0, error) || !check_color (color, error))
    return NULL;

  position = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));
  stmt = statement (self, "INSERT INTO perspectives (name, color, position) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, color, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) position);
  if (!step_done (self, stmt, error))
    return NULL;

  perspective = plx_perspective_new (sqlite3_last_insert_rowid (self->db), trimmed, color, (int) position);
  g_list_store_append (self->perspectives, perspective);
  g_object_unref (perspective);
  return perspective;
}

static PlxPerspective *
require_perspective (PlxProject  *self,
                     gint64       id,
                     GError     **error)
{
  PlxPerspective *perspective = plx_project_find_perspective (self, id);

  if (perspective == NULL)
    g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                 _("There is no perspective with id %" PRId64 " in this project"), id);
  return perspective;
}

gboolean
plx_project_rename_perspective (PlxProject  *self,
                                gint64       id,
                                const char  *name,
                                GError     **error)
{
  PlxPerspective *perspective;
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  trimmed = g_strstrip (g_strdup (name ? name : ""));
  if ((perspective = require_perspective (self, id, error)) == NULL ||
      !check_perspective_name (self, trimmed, id, error))
    return FALSE;

  stmt = statement (self, "UPDATE perspectives SET name = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  plx_perspective_set_name (perspective, trimmed);
  return TRUE;
}

gboolean
plx_project_recolor_perspective (PlxProject  *self,
                                 gint64       id,
                                 const char  *color,
                                 GError     **error)
{
  PlxPerspective *perspective;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  if ((perspective = require_perspective (self, id, error)) == NULL || !check_color (color, error))
    return FALSE;

  stmt = statement (self, "UPDATE perspectives SET color = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, color, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  plx_perspective_set_color (perspective, color);
  return TRUE;
}

static gboolean
write_positions (PlxProject  *self,
                 GError     **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), i);
      sqlite3_stmt *stmt = statement (self, "UPDATE perspectives SET position = ?1 WHERE id = ?2", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_int64 (stmt, 2, plx_perspective_get_id (perspective));
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
renumber_positions (PlxProject *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), i);
      plx_perspective_set_position (perspective, (int) i);
    }
}

gboolean
plx_project_move_perspective (PlxProject  *self,
                              gint64       id,
                              guint        position,
                              GError     **error)
{
  g_autoptr(PlxPerspective) perspective = NULL;
  guint index;
  guint n;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  if (require_perspective (self, id, error) == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));
  if (position >= n)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE,
                   _("Position %u is past the last perspective (%u)"), position, n - 1);
      return FALSE;
    }

  index = perspective_index (self, id);
  perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), index);
  g_list_store_remove (self->perspectives, index);
  g_list_store_insert (self->perspectives, position, perspective);

  if (!_plx_project_begin (self, error) || !write_positions (self, error) || !_plx_project_commit (self, error))
    {
      _plx_project_rollback (self);
      g_list_store_remove (self->perspectives, position);
      g_list_store_insert (self->perspectives, index, perspective);
      return FALSE;
    }
  renumber_positions (self);
  return TRUE;
}

/* Removing a perspective either hands its passages to another one or
 * deletes them (move_to_id == 0), all in one transaction. */
gboolean
plx_project_remove_perspective (PlxProject  *self,
                                gint64       id,
                                gint64       move_to_id,
                                GError     **error)
{
  PlxAnnotationQuery query = { 0, id, NULL };
  g_autoptr(GPtrArray) affected = NULL;
  sqlite3_stmt *stmt;
  guint index;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  if (require_perspective (self, id, error) == NULL)
    return FALSE;
  if (move_to_id != 0 && (move_to_id == id || require_perspective (self, move_to_id, error) == NULL))
    {
      if (move_to_id == id)
        g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                     _("Cannot move passages to the perspective that is being removed"));
      return FALSE;
    }

  affected = plx_project_list_annotations (self, &query, error);
  if (affected == NULL || !_plx_project_begin (self, error))
    return FALSE;

  if (move_to_id != 0)
    {
      g_autofree char *now = plx_text_now_iso8601 ();

      stmt = statement (self, "UPDATE annotations SET perspective_id = ?1, modified = ?3 WHERE perspective_id = ?2", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, move_to_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = statement (self, "DELETE FROM annotations WHERE perspective_id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
    }
  if (!step_done (self, stmt, error))
    goto fail;

  stmt = statement (self, "DELETE FROM perspectives WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    goto fail;

  index = perspective_index (self, id);
  g_list_store_remove (self->perspectives, index);
  if (!write_positions (self, error) || !_plx_project_commit (self, error))
    {
      _plx_project_rollback (self);
      load_perspectives (self, NULL);
      return FALSE;
    }
  renumber_positions (self);

  for (guint i = 0; i < affected->len; i++)
    {
      PlxAnnotation *old = g_ptr_array_index (affected, i);
      g_autoptr(PlxAnnotation) moved = NULL;

      if (move_to_id != 0)
        moved = plx_project_get_annotation (self, plx_annotation_get_uuid (old), NULL);
      emit_changed (self, old, moved);
    }
  return TRUE;

fail:
  _plx_project_rollback (self);
  return FALSE;
}

/* Puts back a perspective that was removed, with its id, name, colour and
 * place, so annotations that pointed at it can point at it again (undo). */
gboolean
plx_project_restore_perspective (PlxProject      *self,
                                 PlxPerspective  *snapshot,
                                 GError         **error)
{
  g_autoptr(PlxPerspective) restored = NULL;
  sqlite3_stmt *stmt;
  guint n;
  guint position;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PLX_IS_PERSPECTIVE (snapshot), FALSE);

  if (plx_project_find_perspective (self, plx_perspective_get_id (snapshot)) != NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                   _("The perspective “%s” is already in the project"), plx_perspective_get_name (snapshot));
      return FALSE;
    }
  if (!check_perspective_name (self, plx_perspective_get_name (snapshot), 0, error) ||
      !check_color (plx_perspective_get_color (snapshot), error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));
  position = MIN ((guint) plx_perspective_get_position (snapshot), n);
  restored = plx_perspective_new (plx_perspective_get_id (snapshot), plx_perspective_get_name (snapshot),
                                  plx_perspective_get_color (snapshot), (int) position);

  if (!_plx_project_begin (self, error))
    return FALSE;
  stmt = statement (self, "INSERT INTO perspectives (id, name, color, position) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plx_perspective_get_id (restored));
  sqlite3_bind_text (stmt, 2, plx_perspective_get_name (restored), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plx_perspective_get_color (restored), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, (int) position);
  if (!step_done (self, stmt, error))
    goto fail;

  g_list_store_insert (self->perspectives, position, restored);
  if (!write_positions (self, error) || !_plx_project_commit (self, error))
    {
      _plx_project_rollback (self);
      load_perspectives (self, NULL);
      return FALSE;
    }
  renumber_positions (self);
  return TRUE;

fail:
  _plx_project_rollback (self);
  return FALSE;
}

/* ---- documents ---- */

gboolean
plx_project_add_document (PlxProject   *self,
                          PlxDocument  *document,
                          GError      **error)
{
  g_autofree char *now = plx_text_now_iso8601 ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PLX_IS_DOCUMENT (document), FALSE);

  /* A document that already has an id is being put back (redo). */
  stmt = statement (self,
                    "INSERT INTO documents (id, title, format, source, content_hash, added) "
                    "VALUES (?6, ?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  if (plx_document_get_id (document) != 0)
    sqlite3_bind_int64 (stmt, 6, plx_document_get_id (document));
  sqlite3_bind_text (stmt, 1, plx_document_get_title (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, plx_document_format_to_string (plx_document_get_format (document)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, plx_document_get_source (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, plx_document_get_content_hash (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (self->db);
  plx_document_set_id (document, id);
  g_hash_table_insert (self->documents, g_memdup2 (&id, sizeof id), g_object_ref (document));
  return TRUE;
}

/* Removes a document and, with it, its passages. */
gboolean
plx_project_remove_document (PlxProject  *self,
                             gint64       id,
                             GError     **error)
{
  PlxAnnotationQuery query = { id, 0, NULL };
  g_autoptr(GPtrArray) passages = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  passages = plx_project_list_annotations (self, &query, error);
  if (passages == NULL)
    return FALSE;
  stmt = statement (self, "DELETE FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no document with id %" PRId64 " in this project"), id);
      return FALSE;
    }
  g_hash_table_remove (self->documents, &id);
  for (guint i = 0; i < passages->len; i++)
    emit_changed (self, g_ptr_array_index (passages, i), NULL);
  return TRUE;
}

PlxDocument *
plx_project_load_document (PlxProject  *self,
                           gint64       id,
                           GError     **error)
{
  PlxDocument *document;
  PlxDocumentFormat format = PLX_DOCUMENT_FORMAT_PLAIN;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  document = g_hash_table_lookup (self->documents, &id);
  if (document != NULL)
    return g_object_ref (document);

  stmt = statement (self, "SELECT title, format, source FROM documents WHERE id = ?1", error);
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
        set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  plx_document_format_from_string ((const char *) sqlite3_column_text (stmt, 1), &format);
  document = plx_document_new_from_data ((const char *) sqlite3_column_text (stmt, 2),
                                         (gsize) sqlite3_column_bytes (stmt, 2),
                                         format, NULL, &local_error);
  if (document == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("Document %" PRId64 " in %s is damaged: %s"), id, self->path, local_error->message);
      sqlite3_reset (stmt);
      return NULL;
    }
  plx_document_set_title (document, (const char *) sqlite3_column_text (stmt, 0));
  plx_document_set_id (document, id);
  sqlite3_reset (stmt);

  g_hash_table_insert (self->documents, g_memdup2 (&id, sizeof id), g_object_ref (document));
  return document;
}

static void
document_summary_clear (gpointer data)
{
  PlxDocumentSummary *summary = data;

  g_clear_pointer (&summary->title, g_free);
}

/* Ids and titles without touching any text (even length() would read a
 * book-length source through): what a document menu needs. */
GArray *
plx_project_list_document_summaries (PlxProject  *self,
                                     GError     **error)
{
  g_autoptr(GArray) summaries = g_array_new (FALSE, FALSE, sizeof (PlxDocumentSummary));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  g_array_set_clear_func (summaries, document_summary_clear);
  stmt = statement (self, "SELECT id, title FROM documents ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlxDocumentSummary summary = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
      };
      g_array_append_val (summaries, summary);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&summaries);
}

/* Takes a document parsed elsewhere (another thread, on its own
 * connection) into this project's cache, so it is not parsed twice. */
void
_plx_project_adopt_document (PlxProject  *self,
                             PlxDocument *document)
{
  gint64 id = plx_document_get_id (document);

  g_return_if_fail (PLX_IS_PROJECT (self));

  if (!g_hash_table_contains (self->documents, &id))
    g_hash_table_insert (self->documents, g_memdup2 (&id, sizeof id), g_object_ref (document));
}

GPtrArray *
plx_project_list_documents (PlxProject  *self,
                            GError     **error)
{
  g_autoptr(GArray) id_values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  stmt = statement (self, "SELECT id FROM documents ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (id_values, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < id_values->len; i++)
    {
      PlxDocument *document = plx_project_load_document (self, g_array_index (id_values, gint64, i), error);

      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
    }
  return g_steal_pointer (&documents);
}

/* ---- annotations ---- */

static gboolean
validate_annotation (PlxProject     *self,
                     PlxAnnotation  *annotation,
                     GError        **error)
{
  g_autoptr(PlxDocument) document = NULL;
  gint64 perspective_id = plx_annotation_get_perspective_id (annotation);

  if (!plx_text_is_uuid (plx_annotation_get_uuid (annotation)))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a UUID"), plx_annotation_get_uuid (annotation));
      return FALSE;
    }
  if (plx_project_find_perspective (self, perspective_id) == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                   _("There is no perspective with id %" PRId64 " in this project"), perspective_id);
      return FALSE;
    }
  if (!plx_text_is_iso8601 (plx_annotation_get_created (annotation)) ||
      !plx_text_is_iso8601 (plx_annotation_get_modified (annotation)))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("The annotation’s times “%s” and “%s” must be ISO 8601 date-times"),
                   plx_annotation_get_created (annotation), plx_annotation_get_modified (annotation));
      return FALSE;
    }
  document = plx_project_load_document (self, plx_annotation_get_document_id (annotation), error);
  return document != NULL && plx_annotation_check_text (annotation, document, error);
}

static gboolean
write_themes (PlxProject     *self,
              PlxAnnotation  *annotation,
              GError        **error)
{
  const char * const *themes = plx_annotation_get_themes (annotation);
  sqlite3_stmt *stmt = statement (self, "DELETE FROM annotation_themes WHERE annotation_uuid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; themes[i] != NULL; i++)
    {
      gint64 theme_id;

      stmt = statement (self,
                        "INSERT INTO themes (name) VALUES (?1) "
                        "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, themes[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          set_sqlite_error (self, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      theme_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      stmt = statement (self,
                        "INSERT INTO annotation_themes (annotation_uuid, theme_id, position) VALUES (?1, ?2, ?3)",
                        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, theme_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_annotation (sqlite3_stmt  *stmt,
                 PlxAnnotation *annotation)
{
  sqlite3_bind_text (stmt, 1, plx_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, plx_annotation_get_document_id (annotation));
  sqlite3_bind_int64 (stmt, 3, plx_annotation_get_perspective_id (annotation));
  sqlite3_bind_int64 (stmt, 4, plx_annotation_get_start (annotation));
  sqlite3_bind_int64 (stmt, 5, plx_annotation_get_end (annotation));
  sqlite3_bind_text (stmt, 6, plx_annotation_get_quote (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, plx_annotation_get_prefix (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, plx_annotation_get_suffix (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, plx_annotation_get_note (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, plx_annotation_get_author (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, plx_annotation_get_created (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, plx_annotation_get_modified (annotation), -1, SQLITE_TRANSIENT);
}

/* Writes one annotation and its themes in one transaction; @replace picks
 * between adding a new one and overwriting an existing one. */
static gboolean
write_annotation (PlxProject     *self,
                  PlxAnnotation  *annotation,
                  gboolean        replace,
                  GError        **error)
{
  sqlite3_stmt *stmt;

  if (!validate_annotation (self, annotation, error) || !_plx_project_begin (self, error))
    return FALSE;

  if (replace)
    stmt = statement (self,
                      "UPDATE annotations SET document_id = ?2, perspective_id = ?3, start_offset = ?4, "
                      "end_offset = ?5, quote = ?6, prefix = ?7, suffix = ?8, note = ?9, author = ?10, "
                      "created = ?11, modified = ?12 WHERE uuid = ?1", error);
  else
    stmt = statement (self,
                      "INSERT INTO annotations (uuid, document_id, perspective_id, start_offset, end_offset, "
                      "quote, prefix, suffix, note, author, created, modified) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    goto fail;
  bind_annotation (stmt, annotation);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                     _("An annotation with id %s is already in the project"), plx_annotation_get_uuid (annotation));
      else
        set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (replace && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no annotation with id %s in this project"), plx_annotation_get_uuid (annotation));
      goto fail;
    }

  if (!write_themes (self, annotation, error) || !_plx_project_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _plx_project_rollback (self);
  return FALSE;
}

gboolean
plx_project_add_annotation (PlxProject     *self,
                            PlxAnnotation  *annotation,
                            GError        **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PLX_IS_ANNOTATION (annotation), FALSE);

  if (!write_annotation (self, annotation, FALSE, error))
    return FALSE;
  emit_changed (self, NULL, annotation);
  return TRUE;
}

gboolean
plx_project_update_annotation (PlxProject     *self,
                               PlxAnnotation  *annotation,
                               GError        **error)
{
  g_autoptr(PlxAnnotation) old = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PLX_IS_ANNOTATION (annotation), FALSE);

  old = plx_project_get_annotation (self, plx_annotation_get_uuid (annotation), error);
  if (old == NULL || !write_annotation (self, annotation, TRUE, error))
    return FALSE;
  emit_changed (self, old, annotation);
  return TRUE;
}

gboolean
plx_project_delete_annotation (PlxProject  *self,
                               const char  *uuid,
                               GError     **error)
{
  g_autoptr(PlxAnnotation) old = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  old = plx_project_get_annotation (self, uuid, error);
  if (old == NULL)
    return FALSE;

  stmt = statement (self, "DELETE FROM annotations WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;
  emit_changed (self, old, NULL);
  return TRUE;
}

/* A PlxAnnotationQuery: ?1 document, ?2 perspective (0 for any), ?3 theme. */
#define ANNOTATION_FILTER \
  "WHERE (?1 = 0 OR a.document_id = ?1) AND (?2 = 0 OR a.perspective_id = ?2) " \
  "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM annotation_themes at JOIN themes t ON t.id = at.theme_id " \
  "  WHERE at.annotation_uuid = a.uuid AND lower(t.name) = lower(?3))) "

#define ANNOTATION_COLUMNS \
  "a.uuid, a.document_id, a.perspective_id, a.start_offset, a.end_offset, a.quote, a.prefix, " \
  "a.suffix, a.note, a.author, a.created, a.modified"

static PlxAnnotation *
annotation_from_row (sqlite3_stmt *stmt)
{
  PlxAnnotation *annotation = g_object_new (PLX_TYPE_ANNOTATION, NULL);

  plx_annotation_set_uuid (annotation, (const char *) sqlite3_column_text (stmt, 0));
  plx_annotation_set_document_id (annotation, sqlite3_column_int64 (stmt, 1));
  plx_annotation_set_perspective_id (annotation, sqlite3_column_int64 (stmt, 2));
  plx_annotation_set_selector (annotation,
                               (guint) sqlite3_column_int64 (stmt, 3),
                               (guint) sqlite3_column_int64 (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5),
                               (const char *) sqlite3_column_text (stmt, 6),
                               (const char *) sqlite3_column_text (stmt, 7));
  plx_annotation_set_note (annotation, (const char *) sqlite3_column_text (stmt, 8));
  plx_annotation_set_author (annotation, (const char *) sqlite3_column_text (stmt, 9));
  plx_annotation_set_times (annotation,
                            (const char *) sqlite3_column_text (stmt, 10),
                            (const char *) sqlite3_column_text (stmt, 11));
  return annotation;
}

/* Fills in the themes of every annotation in @annotations with one query
 * over the same filter, rather than one query per annotation. */
static gboolean
attach_themes (PlxProject               *self,
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

  stmt = statement (self,
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
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);

  g_hash_table_iter_init (&iter, themes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *names = value;

      g_ptr_array_add (names, NULL);
      plx_annotation_set_themes (g_hash_table_lookup (by_uuid, key), (const char * const *) names->pdata);
    }
  return TRUE;
}

GPtrArray *
plx_project_list_annotations (PlxProject                *self,
                              const PlxAnnotationQuery  *query,
                              GError                   **error)
{
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  stmt = statement (self,
                    "SELECT " ANNOTATION_COLUMNS " FROM annotations a " ANNOTATION_FILTER
                    "ORDER BY a.document_id, a.start_offset, a.end_offset DESC, a.uuid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, query ? query->document_id : 0);
  sqlite3_bind_int64 (stmt, 2, query ? query->perspective_id : 0);
  if (query != NULL && query->theme != NULL)
    sqlite3_bind_text (stmt, 3, query->theme, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (annotations, annotation_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  if (!attach_themes (self, query, annotations, error))
    return NULL;
  return g_steal_pointer (&annotations);
}

guint
plx_project_count_annotations (PlxProject                *self,
                               const PlxAnnotationQuery  *query,
                               GError                   **error)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (PLX_IS_PROJECT (self), 0);

  /* Counted by SQLite, not by building every annotation. */
  stmt = statement (self, "SELECT count(*) FROM annotations a " ANNOTATION_FILTER, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, query ? query->document_id : 0);
  sqlite3_bind_int64 (stmt, 2, query ? query->perspective_id : 0);
  if (query != NULL && query->theme != NULL)
    sqlite3_bind_text (stmt, 3, query->theme, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (self, error);
  sqlite3_reset (stmt);
  return count;
}

PlxAnnotation *
plx_project_get_annotation (PlxProject  *self,
                            const char  *uuid,
                            GError     **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  stmt = statement (self, "SELECT " ANNOTATION_COLUMNS " FROM annotations a WHERE a.uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_ptr_array_add (one, annotation_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no annotation with id %s in this project"), uuid);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  stmt = statement (self,
                    "SELECT t.name FROM annotation_themes at JOIN themes t ON t.id = at.theme_id "
                    "WHERE at.annotation_uuid = ?1 ORDER BY at.position", error);
  if (stmt == NULL)
    return NULL;
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      {
        set_sqlite_error (self, error);
        return NULL;
      }
    g_ptr_array_add (names, NULL);
    plx_annotation_set_themes (g_ptr_array_index (one, 0), (const char * const *) names->pdata);
  }
  return g_object_ref (g_ptr_array_index (one, 0));
}

/* Themes in use, most used first, for completion and filters. */
char **
plx_project_list_themes (PlxProject  *self,
                         GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  stmt = statement (self,
                    "SELECT t.name FROM themes t JOIN annotation_themes at ON at.theme_id = t.id "
                    "GROUP BY t.id ORDER BY count(*) DESC, t.name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_steal (names, NULL);
}

/* A full check: SQLite's own, the foreign keys, and that every stored quote
 * is still the text at its offsets. Problems go to @report; the return
 * value says whether there were none. */
gboolean
plx_project_check (PlxProject  *self,
                   GString     *report,
                   GError     **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  sqlite3_stmt *stmt;
  guint problems = 0;
  int rc;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  stmt = statement (self, "PRAGMA integrity_check", error);
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
    return set_sqlite_error (self, error);

  stmt = statement (self, "PRAGMA foreign_key_check", error);
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
    return set_sqlite_error (self, error);

  annotations = plx_project_list_annotations (self, NULL, error);
  if (annotations == NULL)
    return FALSE;
  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(GError) local_error = NULL;

      if (!validate_annotation (self, annotation, &local_error))
        {
          g_string_append_printf (report, "annotation %s: %s\n",
                                  plx_annotation_get_uuid (annotation), local_error->message);
          problems++;
        }
    }

  return problems == 0;
}
