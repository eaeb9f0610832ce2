/* test-document.c: PlxDocument parsing, hashing and offset conversion.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-test-utils.h"

#define ESSAY_TITLE "Assessing Russia’s role in efforts to resolve the Nagorno-Karabakh conflict: From perception to reality"

static PlxDocument *
document_from_string (const char        *data,
                      PlxDocumentFormat  format,
                      const char        *fallback_title)
{
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_data (data, strlen (data), format, fallback_title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static PlxDocument *
load_essay (void)
{
  g_autofree char *path = plx_test_essay_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
block_text (PlxDocument    *document,
            const PlxBlock *block)
{
  return plx_document_dup_range (document, block->start, block->end);
}

static guint
count_blocks (PlxDocument  *document,
              PlxBlockKind  kind)
{
  guint n_blocks = 0;
  const PlxBlock *blocks = plx_document_get_blocks (document, &n_blocks);
  guint count = 0;

  for (guint i = 0; i < n_blocks; i++)
    if (blocks[i].kind == kind)
      count++;
  return count;
}

/* The invariants every document keeps, whatever its text. */
static void
assert_document_consistent (PlxDocument *document)
{
  const char *text = plx_document_get_text (document);
  guint length = plx_document_get_length (document);
  guint n_blocks = 0;
  const PlxBlock *blocks = plx_document_get_blocks (document, &n_blocks);
  guint n_sections = 0;
  const PlxSection *sections = plx_document_get_sections (document, &n_sections);
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, strlen (text));
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, nfc);
  g_assert_null (strchr (text, '\r'));
  g_assert_cmpuint (plx_document_get_text_bytes (document), ==, strlen (text));
  g_assert_cmpuint (length, ==, g_utf8_strlen (text, -1));
  g_assert_cmpstr (plx_document_get_content_hash (document), ==, hash);

  for (guint i = 0; i < n_blocks; i++)
    {
      g_assert_cmpuint (blocks[i].start, <=, blocks[i].end);
      g_assert_cmpuint (blocks[i].end, <=, length);
    }
  for (guint i = 0; i < n_sections; i++)
    {
      g_assert_cmpuint (sections[i].start, <, sections[i].end);
      g_assert_cmpuint (sections[i].end, <=, length);
      if (i + 1 < n_sections)
        g_assert_cmpuint (sections[i].end, ==, sections[i + 1].start);
      else
        g_assert_cmpuint (sections[i].end, ==, length);
    }
}

static void
test_plain (void)
{
  const char *source = "Line one in Հայերեն\n\nLine two in Azərbaycan dili\nRussian: Россия [1]\n";
  g_autoptr(PlxDocument) document = document_from_string (source, PLX_DOCUMENT_FORMAT_PLAIN, "Fallback");
  guint n_blocks = 0;
  const PlxBlock *blocks = plx_document_get_blocks (document, &n_blocks);
  guint n_sections = 0;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  g_assert_cmpint (plx_document_get_format (document), ==, PLX_DOCUMENT_FORMAT_PLAIN);
  g_assert_cmpstr (plx_document_get_text (document), ==, source);
  g_assert_cmpstr (plx_document_get_source (document), ==, source);
  g_assert_cmpstr (plx_document_get_title (document), ==, "Fallback");
  g_assert_cmpint (plx_document_get_id (document), ==, 0);

  /* One paragraph per non-empty line; plain text has no marks. */
  g_assert_cmpuint (n_blocks, ==, 3);
  for (guint i = 0; i < n_blocks; i++)
    g_assert_cmpint (blocks[i].kind, ==, PLX_BLOCK_PARAGRAPH);
  first = block_text (document, &blocks[0]);
  second = block_text (document, &blocks[1]);
  third = block_text (document, &blocks[2]);
  g_assert_cmpstr (first, ==, "Line one in Հայերեն");
  g_assert_cmpstr (second, ==, "Line two in Azərbaycan dili");
  g_assert_cmpstr (third, ==, "Russian: Россия [1]");
  g_assert_cmpuint (blocks[0].start, ==, 0);
  g_assert_cmpuint (blocks[1].start, ==, 21);

  plx_document_get_sections (document, &n_sections);
  g_assert_cmpuint (n_sections, ==, 0);
  assert_document_consistent (document);
}

