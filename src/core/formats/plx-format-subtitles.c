/* plx-format-subtitles.c: WebVTT and SRT subtitles and "Speaker: text"
 * transcripts. Each cue or line is a paragraph; its start time and its
 * speaker are kept as locators for citations ("00:12:31, Speaker").
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-format.h"

/* Builds the text paragraph by paragraph, counting code points. */
typedef struct {
  GString *text;
  guint    length;
  GArray  *blocks;
  GArray  *locators;
  char    *speaker;      /* the last one named */
} Builder;

static void
builder_clear (Builder *builder)
{
  g_clear_pointer (&builder->speaker, g_free);
}

static void
builder_append (Builder    *builder,
                const char *text)
{
  g_string_append (builder->text, text);
  builder->length += (guint) g_utf8_strlen (text, -1);
}

/* A paragraph "Speaker: words" (the name written only when it changes),
 * with its time (ms, or -1). */
static void
builder_add_turn (Builder    *builder,
                  const char *speaker,
                  const char *words,
                  gint64      time)
{
  PlxBlock block = { PLX_BLOCK_PARAGRAPH, 0, 0 };

  if (builder->text->len > 0)
    builder_append (builder, "\n");
  block.start = builder->length;
  if (speaker != NULL && *speaker != '\0' && g_strcmp0 (speaker, builder->speaker) != 0)
    {
      PlxLocator name = { PLX_LOCATOR_SPEAKER, builder->length, 0, 0 };

      builder_append (builder, speaker);
      name.end = builder->length;
      g_array_append_val (builder->locators, name);
      builder_append (builder, ": ");
      g_free (builder->speaker);
      builder->speaker = g_strdup (speaker);
    }
  builder_append (builder, words);
  block.end = builder->length;
  g_array_append_val (builder->blocks, block);
  if (time >= 0)
    {
      PlxLocator cue = { PLX_LOCATOR_TIME, block.start, block.end, (guint32) MIN (time, G_MAXUINT32) };
      g_array_append_val (builder->locators, cue);
    }
}

/* "hh:mm:ss.ttt", "mm:ss.ttt" (WebVTT) or "hh:mm:ss,ttt" (SRT), at *p;
 * moves *p past it. */
static gboolean
parse_timestamp (const char **p,
                 char         fraction_mark,
                 gint64      *ms)
{
  guint64 parts[3] = { 0, };
  guint n = 0;
  const char *s = *p;
  guint64 fraction = 0;
  guint digits = 0;

  while (TRUE)
    {
      const char *start = s;
      guint64 value = 0;

      while (g_ascii_isdigit (*s) && s - start < 9)
        value = value * 10 + (guint64) (*s++ - '0');
      if (s == start || n == 3)
        return FALSE;
      parts[n++] = value;
      if (*s != ':')
        break;
      s++;
    }
  if (n < 2 || *s != fraction_mark)
    return FALSE;
  s++;
  while (g_ascii_isdigit (*s) && digits < 3)
    {
      fraction = fraction * 10 + (guint64) (*s++ - '0');
      digits++;
    }
  if (digits != 3 || g_ascii_isdigit (*s))
    return FALSE;
  if (n == 2)
    {
      parts[2] = parts[1];
      parts[1] = parts[0];
      parts[0] = 0;
    }
  if (parts[1] > 59 || parts[2] > 59)
    return FALSE;
  *ms = (gint64) (((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000 + fraction);
  *p = s;
  return TRUE;
}

/* "start --> end [settings]"; the start time in *start. */
static gboolean
parse_timing (const char *line,
              char        fraction_mark,
              gint64     *start)
{
  const char *p = line + strspn (line, " \t");
  gint64 end = 0;

  if (!parse_timestamp (&p, fraction_mark, start))
    return FALSE;
  p += strspn (p, " \t");
  if (!g_str_has_prefix (p, "-->"))
    return FALSE;
  p += 3;
  p += strspn (p, " \t");
  if (!parse_timestamp (&p, fraction_mark, &end))
    return FALSE;
  return end >= *start && (*p == '\0' || *p == ' ' || *p == '\t');
}

static gboolean
timing_error (guint        line_number,
              const char  *line,
              char         mark,
              GError     **error)
{
  g_autofree char *shown = g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 60));

  g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
               _("line %u: “%s” is not a valid cue timing (start --> end, as 00:01:02%c500)"),
               line_number, shown, mark);
  return FALSE;
}

/* Cue text without its markup: <v Name> gives the speaker, other tags
 * (<i>, <c.class>, <00:00:01.000>) go, the usual entities are decoded. */
