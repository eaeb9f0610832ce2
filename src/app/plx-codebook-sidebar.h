/* plx-codebook-sidebar.h: the codebook beside the text: the theme tree with
 * each theme's passages per perspective, a search, and the operations
 * (new, rename, define, move, merge, delete), each one undo step.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-codebook-sidebar-memos.h"
#include "plx-codebook-sidebar-page.h"
#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_CODEBOOK_SIDEBAR (plx_codebook_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (PlxCodebookSidebar, plx_codebook_sidebar, PLX, CODEBOOK_SIDEBAR, GtkBox)

void        plx_codebook_sidebar_set_project     (PlxCodebookSidebar *self,
                                                  PlxProject         *project,
                                                  PlxHistory         *history);
void        plx_codebook_sidebar_set_annotations (PlxCodebookSidebar *self,
                                                  GListModel         *annotations);
gboolean    plx_codebook_sidebar_select_theme    (PlxCodebookSidebar *self,
                                                  const char         *uuid);
PlxTheme   *plx_codebook_sidebar_get_selected    (PlxCodebookSidebar *self);
GListModel *plx_codebook_sidebar_get_rows        (PlxCodebookSidebar *self);
char       *plx_codebook_sidebar_dup_counts_text (PlxCodebookSidebar *self,
                                                  const char         *uuid);


/* The theme page (plx-codebook-sidebar-page.h): NULL unless shown. */
gboolean    plx_codebook_sidebar_open_theme      (PlxCodebookSidebar *self,
                                                  const char         *uuid);
PlxCodebookSidebarPage *plx_codebook_sidebar_get_page (PlxCodebookSidebar *self);
void        plx_codebook_sidebar_show_memos      (PlxCodebookSidebar *self);
void        plx_codebook_sidebar_cite_passage    (PlxCodebookSidebar *self,
                                                  const char         *uuid);
PlxCodebookSidebarMemos *plx_codebook_sidebar_get_memos (PlxCodebookSidebar *self);

G_END_DECLS
