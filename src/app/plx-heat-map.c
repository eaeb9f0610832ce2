/* plx-heat-map.c
 *
 * Drawn rather than built from labels in a grid so that the same code
 * renders the screen and the exported PNG, at any size, on or off screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-heat-map"

#include <glib/gi18n.h>

#include "plx-heat-map.h"
#include "plx-png.h"

#define LABEL_WIDTH  220
#define CELL_WIDTH   104
#define ROW_HEIGHT   30
#define CELL_GAP     2
/* An exported image's label column at most; longer names wrap. */
#define EXPORT_LABEL_MAX 480

struct _PlxHeatMap
{
  GtkWidget      parent_instance;

  PlxStatistics *statistics;
  guint          section;      /* the row the keyboard is on */
};

G_DEFINE_FINAL_TYPE (PlxHeatMap, plx_heat_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATISTICS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the table's parts lie. On screen the columns are fixed and long
 * names are cut with "…" (each is read in full by screen readers and
 * tooltips); an exported image stands alone, so there the columns are as
 * wide as their names need and section names wrap when very long. */
typedef struct {
  int      label_width;
  int      cell_width;
  int      row_height;
  gboolean wrap;
} Geometry;

static const Geometry screen_geometry = { LABEL_WIDTH, CELL_WIDTH, ROW_HEIGHT, FALSE };

static void
natural_size (PlxHeatMap     *self,
              const Geometry *geometry,
              int            *width,
              int            *height)
{
  guint columns = self->statistics ? plx_statistics_get_n_perspectives (self->statistics) : 0;
  guint rows = self->statistics ? plx_statistics_get_n_sections (self->statistics) : 0;

  *width = geometry->label_width + columns * (geometry->cell_width + CELL_GAP);
  *height = (rows + 1) * (geometry->row_height + CELL_GAP);
}

static PangoLayout *
text_layout_new (PlxHeatMap *self,
                 const char *text,
                 gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

/* Draws @text in a box @width wide and a row high at (@x, @y); adds its
 * layout to @labels when not %NULL. */
static void
append_text (PlxHeatMap     *self,
             GtkSnapshot    *snapshot,
             const Geometry *geometry,
             GPtrArray      *labels,
             const char     *text,
             float           x,
             float           y,
             int             width,
             gboolean        bold,
             gboolean        centered,
             const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = text_layout_new (self, text, bold);
  int text_width, text_height;

  pango_layout_set_width (layout, (width - 8) * PANGO_SCALE);
  if (geometry->wrap)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  else
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, centered ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 4, y + (geometry->row_height - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  if (labels != NULL)
    g_ptr_array_add (labels, g_steal_pointer (&layout));
}

/* The names' widest line, unwrapped. */
static int
text_width (PlxHeatMap *self,
            const char *text,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = text_layout_new (self, text, bold);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The geometry of an exported image: the label column as wide as the
 * widest section name, up to EXPORT_LABEL_MAX, beyond which names wrap
 * and every row is as high as the highest; columns as wide as the
 * perspectives' names. */
static void
export_geometry (PlxHeatMap *self,
                 Geometry   *geometry)
{
  PlxStatistics *stats = self->statistics;

  *geometry = screen_geometry;
  geometry->wrap = TRUE;
  if (stats == NULL)
    return;
  for (guint s = 0; s < plx_statistics_get_n_sections (stats); s++)
    geometry->label_width = MAX (geometry->label_width,
                                 MIN (text_width (self, plx_statistics_get_section_title (stats, s), FALSE) + 12,
                                      EXPORT_LABEL_MAX));
  for (guint s = 0; s < plx_statistics_get_n_sections (stats); s++)
    {
      g_autoptr(PangoLayout) layout = text_layout_new (self, plx_statistics_get_section_title (stats, s), FALSE);
      int height;

      pango_layout_set_width (layout, (geometry->label_width - 8) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, NULL, &height);
      geometry->row_height = MAX (geometry->row_height, height + 8);
    }
  for (guint p = 0; p < plx_statistics_get_n_perspectives (stats); p++)
    geometry->cell_width = MAX (geometry->cell_width,
                                text_width (self, plx_perspective_get_name (plx_statistics_get_perspective (stats, p)), TRUE) + 12);
}

static void
draw (PlxHeatMap     *self,
      GtkSnapshot    *snapshot,
      const Geometry *geometry,
      GPtrArray      *labels,
      const GdkRGBA  *foreground)
{
  PlxStatistics *stats = self->statistics;
  guint P, S;
  GdkRGBA empty = *foreground;
  int cell_width = geometry->cell_width, row_height = geometry->row_height;

  if (stats == NULL)
    return;
  P = plx_statistics_get_n_perspectives (stats);
  S = plx_statistics_get_n_sections (stats);
  empty.alpha = 0.05f;

  for (guint p = 0; p < P; p++)
    append_text (self, snapshot, geometry, labels, plx_perspective_get_name (plx_statistics_get_perspective (stats, p)),
                 geometry->label_width + p * (cell_width + CELL_GAP), 0, cell_width, TRUE, TRUE, foreground);

  for (guint s = 0; s < S; s++)
    {
      float y = (s + 1) * (row_height + CELL_GAP);

      append_text (self, snapshot, geometry, labels, plx_statistics_get_section_title (stats, s),
                   0, y, geometry->label_width, FALSE, FALSE, foreground);
      for (guint p = 0; p < P; p++)
        {
          double share = plx_statistics_get_section_share (stats, s, p);
          float x = geometry->label_width + p * (cell_width + CELL_GAP);
          GdkRGBA color = empty;
          g_autofree char *label = NULL;

          if (share > 0)
            {
              gdk_rgba_parse (&color, plx_perspective_get_color (plx_statistics_get_perspective (stats, p)));
              /* A floor keeps a sliver of coverage visible. */
              color.alpha = (float) (0.15 + 0.85 * share);
            }
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y, cell_width, row_height));
          label = share > 0 ? g_strdup_printf ("%.0f%%", share * 100) : g_strdup ("·");
          append_text (self, snapshot, geometry, labels, label, x, y, cell_width, FALSE, TRUE, foreground);
        }
    }
}

static void
plx_heat_map_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  PlxHeatMap *self = PLX_HEAT_MAP (widget);
  GdkRGBA foreground;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  draw (self, snapshot, &screen_geometry, NULL, &foreground);

  /* The section the keyboard is on. */
  if (gtk_widget_has_visible_focus (widget) && self->statistics != NULL &&
      self->section < plx_statistics_get_n_sections (self->statistics))
    {
      int width, height;
      GskRoundedRect outline;
      GdkRGBA colors[4] = { foreground, foreground, foreground, foreground };

      natural_size (self, &screen_geometry, &width, &height);
      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (0, (self->section + 1) * (ROW_HEIGHT + CELL_GAP) - 1,
                                                            width, ROW_HEIGHT + 2),
                                       0);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 }, colors);
    }
}

