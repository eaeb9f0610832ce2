/* test-agreement-window.c: the Coder Agreement window, opened from the
 * main menu's action, measured in the background and read as a table;
 * and the coders' layers and blind coding in the main window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "plx-adjudication-window.h"
#include "plx-agreement-window.h"
#include "plx-document-map.h"
#include "plx-core.h"
#include "plx-preferences-window.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

/* Under ASan, the file chooser's leak check needs full stacks (see
 * tests/lsan.supp). */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

typedef PlxTestWindowFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  plx_test_window_open (fixture, 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  plx_test_window_close (fixture);
}

static void
tag (PlxWindow  *window,
     const char *author,
     guint       start,
     guint       end,
     guint       perspective)
{
  PlxProject *project = plx_window_get_project (window);
  g_autoptr(PlxPerspective) p = g_list_model_get_item (plx_project_get_perspectives (project), perspective);
  g_autoptr(PlxAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;

  a = plx_annotation_new_for_range (plx_window_get_document (window), start, end, plx_perspective_get_id (p), &error);
  g_assert_no_error (error);
  plx_annotation_set_author (a, author);
  g_assert_true (plx_project_add_annotation (project, a, &error));
  g_assert_no_error (error);
}

static PlxAgreementWindow *
open_agreement (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  PlxAgreementWindow *found = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.agreement", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (PLX_IS_AGREEMENT_WINDOW (toplevel))
        found = PLX_AGREEMENT_WINDOW (toplevel);
    }
  g_assert_nonnull (found);
  for (int i = 0; i < 400 && plx_agreement_window_get_computing (found); i++)
    plx_test_run_frames (25);
  g_assert_false (plx_agreement_window_get_computing (found));
  return found;
}

static GtkWidget *
template_child (PlxAgreementWindow *window,
                const char         *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PLX_TYPE_AGREEMENT_WINDOW, name));
}

static void
collect_cell_names (GtkWidget *widget,
                    GString   *names)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_GRID_CELL)
        {
          GtkWidget *label = gtk_widget_get_first_child (child);

          /* The name is set as a property; the label shows the value. */
          g_string_append_printf (names, "%s|", gtk_label_get_text (GTK_LABEL (label)));
        }
      collect_cell_names (child, names);
    }
}

/* Two coders, three passages each: the table has Cohen's κ = 0.400 (as
 * in test-agreement's worked project: one of three voices differs). */
static void
test_agreement_table (Fixture       *fixture,
                      gconstpointer  data)
{
  PlxAgreementWindow *agreement;
  g_autoptr(GString) values = g_string_new (NULL);
  GtkWidget *table;

  tag (fixture->window, "Anahit", 200, 260, 0);
  tag (fixture->window, "Anahit", 400, 460, 1);
  tag (fixture->window, "Anahit", 600, 660, 0);
  tag (fixture->window, "Leyla", 200, 260, 0);
  tag (fixture->window, "Leyla", 404, 460, 1);
  tag (fixture->window, "Leyla", 600, 660, 1);

  agreement = open_agreement (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (agreement, "stack"))), ==, "table");
  table = template_child (agreement, "table");
  collect_cell_names (table, values);
  g_test_message ("values: %s", values->str);
  /* κ, 66.7% of voices the same, three passages. */
  g_assert_nonnull (strstr (values->str, "|0.400|"));
  g_assert_nonnull (strstr (values->str, "|66.7%|"));
  g_assert_nonnull (strstr (values->str, "|3 passages|"));

  /* Per perspective, measured again. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (agreement, "group_dropdown")), 1);
  g_assert_true (plx_agreement_window_get_computing (agreement));
  for (int i = 0; i < 400 && plx_agreement_window_get_computing (agreement); i++)
    plx_test_run_frames (25);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (agreement, "stack"))), ==, "table");
  gtk_window_destroy (GTK_WINDOW (agreement));
}

/* One coder: a message that says why, not a table of NaN. */
static void
test_agreement_one_coder (Fixture       *fixture,
                          gconstpointer  data)
{
  PlxAgreementWindow *agreement;
  const char *description;

  tag (fixture->window, "Anahit", 200, 260, 0);
  agreement = open_agreement (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (agreement, "stack"))), ==, "message");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (template_child (agreement, "status_page")));
  g_assert_nonnull (strstr (description, "at least two coders"));
  gtk_window_destroy (GTK_WINDOW (agreement));
}

