/* plx-compare-view.c
 *
 * The theme matrix is PlxThemeMatrix. Statistics come from PlxStatistics
 * in the core, recomputed on the main thread after a 200 ms pause in changes: it
 * takes a few milliseconds, less than handing the data to a thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-compare-view"

#include <adwaita.h>
#include <string.h>
#include <glib/gi18n.h>

#include "plx-a11y.h"
#include "plx-chart.h"
#include "plx-compare-labels.h"
#include "plx-compare-view.h"
#include "plx-divergence-panel.h"
#include "plx-document-map.h"
#include "plx-heat-map.h"
#include "plx-table-grid.h"
#include "plx-theme-matrix.h"
#include "plx-wheel.h"

#define RECOMPUTE_DELAY_MS 200

struct _PlxCompareView
{
  GtkWidget       parent_instance;

  /* Owned references */
  PlxProject     *project;
  PlxDocument    *document;
  GListModel     *annotations;
  PlxStatistics  *statistics;
  GPtrArray      *watched;        /* perspectives whose name or colour we show */
  GtkCssProvider *share_css;      /* the share bars in the perspectives' colours */
  char           *share_class;    /* this view's prefix for their classes */

  PlxCompareSort  sort;
  gboolean        stale;           /* changed while hidden */
  guint           recompute_id;

  /* Template widgets */
  GtkWidget      *box;
  GtkSearchEntry *filter_entry;
  GtkDropDown    *sort_dropdown;
  GtkLabel       *summary_label;
  GtkLabel       *empty_label;
  PlxDocumentMap *document_map;
  GtkBox         *lane_labels;
  PlxThemeMatrix *matrix;
  GtkGrid        *perspectives_grid;
  PlxHeatMap     *heat_map;
  GtkWidget      *heat_map_scroller;
  GtkToggleButton *sections_table_toggle;
  GtkGrid        *sections_grid;
  GtkGrid        *cooccurrence_grid;
  PlxDivergencePanel *divergence_panel;
};

G_DEFINE_FINAL_TYPE (PlxCompareView, plx_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATISTICS,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Says why the matrix is empty, when it is. */
static void
update_empty_label (PlxCompareView *self)
{
  PlxStatistics *stats = self->statistics;
  guint n_rows = plx_theme_matrix_get_n_rows (self->matrix);

  if (stats == NULL)
    return;
  if (plx_statistics_get_n_passages (stats) == 0)
    gtk_label_set_text (self->empty_label, _("No passages yet. Tag passages in the Annotate view to compare the perspectives here."));
  else if (n_rows == 0)
    gtk_label_set_text (self->empty_label, _("No themes or passages match the filter."));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          plx_statistics_get_n_passages (stats) == 0 || n_rows == 0);
}

/* The share bars are filled in their perspective's colour, not the
 * accent colour (issue 18): a style sheet for this view's bars, by class,
 * since a level bar's blocks are widgets of their own. */
