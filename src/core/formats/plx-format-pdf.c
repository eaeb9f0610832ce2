/* plx-format-pdf.c: PDF through poppler-glib. Lines come in poppler's
 * reading order (which follows columns) with their boxes and fonts; from
 * them this builds headings (larger or bold lines), paragraphs (by the
 * gaps between lines), joins words hyphenated across line ends, and drops
 * the running headers, footers and page numbers that repeat from page to
 * page. Each page's stretch of text is a page locator.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "plx-error.h"
#include "plx-format.h"

typedef struct {
  char    *text;        /* NFC, trimmed */
  char    *shape;       /* digits as '#', for telling running lines */
  double   x1, y1, x2, y2;
  double   size;        /* the largest font on the line */
  gboolean bold;        /* every character bold */
  guint    page;        /* from 1 */
  gboolean drop;        /* a running header, footer or page number */
} Line;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line->shape);
}

static char *
line_shape (const char *text)
{
  GString *shape = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (shape->len == 0 || shape->str[shape->len - 1] != '#')
            g_string_append_c (shape, '#');
        }
      else if (!g_unichar_isspace (c))
        g_string_append_unichar (shape, g_unichar_tolower (c));
    }
  return g_string_free (shape, FALSE);
}

/* Ligatures typeset as one glyph come back as their letters. */
static void
append_char (GString  *out,
             gunichar  c)
{
  static const char * const ligatures[] = { "ff", "fi", "fl", "ffi", "ffl", "ſt", "st" };

  if (c >= 0xFB00 && c <= 0xFB06)
    g_string_append (out, ligatures[c - 0xFB00]);
  else if (c != 0xFFFD && c != 0)
    g_string_append_unichar (out, c);
}

/* The lines of one page, with their boxes and fonts. */
static void
read_page (PopplerPage *page,
           guint        number,
           GArray      *lines)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GList *attributes;
  const char *p;
  guint index = 0;
  g_autoptr(GString) current = g_string_new (NULL);
  Line line = { 0, };
  gboolean started = FALSE;
  guint bold_chars = 0;
  guint chars = 0;
  GList *attribute;

  if (text == NULL)
    return;
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  attributes = poppler_page_get_text_attributes (page);
  attribute = attributes;

  for (p = text;; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\0')
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (current->str));

          if (started && *trimmed != '\0')
            {
              line.text = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
              line.shape = line_shape (line.text);
              line.bold = chars > 0 && bold_chars == chars;
              line.page = number;
              g_array_append_val (lines, line);
            }
          memset (&line, 0, sizeof line);
          g_string_truncate (current, 0);
          started = FALSE;
          bold_chars = chars = 0;
          if (c == '\0')
            break;
          continue;
        }
      append_char (current, c);
      if (g_unichar_isspace (c))
        continue;
      while (attribute != NULL && ((PopplerTextAttributes *) attribute->data)->end_index < (int) index)
        attribute = attribute->next;
      if (attribute != NULL && ((PopplerTextAttributes *) attribute->data)->start_index <= (int) index)
        {
          PopplerTextAttributes *a = attribute->data;

          line.size = MAX (line.size, a->font_size);
          if (a->font_name != NULL && (strstr (a->font_name, "Bold") || strstr (a->font_name, "bold") ||
                                       strstr (a->font_name, "Black") || strstr (a->font_name, "Heavy")))
            bold_chars++;
        }
      chars++;
      if (index < n_rects)
        {
          PopplerRectangle *r = &rects[index];

          if (!started)
            {
              line.x1 = r->x1;
              line.y1 = r->y1;
              line.x2 = r->x2;
              line.y2 = r->y2;
              started = TRUE;
            }
          else
            {
              line.x1 = MIN (line.x1, r->x1);
              line.y1 = MIN (line.y1, r->y1);
              line.x2 = MAX (line.x2, r->x2);
              line.y2 = MAX (line.y2, r->y2);
            }
        }
      else
        started = TRUE;
    }
  poppler_page_free_text_attributes (attributes);
  g_free (rects);
}

