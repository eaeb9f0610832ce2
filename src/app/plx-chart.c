/* plx-chart.c
 *
 * Text is laid out with a Pango context of its own at 96 dpi and a fixed
 * pixel size, not the widget's: an exported image should look the same
 * whatever the screen's scale or font settings. Nothing is ellipsized:
 * an image cannot be hovered for the rest of a name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-chart"

#include <pango/pangocairo.h>
#include <glib/gi18n.h>

#include "plx-chart.h"
#include "plx-png.h"

#define MARGIN     16
#define GAP        8
#define TEXT_PX    14
#define TITLE_PX   20
#define SWATCH     12
#define TICK       5
#define N_TICKS    10

static const GdkRGBA ink = { 0.1f, 0.1f, 0.1f, 1 };
static const GdkRGBA dim = { 0.35f, 0.35f, 0.35f, 1 };

/* A layout of @text at @size_px pixels, wrapped at @max_width when that is
 * positive; kept in @self's labels. */
static PangoLayout *
text_new (PlxChart     *self,
          PangoContext *context,
          const char   *text,
          int           size_px,
          gboolean      bold,
          int           max_width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, max_width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  g_ptr_array_add (self->labels, layout);
  return layout;
}

static void
place (GtkSnapshot   *snapshot,
       PangoLayout   *layout,
       float          x,
       float          y,
       const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static int
pixel_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
pixel_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/**
 * plx_chart_new_document_map:
 * @plot_width: the map's own width in the image
 * @plot_height: the map's own height: lanes across it
 *
 * Lays out and draws the map with its title, legend, lane labels and
 * axis; the image is as wide as the map and the labels beside it.
 */
PlxChart *
plx_chart_new_document_map (PlxDocumentMap *map,
                            PlxDocument    *document,
                            GListModel     *perspectives,
                            int             plot_width,
                            int             plot_height)
{
  PlxChart *self;
  PangoContext *context;
  g_autoptr(GskRenderNode) plot = NULL;
  guint n = perspectives ? g_list_model_get_n_items (perspectives) : 0;
  GtkSnapshot *snapshot;
  g_autofree PangoLayout **names = NULL;
  int label_width = 0, inner, x, y, line_height;
  PangoLayout *layout;

  g_return_val_if_fail (PLX_IS_DOCUMENT_MAP (map), NULL);

  self = g_new0 (PlxChart, 1);
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  snapshot = gtk_snapshot_new ();
  names = g_new0 (PangoLayout *, n + 1);
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_language (context, gtk_get_default_language ());

  /* The lanes' labels decide how far the map is from the left. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);

      names[i] = text_new (self, context, plx_perspective_get_name (perspective), TEXT_PX, TRUE, -1);
      label_width = MAX (label_width, pixel_width (names[i]));
    }
  inner = label_width + GAP + plot_width;
  self->width = MARGIN + inner + MARGIN;
  y = MARGIN;

  layout = text_new (self, context, document ? plx_document_get_title (document) : "", TITLE_PX, TRUE, inner);
  place (snapshot, layout, MARGIN, y, &ink);
  y += pixel_height (layout) + 2;
  layout = text_new (self, context, _("Where each perspective lives"), TEXT_PX, FALSE, inner);
  place (snapshot, layout, MARGIN, y, &dim);
  y += pixel_height (layout) + GAP;

  /* The legend: a swatch and the name of each perspective, as many to a
   * line as fit, then what the shades mean. */
  x = MARGIN;
  line_height = MAX (SWATCH, TEXT_PX) + 6;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);
      GdkRGBA color = { 0.5f, 0.5f, 0.5f, 1 };
      int item;

      layout = text_new (self, context, plx_perspective_get_name (perspective), TEXT_PX, FALSE, -1);
      item = SWATCH + 6 + pixel_width (layout);
      line_height = MAX (line_height, pixel_height (layout) + 4);
      if (x > MARGIN && x + item > MARGIN + inner)
        {
          x = MARGIN;
          y += line_height;
        }
      gdk_rgba_parse (&color, plx_perspective_get_color (perspective));
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (x, y + (pixel_height (layout) - SWATCH) / 2.0f, SWATCH, SWATCH));
      place (snapshot, layout, x + SWATCH + 6, y, &ink);
      x += item + 3 * GAP;
    }
  y += line_height;
  /* Translators: the legend of the exported document map: what the shades of a lane mean */
  layout = text_new (self, context, _("Paler: one passage; darker: several overlap"), TEXT_PX, FALSE, inner);
  place (snapshot, layout, MARGIN, y, &dim);
  y += pixel_height (layout) + GAP;

  /* The map, each lane named at its left. */
  self->plot = GRAPHENE_RECT_INIT (MARGIN + label_width + GAP, y, plot_width, plot_height);
  plot = plx_document_map_render (map, plot_width, plot_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &self->plot.origin);
  if (plot != NULL)
    gtk_snapshot_append_node (snapshot, plot);
  gtk_snapshot_restore (snapshot);
  for (guint i = 0; i < n; i++)
    {
      float offset, size;

      plx_document_map_get_lane_extent (map, i, plot_height, &offset, &size);
      place (snapshot, names[i], MARGIN + label_width - pixel_width (names[i]),
             y + offset + (size - pixel_height (names[i])) / 2, &ink);
    }
  y += plot_height + 2;

  /* The axis: the position in the text, in tenths. */
  gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (self->plot.origin.x, y, plot_width, 1));
  line_height = 0;
  for (int t = 0; t <= N_TICKS; t++)
    {
      float tick = self->plot.origin.x + MIN ((float) plot_width * t / N_TICKS, plot_width - 1);
      g_autofree char *percent = g_strdup_printf ("%d%%", t * 100 / N_TICKS);
      float left;

      gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (tick, y, 1, TICK));
      layout = text_new (self, context, percent, TEXT_PX - 2, FALSE, -1);
      /* Centred under its tick, the ends kept inside the map. */
      left = CLAMP (tick - pixel_width (layout) / 2.0f, self->plot.origin.x,
                    self->plot.origin.x + plot_width - pixel_width (layout));
      place (snapshot, layout, left, y + TICK + 1, &dim);
      line_height = MAX (line_height, pixel_height (layout));
    }
  y += TICK + 1 + line_height + 2;
  /* Translators: the axis of the exported document map, marked 0% to 100% */
  layout = text_new (self, context, _("Position in the text"), TEXT_PX, FALSE, plot_width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  place (snapshot, layout, self->plot.origin.x, y, &dim);
  y += pixel_height (layout);

  self->height = y + MARGIN;
  self->node = gtk_snapshot_free_to_node (snapshot);
  g_object_unref (context);
  return self;
}

gboolean
plx_chart_save_png (PlxChart  *self,
                    GFile     *file,
                    GError   **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return plx_png_save_node (self->node, self->width, self->height, file, error);
}

void
plx_chart_free (PlxChart *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_free (self);
}
