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
  GPtrArray      *row_names;      /* owns the names row_themes points to */
  GPtrArray      *codebook;       /* PlxTheme, nullable: flat rows */
  GHashTable     *rows_open;      /* theme name → whether the user opened it */
  GHashTable     *expanders;      /* theme name → its disclosure button */
  guint           n_rows;
};

G_DEFINE_FINAL_TYPE (PlxThemeMatrix, plx_theme_matrix, GTK_TYPE_GRID)

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

/* A row of the matrix: a theme of the codebook or one the passages name
 * that the codebook lacks. Its cells hold its passages rolled up with
 * every theme under it (a passage once, though tagged with two of them). */
typedef struct {
  const char *name;
  int         parent;       /* node index, -1 at the top */
  guint       depth;
  GArray     *children;     /* node indices with passages here */
  GArray    **cells;        /* per perspective: passage indices, ascending */
  guint       total;
  double      dominance;
  int         dominant;
} Node;

static void
node_clear (Node *node,
            guint P)
{
  g_clear_pointer (&node->children, g_array_unref);
  for (guint p = 0; p < P && node->cells != NULL; p++)
    g_array_unref (node->cells[p]);
  g_clear_pointer (&node->cells, g_free);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* Adds @from's indices to @into, keeping it ascending and without twins. */
static void
merge_indices (GArray *into,
               GArray *from)
{
  guint out = 0;

  if (from->len == 0)
    return;
  g_array_append_vals (into, from->data, from->len);
  g_array_sort (into, compare_guint);
  for (guint i = 0; i < into->len; i++)
    if (out == 0 || g_array_index (into, guint, i) != g_array_index (into, guint, out - 1))
      g_array_index (into, guint, out++) = g_array_index (into, guint, i);
  g_array_set_size (into, out);
}

typedef struct {
  PlxThemeMatrix *self;
  GArray         *nodes;
} SortData;

static int
compare_nodes (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  SortData *sort = data;
  const Node *na = &g_array_index (sort->nodes, Node, *(const guint *) a);
  const Node *nb = &g_array_index (sort->nodes, Node, *(const guint *) b);

  if (sort->self->sort == PLX_COMPARE_SORT_DISAGREEMENT && na->dominance != nb->dominance)
    return na->dominance > nb->dominance ? -1 : 1;
  if (sort->self->sort != PLX_COMPARE_SORT_NAME && na->total != nb->total)
    return na->total > nb->total ? -1 : 1;
  return g_utf8_collate (na->name, nb->name);
}

/* Themes at the top are open until closed; deeper ones closed until
 * opened: a researcher sees the codebook's first level broken down at
 * once, without a long table of every leaf. */
static gboolean
node_expanded (PlxThemeMatrix *self,
               const Node     *node)
{
  gpointer state;

  if (g_hash_table_lookup_extended (self->rows_open, node->name, NULL, &state))
    return GPOINTER_TO_INT (state);
  return node->depth == 0;
}

static void
expander_update (GtkWidget  *button,
                 const char *name,
                 gboolean    expanded)
{
  /* Translators: a button that hides (or shows) the themes under a theme */
  g_autofree char *label = expanded ? g_strdup_printf (_("Collapse %s"), name) : g_strdup_printf (_("Expand %s"), name);

  gtk_button_set_icon_name (GTK_BUTTON (button), expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

static void
expander_clicked_cb (GtkButton      *button,
                     PlxThemeMatrix *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "plx-theme");
  gboolean expanded = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "plx-expanded"));

  plx_theme_matrix_set_expanded (self, name, !expanded);
}

/* + and − open and close a row, as in a tree; Space and Enter toggle. */
static gboolean
expander_key_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 PlxThemeMatrix        *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *name = g_object_get_data (G_OBJECT (button), "plx-theme");

  if (keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add || keyval == GDK_KEY_equal)
    plx_theme_matrix_set_expanded (self, name, TRUE);
  else if (keyval == GDK_KEY_minus || keyval == GDK_KEY_KP_Subtract)
    plx_theme_matrix_set_expanded (self, name, FALSE);
  else
    return GDK_EVENT_PROPAGATE;
  return GDK_EVENT_STOP;
}