static char *
strip_cue (const char  *text,
           char       **speaker)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');

          if (close == NULL)
            break;
          if ((p[1] == 'v' || p[1] == 'V') && (p[2] == ' ' || p[2] == '.') && *speaker == NULL)
            {
              const char *name = strchr (p, ' ');

              if (name != NULL && name < close)
                *speaker = g_strstrip (g_strndup (name + 1, (gsize) (close - name - 1)));
            }
          p = close + 1;
          continue;
        }
      if (*p == '&')
        {
          static const struct { const char *entity; const char *text; } entities[] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", "\xC2\xA0" },
            { "&quot;", "\"" }, { "&apos;", "'" },
          };
          gboolean found = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !found; i++)
            if (g_str_has_prefix (p, entities[i].entity))
              {
                g_string_append (out, entities[i].text);
                p += strlen (entities[i].entity);
                found = TRUE;
              }
          if (found)
            continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/* A "Name: words" line, the name short and without sentence punctuation. */
static gboolean
split_speaker (const char  *line,
               char       **speaker,
               const char **words)
{
  const char *colon = strstr (line, ": ");
  glong length;

  if (colon == NULL || colon == line)
    return FALSE;
  length = g_utf8_strlen (line, colon - line);
  if (length > 40 || strcspn (line, ".!?;\"") < (gsize) (colon - line))
    return FALSE;
  *speaker = g_strndup (line, (gsize) (colon - line));
  *words = colon + 2;
  return TRUE;
}

/* Splits off the next line (without "\r\n"), NULL at the end. */
static char *
next_line (const char **p)
{
  const char *start = *p;
  const char *eol;
  gsize length;

  if (start == NULL || *start == '\0')
    return NULL;
  eol = strchr (start, '\n');
  length = eol ? (gsize) (eol - start) : strlen (start);
  *p = eol ? eol + 1 : start + length;
  if (length > 0 && start[length - 1] == '\r')
    length--;
  return g_strndup (start, length);
}

/* WebVTT and SRT differ in their header, cue numbers and decimal mark. */
static gboolean
read_cues (PlxReadJob  *job,
           gboolean     webvtt,
           GError     **error)
{
  Builder builder = { g_string_new (NULL), 0, job->blocks, job->locators, NULL };
  g_autoptr(GString) cue = g_string_new (NULL);
  const char *p = job->source;
  char mark = webvtt ? '.' : ',';
  guint line_number = 0;
  gint64 start = -1;
  gboolean skipping = FALSE;   /* a NOTE, STYLE or REGION block */
  gboolean ok = TRUE;
  char *line;

  if (webvtt)
    {
      line = next_line (&p);
      line_number++;
      if (line == NULL || !g_str_has_prefix (line, "WEBVTT") || (line[6] != '\0' && line[6] != ' ' && line[6] != '\t'))
        {
          g_free (line);
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                       _("line 1: a WebVTT file begins with “WEBVTT”"));
          builder_clear (&builder);
          g_string_free (builder.text, TRUE);
          return FALSE;
        }
      g_free (line);
      skipping = TRUE; /* the header runs to the first blank line */
    }

  while (ok)
    {
      gboolean blank;

      line = next_line (&p);
      line_number++;
      blank = line == NULL || *g_strstrip (line) == '\0';
      if (blank)
        {
          if (start >= 0 && cue->len > 0)
            {
              g_autofree char *speaker = NULL;
              g_autofree char *words = strip_cue (cue->str, &speaker);
              const char *said = words;
              g_autofree char *named = NULL;

              if (speaker == NULL && split_speaker (words, &named, &said))
                speaker = g_steal_pointer (&named);
              if (*said != '\0')
                builder_add_turn (&builder, speaker, said, start);
            }
          g_string_truncate (cue, 0);
          start = -1;
          skipping = FALSE;
          if (line == NULL)
            break;
          g_free (line);
          if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
            ok = FALSE;
          continue;
        }
      if (skipping)
        ;
      else if (start < 0 && strstr (line, "-->") != NULL)
        {
          if (!parse_timing (line, mark, &start))
            ok = timing_error (line_number, line, mark, error);
        }
      else if (start < 0)
        {
          /* A cue's identifier (SRT: its number), or a WebVTT block. */
          if (webvtt && (g_str_has_prefix (line, "NOTE") || g_str_has_prefix (line, "STYLE") ||
                         g_str_has_prefix (line, "REGION")))
            skipping = TRUE;
          else if (!webvtt && strspn (line, "0123456789") != strlen (line))
            {
              g_autofree char *shown = g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 60));

              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                           _("line %u: expected a cue number or timing, found “%s”"), line_number, shown);
              ok = FALSE;
            }
        }
      else
        {
          if (cue->len > 0)
            g_string_append_c (cue, ' ');
          g_string_append (cue, line);
        }
      g_free (line);
    }

  builder_clear (&builder);
  if (!ok)
    {
      g_string_free (builder.text, TRUE);
      return FALSE;
    }
  job->text = g_string_free (builder.text, FALSE);
  return TRUE;
}