static void
test_plain_title (void)
{
  g_autoptr(PlxDocument) untitled = document_from_string ("  Россия и Армения  \nbody", PLX_DOCUMENT_FORMAT_PLAIN, NULL);
  g_autoptr(PlxDocument) empty = document_from_string ("", PLX_DOCUMENT_FORMAT_PLAIN, NULL);
  g_autoptr(GString) long_line = g_string_new (NULL);
  g_autoptr(PlxDocument) long_doc = NULL;

  /* Without a fallback, the first line, trimmed, is the title. */
  g_assert_cmpstr (plx_document_get_title (untitled), ==, "Россия и Армения");

  g_assert_cmpuint (plx_document_get_length (empty), ==, 0);
  g_assert_cmpstr (plx_document_get_text (empty), ==, "");
  g_assert_nonnull (plx_document_get_title (empty));
  g_assert_cmpstr (plx_document_get_title (empty), !=, "");
  assert_document_consistent (empty);

  /* …cut to 80 characters. */
  for (guint i = 0; i < 30; i++)
    g_string_append (long_line, "Հայ");
  long_doc = document_from_string (long_line->str, PLX_DOCUMENT_FORMAT_PLAIN, "");
  g_assert_cmpint (g_utf8_strlen (plx_document_get_title (long_doc), -1), ==, 80);
  g_assert_true (g_str_has_prefix (long_line->str, plx_document_get_title (long_doc)));
}

static void
test_markdown (void)
{
  const char *source =
    "# Հայաստան and Azərbaycan\n"
    "\n"
    "The first paragraph\n"
    "runs over two lines.[1]\n"
    "\n"
    "## Россия\n"
    "\n"
    "A second paragraph with [12] and [not a mark] and [3a].\n"
    "   \n"
    "####### seven hashes is text\n"
    "\n"
    "#no-space is text too\n"
    "\n"
    "## Notes\n"
    "\n"
    "[1] The first note.\n"
    "\n"
    "[12] The twelfth note.\n";
  g_autoptr(PlxDocument) document = document_from_string (source, PLX_DOCUMENT_FORMAT_MARKDOWN, "Fallback");
  const char *expected_text =
    "Հայաստան and Azərbaycan\n"
    "The first paragraph runs over two lines.[1]\n"
    "Россия\n"
    "A second paragraph with [12] and [not a mark] and [3a].\n"
    "####### seven hashes is text\n"
    "#no-space is text too\n"
    "Notes\n"
    "[1] The first note.\n"
    "[12] The twelfth note.";
  guint n_blocks = 0;
  const PlxBlock *blocks = plx_document_get_blocks (document, &n_blocks);
  guint n_sections = 0;
  const PlxSection *sections = plx_document_get_sections (document, &n_sections);
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) footnotes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (plx_document_get_format (document), ==, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (plx_document_get_source (document), ==, source);
  g_assert_cmpstr (plx_document_get_text (document), ==, expected_text);
  /* A "#" title wins over the fallback. */
  g_assert_cmpstr (plx_document_get_title (document), ==, "Հայաստան and Azərbaycan");

  g_assert_cmpuint (count_blocks (document, PLX_BLOCK_TITLE), ==, 1);
  for (guint i = 0; i < n_blocks; i++)
    {
      char *text = block_text (document, &blocks[i]);

      if (blocks[i].kind == PLX_BLOCK_FOOTNOTE_MARK)
        g_ptr_array_add (marks, text);
      else if (blocks[i].kind == PLX_BLOCK_FOOTNOTE)
        g_ptr_array_add (footnotes, text);
      else if (blocks[i].kind == PLX_BLOCK_HEADING)
        g_ptr_array_add (headings, text);
      else if (blocks[i].kind == PLX_BLOCK_TITLE)
        {
          g_assert_cmpuint (blocks[i].start, ==, 0);
          g_assert_cmpstr (text, ==, "Հայաստան and Azərbaycan");
          g_free (text);
        }
      else
        g_free (text);
    }
  g_assert_cmpuint (headings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (headings, 0), ==, "Россия");
  g_assert_cmpstr (g_ptr_array_index (headings, 1), ==, "Notes");
  g_assert_cmpuint (footnotes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (footnotes, 0), ==, "[1] The first note.");
  g_assert_cmpstr (g_ptr_array_index (footnotes, 1), ==, "[12] The twelfth note.");
  /* "[1]" and "[12]" in the text, and the ones opening each footnote. */
  g_assert_cmpuint (marks->len, ==, 4);
  for (guint i = 0; i < marks->len; i++)
    g_assert_true (g_strcmp0 (g_ptr_array_index (marks, i), "[1]") == 0 ||
                   g_strcmp0 (g_ptr_array_index (marks, i), "[12]") == 0);

  g_assert_cmpuint (n_sections, ==, 2);
  g_assert_cmpstr (sections[0].title, ==, "Россия");
  g_assert_cmpstr (sections[1].title, ==, "Notes");
  assert_document_consistent (document);
}

