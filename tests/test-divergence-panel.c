/* test-divergence-panel.c: the Compare view's divergence panel: the same
 * numbers as the core on the same passages, measured in a worker; only
 * the passages it is given (hidden coders stay hidden); a theme asks for
 * its passages, a contested passage and a section of the line put the
 * caret there.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "plx-core.h"
#include "plx-divergence-panel.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"

#define DOCUMENT "# Title\n\nLead para.\n\n## One\n\nAlpha beta.\n\n## Two\n\nGamma delta.\n"

typedef struct {
  char               *dir;
  PlxProject         *project;
  PlxDocument        *document;
  PlxAnnotationList  *annotations;
  GtkWindow          *window;
  PlxDivergencePanel *panel;
  GArray             *offsets;    /* targets of win.scroll-to-offset */
  char               *theme;      /* the last theme-activated */
} Fixture;

static void
tag (Fixture            *fixture,
     guint               start,
     guint               end,
     guint               perspective,
     const char * const *themes)
{
  g_autoptr(PlxPerspective) p = g_list_model_get_item (plx_project_get_perspectives (fixture->project), perspective);
  g_autoptr(PlxAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;

  a = plx_annotation_new_for_range (fixture->document, start, end, plx_perspective_get_id (p), &error);
  g_assert_no_error (error);
  plx_annotation_set_themes (a, themes);
  g_assert_true (plx_project_add_annotation (fixture->project, a, &error));
  g_assert_no_error (error);
}

static void
scroll_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       data)
{
  Fixture *fixture = data;
  guint offset = g_variant_get_uint32 (parameter);

  g_array_append_val (fixture->offsets, offset);
}

static void
theme_cb (PlxDivergencePanel *panel,
          const char         *theme,
          Fixture            *fixture)
{
  g_free (fixture->theme);
  fixture->theme = g_strdup (theme);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *war[] = { "war", NULL }, *oil[] = { "oil", NULL }, *both[] = { "war", "oil", NULL };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) scroll = g_simple_action_new ("scroll-to-offset", G_VARIANT_TYPE_UINT32);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = plx_test_make_tempdir ();
  path = g_build_filename (fixture->dir, "panel.parallax", NULL);
  fixture->project = plx_project_create (path, &error);
  g_assert_no_error (error);
  fixture->document = plx_document_new_from_data (DOCUMENT, strlen (DOCUMENT), PLX_DOCUMENT_FORMAT_MARKDOWN, NULL,
                                                  &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, fixture->document, &error));
  g_assert_no_error (error);
  tag (fixture, 0, 10, 0, war);
  tag (fixture, 4, 16, 1, oil);
  tag (fixture, 21, 30, 1, both);
  tag (fixture, 37, 45, 2, oil);
  fixture->annotations = plx_annotation_list_new (fixture->project, plx_document_get_id (fixture->document), &error);
  g_assert_no_error (error);

  fixture->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (scroll, "activate", G_CALLBACK (scroll_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (scroll));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  fixture->panel = PLX_DIVERGENCE_PANEL (plx_divergence_panel_new ());
  g_signal_connect (fixture->panel, "theme-activated", G_CALLBACK (theme_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  gtk_window_present (fixture->window);
  plx_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  plx_test_iterate ();
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->annotations);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->project);
  g_array_unref (fixture->offsets);
  g_free (fixture->theme);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Updates the panel from @annotations and waits for its worker. */
static PlxDivergence *
measure (Fixture    *fixture,
         GListModel *annotations)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  PlxDivergence *before = plx_divergence_panel_get_divergence (fixture->panel);

  plx_divergence_panel_update (fixture->panel, fixture->document, plx_project_get_perspectives (fixture->project),
                               annotations);
  while (plx_divergence_panel_get_divergence (fixture->panel) == before)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  plx_test_iterate ();
  return plx_divergence_panel_get_divergence (fixture->panel);
}

/* The first descendant of @widget that is a button labelled @label, or
 * any flat button holding a box if @label is NULL (a contested passage). */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          (label != NULL ? g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0
                         : GTK_IS_BOX (gtk_button_get_child (GTK_BUTTON (child)))))
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_panel_matches_core (Fixture       *fixture,
                         gconstpointer  data)
{
  PlxDivergenceOptions options = { NULL, 0, TRUE, PLX_DIVERGENCE_DEFAULT_REPLICATES, PLX_DIVERGENCE_DEFAULT_SEED };
  g_autoptr(PlxDivergence) core = NULL;
  g_autoptr(GError) error = NULL;
  PlxDivergence *shown;

  shown = measure (fixture, G_LIST_MODEL (fixture->annotations));
  core = plx_divergence_compute (fixture->project, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->scopes->len, ==, core->scopes->len);
  for (guint s = 0; s < core->scopes->len; s++)
    {
      const PlxDivergenceScope *a = g_ptr_array_index (shown->scopes, s), *b = g_ptr_array_index (core->scopes, s);

      g_assert_cmpuint (a->n_pairs, ==, b->n_pairs);
      for (guint i = 0; i < a->n_pairs; i++)
        {
          g_assert_true ((isnan (a->pairs[i].jsd) && isnan (b->pairs[i].jsd)) || a->pairs[i].jsd == b->pairs[i].jsd);
          g_assert_true ((isnan (a->pairs[i].ci_low) && isnan (b->pairs[i].ci_low)) ||
                         a->pairs[i].ci_low == b->pairs[i].ci_low);
        }
    }
  /* Armenian {war} and Azerbaijani {oil} cross on [4, 10). */
  g_assert_cmpuint (shown->contested->len, ==, 1);
}

static void
test_panel_hidden_passages (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PlxPerspective) second = g_list_model_get_item (plx_project_get_perspectives (fixture->project), 1);
  gint64 hidden = plx_perspective_get_id (second);
  g_autoptr(GListStore) visible = g_list_store_new (PLX_TYPE_ANNOTATION);
  PlxDivergence *shown;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->annotations)); i++)
    {
      g_autoptr(PlxAnnotation) a = g_list_model_get_item (G_LIST_MODEL (fixture->annotations), i);

      if (plx_annotation_get_perspective_id (a) != hidden)
        g_list_store_append (visible, a);
    }
  shown = measure (fixture, G_LIST_MODEL (visible));
  g_assert_cmpfloat (((PlxDivergenceScope *) g_ptr_array_index (shown->scopes, 0))->weight[1], ==, 0);
  g_assert_cmpfloat (((PlxDivergenceScope *) g_ptr_array_index (shown->scopes, 0))->weight[0], ==, 10);
  g_assert_cmpuint (shown->contested->len, ==, 0);
}

static void
test_panel_leads_to_passages (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *button;

  measure (fixture, G_LIST_MODEL (fixture->annotations));
  button = find_button (GTK_WIDGET (fixture->panel), "oil");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (fixture->theme, ==, "oil");

  button = find_button (GTK_WIDGET (fixture->panel), NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  plx_test_iterate ();
  g_assert_cmpuint (fixture->offsets->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->offsets, guint, 0), ==, 4);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/divergence-panel/matches-core", Fixture, NULL, fixture_set_up, test_panel_matches_core,
              fixture_tear_down);
  g_test_add ("/divergence-panel/hidden-passages", Fixture, NULL, fixture_set_up, test_panel_hidden_passages,
              fixture_tear_down);
  g_test_add ("/divergence-panel/leads-to-passages", Fixture, NULL, fixture_set_up, test_panel_leads_to_passages,
              fixture_tear_down);
  return g_test_run ();
}
