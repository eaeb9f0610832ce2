/* plx-bootstrap.c: the 95% percentile interval of statistics over
 * resamples drawn from a seeded GRand, so that the same data give the
 * same intervals on every run and machine.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-bootstrap"

#include <math.h>
#include <stdlib.h>

#include "plx-bootstrap.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * plx_bootstrap_percentile:
 * @ci_low: (array length=n_values): out
 * @ci_high: (array length=n_values): out
 * @mean: (array length=n_values) (nullable): out, the mean of the defined
 *   values (the bootstrap's estimate of the statistic's bias is this
 *   less the value on the data)
 *
 * Runs @replicate @n_samples times on one GRand seeded with @seed and
 * gives, for each of the @n_values statistics, the 2.5th and 97.5th
 * percentiles of its defined values. NAN where fewer than half of the
 * resamples define it: an interval from a handful would mislead.
 */
void
plx_bootstrap_percentile (guint                  n_samples,
                          guint32                seed,
                          guint                  n_values,
                          PlxBootstrapReplicate  replicate,
                          gpointer               user_data,
                          double                *ci_low,
                          double                *ci_high,
                          double                *mean)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree double *results = g_new (double, (gsize) MAX (n_samples, 1) * MAX (n_values, 1));
  g_autofree double *values = g_new (double, MAX (n_values, 1));
  g_autofree guint *n_results = g_new0 (guint, MAX (n_values, 1));

  for (guint v = 0; v < n_values; v++)
    {
      ci_low[v] = ci_high[v] = NAN;
      if (mean != NULL)
        mean[v] = NAN;
    }
  if (n_samples == 0 || n_values == 0)
    return;
  for (guint s = 0; s < n_samples; s++)
    {
      replicate (rand, values, user_data);
      for (guint v = 0; v < n_values; v++)
        if (isfinite (values[v]))
          results[(gsize) v * n_samples + n_results[v]++] = values[v];
    }
  for (guint v = 0; v < n_values; v++)
    {
      double *mine = results + (gsize) v * n_samples;
      guint n = n_results[v];
      double sum = 0;


      if (n < n_samples / 2 || n == 0)
        continue;
      for (guint i = 0; i < n; i++)
        sum += mine[i];
      if (mean != NULL)
        mean[v] = sum / n;
      qsort (mine, n, sizeof (double), compare_doubles);
      ci_low[v] = mine[(guint) floor (0.025 * (n - 1))];
      ci_high[v] = mine[(guint) ceil (0.975 * (n - 1))];
    }
}
