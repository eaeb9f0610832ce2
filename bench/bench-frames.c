/* bench-frames.c: see bench-frames.h.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench-frames.h"

static void
before_paint_cb (GdkFrameClock *clock,
                 BenchFrames   *frames)
{
  frames->current_begin = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                BenchFrames   *frames)
{
  gint64 now = g_get_monotonic_time ();

  if (frames->recording)
    {
      gint64 begin = frames->current_begin > 0 ? frames->current_begin : now;

      g_array_append_val (frames->begin, begin);
      g_array_append_val (frames->end, now);
    }
  frames->current_begin = 0;
  if (frames->after_paint != NULL)
    ((void (*) (gpointer)) frames->after_paint) (frames->data);
}

void
bench_frames_init (BenchFrames *frames,
                   GtkWidget   *toplevel)
{
  memset (frames, 0, sizeof *frames);
  frames->begin = g_array_new (FALSE, FALSE, sizeof (gint64));
  frames->end = g_array_new (FALSE, FALSE, sizeof (gint64));
  frames->clock = gtk_widget_get_frame_clock (toplevel);
  g_assert (frames->clock != NULL);
  /* The clock goes with the window; clearing afterwards must not touch it. */
  g_object_add_weak_pointer (G_OBJECT (frames->clock), (gpointer *) &frames->clock);
  g_signal_connect (frames->clock, "before-paint", G_CALLBACK (before_paint_cb), frames);
  g_signal_connect_after (frames->clock, "after-paint", G_CALLBACK (after_paint_cb), frames);
}

void
bench_frames_clear (BenchFrames *frames)
{
  if (frames->clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (frames->clock, frames);
      g_object_remove_weak_pointer (G_OBJECT (frames->clock), (gpointer *) &frames->clock);
    }
  g_clear_pointer (&frames->begin, g_array_unref);
  g_clear_pointer (&frames->end, g_array_unref);
  frames->clock = NULL;
}

void
bench_frames_reset (BenchFrames *frames)
{
  g_array_set_size (frames->begin, 0);
  g_array_set_size (frames->end, 0);
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
bench_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  gboolean painted;
  gboolean timed_out;
} FrameWait;

static void
frame_painted (gpointer data)
{
  ((FrameWait *) data)->painted = TRUE;
}

gboolean
bench_wait_frame (BenchFrames *frames,
                  guint        timeout_ms)
{
  FrameWait wait = { FALSE, FALSE };
  GCallback saved = frames->after_paint;
  gpointer saved_data = frames->data;
  guint timeout = g_timeout_add (timeout_ms, set_true_cb, &wait.timed_out);

  frames->after_paint = G_CALLBACK (frame_painted);
  frames->data = &wait;
  while (!wait.painted && !wait.timed_out)
    g_main_context_iteration (NULL, TRUE);
  frames->after_paint = saved;
  frames->data = saved_data;
  if (!wait.timed_out)
    g_source_remove (timeout);
  return wait.painted;
}

void
bench_print_samples (const char *name,
                     GArray     *values_ms)
{
  printf ("%s %u", name, values_ms->len);
  for (guint i = 0; i < values_ms->len; i++)
    printf (" %.3f", g_array_index (values_ms, double, i));
  printf ("\n");
  fflush (stdout);
}

/* ---- the scroll driver ---- */

typedef struct
{
  GtkTextView   *view;
  GtkAdjustment *vadjustment;
  GtkTextMark   *mark;
  GRand         *rand;
  guint          steps_left;
  guint          jumps_left;
  gboolean       done;
} Scroll;

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Scroll *scroll = data;

  if (scroll->steps_left > 0)
    {
      double page = gtk_adjustment_get_page_size (scroll->vadjustment);
      double value = gtk_adjustment_get_value (scroll->vadjustment) + page / 3;
      double top = gtk_adjustment_get_upper (scroll->vadjustment) - page;

      /* At the end of what is laid out so far, start again at the top. */
      gtk_adjustment_set_value (scroll->vadjustment, value <= top ? value : 0);
      scroll->steps_left--;
      return G_SOURCE_CONTINUE;
    }
  if (scroll->jumps_left > 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (scroll->view);
      int n = gtk_text_buffer_get_char_count (buffer);
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_rand_int_range (scroll->rand, 0, MAX (n, 1)));
      gtk_text_buffer_move_mark (buffer, scroll->mark, &iter);
      gtk_text_view_scroll_to_mark (scroll->view, scroll->mark, 0, TRUE, 0, 0);
      scroll->jumps_left--;
      return G_SOURCE_CONTINUE;
    }
  scroll->done = TRUE;
  return G_SOURCE_REMOVE;
}

void
bench_scroll_run (GtkTextView *view,
                  BenchFrames *frames,
                  guint        steps,
                  guint        jumps)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  Scroll scroll = { 0 };
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer, &start);
  scroll.view = view;
  scroll.vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  scroll.mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  scroll.rand = g_rand_new_with_seed (7);
  scroll.steps_left = steps;
  scroll.jumps_left = jumps;

  bench_frames_reset (frames);
  frames->recording = TRUE;
  gtk_widget_add_tick_callback (GTK_WIDGET (view), scroll_tick_cb, &scroll, NULL);
  while (!scroll.done)
    g_main_context_iteration (NULL, TRUE);
  /* The last jump's frame. */
  bench_wait_frame (frames, 1000);
  frames->recording = FALSE;

  for (guint i = 0; i < frames->end->len; i++)
    {
      double w = (g_array_index (frames->end, gint64, i) - g_array_index (frames->begin, gint64, i)) / 1000.0;

      g_array_append_val (work, w);
      if (i > 0)
        {
          double d = (g_array_index (frames->end, gint64, i) - g_array_index (frames->end, gint64, i - 1)) / 1000.0;
          g_array_append_val (intervals, d);
        }
    }
  bench_print_samples ("scroll-interval", intervals);
  bench_print_samples ("scroll-work", work);
  gtk_text_buffer_delete_mark (buffer, scroll.mark);
  g_rand_free (scroll.rand);
}

/* ---- profile lines ---- */

/* The process's start on CLOCK_BOOTTIME, from /proc/self/stat (field 22,
 * in clock ticks since boot): as precise as the kernel keeps it (10 ms);
 * differences between two events of one process are exact. */
static gint64
process_start_us (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long long ticks = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || (p = strrchr (stat, ')')) == NULL)
    return 0;
  /* After the command name: field 3 onwards; starttime is field 22. */
  for (int spaces = 0; spaces < 20 && p != NULL; spaces++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &ticks) != 1)
    return 0;
  return (gint64) (ticks * G_USEC_PER_SEC / (unsigned long long) sysconf (_SC_CLK_TCK));
}

void
bench_profile (const char *event)
{
  static gint64 start = -1;
  struct timespec now;

  if (start < 0)
    start = process_start_us ();
  clock_gettime (CLOCK_BOOTTIME, &now);
  fprintf (stderr, "parallax-profile: %s %" G_GINT64_FORMAT "\n", event,
           (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000 - start);
}
