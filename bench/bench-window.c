/* bench-window.c: drives the real Parallax window for the performance suite.
 * usage: bench-window tag PROJECT [N]   N taggings (default 200) in the view
 *        bench-window scroll PROJECT    the shared scroll driver
 *        bench-window load PROJECT      frames while a (large) document loads
 * Prints sample lines ("name count v1 v2 …", milliseconds) for bench/run.
 * The project is modified (tag): pass a copy.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "bench-frames.h"
#include "plx-core.h"
#include "plx-window.h"

/* Whether the window shows its whole document. The window may load it in
 * the background, so wait for the buffer rather than for open_project. */
static gboolean
loaded (PlxWindow *window)
{
  PlxDocument *document = plx_window_get_document (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (window));

  return document != NULL &&
         (guint) gtk_text_buffer_get_char_count (buffer) >= plx_document_get_length (document);
}

static gboolean
wait_loaded (PlxWindow *window,
             guint      timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!loaded (window) && g_get_monotonic_time () < deadline)
    bench_wait_ms (5);
  return loaded (window);
}

static PlxWindow *
open_window (const char *path)
{
  PlxWindow *window = plx_window_new (NULL);
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (window);
  if (!plx_window_open_project (window, path, &error))
    {
      fprintf (stderr, "bench-window: %s\n", error->message);
      exit (1);
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static double
ms_between (gint64 a,
            gint64 b)
{
  return (b - a) / 1000.0;
}

/* ---- tagging ---- */

/* Waits until no frame has been painted for @quiet_ms: GtkTextView lays
 * out a long text in the background, a frame after each chunk, for a few
 * seconds after it is shown; a reader takes longer than that to select a
 * first passage, and the toolkit's own work is not what is measured here. */
static gboolean
wait_settled (BenchFrames *frames,
              guint        quiet_ms,
              guint        timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    if (!bench_wait_frame (frames, quiet_ms))
      return TRUE;
  return FALSE;
}

static int
run_tag (const char *path,
         guint       n)
{
  PlxWindow *window = open_window (path);
  GtkTextView *view = plx_window_get_text_view (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GArray) commit = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) painted = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GError) error = NULL;
  PlxAnnotationQuery query = { 0 };
  BenchFrames frames;
  guint before, after, missed = 0;

  bench_frames_init (&frames, GTK_WIDGET (window));
  if (!wait_loaded (window, 120))
    {
      fprintf (stderr, "bench-window: the document did not load\n");
      return 1;
    }
  if (!wait_settled (&frames, 1000, 120))
    fprintf (stderr, "bench-window: the window kept painting for 120 s\n");
  before = plx_project_count_annotations (plx_window_get_project (window), &query, &error);

  for (guint i = 0; i < n; i++)
    {
      GdkRectangle visible;
      GtkTextIter top, bottom, a, b;
      int first, last, start, end;
      gint64 t0, t1;

      /* A passage on screen, as a reader would tag it. */
      gtk_text_view_get_visible_rect (view, &visible);
      gtk_text_view_get_iter_at_location (view, &top, visible.x, visible.y);
      gtk_text_view_get_iter_at_location (view, &bottom, visible.x + visible.width - 1, visible.y + visible.height - 1);
      first = gtk_text_iter_get_offset (&top);
      last = MAX (gtk_text_iter_get_offset (&bottom), first + 200);
      start = g_rand_int_range (rand, first, last - 100);
      end = start + g_rand_int_range (rand, 10, 90);
      gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
      gtk_text_buffer_select_range (buffer, &a, &b);
      /* Let the selection paint and the window settle (the actions that
       * need a selection turn sensitive, and their buttons fade in for
       * 200 ms), as they have by the time a reader presses a key. */
      bench_wait_frame (&frames, 100);
      wait_settled (&frames, 50, 2);

      t0 = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", "i", (int) (i % 4) + 1);
      t1 = g_get_monotonic_time ();
      if (!bench_wait_frame (&frames, 500))
        missed++;
      g_array_append_val (commit, (double) { ms_between (t0, t1) });
      g_array_append_val (painted, (double) { ms_between (t0, g_get_monotonic_time ()) });
    }

  after = plx_project_count_annotations (plx_window_get_project (window), &query, &error);
  bench_print_samples ("tag-commit", commit);
  bench_print_samples ("tag-painted", painted);
  printf ("tag-rows-added %u\ntag-no-frame %u\n", after - before, missed);
  bench_frames_clear (&frames);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  return after - before == n ? 0 : 1;
}

/* ---- scrolling ---- */

static int
run_scroll (const char *path)
{
  PlxWindow *window = open_window (path);
  BenchFrames frames;

  bench_frames_init (&frames, GTK_WIDGET (window));
  if (!wait_loaded (window, 120))
    {
      fprintf (stderr, "bench-window: the document did not load\n");
      return 1;
    }
  bench_wait_ms (1000);
  bench_scroll_run (plx_window_get_text_view (window), &frames, 300, 20);
  bench_frames_clear (&frames);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  return 0;
}

/* ---- loading ---- */

static int
run_load (const char *path)
{
  PlxWindow *window = plx_window_new (NULL);
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  BenchFrames frames;
  gint64 t_open, t_loaded, previous;
  double longest = 0;

  /* The window first shows empty, as while a project opens; from then on
   * every gap between painted frames is time the window was frozen. */
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  bench_frames_init (&frames, GTK_WIDGET (window));
  bench_wait_frame (&frames, 5000);
  bench_wait_ms (500);

  frames.recording = TRUE;
  t_open = g_get_monotonic_time ();
  if (!plx_window_open_project (window, path, &error))
    {
      fprintf (stderr, "bench-window: %s\n", error->message);
      return 1;
    }
  if (!wait_loaded (window, 300))
    {
      fprintf (stderr, "bench-window: the document did not load\n");
      return 1;
    }
  t_loaded = g_get_monotonic_time ();
  /* The frames that show the loaded text. */
  bench_wait_ms (1000);
  frames.recording = FALSE;

  previous = t_open;
  for (guint i = 0; i < frames.end->len; i++)
    {
      gint64 end = g_array_index (frames.end, gint64, i);
      double d = ms_between (previous, end);

      g_array_append_val (intervals, d);
      longest = MAX (longest, d);
      previous = end;
    }
  /* A freeze still going on when the window was last seen counts too. */
  longest = MAX (longest, ms_between (previous, t_loaded));
  bench_print_samples ("load-interval", intervals);
  printf ("load-longest-frame %.3f\nload-time %.3f\n", longest, ms_between (t_open, t_loaded));
  bench_frames_clear (&frames);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  return 0;
}

/* The application's stylesheet, which AdwApplication loads for the real
 * program: without it the panels' cards are measured without their
 * padding and the text in another size. */
static void
load_stylesheet (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/parallax_annotator/Parallax/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    goto usage;
  gtk_init ();
  adw_init ();
  load_stylesheet ();
  if (strcmp (argv[1], "tag") == 0)
    return run_tag (argv[2], argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 200);
  if (strcmp (argv[1], "scroll") == 0)
    return run_scroll (argv[2]);
  if (strcmp (argv[1], "load") == 0)
    return run_load (argv[2]);
usage:
  fprintf (stderr, "usage: bench-window tag|scroll|load PROJECT [N]\n");
  return 2;
}
