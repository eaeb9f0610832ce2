/* plx-tag-popover.h: pick a perspective, themes and a note for a passage.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_TAG_POPOVER (plx_tag_popover_get_type ())
G_DECLARE_FINAL_TYPE (PlxTagPopover, plx_tag_popover, PLX, TAG_POPOVER, GtkPopover)

GtkWidget *plx_tag_popover_new                (void);
void       plx_tag_popover_set_perspectives   (PlxTagPopover      *self,
                                               GListModel         *perspectives);
void       plx_tag_popover_set_known_themes   (PlxTagPopover      *self,
                                              const char * const *themes,
                                              GPtrArray          *codebook);
void       plx_tag_popover_prepare            (PlxTagPopover      *self,
                                               const char         *title,
                                               gint64              perspective_id,
                                               const char * const *themes,
                                               const char         *note);
gint64     plx_tag_popover_get_perspective_id (PlxTagPopover      *self);
char     **plx_tag_popover_dup_themes         (PlxTagPopover      *self);
const char *plx_tag_popover_get_note          (PlxTagPopover      *self);
void       plx_tag_popover_select_number      (PlxTagPopover      *self,
                                               guint               number);
const char *plx_tag_popover_get_offer         (PlxTagPopover      *self);

G_END_DECLS
