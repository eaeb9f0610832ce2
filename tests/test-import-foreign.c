/* test-import-foreign.c: W3C annotations from Hypothesis and Recogito,
 * which name no perspective and point at a URL: imported with the
 * perspective and document chosen at import, refused whole without.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-test-utils.h"

#define TEXT "# Mediation\n\nThe ceasefire of 2020 was brokered in Moscow. Peacekeepers arrived within days.\n"
#define PAGE "https://example.org/articles/ceasefire"

/* As Hypothesis's /api/annotations/{id}.jsonld has it: a markdown text
 * body without purpose, tags as "tagging" bodies, one target naming the
 * page, with Annotator's RangeSelector, a TextPositionSelector counted in
 * the web page (wrong here) and a TextQuoteSelector. */
#define HYPOTHESIS \
  "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\"," \
  " \"id\": \"https://hypothes.is/a/x2bC9mQWEe6d1w\"," \
  " \"created\": \"2024-03-05T10:12:40.123456+00:00\", \"modified\": \"2024-03-05T10:13:02.000000+00:00\"," \
  " \"creator\": \"acct:ani@hypothes.is\"," \
  " \"body\": [{\"type\": \"TextualBody\", \"value\": \"Moscow as *the* broker.\", \"format\": \"text/markdown\"}," \
  "          {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"Mediation\"}," \
  "          {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"Russia\"}]," \
  " \"target\": [{\"source\": \"" PAGE "\", \"selector\": [" \
  "   {\"type\": \"RangeSelector\", \"startContainer\": \"/main[1]/p[1]\", \"startOffset\": 4," \
  "    \"endContainer\": \"/main[1]/p[1]\", \"endOffset\": 43}," \
  "   {\"type\": \"TextPositionSelector\", \"start\": 1204, \"end\": 1243}," \
  "   {\"type\": \"TextQuoteSelector\", \"exact\": \"ceasefire of 2020 was brokered in Moscow\"," \
  "    \"prefix\": \"The \", \"suffix\": \". Peacekeepers\"}]}]}"

/* As Recogito's W3C download has it: an array of annotations on a
 * document part of its own site, a commenting and a tagging body, a place
 * identified by a SpecificResource, quote and position selectors. */
#define RECOGITO \
  "[{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\"," \
  "  \"id\": \"https://recogito.pelagios.org/annotation/6a1f0f8e-6c1c-4a59-9d2e-3f2b8f0e1a11\"," \
  "  \"generator\": {\"id\": \"https://recogito.pelagios.org/\", \"type\": \"Software\", \"name\": \"Recogito\"}," \
  "  \"generated\": \"2024-04-01T08:00:00Z\"," \
  "  \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"commenting\", \"value\": \"Troops, not mediators.\"," \
  "             \"creator\": \"https://recogito.pelagios.org/karen\", \"modified\": \"2024-04-01T07:59:00Z\"}," \
  "            {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"Peacekeeping\"}," \
  "            {\"type\": \"SpecificResource\", \"purpose\": \"identifying\", \"source\": \"http://sws.geonames.org/524901\"}]," \
  "  \"target\": {\"source\": \"https://recogito.pelagios.org/document/k3vqz2/part/1\"," \
  "             \"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"Peacekeepers arrived\"}," \
  "                            {\"type\": \"TextPositionSelector\", \"start\": 59, \"end\": 79}]}}]"

