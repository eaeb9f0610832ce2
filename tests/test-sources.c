/* test-sources.c: documents read from real sources. Every fixture is made
 * here: a three-page PDF typeset with cairo and pango (English, Russian,
 * Armenian and Azerbaijani, a running header and footer, page numbers, a
 * word hyphenated across a line end, headings, a footnote), DOCX, ODT,
 * EPUB and HTML made by pandoc from one Markdown original, WebVTT and SRT
 * subtitles; and the bad inputs each reader must refuse with a message
 * naming the file, leaving the project's bytes as they were.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdarg.h>
#include <string.h>
#include <glib/gstdio.h>
#include "plx-core.h"
#include "plx-source-fixtures.h"
#include "plx-test-utils.h"

/* ---- helpers ---- */

static const char markdown_original[] =
  "---\n"
  "title: Voices on the Conflict\n"
  "author: Caucasus Review\n"
  "lang: en\n"
  "---\n"
  "\n"
  "# Introduction\n"
  "\n"
  "The first paragraph carries a note.[^1]\n"
  "\n"
  "Второй абзац написан по-русски.\n"
  "\n"
  "# Second part\n"
  "\n"
  "Հայերեն պարբերություն է սա։\n"
  "\n"
  "Bu abzas Azərbaycan dilindədir.\n"
  "\n"
  "- first item\n"
  "- second item\n"
  "\n"
  "[^1]: The note names its sources.\n";


static char *
read_to_string (const char *path,
                gsize      *length)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return data;
}

/* Runs pandoc to make @name from the Markdown original; FALSE (and the
 * test skipped) when pandoc is not installed. */
