/* test-divergence.c: the divergence between perspectives on projects
 * whose values are worked out by hand here, the Jensen–Shannon
 * divergence against a straightforward implementation on random
 * distributions, the seeded bootstrap, contested spans, the section
 * series and parallax-cli divergence end to end.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "plx-core.h"
#include "plx-test-utils.h"

/* ---- the divergence itself ---- */

/* Entropy in bits of the distribution proportional to @w. */
static double
entropy (const double *w,
         guint         n)
{
  double sum = 0, h = 0;

  for (guint i = 0; i < n; i++)
    sum += w[i];
  for (guint i = 0; i < n; i++)
    if (w[i] > 0)
      h -= w[i] / sum * log (w[i] / sum) / log (2);
  return h;
}

/* JSD = H(M) − ½ H(P) − ½ H(Q): another form than the implementation's. */
static double
reference_jsd (const double *p,
               const double *q,
               guint         n)
{
  double sum_p = 0, sum_q = 0, m[64], pn[64], qn[64];

  g_assert_cmpuint (n, <=, 64);
  for (guint i = 0; i < n; i++)
    {
      sum_p += p[i];
      sum_q += q[i];
    }
  for (guint i = 0; i < n; i++)
    {
      pn[i] = p[i] / sum_p;
      qn[i] = q[i] / sum_q;
      m[i] = (pn[i] + qn[i]) / 2;
    }
  return entropy (m, n) - entropy (pn, n) / 2 - entropy (qn, n) / 2;
}

static void
test_jsd_known (void)
{
  const double p[3] = { 1, 0, 0 }, q[3] = { 1, 1, 0 }, r[3] = { 0, 0, 4 }, zero[3] = { 0, 0, 0 };
  const double p10[3] = { 10, 0, 0 };
  double contributions[3];

  g_assert_cmpfloat_with_epsilon (plx_divergence_jsd (p, p10, 3, NULL), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (plx_divergence_jsd (p, r, 3, NULL), 1.0, 1e-12);
  /* P = (1, 0), Q = (½, ½), M = (¾, ¼): H(M) − H(Q)/2. */
  g_assert_cmpfloat_with_epsilon (plx_divergence_jsd (p, q, 3, contributions),
                                  -0.75 * log2 (0.75) - 0.25 * log2 (0.25) - 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (contributions[0] + contributions[1] + contributions[2],
                                  plx_divergence_jsd (q, p, 3, NULL), 1e-12);
  g_assert_cmpfloat (contributions[2], ==, 0.0);
  /* Nothing to compare: not a number, never a made-up 0 or 1. */
  g_assert_true (isnan (plx_divergence_jsd (p, zero, 3, NULL)));
  g_assert_true (isnan (plx_divergence_jsd (zero, zero, 3, contributions)));
}

/* Random distributions of 1–40 elements, zeros included. */
static void
test_jsd_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint trial = 0; trial < 2000; trial++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 41);
      double p[40], q[40], contributions[40], sum = 0, jsd, expected;
      gboolean any_p = FALSE, any_q = FALSE;

      for (guint i = 0; i < n; i++)
        {
          p[i] = g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_double_range (rand, 0, 100);
          q[i] = g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_double_range (rand, 0, 100);
          any_p |= p[i] > 0;
          any_q |= q[i] > 0;
        }
      if (!any_p || !any_q)
        continue;
      jsd = plx_divergence_jsd (p, q, n, contributions);
      expected = reference_jsd (p, q, n);
      g_assert_cmpfloat_with_epsilon (jsd, expected, 1e-9);
      g_assert_cmpfloat (jsd, >=, 0.0);
      g_assert_cmpfloat (jsd, <=, 1.0);
      g_assert_cmpfloat_with_epsilon (plx_divergence_jsd (q, p, n, NULL), jsd, 1e-12);
      for (guint i = 0; i < n; i++)
        sum += contributions[i];
      g_assert_cmpfloat_with_epsilon (sum, jsd, 1e-9);
    }
}

/* ---- a project worked by hand ---- */

typedef struct {
  char       *dir;
  PlxProject *project;
  gint64      document_id;
  guint       alpha;      /* where the sections start and end */
  guint       beta;
  guint       end;
} Fixture;

