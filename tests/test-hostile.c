/* test-hostile.c: odd and hostile input. Documents with invalid UTF-8, a
 * byte-order mark, CRLF and CR line ends, NUL bytes, 50 MB of text and a
 * single 5 MB line; JSON nested 100000 deep and a file over the import
 * limit. Each either loads correctly or is refused with a message that
 * says where and why, and nothing recurses per nesting level.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "plx-core.h"
#include "plx-test-utils.h"

static PlxDocument *
load (const char        *data,
      gsize              length,
      PlxDocumentFormat  format)
{
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_data (data, length, format, "hostile", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
assert_refused (const char *data,
                gsize       length,
                const char *expected)
{
  static const PlxDocumentFormat formats[] = { PLX_DOCUMENT_FORMAT_PLAIN, PLX_DOCUMENT_FORMAT_MARKDOWN,
                                               PLX_DOCUMENT_FORMAT_WEBVTT, PLX_DOCUMENT_FORMAT_SRT,
                                               PLX_DOCUMENT_FORMAT_TRANSCRIPT };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlxDocument) document = plx_document_new_from_data (data, length, formats[i], NULL, &error);

      g_assert_null (document);
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, expected));
    }
}

static void
test_invalid_utf8 (void)
{
  /* A stray Latin-1 byte, a truncated sequence at the end, an overlong
   * encoding and a UTF-16 surrogate encoded as UTF-8. */
  assert_refused ("abc\xff" "def", 7, "byte offset 3");
  assert_refused ("Karabakh \xc3", 10, "byte offset 9");
  assert_refused ("x\xc0\xafy", 4, "byte offset 1");
  assert_refused ("ab\xed\xa0\x80", 5, "byte offset 2");
  /* Offsets count from the start of the file, the BOM included. */
  assert_refused ("\xef\xbb\xbf" "ok\xfe", 6, "byte offset 5");
}

static void
test_nul_bytes (void)
{
  static const char text[] = "before\0after";

  assert_refused (text, sizeof text - 1, "NUL byte at byte offset 6");
  assert_refused ("\0", 1, "byte offset 0");
}

