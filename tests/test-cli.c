/* test-cli.c: parallax-cli end to end, run as a separate process.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE  /* setresuid */
#include <fcntl.h>
#include <grp.h>
#include <sys/file.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "plx-core.h"
#include "plx-test-utils.h"

/* Written as NFC with "\n" line ends, so the document text is the file. */
#define MULTILINGUAL \
  "Armenian: Հայաստանի Հանրապետություն, Երևան.\n" \
  "Azerbaijani: Azərbaycan Respublikası, Bakı — ğ ş ı ö ü ç.\n" \
  "Russian: Российская Федерация, Москва.\n" \
  "Emoji: peace 🕊️, family 👩‍👩‍👧, flags 🇦🇲🇦🇿.\n" \
  "Combining: q\xcc\x87 and café.\n"

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

/* Runs parallax-cli with the NULL-terminated arguments. */
static void
run_cliv (Result             *result,
          const char * const *args)
{
  result->out = plx_test_run_cliv (args, &result->status, &result->err);
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

/* Exit @status, nothing on stdout, one line on stderr naming the tool. */
static void
assert_failure (Result *result,
                int     status)
{
  const char *newline;

  g_assert_cmpint (result->status, ==, status);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "parallax-cli"));
  newline = strchr (result->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  g_assert_cmpuint (strlen (result->err), >, strlen ("parallax-cli: \n"));
}

/* The one line of stdout, without its newline. */
static char *
output_line (Result *result)
{
  g_assert_true (g_str_has_suffix (result->out, "\n"));
  g_assert_true (strchr (result->out, '\n') == result->out + strlen (result->out) - 1);
  return g_strndup (result->out, strlen (result->out) - 1);
}

typedef struct {
  char *dir;
  char *project;
  char *essay;
  char *multi;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = plx_test_make_tempdir ();
  fixture->project = g_build_filename (fixture->dir, "cli.parallax", NULL);
  fixture->essay = plx_test_essay_path ();
  fixture->multi = g_build_filename (fixture->dir, "multilingual.txt", NULL);
  g_assert_true (g_file_set_contents (fixture->multi, MULTILINGUAL, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  plx_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->project, g_free);
  g_clear_pointer (&fixture->essay, g_free);
  g_clear_pointer (&fixture->multi, g_free);
}

/* init + both documents; returns their ids through the arguments. */
static void
set_up_project (Fixture *fixture,
                char   **essay_id,
                char   **multi_id)
{
  g_auto(Result) result = { 0 };

  run_cli (&result, "init", fixture->project);
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_file_test (fixture->project, G_FILE_TEST_IS_REGULAR));

  run_cli (&result, "add-document", fixture->project, fixture->essay);
  assert_success (&result);
  *essay_id = output_line (&result);
  run_cli (&result, "add-document", fixture->project, fixture->multi);
  assert_success (&result);
  *multi_id = output_line (&result);
  g_assert_cmpstr (*essay_id, ==, "1");
  g_assert_cmpstr (*multi_id, ==, "2");
}

/* The code-point offset of @needle in @text, as a string for argv. */
static char *
offset_of (const char *text,
           const char *needle,
           gboolean    end)
{
  const char *found = strstr (text, needle);
  glong offset;

  g_assert_nonnull (found);
  offset = g_utf8_pointer_to_offset (text, found) + (end ? g_utf8_strlen (needle, -1) : 0);
  return g_strdup_printf ("%ld", offset);
}

typedef struct {
  const char  *document;   /* "essay" or "multi" */
  const char  *needle;
  const char  *perspective;
  const char  *tags[3];
  const char  *note;
  const char  *author;
  char        *uuid;
} Passage;

static void
annotate_passage (Fixture    *fixture,
                  Passage    *passage,
                  const char *document_id,
                  const char *text)
{
  g_autofree char *start = offset_of (text, passage->needle, FALSE);
  g_autofree char *end = offset_of (text, passage->needle, TRUE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Result) result = { 0 };

  g_ptr_array_add (args, (gpointer) "annotate");
  g_ptr_array_add (args, fixture->project);
  g_ptr_array_add (args, (gpointer) "--document");
  g_ptr_array_add (args, (gpointer) document_id);
  g_ptr_array_add (args, (gpointer) "--start");
  g_ptr_array_add (args, start);
  g_ptr_array_add (args, (gpointer) "--end");
  g_ptr_array_add (args, end);
  g_ptr_array_add (args, (gpointer) "--perspective");
  g_ptr_array_add (args, (gpointer) passage->perspective);
  for (guint t = 0; passage->tags[t] != NULL; t++)
    {
      g_ptr_array_add (args, (gpointer) "--tag");
      g_ptr_array_add (args, (gpointer) passage->tags[t]);
    }
  g_ptr_array_add (args, (gpointer) "--note");
  g_ptr_array_add (args, (gpointer) passage->note);
  g_ptr_array_add (args, (gpointer) "--author");
  g_ptr_array_add (args, (gpointer) passage->author);
  g_ptr_array_add (args, NULL);

  run_cliv (&result, (const char * const *) args->pdata);
  assert_success (&result);
  passage->uuid = output_line (&result);
  g_assert_true (plx_text_is_uuid (passage->uuid));
}

