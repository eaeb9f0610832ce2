/* plx-search-view.h: search across all documents, keyword in context,
 * and search-and-code.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

/* The most hits shown at once; a narrower search shows the rest. */
#define PLX_SEARCH_VIEW_LIMIT 1000

#define PLX_TYPE_SEARCH_VIEW (plx_search_view_get_type ())
G_DECLARE_FINAL_TYPE (PlxSearchView, plx_search_view, PLX, SEARCH_VIEW, GtkWidget)

void        plx_search_view_set_project  (PlxSearchView *self,
                                          PlxProject    *project,
                                          PlxHistory    *history);
void        plx_search_view_focus_entry  (PlxSearchView *self);
void        plx_search_view_set_author   (PlxSearchView *self,
                                          const char    *author);
GListModel *plx_search_view_get_hits     (PlxSearchView *self);

G_END_DECLS
