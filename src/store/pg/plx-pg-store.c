/* plx-pg-store.c: a team project on a PostgreSQL server: the connection,
 * its statements, errors and transactions. The rows are read and written
 * in plx-pg-rows.c and plx-pg-codebook.c, the schema in plx-pg-schema.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-pg"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-pg-store-private.h"

static void plx_pg_store_iface_init (PlxStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlxPgStore, plx_pg_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PLX_TYPE_STORE, plx_pg_store_iface_init))

/* The channel every commit that changed rows notifies, so that other
 * connections to the project see it (poll_external). */
#define CHANGES_CHANNEL "plx_changes"

/**
 * plx_pg_store_is_uri:
 *
 * Whether @location names a project on a PostgreSQL server
 * (postgresql:// or postgres://) rather than a file.
 */
gboolean
plx_pg_store_is_uri (const char *location)
{
  return location != NULL &&
         (g_ascii_strncasecmp (location, "postgresql://", strlen ("postgresql://")) == 0 ||
          g_ascii_strncasecmp (location, "postgres://", strlen ("postgres://")) == 0);
}

/* libpq's messages end in a newline and may run over lines indented with
 * tabs ("connection to server … failed: …\n\tIs the server running…"):
 * one line reads better inside a sentence. */
static char *
one_line (const char *message)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean space = FALSE;

  if (message == NULL || *message == '\0')
    message = _("no reason given");
  for (const char *c = message; *c != '\0'; c++)
    {
      /* The server's own severity ("FATAL:  ") says nothing to a person. */
      if (g_str_has_prefix (c, "FATAL:  ") || g_str_has_prefix (c, "ERROR:  "))
        {
          c += strlen ("FATAL: ");
          continue;
        }
      if (g_ascii_isspace (*c))
        {
          space = line->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_c (line, *c);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* The URI as it may be shown: without a password, in the user part or
 * among the parameters. */
static char *
location_for_display (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GString) query = NULL;
  g_autoptr(GUri) shown = NULL;
  GUriParamsIter iter;
  char *key, *value;

  /* libpq takes what GUri does not (several hosts, say): the password
   * goes all the same. */
  if (parsed == NULL)
    {
      g_autoptr(GRegex) user_password = g_regex_new ("^([a-zA-Z]+://[^:@/]*):[^@/]*@", 0, 0, NULL);
      g_autoptr(GRegex) parameter = g_regex_new ("([?&])password=[^&]*&?", G_REGEX_CASELESS, 0, NULL);
      g_autofree char *without_user_password = g_regex_replace (user_password, uri, -1, 0, "\\1@", 0, NULL);

      return g_regex_replace (parameter, without_user_password, -1, 0, "\\1", 0, NULL);
    }
  if (g_uri_get_query (parsed) != NULL)
    {
      query = g_string_new (NULL);
      g_uri_params_iter_init (&iter, g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE);
      while (g_uri_params_iter_next (&iter, &key, &value, NULL))
        {
          if (g_ascii_strcasecmp (key, "password") != 0)
            g_string_append_printf (query, "%s%s=%s", query->len > 0 ? "&" : "", key, value);
          g_free (key);
          g_free (value);
        }
    }
  shown = g_uri_build_with_user (g_uri_get_flags (parsed), g_uri_get_scheme (parsed), g_uri_get_user (parsed), NULL,
                                 NULL, g_uri_get_host (parsed), g_uri_get_port (parsed), g_uri_get_path (parsed),
                                 query != NULL && query->len > 0 ? query->str : NULL, NULL);
  return g_uri_to_string (shown);
}

const char *
_plx_pg_sqlstate (const PGresult *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  return state != NULL ? state : "";
}

/**
 * _plx_pg_error:
 * @result: (nullable): the failed result, or %NULL when there is none
 *
 * Sets @error from what the server (or libpq) said: a lost connection, a
 * refusal (the role may not do it), or the statement's failure. Returns
 * %FALSE, for `return _plx_pg_error (…)`.
 */
gboolean
_plx_pg_error (PlxPgStore      *self,
               const PGresult  *result,
               GError         **error)
{
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *state = _plx_pg_sqlstate (result);
  g_autofree char *message = one_line (primary != NULL ? primary : PQerrorMessage (self->conn));

  if (PQstatus (self->conn) == CONNECTION_BAD || g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                 _("Lost the connection to the team server %s: %s"), self->location, message);
  else if (g_strcmp0 (state, "42501") == 0)
    g_set_error (error, PLX_ERROR, PLX_ERROR_READ_ONLY,
                 _("The team server %s refused: %s"), self->location, message);
  else if (g_strcmp0 (state, "23505") == 0)
    g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                 _("The team server %s refused a duplicate: %s"), self->location, message);
  else
    g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                 _("The team server %s failed: %s"), self->location, message);
  return FALSE;
}