static void
test_markdown_fallback_title (void)
{
  g_autoptr(PlxDocument) document = document_from_string ("## Only a heading\n\nText.", PLX_DOCUMENT_FORMAT_MARKDOWN, "From the file name");

  g_assert_cmpstr (plx_document_get_title (document), ==, "From the file name");
  g_assert_cmpuint (count_blocks (document, PLX_BLOCK_TITLE), ==, 0);
  g_assert_cmpuint (count_blocks (document, PLX_BLOCK_HEADING), ==, 1);
}

static void
test_markdown_crlf_bom (void)
{
  g_autoptr(PlxDocument) lf = document_from_string ("# Title\n\nOne\ntwo\n\n## Part\n\nThree[2]\n", PLX_DOCUMENT_FORMAT_MARKDOWN, NULL);
  g_autoptr(PlxDocument) crlf = document_from_string ("\xEF\xBB\xBF# Title\r\n\r\nOne\r\ntwo\r\n\r\n## Part\r\n\r\nThree[2]\r\n", PLX_DOCUMENT_FORMAT_MARKDOWN, NULL);
  g_autoptr(PlxDocument) cr = document_from_string ("# Title\r\rOne\rtwo\r\r## Part\r\rThree[2]\r", PLX_DOCUMENT_FORMAT_MARKDOWN, NULL);

  g_assert_cmpstr (plx_document_get_text (lf), ==, "Title\nOne two\nPart\nThree[2]");
  g_assert_cmpstr (plx_document_get_text (crlf), ==, plx_document_get_text (lf));
  g_assert_cmpstr (plx_document_get_text (cr), ==, plx_document_get_text (lf));
  g_assert_cmpstr (plx_document_get_content_hash (crlf), ==, plx_document_get_content_hash (lf));
  g_assert_cmpstr (plx_document_get_content_hash (cr), ==, plx_document_get_content_hash (lf));
  g_assert_cmpstr (plx_document_get_title (crlf), ==, "Title");
}

static void
test_nfc (void)
{
  /* "é" decomposed is one code point shorter once normalised. */
  g_autoptr(PlxDocument) document = document_from_string ("Cafe\xcc\x81 Россия", PLX_DOCUMENT_FORMAT_PLAIN, NULL);
  g_autofree char *word = plx_document_dup_range (document, 0, 4);

  g_assert_cmpstr (plx_document_get_text (document), ==, "Café Россия");
  g_assert_cmpuint (plx_document_get_length (document), ==, 11);
  g_assert_cmpstr (word, ==, "Café");
}

