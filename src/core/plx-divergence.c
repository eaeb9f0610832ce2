/* plx-divergence.c: the perspectives' theme distributions over a corpus
 * slice, a document or a section, and how far they diverge: the
 * Jensen–Shannon divergence of each pair with a bootstrap interval over
 * passages, and the themes whose shares set them apart. The contested
 * spans are found in plx-divergence-spans.c. docs/divergence.md has the
 * definitions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-divergence"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-bootstrap.h"
#include "plx-divergence-private.h"
#include "plx-error.h"
#include "plx-worker.h"

static void
passage_clear (gpointer data)
{
  PlxDivergencePassage *p = data;

  g_free (p->uuid);
  g_free (p->themes);
}

static void
scope_free (PlxDivergenceScope *scope)
{
  if (scope == NULL)
    return;
  g_free (scope->label);
  g_free (scope->passages);
  g_free (scope->n_themed);
  g_free (scope->n_untagged);
  g_free (scope->weight);
  g_free (scope->shares);
  g_free (scope->spread);
  g_free (scope->ranking);
  for (guint i = 0; i < scope->n_pairs; i++)
    g_free (scope->pairs[i].contributions);
  g_free (scope->pairs);
  g_free (scope);
}

void
plx_divergence_free (PlxDivergence *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->perspectives, g_ptr_array_unref);
  g_clear_pointer (&self->themes, g_ptr_array_unref);
  g_clear_pointer (&self->passages, g_array_unref);
  g_clear_pointer (&self->scopes, g_ptr_array_unref);
  g_clear_pointer (&self->contested, g_ptr_array_unref);
  g_free (self);
}

const char *
plx_divergence_status_to_string (PlxDivergenceStatus status)
{
  switch (status)
    {
    case PLX_DIVERGENCE_DEFINED:
      return "defined";
    case PLX_DIVERGENCE_NO_COVERAGE_A:
      return "no-coverage-a";
    case PLX_DIVERGENCE_NO_COVERAGE_B:
      return "no-coverage-b";
    case PLX_DIVERGENCE_NO_COVERAGE_BOTH:
    default:
      return "no-coverage-both";
    }
}

const char *
plx_divergence_scope_kind_to_string (PlxDivergenceScopeKind kind)
{
  switch (kind)
    {
    case PLX_DIVERGENCE_SCOPE_SLICE:
      return "slice";
    case PLX_DIVERGENCE_SCOPE_DOCUMENT:
      return "document";
    case PLX_DIVERGENCE_SCOPE_SECTION:
    default:
      return "section";
    }
}

/**
 * plx_divergence_jsd:
 * @p: (array length=n): weights of the first distribution (any scale)
 * @q: (array length=n): weights of the second
 * @contributions: (out caller-allocates) (array length=n) (nullable): each
 *   element's part of the divergence; they sum to it
 *
 * The Jensen–Shannon divergence, base 2, of the distributions @p and @q
 * are proportional to: ½ KL(P‖M) + ½ KL(Q‖M), M = ½ (P + Q); 0 for equal
 * distributions, 1 for disjoint ones.
 *
 * Returns: the divergence, or NAN when either has no weight at all
 */
double
plx_divergence_jsd (const double *p,
                    const double *q,
                    guint         n,
                    double       *contributions)
{
  double sum_p = 0, sum_q = 0, jsd = 0;

  for (guint i = 0; i < n; i++)
    {
      sum_p += p[i];
      sum_q += q[i];
    }
  if (contributions != NULL)
    for (guint i = 0; i < n; i++)
      contributions[i] = 0;
  if (!(sum_p > 0) || !(sum_q > 0))
    return NAN;
  for (guint i = 0; i < n; i++)
    {
      double pi = p[i] / sum_p, qi = q[i] / sum_q, m = (pi + qi) / 2, term = 0;

      if (pi > 0)
        term += pi / 2 * log2 (pi / m);
      if (qi > 0)
        term += qi / 2 * log2 (qi / m);
      if (contributions != NULL)
        contributions[i] = term;
      jsd += term;
    }
  /* Rounding can stray a hair outside [0, 1]. */
  return CLAMP (jsd, 0.0, 1.0);
}

