/* plx-format-office.c: DOCX, ODT, EPUB and RTF, read by pandoc. The three
 * zip-based formats are opened with libarchive first, and one whose
 * entries unpack to far more than it holds (a zip bomb) or whose names
 * leave the archive is refused before pandoc sees it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-pandoc.h"

/* What an archive may unpack to: a generous book with its images. */
#define MAX_UNPACKED ((gint64) 1024 * 1024 * 1024)
#define MAX_RATIO 200
#define MAX_ENTRIES 20000

static gboolean
name_escapes (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name == NULL || *name == '\0' || name[0] == '/' || name[0] == '\\' || strchr (name, ':') != NULL)
    return TRUE;
  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return TRUE;
  return FALSE;
}

/**
 * _plx_pandoc_check_zip:
 *
 * Unpacks every entry of the zip @input (into nothing) and counts what
 * comes out, whatever its headers claim.
 */
gboolean
_plx_pandoc_check_zip (GBytes  *input,
                       GError **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gint64 unpacked = 0;
  gint64 limit = MIN (MAX_UNPACKED, (gint64) g_bytes_get_size (input) * MAX_RATIO + 16 * 1024 * 1024);
  guint entries = 0;
  gboolean ok = TRUE;
  char buffer[65536];
  int rc;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, g_bytes_get_data (input, NULL), g_bytes_get_size (input)) != ARCHIVE_OK)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   _("it is not a zip archive, as this format must be: %s"), archive_error_string (archive));
      archive_read_free (archive);
      return FALSE;
    }
  while (ok && (rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      la_ssize_t got;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (++entries > MAX_ENTRIES)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                       _("its archive holds more than %d files"), MAX_ENTRIES);
          ok = FALSE;
          break;
        }
      if (name_escapes (name) || archive_entry_filetype (entry) == AE_IFLNK)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                       _("its archive holds “%s”, a path that leads outside it"), name ? name : "");
          ok = FALSE;
          break;
        }
      while ((got = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          unpacked += got;
          if (unpacked > limit)
            {
              g_autofree char *packed = g_format_size (g_bytes_get_size (input));
              g_autofree char *most = g_format_size ((guint64) limit);

              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                           _("its archive of %s unpacks to more than %s (a zip bomb?)"), packed, most);
              ok = FALSE;
              break;
            }
        }
      if (ok && got < 0)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                       _("its archive is damaged at “%s”: %s"), name ? name : "", archive_error_string (archive));
          ok = FALSE;
        }
    }
  if (ok && rc != ARCHIVE_EOF)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   _("its archive is damaged: %s"), archive_error_string (archive));
      ok = FALSE;
    }
  if (ok && entries == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT, _("its archive is empty"));
      ok = FALSE;
    }
  archive_read_free (archive);
  return ok;
}

static gboolean
read_zipped (PlxReadJob  *job,
             const char  *format,
             GError     **error)
{
  return _plx_pandoc_check_zip (job->original, error) && _plx_pandoc_read (job, format, job->original, error);
}

static gboolean
read_docx (PlxReadJob  *job,
           GError     **error)
{
  return read_zipped (job, "docx", error);
}

static gboolean
read_odt (PlxReadJob  *job,
          GError     **error)
{
  return read_zipped (job, "odt", error);
}

static gboolean
read_epub (PlxReadJob  *job,
           GError     **error)
{
  return read_zipped (job, "epub", error);
}

static gboolean
read_rtf (PlxReadJob  *job,
          GError     **error)
{
  return _plx_pandoc_read (job, "rtf", job->original, error);
}

/* Zip files whose first entry is an uncompressed "mimetype" say what
 * they are (ODF, EPUB); a DOCX names its "word/" part. */
static gboolean
zip_says (const guint8 *data,
          gsize         size,
          const char   *mime)
{
  gsize n = strlen (mime);

  return size >= 38 + n && memcmp (data, "PK\x03\x04", 4) == 0 && memcmp (data + 30, "mimetype", 8) == 0 &&
         memcmp (data + 38, mime, n) == 0;
}

static gboolean
sniff_odt (const guint8 *data,
           gsize         size)
{
  return zip_says (data, size, "application/vnd.oasis.opendocument.text");
}

static gboolean
sniff_epub (const guint8 *data,
            gsize         size)
{
  return zip_says (data, size, "application/epub+zip");
}

static gboolean
sniff_docx (const guint8 *data,
            gsize         size)
{
  static const char part[] = "word/document.xml";
  gsize window = MIN (size, 1024 * 1024);

  if (size < 4 || memcmp (data, "PK\x03\x04", 4) != 0)
    return FALSE;
  for (gsize i = 0; i + sizeof part - 1 <= window; i++)
    if (data[i] == 'w' && memcmp (data + i, part, sizeof part - 1) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
sniff_rtf (const guint8 *data,
           gsize         size)
{
  return size >= 5 && memcmp (data, "{\\rtf", 5) == 0;
}

static const char * const docx_extensions[] = { ".docx", NULL };
static const char * const odt_extensions[] = { ".odt", NULL };
static const char * const epub_extensions[] = { ".epub", NULL };
static const char * const rtf_extensions[] = { ".rtf", NULL };
static const char * const rtf_mime_types[] = { "text/rtf", NULL };

const PlxFormat plx_format_docx = {
  .id = "docx",
  .name = N_("Word document (DOCX)"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = docx_extensions,
  .mime_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  .document_format = PLX_DOCUMENT_FORMAT_DOCX,
  .reader_version = 1,
  .read = read_docx,
  .sniff = sniff_docx,
};

const PlxFormat plx_format_odt = {
  .id = "odt",
  .name = N_("OpenDocument text (ODT)"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = odt_extensions,
  .mime_type = "application/vnd.oasis.opendocument.text",
  .document_format = PLX_DOCUMENT_FORMAT_ODT,
  .reader_version = 1,
  .read = read_odt,
  .sniff = sniff_odt,
};

const PlxFormat plx_format_epub = {
  .id = "epub",
  .name = N_("E-book (EPUB)"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = epub_extensions,
  .mime_type = "application/epub+zip",
  .document_format = PLX_DOCUMENT_FORMAT_EPUB,
  .reader_version = 1,
  .read = read_epub,
  .sniff = sniff_epub,
};

const PlxFormat plx_format_rtf = {
  .id = "rtf",
  .name = N_("Rich Text Format (RTF)"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = rtf_extensions,
  .mime_type = "application/rtf",
  .mime_types = rtf_mime_types,
  .document_format = PLX_DOCUMENT_FORMAT_RTF,
  .reader_version = 1,
  .read = read_rtf,
  .sniff = sniff_rtf,
};
