/* plx-highlighter.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-highlighter"
#include <stdlib.h>
#include <string.h>

#include "plx-highlighter.h"

/* Overlaps are shown by splitting the text into segments covered by the
 * same set of perspectives; each set gets one tag whose background blends
 * the colours and whose underline turns wavy when more than one perspective
 * is present, so overlap reads without colour too.
 *
 * Tags are applied only around what is on screen: on a book with tens of
 * thousands of passages, tagging everything costs a long pause while
 * tagging a screenful costs a few milliseconds. The segments are kept in
 * an array sorted by offset; scrolling applies the ones that come into
 * view. */

/* Characters kept tagged above and below the visible text. */
#define MARGIN_CHARS 6000
/* Unmeasured lines have no height yet, so "what is visible" can seem to
 * run to the end of the buffer; never tag more than this at a time. */
#define MAX_WINDOW_CHARS 60000

typedef struct {
  guint       start;
  guint       end;
  GtkTextTag *tag;
} Segment;

/* What the highlighter needs of an annotation, kept so that a removed one's
 * range is still known when the list reports it gone. */
typedef struct {
  guint  start;
  guint  end;
  gint64 perspective_id;
} Span;

typedef struct {
  gint64 perspective_id;
  int    count;
} OpenCount;

struct _PlxHighlighter
{
  GObject        parent_instance;

  GtkTextView   *view;
  GtkTextBuffer *buffer;
  GListModel    *annotations;
  GListModel    *perspectives;
  GHashTable    *tags;          /* "prefix:id,id,…" → GtkTextTag */
  GArray        *spans;         /* Span per annotation, in the list's order */
  GArray        *segments;      /* Segment, sorted by start */
  guint          applied_start; /* the range now carrying tags */
  guint          applied_end;
  guint          refresh_source;
  guint          scroll_source;
};

G_DEFINE_FINAL_TYPE (PlxHighlighter, plx_highlighter, G_TYPE_OBJECT)

typedef struct {
  guint  offset;
  int    delta;        /* +1 opens, -1 closes */
  gint64 perspective_id;
} Boundary;

static int
compare_boundaries (gconstpointer a,
                    gconstpointer b)
{
  const Boundary *x = a, *y = b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return x->delta - y->delta;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static PlxPerspective *
find_perspective (PlxHighlighter *self,
                  gint64          id)
{
  guint n = g_list_model_get_n_items (self->perspectives);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (self->perspectives, i);

      if (plx_perspective_get_id (perspective) == id)
        return g_steal_pointer (&perspective);
    }
  return NULL;
}

static GtkTextTag *
tag_for_set (PlxHighlighter *self,
             GArray         *ids)
{
  g_autoptr(GString) key = g_string_new (PLX_HIGHLIGHT_TAG_PREFIX);
  GtkTextTag *tag;
  GdkRGBA mix = { 0, 0, 0, 0 };
  GdkRGBA line = { 0, 0, 0, 1 };
  guint counted = 0;

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (key, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));

  tag = g_hash_table_lookup (self->tags, key->str);
  if (tag != NULL)
    return tag;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PlxPerspective) perspective = find_perspective (self, g_array_index (ids, gint64, i));
      GdkRGBA color;

      if (perspective == NULL || !gdk_rgba_parse (&color, plx_perspective_get_color (perspective)))
        continue;
      mix.red += color.red;
      mix.green += color.green;
      mix.blue += color.blue;
      line = color;
      counted++;
    }
  if (counted > 0)
    {
      mix.red /= counted;
      mix.green /= counted;
      mix.blue /= counted;
    }
  mix.alpha = counted > 1 ? 0.45 : 0.28;

  /* An overlap is marked by its shape, not only by its blended colour: a
   * wavy underline in the text's own colour (a double underline was too
   * thin to see, and a fixed dark grey vanished in the dark style). */
  if (counted > 1)
    tag = gtk_text_buffer_create_tag (self->buffer, key->str,
                                      "background-rgba", &mix,
                                      "underline", PANGO_UNDERLINE_ERROR,
                                      NULL);
  else
    tag = gtk_text_buffer_create_tag (self->buffer, key->str,
                                      "background-rgba", &mix,
                                      "underline", PANGO_UNDERLINE_SINGLE,
                                      "underline-rgba", &line,
                                      NULL);
  g_hash_table_insert (self->tags, g_strdup (key->str), tag);
  return tag;
}