static void
test_bom (void)
{
  static const char text[] = "\xef\xbb\xbf" "Hello, world";
  g_autoptr(PlxDocument) plain = load (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN);
  g_autoptr(PlxDocument) markdown = load (text, strlen (text), PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_autoptr(PlxDocument) without = load (text + 3, strlen (text) - 3, PLX_DOCUMENT_FORMAT_PLAIN);

  /* The mark is not text: positions and the content hash ignore it. */
  g_assert_cmpstr (plx_document_get_text (plain), ==, "Hello, world");
  g_assert_cmpuint (plx_document_get_length (plain), ==, 12);
  g_assert_cmpstr (plx_document_get_text (markdown), ==, "Hello, world");
  g_assert_cmpstr (plx_document_get_content_hash (plain), ==, plx_document_get_content_hash (without));
}

static void
test_line_ends (void)
{
  static const char *variants[] = {
    "# Title\n\nOne line\nand the next.\n\nSecond.\n",
    "# Title\r\n\r\nOne line\r\nand the next.\r\n\r\nSecond.\r\n",
    "# Title\r\rOne line\rand the next.\r\rSecond.\r",
    "# Title\r\n\rOne line\nand the next.\r\r\nSecond.\n",
  };
  g_autoptr(PlxDocument) reference = load (variants[0], strlen (variants[0]), PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_autoptr(PlxDocument) plain = NULL;

  g_assert_cmpstr (plx_document_get_text (reference), ==, "Title\nOne line and the next.\nSecond.");
  for (guint i = 1; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(PlxDocument) document = load (variants[i], strlen (variants[i]), PLX_DOCUMENT_FORMAT_MARKDOWN);

      g_assert_cmpstr (plx_document_get_text (document), ==, plx_document_get_text (reference));
      g_assert_cmpstr (plx_document_get_title (document), ==, "Title");
      g_assert_cmpstr (plx_document_get_content_hash (document), ==, plx_document_get_content_hash (reference));
    }

  /* Plain text keeps its lines; a lone CR is a line end, not a character. */
  plain = load ("one\rtwo\r\nthree", 14, PLX_DOCUMENT_FORMAT_PLAIN);
  g_assert_cmpstr (plx_document_get_text (plain), ==, "one\ntwo\nthree");
  g_assert_cmpuint (plx_document_get_length (plain), ==, 13);
}

/* A line of ASCII and a line with two- and three-byte characters, so that
 * code points and bytes differ and offset conversion is exercised. */
#define LINE_A "The Minsk Group met again in the spring; nothing moved.\n"
#define LINE_B "Ереван — Баку: «мир» ещё далеко, 和平.\n"

static void
test_50_mb (void)
{
  const gsize target = 50 * 1024 * 1024;
  g_autoptr(GString) data = g_string_sized_new (target + 128);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *middle = NULL;
  guint n_pairs = 0;
  guint pair_length = (guint) (g_utf8_strlen (LINE_A, -1) + g_utf8_strlen (LINE_B, -1));
  guint mid;

  while (data->len < target)
    {
      g_string_append (data, LINE_A);
      g_string_append (data, LINE_B);
      n_pairs++;
    }

  document = load (data->str, data->len, PLX_DOCUMENT_FORMAT_PLAIN);
  g_test_message ("50 MB plain document: %u code points, %.2f s", plx_document_get_length (document),
                  g_timer_elapsed (timer, NULL));
  /* Generous, for sanitizer and valgrind builds; about 1 s optimised. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 60);

  g_assert_cmpuint (plx_document_get_text_bytes (document), ==, data->len);
  g_assert_cmpuint (plx_document_get_length (document), ==, n_pairs * pair_length);

  first = plx_document_dup_range (document, 0, 9);
  g_assert_cmpstr (first, ==, "The Minsk");
  mid = (n_pairs / 2) * pair_length + (guint) g_utf8_strlen (LINE_A, -1);
  middle = plx_document_dup_range (document, mid, mid + 6);
  g_assert_cmpstr (middle, ==, "Ереван");
  g_assert_cmpuint (plx_document_offset_to_byte (document, mid), ==,
                    (gsize) (n_pairs / 2) * (strlen (LINE_A) + strlen (LINE_B)) + strlen (LINE_A));
  g_assert_cmpuint (plx_document_byte_to_offset (document, plx_document_offset_to_byte (document, mid + 6)), ==, mid + 6);
  last = plx_document_dup_range (document, plx_document_get_length (document) - 4, plx_document_get_length (document));
  g_assert_cmpstr (last, ==, "和平.\n");

  /* The same text as Markdown: one paragraph per line pair's worth. */
  g_timer_start (timer);
  g_clear_object (&document);
  document = load (data->str, data->len, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_test_message ("50 MB Markdown document: %.2f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 60);
  g_assert_cmpuint (plx_document_get_length (document), ==, n_pairs * pair_length - 1);
}

static void
test_5_mb_line (void)
{
  const gsize target = 5 * 1024 * 1024;
  g_autoptr(GString) data = g_string_sized_new (target + 64);
  g_autoptr(PlxDocument) plain = NULL;
  g_autoptr(PlxDocument) markdown = NULL;
  g_autofree char *tail = NULL;
  const PlxBlock *blocks;
  guint n_blocks = 0;
  guint length;

  while (data->len < target)
    g_string_append (data, "Шуша [1] ");
  length = (guint) g_utf8_strlen (data->str, (gssize) data->len);

  plain = load (data->str, data->len, PLX_DOCUMENT_FORMAT_PLAIN);
  g_assert_cmpuint (plx_document_get_length (plain), ==, length);
  blocks = plx_document_get_blocks (plain, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 1);
  g_assert_cmpuint (blocks[0].end, ==, length);
  tail = plx_document_dup_range (plain, length - 9, length);
  g_assert_cmpstr (tail, ==, "Шуша [1] ");

  /* In Markdown the line is one paragraph (trailing space stripped), with
   * a footnote mark block for every "[1]" in it. */
  markdown = load (data->str, data->len, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpuint (plx_document_get_length (markdown), ==, length - 1);
  blocks = plx_document_get_blocks (markdown, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, length / 9 + 1);
}

/* ---- JSON ---- */

typedef struct {
  char       *dir;
  PlxProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = plx_test_make_tempdir ();
  path = g_build_filename (fixture->dir, "hostile.parallax", NULL);
  fixture->project = plx_project_create (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
assert_import_refused (Fixture    *fixture,
                       const char *data,
                       gsize       length,
                       const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxImportReport) report = plx_import_data (fixture->project, "hostile.json", data, length, &error);

  g_assert_null (report);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "hostile.json: "));
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint depth = 100000;
  g_autoptr(GString) arrays = g_string_sized_new (2 * depth);
  g_autoptr(GString) objects = g_string_sized_new (6 * depth);
  g_autoptr(GString) w3c = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxImportReport) report = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (arrays, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (arrays, ']');
  assert_import_refused (fixture, arrays->str, arrays->len, "nested more than 64 levels deep");

  /* Unclosed, and as objects inside a plausible W3C annotation. */
  g_string_append (objects, "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\",\n\"body\": ");
  for (guint i = 0; i < depth; i++)
    g_string_append (objects, "{\"a\":");
  assert_import_refused (fixture, objects->str, objects->len, "line 2: the JSON is nested more than 64");

  /* Brackets inside strings are text, not nesting. */
  g_string_append (w3c, "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\", "
                        "\"body\": {\"type\": \"TextualBody\", \"value\": \"");
  for (guint i = 0; i < depth; i++)
    g_string_append (w3c, "[{\\\"");
  g_string_append (w3c, "\"}, \"target\": \"http://example.org/elsewhere\"}");
  report = plx_import_data (fixture->project, "brackets.json", w3c->str, w3c->len, &error);
  /* Its target is not a document of this project: refused for that, not for depth. */
  g_assert_null (report);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "nested"));
}

static void
test_huge_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autofree char *message = NULL;

  /* A sparse file: one byte over the limit, nothing written to disk. The
   * importer must look at the size before reading it all into memory. */
  g_assert_true (g_file_set_contents (path, "[", 1, NULL));
  g_assert_cmpint (truncate (path, (off_t) PLX_IMPORT_MAX_BYTES + 1), ==, 0);

  report = plx_import_file (fixture->project, file, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
  g_test_message ("%s", error->message);
  message = g_strdup_printf ("%s: the file is larger than 256 MiB", path);
  g_assert_true (g_str_has_prefix (error->message, message));

  /* Exactly at the limit is not refused for its size (it is NUL bytes
   * after the "[", so it fails as JSON instead). Only checked where the
   * machine has the memory to spare for it. */
  if (g_test_slow ())
    {
      g_clear_error (&error);
      g_assert_cmpint (truncate (path, (off_t) PLX_IMPORT_MAX_BYTES), ==, 0);
      report = plx_import_file (fixture->project, file, NULL, &error);
      g_assert_null (report);
      g_assert_nonnull (error);
      g_assert_null (strstr (error->message, "larger than"));
    }
}

/* ---- import input: encodings, escapes, files that are not files ---- */

#define TEXT "Hello, world. Hello again, world."

/* A native export of one document carrying TEXT and the annotations
 * @annotations (JSON objects, comma-separated), with @perspectives. */
static char *
native_file (const char *perspectives,
             const char *annotations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) document = plx_document_new_from_data (TEXT, strlen (TEXT), PLX_DOCUMENT_FORMAT_PLAIN, "T", &error);

  g_assert_no_error (error);
  return g_strdup_printf ("{\"format\": \"parallax\", \"version\": 1,\n"
                          "\"perspectives\": [%s],\n"
                          "\"documents\": [{\"id\": 1, \"title\": \"T\", \"content_hash\": \"%s\", \"format\": \"plain\", "
                          "\"source\": \"" TEXT "\"}],\n"
                          "\"annotations\": [%s]}\n",
                          perspectives, plx_document_get_content_hash (document), annotations);
}

/* An annotation of "world" (characters 7 to 12) with @uuid and @note (JSON
 * string contents, escapes and all). */
static char *
annotation_json (const char *uuid,
                 const char *note,
                 const char *modified)
{
  return g_strdup_printf ("{\"uuid\": \"%s\", \"document\": 1, \"start\": 7, \"end\": 12, \"quote\": \"world\", "
                          "\"perspective\": \"Russian\", \"note\": \"%s\", "
                          "\"created\": \"2024-01-01T00:00:00.000Z\", \"modified\": \"%s\"}",
                          uuid, note, modified);
}

static guint
count_annotations (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  guint n = plx_project_count_annotations (project, NULL, &error);

  g_assert_no_error (error);
  return n;
}

static PlxImportReport *
import_ok (Fixture    *fixture,
           const char *data)
{
  g_autoptr(GError) error = NULL;
  PlxImportReport *report = plx_import_data (fixture->project, "ok.json", data, strlen (data), &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

#define UUID_A "0b9e7a52-3f1c-4d1a-9d0e-6c4f2a7b8e11"

/* "\u0000" used to cut the string, a lone surrogate to vanish or poison
 * every later export; raw invalid UTF-8 was refused without a place. */
static void
test_import_escapes (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct { const char *note; const char *expected; } refused[] = {
    { "before\\u0000after", "line 4, column 163: “\\u0000” (a NUL character) is not allowed" },
    { "\\udc00abc", "“\\udc00” is the second half of a UTF-16 surrogate pair" },
    { "abc\\ud800", "“\\ud800” is the first half of a UTF-16 surrogate pair" },
    { "abc\\ud800\\u0041", "“\\ud800” is the first half" },
    { "\\uD83D\\uD83D", "“\\ud83d” is the first half" },
  };
  g_autofree char *path = g_strdup (plx_project_get_path (fixture->project));
  g_autofree char *before = plx_test_file_checksum (path);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *annotation = annotation_json (UUID_A, refused[i].note, "2024-01-01T00:00:00.000Z");
      g_autofree char *file = native_file ("", annotation);

      assert_import_refused (fixture, file, strlen (file), refused[i].expected);
    }
  {
    g_autofree char *annotation = annotation_json (UUID_A, "caf\xc3\xa9 \xff", "2024-01-01T00:00:00.000Z");
    g_autofree char *file = native_file ("", annotation);

    assert_import_refused (fixture, file, strlen (file), "line 4, column 162: the byte 0xff (byte ");
  }
  g_assert_cmpuint (count_annotations (fixture->project), ==, 0);
  after = plx_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* A surrogate pair is one character, and escapes of a backslash are not
   * escapes of what follows. */
  {
    g_autofree char *annotation = annotation_json (UUID_A, "dove \\ud83d\\udd4a \\\\u0000", "2024-01-01T00:00:00.000Z");
    g_autofree char *file = native_file ("", annotation);
    g_autoptr(PlxImportReport) report = import_ok (fixture, file);
    g_autoptr(PlxAnnotation) imported = plx_project_get_annotation (fixture->project, UUID_A, NULL);

    g_assert_cmpuint (report->added, ==, 1);
    g_assert_nonnull (imported);
    g_assert_cmpstr (plx_annotation_get_note (imported), ==, "dove \xf0\x9f\x95\x8a \\u0000");
  }
}

/* What is not UTF-8 JSON says what it is instead. */
static void
test_import_encodings (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *annotation = annotation_json (UUID_A, "n", "2024-01-01T00:00:00.000Z");
  g_autofree char *file = native_file ("", annotation);
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", file, NULL);
  g_autoptr(GString) utf16 = g_string_new ("\xff\xfe");
  g_autoptr(GString) utf16_bare = g_string_new (NULL);
  static const char sqlite[] = "SQLite format 3\0\x10\0\x02\x02";
  g_autoptr(PlxImportReport) report = NULL;

  for (const char *p = "{\"format\": \"parallax\"}"; *p; p++)
    {
      g_string_append_c (utf16, *p);
      g_string_append_c (utf16, '\0');
      g_string_append_c (utf16_bare, '\0');
      g_string_append_c (utf16_bare, *p);
    }
  assert_import_refused (fixture, utf16->str, utf16->len, "encoded in UTF-16");
  assert_import_refused (fixture, utf16_bare->str, utf16_bare->len, "encoded in UTF-16");
  assert_import_refused (fixture, sqlite, sizeof sqlite - 1, "this is a Parallax project (or another SQLite database), not an export");
  assert_import_refused (fixture, "{\"a\": 1}\0", 9, "a NUL byte (byte 8 of the file)");
  g_assert_cmpuint (count_annotations (fixture->project), ==, 0);

  /* A version json-glib cannot hold in 64 bits is not "version -1". */
  {
    const char *versions[] = { "0", "-5", "99999999999999999999" };

    for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
      {
        g_autofree char *text = g_strdup_printf ("{\"format\": \"parallax\", \"version\": %s, \"perspectives\": [], "
                                                 "\"documents\": [], \"annotations\": []}", versions[i]);

        assert_import_refused (fixture, text, strlen (text), "“version” is not a version number (this Parallax reads version 1)");
      }
  }

  /* A UTF-8 byte-order mark is ignored (RFC 8259). */
  report = import_ok (fixture, with_bom);
  g_assert_cmpuint (report->added, ==, 1);
}

/* UUIDs differ only in case are one annotation; a UUID already used in
 * another document is never moved there. */
static void
test_import_uuids (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *upper = g_ascii_strup (UUID_A, -1);
  g_autofree char *first = annotation_json (UUID_A, "first", "2024-01-01T00:00:00.000Z");
  g_autofree char *second = annotation_json (upper, "second", "2024-02-01T00:00:00.000Z");
  g_autofree char *both = g_strconcat (first, ", ", second, NULL);
  g_autofree char *twice = native_file ("", both);
  g_autofree char *file1 = native_file ("", first);
  g_autofree char *file2 = native_file ("", second);
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(PlxAnnotation) a = NULL;
  g_autoptr(PlxDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *moved_file = NULL;
  g_autoptr(GPtrArray) all = NULL;

  assert_import_refused (fixture, twice, strlen (twice), "appears twice in the file");

  report = import_ok (fixture, file1);
  g_assert_cmpuint (report->added, ==, 1);
  g_clear_pointer (&report, plx_import_report_free);
  report = import_ok (fixture, file2);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->updated, ==, 1);
  g_clear_pointer (&report, plx_import_report_free);
  g_assert_cmpuint (count_annotations (fixture->project), ==, 1);
  a = plx_project_get_annotation (fixture->project, UUID_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_note (a), ==, "second");

  /* The same UUID, newer, on another document with the same words. */
  other = plx_document_new_from_data ("Another world.", 14, PLX_DOCUMENT_FORMAT_PLAIN, "Other", &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, other, &error));
  moved = g_strdup_printf ("{\"uuid\": \"%s\", \"document\": 1, \"start\": 8, \"end\": 13, \"quote\": \"world\", "
                           "\"perspective\": \"Russian\", \"note\": \"moved\", "
                           "\"created\": \"2024-01-01T00:00:00.000Z\", \"modified\": \"2025-01-01T00:00:00.000Z\"}", upper);
  moved_file = g_strdup_printf ("{\"format\": \"parallax\", \"version\": 1, \"perspectives\": [], "
                                "\"documents\": [{\"id\": 1, \"title\": \"Other\", \"content_hash\": \"%s\"}], "
                                "\"annotations\": [%s]}", plx_document_get_content_hash (other), moved);
  report = import_ok (fixture, moved_file);
  g_assert_cmpuint (report->added + report->updated, ==, 0);
  g_assert_cmpuint (report->orphaned, ==, 1);
  g_test_message ("%s", (const char *) g_ptr_array_index (report->orphans, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (report->orphans, 0), "never moves an annotation to another document"));
  g_clear_object (&a);
  a = plx_project_get_annotation (fixture->project, UUID_A, &error);
  g_assert_cmpstr (plx_annotation_get_note (a), ==, "second");
  g_assert_cmpint (plx_annotation_get_document_id (a), !=, plx_document_get_id (other));
  all = plx_project_list_annotations (fixture->project, NULL, &error);
  g_assert_cmpuint (all->len, ==, 1);
}

/* A FIFO is refused at once instead of blocking, a device is not read. */
static void
test_import_not_a_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.json", NULL);
  const char *paths[] = { fifo, "/dev/urandom", "/dev/zero", fixture->dir };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  alarm (30);    /* blocking on the FIFO fails the test rather than hanging it */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlxImportReport) report = plx_import_file (fixture->project, file, NULL, &error);
      g_autofree char *prefix = g_strconcat (paths[i], ": this is a", NULL);

      g_assert_null (report);
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, "Parallax imports regular files only"));
    }
  alarm (0);
}

