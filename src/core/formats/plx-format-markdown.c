/* plx-format-markdown.c: the light Markdown the bundled essay is written
 * in, read into headings, paragraphs and footnotes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-format.h"

/* Builds the text block by block, tracking code points as it goes, so that
 * parsing stays linear in the size of the document. */
typedef struct {
  GString *text;
  guint    length;
  GArray  *blocks;
} Builder;

static void
builder_add_block (Builder      *builder,
                   PlxBlockKind  kind,
                   const char   *content,
                   gsize         content_bytes)
{
  PlxBlock block = { kind, 0, 0 };

  if (builder->text->len > 0)
    {
      g_string_append_c (builder->text, '\n');
      builder->length++;
    }
  block.start = builder->length;

  if (kind == PLX_BLOCK_PARAGRAPH || kind == PLX_BLOCK_FOOTNOTE)
    {
      /* Footnote marks are "[digits]" inside running text; each one gets a
       * block of its own so the view can raise it. */
      const char *p = content;
      const char *end = content + content_bytes;
      guint offset = builder->length;

      while (p < end)
        {
          if (*p == '[' && p + 2 < end && g_ascii_isdigit (p[1]))
            {
              const char *q = p + 1;
              while (q < end && g_ascii_isdigit (*q))
                q++;
              if (q < end && *q == ']')
                {
                  PlxBlock mark = { PLX_BLOCK_FOOTNOTE_MARK, offset, offset + (guint) (q + 1 - p) };
                  g_array_append_val (builder->blocks, mark);
                }
            }
          p = g_utf8_next_char (p);
          offset++;
        }
    }

  g_string_append_len (builder->text, content, content_bytes);
  builder->length += (guint) g_utf8_strlen (content, content_bytes);
  block.end = builder->length;
  g_array_append_val (builder->blocks, block);
}

/* The Markdown subset: "#" title, "##"… headings, blank-line separated
 * paragraphs (soft line breaks become spaces), "[n] …" paragraphs as
 * footnotes and "[n]" marks inside text. */
static gboolean
read_markdown (PlxReadJob  *job,
               GError     **error)
{
  Builder builder = { g_string_new (NULL), 0, job->blocks };
  g_autoptr(GString) paragraph = g_string_new (NULL);
  const char *next = job->source;

  /* Line by line rather than g_strsplit(): that keeps every line of a
   * book in memory at once, and under AddressSanitizer its strstr() calls
   * each measure the rest of the text (minutes for 50 MB). */
  while (TRUE)
    {
      g_autofree char *line = NULL;
      const char *stripped;
      const char *eol = next != NULL ? strchr (next, '\n') : NULL;

      if (next != NULL)
        {
          line = eol != NULL ? g_strndup (next, (gsize) (eol - next)) : g_strdup (next);
          next = eol != NULL ? eol + 1 : NULL;
        }
      stripped = line ? line + strspn (line, " \t") : NULL;
      gboolean blank = stripped == NULL || *stripped == '\0';
      guint hashes = 0;

      if (stripped != NULL)
        while (stripped[hashes] == '#')
          hashes++;
      gboolean heading = hashes > 0 && hashes <= 6 && (stripped[hashes] == ' ' || stripped[hashes] == '\0');

      if ((blank || heading) && paragraph->len > 0)
        {
          PlxBlockKind kind = PLX_BLOCK_PARAGRAPH;
          gsize digits = strspn (paragraph->str + 1, "0123456789");

          if (paragraph->str[0] == '[' && digits > 0 && paragraph->str[1 + digits] == ']')
            kind = PLX_BLOCK_FOOTNOTE;
          builder_add_block (&builder, kind, paragraph->str, paragraph->len);
          g_string_truncate (paragraph, 0);
        }

      if (line == NULL)
        break;

      if (heading)
        {
          g_autofree char *content = g_strstrip (g_strdup (stripped + hashes));
          PlxBlockKind kind = hashes == 1 ? PLX_BLOCK_TITLE : PLX_BLOCK_HEADING;

          if (*content != '\0')
            builder_add_block (&builder, kind, content, strlen (content));
        }
      else if (!blank)
        {
          g_autofree char *content = g_strstrip (g_strdup (stripped));

          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append (paragraph, content);
        }
    }

  job->text = g_string_free (builder.text, FALSE);
  return TRUE;
}

static const char * const extensions[] = { ".md", ".markdown", NULL };

const PlxFormat plx_format_markdown = {
  .id = "markdown",
  .name = N_("Markdown"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = extensions,
  .mime_type = "text/markdown",
  .document_format = PLX_DOCUMENT_FORMAT_MARKDOWN,
  .reader_version = 1,
  .read = read_markdown,
  .text_source = TRUE,
};