static guint
passages_shown (PlxWindow *window)
{
  g_autoptr(PlxPerspective) first = g_list_model_get_item (plx_project_get_perspectives (plx_window_get_project (window)), 0);

  return g_list_model_get_n_items (plx_window_get_panel_model (window, plx_perspective_get_id (first)));
}

static GtkCheckButton *
check_labelled (GtkWidget  *widget,
                const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found;

      if (GTK_IS_CHECK_BUTTON (child) && g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), prefix))
        return GTK_CHECK_BUTTON (child);
      if ((found = check_labelled (child, prefix)) != NULL)
        return found;
    }
  return NULL;
}

/* Each coder's passages can be hidden from the coder menu; blind coding
 * shows only the user's own (Preferences' author name), in the panels
 * and nowhere else either. */
static void
test_layers_and_blind (Fixture       *fixture,
                       gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  g_autoptr(GSettings) settings = g_settings_new (PLX_APP_ID);
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), PLX_TYPE_WINDOW, "coder_button"));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  GtkCheckButton *leyla;
  GtkCheckButton *blind;

  g_settings_set_string (settings, "author", "Anahit");
  tag (window, "Anahit", 200, 260, 0);
  tag (window, "Leyla", 400, 460, 0);
  plx_test_run_frames (100);
  g_assert_cmpuint (passages_shown (window), ==, 2);
  /* An icon while nothing is hidden: the narrow layout keeps its room. */
  g_assert_cmpstr (gtk_menu_button_get_icon_name (button), ==, "system-users-symbolic");

  gtk_menu_button_popup (button);
  plx_test_run_frames (100);
  leyla = check_labelled (popover, "Leyla");
  g_assert_nonnull (leyla);
  g_assert_true (gtk_check_button_get_active (leyla));
  gtk_check_button_set_active (leyla, FALSE);
  plx_test_iterate ();
  g_assert_cmpuint (passages_shown (window), ==, 1);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "1 Coder Hidden");
  gtk_check_button_set_active (leyla, TRUE);
  plx_test_iterate ();
  g_assert_cmpuint (passages_shown (window), ==, 2);
  g_assert_cmpstr (gtk_menu_button_get_icon_name (button), ==, "system-users-symbolic");

  /* Blind: only Anahit's; Leyla's own check means nothing meanwhile. */
  blind = check_labelled (popover, "Blind Coding");
  g_assert_nonnull (blind);
  gtk_check_button_set_active (blind, TRUE);
  plx_test_iterate ();
  g_assert_cmpuint (passages_shown (window), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (leyla)));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Blind Coding");
  gtk_menu_button_popdown (button);

  /* The window's action turns it off again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.blind-coding", NULL));
  plx_test_iterate ();
  g_assert_cmpuint (passages_shown (window), ==, 2);
  g_settings_reset (settings, "author");
}

/* Who am I: Preferences offers the project's coders to pick from (or a
 * new name) and a colour; what is tagged after records that coder. */
