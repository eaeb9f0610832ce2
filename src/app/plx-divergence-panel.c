/* plx-divergence-panel.c
 *
 * The passages are copied from the view's (filtered) list on the main
 * thread, so hidden coders stay hidden; the thousand resamples run in a
 * worker. Every number leads to its passages: a theme filters the view to
 * it (the "theme-activated" signal), a section of the line and a
 * contested passage put the caret there (win.scroll-to-offset).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-divergence-panel"

#include <math.h>
#include <glib/gi18n.h>

#include "plx-compare-labels.h"
#include "plx-divergence-panel.h"
#include "plx-table-grid.h"

#define CONTESTED_LIMIT 20
#define CHART_HEIGHT 160

struct _PlxDivergencePanel
{
  GtkWidget      parent_instance;

  PlxDivergence *divergence;
  GCancellable  *cancellable;

  GtkWidget     *status_label;
  GtkGrid       *pairs_grid;
  GtkGrid       *salience_grid;
  GtkWidget     *chart;
  GtkWidget     *chart_legend;
  GtkWidget     *contested_box;
};

G_DEFINE_FINAL_TYPE (PlxDivergencePanel, plx_divergence_panel, GTK_TYPE_WIDGET)

enum {
  THEME_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
perspective_name (PlxDivergence *d,
                  guint          p)
{
  return plx_perspective_get_name (g_ptr_array_index (d->perspectives, p));
}

/* A pair's colour: the mean of its two perspectives'. */
static GdkRGBA
pair_color (PlxDivergence           *d,
            const PlxDivergencePair *pair)
{
  GdkRGBA a = { 0.5, 0.5, 0.5, 1 }, b = { 0.5, 0.5, 0.5, 1 }, mixed;

  gdk_rgba_parse (&a, plx_perspective_get_color (g_ptr_array_index (d->perspectives, pair->a)));
  gdk_rgba_parse (&b, plx_perspective_get_color (g_ptr_array_index (d->perspectives, pair->b)));
  mixed.red = (a.red + b.red) / 2;
  mixed.green = (a.green + b.green) / 2;
  mixed.blue = (a.blue + b.blue) / 2;
  mixed.alpha = 1;
  return mixed;
}

static char *
format_value (double value)
{
  return isfinite (value) ? g_strdup_printf ("%.3f", value) : g_strdup ("—");
}

static void
theme_clicked_cb (GtkButton          *button,
                  PlxDivergencePanel *self)
{
  g_signal_emit (self, signals[THEME_ACTIVATED], 0, gtk_button_get_label (button));
}

static GtkWidget *
theme_button_new (PlxDivergencePanel *self,
                  const char         *theme)
{
  GtkWidget *button = gtk_button_new_with_label (theme);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  /* Translators: a theme's button; %s is the theme */
  {
    g_autofree char *tooltip = g_strdup_printf (_("Show the passages on “%s”"), theme);

    gtk_widget_set_tooltip_text (button, tooltip);
  }
  g_signal_connect (button, "clicked", G_CALLBACK (theme_clicked_cb), self);
  return button;
}

static void
attach_header (GtkGrid    *grid,
               const char *text,
               int         column)
{
  gtk_grid_attach (grid, plx_compare_label_new_with_role (text, column == 0 ? 0 : 1, "heading",
                                                          GTK_ACCESSIBLE_ROLE_COLUMN_HEADER),
                   column, 0, 1, 1);
}

