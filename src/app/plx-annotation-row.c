/* plx-annotation-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-annotation-row"
#include <string.h>
#include <glib/gi18n.h>

#include "plx-a11y.h"
#include "plx-annotation-row.h"

/* A card: the quote (italic, at most four lines) beside the menu button,
 * then themes, note and byline, drawn by the card itself: two labels and
 * their widgets made a card cost twice as much to build, bind and lay
 * out. The button's menu exists only while it is open. */
struct _PlxAnnotationRow
{
  GtkWidget      parent_instance;

  PlxAnnotation *annotation;
  PlxPerspective *perspective;  /* for the name read aloud */
  char          *citation;      /* "p. 12, ¶ 14", or NULL */
  char          *details;       /* themes, note and byline, as plain text */
  PangoAttrList *details_attrs;
  char          *highlight;     /* casefolded words searched for, or NULL */
  GtkWidget     *menu;

  /* The text as last laid out, for a card this wide in this font: a new
   * card is measured and drawn in the same frame. */
  PangoLayout   *quote_layout;
  PangoLayout   *details_layout;
  int            layout_width;
  guint          layout_serial;

  /* Template widgets */
  GtkButton     *menu_button;
};

#define QUOTE_LINES 4
#define SPACING 6
#define NATURAL_CHARS 40
#define MENU_ICON_SIZE 16

G_DEFINE_FINAL_TYPE (PlxAnnotationRow, plx_annotation_row, GTK_TYPE_WIDGET)

static void
plx_annotation_row_dispose (GObject *object)
{
  PlxAnnotationRow *self = (PlxAnnotationRow *) object;

  GtkWidget *child;

  g_clear_object (&self->annotation);
  if (self->perspective != NULL)
    g_signal_handlers_disconnect_by_data (self->perspective, self);
  g_clear_object (&self->perspective);
  g_clear_pointer (&self->details, g_free);
  g_clear_pointer (&self->details_attrs, pango_attr_list_unref);
  g_clear_pointer (&self->highlight, g_free);
  g_clear_pointer (&self->citation, g_free);
  g_clear_object (&self->quote_layout);
  g_clear_object (&self->details_layout);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_ANNOTATION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plx_annotation_row_parent_class)->dispose (object);
}

/* Marks in @attrs every place in @text that reads @folded when casefolded,
 * in black on yellow as a search result is marked elsewhere: readable in
 * the light and the dark style alike. Folding goes character by
 * character so that the marks fall on @text's own bytes ("ß" folds to
 * "ss"). */
static void
add_highlights (PangoAttrList *attrs,
                const char    *text,
                const char    *folded)
{
  gsize needle = strlen (folded);
  const char *start = text;

  while (*start != '\0')
    {
      g_autoptr(GString) read = g_string_new (NULL);
      const char *end = start;

      while (*end != '\0' && read->len < needle)
        {
          const char *next = g_utf8_next_char (end);
          g_autofree char *fold = g_utf8_casefold (end, next - end);

          g_string_append (read, fold);
          end = next;
        }
      if (read->len == needle && memcmp (read->str, folded, needle) == 0)
        {
          PangoAttribute *attributes[] = {
            pango_attr_background_new (0xf8f8, 0xe4e4, 0x5c5c),
            pango_attr_foreground_new (0, 0, 0),
          };

          for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
            {
              attributes[i]->start_index = (guint) (start - text);
              attributes[i]->end_index = (guint) (end - text);
              pango_attr_list_insert (attrs, attributes[i]);
            }
          start = end;
        }
      else
        start = g_utf8_next_char (start);
    }
}

static PangoAttrList *
quote_attributes (PlxAnnotationRow *self)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  if (self->highlight != NULL && self->annotation != NULL)
    add_highlights (attrs, plx_annotation_get_quote (self->annotation), self->highlight);
  return attrs;
}

static PangoAttrList *
details_attributes (PlxAnnotationRow *self)
{
  PangoAttrList *attrs = self->details_attrs ? pango_attr_list_copy (self->details_attrs) : pango_attr_list_new ();

  if (self->highlight != NULL && self->details != NULL)
    add_highlights (attrs, self->details, self->highlight);
  return attrs;
}

static PangoLayout *
create_quote_layout (PlxAnnotationRow *self,
                     int               width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                        self->annotation ? plx_annotation_get_quote (self->annotation) : "");
  g_autoptr(PangoAttrList) attrs = quote_attributes (self);

  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -QUOTE_LINES);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  return layout;
}

