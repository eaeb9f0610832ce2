/* plx-document-cite.c: where a passage of a document is (its page,
 * paragraph, time and speaker, as a citation), and where the document
 * came from (its original file and what the user knows of it).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-document"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-document-private.h"
#include "plx-error.h"
#include "plx-format.h"

/* ---- locators and citations ---- */

/* Four little-endian 32-bit numbers each (kind, start, end, value). */
GBytes *
plx_document_pack_locators (PlxDocument *self)
{
  guint32 *packed;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);

  packed = g_new (guint32, (gsize) self->locators->len * 4 + 1);
  for (guint i = 0; i < self->locators->len; i++)
    {
      const PlxLocator *locator = &g_array_index (self->locators, PlxLocator, i);

      packed[i * 4] = GUINT32_TO_LE ((guint32) locator->kind);
      packed[i * 4 + 1] = GUINT32_TO_LE (locator->start);
      packed[i * 4 + 2] = GUINT32_TO_LE (locator->end);
      packed[i * 4 + 3] = GUINT32_TO_LE (locator->value);
    }
  return g_bytes_new_take (packed, (gsize) self->locators->len * 4 * sizeof (guint32));
}

/* The locators a store kept (plx_document_pack_locators()), checked
 * against the text. */
gboolean
plx_document_set_stored_locators (PlxDocument   *self,
                                  const guint8  *data,
                                  gsize          size,
                                  GError       **error)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), FALSE);

  if (size % (4 * sizeof (guint32)) != 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT, _("its page and time marks are cut short"));
      return FALSE;
    }
  g_array_set_size (self->locators, 0);
  for (gsize at = 0; at < size; at += 4 * sizeof (guint32))
    {
      guint32 values[4];
      PlxLocator locator;

      memcpy (values, data + at, sizeof values);
      locator.kind = (PlxLocatorKind) GUINT32_FROM_LE (values[0]);
      locator.start = GUINT32_FROM_LE (values[1]);
      locator.end = GUINT32_FROM_LE (values[2]);
      locator.value = GUINT32_FROM_LE (values[3]);
      g_array_append_val (self->locators, locator);
    }
  if (!_plx_document_check_ranges (self, error))
    {
      g_array_set_size (self->locators, 0);
      _plx_document_index_locators (self);
      return FALSE;
    }
  _plx_document_index_locators (self);
  return TRUE;
}

/* Locators and provenance, for a copy of @from made from what it stored. */
void
plx_document_copy_provenance (PlxDocument *self,
                              PlxDocument *from)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));
  g_return_if_fail (PLX_IS_DOCUMENT (from));

  if (from->length == self->length)
    {
      g_array_set_size (self->locators, 0);
      g_array_append_vals (self->locators, from->locators->data, from->locators->len);
      _plx_document_index_locators (self);
    }
  g_clear_pointer (&self->original, g_bytes_unref);
  if (from->original != NULL)
    self->original = g_bytes_ref (from->original);
  g_free (self->original_name);
  self->original_name = g_strdup (from->original_name);
  g_free (self->original_sha256);
  self->original_sha256 = g_strdup (from->original_sha256);
  g_free (self->added);
  self->added = g_strdup (from->added);
  plx_document_set_reader (self, from->reader, from->reader_version);
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    plx_document_set_meta (self, m, from->meta[m]);
}

const PlxLocator *
plx_document_get_locators (PlxDocument *self,
                           guint       *n_locators)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  *n_locators = self->locators->len;
  return (const PlxLocator *) (gpointer) self->locators->data;
}

/* What the reader left out, or with PLX_READ_KEEP_RUNNING_LINES would
 * have: a PDF's running headers, footers and page numbers, for the
 * import preview. Known only for a document just read. */
const PlxDroppedLine *
plx_document_get_dropped_lines (PlxDocument *self,
                                guint       *n_lines)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  *n_lines = self->dropped != NULL ? self->dropped->len : 0;
  return self->dropped != NULL ? (const PlxDroppedLine *) (gpointer) self->dropped->data : NULL;
}

