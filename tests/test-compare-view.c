/* test-compare-view.c: the Compare view over a seeded project: the cells'
 * passages and counts, clicking one, sorting, filtering, recomputing after
 * changes, exports; and the document map's buckets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-compare-view.h"
#include "plx-core.h"
#include "plx-document-map.h"
#include "plx-heat-map.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"

/* The same small essay as test-statistics.c: sections "Title" [0,17),
 * "One" [17,33), "Two" [33,49). */
#define DOCUMENT "# Title\n\nLead para.\n\n## One\n\nAlpha beta.\n\n## Two\n\nGamma delta.\n"

enum { ARM, AZE, WES, RUS, N_PERSPECTIVES };

static const struct {
  guint       start;
  guint       end;
  guint       perspective;
  const char *themes[3];
  const char *note;
} passages[] = {
  { 0, 10, ARM, { "war", "history" }, "first" },
  { 6, 16, ARM, { "war" }, "" },
  { 21, 26, ARM, { NULL }, "no theme" },
  { 8, 20, AZE, { "war" }, "crosses" },
  { 37, 42, AZE, { "oil" }, "gamma" },
  { 24, 30, WES, { "oil", "history" }, "" },
  { 40, 49, RUS, { "oil" }, "" },
};

typedef struct {
  char              *dir;
  PlxProject        *project;
  PlxDocument       *document;
  PlxAnnotationList *annotations;
  gint64             ids[N_PERSPECTIVES];
  GtkWindow         *window;
  PlxCompareView    *view;
  GPtrArray         *revealed;   /* targets of win.reveal-annotation */
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
reveal_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       data)
{
  Fixture *fixture = data;

  g_ptr_array_add (fixture->revealed, g_variant_dup_string (parameter, NULL));
}

static PlxAnnotation *
add_passage (Fixture            *fixture,
             guint               start,
             guint               end,
             guint               perspective,
             const char * const *themes,
             const char         *note)
{
  g_autoptr(GError) error = NULL;
  PlxAnnotation *annotation = plx_annotation_new_for_range (fixture->document, start, end,
                                                            fixture->ids[perspective], &error);

  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, themes);
  plx_annotation_set_note (annotation, note);
  g_assert_true (plx_project_add_annotation (fixture->project, annotation, &error));
  g_assert_no_error (error);
  return annotation;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) reveal = g_simple_action_new ("reveal-annotation", G_VARIANT_TYPE_STRING);
  GListModel *perspectives;

  fixture->dir = plx_test_make_tempdir ();
  path = g_build_filename (fixture->dir, "compare.parallax", NULL);
  fixture->project = plx_project_create (path, &error);
  g_assert_no_error (error);
  perspectives = plx_project_get_perspectives (fixture->project);
  for (guint p = 0; p < N_PERSPECTIVES; p++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, p);
      fixture->ids[p] = plx_perspective_get_id (perspective);
    }

  fixture->document = plx_document_new_from_data (DOCUMENT, strlen (DOCUMENT), PLX_DOCUMENT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, fixture->document, &error));
  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    g_object_unref (add_passage (fixture, passages[i].start, passages[i].end, passages[i].perspective,
                                 passages[i].themes, passages[i].note));
  fixture->annotations = plx_annotation_list_new (fixture->project, plx_document_get_id (fixture->document), &error);
  g_assert_no_error (error);

  /* Stand-in for PlxWindow's "win" actions. */
  fixture->revealed = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (reveal, "activate", G_CALLBACK (reveal_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (reveal));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 1000, 800);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  fixture->view = PLX_COMPARE_VIEW (plx_compare_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  plx_compare_view_set_model (fixture->view, fixture->project, fixture->document, G_LIST_MODEL (fixture->annotations));
  gtk_window_present (fixture->window);
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  iterate ();
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->annotations);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->project);
  g_clear_pointer (&fixture->revealed, g_ptr_array_unref);
  plx_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* The cell's count label, and its passage buttons' UUIDs and quotes. */
static const char *
cell_count (GtkWidget *cell)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (cell)));
}

static GPtrArray *
cell_buttons (GtkWidget *cell)
{
  GPtrArray *buttons = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_next_sibling (gtk_widget_get_first_child (cell));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) != NULL)
      g_ptr_array_add (buttons, child);
  return buttons;
}

static const char *
button_quote (GtkWidget *button)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

static const char *
button_note (GtkWidget *button)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *note = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  return note ? gtk_label_get_text (GTK_LABEL (note)) : NULL;
}

static const char *
button_uuid (GtkWidget *button)
{
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.reveal-annotation");
  return g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL);
}

static const char *
uuid_at (Fixture *fixture,
         guint    start,
         guint    perspective)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->annotations)); i++)
    {
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (fixture->annotations), i);

      if (plx_annotation_get_start (annotation) == start &&
          plx_annotation_get_perspective_id (annotation) == fixture->ids[perspective])
        return plx_annotation_get_uuid (plx_annotation_list_find (fixture->annotations, plx_annotation_get_uuid (annotation)));
    }
  g_assert_not_reached ();
  return NULL;
}

static void
assert_rows (PlxCompareView     *view,
             const char * const *expected)
{
  g_auto(GStrv) rows = plx_compare_view_dup_row_themes (view);
  g_autofree char *got = g_strjoinv ("|", rows);
  g_autofree char *want = g_strjoinv ("|", (char **) expected);

  g_assert_cmpstr (got, ==, want);
}