static gboolean
pandoc_make (const char *dir,
             const char *name,
             char      **path)
{
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autofree char *source = plx_fixture_write_file (dir, "original.md", markdown_original, -1);
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (pandoc == NULL)
    {
      g_test_skip ("pandoc is not installed (build-aux/install-deps.sh installs it)");
      return FALSE;
    }
  *path = g_build_filename (dir, name, NULL);
  {
    const char *argv[] = { pandoc, "-s", "-o", *path, source, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                 &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static PlxDocument *
read_path (const char  *path,
           const char  *format,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return plx_document_new_from_file_as (file, format, NULL, PLX_READ_FLAGS_NONE, NULL, error);
}

static guint
offset_of (PlxDocument *document,
           const char  *needle)
{
  const char *found = strstr (plx_document_get_text (document), needle);

  g_assert_nonnull (found);
  return plx_document_byte_to_offset (document, (gsize) (found - plx_document_get_text (document)));
}

static guint
count_blocks (PlxDocument  *document,
              PlxBlockKind  kind)
{
  guint n = 0, count = 0;
  const PlxBlock *blocks = plx_document_get_blocks (document, &n);

  for (guint i = 0; i < n; i++)
    count += blocks[i].kind == kind;
  return count;
}

static char *
block_text (PlxDocument  *document,
            PlxBlockKind  kind,
            guint         nth)
{
  guint n = 0;
  const PlxBlock *blocks = plx_document_get_blocks (document, &n);

  for (guint i = 0; i < n; i++)
    if (blocks[i].kind == kind && nth-- == 0)
      return plx_document_dup_range (document, blocks[i].start, blocks[i].end);
  return NULL;
}

static void
assert_sections (PlxDocument        *document,
                 const char * const *titles)
{
  guint n = 0;
  const PlxSection *sections = plx_document_get_sections (document, &n);

  g_assert_cmpuint (n, ==, g_strv_length ((char **) titles));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (sections[i].title, ==, titles[i]);
}

/* ---- PDF ---- */

static void
test_pdf (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *sections[] = { "Introduction", "Русский взгляд", "Հայկական տեսակետ", "Azərbaycan baxışı", NULL };
  const char *text;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *across = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint start;
  gint64 began;

  plx_fixture_write_report_pdf (path);
  began = g_get_monotonic_time ();
  document = read_path (path, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("report.pdf read in %.1f ms", (g_get_monotonic_time () - began) / 1000.0);
  g_assert_cmpint (plx_document_get_format (document), ==, PLX_DOCUMENT_FORMAT_PDF);
  text = plx_document_get_text (document);

  /* Running header, footer and page numbers gone; the hyphenated word
   * joined; the paragraph broken by the page is one. */
  g_assert_null (strstr (text, "Caucasus Review"));
  g_assert_null (strstr (text, "Page 2"));
  g_assert_nonnull (strstr (text, "were mediated by several states over three decades."));
  g_assert_nonnull (strstr (text, "A second paragraph runs on to the next page and does not end until it reaches this line."));
  g_assert_nonnull (strstr (text, "Москва считала себя посредником между Ереваном и Баку на протяжении всего конфликта."));
  g_assert_nonnull (strstr (text, "Հայաստանը շեշտում էր ինքնորոշման իրավունքը։"));
  g_assert_nonnull (strstr (text, "Azərbaycan ərazi bütövlüyünü əsas prinsip sayırdı."));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  /* Structure: the biggest line is the title, the larger bold ones
   * headings, the small print with a number a footnote. */
  title = block_text (document, PLX_BLOCK_TITLE, 0);
  g_assert_cmpstr (title, ==, "Perspectives on Karabakh");
  g_assert_cmpstr (plx_document_get_title (document), ==, "Perspectives on Karabakh");
  assert_sections (document, sections);
  note = block_text (document, PLX_BLOCK_FOOTNOTE, 0);
  g_assert_cmpstr (note, ==, "1 A note on the sources of this report.");
  g_assert_cmpuint (count_blocks (document, PLX_BLOCK_PARAGRAPH), ==, 5);

  /* Pages and paragraphs. */
  g_assert_cmpuint (plx_document_get_page (document, offset_of (document, "mediated")), ==, 1);
  g_assert_cmpuint (plx_document_get_page (document, offset_of (document, "does not")), ==, 1);
  g_assert_cmpuint (plx_document_get_page (document, offset_of (document, "not end until")), ==, 2);
  g_assert_cmpuint (plx_document_get_page (document, offset_of (document, "Москва")), ==, 2);
  g_assert_cmpuint (plx_document_get_page (document, offset_of (document, "Azərbaycan ərazi")), ==, 3);
  g_assert_cmpuint (plx_document_get_paragraph (document, offset_of (document, "Москва")), ==, 3);
  start = offset_of (document, "ինքնորոշման");
  citation = plx_document_dup_citation (document, start, start + 11);
  g_assert_cmpstr (citation, ==, "p. 2, ¶ 4");
  start = offset_of (document, "runs on");
  across = plx_document_dup_citation (document, start, offset_of (document, "reaches"));
  g_assert_cmpstr (across, ==, "pp. 1–2, ¶ 2");

  /* Provenance. */
  contents = read_to_string (path, &length);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (plx_document_get_original_sha256 (document), ==, sha);
  g_assert_cmpstr (plx_document_get_original_name (document), ==, "report.pdf");
  g_assert_cmpstr (plx_document_get_reader (document), ==, "pdf");

  /* What was left out, for the preview, page by page; and kept when
   * asked, read in a worker as the app does. */
  {
    const PlxDroppedLine *dropped;
    guint n_dropped = 0;
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(PlxDocument) kept = NULL;

    dropped = plx_document_get_dropped_lines (document, &n_dropped);
    g_assert_cmpuint (n_dropped, ==, 6);
    g_assert_cmpuint (dropped[0].page, ==, 1);
    g_assert_cmpstr (dropped[0].text, ==, "Caucasus Review — Spring 2024 report");
    g_assert_cmpuint (dropped[5].page, ==, 3);
    g_assert_cmpstr (dropped[5].text, ==, "Page 3 of 3");

    plx_document_read_file_async (file, "pdf", NULL, PLX_READ_KEEP_RUNNING_LINES, NULL, plx_test_keep_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    kept = plx_document_read_file_finish (result, &error);
    g_assert_no_error (error);

    /* Cancelled, the reading stops with G_IO_ERROR_CANCELLED. */
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GAsyncResult) cancelled = NULL;
      g_autoptr(PlxDocument) none = NULL;
      g_autoptr(GError) cancel_error = NULL;

      g_cancellable_cancel (cancellable);
      plx_document_read_file_async (file, NULL, NULL, PLX_READ_FLAGS_NONE, cancellable, plx_test_keep_result, &cancelled);
      while (cancelled == NULL)
        g_main_context_iteration (NULL, TRUE);
      none = plx_document_read_file_finish (cancelled, &cancel_error);
      g_assert_null (none);
      g_assert_error (cancel_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
    g_assert_nonnull (strstr (plx_document_get_text (kept), "Caucasus Review — Spring 2024 report"));
    g_assert_nonnull (strstr (plx_document_get_text (kept), "Page 2 of 3"));
    g_assert_cmpuint (plx_document_get_page (kept, offset_of (kept, "Page 2 of 3")), ==, 2);
  }

  plx_test_remove_tree (dir);
}

/* Two columns on a page: the left one is read before the right one. */
static void
test_pdf_columns (void)
{
  static const PlxFixtureLine left[] = {
    { 90, 11, FALSE, "Left column opens the" },
    { 105, 11, FALSE, "argument about borders" },
    { 120, 11, FALSE, "and their history." },
  };
  static const PlxFixtureLine right[] = {
    { 90, 11, FALSE, "Right column answers" },
    { 105, 11, FALSE, "with the view from" },
    { 120, 11, FALSE, "the other side." },
  };
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "columns.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (left); i++)
    {
      plx_fixture_show_line (cr, 60, &left[i]);
      plx_fixture_show_line (cr, 320, &right[i]);
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  document = read_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_text (document), ==,
                   "Left column opens the argument about borders and their history.\n"
                   "Right column answers with the view from the other side.");
  plx_test_remove_tree (dir);
}

static void
assert_refused (const char *path,
                const char *format,
                int         code,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) document = read_path (path, format, &error);

  g_assert_null (document);
  g_assert_error (error, PLX_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, says));
}

static void
test_pdf_refused (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *good = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *scanned = g_build_filename (dir, "scanned.pdf", NULL);
  g_autofree char *locked = plx_fixture_write_encrypted_pdf (dir, "secret");
  g_autofree char *contents = NULL;
  g_autofree char *truncated = NULL;
  g_autoptr(GFile) locked_file = g_file_new_for_path (locked);
  g_autoptr(PlxDocument) opened = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  plx_fixture_write_report_pdf (good);
  contents = read_to_string (good, &length);
  truncated = plx_fixture_write_file (dir, "truncated.pdf", contents, 400);
  plx_fixture_write_scanned_pdf (scanned);

  assert_refused (truncated, NULL, PLX_ERROR_INVALID_DOCUMENT, "PDF");
  assert_refused (locked, NULL, PLX_ERROR_PASSWORD_NEEDED, "a password is needed");
  assert_refused (scanned, NULL, PLX_ERROR_INVALID_DOCUMENT, "scanned");

  /* A wrong password is told apart; the right one opens the file (whose
   * one page has no text). */
  opened = plx_document_new_from_file_as (locked_file, NULL, "wrong", PLX_READ_FLAGS_NONE, NULL, &error);
  g_assert_null (opened);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_PASSWORD_NEEDED);
  g_assert_nonnull (strstr (error->message, "the password given does not open it"));
  g_clear_error (&error);
  opened = plx_document_new_from_file_as (locked_file, NULL, "secret", PLX_READ_FLAGS_NONE, NULL, &error);
  g_assert_null (opened);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "no text"));
  plx_test_remove_tree (dir);
}

