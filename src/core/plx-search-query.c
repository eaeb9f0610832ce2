/* plx-search-query.c: the little query language of search.
 *
 *   word            a word, in any case, with or without diacritics, in
 *                   either script of Azerbaijani
 *   two words       both, in the same passage (a paragraph or so)
 *   "two words"     the phrase
 *   peace*          a word starting so ("peace keep*" too)
 *   a OR b          either
 *   Nagorno-Karabakh  words joined by punctuation are a phrase
 *
 * Each phrase is widened by the equivalences it belongs to
 * (docs/search.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-search"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-search-fold.h"
#include "plx-search-query.h"

void
plx_search_phrase_free (PlxSearchPhrase *phrase)
{
  if (phrase == NULL)
    return;
  g_strfreev (phrase->words);
  g_free (phrase);
}

gboolean
plx_search_phrase_equal (const PlxSearchPhrase *a,
                         const PlxSearchPhrase *b)
{
  return a->prefix == b->prefix && g_strv_equal ((const char * const *) a->words, (const char * const *) b->words);
}

static PlxSearchPhrase *
phrase_new (const char *text,
            gsize       length,
            gboolean    prefix)
{
  g_autofree char *copy = g_strndup (text, length);
  PlxSearchPhrase *phrase = g_new0 (PlxSearchPhrase, 1);

  phrase->words = plx_search_fold_words (copy);
  phrase->prefix = prefix;
  if (phrase->words[0] == NULL)
    {
      plx_search_phrase_free (phrase);
      return NULL;
    }
  return phrase;
}

/* One term as written ("peace*", "Nagorno-Karabakh"); NULL when it holds
 * no word. */
PlxSearchPhrase *
plx_search_phrase_parse (const char *term)
{
  gsize length;

  g_return_val_if_fail (term != NULL, NULL);

  length = strlen (term);
  while (length > 0 && g_ascii_isspace (term[length - 1]))
    length--;
  if (length > 0 && term[length - 1] == '*')
    return phrase_new (term, length - 1, TRUE);
  return phrase_new (term, length, FALSE);
}

void
plx_search_query_free (PlxSearchQuery *query)
{
  if (query == NULL)
    return;
  g_ptr_array_unref (query->clauses);
  g_free (query);
}

/* Whether the user's @phrase is the equivalence's @term. */
static gboolean
phrase_is_term (const PlxSearchPhrase *phrase,
                const PlxSearchPhrase *term)
{
  guint n = g_strv_length (phrase->words);

  if (!term->prefix)
    return plx_search_phrase_equal (phrase, term);
  if (n != g_strv_length (term->words))
    return FALSE;
  for (guint i = 0; i + 1 < n; i++)
    if (strcmp (phrase->words[i], term->words[i]) != 0)
      return FALSE;
  return g_str_has_prefix (phrase->words[n - 1], term->words[n - 1]);
}

static void
add_alternative (GPtrArray       *clause,
                 PlxSearchPhrase *phrase)
{
  for (guint i = 0; i < clause->len; i++)
    if (plx_search_phrase_equal (g_ptr_array_index (clause, i), phrase))
      {
        plx_search_phrase_free (phrase);
        return;
      }
  g_ptr_array_add (clause, phrase);
}

/* Adds every term of each group one of @clause's phrases belongs to. */
static void
widen (GPtrArray *clause,
       GPtrArray *equivalences)
{
  guint n = clause->len;

  for (guint g = 0; equivalences != NULL && g < equivalences->len; g++)
    {
      const char * const *group = g_ptr_array_index (equivalences, g);
      g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) plx_search_phrase_free);
      gboolean member = FALSE;

      for (guint t = 0; group[t] != NULL; t++)
        {
          PlxSearchPhrase *term = plx_search_phrase_parse (group[t]);

          if (term != NULL)
            g_ptr_array_add (terms, term);
        }
      for (guint i = 0; i < n && !member; i++)
        for (guint t = 0; t < terms->len && !member; t++)
          member = phrase_is_term (g_ptr_array_index (clause, i), g_ptr_array_index (terms, t));
      if (!member)
        continue;
      while (terms->len > 0)
        add_alternative (clause, g_ptr_array_steal_index (terms, 0));
    }
}

