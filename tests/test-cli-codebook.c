/* test-cli-codebook.c: parallax-cli themes and memos end to end, on the
 * bundled essay: a two-level codebook, a merge, a split, refusals that
 * change nothing, a memo with a broken citation, stats at both levels, and
 * the native round trip.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <json-glib/json-glib.h>

#include "plx-test-utils.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run_cliv (Result             *result,
          const char * const *args)
{
  const char *cli = g_getenv ("PLX_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

#define run_cli(result, ...) \
  G_STMT_START { \
    const char *_args[] = { __VA_ARGS__, NULL }; \
    result_clear (result); \
    run_cliv (result, _args); \
  } G_STMT_END

static void
assert_success (Result *result)
{
  if (result->status != 0)
    g_error ("parallax-cli failed with %d: %s", result->status, result->err);
  g_assert_cmpstr (result->err, ==, "");
}

/* Exit 1, nothing on stdout, one line on stderr saying @what. */
static void
assert_refused (Result     *result,
                const char *what)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  if (strstr (result->err, what) == NULL)
    g_error ("“%s” does not say “%s”", result->err, what);
  g_assert_cmpuint (strlen (result->err), ==, strcspn (result->err, "\n") + 1);
}

static char *
annotate (const char *project,
          const char *start,
          const char *end,
          const char *perspective,
          const char *tag1,
          const char *tag2)
{
  g_auto(Result) result = { 0, };

  if (tag2 != NULL)
    run_cli (&result, "annotate", project, "--document", "1", "--start", start, "--end", end, "--perspective",
             perspective, "--tag", tag1, "--tag", tag2);
  else
    run_cli (&result, "annotate", project, "--document", "1", "--start", start, "--end", end, "--perspective",
             perspective, "--tag", tag1);
  assert_success (&result);
  return g_strstrip (g_strdup (result.out));
}

/* The line of `themes` for @name (indented as it is), or NULL. */
static char *
theme_line (const char *listing,
            const char *indented_name)
{
  g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s\t", indented_name);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      {
        g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);
        g_autofree char *counts = g_strjoinv (" ", cells + 2);
        return g_strdup_printf ("%s %s", cells[0], counts);
      }
  return NULL;
}

static void
assert_theme_line (const char *listing,
                   const char *indented_name,
                   const char *expected)
{
  g_autofree char *line = theme_line (listing, indented_name);
  g_autofree char *want = g_strdup_printf ("%s %s", indented_name, expected);

  g_assert_cmpstr (line, ==, want);
}

