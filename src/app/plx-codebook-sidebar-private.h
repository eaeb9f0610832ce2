/* plx-codebook-sidebar-private.h: what the sidebar's files share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-codebook-sidebar.h"

G_BEGIN_DECLS

struct _PlxCodebookSidebar
{
  GtkBox              parent_instance;

  PlxProject         *project;
  PlxHistory         *history;
  PlxThemeTree       *tree;
  GListModel         *annotations;
  PlxThemeRollup     *rollup;
  GtkTreeListModel   *tree_model;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GPtrArray          *count_labels;   /* the bound rows' count labels */
  GHashTable         *expanded;       /* UUIDs of the themes open, a set */
  guint               rollup_source;

  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkStack           *stack;
  GtkWidget          *search_bar;
  PlxCodebookSidebarPage *page;
  GtkStack           *views;        /* themes, memos */
  PlxCodebookSidebarMemos *memos;
  GMenuModel         *theme_menu;
};

/* plx-codebook-sidebar-counts.c */
void     _plx_codebook_sidebar_update_counts_label (PlxCodebookSidebar *self,
                                                    GtkLabel           *label);
gboolean _plx_codebook_sidebar_remake_rollup       (gpointer            self);
void     _plx_codebook_sidebar_queue_rollup        (PlxCodebookSidebar *self);

/* plx-codebook-sidebar-dnd.c: a row dragged onto another goes under it
 * ("codebook.move-under"), onto the list's free space to the top. */
void     _plx_codebook_sidebar_dnd_init            (PlxCodebookSidebar *self);
void     _plx_codebook_sidebar_dnd_setup_row       (PlxCodebookSidebar *self,
                                                    GtkWidget          *row);

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
