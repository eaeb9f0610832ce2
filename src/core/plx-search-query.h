/* plx-search-query.h: what a search asks for, parsed from what the user
 * typed and widened by the project's equivalences; a store turns it into
 * its own query language (FTS5 MATCH, tsquery).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Words in a row, folded (plx_search_fold_words()); with @prefix, the
 * last word is the start of a word. */
typedef struct {
  char     **words;
  gboolean   prefix;
} PlxSearchPhrase;

/* Every clause must match, each by any of its phrases. */
typedef struct {
  GPtrArray *clauses;   /* of GPtrArray of PlxSearchPhrase */
} PlxSearchQuery;

PlxSearchQuery *plx_search_query_parse    (const char      *text,
                                           GPtrArray       *equivalences,
                                           GError         **error);
void            plx_search_query_free     (PlxSearchQuery  *query);
char           *plx_search_query_describe (const PlxSearchQuery *query);
PlxSearchPhrase *plx_search_phrase_parse  (const char      *term);
void            plx_search_phrase_free    (PlxSearchPhrase *phrase);
gboolean        plx_search_phrase_equal   (const PlxSearchPhrase *a,
                                           const PlxSearchPhrase *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxSearchQuery, plx_search_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxSearchPhrase, plx_search_phrase_free)

G_END_DECLS