/* Marks the lines at the top or bottom of a page whose shape (digits
 * aside) is at the top or bottom of at least half of the pages, and lone
 * page numbers. */
static void
mark_running_lines (GArray *lines,
                    guint   n_pages)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint first = 0;

  if (n_pages < 2)
    return;
  /* Two passes over each page's edge lines: count, then mark. */
  for (int pass = 0; pass < 2; pass++)
    {
      first = 0;
      while (first < lines->len)
        {
          guint page = g_array_index (lines, Line, first).page;
          guint last = first;
          double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          while (last < lines->len && g_array_index (lines, Line, last).page == page)
            {
              Line *line = &g_array_index (lines, Line, last);

              top = MIN (top, line->y1);
              bottom = MAX (bottom, line->y2);
              last++;
            }
          for (guint i = first; i < last; i++)
            {
              Line *line = &g_array_index (lines, Line, i);
              double height = MAX (line->y2 - line->y1, 1);
              gboolean edge = line->y1 - top < 2.5 * height || bottom - line->y2 < 2.5 * height;

              if (!edge)
                continue;
              if (pass == 0)
                {
                  if (!g_hash_table_contains (seen, line->shape))
                    {
                      g_hash_table_add (seen, line->shape);
                      g_hash_table_insert (counts, g_strdup (line->shape),
                                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, line->shape)) + 1));
                    }
                }
              else
                {
                  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, line->shape));

                  line->drop = count * 2 >= n_pages && count >= 2;
                }
            }
          first = last;
        }
    }
}

/* The most common font size, by characters: the body text's. */
static double
body_size (GArray *lines)
{
  g_autoptr(GHashTable) sizes = g_hash_table_new (g_direct_hash, g_direct_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;
  double size = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      gpointer k = GUINT_TO_POINTER ((guint) lround (line->size * 10));

      if (line->drop)
        continue;
      g_hash_table_insert (sizes, k,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sizes, k)) + strlen (line->text)));
    }
  g_hash_table_iter_init (&iter, sizes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        size = GPOINTER_TO_UINT (key) / 10.0;
      }
  return size;
}

typedef struct {
  GString      *text;
  guint         length;
  GArray       *blocks;
  GString      *block;        /* the block being gathered */
  PlxBlockKind  kind;
  guint         page_start;   /* offset where the current page began */
} Builder;

static void
builder_append (Builder    *b,
                const char *text,
                gssize      bytes)
{
  if (bytes < 0)
    bytes = (gssize) strlen (text);
  g_string_append_len (b->text, text, bytes);
  b->length += (guint) g_utf8_strlen (text, bytes);
}

static void
builder_flush (Builder *b)
{
  PlxBlock block = { b->kind, 0, 0 };

  if (b->block->len == 0)
    return;
  if (b->text->len > 0)
    builder_append (b, "\n", 1);
  block.start = b->length;
  builder_append (b, b->block->str, (gssize) b->block->len);
  block.end = b->length;
  g_array_append_val (b->blocks, block);
  g_string_truncate (b->block, 0);
}

/* Adds @line to the block being gathered: after a hyphen that ends a word
 * and before a lower-case letter, the two halves are joined. */
static void
builder_continue (Builder    *b,
                  const char *line)
{
  gunichar next = g_utf8_get_char (line);

  if (b->block->len > 0)
    {
      const char *end = b->block->str + b->block->len;
      const char *last = g_utf8_prev_char (end);
      gunichar hyphen = g_utf8_get_char (last);

      if ((hyphen == '-' || hyphen == 0x00AD || hyphen == 0x2010) && last > b->block->str &&
          g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (last))) && g_unichar_islower (next))
        g_string_truncate (b->block, (gsize) (last - b->block->str));
      else
        g_string_append_c (b->block, ' ');
    }
  g_string_append (b->block, line);
}

