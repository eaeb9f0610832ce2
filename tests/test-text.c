/* test-text.c: the plx_text_* helpers, on text in several scripts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "plx-core.h"
#include "plx-test-utils.h"

/* Checks every code-point offset of @text (and one past the end) against
 * GLib's own walk, both ways. */
static void
assert_offsets_agree (const char *text)
{
  gsize bytes = strlen (text);
  glong length = g_utf8_strlen (text, -1);

  for (glong offset = 0; offset <= length; offset++)
    {
      gsize expected = (gsize) (g_utf8_offset_to_pointer (text, offset) - text);

      g_assert_cmpuint (plx_text_offset_to_byte (text, bytes, (gsize) offset), ==, expected);
      g_assert_cmpuint (plx_text_byte_to_offset (text, expected), ==, (gsize) offset);
    }
  /* Past the end clamps to the end. */
  g_assert_cmpuint (plx_text_offset_to_byte (text, bytes, (gsize) length + 1), ==, bytes);
  g_assert_cmpuint (plx_text_offset_to_byte (text, bytes, G_MAXSIZE), ==, bytes);
}

static void
test_offsets_ascii (void)
{
  const char *text = "Nagorno-Karabakh";

  g_assert_cmpuint (plx_text_offset_to_byte (text, strlen (text), 0), ==, 0);
  g_assert_cmpuint (plx_text_offset_to_byte (text, strlen (text), 7), ==, 7);
  g_assert_cmpuint (plx_text_byte_to_offset (text, 16), ==, 16);
  assert_offsets_agree (text);
  assert_offsets_agree ("");
}

static void
test_offsets_armenian (void)
{
  /* Armenian letters are two bytes each in UTF-8. */
  const char *text = "Հայաստան";
  gsize bytes = strlen (text);
  g_autofree char *sub = NULL;

  g_assert_cmpuint (bytes, ==, 16);
  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, 8);
  for (gsize i = 0; i <= 8; i++)
    {
      g_assert_cmpuint (plx_text_offset_to_byte (text, bytes, i), ==, 2 * i);
      g_assert_cmpuint (plx_text_byte_to_offset (text, 2 * i), ==, i);
    }
  assert_offsets_agree (text);
  assert_offsets_agree ("Երևան, Հայաստանի Հանրապետություն");

  sub = plx_text_substring (text, bytes, 2, 5);
  g_assert_cmpstr (sub, ==, "յաս");
}

static void
test_offsets_azerbaijani (void)
{
  const char *text = "Azərbaycan";
  const char *letters = "ğ ş ı ö ü ç";
  gsize bytes = strlen (text);
  g_autofree char *sub = NULL;

  /* "ə" (U+0259) is the one two-byte letter. */
  g_assert_cmpuint (bytes, ==, 11);
  g_assert_cmpuint (plx_text_offset_to_byte (text, bytes, 2), ==, 2);
  g_assert_cmpuint (plx_text_offset_to_byte (text, bytes, 3), ==, 4);
  g_assert_cmpuint (plx_text_offset_to_byte (text, bytes, 10), ==, 11);
  g_assert_cmpuint (plx_text_byte_to_offset (text, 4), ==, 3);
  assert_offsets_agree (text);

  /* Six two-byte letters with ASCII spaces between them. */
  g_assert_cmpuint (strlen (letters), ==, 17);
  for (gsize i = 0; i < 6; i++)
    {
      g_assert_cmpuint (plx_text_offset_to_byte (letters, 17, 2 * i), ==, 3 * i);
      g_assert_cmpuint (plx_text_offset_to_byte (letters, 17, 2 * i + 1), ==, 3 * i + 2);
    }
  assert_offsets_agree (letters);
  assert_offsets_agree ("Dağlıq Qarabağ, Şuşa, İlham Əliyev");

  sub = plx_text_substring (text, bytes, 2, 5);
  g_assert_cmpstr (sub, ==, "ərb");
}

