/* test-two-writers.c: two PlxProject connections on one file (as two
 * windows, or the app and a script) and a parallax-cli process writing at
 * the same time. SQLite lets one writer in at a time; the others must wait
 * out the short lock (busy timeout) rather than fail, nothing may be lost,
 * and each connection must pick up the others' changes when it syncs.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-test-utils.h"

#define N_EACH 200

typedef struct {
  PlxProject        *project;
  PlxAnnotationList *list;
  PlxDocument       *document;
  gint64             perspective_id;
  GPtrArray         *uuids;           /* what this connection added */
  guint              external_changes;
} Writer;

typedef struct {
  char         *path;
  const char   *cli;
  Writer        writers[2];
  guint         cli_started;
  guint         cli_done;
  GMainLoop    *loop;
} Fixture;

static void
external_change_cb (PlxProject *project,
                    Writer     *writer)
{
  writer->external_changes++;
}

static void
writer_init (Writer     *writer,
             PlxProject *project,
             gint64      document_id)
{
  g_autoptr(GError) error = NULL;

  writer->project = project;
  writer->document = plx_project_load_document (project, document_id, &error);
  g_assert_no_error (error);
  writer->list = plx_annotation_list_new (project, document_id, &error);
  g_assert_no_error (error);
  writer->perspective_id = plx_perspective_get_id (plx_project_find_perspective_by_name (project, "Western"));
  writer->uuids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (project, "external-change", G_CALLBACK (external_change_cb), writer);
}

static void
writer_clear (Writer *writer)
{
  g_clear_object (&writer->list);
  g_clear_object (&writer->document);
  g_clear_object (&writer->project);
  g_clear_pointer (&writer->uuids, g_ptr_array_unref);
}

/* Three writers' ranges never coincide: writer w, round i. */
static guint
range_start (guint writer,
             guint round)
{
  return 10 + round * 150 + writer * 45;
}

static void
writer_add (Writer *writer,
            guint   index,
            guint   round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = NULL;
  guint start = range_start (index, round);

  annotation = plx_annotation_new_for_range (writer->document, start, start + 30, writer->perspective_id, &error);
  g_assert_no_error (error);
  /* A lock held by another writer must be waited out, never reported. */
  plx_project_add_annotation (writer->project, annotation, &error);
  g_assert_no_error (error);
  g_ptr_array_add (writer->uuids, g_strdup (plx_annotation_get_uuid (annotation)));
}

/* After a sync, this connection's list holds everything the other
 * connection in this process has committed so far. */
static void
writer_sync (Writer *writer,
             Writer *other)
{
  g_autoptr(GError) error = NULL;

  plx_project_sync_external_changes (writer->project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < other->uuids->len; i++)
    g_assert_nonnull (plx_annotation_list_find (writer->list, g_ptr_array_index (other->uuids, i)));
}

static void start_cli (Fixture *fixture);

static void
cli_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  fixture->cli_done++;
  if (fixture->cli_started < N_EACH)
    start_cli (fixture);
  else
    g_main_loop_quit (fixture->loop);
}

/* Starts the CLI's next annotation, then (while it runs) has each
 * connection in this process write one, so all three contend. */
static void
start_cli (Fixture *fixture)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint round = fixture->cli_started++;

  start = g_strdup_printf ("%u", range_start (2, round));
  end = g_strdup_printf ("%u", range_start (2, round) + 30);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              fixture->cli, "annotate", fixture->path, "--document", "1",
                              "--start", start, "--end", end, "--perspective", "Russian",
                              "--tag", "cli", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, cli_done_cb, fixture);

  writer_add (&fixture->writers[0], 0, round);
  writer_add (&fixture->writers[1], 1, round);
  if (round % 10 == 9)
    {
      writer_sync (&fixture->writers[0], &fixture->writers[1]);
      writer_sync (&fixture->writers[1], &fixture->writers[0]);
    }
}

static void
test_two_writers (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autoptr(GFile) essay_file = g_file_new_for_path (essay_path);
  g_autoptr(PlxDocument) essay = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  PlxProject *first, *second;

  fixture.cli = g_getenv ("PLX_CLI");
  g_assert_nonnull (fixture.cli);
  fixture.path = g_build_filename (dir, "shared.parallax", NULL);
  fixture.loop = g_main_loop_new (NULL, FALSE);

  first = plx_project_create (fixture.path, &error);
  g_assert_no_error (error);
  essay = plx_document_new_from_file (essay_file, NULL, &error);
  g_assert_no_error (error);
  plx_project_add_document (first, essay, &error);
  g_assert_no_error (error);
  second = plx_project_open (fixture.path, &error);
  g_assert_no_error (error);
  writer_init (&fixture.writers[0], first, plx_document_get_id (essay));
  writer_init (&fixture.writers[1], second, plx_document_get_id (essay));

  start_cli (&fixture);
  g_main_loop_run (fixture.loop);
  g_assert_cmpuint (fixture.cli_done, ==, N_EACH);

  for (guint w = 0; w < 2; w++)
    {
      Writer *writer = &fixture.writers[w];
      Writer *other = &fixture.writers[1 - w];
      guint n_cli = 0;

      writer_sync (writer, other);
      g_assert_cmpuint (plx_project_count_annotations (writer->project, NULL, &error), ==, 3 * N_EACH);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (writer->list)), ==, 3 * N_EACH);
      for (guint i = 0; i < writer->uuids->len; i++)
        g_assert_nonnull (plx_annotation_list_find (writer->list, g_ptr_array_index (writer->uuids, i)));
      for (guint i = 0; i < 3 * N_EACH; i++)
        {
          g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (writer->list), i);
          const char * const *themes = plx_annotation_get_themes (annotation);

          if (themes != NULL && g_strv_contains (themes, "cli"))
            n_cli++;
        }
      g_assert_cmpuint (n_cli, ==, N_EACH);
      g_assert_cmpuint (writer->external_changes, >, 0);
      g_test_message ("connection %u: %u external changes seen", w + 1, writer->external_changes);
    }
  g_test_message ("%u annotations from three writers in %.1f s", 3 * N_EACH, g_timer_elapsed (timer, NULL));

  writer_clear (&fixture.writers[0]);
  writer_clear (&fixture.writers[1]);
  g_main_loop_unref (fixture.loop);
  g_free (fixture.path);
  plx_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/two-writers/concurrent", test_two_writers);

  return g_test_run ();
}