/* What a screen reader reads of the section the keyboard is on: the
 * section as the name, each perspective's share of it as the
 * description. */
static void
update_accessible (PlxHeatMap *self)
{
  PlxStatistics *stats = self->statistics;
  g_autoptr(GString) coverage = g_string_new (NULL);
  g_autofree char *name = NULL;
  guint sections = stats ? plx_statistics_get_n_sections (stats) : 0;

  if (sections == 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sections by perspective"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("How much of each section each perspective covers"),
                                      -1);
      return;
    }
  /* Translators: a row of the Sections heat map read aloud: the map, the
   * section's title, its number and how many there are */
  name = g_strdup_printf (_("Sections by perspective, “%s”, section %u of %u"),
                          plx_statistics_get_section_title (stats, self->section), self->section + 1, sections);
  for (guint p = 0; p < plx_statistics_get_n_perspectives (stats); p++)
    {
      guint passages = plx_statistics_get_section_passages (stats, self->section, p);
      g_autofree char *part = NULL;

      /* Translators: a perspective's cover of one section, read aloud:
       * name, share of the section, characters, passages */
      part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %.0f%%, %u characters, %u passage",
                                           "%s: %.0f%%, %u characters, %u passages", passages),
                              plx_perspective_get_name (plx_statistics_get_perspective (stats, p)),
                              plx_statistics_get_section_share (stats, self->section, p) * 100,
                              plx_statistics_get_section_characters (stats, self->section, p), passages);
      g_string_append (coverage, p == 0 ? "" : _("; "));
      g_string_append (coverage, part);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, coverage->str,
                                  -1);
}

