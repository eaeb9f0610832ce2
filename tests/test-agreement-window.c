/* test-agreement-window.c: the Coder Agreement window, opened from the
 * main menu's action, measured in the background and read as a table.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-agreement-window.h"
#include "plx-core.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

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

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/agreement-window/table", Fixture, NULL, fixture_set_up, test_agreement_table, fixture_tear_down);
  g_test_add ("/agreement-window/one-coder", Fixture, NULL, fixture_set_up, test_agreement_one_coder, fixture_tear_down);
  return g_test_run ();
}
