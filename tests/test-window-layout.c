/* test-window-layout.c: the perspectives' panels side by side or as tabs,
 * whatever their number and the window's width.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-application.h"
#include "plx-core.h"
#include "plx-palette.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

typedef PlxTestWindowFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  plx_test_window_open (fixture, 1400, 900);
  plx_test_run_frames (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  plx_test_window_close (fixture);
}

static GtkWidget *
child_of (PlxWindow  *window,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), PLX_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static gboolean
wait_for_compact (PlxWindow *window,
                  gboolean   compact)
{
  for (int i = 0; i < 100 && plx_window_get_compact (window) != compact; i++)
    plx_test_run_frames (50);
  plx_test_run_frames (100);
  return plx_window_get_compact (window) == compact;
}

/* Every panel lies within the part of the row of columns on screen. */
static void
assert_columns_whole (PlxWindow *window)
{
  GtkWidget *columns = child_of (window, "columns_box");
  GtkWidget *scroller = gtk_widget_get_ancestor (columns, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t shown;
  guint n = 0;

  g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (window), &shown));
  for (GtkWidget *panel = gtk_widget_get_first_child (columns); panel != NULL; panel = gtk_widget_get_next_sibling (panel), n++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (panel, GTK_WIDGET (window), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, shown.origin.x - 0.5);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, shown.origin.x + shown.size.width + 0.5);
    }
  g_assert_cmpuint (n, ==, 5);
}

/* Issue 18, item 5: with a fifth perspective the columns no longer fit
 * the 1600-pixel window and become tabs, all five shown; given room
 * (the divider moved), they are columns again, none cut off; in a narrow
 * window, where the five tabs do not fit either, a drop-down names them
 * all and switches between them. */
static void
test_five_perspectives (Fixture       *fixture,
                        gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  GtkStack *tabs = GTK_STACK (child_of (window, "tabs_stack"));
  GtkDropDown *dropdown = GTK_DROP_DOWN (child_of (window, "tabs_dropdown"));
  AdwSqueezer *squeezer = ADW_SQUEEZER (child_of (window, "tabs_squeezer"));
  GtkPaned *paned = GTK_PANED (gtk_widget_get_ancestor (child_of (window, "panels_stack"), GTK_TYPE_PANED));
  g_autoptr(PlxPerspective) turkish = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pages = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  g_assert_true (wait_for_compact (window, FALSE));
  turkish = plx_project_add_perspective (project, "Turkish", NULL, &error);
  g_assert_no_error (error);
  g_object_ref (turkish);

  g_assert_true (wait_for_compact (window, TRUE));
  pages = G_LIST_MODEL (gtk_stack_get_pages (tabs));
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 5);
  g_assert_true (adw_squeezer_get_visible_child (squeezer) != GTK_WIDGET (dropdown));

  /* Room for five columns. */
  gtk_paned_set_position (paned, 400);
  g_assert_true (wait_for_compact (window, FALSE));
  assert_columns_whole (window);

  /* Narrow: a drop-down of the five names, which switches the tab. */
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 800);
  g_assert_true (wait_for_compact (window, TRUE));
  g_assert_true (adw_squeezer_get_visible_child (squeezer) == GTK_WIDGET (dropdown));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 5);
  gtk_drop_down_set_selected (dropdown, 4);
  g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (tabs, gtk_stack_get_visible_child (tabs))), ==, "Turkish");
  gtk_drop_down_set_selected (dropdown, 3);
  g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (tabs, gtk_stack_get_visible_child (tabs))), ==, "Russian");
  /* And follows the tabs switched otherwise. */
  gtk_stack_set_visible_child (tabs, gtk_widget_get_first_child (GTK_WIDGET (tabs)));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
}

/* Issue 18, item 9: a perspective added in the window gets a colour that
 * stays apart from the others as highlights (the project's next spare
 * colour, sky blue, tinted almost like the Azerbaijani blue). */
static void
test_new_perspective_colour (Fixture       *fixture,
                             gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  GListModel *perspectives = plx_project_get_perspectives (plx_window_get_project (window));
  g_autoptr(PlxPerspective) added = NULL;
  AdwMessageDialog *dialog;
  double nearest = G_MAXDOUBLE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-perspective", NULL));
  dialog = plx_test_message_over (window);
  g_assert_nonnull (dialog);
  /* A name of nothing but spaces cannot be accepted. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), " Turkish ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
  adw_message_dialog_response (dialog, "accept");
  gtk_window_destroy (GTK_WINDOW (dialog));
  plx_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 5);
  added = g_list_model_get_item (perspectives, 4);
  g_assert_cmpstr (plx_perspective_get_name (added), ==, "Turkish");
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PlxPerspective) other = g_list_model_get_item (perspectives, i);

      nearest = MIN (nearest, plx_palette_distance (plx_perspective_get_color (added), plx_perspective_get_color (other)));
    }
  /* Farther from all four than the sky blue is from the blue. */
  g_assert_cmpfloat (nearest, >, plx_palette_distance ("#56B4E9", "#0072B2"));
  g_assert_cmpfloat (plx_palette_distance ("#56B4E9", "#0072B2"), <, 60);
}

