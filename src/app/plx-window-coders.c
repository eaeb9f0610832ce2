/* plx-window-coders.c: layers by coder. Each coder's passages can be shown
 * or hidden, and blind coding hides everyone's but the user's own (the
 * author name in Preferences) while coding apart. What is hidden is gone
 * from the text, the panels, the maps, the Compare view, the tooltips and
 * what a screen reader is told: blind means blind.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plx-palette.h"
#include "plx-window-private.h"

/* The name the user codes as: Preferences', else the account's, as
 * tagging records it. */
char *
_plx_window_dup_coder_name (PlxWindow *self)
{
  g_autofree char *configured = g_settings_get_string (self->settings, "author");

  if (*configured != '\0')
    return g_steal_pointer (&configured);
  return g_strdup (g_get_real_name ());
}

static char *
own_name (PlxWindow *self)
{
  return _plx_window_dup_coder_name (self);
}

/* A coder's colour: the user's own from Preferences, the others' derived
 * from their names. */
char *
_plx_window_dup_coder_color (PlxWindow  *self,
                             const char *coder)
{
  g_autofree char *me = own_name (self);
  g_auto(GStrv) coders = NULL;

  if (g_strcmp0 (coder, me) == 0)
    {
      g_autofree char *color = g_settings_get_string (self->settings, "author-color");
      GdkRGBA rgba;

      if (gdk_rgba_parse (&rgba, color))
        return g_steal_pointer (&color);
    }
  coders = plx_window_dup_coders (self);
  return g_strdup (plx_palette_for_coder (coder, (const char * const *) coders));
}

/* Every later change made in this window records who made it. */
void
_plx_window_update_coder (PlxWindow *self)
{
  g_autofree char *me = own_name (self);

  if (self->history != NULL)
    plx_history_set_coder (self->history, me);
}

static int
compare_names (gconstpointer a,
               gconstpointer b);

/**
 * plx_window_dup_coders:
 *
 * Returns: (transfer full): the names of the project's coders (the
 * passages' authors and modifiers), sorted
 */
char **
plx_window_dup_coders (PlxWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) annotations = NULL;

  g_return_val_if_fail (PLX_IS_WINDOW (self), NULL);

  if (self->project != NULL)
    annotations = plx_project_list_annotations (self->project, NULL, NULL);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (annotations, i);
      const char *who[2] = { plx_annotation_get_author (a), plx_annotation_get_modifier (a) };

      for (guint w = 0; w < 2; w++)
        if (*who[w] != '\0' && g_hash_table_add (seen, (gpointer) who[w]))
          g_ptr_array_add (names, (gpointer) who[w]);
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (names, i));
  return g_strv_builder_end (builder);
}

gboolean
_plx_window_coder_shown (PlxWindow     *self,
                         PlxAnnotation *annotation)
{
  const char *author = plx_annotation_get_author (annotation);

  /* Asked of every passage when the filter changes: the name is read
   * from the settings once, when blind coding starts. */
  if (self->blind_as != NULL)
    return g_strcmp0 (author, self->blind_as) == 0;
  return !g_hash_table_contains (self->hidden_coders, author);
}

static gboolean
match_cb (gpointer item,
          gpointer data)
{
  return _plx_window_coder_shown (PLX_WINDOW (data), PLX_ANNOTATION (item));
}

/* Takes hidden coders' passages out of @covering (from
 * plx_annotation_list_at_offset()). */
void
_plx_window_drop_hidden (PlxWindow *self,
                         GPtrArray *covering)
{
  for (guint i = covering->len; i > 0; i--)
    if (!_plx_window_coder_shown (self, g_ptr_array_index (covering, i - 1)))
      g_ptr_array_remove_index (covering, i - 1);
}

/* The document's passages that are shown, for everything that draws or
 * lists them; a new model per document over the one filter. */
GListModel *
_plx_window_show_annotations (PlxWindow         *self,
                              PlxAnnotationList *annotations)
{
  g_clear_object (&self->visible);
  if (annotations != NULL)
    self->visible = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (annotations)),
                                               g_object_ref (GTK_FILTER (self->coder_filter)));
  return self->visible ? G_LIST_MODEL (self->visible) : NULL;
}

/* An icon while every coder is shown, so the narrow layout keeps its
 * room; words once something is hidden, so that it is not forgotten. */
static void
update_button (PlxWindow *self)
{
  g_autofree char *label = NULL;

  if (self->blind_as != NULL)
    label = g_strdup (_("Blind Coding"));
  else if (g_hash_table_size (self->hidden_coders) > 0)
    label = g_strdup_printf (ngettext ("%u Coder Hidden", "%u Coders Hidden", g_hash_table_size (self->hidden_coders)),
                             g_hash_table_size (self->hidden_coders));
  if (label != NULL)
    gtk_menu_button_set_label (self->coder_button, label);
  else
    gtk_menu_button_set_icon_name (self->coder_button, "system-users-symbolic");
}

