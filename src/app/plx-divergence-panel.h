/* plx-divergence-panel.h: the Compare view's divergence between the
 * perspectives (docs/divergence.md): each pair's Jensen–Shannon
 * divergence with its interval, the themes that set them apart, a line
 * of the divergence section by section and the contested passages.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_DIVERGENCE_PANEL (plx_divergence_panel_get_type ())
G_DECLARE_FINAL_TYPE (PlxDivergencePanel, plx_divergence_panel, PLX, DIVERGENCE_PANEL, GtkWidget)

GtkWidget     *plx_divergence_panel_new            (void);
void           plx_divergence_panel_update         (PlxDivergencePanel *self,
                                                    PlxDocument        *document,
                                                    GListModel         *perspectives,
                                                    GListModel         *annotations);
PlxDivergence *plx_divergence_panel_get_divergence (PlxDivergencePanel *self);

G_END_DECLS
