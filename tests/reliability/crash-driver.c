/* crash-driver.c: the app's half of the crash harness. Opens the real
 * window on a project, prints "opened", then tags random passages through
 * the window's own "win.tag-selection" action for ever, printing each new
 * annotation's UUID once the action has returned (the project emits
 * changes-committed only after the commit). The harness kills it with
 * SIGKILL at a random moment.
 *   crash-driver PROJECT [--open-only]
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "plx-core.h"
#include "plx-window.h"

static char *last_uuid;

static void
changes_committed_cb (PlxProject   *project,
                      PlxChangeSet *changes,
                      gpointer      data)
{
  for (guint i = 0; i < plx_change_set_get_n_changes (changes); i++)
    {
      const PlxChange *change = plx_change_set_get_change (changes, i);

      if (change->kind == PLX_CHANGE_ANNOTATION && change->before == NULL && change->after != NULL)
        {
          g_free (last_uuid);
          last_uuid = g_strdup (plx_annotation_get_uuid (change->after));
        }
    }
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  PlxWindow *window;
  PlxDocument *document;
  GtkTextBuffer *buffer;
  guint length;

  if (argc < 2)
    {
      g_printerr ("usage: crash-driver PROJECT [--open-only]\n");
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  window = g_object_ref_sink (plx_window_new (NULL));
  if (!plx_window_open_project (window, argv[1], &error))
    {
      g_printerr ("crash-driver: %s\n", error->message);
      return 1;
    }
  gtk_window_present (GTK_WINDOW (window));
  /* The window may load the document in the background. */
  for (gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
       plx_window_get_document (window) == NULL && g_get_monotonic_time () < deadline;)
    {
      iterate ();
      g_usleep (10000);
    }
  iterate ();
  document = plx_window_get_document (window);
  if (document == NULL)
    {
      g_autoptr(GPtrArray) documents = plx_project_list_documents (plx_window_get_project (window), &error);

      g_printerr ("crash-driver: the window shows no document (the project lists %d: %s)\n",
                  documents ? (int) documents->len : -1, error ? error->message : "no error");
      return 1;
    }
  printf ("opened %u\n", plx_project_count_annotations (plx_window_get_project (window), NULL, NULL));
  fflush (stdout);
  if (argc > 2 && strcmp (argv[2], "--open-only") == 0)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_object_unref (window);
      return 0;
    }

  g_signal_connect (plx_window_get_project (window), "changes-committed", G_CALLBACK (changes_committed_cb), NULL);
  buffer = gtk_text_view_get_buffer (plx_window_get_text_view (window));
  length = plx_document_get_length (document);
  rand = g_rand_new ();
  for (;;)
    {
      guint start = (guint) g_rand_int_range (rand, 0, (gint32) length - 200);
      guint end = start + (guint) g_rand_int_range (rand, 5, 120);
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end);
      gtk_text_buffer_select_range (buffer, &a, &b);
      g_clear_pointer (&last_uuid, g_free);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", "i", g_rand_int_range (rand, 1, 5));
      if (last_uuid != NULL)
        {
          printf ("%s\n", last_uuid);
          fflush (stdout);
        }
      iterate ();
    }
}
