/* test-corrupt.c: damaged and foreign project files, each offered to the
 * command line (`parallax-cli check`) and to the window. Each must be
 * refused with one clear line, leave the file byte for byte as it was,
 * and leave the window able to open another project. Damaged projects
 * that SQLite can still partly read are salvaged into a new file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE  /* setresuid */
#include <adwaita.h>
#include <grp.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "plx-application.h"
#include "plx-core.h"
#include "plx-sqlite-store.h"
#include "plx-test-utils.h"
#include "plx-window.h"

#define N_ANNOTATIONS 60
#define NOBODY 65534

typedef struct {
  char      *dir;
  char      *good;       /* an intact project with the essay and N_ANNOTATIONS */
  char      *other;      /* two intact projects without documents, */
  char      *empty;      /* opened in turn after each refusal */
  PlxWindow *window;
} Fixture;

static guint files_tried;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Documents load asynchronously (a worker thread, then a slice per frame). */
static void
wait_for_document (PlxWindow *window)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while ((plx_window_get_document (window) == NULL || plx_window_get_loading (window)) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

static void
make_project (const char *path,
              guint       n_annotations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  PlxDocument *essay;
  GListModel *perspectives;

  plx_application_ensure_default_project (path, &error);
  g_assert_no_error (error);
  project = plx_project_open (path, &error);
  g_assert_no_error (error);
  documents = plx_project_list_documents (project, &error);
  g_assert_no_error (error);
  essay = g_ptr_array_index (documents, 0);
  perspectives = plx_project_get_perspectives (project);
  for (guint i = 0; i < n_annotations; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i % 4);
      g_autoptr(PlxAnnotation) annotation =
        plx_annotation_new_for_range (essay, 100 + i * 300, 160 + i * 300, plx_perspective_get_id (perspective), &error);
      const char *themes[] = { i % 2 ? "security" : "history", NULL };

      g_assert_no_error (error);
      plx_annotation_set_themes (annotation, themes);
      plx_annotation_set_note (annotation, "a note");
      plx_project_add_annotation (project, annotation, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = NULL;

  fixture->dir = plx_test_make_tempdir ();
  /* Readable by the unprivileged user the read-only cases run as. */
  g_chmod (fixture->dir, 0755);
  fixture->good = g_build_filename (fixture->dir, "good.parallax", NULL);
  fixture->other = g_build_filename (fixture->dir, "other.parallax", NULL);
  fixture->empty = g_build_filename (fixture->dir, "empty-project.parallax", NULL);
  make_project (fixture->good, N_ANNOTATIONS);
  g_clear_object (&project);
  project = plx_project_create (fixture->other, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  project = plx_project_create (fixture->empty, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (plx_window_new (NULL));
  plx_window_open_project (fixture->window, fixture->other, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Whatever was refused, the window still opens and shows a project. */
  g_assert_true (plx_window_open_project (fixture->window, fixture->good, &error));
  g_assert_no_error (error);
  wait_for_document (fixture->window);
  g_assert_nonnull (plx_window_get_document (fixture->window));
  g_assert_cmpuint (plx_project_count_annotations (plx_window_get_project (fixture->window), NULL, NULL), ==, N_ANNOTATIONS);
  iterate ();
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->window);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->good);
  g_free (fixture->other);
  g_free (fixture->empty);
  g_free (fixture->dir);
}

/* ---- running as another user ---- */

static void
become_nobody_child_setup (gpointer data)
{
  if (setgroups (0, NULL) != 0 || setresgid (NOBODY, NOBODY, NOBODY) != 0 || setresuid (NOBODY, NOBODY, NOBODY) != 0)
    _exit (99);
}

/* Root may write anything, so the read-only cases run as nobody; the
 * saved uid stays root, so the test can come back. */
static void
drop_privileges (gboolean drop)
{
  if (drop)
    {
      g_assert_cmpint (setresgid (NOBODY, NOBODY, 0), ==, 0);
      g_assert_cmpint (setresuid (NOBODY, NOBODY, 0), ==, 0);
    }
  else if (getuid () == NOBODY)
    {
      g_assert_cmpint (setresuid (0, 0, 0), ==, 0);
      g_assert_cmpint (setresgid (0, 0, 0), ==, 0);
    }
}

/* ---- the two front ends ---- */

/* `parallax-cli check PATH` fails with exit 1 and one line naming the
 * file; returns that line. */
/* What the CLI is asked to do with a file it must refuse: check it, or,
 * for a read-only project that can be read, change it. "@" is the file. */
static const char *const CHECK[] = { "check", "@", NULL };
static const char *const ADD_PERSPECTIVE[] = { "perspectives", "@", "add", "Observers", NULL };

static char *
cli_refuses (const char         *path,
             const char         *named,
             gboolean            as_nobody,
             const char * const *command)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  const char *cli = g_getenv ("PLX_CLI");
  g_autofree char *cli_copy = NULL;
  g_autoptr(GPtrArray) argv = NULL;

  /* The build may sit where nobody cannot enter (/root on a fresh machine);
   * nobody runs a copy kept beside the file under test. */
  if (as_nobody && getuid () == 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(GFile) source = g_file_new_for_path (cli);
      g_autoptr(GFile) target = NULL;

      cli_copy = g_build_filename (dir, "parallax-cli-for-nobody", NULL);
      target = g_file_new_for_path (cli_copy);
      g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_chmod (cli_copy, 0755);
      cli = cli_copy;
      g_subprocess_launcher_set_child_setup (launcher, become_nobody_child_setup, NULL, NULL);
    }
  argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; command[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) (g_strcmp0 (command[i], "@") == 0 ? path : command[i]));
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) != 1)
    g_error ("%s: parallax-cli %s exited %d; stdout: %s; stderr: %s", path, command[0],
             g_subprocess_get_exit_status (process), out, err);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "parallax-cli: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  if (strchr (err, '\n') != err + strlen (err) - 1)
    g_error ("more than one line from parallax-cli: %s", err);
  g_assert_nonnull (strstr (err, named ? named : basename));
  return g_strchomp (g_steal_pointer (&err));
}

