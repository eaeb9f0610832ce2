/* plx-search.c: search across all documents of a project: the query is
 * read and widened by the project's equivalences here, the store finds
 * the hits (plx_store_search()), and each hit learns its document's title
 * and the perspectives already tagging it. Search-and-code turns hits
 * into one change set.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-search"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-search.h"

/* The longest term an equivalence takes, in code points. */
#define MAX_TERM_LENGTH 200

/* The names of the conflict and of the places the essay is about, in
 * English, Azerbaijani, Russian and Armenian (each also in Azerbaijani
 * Cyrillic through transliteration, which also makes Шуша Şuşa and
 * Лачин Laçın, so neither is listed twice). A term ending in * stands for every
 * word starting so: Russian, Armenian and Azerbaijani inflect names
 * (Карабаха, Արցախում, Qarabağda). */
static const char * const default_equivalences[][10] = {
  { "Nagorno-Karabakh", "Karabakh", "Karabagh", "Artsakh", "Qarabağ*", "Карабах*", "Арцах*", "Ղարաբաղ*", "Արցախ*", NULL },
  { "Stepanakert", "Khankendi", "Xankəndi*", "Степанакерт*", "Ханкенди", "Ստեփանակերտ*", NULL },
  { "Shusha", "Shushi", "Şuşa*", "Шуши", "Шушу", "Շուշի*", NULL },
  { "Lachin", "Laçın*", "Berdzor*", "Բերձոր*", NULL },
  { "peacekeep*", "миротвор*", "sülhməramlı*", "խաղաղապահ*", NULL },
  { "Yerevan", "İrəvan*", "Ереван*", "Երևան*", NULL },
  { "Baku", "Bakı*", "Բաքու*", NULL },
  { "Azerbaijan*", "Azərbaycan*", "Азербайджан*", "Ադրբեջան*", NULL },
  { "Armenia*", "Ermənistan*", "Армени*", "Հայաստան*", NULL },
  { "Russia*", "Rusiya*", "Росси*", "Ռուսաստան*", NULL },
  { "Moscow", "Moskva*", "Москв*", "Մոսկվա*", NULL },
};

/* Returns: (transfer full) (element-type GStrv): what a new project (or
 * one brought up to version 6) starts with. */
GPtrArray *
plx_search_default_equivalences (void)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < G_N_ELEMENTS (default_equivalences); i++)
    g_ptr_array_add (groups, g_strdupv ((char **) default_equivalences[i]));
  return groups;
}

/* ---- searching ---- */

static gboolean
overlaps (PlxAnnotation *annotation,
          PlxSearchHit  *hit)
{
  return plx_annotation_get_start (annotation) < plx_search_hit_get_end (hit) &&
         plx_annotation_get_end (annotation) > plx_search_hit_get_start (hit);
}

/* Marks the hits [from, to) of one document with the perspectives whose
 * passages overlap them, in the project's order. */
static gboolean
mark_perspectives (PlxProject  *project,
                   GPtrArray   *hits,
                   guint        from,
                   guint        to,
                   GError     **error)
{
  PlxAnnotationQuery query = { plx_search_hit_get_document_id (g_ptr_array_index (hits, from)), 0, NULL };
  g_autoptr(GPtrArray) annotations = plx_project_list_annotations (project, &query, error);
  GListModel *perspectives = plx_project_get_perspectives (project);
  guint n_perspectives = g_list_model_get_n_items (perspectives);

  if (annotations == NULL)
    return FALSE;
  if (annotations->len == 0)
    return TRUE;
  for (guint h = from; h < to; h++)
    {
      PlxSearchHit *hit = g_ptr_array_index (hits, h);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) found = NULL;

      for (guint p = 0; p < n_perspectives; p++)
        {
          g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, p);
          gint64 id = plx_perspective_get_id (perspective);

          for (guint a = 0; a < annotations->len; a++)
            {
              PlxAnnotation *annotation = g_ptr_array_index (annotations, a);

              if (plx_annotation_get_perspective_id (annotation) == id && overlaps (annotation, hit))
                {
                  g_strv_builder_add (names, plx_perspective_get_name (perspective));
                  break;
                }
            }
        }
      found = g_strv_builder_end (names);
      plx_search_hit_set_perspectives (hit, (const char * const *) found);
    }
  return TRUE;
}