static void
test_compare_cells (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *cell;
  g_autoptr(GPtrArray) buttons = NULL;

  g_assert_nonnull (plx_compare_view_get_statistics (fixture->view));
  g_assert_cmpuint (plx_statistics_get_n_passages (plx_compare_view_get_statistics (fixture->view)), ==, 7);

  /* war × Armenian: two passages in document order, quotes and notes. */
  cell = plx_compare_view_get_cell (fixture->view, "war", fixture->ids[ARM]);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_count (cell), ==, "2 passages");
  buttons = cell_buttons (cell);
  g_assert_cmpuint (buttons->len, ==, 2);
  g_assert_cmpstr (button_quote (buttons->pdata[0]), ==, "Title\nLead");
  g_assert_cmpstr (button_note (buttons->pdata[0]), ==, "first");
  g_assert_cmpstr (button_uuid (buttons->pdata[0]), ==, uuid_at (fixture, 0, ARM));
  g_assert_cmpstr (button_quote (buttons->pdata[1]), ==, "Lead para.");
  g_assert_null (button_note (buttons->pdata[1]));
  g_assert_cmpstr (button_uuid (buttons->pdata[1]), ==, uuid_at (fixture, 6, ARM));
  g_clear_pointer (&buttons, g_ptr_array_unref);

  /* war × Azerbaijani: one; war × Western: none. */
  cell = plx_compare_view_get_cell (fixture->view, "war", fixture->ids[AZE]);
  g_assert_cmpstr (cell_count (cell), ==, "1 passage");
  buttons = cell_buttons (cell);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (button_quote (buttons->pdata[0]), ==, "ad para.\nOne");
  g_clear_pointer (&buttons, g_ptr_array_unref);
  cell = plx_compare_view_get_cell (fixture->view, "war", fixture->ids[WES]);
  g_assert_cmpstr (cell_count (cell), ==, "—");
  buttons = cell_buttons (cell);
  g_assert_cmpuint (buttons->len, ==, 0);
  g_clear_pointer (&buttons, g_ptr_array_unref);

  /* oil: one each for three perspectives. */
  cell = plx_compare_view_get_cell (fixture->view, "oil", fixture->ids[RUS]);
  buttons = cell_buttons (cell);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (button_quote (buttons->pdata[0]), ==, "ma delta.");
  g_clear_pointer (&buttons, g_ptr_array_unref);

  /* The untagged Armenian passage has a row of its own. */
  cell = plx_compare_view_get_cell (fixture->view, "", fixture->ids[ARM]);
  buttons = cell_buttons (cell);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (button_quote (buttons->pdata[0]), ==, "Alpha");
  g_assert_cmpstr (button_note (buttons->pdata[0]), ==, "no theme");

  /* Clicking a passage asks the window to reveal it. */
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  iterate ();
  g_assert_cmpuint (fixture->revealed->len, ==, 1);
  g_assert_cmpstr (fixture->revealed->pdata[0], ==, uuid_at (fixture, 21, ARM));
}

static void
test_compare_sort_filter (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *cell;
  g_autoptr(GPtrArray) buttons = NULL;

  /* By total: oil 3, war 3 (ties by name), history 2; no theme last. */
  assert_rows (fixture->view, (const char *[]) { "oil", "war", "history", "", NULL });
  plx_compare_view_set_sort (fixture->view, PLX_COMPARE_SORT_DISAGREEMENT);
  /* war 2/3 Armenian, history 1/2, oil 1/3. */
  assert_rows (fixture->view, (const char *[]) { "war", "history", "oil", "", NULL });
  plx_compare_view_set_sort (fixture->view, PLX_COMPARE_SORT_NAME);
  assert_rows (fixture->view, (const char *[]) { "history", "oil", "war", "", NULL });

  /* A theme's name keeps its whole row. */
  plx_compare_view_set_filter (fixture->view, "WAR");
  assert_rows (fixture->view, (const char *[]) { "war", NULL });
  g_assert_null (plx_compare_view_get_cell (fixture->view, "oil", fixture->ids[AZE]));

  /* Otherwise rows keep only matching passages: "gamma" is a note. */
  plx_compare_view_set_filter (fixture->view, "gamma");
  assert_rows (fixture->view, (const char *[]) { "oil", NULL });
  cell = plx_compare_view_get_cell (fixture->view, "oil", fixture->ids[AZE]);
  g_assert_cmpstr (cell_count (cell), ==, "1 passage");
  cell = plx_compare_view_get_cell (fixture->view, "oil", fixture->ids[WES]);
  g_assert_cmpstr (cell_count (cell), ==, "0 of 1 passage");
  buttons = cell_buttons (cell);
  g_assert_cmpuint (buttons->len, ==, 0);

  plx_compare_view_set_filter (fixture->view, NULL);
  assert_rows (fixture->view, (const char *[]) { "history", "oil", "war", "", NULL });
}

static void
statistics_notified_cb (GObject    *object,
                        GParamSpec *pspec,
                        gboolean   *notified)
{
  *notified = TRUE;
}

