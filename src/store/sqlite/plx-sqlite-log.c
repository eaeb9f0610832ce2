/* plx-sqlite-log.c: knowing whether the write-ahead log beside a project
 * belongs to it, before SQLite replays the log into the file.
 *
 * SQLite keeps nothing in a -wal file that ties it to its database: a log
 * left by a crash and a backup of yesterday's project restored beside it,
 * or a log copied from another project, are replayed into the file all the
 * same, which then holds a mixture of pages of two databases. So the
 * project keeps its own record, in two rows of its meta table that every
 * commit writes (see _plx_sqlite_stamp_commit):
 *
 *   commit-serial  counts the commits that changed the project;
 *   commit-token   is random, new at each commit.
 *
 * A log holds the commits made since it was last restarted, on top of the
 * file as it was then (its base); checkpoints copy a prefix of those
 * commits into the file. So for a log that belongs to the file, read with
 * the log (merged) and without it (file), with n the commits in the log:
 *
 *   merged.serial - n  <=  base.serial  <=  file.serial  <=  merged.serial
 *
 * and when file.serial = merged.serial the two views are the same commit,
 * so their tokens agree; and both name the same project-uuid. A backup
 * restored beside a newer log has a serial below the log's base; a log of
 * another project names another project-uuid, or a serial or token that
 * does not fit. A commit by another program does not bump the serial,
 * which only widens the range: foreign writers can make the check miss a
 * stray log, never refuse a log of the project's own.
 *
 * The check reads without writing: the merged view on a connection that
 * will not checkpoint when it is closed, the file alone through SQLite's
 * immutable mode. It holds a read transaction while it reads the file, so
 * that no checkpoint can copy into the file commits newer than the merged
 * view it compares with, and no writer can restart the log.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "plx-error.h"
#include "plx-sqlite-store-private.h"

#define WAL_MAGIC 0x377f0682u
#define WAL_HEADER_SIZE 32
#define WAL_FRAME_HEADER_SIZE 24

typedef struct {
  gboolean  readable;     /* the meta table could be read */
  char     *project_uuid;
  gint64    serial;       /* 0 before the first stamped commit */
  char     *token;
} Stamp;

static void
stamp_clear (Stamp *stamp)
{
  g_clear_pointer (&stamp->project_uuid, g_free);
  g_clear_pointer (&stamp->token, g_free);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The commits in the log at @wal_path: the frames that end a transaction
 * and carry the salts of the log's header (frames of an earlier run of the
 * log are left behind it when it restarts). Checksums are not verified,
 * so a torn last frame may be counted: that only widens the check. The
 * log is read with a plain descriptor: SQLite keeps no locks on it. */
static guint64
count_log_commits (const char *wal_path)
{
  guint8 header[WAL_HEADER_SIZE];
  guint8 frame[WAL_FRAME_HEADER_SIZE];
  guint64 commits = 0;
  guint32 page_size;
  struct stat st;
  off_t offset;
  int fd;

  /* Non-blocking, so that a FIFO in its place cannot hang the open. */
  fd = g_open (wal_path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    return 0;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) ||
      pread (fd, header, sizeof header, 0) != (ssize_t) sizeof header ||
      (be32 (header) & 0xfffffffeu) != WAL_MAGIC)
    {
      close (fd);
      return 0;
    }
  page_size = be32 (header + 8);
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      close (fd);
      return 0;
    }
  for (offset = WAL_HEADER_SIZE;
       pread (fd, frame, sizeof frame, offset) == (ssize_t) sizeof frame;
       offset += WAL_FRAME_HEADER_SIZE + page_size)
    {
      if (memcmp (frame + 8, header + 16, 8) != 0)
        break;
      if (be32 (frame + 4) != 0)
        commits++;
    }
  close (fd);
  return commits;
}

