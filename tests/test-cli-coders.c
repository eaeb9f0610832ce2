/* test-cli-coders.c: parallax-cli annotators and merge, on copies of one
 * project edited apart by two coders.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-test-utils.h"

typedef struct {
  char *dir;
  char *target;
  char *anahit;
  char *leyla;
  char *shared_uuid;
} Fixture;

static char *
run_cli (int         *status,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return plx_test_run_cli ((const char * const *) argv->pdata, status, err);
}

#define cli(status, err, ...) run_cli (status, err, __VA_ARGS__, NULL)

static char *
copy_of (Fixture    *fixture,
         const char *name)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (fixture->target, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  g_assert_no_error (error);
  return path;
}

static void
set_note (const char *path,
          const char *uuid,
          const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) project = plx_project_open (path, &error);
  g_autoptr(PlxAnnotation) annotation = NULL;

  g_assert_no_error (error);
  annotation = plx_project_get_annotation (project, uuid, &error);
  g_assert_no_error (error);
  plx_annotation_set_note (annotation, note);
  g_assert_true (plx_project_update_annotation (project, annotation, &error));
  g_assert_no_error (error);
}

/* A project with the essay and one passage, closed (no log beside it),
 * and a copy of it per coder. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *essay = plx_test_essay_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  fixture->dir = plx_test_make_tempdir ();
  fixture->target = g_build_filename (fixture->dir, "team.parallax", NULL);
  g_free (cli (&status, &err, "init", fixture->target));
  g_clear_pointer (&err, g_free);
  g_free (cli (&status, &err, "add-document", fixture->target, essay));
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);
  out = cli (&status, &err, "annotate", fixture->target, "-d", "1", "-s", "100", "-e", "140", "-p", "Armenian", "-a", "Lead");
  g_assert_cmpint (status, ==, 0);
  fixture->shared_uuid = g_strstrip (g_strdup (out));
  fixture->anahit = copy_of (fixture, "anahit.parallax");
  fixture->leyla = copy_of (fixture, "leyla.parallax");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->target);
  g_free (fixture->anahit);
  g_free (fixture->leyla);
  g_free (fixture->shared_uuid);
}

/* Each adds a passage; both change the shared passage's note apart: the
 * second merge keeps the target's note and lists the conflict with both
 * versions; nothing is lost. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(PlxProject) team = NULL;
  g_autoptr(PlxAnnotation) shared = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_free (cli (&status, &err, "annotate", fixture->anahit, "-d", "1", "-s", "200", "-e", "240", "-p", "Armenian", "-a", "Anahit"));
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);
  g_free (cli (&status, &err, "annotate", fixture->leyla, "-d", "1", "-s", "200", "-e", "240", "-p", "Russian", "-a", "Leyla"));
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);
  set_note (fixture->anahit, fixture->shared_uuid, "Anahit's reading");
  set_note (fixture->leyla, fixture->shared_uuid, "Leyla's reading");

  out = cli (&status, &err, "merge", fixture->target, fixture->anahit, fixture->leyla);
  g_test_message ("%s", out);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "anahit.parallax: added 1, updated 1, deleted 0, unchanged 0, kept deleted 0, conflicts 0;"));
  g_assert_nonnull (strstr (out, "leyla.parallax: added 1, updated 0, deleted 0, unchanged 0, kept deleted 0, conflicts 1;"));
  g_assert_nonnull (strstr (out, "conflict\tboth-edited\t"));
  g_assert_nonnull (strstr (out, fixture->shared_uuid));
  /* Both versions, each with its note. */
  g_assert_nonnull (strstr (out, "Lead: Anahit's reading\t100-140 Armenian Lead: Leyla's reading\n"));

  team = plx_project_open (fixture->target, &error);
  g_assert_no_error (error);
  shared = plx_project_get_annotation (team, fixture->shared_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_note (shared), ==, "Anahit's reading");
  g_assert_cmpuint (plx_project_count_annotations (team, &(PlxAnnotationQuery) { 0, 0, NULL }, NULL), ==, 3);
  g_clear_object (&team);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = cli (&status, &err, "annotators", fixture->target);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "author\tpassages\tdocuments\nAnahit\t1\t1\nLead\t1\t1\nLeyla\t1\t1\n");
}

/* A project of another corpus is not merged, and the target's bytes stay
 * as they were; fewer than two projects is bad usage. */
static void
test_merge_refusals (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.parallax", NULL);
  g_autofree char *readme = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_set_contents (readme, "Another corpus entirely.", -1, NULL));
  g_free (cli (&status, &err, "init", other));
  g_clear_pointer (&err, g_free);
  g_free (cli (&status, &err, "add-document", other, readme));
  g_clear_pointer (&err, g_free);

  before = plx_test_file_checksum (fixture->target);
  out = cli (&status, &err, "merge", fixture->target, other);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "shares no document with the target"));
  after = plx_test_file_checksum (fixture->target);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = cli (&status, &err, "merge", fixture->target);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "missing arguments"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("PLX_CLI") == NULL)
    return 77;
  g_test_add ("/cli-coders/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/cli-coders/merge-refusals", Fixture, NULL, fixture_set_up, test_merge_refusals, fixture_tear_down);
  return g_test_run ();
}
