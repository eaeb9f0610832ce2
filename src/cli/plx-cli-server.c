/* plx-cli-server.c: parallax-cli server: team projects on a PostgreSQL
 * server (docs/team-server.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include "plx-cli.h"

int
plx_cli_server (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    plx_cli_command_context ("init URI", _("Team projects on a PostgreSQL server. “init URI” makes a project, with the "
                                           "four default perspectives, in the empty database that URI names "
                                           "(postgresql://USER@HOST:PORT/DATABASE)."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 2, &status))
    return status;
  if (g_strcmp0 (argv[1], "init") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("unknown action “%s” (known: init)"), argv[1]);
      return plx_cli_usage_error (context, message);
    }
  if (!plx_project_is_server_location (argv[2]))
    return plx_cli_usage_error (context, _("URI is a postgresql:// or postgres:// URI"));
  project = plx_project_create (argv[2], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  g_print ("%s\n", plx_project_get_path (project));
  return EXIT_SUCCESS;
}