static PangoLayout *
create_details_layout (PlxAnnotationRow *self,
                       int               width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->details);
  g_autoptr(PangoAttrList) attrs = details_attributes (self);

  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  return layout;
}

/* Lays the text out for a card @width wide, unless it already is. */
static void
ensure_layouts (PlxAnnotationRow *self,
                int               width)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  int button_width;

  if (self->quote_layout != NULL && width == self->layout_width && serial == self->layout_serial)
    return;
  gtk_widget_measure (GTK_WIDGET (self->menu_button), GTK_ORIENTATION_HORIZONTAL, -1, &button_width, NULL, NULL, NULL);
  g_clear_object (&self->quote_layout);
  g_clear_object (&self->details_layout);
  self->quote_layout = create_quote_layout (self, width - button_width - SPACING);
  self->details_layout = create_details_layout (self, width);
  self->layout_width = width;
  self->layout_serial = serial;
}

static int
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Pango measures the approximate width by shaping a sample sentence, so
 * the last answer is kept for the font it was asked for: a card asks
 * each time it is measured, and a tagging measures a new card. */
static int
char_width (PlxAnnotationRow *self)
{
  static PangoFontDescription *measured_font;
  static double measured_resolution;
  static PangoLanguage *measured_language;
  static int measured_width;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);
  PangoLanguage *language = pango_context_get_language (context);
  PangoFontMetrics *metrics;

  if (measured_font != NULL && font != NULL && pango_font_description_equal (font, measured_font) &&
      resolution == measured_resolution && language == measured_language)
    return measured_width;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  measured_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics));
  pango_font_metrics_unref (metrics);
  g_clear_pointer (&measured_font, pango_font_description_free);
  measured_font = font != NULL ? pango_font_description_copy (font) : NULL;
  measured_resolution = resolution;
  measured_language = language;
  return measured_width;
}

static void
plx_annotation_row_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  PlxAnnotationRow *self = PLX_ANNOTATION_ROW (widget);
  int button_min, button_nat;

  gtk_widget_measure (GTK_WIDGET (self->menu_button), orientation, -1, &button_min, &button_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int chars = char_width (self);

      *minimum = button_min + SPACING + 3 * chars;
      *natural = button_nat + SPACING + NATURAL_CHARS * chars;
      return;
    }

  if (for_size < 0)
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &for_size, NULL, NULL);
  ensure_layouts (self, for_size);
  *minimum = *natural = MAX (text_height (self->quote_layout), button_nat) + SPACING + text_height (self->details_layout);
}

static void
plx_annotation_row_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PlxAnnotationRow *self = PLX_ANNOTATION_ROW (widget);
  GtkRequisition button;
  GtkAllocation allocation;

  gtk_widget_get_preferred_size (GTK_WIDGET (self->menu_button), NULL, &button);
  allocation.x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 0 : width - button.width;
  allocation.y = 0;
  allocation.width = button.width;
  allocation.height = button.height;
  gtk_widget_size_allocate (GTK_WIDGET (self->menu_button), &allocation, -1);
}

/* @surface's pixels as GDK_MEMORY_R8G8B8A8, the format GTK 4.8 turns
 * into cairo's with a direct loop (its own included, through floats). */
static GBytes *
straight_rgba (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guchar *pixels = g_malloc ((gsize) width * (gsize) height * 4);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 argb;
        guint alpha;
        guchar *out = pixels + ((gsize) y * (gsize) width + (gsize) x) * 4;

        memcpy (&argb, data + (gsize) y * (gsize) stride + (gsize) x * 4, sizeof argb);
        alpha = argb >> 24;
        for (guint channel = 0; channel < 3; channel++)
          {
            guint premultiplied = (argb >> (16 - 8 * channel)) & 0xff;
            out[channel] = alpha == 0 ? 0 : (guchar) MIN (255u, (premultiplied * 255 + alpha / 2) / alpha);
          }
        out[3] = (guchar) alpha;
      }
  return g_bytes_new_take (pixels, (gsize) width * (gsize) height * 4);
}

/* The menu icon, recoloured, made once for every card: a theme icon
 * drawn as it is had its pixels converted and recoloured again by the
 * cairo renderer in every frame, for every card on screen. */