/* ---- loading the slice ---- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static int
compare_passages (gconstpointer a,
                  gconstpointer b)
{
  const PlxDivergencePassage *x = a, *y = b;

  if (x->document != y->document)
    return x->document < y->document ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->perspective != y->perspective)
    return x->perspective < y->perspective ? -1 : 1;
  return strcmp (x->uuid, y->uuid);
}

static gboolean
load_documents (PlxDivergence              *self,
                PlxProject                 *project,
                const PlxDivergenceOptions *options,
                GError                    **error)
{
  g_autoptr(GHashTable) seen = NULL;

  if (options->document_ids == NULL || options->n_documents == 0)
    return (self->documents = plx_project_list_documents (project, error)) != NULL;

  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < options->n_documents; i++)
    {
      PlxDocument *document;

      if (!g_hash_table_add (seen, (gpointer) &options->document_ids[i]))
        continue;
      if ((document = plx_project_load_document (project, options->document_ids[i], error)) == NULL)
        return FALSE;
      g_ptr_array_add (self->documents, document);
    }
  return TRUE;
}

/* The passages of @per_document (a GPtrArray of PlxAnnotation for each of
 * the documents) that belong to one of @perspectives. */
static void
fill (PlxDivergence *self,
      GListModel    *perspectives,
      GPtrArray     *per_document)
{
  g_autoptr(GHashTable) perspective_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) theme_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gint64 *ids = NULL;

  self->perspectives = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    g_ptr_array_add (self->perspectives, g_list_model_get_item (perspectives, i));
  ids = g_new (gint64, MAX (self->perspectives->len, 1));
  for (guint i = 0; i < self->perspectives->len; i++)
    {
      ids[i] = plx_perspective_get_id (g_ptr_array_index (self->perspectives, i));
      g_hash_table_insert (perspective_index, &ids[i], GUINT_TO_POINTER (i + 1));
    }

  self->themes = g_ptr_array_new_with_free_func (g_free);
  for (guint d = 0; d < per_document->len; d++)
    {
      GPtrArray *annotations = g_ptr_array_index (per_document, d);

      for (guint i = 0; i < annotations->len; i++)
        for (const char * const *t = plx_annotation_get_themes (g_ptr_array_index (annotations, i)); *t != NULL; t++)
          if (g_hash_table_add (theme_index, (gpointer) *t))
            g_ptr_array_add (self->themes, g_strdup (*t));
    }
  g_ptr_array_sort (self->themes, compare_strings);
  g_hash_table_remove_all (theme_index);
  for (guint t = 0; t < self->themes->len; t++)
    g_hash_table_insert (theme_index, g_ptr_array_index (self->themes, t), GUINT_TO_POINTER (t));

  self->passages = g_array_new (FALSE, FALSE, sizeof (PlxDivergencePassage));
  g_array_set_clear_func (self->passages, passage_clear);
  for (guint d = 0; d < per_document->len; d++)
    {
      GPtrArray *annotations = g_ptr_array_index (per_document, d);

      for (guint i = 0; i < annotations->len; i++)
        {
          PlxAnnotation *a = g_ptr_array_index (annotations, i);
          gint64 perspective_id = plx_annotation_get_perspective_id (a);
          gpointer found = g_hash_table_lookup (perspective_index, &perspective_id);
          const char * const *names = plx_annotation_get_themes (a);
          PlxDivergencePassage p = { NULL, };
          guint n_names = g_strv_length ((char **) names);

          if (found == NULL || plx_annotation_get_end (a) <= plx_annotation_get_start (a))
            continue;
          p.uuid = g_strdup (plx_annotation_get_uuid (a));
          p.document = d;
          p.perspective = GPOINTER_TO_UINT (found) - 1;
          p.start = plx_annotation_get_start (a);
          p.end = plx_annotation_get_end (a);
          p.themes = g_new (guint, MAX (n_names, 1));
          /* A theme named twice counts once. */
          for (guint t = 0; t < n_names; t++)
            {
              guint index = GPOINTER_TO_UINT (g_hash_table_lookup (theme_index, names[t]));
              gboolean again = FALSE;

              for (guint k = 0; k < p.n_themes; k++)
                again |= p.themes[k] == index;
              if (!again)
                p.themes[p.n_themes++] = index;
            }
          g_array_append_val (self->passages, p);
        }
    }
  g_array_sort (self->passages, compare_passages);
}

