/* plx-agreement.h: how far several coders agree on where passages are,
 * whose voice they are and what they are about (docs/agreement.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-project.h"

G_BEGIN_DECLS

/* ---- coefficients over a reliability table ---- */

/* A value a coder did not give. */
#define PLX_AGREEMENT_MISSING (-1)

/* @n_units rows of @n_coders values (0 … n_values − 1, or
 * PLX_AGREEMENT_MISSING), each row counted @weights[u] times (NULL: once);
 * @distance: n_values × n_values, 0 on the diagonal (NULL: nominal). */
typedef struct {
  guint         n_units;
  guint         n_coders;
  guint         n_values;
  const int    *values;
  const double *weights;
  const double *distance;
} PlxReliabilityTable;

double plx_agreement_alpha          (const PlxReliabilityTable *table);
double plx_agreement_cohen_kappa    (const PlxReliabilityTable *table);
double plx_agreement_fleiss_kappa   (const PlxReliabilityTable *table);
double plx_agreement_percent        (const PlxReliabilityTable *table);
double plx_agreement_masi_distance  (const char * const        *a,
                                     const char * const        *b);

typedef double (*PlxAgreementMeasure) (const PlxReliabilityTable *table);

void   plx_agreement_bootstrap      (const PlxReliabilityTable *table,
                                     PlxAgreementMeasure        measure,
                                     guint                      n_samples,
                                     guint32                    seed,
                                     double                    *ci_low,
                                     double                    *ci_high);

/* ---- a project's coders ---- */

typedef enum {
  PLX_AGREEMENT_BY_NONE,
  PLX_AGREEMENT_BY_PERSPECTIVE,
  PLX_AGREEMENT_BY_THEME,
  PLX_AGREEMENT_BY_SECTION,
} PlxAgreementBy;

typedef struct {
  char   *measure;   /* alpha_u, alpha_nominal, cohen_kappa, fleiss_kappa, alpha_masi, percent */
  char   *aspect;    /* unitizing, attribution or themes */
  char   *group;     /* "" for all; else the perspective, theme or section */
  char   *coders;    /* the coders compared, joined by ", " */
  double  value;     /* NAN where the measure is not defined (see units) */
  double  ci_low;
  double  ci_high;
  guint   units;     /* characters for unitizing, else passages */
} PlxAgreementRow;

typedef struct {
  const char * const *coders;       /* NULL: every author in the project */
  gint64              document_id;  /* 0: every document */
  PlxAgreementBy      by;
  double              min_overlap;  /* passages of two coders are one unit above this (0–1) */
  guint               n_samples;    /* bootstrap resamples; 0: no intervals */
} PlxAgreementOptions;

#define PLX_AGREEMENT_DEFAULT_OVERLAP 0.5
#define PLX_AGREEMENT_DEFAULT_SAMPLES 1000

void       plx_agreement_row_free    (PlxAgreementRow           *row);
GPtrArray *plx_agreement_compute     (PlxProject                *project,
                                      const PlxAgreementOptions *options,
                                      GError                   **error);
void       plx_agreement_compute_async  (PlxProject                *project,
                                         const PlxAgreementOptions *options,
                                         GCancellable              *cancellable,
                                         GAsyncReadyCallback        callback,
                                         gpointer                   user_data);
GPtrArray *plx_agreement_compute_finish (PlxProject                *project,
                                         GAsyncResult              *result,
                                         GError                   **error);

G_END_DECLS