static PlxDocument *
load_text (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static JsonArray *
list_json (Fixture    *fixture,
           const char *extra_option,
           const char *extra_value,
           JsonParser *parser)
{
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (extra_option != NULL)
    run_cli (&result, "list", fixture->project, "--format", "json", extra_option, extra_value);
  else
    run_cli (&result, "list", fixture->project, "--format", "json");
  assert_success (&result);
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

static void
test_help (void)
{
  g_auto(Result) result = { 0 };
  const char *commands[] = { "init", "add-document", "documents", "annotate", "list", "delete", "perspectives", "check" };

  run_cli (&result, "--help");
  assert_success (&result);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (result.out, commands[i]));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli (&result, commands[i], "--help");
      g_assert_cmpint (result.status, ==, 0);
      g_assert_nonnull (strstr (result.out, commands[i]));
    }
  run_cli (&result, "annotate", "--help");
  g_assert_nonnull (strstr (result.out, "--perspective"));
  g_assert_nonnull (strstr (result.out, "--tag"));
  run_cli (&result, "list", "--help");
  g_assert_nonnull (strstr (result.out, "--format"));

  run_cli (&result, "--version");
  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out, "parallax-cli "));
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autofree char *essay_id = NULL;
  g_autofree char *multi_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run_cli (&result, "frobnicate", fixture->project);
  assert_failure (&result, 2);
  g_assert_nonnull (strstr (result.err, "frobnicate"));

  {
    const char *none[] = { NULL };
    result_clear (&result);
    run_cliv (&result, none);
    assert_failure (&result, 2);
  }

  set_up_project (fixture, &essay_id, &multi_id);
  before = plx_test_file_checksum (fixture->project);

  /* Missing arguments. */
  run_cli (&result, "init");
  assert_failure (&result, 2);
  run_cli (&result, "add-document", fixture->project);
  assert_failure (&result, 2);
  run_cli (&result, "list");
  assert_failure (&result, 2);
  run_cli (&result, "delete", fixture->project);
  assert_failure (&result, 2);
  run_cli (&result, "check");
  assert_failure (&result, 2);
  run_cli (&result, "perspectives");
  assert_failure (&result, 2);
  run_cli (&result, "annotate", fixture->project, "--document", "1", "--start", "0", "--end", "5");
  assert_failure (&result, 2);
  g_assert_nonnull (strstr (result.err, "--perspective"));
  run_cli (&result, "annotate", fixture->project, "--document", "1", "--end", "5", "--perspective", "Russian");
  assert_failure (&result, 2);

  /* Too many. */
  run_cli (&result, "check", fixture->project, "extra");
  assert_failure (&result, 2);

  /* Bad options and values. */
  run_cli (&result, "list", fixture->project, "--bogus");
  assert_failure (&result, 2);
  g_assert_nonnull (strstr (result.err, "--bogus"));
  run_cli (&result, "list", fixture->project, "--format", "xml");
  assert_failure (&result, 2);
  run_cli (&result, "list", fixture->project, "--document", "zero");
  assert_failure (&result, 2);
  run_cli (&result, "annotate", fixture->project, "--document", "1", "--start", "abc", "--end", "5", "--perspective", "Russian");
  assert_failure (&result, 2);
  run_cli (&result, "annotate", fixture->project, "--document", "0", "--start", "0", "--end", "5", "--perspective", "Russian");
  assert_failure (&result, 2);
  run_cli (&result, "annotate", fixture->project, "--document", "1", "--start", "-4", "--end", "5", "--perspective", "Russian");
  assert_failure (&result, 2);
  run_cli (&result, "annotate", fixture->project, "--document", "1", "--start", "0", "--end", "99999999999", "--perspective", "Russian");
  assert_failure (&result, 2);
  run_cli (&result, "delete", fixture->project, "not-a-uuid");
  assert_failure (&result, 2);
  run_cli (&result, "perspectives", fixture->project, "paint", "Russian");
  assert_failure (&result, 2);
  run_cli (&result, "perspectives", fixture->project, "rename", "Russian");
  assert_failure (&result, 2);
  run_cli (&result, "perspectives", fixture->project, "move", "Russian", "first");
  assert_failure (&result, 2);

  /* None of that touched the project. */
  after = plx_test_file_checksum (fixture->project);
  g_assert_cmpstr (before, ==, after);
}