static void
tag (PlxProject         *project,
     gint64              document_id,
     guint               start,
     guint               end,
     guint               perspective,
     const char * const *themes)
{
  g_autoptr(PlxAnnotation) a = NULL;
  g_autoptr(PlxPerspective) p = g_list_model_get_item (plx_project_get_perspectives (project), perspective);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) document = plx_project_load_document (project, document_id, &error);

  g_assert_no_error (error);
  a = plx_annotation_new_for_range (document, start, end, plx_perspective_get_id (p), &error);
  g_assert_no_error (error);
  plx_annotation_set_themes (a, themes);
  g_assert_true (plx_project_add_annotation (project, a, &error));
  g_assert_no_error (error);
}

/* After the title, two sections, Alpha [α, β) and Beta [β, end); P0–P3
 * the four default
 * perspectives:
 *   P0  α+0…α+20 {a}   α+20…α+30 {a,b}   α+40…α+50 {a}
 *   P1  α+10…α+30 {b}  α+35…α+45 {} (no theme)
 *   P2  β+0…β+10 {c}
 *   P3  β+0…β+5 {c}    β−4…β+2 {c} (across the sections)
 * Characters per theme (a passage's split equally among its themes):
 *   P0 a 20 + 5 + 10 = 35, b 5 (W 40): (7/8, 1/8, 0)
 *   P1 b 20 (W 20): (0, 1, 0)
 *   P2 c 10; P3 c 5 + 6 = 11: both (0, 0, 1) */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *a[] = { "a", NULL }, *ab[] = { "a", "b", NULL }, *b[] = { "b", NULL }, *c[] = { "c", NULL };
  const char *none[] = { NULL };
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new ("# Two sections\n\n## Alpha\n\n");
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const PlxSection *sections;
  guint n_sections;

  for (guint i = 0; i < 7; i++)
    g_string_append (text, "abcdefghi ");
  g_string_append (text, "\n\n## Beta\n\n");
  for (guint i = 0; i < 7; i++)
    g_string_append (text, "jklmnopqr ");
  g_string_append (text, "\n");

  fixture->dir = plx_test_make_tempdir ();
  path = g_build_filename (fixture->dir, "divergence.parallax", NULL);
  fixture->project = plx_project_create (path, &error);
  g_assert_no_error (error);
  document = plx_document_new_from_data (text->str, text->len, PLX_DOCUMENT_FORMAT_MARKDOWN, "Two sections", &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, document, &error));
  g_assert_no_error (error);
  fixture->document_id = plx_document_get_id (document);
  sections = plx_document_get_sections (document, &n_sections);
  g_assert_cmpuint (n_sections, ==, 2);
  g_assert_cmpuint (sections[0].start, >, 0);
  g_assert_cmpstr (sections[0].title, ==, "Alpha");
  g_assert_cmpstr (sections[1].title, ==, "Beta");
  fixture->alpha = sections[0].start;
  fixture->beta = sections[1].start;
  fixture->end = sections[1].end;
  g_assert_cmpuint (sections[0].end, ==, fixture->beta);
  g_assert_cmpuint (fixture->beta - fixture->alpha, >=, 60);
  g_assert_cmpuint (fixture->end - fixture->beta, >=, 20);

  tag (fixture->project, fixture->document_id, fixture->alpha, fixture->alpha + 20, 0, a);
  tag (fixture->project, fixture->document_id, fixture->alpha + 20, fixture->alpha + 30, 0, ab);
  tag (fixture->project, fixture->document_id, fixture->alpha + 40, fixture->alpha + 50, 0, a);
  tag (fixture->project, fixture->document_id, fixture->alpha + 10, fixture->alpha + 30, 1, b);
  tag (fixture->project, fixture->document_id, fixture->alpha + 35, fixture->alpha + 45, 1, none);
  tag (fixture->project, fixture->document_id, fixture->beta, fixture->beta + 10, 2, c);
  tag (fixture->project, fixture->document_id, fixture->beta, fixture->beta + 5, 3, c);
  tag (fixture->project, fixture->document_id, fixture->beta - 4, fixture->beta + 2, 3, c);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* JSD of P0 (7/8, 1/8) and P1 (0, 1): M = (7/16, 9/16). */
