/* plx-theme-tree.h: the codebook as live list models for a view: the top
 * themes and, for each theme, its children, each a GListModel of
 * PlxTheme, fit for GtkTreeListModel. It follows the project: after any
 * committed change or another process's, the same PlxTheme objects are
 * updated in place (property notifications) and the lists emit
 * items-changed where their members or order changed; then ::changed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plx-project.h"
#include "plx-theme.h"

G_BEGIN_DECLS

#define PLX_TYPE_THEME_TREE (plx_theme_tree_get_type ())
G_DECLARE_FINAL_TYPE (PlxThemeTree, plx_theme_tree, PLX, THEME_TREE, GObject)

PlxThemeTree *plx_theme_tree_new          (PlxProject    *project,
                                           GError       **error);
GListModel   *plx_theme_tree_get_roots    (PlxThemeTree  *self);
GListModel   *plx_theme_tree_get_children (PlxThemeTree  *self,
                                           PlxTheme      *parent);
PlxTheme     *plx_theme_tree_find         (PlxThemeTree  *self,
                                           const char    *uuid);
GPtrArray    *plx_theme_tree_get_codebook (PlxThemeTree  *self);
gboolean      plx_theme_tree_reload       (PlxThemeTree  *self,
                                           GError       **error);

G_END_DECLS