static void
test_end_to_end (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *essay_id = NULL;
  g_autofree char *multi_id = NULL;
  g_autoptr(PlxDocument) essay = load_text (fixture->essay);
  g_autoptr(PlxDocument) multi = load_text (fixture->multi);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Result) result = { 0 };
  JsonArray *array;
  Passage passages[] = {
    { "multi", "Հայաստանի Հանրապետություն", "Armenian", { "Ղարաբաղ", "security", NULL }, "Նշում՝ հայերեն", "Անի Պետրոսյան", NULL },
    { "multi", "Azərbaycan Respublikası", "Azerbaijani", { "enerji", "Mediation", NULL }, "Qeyd: ğ ş ı ö ü ç", "Aysel Məmmədova", NULL },
    { "multi", "Российская Федерация", "Russian", { "посредничество", NULL }, "Заметка\tс табуляцией\nи строкой \\ и слешем", "Иван Петров", NULL },
    { "multi", "👩‍👩‍👧", "Western", { NULL }, "family 👨‍👩‍👧‍👦", "Jane", NULL },
    { "multi", "🇦🇲🇦🇿", "azerbaijani", { "flags", NULL }, "", "Aysel", NULL },
    { "multi", "q\xcc\x87 and café", "Western", { NULL }, "", "Jane", NULL },
    { "essay", "Minsk Group co-chair countries", "Western", { "mediation", "Minsk Group", NULL }, "“quotes”", "Jane", NULL },
    { "essay", "Russia bears the lion’s share of the blame", "Russian", { "blame", NULL }, "", "Иван Петров", NULL },
    { "essay", "Operation Ring", "3", { NULL }, "perspective given by id", "Jane", NULL },
  };
  const char *perspective_names[] = { "Armenian", "Azerbaijani", "Russian", "Western", "Azerbaijani", "Western", "Western", "Russian", "Western" };

  set_up_project (fixture, &essay_id, &multi_id);
  g_assert_cmpstr (plx_document_get_text (multi), ==, MULTILINGUAL);

  run_cli (&result, "documents", fixture->project);
  assert_success (&result);
  {
    g_auto(GStrv) lines = g_strsplit (result.out, "\n", -1);
    g_auto(GStrv) first = g_strsplit (lines[0], "\t", -1);
    g_auto(GStrv) second = g_strsplit (lines[1], "\t", -1);
    g_autofree char *essay_length = g_strdup_printf ("%u", plx_document_get_length (essay));
    g_autofree char *multi_length = g_strdup_printf ("%u", plx_document_get_length (multi));

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_cmpstr (first[0], ==, "1");
    g_assert_cmpstr (first[1], ==, essay_length);
    g_assert_cmpstr (first[2], ==, plx_document_get_content_hash (essay));
    g_assert_cmpstr (first[3], ==, plx_document_get_title (essay));
    g_assert_cmpstr (second[0], ==, "2");
    g_assert_cmpstr (second[1], ==, multi_length);
    g_assert_cmpstr (second[2], ==, plx_document_get_content_hash (multi));
    g_assert_cmpstr (second[3], ==, "multilingual");
  }

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    {
      gboolean in_essay = g_str_equal (passages[i].document, "essay");

      annotate_passage (fixture, &passages[i], in_essay ? essay_id : multi_id,
                        plx_document_get_text (in_essay ? essay : multi));
      g_hash_table_insert (by_uuid, passages[i].uuid, GUINT_TO_POINTER (i + 1));
    }

  /* JSON, field by field. */
  array = list_json (fixture, NULL, NULL, parser);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (passages));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *uuid = json_object_get_string_member (object, "uuid");
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_uuid, uuid));
      Passage *passage;
      PlxDocument *document;
      gint64 start = json_object_get_int_member (object, "start");
      gint64 end = json_object_get_int_member (object, "end");
      g_autofree char *between = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;
      g_autofree char *expected_start = NULL;
      JsonArray *themes;
      guint n_tags = 0;

      g_assert_cmpuint (index, >, 0);
      passage = &passages[index - 1];
      document = g_str_equal (passage->document, "essay") ? essay : multi;
      g_assert_cmpint (json_object_get_int_member (object, "document"), ==, document == essay ? 1 : 2);

      expected_start = offset_of (plx_document_get_text (document), passage->needle, FALSE);
      g_assert_cmpint (start, ==, g_ascii_strtoll (expected_start, NULL, 10));
      g_assert_cmpint (end - start, ==, g_utf8_strlen (passage->needle, -1));
      /* The quote is the document text between start and end. */
      between = plx_document_dup_range (document, (guint) start, (guint) end);
      g_assert_cmpstr (json_object_get_string_member (object, "quote"), ==, between);
      g_assert_cmpstr (json_object_get_string_member (object, "quote"), ==, passage->needle);
      prefix = plx_document_dup_range (document, start > PLX_ANNOTATION_CONTEXT_LENGTH ? (guint) start - PLX_ANNOTATION_CONTEXT_LENGTH : 0, (guint) start);
      suffix = plx_document_dup_range (document, (guint) end, (guint) end + PLX_ANNOTATION_CONTEXT_LENGTH);
      g_assert_cmpstr (json_object_get_string_member (object, "prefix"), ==, prefix);
      g_assert_cmpstr (json_object_get_string_member (object, "suffix"), ==, suffix);

      g_assert_cmpstr (json_object_get_string_member (object, "perspective"), ==, perspective_names[index - 1]);
      themes = json_object_get_array_member (object, "themes");
      while (passage->tags[n_tags] != NULL)
        n_tags++;
      g_assert_cmpuint (json_array_get_length (themes), ==, n_tags);
      for (guint t = 0; t < n_tags; t++)
        g_assert_cmpstr (json_array_get_string_element (themes, t), ==, passage->tags[t]);
      g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, passage->note);
      g_assert_cmpstr (json_object_get_string_member (object, "author"), ==, passage->author);
      g_assert_true (plx_text_is_iso8601 (json_object_get_string_member (object, "created")));
      g_assert_true (plx_text_is_iso8601 (json_object_get_string_member (object, "modified")));

      /* Document order: essay first, by start within a document. */
      if (i > 0)
        {
          JsonObject *previous = json_array_get_object_element (array, i - 1);
          gint64 previous_document = json_object_get_int_member (previous, "document");

          g_assert_cmpint (previous_document, <=, json_object_get_int_member (object, "document"));
          if (previous_document == json_object_get_int_member (object, "document"))
            g_assert_cmpint (json_object_get_int_member (previous, "start"), <=, start);
        }
    }

  /* TSV: a header, then one escaped row per annotation. */
  run_cli (&result, "list", fixture->project, "--format", "tsv");
  assert_success (&result);
  {
    g_auto(Result) default_format = { 0 };
    g_auto(GStrv) lines = g_strsplit (result.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (passages) + 2);
    g_assert_cmpstr (lines[0], ==, "uuid\tdocument\tstart\tend\tperspective\tthemes\tnote\tauthor\tcreated\tmodified\tquote");
    g_assert_cmpstr (lines[G_N_ELEMENTS (passages) + 1], ==, "");
    for (guint i = 1; i <= G_N_ELEMENTS (passages); i++)
      {
        g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);
        guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_uuid, cells[0]));
        Passage *passage;
        g_autofree char *themes = NULL;

        g_assert_cmpuint (g_strv_length (cells), ==, 11);
        g_assert_cmpuint (index, >, 0);
        passage = &passages[index - 1];
        themes = g_strjoinv (";", (char **) passage->tags);
        g_assert_cmpstr (cells[4], ==, perspective_names[index - 1]);
        g_assert_cmpstr (cells[5], ==, themes);
        g_assert_cmpstr (cells[7], ==, passage->author);
        g_assert_cmpstr (cells[10], ==, passage->needle);
        if (index == 3)
          g_assert_cmpstr (cells[6], ==, "Заметка\\tс табуляцией\\nи строкой \\\\ и слешем");
        else
          g_assert_cmpstr (cells[6], ==, passage->note);
      }

    /* TSV is the default. */
    run_cli (&default_format, "list", fixture->project);
    assert_success (&default_format);
    g_assert_cmpstr (default_format.out, ==, result.out);
  }

  /* Filters. */
  {
    g_autoptr(JsonParser) p = json_parser_new ();

    array = list_json (fixture, "--perspective", "russian", p);
    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    for (guint i = 0; i < 2; i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i), "perspective"), ==, "Russian");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "uuid"), ==, passages[7].uuid);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "uuid"), ==, passages[2].uuid);
  }
  {
    g_autoptr(JsonParser) p = json_parser_new ();

    /* Tags match ignoring case. */
    array = list_json (fixture, "--tag", "MEDIATION", p);
    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "uuid"), ==, passages[6].uuid);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "uuid"), ==, passages[1].uuid);
  }
  {
    g_autoptr(JsonParser) p = json_parser_new ();

    array = list_json (fixture, "--tag", "Ղարաբաղ", p);
    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "uuid"), ==, passages[0].uuid);
  }
  {
    g_autoptr(JsonParser) p = json_parser_new ();

    array = list_json (fixture, "--document", "1", p);
    g_assert_cmpuint (json_array_get_length (array), ==, 3);
  }
  {
    g_autoptr(JsonParser) p = json_parser_new ();

    array = list_json (fixture, "--tag", "no such tag", p);
    g_assert_cmpuint (json_array_get_length (array), ==, 0);
  }
  run_cli (&result, "list", fixture->project, "--document", "2", "--perspective", "Western", "--tag", "flags");
  assert_success (&result);
  {
    g_auto(GStrv) lines = g_strsplit (result.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);  /* header only */
  }

  /* Delete, then the project checks out. */
  run_cli (&result, "delete", fixture->project, passages[3].uuid);
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "");
  {
    g_autoptr(JsonParser) p = json_parser_new ();

    array = list_json (fixture, NULL, NULL, p);
    g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (passages) - 1);
    for (guint i = 0; i < json_array_get_length (array); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i), "uuid"), !=, passages[3].uuid);
  }
  run_cli (&result, "delete", fixture->project, passages[3].uuid);
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, passages[3].uuid));

  run_cli (&result, "check", fixture->project);
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "ok\n");

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    g_free (passages[i].uuid);
}

