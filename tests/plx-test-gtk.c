/* plx-test-gtk.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "plx-application.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"

/* Dispatches whatever is pending, without waiting. */
void
plx_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop for @ms milliseconds, frames included. */
void
plx_test_run_frames (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Makes the default project in a new folder and shows it in a window of
 * @width × @height (0: the window's default), once the essay is in. */
void
plx_test_window_open (PlxTestWindowFixture *fixture,
                      int                   width,
                      int                   height)
{
  g_autoptr(GError) error = NULL;
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  fixture->dir = plx_test_make_tempdir ();
  fixture->path = g_build_filename (fixture->dir, "test.parallax", NULL);
  plx_application_ensure_default_project (fixture->path, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (plx_window_new (NULL));
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  plx_window_open_project (fixture->window, fixture->path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while ((plx_window_get_document (fixture->window) == NULL || plx_window_get_loading (fixture->window)) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (plx_window_get_document (fixture->window));
}

void
plx_test_window_close (PlxTestWindowFixture *fixture)
{
  /* GTK 4.8's tooltip delay (500 ms) can outlive a destroyed window and
   * then asks a NULL surface for the pointer (a critical that fails the
   * test): it runs out first, while the hidden window keeps its surface. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  plx_test_run_frames (600);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  plx_test_iterate ();
  g_clear_object (&fixture->window);
  plx_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Emits ::scroll on @widget's scroll controllers of @phase, in the order
 * GTK would; TRUE once one of them takes the event. */
static gboolean
scroll_controllers (GtkWidget           *widget,
                    GtkPropagationPhase  phase,
                    double               dx,
                    double               dy)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GtkEventControllerScrollFlags flags;
      double x = dx, y = dy;
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      flags = gtk_event_controller_scroll_get_flags (GTK_EVENT_CONTROLLER_SCROLL (controller));
      if ((flags & GTK_EVENT_CONTROLLER_SCROLL_HORIZONTAL) == 0)
        x = 0;
      if ((flags & GTK_EVENT_CONTROLLER_SCROLL_VERTICAL) == 0)
        y = 0;
      if (x == 0 && y == 0)
        continue;
      g_signal_emit_by_name (controller, "scroll", x, y, &handled);
      if (handled)
        return TRUE;
    }
  return FALSE;
}

/**
 * plx_test_wheel:
 *
 * A wheel turned with the pointer over the middle of the part of @over
 * that is on screen: the widget GTK picks there and its ancestors get the
 * scroll as GTK propagates it, capture phase from the window down, then
 * target and bubble phase back up, until a controller takes it. Xvfb has no wheel to turn, and GTK
 * offers no way to put a scroll event in its queue.
 *
 * Returns: (nullable): the widget whose controller took the scroll.
 */
GtkWidget *
plx_test_wheel (GtkWidget *over,
                double     dx,
                double     dy)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (over));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  graphene_rect_t shown;
  graphene_point_t middle;
  GtkWidget *target;

  /* The middle of the part of @over that is on screen. */
  g_assert_true (gtk_widget_compute_bounds (over, root, &shown));
  for (GtkWidget *clip = gtk_widget_get_parent (over); clip != NULL; clip = gtk_widget_get_parent (clip))
    if (GTK_IS_SCROLLED_WINDOW (clip) || clip == root)
      {
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (clip, root, &bounds));
        g_assert_true (graphene_rect_intersection (&shown, &bounds, &shown));
      }
  graphene_rect_get_center (&shown, &middle);
  target = gtk_widget_pick (root, middle.x, middle.y, GTK_PICK_DEFAULT);
  g_assert_nonnull (target);
  for (GtkWidget *widget = target; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_add (chain, widget);

  for (guint i = chain->len; i-- > 0;)
    if (scroll_controllers (g_ptr_array_index (chain, i), GTK_PHASE_CAPTURE, dx, dy))
      return g_ptr_array_index (chain, i);
  if (scroll_controllers (target, GTK_PHASE_TARGET, dx, dy))
    return target;
  for (guint i = 0; i < chain->len; i++)
    if (scroll_controllers (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, dx, dy))
      return g_ptr_array_index (chain, i);
  return NULL;
}

AdwMessageDialog *
plx_test_message_over (PlxWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

GtkFileChooser *
plx_test_file_chooser_over (PlxWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return GTK_FILE_CHOOSER (toplevel);
    }
  return NULL;
}

gboolean
plx_test_busy_bar_shown (PlxWindow *window)
{
  GObject *revealer = gtk_widget_get_template_child (GTK_WIDGET (window), PLX_TYPE_WINDOW, "busy_revealer");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}
