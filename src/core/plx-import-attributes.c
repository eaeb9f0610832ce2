/* plx-import-attributes.c: a native file's document attributes, read and
 * checked with the rest of the file, then defined where the project lacks
 * them and their values set on the documents the file's ids resolve to.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-import"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "plx-attribute-ops.h"
#include "plx-error.h"
#include "plx-importer-private.h"

static gboolean
read_attribute (Importer    *im,
                JsonNode    *node,
                GError     **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *uuid = object ? _plx_import_member_string (object, "uuid") : NULL;
  const char *name = object ? _plx_import_member_string (object, "name") : NULL;
  const char *type_name = object ? _plx_import_member_string (object, "type") : NULL;
  JsonNode *values_node = object ? json_object_get_member (object, "values") : NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(PlxAttribute) attribute = NULL;
  PlxAttributeType type;

  if (object == NULL)
    return invalid (im, error, _("an attribute must be an object"));
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    return invalid (im, error, _("“uuid” must be a UUID"));
  if (name == NULL || *name == '\0' || g_ascii_isspace (*name) || g_ascii_isspace (name[strlen (name) - 1]))
    return invalid (im, error, _("“name” must be a name, without spaces around it"));
  if (type_name == NULL || !plx_attribute_type_from_string (type_name, &type))
    return invalid (im, error, _("“type” must be text, category, number or date"));
  if (plx_attributes_lookup (im->attributes_in, uuid) != NULL || plx_attributes_lookup (im->attributes_in, name) != NULL)
    return invalid (im, error, _("the attribute “%s” appears twice"), name);
  attribute = plx_attribute_new (uuid, name, type);

  if (values_node != NULL && !JSON_NODE_HOLDS_NULL (values_node))
    {
      g_autoptr(GList) members = NULL;
      gsize mark;

      if (!JSON_NODE_HOLDS_OBJECT (values_node))
        return invalid (im, error, _("“values” must be an object"));
      mark = _plx_import_push_member (im, "values");
      members = json_object_get_members (json_node_get_object (values_node));
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (json_node_get_object (values_node), l->data);
          g_autoptr(GError) value_error = NULL;
          g_autofree char *stored = NULL;
          gsize item = _plx_import_push_member (im, l->data);
          gboolean ok = FALSE;

          if (!g_hash_table_contains (im->documents, l->data))
            invalid (im, error, _("there is no document %s in the file’s “documents”"), (const char *) l->data);
          else if (!_plx_import_is_string (value))
            invalid (im, error, _("a value must be a string"));
          else if ((stored = plx_attribute_normalize_value (attribute, json_node_get_string (value),
                                                            &value_error)) == NULL)
            invalid (im, error, "%s", value_error->message);
          else
            {
              g_hash_table_insert (values, g_strdup (l->data), g_steal_pointer (&stored));
              ok = TRUE;
            }
          _plx_import_pop (im, item);
          if (!ok)
            {
              _plx_import_pop (im, mark);
              return FALSE;
            }
        }
      _plx_import_pop (im, mark);
    }
  g_ptr_array_add (im->attributes_in, g_steal_pointer (&attribute));
  g_ptr_array_add (im->values_in, g_steal_pointer (&values));
  return TRUE;
}

/* The optional "attributes" array; after "documents", whose ids the
 * values name. */
gboolean
_plx_import_read_attributes (Importer    *im,
                             JsonObject  *root,
                             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "attributes");
  JsonArray *array;
  gsize mark;

  im->attributes_in = g_ptr_array_new_with_free_func (g_object_unref);
  im->values_in = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (im, error, _("“%s” must be an array"), "attributes");
  array = json_node_get_array (node);
  mark = _plx_import_push_member (im, "attributes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize item = _plx_import_push_index (im, i);
      gboolean ok = read_attribute (im, json_array_get_element (array, i), error);

      _plx_import_pop (im, item);
      if (!ok)
        {
          _plx_import_pop (im, mark);
          return FALSE;
        }
    }
  _plx_import_pop (im, mark);
  return TRUE;
}

/* Defines what the project lacks (by UUID, else by name; a type that
 * differs refuses the file) and sets the file's values, as one change. */
gboolean
_plx_import_write_attributes (Importer  *im,
                              GError   **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) values_now = NULL;
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(GError) local_error = NULL;

  if (im->attributes_in == NULL || im->attributes_in->len == 0)
    return TRUE;
  existing = plx_project_list_attributes (im->project, error);
  values_now = existing ? plx_project_list_values (im->project, 0, error) : NULL;
  if (values_now == NULL)
    return FALSE;
  for (guint i = 0; i < values_now->len; i++)
    {
      PlxDocumentValue *value = g_ptr_array_index (values_now, i);

      g_hash_table_insert (current, g_strdup_printf ("%" G_GINT64_FORMAT "/%s", plx_document_value_get_document_id (value),
                                                     plx_document_value_get_attribute_uuid (value)),
                           value);
    }
  for (guint i = 0; i < im->attributes_in->len; i++)
    {
      PlxAttribute *incoming = g_ptr_array_index (im->attributes_in, i);
      PlxAttribute *mine = plx_attributes_lookup (existing, plx_attribute_get_uuid (incoming));
      GHashTable *values = g_ptr_array_index (im->values_in, i);
      GHashTableIter iter;
      gpointer key, value;

      if (mine == NULL)
        mine = plx_attributes_lookup (existing, plx_attribute_get_name (incoming));
      if (mine != NULL && plx_attribute_get_value_type (mine) != plx_attribute_get_value_type (incoming))
        return invalid (im, error, _("attributes[%u]: “%s” is a %s attribute in the file but a %s one in the project"),
                        i, plx_attribute_get_name (incoming),
                        plx_attribute_type_to_string (plx_attribute_get_value_type (incoming)),
                        plx_attribute_type_to_string (plx_attribute_get_value_type (mine)));
      if (mine == NULL)
        {
          mine = incoming;
          plx_change_set_add_attribute (changes, NULL, incoming);
          g_ptr_array_add (existing, g_object_ref (incoming));
        }
      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          FileDocument *d = g_hash_table_lookup (im->documents, key);
          gint64 id = plx_document_get_id (d->resolved);
          g_autofree char *where = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", id, plx_attribute_get_uuid (mine));
          PlxDocumentValue *before = g_hash_table_lookup (current, where);
          g_autoptr(PlxDocumentValue) after = NULL;

          if (before != NULL && g_strcmp0 (plx_document_value_get_value (before), value) == 0)
            continue;
          after = plx_document_value_new (id, plx_attribute_get_uuid (mine), value);
          plx_change_set_add_value (changes, before, after);
        }
    }
  if (!plx_change_set_is_empty (changes) && !plx_project_apply (im->project, changes, &local_error))
    return invalid (im, error, _("the attributes cannot be brought in: %s"), local_error->message);
  return TRUE;
}

void
_plx_import_attributes_clear (Importer *im)
{
  g_clear_pointer (&im->attributes_in, g_ptr_array_unref);
  g_clear_pointer (&im->values_in, g_ptr_array_unref);
}
