/* bench-frames.h: frame clock recording and the scroll driver shared by the
 * floor (bench/floor.c) and the window harness (bench/bench-window.c), so
 * both are measured by the same code.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Frame timings of one toplevel, in microseconds of g_get_monotonic_time(). */
typedef struct
{
  GdkFrameClock *clock;
  GArray        *begin;       /* gint64: "before-paint" of each frame */
  GArray        *end;         /* gint64: "after-paint" of the same frame */
  gint64         current_begin;
  gboolean       recording;
  GCallback      after_paint; /* optional: called as void (*)(gpointer data) */
  gpointer       data;
} BenchFrames;

void     bench_frames_init          (BenchFrames  *frames,
                                     GtkWidget    *toplevel);
void     bench_frames_clear         (BenchFrames  *frames);
void     bench_frames_reset         (BenchFrames  *frames);

/* Waits, running the main loop, for @ms milliseconds. */
void     bench_wait_ms              (guint         ms);
/* Waits until the next "after-paint" or @timeout_ms; FALSE on timeout. */
gboolean bench_wait_frame           (BenchFrames  *frames,
                                     guint         timeout_ms);

/* "name n v1 v2 …" on standard output, values in milliseconds. */
void     bench_print_samples        (const char   *name,
                                     GArray       *values_ms);

/* Scrolls @view one step per frame: @steps of a third of a page, then
 * @jumps to places drawn from a fixed seed, and prints the samples
 * "interval" (after-paint to after-paint) and "work" (before-paint to
 * after-paint) of the frames in between. */
void     bench_scroll_run           (GtkTextView  *view,
                                     BenchFrames  *frames,
                                     guint         steps,
                                     guint         jumps);

/* "parallax-profile: EVENT MICROSECONDS" on standard error, the time
 * counted from the process's start, as the app does under PARALLAX_PROFILE=1. */
void     bench_profile              (const char   *event);

G_END_DECLS