static gboolean
load (PlxDivergence              *self,
      PlxProject                 *project,
      const PlxDivergenceOptions *options,
      GError                    **error)
{
  g_autoptr(GPtrArray) per_document = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  if (!load_documents (self, project, options, error))
    return FALSE;
  for (guint d = 0; d < self->documents->len; d++)
    {
      PlxAnnotationQuery query = { plx_document_get_id (g_ptr_array_index (self->documents, d)), 0, NULL };
      GPtrArray *annotations = plx_project_list_annotations (project, &query, error);

      if (annotations == NULL)
        return FALSE;
      g_ptr_array_add (per_document, annotations);
    }
  fill (self, plx_project_get_perspectives (project), per_document);
  return TRUE;
}

/* ---- one scope ---- */

/* A themed passage of a perspective in a scope, with its characters there. */
typedef struct {
  guint  passage;
  guint  length;
} Draw;

typedef struct {
  PlxDivergence      *self;
  PlxDivergenceScope *scope;
  GArray            **draws;      /* per perspective: Draw */
  double             *weights;    /* n_perspectives × n_themes, for a resample */
} Resample;

static guint
clipped (const PlxDivergencePassage *p,
         const PlxDivergenceScope   *scope)
{
  guint start = MAX (p->start, scope->start), end = MIN (p->end, scope->end);

  return end > start ? end - start : 0;
}

/* Each passage spends its characters (in the scope) on its themes, split
 * equally among them. */
static void
add_passage (PlxDivergence              *self,
             const PlxDivergencePassage *p,
             guint                       length,
             double                     *weights)
{
  double share = (double) length / p->n_themes;

  for (guint k = 0; k < p->n_themes; k++)
    weights[(gsize) p->perspective * self->themes->len + p->themes[k]] += share;
}

static void
measure_pairs (PlxDivergence      *self,
               PlxDivergenceScope *scope,
               const double       *weights,
               double             *values)
{
  guint T = self->themes->len;

  for (guint i = 0; i < scope->n_pairs; i++)
    values[i] = plx_divergence_jsd (weights + (gsize) scope->pairs[i].a * T, weights + (gsize) scope->pairs[i].b * T,
                                    T, NULL);
}

/* Each perspective's themed passages drawn with replacement, as many as
 * it has: the perspectives are the strata. */
static void
resample_passages (GRand    *rand,
                   double   *values,
                   gpointer  user_data)
{
  Resample *r = user_data;
  guint P = r->self->perspectives->len, T = r->self->themes->len;

  memset (r->weights, 0, sizeof (double) * MAX ((gsize) P * T, 1));
  for (guint p = 0; p < P; p++)
    {
      GArray *draws = r->draws[p];

      for (guint i = 0; i < draws->len; i++)
        {
          const Draw *d = &g_array_index (draws, Draw, g_rand_int_range (rand, 0, (gint32) draws->len));

          add_passage (r->self, &g_array_index (r->self->passages, PlxDivergencePassage, d->passage), d->length,
                       r->weights);
        }
    }
  measure_pairs (r->self, r->scope, r->weights, values);
}

static int
compare_by_spread (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  PlxDivergence *self = ((gpointer *) user_data)[0];
  PlxDivergenceScope *scope = ((gpointer *) user_data)[1];
  guint x = *(const guint *) a, y = *(const guint *) b;
  double sx = scope->spread[x], sy = scope->spread[y];

  /* Undefined spreads last. */
  if (isnan (sx) != isnan (sy))
    return isnan (sx) ? 1 : -1;
  if (!isnan (sx) && sx != sy)
    return sx > sy ? -1 : 1;
  return g_strcmp0 (g_ptr_array_index (self->themes, x), g_ptr_array_index (self->themes, y));
}

