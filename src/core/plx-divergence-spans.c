/* plx-divergence-spans.c: contested spans, the text that two or more
 * perspectives cover while giving it different themes. One sweep over
 * each document's passage boundaries; neighbouring stretches read the
 * same way by the same perspectives are one span.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-divergence"

#include <string.h>

#include "plx-divergence-private.h"

void
_plx_contested_span_free (PlxContestedSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->quote);
  for (guint p = 0; p < span->n_perspectives; p++)
    g_strfreev (span->themes[p]);
  g_free (span->themes);
  g_array_unref (span->passages);
  g_free (span);
}

typedef struct {
  PlxDivergence *self;
  guint          n_perspectives;
  guint          n_themes;
  gboolean      *covers;        /* per perspective */
  guint8        *has;           /* n_perspectives × n_themes */
} Sweep;

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Which perspectives cover the stretch and with which themes (the union
 * over their passages there); TRUE when at least two give it themes and
 * their sets are not all the same. A perspective without themes here
 * says nothing about what the text is about, so it contests nothing. */
static gboolean
read_stretch (Sweep        *sweep,
              const GArray *active)
{
  guint P = sweep->n_perspectives, T = sweep->n_themes;
  int first = -1;
  gboolean differ = FALSE;

  memset (sweep->covers, 0, sizeof (gboolean) * P);
  memset (sweep->has, 0, (gsize) P * T);
  for (guint i = 0; i < active->len; i++)
    {
      const PlxDivergencePassage *p = &g_array_index (sweep->self->passages, PlxDivergencePassage,
                                                      g_array_index (active, guint, i));

      sweep->covers[p->perspective] = TRUE;
      for (guint k = 0; k < p->n_themes; k++)
        sweep->has[(gsize) p->perspective * T + p->themes[k]] = 1;
    }
  for (guint p = 0; p < P; p++)
    {
      gboolean themed = memchr (sweep->has + (gsize) p * T, 1, T) != NULL;

      if (!sweep->covers[p] || !themed)
        continue;
      if (first < 0)
        first = (int) p;
      else if (memcmp (sweep->has + (gsize) p * T, sweep->has + (gsize) first * T, T) != 0)
        differ = TRUE;
    }
  return differ;
}

static PlxContestedSpan *
span_new (Sweep *sweep,
          guint  document,
          guint  start)
{
  PlxContestedSpan *span = g_new0 (PlxContestedSpan, 1);
  guint P = sweep->n_perspectives, T = sweep->n_themes;

  span->document = document;
  span->start = start;
  span->passages = g_array_new (FALSE, FALSE, sizeof (guint));
  span->n_perspectives = P;
  span->themes = g_new0 (GStrv, MAX (P, 1));
  for (guint p = 0; p < P; p++)
    {
      g_autoptr(GStrvBuilder) builder = NULL;

      if (!sweep->covers[p])
        continue;
      builder = g_strv_builder_new ();
      for (guint t = 0; t < T; t++)
        if (sweep->has[(gsize) p * T + t])
          g_strv_builder_add (builder, g_ptr_array_index (sweep->self->themes, t));
      span->themes[p] = g_strv_builder_end (builder);
    }
  return span;
}

/* The same perspectives with the same themes as @span. */
static gboolean
same_reading (Sweep                  *sweep,
              const PlxContestedSpan *span)
{
  for (guint p = 0; p < sweep->n_perspectives; p++)
    {
      guint k = 0;

      if ((span->themes[p] != NULL) != sweep->covers[p])
        return FALSE;
      if (span->themes[p] == NULL)
        continue;
      for (guint t = 0; t < sweep->n_themes; t++)
        if (sweep->has[(gsize) p * sweep->n_themes + t])
          {
            if (span->themes[p][k] == NULL ||
                strcmp (span->themes[p][k], g_ptr_array_index (sweep->self->themes, t)) != 0)
              return FALSE;
            k++;
          }
      if (span->themes[p][k] != NULL)
        return FALSE;
    }
  return TRUE;
}

