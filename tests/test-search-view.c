/* test-search-view.c: the Search view (Ctrl+Shift+F): its empty and
 * no-results states, hits from every document grouped by document,
 * keyboard navigation, a hit opened at its passage in its document, and
 * search-and-code through the tag popover and a preview, undone in one step.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-core.h"
#include "plx-search-view.h"
#include "plx-tag-popover.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

typedef PlxTestWindowFixture Fixture;

#define SECOND_TEXT "Миротворцы вошли в Карабах.\n\nГарабағ — so the name was written in Azerbaijani Cyrillic.\n"

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
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
page (PlxSearchView *view)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find_widget (GTK_WIDGET (view), GTK_TYPE_STACK)));
}

static void
type (PlxSearchView *view,
      const char    *text)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits 150 ms before it searches. */
  plx_test_run_frames (400);
}

static void
wait_for_document (PlxWindow *window,
                   gint64     id)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((plx_window_get_document (window) == NULL || plx_document_get_id (plx_window_get_document (window)) != id ||
          plx_window_get_loading (window)) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  plx_test_run_frames (100);
}

static void
assert_selection (PlxWindow    *window,
                  PlxSearchHit *hit)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (window));
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  g_assert_cmpint (plx_document_get_id (plx_window_get_document (window)), ==, plx_search_hit_get_document_id (hit));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, plx_search_hit_get_start (hit));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, plx_search_hit_get_end (hit));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, plx_search_hit_get_match (hit));
}

static void
activate_hit (PlxSearchView *view,
              guint          index)
{
  GtkListBox *list = GTK_LIST_BOX (find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX));

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, (int) index));
}

