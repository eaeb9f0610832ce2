/* test-report.c: the comparison report read back as a reader gets it.
 *
 * The HTML is parsed with libxml2's HTML parser, which builds its tree
 * from whatever it is given as a browser does (a stray <script> in a note
 * would become an element, not text), and is queried with XPath: the
 * perspective columns of each theme, the quotes, citations and notes in
 * them, the provenance. The PDF's text is extracted with pdftotext
 * (poppler-utils), in content-stream order, and searched for the same
 * quotes and citations, in Armenian, Azerbaijani and Russian.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sys/wait.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "plx-core.h"
#include "plx-test-utils.h"

#define HOSTILE_NOTE "<script>alert('x')</script> & \"quoted\" </td></tr></table><b>bold"

static const char essay[] =
  "# Voices on the corridor\n\n"
  "An introduction in English.\n\n"
  "## Security\n\n"
  "Հայաստանի անվտանգությունը կախված է սահմանից. The border talks stalled.\n\n"
  "Azərbaycanın ərazi bütövlüyü bərpa olunmalıdır. Россия выступает посредником на переговорах.\n\n"
  "## Trade\n\n"
  "Western observers see a trade corridor opening.\n";

/* perspective (project order: Armenian, Azerbaijani, Western, Russian),
 * quote, themes, note, author */
static const struct {
  guint        perspective;
  const char  *quote;
  const char  *themes[3];
  const char  *note;
  const char  *author;
} passages[] = {
  { 0, "Հայաստանի անվտանգությունը կախված է սահմանից", { "security", NULL }, HOSTILE_NOTE, "Anahit" },
  { 1, "Azərbaycanın ərazi bütövlüyü bərpa olunmalıdır", { "security", NULL }, "Ərazi məsələsi", "Elvin" },
  { 3, "Россия выступает посредником на переговорах", { "security", "mediation", NULL }, "Посредничество", "Anahit" },
  { 2, "Western observers see a trade corridor opening", { NULL }, "", "Elvin" },
  { 0, "The border talks stalled", { "mediation", NULL }, "", "Elvin" },
};

typedef struct {
  char       *dir;
  char       *path;
  PlxProject *project;
  char       *content_hash;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_setenv ("SOURCE_DATE_EPOCH", "1790000000", TRUE);
  fixture->dir = plx_test_make_tempdir ();
  fixture->path = g_build_filename (fixture->dir, "voices.parallax", NULL);
  fixture->project = plx_project_create (fixture->path, &error);
  g_assert_no_error (error);
  document = plx_document_new_from_data (essay, strlen (essay), PLX_DOCUMENT_FORMAT_MARKDOWN, "Voices", &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, document, &error));
  g_assert_no_error (error);
  fixture->content_hash = g_strdup (plx_document_get_content_hash (document));
  text = plx_document_get_text (document);

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (plx_project_get_perspectives (fixture->project),
                                                                     passages[i].perspective);
      g_autoptr(PlxAnnotation) annotation = NULL;
      const char *at = strstr (text, passages[i].quote);
      guint start;

      g_assert_nonnull (at);
      start = (guint) g_utf8_pointer_to_offset (text, at);
      annotation = plx_annotation_new_for_range (document, start, start + g_utf8_strlen (passages[i].quote, -1),
                                                 plx_perspective_get_id (perspective), &error);
      g_assert_no_error (error);
      plx_annotation_set_themes (annotation, passages[i].themes);
      plx_annotation_set_note (annotation, passages[i].note);
      plx_annotation_set_author (annotation, passages[i].author);
      g_assert_true (plx_project_add_annotation (fixture->project, annotation, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->content_hash);
}