static double
p0_p1 (void)
{
  double h_m = -(7.0 / 16) * log2 (7.0 / 16) - (9.0 / 16) * log2 (9.0 / 16);
  double h_p0 = -(7.0 / 8) * log2 (7.0 / 8) - (1.0 / 8) * log2 (1.0 / 8);

  return h_m - h_p0 / 2;
}

static const PlxDivergencePair *
find_pair (const PlxDivergenceScope *scope,
           guint                     a,
           guint                     b)
{
  for (guint i = 0; i < scope->n_pairs; i++)
    if (scope->pairs[i].a == a && scope->pairs[i].b == b)
      return &scope->pairs[i];
  g_assert_not_reached ();
}

static guint
theme_index (PlxDivergence *d,
             const char    *name)
{
  for (guint t = 0; t < d->themes->len; t++)
    if (g_str_equal (g_ptr_array_index (d->themes, t), name))
      return t;
  g_assert_not_reached ();
}

static void
test_project_by_hand (Fixture       *fixture,
                      gconstpointer  data)
{
  PlxDivergenceOptions options = { NULL, 0, FALSE, 0, PLX_DIVERGENCE_DEFAULT_SEED };
  g_autoptr(PlxDivergence) d = NULL;
  g_autoptr(GError) error = NULL;
  const PlxDivergenceScope *slice;
  guint ta, tb, tc;

  d = plx_divergence_compute (fixture->project, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d->perspectives->len, ==, 4);
  g_assert_cmpuint (d->themes->len, ==, 3);
  /* One document: the slice only. */
  g_assert_cmpuint (d->scopes->len, ==, 1);
  slice = g_ptr_array_index (d->scopes, 0);
  g_assert_cmpint (slice->kind, ==, PLX_DIVERGENCE_SCOPE_SLICE);
  g_assert_cmpstr (slice->label, ==, "Two sections");
  g_assert_cmpuint (slice->n_passages, ==, 8);

  g_assert_cmpfloat (slice->weight[0], ==, 40);
  g_assert_cmpfloat (slice->weight[1], ==, 20);
  g_assert_cmpfloat (slice->weight[2], ==, 10);
  g_assert_cmpfloat (slice->weight[3], ==, 11);
  g_assert_cmpuint (slice->n_themed[0], ==, 3);
  g_assert_cmpuint (slice->n_themed[1], ==, 1);
  g_assert_cmpuint (slice->n_untagged[1], ==, 1);
  g_assert_cmpuint (slice->n_untagged[0], ==, 0);

  g_assert_cmpuint (slice->n_pairs, ==, 6);
  g_assert_cmpfloat_with_epsilon (find_pair (slice, 0, 1)->jsd, p0_p1 (), 1e-12);
  g_assert_cmpfloat_with_epsilon (find_pair (slice, 0, 2)->jsd, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (find_pair (slice, 1, 3)->jsd, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (find_pair (slice, 2, 3)->jsd, 0.0, 1e-12);
  for (guint i = 0; i < slice->n_pairs; i++)
    {
      g_assert_cmpint (slice->pairs[i].status, ==, PLX_DIVERGENCE_DEFINED);
      /* No resamples asked: no interval. */
      g_assert_true (isnan (slice->pairs[i].ci_low) && isnan (slice->pairs[i].ci_high));
    }
  g_assert_cmpfloat_with_epsilon (slice->mean_jsd, (p0_p1 () + 4.0 + 0.0) / 6, 1e-12);

  /* Salience: a 7/8, 0, 0, 0 (gap 7/8); b 1/8, 1, 0, 0 (gap 1);
   * c 0, 0, 1, 1 (gap 1). Widest first, ties by name: b, c, a. */
  ta = theme_index (d, "a");
  tb = theme_index (d, "b");
  tc = theme_index (d, "c");
  g_assert_cmpfloat_with_epsilon (slice->shares[ta * 4 + 0], 7.0 / 8, 1e-12);
  g_assert_cmpfloat_with_epsilon (slice->shares[tb * 4 + 0], 1.0 / 8, 1e-12);
  g_assert_cmpfloat_with_epsilon (slice->shares[tb * 4 + 1], 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (slice->shares[tc * 4 + 3], 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (slice->spread[ta], 7.0 / 8, 1e-12);
  g_assert_cmpfloat_with_epsilon (slice->spread[tb], 1.0, 1e-12);
  g_assert_cmpuint (slice->ranking[0], ==, tb);
  g_assert_cmpuint (slice->ranking[1], ==, tc);
  g_assert_cmpuint (slice->ranking[2], ==, ta);
  /* What sets P0 and P1 apart: a, then b; c has no part. */
  g_assert_cmpfloat (find_pair (slice, 0, 1)->contributions[ta], >, find_pair (slice, 0, 1)->contributions[tb]);
  g_assert_cmpfloat (find_pair (slice, 0, 1)->contributions[tc], ==, 0.0);
}

/* Overlaps: P0 {a} and P1 {b} on α+10…α+20, then P0 {a,b} and P1 {b} on
 * α+20…α+30: two spans, since the readings differ. P0 {a} over P1's
 * untagged passage and P2 {c} over P3 {c} contest nothing. */
static void
test_contested (Fixture       *fixture,
                gconstpointer  data)
{
  PlxDivergenceOptions options = { NULL, 0, FALSE, 0, PLX_DIVERGENCE_DEFAULT_SEED };
  g_autoptr(PlxDivergence) d = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quote = NULL;
  const PlxContestedSpan *span;

  d = plx_divergence_compute (fixture->project, &options, &error);
  g_assert_no_error (error);
  document = plx_project_load_document (fixture->project, fixture->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d->contested->len, ==, 2);

  span = g_ptr_array_index (d->contested, 0);
  g_assert_cmpuint (span->start, ==, fixture->alpha + 10);
  g_assert_cmpuint (span->end, ==, fixture->alpha + 20);
  quote = plx_text_substring (plx_document_get_text (document), plx_document_get_text_bytes (document),
                              span->start, span->end);
  g_assert_cmpstr (span->quote, ==, quote);
  g_assert_cmpstrv (span->themes[0], ((const char *[]) { "a", NULL }));
  g_assert_cmpstrv (span->themes[1], ((const char *[]) { "b", NULL }));
  g_assert_null (span->themes[2]);
  g_assert_null (span->themes[3]);
  g_assert_cmpuint (span->passages->len, ==, 2);

  span = g_ptr_array_index (d->contested, 1);
  g_assert_cmpuint (span->start, ==, fixture->alpha + 20);
  g_assert_cmpuint (span->end, ==, fixture->alpha + 30);
  g_assert_cmpstrv (span->themes[0], ((const char *[]) { "a", "b", NULL }));
  g_assert_cmpstrv (span->themes[1], ((const char *[]) { "b", NULL }));
  for (guint i = 0; i < span->passages->len; i++)
    {
      const PlxDivergencePassage *p = &g_array_index (d->passages, PlxDivergencePassage,
                                                      g_array_index (span->passages, guint, i));

      g_assert_cmpuint (p->start, <, span->end);
      g_assert_cmpuint (p->end, >, span->start);
    }
}

/* Section by section: passages clipped to each section. Alpha: P0 and P1
 * as in the slice, P3 its 4 characters before Beta, P2 nothing. Beta: P2
 * c 10, P3 c 5 + 2. */
static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  PlxDivergenceOptions options = { NULL, 0, TRUE, 0, PLX_DIVERGENCE_DEFAULT_SEED };
  g_autoptr(PlxDivergence) d = NULL;
  g_autoptr(GError) error = NULL;
  const PlxDivergenceScope *intro, *alpha, *beta;

  d = plx_divergence_compute (fixture->project, &options, &error);
  g_assert_no_error (error);
  /* The slice, then the title (the text before the first heading, named
   * by the document's title, as in the statistics), Alpha and Beta. */
  g_assert_cmpuint (d->scopes->len, ==, 4);
  intro = g_ptr_array_index (d->scopes, 1);
  alpha = g_ptr_array_index (d->scopes, 2);
  beta = g_ptr_array_index (d->scopes, 3);
  g_assert_cmpstr (intro->label, ==, "Two sections");
  g_assert_cmpuint (intro->start, ==, 0);
  g_assert_cmpuint (intro->end, ==, fixture->alpha);
  g_assert_cmpuint (intro->n_passages, ==, 0);
  for (guint i = 0; i < intro->n_pairs; i++)
    g_assert_cmpint (intro->pairs[i].status, ==, PLX_DIVERGENCE_NO_COVERAGE_BOTH);
  g_assert_true (isnan (intro->mean_jsd));
  g_assert_cmpint (alpha->kind, ==, PLX_DIVERGENCE_SCOPE_SECTION);
  g_assert_cmpstr (alpha->label, ==, "Alpha");
  g_assert_cmpstr (beta->label, ==, "Beta");
  g_assert_cmpuint (alpha->start, ==, fixture->alpha);
  g_assert_cmpuint (beta->end, ==, fixture->end);

  g_assert_cmpfloat (alpha->weight[0], ==, 40);
  g_assert_cmpfloat (alpha->weight[2], ==, 0);
  g_assert_cmpfloat (alpha->weight[3], ==, 4);
  g_assert_cmpfloat (beta->weight[3], ==, 7);
  g_assert_cmpfloat (beta->weight[0], ==, 0);

  g_assert_cmpfloat_with_epsilon (find_pair (alpha, 0, 1)->jsd, p0_p1 (), 1e-12);
  g_assert_cmpfloat_with_epsilon (find_pair (alpha, 0, 3)->jsd, 1.0, 1e-12);
  g_assert_cmpint (find_pair (alpha, 0, 2)->status, ==, PLX_DIVERGENCE_NO_COVERAGE_B);
  g_assert_cmpint (find_pair (alpha, 2, 3)->status, ==, PLX_DIVERGENCE_NO_COVERAGE_A);
  g_assert_true (isnan (find_pair (alpha, 0, 2)->jsd));
  g_assert_cmpfloat_with_epsilon (alpha->mean_jsd, (p0_p1 () + 1 + 1) / 3, 1e-12);

  g_assert_cmpint (find_pair (beta, 0, 1)->status, ==, PLX_DIVERGENCE_NO_COVERAGE_BOTH);
  g_assert_cmpfloat_with_epsilon (find_pair (beta, 2, 3)->jsd, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (beta->mean_jsd, 0.0, 1e-12);
  /* P0 has no coverage in Beta: its shares are NAN, not 0, and the gaps
   * are over P2 and P3 alone. */
  g_assert_true (isnan (beta->shares[theme_index (d, "a") * 4 + 0]));
  g_assert_cmpfloat (beta->spread[theme_index (d, "a")], ==, 0.0);
}

/* ---- the bootstrap ---- */

/* Two perspectives with 40 passages each on a plain text: P0 mostly x,
 * P1 mostly y. */
static PlxProject *
make_bootstrap_project (const char *dir,
                        gboolean    alike)
{
  const char *x[] = { "x", NULL }, *y[] = { "y", NULL }, *xz[] = { "x", "z", NULL };
  g_autofree char *path = g_build_filename (dir, alike ? "alike.parallax" : "apart.parallax", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PlxProject *project;

  project = plx_project_create (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 100; i++)
    g_string_append (text, "abcdefghi ");
  document = plx_document_new_from_data (text->str, text->len, PLX_DOCUMENT_FORMAT_PLAIN, "Long", &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (project, document, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      const char * const *first = i % 4 == 0 ? y : i % 5 == 0 ? xz : x;
      const char * const *second = alike ? first : i % 4 == 0 ? x : y;

      tag (project, plx_document_get_id (document), i * 20, i * 20 + 5 + i % 7, 0, first);
      tag (project, plx_document_get_id (document), i * 20 + 10, i * 20 + 15 + i % 7, 1, second);
    }
  return project;
}

static void
test_bootstrap (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autoptr(PlxProject) apart = make_bootstrap_project (dir, FALSE);
  g_autoptr(PlxProject) alike = make_bootstrap_project (dir, TRUE);
  PlxDivergenceOptions options = { NULL, 0, FALSE, PLX_DIVERGENCE_DEFAULT_REPLICATES, 42 };
  g_autoptr(PlxDivergence) d = NULL;
  g_autoptr(PlxDivergence) again = NULL;
  g_autoptr(PlxDivergence) other_seed = NULL;
  g_autoptr(GError) error = NULL;
  const PlxDivergencePair *pair;

  d = plx_divergence_compute (apart, &options, &error);
  g_assert_no_error (error);
  pair = find_pair (g_ptr_array_index (d->scopes, 0), 0, 1);
  g_test_message ("apart: %.4f, corrected %.4f, [%.4f, %.4f]", pair->jsd, pair->corrected, pair->ci_low,
                  pair->ci_high);
  g_assert_cmpfloat (pair->jsd, >, 0.15);
  g_assert_cmpfloat (pair->ci_low, <=, pair->jsd);
  g_assert_cmpfloat (pair->ci_high, >=, pair->jsd);
  g_assert_cmpfloat (pair->ci_low, <=, pair->corrected);
  g_assert_cmpfloat (pair->ci_high, >=, pair->corrected);
  g_assert_cmpfloat (pair->ci_low, >, 0.0);
  g_assert_cmpfloat (pair->ci_high, <, 1.0);
  /* Pairs with a perspective without passages have no interval. */
  g_assert_true (isnan (find_pair (g_ptr_array_index (d->scopes, 0), 0, 2)->ci_low));

  /* Seeded: the same interval again; another seed, another draw. */
  again = plx_divergence_compute (apart, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (find_pair (g_ptr_array_index (again->scopes, 0), 0, 1)->ci_low, ==, pair->ci_low);
  g_assert_cmpfloat (find_pair (g_ptr_array_index (again->scopes, 0), 0, 1)->ci_high, ==, pair->ci_high);
  options.seed = 43;
  other_seed = plx_divergence_compute (apart, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (find_pair (g_ptr_array_index (other_seed->scopes, 0), 0, 1)->jsd, ==, pair->jsd);
  g_assert_true (find_pair (g_ptr_array_index (other_seed->scopes, 0), 0, 1)->ci_low != pair->ci_low ||
                 find_pair (g_ptr_array_index (other_seed->scopes, 0), 0, 1)->ci_high != pair->ci_high);

  /* The same passages' themes on both sides: no divergence, and an
   * interval that does not make one up from resampling noise. */
  g_clear_pointer (&d, plx_divergence_free);
  d = plx_divergence_compute (alike, &options, &error);
  g_assert_no_error (error);
  pair = find_pair (g_ptr_array_index (d->scopes, 0), 0, 1);
  g_test_message ("alike: %.4f, corrected %.4f, [%.4f, %.4f]", pair->jsd, pair->corrected, pair->ci_low,
                  pair->ci_high);
  g_assert_cmpfloat (pair->ci_low, ==, 0.0);
  g_assert_cmpfloat (pair->jsd, <=, pair->ci_high);
  g_assert_cmpfloat (pair->corrected, <, pair->jsd + 1e-12);

  g_clear_object (&apart);
  g_clear_object (&alike);
  plx_test_remove_tree (dir);
}

/* In a worker, on a connection of its own: the same numbers. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  PlxDivergenceOptions options = { &fixture->document_id, 1, TRUE, 200, 5 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PlxDivergence) d = NULL;
  g_autoptr(PlxDivergence) sync = NULL;
  g_autoptr(GError) error = NULL;

  plx_divergence_compute_async (fixture->project, &options, NULL, plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  d = plx_divergence_compute_finish (fixture->project, result, &error);
  g_assert_no_error (error);
  sync = plx_divergence_compute (fixture->project, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d->scopes->len, ==, sync->scopes->len);
  for (guint s = 0; s < d->scopes->len; s++)
    {
      const PlxDivergenceScope *x = g_ptr_array_index (d->scopes, s), *y = g_ptr_array_index (sync->scopes, s);

      for (guint i = 0; i < x->n_pairs; i++)
        {
          g_assert_true ((isnan (x->pairs[i].jsd) && isnan (y->pairs[i].jsd)) || x->pairs[i].jsd == y->pairs[i].jsd);
          g_assert_true ((isnan (x->pairs[i].ci_low) && isnan (y->pairs[i].ci_low)) ||
                         x->pairs[i].ci_low == y->pairs[i].ci_low);
        }
    }
  g_assert_cmpuint (d->contested->len, ==, sync->contested->len);
}

/* One perspective: nothing to pair. A document id that is not there: an
 * error naming it, not an empty result. */
static void
test_edges (void)
{
  const char *a[] = { "a", NULL };
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path = g_build_filename (dir, "one.parallax", NULL);
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxDivergence) d = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *perspectives;
  PlxDivergenceOptions options = { NULL, 0, TRUE, 100, 1 };
  gint64 missing = 999;
  const PlxDivergenceScope *slice;

  project = plx_project_create (path, &error);
  g_assert_no_error (error);
  perspectives = plx_project_get_perspectives (project);
  while (g_list_model_get_n_items (perspectives) > 1)
    {
      g_autoptr(PlxPerspective) last = g_list_model_get_item (perspectives, g_list_model_get_n_items (perspectives) - 1);

      g_assert_true (plx_project_remove_perspective (project, plx_perspective_get_id (last), 0, &error));
      g_assert_no_error (error);
    }
  document = plx_document_new_from_data ("Only one voice here.", 20, PLX_DOCUMENT_FORMAT_PLAIN, "One", &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (project, document, &error));
  g_assert_no_error (error);
  tag (project, plx_document_get_id (document), 0, 4, 0, a);
  tag (project, plx_document_get_id (document), 2, 8, 0, a);

  d = plx_divergence_compute (project, &options, &error);
  g_assert_no_error (error);
  slice = g_ptr_array_index (d->scopes, 0);
  g_assert_cmpuint (slice->n_pairs, ==, 0);
  g_assert_true (isnan (slice->mean_jsd));
  /* Overlapping passages of one perspective each count: 4 + 6. */
  g_assert_cmpfloat (slice->weight[0], ==, 10);
  g_assert_true (isnan (slice->spread[0]));
  g_assert_cmpuint (d->contested->len, ==, 0);

  options.document_ids = &missing;
  options.n_documents = 1;
  g_clear_pointer (&d, plx_divergence_free);
  d = plx_divergence_compute (project, &options, &error);
  g_assert_null (d);
  g_assert_nonnull (error);
  g_clear_error (&error);

  options.document_ids = NULL;
  options.n_replicates = 100001;
  d = plx_divergence_compute (project, &options, &error);
  g_assert_null (d);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);

  g_clear_object (&project);
  plx_test_remove_tree (dir);
}

/* ---- parallax-cli divergence ---- */

static JsonObject *
find_json_pair (JsonArray  *pairs,
                const char *a,
                const char *b)
{
  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, i);

      if (g_str_equal (json_object_get_string_member (pair, "a"), a) &&
          g_str_equal (json_object_get_string_member (pair, "b"), b))
        return pair;
    }
  g_assert_not_reached ();
}

/* Standard output of a run that must succeed quietly. */
static char *
run_ok (const char * const *args)
{
  g_autofree char *err = NULL;
  char *out;
  int status;

  out = plx_test_run_cliv (args, &status, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
expect_failure (const char * const *args,
                int                 expected_status,
                const char         *message)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = plx_test_run_cliv (args, &status, &err);
  g_assert_cmpint (status, ==, expected_status);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, message));
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  const char *path = plx_project_get_path (fixture->project);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->document_id);
  const char *json_args[] = { "divergence", path, "--document", "Two sections", "--by", "section", "--format", "json",
                              "--replicates", "100", "--seed", "9", NULL };
  const char *tsv_args[] = { "divergence", path, "--format", "tsv", "--replicates", "0", NULL };
  const char *text_args[] = { "divergence", path, "--document", id, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  char *out;
  JsonObject *root, *slice, *pair, *span;
  JsonArray *scopes, *contested, *salience;

  if (g_getenv ("PLX_CLI") == NULL)
    {
      g_test_skip ("PLX_CLI is not set");
      return;
    }
  out = run_ok (json_args);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "replicates"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (root, "seed"), ==, 9);
  scopes = json_object_get_array_member (root, "scopes");
  g_assert_cmpuint (json_array_get_length (scopes), ==, 4);
  slice = json_array_get_object_element (scopes, 0);
  g_assert_cmpstr (json_object_get_string_member (slice, "kind"), ==, "slice");
  pair = find_json_pair (json_object_get_array_member (slice, "pairs"), "Armenian", "Azerbaijani");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "jsd"), p0_p1 (), 1e-9);
  g_assert_cmpstr (json_object_get_string_member (pair, "status"), ==, "defined");
  g_assert_cmpfloat (json_object_get_double_member (pair, "ci_low"), <=, json_object_get_double_member (pair, "jsd"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (pair, "themes"), 0), "theme"), ==, "a");
  salience = json_object_get_array_member (slice, "salience");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (salience, 0), "theme"), ==, "b");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (json_array_get_object_element (salience, 2), "shares"), "Armenian"), 7.0 / 8, 1e-9);

  /* Undefined is null with its reason, never a number. */
  pair = find_json_pair (json_object_get_array_member (json_array_get_object_element (scopes, 2), "pairs"),
                         "Armenian", "Western");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scopes, 2), "label"), ==, "Alpha");
  g_assert_cmpstr (json_object_get_string_member (pair, "status"), ==, "no-coverage-b");
  g_assert_true (json_object_get_null_member (pair, "jsd"));

  contested = json_object_get_array_member (root, "contested");
  g_assert_cmpuint (json_array_get_length (contested), ==, 2);
  span = json_array_get_object_element (contested, 0);
  g_assert_cmpint (json_object_get_int_member (span, "start"), ==, fixture->alpha + 10);
  g_assert_cmpint (json_object_get_int_member (span, "end"), ==, fixture->alpha + 20);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (span, "passages")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (span, "perspectives")), ==, 2);
  g_free (out);

  out = run_ok (tsv_args);
  g_assert_true (g_str_has_prefix (out, "scope\tlabel\tdocument\tstart\tend\ta\tb\tstatus\tjsd\tcorrected\tci_low\tci_high\n"));
  g_assert_nonnull (strstr (out, "\ndocument\tstart\tend\tperspectives\tquote\n"));
  g_assert_nonnull (strstr (out, "\tArmenian: a; Azerbaijani: b\t"));
  g_free (out);

  out = run_ok (text_args);
  g_assert_true (g_str_has_prefix (out, "Two sections\n"));
  g_assert_nonnull (strstr (out, "Contested spans: 2\n"));
  g_free (out);

  expect_failure ((const char *[]) { "divergence", path, "--by", "colour", NULL }, 2, "--by takes section");
  expect_failure ((const char *[]) { "divergence", path, "--format", "xml", NULL }, 2, "--format takes text, json or tsv");
  expect_failure ((const char *[]) { "divergence", path, "--replicates", "-1", NULL }, 2,
                  "--replicates takes a whole number from 0 to 100000");
  expect_failure ((const char *[]) { "divergence", path, "--replicates", "100001", NULL }, 2,
                  "--replicates takes a whole number");
  expect_failure ((const char *[]) { "divergence", path, "--seed", "x", NULL }, 2, "--seed takes a whole number");
  expect_failure ((const char *[]) { "divergence", path, "--document", "Nowhere", NULL }, 1,
                  "no document “Nowhere” in this project");
  expect_failure ((const char *[]) { "divergence", NULL }, 2, "missing arguments");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/divergence/jsd/known", test_jsd_known);
  g_test_add_func ("/divergence/jsd/random", test_jsd_random);
  g_test_add ("/divergence/project/by-hand", Fixture, NULL, fixture_set_up, test_project_by_hand, fixture_tear_down);
  g_test_add ("/divergence/project/contested", Fixture, NULL, fixture_set_up, test_contested, fixture_tear_down);
  g_test_add ("/divergence/project/sections", Fixture, NULL, fixture_set_up, test_sections, fixture_tear_down);
  g_test_add ("/divergence/project/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add_func ("/divergence/bootstrap", test_bootstrap);
  g_test_add_func ("/divergence/edges", test_edges);
  g_test_add ("/divergence/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
