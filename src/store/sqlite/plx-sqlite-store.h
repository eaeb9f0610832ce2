/* plx-sqlite-store.h: a project kept in one SQLite file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-store.h"

G_BEGIN_DECLS

#define PLX_PROJECT_SCHEMA_VERSION 7
/* "PLX1" in the SQLite header tells a project from any other database. */
#define PLX_PROJECT_APPLICATION_ID 0x504C5831

#define PLX_TYPE_SQLITE_STORE (plx_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (PlxSqliteStore, plx_sqlite_store, PLX, SQLITE_STORE, GObject)

PlxStore *plx_sqlite_store_open   (const char  *path,
                                   gboolean     check,
                                   GError     **error);
PlxStore *plx_sqlite_store_open_for_reading (const char  *path,
                                             GError     **error);
PlxStore *plx_sqlite_store_create (const char  *path,
                                   GPtrArray   *perspectives,
                                   GError     **error);

gboolean  plx_sqlite_store_set_log_aside (const char  *path,
                                         char       **aside_path,
                                         GError     **error);

G_END_DECLS