/* A row's header: the theme's name and count; in a hierarchy, indented by
 * its depth, with @expander (nullable) before it when it has rows under it.
 * The outermost box carries the row header's role and name. */
static GtkWidget *
theme_header_new (PlxStatistics *stats,
                  const Node    *node,
                  gboolean       untagged,
                  gboolean       in_tree,
                  GtkWidget     *expander)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 2,
                                 "accessible-role", expander != NULL ? GTK_ACCESSIBLE_ROLE_GROUP
                                                                     : GTK_ACCESSIBLE_ROLE_ROW_HEADER, NULL);
  GtkWidget *outer = box;
  GtkWidget *name = plx_compare_label_new (untagged ? _("No theme") : node->name, 0, "heading");
  g_autofree char *detail = NULL;
  g_autofree char *label = NULL;
  guint total = node->total;

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
  gtk_box_append (GTK_BOX (box), name);

  if (!untagged && node->dominant >= 0 && plx_statistics_get_n_perspectives (stats) > 1)
    {
      PlxPerspective *dominant = plx_statistics_get_perspective (stats, (guint) node->dominant);

      /* Translators: "12 passages, 75% Armenian" */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage, %.0f%% %s", "%u passages, %.0f%% %s", total),
                                total, node->dominance * 100, plx_perspective_get_name (dominant));
    }
  else
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", total), total);
  gtk_box_append (GTK_BOX (box), plx_compare_label_new (detail, 0, "dim-label"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "caption");
  label = g_strdup_printf (_("%s, %s"), gtk_label_get_text (GTK_LABEL (name)), detail);

  if (expander != NULL)
    {
      outer = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_HORIZONTAL, "spacing", 6,
                            "accessible-role", GTK_ACCESSIBLE_ROLE_ROW_HEADER, NULL);
      gtk_box_append (GTK_BOX (outer), expander);
      gtk_box_append (GTK_BOX (outer), box);
    }
  if (in_tree)
    {
      /* Rows without an expander line up with their siblings' names. */
      gtk_widget_set_margin_start (outer, 24 * (int) node->depth + (expander == NULL ? 30 : 0));
      gtk_accessible_update_property (GTK_ACCESSIBLE (outer), GTK_ACCESSIBLE_PROPERTY_LEVEL, (int) node->depth + 1, -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (outer), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return outer;
}

static GtkWidget *
expander_new (PlxThemeMatrix *self,
              const Node     *node,
              gboolean        expanded)
{
  GtkWidget *button = gtk_button_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (button), "plx-theme", g_strdup (node->name), g_free);
  g_object_set_data (G_OBJECT (button), "plx-expanded", GINT_TO_POINTER (expanded));
  expander_update (button, node->name, expanded);
  g_signal_connect (button, "clicked", G_CALLBACK (expander_clicked_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (expander_key_cb), self);
  gtk_widget_add_controller (button, keys);
  g_hash_table_insert (self->expanders, g_strdup (node->name), button);
  return button;
}

/* The nodes: the codebook in tree order, then themes it lacks, each with
 * its passages rolled up from below. */
static GArray *
build_nodes (PlxThemeMatrix *self,
             PlxStatistics  *stats)
{
  guint P = plx_statistics_get_n_perspectives (stats);
  GArray *nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = self->codebook != NULL ? plx_codebook_dup_tree_order (self->codebook) : NULL;

  for (guint i = 0; order != NULL && i < order->len; i++)
    {
      PlxTheme *theme = g_ptr_array_index (order, i);
      const char *parent = plx_theme_get_parent_uuid (theme);
      Node node = { plx_theme_get_name (theme), -1, 0, NULL, NULL, 0, 0, -1 };
      gpointer found;

      if (parent != NULL && g_hash_table_lookup_extended (by_uuid, parent, NULL, &found))
        {
          node.parent = GPOINTER_TO_INT (found);
          node.depth = g_array_index (nodes, Node, node.parent).depth + 1;
        }
      g_hash_table_insert (by_uuid, (gpointer) plx_theme_get_uuid (theme), GINT_TO_POINTER (nodes->len));
      g_hash_table_insert (by_name, (gpointer) node.name, GINT_TO_POINTER (nodes->len));
      g_array_append_val (nodes, node);
    }
  for (guint t = 0; t < plx_statistics_get_n_themes (stats); t++)
    if (!g_hash_table_contains (by_name, plx_statistics_get_theme (stats, t)))
      {
        Node node = { plx_statistics_get_theme (stats, t), -1, 0, NULL, NULL, 0, 0, -1 };
        g_hash_table_insert (by_name, (gpointer) node.name, GINT_TO_POINTER (nodes->len));
        g_array_append_val (nodes, node);
      }

  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = &g_array_index (nodes, Node, i);
      int t = plx_statistics_find_theme (stats, node->name);

      node->children = g_array_new (FALSE, FALSE, sizeof (guint));
      node->cells = g_new0 (GArray *, P);
      for (guint p = 0; p < P; p++)
        {
          guint n = 0;
          const guint *own = t >= 0 ? plx_statistics_get_cell (stats, (guint) t, p, &n) : NULL;

          node->cells[p] = g_array_new (FALSE, FALSE, sizeof (guint));
          if (n > 0)
            g_array_append_vals (node->cells[p], own, n);
        }
    }
  /* Children come after their parent: roll up from the last. */
  for (guint i = nodes->len; i-- > 0;)
    {
      Node *node = &g_array_index (nodes, Node, i);
      guint best = 0;
      gboolean tied = FALSE;

      for (guint p = 0; p < P; p++)
        {
          guint n = node->cells[p]->len;

          node->total += n;
          if (n > best)
            {
              best = n;
              node->dominant = (int) p;
              tied = FALSE;
            }
          else if (n == best && n > 0)
            tied = TRUE;
        }
      if (tied)
        node->dominant = -1;
      node->dominance = node->total > 0 ? (double) best / node->total : 0.0;
      if (node->parent >= 0 && node->total > 0)
        {
          Node *parent = &g_array_index (nodes, Node, node->parent);
          guint index = i;

          for (guint p = 0; p < P; p++)
            merge_indices (parent->cells[p], node->cells[p]);
          g_array_prepend_val (parent->children, index);
        }
    }
  return nodes;
}