/* The window refuses with an error naming the file, keeps the project it
 * had, and can then open another one. */
static void
window_refuses (Fixture    *fixture,
                const char *path,
                const char *named,
                gboolean    as_nobody)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  PlxProject *before = plx_window_get_project (fixture->window);
  const char *path_after;
  gboolean opened;

  if (as_nobody)
    drop_privileges (TRUE);
  opened = plx_window_open_project (fixture->window, path, &error);
  if (as_nobody)
    drop_privileges (FALSE);
  g_assert_false (opened);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PLX_ERROR);
  g_assert_nonnull (strstr (error->message, named ? named : basename));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (plx_window_get_project (fixture->window) == before);
  g_clear_error (&error);
  iterate ();

  /* Alternating between two empty projects keeps this quick; each test
   * ends by opening the essay project (fixture_tear_down). */
  path_after = g_strcmp0 (plx_project_get_path (before), fixture->other) == 0 ? fixture->empty : fixture->other;
  g_assert_true (plx_window_open_project (fixture->window, path_after, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plx_project_get_path (plx_window_get_project (fixture->window)), ==, path_after);
  iterate ();
}

/* Both front ends refuse @path with a message naming @named (the file
 * itself when NULL) and containing @expected, and leave its bytes as they
 * were. */
static void
assert_refused_naming (Fixture    *fixture,
                       const char *path,
                       const char *named,
                       gboolean    as_nobody,
                       const char *expected)
{
  g_autofree char *before = plx_test_file_checksum (path);
  g_autofree char *after = NULL;
  /* A read-only project can be checked and read, but not changed. */
  g_autofree char *line = cli_refuses (path, named, as_nobody,
                                       g_strcmp0 (expected, "read-only") == 0 ? ADD_PERSPECTIVE : CHECK);

  if (expected != NULL && strstr (line, expected) == NULL)
    g_error ("%s: expected “%s” in: %s", path, expected, line);
  window_refuses (fixture, path, named, as_nobody);
  after = plx_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_test_message ("%s: %s", path, line);
  files_tried++;
}