static void
rebuild_pairs (PlxDivergencePanel       *self,
               const PlxDivergenceScope *slice)
{
  PlxDivergence *d = self->divergence;

  attach_header (self->pairs_grid, _("Pair"), 0);
  attach_header (self->pairs_grid, _("Divergence"), 1);
  attach_header (self->pairs_grid, _("Less bias"), 2);
  attach_header (self->pairs_grid, _("Interval (95%)"), 3);
  attach_header (self->pairs_grid, _("Themes that weigh most"), 4);
  for (guint i = 0; i < slice->n_pairs; i++)
    {
      const PlxDivergencePair *pair = &slice->pairs[i];
      GdkRGBA color = pair_color (d, pair);
      g_autofree char *hex = g_strdup_printf ("#%02x%02x%02x", (int) (color.red * 255), (int) (color.green * 255),
                                              (int) (color.blue * 255));
      g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\">━</span> %s – %s", hex,
                                                         perspective_name (d, pair->a), perspective_name (d, pair->b));
      g_autofree char *name = g_strdup_printf ("%s – %s", perspective_name (d, pair->a),
                                               perspective_name (d, pair->b));
      GtkWidget *label = plx_compare_label_new_with_role ("", 0, NULL, GTK_ACCESSIBLE_ROLE_ROW_HEADER);
      GtkWidget *themes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      int row = (int) i + 1;

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_grid_attach (self->pairs_grid, label, 0, row, 1, 1);
      if (pair->status != PLX_DIVERGENCE_DEFINED)
        {
          const char *lacking = pair->status == PLX_DIVERGENCE_NO_COVERAGE_A ? perspective_name (d, pair->a)
                              : pair->status == PLX_DIVERGENCE_NO_COVERAGE_B ? perspective_name (d, pair->b) : NULL;
          g_autofree char *why = lacking != NULL
                                 ? g_strdup_printf (_("undefined: %s has no passage with a theme here"), lacking)
                                 : g_strdup (_("undefined: neither has a passage with a theme here"));

          plx_compare_attach_named_cell (self->pairs_grid, why, name, _("Divergence"), 1, row);
          continue;
        }
      {
        g_autofree char *value = format_value (pair->jsd);
        g_autofree char *corrected = format_value (pair->corrected);
        g_autofree char *interval = isfinite (pair->ci_low) ? g_strdup_printf ("%.3f – %.3f", pair->ci_low,
                                                                                pair->ci_high)
                                                           : g_strdup ("—");
        g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

        plx_compare_attach_named_cell (self->pairs_grid, value, name, _("Divergence"), 1, row);
        plx_compare_attach_named_cell (self->pairs_grid, corrected, name, _("Less bias"), 2, row);
        plx_compare_attach_named_cell (self->pairs_grid, interval, name, _("Interval (95%)"), 3, row);
        /* The three largest parts of the divergence. */
        for (guint k = 0; k < 3; k++)
          {
            int best = -1;

            for (guint t = 0; t < d->themes->len; t++)
              {
                gboolean taken = FALSE;

                for (guint j = 0; j < order->len; j++)
                  taken |= g_array_index (order, guint, j) == t;
                if (!taken && pair->contributions[t] > 0 &&
                    (best < 0 || pair->contributions[t] > pair->contributions[best]))
                  best = (int) t;
              }
            if (best < 0)
              break;
            g_array_append_val (order, best);
            gtk_box_append (GTK_BOX (themes), theme_button_new (self, g_ptr_array_index (d->themes, best)));
          }
        gtk_grid_attach (self->pairs_grid, themes, 4, row, 1, 1);
      }
    }
}

static void
rebuild_salience (PlxDivergencePanel       *self,
                  const PlxDivergenceScope *slice)
{
  PlxDivergence *d = self->divergence;
  guint P = d->perspectives->len;

  attach_header (self->salience_grid, _("Theme"), 0);
  attach_header (self->salience_grid, _("Gap"), 1);
  for (guint p = 0; p < P; p++)
    gtk_grid_attach (self->salience_grid,
                     plx_compare_perspective_label_new (g_ptr_array_index (d->perspectives, p), NULL,
                                                        GTK_ACCESSIBLE_ROLE_COLUMN_HEADER),
                     (int) p + 2, 0, 1, 1);
  for (guint k = 0; k < MIN (d->themes->len, 12); k++)
    {
      guint t = slice->ranking[k];
      const char *theme = g_ptr_array_index (d->themes, t);
      g_autofree char *gap = format_value (slice->spread[t]);
      int row = (int) k + 1;

      gtk_grid_attach (self->salience_grid, theme_button_new (self, theme), 0, row, 1, 1);
      plx_compare_attach_named_cell (self->salience_grid, gap, theme, _("Gap"), 1, row);
      for (guint p = 0; p < P; p++)
        {
          double share = slice->shares[(gsize) t * P + p];
          g_autofree char *text = isfinite (share) ? g_strdup_printf ("%.1f%%", share * 100) : g_strdup ("—");

          plx_compare_attach_named_cell (self->salience_grid, text, theme, perspective_name (d, p), (int) p + 2, row);
        }
    }
}

