/* test-agreement.c: the agreement coefficients against published worked
 * examples, and a project of two coders measured by hand.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "plx-core.h"
#include "plx-test-utils.h"

#define M PLX_AGREEMENT_MISSING

/* Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
 * section C: four coders, twelve units, values 1–5 (here 0–4), missing
 * values allowed; α (nominal) = 0.743. */
static void
test_alpha_nominal_krippendorff (void)
{
  const int by_coder[4][12] = {
    { 0, 1, 2, 2, 1, 0, 3, 0, 1, M, M, M },
    { 0, 1, 2, 2, 1, 1, 3, 0, 1, 4, M, 2 },
    { M, 2, 2, 2, 1, 2, 3, 1, 1, 4, 0, M },
    { 0, 1, 2, 2, 1, 3, 3, 0, 1, 4, 0, M },
  };
  int values[12 * 4];
  PlxReliabilityTable table = { 12, 4, 5, values, NULL, NULL };

  for (guint u = 0; u < 12; u++)
    for (guint c = 0; c < 4; c++)
      values[u * 4 + c] = by_coder[c][u];
  g_assert_cmpfloat_with_epsilon (plx_agreement_alpha (&table), 0.743, 0.0005);
}

/* The same paper, section A: two coders, ten units, binary; α = 0.095. */
static void
test_alpha_binary_krippendorff (void)
{
  const int a[10] = { 0, 1, 0, 0, 0, 0, 0, 0, 1, 0 };
  const int b[10] = { 1, 1, 1, 0, 0, 1, 0, 0, 0, 0 };
  int values[20];
  PlxReliabilityTable table = { 10, 2, 2, values, NULL, NULL };

  for (guint u = 0; u < 10; u++)
    {
      values[u * 2] = a[u];
      values[u * 2 + 1] = b[u];
    }
  g_assert_cmpfloat_with_epsilon (plx_agreement_alpha (&table), 0.095, 0.0005);
}

/* Cohen's κ: the worked example of the Wikipedia article "Cohen's kappa"
 * (50 proposals; both yes 20, A yes B no 5, A no B yes 10, both no 15):
 * p_o = 0.7, p_e = 0.5, κ = 0.4. As weights, the same four rows. */