static void
remove_tags (PlxHighlighter *self,
             guint           start,
             guint           end)
{
  GHashTableIter iter;
  gpointer tag;
  GtkTextIter a, b;

  if (start >= end)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, (int) start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, (int) end);
  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_buffer_remove_tag (self->buffer, tag, &a, &b);
}

static void
forget_tags (PlxHighlighter *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GHashTableIter iter;
  gpointer tag;

  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_tag_table_remove (table, tag);
  g_hash_table_remove_all (self->tags);
  g_array_set_size (self->segments, 0);
  self->applied_start = self->applied_end = 0;
}

/* The first segment that ends after @offset. */
static guint
first_segment_after (PlxHighlighter *self,
                     guint           offset)
{
  guint lo = 0, hi = self->segments->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->segments, Segment, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
apply_segments (PlxHighlighter *self,
                guint           start,
                guint           end)
{
  for (guint i = first_segment_after (self, start); i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);
      GtkTextIter a, b;

      if (segment->start >= end)
        break;
      gtk_text_buffer_get_iter_at_offset (self->buffer, &a, (int) MAX (segment->start, start));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &b, (int) MIN (segment->end, end));
      gtk_text_buffer_apply_tag (self->buffer, segment->tag, &a, &b);
    }
}

static void
wanted_range (PlxHighlighter *self,
              guint          *start,
              guint          *end)
{
  guint length = (guint) gtk_text_buffer_get_char_count (self->buffer);
  GdkRectangle visible;
  GtkTextIter top, bottom;
  guint top_offset, bottom_offset;

  gtk_text_view_get_visible_rect (self->view, &visible);
  gtk_text_view_get_iter_at_location (self->view, &top, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (self->view, &bottom, visible.x + visible.width, visible.y + visible.height);
  top_offset = (guint) gtk_text_iter_get_offset (&top);
  bottom_offset = MAX ((guint) gtk_text_iter_get_offset (&bottom), top_offset);
  bottom_offset = MIN (bottom_offset, top_offset + MAX_WINDOW_CHARS);

  *start = top_offset > MARGIN_CHARS ? top_offset - MARGIN_CHARS : 0;
  *end = MIN (length, bottom_offset + MARGIN_CHARS);
}

/* Brings the tagged range to what is wanted now, touching only the parts
 * that changed. */
static void
sync_visible (PlxHighlighter *self)
{
  guint start, end;

  wanted_range (self, &start, &end);
  if (start == self->applied_start && end == self->applied_end)
    return;

  if (end <= self->applied_start || start >= self->applied_end)
    {
      remove_tags (self, self->applied_start, self->applied_end);
      apply_segments (self, start, end);
    }
  else
    {
      if (start < self->applied_start)
        apply_segments (self, start, self->applied_start);
      else
        remove_tags (self, self->applied_start, start);
      if (end > self->applied_end)
        apply_segments (self, self->applied_end, end);
      else
        remove_tags (self, end, self->applied_end);
    }
  self->applied_start = start;
  self->applied_end = end;
}

static gboolean
sync_visible_cb (gpointer data)
{
  PlxHighlighter *self = data;

  self->scroll_source = 0;
  sync_visible (self);
  return G_SOURCE_REMOVE;
}

/* Scrolling is reported while the view lays itself out, when changing tags
 * is not allowed; so the tags follow just after. */
static void
scrolled_cb (PlxHighlighter *self)
{
  if (self->scroll_source == 0)
    self->scroll_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_visible_cb, self, NULL);
}

static GtkTextTag *
tag_for_open (PlxHighlighter *self,
              GArray         *open)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), open->len);

  for (guint i = 0; i < open->len; i++)
    g_array_append_val (ids, g_array_index (open, OpenCount, i).perspective_id);
  g_array_sort (ids, compare_ids);
  return tag_for_set (self, ids);
}