static void
test_preferences_identity (Fixture       *fixture,
                           gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  g_autoptr(GSettings) settings = g_settings_new (PLX_APP_ID);
  g_auto(GStrv) coders = NULL;
  g_autofree char *color = NULL;
  g_autoptr(PlxPerspective) first = NULL;
  g_autoptr(PlxAnnotation) tagged = NULL;
  GtkWidget *preferences;
  AdwComboRow *coder_row;
  GtkColorChooser *color_button;
  GListModel *panel;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (window));
  GtkTextIter a, b;
  GdkRGBA rgba = { 0.8352941, 0.3686275, 0.0, 1.0 };
  GdkRGBA shown;
  GdkRGBA second;

  tag (window, "Anahit", 200, 260, 0);
  tag (window, "Leyla", 400, 460, 0);
  coders = plx_window_dup_coders (window);
  g_assert_cmpuint (g_strv_length (coders), ==, 2);
  g_assert_cmpstr (coders[0], ==, "Anahit");
  g_assert_cmpstr (coders[1], ==, "Leyla");

  preferences = plx_preferences_window_new (GTK_WINDOW (window));
  plx_preferences_window_set_coders (PLX_PREFERENCES_WINDOW (preferences), (const char * const *) coders);
  gtk_window_present (GTK_WINDOW (preferences));
  plx_test_run_frames (50);
  coder_row = ADW_COMBO_ROW (gtk_widget_get_template_child (preferences, PLX_TYPE_PREFERENCES_WINDOW, "coder_row"));
  color_button = GTK_COLOR_CHOOSER (gtk_widget_get_template_child (preferences, PLX_TYPE_PREFERENCES_WINDOW, "color_button"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (coder_row)));
  /* "Someone new", then the two coders. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (coder_row)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (coder_row), ==, 0);

  adw_combo_row_set_selected (coder_row, 2);
  g_assert_cmpstr (g_settings_get_string (settings, "author"), ==, "Leyla");
  /* A name typed elsewhere moves the pick along. */
  g_settings_set_string (settings, "author", "Anahit");
  g_assert_cmpuint (adw_combo_row_get_selected (coder_row), ==, 1);
  g_settings_set_string (settings, "author", "Gulnar");
  g_assert_cmpuint (adw_combo_row_get_selected (coder_row), ==, 0);
  adw_combo_row_set_selected (coder_row, 2);

  /* No colour chosen: the second coder's is the palette's second, so
   * that two coders never share one. */
  gtk_color_chooser_get_rgba (color_button, &shown);
  g_assert_true (gdk_rgba_parse (&second, "#0072B2"));
  g_assert_true (gdk_rgba_equal (&shown, &second));
  gtk_color_chooser_set_rgba (color_button, &rgba);
  g_signal_emit_by_name (color_button, "color-set");
  color = g_settings_get_string (settings, "author-color");
  g_assert_cmpstr (color, ==, "#D55E00");
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Tagged in the window now: Leyla's. */
  gtk_text_buffer_get_iter_at_offset (buffer, &a, 600);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, 640);
  gtk_text_buffer_select_range (buffer, &a, &b);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", "i", 1);
  plx_test_run_frames (50);
  first = g_list_model_get_item (plx_project_get_perspectives (plx_window_get_project (window)), 0);
  panel = plx_window_get_panel_model (window, plx_perspective_get_id (first));
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (panel); i++)
    {
      g_autoptr(PlxAnnotation) item = g_list_model_get_item (panel, i);

      if (plx_annotation_get_start (item) == 600)
        tagged = g_steal_pointer (&item);
    }
  g_assert_nonnull (tagged);
  g_assert_cmpstr (plx_annotation_get_author (tagged), ==, "Leyla");
  g_assert_cmpstr (plx_annotation_get_modifier (tagged), ==, "Leyla");
  g_settings_reset (settings, "author");
  g_settings_reset (settings, "author-color");
}

