/* plx-qde-place.c: where a REFI-QDA selection's offsets fall in the
 * text Parallax keeps. The specification counts code points of the file;
 * tools differ in practice (a line end counted as two characters, a
 * byte-order mark counted as one). A selection whose name is its text is
 * placed by the counting that name confirms, and a correction is
 * reported; one without a name follows the counting most of its source's
 * named selections used; one that nothing explains is set aside.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-qdpx"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-anchor.h"
#include "plx-error.h"
#include "plx-import-perspectives.h"
#include "plx-project-private.h"
#include "plx-qde-read-private.h"
#include "plx-text.h"

/* ---- placing ---- */

typedef enum {
  COUNT_AS_IS,    /* code points of the text as Parallax keeps it */
  COUNT_FILE,     /* code points of the file: BOM and both halves of CRLF */
  COUNT_CRLF,     /* CRLF as two, BOM not counted */
  COUNT_BOM,      /* BOM counted, CRLF as one */
  N_COUNTS,
} Counting;

/* For each way of counting, where each position of the file falls in the
 * text (NULL: that counting is the text's own, or does not apply). */
typedef struct {
  GArray *map[N_COUNTS];
  guint   text_length;
  guint   crlf;
  gboolean bom;
  gboolean known;    /* the file's text is the text, but for a BOM and CRs */
} Positions;

static void
positions_clear (Positions *p)
{
  for (guint c = 0; c < N_COUNTS; c++)
    g_clear_pointer (&p->map[c], g_array_unref);
}

/* Walks the file's code points beside the text's: a BOM and the CR of a
 * CRLF are the only differences it explains. */
static void
positions_init (Positions   *p,
                const char  *raw,
                gsize        raw_length,
                PlxDocument *document)
{
  const char *text = plx_document_get_text (document);
  const char *r = raw, *t = text;
  const char *r_end = raw + raw_length;
  GArray *file = g_array_new (FALSE, FALSE, sizeof (guint));
  guint at = 0;

  memset (p, 0, sizeof *p);
  p->text_length = plx_document_get_length (document);
  if (!g_utf8_validate_len (raw, raw_length, NULL))
    {
      g_array_unref (file);
      return;
    }
  if (raw_length >= 3 && memcmp (raw, "\xEF\xBB\xBF", 3) == 0)
    {
      p->bom = TRUE;
      g_array_append_val (file, at);
      r += 3;
    }
  while (r < r_end)
    {
      gunichar rc = g_utf8_get_char (r);
      gunichar tc = *t ? g_utf8_get_char (t) : 0;

      if (rc == tc)
        {
          g_array_append_val (file, at);
          at++;
          r = g_utf8_next_char (r);
          t = g_utf8_next_char (t);
        }
      else if (rc == '\r' && tc == '\n')
        {
          /* A CRLF, or a lone CR the text keeps as LF. */
          g_array_append_val (file, at);
          r++;
          if (r < r_end && *r == '\n')
            {
              p->crlf++;
              g_array_append_val (file, at);
              r++;
            }
          at++;
          t++;
        }
      else
        {
          /* Normalisation changed more than line ends: only the text's
           * own counting applies. */
          g_array_unref (file);
          return;
        }
    }
  if (*t != '\0')
    {
      g_array_unref (file);
      return;
    }
  g_array_append_val (file, at);
  p->known = TRUE;
  if (!p->bom && p->crlf == 0)
    {
      g_array_unref (file);
      return;
    }
  p->map[COUNT_FILE] = file;
  if (p->bom && p->crlf > 0)
    {
      /* Without the BOM's place; and the BOM's place alone. */
      GArray *crlf = g_array_sized_new (FALSE, FALSE, sizeof (guint), file->len - 1);
      GArray *bom = g_array_new (FALSE, FALSE, sizeof (guint));

      g_array_append_vals (crlf, &g_array_index (file, guint, 1), file->len - 1);
      p->map[COUNT_CRLF] = crlf;
      for (guint i = 0; i <= p->text_length + 1; i++)
        {
          guint v = i == 0 ? 0 : i - 1;
          g_array_append_val (bom, v);
        }
      p->map[COUNT_BOM] = bom;
    }
}

static gboolean
translate (Positions *p,
           Counting   counting,
           gint64     start,
           gint64     end,
           guint     *at_start,
           guint     *at_end)
{
  GArray *map = p->map[counting];

  if (start < 0 || end < 0 || start >= end)
    return FALSE;
  if (counting == COUNT_AS_IS)
    {
      if (end > p->text_length)
        return FALSE;
      *at_start = (guint) start;
      *at_end = (guint) end;
      return TRUE;
    }
  if (map == NULL || end >= map->len)
    return FALSE;
  *at_start = g_array_index (map, guint, start);
  *at_end = g_array_index (map, guint, end);
  return *at_start < *at_end;
}

/* Whether @quote (a selection's name) is the text at the range: the
 * whole of it, or, for a name a tool cut short ("…"), its beginning. */
static gboolean
quote_matches (const char *quote,
               const char *text)
{
  g_autofree char *cut = NULL;
  gsize length;

  if (strcmp (quote, text) == 0)
    return TRUE;
  cut = g_strdup (quote);
  length = strlen (cut);
  if (g_str_has_suffix (cut, "…"))
    cut[length - strlen ("…")] = '\0';
  else if (g_str_has_suffix (cut, "..."))
    cut[length - 3] = '\0';
  else
    return FALSE;
  return g_utf8_strlen (cut, -1) >= 8 && g_str_has_prefix (text, cut);
}

