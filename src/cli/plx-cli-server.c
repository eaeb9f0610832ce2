/* plx-cli-server.c: parallax-cli server: team projects on a PostgreSQL
 * server (docs/team-server.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include "plx-cli.h"

static const char * const roles[] = { "reader", "coder", "lead", "admin", NULL };

int
plx_cli_server (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    plx_cli_command_context ("init URI | users URI add NAME --role ROLE",
                             _("Team projects on a PostgreSQL server. “init URI” makes a project, with the four "
                               "default perspectives and the roles, in the empty database that URI names "
                               "(postgresql://USER@HOST:PORT/DATABASE). “users URI add NAME --role ROLE” gives "
                               "the database user NAME (made if new) one role: reader, coder (edits only their "
                               "own passages), lead or admin."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  GOptionEntry entries[] = {
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role, N_("For “users add”: reader, coder, lead or admin"), N_("ROLE") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, PLX_CLI_AT_LEAST (2), &status))
    return status;
  if (!plx_project_is_server_location (argv[2]))
    return plx_cli_usage_error (context, _("URI is a postgresql:// or postgres:// URI"));

  if (g_strcmp0 (argv[1], "init") == 0 && argc == 3)
    {
      project = plx_project_create (argv[2], &error);
      if (project == NULL)
        return plx_cli_fail (error);
      g_print ("%s\n", plx_project_get_path (project));
      return EXIT_SUCCESS;
    }
  if (g_strcmp0 (argv[1], "users") == 0 && argc == 5 && g_strcmp0 (argv[3], "add") == 0)
    {
      if (role == NULL || !g_strv_contains (roles, role))
        return plx_cli_usage_error (context, _("--role takes reader, coder, lead or admin"));
      if (*argv[4] == '\0')
        return plx_cli_usage_error (context, _("NAME is a database user’s name, not empty"));
      project = plx_project_open (argv[2], &error);
      if (project == NULL || !plx_project_add_team_member (project, argv[4], role, &error))
        return plx_cli_fail (error);
      return EXIT_SUCCESS;
    }
  {
    g_autofree char *message = g_strdup_printf (_("unknown action “%s” (known: init URI, users URI add NAME)"),
                                                argv[1]);
    return plx_cli_usage_error (context, message);
  }
}