static void
test_compare_follows_changes (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *peace[] = { "peace", NULL };
  PlxStatistics *before = plx_compare_view_get_statistics (fixture->view);
  gboolean notified = FALSE;
  gint64 deadline;
  GtkWidget *cell, *more;
  g_autoptr(GPtrArray) buttons = NULL;

  g_signal_connect (fixture->view, "notify::statistics", G_CALLBACK (statistics_notified_cb), &notified);

  /* Seven passages at once: one recomputation, after the pause. */
  for (guint i = 0; i < 7; i++)
    g_object_unref (add_passage (fixture, 37 + i, 39 + i, AZE, peace, ""));
  g_assert_true (plx_compare_view_get_statistics (fixture->view) == before);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!notified && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (notified);
  g_assert_cmpuint (plx_statistics_get_n_passages (plx_compare_view_get_statistics (fixture->view)), ==, 14);

  /* At most five passages until the cell is opened. */
  assert_rows (fixture->view, (const char *[]) { "peace", "oil", "war", "history", "", NULL });
  cell = plx_compare_view_get_cell (fixture->view, "peace", fixture->ids[AZE]);
  g_assert_cmpstr (cell_count (cell), ==, "7 passages");
  buttons = cell_buttons (cell);
  g_assert_cmpuint (buttons->len, ==, PLX_COMPARE_VIEW_CELL_LIMIT);
  more = gtk_widget_get_last_child (cell);
  g_assert_true (GTK_IS_BUTTON (more));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, "Show 2 More");
  g_signal_emit_by_name (more, "clicked");
  g_clear_pointer (&buttons, g_ptr_array_unref);
  cell = plx_compare_view_get_cell (fixture->view, "peace", fixture->ids[AZE]);
  buttons = cell_buttons (cell);
  g_assert_cmpuint (buttons->len, ==, 7);
}


/* Codebook operations go through the core, as the sidebar's do. */
static const char *
theme_uuid (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxTheme) found = plx_project_find_theme (fixture->project, name, &error);

  g_assert_no_error (error);
  return g_intern_string (plx_theme_get_uuid (found));
}

static void
apply_changes (Fixture      *fixture,
               PlxChangeSet *changes,
               GError       *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (changes);
  g_assert_true (plx_project_apply (fixture->project, changes, &error));
  g_assert_no_error (error);
  g_object_unref (changes);
}

/* Waits for the view to recompute after a committed change. */
static void
wait_recomputed (Fixture *fixture)
{
  gboolean notified = FALSE;
  gulong handler = g_signal_connect (fixture->view, "notify::statistics", G_CALLBACK (statistics_notified_cb), &notified);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!notified && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (fixture->view, handler);
  g_assert_true (notified);
}

static void
assert_cell (Fixture    *fixture,
             const char *theme,
             guint       perspective,
             const char *count,
             guint       n_buttons)
{
  GtkWidget *cell = plx_compare_view_get_cell (fixture->view, theme, fixture->ids[perspective]);
  g_autoptr(GPtrArray) buttons = NULL;

  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_count (cell), ==, count);
  buttons = cell_buttons (cell);
  g_assert_cmpuint (buttons->len, ==, n_buttons);
}

/* Activates @theme's disclosure button as Space or Enter would, and waits
 * for the button's press to end in "clicked". */
static void
activate_expander (PlxThemeMatrix *matrix,
                   const char     *theme)
{
  gboolean before = plx_theme_matrix_get_expanded (matrix, theme);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate (plx_theme_matrix_get_expander (matrix, theme)));
  while (plx_theme_matrix_get_expanded (matrix, theme) == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (plx_theme_matrix_get_expanded (matrix, theme) != before);
}

/* "war" and "history" under a new "conflict": its row counts their
 * passages once each (the first Armenian passage carries both), opens and
 * closes, and follows a theme moved under "oil". By hand, from passages[]:
 * conflict = ARM {0, 6}, AZE {8}, WES {24}; oil = AZE {37}, WES {24}, RUS {40}. */