static void
test_search_view (Fixture       *fixture,
                  gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  gint64 essay = plx_document_get_id (plx_window_get_document (window));
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  PlxSearchView *view = PLX_SEARCH_VIEW (find_widget (GTK_WIDGET (window), PLX_TYPE_SEARCH_VIEW));
  GListModel *hits = plx_search_view_get_hits (view);
  GtkListBox *list = GTK_LIST_BOX (find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX));
  g_autoptr(PlxDocument) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxSearchHit) last = NULL;
  GtkWidget *focus;
  guint n, n_essay = 0;

  second = plx_document_new_from_data (SECOND_TEXT, strlen (SECOND_TEXT), PLX_DOCUMENT_FORMAT_PLAIN, "Second",
                                       &error);
  g_assert_true (plx_project_add_document (project, second, &error));
  g_assert_no_error (error);

  /* Ctrl+Shift+F: the view, its entry focused, the empty state. */
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-project", NULL));
  plx_test_run_frames (100);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "search");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY)));
  g_assert_cmpstr (page (view), ==, "empty");

  /* Hits of both documents, the essay's first, Гарабағ in the second. */
  type (view, "Qarabağ");
  g_assert_cmpstr (page (view), ==, "results");
  n = g_list_model_get_n_items (hits);
  g_assert_cmpuint (n, >, 40);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxSearchHit) hit = g_list_model_get_item (hits, i);
      if (plx_search_hit_get_document_id (hit) == essay)
        n_essay++;
    }
  g_assert_cmpuint (n_essay, ==, n - 2);
  last = g_list_model_get_item (hits, n - 1);
  g_assert_cmpstr (plx_search_hit_get_match (last), ==, "Гарабағ");
  /* A header names each document. */
  g_assert_nonnull (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_null (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 1)));
  g_assert_nonnull (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, (int) n_essay)));

  /* Down from the entry goes to the first hit. */
  gtk_widget_grab_focus (find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));
  {
    GtkWidget *text = gtk_root_get_focus (GTK_ROOT (window));
    GtkEventController *keys = NULL;
    GListModel *controllers = gtk_widget_observe_controllers (find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          keys = controller;
      }
    g_object_unref (controllers);
    g_assert_nonnull (keys);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
    g_assert_true (handled);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
    (void) text;
  }

  /* A hit in the document shown: its passage selected there. */
  {
    g_autoptr(PlxSearchHit) hit = g_list_model_get_item (hits, 3);

    activate_hit (view, 3);
    plx_test_run_frames (100);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "annotate");
    assert_selection (window, hit);
  }
  /* A hit in another document: it is opened first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-project", NULL));
  activate_hit (view, n - 1);
  wait_for_document (window, plx_document_get_id (second));
  assert_selection (window, last);

  /* No results, and a query that cannot be read. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-project", NULL));
  type (view, "zzqqxx");
  g_assert_cmpstr (page (view), ==, "none");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "search.code-all", NULL) &&
                  plx_test_message_over (window) != NULL);
  type (view, "\"unclosed");
  g_assert_cmpstr (page (view), ==, "none");
  type (view, "");
  g_assert_cmpstr (page (view), ==, "empty");
}

static void
test_search_and_code (Fixture       *fixture,
                      gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  PlxSearchView *view = PLX_SEARCH_VIEW (find_widget (GTK_WIDGET (window), PLX_TYPE_SEARCH_VIEW));
  GListModel *hits = plx_search_view_get_hits (view);
  g_autoptr(PlxPerspective) first = g_list_model_get_item (plx_project_get_perspectives (project), 0);
  PlxAnnotationQuery query = { 0, plx_perspective_get_id (first), NULL };
  AdwMessageDialog *dialog;
  GtkWidget *popover;
  guint before = plx_project_count_annotations (project, &query, NULL);
  g_autoptr(PlxSearchHit) chosen = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-project", NULL));
  type (view, "peacekeeping OR Stepanakert");
  g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 3);

  /* Two hits chosen, coded with the first perspective after a preview. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PlxSearchHit) hit = g_list_model_get_item (hits, i);
      plx_search_hit_set_selected (hit, TRUE);
    }
  chosen = g_list_model_get_item (hits, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "search.code-selected", NULL));
  plx_test_run_frames (100);
  popover = find_widget (GTK_WIDGET (view), PLX_TYPE_TAG_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpint (plx_tag_popover_get_perspective_id (PLX_TAG_POPOVER (popover)), ==, query.perspective_id);
  g_signal_emit_by_name (popover, "save");
  plx_test_run_frames (100);
  dialog = plx_test_message_over (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "2"));
  /* Nothing is tagged before the preview is confirmed. */
  g_assert_cmpuint (plx_project_count_annotations (project, &query, NULL), ==, before);
  adw_message_dialog_response (dialog, "tag");
  gtk_window_destroy (GTK_WINDOW (dialog));
  plx_test_run_frames (200);
  g_assert_cmpuint (plx_project_count_annotations (project, &query, NULL), ==, before + 2);

  /* The hits show it now, searched again once the change is in. */
  {
    gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    g_autoptr(PlxSearchHit) hit = NULL;

    for (;;)
      {
        g_clear_object (&hit);
        hit = g_list_model_get_item (hits, 1);
        if (plx_search_hit_get_perspectives (hit)[0] != NULL || g_get_monotonic_time () > until)
          break;
        g_main_context_iteration (NULL, TRUE);
      }
    g_assert_cmpstr (plx_search_hit_get_perspectives (hit)[0], ==, plx_perspective_get_name (first));
  }

  /* One undo takes both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  plx_test_run_frames (100);
  g_assert_cmpuint (plx_project_count_annotations (project, &query, NULL), ==, before);

  /* Redone while the view is hidden: its marks follow when it shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "annotate"));
  plx_test_run_frames (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  plx_test_run_frames (100);
  g_assert_cmpuint (plx_project_count_annotations (project, &query, NULL), ==, before + 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-project", NULL));
  plx_test_run_frames (100);
  {
    g_autoptr(PlxSearchHit) hit = g_list_model_get_item (hits, 1);
    g_assert_cmpstr (plx_search_hit_get_perspectives (hit)[0], ==, plx_perspective_get_name (first));
  }

  /* Code All… beyond the 1,000 hits shown: the preview counts them all,
   * and cancelled, nothing changes. */
  type (view, "the OR of OR and OR to OR in OR a OR is OR its");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, PLX_SEARCH_VIEW_LIMIT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "search.code-all", NULL));
  plx_test_run_frames (100);
  g_signal_emit_by_name (popover, "save");
  plx_test_run_frames (100);
  dialog = plx_test_message_over (window);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_ascii_strtoull (adw_message_dialog_get_heading (dialog) + strlen ("Tag "), NULL, 10), >,
                    PLX_SEARCH_VIEW_LIMIT);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  plx_test_run_frames (100);
  g_assert_cmpuint (plx_project_count_annotations (project, &query, NULL), ==, before + 2);
  (void) chosen;
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/search-view/search", Fixture, NULL, fixture_set_up, test_search_view, fixture_tear_down);
  g_test_add ("/search-view/code", Fixture, NULL, fixture_set_up, test_search_and_code, fixture_tear_down);
  return g_test_run ();
}
