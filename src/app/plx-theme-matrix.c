/* plx-theme-matrix.c
 *
 * The matrix is rebuilt as plain widgets in the grid: a row per theme is a
 * few dozen at most, and cells show at most PLX_COMPARE_VIEW_CELL_LIMIT
 * passages until the user asks for more, so even 20,000 passages build a
 * bounded number of widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-theme-matrix"

#include <string.h>
#include <glib/gi18n.h>

#include "plx-a11y.h"
#include "plx-compare-labels.h"
#include "plx-theme-matrix.h"

struct _PlxThemeMatrix
{
  GtkGrid         parent_instance;

  PlxStatistics  *statistics;
  PlxCompareSort  sort;
  char           *filter;         /* casefolded, NULL for none */
  GHashTable     *expanded;       /* "theme\x1fperspective-id" of opened cells */
  GHashTable     *cells;          /* same keys → cell box, owned by the grid */
  GPtrArray      *row_themes;     /* themes in row order; "" is "no theme" */
  guint           n_rows;
};

G_DEFINE_FINAL_TYPE (PlxThemeMatrix, plx_theme_matrix, GTK_TYPE_GRID)

/* Row id standing for the passages without a theme, after the themes. */
#define UNTAGGED_ROW(stats) plx_statistics_get_n_themes (stats)

static char *
cell_key (const char *theme,
          gint64      perspective_id)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, theme, perspective_id);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle_folded)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle_folded) != NULL;
}

static gboolean
passage_matches (PlxAnnotation *annotation,
                 const char    *filter)
{
  return contains_folded (plx_annotation_get_quote (annotation), filter) ||
         contains_folded (plx_annotation_get_note (annotation), filter);
}

static GtkWidget *
passage_button_new (PlxAnnotation *annotation,
                    const char    *perspective_name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *quote = plx_compare_label_new (plx_annotation_get_quote (annotation), 0, "quote");
  const char *note = plx_annotation_get_note (annotation);
  /* Read as its card is: with its perspective, themes, note and author. */
  g_autofree char *accessible = plx_a11y_describe_annotation (annotation, perspective_name);
  PangoAttrList *italic = pango_attr_list_new ();

  pango_attr_list_insert (italic, pango_attr_style_new (PANGO_STYLE_ITALIC));
  gtk_label_set_attributes (GTK_LABEL (quote), italic);
  pango_attr_list_unref (italic);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 34);
  gtk_label_set_width_chars (GTK_LABEL (quote), 20);
  gtk_box_append (GTK_BOX (box), quote);

  if (note != NULL && *note != '\0')
    {
      GtkWidget *note_label = plx_compare_label_new (note, 0, "caption");

      gtk_widget_add_css_class (note_label, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (note_label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (note_label), 34);
      gtk_box_append (GTK_BOX (box), note_label);
    }

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, plx_annotation_get_quote (annotation));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.reveal-annotation");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", plx_annotation_get_uuid (annotation));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static void rebuild (PlxThemeMatrix *self);

static void
show_more_clicked_cb (GtkButton      *button,
                      PlxThemeMatrix *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "plx-cell-key");

  g_hash_table_add (self->expanded, g_strdup (key));
  rebuild (self);
}

/* The passages of one row and perspective: a theme's cell, or the
 * untagged passages for the last row. */
static const guint *
row_passages (PlxStatistics *stats,
              guint          row,
              guint          perspective,
              guint         *n)
{
  if (row == UNTAGGED_ROW (stats))
    return plx_statistics_get_untagged (stats, perspective, n);
  return plx_statistics_get_cell (stats, row, perspective, n);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  PlxThemeMatrix *self = data;
  PlxStatistics *stats = self->statistics;
  guint ra = *(const guint *) a;
  guint rb = *(const guint *) b;
  guint ta, tb;
  double da, db;

  if (self->sort == PLX_COMPARE_SORT_DISAGREEMENT)
    {
      da = plx_statistics_get_theme_dominance (stats, ra);
      db = plx_statistics_get_theme_dominance (stats, rb);
      if (da != db)
        return da > db ? -1 : 1;
    }
  if (self->sort != PLX_COMPARE_SORT_NAME)
    {
      ta = plx_statistics_get_theme_total (stats, ra);
      tb = plx_statistics_get_theme_total (stats, rb);
      if (ta != tb)
        return ta > tb ? -1 : 1;
    }
  return ra < rb ? -1 : ra > rb;   /* themes are already sorted by name */
}

