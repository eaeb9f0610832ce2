/* plx-palette.h: colours for new perspectives.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

const char *plx_palette_pick     (GListModel *perspectives);
double      plx_palette_distance (const char *a,
                                  const char *b);
const char *plx_palette_for_name (const char *name);
const char *plx_palette_for_coder (const char         *name,
                                   const char * const *coders);

G_END_DECLS
