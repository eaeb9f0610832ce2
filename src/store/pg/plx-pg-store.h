/* plx-pg-store.h: a team project on a PostgreSQL server, through libpq.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-store.h"

G_BEGIN_DECLS

#define PLX_TYPE_PG_STORE (plx_pg_store_get_type ())
G_DECLARE_FINAL_TYPE (PlxPgStore, plx_pg_store, PLX, PG_STORE, GObject)

gboolean  plx_pg_store_is_uri    (const char  *location);
PlxStore *plx_pg_store_open      (const char  *uri,
                                  GError     **error);
PlxStore *plx_pg_store_create    (const char  *uri,
                                  GPtrArray   *perspectives,
                                  GError     **error);
int       plx_pg_store_get_schema_version (PlxPgStore *self);
gboolean  plx_pg_store_add_member (PlxPgStore  *self,
                                   const char  *name,
                                   const char  *role,
                                   GError     **error);

G_END_DECLS