static void
measure_scope (PlxDivergence      *self,
               PlxDivergenceScope *scope,
               guint               n_replicates,
               guint32             seed)
{
  guint P = self->perspectives->len, T = self->themes->len;
  g_autofree double *weights = g_new0 (double, MAX ((gsize) P * T, 1));
  g_autofree GArray **draws = g_new0 (GArray *, MAX (P, 1));
  g_autofree double *values = NULL;
  g_autofree double *ci_low = NULL;
  g_autofree double *ci_high = NULL;
  gpointer sort_data[2] = { self, scope };
  guint n_defined = 0;
  double sum = 0;

  scope->n_themed = g_new0 (guint, MAX (P, 1));
  scope->n_untagged = g_new0 (guint, MAX (P, 1));
  scope->weight = g_new0 (double, MAX (P, 1));
  for (guint p = 0; p < P; p++)
    draws[p] = g_array_new (FALSE, FALSE, sizeof (Draw));
  for (guint i = 0; i < scope->n_passages; i++)
    {
      const PlxDivergencePassage *p = &g_array_index (self->passages, PlxDivergencePassage, scope->passages[i]);
      Draw draw = { scope->passages[i], clipped (p, scope) };

      if (p->n_themes == 0)
        {
          scope->n_untagged[p->perspective]++;
          continue;
        }
      scope->n_themed[p->perspective]++;
      scope->weight[p->perspective] += draw.length;
      add_passage (self, p, draw.length, weights);
      g_array_append_val (draws[p->perspective], draw);
    }

  scope->shares = g_new (double, MAX ((gsize) T * P, 1));
  scope->spread = g_new (double, MAX (T, 1));
  scope->ranking = g_new (guint, MAX (T, 1));
  for (guint t = 0; t < T; t++)
    {
      double low = INFINITY, high = -INFINITY;
      guint n = 0;

      for (guint p = 0; p < P; p++)
        {
          double share = scope->weight[p] > 0 ? weights[(gsize) p * T + t] / scope->weight[p] : NAN;

          scope->shares[(gsize) t * P + p] = share;
          if (!isnan (share))
            {
              low = MIN (low, share);
              high = MAX (high, share);
              n++;
            }
        }
      scope->spread[t] = n >= 2 ? high - low : NAN;
      scope->ranking[t] = t;
    }
  g_qsort_with_data (scope->ranking, (gint) T, sizeof (guint), compare_by_spread, sort_data);

  scope->n_pairs = P > 1 ? P * (P - 1) / 2 : 0;
  scope->pairs = g_new0 (PlxDivergencePair, MAX (scope->n_pairs, 1));
  for (guint a = 0, i = 0; a < P; a++)
    for (guint b = a + 1; b < P; b++, i++)
      {
        PlxDivergencePair *pair = &scope->pairs[i];

        pair->a = a;
        pair->b = b;
        pair->contributions = g_new0 (double, MAX (T, 1));
        pair->jsd = plx_divergence_jsd (weights + (gsize) a * T, weights + (gsize) b * T, T, pair->contributions);
        pair->ci_low = pair->ci_high = pair->corrected = NAN;
        if (scope->weight[a] > 0 && scope->weight[b] > 0)
          pair->status = PLX_DIVERGENCE_DEFINED;
        else if (scope->weight[a] > 0)
          pair->status = PLX_DIVERGENCE_NO_COVERAGE_B;
        else if (scope->weight[b] > 0)
          pair->status = PLX_DIVERGENCE_NO_COVERAGE_A;
        else
          pair->status = PLX_DIVERGENCE_NO_COVERAGE_BOTH;
        if (pair->status == PLX_DIVERGENCE_DEFINED)
          {
            sum += pair->jsd;
            n_defined++;
          }
      }
  scope->mean_jsd = n_defined > 0 ? sum / n_defined : NAN;

  if (n_replicates > 0 && n_defined > 0)
    {
      Resample r = { self, scope, draws, g_new (double, MAX ((gsize) P * T, 1)) };
      g_autofree double *mean = g_new (double, scope->n_pairs);

      ci_low = g_new (double, scope->n_pairs);
      ci_high = g_new (double, scope->n_pairs);
      plx_bootstrap_percentile (n_replicates, seed, scope->n_pairs, resample_passages, &r, ci_low, ci_high, mean);
      for (guint i = 0; i < scope->n_pairs; i++)
        {
          PlxDivergencePair *pair = &scope->pairs[i];

          if (pair->status != PLX_DIVERGENCE_DEFINED || isnan (mean[i]))
            continue;
          /* A divergence measured on few passages is inflated (resamples
           * repeat passages, and so are more so): the basic interval
           * reflects the resamples' spread about the value, so that it
           * covers the divergence itself, not the inflated one.
           * docs/divergence.md, "The interval". */
          pair->corrected = CLAMP (2 * pair->jsd - mean[i], 0.0, 1.0);
          pair->ci_low = CLAMP (2 * pair->jsd - ci_high[i], 0.0, 1.0);
          pair->ci_high = CLAMP (2 * pair->jsd - ci_low[i], 0.0, 1.0);
        }
      g_free (r.weights);
    }
  for (guint p = 0; p < P; p++)
    g_array_unref (draws[p]);
}