/* "heatmap.step": moves the keyboard by the sections given, to the
 * first or last one with G_MININT or G_MAXINT. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxHeatMap *self = PLX_HEAT_MAP (widget);
  guint sections = self->statistics ? plx_statistics_get_n_sections (self->statistics) : 0;
  gint64 section = (gint64) self->section + g_variant_get_int32 (parameter);

  if (sections > 0)
    plx_heat_map_set_section (self, (guint) CLAMP (section, 0, (gint64) sections - 1));
}

/* "heatmap.go": the text at the start of the section, with the caret
 * there. */
static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  PlxHeatMap *self = PLX_HEAT_MAP (widget);
  guint start, end;

  if (self->statistics == NULL || self->section >= plx_statistics_get_n_sections (self->statistics))
    return;
  plx_statistics_get_section_range (self->statistics, self->section, &start, &end);
  gtk_widget_activate_action (widget, "win.read-at-offset", "u", start);
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  const struct { guint key; int step; } steps[] = {
    { GDK_KEY_Up, -1 }, { GDK_KEY_KP_Up, -1 }, { GDK_KEY_Left, -1 }, { GDK_KEY_KP_Left, -1 },
    { GDK_KEY_Down, 1 }, { GDK_KEY_KP_Down, 1 }, { GDK_KEY_Right, 1 }, { GDK_KEY_KP_Right, 1 },
    { GDK_KEY_Home, G_MININT }, { GDK_KEY_KP_Home, G_MININT }, { GDK_KEY_End, G_MAXINT }, { GDK_KEY_KP_End, G_MAXINT },
  };
  const guint go[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space };

  gtk_widget_class_install_action (widget_class, "heatmap.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "heatmap.go", NULL, go_action);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_widget_class_add_binding_action (widget_class, steps[i].key, 0, "heatmap.step", "i", steps[i].step);
  for (guint i = 0; i < G_N_ELEMENTS (go); i++)
    gtk_widget_class_add_binding_action (widget_class, go[i], 0, "heatmap.go", NULL);
}

static void
plx_heat_map_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  int width, height;

  natural_size (PLX_HEAT_MAP (widget), &screen_geometry, &width, &height);
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? width : height;
}

static gboolean
query_tooltip_cb (PlxHeatMap *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  PlxStatistics *stats = self->statistics;
  int p = (x - LABEL_WIDTH) / (CELL_WIDTH + CELL_GAP);
  int s = y / (ROW_HEIGHT + CELL_GAP) - 1;
  g_autofree char *text = NULL;

  if (stats == NULL || x < LABEL_WIDTH || s < 0 || p < 0 ||
      (guint) p >= plx_statistics_get_n_perspectives (stats) ||
      (guint) s >= plx_statistics_get_n_sections (stats))
    return FALSE;

  /* Translators: section — perspective: share, characters, passages */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %s: %.0f%% of the section, %u characters, %u passage",
                                       "%s — %s: %.0f%% of the section, %u characters, %u passages",
                                       plx_statistics_get_section_passages (stats, (guint) s, (guint) p)),
                          plx_statistics_get_section_title (stats, (guint) s),
                          plx_perspective_get_name (plx_statistics_get_perspective (stats, (guint) p)),
                          plx_statistics_get_section_share (stats, (guint) s, (guint) p) * 100,
                          plx_statistics_get_section_characters (stats, (guint) s, (guint) p),
                          plx_statistics_get_section_passages (stats, (guint) s, (guint) p));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
