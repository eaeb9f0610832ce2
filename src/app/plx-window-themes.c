/* plx-window-themes.c: the search and the theme filter over the panels.
 *
 * The filter takes several themes at once (a passage with any of them is
 * shown), listed in the order of the reader's language: the project lists
 * them in byte order, which puts "Zebra" before "apple" and "Ökonomie"
 * after "zone".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "plx-perspective-panel.h"
#include "plx-window-private.h"

static int
collate (gconstpointer a,
         gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The chosen themes, in the list's order; NULL for all. */
static char **
dup_chosen (PlxWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;

  if (g_hash_table_size (self->chosen_themes) == 0)
    return NULL;
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->theme_box)); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      const char *theme = g_object_get_data (G_OBJECT (check), "theme");

      if (theme != NULL && g_hash_table_contains (self->chosen_themes, theme))
        g_strv_builder_add (builder, theme);
    }
  chosen = g_strv_builder_end (builder);
  return g_steal_pointer (&chosen);
}

void
_plx_window_apply_query (PlxWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_auto(GStrv) chosen = dup_chosen (self);
  guint n = chosen ? g_strv_length (chosen) : 0;

  if (n == 0)
    gtk_menu_button_set_label (self->theme_button, _("All Themes"));
  else if (n == 1)
    gtk_menu_button_set_label (self->theme_button, chosen[0]);
  else
    {
      g_autofree char *label = g_strdup_printf (ngettext ("%u theme", "%u themes", n), n);

      gtk_menu_button_set_label (self->theme_button, label);
    }
  for (guint i = 0; i < self->panels->len; i++)
    plx_perspective_panel_set_query (g_ptr_array_index (self->panels, i), text, (const char * const *) chosen);
}

/* Keeps the checks in step with the chosen set: "All Themes" is ticked
 * exactly when no theme is. */
static void
sync_checks (PlxWindow *self)
{
  self->updating_themes = TRUE;
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->theme_box)); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      const char *theme = g_object_get_data (G_OBJECT (check), "theme");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   theme ? g_hash_table_contains (self->chosen_themes, theme)
                                         : g_hash_table_size (self->chosen_themes) == 0);
    }
  self->updating_themes = FALSE;
}

static void
theme_toggled_cb (GtkCheckButton *check,
                  PlxWindow      *self)
{
  const char *theme = g_object_get_data (G_OBJECT (check), "theme");

  if (self->updating_themes)
    return;
  if (theme == NULL)
    g_hash_table_remove_all (self->chosen_themes);
  else if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen_themes, g_strdup (theme));
  else
    g_hash_table_remove (self->chosen_themes, theme);
  sync_checks (self);
  _plx_window_apply_query (self);
}

static GtkWidget *
check_new (PlxWindow  *self,
           const char *label,
           const char *theme)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (check), "theme", g_strdup (theme), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (theme_toggled_cb), self);
  return check;
}

/* Lists the project's themes again (after changes), keeping the ones
 * chosen that still exist. */
void
_plx_window_refresh_themes (PlxWindow *self)
{
  g_auto(GStrv) themes = NULL;
  g_autoptr(GPtrArray) codebook = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer chosen;
  GtkWidget *child;

  if (self->project == NULL)
    return;
  themes = plx_project_list_themes (self->project, NULL);
  codebook = plx_project_list_codebook (self->project, NULL);
  plx_tag_popover_set_known_themes (self->tag_popover, (const char * const *) themes, codebook);
  if (themes != NULL)
    qsort (themes, g_strv_length (themes), sizeof (char *), collate);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->theme_box))) != NULL)
    gtk_box_remove (self->theme_box, child);
  gtk_box_append (self->theme_box, check_new (self, _("All Themes"), NULL));
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      gtk_box_append (self->theme_box, check_new (self, themes[i], themes[i]));
      g_hash_table_add (listed, themes[i]);
    }

  g_hash_table_iter_init (&iter, self->chosen_themes);
  while (g_hash_table_iter_next (&iter, &chosen, NULL))
    if (!g_hash_table_contains (listed, chosen))
      g_hash_table_iter_remove (&iter);
  sync_checks (self);
  _plx_window_apply_query (self);
}

/* F9: the codebook beside the text, as GNOME apps show their sidebars.
 * Showing it puts the keyboard in it; hiding it gives the text back what
 * the sidebar held. */
static void
codebook_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  gboolean shown = !gtk_revealer_get_reveal_child (self->codebook_revealer);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  gtk_revealer_set_reveal_child (self->codebook_revealer, shown);
  if (shown)
    gtk_widget_child_focus (GTK_WIDGET (self->codebook_sidebar), GTK_DIR_TAB_FORWARD);
  else if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->codebook_sidebar)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
_plx_window_codebook_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.codebook", NULL, codebook_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.codebook", NULL);
}
