/* plx-codebook-sidebar-counts.c: the passages per perspective beside
 * each theme of the codebook sidebar, from a PlxThemeRollup remade (at
 * idle) when the codebook or the passages change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-codebook"

#include <glib/gi18n.h>

#include "plx-codebook-sidebar-private.h"

void
_plx_codebook_sidebar_update_counts_label (PlxCodebookSidebar *self,
                                           GtkLabel           *label)
{
  PlxTheme *theme = g_object_get_data (G_OBJECT (label), "theme");
  GListModel *perspectives;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) spoken = g_string_new (NULL);
  guint n_used = 0;
  guint n;
  int row;

  /* A theme without children has no arrow (GTK 4.8's expander has no
   * hide-expander): its list stays, so children added later show. */
  if (theme != NULL && self->tree != NULL)
    {
      GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_TREE_EXPANDER);
      GListModel *children = plx_theme_tree_get_children (self->tree, theme);
      gboolean leaf = children == NULL || g_list_model_get_n_items (children) == 0;

      if (expander != NULL && leaf)
        gtk_widget_add_css_class (expander, "codebook-leaf");
      else if (expander != NULL)
        gtk_widget_remove_css_class (expander, "codebook-leaf");
    }
  if (theme == NULL || self->rollup == NULL || self->project == NULL)
    {
      gtk_label_set_text (label, "");
      return;
    }
  perspectives = plx_project_get_perspectives (self->project);
  n = MIN (g_list_model_get_n_items (perspectives), plx_theme_rollup_get_n_perspectives (self->rollup));
  row = plx_theme_rollup_find (self->rollup, plx_theme_get_uuid (theme));
  for (guint p = 0; p < n && row >= 0; p++)
    if (plx_theme_rollup_get_count (self->rollup, row, p, PLX_ROLLUP_ROLLED) > 0)
      n_used++;
  for (guint p = 0; p < n; p++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, p);
      guint count = row >= 0 ? plx_theme_rollup_get_count (self->rollup, row, p, PLX_ROLLUP_ROLLED) : 0;
      g_autofree char *name = g_markup_escape_text (plx_perspective_get_name (perspective), -1);

      /* A perspective that never uses a theme the others use is a
       * finding: its place is an open ring, not a faint zero. */
      if (count > 0)
        g_string_append_printf (markup, "<span foreground=\"%s\" weight=\"bold\">%u</span> ",
                                plx_perspective_get_color (perspective), count);
      else if (n_used > 0)
        g_string_append_printf (markup, "<span foreground=\"%s\">○</span> ",
                                plx_perspective_get_color (perspective));
      else
        g_string_append (markup, "<span alpha=\"40%\">·</span> ");
      g_string_append_printf (spoken, "%s%s %u", spoken->len ? ", " : "", plx_perspective_get_name (perspective), count);
    }
  if (markup->len > 0)
    g_string_truncate (markup, markup->len - 1);
  gtk_label_set_markup (label, markup->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), spoken->str);
  g_object_set_data_full (G_OBJECT (label), "spoken", g_strdup (spoken->str), g_free);
}

gboolean
_plx_codebook_sidebar_remake_rollup (gpointer user_data)
{
  PlxCodebookSidebar *self = user_data;

  self->rollup_source = 0;
  g_clear_object (&self->rollup);
  if (self->tree != NULL && self->annotations != NULL)
    self->rollup = plx_theme_rollup_new (plx_theme_tree_get_codebook (self->tree),
                                         plx_project_get_perspectives (self->project),
                                         self->annotations);
  for (guint i = 0; i < self->count_labels->len; i++)
    _plx_codebook_sidebar_update_counts_label (self, g_ptr_array_index (self->count_labels, i));
  return G_SOURCE_REMOVE;
}

void
_plx_codebook_sidebar_queue_rollup (PlxCodebookSidebar *self)
{
  if (self->rollup_source == 0)
    self->rollup_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, _plx_codebook_sidebar_remake_rollup, self, NULL);
}
