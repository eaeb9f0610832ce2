/* plx-sqlite-copy.c: the project file as others will read it: every
 * committed change moved into the file itself, and whole copies of it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-sqlite-store-private.h"

/* Pages copied between two looks at the cancellable: about 4 MB. */
#define COPY_STEP_PAGES 1024
/* How long a copy waits for a writer that holds the file: 10 s. */
#define COPY_BUSY_TRIES 1000
#define COPY_BUSY_WAIT_US 10000
#define CHECKPOINT_WAIT_MS 250

/* Committed changes wait in the write-ahead log until SQLite moves them
 * into the file; until then, copying the .parallax file alone (to a USB
 * stick, into an e-mail) leaves them behind. TRUNCATE also empties the
 * log, so nothing is left in it to be confused with newer changes. */
gboolean
_plx_sqlite_checkpoint (PlxStore  *store,
                        GError   **error)
{
  PlxSqliteStore *self = PLX_SQLITE_STORE (store);
  int rc;

  /* A read-only project has no changes of ours to move. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    return TRUE;
  if (self->depth > 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("Cannot write %s into one file while changes are being made"), self->path);
      return FALSE;
    }
  /* It waits for readers of older states to finish (another program's
   * export, say), but only briefly: it runs as a window closes. Given up,
   * it has still moved what it could, and the last connection to close
   * moves the rest. */
  sqlite3_busy_timeout (self->db, CHECKPOINT_WAIT_MS);
  rc = sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  sqlite3_busy_timeout (self->db, PLX_SQLITE_BUSY_TIMEOUT_MS);
  return rc == SQLITE_OK || _plx_sqlite_error (self, error);
}

static gboolean
copy_failed (const char  *path,
             const char  *message,
             GError     **error)
{
  g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("Cannot write a copy to %s: %s"), path, message);
  return FALSE;
}

/* Through SQLite's backup API, which copies the pages as last committed
 * and starts over if another connection commits meanwhile: the copy is
 * one consistent state of the project, never a mix. It keeps the
 * project's identity (a copy is the same project, to be merged back). */
gboolean
_plx_sqlite_save_copy (PlxStore      *store,
                       const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  PlxSqliteStore *self = PLX_SQLITE_STORE (store);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  guint busy = 0;
  gboolean ok = FALSE;
  int rc;

  if (sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      copy_failed (path, copy != NULL ? sqlite3_errmsg (copy) : g_strerror (ENOMEM), error);
      goto out;
    }
  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  if (backup == NULL)
    {
      copy_failed (path, sqlite3_errmsg (copy), error);
      goto out;
    }
  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_backup_finish (backup);
          goto out;
        }
      rc = sqlite3_backup_step (backup, COPY_STEP_PAGES);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          if (++busy == COPY_BUSY_TRIES)
            break;
          g_usleep (COPY_BUSY_WAIT_US);
        }
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  /* finish() reports failed writes, but not a copy given up half-way. */
  if (sqlite3_backup_finish (backup) != SQLITE_OK || rc != SQLITE_DONE)
    {
      copy_failed (path, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? _("another program kept the project busy")
                                                                  : sqlite3_errmsg (copy), error);
      goto out;
    }
  ok = TRUE;

out:
  if (sqlite3_close (copy) != SQLITE_OK && ok)
    ok = copy_failed (path, sqlite3_errmsg (copy), error);
  return ok;
}

/* A copy handed out for coding apart starts without the annotations. They
 * go without tombstones: nothing was deleted, and a merge of the copy back
 * must not take them out of the project. The caller holds a transaction. */
gboolean
_plx_sqlite_purge_annotations (PlxStore  *store,
                               GError   **error)
{
  PlxSqliteStore *self = PLX_SQLITE_STORE (store);

  return _plx_sqlite_run (self, "DELETE FROM annotation_themes", error) &&
         _plx_sqlite_run (self, "DELETE FROM annotations", error);
}