static void
assert_refused (Fixture    *fixture,
                const char *path,
                gboolean    as_nobody,
                const char *expected)
{
  assert_refused_naming (fixture, path, NULL, as_nobody, expected);
}

static char *
copy_good (Fixture    *fixture,
           const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  contents = plx_test_read_file (fixture->good, &length);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  return path;
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gsize) st.st_size;
}

static void
write_at (const char   *path,
          gsize         offset,
          const guint8 *bytes,
          gsize         length)
{
  FILE *f = fopen (path, "r+b");

  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, (long) offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (bytes, 1, length, f), ==, length);
  fclose (f);
}

static void
scribble (const char *path,
          gsize       offset,
          gsize       length,
          guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint8 *bytes = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  write_at (path, offset, bytes, length);
}

static int
root_page (const char *path,
           const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int page = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);
  return page;
}

/* ---- the cases ---- */

static void
test_empty_text_image (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.parallax", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.parallax", NULL);
  g_autofree char *image = g_build_filename (fixture->dir, "picture.parallax", NULL);
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autofree char *essay = NULL;
  guint8 png[600] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  gsize length;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (fixture, empty, FALSE, "empty");

  essay = plx_test_read_file (essay_path, &length);
  g_assert_true (g_file_set_contents (text, essay, (gssize) length, NULL));
  assert_refused (fixture, text, FALSE, "not a Parallax project");

  for (guint i = 16; i < sizeof png; i++)
    png[i] = (guint8) (i * 37);
  g_assert_true (g_file_set_contents (image, (const char *) png, sizeof png, NULL));
  assert_refused (fixture, image, FALSE, "not a Parallax project");
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  gsize size = file_size (fixture->good);
  /* Inside the header, just past it, mid-page, at page boundaries (which
   * the page-size check cannot see, so SQLite's own check must), and one
   * byte short of the end. */
  gsize offsets[] = { 1, 50, 99, 100, 1000, 4096, 4096 * 2, 4096 * 3 + 17, size / 2, (size / 2) & ~(gsize) 4095, size - 4096, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *name = g_strdup_printf ("cut-%" G_GSIZE_FORMAT ".parallax", offsets[i]);
      g_autofree char *path = copy_good (fixture, name);

      g_assert_cmpint (truncate (path, (off_t) offsets[i]), ==, 0);
      assert_refused (fixture, path, FALSE, NULL);
    }
}