static void
test_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) bad = plx_document_new_from_data ("ok\xC3(", 4, PLX_DOCUMENT_FORMAT_PLAIN, NULL, &error);
  g_autoptr(PlxDocument) nul = NULL;
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "latin1.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/parallax/none.md");
  g_autoptr(PlxDocument) from_file = NULL;

  g_assert_null (bad);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "byte offset 2"));
  g_clear_error (&error);

  nul = plx_document_new_from_data ("a\0b", 3, PLX_DOCUMENT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_null (nul);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_clear_error (&error);

  /* From a file, the message names the file. */
  g_assert_true (g_file_set_contents (path, "Caf\xe9 au lait", -1, NULL));
  from_file = plx_document_new_from_file (file, NULL, &error);
  g_assert_null (from_file);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_clear_error (&error);

  g_assert_null (plx_document_new_from_file (missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  plx_test_remove_tree (dir);
}

static void
test_from_file (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *txt_path = g_build_filename (dir, "Karabakh notes.txt", NULL);
  g_autofree char *md_path = g_build_filename (dir, "essay.MD", NULL);
  g_autoptr(GFile) txt = g_file_new_for_path (txt_path);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  g_autoptr(PlxDocument) plain = NULL;
  g_autoptr(PlxDocument) markdown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (txt_path, "# not a heading in plain text\nՀայաստան\n", -1, NULL));
  g_assert_true (g_file_set_contents (md_path, "Body only, no title.\n", -1, NULL));

  plain = plx_document_new_from_file (txt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plx_document_get_format (plain), ==, PLX_DOCUMENT_FORMAT_PLAIN);
  g_assert_cmpstr (plx_document_get_title (plain), ==, "Karabakh notes");
  g_assert_cmpstr (plx_document_get_text (plain), ==, "# not a heading in plain text\nՀայաստան\n");

  markdown = plx_document_new_from_file (md, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plx_document_get_format (markdown), ==, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (plx_document_get_title (markdown), ==, "essay");

  plx_test_remove_tree (dir);
}

static void
test_formats (void)
{
  PlxDocumentFormat format = PLX_DOCUMENT_FORMAT_PLAIN;

  g_assert_cmpint (plx_document_format_for_name ("essay.md"), ==, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpint (plx_document_format_for_name ("ESSAY.Markdown"), ==, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpint (plx_document_format_for_name ("essay.txt"), ==, PLX_DOCUMENT_FORMAT_PLAIN);
  g_assert_cmpint (plx_document_format_for_name ("md"), ==, PLX_DOCUMENT_FORMAT_PLAIN);
  g_assert_cmpstr (plx_document_format_to_string (PLX_DOCUMENT_FORMAT_MARKDOWN), ==, "markdown");
  g_assert_cmpstr (plx_document_format_to_string (PLX_DOCUMENT_FORMAT_PLAIN), ==, "plain");
  g_assert_true (plx_document_format_from_string ("markdown", &format));
  g_assert_cmpint (format, ==, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_true (plx_document_format_from_string ("plain", &format));
  g_assert_cmpint (format, ==, PLX_DOCUMENT_FORMAT_PLAIN);
  /* HTML became a document format (pandoc); an unknown name is none. */
  g_assert_false (plx_document_format_from_string ("sgml", &format));
  g_assert_false (plx_document_format_from_string (NULL, &format));
  g_assert_cmpint (format, ==, PLX_DOCUMENT_FORMAT_PLAIN);
  g_assert_true (plx_document_format_from_string ("html", &format));
  g_assert_cmpint (format, ==, PLX_DOCUMENT_FORMAT_HTML);
}

static void
test_essay_structure (void)
{
  g_autoptr(PlxDocument) essay = load_essay ();
  const char *text = plx_document_get_text (essay);
  guint n_sections = 0;
  const PlxSection *sections = plx_document_get_sections (essay, &n_sections);
  guint n_blocks = 0;
  const PlxBlock *blocks = plx_document_get_blocks (essay, &n_blocks);
  const char *expected_sections[] = {
    "Overview of Russian engagement",
    "Perceptions of Russian engagement",
    "Attempt at a realistic assessment",
    "Notes",
  };
  guint title_blocks = 0;
  guint footnotes = 0;

  g_assert_cmpint (plx_document_get_format (essay), ==, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (plx_document_get_title (essay), ==, ESSAY_TITLE);
  g_assert_true (g_str_has_prefix (text, ESSAY_TITLE "\n"));
  g_assert_cmpuint (plx_document_get_length (essay), >, 10000);

  /* The web page's residue and the Markdown syntax are gone. */
  g_assert_null (strchr (text, '#'));
  g_assert_null (strstr (text, "Leave a Comment"));
  g_assert_null (strstr (text, "What are your thoughts on the subject?"));
  g_assert_null (strstr (text, "\n\n"));

  g_assert_cmpuint (n_sections, ==, G_N_ELEMENTS (expected_sections));
  for (guint i = 0; i < n_sections; i++)
    {
      g_autofree char *heading = plx_document_dup_range (essay, sections[i].start,
                                                         sections[i].start + (guint) g_utf8_strlen (expected_sections[i], -1));

      g_assert_cmpstr (sections[i].title, ==, expected_sections[i]);
      g_assert_cmpstr (heading, ==, expected_sections[i]);
    }

  for (guint i = 0; i < n_blocks; i++)
    {
      g_autofree char *content = block_text (essay, &blocks[i]);

      switch (blocks[i].kind)
        {
        case PLX_BLOCK_TITLE:
          title_blocks++;
          g_assert_cmpstr (content, ==, ESSAY_TITLE);
          break;
        case PLX_BLOCK_FOOTNOTE:
          footnotes++;
          /* Footnotes sit in the Notes section and open with their mark. */
          g_assert_cmpuint (blocks[i].start, >=, sections[3].start);
          g_assert_true (g_regex_match_simple ("^\\[\\d+\\] ", content, 0, 0));
          break;
        case PLX_BLOCK_FOOTNOTE_MARK:
          g_assert_true (g_regex_match_simple ("^\\[\\d+\\]$", content, 0, 0));
          break;
        case PLX_BLOCK_HEADING:
        case PLX_BLOCK_PARAGRAPH:
        default:
          break;
        }
    }
  g_assert_cmpuint (title_blocks, ==, 1);
  g_assert_cmpuint (footnotes, ==, 8);
  g_assert_cmpuint (count_blocks (essay, PLX_BLOCK_HEADING), ==, 4);
  assert_document_consistent (essay);
}

/* Every "[digits]" in the text, found independently with a regex, is a
 * footnote-mark block at the same offsets, and there are no others. */
static void
test_essay_footnote_marks (void)
{
  g_autoptr(PlxDocument) essay = load_essay ();
  const char *text = plx_document_get_text (essay);
  g_autoptr(GRegex) regex = g_regex_new ("\\[\\d+\\]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_blocks = 0;
  const PlxBlock *blocks = plx_document_get_blocks (essay, &n_blocks);
  guint n_marks = 0;
  gboolean saw_first = FALSE;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start_byte, end_byte;

      g_match_info_fetch_pos (match, 0, &start_byte, &end_byte);
      g_hash_table_add (expected, g_strdup_printf ("%u-%u",
                                                   plx_document_byte_to_offset (essay, (gsize) start_byte),
                                                   plx_document_byte_to_offset (essay, (gsize) end_byte)));
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, 18);

  for (guint i = 0; i < n_blocks; i++)
    {
      g_autofree char *key = NULL;

      if (blocks[i].kind != PLX_BLOCK_FOOTNOTE_MARK)
        continue;
      n_marks++;
      key = g_strdup_printf ("%u-%u", blocks[i].start, blocks[i].end);
      g_assert_true (g_hash_table_contains (expected, key));
      if (blocks[i].end - blocks[i].start == 3)
        {
          g_autofree char *content = block_text (essay, &blocks[i]);
          saw_first |= g_strcmp0 (content, "[1]") == 0;
        }
    }
  g_assert_cmpuint (n_marks, ==, g_hash_table_size (expected));
  g_assert_true (saw_first);
}

static void
test_content_hash (void)
{
  g_autoptr(PlxDocument) essay = load_essay ();
  g_autoptr(PlxDocument) again = load_essay ();
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, plx_document_get_text (essay), -1);
  g_autoptr(PlxDocument) a = document_from_string ("Россия", PLX_DOCUMENT_FORMAT_PLAIN, NULL);
  g_autoptr(PlxDocument) b = document_from_string ("Россия.", PLX_DOCUMENT_FORMAT_PLAIN, NULL);
  g_autoptr(PlxDocument) a_titled = document_from_string ("Россия", PLX_DOCUMENT_FORMAT_PLAIN, "Another title");
  g_autofree char *value = NULL;

  g_assert_cmpstr (plx_document_get_content_hash (essay), ==, expected);
  g_assert_cmpuint (strlen (plx_document_get_content_hash (essay)), ==, 64);
  g_assert_cmpstr (plx_document_get_content_hash (again), ==, plx_document_get_content_hash (essay));
  g_assert_cmpstr (plx_document_get_content_hash (a), !=, plx_document_get_content_hash (b));
  /* The hash is of the text, not of the title. */
  g_assert_cmpstr (plx_document_get_content_hash (a_titled), ==, plx_document_get_content_hash (a));

  /* The hash does not change when the title or id do. */
  plx_document_set_title (a, "Renamed");
  plx_document_set_id (a, 42);
  g_assert_cmpstr (plx_document_get_content_hash (a), ==, plx_document_get_content_hash (a_titled));
  g_object_get (a, "content-hash", &value, NULL);
  g_assert_cmpstr (value, ==, plx_document_get_content_hash (a));
}

static char *
build_multilingual_text (guint min_length)
{
  /* One, two, three and four byte characters, combining marks and ZWJ
   * sequences, in lines of varying length. */
  static const char *pieces[] = {
    "Nagorno-Karabakh ",
    "Հայաստան ",
    "Azərbaycan ğ ş ı ö ü ç ",
    "Россия ",
    "😀🕊️ ",
    "👩‍👩‍👧 ",
    "🇦🇲🇦🇿 ",
    "q\xcc\x87 ",
    "中文 ",
    "\n",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; (guint) g_utf8_strlen (text->str, text->len) < min_length; i++)
    g_string_append (text, pieces[(i * 7 + i / 3) % G_N_ELEMENTS (pieces)]);
  return g_string_free (text, FALSE);
}

static void
test_offsets_long (void)
{
  g_autofree char *source = build_multilingual_text (12000);
  g_autoptr(PlxDocument) document = document_from_string (source, PLX_DOCUMENT_FORMAT_PLAIN, "long");
  const char *text = plx_document_get_text (document);
  guint length = plx_document_get_length (document);
  gsize bytes = plx_document_get_text_bytes (document);

  g_assert_cmpuint (length, >, 10000);
  g_assert_cmpstr (text, ==, source);

  for (guint offset = 0; offset <= length; offset++)
    {
      gsize expected = (gsize) (g_utf8_offset_to_pointer (text, offset) - text);

      g_assert_cmpuint (plx_document_offset_to_byte (document, offset), ==, expected);
      g_assert_cmpuint (plx_document_byte_to_offset (document, expected), ==, offset);
    }
  /* Past the end clamps. */
  g_assert_cmpuint (plx_document_offset_to_byte (document, length + 1), ==, bytes);
  g_assert_cmpuint (plx_document_offset_to_byte (document, G_MAXUINT), ==, bytes);
  g_assert_cmpuint (plx_document_byte_to_offset (document, bytes + 10), ==, length);
}

static void
test_offsets_essay (void)
{
  g_autoptr(PlxDocument) essay = load_essay ();
  const char *text = plx_document_get_text (essay);
  guint length = plx_document_get_length (essay);

  for (guint offset = 0; offset <= length; offset++)
    {
      gsize expected = (gsize) (g_utf8_offset_to_pointer (text, offset) - text);

      g_assert_cmpuint (plx_document_offset_to_byte (essay, offset), ==, expected);
      g_assert_cmpuint (plx_document_byte_to_offset (essay, expected), ==, offset);
    }
}

static void
test_dup_range (void)
{
  g_autofree char *source = build_multilingual_text (3000);
  g_autoptr(PlxDocument) document = document_from_string (source, PLX_DOCUMENT_FORMAT_PLAIN, "t");
  const char *text = plx_document_get_text (document);
  guint length = plx_document_get_length (document);
  /* Ranges inside one checkpoint stretch, across one, across many. */
  const guint ranges[][2] = {
    { 0, 1 }, { 0, 255 }, { 0, 256 }, { 0, 257 }, { 255, 257 }, { 250, 800 },
    { 511, 513 }, { 1000, 2900 }, { 0, 0 }, { 700, 700 },
  };
  g_autofree char *all = plx_document_dup_range (document, 0, length);
  g_autofree char *clamped = plx_document_dup_range (document, length - 3, length + 50);
  g_autofree char *clamped_expected = g_utf8_substring (text, length - 3, length);
  g_autofree char *beyond = plx_document_dup_range (document, length + 5, length + 9);
  g_autofree char *reversed = plx_document_dup_range (document, 20, 10);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *got = plx_document_dup_range (document, ranges[i][0], ranges[i][1]);
      g_autofree char *expected = g_utf8_substring (text, ranges[i][0], ranges[i][1]);

      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpint (g_utf8_strlen (got, -1), ==, ranges[i][1] - ranges[i][0]);
    }
  g_assert_cmpstr (all, ==, text);
  g_assert_cmpstr (clamped, ==, clamped_expected);
  g_assert_cmpstr (beyond, ==, "");
  g_assert_cmpstr (reversed, ==, "");
}

static void
test_dup_range_scripts (void)
{
  g_autoptr(PlxDocument) document = document_from_string ("Հայաստան, Azərbaycan, Россия, 👩‍👩‍👧!", PLX_DOCUMENT_FORMAT_PLAIN, NULL);
  g_autofree char *armenian = plx_document_dup_range (document, 0, 8);
  g_autofree char *azerbaijani = plx_document_dup_range (document, 10, 20);
  g_autofree char *russian = plx_document_dup_range (document, 22, 28);
  g_autofree char *family = plx_document_dup_range (document, 30, 35);
  g_autofree char *bang = plx_document_dup_range (document, 35, 36);

  g_assert_cmpstr (armenian, ==, "Հայաստան");
  g_assert_cmpstr (azerbaijani, ==, "Azərbaycan");
  g_assert_cmpstr (russian, ==, "Россия");
  g_assert_cmpstr (family, ==, "👩‍👩‍👧");
  g_assert_cmpstr (bang, ==, "!");
  g_assert_cmpuint (plx_document_get_length (document), ==, 36);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(PlxDocument) document = document_from_string ("Россия", PLX_DOCUMENT_FORMAT_PLAIN, "Title");
  g_autofree char *title = NULL;
  guint length = 0;
  gint64 id = -1;
  guint notifications = 0;

  g_object_get (document, "title", &title, "length", &length, "id", &id, NULL);
  g_assert_cmpstr (title, ==, "Title");
  g_assert_cmpuint (length, ==, 6);
  g_assert_cmpint (id, ==, 0);

  g_signal_connect (document, "notify", G_CALLBACK (count_notify_cb), &notifications);
  plx_document_set_id (document, 7);
  plx_document_set_id (document, 7);
  plx_document_set_title (document, "Другое");
  plx_document_set_title (document, "Другое");
  g_assert_cmpuint (notifications, ==, 2);
  g_assert_cmpint (plx_document_get_id (document), ==, 7);
  g_assert_cmpstr (plx_document_get_title (document), ==, "Другое");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document/plain", test_plain);
  g_test_add_func ("/core/document/plain/title", test_plain_title);
  g_test_add_func ("/core/document/markdown", test_markdown);
  g_test_add_func ("/core/document/markdown/fallback-title", test_markdown_fallback_title);
  g_test_add_func ("/core/document/markdown/crlf-bom", test_markdown_crlf_bom);
  g_test_add_func ("/core/document/nfc", test_nfc);
  g_test_add_func ("/core/document/invalid", test_invalid);
  g_test_add_func ("/core/document/from-file", test_from_file);
  g_test_add_func ("/core/document/formats", test_formats);
  g_test_add_func ("/core/document/essay/structure", test_essay_structure);
  g_test_add_func ("/core/document/essay/footnote-marks", test_essay_footnote_marks);
  g_test_add_func ("/core/document/content-hash", test_content_hash);
  g_test_add_func ("/core/document/offsets/long-multilingual", test_offsets_long);
  g_test_add_func ("/core/document/offsets/essay", test_offsets_essay);
  g_test_add_func ("/core/document/dup-range", test_dup_range);
  g_test_add_func ("/core/document/dup-range/scripts", test_dup_range_scripts);
  g_test_add_func ("/core/document/properties", test_properties);

  return g_test_run ();
}
