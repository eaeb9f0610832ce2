/* plx-sqlite-attributes.c: the rows of document attributes and of the
 * values documents hold for them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-sqlite"

#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-sqlite-store-private.h"

#define STORE(s) PLX_SQLITE_STORE (s)

static GPtrArray *
list_attributes (PlxStore  *store,
                 GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _plx_sqlite_statement (self, "SELECT id, uuid, name, type, revision FROM attributes ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlxAttributeType type = PLX_ATTRIBUTE_TEXT;
      PlxAttribute *attribute;

      plx_attribute_type_from_string (_plx_sqlite_column_text (stmt, 3), &type);
      attribute = plx_attribute_new (_plx_sqlite_column_text (stmt, 1), _plx_sqlite_column_text (stmt, 2), type);
      plx_attribute_set_id (attribute, sqlite3_column_int64 (stmt, 0));
      plx_attribute_set_revision (attribute, (guint) sqlite3_column_int64 (stmt, 4));
      g_ptr_array_add (attributes, attribute);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&attributes);
}

static gboolean
not_found (PlxAttribute  *attribute,
           GError       **error)
{
  g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no attribute “%s” in this project"),
               plx_attribute_get_name (attribute));
  return FALSE;
}

static gboolean
write_attribute (PlxStore      *store,
                 PlxAttribute  *attribute,
                 gboolean       replace,
                 GError       **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt;
  gint64 id;

  if (replace)
    stmt = _plx_sqlite_statement (self, "UPDATE attributes SET name = ?2, type = ?3, revision = ?4 "
                                        "WHERE uuid = ?1 RETURNING id", error);
  else
    stmt = _plx_sqlite_statement (self, "INSERT INTO attributes (uuid, name, type, revision) "
                                        "VALUES (?1, ?2, ?3, ?4) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plx_attribute_get_uuid (attribute), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, plx_attribute_get_name (attribute), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plx_attribute_type_to_string (plx_attribute_get_value_type (attribute)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, plx_attribute_get_revision (attribute));
  if (!_plx_sqlite_step_returning_id (self, stmt, &id, error))
    return FALSE;
  if (id == 0)
    return not_found (attribute, error);
  plx_attribute_set_id (attribute, id);
  return TRUE;
}

static gboolean
insert_attribute (PlxStore      *store,
                  PlxAttribute  *attribute,
                  GError       **error)
{
  return write_attribute (store, attribute, FALSE, error);
}

static gboolean
update_attribute (PlxStore      *store,
                  PlxAttribute  *attribute,
                  GError       **error)
{
  return write_attribute (store, attribute, TRUE, error);
}

/* Documents must have let go of it first (the core's change set does
 * that, so that undo gives their values back). */
static gboolean
delete_attribute (PlxStore      *store,
                  PlxAttribute  *attribute,
                  GError       **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt = _plx_sqlite_statement (self, "DELETE FROM attributes WHERE uuid = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plx_attribute_get_uuid (attribute), -1, SQLITE_TRANSIENT);
  if (!_plx_sqlite_step_delete (self, stmt, &found, error))
    return FALSE;
  return found || not_found (attribute, error);
}

static GPtrArray *
list_values (PlxStore  *store,
             gint64     document_id,
             GError   **error)
{
  PlxSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _plx_sqlite_statement (self, "SELECT v.document_id, a.uuid, v.value FROM document_values v "
                                      "JOIN attributes a ON a.id = v.attribute_id "
                                      "WHERE ?1 = 0 OR v.document_id = ?1 ORDER BY v.document_id, a.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, plx_document_value_new (sqlite3_column_int64 (stmt, 0),
                                                     _plx_sqlite_column_text (stmt, 1),
                                                     _plx_sqlite_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _plx_sqlite_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

static gboolean
value_not_found (PlxDocumentValue  *value,
                 GError           **error)
{
  g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT, plx_document_value_get_document_id (value));

  g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no document %s or no attribute %s in this project"),
               document, plx_document_value_get_attribute_uuid (value));
  return FALSE;
}

static gboolean
set_value (PlxStore          *store,
           PlxDocumentValue  *value,
           GError           **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt;

  stmt = _plx_sqlite_statement (self, "INSERT INTO document_values (document_id, attribute_id, value) "
                                      "SELECT d.id, a.id, ?3 FROM documents d, attributes a "
                                      "WHERE d.id = ?1 AND a.uuid = ?2 "
                                      "ON CONFLICT (document_id, attribute_id) DO UPDATE SET value = excluded.value",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plx_document_value_get_document_id (value));
  sqlite3_bind_text (stmt, 2, plx_document_value_get_attribute_uuid (value), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plx_document_value_get_value (value), -1, SQLITE_TRANSIENT);
  if (!_plx_sqlite_step_done (self, stmt, error))
    return FALSE;
  return sqlite3_changes (self->db) == 1 || value_not_found (value, error);
}

static gboolean
clear_value (PlxStore          *store,
             PlxDocumentValue  *value,
             GError           **error)
{
  PlxSqliteStore *self = STORE (store);
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = _plx_sqlite_statement (self, "DELETE FROM document_values WHERE document_id = ?1 AND "
                                      "attribute_id = (SELECT id FROM attributes WHERE uuid = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plx_document_value_get_document_id (value));
  sqlite3_bind_text (stmt, 2, plx_document_value_get_attribute_uuid (value), -1, SQLITE_TRANSIENT);
  if (!_plx_sqlite_step_delete (self, stmt, &found, error))
    return FALSE;
  return found || value_not_found (value, error);
}

void
_plx_sqlite_attributes_init (PlxStoreInterface *iface)
{
  iface->list_attributes = list_attributes;
  iface->insert_attribute = insert_attribute;
  iface->update_attribute = update_attribute;
  iface->delete_attribute = delete_attribute;
  iface->list_values = list_values;
  iface->set_value = set_value;
  iface->clear_value = clear_value;
}