/* ---- parameters and statements ---- */

void
_plx_pg_param_text (PlxPgParams *params,
                    const char  *text)
{
  g_return_if_fail (params->n < PLX_PG_MAX_PARAMS);
  params->values[params->n] = text;
  params->lengths[params->n] = 0;
  params->formats[params->n] = 0;
  params->n++;
}

void
_plx_pg_param_int (PlxPgParams *params,
                   gint64       value)
{
  g_return_if_fail (params->n < PLX_PG_MAX_PARAMS);
  g_snprintf (params->numbers[params->n], sizeof params->numbers[params->n], "%" G_GINT64_FORMAT, value);
  _plx_pg_param_text (params, params->numbers[params->n]);
}

/* Bytes go in binary: no escaping, and a zero byte is a byte. */
void
_plx_pg_param_bytes (PlxPgParams *params,
                     const void  *data,
                     gsize        size)
{
  g_return_if_fail (params->n < PLX_PG_MAX_PARAMS);
  g_return_if_fail (size <= G_MAXINT);
  params->values[params->n] = data != NULL ? data : "";
  params->lengths[params->n] = (int) size;
  params->formats[params->n] = 1;
  params->n++;
}

static gboolean reconnect (PlxPgStore *self);
static gboolean setup_session (PlxPgStore *self, GError **error);

static gboolean
succeeded (const PGresult *result)
{
  return PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;
}

static PGresult *
exec_once (PlxPgStore   *self,
           const char   *sql,
           PlxPgParams  *params)
{
  const char *name = g_hash_table_lookup (self->statements, sql);

  if (name == NULL)
    {
      g_autofree char *new_name = g_strdup_printf ("plx_%u", g_hash_table_size (self->statements) + 1);
      PGresult *prepared = PQprepare (self->conn, new_name, sql, params->n, NULL);

      if (!succeeded (prepared))
        return prepared;
      PQclear (prepared);
      name = new_name;
      g_hash_table_insert (self->statements, (gpointer) sql, g_steal_pointer (&new_name));
    }
  return PQexecPrepared (self->conn, name, params->n, params->values, params->lengths, params->formats, 0);
}

/**
 * _plx_pg_exec:
 * @sql: a string literal: statements are prepared once per connection and
 *   kept, named by its address
 * @params: (nullable): its parameters, $1…$n
 *
 * Runs one statement. Returns its result (free with PQclear), or %NULL
 * with @error set.
 */
PGresult *
_plx_pg_exec (PlxPgStore   *self,
              const char   *sql,
              PlxPgParams  *params,
              GError      **error)
{
  static const PlxPgParams none = { 0, };
  PGresult *result;

  if (params == NULL)
    params = (PlxPgParams *) &none;
  result = exec_once (self, sql, params);
  if (!succeeded (result) && reconnect (self))
    {
      PQclear (result);
      result = exec_once (self, sql, params);
    }
  if (!succeeded (result))
    {
      _plx_pg_error (self, result, error);
      PQclear (result);
      return NULL;
    }
  return result;
}

gboolean
_plx_pg_run (PlxPgStore   *self,
             const char   *sql,
             PlxPgParams  *params,
             GError      **error)
{
  g_autoptr(PGresult) result = _plx_pg_exec (self, sql, params, error);

  return result != NULL;
}

