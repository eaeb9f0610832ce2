/* test-accessibility.c: what a screen reader is told, through GTK's
 * accessibility test API (GTK_A11Y=test): cards, maps, drop-downs and
 * tables name and announce themselves, every Tab stop has a name, pages
 * not on screen are hidden, and the keyboard reaches every passage.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-annotation-row.h"
#include "plx-application.h"
#include "plx-compare-view.h"
#include "plx-core.h"
#include "plx-document-map.h"
#include "plx-heat-map.h"
#include "plx-perspective-panel.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

/* Under AddressSanitizer: whole stacks for the allocations, so that
 * tests/lsan.supp can name GLib's first quark block by the library
 * constructor that made it (the codebook sidebar and the divergence
 * tables take this test past 2,048 quarks, where GLib drops that block
 * on purpose), as test-window.c does. Unused otherwise. */
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
  g_autoptr(GSettings) settings = g_settings_new (PLX_APP_ID);

  g_settings_set_string (settings, "author", "Anahit");
  plx_test_window_open (fixture, 0, 0);
  plx_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  plx_test_window_close (fixture);
}

static gint64
perspective_id (Fixture *fixture,
                guint    position)
{
  g_autoptr(PlxPerspective) perspective =
    g_list_model_get_item (plx_project_get_perspectives (plx_window_get_project (fixture->window)), position);

  return plx_perspective_get_id (perspective);
}

/* Tags [@start, @end) as the perspective at @position, with themes, a
 * note and the author set in the fixture. */
static PlxAnnotation *
tag (Fixture            *fixture,
     guint               start,
     guint               end,
     guint               position,
     const char * const *themes,
     const char         *note)
{
  g_autoptr(GError) error = NULL;
  PlxAnnotation *annotation = plx_annotation_new_for_range (plx_window_get_document (fixture->window), start, end,
                                                            perspective_id (fixture, position), &error);

  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, themes);
  plx_annotation_set_note (annotation, note);
  plx_annotation_set_author (annotation, "Anahit");
  plx_project_add_annotation (plx_window_get_project (fixture->window), annotation, &error);
  g_assert_no_error (error);
  plx_test_iterate ();
  return annotation;
}

/* The essay with four passages: two overlapping at 240–260. */
static void
tag_four (Fixture        *fixture,
          PlxAnnotation **first)
{
  const char *security[] = { "security", "escalation", NULL };
  const char *mediation[] = { "mediation", NULL };
  const char *none[] = { NULL };
  g_autoptr(PlxAnnotation) armenian = tag (fixture, 200, 260, 0, security, "Shelling near the border");
  g_autoptr(PlxAnnotation) azerbaijani = tag (fixture, 240, 300, 1, mediation, "");
  g_autoptr(PlxAnnotation) western = tag (fixture, 500, 540, 2, none, "");
  g_autoptr(PlxAnnotation) russian = tag (fixture, 900, 960, 3, mediation, "Peacekeepers");

  if (first != NULL)
    *first = g_steal_pointer (&armenian);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (gpointer root,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (root), type, found);
  return found;
}

static gpointer
find_one (gpointer root,
          GType    type)
{
  g_autoptr(GPtrArray) found = find_all (root, type);

  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

static PlxAnnotationRow *
card_for (gpointer       root,
          PlxAnnotation *annotation)
{
  g_autoptr(GPtrArray) cards = find_all (root, PLX_TYPE_ANNOTATION_ROW);

  for (guint i = 0; i < cards->len; i++)
    {
      PlxAnnotation *shown = plx_annotation_row_get_annotation (g_ptr_array_index (cards, i));

      if (shown != NULL && g_strcmp0 (plx_annotation_get_uuid (shown), plx_annotation_get_uuid (annotation)) == 0)
        return g_ptr_array_index (cards, i);
    }
  g_assert_not_reached ();
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static void
assert_selection (Fixture       *fixture,
                  PlxAnnotation *annotation)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (fixture->window));
  GtkTextIter a, b;

  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &a, &b));
  g_assert_cmpint (gtk_text_iter_get_offset (&a), ==, plx_annotation_get_start (annotation));
  g_assert_cmpint (gtk_text_iter_get_offset (&b), ==, plx_annotation_get_end (annotation));
}