/* The last locator of @kind that starts at or before @offset, or NULL. */
static const PlxLocator *
find_locator (PlxDocument    *self,
              PlxLocatorKind  kind,
              guint           offset)
{
  guint lo = self->locators_by_kind[kind];
  guint hi = self->locators_by_kind[kind + 1];
  const PlxLocator *found = NULL;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const PlxLocator *locator = &g_array_index (self->locators, PlxLocator, mid);

      if (locator->start <= offset)
        {
          found = locator;
          lo = mid + 1;
        }
      else
        hi = mid;
    }
  return found;
}

/* The page @offset is on, from 1; 0 where the document has no pages. */
guint
plx_document_get_page (PlxDocument *self,
                       guint        offset)
{
  const PlxLocator *page;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), 0);
  page = find_locator (self, PLX_LOCATOR_PAGE, offset);
  return page != NULL ? page->value : 0;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The number of the paragraph @offset is in, from 1 (headings and notes
 * are not counted); 0 outside every paragraph. */
guint
plx_document_get_paragraph (PlxDocument *self,
                            guint        offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), 0);

  if (self->paragraph_starts == NULL)
    {
      /* Pairs of start and end, by start. */
      self->paragraph_starts = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
      for (guint i = 0; i < self->blocks->len; i++)
        {
          const PlxBlock *block = &g_array_index (self->blocks, PlxBlock, i);
          guint pair[2] = { block->start, block->end };

          if (block->kind == PLX_BLOCK_PARAGRAPH)
            g_array_append_val (self->paragraph_starts, pair);
        }
      g_array_sort (self->paragraph_starts, compare_guint);
    }
  hi = self->paragraph_starts->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((guint *) (gpointer) self->paragraph_starts->data)[mid * 2] <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0 || offset > ((guint *) (gpointer) self->paragraph_starts->data)[(lo - 1) * 2 + 1])
    return 0;
  return lo;
}

/* When the passage at @offset was spoken, in ms; -1 where unknown. */
gint64
plx_document_get_time (PlxDocument *self,
                       guint        offset)
{
  const PlxLocator *cue;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), -1);
  cue = find_locator (self, PLX_LOCATOR_TIME, offset);
  return cue != NULL && offset <= cue->end ? (gint64) cue->value : -1;
}

/* Who speaks at @offset, or NULL. */
char *
plx_document_dup_speaker (PlxDocument *self,
                          guint        offset)
{
  const PlxLocator *turn;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  turn = find_locator (self, PLX_LOCATOR_SPEAKER, offset);
  return turn != NULL ? plx_document_dup_range (self, turn->start, turn->end) : NULL;
}

/* "01:02:03", hours always shown, as transcripts cite. */
char *
plx_document_format_time (guint64 ms)
{
  guint64 s = ms / 1000;

  return g_strdup_printf ("%02" G_GUINT64_FORMAT ":%02u:%02u", s / 3600, (guint) (s / 60 % 60), (guint) (s % 60));
}

/**
 * plx_document_dup_citation:
 *
 * Where the passage @start…@end is, as a reader cites it: page and
 * paragraph ("p. 12, ¶ 14"), or time and speaker for a transcript
 * ("00:12:31, Speaker"); "" when the document has nothing to cite by.
 */
