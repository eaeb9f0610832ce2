/* plx-codebook-sidebar-memos.h: the memos view of the codebook sidebar:
 * the project's memos listed, made, edited, cited from and deleted, each
 * change one undo step.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_CODEBOOK_SIDEBAR_MEMOS (plx_codebook_sidebar_memos_get_type ())
G_DECLARE_FINAL_TYPE (PlxCodebookSidebarMemos, plx_codebook_sidebar_memos, PLX, CODEBOOK_SIDEBAR_MEMOS, GtkBox)

void         plx_codebook_sidebar_memos_set_project     (PlxCodebookSidebarMemos *self,
                                                         PlxProject              *project,
                                                         PlxHistory              *history);
void         plx_codebook_sidebar_memos_set_theme       (PlxCodebookSidebarMemos *self,
                                                         const char              *uuid);
PlxMemo     *plx_codebook_sidebar_memos_get_editing     (PlxCodebookSidebarMemos *self);
GtkListBox  *plx_codebook_sidebar_memos_get_list        (PlxCodebookSidebarMemos *self);
GtkEntry    *plx_codebook_sidebar_memos_get_title_entry (PlxCodebookSidebarMemos *self);
GtkTextView *plx_codebook_sidebar_memos_get_body_view   (PlxCodebookSidebarMemos *self);

G_END_DECLS