/* Statements without parameters that are not worth preparing (BEGIN,
 * SAVEPOINT…); @sql is a literal. */
static gboolean
run_plain (PlxPgStore  *self,
           const char  *sql,
           GError     **error)
{
  g_autoptr(PGresult) result = PQexec (self->conn, sql);

  if (!succeeded (result) && reconnect (self))
    {
      PQclear (result);
      result = PQexec (self->conn, sql);
    }
  if (!succeeded (result))
    return _plx_pg_error (self, result, error);
  return TRUE;
}

const char *
_plx_pg_text (const PGresult *result,
              int             row,
              int             column)
{
  if (PQgetisnull (result, row, column))
    return "";
  return PQgetvalue (result, row, column);
}

gint64
_plx_pg_int (const PGresult *result,
             int             row,
             int             column)
{
  return g_ascii_strtoll (_plx_pg_text (result, row, column), NULL, 10);
}

/* A bytea column, read as text ("\x…" hex) and decoded; NULL for NULL. */
GBytes *
_plx_pg_bytes (const PGresult *result,
               int             row,
               int             column)
{
  unsigned char *data;
  size_t size = 0;
  GBytes *bytes;

  if (PQgetisnull (result, row, column))
    return NULL;
  data = PQunescapeBytea ((const unsigned char *) PQgetvalue (result, row, column), &size);
  if (data == NULL)
    return g_bytes_new (NULL, 0);
  bytes = g_bytes_new (data, size);
  PQfreemem (data);
  return bytes;
}

/* ---- the object ---- */

static void
plx_pg_store_finalize (GObject *object)
{
  PlxPgStore *self = (PlxPgStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->location, g_free);
  G_OBJECT_CLASS (plx_pg_store_parent_class)->finalize (object);
}

static void
plx_pg_store_class_init (PlxPgStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plx_pg_store_finalize;
}

static void
plx_pg_store_init (PlxPgStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
}

/* ---- transactions ---- */

/* Nested levels become savepoints, as in the SQLite file. */
static gboolean
store_begin (PlxStore  *store,
             GError   **error)
{
  PlxPgStore *self = PLX_PG_STORE (store);

  if (!run_plain (self, self->depth == 0 ? "BEGIN" : "SAVEPOINT nested", error))
    return FALSE;
  if (self->depth == 0)
    self->wrote = FALSE;
  self->depth++;
  return TRUE;
}

static void
store_rollback (PlxStore *store)
{
  PlxPgStore *self = PLX_PG_STORE (store);
  g_autoptr(GError) error = NULL;

  if (self->depth == 0)
    return;
  /* A lost connection has rolled back already; nothing to say twice. */
  if (!run_plain (self, self->depth == 1 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT nested; RELEASE SAVEPOINT nested",
                  &error))
    g_debug ("%s", error->message);
  self->depth--;
}

static gboolean
store_commit (PlxStore  *store,
              GError   **error)
{
  PlxPgStore *self = PLX_PG_STORE (store);

  g_return_val_if_fail (self->depth > 0, FALSE);

  /* Delivered to the other connections when, and only if, it commits. */
  if (self->depth == 1 && self->wrote &&
      !_plx_pg_run (self, "SELECT pg_notify ('" CHANGES_CHANNEL "', '')", NULL, error))
    {
      store_rollback (store);
      return FALSE;
    }
  if (!run_plain (self, self->depth == 1 ? "COMMIT" : "RELEASE SAVEPOINT nested", error))
    {
      store_rollback (store);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

static guint
store_get_depth (PlxStore *store)
{
  return PLX_PG_STORE (store)->depth;
}

/* The server plans its own memory; there is no page cache to grow. */
static void
store_set_bulk (PlxStore *store,
                gboolean  bulk)
{
}

/* Whether another connection committed a change since the last call: its
 * notifications wait in the socket, so this asks the server nothing. */
static gboolean
store_poll_external (PlxStore  *store,
                     gboolean  *changed,
                     GError   **error)
{
  PlxPgStore *self = PLX_PG_STORE (store);
  PGnotify *notify;

  *changed = FALSE;
  if (self->depth > 0)
    return TRUE;
  if (!PQconsumeInput (self->conn) && !reconnect (self))
    return _plx_pg_error (self, NULL, error);
  /* What was committed while the connection was away went unannounced. */
  *changed = self->missed;
  self->missed = FALSE;
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != PQbackendPID (self->conn))
        *changed = TRUE;
      PQfreemem (notify);
    }
  return TRUE;
}

