/* plx-import-input.c: an import file is read only if it is a regular
 * file, never past the size limit, and its bytes are checked for what
 * json-glib would mangle or refuse without saying where.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-importer"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "plx-error.h"
#include "plx-import-input.h"
#include "plx-importer.h"

#define READ_CHUNK (256 * 1024)

G_GNUC_PRINTF (4, 5)
static gboolean
refuse (GError     **error,
        int          code,
        const char  *name,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PLX_ERROR, code, "%s: %s", name, message);
  return FALSE;
}

static gboolean
refuse_too_large (const char  *name,
                  GError     **error)
{
  g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
               _("%s: the file is larger than %d MiB, the most Parallax imports"),
               name, PLX_IMPORT_MAX_BYTES / (1024 * 1024));
  return FALSE;
}

static gboolean
refuse_kind (const char  *name,
             GFileType    type,
             GError     **error)
{
  if (type == G_FILE_TYPE_DIRECTORY)
    return refuse (error, PLX_ERROR_INVALID_FILE, name,
                   _("this is a folder; Parallax imports regular files only"));
  return refuse (error, PLX_ERROR_INVALID_FILE, name,
                 _("this is a pipe, a socket or a device; Parallax imports regular files only"));
}

/* Appends what @read_some gives until the end, refusing more than the
 * limit as soon as it is passed. */
typedef gssize (*ReadSome) (gpointer source, char *buffer, gsize size, GCancellable *cancellable, GError **error);

static char *
read_capped (ReadSome       read_some,
             gpointer       source,
             const char    *name,
             gsize         *length,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  gssize n;

  do
    {
      guint before = bytes->len;

      if ((gsize) bytes->len > PLX_IMPORT_MAX_BYTES)
        return (refuse_too_large (name, error), NULL);
      g_byte_array_set_size (bytes, before + READ_CHUNK);
      n = read_some (source, (char *) bytes->data + before, READ_CHUNK, cancellable, &local_error);
      g_byte_array_set_size (bytes, before + MAX (n, 0));
    }
  while (n > 0);

  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        refuse (error, PLX_ERROR_STORAGE, name, "%s", local_error->message);
      return NULL;
    }
  if ((gsize) bytes->len > PLX_IMPORT_MAX_BYTES)
    return (refuse_too_large (name, error), NULL);
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

static gssize
read_fd (gpointer       source,
         char          *buffer,
         gsize          size,
         GCancellable  *cancellable,
         GError       **error)
{
  int fd = GPOINTER_TO_INT (source);
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  do
    n = read (fd, buffer, size);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
    }
  return n;
}

static gssize
read_stream (gpointer       source,
             char          *buffer,
             gsize          size,
             GCancellable  *cancellable,
             GError       **error)
{
  return g_input_stream_read (source, buffer, size, cancellable, error);
}

static char *
read_path (const char    *path,
           const char    *name,
           gsize         *length,
           GCancellable  *cancellable,
           GError       **error)
{
  struct stat st;
  char *contents;
  int fd;

  /* Devices are not even opened (opening some has effects); O_NONBLOCK
   * for one swapped in since: opening a FIFO must not wait for a writer. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    return (refuse_kind (name, S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL, error), NULL);
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      refuse (error, saved == ENOENT || saved == ENOTDIR ? PLX_ERROR_NOT_FOUND : PLX_ERROR_STORAGE,
              name, "%s", g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      refuse (error, PLX_ERROR_STORAGE, name, "%s", g_strerror (saved));
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      refuse_kind (name, S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL, error);
      close (fd);
      return NULL;
    }
  if (st.st_size > PLX_IMPORT_MAX_BYTES)
    {
      refuse_too_large (name, error);
      close (fd);
      return NULL;
    }
  contents = read_capped (read_fd, GINT_TO_POINTER (fd), name, length, cancellable, error);
  close (fd);
  return contents;
}

char *
_plx_import_read_file (GFile         *file,
                       const char    *name,
                       gsize         *length,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents;

  if (g_file_peek_path (file) != NULL)
    return read_path (g_file_peek_path (file), name, length, cancellable, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    return (refuse (error, PLX_ERROR_NOT_FOUND, name, "%s", local_error->message), NULL);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return (refuse_kind (name, g_file_info_get_file_type (info), error), NULL);
  if (g_file_info_get_size (info) > PLX_IMPORT_MAX_BYTES)
    return (refuse_too_large (name, error), NULL);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    return (refuse (error, PLX_ERROR_STORAGE, name, "%s", local_error->message), NULL);
  contents = read_capped (read_stream, stream, name, length, cancellable, error);
  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);
  return contents;
}

/* ---- the bytes ---- */

/* Line and column (in characters, from 1) of @offset in the valid UTF-8
 * @data, for messages. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }
  *column = (guint) g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

G_GNUC_PRINTF (5, 6)
static gboolean
refuse_at (GError     **error,
           const char  *name,
           const char  *data,
           gsize        offset,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  locate (data, offset, &line, &column);
  g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: line %u, column %u: %s"), name, line, column, message);
  return FALSE;
}

/* What the first bytes say the file is, when it is not UTF-8 JSON. */
static gboolean
check_encoding (const char  *name,
                const guint8 *data,
                gsize        length,
                GError     **error)
{
  static const char sqlite_header[] = "SQLite format 3";

  if (length >= sizeof sqlite_header && memcmp (data, sqlite_header, sizeof sqlite_header) == 0)
    return refuse (error, PLX_ERROR_INVALID_FILE, name,
                   _("this is a Parallax project (or another SQLite database), not an export; "
                     "open it as a project, or export its annotations and import that file"));
  /* A UTF-16 or UTF-32 byte-order mark, or JSON's first character (ASCII)
   * next to a zero byte. */
  if ((length >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff) ||
                        (data[0] == 0 && data[1] != 0) || (data[0] != 0 && data[1] == 0))) ||
      (length >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0))
    return refuse (error, PLX_ERROR_INVALID_FILE, name,
                   _("the file is encoded in UTF-16 (or UTF-32); Parallax imports JSON in UTF-8: "
                     "save it as UTF-8 and import it again"));
  return TRUE;
}