/* ---- pandoc ---- */

/* @title_paragraphs: pandoc's ODT reader gives the title and author as
 * paragraphs rather than as the document's metadata. */
static void
check_office (const char *name,
              const char *format_id,
              guint       title_paragraphs)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *sections[] = { "Introduction", "Second part", NULL };
  g_autofree char *note = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *expected = NULL;
  const char *text;
  guint start;
  gint64 began;

  if (!pandoc_make (dir, name, &path))
    {
      plx_test_remove_tree (dir);
      return;
    }
  began = g_get_monotonic_time ();
  document = read_path (path, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s read in %.1f ms", name, (g_get_monotonic_time () - began) / 1000.0);
  g_assert_cmpstr (plx_document_format_to_string (plx_document_get_format (document)), ==, format_id);
  text = plx_document_get_text (document);
  g_test_message ("%s", text);

  /* pandoc's EPUB reader loses the note's reference, not the note. */
  if (g_str_equal (format_id, "epub"))
    g_assert_nonnull (strstr (text, "The first paragraph carries a note.\n"));
  else
    {
      g_autofree char *mark = NULL;

      g_assert_nonnull (strstr (text, "The first paragraph carries a note.[1]"));
      mark = block_text (document, PLX_BLOCK_FOOTNOTE_MARK, 0);
      g_assert_cmpstr (mark, ==, "[1]");
    }
  g_assert_nonnull (strstr (text, "\nВторой абзац написан по-русски.\n"));
  g_assert_nonnull (strstr (text, "\nՀայերեն պարբերություն է սա։\n"));
  g_assert_nonnull (strstr (text, "\nBu abzas Azərbaycan dilindədir.\n"));
  g_assert_nonnull (strstr (text, "• first item\n• second item"));
  assert_sections (document, sections);
  if (title_paragraphs == 0)
    g_assert_cmpstr (plx_document_get_title (document), ==, "Voices on the Conflict");
  else
    g_assert_true (g_str_has_prefix (text, "Voices on the Conflict\nCaucasus Review\n"));
  if (title_paragraphs == 0 && !g_str_equal (format_id, "html"))
    g_assert_cmpstr (plx_document_get_meta (document, PLX_DOCUMENT_META_AUTHOR), ==, "Caucasus Review");

  note = block_text (document, PLX_BLOCK_FOOTNOTE, 0);
  g_assert_cmpstr (note, ==, "[1] The note names its sources.");

  start = offset_of (document, "Azərbaycan dilindədir");
  citation = plx_document_dup_citation (document, start, start + 10);
  expected = g_strdup_printf ("¶ %u", 4 + title_paragraphs);
  g_assert_cmpstr (citation, ==, expected);
  plx_test_remove_tree (dir);
}

