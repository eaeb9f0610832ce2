/* test-scrollable-bin.c: between a scrolled window and a grid view, the
 * bin hands on the scrolling, the policies and the allocation, answers
 * the height question without asking the grid, and lets go of its child.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "plx-scrollable-bin.h"

#define N_ITEMS 400

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Long enough for a few frames: the frame clock paces itself. */
static void
run_frames (void)
{
  gboolean done = FALSE;

  g_timeout_add (150, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (label, 120, 40);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkWidget *
new_grid (void)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *grid;

  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);
      gtk_string_list_append (strings, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  grid = gtk_grid_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&strings)))),
                            factory);
  gtk_grid_view_set_max_columns (GTK_GRID_VIEW (grid), 1);
  return grid;
}

/* The text of the item the grid shows at @y. */
static const char *
item_at (GtkWidget *grid,
         double     y)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      GtkWidget *label = gtk_widget_get_first_child (child);

      if (GTK_IS_LABEL (label) && gtk_widget_get_mapped (child) &&
          gtk_widget_compute_bounds (child, grid, &bounds) &&
          bounds.origin.y <= y && y < bounds.origin.y + bounds.size.height)
        return gtk_label_get_text (GTK_LABEL (label));
    }
  return NULL;
}

static void
test_scrolls_child (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *bin = plx_scrollable_bin_new ();
  GtkWidget *grid = new_grid ();
  GtkAdjustment *vadjustment;
  int minimum, natural, grid_minimum, grid_natural;

  g_object_ref_sink (window);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  plx_scrollable_bin_set_child (PLX_SCROLLABLE_BIN (bin), grid);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), bin);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 400);
  gtk_window_present (GTK_WINDOW (window));
  run_frames ();

  /* The scrolled window's adjustments and policies are the grid's. */
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid)) == vadjustment);
  g_assert_true (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid)) ==
                 gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  g_object_set (bin, "vscroll-policy", GTK_SCROLL_NATURAL, NULL);
  g_assert_cmpint (gtk_scrollable_get_vscroll_policy (GTK_SCROLLABLE (grid)), ==, GTK_SCROLL_NATURAL);

  /* The grid has the bin's whole allocation and sets the scroll range. */
  g_assert_cmpint (gtk_widget_get_width (grid), ==, gtk_widget_get_width (bin));
  g_assert_cmpint (gtk_widget_get_height (grid), ==, gtk_widget_get_height (bin));
  g_assert_cmpint (gtk_widget_get_height (bin), >, 200);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >=, N_ITEMS * 40.0 * 0.9);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (vadjustment), <, gtk_adjustment_get_upper (vadjustment));
  g_assert_cmpstr (item_at (grid, 10), ==, "0");

  /* Scrolling the scrolled window scrolls the grid: five rows down, the
   * sixth item is at the top. */
  {
    GtkWidget *first = gtk_widget_get_first_child (grid);
    graphene_rect_t a, b;
    float pitch;

    g_assert_true (gtk_widget_compute_bounds (first, grid, &a));
    g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_next_sibling (first), grid, &b));
    pitch = b.origin.y - a.origin.y;
    g_assert_cmpfloat (pitch, >=, 40);
    gtk_adjustment_set_value (vadjustment, 5 * pitch);
    run_frames ();
    g_assert_cmpstr (item_at (grid, 10), ==, "5");
  }

  /* Widths are the grid's; the height, which the scrolled window scrolls,
   * is not asked of it. */
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &grid_minimum, &grid_natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, grid_minimum);
  g_assert_cmpint (natural, ==, grid_natural);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 0);
  g_assert_cmpint (natural, ==, 0);

  /* Let go: the grid leaves the tree, the bin stays valid. */
  g_object_ref (grid);
  g_object_set (bin, "child", NULL, NULL);
  g_assert_null (gtk_widget_get_parent (grid));
  g_assert_null (plx_scrollable_bin_get_child (PLX_SCROLLABLE_BIN (bin)));
  iterate ();
  g_object_unref (grid);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_object_unref (window);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/scrollable-bin/scrolls-child", test_scrolls_child);

  return g_test_run ();
}