static void
update_share_colors (PlxCompareView *self,
                     PlxStatistics  *stats)
{
  g_autoptr(GString) css = g_string_new (NULL);
  guint P = plx_statistics_get_n_perspectives (stats);

  if (self->share_css == NULL)
    {
      self->share_css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (self->share_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  for (guint p = 0; p < P; p++)
    {
      GdkRGBA rgba;
      g_autofree char *color = NULL;

      if (!gdk_rgba_parse (&rgba, plx_perspective_get_color (plx_statistics_get_perspective (stats, p))))
        continue;
      color = gdk_rgba_to_string (&rgba);
      g_string_append_printf (css, "levelbar.%s-%u block.filled { background-color: %s; }\n",
                              self->share_class, p, color);
    }
  gtk_css_provider_load_from_data (self->share_css, css->str, -1);
}

static char *
format_percent (double share)
{
  return g_strdup_printf ("%.1f%%", share * 100);
}

static void
rebuild_statistics (PlxCompareView *self)
{
  PlxStatistics *stats = self->statistics;
  const char *headers[] = { N_("Passages"), N_("Characters"), N_("Share of the text"), N_("Touching another") };
  guint P, length;
  g_autofree char *summary = NULL;

  plx_compare_clear_grid (self->perspectives_grid);
  plx_compare_clear_grid (self->cooccurrence_grid);
  if (stats == NULL)
    return;
  P = plx_statistics_get_n_perspectives (stats);
  length = plx_statistics_get_length (stats);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u passage. %.1f%% of the text is tagged by some perspective, %.1f%% by more than one.",
                                          "%u passages. %.1f%% of the text is tagged by some perspective, %.1f%% by more than one.",
                                          plx_statistics_get_n_passages (stats)),
                             plx_statistics_get_n_passages (stats),
                             length ? 100.0 * plx_statistics_get_covered (stats) / length : 0.0,
                             length ? 100.0 * plx_statistics_get_contested (stats) / length : 0.0);
  gtk_label_set_text (self->summary_label, summary);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    gtk_grid_attach (self->perspectives_grid,
                     plx_compare_label_new_with_role (_(headers[c]), 1, "dim-label", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER),
                     (int) c + 1, 0, 1, 1);
  update_share_colors (self, stats);
  for (guint p = 0; p < P; p++)
    {
      const char *name = plx_perspective_get_name (plx_statistics_get_perspective (stats, p));
      guint passages = plx_statistics_get_passages (stats, p);
      guint overlapping = plx_statistics_get_overlapping (stats, p);
      double share = plx_statistics_get_share (stats, p);
      g_autofree char *n_passages = g_strdup_printf ("%u", passages);
      g_autofree char *characters = g_strdup_printf ("%u", plx_statistics_get_characters (stats, p));
      g_autofree char *percent = format_percent (share);
      g_autofree char *touching = g_strdup_printf ("%u (%.0f%%)", overlapping, passages ? 100.0 * overlapping / passages : 0.0);
      GtkWidget *share_box = g_object_new (GTK_TYPE_BOX, "spacing", 6,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL, NULL);
      g_autofree char *share_name = g_strdup_printf (_("%s, %s: %s"), name, _(headers[2]), percent);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      g_autofree char *bar_label = g_strdup_printf (_("%s share of the text"), name);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), share);
      {
        g_autofree char *bar_class = g_strdup_printf ("%s-%u", self->share_class, p);

        gtk_widget_add_css_class (bar, bar_class);
      }
      gtk_widget_set_size_request (bar, 120, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, bar_label, -1);
      gtk_box_append (GTK_BOX (share_box), bar);
      gtk_box_append (GTK_BOX (share_box), plx_compare_label_new (percent, 1, "numeric"));
      gtk_widget_set_halign (share_box, GTK_ALIGN_END);
      gtk_accessible_update_property (GTK_ACCESSIBLE (share_box), GTK_ACCESSIBLE_PROPERTY_LABEL, share_name, -1);
      gtk_widget_set_focusable (share_box, TRUE);
      gtk_widget_add_css_class (share_box, "table-cell");

      gtk_grid_attach (self->perspectives_grid,
                       plx_compare_perspective_label_new (plx_statistics_get_perspective (stats, p), NULL, GTK_ACCESSIBLE_ROLE_ROW_HEADER),
                       0, (int) p + 1, 1, 1);
      plx_compare_attach_named_cell (self->perspectives_grid, n_passages, name, _(headers[0]), 1, (int) p + 1);
      plx_compare_attach_named_cell (self->perspectives_grid, characters, name, _(headers[1]), 2, (int) p + 1);
      gtk_grid_attach (self->perspectives_grid, share_box, 3, (int) p + 1, 1, 1);
      plx_compare_attach_named_cell (self->perspectives_grid, touching, name, _(headers[3]), 4, (int) p + 1);
    }

  for (guint q = 0; q < P; q++)
    gtk_grid_attach (self->cooccurrence_grid,
                     plx_compare_perspective_label_new (plx_statistics_get_perspective (stats, q), NULL, GTK_ACCESSIBLE_ROLE_COLUMN_HEADER),
                     (int) q + 1, 0, 1, 1);
  for (guint p = 0; p < P; p++)
    {
      const char *row = plx_perspective_get_name (plx_statistics_get_perspective (stats, p));

      gtk_grid_attach (self->cooccurrence_grid,
                       plx_compare_perspective_label_new (plx_statistics_get_perspective (stats, p), NULL, GTK_ACCESSIBLE_ROLE_ROW_HEADER),
                       0, (int) p + 1, 1, 1);
      for (guint q = 0; q < P; q++)
        {
          const char *column = plx_perspective_get_name (plx_statistics_get_perspective (stats, q));
          g_autofree char *text = NULL;
          g_autofree char *name = NULL;

          if (p == q)
            {
              text = g_strdup ("—");
              /* Translators: an Overlaps cell of a perspective with itself, read aloud */
              name = g_strdup_printf (_("%s with itself: not counted"), row);
            }
          else
            {
              guint characters = plx_statistics_get_cooccurrence (stats, p, q);
              guint touching = plx_statistics_get_cooccurrence_passages (stats, p, q);

              /* Translators: characters covered by both · passages touching */
              text = g_strdup_printf (_("%u ch · %u"), characters, touching);
              /* Translators: an Overlaps cell read aloud: row perspective, column
               * perspective, characters both cover, then the row perspective's
               * passages that touch one of the column perspective's */
              name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s with %s: %u character in common; %s passages touching %s ones: %u",
                                                   "%s with %s: %u characters in common; %s passages touching %s ones: %u",
                                                   characters),
                                      row, column, characters, row, column, touching);
            }
          plx_table_grid_attach_cell (PLX_TABLE_GRID (self->cooccurrence_grid), text, name, (int) q + 1, (int) p + 1);
        }
    }
}

