/* plx-agreement-window.h: the coders' agreement as a table.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_AGREEMENT_WINDOW (plx_agreement_window_get_type ())
G_DECLARE_FINAL_TYPE (PlxAgreementWindow, plx_agreement_window, PLX, AGREEMENT_WINDOW, AdwWindow)

PlxAgreementWindow *plx_agreement_window_new          (GtkWindow          *parent,
                                                       PlxProject         *project);
gboolean            plx_agreement_window_get_computing (PlxAgreementWindow *self);

G_END_DECLS
