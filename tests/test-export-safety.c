/* test-export-safety.c: an export never harms the project: not onto the
 * project or its SQLite files, not half-written, not as invalid JSON, and
 * not with a crash on an annotation whose document is gone.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "plx-core.h"
#include "plx-test-utils.h"

typedef struct {
  char        *dir;
  char        *path;
  PlxProject  *project;
  PlxDocument *essay;
} Fixture;

/* Tags the first occurrence of @quote. */
static PlxAnnotation *
annotate (PlxProject  *project,
          PlxDocument *document,
          const char  *quote,
          const char  *perspective,
          const char  *note)
{
  g_autoptr(GError) error = NULL;
  const char *text = plx_document_get_text (document);
  const char *found = strstr (text, quote);
  PlxPerspective *p = plx_project_find_perspective_by_name (project, perspective);
  PlxAnnotation *annotation;
  guint start;

  g_assert_nonnull (found);
  g_assert_nonnull (p);
  start = plx_document_byte_to_offset (document, (gsize) (found - text));
  annotation = plx_annotation_new_for_range (document, start, start + (guint) g_utf8_strlen (quote, -1),
                                             plx_perspective_get_id (p), &error);
  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, (const char *[]) { "mediation", NULL });
  plx_annotation_set_note (annotation, note);
  plx_annotation_set_author (annotation, "Ani Hakobyan");
  plx_project_add_annotation (project, annotation, &error);
  g_assert_no_error (error);
  return annotation;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autofree char *source = plx_test_read_file (essay_path, NULL);
  g_autoptr(GError) error = NULL;

  f->dir = plx_test_make_tempdir ();
  f->path = g_build_filename (f->dir, "a.parallax", NULL);
  f->project = plx_project_create (f->path, &error);
  g_assert_no_error (error);
  f->essay = plx_document_new_from_data (source, strlen (source), PLX_DOCUMENT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_no_error (error);
  plx_project_add_document (f->project, f->essay, &error);
  g_assert_no_error (error);
  g_object_unref (annotate (f->project, f->essay, "Minsk Group co-chair countries", "Western", "co-chairs"));
  g_object_unref (annotate (f->project, f->essay, "Russia bears the lion’s share of the blame", "Russian", ""));
  g_object_unref (annotate (f->project, f->essay, "Safarov affair", "Armenian", "Line one\nline two"));
  g_object_unref (annotate (f->project, f->essay, "war rhetoric", "Azerbaijani", "ռազմական"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->essay);
  g_clear_object (&f->project);
  plx_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
count_annotations (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  guint n = plx_project_count_annotations (project, NULL, &error);

  g_assert_no_error (error);
  return n;
}

/* The checksum of the project and of its WAL, if any. */
static char *
project_bytes (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *main_sum = plx_test_file_checksum (path);
  g_autofree char *wal_sum = g_file_test (wal, G_FILE_TEST_EXISTS) ? plx_test_file_checksum (wal) : g_strdup ("none");

  return g_strconcat (main_sum, " ", wal_sum, NULL);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Exporting onto the project, by any of its names or onto one of SQLite's
 * files beside it, is refused and leaves every byte as it was. */
static void
test_export_onto_project (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *before = project_bytes (f->path);
  g_autofree char *link_path = g_build_filename (f->dir, "link.json", NULL);
  g_autofree char *hard = g_build_filename (f->dir, "hard.json", NULL);
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *dir_link = g_build_filename (f->dir, "dirlink", NULL);
  g_autofree char *base = g_path_get_basename (f->path);
  g_autofree char *through_dir = g_build_filename (dir_link, "..", base, NULL);
  g_autofree char *dotted = g_build_filename (f->dir, ".", base, NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *journal_link = g_build_filename (f->dir, "journal-link.json", NULL);
  const char *targets[] = { f->path, dotted, link_path, hard, through_dir, wal, shm, journal, journal_link };
  guint n_entries;

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (symlink (f->path, link_path), ==, 0);
  g_assert_cmpint (link (f->path, hard), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink (sub, dir_link), ==, 0);
  g_assert_cmpint (symlink (journal, journal_link), ==, 0);
  n_entries = count_entries (f->dir);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    for (PlxExportFormat format = PLX_EXPORT_FORMAT_NATIVE; format <= PLX_EXPORT_FORMAT_CSV; format++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (targets[i]);
        g_autoptr(GError) error = NULL;
        g_autofree char *after = NULL;

        g_assert_false (plx_export_to_file (f->project, format, 0, PLX_EXPORT_FLAGS_NONE, file, NULL, &error));
        g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, "the project itself"));
        after = project_bytes (f->path);
        g_assert_cmpstr (before, ==, after);
        g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
        g_assert_cmpuint (count_entries (f->dir), ==, n_entries);
      }
  g_assert_cmpuint (count_annotations (f->project), ==, 4);

  /* The same check for the Compare view's tables and maps. */
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (targets[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (plx_export_check_destination (f->project, file, &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
    }
  {
    g_autofree char *other = g_build_filename (f->dir, "table.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (other);
    g_autoptr(GError) error = NULL;

    g_assert_true (plx_export_check_destination (f->project, file, &error));
    g_assert_no_error (error);
  }
}

/* Exports are written to a temporary file and renamed into place: a failed
 * one leaves neither a partial file nor the temporary one, and the earlier
 * file is untouched; a symlink to an earlier export is written through. */
static void
test_export_replaces_atomically (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.json", NULL);
  g_autofree char *link_path = g_build_filename (f->dir, "out-link.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = NULL;
  GStatBuf st;
  guint n_entries;

  g_assert_true (g_file_set_contents (path, "earlier export\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (symlink (path, link_path), ==, 0);
  n_entries = count_entries (f->dir);

  g_cancellable_cancel (cancelled);
  g_assert_false (plx_export_to_file (f->project, PLX_EXPORT_FORMAT_NATIVE, 0, PLX_EXPORT_FLAGS_NONE, file, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (plx_export_to_file (f->project, PLX_EXPORT_FORMAT_CSV, 0, PLX_EXPORT_FLAGS_NONE, fresh_file, cancelled, &error));
  g_clear_error (&error);
  old = plx_test_read_file (path, NULL);
  g_assert_cmpstr (old, ==, "earlier export\n");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (f->dir), ==, n_entries);

  g_assert_true (plx_export_to_file (f->project, PLX_EXPORT_FORMAT_NATIVE, 0, PLX_EXPORT_FLAGS_NONE, link_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  now = plx_test_read_file (path, NULL);
  g_assert_true (g_str_has_prefix (now, "{\n  \"format\": \"parallax\""));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_entries (f->dir), ==, n_entries);
}


/* Runs @sql on the closed project with SQLite itself, foreign keys off:
 * what a damaged or hostile project can hold. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_clear_object (&f->essay);
  g_clear_object (&f->project);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  f->project = plx_project_open (f->path, &error);
  g_assert_no_error (error);
}

/* An annotation whose document is gone is refused in every format with
 * its UUID, and no file is written; CSV used to crash on it. */
static void
test_export_missing_document (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);

  tamper (f, "PRAGMA foreign_keys = OFF;"
             "UPDATE annotations SET document_id = 99 WHERE uuid = (SELECT min(uuid) FROM annotations)");
  for (PlxExportFormat format = PLX_EXPORT_FORMAT_NATIVE; format <= PLX_EXPORT_FORMAT_CSV; format++)
    {
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;

      g_assert_false (plx_export_to_file (f->project, format, 0, PLX_EXPORT_FLAGS_NONE, file, NULL, &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_CORRUPT);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "document 99"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_clear_error (&error);

      g_assert_false (plx_export_to_stream (f->project, format, 0, PLX_EXPORT_FLAGS_NONE, memory, NULL, &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_CORRUPT);
      g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), ==, 0);
    }
}

/* Parses @path with Python's json module, which refuses raw control
 * characters in strings and (decoding strictly) invalid UTF-8. */
static void
assert_strict_json (const char *path)
{
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             "python3", "-c",
                             "import json, sys; json.loads(open(sys.argv[1], 'rb').read().decode('utf-8')); print('ok')",
                             path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (out, "ok\n") != 0)
    g_error ("%s is not strict JSON: %s", path, err);
}

/* Every control character is escaped (json-glib 1.6 wrote U+001F raw),
 * C1 controls too; the text reads back the same. */
static void
test_export_control_characters (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GString) note = g_string_new ("controls:");
  g_autoptr(PlxAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;

  for (guint c = 1; c < 0x20; c++)
    g_string_append_c (note, (char) c);
  g_string_append (note, "\x7f \xc2\x80 \xc2\x9b[31m \xe2\x80\xa8 end");
  a = annotate (f->project, f->essay, "Minsk Group", "Russian", note->str);

  for (PlxExportFormat format = PLX_EXPORT_FORMAT_NATIVE; format <= PLX_EXPORT_FORMAT_W3C; format++)
    {
      g_autofree char *path = g_build_filename (f->dir, format == PLX_EXPORT_FORMAT_NATIVE ? "out.json" : "out.jsonld", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *text = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (plx_export_to_file (f->project, format, 0, PLX_EXPORT_FLAGS_NONE, file, NULL, &error));
      g_assert_no_error (error);
      assert_strict_json (path);
      text = plx_test_read_file (path, NULL);
      g_assert_nonnull (strstr (text, "\\u001f"));
      g_assert_nonnull (strstr (text, "\\u009b[31m"));
      for (const char *p = text; *p; p++)
        g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
      json_parser_load_from_data (parser, text, -1, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "controls:\\u0001"));
    }
}

/* Text that is not UTF-8 (a damaged project) is refused with where it is,
 * before anything is written. */
static void
test_export_invalid_utf8 (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autofree char *uuid = NULL;

  {
    g_autoptr(PlxAnnotation) a = annotate (f->project, f->essay, "Minsk Group", "Russian", "fine");
    uuid = g_strdup (plx_annotation_get_uuid (a));
  }
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE annotations SET note = CAST(X'6261ff64' AS TEXT) WHERE uuid = '%s'", uuid);
    tamper (f, sql);
  }
  for (PlxExportFormat format = PLX_EXPORT_FORMAT_NATIVE; format <= PLX_EXPORT_FORMAT_CSV; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("The annotation %s has text that is not valid UTF-8 in its “note”", uuid);

      g_assert_false (plx_export_to_file (f->project, format, 0, PLX_EXPORT_FLAGS_NONE, file, NULL, &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_CORRUPT);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* ---- Save a Copy ---- */

/* A copy holds everything, though the last changes still wait in the
 * project's log; the project is untouched and no temporary file is left. */
static void
test_copy_whole (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.parallax", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = project_bytes (f->path);
  g_autofree char *after = NULL;
  guint n_entries = count_entries (f->dir);

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (plx_export_copy_to_file (f->project, file, NULL, &error));
  g_assert_no_error (error);
  after = project_bytes (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_entries (f->dir), ==, n_entries + 1);
  g_assert_cmpuint (plx_test_count_in_file_alone (copy), ==, 4);

  /* Replacing an earlier copy, from another thread. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    g_object_unref (annotate (f->project, f->essay, "Nagorno-Karabakh", "Western", "one more"));
    plx_export_copy_to_file_async (f->project, file, NULL, plx_test_keep_result, &result);
    plx_test_wait_for_result (&result);
    g_assert_true (plx_export_copy_to_file_finish (f->project, result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (plx_test_count_in_file_alone (copy), ==, 5);
    g_assert_cmpuint (count_entries (f->dir), ==, n_entries + 1);
  }
}

/* Never over the project or its SQLite files. */
static void
test_copy_onto_project (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *before = project_bytes (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *link_path = g_build_filename (f->dir, "link.parallax", NULL);
  const char *targets[] = { f->path, wal, link_path };
  guint n_entries;

  g_assert_cmpint (symlink (f->path, link_path), ==, 0);
  n_entries = count_entries (f->dir);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (targets[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (plx_export_copy_to_file (f->project, file, NULL, &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
      after = project_bytes (f->path);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (count_entries (f->dir), ==, n_entries);
    }
}

typedef struct {
  PlxProject  *writer;
  PlxDocument *document;
  guint        n_written;
  gboolean     stop;
} Writer;

static gpointer
write_passages (gpointer data)
{
  Writer *w = data;

  /* Until told to stop, over and over the first 30,000 characters. */
  for (guint i = 0; !g_atomic_int_get (&w->stop); i++)
    {
      g_autoptr(GError) error = NULL;
      guint start = (i % 10000) * 3;
      g_autoptr(PlxAnnotation) a = plx_annotation_new_for_range (w->document, start, start + 2,
                                                                  plx_perspective_get_id (plx_project_find_perspective_by_name (w->writer, "Russian")),
                                                                  &error);

      g_assert_no_error (error);
      plx_annotation_set_note (a, "written meanwhile");
      g_assert_true (plx_project_add_annotation (w->writer, a, &error));
      g_assert_no_error (error);
      g_atomic_int_inc (&w->n_written);
    }
  return NULL;
}

/* A copy made while another connection commits passage after passage is
 * one consistent state: it opens whole, and holds at least what was
 * committed before the copy began and at most what was after it ended. */
static void
test_copy_while_writing (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Writer w = { 0 };
  GThread *thread;
  guint copies = 0;
  guint first = 0;
  guint last = 4;

  w.writer = plx_project_open_another (f->project, &error);
  g_assert_no_error (error);
  w.document = f->essay;
  thread = g_thread_new ("writer", write_passages, &w);
  while (g_atomic_int_get (&w.n_written) == 0)
    g_thread_yield ();
  for (; copies < 6; copies++)
    {
      g_autofree char *name = g_strdup_printf ("copy-%u.parallax", copies);
      g_autofree char *copy = g_build_filename (f->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (copy);
      guint before = 4 + (guint) g_atomic_int_get (&w.n_written);
      guint after;
      guint n;

      g_assert_true (plx_export_copy_to_file (f->project, file, NULL, &error));
      g_assert_no_error (error);
      /* The writer counts a passage once its commit returns: one more may
       * be committed and not counted yet. */
      after = 4 + (guint) g_atomic_int_get (&w.n_written) + 1;
      n = plx_test_count_in_file_alone (copy);
      g_assert_cmpuint (n, >=, before);
      g_assert_cmpuint (n, <=, after);
      g_assert_cmpuint (n, >=, last);
      if (copies == 0)
        first = n;
      last = n;
    }
  /* The copies were made while passages were being committed. */
  g_assert_cmpuint (last, >, first);
  g_atomic_int_set (&w.stop, TRUE);
  g_thread_join (thread);
  g_test_message ("%u copies made while %u passages were committed", copies, w.n_written);
  g_clear_object (&w.writer);
}

/* Letting go of a project moves its log into the file: the .parallax file
 * alone then holds every change (before, a copy of it alone lacked them). */
static void
test_checkpoint (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpuint (plx_test_count_in_file_alone (f->path), ==, 0);
  g_assert_true (plx_project_checkpoint (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plx_test_count_in_file_alone (f->path), ==, 4);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);

  /* The project goes on as before. */
  g_object_unref (annotate (f->project, f->essay, "Nagorno-Karabakh", "Western", "after"));
  g_assert_cmpuint (count_annotations (f->project), ==, 5);
}

/* parallax-cli copy: the same, and a refusal that names the file. */
static void
test_copy_cli (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "by-cli.parallax", NULL);
  g_autofree char *before = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  /* Reading the file's bytes here would drop this process's locks on it
   * (POSIX drops them all on any close), and the command would take
   * itself for the project's last user and fold its log in: the project
   * is closed first, as after a session in the app. */
  g_clear_object (&f->project);
  before = project_bytes (f->path);

  out = plx_test_run_cli (&status, &err, "copy", f->path, copy, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (plx_test_count_in_file_alone (copy), ==, 4);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = plx_test_run_cli (&status, &err, "copy", f->path, f->path, NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "the project itself"));
  g_clear_pointer (&out, g_free);
  {
    g_autofree char *after = project_bytes (f->path);

    g_assert_cmpstr (before, ==, after);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/export-safety/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("onto-project", test_export_onto_project);
  ADD ("replaces-atomically", test_export_replaces_atomically);
  ADD ("missing-document", test_export_missing_document);
  ADD ("control-characters", test_export_control_characters);
  ADD ("invalid-utf8", test_export_invalid_utf8);
  ADD ("copy/whole", test_copy_whole);
  ADD ("copy/onto-project", test_copy_onto_project);
  ADD ("copy/while-writing", test_copy_while_writing);
  ADD ("copy/cli", test_copy_cli);
  ADD ("checkpoint", test_checkpoint);
#undef ADD

  return g_test_run ();
}