static void
test_offsets_russian (void)
{
  const char *text = "Россия";
  gsize bytes = strlen (text);
  g_autofree char *sub = NULL;
  g_autofree char *mixed = NULL;

  g_assert_cmpuint (bytes, ==, 12);
  g_assert_cmpuint (plx_text_offset_to_byte (text, bytes, 3), ==, 6);
  g_assert_cmpuint (plx_text_byte_to_offset (text, 10), ==, 5);
  assert_offsets_agree (text);
  assert_offsets_agree ("Министерство иностранных дел Российской Федерации");

  sub = plx_text_substring (text, bytes, 1, 4);
  g_assert_cmpstr (sub, ==, "осс");

  mixed = plx_text_substring ("Russia (Россия) and Armenia (Հայաստան)", strlen ("Russia (Россия) and Armenia (Հայաստան)"), 8, 14);
  g_assert_cmpstr (mixed, ==, "Россия");
}

static void
test_offsets_emoji (void)
{
  /* U+1F600 and U+1F3F3 lie outside the BMP: one code point, four bytes. */
  const char *single = "a😀b";
  /* Woman, ZWJ, woman, ZWJ, girl: five code points forming one glyph. */
  const char *family = "👩‍👩‍👧";
  /* A flag is two regional indicators. */
  const char *flag = "🇦🇲🇦🇿";
  const char *text = "peace 🕊️ talks 👩‍👩‍👧 and 🇦🇲🇦🇿!";
  g_autofree char *sub = NULL;
  g_autofree char *sub_family = NULL;

  g_assert_cmpuint (strlen (single), ==, 6);
  g_assert_cmpuint (plx_text_offset_to_byte (single, 6, 1), ==, 1);
  g_assert_cmpuint (plx_text_offset_to_byte (single, 6, 2), ==, 5);
  g_assert_cmpuint (plx_text_offset_to_byte (single, 6, 3), ==, 6);
  g_assert_cmpuint (plx_text_byte_to_offset (single, 5), ==, 2);
  assert_offsets_agree (single);

  g_assert_cmpuint (g_utf8_strlen (family, -1), ==, 5);
  g_assert_cmpuint (strlen (family), ==, 18);
  g_assert_cmpuint (plx_text_offset_to_byte (family, 18, 1), ==, 4);
  g_assert_cmpuint (plx_text_offset_to_byte (family, 18, 2), ==, 7);
  g_assert_cmpuint (plx_text_offset_to_byte (family, 18, 3), ==, 11);
  g_assert_cmpuint (plx_text_offset_to_byte (family, 18, 4), ==, 14);
  g_assert_cmpuint (plx_text_offset_to_byte (family, 18, 5), ==, 18);
  assert_offsets_agree (family);

  g_assert_cmpuint (g_utf8_strlen (flag, -1), ==, 4);
  g_assert_cmpuint (plx_text_offset_to_byte (flag, strlen (flag), 2), ==, 8);
  assert_offsets_agree (flag);
  assert_offsets_agree (text);

  sub = plx_text_substring (single, 6, 1, 2);
  g_assert_cmpstr (sub, ==, "😀");
  sub_family = plx_text_substring (text, strlen (text), 15, 20);
  g_assert_cmpstr (sub_family, ==, family);
}

static void
test_offsets_combining (void)
{
  /* "q" + COMBINING DOT ABOVE has no precomposed form: two code points. */
  const char *text = "q\xcc\x87 and a\xcc\x8a\xcc\x81 ok";
  g_autofree char *sub = NULL;

  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, 13);
  g_assert_cmpuint (plx_text_offset_to_byte (text, strlen (text), 1), ==, 1);
  g_assert_cmpuint (plx_text_offset_to_byte (text, strlen (text), 2), ==, 3);
  assert_offsets_agree (text);

  sub = plx_text_substring (text, strlen (text), 0, 2);
  g_assert_cmpstr (sub, ==, "q\xcc\x87");
}