static void
test_random_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  gsize size = file_size (fixture->good);
  guint n_pages = (guint) (size / 4096);

  /* Over the header: the magic string, then just the fields after it. */
  for (guint32 seed = 1; seed <= 3; seed++)
    {
      g_autofree char *name = g_strdup_printf ("header-%u.parallax", seed);
      g_autofree char *path = copy_good (fixture, name);

      scribble (path, seed == 1 ? 0 : 16, seed == 1 ? 100 : 84, seed);
      assert_refused (fixture, path, FALSE, NULL);
    }

  /* Over every page after the first: table roots, index pages, leaves,
   * and the overflow pages that hold the essay's text. */
  for (guint page = 2; page <= n_pages; page++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u.parallax", page);
      g_autofree char *path = copy_good (fixture, name);

      scribble (path, (gsize) (page - 1) * 4096, 4096, page);
      assert_refused (fixture, path, FALSE, "damaged");
    }
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = copy_good (fixture, "future.parallax");
  guint8 version[4] = { 0, 0, 0, PLX_PROJECT_SCHEMA_VERSION + 1 };

  /* user_version lives at offset 60 of the header. */
  write_at (path, 60, version, sizeof version);
  assert_refused (fixture, path, FALSE, "newer Parallax");
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *file = copy_good (fixture, "locked.parallax");
  g_autofree char *folder = g_build_filename (fixture->dir, "locked-folder", NULL);
  g_autofree char *inside = g_build_filename (folder, "project.parallax", NULL);
  g_autofree char *contents = NULL;
  gboolean as_nobody = getuid () == 0;
  gsize length;

  g_assert_cmpint (g_chmod (file, 0444), ==, 0);
  assert_refused (fixture, file, as_nobody, "read-only");

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  contents = plx_test_read_file (fixture->good, &length);
  g_assert_true (g_file_set_contents (inside, contents, (gssize) length, NULL));
  g_assert_cmpint (g_chmod (inside, 0666), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  assert_refused_naming (fixture, inside, "locked-folder", as_nobody, "read-only");
  g_chmod (folder, 0755);
}

/* ---- salvage ---- */

