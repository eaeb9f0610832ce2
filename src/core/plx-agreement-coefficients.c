/* plx-agreement-coefficients.c: the coefficients, over a reliability table
 * (units × coders); definitions and sources in docs/agreement.md.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-agreement"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plx-agreement.h"
#include "plx-bootstrap.h"

static inline int
value_at (const PlxReliabilityTable *table,
          guint                      unit,
          guint                      coder)
{
  return table->values[unit * table->n_coders + coder];
}

static inline double
weight_of (const PlxReliabilityTable *table,
           guint                      unit)
{
  return table->weights != NULL ? table->weights[unit] : 1.0;
}

static inline double
distance (const PlxReliabilityTable *table,
          int                        a,
          int                        b)
{
  if (table->distance != NULL)
    return table->distance[a * table->n_values + b];
  return a == b ? 0.0 : 1.0;
}

static guint
present_in (const PlxReliabilityTable *table,
            guint                      unit)
{
  guint m = 0;

  for (guint c = 0; c < table->n_coders; c++)
    m += value_at (table, unit, c) != PLX_AGREEMENT_MISSING;
  return m;
}

/* Krippendorff's α through the coincidence matrix: every pair of values
 * within a unit, each unit weighing 1 / (m − 1); units with fewer than two
 * values are not pairable and do not count. NAN when no disagreement can
 * be expected (a single value throughout) or nothing is pairable. */
double
plx_agreement_alpha (const PlxReliabilityTable *table)
{
  g_autofree double *coincidences = g_new0 (double, (gsize) table->n_values * table->n_values);
  g_autofree double *marginals = g_new0 (double, table->n_values);
  double n = 0, observed = 0, expected = 0;

  for (guint u = 0; u < table->n_units; u++)
    {
      guint m = present_in (table, u);

      if (m < 2)
        continue;
      for (guint i = 0; i < table->n_coders; i++)
        for (guint j = 0; j < table->n_coders; j++)
          {
            int a = value_at (table, u, i), b = value_at (table, u, j);

            if (i != j && a != PLX_AGREEMENT_MISSING && b != PLX_AGREEMENT_MISSING)
              coincidences[a * table->n_values + b] += weight_of (table, u) / (m - 1);
          }
    }
  for (guint c = 0; c < table->n_values; c++)
    for (guint k = 0; k < table->n_values; k++)
      {
        marginals[c] += coincidences[c * table->n_values + k];
        observed += coincidences[c * table->n_values + k] * distance (table, (int) c, (int) k);
      }
  for (guint c = 0; c < table->n_values; c++)
    n += marginals[c];
  for (guint c = 0; c < table->n_values; c++)
    for (guint k = 0; k < table->n_values; k++)
      expected += marginals[c] * marginals[k] * distance (table, (int) c, (int) k);
  if (n <= 1 || expected <= 0)
    return NAN;
  return 1.0 - (n - 1) * observed / expected;
}

/* Cohen's κ for two coders, on the units both coded. */
double
plx_agreement_cohen_kappa (const PlxReliabilityTable *table)
{
  g_autofree double *first = g_new0 (double, table->n_values);
  g_autofree double *second = g_new0 (double, table->n_values);
  double total = 0, agreed = 0, chance = 0;

  g_return_val_if_fail (table->n_coders == 2, NAN);

  for (guint u = 0; u < table->n_units; u++)
    {
      int a = value_at (table, u, 0), b = value_at (table, u, 1);
      double w = weight_of (table, u);

      if (a == PLX_AGREEMENT_MISSING || b == PLX_AGREEMENT_MISSING)
        continue;
      total += w;
      agreed += a == b ? w : 0;
      first[a] += w;
      second[b] += w;
    }
  if (total <= 0)
    return NAN;
  for (guint c = 0; c < table->n_values; c++)
    chance += (first[c] / total) * (second[c] / total);
  if (chance >= 1.0)
    return NAN;
  return (agreed / total - chance) / (1.0 - chance);
}