static char *
write_report (Fixture         *fixture,
              PlxReportFormat  format,
              gsize           *length)
{
  g_autofree char *path = g_build_filename (fixture->dir, format == PLX_REPORT_FORMAT_PDF ? "report.pdf" : "report.html",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (plx_report_write (fixture->project, format, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return plx_test_read_file (path, length);
}

/* ---- HTML ---- */

static char *
xpath_string (xmlXPathContext *context,
              const char      *expression)
{
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  g_autofree char *query = g_strdup_printf ("string(%s)", expression);
  char *value;

  g_assert_nonnull (result);
  xmlXPathFreeObject (result);
  result = xmlXPathEvalExpression ((const xmlChar *) query, context);
  g_assert_nonnull (result);
  value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return value;
}

static int
xpath_count (xmlXPathContext *context,
             const char      *expression)
{
  g_autofree char *query = g_strdup_printf ("count(%s)", expression);
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) query, context);
  int count;

  g_assert_nonnull (result);
  count = (int) result->floatval;
  xmlXPathFreeObject (result);
  return count;
}

static void
assert_xpath_equal (xmlXPathContext *context,
                    const char      *expression,
                    const char      *expected)
{
  g_autofree char *value = xpath_string (context, expression);

  g_assert_cmpstr (value, ==, expected);
}

static void
assert_xpath_contains (xmlXPathContext *context,
                       const char      *expression,
                       const char      *expected)
{
  g_autofree char *value = xpath_string (context, expression);

  if (strstr (value, expected) == NULL)
    g_error ("%s is “%s”, without “%s”", expression, value, expected);
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  gsize length;
  g_autofree char *html = write_report (fixture, PLX_REPORT_FORMAT_HTML, &length);
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Armenian", "Azerbaijani", "Western", "Russian" };
  htmlDocPtr document;
  xmlXPathContext *context;

  /* Escaped: the note's markup is text, never markup. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<b>bold"));
  /* Self-contained: nothing fetched. */
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "http://example"));

  document = htmlReadMemory (html, (int) length, "report.html", "UTF-8",
                             HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (document);
  context = xmlXPathNewContext (document);

  g_assert_cmpint (xpath_count (context, "//script"), ==, 0);
  g_assert_cmpint (xpath_count (context, "//b"), ==, 0);
  g_assert_cmpint (xpath_count (context, "//style"), ==, 1);
  g_assert_cmpint (xpath_count (context, "//svg"), ==, 2);   /* the heat map, the one document's map */

  /* Provenance. */
  digest = plx_report_dup_project_digest (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (digest), ==, 64);
  assert_xpath_equal (context, "//code[@class='digest']", digest);
  assert_xpath_equal (context, "//dd[@class='version']", "Parallax " PLX_VERSION);
  assert_xpath_equal (context, "//time/@datetime", "2026-09-21T14:13:20Z");
  assert_xpath_equal (context, "//table[contains(@class,'documents')]//tr[1]/td[4]", fixture->content_hash);

  /* Themes: mediation, security, then the passages without one. */
  g_assert_cmpint (xpath_count (context, "//section[@class='theme']"), ==, 3);
  assert_xpath_equal (context, "(//section[@class='theme'])[1]/@data-theme", "mediation");
  assert_xpath_equal (context, "(//section[@class='theme'])[2]/@data-theme", "security");
  assert_xpath_equal (context, "(//section[@class='theme'])[3]/@data-theme", "");

  /* One column per perspective, in the project's order, in every theme. */
  for (guint t = 1; t <= 3; t++)
    {
      g_autofree char *heads = g_strdup_printf ("(//section[@class='theme'])[%u]//thead//th", t);
      g_autofree char *cells = g_strdup_printf ("(//section[@class='theme'])[%u]//tbody/tr/td", t);

      g_assert_cmpint (xpath_count (context, heads), ==, 4);
      g_assert_cmpint (xpath_count (context, cells), ==, 4);
      for (guint p = 0; p < 4; p++)
        {
          g_autofree char *head = g_strdup_printf ("%s[%u]", heads, p + 1);
          g_autofree char *cell = g_strdup_printf ("%s[%u]/@data-perspective", cells, p + 1);

          assert_xpath_equal (context, head, names[p]);
          assert_xpath_equal (context, cell, names[p]);
        }
    }

  /* Security: three passages side by side, each quote in its column with
   * its citation (document, section, paragraph) and note. */
#define SECURITY "//section[@data-theme='security']"
  g_assert_cmpint (xpath_count (context, SECURITY "//figure"), ==, 3);
  assert_xpath_equal (context, SECURITY "//td[@data-perspective='Armenian']//blockquote", passages[0].quote);
  assert_xpath_equal (context, SECURITY "//td[@data-perspective='Azerbaijani']//blockquote", passages[1].quote);
  assert_xpath_equal (context, SECURITY "//td[@data-perspective='Russian']//blockquote", passages[2].quote);
  g_assert_cmpint (xpath_count (context, SECURITY "//td[@data-perspective='Western']//figure"), ==, 0);
  assert_xpath_equal (context, SECURITY "//td[@data-perspective='Armenian']//cite", "Voices on the corridor, Security, ¶ 2");
  assert_xpath_equal (context, SECURITY "//td[@data-perspective='Russian']//cite", "Voices on the corridor, Security, ¶ 3");
  assert_xpath_equal (context, SECURITY "//td[@data-perspective='Armenian']//p[@class='note']", HOSTILE_NOTE);
  assert_xpath_equal (context, SECURITY "//td[@data-perspective='Azerbaijani']//p[@class='note']", "Ərazi məsələsi");
  assert_xpath_equal (context, SECURITY "//td[@data-perspective='Azerbaijani']//span[@class='author']", "by Elvin");
  assert_xpath_contains (context, SECURITY "//p[@class='counts']",
                         "Armenian: 1 · Azerbaijani: 1 · Western: 0 · Russian: 1 — 3 passages");

  /* A passage with two themes is in both; one without any, last. */
  assert_xpath_equal (context, "//section[@data-theme='mediation']//td[@data-perspective='Russian']//blockquote",
                      passages[2].quote);
  assert_xpath_equal (context, "//section[@data-theme='mediation']//td[@data-perspective='Armenian']//blockquote",
                      passages[4].quote);
  assert_xpath_equal (context, "//section[@data-theme='']//td[@data-perspective='Western']//blockquote",
                      passages[3].quote);
  assert_xpath_equal (context, "//section[@data-theme='']//td[@data-perspective='Western']//cite",
                      "Voices on the corridor, Trade, ¶ 4");

  /* Two coders: the reliability appendix. */
  g_assert_cmpint (xpath_count (context, "//section[@id='reliability']//tr[@data-measure='alpha_u']"), ==, 1);
  assert_xpath_contains (context, "//section[@id='reliability']//tr[@data-measure='alpha_u']/td[3]", "Anahit");

  xmlXPathFreeContext (context);
  xmlFreeDoc (document);
}