static gboolean
read_webvtt (PlxReadJob  *job,
             GError     **error)
{
  return read_cues (job, TRUE, error);
}

static gboolean
read_srt (PlxReadJob  *job,
          GError     **error)
{
  return read_cues (job, FALSE, error);
}

/* "Speaker: words" lines, optionally after a time "[00:12:31]" or
 * "00:12:31"; a line without a speaker continues the last one's turn. */
static gboolean
read_transcript (PlxReadJob  *job,
                 GError     **error)
{
  Builder builder = { g_string_new (NULL), 0, job->blocks, job->locators, NULL };
  const char *p = job->source;
  char *line;

  while ((line = next_line (&p)) != NULL)
    {
      const char *rest = g_strstrip (line);
      g_autofree char *speaker = NULL;
      const char *words = rest;
      gint64 time = -1;

      if (*rest != '\0')
        {
          gboolean bracket = *rest == '[';
          const char *t = rest + (bracket ? 1 : 0);
          guint h = 0, m = 0, s = 0;
          int used = 0;

          if (g_ascii_isdigit (*t) && sscanf (t, "%u:%2u:%2u%n", &h, &m, &s, &used) == 3 && m < 60 && s < 60 &&
              (!bracket || t[used] == ']'))
            {
              time = ((gint64) h * 3600 + m * 60 + s) * 1000;
              rest = t + used + (bracket ? 1 : 0);
              rest += strspn (rest, " \t-–");
              words = rest;
            }
          if (!split_speaker (rest, &speaker, &words))
            words = rest;
          if (*words != '\0')
            builder_add_turn (&builder, speaker, words, time);
        }
      g_free (line);
      if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
        {
          builder_clear (&builder);
          g_string_free (builder.text, TRUE);
          return FALSE;
        }
    }
  builder_clear (&builder);
  job->text = g_string_free (builder.text, FALSE);
  return TRUE;
}

static gboolean
guess_webvtt (const guint8 *data,
              gsize         size)
{
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  return size >= 6 && memcmp (data, "WEBVTT", 6) == 0 && (size == 6 || data[6] == '\n' || data[6] == '\r' ||
                                                          data[6] == ' ' || data[6] == '\t');
}

/* "1\n00:00:01,000 --> …" */
static gboolean
guess_srt (const guint8 *data,
           gsize         size)
{
  g_autofree char *head = g_strndup ((const char *) data, MIN (size, 200));
  const char *p = head;
  gint64 start;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  first = next_line (&p);
  second = next_line (&p);
  return first != NULL && second != NULL && *first != '\0' && strspn (first, "0123456789") == strlen (first) &&
         parse_timing (second, ',', &start);
}

static const char * const webvtt_extensions[] = { ".vtt", ".webvtt", NULL };
static const char * const srt_extensions[] = { ".srt", NULL };
static const char * const transcript_extensions[] = { ".transcript", NULL };
static const char * const webvtt_aliases[] = { "vtt", NULL };

const PlxFormat plx_format_webvtt = {
  .id = "webvtt",
  .name = N_("WebVTT subtitles"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = webvtt_extensions,
  .mime_type = "text/vtt",
  .aliases = webvtt_aliases,
  .document_format = PLX_DOCUMENT_FORMAT_WEBVTT,
  .reader_version = 1,
  .read = read_webvtt,
  .guess = guess_webvtt,
  .text_source = TRUE,
};

const PlxFormat plx_format_srt = {
  .id = "srt",
  .name = N_("SRT subtitles"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = srt_extensions,
  .mime_type = "application/x-subrip",
  .document_format = PLX_DOCUMENT_FORMAT_SRT,
  .reader_version = 1,
  .read = read_srt,
  .guess = guess_srt,
  .text_source = TRUE,
};

const PlxFormat plx_format_transcript = {
  .id = "transcript",
  .name = N_("Transcript (Speaker: text)"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = transcript_extensions,
  .mime_type = "text/plain",
  .document_format = PLX_DOCUMENT_FORMAT_TRANSCRIPT,
  .reader_version = 1,
  .read = read_transcript,
  .text_source = TRUE,
};