static void
test_cohen_kappa (void)
{
  const int values[8] = { 1, 1, 1, 0, 0, 1, 0, 0 };
  const double weights[4] = { 20, 5, 10, 15 };
  PlxReliabilityTable table = { 4, 2, 2, values, weights, NULL };

  g_assert_cmpfloat_with_epsilon (plx_agreement_cohen_kappa (&table), 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (plx_agreement_percent (&table), 0.7, 1e-9);
}

/* Fleiss' κ: the worked example of the Wikipedia article "Fleiss' kappa"
 * (ten subjects, fourteen raters, five categories): κ = 0.210. */
static void
test_fleiss_kappa (void)
{
  const guint counts[10][5] = {
    { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 }, { 2, 2, 8, 1, 1 },
    { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 }, { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 },
  };
  int values[10 * 14];
  PlxReliabilityTable table = { 10, 14, 5, values, NULL, NULL };

  for (guint u = 0; u < 10; u++)
    {
      guint rater = 0;

      for (guint k = 0; k < 5; k++)
        for (guint n = 0; n < counts[u][k]; n++)
          values[u * 14 + rater++] = (int) k;
      g_assert_cmpuint (rater, ==, 14);
    }
  g_assert_cmpfloat_with_epsilon (plx_agreement_fleiss_kappa (&table), 0.210, 0.0005);
}

/* Passonneau (2006): MASI = 1 − J·M. */
static void
test_masi (void)
{
  const char *ab[] = { "a", "b", NULL }, *ba[] = { "b", "a", NULL }, *a[] = { "a", NULL };
  const char *bc[] = { "b", "c", NULL }, *b[] = { "b", NULL }, *none[] = { NULL };

  g_assert_cmpfloat_with_epsilon (plx_agreement_masi_distance (ab, ba), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (plx_agreement_masi_distance (a, ab), 1.0 - 0.5 * 2.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (plx_agreement_masi_distance (ab, bc), 1.0 - (1.0 / 3.0) * (1.0 / 3.0), 1e-12);
  g_assert_cmpfloat_with_epsilon (plx_agreement_masi_distance (a, b), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (plx_agreement_masi_distance (none, none), 0.0, 1e-12);
}

/* Undefined, not a number pretending to be one: a single value throughout,
 * or nothing pairable. */
static void
test_undefined (void)
{
  const int same[4] = { 1, 1, 1, 1 };
  const int lonely[4] = { 0, M, M, 1 };
  PlxReliabilityTable all_same = { 2, 2, 2, same, NULL, NULL };
  PlxReliabilityTable unpaired = { 2, 2, 2, lonely, NULL, NULL };

  g_assert_true (isnan (plx_agreement_alpha (&all_same)));
  g_assert_true (isnan (plx_agreement_cohen_kappa (&all_same)));
  g_assert_true (isnan (plx_agreement_alpha (&unpaired)));
  g_assert_true (isnan (plx_agreement_percent (&unpaired)));
}

/* ---- a project ---- */

typedef struct {
  char       *dir;
  PlxProject *project;
  gint64      document_id;
} Fixture;

static void
tag (Fixture            *fixture,
     const char         *author,
     guint               start,
     guint               end,
     guint               perspective,
     const char * const *themes)
{
  g_autoptr(PlxAnnotation) a = NULL;
  g_autoptr(PlxPerspective) p = g_list_model_get_item (plx_project_get_perspectives (fixture->project), perspective);
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_project_load_document (fixture->project, fixture->document_id, &error);

  g_assert_no_error (error);
  a = plx_annotation_new_for_range (document, start, end, plx_perspective_get_id (p), &error);
  g_object_unref (document);
  g_assert_no_error (error);
  plx_annotation_set_author (a, author);
  plx_annotation_set_themes (a, themes);
  g_assert_true (plx_project_add_annotation (fixture->project, a, &error));
  g_assert_no_error (error);
}

/* A text of 100 characters; A and B each tag three passages:
 *   A [0,10) P0 {x}   [20,30) P1 {x,y}   [50,60) P0 {}
 *   B [0,10) P0 {x}   [22,30) P1 {y}     [50,60) P1 {}
 * Worked by hand in docs/agreement.md ("A worked example"). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *x[] = { "x", NULL }, *xy[] = { "x", "y", NULL }, *y[] = { "y", NULL }, *none[] = { NULL };
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = plx_test_make_tempdir ();
  path = g_build_filename (fixture->dir, "coders.parallax", NULL);
  fixture->project = plx_project_create (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 10; i++)
    g_string_append (text, "abcdefghi ");
  document = plx_document_new_from_data (text->str, text->len, PLX_DOCUMENT_FORMAT_PLAIN, "Ten words", &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (fixture->project, document, &error));
  g_assert_no_error (error);
  fixture->document_id = plx_document_get_id (document);

  tag (fixture, "A", 0, 10, 0, x);
  tag (fixture, "A", 20, 30, 1, xy);
  tag (fixture, "A", 50, 60, 0, none);
  tag (fixture, "B", 0, 10, 0, x);
  tag (fixture, "B", 22, 30, 1, y);
  tag (fixture, "B", 50, 60, 1, none);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static const PlxAgreementRow *
find_row (GPtrArray  *rows,
          const char *measure,
          const char *aspect,
          const char *group)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const PlxAgreementRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->measure, measure) && g_str_equal (row->aspect, aspect) && g_str_equal (row->group, group))
        return row;
    }
  g_assert_not_reached ();
}

static void
assert_measure (GPtrArray  *rows,
                const char *measure,
                const char *aspect,
                const char *group,
                double      expected,
                guint       units)
{
  const PlxAgreementRow *row = find_row (rows, measure, aspect, group);

  g_test_message ("%s %s %s: %.4f [%.4f, %.4f] over %u", aspect, measure, group, row->value, row->ci_low,
                  row->ci_high, row->units);
  g_assert_cmpfloat_with_epsilon (row->value, expected, 1e-4);
  g_assert_cmpuint (row->units, ==, units);
  g_assert_cmpstr (row->coders, ==, "A, B");
  if (isfinite (row->ci_low))
    {
      g_assert_cmpfloat (row->ci_low, <=, row->value + 1e-9);
      g_assert_cmpfloat (row->ci_high, >=, row->value - 1e-9);
    }
}

static void
test_project_two_coders (Fixture       *fixture,
                         gconstpointer  data)
{
  PlxAgreementOptions options = { NULL, 0, PLX_AGREEMENT_BY_NONE, PLX_AGREEMENT_DEFAULT_OVERLAP, 200 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  rows = plx_agreement_compute (fixture->project, &options, &error);
  g_assert_no_error (error);
  /* Where: 100 characters, A alone inside [20,22). */
  assert_measure (rows, "alpha_u", "unitizing", "", 1.0 - 199.0 * 4.0 / (2.0 * 58 * 142), 100);
  assert_measure (rows, "percent", "unitizing", "", 0.98, 100);
  /* Whose: three passages both marked, one given different voices. */
  assert_measure (rows, "alpha_nominal", "attribution", "", 1.0 - 5.0 * 2.0 / 18.0, 3);
  assert_measure (rows, "cohen_kappa", "attribution", "", 0.4, 3);
  assert_measure (rows, "percent", "attribution", "", 2.0 / 3.0, 3);
  /* What: {x}={x}, {x,y}≠{y} (MASI 2/3), {}={}. */
  assert_measure (rows, "alpha_masi", "themes", "", 1.0 - 5.0 * (4.0 / 3.0) / 24.0, 3);
  assert_measure (rows, "percent", "themes", "", 2.0 / 3.0, 3);

  /* The intervals come from a fixed seed: the same on every run. */
  again = plx_agreement_compute (fixture->project, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (find_row (rows, "alpha_u", "unitizing", "")->ci_low, ==,
                     find_row (again, "alpha_u", "unitizing", "")->ci_low);
}

static void
test_project_by_perspective (Fixture       *fixture,
                             gconstpointer  data)
{
  PlxAgreementOptions options = { NULL, 0, PLX_AGREEMENT_BY_PERSPECTIVE, PLX_AGREEMENT_DEFAULT_OVERLAP, 0 };
  g_autoptr(PlxPerspective) first = g_list_model_get_item (plx_project_get_perspectives (fixture->project), 0);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const PlxAgreementRow *row;

  rows = plx_agreement_compute (fixture->project, &options, &error);
  g_assert_no_error (error);
  /* The first perspective: both at [0,10), A alone at [50,60). The
   * passages asked about: [0,10) yes/yes and [50,60) yes/no. */
  row = find_row (rows, "percent", "attribution", plx_perspective_get_name (first));
  g_assert_cmpfloat_with_epsilon (row->value, 0.5, 1e-9);
  g_assert_cmpuint (row->units, ==, 2);
  row = find_row (rows, "percent", "unitizing", plx_perspective_get_name (first));
  g_assert_cmpfloat_with_epsilon (row->value, 0.9, 1e-9);
  g_assert_true (isnan (row->ci_low));
}

/* In a worker, on a connection of its own: the same rows. */
static void
test_project_async (Fixture       *fixture,
                    gconstpointer  data)
{
  PlxAgreementOptions options = { NULL, 0, PLX_AGREEMENT_BY_NONE, PLX_AGREEMENT_DEFAULT_OVERLAP, 50 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) sync_rows = NULL;
  g_autoptr(GError) error = NULL;

  plx_agreement_compute_async (fixture->project, &options, NULL, plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  rows = plx_agreement_compute_finish (fixture->project, result, &error);
  g_assert_no_error (error);
  sync_rows = plx_agreement_compute (fixture->project, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, sync_rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const PlxAgreementRow *a = g_ptr_array_index (rows, i), *b = g_ptr_array_index (sync_rows, i);

      g_assert_cmpstr (a->measure, ==, b->measure);
      g_assert_true ((isnan (a->value) && isnan (b->value)) || a->value == b->value);
      g_assert_true ((isnan (a->ci_low) && isnan (b->ci_low)) || a->ci_low == b->ci_low);
    }
}

static void
test_project_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *one[] = { "A", NULL }, *unknown[] = { "A", "Zara", NULL };
  PlxAgreementOptions options = { one, 0, PLX_AGREEMENT_BY_NONE, PLX_AGREEMENT_DEFAULT_OVERLAP, 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = plx_agreement_compute (fixture->project, &options, &error);
  g_assert_null (rows);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "at least two coders"));
  g_clear_error (&error);

  options.coders = unknown;
  rows = plx_agreement_compute (fixture->project, &options, &error);
  g_assert_null (rows);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "Zara"));
}

/* parallax-cli agreement: JSON whose measures carry measure, value,
 * ci_low, ci_high, units and coders; TSV; one-line errors. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  const char *path = plx_project_get_path (fixture->project);
  const char *json_args[] = { "agreement", path, "--samples", "100", NULL };
  const char *tsv_args[] = { "agreement", path, "--format", "tsv", "--by", "perspective", "--samples", "0", NULL };
  const char *one_args[] = { "agreement", path, "--coders", "A", NULL };
  const char *bad_args[] = { "agreement", path, "--by", "colour", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *measures;
  gboolean found_kappa = FALSE;
  int status;

  if (g_getenv ("PLX_CLI") == NULL)
    {
      g_test_skip ("PLX_CLI is not set");
      return;
    }
  out = plx_test_run_cli (json_args, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  measures = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "measures");
  for (guint i = 0; i < json_array_get_length (measures); i++)
    {
      JsonObject *m = json_array_get_object_element (measures, i);

      g_assert_true (json_object_has_member (m, "ci_low") && json_object_has_member (m, "ci_high"));
      g_assert_true (json_object_has_member (m, "units") && json_object_has_member (m, "coders"));
      if (g_str_equal (json_object_get_string_member (m, "measure"), "cohen_kappa"))
        {
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (m, "value"), 0.4, 1e-9);
          g_assert_cmpint (json_object_get_int_member (m, "units"), ==, 3);
          g_assert_cmpstr (json_object_get_string_member (m, "coders"), ==, "A, B");
          found_kappa = TRUE;
        }
    }
  g_assert_true (found_kappa);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = plx_test_run_cli (tsv_args, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "measure\taspect\tgroup\tcoders\tvalue\tci_low\tci_high\tunits\n"));
  g_assert_nonnull (strstr (out, "percent\tattribution\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = plx_test_run_cli (one_args, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "at least two coders"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = plx_test_run_cli (bad_args, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--by takes perspective, theme or section"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/alpha/krippendorff-nominal", test_alpha_nominal_krippendorff);
  g_test_add_func ("/agreement/alpha/krippendorff-binary", test_alpha_binary_krippendorff);
  g_test_add_func ("/agreement/cohen-kappa", test_cohen_kappa);
  g_test_add_func ("/agreement/fleiss-kappa", test_fleiss_kappa);
  g_test_add_func ("/agreement/masi", test_masi);
  g_test_add_func ("/agreement/undefined", test_undefined);
  g_test_add ("/agreement/project/two-coders", Fixture, NULL, fixture_set_up, test_project_two_coders, fixture_tear_down);
  g_test_add ("/agreement/project/by-perspective", Fixture, NULL, fixture_set_up, test_project_by_perspective, fixture_tear_down);
  g_test_add ("/agreement/project/async", Fixture, NULL, fixture_set_up, test_project_async, fixture_tear_down);
  g_test_add ("/agreement/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/agreement/project/errors", Fixture, NULL, fixture_set_up, test_project_errors, fixture_tear_down);
  return g_test_run ();
}
