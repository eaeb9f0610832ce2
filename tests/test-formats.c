/* test-formats.c: the format registry that the app and parallax-cli share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-test-utils.h"

static void
test_registry (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const PlxFormat * const *formats;
  guint n = 0;

  formats = plx_formats_list (&n);
  g_assert_cmpuint (n, >=, 5);
  for (guint i = 0; i < n; i++)
    {
      const PlxFormat *format = formats[i];

      /* Unique ids, found again by id; a name, an extension, and what it
       * can do; a document reader has its code and version. */
      g_assert_true (g_hash_table_add (ids, (gpointer) format->id));
      g_assert_true (plx_format_find (format->id) == format);
      g_assert_nonnull (format->name);
      g_assert_nonnull (format->extensions[0]);
      g_assert_true (format->extensions[0][0] == '.');
      g_assert_cmpuint (format->abilities, !=, 0);
      if (format->role == PLX_FORMAT_DOCUMENT)
        {
          g_assert_nonnull (format->read);
          g_assert_cmpuint (format->reader_version, >=, 1);
          g_assert_true (plx_format_for_document (format->document_format) == format);
        }
      else if (format->abilities & PLX_FORMAT_CAN_EXPORT)
        g_assert_true (plx_format_for_export (format->export_format) == format);
    }
  g_assert_null (plx_format_find ("docx-of-the-future"));
  g_assert_null (plx_format_find (NULL));
}

static void
test_lookup (void)
{
  PlxExportFormat export_format;
  PlxDocumentFormat document_format;

  /* By file name, per role, in any case. */
  g_assert_true (plx_format_for_file_name (PLX_FORMAT_DOCUMENT, "Essay.MD") == &plx_format_markdown);
  g_assert_true (plx_format_for_file_name (PLX_FORMAT_DOCUMENT, "notes.txt") == &plx_format_plain);
  g_assert_null (plx_format_for_file_name (PLX_FORMAT_DOCUMENT, "talk.json"));
  g_assert_true (plx_format_for_file_name (PLX_FORMAT_EXCHANGE, "talk.jsonld") == &plx_format_w3c);
  g_assert_cmpint (plx_document_format_for_name ("unknown.xyz"), ==, PLX_DOCUMENT_FORMAT_PLAIN);

  /* The names parallax-cli and the stored documents use. */
  g_assert_true (plx_export_format_from_string ("json", &export_format));
  g_assert_cmpint (export_format, ==, PLX_EXPORT_FORMAT_NATIVE);
  g_assert_true (plx_export_format_from_string ("w3c", &export_format));
  g_assert_cmpint (export_format, ==, PLX_EXPORT_FORMAT_W3C);
  g_assert_cmpstr (plx_export_format_extension (PLX_EXPORT_FORMAT_CSV), ==, ".csv");
  g_assert_false (plx_export_format_from_string ("markdown", &export_format));
  g_assert_true (plx_document_format_from_string ("markdown", &document_format));
  g_assert_cmpint (document_format, ==, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_false (plx_document_format_from_string ("csv", &document_format));
  g_assert_cmpstr (plx_document_format_to_string (PLX_DOCUMENT_FORMAT_PLAIN), ==, "plain");
}

/* Reads @input with @format's reader, as a document would. */
static gboolean
run_reader (const PlxFormat  *format,
            const char       *input,
            PlxReadJob       *job,
            GError          **error)
{
  g_autoptr(GBytes) original = g_bytes_new_static (input, strlen (input));

  memset (job, 0, sizeof *job);
  job->original = original;
  job->blocks = g_array_new (FALSE, FALSE, sizeof (PlxBlock));
  job->locators = g_array_new (FALSE, FALSE, sizeof (PlxLocator));
  return plx_format_read (format, job, error);
}

/* A reader from the registry gives the document its text and blocks. */
static void
test_reader (void)
{
  const char *markdown = "# Title\n\n## Part\n\nSome *text* [1] here,\nwrapped.\n\n[1] A note.\n";
  g_autoptr(GError) error = NULL;
  PlxReadJob job;
  GArray *blocks;

  g_assert_true (run_reader (&plx_format_markdown, markdown, &job, &error));
  g_assert_no_error (error);
  blocks = job.blocks;
  g_assert_cmpstr (job.text, ==, "Title\nPart\nSome *text* [1] here, wrapped.\n[1] A note.");
  g_assert_cmpint (g_array_index (blocks, PlxBlock, 0).kind, ==, PLX_BLOCK_TITLE);
  g_assert_cmpint (g_array_index (blocks, PlxBlock, 1).kind, ==, PLX_BLOCK_HEADING);
  g_assert_cmpuint (blocks->len, ==, 6);  /* title, heading, mark, paragraph, mark, footnote */
  plx_read_job_clear (&job);

  g_assert_true (run_reader (&plx_format_plain, "one\n\ntwo", &job, &error));
  blocks = job.blocks;
  g_assert_null (job.text);
  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpuint (g_array_index (blocks, PlxBlock, 1).start, ==, 5);
  plx_read_job_clear (&job);
}

static void
test_cli (void)
{
  const char *argv[] = { g_getenv ("PLX_CLI"), "formats", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "markdown\tdocument\timport\t.md,.markdown\t"));
  g_assert_nonnull (strstr (out, "native\texchange\timport,export\t.json\t"));
  g_assert_nonnull (strstr (out, "csv\texchange\texport\t.csv\t"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/formats/registry", test_registry);
  g_test_add_func ("/formats/lookup", test_lookup);
  g_test_add_func ("/formats/reader", test_reader);
  g_test_add_func ("/formats/cli", test_cli);
  return g_test_run ();
}