static void
test_compare_rollup (Fixture       *fixture,
                     gconstpointer  data)
{
  PlxThemeMatrix *matrix = plx_compare_view_get_matrix (fixture->view);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxTheme) conflict = NULL;
  GtkWidget *expander, *header;
  PlxChangeSet *changes;
  const char *want;

  changes = plx_theme_changes_create (fixture->project, "conflict", NULL, "Armed conflict", &conflict, &error);
  apply_changes (fixture, changes, error);
  apply_changes (fixture, plx_theme_changes_move (fixture->project, theme_uuid (fixture, "war"),
                                                  plx_theme_get_uuid (conflict), &error), error);
  apply_changes (fixture, plx_theme_changes_move (fixture->project, theme_uuid (fixture, "history"),
                                                  plx_theme_get_uuid (conflict), &error), error);
  wait_recomputed (fixture);

  /* Open one level by default, children by total under their parent. */
  assert_rows (fixture->view, (const char *[]) { "conflict", "war", "history", "oil", "", NULL });
  assert_cell (fixture, "conflict", ARM, "2 passages", 2);
  assert_cell (fixture, "conflict", AZE, "1 passage", 1);
  assert_cell (fixture, "conflict", WES, "1 passage", 1);
  assert_cell (fixture, "conflict", RUS, "—", 0);
  assert_cell (fixture, "war", ARM, "2 passages", 2);
  assert_cell (fixture, "history", ARM, "1 passage", 1);
  assert_cell (fixture, "history", WES, "1 passage", 1);
  header = gtk_grid_get_child_at (GTK_GRID (matrix), 0, 1);
  gtk_test_accessible_assert_role (header, GTK_ACCESSIBLE_ROLE_ROW_HEADER);
  want = "conflict, 4 passages, 50% Armenian";
  gtk_test_accessible_assert_property (header, GTK_ACCESSIBLE_PROPERTY_LABEL, want);
  gtk_test_accessible_assert_property (header, GTK_ACCESSIBLE_PROPERTY_LEVEL, 1);
  header = gtk_grid_get_child_at (GTK_GRID (matrix), 0, 2);
  gtk_test_accessible_assert_role (header, GTK_ACCESSIBLE_ROLE_ROW_HEADER);
  gtk_test_accessible_assert_property (header, GTK_ACCESSIBLE_PROPERTY_LEVEL, 2);
  want = "war, 3 passages, 67% Armenian";
  gtk_test_accessible_assert_property (header, GTK_ACCESSIBLE_PROPERTY_LABEL, want);
  /* A theme alone at the top looks as without a codebook. */
  g_assert_null (plx_theme_matrix_get_expander (matrix, "oil"));
  g_assert_null (plx_theme_matrix_get_expander (matrix, "war"));

  /* The disclosure button: a button (Space and Enter), named, with its state. */
  expander = plx_theme_matrix_get_expander (matrix, "conflict");
  g_assert_true (GTK_IS_BUTTON (expander));
  g_assert_true (gtk_widget_get_focusable (expander) || gtk_widget_get_can_focus (expander));
  gtk_test_accessible_assert_property (expander, GTK_ACCESSIBLE_PROPERTY_LABEL, "Collapse conflict");
  gtk_test_accessible_assert_state (expander, GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  g_assert_true (plx_theme_matrix_get_expanded (matrix, "conflict"));
  activate_expander (matrix, "conflict");
  assert_rows (fixture->view, (const char *[]) { "conflict", "oil", "", NULL });
  g_assert_false (plx_theme_matrix_get_expanded (matrix, "conflict"));
  expander = plx_theme_matrix_get_expander (matrix, "conflict");
  gtk_test_accessible_assert_property (expander, GTK_ACCESSIBLE_PROPERTY_LABEL, "Expand conflict");
  gtk_test_accessible_assert_state (expander, GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
  assert_cell (fixture, "conflict", ARM, "2 passages", 2);   /* still rolled up */
  g_assert_null (plx_compare_view_get_cell (fixture->view, "war", fixture->ids[ARM]));
  activate_expander (matrix, "conflict");
  assert_rows (fixture->view, (const char *[]) { "conflict", "war", "history", "oil", "", NULL });

  /* − closes and + opens, as in a tree; the button keeps the focus. */
  {
    g_autoptr(GListModel) controllers = NULL;
    gboolean handled = FALSE;

    expander = plx_theme_matrix_get_expander (matrix, "conflict");
    gtk_widget_grab_focus (expander);
    controllers = gtk_widget_observe_controllers (expander);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          {
            g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_minus, 0, 0, &handled);
            break;
          }
      }
    g_assert_true (handled);
    assert_rows (fixture->view, (const char *[]) { "conflict", "oil", "", NULL });
    expander = plx_theme_matrix_get_expander (matrix, "conflict");
    g_assert_true (gtk_widget_has_focus (expander));
    g_clear_object (&controllers);
    controllers = gtk_widget_observe_controllers (expander);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_KP_Add, 0, 0, &handled);
      }
    assert_rows (fixture->view, (const char *[]) { "conflict", "war", "history", "oil", "", NULL });
  }

  /* The filter opens what it finds under a closed row. */
  plx_theme_matrix_set_expanded (matrix, "conflict", FALSE);
  plx_compare_view_set_filter (fixture->view, "hist");
  assert_rows (fixture->view, (const char *[]) { "conflict", "history", NULL });
  plx_compare_view_set_filter (fixture->view, NULL);
  plx_theme_matrix_set_expanded (matrix, "conflict", TRUE);

  /* "history" moved under "oil": oil gains the Armenian passage at 0. */
  apply_changes (fixture, plx_theme_changes_move (fixture->project, theme_uuid (fixture, "history"),
                                                  theme_uuid (fixture, "oil"), &error), error);
  wait_recomputed (fixture);
  assert_rows (fixture->view, (const char *[]) { "oil", "history", "conflict", "war", "", NULL });
  assert_cell (fixture, "oil", ARM, "1 passage", 1);
  assert_cell (fixture, "oil", AZE, "1 passage", 1);
  assert_cell (fixture, "oil", WES, "1 passage", 1);   /* tagged oil and history: once */
  assert_cell (fixture, "oil", RUS, "1 passage", 1);
  assert_cell (fixture, "conflict", ARM, "2 passages", 2);
  assert_cell (fixture, "conflict", WES, "—", 0);
  g_assert_null (plx_theme_matrix_get_expander (matrix, "history"));
  g_assert_nonnull (plx_theme_matrix_get_expander (matrix, "oil"));
}

static gboolean
is_png (const char *path,
        int         width,
        int         height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);

  g_assert_no_error (error);
  return gdk_texture_get_width (texture) == width && gdk_texture_get_height (texture) == height;
}

