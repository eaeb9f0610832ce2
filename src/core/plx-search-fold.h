/* plx-search-fold.h: how search sees text: words, folded so that case,
 * diacritics and the script Azerbaijani is written in do not matter.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called for each word of a text with its folded form and where it stands
 * in the text (bytes); returning FALSE stops the walk. */
typedef gboolean (*PlxSearchWordFunc) (const char *folded,
                                       gsize       folded_length,
                                       gsize       start,
                                       gsize       end,
                                       gpointer    user_data);

/* One piece of a document's text that the index keeps as a row. */
typedef struct {
  gsize start_byte;
  gsize length;        /* bytes */
  guint start;         /* code points from the start of the text */
} PlxSearchChunk;

void     plx_search_tokenize               (const char        *text,
                                            gsize              length,
                                            PlxSearchWordFunc  func,
                                            gpointer           user_data);
char   **plx_search_fold_words             (const char        *text);
char    *plx_search_fold                   (const char        *text);
GArray  *plx_search_chunk_text             (const char        *text,
                                            gsize              length);
char    *plx_search_az_to_latin            (const char        *text);
char    *plx_search_az_to_cyrillic         (const char        *text);
void     plx_search_cut_context            (const char        *text,
                                            gsize              length,
                                            gsize              start,
                                            gsize              end,
                                            guint              width,
                                            char             **left,
                                            char             **right);

G_END_DECLS
