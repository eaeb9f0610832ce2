/* plx-cli-divergence.c: parallax-cli divergence, how far the perspectives'
 * narratives diverge, as a readable report, JSON or TSV
 * (docs/divergence.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include <math.h>
#include <json-glib/json-glib.h>

#include "plx-cli.h"

static const char *
perspective_name (PlxDivergence *d,
                  guint          p)
{
  return plx_perspective_get_name (g_ptr_array_index (d->perspectives, p));
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static gint64
document_id (PlxDivergence *d,
             guint          document)
{
  return plx_document_get_id (g_ptr_array_index (d->documents, document));
}

static int
compare_contributions (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const double *contributions = user_data;
  double x = contributions[*(const guint *) a], y = contributions[*(const guint *) b];

  return (x < y) - (x > y);
}

/* The themes of a pair, largest part of its divergence first. */
static GArray *
pair_themes (PlxDivergence           *d,
             const PlxDivergencePair *pair)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint t = 0; t < d->themes->len; t++)
    if (pair->contributions[t] > 0)
      g_array_append_val (order, t);
  g_array_sort_with_data (order, compare_contributions, pair->contributions);
  return order;
}

static void
build_scope_json (JsonBuilder              *builder,
                  PlxDivergence            *d,
                  const PlxDivergenceScope *scope)
{
  guint P = d->perspectives->len;

  json_builder_begin_object (builder);
  add_string (builder, "kind", plx_divergence_scope_kind_to_string (scope->kind));
  add_string (builder, "label", scope->label);
  json_builder_set_member_name (builder, "document");
  if (scope->document >= 0)
    json_builder_add_int_value (builder, document_id (d, (guint) scope->document));
  else
    json_builder_add_null_value (builder);
  if (scope->kind == PLX_DIVERGENCE_SCOPE_SECTION)
    {
      add_int (builder, "start", scope->start);
      add_int (builder, "end", scope->end);
    }
  add_int (builder, "passages", scope->n_passages);
  plx_cli_json_add_number (builder, "mean_jsd", scope->mean_jsd);

  json_builder_set_member_name (builder, "perspectives");
  json_builder_begin_array (builder);
  for (guint p = 0; p < P; p++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "name", perspective_name (d, p));
      add_int (builder, "themed_passages", scope->n_themed[p]);
      add_int (builder, "untagged_passages", scope->n_untagged[p]);
      plx_cli_json_add_number (builder, "themed_characters", scope->weight[p]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scope->n_pairs; i++)
    {
      const PlxDivergencePair *pair = &scope->pairs[i];
      g_autoptr(GArray) order = pair_themes (d, pair);

      json_builder_begin_object (builder);
      add_string (builder, "a", perspective_name (d, pair->a));
      add_string (builder, "b", perspective_name (d, pair->b));
      add_string (builder, "status", plx_divergence_status_to_string (pair->status));
      plx_cli_json_add_number (builder, "jsd", pair->jsd);
      plx_cli_json_add_number (builder, "corrected", pair->corrected);
      plx_cli_json_add_number (builder, "ci_low", pair->ci_low);
      plx_cli_json_add_number (builder, "ci_high", pair->ci_high);
      json_builder_set_member_name (builder, "themes");
      json_builder_begin_array (builder);
      for (guint k = 0; k < order->len; k++)
        {
          guint t = g_array_index (order, guint, k);

          json_builder_begin_object (builder);
          add_string (builder, "theme", g_ptr_array_index (d->themes, t));
          plx_cli_json_add_number (builder, "contribution", pair->contributions[t]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "salience");
  json_builder_begin_array (builder);
  for (guint k = 0; k < d->themes->len; k++)
    {
      guint t = scope->ranking[k];

      json_builder_begin_object (builder);
      add_string (builder, "theme", g_ptr_array_index (d->themes, t));
      plx_cli_json_add_number (builder, "spread", scope->spread[t]);
      json_builder_set_member_name (builder, "shares");
      json_builder_begin_object (builder);
      for (guint p = 0; p < P; p++)
        plx_cli_json_add_number (builder, perspective_name (d, p), scope->shares[(gsize) t * P + p]);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
build_json (JsonBuilder   *builder,
            PlxDivergence *d)
{
  json_builder_begin_object (builder);
  add_int (builder, "replicates", d->n_replicates);
  add_int (builder, "seed", d->seed);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->documents->len; i++)
    {
      json_builder_begin_object (builder);
      add_int (builder, "id", document_id (d, i));
      add_string (builder, "title", plx_document_get_title (g_ptr_array_index (d->documents, i)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "perspectives");
  json_builder_begin_array (builder);
  for (guint p = 0; p < d->perspectives->len; p++)
    json_builder_add_string_value (builder, perspective_name (d, p));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "scopes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->scopes->len; i++)
    build_scope_json (builder, d, g_ptr_array_index (d->scopes, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "contested");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->contested->len; i++)
    {
      const PlxContestedSpan *span = g_ptr_array_index (d->contested, i);

      json_builder_begin_object (builder);
      add_int (builder, "document", document_id (d, span->document));
      add_int (builder, "start", span->start);
      add_int (builder, "end", span->end);
      add_string (builder, "quote", span->quote);
      json_builder_set_member_name (builder, "perspectives");
      json_builder_begin_array (builder);
      for (guint p = 0; p < span->n_perspectives; p++)
        {
          if (span->themes[p] == NULL)
            continue;
          json_builder_begin_object (builder);
          add_string (builder, "name", perspective_name (d, p));
          json_builder_set_member_name (builder, "themes");
          json_builder_begin_array (builder);
          for (char **t = span->themes[p]; *t != NULL; t++)
            json_builder_add_string_value (builder, *t);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "passages");
      json_builder_begin_array (builder);
      for (guint k = 0; k < span->passages->len; k++)
        json_builder_add_string_value (builder,
                                       g_array_index (d->passages, PlxDivergencePassage,
                                                      g_array_index (span->passages, guint, k)).uuid);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* ---- TSV: three tables, each with its header, an empty line between ---- */

static void
append_scope_cells (GString                  *out,
                    PlxDivergence            *d,
                    const PlxDivergenceScope *scope)
{
  g_string_append (out, plx_divergence_scope_kind_to_string (scope->kind));
  g_string_append_c (out, '\t');
  plx_cli_append_tsv_cell (out, scope->label);
  if (scope->document >= 0)
    g_string_append_printf (out, "\t%" G_GINT64_FORMAT, document_id (d, (guint) scope->document));
  else
    g_string_append_c (out, '\t');
  if (scope->kind == PLX_DIVERGENCE_SCOPE_SECTION)
    g_string_append_printf (out, "\t%u\t%u", scope->start, scope->end);
  else
    g_string_append (out, "\t\t");
}

static void
build_tsv (GString       *out,
           PlxDivergence *d)
{
  guint P = d->perspectives->len;

  g_string_append (out, "scope\tlabel\tdocument\tstart\tend\ta\tb\tstatus\tjsd\tcorrected\tci_low\tci_high\n");
  for (guint i = 0; i < d->scopes->len; i++)
    {
      const PlxDivergenceScope *scope = g_ptr_array_index (d->scopes, i);

      for (guint k = 0; k < scope->n_pairs; k++)
        {
          const PlxDivergencePair *pair = &scope->pairs[k];

          append_scope_cells (out, d, scope);
          g_string_append_c (out, '\t');
          plx_cli_append_tsv_cell (out, perspective_name (d, pair->a));
          g_string_append_c (out, '\t');
          plx_cli_append_tsv_cell (out, perspective_name (d, pair->b));
          g_string_append_printf (out, "\t%s", plx_divergence_status_to_string (pair->status));
          plx_cli_append_number (out, "\t", pair->jsd, 4, "");
          plx_cli_append_number (out, "\t", pair->corrected, 4, "");
          plx_cli_append_number (out, "\t", pair->ci_low, 4, "");
          plx_cli_append_number (out, "\t", pair->ci_high, 4, "");
          g_string_append_c (out, '\n');
        }
    }

  g_string_append (out, "\nscope\tlabel\tdocument\tstart\tend\ttheme\tspread");
  for (guint p = 0; p < P; p++)
    {
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, perspective_name (d, p));
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < d->scopes->len; i++)
    {
      const PlxDivergenceScope *scope = g_ptr_array_index (d->scopes, i);

      for (guint k = 0; k < d->themes->len; k++)
        {
          guint t = scope->ranking[k];

          append_scope_cells (out, d, scope);
          g_string_append_c (out, '\t');
          plx_cli_append_tsv_cell (out, g_ptr_array_index (d->themes, t));
          plx_cli_append_number (out, "\t", scope->spread[t], 4, "");
          for (guint p = 0; p < P; p++)
            plx_cli_append_number (out, "\t", scope->shares[(gsize) t * P + p], 4, "");
          g_string_append_c (out, '\n');
        }
    }

  g_string_append (out, "\ndocument\tstart\tend\tperspectives\tquote\n");
  for (guint i = 0; i < d->contested->len; i++)
    {
      const PlxContestedSpan *span = g_ptr_array_index (d->contested, i);
      g_autoptr(GString) readings = g_string_new (NULL);

      for (guint p = 0; p < span->n_perspectives; p++)
        if (span->themes[p] != NULL)
          {
            g_autofree char *themes = g_strjoinv (",", span->themes[p]);

            g_string_append_printf (readings, "%s%s: %s", readings->len > 0 ? "; " : "", perspective_name (d, p),
                                    themes);
          }
      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%u\t%u\t", document_id (d, span->document), span->start,
                              span->end);
      plx_cli_append_tsv_cell (out, readings->str);
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, span->quote);
      g_string_append_c (out, '\n');
    }
}

/* ---- text: for a person ---- */

/* @text in @width characters (not bytes), cut with an ellipsis or padded;
 * on the left, or on the right if @right. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);

  if (length > (glong) width)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, width - 1);

      g_string_append_printf (out, "%s…", cut);
      return;
    }
  if (right)
    for (glong i = length; i < (glong) width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = length; i < (glong) width; i++)
      g_string_append_c (out, ' ');
}

static void
append_pair_line (GString                 *out,
                  PlxDivergence           *d,
                  const PlxDivergencePair *pair)
{
  g_autofree char *names = g_strdup_printf ("%s – %s", perspective_name (d, pair->a), perspective_name (d, pair->b));

  g_string_append (out, "  ");
  append_padded (out, names, 32, FALSE);
  g_string_append_c (out, ' ');
  if (pair->status != PLX_DIVERGENCE_DEFINED)
    {
      if (pair->status == PLX_DIVERGENCE_NO_COVERAGE_BOTH)
        g_string_append (out, _("undefined: neither has a passage with a theme here"));
      else
        g_string_append_printf (out, _("undefined: %s has no passage with a theme here"),
                                perspective_name (d, pair->status == PLX_DIVERGENCE_NO_COVERAGE_A ? pair->a : pair->b));
    }
  else
    {
      g_autoptr(GArray) order = pair_themes (d, pair);

      plx_cli_append_number (out, "", pair->jsd, 3, "—");
      if (isfinite (pair->ci_low))
        g_string_append_printf (out, "  %.3f  [%.3f, %.3f]", pair->corrected, pair->ci_low, pair->ci_high);
      for (guint k = 0; k < MIN (order->len, 3); k++)
        g_string_append_printf (out, "%s%s", k == 0 ? "  " : ", ",
                                (const char *) g_ptr_array_index (d->themes, g_array_index (order, guint, k)));
    }
  g_string_append_c (out, '\n');
}

static void
build_text (GString       *out,
            PlxDivergence *d)
{
  guint P = d->perspectives->len;

  for (guint i = 0; i < d->scopes->len; i++)
    {
      const PlxDivergenceScope *scope = g_ptr_array_index (d->scopes, i);

      if (scope->kind == PLX_DIVERGENCE_SCOPE_SECTION)
        continue;
      if (*scope->label != '\0')
        g_string_append_printf (out, "%s\n", scope->label);
      else
        g_string_append_printf (out, _("Documents: %u\n"), d->documents->len);
      g_string_append_printf (out, "%s\n", _("Jensen–Shannon divergence (0 alike, 1 nothing in common); less its small-sample bias; interval (95%); the themes that weigh most:"));
      if (scope->n_pairs == 0)
        g_string_append_printf (out, "  %s\n", _("Only one perspective: nothing to compare."));
      for (guint k = 0; k < scope->n_pairs; k++)
        append_pair_line (out, d, &scope->pairs[k]);
      if (scope->kind == PLX_DIVERGENCE_SCOPE_SLICE && d->themes->len > 0)
        {
          g_string_append_printf (out, "\n%s\n  ", _("Share of each perspective’s themed characters, widest gap first:"));
          append_padded (out, "", 24, FALSE);
          g_string_append_c (out, ' ');
          append_padded (out, _("gap"), 7, TRUE);
          for (guint p = 0; p < P; p++)
            {
              g_string_append_c (out, ' ');
              append_padded (out, perspective_name (d, p), 12, TRUE);
            }
          g_string_append_c (out, '\n');
          for (guint k = 0; k < MIN (d->themes->len, 15); k++)
            {
              guint t = scope->ranking[k];

              g_string_append (out, "  ");
              append_padded (out, g_ptr_array_index (d->themes, t), 24, FALSE);
              g_string_append_c (out, ' ');
              if (isfinite (scope->spread[t]))
                g_string_append_printf (out, "%7.3f", scope->spread[t]);
              else
                g_string_append_printf (out, "%7s", "—");
              for (guint p = 0; p < P; p++)
                if (isfinite (scope->shares[(gsize) t * P + p]))
                  g_string_append_printf (out, " %12.3f", scope->shares[(gsize) t * P + p]);
                else
                  g_string_append_printf (out, " %12s", "—");
              g_string_append_c (out, '\n');
            }
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < d->scopes->len; i++)
    {
      const PlxDivergenceScope *scope = g_ptr_array_index (d->scopes, i);

      if (scope->kind != PLX_DIVERGENCE_SCOPE_SECTION)
        continue;
      if (i == 0 || ((PlxDivergenceScope *) g_ptr_array_index (d->scopes, i - 1))->kind != PLX_DIVERGENCE_SCOPE_SECTION)
        g_string_append_printf (out, "%s\n", _("By section (mean divergence over the pairs):"));
      g_string_append (out, "  ");
      plx_cli_append_number (out, "", scope->mean_jsd, 3, "—");
      g_string_append_printf (out, "  %s\n", scope->label);
    }

  g_string_append_printf (out, "\n%s %u\n", _("Contested spans:"), d->contested->len);
  for (guint i = 0; i < d->contested->len; i++)
    {
      const PlxContestedSpan *span = g_ptr_array_index (d->contested, i);
      g_autofree char *quote = g_utf8_substring (span->quote, 0, MIN (g_utf8_strlen (span->quote, -1), 60));

      g_strdelimit (quote, "\t\r\n", ' ');

      g_string_append_printf (out, "  %" G_GINT64_FORMAT " [%u, %u) “%s%s”\n", document_id (d, span->document),
                              span->start, span->end, quote, g_utf8_strlen (span->quote, -1) > 60 ? "…" : "");
      for (guint p = 0; p < span->n_perspectives; p++)
        if (span->themes[p] != NULL)
          {
            g_autofree char *themes = g_strjoinv (", ", span->themes[p]);

            g_string_append_printf (out, "      %s: %s\n", perspective_name (d, p), themes);
          }
    }
}

static gboolean
parse_count (const char *text,
             guint64     max,
             guint64    *value)
{
  return text != NULL && g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

int
plx_cli_divergence (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("How far the perspectives’ narratives diverge: the Jensen–Shannon divergence of their theme distributions with 95% bootstrap intervals, the themes that set them apart, the spans they read differently; see docs/divergence.md."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDivergence) result = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) documents = NULL;
  g_autofree char *by = NULL;
  g_autofree char *format = NULL;
  g_autofree char *replicates_arg = NULL;
  g_autofree char *seed_arg = NULL;
  guint64 replicates = PLX_DIVERGENCE_DEFAULT_REPLICATES, seed = PLX_DIVERGENCE_DEFAULT_SEED;
  PlxDivergenceOptions options = { NULL, 0, FALSE, 0, 0 };
  GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents, N_("Only this document, by id or title; repeat for several (default: every document)"), N_("ID|TITLE") },
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by, N_("section: also each section of each document"), N_("GROUP") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default), json or tsv"), N_("FORMAT") },
    { "replicates", 0, 0, G_OPTION_ARG_STRING, &replicates_arg, N_("Bootstrap resamples for the intervals, 0–100000; 0 for none (default 1000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_arg, N_("Seed of the resampling, 0–4294967295 (default 20261203)"), "N" },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json") && !g_str_equal (format, "tsv"))
    return plx_cli_usage_error (context, _("--format takes text, json or tsv"));
  if (by != NULL && !g_str_equal (by, "section"))
    return plx_cli_usage_error (context, _("--by takes section"));
  if (replicates_arg != NULL && !parse_count (replicates_arg, 100000, &replicates))
    return plx_cli_usage_error (context, _("--replicates takes a whole number from 0 to 100000"));
  if (seed_arg != NULL && !parse_count (seed_arg, G_MAXUINT32, &seed))
    return plx_cli_usage_error (context, _("--seed takes a whole number from 0 to 4294967295"));

  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  if (documents != NULL)
    {
      if ((summaries = plx_project_list_document_summaries (project, &error)) == NULL)
        return plx_cli_fail (error);
      for (guint i = 0; documents[i] != NULL; i++)
        {
          gint64 id;

          if (!plx_document_summaries_resolve (summaries, documents[i], &id, &error))
            return plx_cli_fail (error);
          g_array_append_val (ids, id);
        }
      options.document_ids = (const gint64 *) ids->data;
      options.n_documents = ids->len;
    }
  options.by_section = by != NULL;
  options.n_replicates = (guint) replicates;
  options.seed = (guint32) seed;
  if ((result = plx_divergence_compute (project, &options, &error)) == NULL)
    return plx_cli_fail (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      build_json (builder, result);
      root = json_builder_get_root (builder);
      if ((json = plx_export_json_to_string (root, TRUE, &error)) == NULL)
        return plx_cli_fail (error);
      g_string_append (out, json);
      g_string_append_c (out, '\n');
    }
  else if (g_strcmp0 (format, "tsv") == 0)
    build_tsv (out, result);
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      build_text (text, result);
      plx_cli_append_terminal_safe (out, text->str, (gssize) text->len);
    }
  plx_cli_write_out (out->str, out->len);
  return EXIT_SUCCESS;
}
