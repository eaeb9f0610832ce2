/* test-attributes.c: document attributes: types and their normal forms,
 * definitions and values as undoable change sets, values following a
 * removed document and a deleted attribute back on undo, the CSV reader,
 * bulk assignment refused by line with nothing applied, and the CLI.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-attribute-ops.h"
#include "plx-core.h"
#include "plx-test-utils.h"

typedef struct {
  char        *dir;
  char        *path;
  PlxProject  *project;
  PlxHistory  *history;
  gint64       documents[3];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *const titles[] = { "TASS, 2020", "Azatutyun, 2020", "APA, 2021" };
  g_autoptr(GError) error = NULL;

  fixture->dir = plx_test_make_tempdir ();
  fixture->path = g_build_filename (fixture->dir, "attributes.parallax", NULL);
  fixture->project = plx_project_create (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *text = g_strdup_printf ("Peacekeepers arrived in Stepanakert, wrote %s.", titles[i]);
      g_autoptr(PlxDocument) document = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN,
                                                                    titles[i], &error);

      g_assert_no_error (error);
      g_assert_true (plx_project_add_document (fixture->project, document, &error));
      g_assert_no_error (error);
      fixture->documents[i] = plx_document_get_id (document);
    }
  fixture->history = plx_history_new (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
apply (Fixture      *fixture,
       PlxChangeSet *changes,
       GError       *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (changes);
  g_assert_true (plx_history_apply_changes (fixture->history, changes, &error));
  g_assert_no_error (error);
  g_object_unref (changes);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plx_history_undo (fixture->history, &error));
  g_assert_no_error (error);
}

/* Every value as "document:attribute=value", by document then name. */
static char *
all_values (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = plx_project_list_attributes (fixture->project, &error);
  g_autoptr(GPtrArray) values = plx_project_list_values (fixture->project, 0, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < values->len; i++)
    {
      PlxDocumentValue *value = g_ptr_array_index (values, i);
      PlxAttribute *attribute = plx_attributes_lookup (attributes, plx_document_value_get_attribute_uuid (value));

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT ":%s=%s", out->len ? " " : "",
                              plx_document_value_get_document_id (value), plx_attribute_get_name (attribute),
                              plx_document_value_get_value (value));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_values (Fixture    *fixture,
               const char *expected)
{
  g_autofree char *got = all_values (fixture);

  g_assert_cmpstr (got, ==, expected);
}

static void
define (Fixture          *fixture,
        const char       *name,
        PlxAttributeType  type)
{
  g_autoptr(GError) error = NULL;

  apply (fixture, plx_attribute_changes_define (fixture->project, name, type, &error), error);
}

static void
set (Fixture    *fixture,
     guint       document,
     const char *attribute,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  apply (fixture, plx_attribute_changes_set (fixture->project, fixture->documents[document], attribute, value, &error),
         error);
}

static void
test_normal_forms (void)
{
  g_autoptr(PlxAttribute) number = plx_attribute_new (NULL, "words", PLX_ATTRIBUTE_NUMBER);
  g_autoptr(PlxAttribute) date = plx_attribute_new (NULL, "published", PLX_ATTRIBUTE_DATE);
  g_autoptr(PlxAttribute) text = plx_attribute_new (NULL, "outlet", PLX_ATTRIBUTE_CATEGORY);
  static const char *const good_dates[] = { "2020", "2020-11", "2020-11-10", "2024-02-29" };
  static const char *const bad_dates[] = { "20", "2020-13", "2021-02-29", "2020-1-5", "10.11.2020", "2020-11-10T00:00",
                                           "-2020", "2020-00" };
  static const char *const bad_numbers[] = { "1,5", "twelve", "12abc", "inf", "nan", "" };
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good_dates); i++)
    {
      g_autofree char *stored = plx_attribute_normalize_value (date, good_dates[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, good_dates[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_assert_null (plx_attribute_normalize_value (date, bad_dates[i], &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "published"));
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_numbers); i++)
    {
      g_assert_null (plx_attribute_normalize_value (number, bad_numbers[i], &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  {
    g_autofree char *a = plx_attribute_normalize_value (number, " 0012.50 ", &error);
    g_autofree char *b = plx_attribute_normalize_value (text, "  RIA Novosti ", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (a, ==, "12.5");
    g_assert_cmpstr (b, ==, "RIA Novosti");
  }
  /* Numbers sort by value, not as text. */
  g_assert_cmpint (plx_attribute_compare_values (number, "9", "10"), <, 0);
  g_assert_cmpint (plx_attribute_compare_values (date, "2020-11", "2021"), <, 0);
}

static void
test_define_set_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxChangeSet) same = NULL;

  define (fixture, "outlet", PLX_ATTRIBUTE_CATEGORY);
  define (fixture, "published", PLX_ATTRIBUTE_DATE);
  set (fixture, 0, "outlet", "TASS");
  set (fixture, 1, "Outlet", "Azatutyun");  /* a name in any case */
  set (fixture, 0, "published", "2020-11-10");
  assert_values (fixture, "1:outlet=TASS 1:published=2020-11-10 2:outlet=Azatutyun");

  /* Setting what it holds already is no step; a change is one. */
  same = plx_attribute_changes_set (fixture->project, fixture->documents[0], "outlet", "TASS", &error);
  g_assert_no_error (error);
  g_assert_true (plx_change_set_is_empty (same));
  set (fixture, 0, "outlet", "RIA Novosti");
  assert_values (fixture, "1:outlet=RIA Novosti 1:published=2020-11-10 2:outlet=Azatutyun");
  undo (fixture);
  assert_values (fixture, "1:outlet=TASS 1:published=2020-11-10 2:outlet=Azatutyun");

  /* An empty value clears it. */
  set (fixture, 0, "published", "");
  assert_values (fixture, "1:outlet=TASS 2:outlet=Azatutyun");
  undo (fixture);

  /* Bad input changes nothing. */
  g_assert_null (plx_attribute_changes_set (fixture->project, fixture->documents[0], "published", "yesterday", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (plx_attribute_changes_set (fixture->project, fixture->documents[0], "colour", "red", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (plx_attribute_changes_set (fixture->project, 99, "outlet", "x", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (plx_attribute_changes_define (fixture->project, "OUTLET", PLX_ATTRIBUTE_TEXT, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (plx_attribute_changes_define (fixture->project, "  ", PLX_ATTRIBUTE_TEXT, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  assert_values (fixture, "1:outlet=TASS 1:published=2020-11-10 2:outlet=Azatutyun");
}

static void
test_rename_delete_remove (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = NULL;

  define (fixture, "outlet", PLX_ATTRIBUTE_CATEGORY);
  define (fixture, "side", PLX_ATTRIBUTE_CATEGORY);
  set (fixture, 0, "outlet", "TASS");
  set (fixture, 1, "outlet", "Azatutyun");
  set (fixture, 1, "side", "Armenian");

  apply (fixture, plx_attribute_changes_rename (fixture->project, "outlet", "source", &error), error);
  assert_values (fixture, "1:source=TASS 2:side=Armenian 2:source=Azatutyun");
  undo (fixture);

  /* Deleting an attribute takes its values; undo gives them back. */
  apply (fixture, plx_attribute_changes_delete (fixture->project, "outlet", &error), error);
  assert_values (fixture, "2:side=Armenian");
  attributes = plx_project_list_attributes (fixture->project, &error);
  g_assert_cmpuint (attributes->len, ==, 1);
  undo (fixture);
  assert_values (fixture, "1:outlet=TASS 2:outlet=Azatutyun 2:side=Armenian");

  /* So does removing a document. */
  g_assert_true (plx_history_remove_document (fixture->history, fixture->documents[1], &error));
  g_assert_no_error (error);
  assert_values (fixture, "1:outlet=TASS");
  undo (fixture);
  assert_values (fixture, "1:outlet=TASS 2:outlet=Azatutyun 2:side=Armenian");
}

static GArray *
parse (const char *csv,
       GError    **error)
{
  return plx_text_parse_csv (csv, strlen (csv), error);
}

static void
test_csv_reader (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) records = parse ("\xef\xbb\xbf" "a,b,c\r\n\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\nlast", &error);
  const PlxCsvRecord *r;
  static const char *const bad[] = { "a,\"b\nc\n", "a,b\"c\",d\n", "a,\"b\"c,d\n" };
  static const guint bad_lines[] = { 1, 1, 1 };

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 4);
  r = &g_array_index (records, PlxCsvRecord, 0);
  g_assert_cmpuint (r->line, ==, 1);
  g_assert_cmpstrv (r->fields, ((const char *[]) { "a", "b", "c", NULL }));
  r = &g_array_index (records, PlxCsvRecord, 1);
  g_assert_cmpuint (r->line, ==, 3);
  g_assert_cmpstrv (r->fields, ((const char *[]) { "x, y", "say \"hi\"", "two\nlines", NULL }));
  r = &g_array_index (records, PlxCsvRecord, 2);
  g_assert_cmpuint (r->line, ==, 5);
  g_assert_cmpstrv (r->fields, ((const char *[]) { "", "", "", NULL }));
  r = &g_array_index (records, PlxCsvRecord, 3);
  g_assert_cmpuint (r->line, ==, 6);
  g_assert_cmpstrv (r->fields, ((const char *[]) { "last", NULL }));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *where = g_strdup_printf ("Line %u ", bad_lines[i]);

      g_assert_null (parse (bad[i], &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
      g_assert_true (g_str_has_prefix (error->message, where));
      g_clear_error (&error);
    }
  g_assert_null (plx_text_parse_csv ("a,\xff\n", 4, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
}

static void
test_csv_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxChangeSet) changes = NULL;
  const char *good = "document,attribute,value\n"
                     "\"TASS, 2020\",outlet,TASS\n"
                     "2,outlet,Azatutyun\n"
                     "3,published,2021-01\n"
                     "2,published,\n";
  const char *wrong = "1,outlet,TASS\n"
                      "Nowhere,outlet,X\n"
                      "1,colour,red\n"
                      "1,published,last spring\n"
                      "1,outlet\n"
                      "2,outlet,A\n"
                      "2,outlet,B\n";

  define (fixture, "outlet", PLX_ATTRIBUTE_CATEGORY);
  define (fixture, "published", PLX_ATTRIBUTE_DATE);
  set (fixture, 1, "published", "2020");

  apply (fixture, plx_attribute_changes_from_csv (fixture->project, good, strlen (good), &error), error);
  assert_values (fixture, "1:outlet=TASS 2:outlet=Azatutyun 3:published=2021-01");
  undo (fixture);
  assert_values (fixture, "2:published=2020");

  /* One bad line refuses the file: every bad line named, nothing set. */
  changes = plx_attribute_changes_from_csv (fixture->project, wrong, strlen (wrong), &error);
  g_assert_null (changes);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "5 lines"));
  g_assert_nonnull (strstr (error->message, "line 2: There is no document “Nowhere”"));
  g_assert_nonnull (strstr (error->message, "line 3: There is no attribute “colour”"));
  g_assert_nonnull (strstr (error->message, "line 4: “last spring” is not a date"));
  g_assert_nonnull (strstr (error->message, "line 5: 2 fields"));
  g_assert_nonnull (strstr (error->message, "line 7: “outlet” of this document is set on an earlier line too"));
  g_assert_null (strstr (error->message, "line 1:"));
  g_assert_null (strstr (error->message, "line 6:"));
  assert_values (fixture, "2:published=2020");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every value as "title:attribute=value", sorted: what survives a trip
 * to another project, where documents get other ids. */
static char *
values_by_title (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = plx_project_list_attributes (project, &error);
  g_autoptr(GPtrArray) values = plx_project_list_values (project, 0, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < values->len; i++)
    {
      PlxDocumentValue *value = g_ptr_array_index (values, i);
      g_autoptr(PlxDocument) document = plx_project_load_document (project, plx_document_value_get_document_id (value),
                                                                   &error);

      g_assert_no_error (error);
      g_ptr_array_add (lines, g_strdup_printf ("%s:%s=%s", plx_document_get_title (document),
                                               plx_attribute_get_name (plx_attributes_lookup (
                                                 attributes, plx_document_value_get_attribute_uuid (value))),
                                               plx_document_value_get_value (value)));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv (" | ", (char **) lines->pdata);
}

static char *
export_native (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (plx_export_to_stream (project, PLX_EXPORT_FORMAT_NATIVE, 0, PLX_EXPORT_FLAGS_INCLUDE_TEXT, stream,
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
file_bytes (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  return g_base64_encode ((const guchar *) bytes, length);
}

/* Native JSON carries the attributes and the documents' values: a new
 * project importing the export holds the same; a file whose attribute has
 * another type in the project, or whose value names no document of the
 * file or is not of its type, is refused and changes nothing. */
static void
test_native_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *json = NULL;
  g_autofree char *other_dir = plx_test_make_tempdir ();
  g_autofree char *other_path = g_build_filename (other_dir, "other.parallax", NULL);
  g_autoptr(PlxProject) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  PlxImportReport *report;

  define (fixture, "outlet", PLX_ATTRIBUTE_CATEGORY);
  define (fixture, "published", PLX_ATTRIBUTE_DATE);
  set (fixture, 0, "outlet", "TASS");
  set (fixture, 2, "outlet", "APA");
  set (fixture, 2, "published", "2021-01-12");
  json = export_native (fixture->project);
  g_assert_nonnull (strstr (json, "\"attributes\""));
  expected = values_by_title (fixture->project);
  g_assert_cmpstr (expected, ==, "APA, 2021:outlet=APA | APA, 2021:published=2021-01-12 | TASS, 2020:outlet=TASS");

  other = plx_project_create (other_path, &error);
  g_assert_no_error (error);
  report = plx_import_data (other, "export.json", json, strlen (json), &error);
  g_assert_no_error (error);
  plx_import_report_free (report);
  {
    g_autofree char *got = values_by_title (other);

    g_assert_cmpstr (got, ==, expected);
  }
  /* Again: nothing new, nothing doubled. */
  report = plx_import_data (other, "export.json", json, strlen (json), &error);
  g_assert_no_error (error);
  plx_import_report_free (report);
  {
    g_autofree char *got = values_by_title (other);

    g_assert_cmpstr (got, ==, expected);
  }

  /* Refused whole: the project's bytes do not change. */
  {
    g_autoptr(PlxChangeSet) retype = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *wrong_type = NULL;
    g_autofree char *no_document = NULL;
    g_autofree char *bad_value = NULL;
    char *at;

    apply (fixture, plx_attribute_changes_delete (fixture->project, "published", &error), error);
    define (fixture, "published", PLX_ATTRIBUTE_TEXT);
    wrong_type = export_native (fixture->project);
    g_clear_object (&other);
    other = plx_project_open (other_path, &error);
    g_assert_no_error (error);
    g_assert_true (plx_project_checkpoint (other, &error));
    before = file_bytes (other_path);
    g_assert_null (plx_import_data (other, "wrong-type.json", wrong_type, strlen (wrong_type), &error));
    g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
    g_assert_nonnull (strstr (error->message, "“published” is a text attribute in the file but a date one"));
    g_clear_error (&error);

    no_document = g_strdup (json);
    at = strstr (no_document, "\"3\":\"APA\"");
    g_assert_nonnull (at);
    at[1] = '9';
    g_assert_null (plx_import_data (other, "no-document.json", no_document, strlen (no_document), &error));
    g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
    g_assert_nonnull (strstr (error->message, "there is no document 9"));
    g_clear_error (&error);

    bad_value = g_strdup (json);
    at = strstr (bad_value, "2021-01-12");
    memcpy (at, "2021-13-12", 10);
    g_assert_null (plx_import_data (other, "bad-value.json", bad_value, strlen (bad_value), &error));
    g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
    g_assert_nonnull (strstr (error->message, "is not a date"));
    g_clear_error (&error);

    g_assert_true (plx_project_checkpoint (other, &error));
    after = file_bytes (other_path);
    g_assert_cmpstr (before, ==, after);
  }
  g_clear_object (&other);
  plx_test_remove_tree (other_dir);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "values.csv", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_clear_object (&fixture->history);
  g_clear_object (&fixture->project);
  g_assert_true (g_file_set_contents (csv, "1,outlet,TASS\n2,outlet,Azatutyun\n2,words,4200\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "1,outlet,TASS\n2,words,many\n", -1, NULL));

  g_free (plx_test_run_cli (&status, NULL, "attributes", fixture->path, "define", "outlet", "--type", "category", NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (plx_test_run_cli (&status, NULL, "attributes", fixture->path, "define", "words", "--type", "number", NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (plx_test_run_cli (&status, &err, "attributes", fixture->path, "define", "x", "--type", "colour", NULL));
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&err, g_free);

  out = plx_test_run_cli (&status, &err, "attributes", fixture->path, "import", bad, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "line 2: “many” is not a number"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = plx_test_run_cli (&status, NULL, "attributes", fixture->path, "import", csv, "--dry-run", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "3 values set, 0 cleared"));
  g_clear_pointer (&out, g_free);
  out = plx_test_run_cli (&status, NULL, "attributes", fixture->path, "list", NULL);
  g_assert_cmpstr (out, ==, "id\ttitle\toutlet\twords\n1\tTASS, 2020\t\t\n2\tAzatutyun, 2020\t\t\n3\tAPA, 2021\t\t\n");
  g_clear_pointer (&out, g_free);

  g_free (plx_test_run_cli (&status, NULL, "attributes", fixture->path, "import", csv, NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (plx_test_run_cli (&status, NULL, "attributes", fixture->path, "set", "APA, 2021", "outlet", "APA", NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (plx_test_run_cli (&status, NULL, "attributes", fixture->path, "unset", "1", "outlet", NULL));
  g_assert_cmpint (status, ==, 0);
  out = plx_test_run_cli (&status, NULL, "attributes", fixture->path, "list", NULL);
  g_assert_cmpstr (out, ==, "id\ttitle\toutlet\twords\n1\tTASS, 2020\t\t\n2\tAzatutyun, 2020\tAzatutyun\t4200\n"
                            "3\tAPA, 2021\tAPA\t\n");
  g_clear_pointer (&out, g_free);
  out = plx_test_run_cli (&status, &err, "attributes", fixture->path, "set", "9", "outlet", "X", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "There is no document “9”"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/attributes/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/core/attributes/normal-forms", test_normal_forms);
  g_test_add_func ("/core/attributes/csv-reader", test_csv_reader);
  ADD ("define-set-undo", test_define_set_undo);
  ADD ("rename-delete-remove", test_rename_delete_remove);
  ADD ("csv-import", test_csv_import);
  ADD ("native-round-trip", test_native_round_trip);
  ADD ("cli", test_cli);
  return g_test_run ();
}