static GdkTexture *
get_menu_icon (GtkWidget     *button,
               const GdkRGBA *color,
               int            scale)
{
  static GdkTexture *icon_texture;
  static GdkRGBA icon_color;
  static int icon_scale;
  static GtkTextDirection icon_direction;
  GtkTextDirection direction = gtk_widget_get_direction (button);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (button));
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkSnapshot *snapshot;
  cairo_surface_t *surface;
  cairo_t *cr;
  int size = MENU_ICON_SIZE * scale;

  if (icon_texture != NULL && icon_scale == scale && icon_direction == direction && gdk_rgba_equal (&icon_color, color))
    return icon_texture;

  icon = gtk_icon_theme_lookup_icon (theme, "view-more-symbolic", NULL, MENU_ICON_SIZE, scale, direction, 0);
  snapshot = gtk_snapshot_new ();
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, size, size, color, 1);
  node = gtk_snapshot_free_to_node (snapshot);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = straight_rgba (surface);

  g_clear_object (&icon_texture);
  icon_texture = gdk_memory_texture_new (size, size, GDK_MEMORY_R8G8B8A8, bytes, (gsize) size * 4);
  cairo_surface_destroy (surface);
  icon_color = *color;
  icon_scale = scale;
  icon_direction = direction;
  return icon_texture;
}

/* The button's icon is drawn by the card: an image widget in every
 * button cost 3.7 KB a card. */
static void
snapshot_menu_icon (PlxAnnotationRow *self,
                    GtkSnapshot      *snapshot)
{
  GtkWidget *button = GTK_WIDGET (self->menu_button);
  graphene_rect_t bounds;
  GdkRGBA color;

  if (!gtk_widget_compute_bounds (button, GTK_WIDGET (self), &bounds))
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (button), &color);
  /* On whole pixels, so the icon stays sharp. */
  gtk_snapshot_append_texture (snapshot, get_menu_icon (button, &color, gtk_widget_get_scale_factor (button)),
                               &GRAPHENE_RECT_INIT ((int) (bounds.origin.x + (bounds.size.width - MENU_ICON_SIZE) / 2 + 0.5f),
                                                    (int) (bounds.origin.y + (bounds.size.height - MENU_ICON_SIZE) / 2 + 0.5f),
                                                    MENU_ICON_SIZE, MENU_ICON_SIZE));
}

static void
plx_annotation_row_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PlxAnnotationRow *self = PLX_ANNOTATION_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int button_width = gtk_widget_get_width (GTK_WIDGET (self->menu_button));
  int button_height = gtk_widget_get_height (GTK_WIDGET (self->menu_button));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int quote_height;
  GdkRGBA color;

  ensure_layouts (self, width);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  quote_height = text_height (self->quote_layout);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rtl ? button_width + SPACING : 0, 0));
  gtk_snapshot_append_layout (snapshot, self->quote_layout, &color);
  gtk_snapshot_restore (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, MAX (quote_height, button_height) + SPACING));
  gtk_snapshot_append_layout (snapshot, self->details_layout, &color);
  gtk_snapshot_restore (snapshot);

  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->menu_button), snapshot);
  snapshot_menu_icon (self, snapshot);
}

static GtkSizeRequestMode
plx_annotation_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void open_menu_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter);
static void reveal_action    (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter);

static void
plx_annotation_row_class_init (PlxAnnotationRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = plx_annotation_row_dispose;
  widget_class->get_request_mode = plx_annotation_row_get_request_mode;
  widget_class->measure = plx_annotation_row_measure;
  widget_class->size_allocate = plx_annotation_row_size_allocate;
  widget_class->snapshot = plx_annotation_row_snapshot;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxAnnotationRow, menu_button);

  /* The card is the item a keyboard or screen reader user lands on:
   * Enter goes to the passage, the menu key opens the card's menu. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_widget_class_install_action (widget_class, "card.open-menu", NULL, open_menu_action);
  gtk_widget_class_install_action (widget_class, "card.reveal", NULL, reveal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.open-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.open-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "card.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "card.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "card.reveal", NULL);
}

GtkWidget *
plx_annotation_row_new (void)
{
  return g_object_new (PLX_TYPE_ANNOTATION_ROW, NULL);
}

PlxAnnotation *
plx_annotation_row_get_annotation (PlxAnnotationRow *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION_ROW (self), NULL);
  return self->annotation;
}

/* GLib pads a one-digit %e with a figure space, which g_strstrip() keeps:
 * the byline read "author ·  2 Dec". */
static char *
strip_figure_space (char *text)
{
  const char *figure_space = "\u2007";

  if (text != NULL && g_str_has_prefix (text, figure_space))
    memmove (text, text + strlen (figure_space), strlen (text) - strlen (figure_space) + 1);
  return text;
}