static const char *
store_get_location (PlxStore *store)
{
  return PLX_PG_STORE (store)->location;
}

/* The server keeps its pages and foreign keys sound itself; what can go
 * wrong here is a schema of another version. */
static gboolean
store_check (PlxStore  *store,
             GString   *report,
             GError   **error)
{
  PlxPgStore *self = PLX_PG_STORE (store);
  int version = 0;

  if (!_plx_pg_read_version (self, &version, error))
    return FALSE;
  if (version != plx_pg_store_get_schema_version (NULL))
    {
      g_string_append_printf (report, "schema: version %d, expected %d\n", version,
                              plx_pg_store_get_schema_version (NULL));
      return FALSE;
    }
  return TRUE;
}

/* Every commit is on the server already. */
static gboolean
store_checkpoint (PlxStore  *store,
                  GError   **error)
{
  return TRUE;
}

static gboolean
store_save_copy (PlxStore      *store,
                 const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("A copy of the team project %s cannot be saved to a file yet: export it as native JSON instead"),
               PLX_PG_STORE (store)->location);
  return FALSE;
}

static PlxStore *
store_open_another (PlxStore  *store,
                    GError   **error)
{
  return plx_pg_store_open (PLX_PG_STORE (store)->uri, error);
}

static void
plx_pg_store_iface_init (PlxStoreInterface *iface)
{
  iface->get_location = store_get_location;
  iface->open_another = store_open_another;
  iface->begin = store_begin;
  iface->commit = store_commit;
  iface->rollback = store_rollback;
  iface->get_depth = store_get_depth;
  iface->set_bulk = store_set_bulk;
  iface->poll_external = store_poll_external;
  iface->check = store_check;
  iface->checkpoint = store_checkpoint;
  iface->save_copy = store_save_copy;
  _plx_pg_rows_init (iface);
  _plx_pg_codebook_init (iface);
}

/* ---- connecting ---- */

static void
ignore_notice (void       *arg,
               const char *message)
{
}

static PlxPgStore *
connect_to (const char  *uri,
            GError     **error)
{
  g_autoptr(PlxPgStore) self = g_object_new (PLX_TYPE_PG_STORE, NULL);

  self->uri = g_strdup (uri);
  self->location = location_for_display (uri);
  self->conn = PQconnectdb (uri);
  if (self->conn == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("Could not connect to the team server %s: out of memory"), self->location);
      return NULL;
    }
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *said = one_line (PQerrorMessage (self->conn));
      /* libpq quotes a URI it cannot read, password and all. */
      g_auto(GStrv) around = g_strsplit (said, uri, -1);
      g_autofree char *message = g_strjoinv (self->location, around);

      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE,
                   _("Could not connect to the team server %s: %s"), self->location, message);
      return NULL;
    }
  if (!setup_session (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Between transactions, a connection the server dropped (a restart, a
 * network cut) is made again, once, by the statement that found it gone:
 * nothing was in flight, so nothing runs twice. Inside a transaction the
 * work went with the connection, and the caller must hear of it. */
static gboolean
reconnect (PlxPgStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->depth > 0 || self->reconnecting || PQstatus (self->conn) != CONNECTION_BAD)
    return FALSE;
  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    return FALSE;
  /* The server forgot the prepared statements and the LISTEN. */
  g_hash_table_remove_all (self->statements);
  self->reconnecting = TRUE;
  if (!setup_session (self, &error))
    {
      g_debug ("%s", error->message);
      self->reconnecting = FALSE;
      return FALSE;
    }
  self->reconnecting = FALSE;
  self->missed = TRUE;
  return TRUE;
}

/* What every connection (and every reconnection) sets up. */
static gboolean
setup_session (PlxPgStore  *self,
               GError     **error)
{
  const char *encoding;

  /* "NOTICE: relation already exists" and the like are for psql. */
  PQsetNoticeProcessor (self->conn, ignore_notice, NULL);
  /* Texts are UTF-8 in Parallax; a database in another encoding would
   * refuse (or change) some of them. */
  encoding = PQparameterStatus (self->conn, "server_encoding");
  if (g_strcmp0 (encoding, "UTF8") != 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_A_PROJECT,
                   _("The database %s is in the encoding %s; a team project needs UTF8 "
                     "(CREATE DATABASE … ENCODING 'UTF8')"), self->location, encoding ? encoding : "?");
      return FALSE;
    }
  if (PQsetClientEncoding (self->conn, "UTF8") != 0)
    return _plx_pg_error (self, NULL, error);
  return run_plain (self, "SET TIME ZONE 'UTC'", error) && run_plain (self, "LISTEN " CHANGES_CHANNEL, error);
}