static void
test_compare_export (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (fixture->dir, "themes.csv", NULL);
  g_autofree char *map_path = g_build_filename (fixture->dir, "map.png", NULL);
  g_autofree char *heat_path = g_build_filename (fixture->dir, "heat.png", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) map = g_file_new_for_path (map_path);
  g_autoptr(GFile) heat = g_file_new_for_path (heat_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(PlxChart) chart = NULL;

  g_assert_true (plx_compare_view_export_table (fixture->view, PLX_STATISTICS_TABLE_THEMES, csv, &error));
  g_assert_no_error (error);
  contents = plx_test_read_file (csv_path, NULL);
  g_assert_true (g_str_has_prefix (contents, "theme,total,dominance,dominant,Armenian,Azerbaijani,Western,Russian\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nwar,3,0.6667,Armenian,2,1,0,0\r\n"));
  /* And the "No theme" row, with an empty theme. */
  g_assert_true (g_str_has_suffix (contents, "\r\n,1,1.0000,Armenian,1,0,0,0\r\n"));

  /* Issue 18, item 11: the map stands alone: 1600 pixels of map with the
   * lanes' names to its left, a title and legend above, an axis below. */
  chart = plx_compare_view_build_map_chart (fixture->view);
  g_assert_cmpfloat (chart->plot.size.width, ==, 1600);
  g_assert_cmpfloat (chart->plot.size.height, ==, 4 * 25 + 4);
  g_assert_cmpfloat (chart->plot.origin.x, >, 16 + 40);     /* a label column */
  g_assert_cmpfloat (chart->plot.origin.y, >, 16 + 40);     /* title and legend */
  g_assert_cmpint (chart->width, ==, (int) chart->plot.origin.x + 1600 + 16);
  g_assert_cmpint (chart->height, >, (int) (chart->plot.origin.y + chart->plot.size.height) + 30);   /* the axis */
  g_assert_true (plx_compare_view_export_map_png (fixture->view, map, &error));
  g_assert_no_error (error);
  g_assert_true (is_png (map_path, chart->width, chart->height));

  /* Header row plus three sections, 32 pixels each; a label column plus
   * four perspective columns, each at least as wide as on screen. */
  g_assert_true (plx_compare_view_export_heat_map_png (fixture->view, heat, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (heat_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 220 + 4 * 106);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 4 * 32);
  g_clear_object (&texture);

  /* The first lane is Armenian orange where [0,10) lies (offset 5, x 163
   * of the map) and only the faint track where it has nothing (offset 33,
   * x 1077). Downloads are premultiplied BGRA in memory on little-endian. */
  texture = gdk_texture_new_from_filename (map_path, &error);
  g_assert_no_error (error);
  {
    gsize stride = (gsize) chart->width * 4;
    g_autofree guchar *pixels = g_malloc (stride * chart->height);
    gsize x = (gsize) chart->plot.origin.x, y = (gsize) chart->plot.origin.y;
    const guchar *tagged, *blank;

    gdk_texture_download (texture, pixels, stride);
    tagged = pixels + (y + 12) * stride + (x + 163) * 4;
    blank = pixels + (y + 12) * stride + (x + 1077) * 4;
    g_assert_cmpuint (tagged[2], >, 200);   /* red */
    g_assert_cmpuint (tagged[0], <, 170);   /* blue */
    g_assert_cmpuint (blank[0], >, 200);
    g_assert_cmpuint (blank[2], >, 200);
  }
}

static gboolean
has_label (GPtrArray  *labels,
           const char *text,
           guint       times)
{
  guint found = 0;

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (pango_layout_get_text (g_ptr_array_index (labels, i)), text) == 0)
      found++;
  return found >= times;
}

/* No text in an exported image is cut with "…"; names not meant to wrap
 * stay on one line. */
static void
assert_whole (GPtrArray *labels)
{
  for (guint i = 0; i < labels->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (labels, i);

      g_test_message ("label \"%s\": %d lines", pango_layout_get_text (layout), pango_layout_get_line_count (layout));
      g_assert_false (pango_layout_is_ellipsized (layout));
    }
}

/* Issue 18, item 11: what the exported document map and heat map say:
 * the document's title, each perspective (a lane label and a legend
 * entry), the axis in tenths of the text, and section names whole however
 * long, the label column widened or, past a limit, the names wrapped. */
static void
test_compare_export_labels (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char long_text[] =
    "# Essay\n\nLead.\n\n"
    "## A rather long section heading that the table used to cut short\n\nAlpha beta gamma.\n\n"
    "## An extraordinarily long section heading, of the kind some reports have, that runs on and on "
    "past any column an image could sensibly give it, so it has to wrap\n\nDelta epsilon.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) document = plx_document_new_from_data (long_text, strlen (long_text), PLX_DOCUMENT_FORMAT_MARKDOWN, NULL, &error);
  g_autoptr(PlxAnnotationList) annotations = NULL;
  g_autoptr(PlxChart) chart = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GskRenderNode) node = NULL;
  GListModel *perspectives = plx_project_get_perspectives (fixture->project);
  PlxHeatMap *heat_map;
  PlxStatistics *stats;
  int width, height;

  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, document, &error));
  g_assert_no_error (error);
  annotations = plx_annotation_list_new (fixture->project, plx_document_get_id (document), &error);
  g_assert_no_error (error);
  plx_compare_view_set_model (fixture->view, fixture->project, document, G_LIST_MODEL (annotations));
  plx_compare_view_refresh (fixture->view);
  stats = plx_compare_view_get_statistics (fixture->view);
  g_assert_cmpuint (plx_statistics_get_n_sections (stats), ==, 3);

  chart = plx_compare_view_build_map_chart (fixture->view);
  assert_whole (chart->labels);
  g_assert_true (has_label (chart->labels, plx_document_get_title (document), 1));
  for (guint p = 0; p < g_list_model_get_n_items (perspectives); p++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, p);

      g_assert_true (has_label (chart->labels, plx_perspective_get_name (perspective), 2));
    }
  g_assert_true (has_label (chart->labels, "0%", 1));
  g_assert_true (has_label (chart->labels, "50%", 1));
  g_assert_true (has_label (chart->labels, "100%", 1));

  heat_map = PLX_HEAT_MAP (gtk_widget_get_template_child (GTK_WIDGET (fixture->view), PLX_TYPE_COMPARE_VIEW, "heat_map"));
  node = plx_heat_map_render (heat_map, &width, &height, labels);
  assert_whole (labels);
  for (guint s = 0; s < 3; s++)
    g_assert_true (has_label (labels, plx_statistics_get_section_title (stats, s), 1));
  /* The second heading fits on one line in a wider column; the third
   * wraps, and every row is as high as its lines. */
  for (guint i = 0; i < labels->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (labels, i);
      const char *text = pango_layout_get_text (layout);

      if (g_str_has_prefix (text, "A rather long"))
        g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
      else if (g_str_has_prefix (text, "An extraordinarily"))
        g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
    }
  g_assert_cmpint (width, >, 220 + 4 * 106);
  g_assert_cmpint (height, >, 4 * 32);
}

