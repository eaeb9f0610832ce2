/* plx-cli-report.c: parallax-cli report, the comparison report as one
 * HTML file or a PDF (plx-report.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include "plx-cli.h"

int
plx_cli_report (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("Write the comparison report: per theme the passages side by side, one column per perspective, with citations and notes; the counts, maps and heat map; the coders’ agreement; the version, content hashes and date."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_arg = NULL;
  g_autofree char *output = NULL;
  PlxReportFormat format;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_arg, N_("html or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the report to FILE"), N_("FILE") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (format_arg == NULL || !plx_report_format_from_string (format_arg, &format))
    return plx_cli_usage_error (context, _("--format takes html or pdf"));
  if (output == NULL)
    return plx_cli_usage_error (context, _("-o FILE is required: where to write the report"));

  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  file = g_file_new_for_commandline_arg (output);
  if (!plx_report_write (project, format, file, NULL, NULL, NULL, &error))
    return plx_cli_fail (error);
  return EXIT_SUCCESS;
}
