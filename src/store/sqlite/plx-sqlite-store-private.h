/* plx-sqlite-store-private.h: shared by the files of the SQLite backend.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "plx-sqlite-store.h"

G_BEGIN_DECLS

/* How long a statement waits for another connection's lock. */
#define PLX_SQLITE_BUSY_TIMEOUT_MS 5000

struct _PlxSqliteStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* const char *sql → sqlite3_stmt */
  guint       depth;        /* open transaction levels */

  /* SQLite bumps this when another connection commits: how the app sees
   * what parallax-cli (or another window) wrote. */
  gint64      data_version;
  /* sqlite3_total_changes64() when the outermost transaction began: a
   * commit that changed nothing is not stamped. */
  sqlite3_int64 changes_at_begin;
  /* errno after the last failed step (see _plx_sqlite_error) */
  int           step_errno;
};

gboolean      _plx_sqlite_error        (PlxSqliteStore  *self,
                                        GError         **error);
sqlite3_stmt *_plx_sqlite_statement    (PlxSqliteStore  *self,
                                        const char      *sql,
                                        GError         **error);
gboolean      _plx_sqlite_step_done    (PlxSqliteStore  *self,
                                        sqlite3_stmt    *stmt,
                                        GError         **error);
gboolean      _plx_sqlite_run          (PlxSqliteStore  *self,
                                        const char      *sql,
                                        GError         **error);
const char   *_plx_sqlite_column_text  (sqlite3_stmt    *stmt,
                                        int              column);
gboolean      _plx_sqlite_step_delete  (PlxSqliteStore  *self,
                                        sqlite3_stmt    *stmt,
                                        gboolean        *found,
                                        GError         **error);
gboolean      _plx_sqlite_step_returning_id (PlxSqliteStore  *self,
                                        sqlite3_stmt    *stmt,
                                        gint64          *id,
                                        GError         **error);
void          _plx_sqlite_rows_init    (PlxStoreInterface *iface);

/* plx-sqlite-copy.c */
gboolean      _plx_sqlite_checkpoint   (PlxStore        *store,
                                        GError         **error);
gboolean      _plx_sqlite_save_copy    (PlxStore        *store,
                                        const char      *path,
                                        GCancellable    *cancellable,
                                        GError         **error);
gboolean      _plx_sqlite_purge_annotations (PlxStore   *store,
                                             GError    **error);
/* plx-sqlite-codebook.c */
void          _plx_sqlite_codebook_init (PlxStoreInterface *iface);
/* plx-sqlite-attributes.c */
void          _plx_sqlite_attributes_init (PlxStoreInterface *iface);

/* plx-sqlite-search.c */
void          _plx_sqlite_search_init   (PlxStoreInterface *iface);
gboolean      _plx_sqlite_register_search (sqlite3       *db,
                                           GError       **error);
gboolean      _plx_sqlite_index_text      (sqlite3       *db,
                                           sqlite3_stmt  *insert,
                                           gint64         id,
                                           const char    *text,
                                           gsize          length,
                                           GError       **error);
gboolean      _plx_sqlite_index_document  (PlxSqliteStore *self,
                                           gint64          id,
                                           const char     *text,
                                           gsize           length,
                                           GError        **error);
gboolean      _plx_sqlite_unindex_document (PlxSqliteStore *self,
                                            gint64          id,
                                            GError        **error);
gboolean      _plx_sqlite_insert_equivalences (sqlite3      *db,
                                               sqlite3_stmt *insert,
                                               GPtrArray    *groups);

/* plx-sqlite-file.c */
gboolean      _plx_sqlite_check_header   (const char  *path,
                                          GError     **error);
gboolean      _plx_sqlite_check_writable (const char  *path,
                                          GError     **error);
gboolean      _plx_sqlite_create_empty   (const char  *path,
                                          char       **temp_path,
                                          int         *lock_fd,
                                          GError     **error);
void          _plx_sqlite_remove_stale_temporaries (const char *path);

/* plx-sqlite-log.c */
gboolean      _plx_sqlite_log_waiting    (const char  *file);
gboolean      _plx_sqlite_check_log      (sqlite3     *db,
                                          const char  *file,
                                          const char  *path,
                                          GError     **error);
gboolean      _plx_sqlite_stamp_commit   (PlxSqliteStore  *self,
                                          GError         **error);
char         *_plx_sqlite_file_uri       (const char  *path,
                                          const char  *parameters);

/* plx-sqlite-schema.c */
gboolean      _plx_sqlite_migrate      (sqlite3     *db,
                                        int          target_version,
                                        GError     **error);
gboolean      _plx_sqlite_compare_schema (sqlite3     *db,
                                          const char  *path,
                                          GString     *report,
                                          GError     **error);
/* A UUID made by SQLite itself, for rows a migration gives one to. */
#define PLX_SQLITE_NEW_UUID \
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " \
  "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"

G_END_DECLS