static char *
format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  now = g_date_time_new_now_local ();
  /* The cards are narrow: the year only when it is not this one. */
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: date and time of an annotation made this year, see strftime(3) */
    return strip_figure_space (g_date_time_format (local, _("%e %b, %H:%M")));
  /* Translators: date of an annotation made in another year, see strftime(3) */
  return strip_figure_space (g_date_time_format (local, _("%e %b %Y")));
}

/* Themes, note, author and date in one label; themes are shaded runs of
 * text rather than pill widgets in a flow box, which made a card cost
 * twice as much. */
static char *
details_markup (PlxAnnotation *annotation,
                const char    *citation)
{
  const char * const *themes = plx_annotation_get_themes (annotation);
  const char *note = plx_annotation_get_note (annotation);
  const char *author = plx_annotation_get_author (annotation);
  g_autofree char *created = format_time (plx_annotation_get_created (annotation));
  GString *markup = g_string_new (NULL);

  for (guint i = 0; themes[i] != NULL; i++)
    {
      /* A theme's shading must not wrap apart. */
      g_autofree char *theme = g_markup_printf_escaped ("<span size=\"small\" background=\"#808080\" bgalpha=\"28%%\" "
                                                        "allow_breaks=\"false\">\u2002%s\u2002</span>",
                                                        themes[i]);

      g_string_append (markup, i == 0 ? "" : " ");
      g_string_append (markup, theme);
    }
  if (themes[0] != NULL)
    g_string_append_c (markup, '\n');
  if (*note != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (note, -1);

      g_string_append (markup, escaped);
      g_string_append_c (markup, '\n');
    }
  {
    g_autofree char *byline = *author ? g_markup_printf_escaped ("%s · %s", author, g_strstrip (created))
                                      : g_markup_escape_text (g_strstrip (created), -1);

    /* Where the passage is cited from comes first (issue 19). */
    if (citation != NULL && *citation != '\0')
      {
        g_autofree char *cited = g_markup_printf_escaped ("%s · ", citation);
        char *with_citation = g_strconcat (cited, byline, NULL);

        g_free (byline);
        byline = with_citation;
      }
    g_autofree char *meta = NULL;

    /* An edited passage says so, and when (issue 18). */
    if (g_strcmp0 (plx_annotation_get_modified (annotation), plx_annotation_get_created (annotation)) != 0)
      {
        g_autofree char *modified = format_time (plx_annotation_get_modified (annotation));
        /* Translators: on a card, after its author and date: when the passage was last edited */
        g_autofree char *edited = g_strdup_printf (_("edited %s"), g_strstrip (modified));
        g_autofree char *escaped = g_markup_escape_text (edited, -1);

        meta = g_strconcat (byline, " · ", escaped, NULL);
      }
    else
      meta = g_steal_pointer (&byline);

    g_string_append_printf (markup, "<span size=\"small\" alpha=\"60%%\">%s</span>", meta);
  }
  return g_string_free (markup, FALSE);
}

static GMenuModel *
build_menu (PlxAnnotation *annotation)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  const char *uuid = plx_annotation_get_uuid (annotation);
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target (item, "win.edit-annotation", "s", uuid);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Set Extent to _Selection"), NULL);
  g_menu_item_set_action_and_target (item, "win.set-extent", "s", uuid);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Cite in _Memo"), NULL);
  g_menu_item_set_action_and_target (item, "win.cite-in-memo", "s", uuid);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target (item, "win.delete-annotation", "s", uuid);
  g_menu_append_item (section, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  return G_MENU_MODEL (menu);
}

static gboolean
unparent_menu_cb (gpointer data)
{
  PlxAnnotationRow *self = data;

  if (self->menu != NULL && !gtk_widget_get_visible (self->menu))
    g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* A closed menu goes once its activated item has run. */
static void
menu_closed_cb (PlxAnnotationRow *self)
{
  g_idle_add (unparent_menu_cb, g_object_ref (self));
}

static void
menu_clicked_cb (PlxAnnotationRow *self)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->annotation == NULL)
    return;
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  model = build_menu (self->annotation);
  self->menu = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self->menu_button));
  g_signal_connect_swapped (self->menu, "closed", G_CALLBACK (menu_closed_cb), self);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
open_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  menu_clicked_cb (PLX_ANNOTATION_ROW (widget));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxAnnotationRow *self = PLX_ANNOTATION_ROW (widget);

  if (self->annotation != NULL)
    gtk_widget_activate_action (widget, "win.reveal-annotation", "s", plx_annotation_get_uuid (self->annotation));
}

