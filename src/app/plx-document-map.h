/* plx-document-map.h: every passage drawn at its place along the document,
 * one lane per perspective, in the perspective's colour.
 *
 * Clicking or dragging activates "win.scroll-to-offset" with the
 * code-point offset under the pointer (a "u" target). It takes focus:
 * the arrow keys step through twenty stretches of the document, each
 * named with its coverage per perspective for screen readers, and Enter
 * activates "win.read-at-offset" with the stretch's first offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_DOCUMENT_MAP (plx_document_map_get_type ())
G_DECLARE_FINAL_TYPE (PlxDocumentMap, plx_document_map, PLX, DOCUMENT_MAP, GtkWidget)

GtkWidget   *plx_document_map_new           (void);
void         plx_document_map_set_model     (PlxDocumentMap *self,
                                             PlxDocument    *document,
                                             GListModel     *perspectives,
                                             GListModel     *annotations);
void         plx_document_map_set_viewport  (PlxDocumentMap *self,
                                             guint           start,
                                             guint           end);
guint        plx_document_map_get_n_lanes   (PlxDocumentMap *self);
void         plx_document_map_set_stretch   (PlxDocumentMap *self,
                                             guint           stretch);
guint        plx_document_map_get_stretch   (PlxDocumentMap *self);
const guint *plx_document_map_get_buckets   (PlxDocumentMap *self,
                                             guint           lane,
                                             guint          *n_buckets);
guint        plx_document_map_offset_at     (PlxDocumentMap *self,
                                             double          position);
GskRenderNode *plx_document_map_render     (PlxDocumentMap *self,
                                             int             width,
                                             int             height);
void         plx_document_map_get_lane_extent (PlxDocumentMap *self,
                                             guint           lane,
                                             int             cross,
                                             float          *offset,
                                             float          *size);

G_END_DECLS