/* Cards take focus and read as a sentence with the perspective; Enter
 * goes to the passage, the menu key opens the card's menu. */
static void
test_cards (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PlxAnnotation) armenian = NULL;
  g_autofree char *expected = NULL;
  PlxAnnotationRow *card;
  GtkWidget *menu_button;
  GtkWidget *menu = NULL;

  tag_four (fixture, &armenian);
  plx_test_run_frames (100);
  plx_test_iterate ();
  card = card_for (fixture->window, armenian);

  gtk_test_accessible_assert_role (card, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  expected = g_strdup_printf ("Armenian: ‘%s’, themes security and escalation, note Shelling near the border, by Anahit",
                              plx_annotation_get_quote (armenian));
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  /* The grid view's cell around it reads the same, not "GtkListItemWidget". */
  gtk_test_accessible_assert_property (gtk_widget_get_parent (GTK_WIDGET (card)), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (card)));

  /* Alt+1 lands on the Armenian panel's card. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-panel", "i", 1);
  plx_test_iterate ();
  g_assert_true (focus_of (fixture) == GTK_WIDGET (card));

  /* Enter: the passage selected in the text, which has the focus. */
  gtk_widget_activate_action (GTK_WIDGET (card), "card.reveal", NULL);
  plx_test_iterate ();
  assert_selection (fixture, armenian);
  g_assert_true (focus_of (fixture) == GTK_WIDGET (plx_window_get_text_view (fixture->window)));

  /* The menu key: the card's menu, for this passage. */
  gtk_widget_activate_action (GTK_WIDGET (card), "card.open-menu", NULL);
  plx_test_iterate ();
  menu_button = gtk_widget_get_first_child (GTK_WIDGET (card));
  for (GtkWidget *child = gtk_widget_get_first_child (menu_button); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      menu = child;
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
  plx_test_iterate ();

  /* The menu button is not a Tab stop of its own: the card is. */
  g_assert_false (gtk_widget_get_focusable (menu_button));

  /* Renaming the perspective renames the card. */
  {
    g_autoptr(GError) error = NULL;

    plx_project_rename_perspective (plx_window_get_project (fixture->window), perspective_id (fixture, 0), "Yerevan", &error);
    g_assert_no_error (error);
    plx_test_iterate ();
    g_clear_pointer (&expected, g_free);
    card = card_for (fixture->window, armenian);
    expected = g_strdup_printf ("Yerevan: ‘%s’, themes security and escalation, note Shelling near the border, by Anahit",
                                plx_annotation_get_quote (armenian));
    gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  }
}

/* The object a screen reader is given for @widget: GTK skips widgets
 * without a role of their own (the text inside an entry) for their
 * parent. */
static GtkAccessible *
accessible_of (GtkWidget *widget)
{
  while (widget != NULL &&
         (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_NONE ||
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_PRESENTATION))
    widget = gtk_widget_get_parent (widget);
  return GTK_ACCESSIBLE (widget);
}

/* Whether GTK 4.8 gives @accessible a name: its label, or the labels it
 * is labelled by; without either, AT-SPI reads out the type name. */
