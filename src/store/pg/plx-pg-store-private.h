/* plx-pg-store-private.h: shared by the files of the PostgreSQL backend.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "plx-pg-store.h"

G_BEGIN_DECLS

#define PLX_PG_MAX_PARAMS 24

struct _PlxPgStore
{
  GObject     parent_instance;

  char       *uri;          /* as given, for open_another() */
  char       *location;     /* the URI without its password, for messages */
  PGconn     *conn;
  GHashTable *statements;   /* const char *sql → statement name */
  guint       depth;        /* open transaction levels */
  gboolean    wrote;        /* a row changed in the open transaction */
  gboolean    missed;       /* reconnected: others' commits went unannounced */
  gboolean    reconnecting;
  int         version;      /* the schema version found */
};

/* The parameters of one statement, all sent as text except bytes. */
typedef struct {
  int         n;
  const char *values[PLX_PG_MAX_PARAMS];
  int         lengths[PLX_PG_MAX_PARAMS];
  int         formats[PLX_PG_MAX_PARAMS];
  char        numbers[PLX_PG_MAX_PARAMS][24];
} PlxPgParams;

void      _plx_pg_param_text  (PlxPgParams *params,
                               const char  *text);
void      _plx_pg_param_int   (PlxPgParams *params,
                               gint64       value);
void      _plx_pg_param_bytes (PlxPgParams *params,
                               const void  *data,
                               gsize        size);

PGresult *_plx_pg_exec        (PlxPgStore   *self,
                               const char   *sql,
                               PlxPgParams  *params,
                               GError      **error);
gboolean  _plx_pg_run         (PlxPgStore   *self,
                               const char   *sql,
                               PlxPgParams  *params,
                               GError      **error);
gboolean  _plx_pg_error       (PlxPgStore      *self,
                               const PGresult  *result,
                               GError         **error);
const char *_plx_pg_sqlstate  (const PGresult *result);

/* Cell helpers: text is never NULL (an SQL NULL reads ""). */
const char *_plx_pg_text      (const PGresult *result,
                               int             row,
                               int             column);
gint64      _plx_pg_int       (const PGresult *result,
                               int             row,
                               int             column);
GBytes     *_plx_pg_bytes     (const PGresult *result,
                               int             row,
                               int             column);

gboolean  _plx_pg_annotator_id  (PlxPgStore   *self,
                                 const char   *name,
                                 gint64       *id,
                                 GError      **error);
void      _plx_pg_rows_init     (PlxStoreInterface *iface);
void      _plx_pg_codebook_init (PlxStoreInterface *iface);

/* plx-pg-roles.c */
gboolean  _plx_pg_setup_roles (PlxPgStore  *self,
                               GError     **error);

/* plx-pg-schema.c */
gboolean  _plx_pg_migrate     (PlxPgStore  *self,
                               GError     **error);
gboolean  _plx_pg_read_version (PlxPgStore  *self,
                                int         *version,
                                GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
