/* plx-document-map.c
 *
 * Smooth with 20,000 passages because nothing per frame depends on the
 * number of passages: the annotations are read into plain spans when the
 * model changes, the spans are binned into per-pixel-row buckets (a
 * difference array, linear in spans plus rows) when the spans or the
 * length of the widget change, and the buckets are drawn into images of
 * BAND_ROWS rows each. A new passage adds to the buckets it covers and
 * redraws only the bands where a row changed shade, so a tagging damages
 * a few rows of the map instead of the whole column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-document-map"

#include <string.h>
#include <glib/gi18n.h>

#include "plx-document-map.h"

#define PADDING    2
#define LANE_GAP   1
#define BAND_ROWS  32
#define N_SHADES   4   /* none, one passage, two or three, more */
#define N_STRETCHES 20 /* what the arrow keys step through: 5% each */

typedef struct {
  guint start;
  guint end;
  guint lane;
} Span;

struct _PlxDocumentMap
{
  GtkWidget       parent_instance;

  GtkOrientation  orientation;
  int             lane_size;

  /* Owned references */
  PlxDocument    *document;
  GListModel     *perspectives;
  GListModel     *annotations;
  GPtrArray      *watched;       /* perspectives whose colour we follow */

  /* Caches, rebuilt lazily (see the top of the file) */
  GArray         *spans;         /* Span */
  GArray         *colors;        /* GdkRGBA per lane */
  gboolean        spans_dirty;
  guint           n_rows;
  guint          *buckets;       /* n_lanes × n_rows passage counts */
  gboolean        buckets_dirty;
  GPtrArray      *bands;         /* GdkTexture per BAND_ROWS rows, NULL when stale */
  GdkRGBA         bands_foreground;
  int             bands_scale;
  int             bands_cross;   /* the width of a vertical map */

  guint           viewport_start;
  guint           viewport_end;
  guint           last_activated;
  guint           stretch;       /* where the keyboard is, of N_STRETCHES */
};

static void orientable_iface_init (GtkOrientableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlxDocumentMap, plx_document_map, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ORIENTABLE, orientable_iface_init))

