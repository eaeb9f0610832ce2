/* plx-codebook-sidebar-private.h: what the sidebar's files share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-codebook-sidebar.h"

G_BEGIN_DECLS

/* plx-codebook-sidebar-dialogs.c: each question ends in an action of the
 * sidebar ("codebook.create", "codebook.rename-to", "codebook.define-as",
 * "codebook.merge-into", "codebook.move-under"). */
void _plx_codebook_sidebar_ask_new    (PlxCodebookSidebar *self);
void _plx_codebook_sidebar_ask_rename (PlxCodebookSidebar *self,
                                       PlxTheme           *theme);
void _plx_codebook_sidebar_ask_define (PlxCodebookSidebar *self,
                                       PlxTheme           *theme);
void _plx_codebook_sidebar_ask_target (PlxCodebookSidebar *self,
                                       PlxTheme           *theme,
                                       GPtrArray          *codebook,
                                       gboolean            merge);

G_END_DECLS
