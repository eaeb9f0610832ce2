/* plx-profile.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-profile"
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "plx-profile.h"

/* Monotonic time at which the process was started, so that marks measure
 * from exec, as a user waiting for the window would; 0 when profiling is
 * off. */
static gint64 process_start_us;

/* /proc gives the start in clock ticks since boot; CLOCK_BOOTTIME tells how
 * long ago that was. The tick is coarse (10 ms), which only shifts every
 * mark by the same amount. */
static gint64
process_age_us (void)
{
  g_autofree char *stat = NULL;
  const char *after_name;
  struct timespec boot;
  unsigned long long start_ticks = 0;
  long ticks_per_second = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL ||
      clock_gettime (CLOCK_BOOTTIME, &boot) != 0 || ticks_per_second <= 0)
    return 0;
  /* Field 22, starttime, is the 20th after the command name. */
  if (sscanf (after_name + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &start_ticks) != 1)
    return 0;
  return (gint64) boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000 -
         (gint64) (start_ticks * G_USEC_PER_SEC / (unsigned long long) ticks_per_second);
}

void
plx_profile_init (void)
{
  if (g_strcmp0 (g_getenv ("PARALLAX_PROFILE"), "1") != 0)
    return;
  process_start_us = g_get_monotonic_time () - process_age_us ();
  plx_profile_mark ("main");
}

void
plx_profile_mark (const char *event)
{
  if (process_start_us == 0)
    return;
  fprintf (stderr, "parallax-profile: %s %" G_GINT64_FORMAT "\n", event,
           g_get_monotonic_time () - process_start_us);
  fflush (stderr);
}

typedef struct {
  GdkFrameClock *clock;
  gulong         handler;
  char          *event;
} PendingMark;

static void
after_paint_cb (GdkFrameClock *clock,
                PendingMark   *pending)
{
  plx_profile_mark (pending->event);
  g_signal_handler_disconnect (clock, pending->handler);
  g_object_unref (pending->clock);
  g_free (pending->event);
  g_free (pending);
}

void
plx_profile_mark_after_next_paint (GtkWidget  *widget,
                                   const char *event)
{
  GdkFrameClock *clock;
  PendingMark *pending;

  if (process_start_us == 0 || (clock = gtk_widget_get_frame_clock (widget)) == NULL)
    return;
  pending = g_new0 (PendingMark, 1);
  pending->clock = g_object_ref (clock);
  pending->event = g_strdup (event);
  pending->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), pending);
  gtk_widget_queue_draw (widget);
}