static void
test_substring_clamps (void)
{
  const char *text = "Россия";
  g_autofree char *all = plx_text_substring (text, strlen (text), 0, 6);
  g_autofree char *past = plx_text_substring (text, strlen (text), 4, 100);
  g_autofree char *empty = plx_text_substring (text, strlen (text), 3, 3);
  g_autofree char *beyond = plx_text_substring (text, strlen (text), 10, 12);

  g_assert_cmpstr (all, ==, text);
  g_assert_cmpstr (past, ==, "ия");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (beyond, ==, "");
}

static char *
normalize_ok (const char *data,
              gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *result = plx_text_normalize (data, length < 0 ? strlen (data) : (gsize) length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (g_utf8_validate (result, -1, NULL));
  return result;
}

static void
test_normalize_nfc (void)
{
  /* "e" + COMBINING ACUTE becomes "é": one code point shorter. */
  const char *decomposed = "Caf" "e\xcc\x81" " in Yerevan";
  g_autofree char *composed = normalize_ok (decomposed, -1);
  g_autofree char *already = normalize_ok ("Café in Yerevan", -1);
  g_autofree char *azeri = NULL;
  g_autofree char *kept = NULL;

  g_assert_cmpstr (composed, ==, "Café in Yerevan");
  g_assert_cmpint (g_utf8_strlen (composed, -1), ==, g_utf8_strlen (decomposed, -1) - 1);
  g_assert_cmpstr (already, ==, "Café in Yerevan");

  /* "ş" as s + COMBINING CEDILLA, "ö" as o + COMBINING DIAERESIS. */
  azeri = normalize_ok ("s\xcc\xa7u\xcc\x88o\xcc\x88", -1);
  g_assert_cmpstr (azeri, ==, "şüö");
  g_assert_cmpint (g_utf8_strlen (azeri, -1), ==, 3);

  /* No precomposed form: left alone. */
  kept = normalize_ok ("q\xcc\x87", -1);
  g_assert_cmpstr (kept, ==, "q\xcc\x87");
}

/* Long mixed text, pieces of ASCII, precomposed Latin (taken as it is),
 * decomposed letters, Cyrillic and Armenian (normalised), laid across the
 * places where normalisation is cut: the same as normalising it whole. */
static void
test_normalize_matches_whole (void)
{
  static const char *fragments[] = {
    "The conflict ", "Qarabağ ", "şəhər ", "Café ", "e\xcc\x81", "o\xcc\x88\xcc\x81",
    "Россия ", "Հայաստան ", "й", "и\xcc\x86", "\n", "q\xcc\x87 ", "Ångström ", "A\xcc\x8a",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *whole = NULL;
  g_autofree char *normal = NULL;

  while (text->len < 60000)
    {
      /* Long ASCII runs as well, so some pieces are pure ASCII. */
      if (g_rand_int_range (rand, 0, 8) == 0)
        for (int i = g_rand_int_range (rand, 100, 5000); i > 0; i--)
          g_string_append_c (text, (char) ('a' + i % 26));
      g_string_append (text, fragments[g_rand_int_range (rand, 0, G_N_ELEMENTS (fragments))]);
    }
  whole = g_utf8_normalize (text->str, (gssize) text->len, G_NORMALIZE_NFC);
  normal = normalize_ok (text->str, (gssize) text->len);
  g_assert_cmpstr (normal, ==, whole);
}

static void
test_normalize_bom (void)
{
  g_autofree char *stripped = normalize_ok ("\xEF\xBB\xBFРоссия", -1);
  g_autofree char *only_bom = normalize_ok ("\xEF\xBB\xBF", -1);
  /* Only a leading BOM is a BOM; U+FEFF elsewhere is text. */
  g_autofree char *inner = normalize_ok ("a\xEF\xBB\xBF" "b", -1);

  g_assert_cmpstr (stripped, ==, "Россия");
  g_assert_cmpstr (only_bom, ==, "");
  g_assert_cmpstr (inner, ==, "a\xEF\xBB\xBF" "b");
}

static void
test_normalize_line_ends (void)
{
  g_autofree char *crlf = normalize_ok ("one\r\ntwo\r\nthree", -1);
  g_autofree char *cr = normalize_ok ("one\rtwo\rthree\r", -1);
  g_autofree char *mixed = normalize_ok ("Հայ\r\r\nАзə\n\rРус", -1);
  g_autofree char *lf = normalize_ok ("one\ntwo\n", -1);

  g_assert_cmpstr (crlf, ==, "one\ntwo\nthree");
  g_assert_cmpstr (cr, ==, "one\ntwo\nthree\n");
  /* "\r\r\n" is a CR then a CRLF: two line ends. */
  g_assert_cmpstr (mixed, ==, "Հայ\n\nАзə\n\nРус");
  g_assert_cmpstr (lf, ==, "one\ntwo\n");
}

static void
test_normalize_length (void)
{
  /* Only @length bytes are read. */
  g_autofree char *part = normalize_ok ("Россия and more", 12);

  g_assert_cmpstr (part, ==, "Россия");
}

static void
test_normalize_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  char *result;

  result = plx_text_normalize ("abc\xFF" "def", 7, &error);
  g_assert_null (result);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_clear_error (&error);

  /* A truncated multi-byte sequence after Armenian text: byte 6. */
  result = plx_text_normalize ("Հայ\xd5", 7, &error);
  g_assert_null (result);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "byte offset 6"));
  g_clear_error (&error);

  /* Latin-1 "é" as a lone byte. */
  result = plx_text_normalize ("caf\xe9", 4, &error);
  g_assert_null (result);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_clear_error (&error);

  /* The offset counts from the start of the data given, BOM included. */
  result = plx_text_normalize ("\xEF\xBB\xBF" "ab\xFF", 6, &error);
  g_assert_null (result);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "byte offset 5"));
  g_clear_error (&error);

  /* An encoded surrogate is not UTF-8. */
  result = plx_text_normalize ("x\xed\xa0\x80", 4, &error);
  g_assert_null (result);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "byte offset 1"));
}