static gboolean
has_name (GtkAccessible *accessible)
{
  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Tabs through the window @cycles times round, from where the focus is,
 * and returns the Tab stops in order; every one must have a name. */
static GPtrArray *
tab_stops (Fixture *fixture,
           guint    cycles)
{
  GPtrArray *stops = g_ptr_array_new ();
  GtkWidget *first = NULL;
  guint rounds = 0;

  for (guint step = 0; step < 500 && rounds < cycles; step++)
    {
      GtkWidget *focus;
      GtkAccessible *accessible;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD) ||
                     gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
      plx_test_iterate ();
      focus = focus_of (fixture);
      g_assert_nonnull (focus);
      if (first == NULL)
        first = focus;
      else if (focus == first && ++rounds == cycles)
        break;
      accessible = accessible_of (focus);
      g_test_message ("Tab stop %u: %s (%s)", stops->len, G_OBJECT_TYPE_NAME (focus), G_OBJECT_TYPE_NAME (accessible));
      if (!has_name (accessible))
        g_error ("Tab stop %u, a %s in a %s, has no accessible name", stops->len, G_OBJECT_TYPE_NAME (focus),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)));
      g_ptr_array_add (stops, focus);
    }
  g_assert_cmpuint (rounds, ==, cycles);
  return stops;
}

static void
test_tab_stops_named (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwViewStack *views;

  const char *none[] = { NULL };
  g_autoptr(PlxAnnotation) second = NULL;
  g_autoptr(PlxAnnotation) third = NULL;

  tag_four (fixture, NULL);
  second = tag (fixture, 1200, 1230, 0, none, "");
  third = tag (fixture, 1500, 1530, 0, none, "");
  plx_test_run_frames (100);
  plx_test_iterate ();
  views = find_one (fixture->window, ADW_TYPE_VIEW_STACK);

  /* Three times round, the same stops in the same order: each panel's
   * list of cards is one stop. */
  {
    g_autoptr(GPtrArray) stops = tab_stops (fixture, 3);
    guint per_round = stops->len / 3;
    guint cards = 0;

    g_test_message ("%u stops in the Annotate view", stops->len);
    g_assert_cmpuint (stops->len % 3, ==, 0);
    for (guint i = 0; i < per_round; i++)
      {
        g_assert_true (g_ptr_array_index (stops, i) == g_ptr_array_index (stops, i + per_round));
        g_assert_true (g_ptr_array_index (stops, i) == g_ptr_array_index (stops, i + 2 * per_round));
        cards += PLX_IS_ANNOTATION_ROW (g_ptr_array_index (stops, i));
      }
    g_assert_cmpuint (cards, ==, 4);
  }

  /* In a panel, the arrow keys go from card to card. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-panel", "i", 1);
  plx_test_iterate ();
  g_assert_true (PLX_IS_ANNOTATION_ROW (focus_of (fixture)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_DOWN));
  plx_test_iterate ();
  g_assert_true (focus_of (fixture) == GTK_WIDGET (card_for (fixture->window, second)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_DOWN));
  plx_test_iterate ();
  g_assert_true (focus_of (fixture) == GTK_WIDGET (card_for (fixture->window, third)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_UP));
  plx_test_iterate ();
  g_assert_true (focus_of (fixture) == GTK_WIDGET (card_for (fixture->window, second)));

  adw_view_stack_set_visible_child_name (views, "compare");
  plx_test_run_frames (300);
  plx_test_iterate ();
  {
    g_autoptr(GPtrArray) stops = tab_stops (fixture, 1);
    g_test_message ("%u stops in the Compare view", stops->len);
  }
}

/* The value GTK gives @property of @accessible, as a string. */
static char *
property_of (gpointer              accessible,
             GtkAccessibleProperty property)
{
  /* The checker returns the value it found unless it is the one asked. */
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (accessible), property, "\x01");

  g_assert_nonnull (value);
  return value;
}

static GtkWidget *
toggle_of (gpointer dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  g_assert_not_reached ();
}

/* The button a drop-down puts the focus on says what it is for and
 * what it shows. */
