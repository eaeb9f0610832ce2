/* plx-export-file.c: an export written to a file: never over the project
 * or its SQLite files, and never half-written (a temporary file renamed
 * into place).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-exporter"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "plx-error.h"
#include "plx-exporter.h"
#include "plx-project-private.h"

/* SQLite keeps a project's uncommitted and recent changes in files named
 * after it; writing over any of them destroys the project. */
static const char *project_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* Where an export to @path ends up: through symlinks (dangling ones too,
 * which writing would create) to the real name. NULL when the folder does
 * not exist. */
static char *
export_destination (const char *path)
{
  g_autofree char *current = g_strdup (path);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;

  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = NULL;

      if ((real = realpath (current, NULL)) != NULL)
        {
          char *copy = g_strdup (real);

          free (real);
          return copy;
        }
      if ((target = g_file_read_link (current, NULL)) == NULL)
        break;
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          g_autofree char *link_dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (link_dir, target, NULL);
        }
    }
  dir = g_path_get_dirname (current);
  base = g_path_get_basename (current);
  if ((real = realpath (dir, NULL)) == NULL)
    return NULL;
  g_free (dir);
  dir = g_strdup (real);
  free (real);
  return g_build_filename (dir, base, NULL);
}

static gboolean
same_file (const struct stat *a,
           const char        *path)
{
  struct stat b;

  return stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Whether @destination (an export_destination()) is the project or one of
 * its SQLite files, by name (they need not exist yet) and by device and
 * inode (hard links, other names for the same folder). */
static gboolean
is_project_file (PlxProject *project,
                 const char *destination)
{
  const char *project_path = plx_project_get_path (project);
  g_autofree char *real_project = export_destination (project_path);
  struct stat st;
  gboolean exists = stat (destination, &st) == 0;

  for (guint i = 0; i < G_N_ELEMENTS (project_suffixes); i++)
    {
      g_autofree char *given = g_strconcat (project_path, project_suffixes[i], NULL);
      g_autofree char *real = real_project ? g_strconcat (real_project, project_suffixes[i], NULL) : NULL;

      if (g_strcmp0 (destination, given) == 0 || g_strcmp0 (destination, real) == 0)
        return TRUE;
      if (exists && (same_file (&st, given) || (real != NULL && same_file (&st, real))))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_destination (PlxProject  *project,
                   const char  *path,
                   const char  *destination,
                   GError     **error)
{
  if (!is_project_file (project, destination))
    return TRUE;
  g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
               _("Cannot export to %s: it is the project itself or one of its database files; "
                 "choose another name"), path);
  return FALSE;
}

/* For other writers of files the user names while a project is open (the
 * Compare view's tables and maps): refuses @file if writing it would
 * overwrite the project or one of its SQLite files. */
gboolean
plx_export_check_destination (PlxProject  *project,
                              GFile       *file,
                              GError     **error)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *destination = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Without a local path it is not the project; without an existing
   * folder the writer reports the error. */
  if (path == NULL || (destination = export_destination (path)) == NULL)
    return TRUE;
  return check_destination (project, path, destination, error);
}

static gboolean
write_error (const char  *path,
             const char  *message,
             GError     **error)
{
  g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("Cannot write %s: %s"), path, message);
  return FALSE;
}

typedef gboolean (*WriteFunc) (PlxProject    *project,
                               int            fd,
                               const char    *temp_path,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error);

/* A local file is written beside its destination under a temporary name,
 * flushed to disk and renamed over it only once complete: a failed export
 * never leaves a truncated file, and never touches an earlier one. */
static gboolean
write_to_path (PlxProject    *project,
               const char    *path,
               WriteFunc      write,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *destination = export_destination (path);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat st;
  gboolean replacing;
  int fd;

  if (destination == NULL)
    return write_error (path, g_strerror (errno), error);
  if (!check_destination (project, path, destination, error))
    return FALSE;
  replacing = stat (destination, &st) == 0;
  if (replacing && !S_ISREG (st.st_mode))
    return write_error (path, _("it exists and is not a regular file"), error);

  dir = g_path_get_dirname (destination);
  base = g_path_get_basename (destination);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return write_error (path, g_strerror (errno), error);
  /* A new file gets 0666 less the umask; a replaced one keeps its mode. */
  if (replacing)
    (void) fchmod (fd, st.st_mode & 07777);

  if (!write (project, fd, temp, data, cancellable, &local_error))
    goto failed;
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      fd = -1;
      g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
      goto failed;
    }
  fd = -1;
  if (g_rename (temp, destination) != 0)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
      goto failed;
    }
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  if (local_error->domain == PLX_ERROR || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return write_error (path, local_error->message, error);
}

