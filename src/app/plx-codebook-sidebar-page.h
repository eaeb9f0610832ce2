/* plx-codebook-sidebar-page.h: a theme's page in the codebook sidebar:
 * its definition and notes, anchor examples and every passage tagged
 * with it across documents.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_CODEBOOK_SIDEBAR_PAGE (plx_codebook_sidebar_page_get_type ())
G_DECLARE_FINAL_TYPE (PlxCodebookSidebarPage, plx_codebook_sidebar_page, PLX, CODEBOOK_SIDEBAR_PAGE, GtkBox)

void        plx_codebook_sidebar_page_set_project          (PlxCodebookSidebarPage *self,
                                                            PlxProject             *project,
                                                            PlxThemeTree           *tree);
gboolean    plx_codebook_sidebar_page_show_theme           (PlxCodebookSidebarPage *self,
                                                            const char             *uuid);
const char *plx_codebook_sidebar_page_get_uuid             (PlxCodebookSidebarPage *self);
void        plx_codebook_sidebar_page_refresh              (PlxCodebookSidebarPage *self);
GtkListBox *plx_codebook_sidebar_page_get_passages         (PlxCodebookSidebarPage *self);
void        plx_codebook_sidebar_page_set_include_children (PlxCodebookSidebarPage *self,
                                                            gboolean                include);
void        plx_codebook_sidebar_page_focus                (PlxCodebookSidebarPage *self);

G_END_DECLS