/* The passages of @document (from @first on, in order of start) that
 * overlap [start, end). */
static PlxDivergenceScope *
scope_new (PlxDivergence          *self,
           PlxDivergenceScopeKind  kind,
           const char             *label,
           int                     document,
           guint                   start,
           guint                   end)
{
  PlxDivergenceScope *scope = g_new0 (PlxDivergenceScope, 1);
  g_autoptr(GArray) passages = g_array_new (FALSE, FALSE, sizeof (guint));

  scope->kind = kind;
  scope->label = g_strdup (label);
  scope->document = document;
  scope->start = start;
  scope->end = end;
  for (guint i = 0; i < self->passages->len; i++)
    {
      const PlxDivergencePassage *p = &g_array_index (self->passages, PlxDivergencePassage, i);

      if (document >= 0 && (p->document != (guint) document || p->start >= end))
        continue;
      if (document < 0 || p->end > start)
        g_array_append_val (passages, i);
    }
  scope->n_passages = passages->len;
  scope->passages = (guint *) g_array_free (g_steal_pointer (&passages), FALSE);
  return scope;
}

static void
add_scope (PlxDivergence      *self,
           PlxDivergenceScope *scope,
           guint               n_replicates,
           guint32             seed)
{
  measure_scope (self, scope, n_replicates, seed + self->scopes->len);
  g_ptr_array_add (self->scopes, scope);
}

static void
add_sections (PlxDivergence *self,
              guint          d,
              guint          n_replicates,
              guint32        seed)
{
  PlxDocument *document = g_ptr_array_index (self->documents, d);
  guint n_sections = 0, length = plx_document_get_length (document);
  const PlxSection *sections = plx_document_get_sections (document, &n_sections);
  guint first = n_sections > 0 ? sections[0].start : length;

  /* As in the statistics: the text before the first heading is a section
   * named by the document's title. */
  if (first > 0 || n_sections == 0)
    add_scope (self, scope_new (self, PLX_DIVERGENCE_SCOPE_SECTION, plx_document_get_title (document), (int) d, 0,
                                first),
               n_replicates, seed);
  for (guint i = 0; i < n_sections; i++)
    add_scope (self, scope_new (self, PLX_DIVERGENCE_SCOPE_SECTION, sections[i].title, (int) d, sections[i].start,
                                sections[i].end),
               n_replicates, seed);
}

/**
 * plx_divergence_new_for_document:
 * @annotations: (element-type PlxAnnotation): the passages to measure,
 *   such as the ones a window shows
 *
 * The passages of @document taken from @annotations, not yet measured:
 * plx_divergence_measure() can then run in another thread, since it reads
 * nothing but what this copied (and the document's text and sections).
 */
PlxDivergence *
plx_divergence_new_for_document (PlxDocument *document,
                                 GListModel  *perspectives,
                                 GListModel  *annotations)
{
  PlxDivergence *self = g_new0 (PlxDivergence, 1);
  g_autoptr(GPtrArray) per_document = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PLX_IS_DOCUMENT (document), NULL);

  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->documents, g_object_ref (document));
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      PlxAnnotation *a = g_list_model_get_item (annotations, i);

      if (plx_annotation_get_document_id (a) == plx_document_get_id (document))
        g_ptr_array_add (mine, a);
      else
        g_object_unref (a);
    }
  g_ptr_array_add (per_document, mine);
  fill (self, perspectives, per_document);
  return self;
}