typedef struct {
  PlxExportWriteFunc  write;
  gpointer            data;
} StreamJob;

static gboolean
write_stream (PlxProject    *project,
              int            fd,
              const char    *temp_path,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  StreamJob *job = data;
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (fd, FALSE);

  if (!job->write (stream, job->data, cancellable, error))
    {
      g_output_stream_close (stream, NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (stream, NULL, error);
}

/**
 * plx_export_write_file:
 * @write: writes the whole content to the stream it is given
 *
 * Writes @file with @write, never over @project or its SQLite files and
 * never half-written: a local file goes beside its destination under a
 * temporary name, renamed into place only once complete. Files without a
 * local path (other GVfs backends) cannot be the project; GIO writes them
 * under a temporary name where the backend can.
 */
gboolean
plx_export_write_file (PlxProject          *project,
                       GFile               *file,
                       PlxExportWriteFunc   write,
                       gpointer             data,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  if (g_file_peek_path (file) != NULL)
    {
      StreamJob job = { write, data };

      return write_to_path (project, g_file_peek_path (file), write_stream, &job, cancellable, error);
    }

  name = g_file_get_parse_name (file);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &local_error);
  if (stream == NULL)
    return write_error (name, local_error->message, error);

  if (!write (G_OUTPUT_STREAM (stream), data, cancellable, &local_error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      if (local_error->domain == PLX_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return write_error (name, local_error->message, error);
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    return write_error (name, local_error->message, error);
  return TRUE;
}

typedef struct {
  PlxProject      *project;
  PlxExportFormat  format;
  gint64           document_id;
  PlxExportFlags   flags;
} ExportJob;

static gboolean
write_export (GOutputStream  *stream,
              gpointer        data,
              GCancellable   *cancellable,
              GError        **error)
{
  ExportJob *job = data;

  return plx_export_to_stream (job->project, job->format, job->document_id, job->flags, stream, cancellable, error);
}

gboolean
plx_export_to_file (PlxProject       *project,
                    PlxExportFormat   format,
                    gint64            document_id,
                    PlxExportFlags    flags,
                    GFile            *file,
                    GCancellable     *cancellable,
                    GError          **error)
{
  ExportJob job = { project, format, document_id, flags };

  return plx_export_write_file (project, file, write_export, &job, cancellable, error);
}

static gboolean
write_copy (PlxProject    *project,
            int            fd,
            const char    *temp_path,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return plx_store_save_copy (project->store, temp_path, cancellable, error);
}

/**
 * plx_export_copy_to_file:
 *
 * Writes a whole project file holding everything @project has committed,
 * as one consistent state even while another connection writes: "Save a
 * Copy…". Like an export, never over the project or its SQLite files,
 * and never half-written. The copy is the same project (same identity),
 * so it can be merged back.
 */
gboolean
plx_export_copy_to_file (PlxProject    *project,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *local = NULL;
  g_autoptr(GFile) local_file = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;
  gboolean ok;

  g_return_val_if_fail (PLX_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_peek_path (file) != NULL)
    return write_to_path (project, g_file_peek_path (file), write_copy, NULL, cancellable, error);

  /* Elsewhere (other GVfs backends) the copy is made locally, then sent. */
  name = g_file_get_parse_name (file);
  fd = g_file_open_tmp ("parallax-copy-XXXXXX", &local, &local_error);
  if (fd < 0)
    return write_error (name, local_error->message, error);
  close (fd);
  ok = plx_store_save_copy (project->store, local, cancellable, error);
  local_file = g_file_new_for_path (local);
  if (ok && !g_file_copy (local_file, file, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &local_error))
    ok = write_error (name, local_error->message, error);
  g_unlink (local);
  return ok;
}