/**
 * plx_search_run:
 * @text: what the user typed (plx-search-query.c)
 * @document_id: 0 for every document
 * @limit: the most hits to return; 0 for all
 * @truncated: (out) (optional): set when hits were left out for @limit
 *
 * Returns: (transfer container) (element-type PlxSearchHit): the hits,
 *   document by document in the order documents were added, each in text
 *   order, with their documents' titles and the perspectives tagging them.
 */
GPtrArray *
plx_search_run (PlxProject  *project,
                const char  *text,
                gint64       document_id,
                guint        limit,
                gboolean    *truncated,
                GError     **error)
{
  g_autoptr(GPtrArray) equivalences = NULL;
  g_autoptr(PlxSearchQuery) query = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  guint from = 0;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  equivalences = plx_store_list_equivalences (plx_project_get_store (project), error);
  if (equivalences == NULL)
    return NULL;
  query = plx_search_query_parse (text, equivalences, error);
  if (query == NULL)
    return NULL;
  hits = plx_store_search (plx_project_get_store (project), query, document_id, limit, truncated, error);
  if (hits == NULL)
    return NULL;
  if (hits->len == 0)
    return g_steal_pointer (&hits);

  for (guint h = 0; h <= hits->len; h++)
    {
      gint64 id = 0;

      if (h < hits->len)
        id = plx_search_hit_get_document_id (g_ptr_array_index (hits, h));
      if (h == hits->len || id != plx_search_hit_get_document_id (g_ptr_array_index (hits, from)))
        {
          if (!mark_perspectives (project, hits, from, h, error))
            return NULL;
          from = h;
        }
    }
  return g_steal_pointer (&hits);
}

/* ---- equivalences ---- */

GPtrArray *
plx_search_list_equivalences (PlxProject  *project,
                              GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  return plx_store_list_equivalences (plx_project_get_store (project), error);
}

/* The key of a term: its folded words, with a * when it is a prefix. */
static char *
term_key (const char *term)
{
  g_autoptr(PlxSearchPhrase) phrase = plx_search_phrase_parse (term);
  g_autofree char *words = NULL;

  if (phrase == NULL)
    return NULL;
  words = g_strjoinv (" ", phrase->words);
  return g_strconcat (words, phrase->prefix ? "*" : "", NULL);
}

/* Every group has two terms or more, each with a word, none too long,
 * none (folded) in two places. */
static gboolean
check_groups (GPtrArray  *groups,
              GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint g = 0; g < groups->len; g++)
    {
      const char * const *terms = g_ptr_array_index (groups, g);

      if (g_strv_length ((char **) terms) < 2)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("Equivalence %u names only one term: an equivalence needs two or more"), g + 1);
          return FALSE;
        }
      for (guint t = 0; terms[t] != NULL; t++)
        {
          g_autofree char *key = NULL;

          if (!g_utf8_validate (terms[t], -1, NULL) || g_utf8_strlen (terms[t], -1) > MAX_TERM_LENGTH)
            {
              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                           _("Equivalence %u: a term must be text of at most %d characters"), g + 1,
                           MAX_TERM_LENGTH);
              return FALSE;
            }
          key = term_key (terms[t]);
          if (key == NULL)
            {
              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                           _("Equivalence %u: “%s” holds no word"), g + 1, terms[t]);
              return FALSE;
            }
          if (g_hash_table_contains (seen, key))
            {
              g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                           _("Equivalence %u: “%s” is already a term of an equivalence"), g + 1, terms[t]);
              return FALSE;
            }
          g_hash_table_add (seen, g_steal_pointer (&key));
        }
    }
  return TRUE;
}

