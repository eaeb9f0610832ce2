/* plx-highlighter.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "plx-highlighter.h"

/* Overlaps are shown by splitting the text into segments covered by the
 * same set of perspectives; each set gets one tag whose background blends
 * the colours and whose underline doubles when more than one perspective
 * is present, so overlap reads without colour too. */
struct _PlxHighlighter
{
  GObject        parent_instance;

  GtkTextBuffer *buffer;
  GListModel    *annotations;
  GListModel    *perspectives;
  GHashTable    *tags;          /* "id,id,…" → GtkTextTag */
  guint          refresh_source;
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
                  gint64          id,
                  guint          *position)
{
  guint n = g_list_model_get_n_items (self->perspectives);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (self->perspectives, i);

      if (plx_perspective_get_id (perspective) == id)
        {
          *position = i;
          return g_steal_pointer (&perspective);
        }
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
      guint position = 0;
      g_autoptr(PlxPerspective) perspective = find_perspective (self, g_array_index (ids, gint64, i), &position);
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
  if (counted > 1)
    line = (GdkRGBA) { 0.2, 0.2, 0.2, 1 };

  tag = gtk_text_buffer_create_tag (self->buffer, key->str,
                                    "background-rgba", &mix,
                                    "underline", counted > 1 ? PANGO_UNDERLINE_DOUBLE : PANGO_UNDERLINE_SINGLE,
                                    "underline-rgba", &line,
                                    NULL);
  g_hash_table_insert (self->tags, g_strdup (key->str), tag);
  return tag;
}

static void
clear_tags (PlxHighlighter *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GHashTableIter iter;
  gpointer tag;

  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_tag_table_remove (table, tag);
  g_hash_table_remove_all (self->tags);
}

void
plx_highlighter_refresh (PlxHighlighter *self)
{
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (Boundary));
  g_autoptr(GHashTable) open = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (self->annotations);
  guint segment_start = 0;

  g_return_if_fail (PLX_IS_HIGHLIGHTER (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  clear_tags (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      gint64 id = plx_annotation_get_perspective_id (annotation);
      Boundary open_at = { plx_annotation_get_start (annotation), 1, id };
      Boundary close_at = { plx_annotation_get_end (annotation), -1, id };

      g_array_append_val (boundaries, open_at);
      g_array_append_val (boundaries, close_at);
    }
  g_array_sort (boundaries, compare_boundaries);

  /* Sweep: between two consecutive boundaries the covering set is fixed. */
  for (guint i = 0; i < boundaries->len; i++)
    {
      const Boundary *b = &g_array_index (boundaries, Boundary, i);

      if (b->offset > segment_start && g_hash_table_size (open) > 0)
        {
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          GHashTableIter iter;
          gpointer key, count;
          GtkTextIter start, end;

          g_hash_table_iter_init (&iter, open);
          while (g_hash_table_iter_next (&iter, &key, &count))
            g_array_append_val (ids, *(gint64 *) key);
          g_array_sort (ids, compare_ids);

          gtk_text_buffer_get_iter_at_offset (self->buffer, &start, (int) segment_start);
          gtk_text_buffer_get_iter_at_offset (self->buffer, &end, (int) b->offset);
          gtk_text_buffer_apply_tag (self->buffer, tag_for_set (self, ids), &start, &end);
        }
      segment_start = b->offset;

      {
        gint64 id = b->perspective_id;
        int count = GPOINTER_TO_INT (g_hash_table_lookup (open, &id)) + b->delta;

        if (count > 0)
          g_hash_table_insert (open, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (count));
        else
          g_hash_table_remove (open, &id);
      }
    }
}

static gboolean
refresh_cb (gpointer data)
{
  PlxHighlighter *self = data;

  self->refresh_source = 0;
  plx_highlighter_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (PlxHighlighter *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

static void
annotations_changed_cb (PlxHighlighter *self)
{
  /* At once, not on idle: the highlight must be there in the same frame
   * as the panel's new card. */
  plx_highlighter_refresh (self);
}

static void
perspective_notify_cb (PlxHighlighter *self)
{
  queue_refresh (self);
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
      g_signal_connect_object (perspective, "notify::color", G_CALLBACK (perspective_notify_cb), self, G_CONNECT_SWAPPED);
    }
  queue_refresh (self);
}

static void
plx_highlighter_dispose (GObject *object)
{
  PlxHighlighter *self = (PlxHighlighter *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  if (self->perspectives != NULL)
    g_signal_handlers_disconnect_by_data (self->perspectives, self);
  g_clear_object (&self->annotations);
  g_clear_object (&self->perspectives);
  if (self->buffer != NULL)
    clear_tags (self);
  g_clear_object (&self->buffer);
  g_clear_pointer (&self->tags, g_hash_table_unref);

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
}

PlxHighlighter *
plx_highlighter_new (GtkTextBuffer *buffer,
                     GListModel    *annotations,
                     GListModel    *perspectives)
{
  PlxHighlighter *self = g_object_new (PLX_TYPE_HIGHLIGHTER, NULL);

  self->buffer = g_object_ref (buffer);
  self->annotations = g_object_ref (annotations);
  self->perspectives = g_object_ref (perspectives);
  g_signal_connect_swapped (annotations, "items-changed", G_CALLBACK (annotations_changed_cb), self);
  g_signal_connect_swapped (perspectives, "items-changed", G_CALLBACK (perspectives_changed_cb), self);
  perspectives_changed_cb (self, 0, 0, g_list_model_get_n_items (perspectives), perspectives);
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
