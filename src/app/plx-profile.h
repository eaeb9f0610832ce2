/* plx-profile.h: start-up timestamps for the benchmarks (PARALLAX_PROFILE=1).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void plx_profile_init                 (void);
void plx_profile_mark                 (const char *event);
void plx_profile_mark_after_next_paint (GtkWidget  *widget,
                                        const char *event);

G_END_DECLS