static void
filter_changed (PlxWindow *self)
{
  gboolean everything = self->blind_as == NULL && g_hash_table_size (self->hidden_coders) == 0;

  /* With nothing hidden, the filter lets everything through without
   * asking each passage: no cost while no one uses layers. */
  if (everything)
    gtk_custom_filter_set_filter_func (self->coder_filter, NULL, NULL, NULL);
  else
    gtk_custom_filter_set_filter_func (self->coder_filter, match_cb, self, NULL);
  update_button (self);
}

void
_plx_window_set_coder_shown (PlxWindow  *self,
                             const char *coder,
                             gboolean    shown)
{
  if (shown)
    g_hash_table_remove (self->hidden_coders, coder);
  else
    g_hash_table_add (self->hidden_coders, g_strdup (coder));
  filter_changed (self);
}

static void
coder_toggled_cb (GtkCheckButton *check,
                  PlxWindow      *self)
{
  _plx_window_set_coder_shown (self, g_object_get_data (G_OBJECT (check), "coder"),
                               gtk_check_button_get_active (check));
}

void
_plx_window_set_blind (PlxWindow *self,
                       gboolean   blind)
{
  g_clear_pointer (&self->blind_as, g_free);
  if (blind)
    self->blind_as = own_name (self);
  filter_changed (self);
  /* The coders' own checks mean nothing while blind. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->coder_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "check") != NULL)
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (child), "check"), !blind);
}

static void
blind_toggled_cb (GtkCheckButton *check,
                  PlxWindow      *self)
{
  _plx_window_set_blind (self, gtk_check_button_get_active (check));
}

static void
blind_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);

  _plx_window_set_blind (self, self->blind_as == NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The coders of the document shown, listed when the popover opens. */
static void
popover_shown_cb (PlxWindow *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) coders = g_ptr_array_new ();
  g_autofree char *me = own_name (self);
  GtkWidget *child;
  GtkWidget *blind;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coder_box))) != NULL)
    gtk_box_remove (self->coder_box, child);

  /* Translators: %s is the user's own author name, from Preferences */
  {
    g_autofree char *label = g_strdup_printf (_("Blind Coding: Only “%s”"), *me != '\0' ? me : _("(no name)"));

    blind = gtk_check_button_new_with_label (label);
  }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (blind), self->blind_as != NULL);
  g_signal_connect (blind, "toggled", G_CALLBACK (blind_toggled_cb), self);
  gtk_widget_set_tooltip_text (blind, _("Hide every other coder’s passages while you code apart"));
  gtk_box_append (self->coder_box, blind);
  gtk_box_append (self->coder_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  for (guint i = 0; self->annotations != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->annotations)); i++)
    {
      g_autoptr(PlxAnnotation) a = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);
      const char *author = plx_annotation_get_author (a);

      if (g_hash_table_add (seen, (gpointer) g_intern_string (author)))
        g_ptr_array_add (coders, (gpointer) g_intern_string (author));
    }
  g_ptr_array_sort (coders, compare_names);
  for (guint i = 0; i < coders->len; i++)
    {
      const char *coder = g_ptr_array_index (coders, i);
      GtkWidget *check = gtk_check_button_new_with_label (*coder != '\0' ? coder : _("(no name)"));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_label_new (NULL);
      g_autofree char *color = _plx_window_dup_coder_color (self, coder);
      g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">●</span>", color);

      g_object_set_data_full (G_OBJECT (check), "coder", g_strdup (coder), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !g_hash_table_contains (self->hidden_coders, coder));
      gtk_widget_set_sensitive (check, self->blind_as == NULL);
      g_signal_connect (check, "toggled", G_CALLBACK (coder_toggled_cb), self);
      gtk_label_set_markup (GTK_LABEL (swatch), markup);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_widget_set_hexpand (check, TRUE);
      gtk_box_append (GTK_BOX (row), check);
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (self->coder_box, row);
    }
}

void
_plx_window_coders_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.blind-coding", NULL, blind_action);
}

void
_plx_window_coders_init (PlxWindow *self)
{
  self->hidden_coders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->coder_filter = gtk_custom_filter_new (NULL, NULL, NULL);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->coder_button), "show",
                            G_CALLBACK (popover_shown_cb), self);
  update_button (self);
  g_signal_connect_swapped (self->settings, "changed::author", G_CALLBACK (_plx_window_update_coder), self);
}

void
_plx_window_coders_dispose (PlxWindow *self)
{
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, _plx_window_update_coder, self);
  g_clear_object (&self->visible);
  if (self->coder_filter != NULL)
    gtk_custom_filter_set_filter_func (self->coder_filter, NULL, NULL, NULL);
  g_clear_object (&self->coder_filter);
  g_clear_pointer (&self->hidden_coders, g_hash_table_unref);
  g_clear_pointer (&self->blind_as, g_free);
}