/* The heat map's numbers as a table: a row per section, a column per
 * perspective, each cell the share of the section it covers, read with
 * its section, perspective, characters and passages. */
static void
rebuild_sections_table (PlxCompareView *self)
{
  PlxStatistics *stats = self->statistics;
  guint P, S;

  plx_compare_clear_grid (self->sections_grid);
  if (stats == NULL)
    return;
  P = plx_statistics_get_n_perspectives (stats);
  S = plx_statistics_get_n_sections (stats);

  gtk_grid_attach (self->sections_grid,
                   /* Translators: the header of the sections table's first column */
                   plx_compare_label_new_with_role (_("Section"), 0, "dim-label", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER),
                   0, 0, 1, 1);
  for (guint p = 0; p < P; p++)
    gtk_grid_attach (self->sections_grid,
                     plx_compare_perspective_label_new (plx_statistics_get_perspective (stats, p), NULL,
                                                        GTK_ACCESSIBLE_ROLE_COLUMN_HEADER),
                     (int) p + 1, 0, 1, 1);
  for (guint s = 0; s < S; s++)
    {
      const char *title = plx_statistics_get_section_title (stats, s);
      GtkWidget *header = plx_compare_label_new_with_role (title, 0, NULL, GTK_ACCESSIBLE_ROLE_ROW_HEADER);

      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 40);
      gtk_grid_attach (self->sections_grid, header, 0, (int) s + 1, 1, 1);
      for (guint p = 0; p < P; p++)
        {
          guint passages = plx_statistics_get_section_passages (stats, s, p);
          double share = plx_statistics_get_section_share (stats, s, p);
          g_autofree char *text = format_percent (share);
          g_autofree char *name = NULL;

          /* The heat map's tooltip says the same of its cell. */
          name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %s: %.0f%% of the section, %u characters, %u passage",
                                               "%s — %s: %.0f%% of the section, %u characters, %u passages", passages),
                                  title, plx_perspective_get_name (plx_statistics_get_perspective (stats, p)),
                                  share * 100, plx_statistics_get_section_characters (stats, s, p), passages);
          plx_table_grid_attach_cell (PLX_TABLE_GRID (self->sections_grid), text, name, (int) p + 1, (int) s + 1);
        }
    }
}