/* The buckets a map keeps up to date passage by passage are the ones it
 * computes from scratch. */
static void
assert_buckets_as_rebuilt (PlxDocumentMap *map,
                           Fixture        *fixture)
{
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));
  guint lanes = plx_document_map_get_n_lanes (map);
  guint n = 0;

  for (guint lane = 0; lane < lanes; lane++)
    {
      const guint *buckets = plx_document_map_get_buckets (map, lane, &n);
      g_array_append_vals (kept, buckets, n);
    }
  plx_document_map_set_model (map, fixture->document, plx_project_get_perspectives (fixture->project),
                              G_LIST_MODEL (fixture->annotations));
  for (guint lane = 0; lane < lanes; lane++)
    {
      const guint *buckets = plx_document_map_get_buckets (map, lane, &n);
      g_assert_cmpmem (buckets, n * sizeof (guint), &g_array_index (kept, guint, lane * n), n * sizeof (guint));
    }
}

static void
test_document_map_buckets (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  PlxDocumentMap *map = PLX_DOCUMENT_MAP (plx_document_map_new ());
  guint length = plx_document_get_length (fixture->document);
  const guint *buckets;
  guint n;

  g_object_ref_sink (window);
  plx_document_map_set_model (map, fixture->document, plx_project_get_perspectives (fixture->project),
                              G_LIST_MODEL (fixture->annotations));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  g_assert_cmpuint (plx_document_map_get_n_lanes (map), ==, N_PERSPECTIVES);
  buckets = plx_document_map_get_buckets (map, ARM, &n);
  g_assert_cmpuint (n, ==, (guint) gtk_widget_get_height (GTK_WIDGET (map)));
  g_assert_cmpuint (n, >=, 24);

#define ROW(offset) ((guint) (((offset) + 0.5) * n / length))
  /* Armenian: [0,10) and [6,16) overlap on 6–9; [21,26) alone. */
  g_assert_cmpuint (buckets[ROW (2)], ==, 1);
  g_assert_cmpuint (buckets[ROW (8)], ==, 2);
  g_assert_cmpuint (buckets[ROW (18)], ==, 0);
  g_assert_cmpuint (buckets[ROW (23)], ==, 1);
  g_assert_cmpuint (buckets[ROW (45)], ==, 0);
  buckets = plx_document_map_get_buckets (map, AZE, &n);
  g_assert_cmpuint (buckets[ROW (2)], ==, 0);
  g_assert_cmpuint (buckets[ROW (18)], ==, 1);
  g_assert_cmpuint (buckets[ROW (39)], ==, 1);
  buckets = plx_document_map_get_buckets (map, RUS, &n);
  g_assert_cmpuint (buckets[ROW (45)], ==, 1);
  g_assert_cmpuint (buckets[ROW (30)], ==, 0);

  /* A new passage shows without a new model (added to the spans read
   * before), and goes when it is deleted (the spans read again). */
  {
    const char *none[] = { NULL };
    g_autoptr(PlxAnnotation) added = add_passage (fixture, 28, 32, RUS, none, "");
    g_autoptr(GError) error = NULL;

    buckets = plx_document_map_get_buckets (map, RUS, &n);
    g_assert_cmpuint (buckets[ROW (30)], ==, 1);
    g_assert_cmpuint (buckets[ROW (45)], ==, 1);
    g_object_unref (add_passage (fixture, 5, 31, AZE, none, ""));
    assert_buckets_as_rebuilt (map, fixture);
    g_assert_true (plx_project_delete_annotation (fixture->project, plx_annotation_get_uuid (added), &error));
    g_assert_no_error (error);
    buckets = plx_document_map_get_buckets (map, RUS, &n);
    g_assert_cmpuint (buckets[ROW (30)], ==, 0);
    g_assert_cmpuint (buckets[ROW (45)], ==, 1);
  }
#undef ROW

  g_assert_cmpuint (plx_document_map_offset_at (map, 0), ==, 0);
  g_assert_cmpuint (plx_document_map_offset_at (map, n / 2.0), ==, length / 2);
  g_assert_cmpuint (plx_document_map_offset_at (map, n + 50), ==, length - 1);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_object_unref (window);
}