enum {
  PROP_0,
  PROP_LANE_SIZE,
  N_PROPS,
  PROP_ORIENTATION = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
orientable_iface_init (GtkOrientableIface *iface)
{
}

static guint
n_lanes (PlxDocumentMap *self)
{
  return self->perspectives ? g_list_model_get_n_items (self->perspectives) : 0;
}

static guint
shade_of (guint count)
{
  return count == 0 ? 0 : count == 1 ? 1 : count <= 3 ? 2 : 3;
}

static void
unref_texture (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

static void
invalidate_bands (PlxDocumentMap *self)
{
  g_ptr_array_set_size (self->bands, 0);
}

static void
color_changed_cb (PlxDocumentMap *self)
{
  self->spans_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
unwatch_perspectives (PlxDocumentMap *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

/* The spans of @n annotations from @position, in the lanes of the watched
 * perspectives; the order of spans does not matter to the buckets. */
static void
append_spans (PlxDocumentMap *self,
              guint           position,
              guint           n)
{
  for (guint i = position; i < position + n; i++)
    {
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      gint64 perspective_id = plx_annotation_get_perspective_id (annotation);

      for (guint lane = 0; lane < self->watched->len; lane++)
        if (plx_perspective_get_id (g_ptr_array_index (self->watched, lane)) == perspective_id)
          {
            Span span = { plx_annotation_get_start (annotation), plx_annotation_get_end (annotation), lane };
            g_array_append_val (self->spans, span);
            break;
          }
    }
}

static void
rebuild_spans (PlxDocumentMap *self)
{
  guint lanes = n_lanes (self);

  g_array_set_size (self->spans, 0);
  g_array_set_size (self->colors, 0);
  unwatch_perspectives (self);

  for (guint lane = 0; lane < lanes; lane++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (self->perspectives, lane);
      GdkRGBA color = { 0.5, 0.5, 0.5, 1.0 };

      gdk_rgba_parse (&color, plx_perspective_get_color (perspective));
      g_array_append_val (self->colors, color);
      g_signal_connect_swapped (perspective, "notify::color", G_CALLBACK (color_changed_cb), self);
      g_ptr_array_add (self->watched, g_object_ref (perspective));
    }

  append_spans (self, 0, self->annotations ? g_list_model_get_n_items (self->annotations) : 0);
  self->spans_dirty = FALSE;
  self->buckets_dirty = TRUE;
}

static guint
document_length (PlxDocumentMap *self)
{
  return self->document ? plx_document_get_length (self->document) : 0;
}

/* The rows [@first, @last) of @n_rows that @span covers in a document of
 * @length code points; even a one-character passage gets a row, or it
 * would vanish. */
static void
span_rows (const Span *span,
           guint       length,
           guint       n_rows,
           guint      *first,
           guint      *last)
{
  guint start = MIN (span->start, length);
  guint end = CLAMP (span->end, start, length);

  *first = MIN ((guint) ((guint64) start * n_rows / length), n_rows - 1);
  *last = CLAMP ((guint) (((guint64) end * n_rows + length - 1) / length), *first + 1, n_rows);
}

/* Bins the spans into @n_rows rows per lane. Pure, so that export can use
 * another size than the screen's. */
static guint *
compute_buckets (PlxDocumentMap *self,
                 guint           n_rows)
{
  guint lanes = n_lanes (self);
  guint length = document_length (self);
  guint *buckets = g_new0 (guint, MAX (lanes * n_rows, 1));
  g_autofree int *diff = NULL;

  if (n_rows == 0 || length == 0)
    return buckets;

  diff = g_new0 (int, lanes * (n_rows + 1) + 1);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      guint first, last;

      span_rows (span, length, n_rows, &first, &last);
      diff[span->lane * (n_rows + 1) + first]++;
      diff[span->lane * (n_rows + 1) + last]--;
    }

  for (guint lane = 0; lane < lanes; lane++)
    {
      int count = 0;

      for (guint row = 0; row < n_rows; row++)
        {
          count += diff[lane * (n_rows + 1) + row];
          buckets[lane * n_rows + row] = (guint) count;
        }
    }
  return buckets;
}

/* Counts the spans from @first_span into the buckets as they are, and
 * marks stale the bands where a row changed shade. */
static void
add_to_buckets (PlxDocumentMap *self,
                guint           first_span)
{
  guint length = document_length (self);

  if (self->n_rows == 0 || length == 0)
    return;

  for (guint i = first_span; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      guint *counts = self->buckets + span->lane * self->n_rows;
      guint first, last;

      span_rows (span, length, self->n_rows, &first, &last);
      for (guint row = first; row < last; row++)
        {
          guint band = row / BAND_ROWS;

          if (shade_of (counts[row]) != shade_of (counts[row] + 1) && band < self->bands->len)
            g_clear_object ((GdkTexture **) &g_ptr_array_index (self->bands, band));
          counts[row]++;
        }
    }
}

static guint
axis_length (PlxDocumentMap *self)
{
  int size = self->orientation == GTK_ORIENTATION_VERTICAL ? gtk_widget_get_height (GTK_WIDGET (self))
                                                           : gtk_widget_get_width (GTK_WIDGET (self));
  return (guint) MAX (size, 0);
}

static void
ensure_buckets (PlxDocumentMap *self)
{
  guint rows = axis_length (self);

  if (self->spans_dirty)
    rebuild_spans (self);
  if (!self->buckets_dirty && rows == self->n_rows && self->buckets != NULL)
    return;
  g_free (self->buckets);
  self->n_rows = rows;
  self->buckets = compute_buckets (self, rows);
  self->buckets_dirty = FALSE;
  invalidate_bands (self);
}

/* @color over @under, both straight alpha. */
static GdkRGBA
blend (const GdkRGBA *color,
       const GdkRGBA *under)
{
  float alpha = color->alpha + under->alpha * (1 - color->alpha);
  GdkRGBA result = { 0, 0, 0, alpha };

  if (alpha > 0)
    {
      result.red = (color->red * color->alpha + under->red * under->alpha * (1 - color->alpha)) / alpha;
      result.green = (color->green * color->alpha + under->green * under->alpha * (1 - color->alpha)) / alpha;
      result.blue = (color->blue * color->alpha + under->blue * under->alpha * (1 - color->alpha)) / alpha;
    }
  return result;
}

/* A pixel as GDK_MEMORY_R8G8B8A8 lays it out in memory: GTK 4.8 turns
 * that format into cairo's with a direct loop, any other through floats,
 * and the cairo renderer does it in every frame. */
static guint32
to_pixel (const GdkRGBA *color)
{
  const guchar bytes[4] = {
    (guchar) (CLAMP (color->red, 0, 1) * 255 + 0.5f),
    (guchar) (CLAMP (color->green, 0, 1) * 255 + 0.5f),
    (guchar) (CLAMP (color->blue, 0, 1) * 255 + 0.5f),
    (guchar) (CLAMP (color->alpha, 0, 1) * 255 + 0.5f),
  };
  guint32 pixel;

  memcpy (&pixel, bytes, sizeof pixel);
  return pixel;
}

/* Rows [@first, @last) of @buckets (@n_rows per lane) as an image @cross
 * pixels across, at @scale device pixels per pixel. */
static GdkTexture *
paint_band (PlxDocumentMap *self,
            const guint    *buckets,
            guint           n_rows,
            guint           first,
            guint           last,
            int             cross,
            int             scale,
            const GdkRGBA  *foreground)
{
  gboolean vertical = self->orientation == GTK_ORIENTATION_VERTICAL;
  guint lanes = n_lanes (self);
  int device_cross = MAX (cross * scale, 1);
  int device_along = MAX ((int) (last - first) * scale, 1);
  int width = vertical ? device_cross : device_along;
  int height = vertical ? device_along : device_cross;
  float lane_size = lanes > 0 ? (cross - 2 * PADDING - (lanes - 1) * LANE_GAP) / (float) lanes : 0;
  guint32 *pixels = g_new0 (guint32, (gsize) width * (gsize) height);
  g_autoptr(GBytes) bytes = NULL;
  GdkRGBA track = *foreground;

  track.alpha = 0.07f;
  for (guint lane = 0; lane_size > 0 && lane < lanes; lane++)
    {
      float offset = PADDING + lane * (lane_size + LANE_GAP);
      int cross_first = CLAMP ((int) (offset * scale + 0.5f), 0, device_cross);
      int cross_last = CLAMP ((int) ((offset + lane_size) * scale + 0.5f), cross_first, device_cross);
      guint32 shades[N_SHADES];

      shades[0] = to_pixel (&track);
      for (guint shade = 1; shade < N_SHADES; shade++)
        {
          GdkRGBA color = g_array_index (self->colors, GdkRGBA, lane);
          GdkRGBA over;

          color.alpha = shade == 1 ? 0.5f : shade == 2 ? 0.78f : 1.0f;
          over = blend (&color, &track);
          shades[shade] = to_pixel (&over);
        }

      for (guint row = first; row < last; row++)
        {
          guint32 pixel = shades[shade_of (buckets[lane * n_rows + row])];

          for (int along = (int) (row - first) * scale; along < (int) (row - first + 1) * scale; along++)
            for (int across = cross_first; across < cross_last; across++)
              pixels[vertical ? (gsize) along * width + across : (gsize) across * width + along] = pixel;
        }
    }

  bytes = g_bytes_new_take (pixels, (gsize) width * (gsize) height * 4);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, bytes, (gsize) width * 4);
}

/* @bands images of @band_rows rows each, then the viewport's shade. */
static void
draw (PlxDocumentMap *self,
      GtkSnapshot    *snapshot,
      int             width,
      int             height,
      GPtrArray      *bands,
      guint           band_rows,
      const GdkRGBA  *foreground)
{
  gboolean vertical = self->orientation == GTK_ORIENTATION_VERTICAL;
  guint length = document_length (self);
  float cross = vertical ? width : height;
  float along = vertical ? height : width;

  if (n_lanes (self) == 0 || along <= 0)
    return;
  for (guint i = 0; i < bands->len; i++)
    {
      float first = (float) (i * band_rows);
      float extent = MIN ((float) band_rows, along - first);

      gtk_snapshot_append_texture (snapshot, g_ptr_array_index (bands, i),
                                   vertical ? &GRAPHENE_RECT_INIT (0, first, cross, extent)
                                            : &GRAPHENE_RECT_INIT (first, 0, extent, cross));
    }

  if (self->viewport_end > self->viewport_start && length > 0)
    {
      GdkRGBA shade = *foreground;
      float first = along * self->viewport_start / length;
      float extent = MAX (2.0f, along * (self->viewport_end - self->viewport_start) / length);
      graphene_rect_t rect = vertical ? GRAPHENE_RECT_INIT (0, first, cross, extent)
                                      : GRAPHENE_RECT_INIT (first, 0, extent, cross);

      shade.alpha = 0.14f;
      gtk_snapshot_append_color (snapshot, &shade, &rect);
    }
}

static void
plx_document_map_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PlxDocumentMap *self = PLX_DOCUMENT_MAP (widget);
  gboolean vertical = self->orientation == GTK_ORIENTATION_VERTICAL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int cross = vertical ? width : height;
  int scale = gtk_widget_get_scale_factor (widget);
  guint n_bands;
  GdkRGBA foreground;

  ensure_buckets (self);
  /* gtk_widget_get_color() is 4.10; this is its 4.8 spelling. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  n_bands = (self->n_rows + BAND_ROWS - 1) / BAND_ROWS;
  if (!gdk_rgba_equal (&foreground, &self->bands_foreground) || scale != self->bands_scale ||
      cross != self->bands_cross || self->bands->len != n_bands)
    {
      invalidate_bands (self);
      g_ptr_array_set_size (self->bands, n_bands);
      self->bands_foreground = foreground;
      self->bands_scale = scale;
      self->bands_cross = cross;
    }
  for (guint i = 0; i < n_bands; i++)
    if (g_ptr_array_index (self->bands, i) == NULL)
      g_ptr_array_index (self->bands, i) = paint_band (self, self->buckets, self->n_rows, i * BAND_ROWS,
                                                       MIN ((i + 1) * BAND_ROWS, self->n_rows), cross, scale,
                                                       &foreground);
  draw (self, snapshot, width, height, self->bands, BAND_ROWS, &foreground);

  /* The stretch the keyboard is on. */
  if (gtk_widget_has_visible_focus (widget))
    {
      float along = vertical ? height : width;
      float first = along * self->stretch / N_STRETCHES;
      float extent = MAX (2.0f, along / N_STRETCHES);
      graphene_rect_t rect = vertical ? GRAPHENE_RECT_INIT (0, first, width, extent)
                                      : GRAPHENE_RECT_INIT (first, 0, extent, height);
      GskRoundedRect outline;
      GdkRGBA colors[4];

      for (guint i = 0; i < 4; i++)
        colors[i] = foreground;
      gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 }, colors);
    }
}

