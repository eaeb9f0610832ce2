/* plx-search-fold.c: the words search sees. A word is a run of letters,
 * digits and combining marks (and the Armenian marks written inside a
 * word: ՛ ՜ ՞); it is folded to lower case, without diacritics, with
 * Azerbaijani (and Russian) Cyrillic written in the Azerbaijani Latin
 * alphabet, so that Qarabağ, QARABAG and Гарабағ are one word. The index
 * and the query fold the same way, through plx_search_tokenize().
 * docs/search.md lists the rules.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-search"

#include <string.h>

#include "plx-search-fold.h"

/* The Azerbaijani alphabet in its two scripts, letter for letter: the
 * Latin alphabet of the Law "On the Azerbaijani alphabet" (1992) and the
 * Cyrillic alphabet in use from 1958 to 1991 (as tabulated in
 * https://en.wikipedia.org/wiki/Azerbaijani_alphabet). This table is the
 * one place transliteration between them is defined. */
static const struct {
  gunichar latin;
  gunichar cyrillic;
} az_alphabet[] = {
  { 0x0061, 0x0430 }, /* a а */
  { 0x0062, 0x0431 }, /* b б */
  { 0x0063, 0x04B9 }, /* c ҹ */
  { 0x00E7, 0x0447 }, /* ç ч */
  { 0x0064, 0x0434 }, /* d д */
  { 0x0065, 0x0435 }, /* e е */
  { 0x0259, 0x04D9 }, /* ə ә */
  { 0x0066, 0x0444 }, /* f ф */
  { 0x0067, 0x049D }, /* g ҝ */
  { 0x011F, 0x0493 }, /* ğ ғ */
  { 0x0068, 0x04BB }, /* h һ */
  { 0x0078, 0x0445 }, /* x х */
  { 0x0131, 0x044B }, /* ı ы */
  { 0x0069, 0x0438 }, /* i и */
  { 0x006A, 0x0436 }, /* j ж */
  { 0x006B, 0x043A }, /* k к */
  { 0x0071, 0x0433 }, /* q г */
  { 0x006C, 0x043B }, /* l л */
  { 0x006D, 0x043C }, /* m м */
  { 0x006E, 0x043D }, /* n н */
  { 0x006F, 0x043E }, /* o о */
  { 0x00F6, 0x04E9 }, /* ö ө */
  { 0x0070, 0x043F }, /* p п */
  { 0x0072, 0x0440 }, /* r р */
  { 0x0073, 0x0441 }, /* s с */
  { 0x015F, 0x0448 }, /* ş ш */
  { 0x0074, 0x0442 }, /* t т */
  { 0x0075, 0x0443 }, /* u у */
  { 0x00FC, 0x04AF }, /* ü ү */
  { 0x0076, 0x0432 }, /* v в */
  { 0x0079, 0x0458 }, /* y ј */
  { 0x007A, 0x0437 }, /* z з */
};

/* Russian letters that the Azerbaijani Cyrillic alphabet lacks, written
 * as Azerbaijani Latin writes them in loanwords; ё is folded to е, as
 * Russian itself mostly writes it. Only for folding: Latin text is never
 * turned into these. */
static const struct {
  gunichar    cyrillic;
  const char *latin;
} russian_extra[] = {
  { 0x0451, "e" },     /* ё */
  { 0x0439, "y" },     /* й */
  { 0x0446, "ts" },    /* ц */
  { 0x0449, "şç" },    /* щ */
  { 0x044A, "" },      /* ъ */
  { 0x044C, "" },      /* ь */
  { 0x044D, "e" },     /* э */
  { 0x044E, "yu" },    /* ю */
  { 0x044F, "ya" },    /* я */
};

static gboolean
is_word_char (gunichar c)
{
  /* ՛ ՜ ՞ stand on a vowel inside an Armenian word; the soft hyphen is
   * invisible. Neither splits a word, and folding drops both. */
  return g_unichar_isalnum (c) || g_unichar_ismark (c) ||
         c == 0x055B || c == 0x055C || c == 0x055E || c == 0x00AD;
}

static gboolean
is_dropped (gunichar c)
{
  return g_unichar_ismark (c) || c == 0x055B || c == 0x055C || c == 0x055E || c == 0x00AD;
}

static gunichar
cyrillic_to_latin (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (az_alphabet); i++)
    if (az_alphabet[i].cyrillic == c)
      return az_alphabet[i].latin;
  return 0;
}