static char **
perspective_lines (Fixture *fixture)
{
  g_auto(Result) result = { 0 };
  char **lines;
  guint n;

  run_cli (&result, "perspectives", fixture->project, "list");
  assert_success (&result);
  lines = g_strsplit (result.out, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;
  return lines;
}

/* One "id\tposition\tcolour\tcount\tname" line. */
static void
assert_perspective_line (const char *line,
                         guint       position,
                         const char *color,
                         guint       count,
                         const char *name)
{
  g_auto(GStrv) cells = g_strsplit (line, "\t", -1);
  g_autofree char *position_text = g_strdup_printf ("%u", position);
  g_autofree char *count_text = g_strdup_printf ("%u", count);

  g_assert_cmpuint (g_strv_length (cells), ==, 5);
  g_assert_cmpint (g_ascii_strtoll (cells[0], NULL, 10), >, 0);
  g_assert_cmpstr (cells[1], ==, position_text);
  if (color != NULL)
    g_assert_cmpstr (cells[2], ==, color);
  else
    g_assert_true (plx_perspective_color_is_valid (cells[2]));
  g_assert_cmpstr (cells[3], ==, count_text);
  g_assert_cmpstr (cells[4], ==, name);
}

static void
test_perspectives (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *essay_id = NULL;
  g_autofree char *multi_id = NULL;
  g_auto(Result) result = { 0 };
  g_auto(GStrv) lines = NULL;
  Passage moscow = { "multi", "Москва", "Russian", { NULL }, "", "", NULL };
  Passage baku = { "multi", "Bakı", "Russian", { NULL }, "", "", NULL };
  Passage yerevan = { "multi", "Երևան", "Armenian", { NULL }, "", "", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  set_up_project (fixture, &essay_id, &multi_id);
  annotate_passage (fixture, &moscow, multi_id, MULTILINGUAL);
  annotate_passage (fixture, &baku, multi_id, MULTILINGUAL);
  annotate_passage (fixture, &yerevan, multi_id, MULTILINGUAL);

  lines = perspective_lines (fixture);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  assert_perspective_line (lines[0], 0, NULL, 1, "Armenian");
  assert_perspective_line (lines[1], 1, NULL, 0, "Azerbaijani");
  assert_perspective_line (lines[2], 2, NULL, 0, "Western");
  assert_perspective_line (lines[3], 3, NULL, 2, "Russian");
  g_clear_pointer (&lines, g_strfreev);

  /* No action means list. */
  run_cli (&result, "perspectives", fixture->project);
  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out, "1\t0\t"));

  run_cli (&result, "perspectives", fixture->project, "add", "Georgian", "--color", "#56B4E9");
  assert_success (&result);
  run_cli (&result, "perspectives", fixture->project, "add", "Türk dili");
  assert_success (&result);
  run_cli (&result, "perspectives", fixture->project, "rename", "Georgian", "Грузинский");
  assert_success (&result);
  run_cli (&result, "perspectives", fixture->project, "recolor", "Грузинский", "#D55E00");
  assert_success (&result);
  run_cli (&result, "perspectives", fixture->project, "move", "Russian", "0");
  assert_success (&result);

  lines = perspective_lines (fixture);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  assert_perspective_line (lines[0], 0, NULL, 2, "Russian");
  assert_perspective_line (lines[1], 1, NULL, 1, "Armenian");
  assert_perspective_line (lines[4], 4, "#D55E00", 0, "Грузинский");
  assert_perspective_line (lines[5], 5, NULL, 0, "Türk dili");
  g_clear_pointer (&lines, g_strfreev);

  /* Refusals: exit 1, one line, nothing changed. */
  before = plx_test_file_checksum (fixture->project);
  run_cli (&result, "perspectives", fixture->project, "add", "armenian");
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, "Armenian"));
  run_cli (&result, "perspectives", fixture->project, "add", "Iranian", "--color", "red");
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, "#rrggbb"));
  run_cli (&result, "perspectives", fixture->project, "recolor", "Armenian", "#12345");
  assert_failure (&result, 1);
  run_cli (&result, "perspectives", fixture->project, "rename", "Armenian", "RUSSIAN");
  assert_failure (&result, 1);
  run_cli (&result, "perspectives", fixture->project, "rename", "Klingon", "Vulcan");
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, "Klingon"));
  run_cli (&result, "perspectives", fixture->project, "move", "Armenian", "6");
  assert_failure (&result, 1);
  run_cli (&result, "perspectives", fixture->project, "remove", "Russian", "--move-to", "Klingon");
  assert_failure (&result, 1);
  run_cli (&result, "perspectives", fixture->project, "remove", "Russian", "--move-to", "Russian");
  assert_failure (&result, 1);
  after = plx_test_file_checksum (fixture->project);
  g_assert_cmpstr (before, ==, after);

  /* Remove, handing passages on; then remove, deleting them. */
  run_cli (&result, "perspectives", fixture->project, "remove", "Russian", "--move-to", "Грузинский");
  assert_success (&result);
  run_cli (&result, "perspectives", fixture->project, "remove", "Armenian");
  assert_success (&result);
  lines = perspective_lines (fixture);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  assert_perspective_line (lines[0], 0, NULL, 0, "Azerbaijani");
  assert_perspective_line (lines[1], 1, NULL, 0, "Western");
  assert_perspective_line (lines[2], 2, "#D55E00", 2, "Грузинский");
  assert_perspective_line (lines[3], 3, NULL, 0, "Türk dili");

  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *array = list_json (fixture, NULL, NULL, parser);

    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "uuid"), ==, baku.uuid);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "perspective"), ==, "Грузинский");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "uuid"), ==, moscow.uuid);
  }

  run_cli (&result, "check", fixture->project);
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "ok\n");

  g_free (moscow.uuid);
  g_free (baku.uuid);
  g_free (yerevan.uuid);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *essay_id = NULL;
  g_autofree char *multi_id = NULL;
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.parallax", NULL);
  g_autofree char *png_path = g_build_filename (fixture->dir, "picture.parallax", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.parallax", NULL);
  g_autofree char *latin1 = g_build_filename (fixture->dir, "latin1.txt", NULL);
  g_autofree char *length = NULL;
  g_autofree char *past = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  g_auto(Result) result = { 0 };
  const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

  set_up_project (fixture, &essay_id, &multi_id);
  length = g_strdup_printf ("%ld", g_utf8_strlen (MULTILINGUAL, -1));
  past = g_strdup_printf ("%ld", g_utf8_strlen (MULTILINGUAL, -1) + 1);
  before = plx_test_file_checksum (fixture->project);

  /* Bad ranges. */
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "10", "--end", "5", "--perspective", "Russian");
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, "10"));
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "7", "--end", "7", "--perspective", "Russian");
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, "empty"));
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "3", "--end", past, "--perspective", "Russian");
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, length));

  /* Unknown perspective and document. */
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "0", "--end", "5", "--perspective", "Klingon");
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, "Klingon"));
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "0", "--end", "5", "--perspective", "999");
  assert_failure (&result, 1);
  run_cli (&result, "list", fixture->project, "--perspective", "Klingon");
  assert_failure (&result, 1);
  run_cli (&result, "annotate", fixture->project, "--document", "7", "--start", "0", "--end", "5", "--perspective", "Russian");
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, "7"));

  after = plx_test_file_checksum (fixture->project);
  g_assert_cmpstr (before, ==, after);

  /* Not a project: exit 1, and the file is left alone. */
  g_assert_true (g_file_set_contents (text_path, "Just some notes about Россия.\n", -1, NULL));
  g_assert_true (g_file_set_contents (png_path, (const char *) png, sizeof png, NULL));
  text_before = plx_test_file_checksum (text_path);
  {
    const char *commands[] = { "list", "check", "documents", "perspectives" };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        run_cli (&result, commands[i], text_path);
        assert_failure (&result, 1);
        g_assert_nonnull (strstr (result.err, "not a Parallax project"));
        run_cli (&result, commands[i], png_path);
        assert_failure (&result, 1);
        g_assert_nonnull (strstr (result.err, "not a Parallax project"));
      }
  }
  run_cli (&result, "add-document", text_path, fixture->multi);
  assert_failure (&result, 1);
  run_cli (&result, "annotate", text_path, "--document", "1", "--start", "0", "--end", "5", "--perspective", "Russian");
  assert_failure (&result, 1);
  text_after = plx_test_file_checksum (text_path);
  g_assert_cmpstr (text_before, ==, text_after);

  run_cli (&result, "list", missing);
  assert_failure (&result, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* init will not overwrite anything. */
  run_cli (&result, "init", text_path);
  assert_failure (&result, 1);
  run_cli (&result, "init", fixture->project);
  assert_failure (&result, 1);
  g_free (text_after);
  text_after = plx_test_file_checksum (text_path);
  g_assert_cmpstr (text_before, ==, text_after);

  /* A document that is not UTF-8 is refused with where it goes wrong. */
  g_assert_true (g_file_set_contents (latin1, "Caf\xe9 au lait", -1, NULL));
  run_cli (&result, "add-document", fixture->project, latin1);
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, "byte offset 3"));
  run_cli (&result, "add-document", fixture->project, missing);
  assert_failure (&result, 1);

  /* An export onto the project or its WAL is refused, in every format. */
  {
    g_autofree char *wal = g_strconcat (fixture->project, "-wal", NULL);
    const char *formats[] = { "native", "w3c", "csv" };

    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        run_cli (&result, "export", fixture->project, "--format", formats[i], "-o", fixture->project);
        assert_failure (&result, 1);
        g_assert_nonnull (strstr (result.err, "the project itself"));
        run_cli (&result, "export", fixture->project, "--format", formats[i], "-o", wal);
        assert_failure (&result, 1);
        g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      }
  }

  g_free (after);
  after = plx_test_file_checksum (fixture->project);
  g_assert_cmpstr (before, ==, after);
}

