/* test-i18n.c: the window in Russian. Starts with LANGUAGE=ru and the build's
 * own catalogues (BUILDDIR/po/ru/LC_MESSAGES/parallax.mo, or $PLX_LOCALEDIR)
 * and checks that the labels, tooltips and default perspectives are Russian.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "plx-application.h"
#include "plx-core.h"
#include "plx-test-utils.h"
#include "plx-window.h"

typedef struct {
  char      *dir;
  PlxWindow *window;
  GPtrArray *texts;    /* every label, tooltip and placeholder shown */
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The build's po directory: $PLX_LOCALEDIR, else BUILDDIR/po next to tests/. */
static char *
dup_locale_dir (void)
{
  const char *env = g_getenv ("PLX_LOCALEDIR");
  g_autofree char *exe = NULL;
  g_autofree char *tests_dir = NULL;
  g_autofree char *build_dir = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  exe = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (exe);
  tests_dir = g_path_get_dirname (exe);
  build_dir = g_path_get_dirname (tests_dir);
  return g_build_filename (build_dir, "po", NULL);
}

static gboolean
has_cyrillic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x0400 && c <= 0x04FF)
        return TRUE;
    }
  return FALSE;
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (tooltip != NULL)
    g_ptr_array_add (texts, g_strdup (tooltip));
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "placeholder-text") != NULL)
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (placeholder != NULL && *placeholder != '\0')
        g_ptr_array_add (texts, g_steal_pointer (&placeholder));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
shown (Fixture    *fixture,
       const char *text)
{
  for (guint i = 0; i < fixture->texts->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->texts, i), text))
      return TRUE;
  return FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until;

  fixture->dir = plx_test_make_tempdir ();
  path = g_build_filename (fixture->dir, "test.parallax", NULL);
  plx_application_ensure_default_project (path, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (plx_window_new (NULL));
  plx_window_open_project (fixture->window, path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* The document may load in the background: wait until the panels show. */
  until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  do
    {
      g_clear_pointer (&fixture->texts, g_ptr_array_unref);
      iterate ();
      fixture->texts = g_ptr_array_new_with_free_func (g_free);
      collect_texts (GTK_WIDGET (fixture->window), fixture->texts);
      if (shown (fixture, _("Armenian")))
        break;
      g_usleep (20000);
    }
  while (g_get_monotonic_time () < until);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->window);
  g_ptr_array_unref (fixture->texts);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The catalogue is found and used at all. */
static void
test_i18n_catalogue (void)
{
  g_assert_cmpstr (_("Undo"), ==, "Отменить");
  g_assert_cmpstr (_("Could Not Open the Project"), ==, "Не удалось открыть проект");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", "Tagging"), ==, "Разметка");
}

static void
test_i18n_window (Fixture       *fixture,
                  gconstpointer  data)
{
  guint english = 0;
  guint russian = 0;

  /* Tooltips and placeholders from the .ui template. */
  g_assert_true (shown (fixture, "Отменить (Ctrl+Z)"));
  g_assert_true (shown (fixture, "Повторить (Ctrl+Shift+Z)"));
  g_assert_true (shown (fixture, "Разметить выделенное (Ctrl+T)"));
  /* The default perspectives are named when the project is made. */
  g_assert_true (shown (fixture, "Армянская"));
  g_assert_true (shown (fixture, "Азербайджанская"));
  g_assert_true (shown (fixture, "Западная"));
  g_assert_true (shown (fixture, "Российская"));

  /* Nothing shown is an English message that has a Russian translation. */
  for (guint i = 0; i < fixture->texts->len; i++)
    {
      const char *text = g_ptr_array_index (fixture->texts, i);

      if (has_cyrillic (text))
        russian++;
      if (!g_str_equal (g_dgettext (GETTEXT_PACKAGE, text), text))
        {
          g_test_message ("shown untranslated: “%s”", text);
          english++;
        }
    }
  g_test_message ("%u texts shown, %u in Russian", fixture->texts->len, russian);
  g_assert_cmpuint (english, ==, 0);
  g_assert_cmpuint (russian, >=, 10);
}

int
main (int argc, char **argv)
{
  g_autofree char *locale_dir = dup_locale_dir ();
  g_autofree char *mo = g_build_filename (locale_dir, "ru", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  /* glibc ignores LANGUAGE in the "C" locale; C.UTF-8 is not "C". */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    g_error ("no Russian catalogue at %s", mo);

  g_test_add_func ("/i18n/catalogue", test_i18n_catalogue);
  g_test_add ("/i18n/window-in-russian", Fixture, NULL, fixture_set_up, test_i18n_window, fixture_tear_down);
  return g_test_run ();
}