/* Whether a log with anything in it lies beside @file. */
gboolean
_plx_sqlite_log_waiting (const char *file)
{
  g_autofree char *wal_path = g_strconcat (file, "-wal", NULL);
  GStatBuf st;

  return g_lstat (wal_path, &st) == 0 && st.st_size > 0;
}

static void
read_stamp (sqlite3 *db,
            Stamp   *stamp)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  stamp->readable = FALSE;
  if (sqlite3_prepare_v2 (db, "SELECT key, value FROM meta "
                              "WHERE key IN ('project-uuid', 'commit-serial', 'commit-token')",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (key, "project-uuid") == 0)
        {
          g_free (stamp->project_uuid);
          stamp->project_uuid = g_strdup (value);
        }
      else if (g_strcmp0 (key, "commit-serial") == 0)
        stamp->serial = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
      else if (g_strcmp0 (key, "commit-token") == 0)
        {
          g_free (stamp->token);
          stamp->token = g_strdup (value);
        }
    }
  stamp->readable = rc == SQLITE_DONE;
  sqlite3_finalize (stmt);
}

/* A URI, so that SQLite reads the file alone; the path is escaped because
 * ‘?’ and ‘#’ would otherwise end it. */
char *
_plx_sqlite_file_uri (const char *path,
                      const char *parameters)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  return g_strconcat ("file:", escaped, "?", parameters, NULL);
}

static void
read_file_stamp (const char *file,
                 Stamp      *stamp)
{
  g_autofree char *uri = _plx_sqlite_file_uri (file, "mode=ro&immutable=1");
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK)
    read_stamp (db, stamp);
  sqlite3_close (db);
}

typedef enum {
  LOG_OURS,
  LOG_OTHER_PROJECT,
  LOG_OTHER_STATE,
  LOG_UNREADABLE,
} LogVerdict;

static LogVerdict
judge_log (sqlite3    *db,
           const char *file)
{
  g_autofree char *wal_path = g_strconcat (file, "-wal", NULL);
  Stamp merged = { 0, };
  Stamp alone = { 0, };
  LogVerdict verdict = LOG_OURS;
  gboolean merged_damaged = FALSE;
  guint64 commits;

  /* The read transaction starts with the first step of read_stamp. */
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return LOG_OURS;   /* the open's own checks will say what is wrong */
  read_stamp (db, &merged);
  /* Only a log that makes the project unreadable counts against it; one
   * that cannot be read at all (no -shm in a read-only folder, a lock) is
   * for the open's own steps to report. */
  if (!merged.readable)
    merged_damaged = (sqlite3_errcode (db) & 0xff) == SQLITE_CORRUPT || (sqlite3_errcode (db) & 0xff) == SQLITE_NOTADB;
  commits = count_log_commits (wal_path);
  read_file_stamp (file, &alone);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (commits == 0 || !alone.readable)
    verdict = LOG_OURS;   /* nothing to replay, or nothing to compare with */
  else if (!merged.readable)
    verdict = merged_damaged ? LOG_UNREADABLE : LOG_OURS;
  else if (merged.project_uuid != NULL && alone.project_uuid != NULL &&
           g_ascii_strcasecmp (merged.project_uuid, alone.project_uuid) != 0)
    verdict = LOG_OTHER_PROJECT;
  else if (merged.serial == 0)
    verdict = LOG_OURS;   /* written by a Parallax that kept no serial */
  else if (alone.serial > merged.serial ||
           (guint64) (merged.serial - alone.serial) > commits ||
           (alone.serial == merged.serial && g_strcmp0 (alone.token, merged.token) != 0))
    verdict = LOG_OTHER_STATE;

  stamp_clear (&merged);
  stamp_clear (&alone);
  return verdict;
}

/**
 * _plx_sqlite_check_log:
 * @db: a connection to @file that has not read yet and will not
 *   checkpoint when closed
 * @file: the project file (symbolic links resolved)
 * @path: the name to give in messages
 *
 * Refuses a log beside @file that was not written on top of it. A refusal
 * is checked twice, a moment apart: a checkpoint copying pages into the
 * file while it was read could otherwise be taken for a mismatch.
 */