static void
clear_nodes (GArray *nodes,
             guint   P)
{
  for (guint i = 0; i < nodes->len; i++)
    node_clear (&g_array_index (nodes, Node, i), P);
  g_array_unref (nodes);
}

/* Which of @cells' passages show under the filter; %NULL when none do and
 * the name does not match either. */
static GPtrArray *
filter_cells (PlxThemeMatrix *self,
              PlxStatistics  *stats,
              const char     *theme,
              GArray        **cells,
              guint           P)
{
  gboolean name_matches = self->filter == NULL || (*theme != '\0' && contains_folded (theme, self->filter));
  GPtrArray *shown = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint n_shown = 0;

  for (guint p = 0; p < P; p++)
    {
      GArray *cell = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < cells[p]->len; i++)
        {
          guint index = g_array_index (cells[p], guint, i);

          if (name_matches || passage_matches (plx_statistics_get_annotation (stats, index), self->filter))
            g_array_append_val (cell, index);
        }
      n_shown += cell->len;
      g_ptr_array_add (shown, cell);
    }
  if (!name_matches && n_shown == 0)
    g_clear_pointer (&shown, g_ptr_array_unref);
  return shown;
}

static void
attach_cells (PlxThemeMatrix *self,
              PlxStatistics  *stats,
              const char     *theme,
              GArray        **all,
              GPtrArray      *shown,
              guint           grid_row)
{
  guint P = plx_statistics_get_n_perspectives (stats);

  for (guint p = 0; p < P; p++)
    {
      GArray *cell = g_ptr_array_index (shown, p);
      PlxPerspective *perspective = plx_statistics_get_perspective (stats, p);
      g_autofree char *key = cell_key (theme, plx_perspective_get_id (perspective));
      GtkWidget *box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 2,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL, NULL);
      guint n_all = all[p]->len;
      guint limit;
      g_autofree char *count = NULL;
      g_autofree char *accessible = NULL;

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
}