static const char *
counting_reason (Positions *p,
                 Counting   counting)
{
  switch (counting)
    {
    case COUNT_FILE:
      return p->bom && p->crlf > 0 ? _("a byte-order mark counted as a character and line ends counted as two")
             : p->bom ? _("a byte-order mark counted as a character")
                      : _("line ends counted as two characters");
    case COUNT_CRLF:
      return _("line ends counted as two characters");
    case COUNT_BOM:
      return _("a byte-order mark counted as a character");
    case COUNT_AS_IS:
    case N_COUNTS:
    default:
      return "";
    }
}

static void
set_aside (Reader     *r,
           Selection  *s,
           const char *why)
{
  g_ptr_array_add (r->report->orphans, g_strdup_printf (_("%s (%s, line %ld): %s"), s->guid, r->entry, s->line, why));
  r->report->orphaned++;
}

/* Places @s by the first counting its quote confirms (with @quoted) or
 * by @counting alone (without); otherwise sets it aside, saying why. */
static void
place_one (Reader    *r,
           Source    *source,
           Positions *p,
           Selection *s,
           gboolean   quoted,
           Counting   counting,
           guint     *votes)
{
  g_autofree char *quote = quoted ? plx_text_normalize (s->quote, strlen (s->quote), NULL) : NULL;
  guint start, end;

  /* Without a quote, offsets into a text that normalisation changed
   * (NFC composed characters) cannot be checked: never placed blind. */
  if (!quoted && !p->known)
    {
      set_aside (r, s, _("it carries no text to check its offsets against, and the source’s text changed when "
                         "it was normalised (NFC), so the offsets may not count the same characters"));
      return;
    }
  for (Counting c = COUNT_AS_IS; c < N_COUNTS; c++)
    {
      g_autofree char *text = NULL;

      if (!quoted && c != counting)
        continue;
      if (!translate (p, c, s->start, s->end, &start, &end))
        continue;
      text = plx_document_dup_range (source->document, start, end);
      if (quoted && (quote == NULL || !quote_matches (quote, text)))
        continue;
      s->placed = TRUE;
      s->at_start = start;
      s->at_end = end;
      votes[c]++;
      if (c != COUNT_AS_IS)
        g_ptr_array_add (r->report->notices,
                         g_strdup_printf (_("%s (%s, line %ld): its offsets %" PRId64 "–%" PRId64 " in “%s” "
                                            "were counted another way (%s); corrected to %u–%u, where its text is"),
                                          s->guid, r->entry, s->line, s->start, s->end, source->name,
                                          counting_reason (p, c), start, end));
      return;
    }

  /* Normalisation (NFC) changed the text, so no counting maps the
   * file's positions: the quote, where it occurs once, still places it. */
  if (quoted && quote != NULL && *quote != '\0' && !p->known)
    {
      PlxAnchor anchor = { quote, "", "", FALSE, 0, 0 };
      g_autofree char *why = NULL;

      if (plx_anchor_place (&anchor, source->document, &start, &end, &why))
        {
          s->placed = TRUE;
          s->at_start = start;
          s->at_end = end;
          g_ptr_array_add (r->report->notices,
                           g_strdup_printf (_("%s (%s, line %ld): the text of “%s” changed when it was normalised (NFC), "
                                              "so its offsets %" PRId64 "–%" PRId64 " were replaced by %u–%u, "
                                              "the one place where its text occurs"),
                                            s->guid, r->entry, s->line, source->name, s->start, s->end, start, end));
          return;
        }
    }

  if (s->start < 0 || s->end < 0)
    set_aside (r, s, _("its startPosition or endPosition is not a position in the text"));
  else if (s->start >= s->end)
    set_aside (r, s, _("it selects nothing (its end is not after its start)"));
  else if (!translate (p, COUNT_AS_IS, s->start, s->end, &start, &end) &&
           !translate (p, COUNT_FILE, s->start, s->end, &start, &end))
    {
      g_autofree char *why = g_strdup_printf (_("its offsets %" PRId64 "–%" PRId64 " are outside the text of “%s” "
                                                "(%u characters)"), s->start, s->end, source->name, p->text_length);
      set_aside (r, s, why);
    }
  else
    {
      g_autofree char *there = plx_document_dup_range (source->document, start, end);
      g_autofree char *why = g_strdup_printf (_("its name “%s” is not the text at %" PRId64 "–%" PRId64 " of “%s” "
                                                "(“%s”), however the positions are counted"),
                                              s->quote, s->start, s->end, source->name, there);
      set_aside (r, s, why);
    }
}

void
_plx_qde_place_selections (Reader *r,
                  Source *source)
{
  Positions p;
  gsize raw_length;
  const char *raw = g_bytes_get_data (source->raw, &raw_length);
  guint votes[N_COUNTS] = { 0, };
  Counting unquoted;
  guint best = 0;

  positions_init (&p, raw, raw_length, source->document);

  /* The selections that carry their text show how the file counts... */
  for (guint i = 0; i < source->selections->len; i++)
    {
      Selection *s = g_ptr_array_index (source->selections, i);

      if (s->quote != NULL && *s->quote != '\0')
        place_one (r, source, &p, s, TRUE, COUNT_AS_IS, votes);
    }
  /* ...and those that do not follow most of them; with none to go by,
   * the specification's counting: the file's code points. */
  unquoted = p.map[COUNT_FILE] != NULL ? COUNT_FILE : COUNT_AS_IS;
  for (Counting c = COUNT_AS_IS; c < N_COUNTS; c++)
    if (votes[c] > best)
      {
        best = votes[c];
        unquoted = c;
      }
  for (guint i = 0; i < source->selections->len; i++)
    {
      Selection *s = g_ptr_array_index (source->selections, i);

      if (s->quote == NULL || *s->quote == '\0')
        place_one (r, source, &p, s, FALSE, unquoted, votes);
    }
  positions_clear (&p);
}

