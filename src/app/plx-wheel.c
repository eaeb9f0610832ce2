/* plx-wheel.c
 *
 * GTK 4.8's GtkScrolledWindow takes every scroll event that reaches it,
 * also along an axis it cannot scroll (its policy is "never", or its
 * content fits): a wide table in a sideways-scrolling window inside a
 * view that scrolls down keeps the wheel from scrolling that view while
 * the pointer is over the table. These helpers hand such scrolling on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-wheel"

#include <math.h>

#include "plx-wheel.h"

static GtkAdjustment *
adjustment_for (GtkScrolledWindow *scroller,
                GtkOrientation     orientation)
{
  return orientation == GTK_ORIENTATION_HORIZONTAL ? gtk_scrolled_window_get_hadjustment (scroller)
                                                   : gtk_scrolled_window_get_vadjustment (scroller);
}

/* Whether @scroller would move along @orientation. */
static gboolean
can_scroll (GtkScrolledWindow *scroller,
            GtkOrientation     orientation)
{
  GtkPolicyType hpolicy, vpolicy;
  GtkAdjustment *adjustment = adjustment_for (scroller, orientation);

  gtk_scrolled_window_get_policy (scroller, &hpolicy, &vpolicy);
  if ((orientation == GTK_ORIENTATION_HORIZONTAL ? hpolicy : vpolicy) == GTK_POLICY_NEVER)
    return FALSE;
  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment) >
         gtk_adjustment_get_page_size (adjustment);
}

/* Moves @adjustment as GtkScrolledWindow does for @delta: a wheel click is
 * page_size^(2/3) pixels, a touchpad's delta is in pixels already. */
static void
scroll_by (GtkAdjustment            *adjustment,
           GtkEventControllerScroll *controller,
           double                    delta)
{
  double step = 1.0;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta * step);
}

/* The nearest scrolled window around @widget that can scroll along
 * @orientation. */
static GtkScrolledWindow *
outer_scroller (GtkWidget      *widget,
                GtkOrientation  orientation)
{
  for (GtkWidget *ancestor = gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_SCROLLED_WINDOW);
       ancestor != NULL;
       ancestor = gtk_widget_get_ancestor (gtk_widget_get_parent (ancestor), GTK_TYPE_SCROLLED_WINDOW))
    if (can_scroll (GTK_SCROLLED_WINDOW (ancestor), orientation))
      return GTK_SCROLLED_WINDOW (ancestor);
  return NULL;
}

/* Shift turns the wheel sideways, as in GtkScrolledWindow. */
static void
deltas (GtkEventControllerScroll *controller,
        double                   *dx,
        double                   *dy)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_SHIFT_MASK) != 0 && gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    {
      double swap = *dx;

      *dx = *dy;
      *dy = swap;
    }
}

static gboolean
pass_through_cb (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 GtkScrolledWindow        *scroller)
{
  double delta[2];
  gboolean left = FALSE;

  deltas (controller, &dx, &dy);
  delta[GTK_ORIENTATION_HORIZONTAL] = dx;
  delta[GTK_ORIENTATION_VERTICAL] = dy;
  for (int o = GTK_ORIENTATION_HORIZONTAL; o <= GTK_ORIENTATION_VERTICAL; o++)
    {
      GtkScrolledWindow *outer;

      if (delta[o] == 0.0)
        continue;
      if (can_scroll (scroller, o) || (outer = outer_scroller (GTK_WIDGET (scroller), o)) == NULL)
        left = TRUE;
      else
        scroll_by (adjustment_for (outer, o), controller, delta[o]);
    }
  /* What is left is the scroller's own to scroll. */
  return !left;
}

/**
 * plx_wheel_pass_through:
 *
 * Scrolling over @scroller along an axis it cannot scroll moves the
 * nearest scrolled window around it that can.
 */
void
plx_wheel_pass_through (GtkScrolledWindow *scroller)
{
  GtkEventController *controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  gtk_event_controller_set_name (controller, "plx-wheel-pass-through");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (pass_through_cb), scroller);
  gtk_widget_add_controller (GTK_WIDGET (scroller), controller);
}

static gboolean
sideways_cb (GtkEventControllerScroll *controller,
             double                    dx,
             double                    dy,
             GtkScrolledWindow        *scroller)
{
  deltas (controller, &dx, &dy);
  if (dy == 0.0 || !can_scroll (scroller, GTK_ORIENTATION_HORIZONTAL))
    return FALSE;
  scroll_by (gtk_scrolled_window_get_hadjustment (scroller), controller, dx + dy);
  return TRUE;
}

/**
 * plx_wheel_scroll_sideways:
 *
 * The wheel scrolls @scroller, a strip that only scrolls sideways, in
 * either direction (a mouse has no sideways wheel).
 */
void
plx_wheel_scroll_sideways (GtkScrolledWindow *scroller)
{
  GtkEventController *controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  gtk_event_controller_set_name (controller, "plx-wheel-sideways");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (sideways_cb), scroller);
  gtk_widget_add_controller (GTK_WIDGET (scroller), controller);
}