typedef struct {
  guint      node;
  GPtrArray *shown;     /* per perspective: passage indices shown */
  gboolean   expanded;
} Row;

/* Adds @index's row to @rows and, when it is open (or the filter finds
 * something under it), its children's; returns whether anything was. */
static gboolean
collect_rows (PlxThemeMatrix *self,
              PlxStatistics  *stats,
              GArray         *nodes,
              guint           index,
              GArray         *rows)
{
  Node *node = &g_array_index (nodes, Node, index);
  guint P = plx_statistics_get_n_perspectives (stats);
  Row row = { index, filter_cells (self, stats, node->name, node->cells, P), FALSE };
  guint at = rows->len;
  gboolean any_child = FALSE;
  SortData sort = { self, nodes };

  if (node->total == 0)
    {
      g_clear_pointer (&row.shown, g_ptr_array_unref);
      return FALSE;
    }
  row.expanded = node_expanded (self, node) || (self->filter != NULL && row.shown == NULL);
  g_array_append_val (rows, row);
  if (row.expanded)
    {
      g_array_sort_with_data (node->children, compare_nodes, &sort);
      for (guint c = 0; c < node->children->len; c++)
        any_child |= collect_rows (self, stats, nodes, g_array_index (node->children, guint, c), rows);
    }
  if (row.shown == NULL && !any_child)
    {
      g_array_set_size (rows, at);
      return FALSE;
    }
  if (row.shown == NULL)
    {
      /* Shown for its children's sake: its cells as they are. */
      GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

      for (guint p = 0; p < P; p++)
        g_ptr_array_add (all, g_array_copy (node->cells[p]));
      g_array_index (rows, Row, at).shown = all;
    }
  return TRUE;
}

static void
rebuild (PlxThemeMatrix *self)
{
  PlxStatistics *stats = self->statistics;
  g_autoptr(GArray) roots = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  GArray *nodes;
  SortData sort = { self, NULL };
  gboolean in_tree = FALSE;
  guint P, grid_row = 1;

  plx_compare_clear_grid (GTK_GRID (self));
  g_hash_table_remove_all (self->cells);
  g_hash_table_remove_all (self->expanders);
  g_ptr_array_set_size (self->row_themes, 0);
  g_clear_pointer (&self->row_names, g_ptr_array_unref);
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

  nodes = build_nodes (self, stats);
  sort.nodes = nodes;
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = &g_array_index (nodes, Node, i);

      if (node->parent < 0 && node->total > 0)
        g_array_append_val (roots, i);
      if (node->parent >= 0 && node->total > 0)
        in_tree = TRUE;
    }
  g_array_sort_with_data (roots, compare_nodes, &sort);
  for (guint r = 0; r < roots->len; r++)
    collect_rows (self, stats, nodes, g_array_index (roots, guint, r), rows);

  /* The theme names stay valid only as long as the nodes: keep copies. */
  self->row_names = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      Node *node = &g_array_index (nodes, Node, row->node);
      char *theme = g_strdup (node->name);
      GtkWidget *expander = NULL;

      if (node->children->len > 0)
        expander = expander_new (self, node, row->expanded);
      g_ptr_array_add (self->row_names, theme);
      g_ptr_array_add (self->row_themes, theme);
      gtk_grid_attach (GTK_GRID (self), theme_header_new (stats, node, FALSE, in_tree && (node->depth > 0 || expander != NULL),
                                                          expander),
                       0, (int) grid_row, 1, 1);
      attach_cells (self, stats, theme, node->cells, row->shown, grid_row);
      g_ptr_array_unref (row->shown);
      grid_row++;
    }

  /* The passages without a theme, last. */
  {
    Node untagged = { "", -1, 0, NULL, NULL, 0, 0, -1 };
    guint n_untagged = 0;
    g_autoptr(GPtrArray) shown = NULL;

    untagged.cells = g_new0 (GArray *, P);
    for (guint p = 0; p < P; p++)
      {
        guint n;
        const guint *indices = plx_statistics_get_untagged (stats, p, &n);

        untagged.cells[p] = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_vals (untagged.cells[p], indices, n);
        n_untagged += n;
      }
    untagged.total = n_untagged;
    if (n_untagged > 0 && (shown = filter_cells (self, stats, "", untagged.cells, P)) != NULL)
      {
        g_ptr_array_add (self->row_themes, (gpointer) "");
        gtk_grid_attach (GTK_GRID (self), theme_header_new (stats, &untagged, TRUE, FALSE, NULL), 0, (int) grid_row, 1, 1);
        attach_cells (self, stats, "", untagged.cells, shown, grid_row);
        grid_row++;
      }
    node_clear (&untagged, P);
  }
  clear_nodes (nodes, P);
  self->n_rows = grid_row - 1;
}