static void
plx_document_map_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PlxDocumentMap *self = PLX_DOCUMENT_MAP (widget);
  guint lanes = MAX (n_lanes (self), 1);

  if (orientation != self->orientation)
    *minimum = *natural = 2 * PADDING + lanes * self->lane_size + (lanes - 1) * LANE_GAP;
  else
    {
      *minimum = 24;
      *natural = 160;
    }
}

static void
plx_document_map_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PlxDocumentMap *self = PLX_DOCUMENT_MAP (widget);

  /* The buckets follow the length in pixels; rebuilt at the next frame. */
  if (axis_length (self) != self->n_rows)
    self->buckets_dirty = TRUE;
}

static void
activate_at (PlxDocumentMap *self,
             double          position)
{
  guint offset = plx_document_map_offset_at (self, position);

  if (offset == self->last_activated)
    return;
  self->last_activated = offset;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.scroll-to-offset", "u", offset);
}

static void
drag_begin_cb (PlxDocumentMap *self,
               double          x,
               double          y)
{
  self->last_activated = G_MAXUINT;
  activate_at (self, self->orientation == GTK_ORIENTATION_VERTICAL ? y : x);
}

static void
drag_update_cb (PlxDocumentMap *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  activate_at (self, self->orientation == GTK_ORIENTATION_VERTICAL ? y + dy : x + dx);
}

