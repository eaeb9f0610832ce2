/* plx-anchor.c: a passage is placed at its offsets while the quote is
 * still there; otherwise where the quote occurs with its context. Only a
 * single, unambiguous match places it, so nothing is ever put silently at
 * the wrong text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-anchor"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-anchor.h"

static gboolean
context_matches (const char *text,
                 gsize       text_bytes,
                 gsize       at,
                 gsize       quote_bytes,
                 const char *prefix,
                 const char *suffix,
                 gboolean   *prefix_ok,
                 gboolean   *suffix_ok)
{
  gsize prefix_bytes = strlen (prefix);
  gsize suffix_bytes = strlen (suffix);

  *prefix_ok = prefix_bytes <= at && memcmp (text + at - prefix_bytes, prefix, prefix_bytes) == 0;
  *suffix_ok = at + quote_bytes + suffix_bytes <= text_bytes &&
               memcmp (text + at + quote_bytes, suffix, suffix_bytes) == 0;
  return *prefix_ok && *suffix_ok;
}

/* Finds where the passage is now: at its offsets when the quote is still
 * there, else where the quote occurs with its context. Only a single,
 * unambiguous match places it; anything else leaves it an orphan. */
gboolean
plx_anchor_place (const PlxAnchor  *anchor,
                  PlxDocument      *document,
                  guint            *start,
                  guint            *end,
                  char            **why)
{
  g_autofree char *quote = g_utf8_normalize (anchor->quote, -1, G_NORMALIZE_NFC);
  g_autofree char *prefix = g_utf8_normalize (anchor->prefix ? anchor->prefix : "", -1, G_NORMALIZE_NFC);
  g_autofree char *suffix = g_utf8_normalize (anchor->suffix ? anchor->suffix : "", -1, G_NORMALIZE_NFC);
  const char *text = plx_document_get_text (document);
  gsize text_bytes = plx_document_get_text_bytes (document);
  gsize quote_bytes = strlen (quote);
  guint n_found = 0, n_both = 0, n_one = 0;
  gsize both_at = 0, one_at = 0;

  if (anchor->has_position && anchor->start < anchor->end && anchor->end <= plx_document_get_length (document))
    {
      g_autofree char *there = plx_document_dup_range (document, anchor->start, anchor->end);

      if (strcmp (there, quote) == 0)
        {
          *start = anchor->start;
          *end = anchor->end;
          return TRUE;
        }
    }

  for (const char *p = strstr (text, quote); p != NULL; p = strstr (g_utf8_next_char (p), quote))
    {
      gboolean prefix_ok, suffix_ok;
      gsize at = (gsize) (p - text);

      n_found++;
      if (context_matches (text, text_bytes, at, quote_bytes, prefix, suffix, &prefix_ok, &suffix_ok))
        {
          n_both++;
          both_at = at;
        }
      else if (prefix_ok || suffix_ok)
        {
          n_one++;
          one_at = at;
        }
    }

  if (n_both == 1 || (n_both == 0 && n_one == 1))
    {
      *start = plx_document_byte_to_offset (document, n_both == 1 ? both_at : one_at);
      *end = *start + (guint) g_utf8_strlen (quote, -1);
      return TRUE;
    }
  if (n_found == 0)
    *why = g_strdup_printf (_("the quote “%s” is no longer in “%s”"), quote, plx_document_get_title (document));
  else
    *why = g_strdup_printf (_("the quote “%s” occurs %u times in “%s” and its context does not tell which one"),
                            quote, n_found, plx_document_get_title (document));
  return FALSE;
}