/* No file can take a project past PLX_IMPORT_MAX_PERSPECTIVES. */
static void
test_import_perspective_limit (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GString) perspectives = g_string_new (NULL);
  g_autofree char *annotation = annotation_json (UUID_A, "n", "2024-01-01T00:00:00.000Z");
  g_autofree char *file = NULL;
  g_autofree char *message = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  guint existing = g_list_model_get_n_items (plx_project_get_perspectives (fixture->project));

  for (guint i = 0; i < PLX_IMPORT_MAX_PERSPECTIVES - existing + 1; i++)
    g_string_append_printf (perspectives, "%s{\"name\": \"P%u\"}", i ? ", " : "", i);
  file = native_file (perspectives->str, annotation);
  message = g_strdup_printf ("the file would add %u perspectives to the %u this project has; a project holds at most 64",
                             PLX_IMPORT_MAX_PERSPECTIVES - existing + 1, existing);
  assert_import_refused (fixture, file, strlen (file), message);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (fixture->project)), ==, existing);

  /* Up to the limit is fine. */
  g_string_truncate (perspectives, 0);
  for (guint i = 0; i < PLX_IMPORT_MAX_PERSPECTIVES - existing; i++)
    g_string_append_printf (perspectives, "%s{\"name\": \"P%u\"}", i ? ", " : "", i);
  g_free (file);
  file = native_file (perspectives->str, annotation);
  report = import_ok (fixture, file);
  g_assert_cmpuint (report->perspectives_added, ==, PLX_IMPORT_MAX_PERSPECTIVES - existing);
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (fixture->project)), ==, PLX_IMPORT_MAX_PERSPECTIVES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/document/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile/document/nul-bytes", test_nul_bytes);
  g_test_add_func ("/hostile/document/bom", test_bom);
  g_test_add_func ("/hostile/document/line-ends", test_line_ends);
  g_test_add_func ("/hostile/document/50-mb", test_50_mb);
  g_test_add_func ("/hostile/document/5-mb-line", test_5_mb_line);
  g_test_add ("/hostile/import/deep-nesting", Fixture, NULL, fixture_set_up, test_deep_nesting, fixture_tear_down);
  g_test_add ("/hostile/import/huge-json", Fixture, NULL, fixture_set_up, test_huge_json, fixture_tear_down);
  g_test_add ("/hostile/import/escapes", Fixture, NULL, fixture_set_up, test_import_escapes, fixture_tear_down);
  g_test_add ("/hostile/import/encodings", Fixture, NULL, fixture_set_up, test_import_encodings, fixture_tear_down);
  g_test_add ("/hostile/import/uuids", Fixture, NULL, fixture_set_up, test_import_uuids, fixture_tear_down);
  g_test_add ("/hostile/import/not-a-file", Fixture, NULL, fixture_set_up, test_import_not_a_file, fixture_tear_down);
  g_test_add ("/hostile/import/perspective-limit", Fixture, NULL, fixture_set_up, test_import_perspective_limit, fixture_tear_down);

  return g_test_run ();
}