/* The section scopes, in order. */
static GPtrArray *
sections (PlxDivergence *d)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; d != NULL && i < d->scopes->len; i++)
    if (((PlxDivergenceScope *) g_ptr_array_index (d->scopes, i))->kind == PLX_DIVERGENCE_SCOPE_SECTION)
      g_ptr_array_add (found, g_ptr_array_index (d->scopes, i));
  return found;
}

static double
section_x (guint i,
           guint n,
           int   width)
{
  return n > 1 ? 24 + (double) i * (width - 36) / (n - 1) : width / 2.0;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  PlxDivergencePanel *self = data;
  g_autoptr(GPtrArray) series = sections (self->divergence);
  GdkRGBA fg;
  double top = 8, bottom = height - 20;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* The axis: 0 and 1, and the sections' numbers. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_move_to (cr, 20, bottom + 0.5);
  cairo_line_to (cr, width, bottom + 0.5);
  cairo_move_to (cr, 20, top + 0.5);
  cairo_line_to (cr, width, top + 0.5);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
  cairo_set_font_size (cr, 10);
  cairo_move_to (cr, 2, bottom + 3);
  cairo_show_text (cr, "0");
  cairo_move_to (cr, 2, top + 8);
  cairo_show_text (cr, "1");
  for (guint i = 0; i < series->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      cairo_move_to (cr, section_x (i, series->len, width) - 3, height - 4);
      cairo_show_text (cr, number);
    }
  if (series->len == 0)
    return;

  /* A line per pair; a section where the pair is undefined breaks it. */
  for (guint k = 0; k < ((PlxDivergenceScope *) g_ptr_array_index (series, 0))->n_pairs; k++)
    {
      gboolean drawing = FALSE;

      for (guint i = 0; i < series->len; i++)
        {
          const PlxDivergencePair *pair = &((PlxDivergenceScope *) g_ptr_array_index (series, i))->pairs[k];
          GdkRGBA color = pair_color (self->divergence, pair);
          double x = section_x (i, series->len, width), y;

          if (!isfinite (pair->jsd))
            {
              drawing = FALSE;
              continue;
            }
          y = bottom - pair->jsd * (bottom - top);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
          cairo_fill (cr);
          if (drawing)
            {
              const PlxDivergencePair *before = &((PlxDivergenceScope *) g_ptr_array_index (series, i - 1))->pairs[k];

              cairo_set_line_width (cr, 2);
              cairo_move_to (cr, section_x (i - 1, series->len, width), bottom - before->jsd * (bottom - top));
              cairo_line_to (cr, x, y);
              cairo_stroke (cr);
            }
          drawing = TRUE;
        }
    }
}

/* A click on the line puts the caret at the nearest section's start. */
static void
chart_pressed_cb (GtkGestureClick    *gesture,
                  int                 n_press,
                  double              x,
                  double              y,
                  PlxDivergencePanel *self)
{
  g_autoptr(GPtrArray) series = sections (self->divergence);
  int width = gtk_widget_get_width (self->chart);
  guint best = 0;

  if (series->len == 0)
    return;
  for (guint i = 1; i < series->len; i++)
    if (fabs (section_x (i, series->len, width) - x) < fabs (section_x (best, series->len, width) - x))
      best = i;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.scroll-to-offset", "u",
                              ((PlxDivergenceScope *) g_ptr_array_index (series, best))->start);
}

static void
rebuild_chart (PlxDivergencePanel *self)
{
  g_autoptr(GPtrArray) series = sections (self->divergence);
  g_autoptr(GString) legend = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (_("Divergence along the document, section by section"));

  for (guint i = 0; i < series->len; i++)
    {
      const PlxDivergenceScope *scope = g_ptr_array_index (series, i);
      g_autofree char *mean = format_value (scope->mean_jsd);

      g_string_append_printf (legend, "%s%u\u00a0%s", i > 0 ? "   " : "", i + 1, scope->label);
      g_string_append_printf (description, "; %s: %s", scope->label, mean);
    }
  gtk_label_set_text (GTK_LABEL (self->chart_legend), legend->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL, description->str, -1);
  gtk_widget_queue_draw (self->chart);
}

