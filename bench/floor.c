/* floor.c: what the toolkit alone costs. An AdwApplicationWindow of
 * Parallax's default size holding a read-only, word-wrapped GtkTextView in
 * a GtkScrolledWindow with the given file's text, and nothing else.
 * usage: floor FILE [--scroll-bench]
 * With PARALLAX_PROFILE=1 it prints the app's profile lines (first-frame,
 * first-text-frame); with --scroll-bench it runs the suite's scroll driver
 * once the window has painted, prints the samples and quits.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "bench-frames.h"

static char *text;
static gsize text_length;
static gboolean scroll_bench;
static gboolean profile;
static BenchFrames frames;
static gboolean painted;
static GtkTextView *text_view;

static void
first_paint_cb (gpointer data)
{
  if (painted)
    return;
  painted = TRUE;
  if (profile)
    {
      bench_profile ("first-frame");
      bench_profile ("first-text-frame");
    }
}

static gboolean
scroll_bench_cb (gpointer data)
{
  bench_scroll_run (text_view, &frames, 300, 20);
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, (int) text_length);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  text_view = GTK_TEXT_VIEW (view);

  bench_frames_init (&frames, window);
  frames.after_paint = G_CALLBACK (first_paint_cb);
  if (scroll_bench)
    g_timeout_add (1000, scroll_bench_cb, window);
}

int
main (int argc, char **argv)
{
  g_autoptr(AdwApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (argc < 2 || (argc == 3 && strcmp (argv[2], "--scroll-bench") != 0) || argc > 3)
    {
      fprintf (stderr, "usage: floor FILE [--scroll-bench]\n");
      return 2;
    }
  scroll_bench = argc == 3;
  profile = g_strcmp0 (g_getenv ("PARALLAX_PROFILE"), "1") == 0;
  if (!g_file_get_contents (argv[1], &text, &text_length, &error))
    {
      fprintf (stderr, "floor: %s\n", error->message);
      return 1;
    }
  application = adw_application_new ("io.github.parallax_annotator.Floor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (application), 1, argv);
  bench_frames_clear (&frames);
  g_free (text);
  return status;
}
