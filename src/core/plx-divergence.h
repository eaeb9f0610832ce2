/* plx-divergence.h: how far the perspectives' narratives diverge — what
 * each spends its coverage on (its theme distribution), the Jensen–Shannon
 * divergence between each pair with a bootstrap interval, the themes that
 * set them apart, the spans they read differently, and all of it section
 * by section. Definitions and formulas: docs/divergence.md.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-project.h"

G_BEGIN_DECLS

#define PLX_DIVERGENCE_DEFAULT_REPLICATES 1000
#define PLX_DIVERGENCE_DEFAULT_SEED       20261203u

typedef struct {
  const gint64 *document_ids;   /* the corpus slice; NULL: every document */
  guint         n_documents;
  gboolean      by_section;     /* also a scope per section of each document */
  guint         n_replicates;   /* bootstrap resamples; 0: no intervals */
  guint32       seed;
} PlxDivergenceOptions;

/* A passage of the slice (an annotation of one of the project's
 * perspectives). */
typedef struct {
  char   *uuid;
  guint   document;       /* index into PlxDivergence.documents */
  guint   perspective;    /* index into PlxDivergence.perspectives */
  guint   start;
  guint   end;
  guint  *themes;         /* indices into PlxDivergence.themes */
  guint   n_themes;
} PlxDivergencePassage;

/* Why a pair has no divergence. */
typedef enum {
  PLX_DIVERGENCE_DEFINED,
  PLX_DIVERGENCE_NO_COVERAGE_A,   /* the first has no themed characters here */
  PLX_DIVERGENCE_NO_COVERAGE_B,
  PLX_DIVERGENCE_NO_COVERAGE_BOTH,
} PlxDivergenceStatus;

typedef struct {
  guint                a, b;            /* perspectives, a < b */
  PlxDivergenceStatus  status;
  double               jsd;             /* base 2, 0–1; NAN unless defined */
  double               corrected;       /* jsd less its bootstrap bias, 0–1 */
  double               ci_low;          /* 95% basic bootstrap interval, 0–1; */
  double               ci_high;         /* NAN when not resampled */
  double              *contributions;   /* per theme, summing to jsd */
} PlxDivergencePair;

typedef enum {
  PLX_DIVERGENCE_SCOPE_SLICE,
  PLX_DIVERGENCE_SCOPE_DOCUMENT,
  PLX_DIVERGENCE_SCOPE_SECTION,
} PlxDivergenceScopeKind;

/* The measures over one stretch of the corpus: the slice, a document or a
 * section of one. */
typedef struct {
  PlxDivergenceScopeKind  kind;
  char                   *label;        /* the document's title, or its section's */
  int                     document;     /* -1 for the slice */
  guint                   start;        /* a section's; a document's 0 and its length; */
  guint                   end;          /* the slice's 0 and G_MAXUINT */
  guint                  *passages;     /* indices of the passages overlapping it */
  guint                   n_passages;
  /* per perspective */
  guint                  *n_themed;     /* passages with a theme */
  guint                  *n_untagged;   /* passages without one */
  double                 *weight;       /* themed characters (W_p) */
  /* n_themes × n_perspectives: p's share of its themed characters on the
   * theme (NAN where W_p = 0) */
  double                 *shares;
  double                 *spread;       /* per theme: max − min share */
  guint                  *ranking;      /* themes, widest spread first */
  PlxDivergencePair      *pairs;        /* every pair a < b, in order */
  guint                   n_pairs;
  double                  mean_jsd;     /* over defined pairs; NAN if none */
} PlxDivergenceScope;

typedef struct {
  guint   document;
  guint   start;
  guint   end;
  char   *quote;
  /* per perspective: NULL if it does not cover the span, else the sorted
   * union of the themes of its passages there (an empty GStrv if none) */
  GStrv  *themes;
  guint   n_perspectives;
  GArray *passages;       /* guint indices of the passages covering it */
} PlxContestedSpan;

typedef struct {
  GPtrArray *documents;      /* PlxDocument, the slice in order */
  GPtrArray *perspectives;   /* PlxPerspective, the project's order */
  GPtrArray *themes;         /* char *, sorted */
  GArray    *passages;       /* PlxDivergencePassage, by document and start */
  GPtrArray *scopes;         /* PlxDivergenceScope: slice, documents, sections */
  GPtrArray *contested;      /* PlxContestedSpan, by document and start */
  guint      n_replicates;
  guint32    seed;
} PlxDivergence;

void           plx_divergence_free          (PlxDivergence              *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxDivergence, plx_divergence_free)

double         plx_divergence_jsd           (const double               *p,
                                             const double               *q,
                                             guint                       n,
                                             double                     *contributions);

PlxDivergence *plx_divergence_compute       (PlxProject                 *project,
                                             const PlxDivergenceOptions *options,
                                             GError                    **error);
void           plx_divergence_compute_async (PlxProject                 *project,
                                             const PlxDivergenceOptions *options,
                                             GCancellable               *cancellable,
                                             GAsyncReadyCallback         callback,
                                             gpointer                    user_data);
PlxDivergence *plx_divergence_compute_finish (PlxProject                *project,
                                             GAsyncResult               *result,
                                             GError                    **error);

PlxDivergence *plx_divergence_new_for_document (PlxDocument             *document,
                                             GListModel                 *perspectives,
                                             GListModel                 *annotations);
void           plx_divergence_measure       (PlxDivergence              *self,
                                             const PlxDivergenceOptions *options);

const char    *plx_divergence_status_to_string (PlxDivergenceStatus     status);
const char    *plx_divergence_scope_kind_to_string (PlxDivergenceScopeKind kind);

G_END_DECLS