static void update_accessible (PlxDocumentMap *self);

static void
model_changed_cb (PlxDocumentMap *self,
                  guint           position,
                  guint           removed,
                  guint           added)
{
  /* A tagging adds one passage: reading all 20,000 again for it would
   * cost more than the frame that shows it. */
  if (!self->spans_dirty && removed == 0)
    {
      guint first_new = self->spans->len;

      append_spans (self, position, added);
      if (!self->buckets_dirty && self->buckets != NULL)
        add_to_buckets (self, first_new);
    }
  else
    self->spans_dirty = TRUE;
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
perspectives_changed_cb (PlxDocumentMap *self)
{
  self->spans_dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The code points [@start, @end) that stretch @stretch covers. */
static void
stretch_range (PlxDocumentMap *self,
               guint           stretch,
               guint          *start,
               guint          *end)
{
  guint length = document_length (self);

  *start = (guint) ((guint64) length * stretch / N_STRETCHES);
  *end = (guint) ((guint64) length * (stretch + 1) / N_STRETCHES);
}

/* What a screen reader reads of the stretch the keyboard is on: where
 * it is as the name, how many passages of each perspective touch it as
 * the description. */
static void
update_accessible (PlxDocumentMap *self)
{
  guint lanes = n_lanes (self);
  g_autofree guint *counts = NULL;
  g_autoptr(GString) coverage = g_string_new (NULL);
  g_autofree char *name = NULL;
  const PlxSection *sections = NULL;
  const char *section = NULL;
  guint n_sections = 0;
  guint start, end;

  if (self->document == NULL || lanes == 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document map"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("The passages of each perspective along the document, one lane per perspective"),
                                      -1);
      return;
    }
  if (self->spans_dirty)
    rebuild_spans (self);
  stretch_range (self, self->stretch, &start, &end);
  counts = g_new0 (guint, lanes);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (span->start < end && span->end > start && span->lane < lanes)
        counts[span->lane]++;
    }
  for (guint lane = 0; lane < lanes; lane++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (self->perspectives, lane);
      g_autofree char *part = NULL;

      if (counts[lane] == 0)
        /* Translators: a perspective with no passage in a stretch of the document map */
        part = g_strdup_printf (_("%s: none"), plx_perspective_get_name (perspective));
      else
        part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u passage", "%s: %u passages", counts[lane]),
                                plx_perspective_get_name (perspective), counts[lane]);
      g_string_append (coverage, lane == 0 ? "" : _("; "));
      g_string_append (coverage, part);
    }

  /* Before the first heading: the title and lead, as in the statistics. */
  section = plx_document_get_title (self->document);
  sections = plx_document_get_sections (self->document, &n_sections);
  for (guint i = 0; i < n_sections; i++)
    if (sections[i].start <= start && start < MAX (sections[i].end, sections[i].start + 1))
      section = sections[i].title;
  if (section != NULL && *section != '\0')
    /* Translators: a stretch of the document map read aloud: the map,
     * from and to what share of the text, the section it begins in */
    name = g_strdup_printf (_("Document map, %u–%u%% of the text, in “%s”"),
                            self->stretch * 100 / N_STRETCHES, (self->stretch + 1) * 100 / N_STRETCHES, section);
  else
    /* Translators: a stretch of the document map read aloud */
    name = g_strdup_printf (_("Document map, %u–%u%% of the text"),
                            self->stretch * 100 / N_STRETCHES, (self->stretch + 1) * 100 / N_STRETCHES);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, coverage->str,
                                  -1);
}