static void
test_normalize_nul (void)
{
  g_autoptr(GError) error = NULL;
  char *result;

  result = plx_text_normalize ("Россия\0tail", 17, &error);
  g_assert_null (result);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "NUL"));
  g_assert_nonnull (strstr (error->message, "byte offset 12"));
  g_clear_error (&error);

  result = plx_text_normalize ("\xEF\xBB\xBF" "a\0", 5, &error);
  g_assert_null (result);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "byte offset 4"));
}

static void
test_normalize_empty (void)
{
  g_autofree char *empty = normalize_ok ("", 0);

  g_assert_cmpstr (empty, ==, "");
}

static void
test_sha256 (void)
{
  g_autofree char *empty = plx_text_sha256 ("");
  g_autofree char *abc = plx_text_sha256 ("abc");
  g_autofree char *armenian = plx_text_sha256 ("Հայաստան");
  g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guchar *) "Հայաստան",
                                                          strlen ("Հայաստան"));

  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (armenian, ==, expected);
}

static void
test_uuid (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 200; i++)
    {
      char *uuid = plx_text_new_uuid ();

      g_assert_true (plx_text_is_uuid (uuid));
      g_assert_cmpuint (strlen (uuid), ==, 36);
      /* Version 4, RFC 4122 variant. */
      g_assert_cmpint (uuid[14], ==, '4');
      g_assert_nonnull (strchr ("89ab", uuid[19]));
      g_assert_true (g_hash_table_add (seen, uuid));
    }

  g_assert_true (plx_text_is_uuid ("123e4567-e89b-12d3-a456-426614174000"));
  g_assert_false (plx_text_is_uuid (NULL));
  g_assert_false (plx_text_is_uuid (""));
  g_assert_false (plx_text_is_uuid ("not-a-uuid"));
  g_assert_false (plx_text_is_uuid ("123e4567e89b12d3a456426614174000"));
  g_assert_false (plx_text_is_uuid ("123e4567-e89b-12d3-a456-42661417400"));
  g_assert_false (plx_text_is_uuid ("123e4567-e89b-12d3-a456-4266141740000"));
  g_assert_false (plx_text_is_uuid ("g23e4567-e89b-12d3-a456-426614174000"));
}