static GtkWidget *
theme_header_new (PlxStatistics *stats,
                  guint          row,
                  guint          total)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 2,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_ROW_HEADER, NULL);
  gboolean untagged = row == UNTAGGED_ROW (stats);
  GtkWidget *name = plx_compare_label_new (untagged ? _("No theme") : plx_statistics_get_theme (stats, row), 0, "heading");
  g_autofree char *detail = NULL;

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
  gtk_box_append (GTK_BOX (box), name);

  if (!untagged && plx_statistics_get_theme_dominant (stats, row) >= 0 &&
      plx_statistics_get_n_perspectives (stats) > 1)
    {
      PlxPerspective *dominant = plx_statistics_get_perspective (stats, (guint) plx_statistics_get_theme_dominant (stats, row));

      /* Translators: "12 passages, 75% Armenian" */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage, %.0f%% %s", "%u passages, %.0f%% %s", total),
                                total, plx_statistics_get_theme_dominance (stats, row) * 100,
                                plx_perspective_get_name (dominant));
    }
  else
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", total), total);
  gtk_box_append (GTK_BOX (box), plx_compare_label_new (detail, 0, "dim-label"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "caption");
  {
    g_autofree char *name = g_strdup_printf (_("%s, %s"), gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box))),
                                             detail);
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  return box;
}

static void
rebuild (PlxThemeMatrix *self)
{
  PlxStatistics *stats = self->statistics;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint P, n_untagged = 0, grid_row = 1;

  plx_compare_clear_grid (GTK_GRID (self));
  g_hash_table_remove_all (self->cells);
  g_ptr_array_set_size (self->row_themes, 0);
  self->n_rows = 0;
  if (stats == NULL)
    return;

  P = plx_statistics_get_n_perspectives (stats);
  gtk_grid_attach (GTK_GRID (self), plx_compare_label_new_with_role (_("Theme"), 0, "heading", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER),
                   0, 0, 1, 1);
  for (guint p = 0; p < P; p++)
    {
      guint n = plx_statistics_get_passages (stats, p);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n), n);
      GtkWidget *header = plx_compare_perspective_label_new (plx_statistics_get_perspective (stats, p), count,
                                                 GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);

      gtk_widget_set_hexpand (header, TRUE);
      gtk_grid_attach (GTK_GRID (self), header, (int) p + 1, 0, 1, 1);
    }

  for (guint t = 0; t < plx_statistics_get_n_themes (stats); t++)
    g_array_append_val (rows, t);
  g_array_sort_with_data (rows, compare_rows, self);
  for (guint p = 0; p < P; p++)
    {
      guint n;
      plx_statistics_get_untagged (stats, p, &n);
      n_untagged += n;
    }
  if (n_untagged > 0)
    {
      guint untagged = UNTAGGED_ROW (stats);
      g_array_append_val (rows, untagged);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      guint row = g_array_index (rows, guint, r);
      const char *theme = row == UNTAGGED_ROW (stats) ? "" : plx_statistics_get_theme (stats, row);
      gboolean name_matches = self->filter == NULL || (*theme != '\0' && contains_folded (theme, self->filter));
      g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      guint total = 0, n_shown = 0;

      /* Which passages each cell shows under the filter. */
      for (guint p = 0; p < P; p++)
        {
          guint n;
          const guint *indices = row_passages (stats, row, p, &n);
          GArray *cell = g_array_new (FALSE, FALSE, sizeof (guint));

          total += n;
          for (guint i = 0; i < n; i++)
            if (name_matches || passage_matches (plx_statistics_get_annotation (stats, indices[i]), self->filter))
              g_array_append_val (cell, indices[i]);
          n_shown += cell->len;
          g_ptr_array_add (shown, cell);
        }
      if (!name_matches && n_shown == 0)
        continue;

      g_ptr_array_add (self->row_themes, (gpointer) theme);
      gtk_grid_attach (GTK_GRID (self), theme_header_new (stats, row, total), 0, (int) grid_row, 1, 1);

      for (guint p = 0; p < P; p++)
        {
          GArray *cell = g_ptr_array_index (shown, p);
          PlxPerspective *perspective = plx_statistics_get_perspective (stats, p);
          g_autofree char *key = cell_key (theme, plx_perspective_get_id (perspective));
          GtkWidget *box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 2,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL, NULL);
          guint n_all;
          guint limit;
          g_autofree char *count = NULL;
          g_autofree char *accessible = NULL;

          row_passages (stats, row, p, &n_all);
          if (n_all == 0)
            count = g_strdup ("—");
          else if (cell->len == n_all)
            count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n_all), n_all);
          else
            /* Translators: passages matching the filter, of all in the cell */
            count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u passage", "%u of %u passages", n_all),
                                     cell->len, n_all);
          gtk_box_append (GTK_BOX (box), plx_compare_label_new (count, 0, "dim-label"));
          gtk_widget_add_css_class (gtk_widget_get_last_child (box), "numeric");

          limit = g_hash_table_contains (self->expanded, key) ? G_MAXUINT : PLX_COMPARE_VIEW_CELL_LIMIT;
          for (guint i = 0; i < cell->len && i < limit; i++)
            gtk_box_append (GTK_BOX (box),
                            passage_button_new (plx_statistics_get_annotation (stats, g_array_index (cell, guint, i)),
                                                plx_perspective_get_name (perspective)));
          if (cell->len > limit)
            {
              g_autofree char *more = g_strdup_printf (_("Show %u More"), cell->len - limit);
              GtkWidget *button = gtk_button_new_with_label (more);

              gtk_widget_add_css_class (button, "flat");
              g_object_set_data_full (G_OBJECT (button), "plx-cell-key", g_strdup (key), g_free);
              g_signal_connect (button, "clicked", G_CALLBACK (show_more_clicked_cb), self);
              gtk_box_append (GTK_BOX (box), button);
            }

          /* Translators: theme — perspective: count */
          accessible = g_strdup_printf (_("%s, %s: %s"), *theme ? theme : _("No theme"),
                                        plx_perspective_get_name (perspective), count);
          gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          gtk_widget_set_valign (box, GTK_ALIGN_START);
          gtk_grid_attach (GTK_GRID (self), box, (int) p + 1, (int) grid_row, 1, 1);
          g_hash_table_insert (self->cells, g_steal_pointer (&key), box);
        }
      grid_row++;
    }
  self->n_rows = grid_row - 1;
}