/* Fleiss' κ, on the units every coder coded. */
double
plx_agreement_fleiss_kappa (const PlxReliabilityTable *table)
{
  g_autofree double *category = g_new0 (double, table->n_values);
  g_autofree guint *counts = g_new0 (guint, table->n_values);
  double m = table->n_coders, units = 0, mean_p = 0, chance = 0;

  if (table->n_coders < 2)
    return NAN;
  for (guint u = 0; u < table->n_units; u++)
    {
      double w = weight_of (table, u), squares = 0;

      if (present_in (table, u) != table->n_coders)
        continue;
      memset (counts, 0, sizeof (guint) * table->n_values);
      for (guint c = 0; c < table->n_coders; c++)
        counts[value_at (table, u, c)]++;
      for (guint v = 0; v < table->n_values; v++)
        {
          squares += (double) counts[v] * counts[v];
          category[v] += w * counts[v];
        }
      mean_p += w * (squares - m) / (m * (m - 1));
      units += w;
    }
  if (units <= 0)
    return NAN;
  mean_p /= units;
  for (guint v = 0; v < table->n_values; v++)
    {
      double p = category[v] / (units * m);
      chance += p * p;
    }
  if (chance >= 1.0)
    return NAN;
  return (mean_p - chance) / (1.0 - chance);
}

/* The share of pairable units on which every coder gave the same value. */
double
plx_agreement_percent (const PlxReliabilityTable *table)
{
  double total = 0, agreed = 0;

  for (guint u = 0; u < table->n_units; u++)
    {
      int first = PLX_AGREEMENT_MISSING;
      gboolean same = TRUE;

      if (present_in (table, u) < 2)
        continue;
      for (guint c = 0; c < table->n_coders; c++)
        {
          int v = value_at (table, u, c);

          if (v == PLX_AGREEMENT_MISSING)
            continue;
          if (first == PLX_AGREEMENT_MISSING)
            first = v;
          else if (v != first && distance (table, first, v) > 0)
            same = FALSE;
        }
      total += weight_of (table, u);
      agreed += same ? weight_of (table, u) : 0;
    }
  return total > 0 ? agreed / total : NAN;
}

static gboolean
strv_has (const char * const *set,
          const char         *item)
{
  for (guint i = 0; set[i] != NULL; i++)
    if (strcmp (set[i], item) == 0)
      return TRUE;
  return FALSE;
}

/* Passonneau's MASI distance between two sets (of themes): 1 − J·M, J the
 * Jaccard index, M 1 for equal sets, 2/3 when one holds the other, 1/3
 * when they only overlap, 0 when disjoint. Two empty sets are equal. */
double
plx_agreement_masi_distance (const char * const *a,
                             const char * const *b)
{
  guint n_a = g_strv_length ((char **) a), n_b = g_strv_length ((char **) b), common = 0;
  double jaccard, monotonicity;

  if (n_a == 0 && n_b == 0)
    return 0.0;
  for (guint i = 0; i < n_a; i++)
    common += strv_has (b, a[i]);
  jaccard = (double) common / (n_a + n_b - common);
  if (common == n_a && common == n_b)
    monotonicity = 1.0;
  else if (common == n_a || common == n_b)
    monotonicity = 2.0 / 3.0;
  else if (common > 0)
    monotonicity = 1.0 / 3.0;
  else
    monotonicity = 0.0;
  return 1.0 - jaccard * monotonicity;
}

typedef struct {
  const PlxReliabilityTable *table;
  PlxReliabilityTable        sample;
  int                       *values;
  double                    *weights;
  PlxAgreementMeasure        measure;
} Resample;

/* The units drawn with replacement, then the measure of the resample. */
static void
resample_units (GRand    *rand,
                double   *value,
                gpointer  user_data)
{
  Resample *r = user_data;
  const PlxReliabilityTable *table = r->table;

  for (guint u = 0; u < table->n_units; u++)
    {
      guint from = (guint) g_rand_int_range (rand, 0, (gint32) table->n_units);

      memcpy (r->values + (gsize) u * table->n_coders, table->values + (gsize) from * table->n_coders,
              sizeof (int) * table->n_coders);
      r->weights[u] = weight_of (table, from);
    }
  *value = r->measure (&r->sample);
}

/* The 95% percentile interval of @measure over @n_samples resamples of the
 * units, drawn with replacement; @seed makes it repeatable. NAN when too
 * few resamples give a value. */
void
plx_agreement_bootstrap (const PlxReliabilityTable *table,
                         PlxAgreementMeasure        measure,
                         guint                      n_samples,
                         guint32                    seed,
                         double                    *ci_low,
                         double                    *ci_high)
{
  g_autofree int *values = g_new (int, (gsize) MAX (table->n_units, 1) * table->n_coders);
  g_autofree double *weights = g_new (double, MAX (table->n_units, 1));
  Resample r = { table, *table, values, weights, measure };

  *ci_low = *ci_high = NAN;
  if (table->n_units == 0 || n_samples == 0)
    return;
  r.sample.values = values;
  r.sample.weights = weights;
  plx_bootstrap_percentile (n_samples, seed, 1, resample_units, &r, ci_low, ci_high, NULL);
}
