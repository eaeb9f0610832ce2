/* plx-test-pg.h: a throw-away PostgreSQL server for the tests of team
 * projects (tests/pg-test-server.sh starts and stops it).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-core.h"

G_BEGIN_DECLS

/* The server's socket folder, started on first use and stopped when the
 * test program ends (even by a crash). A missing PostgreSQL fails the
 * test, with the reason. */
const char *plx_test_pg_server        (void);
/* A URI for a new, empty database on it. */
char       *plx_test_pg_new_database  (void);
/* The URI of the database plx_test_pg_create_project() made for @path. */
char       *plx_test_pg_uri_for_path  (const char  *path);
/* Stops the server, keeping its data (a server gone away), and starts it
 * again. */
void        plx_test_pg_pause         (void);
void        plx_test_pg_resume        (void);

/* The team server as a backend of the project tests: a location (a path
 * in the fixture's temporary folder) names a database of its own. */
PlxProject *plx_test_pg_create_project (const char  *path,
                                        GError     **error);
PlxProject *plx_test_pg_open_project   (const char  *path,
                                        GError     **error);

G_END_DECLS