static int
hex_value (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* A "\u" escape at @data + @i: NUL and lone surrogates are refused (json-
 * glib cuts the string at the one and mangles the other). Returns how many
 * bytes after the backslash it takes, or -1 with @error set. */
static gssize
check_escape (const char  *name,
              const char  *data,
              gsize        length,
              gsize        i,
              GError     **error)
{
  int unit = i + 6 <= length ? hex_value (data + i + 2) : -1;
  int low;

  if (unit < 0)
    return 1;    /* not an escape json-glib accepts; it says so itself */
  if (unit == 0)
    return (refuse_at (error, name, data, i,
                       _("“\\u0000” (a NUL character) is not allowed in text")), -1);
  if (unit >= 0xdc00 && unit <= 0xdfff)
    return (refuse_at (error, name, data, i,
                       _("“\\u%04x” is the second half of a UTF-16 surrogate pair without its first half; "
                         "it is not a character"), (guint) unit), -1);
  if (unit < 0xd800 || unit > 0xdbff)
    return 5;
  low = i + 12 <= length && data[i + 6] == '\\' && data[i + 7] == 'u' ? hex_value (data + i + 8) : -1;
  if (low < 0xdc00 || low > 0xdfff)
    return (refuse_at (error, name, data, i,
                       _("“\\u%04x” is the first half of a UTF-16 surrogate pair without its second half; "
                         "it is not a character"), (guint) unit), -1);
  return 11;
}

/* json-glib's parser recurses once per level; a file nested deeper than
 * any export could be is refused before it gets there. It also accepts
 * several top-level values one after another ("0{…}", "{…} {…}"), keeps
 * the last and leaks the others (json-glib 1.6; found by fuzzing), so
 * anything after the first value is refused here too. */
static gboolean
check_structure (const char  *name,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  enum { BEFORE, IN_SCALAR, IN_VALUE, AFTER } top = BEFORE;
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      gboolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            {
              gssize taken = i + 1 < length && data[i + 1] == 'u' ? check_escape (name, data, length, i, error) : 1;

              if (taken < 0)
                return FALSE;
              i += (gsize) taken;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == 0)
                top = AFTER;
            }
          continue;
        }
      if (depth == 0 && !space)
        {
          /* A second value, or a bracket straight after a scalar. */
          if (top == AFTER || (top == IN_SCALAR && (c == '{' || c == '[' || c == '"')))
            return refuse (error, PLX_ERROR_INVALID_FILE, name,
                           _("line %u: there is more after the end of the JSON value; "
                             "a file holds one object or array"), line);
          if (c != '{' && c != '[' && c != '"')
            top = IN_SCALAR;
        }
      else if (depth == 0 && top == IN_SCALAR)
        top = AFTER;

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          top = IN_VALUE;
          if (++depth > PLX_IMPORT_MAX_DEPTH)
            return refuse (error, PLX_ERROR_INVALID_FILE, name,
                           _("line %u: the JSON is nested more than %d levels deep; "
                             "no annotation file needs that many, so it is refused"),
                           line, PLX_IMPORT_MAX_DEPTH);
        }
      else if ((c == '}' || c == ']') && depth > 0)
        {
          if (--depth == 0)
            top = AFTER;
        }
    }
  return TRUE;
}

gboolean
_plx_import_check_input (const char  *name,
                         const char  *data,
                         gsize        length,
                         gsize       *skip,
                         GError     **error)
{
  const char *end = NULL;

  *skip = 0;
  if (length > PLX_IMPORT_MAX_BYTES)
    return refuse_too_large (name, error);
  if (!check_encoding (name, (const guint8 *) data, length, error))
    return FALSE;
  /* A UTF-8 byte-order mark is allowed and ignored (RFC 8259, 8.1). */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    *skip = 3;
  data += *skip;
  length -= *skip;

  if (!g_utf8_validate_len (data, length, &end))
    {
      gsize offset = (gsize) (end - data);

      if (data[offset] == '\0')
        return refuse_at (error, name, data, offset, _("a NUL byte (byte %u of the file); a JSON file holds text only"),
                          (guint) (offset + *skip));
      return refuse_at (error, name, data, offset,
                        _("the byte 0x%02x (byte %u of the file) is not UTF-8; Parallax imports JSON in UTF-8"),
                        (guint) (guint8) data[offset], (guint) (offset + *skip));
    }
  return check_structure (name, data, length, error);
}