static gunichar
latin_to_cyrillic (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (az_alphabet); i++)
    if (az_alphabet[i].latin == c)
      return az_alphabet[i].cyrillic;
  return 0;
}

static void
append_base (GString  *out,
             gunichar  c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  /* Letters that are letters of their own, not a letter with a mark, but
   * that people type without: ə as e, ı as i, ß as ss. */
  switch (c)
    {
    case 0x0259: /* ə */
      g_string_append_c (out, 'e');
      return;
    case 0x0131: /* ı */
      g_string_append_c (out, 'i');
      return;
    case 0x00DF: /* ß */
      g_string_append (out, "ss");
      return;
    default:
      break;
    }
  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower ((char) c));
      return;
    }
  /* Compatibility decomposition takes the marks off (ğ → g + ˘) and
   * splits ligatures (և → ե + ւ, ﬁ → f + i). */
  n = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));
  for (gsize i = 0; i < n; i++)
    if (!is_dropped (parts[i]))
      g_string_append_unichar (out, g_unichar_tolower (parts[i]));
}

static void
fold_char (GString  *out,
           gunichar  c)
{
  gunichar latin;

  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower ((char) c));
      return;
    }
  if (is_dropped (c))
    return;
  c = g_unichar_tolower (c);
  if (c >= 0x0400 && c <= 0x04FF)
    {
      if ((latin = cyrillic_to_latin (c)) != 0)
        {
          append_base (out, latin);
          return;
        }
      for (guint i = 0; i < G_N_ELEMENTS (russian_extra); i++)
        if (russian_extra[i].cyrillic == c)
          {
            for (const char *p = russian_extra[i].latin; *p != '\0'; p = g_utf8_next_char (p))
              append_base (out, g_utf8_get_char (p));
            return;
          }
    }
  append_base (out, c);
}

/**
 * plx_search_tokenize:
 *
 * Calls @func for each word of @text (@length bytes, UTF-8) with its
 * folded form and its place in bytes. Invalid UTF-8 separates words.
 */
void
plx_search_tokenize (const char        *text,
                     gsize              length,
                     PlxSearchWordFunc  func,
                     gpointer           user_data)
{
  g_autoptr(GString) folded = g_string_sized_new (64);
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *word = NULL;
      const char *after = p;

      /* Skip to the next word. */
      while (p < end)
        {
          guchar b = (guchar) *p;
          gunichar c;

          if (b < 0x80)
            {
              if (g_ascii_isalnum (b))
                break;
              p++;
              continue;
            }
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              p++;
              continue;
            }
          if (is_word_char (c) && !is_dropped (c))
            break;
          p = g_utf8_next_char (p);
        }
      if (p >= end)
        break;
      word = p;
      g_string_truncate (folded, 0);
      while (p < end)
        {
          guchar b = (guchar) *p;
          gunichar c;

          if (b < 0x80)
            {
              if (!g_ascii_isalnum (b))
                break;
              g_string_append_c (folded, g_ascii_tolower ((char) b));
              p++;
              after = p;
              continue;
            }
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2 || !is_word_char (c))
            break;
          fold_char (folded, c);
          p = g_utf8_next_char (p);
          /* A word ends at its last letter, not on a trailing mark of
           * its own such as a soft hyphen. */
          if (!is_dropped (c) || g_unichar_ismark (c))
            after = p;
        }
      if (folded->len > 0 &&
          !func (folded->str, folded->len, (gsize) (word - text), (gsize) (after - text), user_data))
        return;
    }
}

static gboolean
collect_word (const char *folded,
              gsize       folded_length,
              gsize       start,
              gsize       end,
              gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strndup (folded, folded_length));
  return TRUE;
}

/* The folded words of @text, in order; an empty array when it has none. */
char **
plx_search_fold_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new ();

  g_return_val_if_fail (text != NULL, NULL);

  plx_search_tokenize (text, strlen (text), collect_word, words);
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

/* @text's folded words joined by single spaces: the key two spellings
 * share when search takes them for the same. */
char *
plx_search_fold (const char *text)
{
  g_auto(GStrv) words = plx_search_fold_words (text);

  return g_strjoinv (" ", words);
}