static void
sections_table_toggled_cb (PlxCompareView *self)
{
  gboolean table = gtk_toggle_button_get_active (self->sections_table_toggle);

  gtk_widget_set_visible (self->heat_map_scroller, !table);
  gtk_widget_set_visible (GTK_WIDGET (self->sections_grid), table);
}

/* The name of each lane of the document map at its left, each label as
 * high as a lane and the gap after it (issue 18). */
static void
rebuild_lane_labels (PlxCompareView *self)
{
  GListModel *perspectives = self->project ? plx_project_get_perspectives (self->project) : NULL;
  GtkWidget *child;
  int lane_size;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lane_labels))) != NULL)
    gtk_box_remove (self->lane_labels, child);
  if (perspectives == NULL || self->document == NULL)
    return;
  g_object_get (self->document_map, "lane-size", &lane_size, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);
      GtkWidget *label = plx_compare_label_new (plx_perspective_get_name (perspective), 1, "caption");

      gtk_widget_set_size_request (label, -1, lane_size + 1);
      gtk_label_set_yalign (GTK_LABEL (label), 0.5f);
      gtk_box_append (self->lane_labels, label);
    }
}

static void schedule_recompute (PlxCompareView *self);

static void
watch_perspectives (PlxCompareView *self)
{
  GListModel *perspectives = plx_project_get_perspectives (self->project);

  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      PlxPerspective *perspective = g_list_model_get_item (perspectives, i);

      g_signal_connect_swapped (perspective, "notify::name", G_CALLBACK (schedule_recompute), self);
      g_signal_connect_swapped (perspective, "notify::color", G_CALLBACK (schedule_recompute), self);
      g_ptr_array_add (self->watched, perspective);
    }
}

static void
recompute (PlxCompareView *self)
{
  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->share_css != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->share_css));
      g_clear_object (&self->share_css);
    }
  self->stale = FALSE;
  g_clear_object (&self->statistics);

  if (self->project != NULL && self->document != NULL && self->annotations != NULL)
    {
      watch_perspectives (self);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) codebook = plx_project_list_codebook (self->project, &error);

      /* Without the codebook the rows are flat, as before it existed. */
      if (codebook == NULL)
        g_warning ("Could not read the codebook: %s", error->message);
      plx_theme_matrix_set_codebook (self->matrix, codebook);
      self->statistics = plx_statistics_new (self->document, plx_project_get_perspectives (self->project),
                                             self->annotations);
    }
  plx_heat_map_set_statistics (self->heat_map, self->statistics);
  rebuild_statistics (self);
  rebuild_sections_table (self);
  rebuild_lane_labels (self);
  plx_theme_matrix_set_statistics (self->matrix, self->statistics);
  plx_divergence_panel_update (self->divergence_panel, self->statistics != NULL ? self->document : NULL,
                               self->project != NULL ? plx_project_get_perspectives (self->project) : NULL,
                               self->annotations);
  update_empty_label (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-table", self->statistics != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-map", self->statistics != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-heat-map", self->statistics != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATISTICS]);
}

static gboolean
recompute_timeout_cb (gpointer data)
{
  PlxCompareView *self = data;

  self->recompute_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

/* Bursts of changes (an import, undo of many) recompute once, and a hidden
 * view not at all until it is shown: while the user tags in the Annotate
 * view, recomputing here would only slow the tagging down. */
static void
schedule_recompute (PlxCompareView *self)
{
  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->recompute_id = g_timeout_add (RECOMPUTE_DELAY_MS, recompute_timeout_cb, self);
}

static void
plx_compare_view_map (GtkWidget *widget)
{
  PlxCompareView *self = PLX_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (plx_compare_view_parent_class)->map (widget);
  if (self->stale)
    recompute (self);
}

static void
filter_changed_cb (PlxCompareView *self,
                   GtkSearchEntry *entry)
{
  plx_compare_view_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The divergence's themes lead to their passages: the matrix, filtered
 * to the theme, at the top of the view. */
static void
divergence_theme_cb (PlxCompareView *self,
                     const char     *theme)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->divergence_panel), GTK_TYPE_SCROLLED_WINDOW);

  plx_compare_view_set_filter (self, theme);
  if (scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
}

