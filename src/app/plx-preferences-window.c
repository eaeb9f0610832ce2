/* plx-preferences-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-preferences-window"
#include <glib/gi18n.h>

#include "plx-preferences-window.h"

struct _PlxPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwPreferencesGroup  *annotations_group;
  AdwEntryRow          *author_row;
};

G_DEFINE_FINAL_TYPE (PlxPreferencesWindow, plx_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
plx_preferences_window_dispose (GObject *object)
{
  PlxPreferencesWindow *self = (PlxPreferencesWindow *) object;

  g_clear_object (&self->settings);
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
}

GtkWidget *
plx_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (PLX_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