/* Replaces all the project's equivalences with @groups (of GStrv), after
 * checking them; bad ones change nothing. */
gboolean
plx_search_set_equivalences (PlxProject  *project,
                             GPtrArray   *groups,
                             GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (groups != NULL, FALSE);

  return check_groups (groups, error) &&
         plx_store_set_equivalences (plx_project_get_store (project), groups, error);
}

static gint
find_term (GPtrArray  *groups,
           const char *term,
           guint      *position)
{
  g_autofree char *key = term_key (term);

  if (key == NULL)
    return -1;
  for (guint g = 0; g < groups->len; g++)
    {
      const char * const *terms = g_ptr_array_index (groups, g);

      for (guint t = 0; terms[t] != NULL; t++)
        {
          g_autofree char *other = term_key (terms[t]);

          if (g_strcmp0 (key, other) == 0)
            {
              if (position != NULL)
                *position = t;
              return (gint) g;
            }
        }
    }
  return -1;
}

/**
 * plx_search_add_equivalence:
 * @terms: two terms or more; or one, with another already in a group
 *
 * Makes @terms one name: a new group, or added to the group one of them
 * is in already (groups they are in are joined).
 */
gboolean
plx_search_add_equivalence (PlxProject          *project,
                            const char * const  *terms,
                            GError             **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GStrvBuilder) merged = g_strv_builder_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) joined = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) group = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  groups = plx_search_list_equivalences (project, error);
  if (groups == NULL)
    return FALSE;
  for (guint t = 0; terms[t] != NULL; t++)
    {
      gint g = find_term (groups, terms[t], NULL);

      if (g >= 0)
        g_hash_table_add (joined, GINT_TO_POINTER (g + 1));
    }
  /* The groups joined, in their order, then the new terms. */
  for (guint g = 0; g < groups->len; g++)
    {
      char **old = g_ptr_array_index (groups, g);

      if (!g_hash_table_contains (joined, GINT_TO_POINTER (g + 1)))
        {
          g_ptr_array_add (kept, g_strdupv (old));
          continue;
        }
      for (guint t = 0; old[t] != NULL; t++)
        {
          char *key = term_key (old[t]);
          if (key != NULL && g_hash_table_add (keys, key))
            g_strv_builder_add (merged, old[t]);
        }
    }
  for (guint t = 0; terms[t] != NULL; t++)
    {
      char *key = term_key (terms[t]);

      if (key == NULL)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("“%s” holds no word"), terms[t]);
          return FALSE;
        }
      if (g_hash_table_add (keys, key))
        g_strv_builder_add (merged, terms[t]);
    }
  group = g_strv_builder_end (merged);
  if (g_strv_length (group) < 2)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("An equivalence needs two terms or more, or a term already in one"));
      return FALSE;
    }
  g_ptr_array_add (kept, g_steal_pointer (&group));
  return plx_search_set_equivalences (project, kept, error);
}

/* Takes @terms out of their groups; a group left with one term goes. An
 * unknown term is an error and changes nothing. */
gboolean
plx_search_remove_equivalence (PlxProject          *project,
                               const char * const  *terms,
                               GError             **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (PLX_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  groups = plx_search_list_equivalences (project, error);
  if (groups == NULL)
    return FALSE;
  for (guint t = 0; terms[t] != NULL; t++)
    {
      guint position = 0;
      gint g = find_term (groups, terms[t], &position);
      char **group;

      if (g < 0)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("“%s” is not a term of any equivalence"), terms[t]);
          return FALSE;
        }
      group = g_ptr_array_index (groups, g);
      g_free (group[position]);
      memmove (group + position, group + position + 1, (g_strv_length (group) - position) * sizeof (char *));
    }
  for (guint g = 0; g < groups->len; g++)
    {
      char **group = g_ptr_array_index (groups, g);

      if (g_strv_length (group) >= 2)
        g_ptr_array_add (kept, g_strdupv (group));
    }
  return plx_search_set_equivalences (project, kept, error);
}