char *
plx_document_dup_citation (PlxDocument *self,
                           guint        start,
                           guint        end)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint last = end > start ? end - 1 : start;
  guint first_page;
  gint64 time;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);

  first_page = plx_document_get_page (self, start);
  if (first_page > 0)
    {
      guint last_page = plx_document_get_page (self, last);

      if (last_page > first_page)
        /* Translators: a citation of pages, "pp. 12–13" */
        g_ptr_array_add (parts, g_strdup_printf (_("pp. %u–%u"), first_page, last_page));
      else
        /* Translators: a citation of a page, "p. 12" */
        g_ptr_array_add (parts, g_strdup_printf (_("p. %u"), first_page));
    }
  time = plx_document_get_time (self, start);
  if (time >= 0)
    {
      char *speaker = plx_document_dup_speaker (self, start);

      g_ptr_array_add (parts, plx_document_format_time ((guint64) time));
      if (speaker != NULL)
        g_ptr_array_add (parts, speaker);
    }
  else
    {
      guint paragraph = plx_document_get_paragraph (self, start);
      char *speaker = plx_document_dup_speaker (self, start);

      if (paragraph > 0)
        /* Translators: a citation of a paragraph, "¶ 14" */
        g_ptr_array_add (parts, g_strdup_printf (_("¶ %u"), paragraph));
      if (speaker != NULL)
        g_ptr_array_add (parts, speaker);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* ---- provenance ---- */

/**
 * plx_document_get_original:
 *
 * The bytes of the file the document was read from, where the document
 * holds them: a text format's source is its original (as near as Parallax
 * kept before version 4), a PDF's or an office file's is not, and one
 * loaded from a store leaves it there (plx_project_dup_document_original()).
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL
 */
GBytes *
plx_document_get_original (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);

  if (self->original != NULL)
    return g_bytes_ref (self->original);
  if (!plx_format_for_document (self->format)->text_source)
    return NULL;
  return g_bytes_new (self->source, strlen (self->source));
}

/* The original where it differs from the source (or is not text at all);
 * NULL where the source is the original, or it was not loaded. */
GBytes *
plx_document_get_distinct_original (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->original;
}

/* Gives back the original bytes a store kept (plx_store_load_original()),
 * so that a deleted document can be put back whole. */
void
plx_document_set_original (PlxDocument *self,
                           GBytes      *original)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));

  g_clear_pointer (&self->original, g_bytes_unref);
  if (original != NULL &&
      !(g_bytes_get_size (original) == strlen (self->source) &&
        memcmp (g_bytes_get_data (original, NULL), self->source, g_bytes_get_size (original)) == 0))
    self->original = g_bytes_ref (original);
}

const char *
plx_document_get_original_name (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->original_name ? self->original_name : "";
}

void
plx_document_set_original_name (PlxDocument *self,
                                const char  *name)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));
  g_free (self->original_name);
  self->original_name = g_strdup (name);
}

/* Lower-case hex; "" when unknown. */
const char *
plx_document_get_original_sha256 (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->original_sha256 ? self->original_sha256 : "";
}

void
plx_document_set_original_sha256 (PlxDocument *self,
                                  const char  *sha256)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));
  g_free (self->original_sha256);
  self->original_sha256 = g_strdup (sha256);
}

/* When it was read into the project, ISO 8601; NULL before it is stored. */
const char *
plx_document_get_added (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->added;
}

void
plx_document_set_added (PlxDocument *self,
                        const char  *added)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));
  g_free (self->added);
  self->added = g_strdup (added);
}

const char *
plx_document_get_meta (PlxDocument     *self,
                       PlxDocumentMeta  meta)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (meta < PLX_DOCUMENT_N_META, NULL);
  return self->meta[meta] ? self->meta[meta] : "";
}

void
plx_document_set_meta (PlxDocument     *self,
                       PlxDocumentMeta  meta,
                       const char      *value)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));
  g_return_if_fail (meta < PLX_DOCUMENT_N_META);
  g_free (self->meta[meta]);
  self->meta[meta] = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* The reader's id (a format's) and its version when the text was read. */
const char *
plx_document_get_reader (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->reader;
}

guint
plx_document_get_reader_version (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), 0);
  return self->reader_version;
}

void
plx_document_set_reader (PlxDocument *self,
                         const char  *reader,
                         guint        version)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));
  g_free (self->reader);
  self->reader = g_strdup (reader);
  self->reader_version = version;
}