/* Runs parallax-cli with standard output going to @stdout_path. */
static void
run_cli_to (Result             *result,
            const char         *stdout_path,
            const char * const *args)
{
  const char *cli = g_getenv ("PLX_CLI");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_strv_builder_add (argv, cli);
  g_strv_builder_addv (argv, (const char **) args);
  strv = g_strv_builder_end (argv);
  g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) strv, &error);
  g_assert_no_error (error);
  result_clear (result);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &result->err, &error);
  g_assert_no_error (error);
  result->out = g_strdup ("");
  result->status = g_subprocess_get_exit_status (process);
}

static void
assert_strict_json (const char *text)
{
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             &error, "python3", "-c",
                             "import json, sys; json.loads(sys.stdin.buffer.read().decode('utf-8')); print('ok')", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, text, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (out, "ok\n") != 0)
    g_error ("not strict JSON: %s", err);
}

/* Output is strict JSON and safe for a terminal; offsets are decimal; a
 * failed write to standard output is a failure (issue 17, items 5, 11, 12). */
static void
test_output (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *essay_id = NULL;
  g_autofree char *multi_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) result = { 0 };
  const char *evil = "Evil\x1b[2J\x1b]0;owned\x07\xc2\x9b" "31m";
  const char *commands[][6] = {
    { "list", fixture->project, NULL },
    { "list", fixture->project, "--format", "json", NULL },
    { "stats", fixture->project, NULL },
    { "documents", fixture->project, NULL },
    { "perspectives", fixture->project, NULL },
    { "check", fixture->project, NULL },
    { "export", fixture->project, "--format", "native", NULL },
  };

  set_up_project (fixture, &essay_id, &multi_id);
  run_cli (&result, "perspectives", fixture->project, "add", evil);
  assert_success (&result);
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "0", "--end", "8",
           "--perspective", evil, "--note", "unit\x1fseparator \x1b[31mred", "--tag", "t\x01");
  assert_success (&result);

  /* Strict JSON, every control character escaped. */
  run_cli (&result, "list", fixture->project, "--format", "json");
  assert_success (&result);
  assert_strict_json (result.out);
  g_assert_nonnull (strstr (result.out, "unit\\u001fseparator \\u001b[31mred"));
  run_cli (&result, "stats", fixture->project);
  assert_success (&result);
  assert_strict_json (result.out);

  /* Nothing a terminal would act on, in any listing. */
  run_cli (&result, "perspectives", fixture->project);
  assert_success (&result);
  g_assert_nonnull (strstr (result.out, "\tEvil\\x1b[2J\\x1b]0;owned\\x07\\u009b31m\n"));
  run_cli (&result, "list", fixture->project);
  assert_success (&result);
  g_assert_nonnull (strstr (result.out, "unit\\x1fseparator \\x1b[31mred"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      result_clear (&result);
      run_cliv (&result, commands[i]);
      assert_success (&result);
      g_assert_null (strchr (result.out, '\x1b'));
      g_assert_null (strstr (result.out, "\xc2\x9b"));
    }
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "0", "--end", "8", "--perspective", "Nobody\x1b[2J");
  assert_failure (&result, 1);
  g_assert_nonnull (strstr (result.err, "Nobody\\x1b[2J"));

  /* Offsets are decimal only: not 16 for 0x10, not 8 for 010. */
  before = plx_test_file_checksum (fixture->project);
  run_cli (&result, "perspectives", fixture->project, "add", "Latin-1 \xe9t\xe9");
  assert_failure (&result, 2);
  g_assert_nonnull (strstr (result.err, "not valid text"));
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "0x10", "--end", "20", "--perspective", "Russian");
  assert_failure (&result, 2);
  g_assert_nonnull (strstr (result.err, "decimal"));
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "010", "--end", "0x20", "--perspective", "Russian");
  assert_failure (&result, 2);
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "+1", "--end", "20", "--perspective", "Russian");
  assert_failure (&result, 2);
  run_cli (&result, "annotate", fixture->project, "--document", "2", "--start", "4294967296", "--end", "20", "--perspective", "Russian");
  assert_failure (&result, 2);
  g_assert_nonnull (strstr (result.err, "too large"));

  /* A full standard output is a failure with a message. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli_to (&result, "/dev/full", commands[i]);
      g_test_message ("%s: %s", commands[i][0], result.err);
      assert_failure (&result, 1);
      g_assert_nonnull (strstr (result.err, "No space left on device"));
    }
  after = plx_test_file_checksum (fixture->project);
  g_assert_cmpstr (before, ==, after);
}

/* ---- a read-only project ---- */