/**
 * plx_search_parse_equivalences:
 *
 * Reads equivalences written one group a line, terms separated by “=”
 * (blank lines and lines starting with # skipped), as the app's editor
 * and `parallax-cli equivalences … list` show them. An error names the
 * line.
 */
GPtrArray *
plx_search_parse_equivalences (const char  *text,
                               GError     **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) parts = NULL;
      g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();
      char *line = g_strstrip (lines[l]);

      if (*line == '\0' || *line == '#')
        continue;
      parts = g_strsplit (line, "=", -1);
      for (guint p = 0; parts[p] != NULL; p++)
        {
          char *term = g_strstrip (parts[p]);

          if (*term == '\0')
            {
              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                           _("Line %u: a term between “=” is empty"), l + 1);
              return NULL;
            }
          g_strv_builder_add (terms, term);
        }
      g_ptr_array_add (groups, g_strv_builder_end (terms));
      if (!check_groups (groups, &local_error))
        {
          g_set_error (error, PLX_ERROR, local_error->code, _("Line %u: %s"), l + 1, local_error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&groups);
}

char *
plx_search_format_equivalences (GPtrArray *groups)
{
  GString *out = g_string_new (NULL);

  for (guint g = 0; g < groups->len; g++)
    {
      g_autofree char *line = g_strjoinv (" = ", g_ptr_array_index (groups, g));

      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

/* ---- search and code ---- */

/**
 * plx_search_code_changes:
 * @hits: (element-type PlxSearchHit): the hits to tag
 * @n_skipped: (out) (optional): hits left out because @perspective_id
 *   already tags exactly that passage
 *
 * Returns: (transfer full): one change set tagging each hit with the
 *   perspective and @themes, for plx_history_apply_changes() (one step
 *   to undo) or plx_project_apply(). Empty when every hit was skipped.
 */
PlxChangeSet *
plx_search_code_changes (PlxProject          *project,
                         GPtrArray           *hits,
                         gint64               perspective_id,
                         const char * const  *themes,
                         const char          *author,
                         guint               *n_skipped,
                         GError             **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(PlxDocument) document = NULL;
  guint skipped = 0;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (hits != NULL, NULL);

  if (plx_project_find_perspective (project, perspective_id) == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                   _("There is no perspective with id %" PRId64 " in this project"), (int64_t) perspective_id);
      return NULL;
    }
  for (guint h = 0; h < hits->len; h++)
    {
      PlxSearchHit *hit = g_ptr_array_index (hits, h);
      gint64 id = plx_search_hit_get_document_id (hit);
      g_autoptr(PlxAnnotation) annotation = NULL;
      gboolean duplicate = FALSE;

      if (document == NULL || plx_document_get_id (document) != id)
        {
          PlxAnnotationQuery query = { id, perspective_id, NULL };

          g_clear_object (&document);
          g_clear_pointer (&existing, g_ptr_array_unref);
          document = plx_project_load_document (project, id, error);
          if (document == NULL)
            return NULL;
          existing = plx_project_list_annotations (project, &query, error);
          if (existing == NULL)
            return NULL;
        }
      for (guint a = 0; a < existing->len && !duplicate; a++)
        {
          PlxAnnotation *other = g_ptr_array_index (existing, a);

          duplicate = plx_annotation_get_start (other) == plx_search_hit_get_start (hit) &&
                      plx_annotation_get_end (other) == plx_search_hit_get_end (hit);
        }
      if (duplicate)
        {
          skipped++;
          continue;
        }
      annotation = plx_annotation_new_for_range (document, plx_search_hit_get_start (hit),
                                                 plx_search_hit_get_end (hit), perspective_id, error);
      if (annotation == NULL)
        return NULL;
      if (themes != NULL)
        plx_annotation_set_themes (annotation, themes);
      if (author != NULL)
        plx_annotation_set_author (annotation, author);
      plx_change_set_add_annotation (changes, NULL, annotation);
    }
  if (n_skipped != NULL)
    *n_skipped = skipped;
  return g_steal_pointer (&changes);
}
