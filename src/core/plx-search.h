/* plx-search.h: search across a project's documents, keyword in context,
 * the equivalences it knows, and search-and-code (docs/search.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-change-set.h"
#include "plx-project.h"
#include "plx-search-fold.h"
#include "plx-search-hit.h"
#include "plx-search-query.h"

G_BEGIN_DECLS

GPtrArray    *plx_search_run                  (PlxProject          *project,
                                               const char          *text,
                                               gint64               document_id,
                                               guint                limit,
                                               gboolean            *truncated,
                                               GError             **error);
GPtrArray    *plx_search_default_equivalences (void);
GPtrArray    *plx_search_list_equivalences    (PlxProject          *project,
                                               GError             **error);
gboolean      plx_search_set_equivalences     (PlxProject          *project,
                                               GPtrArray           *groups,
                                               GError             **error);
gboolean      plx_search_add_equivalence      (PlxProject          *project,
                                               const char * const  *terms,
                                               GError             **error);
gboolean      plx_search_remove_equivalence   (PlxProject          *project,
                                               const char * const  *terms,
                                               GError             **error);
GPtrArray    *plx_search_parse_equivalences   (const char          *text,
                                               GError             **error);
char         *plx_search_format_equivalences  (GPtrArray           *groups);
PlxChangeSet *plx_search_code_changes         (PlxProject          *project,
                                               GPtrArray           *hits,
                                               gint64               perspective_id,
                                               const char * const  *themes,
                                               const char          *author,
                                               guint               *n_skipped,
                                               GError             **error);

G_END_DECLS
