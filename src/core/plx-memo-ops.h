/* plx-memo-ops.h: memos made, edited and deleted as change sets (one
 * undo step each), and what a memo's citations point at now.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "plx-change-set.h"
#include "plx-memo.h"
#include "plx-project.h"

G_BEGIN_DECLS

GPtrArray    *plx_project_list_memos      (PlxProject          *self,
                                           GError             **error);
PlxMemo      *plx_project_find_memo       (PlxProject          *self,
                                           const char          *uuid,
                                           GError             **error);
PlxChangeSet *plx_memo_changes_add        (PlxProject          *project,
                                           PlxMemo             *memo,
                                           GError             **error);
PlxChangeSet *plx_memo_changes_edit       (PlxProject          *project,
                                           PlxMemo             *edited,
                                           GError             **error);
PlxChangeSet *plx_memo_changes_delete     (PlxProject          *project,
                                           const char          *uuid,
                                           GError             **error);
GPtrArray    *plx_memo_resolve_citations  (PlxMemo             *memo,
                                           PlxProject          *project,
                                           GError             **error);

/* plx-theme-json.c */
void          plx_memo_build_json         (PlxMemo             *memo,
                                           const char          *about,
                                           gint64               about_document,
                                           JsonBuilder         *builder);
PlxMemo      *plx_memo_new_from_json      (JsonNode            *node,
                                           const char          *where,
                                           char               **about,
                                           GError             **error);

G_END_DECLS
