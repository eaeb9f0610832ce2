/* plx-sqlite-file.c: the project file as a file: its header, read before
 * SQLite opens it, and where a new one is made.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "plx-error.h"
#include "plx-sqlite-store-private.h"

#define SQLITE_HEADER "SQLite format 3"

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
gboolean
_plx_sqlite_check_header (const char  *path,
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

gboolean
_plx_sqlite_check_writable (const char  *path,
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

/* A new project is built under a temporary name beside its path,
 * "<name>.new-XXXXXX" (mkstemp's six characters), and renamed into place
 * when complete. Its builder holds an flock() on it all along: flock
 * locks are apart from the fcntl() locks SQLite takes, so neither
 * disturbs the other, and the kernel drops it when the builder dies. So a
 * temporary file that nobody holds was left by an init that was killed,
 * and is removed, with its rollback journal, by the next init or open of
 * a project of that name. */
#define TEMP_INFIX ".new-"
#define TEMP_RANDOM_LENGTH 6

static void
remove_if_stale (const char *temp_path)
{
  g_autofree char *journal = g_strconcat (temp_path, "-journal", NULL);
  int fd = g_open (temp_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0);
  struct stat st;

  if (fd < 0)
    {
      /* A journal whose file is gone is stale in any case. */
      if (errno == ENOENT)
        g_unlink (journal);
      return;
    }
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
    {
      g_debug ("Removing %s, left by an init that did not finish", temp_path);
      g_unlink (journal);
      g_unlink (temp_path);
    }
  close (fd);
}

void
_plx_sqlite_remove_stale_temporaries (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, TEMP_INFIX, NULL);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  GDir *listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      const char *rest = name + strlen (prefix);
      g_autofree char *main_name = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;
      if (strlen (rest) == TEMP_RANDOM_LENGTH)
        main_name = g_strdup (name);
      else if (strlen (rest) == TEMP_RANDOM_LENGTH + strlen ("-journal") && g_str_has_suffix (rest, "-journal"))
        main_name = g_strndup (name, strlen (name) - strlen ("-journal"));
      else
        continue;
      if (!g_ptr_array_find_with_equal_func (stale, main_name, g_str_equal, NULL))
        g_ptr_array_add (stale, g_steal_pointer (&main_name));
    }
  g_dir_close (listing);
  for (guint i = 0; i < stale->len; i++)
    {
      g_autofree char *temp_path = g_build_filename (dir, g_ptr_array_index (stale, i), NULL);
      remove_if_stale (temp_path);
    }
}

/* Makes an empty file beside @path for a new project to be built in;
 * @path itself must not exist yet. @lock_fd holds the builder's flock
 * until it is closed. */
gboolean
_plx_sqlite_create_empty (const char  *path,
                          char       **temp_path_out,
                          int         *lock_fd,
                          GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temp_path = NULL;
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                   _("%s already exists; choose another name or open it"), path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  _plx_sqlite_remove_stale_temporaries (path);
  temp_path = g_strconcat (path, TEMP_INFIX "XXXXXX", NULL);
  fd = g_mkstemp (temp_path);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, PLX_ERROR, errno == EACCES || errno == EROFS ? PLX_ERROR_READ_ONLY : PLX_ERROR_STORAGE,
                   _("Cannot create %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  /* mkstemp makes the file private; a project is an ordinary document and
   * gets the permissions the user's umask gives new files. */
  {
    mode_t mask = umask (0);
    umask (mask);
    fchmod (fd, 0666 & ~mask);
  }
  /* Cannot fail on a new file that nobody else has open yet. */
  flock (fd, LOCK_EX | LOCK_NB);

  *lock_fd = fd;
  *temp_path_out = g_steal_pointer (&temp_path);
  return TRUE;
}
