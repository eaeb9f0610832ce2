/* plx-text.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-text"
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-text.h"

/* Offsets past the end clamp to the end, so callers validate ranges first. */
gsize
plx_text_offset_to_byte (const char *text,
                         gsize       text_bytes,
                         gsize       offset)
{
  const char *p = text;
  const char *end = text + text_bytes;

  while (offset > 0 && p < end)
    {
      p = g_utf8_next_char (p);
      offset--;
    }
  return (gsize) (MIN (p, end) - text);
}

gsize
plx_text_byte_to_offset (const char *text,
                         gsize       byte_index)
{
  return (gsize) g_utf8_pointer_to_offset (text, text + byte_index);
}

char *
plx_text_substring (const char *text,
                    gsize       text_bytes,
                    gsize       start,
                    gsize       end)
{
  gsize start_byte = plx_text_offset_to_byte (text, text_bytes, start);
  gsize end_byte = start_byte + plx_text_offset_to_byte (text + start_byte,
                                                         text_bytes - start_byte,
                                                         end - start);
  return g_strndup (text + start_byte, end_byte - start_byte);
}

/* GLib's g_utf8_normalize() moves the rest of its buffer for every
 * character it composes, so a long text with many decomposed letters took
 * minutes (a 50 MB test document: over two). It is applied to pieces
 * instead, each cut just before an ASCII character: ASCII characters are
 * starters that compose with nothing before them, so no reordering or
 * composition crosses such a cut and the result is the same. Pieces are
 * small because the cost within one is still quadratic (64 KiB pieces
 * took minutes under AddressSanitizer). */
#define NORMALIZE_PIECE 4096

/* Text whose code points are all below U+0300, where the combining marks
 * begin, is in NFC already: nothing in it decomposes to anything but what
 * composes back. That is ASCII and the precomposed Latin letters, so most
 * long texts skip the costly normalisation. In UTF-8 it is text without a
 * lead byte from 0xCC (U+0300) up. */
static gboolean
below_combining_marks (const char *text,
                       gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0xCC)
      return FALSE;
  return TRUE;
}

static char *
normalize_nfc (const char *text,
               gsize       length)
{
  GString *out = g_string_sized_new (length);
  gsize start = 0;

  while (start < length)
    {
      gsize end = MIN (start + NORMALIZE_PIECE, length);
      g_autofree char *piece = NULL;

      while (end < length && (guchar) text[end] >= 0x80)
        end++;
      if (below_combining_marks (text + start, end - start))
        g_string_append_len (out, text + start, (gssize) (end - start));
      else
        {
          piece = g_utf8_normalize (text + start, (gssize) (end - start), G_NORMALIZE_NFC);
          g_string_append (out, piece);
        }
      start = end;
    }
  return g_string_free (out, FALSE);
}

/* Brings any UTF-8 input to the one form positions are counted in: no BOM,
 * "\n" line ends, NFC. Anything that is not text is refused with its byte
 * offset, so the user can find it. */
char *
plx_text_normalize (const char *data,
                    gsize       length,
                    GError    **error)
{
  const char *invalid = NULL;
  g_autoptr(GString) lines = NULL;
  const void *nul;
  gsize bom = 0;

  /* Offsets in messages count from the start of the file, BOM included. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      bom = 3;
      data += 3;
      length -= 3;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   _("The text contains a NUL byte at byte offset %zu; it is not a text file"),
                   bom + (gsize) ((const char *) nul - data));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   _("The text is not valid UTF-8 at byte offset %zu"),
                   bom + (gsize) (invalid - data));
      return NULL;
    }

  /* Most files have no CR: no copy just to find that out. */
  if (memchr (data, '\r', length) == NULL)
    return normalize_nfc (data, length);

  lines = g_string_sized_new (length);
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\r')
        {
          g_string_append_c (lines, '\n');
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (lines, data[i]);
    }

  return normalize_nfc (lines->str, lines->len);
}

char *
plx_text_sha256 (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

char *
plx_text_new_uuid (void)
{
  return g_uuid_string_random ();
}

gboolean
plx_text_is_uuid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}

/* Millisecond precision keeps "newer modified" comparisons meaningful for
 * edits made in quick succession, and the fixed width makes the strings
 * sort like the times they stand for. */
char *
plx_text_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

gboolean
plx_text_is_iso8601 (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (text == NULL)
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

/* A plain decimal number: "-3", "0.25", "1e-4". A spreadsheet reads it as
 * the number it is, so it needs no guard (and a guard would turn it into
 * text). */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (digits && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return digits && *p == '\0';
}

/* One CSV field (RFC 4180): quoted when it holds a comma, a quote or a
 * line break, quotes inside doubled. A spreadsheet runs a cell starting
 * with = + - @, a tab or a carriage return as a formula (OWASP, "CSV
 * Injection"): a note reading "=HYPERLINK(…)" would become live in the
 * reader's spreadsheet. Such a field is quoted and starts with an
 * apostrophe, which spreadsheets take as "text" and do not show. */
void
plx_text_append_csv_field (GString    *out,
                           const char *value)
{
  gboolean formula = value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL && !is_plain_number (value);

  if (!formula && strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *c = value; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

static void
csv_record_clear (PlxCsvRecord *record)
{
  g_clear_pointer (&record->fields, g_strfreev);
}

/**
 * plx_text_parse_csv:
 *
 * Reads RFC 4180 CSV: fields separated by commas, quoted with double
 * quotes when they hold a comma, a quote (doubled) or a line end; lines end
 * in LF or CRLF; a leading byte order mark and blank lines are skipped.
 *
 * Returns: (transfer full) (element-type PlxCsvRecord): the records, or
 *   %NULL with @error naming the line that is malformed
 */
GArray *
plx_text_parse_csv (const char  *text,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (PlxCsvRecord));
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text, *end = text + length;
  guint line = 1, record_line = 1;
  gboolean quoted = FALSE, was_quoted = FALSE, any = FALSE;

  g_array_set_clear_func (records, (GDestroyNotify) csv_record_clear);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("The CSV file is not UTF-8 text"));
      return NULL;
    }
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  for (; p <= end; p++)
    {
      char c = p < end ? *p : '\n';

      if (quoted)
        {
          if (p == end)
            {
              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                           _("Line %u of the CSV file opens a quote that is never closed"), record_line);
              return NULL;
            }
          if (c == '"' && p + 1 < end && p[1] == '"')
            g_string_append_c (field, '"'), p++;
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"')
        {
          if (field->len > 0 || was_quoted)
            {
              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                           _("Line %u of the CSV file has a quote inside a field that is not quoted"), line);
              return NULL;
            }
          quoted = was_quoted = any = TRUE;
        }
      else if (c == ',' || c == '\n')
        {
          if (c == '\n' && field->len > 0 && field->str[field->len - 1] == '\r' && !was_quoted)
            g_string_truncate (field, field->len - 1);
          any = any || c == ',' || field->len > 0;
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (c == '\n')
            {
              if (any)
                {
                  PlxCsvRecord record = { record_line, NULL };

                  g_ptr_array_add (fields, NULL);
                  record.fields = (GStrv) g_ptr_array_steal (fields, NULL);
                  g_array_append_val (records, record);
                  g_ptr_array_set_free_func (fields, g_free);
                }
              else
                g_ptr_array_set_size (fields, 0);
              any = FALSE;
              record_line = ++line;
            }
        }
      else if (was_quoted && c != '\r')
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                       _("Line %u of the CSV file has text after a quoted field"), line);
          return NULL;
        }
      else if (!was_quoted)
        g_string_append_c (field, c);
    }
  return g_steal_pointer (&records);
}