/* "map.step": moves the keyboard by the stretches given, to the first
 * or last one with G_MININT or G_MAXINT. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxDocumentMap *self = PLX_DOCUMENT_MAP (widget);
  gint64 stretch = (gint64) self->stretch + g_variant_get_int32 (parameter);

  plx_document_map_set_stretch (self, (guint) CLAMP (stretch, 0, N_STRETCHES - 1));
}

/* "map.go": the text at the start of the stretch, with the caret there. */
static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  PlxDocumentMap *self = PLX_DOCUMENT_MAP (widget);
  guint start, end;

  if (self->document == NULL)
    return;
  stretch_range (self, self->stretch, &start, &end);
  gtk_widget_activate_action (widget, "win.read-at-offset", "u", start);
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  const struct { guint key; int step; } steps[] = {
    { GDK_KEY_Up, -1 }, { GDK_KEY_KP_Up, -1 }, { GDK_KEY_Left, -1 }, { GDK_KEY_KP_Left, -1 },
    { GDK_KEY_Down, 1 }, { GDK_KEY_KP_Down, 1 }, { GDK_KEY_Right, 1 }, { GDK_KEY_KP_Right, 1 },
    { GDK_KEY_Page_Up, -5 }, { GDK_KEY_KP_Page_Up, -5 }, { GDK_KEY_Page_Down, 5 }, { GDK_KEY_KP_Page_Down, 5 },
    { GDK_KEY_Home, G_MININT }, { GDK_KEY_KP_Home, G_MININT }, { GDK_KEY_End, G_MAXINT }, { GDK_KEY_KP_End, G_MAXINT },
  };
  const guint go[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space };

  gtk_widget_class_install_action (widget_class, "map.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "map.go", NULL, go_action);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_widget_class_add_binding_action (widget_class, steps[i].key, 0, "map.step", "i", steps[i].step);
  for (guint i = 0; i < G_N_ELEMENTS (go); i++)
    gtk_widget_class_add_binding_action (widget_class, go[i], 0, "map.go", NULL);
}