static void
test_docx (void)
{
  check_office ("voices.docx", "docx", 0);
}

static void
test_odt (void)
{
  check_office ("voices.odt", "odt", 2);
}

static void
test_epub (void)
{
  check_office ("voices.epub", "epub", 0);
}

static void
test_html (void)
{
  check_office ("voices.html", "html", 0);
}

/* A page saved from the web: its navigation, menus, scripts, styles and
 * footer go; its article stays. */
static void
test_html_article (void)
{
  static const char page[] =
    "<!DOCTYPE html>\n<html lang=\"hy\"><head><meta charset=\"utf-8\"><title>Talks resume</title>"
    "<style>body { color: red }</style><script>var tracking = 'Subscribe now';</script></head>\n"
    "<body><header><a href=\"/\">Caucasus Daily</a><nav><ul><li>World</li><li>Politics</li></ul></nav></header>\n"
    "<div class=\"menu top-menu\"><a href=\"/sport\">Sport</a></div>\n"
    "<main><article><h1>Talks resume in Brussels</h1>\n"
    "<p>Delegations met on Monday.</p><aside>Read also: older talks</aside>\n"
    "<p>Բանակցությունները շարունակվեցին։</p>\n"
    "<div class=\"share-buttons social\">Share this</div></article></main>\n"
    "<footer>© 2024 Caucasus Daily</footer><script>console.log('x')</script></body></html>\n";
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = plx_fixture_write_file (dir, "saved.html", page, -1);
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (pandoc == NULL)
    {
      g_test_skip ("pandoc is not installed");
      plx_test_remove_tree (dir);
      return;
    }
  document = read_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_text (document), ==,
                   "Talks resume in Brussels\nDelegations met on Monday.\nԲանակցությունները շարունակվեցին։");
  g_assert_cmpstr (plx_document_get_title (document), ==, "Talks resume");
  g_assert_cmpstr (plx_document_get_meta (document, PLX_DOCUMENT_META_LANGUAGE), ==, "hy");
  plx_test_remove_tree (dir);
}