/**
 * plx_divergence_measure:
 *
 * Measures what @self holds, as plx_divergence_compute() describes; the
 * documents in @options are not read (the slice is what was loaded).
 */
void
plx_divergence_measure (PlxDivergence              *self,
                        const PlxDivergenceOptions *options)
{
  const char *slice_label;

  g_return_if_fail (self->scopes == NULL);

  self->n_replicates = MIN (options->n_replicates, 100000);
  self->seed = options->seed;
  self->scopes = g_ptr_array_new_with_free_func ((GDestroyNotify) scope_free);
  slice_label = self->documents->len == 1 ? plx_document_get_title (g_ptr_array_index (self->documents, 0)) : "";
  add_scope (self, scope_new (self, PLX_DIVERGENCE_SCOPE_SLICE, slice_label, -1, 0, G_MAXUINT),
             self->n_replicates, self->seed);
  for (guint d = 0; self->documents->len > 1 && d < self->documents->len; d++)
    {
      PlxDocument *document = g_ptr_array_index (self->documents, d);

      add_scope (self, scope_new (self, PLX_DIVERGENCE_SCOPE_DOCUMENT, plx_document_get_title (document), (int) d, 0,
                                  plx_document_get_length (document)),
                 self->n_replicates, self->seed);
    }
  for (guint d = 0; options->by_section && d < self->documents->len; d++)
    add_sections (self, d, self->n_replicates, self->seed);
  self->contested = _plx_divergence_find_contested (self);
}

/**
 * plx_divergence_compute:
 *
 * Measures the divergence between the project's perspectives over the
 * documents of @options (all by default): the slice as a whole, each
 * document when there are several, each section if asked, and the
 * contested spans. A pair with a perspective that spends no characters on
 * any theme has no divergence: its status says which, its value is NAN.
 *
 * Returns: (transfer full): the measures, or NULL with @error set
 */
PlxDivergence *
plx_divergence_compute (PlxProject                 *project,
                        const PlxDivergenceOptions *options,
                        GError                    **error)
{
  g_autoptr(PlxDivergence) self = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->n_replicates > 100000)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("At most 100000 bootstrap replicates, not %u"), options->n_replicates);
      return NULL;
    }
  self = g_new0 (PlxDivergence, 1);
  if (!load (self, project, options, error))
    return NULL;
  plx_divergence_measure (self, options);
  return g_steal_pointer (&self);
}

static gpointer
compute_in_worker (PlxProject     *worker,
                   gconstpointer   options,
                   GError        **error)
{
  return plx_divergence_compute (worker, options, error);
}

/**
 * plx_divergence_compute_async:
 *
 * plx_divergence_compute() in a worker thread, on a connection of its
 * own: a thousand resamples per scope take a while on a large project.
 */
void
plx_divergence_compute_async (PlxProject                 *project,
                              const PlxDivergenceOptions *options,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  gsize ids_size;
  PlxDivergenceOptions *copy;

  g_return_if_fail (PLX_IS_PROJECT (project));
  g_return_if_fail (options != NULL);

  /* One block, freed at once: the options, then the ids they point to. */
  ids_size = options->document_ids != NULL ? sizeof (gint64) * options->n_documents : 0;
  copy = g_malloc (sizeof *copy + ids_size);
  *copy = *options;
  if (ids_size > 0)
    copy->document_ids = memcpy (copy + 1, options->document_ids, ids_size);
  plx_worker_run (project, plx_divergence_compute_async, compute_in_worker, copy, g_free,
                  (GDestroyNotify) plx_divergence_free, cancellable, callback, user_data);
}

PlxDivergence *
plx_divergence_compute_finish (PlxProject    *project,
                               GAsyncResult  *result,
                               GError       **error)
{
  return plx_worker_finish (project, result, plx_divergence_compute_async, error);
}
