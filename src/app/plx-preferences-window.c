/* plx-preferences-window.c: who the user is among the coders (a name,
 * picked from the project's coders or new, and a colour) is remembered in
 * GSettings and recorded on every passage they tag or change.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-preferences-window"
#include <glib/gi18n.h>

#include "plx-palette.h"
#include "plx-preferences-window.h"

struct _PlxPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkStringList        *coders;     /* "Someone new", then the project's coders */
  GStrv                 coder_names; /* the project's coders, sorted */
  gboolean              syncing;

  /* Template widgets */
  AdwPreferencesGroup  *annotations_group;
  AdwEntryRow          *author_row;
  AdwComboRow          *coder_row;
  GtkColorButton       *color_button;
};

G_DEFINE_FINAL_TYPE (PlxPreferencesWindow, plx_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
own_name (PlxPreferencesWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "author");

  return *name != '\0' ? g_steal_pointer (&name) : g_strdup (g_get_real_name ());
}

/* The combo follows the name: the coder of that name, else "someone new". */
static void
sync_coder_row (PlxPreferencesWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "author");
  guint selected = 0;

  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (self->coders)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->coders, i), name) == 0)
      selected = i;
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->coder_row, selected);
  self->syncing = FALSE;
}

static void
sync_color (PlxPreferencesWindow *self)
{
  g_autofree char *color = g_settings_get_string (self->settings, "author-color");
  g_autofree char *name = own_name (self);
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, plx_palette_for_coder (name, (const char * const *) self->coder_names));
  self->syncing = TRUE;
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  self->syncing = FALSE;
}

static void
settings_changed_cb (PlxPreferencesWindow *self)
{
  sync_coder_row (self);
  sync_color (self);
}

static void
coder_selected_cb (PlxPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->coder_row);

  if (self->syncing || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_settings_set_string (self->settings, "author", gtk_string_list_get_string (self->coders, selected));
}

static void
color_set_cb (PlxPreferencesWindow *self)
{
  GdkRGBA rgba;
  g_autofree char *hex = NULL;

  if (self->syncing)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  hex = g_strdup_printf ("#%02X%02X%02X", (int) (rgba.red * 255 + 0.5), (int) (rgba.green * 255 + 0.5),
                         (int) (rgba.blue * 255 + 0.5));
  g_settings_set_string (self->settings, "author-color", hex);
}

static void
plx_preferences_window_dispose (GObject *object)
{
  PlxPreferencesWindow *self = (PlxPreferencesWindow *) object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->coders);
  g_clear_pointer (&self->coder_names, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (plx_preferences_window_parent_class)->dispose (object);
}

static void
plx_preferences_window_class_init (PlxPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = plx_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxPreferencesWindow, annotations_group);
  gtk_widget_class_bind_template_child (widget_class, PlxPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, PlxPreferencesWindow, coder_row);
  gtk_widget_class_bind_template_child (widget_class, PlxPreferencesWindow, color_button);
}

static void
plx_preferences_window_init (PlxPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (PLX_APP_ID);
  g_settings_bind (self->settings, "author", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  /* An empty name means the account's; say which that is. */
  {
    g_autofree char *hint = g_strdup_printf (_("Recorded on every passage you tag, so that colleagues’ work stays apart when projects are merged. "
                                               "Left empty, your account’s name is used: %s."),
                                             g_get_real_name ());
    adw_preferences_group_set_description (self->annotations_group, hint);
  }

  self->coders = gtk_string_list_new (NULL);
  gtk_string_list_append (self->coders, _("Someone new"));
  adw_combo_row_set_model (self->coder_row, G_LIST_MODEL (self->coders));
  g_signal_connect_swapped (self->coder_row, "notify::selected", G_CALLBACK (coder_selected_cb), self);
  g_signal_connect_swapped (self->color_button, "color-set", G_CALLBACK (color_set_cb), self);
  g_signal_connect_swapped (self->settings, "changed::author", G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->settings, "changed::author-color", G_CALLBACK (settings_changed_cb), self);
  plx_preferences_window_set_coders (self, NULL);
  sync_color (self);
}

GtkWidget *
plx_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (PLX_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

/**
 * plx_preferences_window_set_coders:
 * @coders: the names of the coders of the project open, to pick from
 */
void
plx_preferences_window_set_coders (PlxPreferencesWindow *self,
                                   const char * const   *coders)
{
  g_return_if_fail (PLX_IS_PREFERENCES_WINDOW (self));

  gtk_string_list_splice (self->coders, 1, g_list_model_get_n_items (G_LIST_MODEL (self->coders)) - 1, NULL);
  for (guint i = 0; coders != NULL && coders[i] != NULL; i++)
    if (*coders[i] != '\0')
      gtk_string_list_append (self->coders, coders[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->coder_row), g_list_model_get_n_items (G_LIST_MODEL (self->coders)) > 1);
  g_strfreev (self->coder_names);
  self->coder_names = g_strdupv ((char **) coders);
  sync_coder_row (self);
  sync_color (self);
}
