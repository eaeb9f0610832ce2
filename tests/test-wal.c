/* test-wal.c: a write-ahead log that is not the project's own is never
 * replayed into it, and a refused open changes neither the file nor the
 * log. The logs are those of real crashes: the project and its -wal are
 * copied while a connection still has commits in the log.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "plx-core.h"
#include "plx-salvage.h"
#include "plx-test-utils.h"

typedef struct {
  char        *dir;
  char        *path;     /* project A, closed cleanly, 3 annotations */
  char        *backup;   /* A as it was with 1 annotation */
  char        *crash;    /* A's file and log as a crash left them: 5 annotations */
  char        *other;    /* project B's file and log as a crash left them */
} Fixture;

static void
annotate_n (PlxProject  *project,
            PlxDocument *document,
            guint        first,
            guint        n)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlxAnnotation) annotation = NULL;
      PlxPerspective *perspective = plx_project_find_perspective_by_name (project, "Russian");

      annotation = plx_annotation_new_for_range (document, i * 10, i * 10 + 5, plx_perspective_get_id (perspective), &error);
      g_assert_no_error (error);
      plx_project_add_annotation (project, annotation, &error);
      g_assert_no_error (error);
    }
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

/* Copies @path and its log as they are now, with @project still open:
 * what kill -9 would leave. */
static void
copy_crash (const char *path,
            const char *to)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *to_wal = g_strconcat (to, "-wal", NULL);

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  copy_file (path, to);
  copy_file (wal, to_wal);
}

static guint
count_annotations (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = plx_project_open (path, &error);
  guint n;

  g_assert_no_error (error);
  n = plx_project_count_annotations (project, NULL, &error);
  g_assert_no_error (error);
  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) essay = g_file_new_for_path (essay_path);
  g_autoptr(PlxDocument) document = plx_document_new_from_file (essay, NULL, &error);
  g_autoptr(PlxProject) project = NULL;
  g_autofree char *b_path = NULL;
  g_autofree char *wal = NULL;

  g_assert_no_error (error);
  f->dir = plx_test_make_tempdir ();
  f->path = g_build_filename (f->dir, "a.parallax", NULL);
  f->backup = g_build_filename (f->dir, "a-backup.parallax", NULL);
  f->crash = g_build_filename (f->dir, "a-crash.parallax", NULL);
  f->other = g_build_filename (f->dir, "b-crash.parallax", NULL);
  b_path = g_build_filename (f->dir, "b.parallax", NULL);

  project = plx_project_create (f->path, &error);
  g_assert_no_error (error);
  plx_project_add_document (project, document, &error);
  g_assert_no_error (error);
  annotate_n (project, document, 0, 1);
  g_clear_object (&project);
  /* A clean close leaves no log behind. */
  wal = g_strconcat (f->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  copy_file (f->path, f->backup);

  project = plx_project_open (f->path, &error);
  g_assert_no_error (error);
  annotate_n (project, document, 1, 2);
  g_clear_object (&project);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  project = plx_project_open (f->path, &error);
  g_assert_no_error (error);
  annotate_n (project, document, 3, 2);
  copy_crash (f->path, f->crash);
  /* A's own file goes back to 3 annotations: the crash copy has the log. */
  g_clear_object (&project);
  copy_file (f->crash, f->path);

  project = plx_project_create (b_path, &error);
  g_assert_no_error (error);
  plx_project_add_document (project, document, &error);
  g_assert_no_error (error);
  annotate_n (project, document, 20, 4);
  copy_crash (b_path, f->other);
  g_clear_object (&project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  plx_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->backup);
  g_free (f->crash);
  g_free (f->other);
}

/* Puts @file_from and @wal_from's log together at @to. */
static void
pair (const char *file_from,
      const char *wal_from,
      const char *to)
{
  g_autofree char *wal = g_strconcat (wal_from, "-wal", NULL);
  g_autofree char *to_wal = g_strconcat (to, "-wal", NULL);

  copy_file (file_from, to);
  copy_file (wal, to_wal);
}

typedef struct {
  char *file;
  char *wal;
} Sums;

static void
sums_take (Sums       *sums,
           const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  sums->file = plx_test_file_checksum (path);
  sums->wal = plx_test_file_checksum (wal);
}

static void
sums_assert_same (Sums       *sums,
                  const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *file_now = plx_test_file_checksum (path);
  g_autofree char *wal_now = plx_test_file_checksum (wal);

  g_assert_cmpstr (file_now, ==, sums->file);
  g_assert_cmpstr (wal_now, ==, sums->wal);
  g_free (sums->file);
  g_free (sums->wal);
}

static void
test_own_log_replayed (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->crash, "-wal", NULL);

  /* Committed before the crash, so it is there. */
  g_assert_cmpuint (count_annotations (f->crash), ==, 5);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_annotations (f->path), ==, 3);
}

static void
assert_refused (const char *path,
                const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = NULL;
  Sums sums = { 0, };

  sums_take (&sums, path);
  project = plx_project_open (path, &error);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_FOREIGN_LOG);
  g_assert_null (project);
  g_assert_cmpstr (error->message, ==, expected_message);
  sums_assert_same (&sums, path);
}

