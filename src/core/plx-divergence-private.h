/* plx-divergence-private.h: what plx-divergence.c and
 * plx-divergence-spans.c share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-divergence.h"

G_BEGIN_DECLS

GPtrArray *_plx_divergence_find_contested (PlxDivergence *self);
void       _plx_contested_span_free       (PlxContestedSpan *span);

G_END_DECLS