static gboolean
fail (GError    **error,
      const char *text,
      const char *at,
      const char *what)
{
  g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
               _("The search “%s” cannot be read at column %ld: %s"),
               text, g_utf8_pointer_to_offset (text, at) + 1, what);
  return FALSE;
}

/**
 * plx_search_query_parse:
 * @equivalences: (nullable) (element-type GStrv): groups of terms that
 *   are one name
 *
 * Reads what the user typed. An unclosed quote, a dangling OR or nothing
 * to search for is an error naming the column.
 */
PlxSearchQuery *
plx_search_query_parse (const char  *text,
                        GPtrArray   *equivalences,
                        GError     **error)
{
  g_autoptr(PlxSearchQuery) query = g_new0 (PlxSearchQuery, 1);
  GPtrArray *clause = NULL;
  gboolean pending_or = FALSE;
  const char *or_at = NULL;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  query->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("The search is not valid UTF-8"));
      return NULL;
    }
  while (*p != '\0')
    {
      const char *start;
      const char *end;
      PlxSearchPhrase *phrase;
      gboolean prefix = FALSE;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      if (*p == '"')
        {
          const char *close = strchr (p + 1, '"');

          if (close == NULL)
            {
              fail (error, text, start, _("the quote opened here is not closed"));
              return NULL;
            }
          p = close + 1;
          if (*p == '*')
            {
              prefix = TRUE;
              p++;
            }
          phrase = phrase_new (start + 1, close - start - 1, prefix);
          if (phrase == NULL)
            {
              fail (error, text, start, _("the quoted phrase holds no word"));
              return NULL;
            }
        }
      else
        {
          while (*p != '\0' && *p != '"' && !g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          end = p;
          if (end - start == 2 && strncmp (start, "OR", 2) == 0)
            {
              if (clause == NULL || pending_or)
                {
                  fail (error, text, start, _("OR needs a word before it"));
                  return NULL;
                }
              pending_or = TRUE;
              or_at = start;
              continue;
            }
          if (end > start && end[-1] == '*')
            {
              prefix = TRUE;
              end--;
            }
          phrase = phrase_new (start, end - start, prefix);
          /* Punctuation alone ("–", "&") is no word, and no error. */
          if (phrase == NULL)
            continue;
        }
      if (!pending_or || clause == NULL)
        {
          clause = g_ptr_array_new_with_free_func ((GDestroyNotify) plx_search_phrase_free);
          g_ptr_array_add (query->clauses, clause);
        }
      add_alternative (clause, phrase);
      pending_or = FALSE;
    }
  if (pending_or)
    {
      fail (error, text, or_at, _("OR needs a word after it"));
      return NULL;
    }
  if (query->clauses->len == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("The search “%s” holds no word to look for"), text);
      return NULL;
    }
  for (guint i = 0; i < query->clauses->len; i++)
    widen (g_ptr_array_index (query->clauses, i), equivalences);
  return g_steal_pointer (&query);
}

/* The query as searched, folded and widened: (karabakh | artsakh) peace*. */
char *
plx_search_query_describe (const PlxSearchQuery *query)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < query->clauses->len; c++)
    {
      GPtrArray *clause = g_ptr_array_index (query->clauses, c);

      if (c > 0)
        g_string_append_c (out, ' ');
      if (clause->len > 1)
        g_string_append_c (out, '(');
      for (guint i = 0; i < clause->len; i++)
        {
          const PlxSearchPhrase *phrase = g_ptr_array_index (clause, i);
          g_autofree char *words = g_strjoinv (" ", phrase->words);
          gboolean quote = phrase->words[1] != NULL;

          if (i > 0)
            g_string_append (out, " | ");
          g_string_append_printf (out, "%s%s%s%s", quote ? "\"" : "", words, quote ? "\"" : "",
                                  phrase->prefix ? "*" : "");
        }
      if (clause->len > 1)
        g_string_append_c (out, ')');
    }
  return g_string_free (out, FALSE);
}