static gboolean
ends_sentence (const char *text)
{
  gsize n = strlen (text);
  const char *last;
  gunichar c;

  if (n == 0)
    return TRUE;
  last = g_utf8_prev_char (text + n);
  c = g_utf8_get_char (last);
  return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026 || c == 0x0589 /* Armenian full stop */ ||
         c == '"' || c == 0x201D || c == 0x00BB || c == ')';
}

static gboolean
read_pdf (PlxReadJob  *job,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GInputStream) stream = NULL;   /* outlives the document */
  PopplerDocument *document = NULL;   /* poppler 22 has no autoptr for it */
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  Builder b = { g_string_new (NULL), 0, job->blocks, g_string_new (NULL), PLX_BLOCK_PARAGRAPH, 0 };
  char *title = NULL;
  double body, largest = 0;
  int n_pages;
  gboolean titled = FALSE;
  guint page = 0;
  const Line *previous = NULL;

  g_array_set_clear_func (lines, line_clear);
  /* With a password, from a stream: poppler 22's from_bytes crashes on a
   * wrong one (it retries on a copy of its stream). */
  if (job->password != NULL)
    {
      stream = g_memory_input_stream_new_from_bytes (job->original);
      document = poppler_document_new_from_stream (stream, (goffset) g_bytes_get_size (job->original), job->password,
                                                   job->cancellable, &local_error);
    }
  else
    document = poppler_document_new_from_bytes (job->original, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED) && job->password != NULL)
        g_set_error (error, PLX_ERROR, PLX_ERROR_PASSWORD_NEEDED,
                     _("the PDF is encrypted and the password given does not open it"));
      else if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, PLX_ERROR, PLX_ERROR_PASSWORD_NEEDED,
                     _("the PDF is encrypted; a password is needed to read it"));
      else
        g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                     _("it is not a PDF that can be read (damaged or cut short?): %s"), local_error->message);
      g_string_free (b.text, TRUE);
      g_string_free (b.block, TRUE);
      return FALSE;
    }

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *p;

      if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
        {
          g_object_unref (document);
          g_string_free (b.text, TRUE);
          g_string_free (b.block, TRUE);
          return FALSE;
        }
      p = poppler_document_get_page (document, i);
      if (p != NULL)
        {
          read_page (p, (guint) i + 1, lines);
          g_object_unref (p);
        }
    }
  if (lines->len == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   ngettext ("the PDF has no text on its %d page (a scanned image?); nothing was imported",
                             "the PDF has no text on any of its %d pages (scanned images?); nothing was imported",
                             n_pages), n_pages);
      g_object_unref (document);
      g_string_free (b.text, TRUE);
      g_string_free (b.block, TRUE);
      return FALSE;
    }

  mark_running_lines (lines, (guint) n_pages);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (line->drop && job->dropped != NULL)
        {
          PlxDroppedLine dropped = { line->page, g_strdup (line->text) };
          g_array_append_val (job->dropped, dropped);
        }
      if (job->flags & PLX_READ_KEEP_RUNNING_LINES)
        line->drop = FALSE;
    }
  body = body_size (lines);
  for (guint i = 0; i < lines->len; i++)
    if (!g_array_index (lines, Line, i).drop)
      largest = MAX (largest, g_array_index (lines, Line, i).size);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      gboolean larger = line->size > body * 1.15;
      gboolean smaller = line->size < body * 0.9;
      gboolean heading = larger || (line->bold && line->size >= body * 0.95 && g_utf8_strlen (line->text, -1) < 100 &&
                                    !ends_sentence (line->text));
      PlxBlockKind kind = heading ? PLX_BLOCK_HEADING : PLX_BLOCK_PARAGRAPH;
      gboolean new_block;

      if (line->drop)
        continue;
      if (heading && line->page == 1 && larger && line->size >= largest - 0.01 &&
          (!titled || (b.kind == PLX_BLOCK_TITLE && previous != NULL && fabs (previous->size - line->size) < 0.5)))
        kind = PLX_BLOCK_TITLE;
      /* Small print that starts with a number or mark: a footnote. */
      if (!heading && smaller && previous != NULL && previous->page == line->page &&
          (g_unichar_isdigit (g_utf8_get_char (line->text)) || g_str_has_prefix (line->text, "*") ||
           g_str_has_prefix (line->text, "†")))
        kind = PLX_BLOCK_FOOTNOTE;
      else if (!heading && smaller && b.kind == PLX_BLOCK_FOOTNOTE && previous != NULL && previous->page == line->page)
        kind = PLX_BLOCK_FOOTNOTE;

      if (previous == NULL || kind != b.kind)
        new_block = TRUE;
      else if (kind == PLX_BLOCK_TITLE || kind == PLX_BLOCK_HEADING)
        new_block = fabs (previous->size - line->size) > 0.5 || line->y1 - previous->y2 > previous->y2 - previous->y1;
      else if (kind == PLX_BLOCK_FOOTNOTE)
        new_block = g_unichar_isdigit (g_utf8_get_char (line->text)) || g_str_has_prefix (line->text, "*") ||
                    g_str_has_prefix (line->text, "†");
      else if (previous->page != line->page)
        /* A paragraph goes on over the page break unless it had ended. */
        new_block = ends_sentence (previous->text) || !g_unichar_islower (g_utf8_get_char (line->text));
      else
        {
          double height = MAX (previous->y2 - previous->y1, 1);
          double gap = line->y1 - previous->y2;

          /* Blank space, a jump back up (a new column), or an indented
           * line after one that ended a sentence. */
          new_block = gap > 0.6 * height || line->y1 < previous->y1 - height ||
                      (ends_sentence (previous->text) && line->x1 > previous->x1 + 0.8 * height);
        }
      if (new_block)
        {
          builder_flush (&b);
          b.kind = kind;
        }
      if (kind == PLX_BLOCK_TITLE)
        titled = TRUE;
      if (line->page != page)
        {
          /* The page begins where its first line's text will be. */
          guint separator = b.text->len > 0 ? 1 : 0;
          PlxLocator locator = { PLX_LOCATOR_PAGE, 0, 0, line->page };

          locator.start = b.block->len > 0
                            ? b.length + separator + (guint) g_utf8_strlen (b.block->str, (gssize) b.block->len) + 1
                            : b.length + separator;
          if (job->locators->len > 0)
            g_array_index (job->locators, PlxLocator, job->locators->len - 1).end = locator.start;
          g_array_append_val (job->locators, locator);
          page = line->page;
        }
      builder_continue (&b, line->text);
      previous = line;
    }
  builder_flush (&b);
  if (job->locators->len > 0)
    {
      PlxLocator *last = &g_array_index (job->locators, PlxLocator, job->locators->len - 1);

      last->end = b.length;
      /* A page that starts inside a joined word is counted from there. */
      for (guint i = 0; i < job->locators->len; i++)
        {
          PlxLocator *l = &g_array_index (job->locators, PlxLocator, i);

          l->start = MIN (l->start, b.length);
          l->end = CLAMP (l->end, l->start, b.length);
        }
    }

  title = poppler_document_get_title (document);
  if (title != NULL && *g_strstrip (title) != '\0')
    job->title = g_steal_pointer (&title);
  g_free (title);
  {
    g_autofree char *author = poppler_document_get_author (document);

    if (author != NULL && *g_strstrip (author) != '\0')
      job->meta[PLX_DOCUMENT_META_AUTHOR] = g_steal_pointer (&author);
  }
  g_object_unref (document);
  g_string_free (b.block, TRUE);
  job->text = g_string_free (b.text, FALSE);
  return TRUE;
}

static gboolean
sniff_pdf (const guint8 *data,
           gsize         size)
{
  return size >= 5 && memcmp (data, "%PDF-", 5) == 0;
}

static const char * const extensions[] = { ".pdf", NULL };

const PlxFormat plx_format_pdf = {
  .id = "pdf",
  .name = N_("PDF"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = extensions,
  .mime_type = "application/pdf",
  .document_format = PLX_DOCUMENT_FORMAT_PDF,
  .reader_version = 1,
  .read = read_pdf,
  .sniff = sniff_pdf,
};