typedef struct {
  char        *dir;
  char        *path;
  PlxProject  *project;
  PlxDocument *document;
  guint        n_perspectives;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = plx_test_make_tempdir ();
  f->path = g_build_filename (f->dir, "foreign.parallax", NULL);
  f->project = plx_project_create (f->path, &error);
  g_assert_no_error (error);
  /* A new project has the default perspectives, "Russian" among them. */
  g_assert_nonnull (plx_project_find_perspective_by_name (f->project, "Russian"));
  f->n_perspectives = g_list_model_get_n_items (plx_project_get_perspectives (f->project));
  f->document = plx_document_new_from_data (TEXT, strlen (TEXT), PLX_DOCUMENT_FORMAT_MARKDOWN, "Ceasefire", &error);
  g_assert_no_error (error);
  plx_document_set_meta (f->document, PLX_DOCUMENT_META_URL, PAGE);
  plx_project_add_document (f->project, f->document, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->document);
  g_clear_object (&f->project);
  plx_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static PlxImportReport *
import (Fixture                *f,
        const char             *contents,
        const PlxImportOptions *options,
        GError                **error)
{
  g_autofree char *path = write_file (f, "annotations.jsonld", contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return plx_import_file_with_options (f->project, file, options, NULL, error);
}

/* Where @quote first stands in the document's text, in characters. */
static guint
offset_of (PlxDocument *document,
           const char  *quote)
{
  const char *text = plx_document_get_text (document);
  const char *found = strstr (text, quote);

  g_assert_nonnull (found);
  return plx_document_byte_to_offset (document, (gsize) (found - text));
}

static PlxAnnotation *
only_annotation (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = plx_project_list_annotations (f->project, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  return g_object_ref (g_ptr_array_index (all, 0));
}

static void
test_hypothesis (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PlxImportOptions options = { .perspective = "Hypothesis readers" };
  g_autoptr(PlxImportReport) report = import (f, HYPOTHESIS, &options, &error);
  g_autoptr(PlxAnnotation) annotation = NULL;
  PlxPerspective *perspective;
  const char * const *themes;

  g_assert_no_error (error);
  g_assert_cmpuint (report->format, ==, PLX_IMPORT_FORMAT_W3C);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->orphaned, ==, 0);
  g_assert_cmpuint (report->perspectives_added, ==, 1);

  /* Found by its URL; placed by the quote, though the position counts
   * the web page's characters. */
  annotation = only_annotation (f);
  g_assert_cmpint (plx_annotation_get_document_id (annotation), ==, plx_document_get_id (f->document));
  g_assert_cmpstr (plx_annotation_get_quote (annotation), ==, "ceasefire of 2020 was brokered in Moscow");
  g_assert_cmpuint (plx_annotation_get_start (annotation), ==, offset_of (f->document, "ceasefire of 2020"));
  perspective = plx_project_find_perspective_by_name (f->project, "Hypothesis readers");
  g_assert_nonnull (perspective);
  g_assert_cmpint (plx_annotation_get_perspective_id (annotation), ==, plx_perspective_get_id (perspective));
  themes = plx_annotation_get_themes (annotation);
  g_assert_cmpuint (g_strv_length ((char **) themes), ==, 2);
  g_assert_cmpstr (themes[0], ==, "Mediation");
  g_assert_cmpstr (themes[1], ==, "Russia");
  g_assert_cmpstr (plx_annotation_get_note (annotation), ==, "Moscow as *the* broker.");
  g_assert_cmpstr (plx_annotation_get_author (annotation), ==, "acct:ani@hypothes.is");

  /* The same file again changes nothing. */
  g_clear_pointer (&report, plx_import_report_free);
  report = import (f, HYPOTHESIS, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->skipped, ==, 1);
  g_assert_cmpuint (report->perspectives_added, ==, 0);
}

static void
test_recogito (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PlxImportOptions options = { .perspective = " Russian ", .document_id = plx_document_get_id (f->document) };
  g_autoptr(PlxImportReport) report = import (f, RECOGITO, &options, &error);
  g_autoptr(PlxAnnotation) annotation = NULL;
  const char * const *themes;

  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  /* An existing perspective is taken, not made again. */
  g_assert_cmpuint (report->perspectives_added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (f->project)), ==, f->n_perspectives);

  annotation = only_annotation (f);
  g_assert_cmpint (plx_annotation_get_document_id (annotation), ==, plx_document_get_id (f->document));
  g_assert_cmpint (plx_annotation_get_perspective_id (annotation), ==,
                   plx_perspective_get_id (plx_project_find_perspective_by_name (f->project, "Russian")));
  g_assert_cmpstr (plx_annotation_get_quote (annotation), ==, "Peacekeepers arrived");
  g_assert_cmpuint (plx_annotation_get_start (annotation), ==, offset_of (f->document, "Peacekeepers"));
  themes = plx_annotation_get_themes (annotation);
  g_assert_cmpuint (g_strv_length ((char **) themes), ==, 1);
  g_assert_cmpstr (themes[0], ==, "Peacekeeping");
  g_assert_cmpstr (plx_annotation_get_note (annotation), ==, "Troops, not mediators.");
}

/* A refused import leaves every byte of the project as it was. */
static void
assert_refused (Fixture                *f,
                const char             *contents,
                const PlxImportOptions *options,
                int                     code,
                const char             *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_object (&f->project);
  before = plx_test_file_checksum (f->path);
  f->project = plx_project_open (f->path, &error);
  g_assert_no_error (error);

  report = import (f, contents, options, &error);
  g_assert_null (report);
  g_assert_error (error, PLX_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, says));
  g_assert_nonnull (strstr (error->message, "annotations.jsonld"));
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (f->project)), ==, f->n_perspectives);
  g_clear_object (&f->project);
  after = plx_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (plx_test_count_in_file_alone (f->path), ==, 0);
  f->project = plx_project_open (f->path, &error);
  g_assert_no_error (error);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  PlxImportOptions no_perspective = { NULL };
  PlxImportOptions perspective = { .perspective = "Readers" };
  PlxImportOptions blank = { .perspective = "  " };
  PlxImportOptions elsewhere = { .perspective = "Readers", .document_id = 4242 };

  /* No perspective chosen: the error says how to choose one. */
  assert_refused (f, HYPOTHESIS, NULL, PLX_ERROR_PERSPECTIVE_NEEDED, "--perspective NAME");
  assert_refused (f, HYPOTHESIS, &no_perspective, PLX_ERROR_PERSPECTIVE_NEEDED, "“classifying”");
  assert_refused (f, HYPOTHESIS, &blank, PLX_ERROR_INVALID_ARGUMENT, "empty name");
  /* A target that is neither the document's URL nor given a document. */
  assert_refused (f, RECOGITO, &perspective, PLX_ERROR_NOT_FOUND,
                  "https://recogito.pelagios.org/document/k3vqz2/part/1, which is not a document of this project");
  assert_refused (f, RECOGITO, &elsewhere, PLX_ERROR_NOT_FOUND, "(4242) is not in this project");
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *hypothesis = write_file (f, "hypothesis.jsonld", HYPOTHESIS);
  g_autofree char *recogito = write_file (f, "recogito.jsonld", RECOGITO);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plx_document_get_id (f->document));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_clear_object (&f->project);
  before = plx_test_file_checksum (f->path);
  out = plx_test_run_cli (&status, &err, "import", f->path, hypothesis, NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "--perspective NAME"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = plx_test_run_cli (&status, &err, "import", f->path, recogito, "--perspective", "Readers", NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "not a document of this project"));
  after = plx_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = plx_test_run_cli (&status, &err, "import", f->path, hypothesis, "--perspective", "Readers", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "1 added, 0 updated, 0 skipped, 0 orphaned\n1 perspective and 0 documents added\n");
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = plx_test_run_cli (&status, &err, "import", f->path, recogito, "--perspective", "Readers", "--document", id, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "1 added, 0 updated, 0 skipped, 0 orphaned\n");
  g_assert_cmpuint (plx_test_count_in_file_alone (f->path), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/import-foreign/hypothesis", Fixture, NULL, fixture_set_up, test_hypothesis, fixture_tear_down);
  g_test_add ("/import-foreign/recogito", Fixture, NULL, fixture_set_up, test_recogito, fixture_tear_down);
  g_test_add ("/import-foreign/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/import-foreign/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
