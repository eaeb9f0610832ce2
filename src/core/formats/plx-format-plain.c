/* plx-format-plain.c: UTF-8 plain text, shown as it is; every line that
 * is not empty is a paragraph.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-format.h"

/* One copy serves as both source and text (a book is megabytes, and the
 * view holds another copy): *text stays NULL. */
static gboolean
read_plain (PlxReadJob  *job,
            GError     **error)
{
  const char *p = job->source;
  GArray *blocks = job->blocks;
  guint offset = 0;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize line_bytes = eol ? (gsize) (eol - p) : strlen (p);
      guint line_length = (guint) g_utf8_strlen (p, line_bytes);

      if (line_bytes > 0)
        {
          PlxBlock block = { PLX_BLOCK_PARAGRAPH, offset, offset + line_length };
          g_array_append_val (blocks, block);
        }
      offset += line_length + (eol ? 1 : 0);
      p += line_bytes + (eol ? 1 : 0);
    }
  return TRUE;
}

static const char * const extensions[] = { ".txt", ".text", NULL };

const PlxFormat plx_format_plain = {
  .id = "plain",
  .name = N_("Plain text"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = extensions,
  .mime_type = "text/plain",
  .document_format = PLX_DOCUMENT_FORMAT_PLAIN,
  .reader_version = 1,
  .read = read_plain,
  .text_source = TRUE,
};