static void
test_office_refused (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *garbage = plx_fixture_write_file (dir, "garbage.docx", "This is not a Word file at all.\n", -1);
  g_autofree char *bomb = plx_fixture_write_zip (dir, "bomb.docx", "word/document.xml", 64 * 1024 * 1024, 0);
  g_autofree char *escape = plx_fixture_write_zip (dir, "escape.epub", "../../outside.xhtml", 100, 'x');
  g_autofree char *not_docx = plx_fixture_write_zip (dir, "other.docx", "notes.txt", 100, 'x');
  g_autofree char *hang = plx_fixture_write_file (dir, "hang.sh", "#!/bin/sh\nexec sleep 30\n", -1);
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");

  assert_refused (garbage, NULL, PLX_ERROR_INVALID_DOCUMENT, "zip");
  assert_refused (bomb, NULL, PLX_ERROR_INVALID_DOCUMENT, "zip bomb");
  assert_refused (escape, NULL, PLX_ERROR_INVALID_DOCUMENT, "../../outside.xhtml");
  if (pandoc != NULL)
    assert_refused (not_docx, NULL, PLX_ERROR_INVALID_DOCUMENT, "pandoc could not read it as docx");

  /* pandoc missing, or hanging. */
  g_setenv ("PLX_PANDOC", "/nonexistent/pandoc", TRUE);
  assert_refused (not_docx, NULL, PLX_ERROR_MISSING_PROGRAM, "“pandoc”");
  g_assert_cmpint (g_chmod (hang, 0755), ==, 0);
  g_setenv ("PLX_PANDOC", hang, TRUE);
  g_setenv ("PLX_PANDOC_TIMEOUT", "1", TRUE);
  assert_refused (not_docx, NULL, PLX_ERROR_INVALID_DOCUMENT, "longer than 1 seconds");
  g_unsetenv ("PLX_PANDOC");
  g_unsetenv ("PLX_PANDOC_TIMEOUT");
  plx_test_remove_tree (dir);
}

/* ---- subtitles and transcripts ---- */

static const char webvtt[] =
  "WEBVTT - a debate\n"
  "\n"
  "NOTE recorded in Yerevan\n"
  "\n"
  "intro\n"
  "00:00:01.000 --> 00:00:04.500\n"
  "<v Moderator>Good evening and welcome.\n"
  "\n"
  "00:12:31.200 --> 00:12:35.000 align:start\n"
  "<v Anahit>Մենք պետք է <i>խոսենք</i>\n"
  "խաղաղության մասին։\n"
  "\n"
  "01:02:03.000 --> 01:02:05.000\n"
  "<v Elena>Мы согласны &amp; готовы.\n";

static const char srt[] =
  "1\r\n"
  "00:00:02,000 --> 00:00:05,000\r\n"
  "Aysel: Sülh danışıqları davam edir.\r\n"
  "\r\n"
  "2\r\n"
  "00:00:06,000 --> 00:00:08,000\r\n"
  "And they go on.\r\n";

static void
test_subtitles (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *vtt_path = plx_fixture_write_file (dir, "debate.vtt", webvtt, -1);
  g_autofree char *srt_path = plx_fixture_write_file (dir, "talk.srt", srt, -1);
  g_autofree char *transcript_path =
    plx_fixture_write_file (dir, "interview.txt", "[00:00:05] Anahit: We begin.\n\n[00:01:10] Aysel: Biz də razıyıq.\nShe adds more.\n", -1);
  g_autoptr(PlxDocument) vtt = NULL;
  g_autoptr(PlxDocument) sub = NULL;
  g_autoptr(PlxDocument) transcript = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  g_autofree char *c3 = NULL;
  g_autofree char *c4 = NULL;
  g_autofree char *c5 = NULL;
  guint start;

  vtt = read_path (vtt_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plx_document_get_format (vtt), ==, PLX_DOCUMENT_FORMAT_WEBVTT);
  g_assert_cmpstr (plx_document_get_text (vtt), ==,
                   "Moderator: Good evening and welcome.\n"
                   "Anahit: Մենք պետք է խոսենք խաղաղության մասին։\n"
                   "Elena: Мы согласны & готовы.");
  start = offset_of (vtt, "խաղաղության");
  g_assert_cmpint (plx_document_get_time (vtt, start), ==, 12 * 60 * 1000 + 31 * 1000 + 200);
  c1 = plx_document_dup_citation (vtt, start, start + 5);
  g_assert_cmpstr (c1, ==, "00:12:31, Anahit");
  start = offset_of (vtt, "готовы");
  c2 = plx_document_dup_citation (vtt, start, start + 6);
  g_assert_cmpstr (c2, ==, "01:02:03, Elena");

  sub = read_path (srt_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plx_document_get_format (sub), ==, PLX_DOCUMENT_FORMAT_SRT);
  g_assert_cmpstr (plx_document_get_text (sub), ==, "Aysel: Sülh danışıqları davam edir.\nAnd they go on.");
  start = offset_of (sub, "they");
  c3 = plx_document_dup_citation (sub, start, start + 4);
  g_assert_cmpstr (c3, ==, "00:00:06, Aysel");

  /* A transcript is told by --format. */
  transcript = read_path (transcript_path, "transcript", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_text (transcript), ==, "Anahit: We begin.\nAysel: Biz də razıyıq.\nShe adds more.");
  start = offset_of (transcript, "razıyıq");
  c4 = plx_document_dup_citation (transcript, start, start + 3);
  g_assert_cmpstr (c4, ==, "00:01:10, Aysel");
  start = offset_of (transcript, "adds");
  c5 = plx_document_dup_citation (transcript, start, start + 3);
  g_assert_cmpstr (c5, ==, "¶ 3, Aysel");
  plx_test_remove_tree (dir);
}