/* 20,000 passages: the buckets take a few milliseconds, once. */
static void
test_document_map_many (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GListStore) store = g_list_store_new (PLX_TYPE_ANNOTATION);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *window = gtk_window_new ();
  PlxDocumentMap *map = PLX_DOCUMENT_MAP (plx_document_map_new ());
  guint length = plx_document_get_length (fixture->document);
  const guint *buckets;
  guint n, total = 0;
  gint64 begin;
  double elapsed;

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GError) error = NULL;
      guint start = i % (length - 1);
      PlxAnnotation *annotation = plx_annotation_new_for_range (fixture->document, start, start + 1,
                                                                 fixture->ids[i % N_PERSPECTIVES], &error);
      g_assert_no_error (error);
      g_ptr_array_add (batch, annotation);
    }
  g_list_store_splice (store, 0, 0, batch->pdata, batch->len);

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 100, 600);
  plx_document_map_set_model (map, fixture->document, plx_project_get_perspectives (fixture->project),
                              G_LIST_MODEL (store));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* A change re-reads the spans and re-bins them once, not per frame. */
  g_list_store_remove (store, 0);
  begin = g_get_monotonic_time ();
  buckets = plx_document_map_get_buckets (map, 0, &n);
  elapsed = (g_get_monotonic_time () - begin) / 1000.0;
  g_test_message ("document map of 20000 passages rebuilt in %.1f ms", elapsed);
  g_assert_cmpfloat (elapsed, <, 100.0);
  for (guint row = 0; row < n; row++)
    total = MAX (total, buckets[row]);
  g_assert_cmpuint (total, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_object_unref (window);
}

/* Issue 18, item 2: turning the wheel with the pointer over the matrix or
 * the heat map (each in a scrolled window of its own, which only scrolls
 * sideways) scrolls the view down and back up; sideways, the table itself
 * still scrolls. */
static void
test_compare_wheel (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *matrix = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->view), PLX_TYPE_COMPARE_VIEW, "matrix"));
  GtkWidget *heat_map = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->view), PLX_TYPE_COMPARE_VIEW, "heat_map"));
  GtkWidget *summary = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->view), PLX_TYPE_COMPARE_VIEW, "summary_label"));
  GtkWidget *content = gtk_widget_get_parent (summary);
  GtkScrolledWindow *outer = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (content, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (outer);
  GtkWidget *widgets[] = { matrix, heat_map };

  /* Short enough that the view scrolls, tall enough to show the matrix. */
  gtk_window_set_default_size (fixture->window, 1000, 420);
  for (int i = 0; i < 100 && gtk_adjustment_get_upper (vadjustment) <= gtk_adjustment_get_page_size (vadjustment) + 100; i++)
    plx_test_run_frames (20);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment) + 100);

  for (guint w = 0; w < G_N_ELEMENTS (widgets); w++)
    {
      GtkScrolledWindow *inner = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widgets[w], GTK_TYPE_SCROLLED_WINDOW));
      graphene_rect_t bounds;
      double before;

      /* Bring the table into view, its middle inside the view's page. */
      g_assert_true (gtk_widget_compute_bounds (widgets[w], content, &bounds));
      gtk_adjustment_set_value (vadjustment, bounds.origin.y + bounds.size.height / 2 - gtk_adjustment_get_page_size (vadjustment) / 2);
      plx_test_run_frames (50);
      before = gtk_adjustment_get_value (vadjustment);
      g_assert_cmpfloat (before, <, gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment));

      g_assert_nonnull (plx_test_wheel (widgets[w], 0, 1));
      g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, before);
      g_assert_nonnull (plx_test_wheel (widgets[w], 0, -1));
      g_assert_cmpfloat (ABS (gtk_adjustment_get_value (vadjustment) - before), <, 1);

      /* Sideways, when the table is wider than the view, it scrolls. */
      gtk_window_set_default_size (fixture->window, 300, 420);
      plx_test_run_frames (100);
      {
        GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (inner);
        double vbefore = gtk_adjustment_get_value (vadjustment);

        if (gtk_adjustment_get_upper (hadjustment) > gtk_adjustment_get_page_size (hadjustment))
          {
            gtk_adjustment_set_value (hadjustment, 0);
            g_assert_nonnull (plx_test_wheel (widgets[w], 1, 0));
            g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);
            g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, vbefore);
          }
      }
      gtk_window_set_default_size (fixture->window, 1000, 420);
      plx_test_run_frames (100);
    }
}

static void
collect_level_bars (GtkWidget *widget,
                    GPtrArray *bars)
{
  if (GTK_IS_LEVEL_BAR (widget))
    g_ptr_array_add (bars, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_level_bars (child, bars);
}

/* The colour GTK draws at (@x, @y) of @widget, as 0xRRGGBB. */
static guint32
drawn_pixel (GtkWidget *widget,
             int        x,
             int        y)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  const guchar *pixel;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, (gsize) width * 4);
  pixel = data + ((gsize) y * width + x) * 4;   /* B, G, R, A in memory */
  return (guint32) pixel[2] << 16 | (guint32) pixel[1] << 8 | pixel[0];
}

/* Issue 18, item 14: the "share of the text" bars are filled in their
 * perspective's colour, not the accent colour. */
static void
test_compare_share_colours (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  const guint32 expected[] = { 0xE69F00, 0x0072B2, 0x009E73, 0xCC79A7 };

  plx_test_run_frames (300);
  collect_level_bars (GTK_WIDGET (fixture->view), bars);
  g_assert_cmpuint (bars->len, ==, N_PERSPECTIVES);
  for (guint p = 0; p < bars->len; p++)
    {
      GtkWidget *bar = g_ptr_array_index (bars, p);
      guint32 drawn = drawn_pixel (bar, 6, gtk_widget_get_height (bar) / 2);

      g_assert_cmphex (drawn, ==, expected[p]);
    }
}

/* Issue 26, item 3: the Compare view offers the heat map's numbers as a
 * table: a toggle next to the Sections heading, reached by Tab, swaps the
 * drawing for a grid of section rows and perspective columns whose cells
 * are read with their section and perspective. */
