/* plx-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-application"

#include <glib/gi18n.h>

#include "plx-application.h"
#include "plx-core.h"
#include "plx-preferences-window.h"
#include "plx-profile.h"
#include "plx-window.h"

#define ESSAY_RESOURCE "/io/github/parallax_annotator/Parallax/russia-role-nagorno-karabakh.md"

struct _PlxApplication
{
  AdwApplication parent_instance;

  /* The project opened while GTK starts, and the window waiting for it. */
  char          *opening_path;
  PlxWindow     *opening_window;
};

G_DEFINE_FINAL_TYPE (PlxApplication, plx_application, ADW_TYPE_APPLICATION)

char *
plx_application_dup_default_project (void)
{
  return g_build_filename (g_get_user_data_dir (), "parallax", "default.parallax", NULL);
}

/* The first start makes a project holding the bundled essay. */
gboolean
plx_application_ensure_default_project (const char  *path,
                                        GError     **error)
{
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) essay = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  bytes = g_resources_lookup_data (ESSAY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  essay = plx_document_new_from_data (data, length, PLX_DOCUMENT_FORMAT_MARKDOWN, NULL, error);
  if (essay == NULL)
    return FALSE;

  project = plx_project_create (path, error);
  return project != NULL && plx_project_add_document (project, essay, error);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(PlxApplication) self = data;
  g_autofree char *path = g_steal_pointer (&self->opening_path);
  PlxWindow *window = self->opening_window;

  if (window == NULL)
    {
      g_autoptr(PlxDocument) document = NULL;
      g_autoptr(PlxProject) project = plx_project_open_finish (result, &document, NULL);
      return;
    }
  g_clear_weak_pointer (&self->opening_window);
  plx_window_finish_opening (window, path, result);
}

static PlxWindow *
new_window (PlxApplication *self,
            const char     *path)
{
  PlxWindow *window = plx_window_new (ADW_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (self->opening_path != NULL && self->opening_window == NULL && g_strcmp0 (path, self->opening_path) == 0)
    {
      plx_window_show_opening (window, path);
      g_set_weak_pointer (&self->opening_window, window);
    }
  else if (!plx_window_open_project (window, path, &error))
    {
      gtk_window_present (GTK_WINDOW (window));
      plx_window_show_open_error (window, path, error);
      return window;
    }
  gtk_window_present (GTK_WINDOW (window));
  plx_profile_mark_after_next_paint (GTK_WIDGET (window), "first-frame");
  return window;
}

/* The project a start without files shows: the last one, else the
 * default one (which may not exist yet). */
static char *
dup_project_to_activate (GSettings *settings)
{
  g_autofree char *path = g_settings_get_string (settings, "last-project");

  if (*path == '\0' || !g_file_test (path, G_FILE_TEST_EXISTS))
    return plx_application_dup_default_project ();
  return g_steal_pointer (&path);
}

static void
plx_application_activate (GApplication *application)
{
  PlxApplication *self = PLX_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  settings = g_settings_new (PLX_APP_ID);
  path = dup_project_to_activate (settings);
  if (!plx_application_ensure_default_project (path, &error))
    {
      PlxWindow *empty = plx_window_new (ADW_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (empty));
      plx_window_show_error (empty, _("Could Not Create the Default Project"), error);
      return;
    }
  new_window (self, path);
}

static void
plx_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        new_window (PLX_APPLICATION (application), path);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  GtkApplication *application = data;
  static const char *developers[] = { "The Parallax developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Parallax"),
                         "application-icon", PLX_APP_ID,
                         "developer-name", _("The Parallax developers"),
                         "version", PLX_VERSION,
                         "comments", _("Annotate a text from several perspectives and compare the narratives side by side."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  GtkWindow *active = gtk_application_get_active_window (data);
  GtkWidget *preferences = plx_preferences_window_new (active);

  /* The coders of the project open, to pick who one is. */
  if (PLX_IS_WINDOW (active))
    {
      g_auto(GStrv) coders = plx_window_dup_coders (PLX_WINDOW (active));

      plx_preferences_window_set_coders (PLX_PREFERENCES_WINDOW (preferences), (const char * const *) coders);
    }

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (data));

  /* Closing through close-request saves each window's state. */
  for (GList *l = g_list_copy (windows), *i = l; i != NULL; i = i->next)
    {
      gtk_window_close (i->data);
      if (i->next == NULL)
        g_list_free (l);
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
plx_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (plx_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions, G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
}

/* GTK and libadwaita take a few hundred milliseconds to start: the
 * project the first window will show is opened, checked and its document
 * read meanwhile, on the other core. */
static gboolean
plx_application_local_command_line (GApplication   *application,
                                    char         ***arguments,
                                    int            *exit_status)
{
  PlxApplication *self = PLX_APPLICATION (application);
  char **argv = *arguments;
  guint argc = g_strv_length (argv);
  g_autoptr(GSettings) settings = g_settings_new (PLX_APP_ID);
  g_autofree char *path = NULL;

  /* With an option, GApplication's own handling decides what happens. */
  for (guint i = 1; i < argc; i++)
    if (argv[i][0] == '-')
      return G_APPLICATION_CLASS (plx_application_parent_class)->local_command_line (application, arguments, exit_status);

  if (argc > 1)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      path = g_file_get_path (file);
    }
  else
    path = dup_project_to_activate (settings);

  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      self->opening_path = g_strdup (path);
      plx_project_open_async (path, g_settings_get_int64 (settings, "last-document"), NULL,
                              opened_cb, g_object_ref (self));
    }
  return G_APPLICATION_CLASS (plx_application_parent_class)->local_command_line (application, arguments, exit_status);
}

static void
plx_application_finalize (GObject *object)
{
  PlxApplication *self = PLX_APPLICATION (object);

  g_free (self->opening_path);
  g_clear_weak_pointer (&self->opening_window);

  G_OBJECT_CLASS (plx_application_parent_class)->finalize (object);
}

static void
plx_application_class_init (PlxApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = plx_application_finalize;
  app_class->local_command_line = plx_application_local_command_line;
  app_class->activate = plx_application_activate;
  app_class->open = plx_application_open;
  app_class->startup = plx_application_startup;
}

static void
plx_application_init (PlxApplication *self)
{
}

PlxApplication *
plx_application_new (void)
{
  return g_object_new (PLX_TYPE_APPLICATION,
                       "application-id", PLX_APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/parallax_annotator/Parallax",
                       NULL);
}