static void
rebuild_contested (PlxDivergencePanel *self)
{
  PlxDivergence *d = self->divergence;
  PangoAttrList *italic = pango_attr_list_new ();
  GtkWidget *child;

  pango_attr_list_insert (italic, pango_attr_style_new (PANGO_STYLE_ITALIC));
  pango_attr_list_insert (italic, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
  while ((child = gtk_widget_get_first_child (self->contested_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->contested_box), child);
  if (d->contested->len == 0)
    {
      gtk_box_append (GTK_BOX (self->contested_box), plx_compare_label_new (_("No contested passages."), 0, "dim-label"));
      pango_attr_list_unref (italic);
      return;
    }
  for (guint i = 0; i < MIN (d->contested->len, CONTESTED_LIMIT); i++)
    {
      const PlxContestedSpan *span = g_ptr_array_index (d->contested, i);
      g_autoptr(GString) readings = g_string_new (NULL);
      g_autofree char *quote = g_utf8_substring (span->quote, 0, MIN (g_utf8_strlen (span->quote, -1), 90));
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *quote_label, *readings_label;
      g_autofree char *accessible = NULL;
      g_autofree char *quoted = NULL;

      for (guint p = 0; p < span->n_perspectives; p++)
        if (span->themes[p] != NULL)
          {
            g_autofree char *themes = g_strjoinv (", ", span->themes[p]);

            g_string_append_printf (readings, "%s%s: %s", readings->len > 0 ? " · " : "", perspective_name (d, p),
                                    *themes != '\0' ? themes : "—");
          }
      g_strdelimit (quote, "\n\t\r", ' ');
      quoted = g_strdup_printf ("“%s”", quote);
      quote_label = plx_compare_label_new (quoted, 0, NULL);
      gtk_label_set_attributes (GTK_LABEL (quote_label), italic);
      gtk_label_set_ellipsize (GTK_LABEL (quote_label), PANGO_ELLIPSIZE_END);
      readings_label = plx_compare_label_new (readings->str, 0, "caption");
      gtk_widget_add_css_class (readings_label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (readings_label), TRUE);
      gtk_box_append (GTK_BOX (box), quote_label);
      gtk_box_append (GTK_BOX (box), readings_label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.scroll-to-offset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", span->start);
      accessible = g_strdup_printf ("%s: %s", quoted, readings->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_box_append (GTK_BOX (self->contested_box), button);
    }
  pango_attr_list_unref (italic);
}

static void
rebuild (PlxDivergencePanel *self)
{
  const PlxDivergenceScope *slice;

  plx_compare_clear_grid (self->pairs_grid);
  plx_compare_clear_grid (self->salience_grid);
  if (self->divergence == NULL)
    return;
  slice = g_ptr_array_index (self->divergence->scopes, 0);
  gtk_widget_set_visible (self->status_label, slice->n_pairs == 0);
  gtk_label_set_text (GTK_LABEL (self->status_label), _("Only one perspective: nothing to compare."));
  rebuild_pairs (self, slice);
  rebuild_salience (self, slice);
  rebuild_chart (self);
  rebuild_contested (self);
}

static void
measure_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PlxDivergenceOptions options = { NULL, 0, TRUE, PLX_DIVERGENCE_DEFAULT_REPLICATES, PLX_DIVERGENCE_DEFAULT_SEED };

  plx_divergence_measure (task_data, &options);
  g_task_return_pointer (task, task_data, (GDestroyNotify) plx_divergence_free);
}

static void
measured_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  PlxDivergencePanel *self = PLX_DIVERGENCE_PANEL (object);
  PlxDivergence *divergence = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: a newer measure is on its way. */
  if (divergence == NULL)
    return;
  g_clear_pointer (&self->divergence, plx_divergence_free);
  self->divergence = divergence;
  rebuild (self);
}

static GtkWidget *
heading_new (const char *text)
{
  return plx_compare_label_new (text, 0, "heading");
}

static GtkGrid *
grid_new (GtkWidget *labelled_by)
{
  GtkWidget *grid = plx_table_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_RELATION_LABELLED_BY, labelled_by, NULL, -1);
  return GTK_GRID (grid);
}

static void
plx_divergence_panel_dispose (GObject *object)
{
  PlxDivergencePanel *self = PLX_DIVERGENCE_PANEL (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->divergence, plx_divergence_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (plx_divergence_panel_parent_class)->dispose (object);
}

static void
plx_divergence_panel_class_init (PlxDivergencePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_divergence_panel_dispose;

  /**
   * PlxDivergencePanel::theme-activated:
   * @theme: the theme whose passages the user asked for
   */
  signals[THEME_ACTIVATED] = g_signal_new ("theme-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "divergencepanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
plx_divergence_panel_init (PlxDivergencePanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *heading = heading_new (_("Divergence"));
  GtkWidget *caption = plx_compare_label_new (_("How far the perspectives’ themes differ, weighted by characters: 0 alike, 1 nothing in common, with a 95% bootstrap interval. A theme shows its passages; a section or a contested passage takes you there."), 0, "caption");
  GtkWidget *salience_heading = heading_new (_("Themes that set them apart"));
  GtkWidget *chart_heading = heading_new (_("Along the document"));
  GtkWidget *contested_heading = heading_new (_("Contested passages"));
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 6);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  self->status_label = plx_compare_label_new (_("Computing…"), 0, "dim-label");
  self->pairs_grid = grid_new (heading);
  self->salience_grid = grid_new (salience_heading);
  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), CHART_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_widget_set_focusable (self->chart, TRUE);
  gtk_widget_add_controller (self->chart, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (click, "pressed", G_CALLBACK (chart_pressed_cb), self);
  self->chart_legend = plx_compare_label_new ("", 0, "caption");
  gtk_label_set_wrap (GTK_LABEL (self->chart_legend), TRUE);
  self->contested_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_parent (heading, widget);
  gtk_widget_set_parent (caption, widget);
  gtk_widget_set_parent (self->status_label, widget);
  gtk_widget_set_parent (GTK_WIDGET (self->pairs_grid), widget);
  gtk_widget_set_parent (salience_heading, widget);
  gtk_widget_set_parent (GTK_WIDGET (self->salience_grid), widget);
  gtk_widget_set_parent (chart_heading, widget);
  gtk_widget_set_parent (self->chart, widget);
  gtk_widget_set_parent (self->chart_legend, widget);
  gtk_widget_set_parent (contested_heading, widget);
  gtk_widget_set_parent (self->contested_box, widget);
}

GtkWidget *
plx_divergence_panel_new (void)
{
  return g_object_new (PLX_TYPE_DIVERGENCE_PANEL, NULL);
}

/**
 * plx_divergence_panel_update:
 * @document: (nullable): the document shown
 * @annotations: (nullable): its passages as the view shows them
 *
 * Measures again in a worker; the tables follow when it is done.
 */
void
plx_divergence_panel_update (PlxDivergencePanel *self,
                             PlxDocument        *document,
                             GListModel         *perspectives,
                             GListModel         *annotations)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PLX_IS_DIVERGENCE_PANEL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (document == NULL || perspectives == NULL || annotations == NULL)
    {
      g_clear_pointer (&self->divergence, plx_divergence_free);
      rebuild (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, measured_cb, NULL);
  /* Not freed with the task: the thread hands it back as the result. */
  g_task_set_task_data (task, plx_divergence_new_for_document (document, perspectives, annotations), NULL);
  gtk_widget_set_visible (self->status_label, TRUE);
  gtk_label_set_text (GTK_LABEL (self->status_label), _("Computing…"));
  g_task_run_in_thread (task, measure_thread);
}

PlxDivergence *
plx_divergence_panel_get_divergence (PlxDivergencePanel *self)
{
  g_return_val_if_fail (PLX_IS_DIVERGENCE_PANEL (self), NULL);
  return self->divergence;
}
