/* plx-perspective-panel.h: the passages of one perspective, as cards.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_PERSPECTIVE_PANEL (plx_perspective_panel_get_type ())
G_DECLARE_FINAL_TYPE (PlxPerspectivePanel, plx_perspective_panel, PLX, PERSPECTIVE_PANEL, GtkBox)

GtkWidget      *plx_perspective_panel_new             (PlxPerspective      *perspective,
                                                       GListModel          *annotations);
PlxPerspective *plx_perspective_panel_get_perspective (PlxPerspectivePanel *self);
GListModel     *plx_perspective_panel_get_model       (PlxPerspectivePanel *self);
void            plx_perspective_panel_set_query       (PlxPerspectivePanel *self,
                                                       const char          *text,
                                                       const char * const  *themes);
void            plx_perspective_panel_set_number      (PlxPerspectivePanel *self,
                                                       guint                number);
void            plx_perspective_panel_set_document    (PlxPerspectivePanel *self,
                                                       PlxDocument         *document);
void            plx_perspective_panel_focus           (PlxPerspectivePanel *self);

G_END_DECLS