static PlxSalvageReport *
salvage_ok (Fixture    *fixture,
            const char *damaged,
            const char *name)
{
  g_autofree char *saved = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *before = plx_test_file_checksum (damaged);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(PlxProject) project = NULL;
  PlxSalvageReport *report = plx_project_salvage (damaged, saved, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  after = plx_test_file_checksum (damaged);
  g_assert_cmpstr (before, ==, after);

  /* What was saved is a sound project that the window opens. */
  project = plx_project_open (saved, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_check (project, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plx_project_count_annotations (project, NULL, NULL), ==, report->annotations);
  g_assert_cmpuint (report->annotations + report->annotations_lost, <=, N_ANNOTATIONS);
  g_assert_true (plx_window_open_project (fixture->window, saved, &error));
  g_assert_no_error (error);
  iterate ();
  return report;
}

static void
test_salvage (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PlxSalvageReport) intact = NULL;
  g_autoptr(PlxSalvageReport) index = NULL;
  g_autoptr(PlxSalvageReport) documents = NULL;
  g_autoptr(PlxSalvageReport) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) saved = NULL;
  g_autoptr(PlxProject) original = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autofree char *saved_path = g_build_filename (fixture->dir, "saved-intact.parallax", NULL);
  g_autofree char *bad_index = copy_good (fixture, "bad-index.parallax");
  g_autofree char *bad_documents = copy_good (fixture, "bad-documents.parallax");
  g_autofree char *bad_last = copy_good (fixture, "bad-last.parallax");
  g_autofree char *text = g_build_filename (fixture->dir, "text.parallax", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "nowhere.parallax", NULL);
  gsize size = file_size (fixture->good);

  /* An intact project comes through whole, themes and notes included. */
  intact = salvage_ok (fixture, fixture->good, "saved-intact.parallax");
  g_assert_true (intact->complete);
  g_assert_cmpuint (intact->documents, ==, 1);
  g_assert_cmpuint (intact->perspectives, ==, 4);
  g_assert_cmpuint (intact->annotations, ==, N_ANNOTATIONS);
  g_assert_cmpuint (intact->annotations_lost, ==, 0);
  original = plx_project_open (fixture->good, &error);
  g_assert_no_error (error);
  saved = plx_project_open (saved_path, &error);
  g_assert_no_error (error);
  a = plx_project_list_annotations (original, NULL, &error);
  b = plx_project_list_annotations (saved, NULL, &error);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      PlxAnnotation *x = g_ptr_array_index (a, i);
      PlxAnnotation *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (plx_annotation_get_uuid (x), ==, plx_annotation_get_uuid (y));
      g_assert_cmpstr (plx_annotation_get_quote (x), ==, plx_annotation_get_quote (y));
      g_assert_cmpstr (plx_annotation_get_themes (x)[0], ==, plx_annotation_get_themes (y)[0]);
      g_assert_cmpstr (plx_annotation_get_note (x), ==, plx_annotation_get_note (y));
      g_assert_cmpstr (plx_annotation_get_created (x), ==, plx_annotation_get_created (y));
    }

  /* A damaged index costs nothing: the rows are all still there. */
  scribble (bad_index, (gsize) (root_page (bad_index, "annotations_by_document") - 1) * 4096, 4096, 7);
  g_assert_null (plx_project_open (bad_index, NULL));
  index = salvage_ok (fixture, bad_index, "saved-index.parallax");
  g_assert_cmpuint (index->annotations, ==, N_ANNOTATIONS);

  /* Without its documents table nothing can be placed; every annotation
   * that was read is reported as lost, by UUID. */
  scribble (bad_documents, (gsize) (root_page (bad_documents, "documents") - 1) * 4096, 4096, 8);
  documents = salvage_ok (fixture, bad_documents, "saved-documents.parallax");
  g_assert_false (documents->complete);
  g_assert_cmpuint (documents->documents, ==, 0);
  g_assert_cmpuint (documents->annotations, ==, 0);
  g_assert_cmpuint (documents->annotations_lost, ==, N_ANNOTATIONS);
  g_assert_cmpuint (documents->problems->len, >, N_ANNOTATIONS);

  /* The last page holds some rows; the rest come through. */
  scribble (bad_last, size - 4096, 4096, 9);
  last = salvage_ok (fixture, bad_last, "saved-last.parallax");
  g_assert_cmpuint (last->documents, ==, 1);

  /* Nothing to salvage from a file that is not a project, and an
   * existing file is never overwritten. */
  g_assert_true (g_file_set_contents (text, "just some text, long enough to fill a header........................................................................", -1, NULL));
  g_assert_null (plx_project_salvage (text, nowhere, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_CORRUPT);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_null (plx_project_salvage (fixture->good, fixture->other, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
}

/* The command line's salvage: counts on stdout, problems on stderr. */
static void
test_salvage_cli (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *damaged = copy_good (fixture, "cli-damaged.parallax");
  g_autofree char *saved = g_build_filename (fixture->dir, "cli-saved.parallax", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { g_getenv ("PLX_CLI"), "salvage", damaged, saved, NULL };

  scribble (damaged, (gsize) (root_page (damaged, "annotations_by_document") - 1) * 4096, 4096, 11);
  before = plx_test_file_checksum (damaged);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "60 annotations"));
  /* In the number's own form (issue 18, item 14): one document. */
  g_assert_true (g_str_has_prefix (out, "Saved 1 document, "));
  after = plx_test_file_checksum (damaged);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_test (saved, G_FILE_TEST_EXISTS));

  /* A second time the target exists: one line, exit 1. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_true (g_str_has_prefix (err, "parallax-cli: "));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

static void
test_count (void)
{
  g_test_message ("%u damaged or foreign files tried", files_tried);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/corrupt/empty-text-image", Fixture, NULL, fixture_set_up, test_empty_text_image, fixture_tear_down);
  g_test_add ("/corrupt/truncated", Fixture, NULL, fixture_set_up, test_truncated, fixture_tear_down);
  g_test_add ("/corrupt/random-bytes", Fixture, NULL, fixture_set_up, test_random_bytes, fixture_tear_down);
  g_test_add ("/corrupt/newer-version", Fixture, NULL, fixture_set_up, test_newer_version, fixture_tear_down);
  g_test_add ("/corrupt/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/corrupt/salvage", Fixture, NULL, fixture_set_up, test_salvage, fixture_tear_down);
  g_test_add ("/corrupt/salvage-cli", Fixture, NULL, fixture_set_up, test_salvage_cli, fixture_tear_down);
  g_test_add_func ("/corrupt/count", test_count);
  return g_test_run ();
}