static void
plx_theme_matrix_dispose (GObject *object)
{
  PlxThemeMatrix *self = (PlxThemeMatrix *) object;

  if (self->cells != NULL)
    g_hash_table_remove_all (self->cells);
  g_clear_object (&self->statistics);

  G_OBJECT_CLASS (plx_theme_matrix_parent_class)->dispose (object);
}

static void
plx_theme_matrix_finalize (GObject *object)
{
  PlxThemeMatrix *self = (PlxThemeMatrix *) object;

  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->row_themes, g_ptr_array_unref);

  G_OBJECT_CLASS (plx_theme_matrix_parent_class)->finalize (object);
}

static void
plx_theme_matrix_class_init (PlxThemeMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plx_theme_matrix_dispose;
  object_class->finalize = plx_theme_matrix_finalize;
}

static void
plx_theme_matrix_init (PlxThemeMatrix *self)
{
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->row_themes = g_ptr_array_new ();
}

/* Rebuilds for @statistics (nullable), keeping the cells the user opened. */
void
plx_theme_matrix_set_statistics (PlxThemeMatrix *self,
                                 PlxStatistics  *statistics)
{
  g_return_if_fail (PLX_IS_THEME_MATRIX (self));

  g_set_object (&self->statistics, statistics);
  rebuild (self);
}

void
plx_theme_matrix_set_sort (PlxThemeMatrix *self,
                           PlxCompareSort  sort)
{
  g_return_if_fail (PLX_IS_THEME_MATRIX (self));

  self->sort = sort;
  rebuild (self);
}

/* Shows the rows whose theme, or the cells' passages whose quote or note,
 * contain @text, in any case; %NULL or "" shows all. */
void
plx_theme_matrix_set_filter (PlxThemeMatrix *self,
                             const char     *text)
{
  g_return_if_fail (PLX_IS_THEME_MATRIX (self));

  g_clear_pointer (&self->filter, g_free);
  if (text != NULL && *text != '\0')
    self->filter = g_utf8_casefold (text, -1);
  rebuild (self);
}

/* Forgets which cells were opened, for another document; does not rebuild. */
void
plx_theme_matrix_collapse (PlxThemeMatrix *self)
{
  g_return_if_fail (PLX_IS_THEME_MATRIX (self));
  g_hash_table_remove_all (self->expanded);
}

/* The rows shown, besides the header. */
guint
plx_theme_matrix_get_n_rows (PlxThemeMatrix *self)
{
  g_return_val_if_fail (PLX_IS_THEME_MATRIX (self), 0);
  return self->n_rows;
}

char **
plx_theme_matrix_dup_row_themes (PlxThemeMatrix *self)
{
  GStrvBuilder *builder;
  char **themes;

  g_return_val_if_fail (PLX_IS_THEME_MATRIX (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->row_themes->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->row_themes, i));
  themes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return themes;
}

GtkWidget *
plx_theme_matrix_get_cell (PlxThemeMatrix *self,
                           const char     *theme,
                           gint64          perspective_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (PLX_IS_THEME_MATRIX (self), NULL);

  key = cell_key (theme, perspective_id);
  return g_hash_table_lookup (self->cells, key);
}
