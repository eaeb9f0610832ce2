/* plx-search-hit.h: one place a search found, keyword in context.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Code points of context a hit keeps on each side. */
#define PLX_SEARCH_CONTEXT_LENGTH 48

#define PLX_TYPE_SEARCH_HIT (plx_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (PlxSearchHit, plx_search_hit, PLX, SEARCH_HIT, GObject)

PlxSearchHit       *plx_search_hit_new                (gint64               document_id,
                                                       guint                start,
                                                       guint                end,
                                                       const char          *left,
                                                       const char          *match,
                                                       const char          *right);
gint64              plx_search_hit_get_document_id    (PlxSearchHit        *self);
guint               plx_search_hit_get_start          (PlxSearchHit        *self);
guint               plx_search_hit_get_end            (PlxSearchHit        *self);
const char         *plx_search_hit_get_left           (PlxSearchHit        *self);
const char         *plx_search_hit_get_match          (PlxSearchHit        *self);
const char         *plx_search_hit_get_right          (PlxSearchHit        *self);
const char         *plx_search_hit_get_document_title (PlxSearchHit        *self);
void                plx_search_hit_set_document_title (PlxSearchHit        *self,
                                                       const char          *title);
const char * const *plx_search_hit_get_perspectives   (PlxSearchHit        *self);
void                plx_search_hit_set_perspectives   (PlxSearchHit        *self,
                                                       const char * const  *names);
gboolean            plx_search_hit_get_selected       (PlxSearchHit        *self);
void                plx_search_hit_set_selected       (PlxSearchHit        *self,
                                                       gboolean             selected);

G_END_DECLS