static void
test_dropdowns (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = find_all (fixture->window, GTK_TYPE_DROP_DOWN);
  g_autoptr(GPtrArray) menu_buttons = find_all (fixture->window, GTK_TYPE_MENU_BUTTON);
  GtkMenuButton *theme = NULL;
  GtkDropDown *sort = NULL;

  tag_four (fixture, NULL);
  plx_test_run_frames (500);
  plx_test_iterate ();   /* the theme list is refreshed after a pause */
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (dropdowns, i);
      GtkStringObject *first = g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)) > 0
                             ? g_list_model_get_item (gtk_drop_down_get_model (dropdown), 0) : NULL;

      if (first != NULL && g_strcmp0 (gtk_string_object_get_string (first), "Most passages") == 0)
        sort = dropdown;
      g_clear_object (&first);
    }
  /* The theme filter is a menu button (several themes at once). */
  for (guint i = 0; i < menu_buttons->len; i++)
    if (g_strcmp0 (gtk_menu_button_get_label (g_ptr_array_index (menu_buttons, i)), "All Themes") == 0)
      theme = g_ptr_array_index (menu_buttons, i);
  g_assert_nonnull (theme);
  g_assert_nonnull (sort);

  gtk_test_accessible_assert_property (toggle_of (theme), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Theme filter: All Themes");
  gtk_test_accessible_assert_property (toggle_of (theme), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE);
  gtk_menu_button_set_label (theme, "security");
  gtk_test_accessible_assert_property (toggle_of (theme), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Theme filter: security");

  gtk_test_accessible_assert_property (toggle_of (sort), GTK_ACCESSIBLE_PROPERTY_LABEL, "Sort by: Most passages");
  gtk_drop_down_set_selected (sort, 2);
  gtk_test_accessible_assert_property (toggle_of (sort), GTK_ACCESSIBLE_PROPERTY_LABEL, "Sort by: Name");
}

static PlxCompareView *
show_compare (Fixture *fixture)
{
  PlxCompareView *compare = find_one (fixture->window, PLX_TYPE_COMPARE_VIEW);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "compare");
  plx_test_run_frames (100);
  plx_test_iterate ();
  plx_compare_view_refresh (compare);
  plx_test_iterate ();
  return compare;
}

/* The Overlaps and Perspectives tables as grids with column and row
 * headers, each cell named by its row and column. */