static void
test_compare_sections_table (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *toggle = GTK_WIDGET (gtk_widget_get_template_child (view, PLX_TYPE_COMPARE_VIEW, "sections_table_toggle"));
  GtkWidget *scroller = GTK_WIDGET (gtk_widget_get_template_child (view, PLX_TYPE_COMPARE_VIEW, "heat_map_scroller"));
  GtkGrid *table = GTK_GRID (gtk_widget_get_template_child (view, PLX_TYPE_COMPARE_VIEW, "sections_grid"));
  PlxStatistics *stats = plx_compare_view_get_statistics (fixture->view);
  GtkWidget *focus;

  plx_test_run_frames (100);
  g_assert_true (gtk_widget_get_visible (scroller));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (table)));
  /* GTK 4.8 has no toggle-button role: a button with a pressed state. */
  gtk_test_accessible_assert_role (toggle, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_state (toggle, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);

  /* By keyboard: the toggle takes focus, Space turns it on, Tab goes on
   * into the table. */
  g_assert_true (gtk_widget_grab_focus (toggle));
  g_assert_true (gtk_widget_activate (toggle));
  /* A button activated by key clicks once it has shown itself pressed. */
  for (int i = 0; i < 50 && !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)); i++)
    plx_test_run_frames (20);
  /* Tab goes by where widgets are: the table must have been laid out. */
  plx_test_run_frames (200);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  gtk_test_accessible_assert_state (toggle, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_false (gtk_widget_get_visible (scroller));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (table)));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (table, 0, 0), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (table, 1, 0), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  gtk_test_accessible_assert_property (gtk_grid_get_child_at (table, 1, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, "Armenian");
  g_assert_cmpuint (plx_statistics_get_n_sections (stats), ==, 3);
  for (guint s = 0; s < 3; s++)
    {
      GtkWidget *header = gtk_grid_get_child_at (table, 0, (int) s + 1);

      gtk_test_accessible_assert_role (header, GTK_ACCESSIBLE_ROLE_ROW_HEADER);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, plx_statistics_get_section_title (stats, s));
      for (guint p = 0; p < N_PERSPECTIVES; p++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (table, (int) p + 1, (int) s + 1);
          guint n = plx_statistics_get_section_passages (stats, s, p);
          g_autofree char *expected = g_strdup_printf ("%s — %s: %.0f%% of the section, %u characters, %u passage%s",
                                                       plx_statistics_get_section_title (stats, s),
                                                       plx_perspective_get_name (plx_statistics_get_perspective (stats, p)),
                                                       plx_statistics_get_section_share (stats, s, p) * 100,
                                                       plx_statistics_get_section_characters (stats, s, p),
                                                       n, n == 1 ? "" : "s");

          gtk_test_accessible_assert_role (cell, GTK_ACCESSIBLE_ROLE_GRID_CELL);
          gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
        }
    }
  /* "Title" [0,17): Armenian's [0,10) and [6,16) cover 16 characters.
   * (The expected text is a variable: the macro prints its argument's
   * spelling as a format.) */
  {
    const char *title_armenian = "Title — Armenian: 94% of the section, 16 characters, 2 passages";

    gtk_test_accessible_assert_property (gtk_grid_get_child_at (table, 1, 1), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         title_armenian);
  }

  /* And back to the drawing. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  g_assert_true (gtk_widget_get_visible (scroller));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (table)));
}

/* Issue 18, item 11: on screen too, each lane of the document map is
 * named at its left, level with it. */
static void
test_compare_lane_labels (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *labels = GTK_WIDGET (gtk_widget_get_template_child (view, PLX_TYPE_COMPARE_VIEW, "lane_labels"));
  PlxDocumentMap *map = PLX_DOCUMENT_MAP (plx_compare_view_get_document_map (fixture->view));
  GListModel *perspectives = plx_project_get_perspectives (fixture->project);
  guint i = 0;

  plx_test_run_frames (200);
  g_assert_cmpuint (plx_document_map_get_n_lanes (map), ==, N_PERSPECTIVES);
  for (GtkWidget *label = gtk_widget_get_first_child (labels); label != NULL; label = gtk_widget_get_next_sibling (label), i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);
      graphene_rect_t bounds, map_bounds;
      float offset, size, middle;

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, plx_perspective_get_name (perspective));
      g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (map), &bounds));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (map), GTK_WIDGET (map), &map_bounds));
      plx_document_map_get_lane_extent (map, i, (int) map_bounds.size.height, &offset, &size);
      middle = bounds.origin.y + bounds.size.height / 2;
      g_assert_cmpfloat (middle, >=, offset);
      g_assert_cmpfloat (middle, <=, offset + size);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 0);   /* to the map's left */
    }
  g_assert_cmpuint (i, ==, N_PERSPECTIVES);
}

int
main (int argc, char **argv)
{
  /* GTK's test AT context, which keeps states for the accessibility asserts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/compare-view/cells", test_compare_cells);
  ADD ("/compare-view/sort-filter", test_compare_sort_filter);
  ADD ("/compare-view/follows-changes", test_compare_follows_changes);
  ADD ("/compare-view/rollup", test_compare_rollup);
  ADD ("/compare-view/export", test_compare_export);
  ADD ("/compare-view/export-labels", test_compare_export_labels);
  ADD ("/compare-view/wheel", test_compare_wheel);
  ADD ("/compare-view/share-colours", test_compare_share_colours);
  ADD ("/compare-view/sections-table", test_compare_sections_table);
  ADD ("/compare-view/lane-labels", test_compare_lane_labels);
  ADD ("/document-map/buckets", test_document_map_buckets);
  ADD ("/document-map/many", test_document_map_many);
#undef ADD
  return g_test_run ();
}