static void
test_subtitles_refused (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *vtt = plx_fixture_write_file (dir, "broken.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nFine.\n\n"
                                                         "00:00:05.000 --> 00:0x:09.000\nBroken.\n", -1);
  g_autofree char *srt = plx_fixture_write_file (dir, "broken.srt", "1\n00:00:01,000 --> 00:00:04,000\nOne.\n\n"
                                                         "2\n00:00:09,000 --> 00:00:05,000\nBackwards.\n", -1);
  g_autofree char *no_header = plx_fixture_write_file (dir, "headless.vtt", "00:00:01.000 --> 00:00:04.000\nText.\n", -1);

  assert_refused (vtt, NULL, PLX_ERROR_INVALID_DOCUMENT, "line 6: “00:00:05.000 --> 00:0x:09.000”");
  assert_refused (srt, NULL, PLX_ERROR_INVALID_DOCUMENT, "line 6:");
  assert_refused (no_header, NULL, PLX_ERROR_INVALID_DOCUMENT, "line 1:");
  plx_test_remove_tree (dir);
}

/* ---- a project ---- */

static char *
run_cli (int          *status,
         const char   *first,
         ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list rest;

  va_start (rest, first);
  out = plx_test_run_cli_valist (status, &err, first, rest);
  va_end (rest);
  return g_strconcat (out, err, NULL);
}

/* Documents of every kind in one project, cited through parallax-cli; a
 * refused file leaves the project's bytes as they were. */