/**
 * plx_pg_store_open:
 * @uri: a libpq connection URI (postgresql://user@host:port/database?…)
 *
 * Connects to the team project in the database @uri names, upgrading its
 * schema if it is older. A database without a project is refused.
 */
PlxStore *
plx_pg_store_open (const char  *uri,
                   GError     **error)
{
  g_autoptr(PlxPgStore) self = NULL;
  int version = 0;

  g_return_val_if_fail (uri != NULL, NULL);

  self = connect_to (uri, error);
  if (self == NULL || !_plx_pg_read_version (self, &version, error))
    return NULL;
  if (version == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_A_PROJECT,
                   _("The database %s holds no Parallax project; make one with “parallax-cli server init %s”"),
                   self->location, self->location);
      return NULL;
    }
  if (version > plx_pg_store_get_schema_version (NULL))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NEWER_VERSION,
                   _("The team project %s was made by a newer Parallax (schema %d; this one knows %d)"),
                   self->location, version, plx_pg_store_get_schema_version (NULL));
      return NULL;
    }
  if (version < plx_pg_store_get_schema_version (NULL) && !_plx_pg_migrate (self, error))
    return NULL;
  return PLX_STORE (g_steal_pointer (&self));
}

/**
 * plx_pg_store_create:
 * @perspectives: (element-type PlxPerspective) (nullable): the new
 *   project's perspectives
 *
 * Makes a team project in the (existing, empty) database @uri names: its
 * tables, its roles and their policies (plx-pg-roles.c), then
 * @perspectives, in one transaction. A database that holds a
 * project already is left alone.
 */
PlxStore *
plx_pg_store_create (const char  *uri,
                     GPtrArray   *perspectives,
                     GError     **error)
{
  g_autoptr(PlxPgStore) self = NULL;
  int version = 0;
  gboolean ok;

  g_return_val_if_fail (uri != NULL, NULL);

  self = connect_to (uri, error);
  if (self == NULL || !_plx_pg_read_version (self, &version, error))
    return NULL;
  if (version != 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                   _("The database %s already holds a Parallax project"), self->location);
      return NULL;
    }
  if (!store_begin (PLX_STORE (self), error))
    return NULL;
  ok = _plx_pg_migrate (self, error) && _plx_pg_setup_roles (self, error);
  for (guint i = 0; ok && perspectives != NULL && i < perspectives->len; i++)
    ok = plx_store_insert_perspective (PLX_STORE (self), g_ptr_array_index (perspectives, i), error);
  if (!ok)
    {
      store_rollback (PLX_STORE (self));
      return NULL;
    }
  if (!store_commit (PLX_STORE (self), error))
    return NULL;
  return PLX_STORE (g_steal_pointer (&self));
}