static void
test_matrices (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) grids = NULL;
  PlxCompareView *compare;
  GtkGrid *themes, *perspectives, *overlaps;

  tag_four (fixture, NULL);
  compare = show_compare (fixture);
  grids = find_all (compare, GTK_TYPE_GRID);
  /* Themes, Perspectives, Sections (as a table, hidden until asked for),
   * Overlaps, and the divergence's pairs and themes. */
  g_assert_cmpuint (grids->len, ==, 6);
  themes = g_ptr_array_index (grids, 0);
  perspectives = g_ptr_array_index (grids, 1);
  overlaps = g_ptr_array_index (grids, 3);
  for (guint i = 0; i < grids->len; i++)
    gtk_test_accessible_assert_role (g_ptr_array_index (grids, i), GTK_ACCESSIBLE_ROLE_GRID);

  /* Overlaps: Armenian (200–260) and Azerbaijani (240–300) share 20. */
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (overlaps, 2, 0), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  gtk_test_accessible_assert_property (gtk_grid_get_child_at (overlaps, 2, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, "Azerbaijani");
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (overlaps, 0, 1), GTK_ACCESSIBLE_ROLE_ROW_HEADER);
  gtk_test_accessible_assert_property (gtk_grid_get_child_at (overlaps, 0, 1), GTK_ACCESSIBLE_PROPERTY_LABEL, "Armenian");
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (overlaps, 2, 1), GTK_ACCESSIBLE_ROLE_GRID_CELL);
  gtk_test_accessible_assert_property (gtk_grid_get_child_at (overlaps, 2, 1), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Armenian with Azerbaijani: 20 characters in common; "
                                       "Armenian passages touching Azerbaijani ones: 1");
  gtk_test_accessible_assert_property (gtk_grid_get_child_at (overlaps, 4, 1), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Armenian with Russian: 0 characters in common; "
                                       "Armenian passages touching Russian ones: 0");
  gtk_test_accessible_assert_property (gtk_grid_get_child_at (overlaps, 1, 1), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Armenian with itself: not counted");

  /* Perspectives: a row per perspective, a column per measure. */
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (perspectives, 1, 0), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  gtk_test_accessible_assert_property (gtk_grid_get_child_at (perspectives, 1, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, "Passages");
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (perspectives, 0, 2), GTK_ACCESSIBLE_ROLE_ROW_HEADER);
  gtk_test_accessible_assert_property (gtk_grid_get_child_at (perspectives, 1, 2), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Azerbaijani, Passages: 1");
  gtk_test_accessible_assert_property (gtk_grid_get_child_at (perspectives, 2, 2), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Azerbaijani, Characters: 60");
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (perspectives, 3, 2), GTK_ACCESSIBLE_ROLE_GRID_CELL);
  {
    /* Not a literal: the checking macro makes its arguments a format. */
    const char *touching = "Azerbaijani, Touching another: 1 (100%)";

    gtk_test_accessible_assert_property (gtk_grid_get_child_at (perspectives, 4, 2), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         touching);
  }

  /* A table is one Tab stop; the arrow keys go from cell to cell, and
   * Tab leaves and comes back to the cell it left. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (overlaps), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_of (fixture) == gtk_grid_get_child_at (overlaps, 1, 1));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_RIGHT));
  g_assert_true (focus_of (fixture) == gtk_grid_get_child_at (overlaps, 2, 1));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_DOWN));
  g_assert_true (focus_of (fixture) == gtk_grid_get_child_at (overlaps, 2, 2));
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
  g_assert_false (gtk_widget_is_ancestor (focus_of (fixture), GTK_WIDGET (overlaps)));
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus_of (fixture) == gtk_grid_get_child_at (overlaps, 2, 2));
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD);
  g_assert_true (PLX_IS_HEAT_MAP (focus_of (fixture)));
  /* Before the heat map: the toggle that shows it as a table. */
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus_of (fixture)));
  gtk_test_accessible_assert_property (focus_of (fixture), GTK_ACCESSIBLE_PROPERTY_LABEL, "Show as Table");
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus_of (fixture) == gtk_grid_get_child_at (perspectives, 4, 4));

  /* Themes: the headers, and cells named by theme and perspective. */
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (themes, 0, 0), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (themes, 1, 0), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  gtk_test_accessible_assert_role (gtk_grid_get_child_at (themes, 0, 1), GTK_ACCESSIBLE_ROLE_ROW_HEADER);
  gtk_test_accessible_assert_role (plx_compare_view_get_cell (compare, "mediation", perspective_id (fixture, 3)),
                                   GTK_ACCESSIBLE_ROLE_GRID_CELL);
  gtk_test_accessible_assert_property (plx_compare_view_get_cell (compare, "mediation", perspective_id (fixture, 3)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "mediation, Russian: 1 passage");
  /* Its passage reads as its card does. */
  {
    GtkWidget *cell = plx_compare_view_get_cell (compare, "mediation", perspective_id (fixture, 3));
    GtkWidget *button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (cell));
    g_autofree char *quote = plx_document_dup_range (plx_window_get_document (fixture->window), 900, 960);
    g_autofree char *sentence = g_strdup_printf ("Russian: ‘%s’, theme mediation, note Peacekeepers, by Anahit", quote);

    g_assert_true (GTK_IS_BUTTON (button));
    gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, sentence);
  }
}

/* The maps take focus; the arrow keys step through them, each position
 * named, with its coverage per perspective as the description; Enter
 * puts the caret there. */
