/* plx-fuzz.c: the fuzz targets' bodies.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "plx-core.h"
#include "plx-fuzz.h"
#include "plx-test-utils.h"

static PlxProject *project;
static char *project_dir;

static void
remove_project (void)
{
  g_clear_object (&project);
  if (project_dir != NULL)
    plx_test_remove_tree (project_dir);
  g_clear_pointer (&project_dir, g_free);
}

/* One project per process: making a SQLite file per input would spend the
 * fuzzer's time in the file system rather than in the importer. It holds
 * the essay, so that the seeds' annotations find their document and the
 * fuzzer reaches the code that places quotes in a text. */
static PlxProject *
fuzz_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) essay = NULL;
  g_autoptr(GFile) essay_file = NULL;
  g_autofree char *path = NULL;

  if (project != NULL)
    return project;

  project_dir = g_dir_make_tmp ("plx-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (project_dir, "fuzz.parallax", NULL);
  project = plx_project_create (path, &error);
  g_assert_no_error (error);
  atexit (remove_project);

  essay_file = g_file_new_for_path (PLX_FUZZ_ESSAY);
  essay = plx_document_new_from_file (essay_file, NULL, &error);
  g_assert_no_error (error);
  plx_project_add_document (project, essay, &error);
  g_assert_no_error (error);
  return project;
}

int
plx_fuzz_import (const guint8 *data,
                 gsize         size)
{
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = plx_import_data (fuzz_project (), "fuzz.json", (const char *) data, size, &error);
  /* Exactly one of a report and an error, and every error says something. */
  g_assert_true ((report == NULL) != (error == NULL));
  if (error != NULL)
    g_assert_true (error->message != NULL && *error->message != '\0');
  return 0;
}

/* Beyond "does not crash": the offsets the document hands out must agree
 * with its text, since annotations are stored as offsets. */
static void
check_document (PlxDocument *document)
{
  const char *text = plx_document_get_text (document);
  gsize text_bytes = plx_document_get_text_bytes (document);
  guint length = plx_document_get_length (document);
  const PlxBlock *blocks;
  const PlxSection *sections;
  guint n_blocks, n_sections;

  g_assert_cmpuint (strlen (text), ==, text_bytes);
  g_assert_true (g_utf8_validate (text, (gssize) text_bytes, NULL));
  g_assert_cmpuint (g_utf8_strlen (text, (gssize) text_bytes), ==, length);
  g_assert_cmpuint (plx_document_offset_to_byte (document, length), ==, text_bytes);
  g_assert_cmpuint (plx_document_byte_to_offset (document, text_bytes), ==, length);
  g_assert_nonnull (plx_document_get_title (document));

  blocks = plx_document_get_blocks (document, &n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    {
      g_autofree char *range = NULL;

      g_assert_cmpuint (blocks[i].start, <=, blocks[i].end);
      g_assert_cmpuint (blocks[i].end, <=, length);
      range = plx_document_dup_range (document, blocks[i].start, blocks[i].end);
      g_assert_cmpuint (g_utf8_strlen (range, -1), ==, blocks[i].end - blocks[i].start);
      g_assert_cmpuint (plx_document_byte_to_offset (document, plx_document_offset_to_byte (document, blocks[i].start)),
                        ==, blocks[i].start);
    }
  /* Locators lie in the text, and every stretch can be cited. */
  {
    guint n_locators = 0;
    const PlxLocator *locators = plx_document_get_locators (document, &n_locators);

    for (guint i = 0; i < n_locators; i++)
      {
        g_autofree char *citation = plx_document_dup_citation (document, locators[i].start, locators[i].end);

        g_assert_cmpuint (locators[i].start, <=, locators[i].end);
        g_assert_cmpuint (locators[i].end, <=, length);
        g_assert_true (g_utf8_validate (citation, -1, NULL));
      }
  }
  sections = plx_document_get_sections (document, &n_sections);
  for (guint i = 0; i < n_sections; i++)
    {
      g_assert_cmpuint (sections[i].start, <=, sections[i].end);
      g_assert_cmpuint (sections[i].end, <=, length);
    }
}

int
plx_fuzz_document (const guint8 *data,
                   gsize         size)
{
  static const PlxDocumentFormat formats[] = { PLX_DOCUMENT_FORMAT_PLAIN, PLX_DOCUMENT_FORMAT_MARKDOWN,
                                               PLX_DOCUMENT_FORMAT_WEBVTT, PLX_DOCUMENT_FORMAT_SRT,
                                               PLX_DOCUMENT_FORMAT_TRANSCRIPT };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(PlxDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = plx_document_new_from_data ((const char *) data, size, formats[i], NULL, &error);
      g_assert_true ((document == NULL) != (error == NULL));
      if (document != NULL)
        check_document (document);
    }
  return 0;
}