static void
test_iso8601 (void)
{
  g_autoptr(GRegex) pattern = g_regex_new ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$", 0, 0, NULL);
  g_autofree char *previous = NULL;

  for (guint i = 0; i < 50; i++)
    {
      char *now = plx_text_now_iso8601 ();
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (now, NULL);
      g_autoptr(GDateTime) real_now = g_date_time_new_now_utc ();

      g_assert_true (g_regex_match (pattern, now, 0, NULL));
      g_assert_true (plx_text_is_iso8601 (now));
      g_assert_nonnull (parsed);
      g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);
      /* Within a few seconds of the clock. */
      g_assert_cmpint (ABS (g_date_time_difference (real_now, parsed)), <, 5 * G_TIME_SPAN_SECOND);
      /* Fixed width: string order is time order. */
      if (previous != NULL)
        g_assert_cmpstr (previous, <=, now);
      g_free (previous);
      previous = now;
    }

  g_assert_true (plx_text_is_iso8601 ("2012-06-05T12:30:00Z"));
  g_assert_true (plx_text_is_iso8601 ("2012-06-05T12:30:00.125Z"));
  g_assert_true (plx_text_is_iso8601 ("2012-06-05T16:30:00+04:00"));
  g_assert_false (plx_text_is_iso8601 (NULL));
  g_assert_false (plx_text_is_iso8601 (""));
  g_assert_false (plx_text_is_iso8601 ("yesterday"));
  g_assert_false (plx_text_is_iso8601 ("2012-13-05T12:30:00Z"));
  g_assert_false (plx_text_is_iso8601 ("2012-06-05 12:30"));
}

static void
test_csv_field (void)
{
  static const struct { const char *value, *expected; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a, b", "\"a, b\"" },
    { "say \"no\"", "\"say \"\"no\"\"\"" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\t=1", "\"'\t=1\"" },
    { "\r=1", "\"'\r=1\"" },
    { "- a list item", "\"'- a list item\"" },
    /* Numbers stay numbers. */
    { "-3", "-3" },
    { "+0.25", "+0.25" },
    { "-1e-4", "-1e-4" },
    { "-", "\"'-\"" },
    { "-1e", "\"'-1e\"" },
    { "a=b", "a=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      plx_text_append_csv_field (out, cases[i].value);
      g_assert_cmpstr (out->str, ==, cases[i].expected);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/text/offsets/ascii", test_offsets_ascii);
  g_test_add_func ("/core/text/offsets/armenian", test_offsets_armenian);
  g_test_add_func ("/core/text/offsets/azerbaijani", test_offsets_azerbaijani);
  g_test_add_func ("/core/text/offsets/russian", test_offsets_russian);
  g_test_add_func ("/core/text/offsets/emoji", test_offsets_emoji);
  g_test_add_func ("/core/text/offsets/combining", test_offsets_combining);
  g_test_add_func ("/core/text/substring/clamps", test_substring_clamps);
  g_test_add_func ("/core/text/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/core/text/normalize/matches-whole", test_normalize_matches_whole);
  g_test_add_func ("/core/text/normalize/bom", test_normalize_bom);
  g_test_add_func ("/core/text/normalize/line-ends", test_normalize_line_ends);
  g_test_add_func ("/core/text/normalize/length", test_normalize_length);
  g_test_add_func ("/core/text/normalize/invalid-utf8", test_normalize_invalid_utf8);
  g_test_add_func ("/core/text/normalize/nul", test_normalize_nul);
  g_test_add_func ("/core/text/normalize/empty", test_normalize_empty);
  g_test_add_func ("/core/text/sha256", test_sha256);
  g_test_add_func ("/core/text/uuid", test_uuid);
  g_test_add_func ("/core/text/iso8601", test_iso8601);
  g_test_add_func ("/core/text/csv-field", test_csv_field);

  return g_test_run ();
}
