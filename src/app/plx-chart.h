/* plx-chart.h: the document map as an image that stands alone: the
 * document's title, a legend of the perspectives' colours, a label on
 * each perspective's lane and an axis of the position in the text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"
#include "plx-document-map.h"

G_BEGIN_DECLS

typedef struct {
  GskRenderNode   *node;
  int              width;
  int              height;
  graphene_rect_t  plot;     /* where the map itself lies */
  GPtrArray       *labels;   /* PangoLayout of every text drawn */
} PlxChart;

PlxChart *plx_chart_new_document_map (PlxDocumentMap  *map,
                                      PlxDocument     *document,
                                      GListModel      *perspectives,
                                      int              plot_width,
                                      int              plot_height);
gboolean  plx_chart_save_png         (PlxChart        *self,
                                      GFile           *file,
                                      GError         **error);
void      plx_chart_free             (PlxChart        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxChart, plx_chart_free)

G_END_DECLS