static AdwMessageDialog *
wait_for_message (PlxWindow        *window,
                  AdwMessageDialog *not)
{
  for (int i = 0; i < 500; i++)
    {
      AdwMessageDialog *dialog = plx_test_message_over (window);

      if (dialog != NULL && dialog != not && gtk_widget_get_visible (GTK_WIDGET (dialog)))
        return dialog;
      plx_test_run_frames (20);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Hand Out Copies… asks for the coders and a folder; the copies come back
 * through Merge Projects…, which says what matches only by name and that
 * it cannot be undone, merges in the background and sums up. */
static void
test_hand_out_and_merge (Fixture       *fixture,
                         gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  g_autofree char *folder_path = g_build_filename (fixture->dir, "team", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  const char *coders[] = { "Anahit", "Leyla", NULL };
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkFileChooser *chooser = NULL;
  const char *body;

  tag (window, "Lead", 200, 260, 0);
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);

  /* The dialog: no folder until a name is given. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.hand-out", NULL));
  dialog = wait_for_message (window, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Hand Out Copies");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));
  box = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (box)), "Anahit, Leyla");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "choose"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_last_child (box)), TRUE);
  respond (dialog, "choose");
  for (int i = 0; i < 100 && (chooser = plx_test_file_chooser_over (window)) == NULL; i++)
    plx_test_run_frames (20);
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  plx_test_run_frames (50);

  plx_window_hand_out (window, folder, coders, TRUE);
  for (int i = 0; i < 500 && plx_test_busy_bar_shown (window); i++)
    plx_test_run_frames (20);
  g_assert_false (plx_test_busy_bar_shown (window));
  g_assert_null (plx_test_message_over (window));
  for (guint c = 0; c < 2; c++)
    {
      g_autofree char *path = plx_team_copy_path (plx_project_get_path (project), folder_path, coders[c]);
      g_autoptr(PlxProject) copy = plx_project_open (path, NULL);
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(PlxDocument) essay = NULL;
      g_autoptr(PlxPerspective) p = NULL;
      g_autoptr(PlxAnnotation) a = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_nonnull (copy);
      /* Blank: the lead's passage is not in it. */
      g_assert_cmpuint (plx_project_count_annotations (copy, NULL, NULL), ==, 0);
      documents = plx_project_list_documents (copy, &error);
      essay = plx_project_load_document (copy, plx_document_get_id (g_ptr_array_index (documents, 0)), &error);
      g_assert_no_error (error);
      p = g_list_model_get_item (plx_project_get_perspectives (copy), 1);
      a = plx_annotation_new_for_range (essay, 1000 + c * 100, 1040 + c * 100, plx_perspective_get_id (p), &error);
      plx_annotation_set_author (a, coders[c]);
      g_assert_true (plx_project_add_annotation (copy, a, &error));
      g_assert_no_error (error);
      g_list_store_append (files, file);
      /* Leyla renames "Western" and makes a "Western" of her own. */
      if (c == 1)
        {
          PlxPerspective *western = plx_project_find_perspective_by_name (copy, "Western");

          g_assert_true (plx_project_rename_perspective (copy, plx_perspective_get_id (western), "Western (old)", &error));
          g_assert_nonnull (plx_project_add_perspective (copy, "Western", "#117733", &error));
          g_assert_no_error (error);
        }
    }

  plx_window_merge_projects (window, G_LIST_MODEL (files));
  dialog = wait_for_message (window, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Merge Projects?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "2 copies"));
  g_assert_nonnull (strstr (body, "cannot be undone"));
  /* Leyla's own "Western" matches this project's by name alone: asked. */
  g_assert_nonnull (strstr (body, "only by name"));
  g_assert_nonnull (strstr (body, "• perspective “Western”"));
  respond (dialog, "merge");

  dialog = wait_for_message (window, dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Projects Merged");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "Added: 2\nUpdated: 0\nDeleted: 0\nConflicts: 0"));
  g_assert_nonnull (strstr (body, "test – Leyla.parallax: added 1"));
  respond (dialog, "close");
  g_assert_cmpuint (plx_project_count_annotations (project, NULL, NULL), ==, 3);
  {
    g_autoptr(PlxPerspective) second = g_list_model_get_item (plx_project_get_perspectives (project), 1);

    for (int i = 0; i < 100 && g_list_model_get_n_items (plx_window_get_panel_model (window, plx_perspective_get_id (second))) < 2; i++)
      plx_test_run_frames (20);
    g_assert_cmpuint (g_list_model_get_n_items (plx_window_get_panel_model (window, plx_perspective_get_id (second))), ==, 2);
  }
}

static guint
count_by (PlxProject *project,
          const char *author)
{
  g_autoptr(GPtrArray) all = plx_project_list_annotations (project, NULL, NULL);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += g_strcmp0 (plx_annotation_get_author (g_ptr_array_index (all, i)), author) == 0;
  return n;
}

/* Adjudicate…: a lane per coder and the curated layer in the map, the
 * disagreements listed, decided one after another with the keys'
 * actions, with progress, and undone. */
static void
test_adjudication (Fixture       *fixture,
                   gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  GListModel *toplevels = gtk_window_get_toplevels ();
  PlxAdjudicationWindow *adjudication = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *map;

  tag (window, "Anahit", 200, 260, 0);
  tag (window, "Leyla", 200, 260, 1);   /* another voice */
  tag (window, "Anahit", 400, 460, 0);  /* only Anahit */
  tag (window, "Leyla", 600, 640, 2);   /* only Leyla */
  plx_test_run_frames (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.adjudicate", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && adjudication == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (PLX_IS_ADJUDICATION_WINDOW (toplevel))
        adjudication = PLX_ADJUDICATION_WINDOW (toplevel);
    }
  g_assert_nonnull (adjudication);
  g_assert_false (plx_adjudication_window_start (adjudication, "Anahit", "Anahit", "Consensus", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (plx_adjudication_window_start (adjudication, "Anahit", "Leyla", "Consensus", &error));
  g_assert_no_error (error);
  plx_test_run_frames (100);
  map = plx_adjudication_window_get_map (adjudication);
  g_assert_cmpuint (plx_document_map_get_n_lanes (PLX_DOCUMENT_MAP (map)), ==, 3);
  g_assert_cmpstr (plx_adjudication_window_get_progress (adjudication), ==, "0 of 3 resolved");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (adjudication), "adjudication.take", "i", PLX_ADJUDICATION_TAKE_A));
  g_assert_cmpstr (plx_adjudication_window_get_progress (adjudication), ==, "1 of 3 resolved");
  g_assert_cmpuint (plx_adjudication_window_get_current (adjudication), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (adjudication), "adjudication.take", "i", PLX_ADJUDICATION_TAKE_NEITHER));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (adjudication), "adjudication.take", "i", PLX_ADJUDICATION_TAKE_B));
  g_assert_cmpstr (plx_adjudication_window_get_progress (adjudication), ==, "3 of 3 resolved");
  g_assert_cmpuint (count_by (project, "Consensus"), ==, 2);
  plx_test_run_frames (100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (adjudication), "adjudication.undo", NULL));
  g_assert_cmpstr (plx_adjudication_window_get_progress (adjudication), ==, "2 of 3 resolved");
  g_assert_cmpuint (count_by (project, "Consensus"), ==, 1);
  /* Moving by the arrows' action wraps around. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (adjudication), "adjudication.step", "i", 1));
  g_assert_cmpuint (plx_adjudication_window_get_current (adjudication), ==, 0);
  gtk_window_destroy (GTK_WINDOW (adjudication));
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/agreement-window/table", Fixture, NULL, fixture_set_up, test_agreement_table, fixture_tear_down);
  g_test_add ("/coders/layers-and-blind", Fixture, NULL, fixture_set_up, test_layers_and_blind, fixture_tear_down);
  g_test_add ("/coders/preferences-identity", Fixture, NULL, fixture_set_up, test_preferences_identity, fixture_tear_down);
  g_test_add ("/coders/hand-out-and-merge", Fixture, NULL, fixture_set_up, test_hand_out_and_merge, fixture_tear_down);
  g_test_add ("/coders/adjudication", Fixture, NULL, fixture_set_up, test_adjudication, fixture_tear_down);
  g_test_add ("/agreement-window/one-coder", Fixture, NULL, fixture_set_up, test_agreement_one_coder, fixture_tear_down);
  return g_test_run ();
}
