/* plx-highlighter.h: shows a document's annotations as text tags.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_HIGHLIGHT_TAG_PREFIX "plx-highlight:"

#define PLX_TYPE_HIGHLIGHTER (plx_highlighter_get_type ())
G_DECLARE_FINAL_TYPE (PlxHighlighter, plx_highlighter, PLX, HIGHLIGHTER, GObject)

PlxHighlighter *plx_highlighter_new       (GtkTextView    *view,
                                           GListModel     *annotations,
                                           GListModel     *perspectives);
void            plx_highlighter_refresh   (PlxHighlighter *self);
gboolean        plx_highlighter_parse_tag (GtkTextTag     *tag,
                                           GArray        **perspective_ids);

G_END_DECLS
