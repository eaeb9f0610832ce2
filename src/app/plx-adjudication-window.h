/* plx-adjudication-window.h: two coders compared in a document, a lane
 * each (and one for the curated layer) in a document map, their
 * disagreements listed and decided from the keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_ADJUDICATION_WINDOW (plx_adjudication_window_get_type ())
G_DECLARE_FINAL_TYPE (PlxAdjudicationWindow, plx_adjudication_window, PLX, ADJUDICATION_WINDOW, AdwWindow)

GtkWidget       *plx_adjudication_window_new         (GtkWindow          *parent,
                                                      PlxHistory         *history,
                                                      PlxDocument        *document,
                                                      const char * const *coders);
gboolean         plx_adjudication_window_start       (PlxAdjudicationWindow *self,
                                                      const char         *coder_a,
                                                      const char         *coder_b,
                                                      const char         *curator,
                                                      GError            **error);
PlxAdjudication *plx_adjudication_window_get_session (PlxAdjudicationWindow *self);
guint            plx_adjudication_window_get_current (PlxAdjudicationWindow *self);
const char      *plx_adjudication_window_get_progress (PlxAdjudicationWindow *self);
GtkWidget       *plx_adjudication_window_get_map     (PlxAdjudicationWindow *self);

G_END_DECLS