static void
plx_annotation_row_init (PlxAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (self->menu_button, "clicked", G_CALLBACK (menu_clicked_cb), self);
}

/* What a screen reader reads of the card: the passage as one sentence
 * with its perspective, themes, note and author; the date below. */
static void
update_accessible (PlxAnnotationRow *self)
{
  g_autofree char *sentence = NULL;

  if (self->annotation == NULL)
    return;
  sentence = plx_a11y_describe_annotation (self->annotation,
                                           self->perspective ? plx_perspective_get_name (self->perspective) : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->details ? self->details : "",
                                  -1);
  /* The grid view's cell around the card is exposed too, as a table cell
   * named after its type: it reads as the card. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
}

static void
rebuild_details (PlxAnnotationRow *self)
{
  g_autofree char *markup = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->details, g_free);
  g_clear_pointer (&self->details_attrs, pango_attr_list_unref);
  markup = details_markup (self->annotation, self->citation);
  if (!pango_parse_markup (markup, -1, 0, &self->details_attrs, &self->details, NULL, &error))
    g_critical ("A card's details are not valid markup: %s", error->message);
  g_clear_object (&self->quote_layout);
  g_clear_object (&self->details_layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  update_accessible (self);
}

void
plx_annotation_row_set_annotation (PlxAnnotationRow *self,
                                   PlxAnnotation    *annotation)
{
  g_return_if_fail (PLX_IS_ANNOTATION_ROW (self));

  if (!g_set_object (&self->annotation, annotation) || annotation == NULL)
    return;
  rebuild_details (self);
  /* A panel reuses cards: an open menu was for the passage before. */
  g_clear_pointer (&self->menu, gtk_widget_unparent);
}

/**
 * plx_annotation_row_set_citation:
 * @citation: (nullable): where the passage is in its source ("p. 12")
 *
 * Shown before the byline; set it before the annotation when binding.
 */
void
plx_annotation_row_set_citation (PlxAnnotationRow *self,
                                 const char       *citation)
{
  g_return_if_fail (PLX_IS_ANNOTATION_ROW (self));

  if (g_strcmp0 (self->citation, citation) == 0)
    return;
  g_free (self->citation);
  self->citation = g_strdup (citation);
  if (self->annotation != NULL)
    rebuild_details (self);
}

/**
 * plx_annotation_row_set_perspective:
 *
 * The perspective of the passages the card shows, whose name begins what
 * a screen reader reads of the card; followed when it is renamed.
 */
void
plx_annotation_row_set_perspective (PlxAnnotationRow *self,
                                    PlxPerspective   *perspective)
{
  g_return_if_fail (PLX_IS_ANNOTATION_ROW (self));

  if (self->perspective == perspective)
    return;
  if (self->perspective != NULL)
    g_signal_handlers_disconnect_by_data (self->perspective, self);
  g_set_object (&self->perspective, perspective);
  if (perspective != NULL)
    g_signal_connect_swapped (perspective, "notify::name", G_CALLBACK (update_accessible), self);
  update_accessible (self);
}

/* The text the card shows below its quote: themes, note and byline. */
const char *
plx_annotation_row_get_details (PlxAnnotationRow *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION_ROW (self), NULL);
  return self->details;
}

/**
 * plx_annotation_row_set_highlight:
 * @folded: (nullable): the words searched for, casefolded
 *
 * Marks where the quote, themes or note contain @folded, in any case.
 */
void
plx_annotation_row_set_highlight (PlxAnnotationRow *self,
                                  const char       *folded)
{
  g_return_if_fail (PLX_IS_ANNOTATION_ROW (self));

  if (folded != NULL && *folded == '\0')
    folded = NULL;
  if (g_strcmp0 (folded, self->highlight) == 0)
    return;
  g_free (self->highlight);
  self->highlight = g_strdup (folded);
  /* Only colours change: laid out again when next drawn, same size. */
  g_clear_object (&self->quote_layout);
  g_clear_object (&self->details_layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * plx_annotation_row_dup_attributes:
 * @details: the text under the quote rather than the quote
 *
 * Returns: (transfer full): the attributes the quote or the details are
 *   drawn with, search marks included
 */
PangoAttrList *
plx_annotation_row_dup_attributes (PlxAnnotationRow *self,
                                   gboolean          details)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION_ROW (self), NULL);
  return details ? details_attributes (self) : quote_attributes (self);
}