gboolean
_plx_sqlite_check_log (sqlite3     *db,
                       const char  *file,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *wal_name = g_strconcat (path, "-wal", NULL);
  LogVerdict verdict = judge_log (db, file);

  if (verdict != LOG_OURS)
    {
      g_usleep (50 * 1000);
      verdict = judge_log (db, file);
    }
  switch (verdict)
    {
    case LOG_OURS:
      return TRUE;
    case LOG_OTHER_PROJECT:
      g_set_error (error, PLX_ERROR, PLX_ERROR_FOREIGN_LOG,
                   _("%s was not opened: the log %s beside it belongs to another project. "
                     "Nothing was changed."), path, wal_name);
      break;
    case LOG_OTHER_STATE:
      g_set_error (error, PLX_ERROR, PLX_ERROR_FOREIGN_LOG,
                   _("%s was not opened: the log %s beside it was written on another state of this "
                     "project (as when a backup is restored beside the log of a crash). "
                     "Nothing was changed."), path, wal_name);
      break;
    case LOG_UNREADABLE:
    default:
      g_set_error (error, PLX_ERROR, PLX_ERROR_FOREIGN_LOG,
                   _("%s was not opened: with the log %s beside it the project cannot be read, "
                     "so the log does not belong to it or is damaged. Nothing was changed."),
                   path, wal_name);
      break;
    }
  return FALSE;
}

/* Written by every commit that changed something; see the top of the file. */
gboolean
_plx_sqlite_stamp_commit (PlxSqliteStore  *self,
                          GError         **error)
{
  return _plx_sqlite_run (self,
                          "INSERT INTO meta (key, value) VALUES "
                          "('commit-serial', '1'), ('commit-token', lower(hex(randomblob(8)))) "
                          "ON CONFLICT (key) DO UPDATE SET value = "
                          "CASE key WHEN 'commit-serial' THEN CAST(value AS INTEGER) + 1 ELSE excluded.value END",
                          error);
}

/**
 * plx_sqlite_store_set_log_aside:
 * @path: a project that was refused because of the log beside it
 * @aside_path: (out): the log's new name
 *
 * Renames the log that does not belong to the project at @path to
 * `<project>-wal.foreign-<time>`, so that the project opens as its file
 * holds it and the log is kept for whoever wants to look into it. Refuses
 * (changing nothing) when there is no log, or when it is the project's own.
 */
gboolean
plx_sqlite_store_set_log_aside (const char  *path,
                                char       **aside_path,
                                GError     **error)
{
  g_autofree char *real = realpath (path, NULL);
  const char *file = real != NULL ? real : path;
  g_autofree char *wal_path = g_strconcat (file, "-wal", NULL);
  g_autofree char *wal_name = g_strconcat (path, "-wal", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  gboolean ours;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!_plx_sqlite_check_header (file, error))
    return FALSE;
  if (!_plx_sqlite_log_waiting (file))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                   _("There is no log beside %s to set aside"), path);
      return FALSE;
    }
  if (sqlite3_open_v2 (file, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, "%s: %s", path, db ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (db, 5000);
  ours = _plx_sqlite_check_log (db, file, path, &local_error);
  sqlite3_close (db);
  if (ours)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("The log %s belongs to the project: setting it aside would lose its changes"), wal_name);
      return FALSE;
    }
  if (!g_error_matches (local_error, PLX_ERROR, PLX_ERROR_FOREIGN_LOG))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  target = g_strdup_printf ("%s.foreign-%s", wal_path, stamp);
  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.foreign-%s-%u", wal_path, stamp, i);
    }
  if (g_rename (wal_path, target) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("Cannot rename %s: %s"), wal_name, g_strerror (saved_errno));
      return FALSE;
    }
  *aside_path = g_steal_pointer (&target);
  return TRUE;
}