static void
test_maps (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) maps = find_all (fixture->window, PLX_TYPE_DOCUMENT_MAP);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (fixture->window));
  guint length = plx_document_get_length (plx_window_get_document (fixture->window));
  PlxDocumentMap *map;
  PlxHeatMap *heat;
  g_autofree char *name = NULL;
  GtkTextIter caret;

  tag_four (fixture, NULL);
  g_assert_cmpuint (maps->len, ==, 2);
  map = g_ptr_array_index (maps, 0);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (map)));
  gtk_test_accessible_assert_role (map, GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (map)));
  g_assert_cmpuint (plx_document_map_get_stretch (map), ==, 0);
  name = property_of (map, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_true (g_str_has_prefix (name, "Document map, 0–5% of the text, in “"));
  gtk_test_accessible_assert_property (map, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Armenian: 1 passage; Azerbaijani: 1 passage; Western: 1 passage; Russian: 1 passage");

  /* Down twice, up once: the second stretch. */
  gtk_widget_activate_action (GTK_WIDGET (map), "map.step", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (map), "map.step", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (map), "map.step", "i", -1);
  g_assert_cmpuint (plx_document_map_get_stretch (map), ==, 1);
  g_clear_pointer (&name, g_free);
  name = property_of (map, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_true (g_str_has_prefix (name, "Document map, 5–10% of the text"));
  gtk_test_accessible_assert_property (map, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Armenian: none; Azerbaijani: none; Western: none; Russian: none");
  gtk_widget_activate_action (GTK_WIDGET (map), "map.step", "i", G_MAXINT);
  g_assert_cmpuint (plx_document_map_get_stretch (map), ==, 19);

  /* Enter: the caret at the stretch's start, the focus in the text. */
  gtk_widget_activate_action (GTK_WIDGET (map), "map.go", NULL);
  plx_test_iterate ();
  gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&caret), ==, (int) ((guint64) length * 19 / 20));
  g_assert_true (focus_of (fixture) == GTK_WIDGET (plx_window_get_text_view (fixture->window)));

  /* The heat map, a section at a time. */
  show_compare (fixture);
  heat = find_one (fixture->window, PLX_TYPE_HEAT_MAP);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (heat)));
  gtk_test_accessible_assert_role (heat, GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_cmpuint (plx_heat_map_get_section (heat), ==, 0);
  g_clear_pointer (&name, g_free);
  name = property_of (heat, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_true (g_str_has_prefix (name, "Sections by perspective, “"));
  g_assert_nonnull (strstr (name, "”, section 1 of "));
  {
    g_autofree char *description = property_of (heat, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

    g_assert_true (g_str_has_prefix (description, "Armenian: "));
    g_assert_nonnull (strstr (description, "; Russian: "));
  }
  gtk_widget_activate_action (GTK_WIDGET (heat), "heatmap.step", "i", 1);
  g_assert_cmpuint (plx_heat_map_get_section (heat), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (heat), "heatmap.step", "i", G_MININT);
  g_assert_cmpuint (plx_heat_map_get_section (heat), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (heat), "heatmap.step", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (heat), "heatmap.go", NULL);
  plx_test_iterate ();
  {
    PlxStatistics *stats = plx_compare_view_get_statistics (find_one (fixture->window, PLX_TYPE_COMPARE_VIEW));
    guint start, end;

    plx_statistics_get_section_range (stats, 1, &start, &end);
    gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
    g_assert_cmpint (gtk_text_iter_get_offset (&caret), ==, start);
  }
  g_assert_true (focus_of (fixture) == GTK_WIDGET (plx_window_get_text_view (fixture->window)));
}

static GtkWidget *
page_named (gpointer    stack,
            const char *name)
{
  GtkWidget *child = ADW_IS_VIEW_STACK (stack) ? adw_view_stack_get_child_by_name (stack, name)
                                               : gtk_stack_get_child_by_name (stack, name);

  g_assert_nonnull (child);
  return child;
}

/* Pages not on screen are hidden from screen readers. */
static void
test_hidden_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwViewStack *views = find_one (fixture->window, ADW_TYPE_VIEW_STACK);
  g_autoptr(GPtrArray) stacks = find_all (fixture->window, GTK_TYPE_STACK);
  g_autoptr(GPtrArray) revealers = find_all (fixture->window, GTK_TYPE_REVEALER);
  GtkStack *documents = NULL;

  for (guint i = 0; i < stacks->len && documents == NULL; i++)
    if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "empty") != NULL &&
        gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "document") != NULL)
      documents = g_ptr_array_index (stacks, i);
  g_assert_nonnull (documents);

  gtk_test_accessible_assert_state (page_named (views, "annotate"), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_test_accessible_assert_state (page_named (views, "compare"), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  gtk_test_accessible_assert_state (page_named (documents, "document"), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_test_accessible_assert_state (page_named (documents, "empty"), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  /* The busy bar ("Opening…") while there is nothing under way. */
  {
    GtkRevealer *busy = NULL;

    for (guint i = 0; i < revealers->len; i++)
      {
        GtkWidget *child = gtk_revealer_get_child (g_ptr_array_index (revealers, i));

        if (child != NULL && gtk_widget_has_css_class (child, "busy-bar"))
          busy = g_ptr_array_index (revealers, i);
      }
    g_assert_nonnull (busy);
    g_assert_false (gtk_revealer_get_reveal_child (busy));
    gtk_test_accessible_assert_state (busy, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
    gtk_revealer_set_reveal_child (busy, TRUE);
    gtk_test_accessible_assert_state (busy, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
    gtk_revealer_set_reveal_child (busy, FALSE);
    gtk_test_accessible_assert_state (busy, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  }

  /* Ctrl+2 and Ctrl+1 switch the views, and what is hidden with them. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "compare");
  plx_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "compare");
  gtk_test_accessible_assert_state (page_named (views, "annotate"), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  gtk_test_accessible_assert_state (page_named (views, "compare"), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "annotate");
  plx_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "annotate");
  g_assert_true (focus_of (fixture) == GTK_WIDGET (plx_window_get_text_view (fixture->window)));
}

static gboolean
wait_for_compact (PlxWindow *window,
                  gboolean   compact)
{
  for (int i = 0; i < 100 && plx_window_get_compact (window) != compact; i++)
    {
      plx_test_run_frames (20);
      plx_test_iterate ();
    }
  return plx_window_get_compact (window) == compact;
}

/* In a narrow window the panels are tabs: Alt+3 shows the third and
 * lands on its card; the other tabs are hidden from screen readers. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PlxAnnotation) armenian = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  GtkWidget *western;
  GtkStack *tabs;

  tag_four (fixture, &armenian);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  g_assert_true (wait_for_compact (fixture->window, TRUE));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-panel", "i", 3);
  plx_test_run_frames (100);
  plx_test_iterate ();
  panels = find_all (fixture->window, PLX_TYPE_PERSPECTIVE_PANEL);
  g_assert_cmpuint (panels->len, ==, 4);
  western = g_ptr_array_index (panels, 2);
  tabs = GTK_STACK (gtk_widget_get_parent (western));
  g_assert_true (gtk_stack_get_visible_child (tabs) == western);
  g_assert_true (gtk_widget_get_ancestor (focus_of (fixture), PLX_TYPE_PERSPECTIVE_PANEL) == western);
  g_assert_true (PLX_IS_ANNOTATION_ROW (focus_of (fixture)));
  for (guint i = 0; i < panels->len; i++)
    gtk_test_accessible_assert_state (g_ptr_array_index (panels, i), GTK_ACCESSIBLE_STATE_HIDDEN, i != 2);

  /* No fifth panel: nothing moves. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-panel", "i", 5);
  g_assert_true (gtk_stack_get_visible_child (tabs) == western);

  /* The tabs' switcher and all else at this width have names too. */
  {
    g_autoptr(GPtrArray) stops = tab_stops (fixture, 1);
    g_test_message ("%u stops in the narrow window", stops->len);
  }
}

static void
place_caret (Fixture *fixture,
             int      offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (fixture->window));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* Alt+Return: the passages under the caret, as a focused list of named
 * rows; Alt+Down and Alt+Up: from passage to passage, also by
 * perspective, with the selection on it. */
static void
test_caret (Fixture       *fixture,
            gconstpointer  data)
{
  const char *none[] = { NULL };
  g_autoptr(PlxAnnotation) armenian = NULL;
  g_autoptr(PlxAnnotation) later = NULL;
  g_autofree char *sentence = NULL;
  GtkWidget *focus;
  GtkWidget *list;
  GtkWidget *popover;

  tag_four (fixture, &armenian);
  later = tag (fixture, 1200, 1230, 0, none, "");

  /* 250 is under the Armenian and the Azerbaijani passage: the text's
   * description says so as soon as the caret is there. */
  place_caret (fixture, 250);
  {
    g_autofree char *description = property_of (plx_window_get_text_view (fixture->window),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

    g_assert_true (g_str_has_prefix (description, "Armenian: ‘"));
    g_assert_nonnull (strstr (description, "by Anahit; Azerbaijani: ‘"));
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.passages-at-caret", NULL);
  plx_test_iterate ();
  focus = focus_of (fixture);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  sentence = g_strdup_printf ("Armenian: ‘%s’, themes security and escalation, note Shelling near the border, by Anahit",
                              plx_annotation_get_quote (armenian));
  gtk_test_accessible_assert_property (focus, GTK_ACCESSIBLE_PROPERTY_LABEL, sentence);
  list = gtk_widget_get_parent (focus);
  gtk_test_accessible_assert_property (list, GTK_ACCESSIBLE_PROPERTY_LABEL, "2 passages at the caret");
  g_assert_nonnull (gtk_widget_get_next_sibling (focus));
  popover = gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER);
  g_assert_true (gtk_widget_get_visible (popover));

  /* Enter on a row: the passage selected. */
  g_signal_emit_by_name (list, "row-activated", focus);
  plx_test_iterate ();
  assert_selection (fixture, armenian);
  g_assert_false (gtk_widget_get_visible (popover));

  /* Nothing at 5. */
  place_caret (fixture, 5);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.passages-at-caret", NULL);
  plx_test_iterate ();
  gtk_test_accessible_assert_property (focus_of (fixture), GTK_ACCESSIBLE_PROPERTY_LABEL, "No passage covers the caret");
  gtk_test_accessible_assert_property (plx_window_get_text_view (fixture->window), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  gtk_popover_popdown (GTK_POPOVER (popover));
  plx_test_iterate ();

  /* From 5: the next passages in the order of the text. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-passage", "b", FALSE);
  plx_test_iterate ();
  assert_selection (fixture, armenian);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-passage", "b", FALSE);
  plx_test_iterate ();
  g_assert_cmpint (plx_annotation_get_start (armenian), ==, 200);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (fixture->window));
    GtkTextIter a, b;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &a, &b));
    g_assert_cmpint (gtk_text_iter_get_offset (&a), ==, 240);   /* Azerbaijani */
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-passage", "b", FALSE);
  plx_test_iterate ();
  assert_selection (fixture, armenian);

  /* The next Armenian one skips the other perspectives. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-passage", "b", TRUE);
  plx_test_iterate ();
  assert_selection (fixture, later);
  g_clear_pointer (&sentence, g_free);
  sentence = g_strdup_printf ("Armenian: ‘%s’, by Anahit", plx_annotation_get_quote (later));
  gtk_test_accessible_assert_property (plx_window_get_text_view (fixture->window), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       sentence);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-passage", "b", TRUE);
  plx_test_iterate ();
  assert_selection (fixture, armenian);
}

int
main (int argc, char **argv)
{
  /* The accessibility test backend, whatever the environment says. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/a11y/cards", test_cards);
  ADD ("/a11y/tab-stops-named", test_tab_stops_named);
  ADD ("/a11y/dropdowns", test_dropdowns);
  ADD ("/a11y/matrices", test_matrices);
  ADD ("/a11y/maps", test_maps);
  ADD ("/a11y/hidden-pages", test_hidden_pages);
  ADD ("/a11y/caret", test_caret);
  ADD ("/a11y/narrow", test_narrow);
  return g_test_run ();
}