/* Issue 18, item 14: the window's title names the document and project
 * (the wide header shows the view switcher instead), the switcher shows
 * the document even when it is the only one, and a project without a
 * document says what the right pane is for rather than stay blank. */
static void
test_titles_and_empty_pane (Fixture       *fixture,
                            gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  const char *title = gtk_window_get_title (GTK_WINDOW (window));
  g_autofree char *empty_path = g_build_filename (fixture->dir, "empty.parallax", NULL);
  g_autoptr(PlxProject) empty = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (title, "Assessing Russia"));
  g_assert_true (g_str_has_suffix (title, "— test.parallax"));
  /* The narrow header's title and subtitle follow the same document. */
  g_assert_true (g_str_has_prefix (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (child_of (window, "window_title"))),
                                   "Assessing Russia"));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (child_of (window, "window_title"))), ==,
                   "test.parallax");
  g_assert_true (gtk_widget_get_visible (child_of (window, "document_dropdown")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child_of (window, "panels_stack"))), !=, "empty");

  empty = plx_project_create (empty_path, &error);
  g_assert_no_error (error);
  g_clear_object (&empty);
  g_assert_true (plx_window_open_project (window, empty_path, &error));
  g_assert_no_error (error);
  plx_test_run_frames (200);
  g_assert_null (plx_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child_of (window, "panels_stack"))), ==, "empty");
  g_assert_false (gtk_widget_get_visible (child_of (window, "document_dropdown")));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Parallax");
  g_assert_cmpstr (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (child_of (window, "window_title"))), ==,
                   "Parallax");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (child_of (window, "window_title"))), ==, "");
}

/* Issue 18, item 14: run from the build, the About window showed a
 * missing icon; the icon now comes with the resources, where GtkApplication
 * looks (RESOURCE_BASE/icons, added to the icon theme at start-up). */
static void
test_app_icon_in_resources (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (fixture->window)));

  gtk_icon_theme_add_resource_path (theme, "/io/github/parallax_annotator/Parallax/icons");
  g_assert_true (gtk_icon_theme_has_icon (theme, PLX_APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, PLX_APP_ID "-symbolic"));
}

/* Issue 17: at PLX_PROJECT_MAX_PERSPECTIVES, Add Perspective says why it
 * cannot rather than ask for a name it would then refuse. */
static void
test_perspective_bound (Fixture       *fixture,
                        gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  GListModel *perspectives = plx_project_get_perspectives (project);
  g_autofree char *expected = g_strdup_printf ("This project already has %d perspectives, the most a project can "
                                               "hold; remove one before adding another", PLX_PROJECT_MAX_PERSPECTIVES);
  AdwMessageDialog *dialog;

  for (guint i = g_list_model_get_n_items (perspectives); i < PLX_PROJECT_MAX_PERSPECTIVES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Perspective %u", i + 1);

      g_assert_nonnull (plx_project_add_perspective (project, name, NULL, &error));
      g_assert_no_error (error);
    }
  plx_test_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-perspective", NULL));
  dialog = plx_test_message_over (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Add the Perspective");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
  g_assert_null (adw_message_dialog_get_extra_child (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  plx_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, PLX_PROJECT_MAX_PERSPECTIVES);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-layout/five-perspectives", Fixture, NULL, fixture_set_up, test_five_perspectives, fixture_tear_down);
  g_test_add ("/window-layout/titles-and-empty-pane", Fixture, NULL, fixture_set_up, test_titles_and_empty_pane, fixture_tear_down);
  g_test_add ("/window-layout/app-icon-in-resources", Fixture, NULL, fixture_set_up, test_app_icon_in_resources, fixture_tear_down);
  g_test_add ("/window-layout/new-perspective-colour", Fixture, NULL, fixture_set_up, test_new_perspective_colour, fixture_tear_down);
  g_test_add ("/window-layout/perspective-bound", Fixture, NULL, fixture_set_up, test_perspective_bound, fixture_tear_down);
  return g_test_run ();
}