static char *
transliterate (const char *text,
               gboolean    to_cyrillic)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar lower = g_unichar_tolower (c);
      gboolean upper = lower != c;
      gunichar mapped;

      /* Azerbaijani's capital of i is İ, and of ı, I. */
      if (to_cyrillic && c == 'I')
        lower = 0x0131;
      else if (c == 0x0130)
        lower = 'i';
      mapped = to_cyrillic ? latin_to_cyrillic (lower) : cyrillic_to_latin (lower);
      if (mapped == 0)
        g_string_append_unichar (out, c);
      else if (!upper)
        g_string_append_unichar (out, mapped);
      else if (mapped == 'i')
        g_string_append_unichar (out, 0x0130);
      else if (mapped == 0x0131)
        g_string_append_c (out, 'I');
      else
        g_string_append_unichar (out, g_unichar_toupper (mapped));
    }
  return g_string_free (out, FALSE);
}

/* Azerbaijani Cyrillic in the Latin alphabet (Гарабағ → Qarabağ), by the
 * table above; everything else is left as it is. */
char *
plx_search_az_to_latin (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return transliterate (text, FALSE);
}

/* Azerbaijani Latin in the Cyrillic alphabet (Qarabağ → Гарабағ). */
char *
plx_search_az_to_cyrillic (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return transliterate (text, TRUE);
}

/* Pieces of a few kilobytes, cut after a blank line where there is one,
 * else after a line, else at a space: a search reads back only the pieces
 * it matched, and a phrase is found only within one piece, so pieces end
 * where phrases rarely run on. */
#define CHUNK_PARAGRAPH 512
#define CHUNK_LINE      2048
#define CHUNK_SPACE     4096
#define CHUNK_HARD      16384

GArray *
plx_search_chunk_text (const char *text,
                       gsize       length)
{
  GArray *chunks = g_array_new (FALSE, FALSE, sizeof (PlxSearchChunk));
  PlxSearchChunk chunk = { 0, 0, 0 };
  guint chars = 0;
  gsize i = 0;

  while (i < length)
    {
      guchar b = (guchar) text[i];
      gsize size = i - chunk.start_byte;
      gboolean cut = FALSE;

      if (b == '\n')
        cut = (size >= CHUNK_PARAGRAPH && i + 1 < length && text[i + 1] == '\n') || size >= CHUNK_LINE;
      else if (b == ' ')
        cut = size >= CHUNK_SPACE;
      else if ((b & 0xC0) != 0x80)
        cut = size >= CHUNK_HARD && i > chunk.start_byte;

      if (cut && b != '\n' && b != ' ')
        {
          /* A hard cut falls before this character. */
          chunk.length = i - chunk.start_byte;
          g_array_append_val (chunks, chunk);
          chunk.start_byte = i;
          chunk.start = chars;
        }
      if ((b & 0xC0) != 0x80)
        chars++;
      i++;
      if (cut && (b == '\n' || b == ' '))
        {
          while (i < length && text[i] == '\n')
            {
              i++;
              chars++;
            }
          chunk.length = i - chunk.start_byte;
          g_array_append_val (chunks, chunk);
          chunk.start_byte = i;
          chunk.start = chars;
        }
    }
  if (length > chunk.start_byte)
    {
      chunk.length = length - chunk.start_byte;
      g_array_append_val (chunks, chunk);
    }
  return chunks;
}

static char *
context_dup (const char *from,
             const char *to)
{
  char *out = g_strndup (from, to - from);

  for (char *p = out; *p != '\0'; p++)
    if (*p == '\n' || *p == '\t' || *p == '\r')
      *p = ' ';
  return out;
}

/**
 * plx_search_cut_context:
 * @start: @end: the hit, in bytes of @text
 *
 * Up to @width code points of @text on each side of a hit, with line
 * breaks and tabs as spaces: keyword in context.
 */
void
plx_search_cut_context (const char  *text,
                        gsize        length,
                        gsize        start,
                        gsize        end,
                        guint        width,
                        char       **left,
                        char       **right)
{
  const char *from = text + start;
  const char *to = text + end;

  for (guint i = 0; i < width && from > text; i++)
    from = g_utf8_find_prev_char (text, from) ? g_utf8_find_prev_char (text, from) : text;
  for (guint i = 0; i < width && to < text + length; i++)
    to = g_utf8_next_char (to);
  if (to > text + length)
    to = text + length;
  *left = context_dup (from, text + start);
  *right = context_dup (text + end, to);
}
