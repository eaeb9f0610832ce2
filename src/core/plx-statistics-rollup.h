/* plx-statistics-rollup.h: the theme × perspective counts at both levels
 * of the codebook: a theme's own passages, and its passages rolled up
 * with every theme under it (a passage counts once in a parent even if it
 * carries the parent and a child, or two children).
 *
 * Rows are every theme of the codebook, depth first (a parent before its
 * children, siblings by name), then any theme passages name that the
 * codebook lacks (at the top). Counts are passages; annotations of
 * perspectives not in the list are left out, as in PlxStatistics.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "plx-theme.h"

G_BEGIN_DECLS

typedef enum {
  PLX_ROLLUP_OWN,      /* passages tagged with the theme itself */
  PLX_ROLLUP_ROLLED,   /* … with it or any theme under it */
} PlxRollupLevel;

#define PLX_TYPE_THEME_ROLLUP (plx_theme_rollup_get_type ())
G_DECLARE_FINAL_TYPE (PlxThemeRollup, plx_theme_rollup, PLX, THEME_ROLLUP, GObject)

PlxThemeRollup *plx_theme_rollup_new           (GPtrArray      *codebook,
                                                GListModel     *perspectives,
                                                GListModel     *annotations);
guint           plx_theme_rollup_get_n_rows    (PlxThemeRollup *self);
guint           plx_theme_rollup_get_n_perspectives (PlxThemeRollup *self);
PlxTheme       *plx_theme_rollup_get_theme     (PlxThemeRollup *self,
                                                guint           row);
const char     *plx_theme_rollup_get_path      (PlxThemeRollup *self,
                                                guint           row);
guint           plx_theme_rollup_get_depth     (PlxThemeRollup *self,
                                                guint           row);
int             plx_theme_rollup_get_parent_row (PlxThemeRollup *self,
                                                guint           row);
int             plx_theme_rollup_find          (PlxThemeRollup *self,
                                                const char     *uuid_or_name);
guint           plx_theme_rollup_get_count     (PlxThemeRollup *self,
                                                guint           row,
                                                guint           perspective,
                                                PlxRollupLevel  level);
guint           plx_theme_rollup_get_total     (PlxThemeRollup *self,
                                                guint           row,
                                                PlxRollupLevel  level);
GPtrArray      *plx_theme_rollup_build_table   (PlxThemeRollup *self,
                                                gboolean        used_only);
void            plx_theme_rollup_build_json    (PlxThemeRollup *self,
                                                JsonBuilder    *builder,
                                                gboolean        used_only);

G_END_DECLS