#define NOBODY 65534

static void
become_nobody_child_setup (gpointer data)
{
  if (setgroups (0, NULL) != 0 || setresgid (NOBODY, NOBODY, NOBODY) != 0 || setresuid (NOBODY, NOBODY, NOBODY) != 0)
    _exit (99);
}

/* Runs @cli with @args as this user, or as nobody when this is root (who
 * may write anything). */
static void
run_cli_as_user (Result             *result,
                 const char         *cli,
                 const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  result_clear (result);
  if (getuid () == 0)
    g_subprocess_launcher_set_child_setup (launcher, become_nobody_child_setup, NULL, NULL);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

/* The output without the export's own time, which differs between runs. */
static char *
without_export_time (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i] + strspn (lines[i], " "), "\"exported\":"))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

static void
assert_only_file (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

/* Listing, exporting and checking need no writing, so a read-only project
 * (file or folder) gives the same output as a writable one, and nothing
 * is made beside it (no -wal, no -shm); a change is refused. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *reads[][4] = {
    { "list", "@", NULL }, { "list", "@", "--format", "json" }, { "documents", "@", NULL },
    { "perspectives", "@", NULL }, { "stats", "@", NULL }, { "export", "@", "--format", "native" },
    { "export", "@", "--format", "csv" }, { "check", "@", NULL },
  };
  g_autofree char *essay_id = NULL;
  g_autofree char *multi_id = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *cli = g_build_filename (fixture->dir, "parallax-cli", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *inside = g_build_filename (folder, "project.parallax", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) source = g_file_new_for_path (g_getenv ("PLX_CLI"));
  g_autoptr(GFile) target = g_file_new_for_path (cli);
  g_autoptr(GError) error = NULL;
  g_auto(Result) result = { 0 };
  gsize length;

  set_up_project (fixture, &essay_id, &multi_id);
  run_cli (&result, "annotate", fixture->project, "--document", essay_id, "--start", "0", "--end", "12",
           "--perspective", "Russian", "--tag", "mediation", "--note", "read me");
  assert_success (&result);
  uuid = output_line (&result);
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      const char *args[5] = { NULL, };

      for (guint j = 0; j < 4 && reads[i][j] != NULL; j++)
        args[j] = g_strcmp0 (reads[i][j], "@") == 0 ? fixture->project : reads[i][j];
      result_clear (&result);
      run_cliv (&result, args);
      assert_success (&result);
      g_ptr_array_add (expected, without_export_time (result.out));
    }

  /* Nobody runs a copy of the CLI inside a folder that they can enter. */
  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (cli, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  contents = plx_test_read_file (fixture->project, &length);
  g_assert_true (g_file_set_contents (inside, contents, (gssize) length, NULL));
  g_assert_cmpint (g_chmod (fixture->project, 0444), ==, 0);
  g_assert_cmpint (g_chmod (inside, 0644), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  for (guint k = 0; k < 2; k++)
    {
      const char *path = k == 0 ? fixture->project : inside;
      g_autofree char *before = plx_test_file_checksum (path);
      g_autofree char *after = NULL;
      const char *change[] = { "delete", path, uuid, NULL };

      for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
        {
          const char *args[5] = { NULL, };
          g_autofree char *out = NULL;

          for (guint j = 0; j < 4 && reads[i][j] != NULL; j++)
            args[j] = g_strcmp0 (reads[i][j], "@") == 0 ? path : reads[i][j];
          run_cli_as_user (&result, cli, args);
          if (result.status != 0)
            g_error ("%s %s: exit %d: %s", args[0], path, result.status, result.err);
          g_assert_cmpstr (result.err, ==, "");
          out = without_export_time (result.out);
          g_assert_cmpstr (out, ==, g_ptr_array_index (expected, i));
        }
      run_cli_as_user (&result, cli, change);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_nonnull (strstr (result.err, "read-only"));
      g_assert_nonnull (strstr (result.err, k == 0 ? path : folder));

      after = plx_test_file_checksum (path);
      g_assert_cmpstr (before, ==, after);
      for (guint j = 0; j < 2; j++)
        {
          g_autofree char *beside = g_strconcat (path, j == 0 ? "-wal" : "-shm", NULL);
          g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
        }
    }
  assert_only_file (folder, "project.parallax");
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
}

/* An init killed while it built the project left its temporary file (and
 * the file's journal) beside the name: the next init or open removes
 * them, but not one that an init still running holds, nor anything else. */
static void
test_stale_temporaries (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *left = g_strconcat (fixture->project, ".new-Ab12Cd", NULL);
  g_autofree char *left_journal = g_strconcat (left, "-journal", NULL);
  g_autofree char *orphan_journal = g_strconcat (fixture->project, ".new-Qq77Rr-journal", NULL);
  g_autofree char *building = g_strconcat (fixture->project, ".new-Zz99Yy", NULL);
  g_autofree char *not_ours = g_strconcat (fixture->project, ".new-notes.txt", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.parallax.new-Ab12Cd", NULL);
  const char *files[] = { left, left_journal, orphan_journal, building, not_ours, other };
  g_auto(Result) result = { 0 };
  int fd;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_true (g_file_set_contents (files[i], "SQLite format 3", -1, NULL));
  /* An init that is still building holds its file. */
  fd = g_open (building, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  run_cli (&result, "init", fixture->project);
  assert_success (&result);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (left_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (orphan_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (building, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  /* Once that init is gone, opening the project tidies up after it. */
  close (fd);
  run_cli (&result, "list", fixture->project);
  assert_success (&result);
  g_assert_false (g_file_test (building, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* A project holds at most PLX_PROJECT_MAX_PERSPECTIVES perspectives: one
 * more is refused, saying so, with the project unchanged, by the command
 * line and by the undo history the window adds through. */
static void
test_perspective_bound (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("parallax-cli: This project already has %d perspectives, the most a "
                                               "project can hold; remove one before adding another\n",
                                               PLX_PROJECT_MAX_PERSPECTIVES);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) result = { 0 };

  run_cli (&result, "init", fixture->project);
  assert_success (&result);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlxProject) project = plx_project_open (fixture->project, &error);
    g_autoptr(PlxHistory) history = NULL;

    g_assert_no_error (error);
    for (guint i = g_list_model_get_n_items (plx_project_get_perspectives (project)); i < PLX_PROJECT_MAX_PERSPECTIVES; i++)
      {
        g_autofree char *name = g_strdup_printf ("Perspective %u", i + 1);
        g_assert_nonnull (plx_project_add_perspective (project, name, NULL, &error));
        g_assert_no_error (error);
      }
    history = plx_history_new (project);
    g_assert_null (plx_history_add_perspective (history, "One too many", "#123456", &error));
    g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
    g_assert_false (plx_history_get_can_undo (history));
  }

  before = plx_test_file_checksum (fixture->project);
  run_cli (&result, "perspectives", fixture->project, "add", "One too many");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, expected);
  after = plx_test_file_checksum (fixture->project);
  g_assert_cmpstr (before, ==, after);

  /* With one removed, there is room again. */
  run_cli (&result, "perspectives", fixture->project, "remove", "Perspective 64");
  assert_success (&result);
  run_cli (&result, "perspectives", fixture->project, "add", "One too many");
  assert_success (&result);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/cli/help", test_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/end-to-end", test_end_to_end);
  ADD ("/cli/perspectives", test_perspectives);
  ADD ("/cli/errors", test_errors);
  ADD ("/cli/output", test_output);
  ADD ("/cli/read-only", test_read_only);
  ADD ("/cli/stale-temporaries", test_stale_temporaries);
  ADD ("/cli/perspective-bound", test_perspective_bound);

#undef ADD

  return g_test_run ();
}