static void
test_themes_and_memos (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *project = g_build_filename (dir, "essay.parallax", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.parallax", NULL);
  g_autofree char *exported = g_build_filename (dir, "export.json", NULL);
  g_autofree char *a1 = NULL, *a2 = NULL, *a3 = NULL, *a4 = NULL;
  g_autofree char *before = NULL;
  g_autofree char *memo = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Result) result = { 0, };
  JsonArray *array;

  run_cli (&result, "init", project);
  assert_success (&result);
  run_cli (&result, "add-document", project, g_getenv ("PLX_ESSAY"));
  assert_success (&result);
  /* Armenian: guarantor+mediation; Russian: security; Azerbaijani:
   * mediator+guarantor; Western: mediator. */
  a1 = annotate (project, "10", "40", "Armenian", "guarantor", "mediation");
  a2 = annotate (project, "100", "140", "Russian", "security", NULL);
  a3 = annotate (project, "200", "240", "Azerbaijani", "mediator", "guarantor");
  a4 = annotate (project, "300", "340", "Western", "mediator", NULL);

  /* A two-level codebook. */
  run_cli (&result, "themes", project, "move", "guarantor", "security");
  assert_success (&result);
  run_cli (&result, "themes", project, "add", "peacekeeping", "--parent", "security", "--definition", "Troops on the line");
  assert_success (&result);
  g_assert_true (g_uuid_string_is_valid (g_strstrip (result.out)));
  run_cli (&result, "themes", project, "define", "security › guarantor", "--definition", "A state that vouches",
           "--inclusion", "named as guarantor", "--label", "ru=гарант", "--label", "hy=երաշխավոր", "--example", a1,
           "--color", "#3584e4");
  assert_success (&result);

  run_cli (&result, "themes", project);
  assert_success (&result);
  /* Columns: Armenian own, rolled; Azerbaijani; Western; Russian; totals. */
  assert_theme_line (result.out, "security", "0 1 0 1 0 0 1 1 1 3");
  assert_theme_line (result.out, "  guarantor", "1 1 1 1 0 0 0 0 2 2");
  assert_theme_line (result.out, "  peacekeeping", "0 0 0 0 0 0 0 0 0 0");
  assert_theme_line (result.out, "mediator", "0 0 1 1 1 1 0 0 2 2");
  g_assert_true (g_str_has_prefix (result.out, "Theme\tUUID\tArmenian (own)\tArmenian (with sub-themes)\t"));

  run_cli (&result, "themes", project, "--format", "json");
  assert_success (&result);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *t = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (t, "name"), "guarantor") != 0)
        continue;
      g_assert_cmpstr (json_object_get_string_member (t, "path"), ==, "security › guarantor");
      g_assert_cmpstr (json_object_get_string_member (t, "definition"), ==, "A state that vouches");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (t, "labels"), "ru"), ==, "гарант");
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (t, "passages"), "Azerbaijani"), ==, 1);
    }

  /* Refused, each with a message, and nothing changes. */
  run_cli (&result, "themes", project);
  before = g_strdup (result.out);
  run_cli (&result, "themes", project, "move", "security", "guarantor");
  assert_refused (&result, "cannot go under “guarantor”, which is inside it");
  run_cli (&result, "themes", project, "merge", "mediator", "--into", "mediator");
  assert_refused (&result, "cannot be merged into itself");
  run_cli (&result, "themes", project, "add", "guarantor", "--parent", "security");
  assert_refused (&result, "There is already a theme named “guarantor” (security › guarantor)");
  run_cli (&result, "themes", project, "add", " ");
  assert_refused (&result, "A theme’s name cannot be empty");
  run_cli (&result, "themes", project, "rename", "nothing-like-it", "x");
  assert_refused (&result, "There is no theme “nothing-like-it”");
  run_cli (&result, "themes", project, "split", "mediator", "western mediator", a2);
  assert_refused (&result, "is not tagged with “mediator”");
  run_cli (&result, "themes", project, "merge", "mediator");
  g_assert_cmpint (result.status, ==, 2);
  run_cli (&result, "themes", project);
  g_assert_cmpstr (result.out, ==, before);

  /* Merge: the Azerbaijani passage keeps guarantor; mediation gains both. */
  run_cli (&result, "themes", project, "merge", "mediator", "--into", "mediation");
  assert_success (&result);
  run_cli (&result, "list", project, "--format", "json");
  assert_success (&result);
  g_assert_nonnull (strstr (result.out, "\"themes\" : [\n      \"mediation\",\n      \"guarantor\"\n    ]"));
  run_cli (&result, "themes", project);
  assert_theme_line (result.out, "mediation", "1 1 1 1 1 1 0 0 3 3");
  g_assert_null (theme_line (result.out, "mediator"));

  /* Split the Western passage off. */
  run_cli (&result, "themes", project, "split", "mediation", "western mediation", a4);
  assert_success (&result);
  run_cli (&result, "themes", project);
  assert_theme_line (result.out, "mediation", "1 1 1 1 0 0 0 0 2 2");
  assert_theme_line (result.out, "western mediation", "0 0 0 0 1 1 0 0 1 1");

  /* A theme memo citing three passages, one of them deleted afterwards. */
  run_cli (&result, "memos", project, "add", "--kind", "theme", "--about", "security/guarantor", "--title",
           "Guarantors", "--body", "Who vouches for whom.", "--author", "Anahit", "--cite", a1, "--cite", a3,
           "--cite", a2);
  assert_success (&result);
  memo = g_strstrip (g_strdup (result.out));
  run_cli (&result, "memos", project, "add", "--kind", "theme", "--about", "security", "--title", "x", "--cite",
           "00000000-0000-4000-8000-000000000000");
  assert_refused (&result, "which is not in this project");
  run_cli (&result, "memos", project, "add", "--kind", "project", "--about", "security", "--title", "x");
  assert_refused (&result, "leave out --about");
  run_cli (&result, "delete", project, a2);
  assert_success (&result);
  run_cli (&result, "memos", project, "show", memo);
  assert_success (&result);
  g_assert_nonnull (strstr (result.out, "Guarantors\nKind: theme\nAbout: security › guarantor\nAuthor: Anahit\n"));
  g_assert_nonnull (strstr (result.out, "(broken: the passage no longer exists)"));
  run_cli (&result, "memos", project);
  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out, memo));
  g_assert_nonnull (strstr (result.out, "\ttheme\tsecurity › guarantor\tAnahit\t"));
  g_assert_nonnull (strstr (result.out, "\t3\t1\tGuarantors\n"));
  /* Searchable: by title or text, case ignored. */
  run_cli (&result, "memos", project, "--search", "WHO VOUCHES");
  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out, memo));
  run_cli (&result, "memos", project, "--search", "nowhere in any memo");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "");
  run_cli (&result, "memos", project, "show", memo, "--format", "json");
  assert_success (&result);
  g_assert_nonnull (strstr (result.out, "\"broken\" : true"));

  /* stats: both levels. */
  run_cli (&result, "stats", project, "--format", "tsv");
  assert_success (&result);
  g_assert_nonnull (strstr (result.out, "\n# theme-tree\nTheme\tLevel\t"));
  g_assert_nonnull (strstr (result.out, "\nsecurity › guarantor\t2\t1\t1\t1\t1\t0\t0\t0\t0\t2\t2\n"));
  g_assert_nonnull (strstr (result.out, "\nsecurity\t1\t0\t1\t0\t1\t0\t0\t0\t0\t0\t2\n"));
  run_cli (&result, "stats", project);
  assert_success (&result);
  g_assert_nonnull (strstr (result.out, "\"theme_tree\""));
  g_assert_nonnull (strstr (result.out, "\"rolled_up\""));

  /* Native round trip keeps the codebook and the memo. */
  run_cli (&result, "themes", project, "--format", "json");
  listing = g_strdup (result.out);
  run_cli (&result, "export", project, "--format", "native", "--include-text", "-o", exported);
  assert_success (&result);
  run_cli (&result, "init", copy);
  assert_success (&result);
  run_cli (&result, "import", copy, exported);
  assert_success (&result);
  g_assert_nonnull (strstr (result.out, "codebook: 5 themes added, 0 updated; memos: 1 added, 0 updated\n"));
  run_cli (&result, "themes", copy, "--format", "json");
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, listing);
  run_cli (&result, "memos", copy, "show", memo);
  assert_success (&result);
  g_assert_nonnull (strstr (result.out, "(broken: the passage no longer exists)"));

  plx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/codebook/themes-and-memos", test_themes_and_memos);
  return g_test_run ();
}
