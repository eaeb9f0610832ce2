/* plx-bootstrap.h: percentile bootstrap intervals, shared by the coders'
 * agreement and the divergence between perspectives.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One resample: draw from @rand and put the @n_values statistics of the
 * resample in @values (NAN where one is not defined on it). */
typedef void (*PlxBootstrapReplicate) (GRand    *rand,
                                       double   *values,
                                       gpointer  user_data);

void plx_bootstrap_percentile (guint                  n_samples,
                               guint32                seed,
                               guint                  n_values,
                               PlxBootstrapReplicate  replicate,
                               gpointer               user_data,
                               double                *ci_low,
                               double                *ci_high,
                               double                *mean);

G_END_DECLS
