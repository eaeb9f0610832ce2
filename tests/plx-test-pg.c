/* plx-test-pg.c: a throw-away PostgreSQL server for the tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-test"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libpq-fe.h>

#include "plx-test-pg.h"

static char *server_dir;

static void
run_script (const char  *command,
            const char  *argument,
            char       **out)
{
  const char *script = g_getenv ("PLX_PG_TEST_SERVER");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { script, command, argument, NULL };

  if (script == NULL)
    g_error ("PLX_PG_TEST_SERVER is not set: run the tests through meson (build-aux/test.sh)");
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, &err, &status, &error))
    g_error ("Could not run %s: %s", script, error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("The PostgreSQL test server could not %s: %s", command, err);
}

static void
stop_server (void)
{
  if (server_dir != NULL)
    run_script ("stop", server_dir, NULL);
  g_clear_pointer (&server_dir, g_free);
}

const char *
plx_test_pg_server (void)
{
  g_autofree char *pid = NULL;
  char *out = NULL;

  if (server_dir != NULL)
    return server_dir;
  pid = g_strdup_printf ("%d", (int) getpid ());
  run_script ("start", pid, &out);
  server_dir = g_strstrip (out);
  atexit (stop_server);
  return server_dir;
}

static char *
uri_for (const char *database)
{
  g_autofree char *host = g_uri_escape_string (plx_test_pg_server (), NULL, FALSE);

  return g_strdup_printf ("postgresql:///%s?host=%s&user=plx", database, host);
}

/* Makes the database @name; its name is ours, made of [a-z0-9_]. */
static void
create_database (const char *name)
{
  g_autofree char *admin = uri_for ("postgres");
  PGconn *conn = PQconnectdb (admin);
  char *quoted;
  g_autofree char *sql = NULL;
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Could not connect to the test server: %s", PQerrorMessage (conn));
  quoted = PQescapeIdentifier (conn, name, strlen (name));
  sql = g_strconcat ("CREATE DATABASE ", quoted, " ENCODING 'UTF8'", NULL);
  PQfreemem (quoted);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("Could not create the test database %s: %s", name, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

char *
plx_test_pg_new_database (void)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("plx_test_%u", ++serial);

  create_database (name);
  return uri_for (name);
}

static char *
database_for_path (const char *path)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);

  hash[20] = '\0';
  return g_strconcat ("plx_", hash, NULL);
}

char *
plx_test_pg_uri_for_path (const char *path)
{
  g_autofree char *name = database_for_path (path);

  return uri_for (name);
}

PlxProject *
plx_test_pg_create_project (const char  *path,
                            GError     **error)
{
  g_autofree char *name = database_for_path (path);
  g_autofree char *uri = uri_for (name);

  create_database (name);
  return plx_project_create (uri, error);
}

PlxProject *
plx_test_pg_open_project (const char  *path,
                          GError     **error)
{
  g_autofree char *uri = plx_test_pg_uri_for_path (path);

  return plx_project_open (uri, error);
}

void
plx_test_pg_pause (void)
{
  run_script ("pause", plx_test_pg_server (), NULL);
}

void
plx_test_pg_resume (void)
{
  run_script ("resume", plx_test_pg_server (), NULL);
}