static void
sort_changed_cb (PlxCompareView *self)
{
  plx_compare_view_set_sort (self, (PlxCompareSort) gtk_drop_down_get_selected (self->sort_dropdown));
}

/* Export */

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    PlxCompareView  *self)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "plx-export");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PlxStatisticsTable table;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  /* A table or map saved over the project would destroy it. */
  if (self->project != NULL && !plx_export_check_destination (self->project, file, &error))
    ok = FALSE;
  else if (g_strcmp0 (kind, "map") == 0)
    ok = plx_compare_view_export_map_png (self, file, &error);
  else if (g_strcmp0 (kind, "heat-map") == 0)
    ok = plx_compare_view_export_heat_map_png (self, file, &error);
  else if (plx_statistics_table_from_string (kind, &table))
    ok = plx_compare_view_export_table (self, table, file, &error);
  else
    g_return_if_reached ();

  if (!ok)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *alert = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 _("Could Not Export"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
  else
    {
      /* Said where it went, as the window's own export does. */
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Exported to %s"), name);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
    }
out:
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxCompareView *self = PLX_COMPARE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  const char *kind;
  g_autofree char *name = NULL;

  if (g_strcmp0 (action_name, "compare.export-map") == 0)
    kind = "map";
  else if (g_strcmp0 (action_name, "compare.export-heat-map") == 0)
    kind = "heat-map";
  else
    kind = g_variant_get_string (parameter, NULL);
  name = g_strdup_printf ("%s.%s", kind, parameter != NULL ? "csv" : "png");

  dialog = gtk_file_chooser_native_new (_("Export the Comparison"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "plx-export", g_strdup (kind), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* GObject */

static void
plx_compare_view_dispose (GObject *object)
{
  PlxCompareView *self = (PlxCompareView *) object;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->watched != NULL)
    {
      for (guint i = 0; i < self->watched->len; i++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
      g_ptr_array_set_size (self->watched, 0);
    }
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (plx_project_get_perspectives (self->project), self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_COMPARE_VIEW);
  g_clear_object (&self->statistics);
  g_clear_object (&self->annotations);
  g_clear_object (&self->document);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (plx_compare_view_parent_class)->dispose (object);
}

static void
plx_compare_view_finalize (GObject *object)
{
  PlxCompareView *self = (PlxCompareView *) object;

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->share_class, g_free);

  G_OBJECT_CLASS (plx_compare_view_parent_class)->finalize (object);
}

static void
plx_compare_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlxCompareView *self = PLX_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STATISTICS:
      g_value_set_object (value, self->statistics);
      break;
    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_compare_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SORT:
      plx_compare_view_set_sort (PLX_COMPARE_VIEW (object), (PlxCompareSort) g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_compare_view_class_init (PlxCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_compare_view_dispose;
  object_class->finalize = plx_compare_view_finalize;
  object_class->get_property = plx_compare_view_get_property;
  object_class->set_property = plx_compare_view_set_property;
  widget_class->map = plx_compare_view_map;

  properties[PROP_STATISTICS] =
    g_param_spec_object ("statistics", NULL, NULL, PLX_TYPE_STATISTICS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL, PLX_COMPARE_SORT_TOTAL, PLX_COMPARE_SORT_NAME, PLX_COMPARE_SORT_TOTAL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLX_TYPE_DIVERGENCE_PANEL);
  g_type_ensure (PLX_TYPE_DOCUMENT_MAP);
  g_type_ensure (PLX_TYPE_HEAT_MAP);
  g_type_ensure (PLX_TYPE_TABLE_GRID);
  g_type_ensure (PLX_TYPE_THEME_MATRIX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, box);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, document_map);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, lane_labels);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, matrix);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, perspectives_grid);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, heat_map);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, heat_map_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, sections_table_toggle);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, sections_grid);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, cooccurrence_grid);
  gtk_widget_class_bind_template_child (widget_class, PlxCompareView, divergence_panel);

  gtk_widget_class_install_action (widget_class, "compare.export-table", "s", export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-map", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-heat-map", NULL, export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compareview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
plx_compare_view_init (PlxCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  {
    static guint views;

    self->share_class = g_strdup_printf ("plx-share-%u", ++views);
  }

  /* The wheel over the wide tables scrolls the view. */
  plx_wheel_pass_through (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->matrix), GTK_TYPE_SCROLLED_WINDOW)));
  plx_wheel_pass_through (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->heat_map), GTK_TYPE_SCROLLED_WINDOW)));
  g_signal_connect_swapped (self->filter_entry, "search-changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (sort_changed_cb), self);
  g_signal_connect_swapped (self->sections_table_toggle, "notify::active", G_CALLBACK (sections_table_toggled_cb), self);
  g_signal_connect_swapped (self->divergence_panel, "theme-activated", G_CALLBACK (divergence_theme_cb), self);
  /* GTK 4.8 says a toggle is pressed only once it has been toggled; a
   * screen reader should hear "not pressed" from the start. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->sections_table_toggle),
                               GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  /* Its name is set in the template without the mnemonic; the button's
   * own "labelled by its label" would make AT-SPI read it twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->sections_table_toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  plx_a11y_name_dropdown (self->sort_dropdown, _("Sort by"));
  plx_a11y_name_scroller (GTK_WIDGET (self->summary_label), _("Compare the perspectives"));
  plx_a11y_name_scroller (GTK_WIDGET (self->matrix), _("Themes"));
  plx_a11y_name_scroller (GTK_WIDGET (self->heat_map), _("Sections"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compare the perspectives"), -1);
  recompute (self);
}

GtkWidget *
plx_compare_view_new (void)
{
  return g_object_new (PLX_TYPE_COMPARE_VIEW, NULL);
}

/**
 * plx_compare_view_set_model:
 * @project: (nullable): the project, for its perspectives
 * @document: (nullable): the document shown
 * @annotations: (nullable): its annotations, a PlxAnnotationList
 *
 * Computes at once if the view is shown, else when it is next shown;
 * afterwards changes to @annotations or to the perspectives recompute
 * after a short pause.
 */
void
plx_compare_view_set_model (PlxCompareView *self,
                            PlxProject     *project,
                            PlxDocument    *document,
                            GListModel     *annotations)
{
  g_return_if_fail (PLX_IS_COMPARE_VIEW (self));

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (plx_project_get_perspectives (self->project), self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  g_set_object (&self->project, project);
  g_set_object (&self->document, document);
  g_set_object (&self->annotations, annotations);
  plx_theme_matrix_collapse (self->matrix);

  if (annotations != NULL)
    g_signal_connect_swapped (annotations, "items-changed", G_CALLBACK (schedule_recompute), self);
  if (project != NULL)
    {
      g_signal_connect_swapped (plx_project_get_perspectives (project), "items-changed",
                                G_CALLBACK (schedule_recompute), self);
      /* Codebook changes (a theme moved, merged, renamed) reshape the rows. */
      g_signal_connect_swapped (project, "changes-committed", G_CALLBACK (schedule_recompute), self);
    }
  plx_document_map_set_model (self->document_map, document,
                              project ? plx_project_get_perspectives (project) : NULL, annotations);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    recompute (self);
  else
    self->stale = TRUE;
}

PlxStatistics *
plx_compare_view_get_statistics (PlxCompareView *self)
{
  g_return_val_if_fail (PLX_IS_COMPARE_VIEW (self), NULL);
  return self->statistics;
}

/* Recomputes now instead of after the pause. */
void
plx_compare_view_refresh (PlxCompareView *self)
{
  g_return_if_fail (PLX_IS_COMPARE_VIEW (self));
  recompute (self);
}

void
plx_compare_view_set_sort (PlxCompareView *self,
                           PlxCompareSort  sort)
{
  g_return_if_fail (PLX_IS_COMPARE_VIEW (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  if (gtk_drop_down_get_selected (self->sort_dropdown) != (guint) sort)
    gtk_drop_down_set_selected (self->sort_dropdown, sort);
  plx_theme_matrix_set_sort (self->matrix, sort);
  update_empty_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

void
plx_compare_view_set_filter (PlxCompareView *self,
                             const char     *text)
{
  g_return_if_fail (PLX_IS_COMPARE_VIEW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)), text ? text : "") != 0)
    {
      /* Replacing the text empties it first, and an empty search entry
       * reports at once: that would clear the filter we just set. */
      g_signal_handlers_block_by_func (self->filter_entry, filter_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->filter_entry, filter_changed_cb, self);
    }
  plx_theme_matrix_set_filter (self->matrix, text);
  update_empty_label (self);
}

/**
 * plx_compare_view_dup_row_themes:
 *
 * Returns: (transfer full): the themes of the matrix's rows as shown,
 *   sorted and filtered; "" stands for the passages without a theme
 */
char **
plx_compare_view_dup_row_themes (PlxCompareView *self)
{
  g_return_val_if_fail (PLX_IS_COMPARE_VIEW (self), NULL);
  return plx_theme_matrix_dup_row_themes (self->matrix);
}

/**
 * plx_compare_view_get_cell:
 * @theme: a theme, or "" for the passages without one
 *
 * Returns: (transfer none) (nullable): the box of the cell: a count label,
 *   then a button per passage shown, then perhaps a "Show More" button;
 *   %NULL when the row is filtered out
 */
/* The theme matrix, for its rows' expanders. */
PlxThemeMatrix *
plx_compare_view_get_matrix (PlxCompareView *self)
{
  g_return_val_if_fail (PLX_IS_COMPARE_VIEW (self), NULL);
  return self->matrix;
}

GtkWidget *
plx_compare_view_get_cell (PlxCompareView *self,
                           const char     *theme,
                           gint64          perspective_id)
{
  g_return_val_if_fail (PLX_IS_COMPARE_VIEW (self), NULL);
  return plx_theme_matrix_get_cell (self->matrix, theme, perspective_id);
}

GtkWidget *
plx_compare_view_get_document_map (PlxCompareView *self)
{
  g_return_val_if_fail (PLX_IS_COMPARE_VIEW (self), NULL);
  return GTK_WIDGET (self->document_map);
}

gboolean
plx_compare_view_export_table (PlxCompareView      *self,
                               PlxStatisticsTable   table,
                               GFile               *file,
                               GError             **error)
{
  g_return_val_if_fail (PLX_IS_COMPARE_VIEW (self), FALSE);

  if (self->statistics == NULL)
    {
      g_set_error_literal (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("There is no document to compare"));
      return FALSE;
    }
  return plx_statistics_save_csv (self->statistics, table, file, NULL, error);
}

/**
 * plx_compare_view_build_map_chart:
 *
 * The document map as exported: 1600 pixels wide, lanes 24 pixels high,
 * whatever the screen, with its title, legend, labels and axis.
 *
 * Returns: (transfer full): the chart
 */
PlxChart *
plx_compare_view_build_map_chart (PlxCompareView *self)
{
  guint lanes;

  g_return_val_if_fail (PLX_IS_COMPARE_VIEW (self), NULL);

  lanes = MAX (plx_document_map_get_n_lanes (self->document_map), 1);
  return plx_chart_new_document_map (self->document_map, self->document,
                                     self->project ? plx_project_get_perspectives (self->project) : NULL,
                                     1600, (int) lanes * 25 + 4);
}

gboolean
plx_compare_view_export_map_png (PlxCompareView  *self,
                                 GFile           *file,
                                 GError         **error)
{
  g_autoptr(PlxChart) chart = NULL;

  g_return_val_if_fail (PLX_IS_COMPARE_VIEW (self), FALSE);

  chart = plx_compare_view_build_map_chart (self);
  return plx_chart_save_png (chart, file, error);
}

gboolean
plx_compare_view_export_heat_map_png (PlxCompareView  *self,
                                      GFile           *file,
                                      GError         **error)
{
  g_return_val_if_fail (PLX_IS_COMPARE_VIEW (self), FALSE);
  return plx_heat_map_save_png (self->heat_map, file, error);
}