/* The segments of [lo, hi), from the spans that overlap it, clipped. */
static GArray *
sweep (PlxHighlighter *self,
       guint           lo,
       guint           hi)
{
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (Boundary));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenCount));
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  GtkTextTag *current = NULL;
  guint segment_start = lo;

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      Boundary open_at, close_at;

      /* The spans are in document order: none further on starts before hi. */
      if (span->start >= hi)
        break;
      if (span->end <= lo)
        continue;
      open_at = (Boundary) { MAX (span->start, lo), 1, span->perspective_id };
      close_at = (Boundary) { MIN (span->end, hi), -1, span->perspective_id };
      g_array_append_val (boundaries, open_at);
      g_array_append_val (boundaries, close_at);
    }
  g_array_sort (boundaries, compare_boundaries);

  /* Between two consecutive boundaries the covering set is fixed; it has a
   * handful of perspectives at most, so a small array serves as the set. */
  for (guint i = 0; i < boundaries->len; i++)
    {
      const Boundary *b = &g_array_index (boundaries, Boundary, i);
      guint k;

      if (b->offset > segment_start && open->len > 0)
        {
          Segment segment = { segment_start, b->offset, NULL };

          if (current == NULL)
            current = tag_for_open (self, open);
          segment.tag = current;
          g_array_append_val (segments, segment);
        }
      segment_start = b->offset;

      for (k = 0; k < open->len && g_array_index (open, OpenCount, k).perspective_id != b->perspective_id; k++)
        ;
      if (k == open->len)
        {
          OpenCount entry = { b->perspective_id, 0 };
          g_array_append_val (open, entry);
          current = NULL;
        }
      g_array_index (open, OpenCount, k).count += b->delta;
      if (g_array_index (open, OpenCount, k).count == 0)
        {
          g_array_remove_index_fast (open, k);
          current = NULL;
        }
    }
  return segments;
}

static void
load_spans (PlxHighlighter *self)
{
  guint n = g_list_model_get_n_items (self->annotations);

  g_array_set_size (self->spans, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      Span span = { plx_annotation_get_start (annotation), plx_annotation_get_end (annotation),
                    plx_annotation_get_perspective_id (annotation) };

      g_array_append_val (self->spans, span);
    }
}

static void
build_segments (PlxHighlighter *self)
{
  g_clear_pointer (&self->segments, g_array_unref);
  self->segments = sweep (self, 0, G_MAXUINT);
}

/* Only [lo, hi) changed: recompute its segments, splice them in (cutting
 * the neighbours at lo and hi) and re-tag that stretch if it is on screen.
 * This keeps tagging one passage cheap however many the document holds. */
static void
resegment (PlxHighlighter *self,
           guint           lo,
           guint           hi)
{
  g_autoptr(GArray) fresh = sweep (self, lo, hi);
  g_autoptr(GArray) replacement = g_array_new (FALSE, FALSE, sizeof (Segment));
  guint first = first_segment_after (self, lo);
  guint last = first;
  guint a, b;

  while (last < self->segments->len && g_array_index (self->segments, Segment, last).start < hi)
    last++;

  if (first < last && g_array_index (self->segments, Segment, first).start < lo)
    {
      Segment left = g_array_index (self->segments, Segment, first);
      left.end = lo;
      g_array_append_val (replacement, left);
    }
  g_array_append_vals (replacement, fresh->data, fresh->len);
  if (first < last && g_array_index (self->segments, Segment, last - 1).end > hi)
    {
      Segment right = g_array_index (self->segments, Segment, last - 1);
      right.start = hi;
      g_array_append_val (replacement, right);
    }

  /* Only the tags of the segments replaced can be on the stretch: removing
   * every tag there was thirty removals and redisplays for one passage. */
  a = MAX (lo, self->applied_start);
  b = MIN (hi, self->applied_end);
  for (guint i = first; a < b && i < last; i++)
    {
      const Segment *old = &g_array_index (self->segments, Segment, i);
      GtkTextIter from, to;

      if (old->end <= a || old->start >= b)
        continue;
      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, (int) MAX (old->start, a));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &to, (int) MIN (old->end, b));
      gtk_text_buffer_remove_tag (self->buffer, old->tag, &from, &to);
    }

  g_array_remove_range (self->segments, first, last - first);
  g_array_insert_vals (self->segments, first, replacement->data, replacement->len);

  if (a < b)
    apply_segments (self, a, b);
}