static void
plx_theme_matrix_dispose (GObject *object)
{
  PlxThemeMatrix *self = (PlxThemeMatrix *) object;

  if (self->cells != NULL)
    g_hash_table_remove_all (self->cells);
  if (self->expanders != NULL)
    g_hash_table_remove_all (self->expanders);
  g_clear_object (&self->statistics);
  g_clear_pointer (&self->codebook, g_ptr_array_unref);

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
  g_clear_pointer (&self->row_names, g_ptr_array_unref);
  g_clear_pointer (&self->rows_open, g_hash_table_unref);
  g_clear_pointer (&self->expanders, g_hash_table_unref);

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
  self->rows_open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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

/* The codebook (PlxTheme, nullable) whose hierarchy the rows follow: a
 * theme's row counts its passages and those of every theme under it.
 * Takes effect at the next rebuild (plx_theme_matrix_set_statistics()). */
void
plx_theme_matrix_set_codebook (PlxThemeMatrix *self,
                               GPtrArray      *codebook)
{
  g_return_if_fail (PLX_IS_THEME_MATRIX (self));

  if (codebook != NULL)
    g_ptr_array_ref (codebook);
  g_clear_pointer (&self->codebook, g_ptr_array_unref);
  self->codebook = codebook;
}

/* Opens or closes the row of @theme, showing or hiding the rows under it. */
void
plx_theme_matrix_set_expanded (PlxThemeMatrix *self,
                               const char     *theme,
                               gboolean        expanded)
{
  GtkWidget *expander;
  gboolean had_focus;

  g_return_if_fail (PLX_IS_THEME_MATRIX (self));
  g_return_if_fail (theme != NULL);

  expander = g_hash_table_lookup (self->expanders, theme);
  had_focus = expander != NULL && gtk_widget_has_focus (expander);
  g_hash_table_insert (self->rows_open, g_strdup (theme), GINT_TO_POINTER (expanded));
  rebuild (self);
  /* The rebuilt row's button keeps the keyboard focus. */
  expander = g_hash_table_lookup (self->expanders, theme);
  if (had_focus && expander != NULL)
    gtk_widget_grab_focus (expander);
}

/* Whether @theme's row is open; FALSE for a row without rows under it. */
gboolean
plx_theme_matrix_get_expanded (PlxThemeMatrix *self,
                               const char     *theme)
{
  GtkWidget *expander;

  g_return_val_if_fail (PLX_IS_THEME_MATRIX (self), FALSE);

  expander = g_hash_table_lookup (self->expanders, theme);
  return expander != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (expander), "plx-expanded"));
}

/* The disclosure button of @theme's row, or %NULL when it has none. */
GtkWidget *
plx_theme_matrix_get_expander (PlxThemeMatrix *self,
                               const char     *theme)
{
  g_return_val_if_fail (PLX_IS_THEME_MATRIX (self), NULL);
  return g_hash_table_lookup (self->expanders, theme);
}