static void
test_cli (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *project = g_build_filename (dir, "sources.parallax", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *vtt = plx_fixture_write_file (dir, "debate.vtt", webvtt, -1);
  g_autofree char *locked = plx_fixture_write_encrypted_pdf (dir, "secret");
  g_autofree char *broken = plx_fixture_write_file (dir, "broken.srt", "1\n00:00:01,000 -> 00:00:04,000\nOne.\n", -1);
  g_autofree char *garbage = plx_fixture_write_file (dir, "garbage.docx", "not a zip", -1);
  g_autofree char *out = NULL;
  g_autofree char *before = NULL;
  const char *refused[] = { locked, broken, garbage };
  int status = -1;

  plx_fixture_write_report_pdf (pdf);
  g_free (run_cli (&status, "init", project, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  out = run_cli (&status, "add-document", project, pdf, "--author", "Caucasus Review", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);
  out = run_cli (&status, "add-document", project, vtt, NULL);
  g_assert_cmpstr (out, ==, "2\n");
  g_clear_pointer (&out, g_free);

  {
    g_autoptr(PlxProject) opened = plx_project_open (project, NULL);
    g_autoptr(PlxDocument) report = plx_project_load_document (opened, 1, NULL);
    guint start = offset_of (report, "ինքնորոշման");
    g_autofree char *s = g_strdup_printf ("%u", start);
    g_autofree char *e = g_strdup_printf ("%u", start + 11);
    g_autofree char *uuid = NULL;
    g_autofree char *cited = NULL;
    g_autoptr(GBytes) original = plx_project_dup_document_original (opened, 1, NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    /* The original comes back byte for byte. */
    contents = read_to_string (pdf, &length);
    g_assert_cmpmem (g_bytes_get_data (original, NULL), g_bytes_get_size (original), contents, length);
    g_clear_object (&report);
    g_clear_object (&opened);
    uuid = run_cli (&status, "annotate", project, "--document", "1", "--start", s, "--end", e,
                    "--perspective", "Armenian", NULL);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_strstrip (uuid);
    cited = run_cli (&status, "cite", project, uuid, NULL);
    g_assert_cmpstr (cited, ==, "p. 2, ¶ 4\n");
  }
  out = run_cli (&status, "document-info", project, "1", NULL);
  g_assert_nonnull (strstr (out, "file\treport.pdf\n"));
  g_assert_nonnull (strstr (out, "author\tCaucasus Review\n"));
  g_assert_nonnull (strstr (out, "locators\t3\n"));
  g_clear_pointer (&out, g_free);

  before = plx_test_file_checksum (project);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *said = run_cli (&status, "add-document", project, refused[i], NULL);
      g_autofree char *after = NULL;

      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (said, refused[i]));
      after = plx_test_file_checksum (project);
      g_assert_cmpstr (after, ==, before);
    }
  /* A password that does not open the PDF. */
  {
    g_autofree char *secret = plx_fixture_write_file (dir, "secret.txt", "not-the-password\n", -1);
    g_autofree char *said = run_cli (&status, "add-document", project, locked, "--password-file", secret, NULL);
    g_autofree char *after = plx_test_file_checksum (project);

    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (said, "the password given does not open it"));
    g_assert_cmpstr (after, ==, before);
  }
  /* A file over 256 MiB is refused before it is read (a sparse one). */
  {
    g_autofree char *huge = g_build_filename (dir, "huge.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (huge);
    g_autoptr(GFileOutputStream) stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, NULL);
    g_autofree char *said = NULL;
    g_autofree char *after = NULL;

    g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), (goffset) PLX_DOCUMENT_MAX_FILE_SIZE + 1, NULL, NULL));
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL));
    said = run_cli (&status, "add-document", project, huge, NULL);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (said, huge));
    g_assert_nonnull (strstr (said, "(268435457 bytes); Parallax reads documents up to 256.0\u00a0MiB"));
    after = plx_test_file_checksum (project);
    g_assert_cmpstr (after, ==, before);
  }
  /* A format that is not one. */
  out = run_cli (&status, "add-document", project, pdf, "--format", "docx-of-the-future", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "docx-of-the-future"));
  g_clear_pointer (&out, g_free);

  /* Exported with its text, the PDF's document comes into another
   * project with every passage where it was. */
  {
    g_autofree char *exported = g_build_filename (dir, "sources.json", NULL);
    g_autofree char *other = g_build_filename (dir, "other.parallax", NULL);
    g_autofree char *listed = NULL;
    g_autofree char *said = NULL;

    g_free (run_cli (&status, "export", project, "--format", "native", "--include-text", "-o", exported, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_free (run_cli (&status, "init", other, NULL));
    said = run_cli (&status, "import", other, exported, NULL);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    listed = run_cli (&status, "list", other, NULL);
    g_assert_nonnull (strstr (listed, "ինքնորոշման"));
  }

  out = run_cli (&status, "formats", NULL);
  g_assert_nonnull (strstr (out, "pdf\tdocument\timport\t.pdf\t"));
  g_assert_nonnull (strstr (out, "docx\tdocument\timport\t.docx\t"));
  g_assert_nonnull (strstr (out, "webvtt\tdocument\timport\t.vtt,.webvtt\t"));
  plx_test_remove_tree (dir);
}

static void
assert_original (PlxProject *project,
                 gint64      id,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = plx_project_dup_document_original (project, id, &error);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  contents = read_to_string (path, &length);
  g_assert_cmpmem (g_bytes_get_data (original, NULL), g_bytes_get_size (original), contents, length);
}

/* The original file survives undo and redo, and a merge into another
 * project, with its locators. */
static void
test_project_keeps_original (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *first_path = g_build_filename (dir, "first.parallax", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.parallax", NULL);
  g_autoptr(PlxProject) first = NULL;
  g_autoptr(PlxProject) second = NULL;
  g_autoptr(PlxHistory) history = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxDocument) copy = NULL;
  g_autoptr(PlxMergeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *citation = NULL;
  gint64 id;
  guint start;

  plx_fixture_write_report_pdf (pdf);
  first = plx_project_create (first_path, &error);
  g_assert_no_error (error);
  history = plx_history_new (first);
  document = read_path (pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plx_history_add_document (history, document, &error));
  g_assert_no_error (error);
  id = plx_document_get_id (document);
  assert_original (first, id, pdf);
  g_assert_true (plx_history_undo (history, &error));
  g_assert_true (plx_history_redo (history, &error));
  g_assert_no_error (error);
  assert_original (first, id, pdf);

  second = plx_project_create (second_path, &error);
  g_assert_no_error (error);
  report = plx_project_merge (second, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->documents_added, ==, 1);
  assert_original (second, 1, pdf);
  copy = plx_project_load_document (second, 1, &error);
  g_assert_no_error (error);
  start = offset_of (copy, "Москва");
  citation = plx_document_dup_citation (copy, start, start + 6);
  g_assert_cmpstr (citation, ==, "p. 2, ¶ 3");
  g_assert_cmpstr (plx_document_get_original_sha256 (copy), ==, plx_document_get_original_sha256 (document));
  g_assert_cmpstr (plx_document_get_original_name (copy), ==, "report.pdf");

  /* A salvage keeps them too. */
  {
    const char *meta[PLX_DOCUMENT_N_META] = { "Caucasus Review", "2024-04-01", "https://example.org/r.pdf", "en" };
    g_autofree char *rescued_path = g_build_filename (dir, "rescued.parallax", NULL);
    g_autoptr(PlxSalvageReport) salvaged = NULL;
    g_autoptr(PlxProject) rescued = NULL;
    g_autoptr(PlxDocument) kept = NULL;
    g_autofree char *cited = NULL;

    g_assert_true (plx_project_set_document_info (first, id, "Report", meta, &error));
    g_clear_object (&history);
    g_clear_object (&first);
    salvaged = plx_project_salvage (first_path, rescued_path, &error);
    g_assert_no_error (error);
    rescued = plx_project_open (rescued_path, &error);
    g_assert_no_error (error);
    assert_original (rescued, 1, pdf);
    kept = plx_project_load_document (rescued, 1, &error);
    g_assert_no_error (error);
    cited = plx_document_dup_citation (kept, start, start + 6);
    g_assert_cmpstr (cited, ==, "p. 2, ¶ 3");
    g_assert_cmpstr (plx_document_get_title (kept), ==, "Report");
    for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
      g_assert_cmpstr (plx_document_get_meta (kept, m), ==, meta[m]);
    g_assert_cmpstr (plx_document_get_original_name (kept), ==, "report.pdf");
    g_assert_cmpstr (plx_document_get_reader (kept), ==, "pdf");
  }
  plx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sources/pdf", test_pdf);
  g_test_add_func ("/core/sources/pdf-columns", test_pdf_columns);
  g_test_add_func ("/core/sources/pdf-refused", test_pdf_refused);
  g_test_add_func ("/core/sources/docx", test_docx);
  g_test_add_func ("/core/sources/odt", test_odt);
  g_test_add_func ("/core/sources/epub", test_epub);
  g_test_add_func ("/core/sources/html", test_html);
  g_test_add_func ("/core/sources/html-article", test_html_article);
  g_test_add_func ("/core/sources/office-refused", test_office_refused);
  g_test_add_func ("/core/sources/subtitles", test_subtitles);
  g_test_add_func ("/core/sources/subtitles-refused", test_subtitles_refused);
  g_test_add_func ("/core/sources/cli", test_cli);
  g_test_add_func ("/core/sources/project-keeps-original", test_project_keeps_original);
  return g_test_run ();
}