plx_heat_map_dispose (GObject *object)
{
  g_clear_object (&PLX_HEAT_MAP (object)->statistics);

  G_OBJECT_CLASS (plx_heat_map_parent_class)->dispose (object);
}

static void
plx_heat_map_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STATISTICS:
      g_value_set_object (value, PLX_HEAT_MAP (object)->statistics);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_heat_map_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STATISTICS:
      plx_heat_map_set_statistics (PLX_HEAT_MAP (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_heat_map_class_init (PlxHeatMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_heat_map_dispose;
  object_class->get_property = plx_heat_map_get_property;
  object_class->set_property = plx_heat_map_set_property;
  widget_class->snapshot = plx_heat_map_snapshot;
  widget_class->measure = plx_heat_map_measure;

  properties[PROP_STATISTICS] =
    g_param_spec_object ("statistics", NULL, NULL, PLX_TYPE_STATISTICS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  /* Not an image: it takes focus and the arrow keys walk its sections. A button, as Enter
   * goes there; GTK 4.8 exposes the generic widget role as a filler,
   * which screen readers pass over. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
  add_key_bindings (widget_class);
}

static void
plx_heat_map_init (PlxHeatMap *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
    g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
    gtk_widget_add_controller (GTK_WIDGET (self), focus);
  }
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

GtkWidget *
plx_heat_map_new (void)
{
  return g_object_new (PLX_TYPE_HEAT_MAP, NULL);
}

PlxStatistics *
plx_heat_map_get_statistics (PlxHeatMap *self)
{
  g_return_val_if_fail (PLX_IS_HEAT_MAP (self), NULL);
  return self->statistics;
}

void
plx_heat_map_set_statistics (PlxHeatMap    *self,
                             PlxStatistics *statistics)
{
  g_return_if_fail (PLX_IS_HEAT_MAP (self));

  if (!g_set_object (&self->statistics, statistics))
    return;
  if (statistics == NULL || self->section >= plx_statistics_get_n_sections (statistics))
    self->section = 0;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATISTICS]);
}

/* Moves the keyboard to section @section. */
void
plx_heat_map_set_section (PlxHeatMap *self,
                          guint       section)
{
  g_return_if_fail (PLX_IS_HEAT_MAP (self));

  if (self->statistics == NULL || section >= plx_statistics_get_n_sections (self->statistics))
    return;
  self->section = section;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
plx_heat_map_get_section (PlxHeatMap *self)
{
  g_return_val_if_fail (PLX_IS_HEAT_MAP (self), 0);
  return self->section;
}

/**
 * plx_heat_map_render:
 * @labels: (nullable) (element-type PangoLayout): if not %NULL, gets the
 *   layout of every text drawn
 *
 * The table as exported, dark on transparent: every name whole.
 *
 * Returns: (transfer full) (nullable): the drawing, @width × @height
 */
GskRenderNode *
plx_heat_map_render (PlxHeatMap *self,
                     int        *width,
                     int        *height,
                     GPtrArray  *labels)
{
  GtkSnapshot *snapshot;
  GdkRGBA black = { 0, 0, 0, 1 };
  Geometry geometry;

  g_return_val_if_fail (PLX_IS_HEAT_MAP (self), NULL);

  export_geometry (self, &geometry);
  natural_size (self, &geometry, width, height);
  snapshot = gtk_snapshot_new ();
  draw (self, snapshot, &geometry, labels, &black);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Saves the table as plx_heat_map_render() draws it, dark on white. */
gboolean
plx_heat_map_save_png (PlxHeatMap  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  int width, height;

  g_return_val_if_fail (PLX_IS_HEAT_MAP (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  node = plx_heat_map_render (self, &width, &height, NULL);
  return plx_png_save_node (node, MAX (width, 1), MAX (height, 1), file, error);
}
