/* plx-cli-agreement.c: parallax-cli agreement, the coders' agreement as
 * JSON or TSV (docs/agreement.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include <math.h>
#include <json-glib/json-glib.h>

#include "plx-cli.h"

static void
build_json (JsonBuilder *builder,
            GPtrArray   *rows)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "measures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const PlxAgreementRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "measure");
      json_builder_add_string_value (builder, row->measure);
      json_builder_set_member_name (builder, "aspect");
      json_builder_add_string_value (builder, row->aspect);
      json_builder_set_member_name (builder, "group");
      json_builder_add_string_value (builder, row->group);
      json_builder_set_member_name (builder, "coders");
      json_builder_add_string_value (builder, row->coders);
      plx_cli_json_add_number (builder, "value", row->value);
      plx_cli_json_add_number (builder, "ci_low", row->ci_low);
      plx_cli_json_add_number (builder, "ci_high", row->ci_high);
      json_builder_set_member_name (builder, "units");
      json_builder_add_int_value (builder, row->units);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
build_tsv (GString   *tsv,
           GPtrArray *rows)
{
  g_string_append (tsv, "measure\taspect\tgroup\tcoders\tvalue\tci_low\tci_high\tunits\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const PlxAgreementRow *row = g_ptr_array_index (rows, i);

      plx_cli_append_tsv_cell (tsv, row->measure);
      g_string_append_c (tsv, '\t');
      plx_cli_append_tsv_cell (tsv, row->aspect);
      g_string_append_c (tsv, '\t');
      plx_cli_append_tsv_cell (tsv, row->group);
      g_string_append_c (tsv, '\t');
      plx_cli_append_tsv_cell (tsv, row->coders);
      plx_cli_append_number (tsv, "\t", row->value, 4, "");
      plx_cli_append_number (tsv, "\t", row->ci_low, 4, "");
      plx_cli_append_number (tsv, "\t", row->ci_high, 4, "");
      g_string_append_printf (tsv, "\t%u\n", row->units);
    }
}

int
plx_cli_agreement (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("How far the coders (the passages’ authors) agree on where passages are, whose voice they are and what they are about, with 95% bootstrap intervals; see docs/agreement.md."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coders_arg = NULL;
  g_autofree char *by_arg = NULL;
  g_autofree char *document_arg = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) coders = NULL;
  double overlap = PLX_AGREEMENT_DEFAULT_OVERLAP;
  int samples = PLX_AGREEMENT_DEFAULT_SAMPLES;
  PlxAgreementOptions options = { NULL, 0, PLX_AGREEMENT_BY_NONE, 0, 0 };
  GOptionEntry entries[] = {
    { "coders", 'c', 0, G_OPTION_ARG_STRING, &coders_arg, N_("Only these coders, separated by commas (default: every author)"), N_("A,B,…") },
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by_arg, N_("Per perspective, theme or section"), N_("GROUP") },
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_arg, N_("Only this document (default: every document)"), N_("ID") },
    { "overlap", 0, 0, G_OPTION_ARG_DOUBLE, &overlap, N_("How much two coders’ passages must overlap to be one unit, 0–1 (default 0.5)"), "X" },
    { "samples", 0, 0, G_OPTION_ARG_INT, &samples, N_("Bootstrap resamples for the intervals; 0 for none (default 1000)"), "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("json (default) or tsv"), N_("FORMAT") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && g_strcmp0 (format, "tsv") != 0 && g_strcmp0 (format, "json") != 0)
    return plx_cli_usage_error (context, _("--format takes json or tsv"));
  if (by_arg == NULL)
    options.by = PLX_AGREEMENT_BY_NONE;
  else if (g_str_equal (by_arg, "perspective"))
    options.by = PLX_AGREEMENT_BY_PERSPECTIVE;
  else if (g_str_equal (by_arg, "theme"))
    options.by = PLX_AGREEMENT_BY_THEME;
  else if (g_str_equal (by_arg, "section"))
    options.by = PLX_AGREEMENT_BY_SECTION;
  else
    return plx_cli_usage_error (context, _("--by takes perspective, theme or section"));
  if (!(overlap > 0 && overlap <= 1))
    return plx_cli_usage_error (context, _("--overlap takes a number above 0 and at most 1"));
  if (samples < 0 || samples > 100000)
    return plx_cli_usage_error (context, _("--samples takes a number from 0 to 100000"));
  if (document_arg != NULL && !plx_cli_parse_id (document_arg, &options.document_id))
    return plx_cli_usage_error (context, _("--document takes a document id, a positive number"));
  if (coders_arg != NULL)
    {
      coders = g_strsplit (coders_arg, ",", -1);
      for (guint i = 0; coders[i] != NULL; i++)
        g_strstrip (coders[i]);
      options.coders = (const char * const *) coders;
    }
  options.min_overlap = overlap;
  options.n_samples = (guint) samples;

  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL || (rows = plx_agreement_compute (project, &options, &error)) == NULL)
    return plx_cli_fail (error);

  if (g_strcmp0 (format, "tsv") == 0)
    {
      g_autoptr(GString) tsv = g_string_new (NULL);

      build_tsv (tsv, rows);
      plx_cli_write_out (tsv->str, tsv->len);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      build_json (builder, rows);
      root = json_builder_get_root (builder);
      if ((json = plx_export_json_to_string (root, TRUE, &error)) == NULL)
        return plx_cli_fail (error);
      plx_cli_write_out (json, strlen (json));
      plx_cli_write_out ("\n", 1);
    }
  return EXIT_SUCCESS;
}
