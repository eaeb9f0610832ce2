/* test-tagging.c: selecting passages in the text and tagging them, as a
 * reader does it with the mouse and the keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-application.h"
#include "plx-core.h"
#include "plx-tag-popover.h"
#include "plx-test-utils.h"
#include "plx-window.h"

typedef struct {
  char      *dir;
  char      *path;
  PlxWindow *window;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
run_frames (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  fixture->dir = plx_test_make_tempdir ();
  fixture->path = g_build_filename (fixture->dir, "test.parallax", NULL);
  plx_application_ensure_default_project (fixture->path, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (plx_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  plx_window_open_project (fixture->window, fixture->path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while ((plx_window_get_document (fixture->window) == NULL || plx_window_get_loading (fixture->window)) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (plx_window_get_document (fixture->window));
  run_frames (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->window);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
perspective_id (PlxWindow *window,
                guint      position)
{
  g_autoptr(PlxPerspective) perspective =
    g_list_model_get_item (plx_project_get_perspectives (plx_window_get_project (window)), position);
  return plx_perspective_get_id (perspective);
}

static GtkTextBuffer *
buffer_of (PlxWindow *window)
{
  return gtk_text_view_get_buffer (plx_window_get_text_view (window));
}

static void
select_range (PlxWindow *window,
              int        start,
              int        end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &b, end);
  gtk_text_buffer_select_range (buffer_of (window), &a, &b);
}

static PlxTagPopover *
tag_popover (PlxWindow *window)
{
  GtkWidget *view = GTK_WIDGET (plx_window_get_text_view (window));

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (PLX_IS_TAG_POPOVER (child))
      return PLX_TAG_POPOVER (child);
  g_assert_not_reached ();
}

static gboolean
popover_open (PlxWindow *window)
{
  return gtk_widget_get_mapped (GTK_WIDGET (tag_popover (window)));
}

/* Whether the character at @offset is on screen. */
static gboolean
offset_on_screen (PlxWindow *window,
                  int        offset)
{
  GtkTextView *view = plx_window_get_text_view (window);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* Item 1 of issue 18: Edit… on the card of a passage scrolled out of view
 * brings the passage into view and opens the popover there, pointing into
 * the text view (it used to point far outside it, which GTK cannot place:
 * criticals, which this test's fatal warnings turn into a failure, and no
 * popover). */
static void
test_edit_off_screen (Fixture       *fixture,
                      gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  GListModel *panel = plx_window_get_panel_model (window, perspective_id (window, 3));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (plx_window_get_text_view (window)));
  g_autoptr(PlxAnnotation) annotation = NULL;
  GdkRectangle rect;
  int i;

  select_range (window, 25000, 25040);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", "i", 4);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 1);
  annotation = g_list_model_get_item (panel, 0);

  select_range (window, 0, 0);
  for (i = 0; i < 100 && !offset_on_screen (window, 0); i++)
    {
      gtk_adjustment_set_value (vadjustment, 0);
      run_frames (50);
    }
  g_assert_true (offset_on_screen (window, 0));
  g_assert_false (offset_on_screen (window, 25040));
  g_assert_false (popover_open (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-annotation", "s", plx_annotation_get_uuid (annotation));
  for (i = 0; i < 200 && !popover_open (window); i++)
    run_frames (50);
  g_assert_true (popover_open (window));
  g_assert_true (offset_on_screen (window, 25040));
  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (tag_popover (window)), &rect));
  g_assert_cmpint (rect.x, >=, 0);
  g_assert_cmpint (rect.y, >=, 0);
  g_assert_cmpint (rect.x, <, gtk_widget_get_width (GTK_WIDGET (plx_window_get_text_view (window))));
  g_assert_cmpint (rect.y, <, gtk_widget_get_height (GTK_WIDGET (plx_window_get_text_view (window))));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (tag_popover (window))), >, 0);
  g_assert_cmpint (plx_tag_popover_get_perspective_id (tag_popover (window)), ==, perspective_id (window, 3));
  gtk_popover_popdown (GTK_POPOVER (tag_popover (window)));
  run_frames (100);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/tagging/edit-off-screen", Fixture, NULL, fixture_set_up, test_edit_off_screen, fixture_tear_down);
  return g_test_run ();
}