static void
annotations_changed_cb (PlxHighlighter *self,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GListModel     *model)
{
  guint lo = G_MAXUINT, hi = 0;

  for (guint i = position; i < position + removed; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      lo = MIN (lo, span->start);
      hi = MAX (hi, span->end);
    }
  g_array_remove_range (self->spans, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (model, position + i);
      Span span = { plx_annotation_get_start (annotation), plx_annotation_get_end (annotation),
                    plx_annotation_get_perspective_id (annotation) };

      g_array_insert_val (self->spans, position + i, span);
      lo = MIN (lo, span.start);
      hi = MAX (hi, span.end);
    }
  if (lo < hi)
    resegment (self, lo, hi);
}

/* Recomputes the segments and re-tags the visible range. Called at once on
 * a change, not on idle: the highlight must appear in the same frame as the
 * panel's new card. */
void
plx_highlighter_refresh (PlxHighlighter *self)
{
  g_return_if_fail (PLX_IS_HIGHLIGHTER (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  remove_tags (self, self->applied_start, self->applied_end);
  self->applied_start = self->applied_end = 0;
  load_spans (self);
  build_segments (self);
  sync_visible (self);
}

static gboolean
refresh_cb (gpointer data)
{
  PlxHighlighter *self = data;

  self->refresh_source = 0;
  /* Colours changed: the tags themselves must be made again. */
  remove_tags (self, self->applied_start, self->applied_end);
  forget_tags (self);
  plx_highlighter_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (PlxHighlighter *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

static void
perspectives_changed_cb (PlxHighlighter *self,
                         guint           position,
                         guint           removed,
                         guint           added,
                         GListModel     *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (model, i);
      g_signal_connect_object (perspective, "notify::color", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }
  queue_rebuild (self);
}

static void
plx_highlighter_dispose (GObject *object)
{
  PlxHighlighter *self = (PlxHighlighter *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  if (self->perspectives != NULL)
    g_signal_handlers_disconnect_by_data (self->perspectives, self);
  if (self->view != NULL)
    {
      GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));

      if (vadjustment != NULL)
        g_signal_handlers_disconnect_by_data (vadjustment, self);
      g_signal_handlers_disconnect_by_data (self->view, self);
    }
  if (self->buffer != NULL)
    {
      remove_tags (self, self->applied_start, self->applied_end);
      forget_tags (self);
    }
  g_clear_object (&self->annotations);
  g_clear_object (&self->perspectives);
  g_clear_object (&self->buffer);
  g_clear_object (&self->view);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (plx_highlighter_parent_class)->dispose (object);
}

static void
plx_highlighter_class_init (PlxHighlighterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plx_highlighter_dispose;
}

static void
plx_highlighter_init (PlxHighlighter *self)
{
  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
}

PlxHighlighter *
plx_highlighter_new (GtkTextView *view,
                     GListModel  *annotations,
                     GListModel  *perspectives)
{
  PlxHighlighter *self = g_object_new (PLX_TYPE_HIGHLIGHTER, NULL);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  self->view = g_object_ref (view);
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  self->annotations = g_object_ref (annotations);
  self->perspectives = g_object_ref (perspectives);
  g_signal_connect_swapped (annotations, "items-changed", G_CALLBACK (annotations_changed_cb), self);
  g_signal_connect_swapped (perspectives, "items-changed", G_CALLBACK (perspectives_changed_cb), self);
  if (vadjustment != NULL)
    {
      g_signal_connect_swapped (vadjustment, "value-changed", G_CALLBACK (scrolled_cb), self);
      g_signal_connect_swapped (vadjustment, "changed", G_CALLBACK (scrolled_cb), self);
    }
  perspectives_changed_cb (self, 0, 0, g_list_model_get_n_items (perspectives), perspectives);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  plx_highlighter_refresh (self);
  return self;
}

/* Reads back which perspectives a highlight tag stands for. */
gboolean
plx_highlighter_parse_tag (GtkTextTag  *tag,
                           GArray     **perspective_ids)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) parts = NULL;

  g_object_get (tag, "name", &name, NULL);
  if (name == NULL || !g_str_has_prefix (name, PLX_HIGHLIGHT_TAG_PREFIX))
    return FALSE;
  if (perspective_ids != NULL)
    {
      parts = g_strsplit (name + strlen (PLX_HIGHLIGHT_TAG_PREFIX), ",", -1);
      *perspective_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; parts[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (parts[i], NULL, 10);
          g_array_append_val (*perspective_ids, id);
        }
    }
  return TRUE;
}