static void
test_backup_beside_crash_log (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *restored = g_build_filename (f->dir, "restored.parallax", NULL);
  g_autofree char *wal = g_strconcat (restored, "-wal", NULL);
  g_autofree char *salvaged = g_build_filename (f->dir, "salvaged.parallax", NULL);
  g_autofree char *expected = g_strdup_printf ("%s was not opened: the log %s beside it was written on another "
                                               "state of this project (as when a backup is restored beside the "
                                               "log of a crash). Nothing was changed.", restored, wal);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxSalvageReport) report = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *wal_sum = NULL;
  g_autofree char *aside_sum = NULL;
  Sums sums = { 0, };

  /* The backup (1 annotation) and the log of the crash (made on top of
   * 3 annotations) */
  pair (f->backup, f->crash, restored);
  assert_refused (restored, expected);
  /* Asking twice changes nothing either. */
  assert_refused (restored, expected);

  /* Salvage reads the file without the log, and says so. */
  sums_take (&sums, restored);
  report = plx_project_salvage (restored, salvaged, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->annotations, ==, 1);
  g_assert_cmpuint (report->documents, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->problems, 0), "The log beside the project was not read: "));
  sums_assert_same (&sums, restored);
  g_assert_cmpuint (count_annotations (salvaged), ==, 1);

  /* Or the log goes aside, kept whole, and the backup opens as it is. */
  wal_sum = plx_test_file_checksum (wal);
  plx_project_set_log_aside (restored, &aside, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (aside, wal));
  g_assert_true (strstr (aside, "-wal.foreign-") != NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  aside_sum = plx_test_file_checksum (aside);
  g_assert_cmpstr (aside_sum, ==, wal_sum);
  g_assert_cmpuint (count_annotations (restored), ==, 1);
}

static void
test_log_of_another_project (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *mixed = g_build_filename (f->dir, "mixed.parallax", NULL);
  g_autofree char *wal = g_strconcat (mixed, "-wal", NULL);
  g_autofree char *salvaged = g_build_filename (f->dir, "salvaged.parallax", NULL);
  g_autofree char *expected = g_strdup_printf ("%s was not opened: the log %s beside it belongs to another project. "
                                               "Nothing was changed.", mixed, wal);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxSalvageReport) report = NULL;

  /* A's file, closed cleanly with 3 annotations, and B's log. */
  pair (f->path, f->other, mixed);
  assert_refused (mixed, expected);

  report = plx_project_salvage (mixed, salvaged, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->annotations, ==, 3);
  g_assert_cmpuint (count_annotations (salvaged), ==, 3);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A log of a newer state of the same file, where the file went on without
 * it: the older log must not overwrite the newer pages. */
static void
test_old_log_beside_newer_file (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *newer = g_build_filename (f->dir, "newer.parallax", NULL);
  g_autofree char *wal = g_strconcat (newer, "-wal", NULL);
  g_autofree char *expected = g_strdup_printf ("%s was not opened: the log %s beside it was written on another "
                                               "state of this project (as when a backup is restored beside the "
                                               "log of a crash). Nothing was changed.", newer, wal);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxProject) project = NULL;

  /* The crash copy, replayed and worked on further... */
  copy_file (f->crash, newer);
  project = plx_project_open (newer, &error);
  g_assert_no_error (error);
  document = plx_project_load_document (project, 1, &error);
  g_assert_no_error (error);
  annotate_n (project, document, 40, 3);
  g_clear_object (&project);
  /* ...then the old log of the crash put back beside it. */
  pair (newer, f->crash, newer);
  assert_refused (newer, expected);
}

/* A log that is the project's own, but a refusal for another reason: the
 * log adds a trigger, which is not ours. The refusal must not checkpoint. */
static void
test_refusal_keeps_own_log (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = NULL;
  g_autofree char *aside = NULL;
  sqlite3 *db = NULL;
  Sums sums = { 0, };

  g_assert_cmpint (sqlite3_open (f->crash, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER t AFTER INSERT ON annotations BEGIN "
                                     "DELETE FROM annotations WHERE uuid <> NEW.uuid; END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  sums_take (&sums, f->crash);
  project = plx_project_open (f->crash, &error);
  g_assert_null (project);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "trigger"));
  sums_assert_same (&sums, f->crash);
  g_clear_error (&error);

  /* The log is the project's own: it is not set aside. */
  sums_take (&sums, f->crash);
  g_assert_false (plx_project_set_log_aside (f->crash, &aside, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_null (aside);
  sums_assert_same (&sums, f->crash);
}

/* The same through parallax-cli: the message, the choice, the exit status. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *restored = g_build_filename (f->dir, "restored.parallax", NULL);
  g_autofree char *wal = g_strconcat (restored, "-wal", NULL);
  const char *cli = g_getenv ("PLX_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  Sums sums = { 0, };
  const char *list_argv[] = { cli, "list", restored, NULL };
  const char *check_argv[] = { cli, "check", restored, NULL };
  const char *aside_argv[] = { cli, "set-log-aside", restored, NULL };
  const char *commands[] = { "list", "check" };

  pair (f->backup, f->crash, restored);
  sums_take (&sums, restored);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_spawn_sync (NULL, (char **) (i == 0 ? list_argv : check_argv), NULL, G_SPAWN_DEFAULT, NULL, NULL,
                    &out, &err, &status, &error);
      g_assert_no_error (error);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "parallax-cli: "));
      g_assert_nonnull (strstr (err, "was written on another state of this project"));
      g_assert_nonnull (strstr (err, "parallax-cli set-log-aside PROJECT"));
      g_assert_nonnull (strstr (err, "parallax-cli salvage PROJECT NEW"));
    }
  sums_assert_same (&sums, restored);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) aside_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, wal));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) check_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wal/own-log-replayed", test_own_log_replayed);
  ADD ("/wal/backup-beside-crash-log", test_backup_beside_crash_log);
  ADD ("/wal/log-of-another-project", test_log_of_another_project);
  ADD ("/wal/old-log-beside-newer-file", test_old_log_beside_newer_file);
  ADD ("/wal/refusal-keeps-own-log", test_refusal_keeps_own_log);
  ADD ("/wal/cli", test_cli);
#undef ADD

  return g_test_run ();
}