static void
finish_span (PlxContestedSpan *span,
             const char       *start_byte,
             const char       *end_byte)
{
  guint kept = 0;

  span->quote = g_strndup (start_byte, (gsize) (end_byte - start_byte));
  g_array_sort (span->passages, compare_guint);
  for (guint i = 0; i < span->passages->len; i++)
    if (kept == 0 || g_array_index (span->passages, guint, i) != g_array_index (span->passages, guint, kept - 1))
      g_array_index (span->passages, guint, kept++) = g_array_index (span->passages, guint, i);
  g_array_set_size (span->passages, kept);
}

static void
sweep_document (Sweep     *sweep,
                guint      d,
                guint      first,
                guint      last,
                GPtrArray *spans)
{
  PlxDivergence *self = sweep->self;
  PlxDocument *document = g_ptr_array_index (self->documents, d);
  const char *text = plx_document_get_text (document);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  PlxContestedSpan *open = NULL;
  const char *open_byte = NULL, *at_byte = text;
  guint at = 0, next = first;

  for (guint i = first; i < last; i++)
    {
      const PlxDivergencePassage *p = &g_array_index (self->passages, PlxDivergencePassage, i);

      g_array_append_val (bounds, p->start);
      g_array_append_val (bounds, p->end);
    }
  g_array_sort (bounds, compare_guint);

  for (guint b = 0; b < bounds->len; b++)
    {
      guint here = g_array_index (bounds, guint, b), there;

      if (b + 1 < bounds->len && g_array_index (bounds, guint, b + 1) == here)
        continue;
      /* The text's bytes follow the sweep, so quotes cost one pass. */
      at_byte = g_utf8_offset_to_pointer (at_byte, here - at);
      at = here;
      for (guint i = active->len; i > 0; i--)
        if (g_array_index (self->passages, PlxDivergencePassage, g_array_index (active, guint, i - 1)).end <= here)
          g_array_remove_index_fast (active, i - 1);
      for (; next < last && g_array_index (self->passages, PlxDivergencePassage, next).start <= here; next++)
        g_array_append_val (active, next);
      there = b + 1 < bounds->len ? g_array_index (bounds, guint, b + 1) : here;

      if (active->len > 0 && there > here && read_stretch (sweep, active))
        {
          if (open == NULL || open->end != here || !same_reading (sweep, open))
            {
              if (open != NULL)
                finish_span (open, open_byte, at_byte);
              open = span_new (sweep, d, here);
              open_byte = at_byte;
              g_ptr_array_add (spans, open);
            }
          open->end = there;
          g_array_append_vals (open->passages, active->data, active->len);
        }
      else if (open != NULL && open->end == here)
        {
          finish_span (open, open_byte, at_byte);
          open = NULL;
        }
    }
  if (open != NULL)
    finish_span (open, open_byte, g_utf8_offset_to_pointer (at_byte, open->end - at));
}

/* The contested spans of every document of the slice, in order. */
GPtrArray *
_plx_divergence_find_contested (PlxDivergence *self)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) _plx_contested_span_free);
  Sweep sweep = { self, self->perspectives->len, self->themes->len, NULL, NULL };
  guint first = 0;

  sweep.covers = g_new0 (gboolean, MAX (sweep.n_perspectives, 1));
  sweep.has = g_new0 (guint8, MAX ((gsize) sweep.n_perspectives * sweep.n_themes, 1));
  for (guint d = 0; d < self->documents->len; d++)
    {
      guint last = first;

      while (last < self->passages->len && g_array_index (self->passages, PlxDivergencePassage, last).document == d)
        last++;
      sweep_document (&sweep, d, first, last, spans);
      first = last;
    }
  g_free (sweep.covers);
  g_free (sweep.has);
  return spans;
}