static void
plx_document_map_dispose (GObject *object)
{
  PlxDocumentMap *self = (PlxDocumentMap *) object;

  if (self->watched != NULL)
    unwatch_perspectives (self);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  if (self->perspectives != NULL)
    g_signal_handlers_disconnect_by_data (self->perspectives, self);
  g_clear_object (&self->annotations);
  g_clear_object (&self->perspectives);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plx_document_map_parent_class)->dispose (object);
}

static void
plx_document_map_finalize (GObject *object)
{
  PlxDocumentMap *self = (PlxDocumentMap *) object;

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->colors, g_array_unref);
  g_clear_pointer (&self->bands, g_ptr_array_unref);
  g_clear_pointer (&self->buckets, g_free);

  G_OBJECT_CLASS (plx_document_map_parent_class)->finalize (object);
}

static void
plx_document_map_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlxDocumentMap *self = PLX_DOCUMENT_MAP (object);

  switch (prop_id)
    {
    case PROP_LANE_SIZE:
      g_value_set_int (value, self->lane_size);
      break;
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_document_map_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlxDocumentMap *self = PLX_DOCUMENT_MAP (object);

  switch (prop_id)
    {
    case PROP_LANE_SIZE:
      if (self->lane_size != g_value_get_int (value))
        {
          self->lane_size = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ORIENTATION:
      if (self->orientation != (GtkOrientation) g_value_get_enum (value))
        {
          self->orientation = g_value_get_enum (value);
          self->buckets_dirty = TRUE;
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify (object, "orientation");
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_document_map_class_init (PlxDocumentMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_document_map_dispose;
  object_class->finalize = plx_document_map_finalize;
  object_class->get_property = plx_document_map_get_property;
  object_class->set_property = plx_document_map_set_property;
  widget_class->snapshot = plx_document_map_snapshot;
  widget_class->measure = plx_document_map_measure;
  widget_class->size_allocate = plx_document_map_size_allocate;

  properties[PROP_LANE_SIZE] =
    g_param_spec_int ("lane-size", NULL, NULL, 1, 200, 4,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_ORIENTATION, "orientation");

  gtk_widget_class_set_css_name (widget_class, "documentmap");
  /* Not an image: it takes focus and the arrow keys walk it. A button, as Enter
   * goes there; GTK 4.8 exposes the generic widget role as a filler,
   * which screen readers pass over. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
  add_key_bindings (widget_class);
}

static void
plx_document_map_init (PlxDocumentMap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->orientation = GTK_ORIENTATION_VERTICAL;
  self->lane_size = 4;
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->colors = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  /* A stale band is NULL. */
  self->bands = g_ptr_array_new_with_free_func (unref_texture);
  self->last_activated = G_MAXUINT;

  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  /* Swapped: the gesture comes last, after the offsets. */
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "enter", G_CALLBACK (update_accessible), self);
    g_signal_connect_swapped (focus, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
    g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
    gtk_widget_add_controller (GTK_WIDGET (self), focus);
  }
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Where each perspective’s passages are; click to go there"));
  update_accessible (self);
}

GtkWidget *
plx_document_map_new (void)
{
  return g_object_new (PLX_TYPE_DOCUMENT_MAP, NULL);
}

/**
 * plx_document_map_set_model:
 * @document: (nullable): the document, for its length
 * @perspectives: (nullable): PlxPerspectives, one lane each, in order
 * @annotations: (nullable): the document's PlxAnnotations
 *
 * The map follows changes to both lists and to the perspectives' colours.
 */
void
plx_document_map_set_model (PlxDocumentMap *self,
                            PlxDocument    *document,
                            GListModel     *perspectives,
                            GListModel     *annotations)
{
  g_return_if_fail (PLX_IS_DOCUMENT_MAP (self));

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  if (self->perspectives != NULL)
    g_signal_handlers_disconnect_by_data (self->perspectives, self);
  g_set_object (&self->document, document);
  g_set_object (&self->perspectives, perspectives);
  g_set_object (&self->annotations, annotations);
  if (annotations != NULL)
    g_signal_connect_swapped (annotations, "items-changed", G_CALLBACK (model_changed_cb), self);
  if (perspectives != NULL)
    g_signal_connect_swapped (perspectives, "items-changed", G_CALLBACK (perspectives_changed_cb), self);
  self->viewport_start = self->viewport_end = 0;
  self->stretch = 0;
  perspectives_changed_cb (self);
  update_accessible (self);
}

/* Moves the keyboard to stretch @stretch of the map's twenty. */
void
plx_document_map_set_stretch (PlxDocumentMap *self,
                              guint           stretch)
{
  g_return_if_fail (PLX_IS_DOCUMENT_MAP (self));

  self->stretch = MIN (stretch, N_STRETCHES - 1);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
plx_document_map_get_stretch (PlxDocumentMap *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT_MAP (self), 0);
  return self->stretch;
}

/* The part of the document on screen, shaded on the map. */
void
plx_document_map_set_viewport (PlxDocumentMap *self,
                               guint           start,
                               guint           end)
{
  g_return_if_fail (PLX_IS_DOCUMENT_MAP (self));

  if (self->viewport_start == start && self->viewport_end == end)
    return;
  self->viewport_start = start;
  self->viewport_end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
plx_document_map_get_n_lanes (PlxDocumentMap *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT_MAP (self), 0);
  return n_lanes (self);
}

/**
 * plx_document_map_get_buckets:
 * @lane: a perspective's position
 * @n_buckets: (out): one per pixel along the map at its current size
 *
 * Returns: how many of the lane's passages touch each pixel row (or
 *   column, when horizontal)
 */
const guint *
plx_document_map_get_buckets (PlxDocumentMap *self,
                              guint           lane,
                              guint          *n_buckets)
{
  *n_buckets = 0;
  g_return_val_if_fail (PLX_IS_DOCUMENT_MAP (self), NULL);
  g_return_val_if_fail (lane < n_lanes (self), NULL);

  ensure_buckets (self);
  *n_buckets = self->n_rows;
  return self->buckets + lane * self->n_rows;
}

/* The code-point offset at @position pixels along the map. */
guint
plx_document_map_offset_at (PlxDocumentMap *self,
                            double          position)
{
  guint along = axis_length (self);
  guint length;

  g_return_val_if_fail (PLX_IS_DOCUMENT_MAP (self), 0);

  length = self->document ? plx_document_get_length (self->document) : 0;
  if (along == 0 || length == 0)
    return 0;
  position = CLAMP (position, 0.0, (double) along);
  return MIN ((guint) (position / along * length), length - 1);
}

/**
 * plx_document_map_render:
 *
 * Returns: (transfer full) (nullable): the map as drawn at @width ×
 *   @height, dark on transparent, independent of the screen
 */
GskRenderNode *
plx_document_map_render (PlxDocumentMap *self,
                         int             width,
                         int             height)
{
  g_autoptr(GPtrArray) bands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree guint *buckets = NULL;
  gboolean vertical;
  guint n_rows;
  GtkSnapshot *snapshot;
  GdkRGBA black = { 0, 0, 0, 1 };

  g_return_val_if_fail (PLX_IS_DOCUMENT_MAP (self), NULL);

  vertical = self->orientation == GTK_ORIENTATION_VERTICAL;
  n_rows = (guint) MAX (vertical ? height : width, 0);
  if (self->spans_dirty)
    rebuild_spans (self);
  buckets = compute_buckets (self, n_rows);
  g_ptr_array_add (bands, paint_band (self, buckets, n_rows, 0, n_rows, vertical ? width : height, 1, &black));
  snapshot = gtk_snapshot_new ();
  draw (self, snapshot, width, height, bands, n_rows, &black);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Where @lane lies across a map @cross pixels thick: from *@offset,
 * *@size pixels. */
void
plx_document_map_get_lane_extent (PlxDocumentMap *self,
                                  guint           lane,
                                  int             cross,
                                  float          *offset,
                                  float          *size)
{
  guint lanes;

  g_return_if_fail (PLX_IS_DOCUMENT_MAP (self));

  lanes = n_lanes (self);
  *size = lanes > 0 ? (cross - 2 * PADDING - (lanes - 1) * LANE_GAP) / (float) lanes : 0;
  *offset = PADDING + lane * (*size + LANE_GAP);
}