/* ---- PDF ---- */

static char *
collapse_whitespace (const char *text,
                     gboolean    drop)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)) || *p == '\f')
        {
          space = TRUE;
          continue;
        }
      if (space && !drop && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (out, FALSE);
}

static void
assert_has (const char *text,
            const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("the PDF's text lacks “%s”:\n%s", expected, text);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  const char *pdftotext = g_getenv ("PLX_PDFTOTEXT");
  gsize length;
  g_autofree char *pdf = write_report (fixture, PLX_REPORT_FORMAT_PDF, &length);
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *packed = NULL, *digest = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (length > 1000 && memcmp (pdf, "%PDF-", 5) == 0);
  if (pdftotext == NULL || pdftotext[0] == '\0')
    {
      g_test_fail_printf ("pdftotext was not found: install poppler-utils (build-aux/install-deps.sh)");
      return;
    }
  {
    const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }
  text = collapse_whitespace (out, FALSE);
  packed = collapse_whitespace (out, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    assert_has (text, passages[i].quote);
  assert_has (text, "Ərazi məsələsi");
  assert_has (text, "Посредничество");
  /* A note is text in a PDF too: its markup is printed, not run (the
   * line may break after a slash, so only up to it). */
  assert_has (text, "<script>alert('x')</");
  assert_has (text, "Security, ¶ 2");
  assert_has (text, "Trade, ¶ 4");
  assert_has (text, "Armenian");
  assert_has (text, "Azerbaijani");
  assert_has (text, "Russian");
  assert_has (text, "Western");
  assert_has (text, "Parallax " PLX_VERSION);
  assert_has (text, "2026-09-21T14:13:20Z");
  digest = plx_report_dup_project_digest (fixture->project, &error);
  g_assert_no_error (error);
  assert_has (packed, digest);
  assert_has (packed, fixture->content_hash);
  assert_has (text, "Krippendorff");
}

/* ---- writing ---- */

static void
record_progress (double   fraction,
                 gpointer data)
{
  GArray *fractions = data;

  g_array_append_val (fractions, fraction);
}

static void
test_async_progress (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "async.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  plx_report_write_async (fixture->project, PLX_REPORT_FORMAT_HTML, file, record_progress,
                          g_array_ref (fractions), (GDestroyNotify) g_array_unref, NULL,
                          plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  g_assert_true (plx_report_write_finish (fixture->project, result, &error));
  g_assert_no_error (error);
  /* The progress reports queued before the result have been delivered. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (fractions->len, >=, 2);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_refuses_project (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *before = plx_test_file_checksum (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  const char *targets[] = { fixture->path, wal };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (targets[i]);

      g_assert_false (plx_report_write (fixture->project, PLX_REPORT_FORMAT_PDF, file, NULL, NULL, NULL, &error));
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, targets[i]));
      g_clear_error (&error);
    }
  after = plx_test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
cancel_while_writing (double   fraction,
                      gpointer data)
{
  /* Past 0.3 the file is being written (plx_report_write()). */
  if (fraction > 0.5)
    g_cancellable_cancel (data);
}

/* Cancelled before or while writing: an error, and nothing left behind,
 * not even a temporary file. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (guint format = PLX_REPORT_FORMAT_HTML; format <= PLX_REPORT_FORMAT_PDF; format++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, "cancelled.out", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_cancellable_reset (cancellable);
      g_assert_false (plx_report_write (fixture->project, format, file, cancel_while_writing, cancellable,
                                        cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_false (plx_report_write (fixture->project, format, file, NULL, NULL, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
    }
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "voices.parallax"));
}

static void
run_cli (const char * const *args,
         int                 expected_status,
         char              **err_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PLX_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, err_out,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, expected_status);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *html = g_build_filename (fixture->dir, "cli.html", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *content = NULL;
  gsize length;

  /* Closed first: closing checkpoints the log into the file. */
  g_clear_object (&fixture->project);
  before = plx_test_file_checksum (fixture->path);
  {
    const char *args[] = { "report", fixture->path, "--format", "html", "-o", html, NULL };
    run_cli (args, 0, NULL);
  }
  {
    const char *args[] = { "report", fixture->path, "-f", "pdf", "-o", pdf, NULL };
    run_cli (args, 0, NULL);
  }
  content = plx_test_read_file (html, &length);
  g_assert_nonnull (strstr (content, passages[0].quote));
  g_clear_pointer (&content, g_free);
  content = plx_test_read_file (pdf, &length);
  g_assert_true (memcmp (content, "%PDF-", 5) == 0);
  {
    const char *args[] = { "report", fixture->path, "--format", "docx", "-o", html, NULL };
    run_cli (args, 2, &err);
    g_assert_nonnull (strstr (err, "--format takes html or pdf"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "report", fixture->path, "--format", "html", NULL };
    run_cli (args, 2, &err);
    g_assert_nonnull (strstr (err, "-o FILE"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "report", fixture->path, "--format", "html", "-o", fixture->path, NULL };
    run_cli (args, 1, &err);
    g_assert_nonnull (strstr (err, "the project itself"));
  }
  after = plx_test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/report/html", Fixture, NULL, fixture_set_up, test_html, fixture_tear_down);
  g_test_add ("/report/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/report/async-progress", Fixture, NULL, fixture_set_up, test_async_progress, fixture_tear_down);
  g_test_add ("/report/cancelled", Fixture, NULL, fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add ("/report/refuses-project", Fixture, NULL, fixture_set_up, test_refuses_project, fixture_tear_down);
  g_test_add ("/report/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
