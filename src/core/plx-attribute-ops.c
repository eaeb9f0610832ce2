/* plx-attribute-ops.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-attribute"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "plx-attribute-ops.h"
#include "plx-error.h"
#include "plx-project-private.h"
#include "plx-store.h"
#include "plx-text.h"

/**
 * plx_project_list_attributes:
 *
 * Returns: (transfer full): the attributes documents can have, as
 *   PlxAttribute, by name
 */
GPtrArray *
plx_project_list_attributes (PlxProject  *self,
                             GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_list_attributes (plx_project_get_store (self), error);
}

/**
 * plx_project_list_values:
 * @document_id: 0 for every document's
 *
 * Returns: (transfer full): the values documents hold, as
 *   PlxDocumentValue, by document and attribute name
 */
GPtrArray *
plx_project_list_values (PlxProject  *self,
                         gint64       document_id,
                         GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_list_values (plx_project_get_store (self), document_id, error);
}

/* By UUID or name; a name as the user types it, in any case.
 * Returns: (transfer none) (nullable) */
PlxAttribute *
plx_attributes_lookup (GPtrArray  *attributes,
                       const char *name_or_uuid)
{
  g_autofree char *folded = NULL;

  for (guint i = 0; i < attributes->len; i++)
    {
      PlxAttribute *attribute = g_ptr_array_index (attributes, i);

      if (g_strcmp0 (plx_attribute_get_uuid (attribute), name_or_uuid) == 0 ||
          g_strcmp0 (plx_attribute_get_name (attribute), name_or_uuid) == 0)
        return attribute;
    }
  folded = g_utf8_casefold (name_or_uuid, -1);
  for (guint i = 0; i < attributes->len; i++)
    {
      PlxAttribute *attribute = g_ptr_array_index (attributes, i);
      g_autofree char *name = g_utf8_casefold (plx_attribute_get_name (attribute), -1);

      if (strcmp (name, folded) == 0)
        return attribute;
    }
  return NULL;
}

static PlxAttribute *
find (GPtrArray   *attributes,
      const char  *name_or_uuid,
      GError     **error)
{
  PlxAttribute *attribute = plx_attributes_lookup (attributes, name_or_uuid);

  if (attribute == NULL)
    g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no attribute “%s” in this project"),
                 name_or_uuid);
  return attribute;
}

/* A name is what a column heading or a group label shows: not empty, and
 * no other attribute's in any case. */
static char *
check_name (GPtrArray     *attributes,
            const char    *name,
            PlxAttribute  *renamed,
            GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  PlxAttribute *other;

  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error_literal (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("An attribute needs a name"));
      return NULL;
    }
  other = plx_attributes_lookup (attributes, stripped);
  if (other != NULL && other != renamed)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("There is already an attribute “%s”"),
                   plx_attribute_get_name (other));
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

gboolean
_plx_project_apply_attribute (PlxProject    *self,
                              PlxAttribute  *before,
                              PlxAttribute  *after,
                              GError       **error)
{
  PlxStore *store = plx_project_get_store (self);

  if (after == NULL)
    return plx_store_delete_attribute (store, before, error);
  if (*plx_attribute_get_name (after) == '\0')
    {
      g_set_error_literal (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("An attribute needs a name"));
      return FALSE;
    }
  if (before == NULL)
    return plx_store_insert_attribute (store, after, error);
  if (plx_attribute_get_revision (after) <= plx_attribute_get_revision (before))
    plx_attribute_set_revision (after, plx_attribute_get_revision (before) + 1);
  return plx_store_update_attribute (store, after, error);
}

PlxChangeSet *
plx_attribute_changes_define (PlxProject        *project,
                              const char        *name,
                              PlxAttributeType   type,
                              GError           **error)
{
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxAttribute) attribute = NULL;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (type <= PLX_ATTRIBUTE_DATE, NULL);

  attributes = plx_project_list_attributes (project, error);
  if (attributes == NULL || (checked = check_name (attributes, name, NULL, error)) == NULL)
    return NULL;
  attribute = plx_attribute_new (NULL, checked, type);
  plx_change_set_add_attribute (changes, NULL, attribute);
  return g_steal_pointer (&changes);
}

PlxChangeSet *
plx_attribute_changes_rename (PlxProject  *project,
                              const char  *attribute,
                              const char  *new_name,
                              GError     **error)
{
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxAttribute) after = NULL;
  g_autofree char *checked = NULL;
  PlxAttribute *before;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  attributes = plx_project_list_attributes (project, error);
  if (attributes == NULL || (before = find (attributes, attribute, error)) == NULL ||
      (checked = check_name (attributes, new_name, before, error)) == NULL)
    return NULL;
  if (strcmp (checked, plx_attribute_get_name (before)) == 0)
    return g_steal_pointer (&changes);
  after = plx_attribute_copy (before);
  plx_attribute_set_name (after, checked);
  plx_change_set_add_attribute (changes, before, after);
  return g_steal_pointer (&changes);
}

/* The documents' values go with it, and come back with its undo. */
PlxChangeSet *
plx_attribute_changes_delete (PlxProject  *project,
                              const char  *attribute,
                              GError     **error)
{
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  PlxAttribute *gone;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  attributes = plx_project_list_attributes (project, error);
  if (attributes == NULL || (gone = find (attributes, attribute, error)) == NULL)
    return NULL;
  values = plx_project_list_values (project, 0, error);
  if (values == NULL)
    return NULL;
  for (guint i = 0; i < values->len; i++)
    {
      PlxDocumentValue *value = g_ptr_array_index (values, i);

      if (strcmp (plx_document_value_get_attribute_uuid (value), plx_attribute_get_uuid (gone)) == 0)
        plx_change_set_add_value (changes, value, NULL);
    }
  plx_change_set_add_attribute (changes, gone, NULL);
  return g_steal_pointer (&changes);
}

/* An empty value clears the attribute. */
static gboolean
is_blank (const char *value)
{
  for (; *value != '\0'; value++)
    if (!g_ascii_isspace (*value))
      return FALSE;
  return TRUE;
}

static char *
value_key (gint64      document_id,
           const char *attribute_uuid)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s", document_id, attribute_uuid);
}

/* Adds the change that makes @document_id hold @stored (NULL: none) for
 * @attribute, given what @current maps "document/attribute" to; none
 * when it already does. */
static void
add_value_change (PlxChangeSet *changes,
                  GHashTable   *current,
                  gint64        document_id,
                  PlxAttribute *attribute,
                  const char   *stored)
{
  g_autofree char *key = value_key (document_id, plx_attribute_get_uuid (attribute));
  PlxDocumentValue *before = g_hash_table_lookup (current, key);
  g_autoptr(PlxDocumentValue) after = NULL;

  if (stored == NULL)
    {
      if (before != NULL)
        plx_change_set_add_value (changes, before, NULL);
      return;
    }
  if (before != NULL && strcmp (plx_document_value_get_value (before), stored) == 0)
    return;
  after = plx_document_value_new (document_id, plx_attribute_get_uuid (attribute), stored);
  plx_change_set_add_value (changes, before, after);
}

static GHashTable *
index_values (GPtrArray *values)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < values->len; i++)
    {
      PlxDocumentValue *value = g_ptr_array_index (values, i);

      g_hash_table_insert (index, value_key (plx_document_value_get_document_id (value),
                                             plx_document_value_get_attribute_uuid (value)),
                           g_object_ref (value));
    }
  return index;
}

/**
 * plx_attribute_changes_set:
 * @value: (nullable): as the user typed it; NULL or "" clears it
 *
 * Returns: (transfer full) (nullable): the change (empty when the document
 *   holds that value already), or %NULL with @error saying what is wrong
 */
PlxChangeSet *
plx_attribute_changes_set (PlxProject  *project,
                           gint64       document_id,
                           const char  *attribute,
                           const char  *value,
                           GError     **error)
{
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) current = NULL;
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(PlxDocument) document = NULL;
  g_autofree char *stored = NULL;
  PlxAttribute *target;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  attributes = plx_project_list_attributes (project, error);
  if (attributes == NULL || (target = find (attributes, attribute, error)) == NULL)
    return NULL;
  document = plx_project_load_document (project, document_id, error);
  if (document == NULL)
    return NULL;
  if (value != NULL && !is_blank (value) &&
      (stored = plx_attribute_normalize_value (target, value, error)) == NULL)
    return NULL;
  values = plx_project_list_values (project, document_id, error);
  if (values == NULL)
    return NULL;
  current = index_values (values);
  add_value_change (changes, current, document_id, target, stored);
  return g_steal_pointer (&changes);
}

/**
 * plx_attribute_changes_document_info:
 * @meta: one string per #PlxDocumentMeta
 * @values: (nullable): attribute UUID → value as typed ("" clears it)
 *
 * What the document info dialog saves, as one undo step: the title and
 * facts, and the attributes' values.
 */
PlxChangeSet *
plx_attribute_changes_document_info (PlxProject          *project,
                                     gint64               document_id,
                                     const char          *title,
                                     const char * const  *meta,
                                     GHashTable          *values,
                                     GError             **error)
{
  g_autoptr(PlxChangeSet) changes = NULL;
  GHashTableIter iter;
  gpointer uuid, value;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  changes = _plx_project_changes_set_document_info (project, document_id, title, meta, error);
  if (changes == NULL)
    return NULL;
  if (values == NULL)
    return g_steal_pointer (&changes);
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &uuid, &value))
    {
      g_autoptr(PlxChangeSet) more = plx_attribute_changes_set (project, document_id, uuid, value, error);

      if (more == NULL)
        return NULL;
      plx_change_set_append (changes, more);
    }
  return g_steal_pointer (&changes);
}

static gboolean
is_header (GStrv fields)
{
  return g_strv_length (fields) == 3 && g_ascii_strcasecmp (fields[0], "document") == 0 &&
         g_ascii_strcasecmp (fields[1], "attribute") == 0 && g_ascii_strcasecmp (fields[2], "value") == 0;
}

/**
 * plx_attribute_changes_from_csv:
 * @csv: rows of `document,attribute,value` (a header row of those words
 *   may come first); a document by id or title, an attribute by name, an
 *   empty value to clear it
 *
 * Every row is checked before anything changes: one bad row refuses the
 * file, and @error lists each bad row by its line.
 *
 * Returns: (transfer full) (nullable): the changes, one undo step
 */
PlxChangeSet *
plx_attribute_changes_from_csv (PlxProject  *project,
                                const char  *csv,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(GArray) records = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GHashTable) current = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  records = plx_text_parse_csv (csv, length, error);
  if (records == NULL || (attributes = plx_project_list_attributes (project, error)) == NULL ||
      (values = plx_project_list_values (project, 0, error)) == NULL ||
      (summaries = plx_project_list_document_summaries (project, error)) == NULL)
    return NULL;
  current = index_values (values);

  for (guint i = 0; i < records->len; i++)
    {
      const PlxCsvRecord *record = &g_array_index (records, PlxCsvRecord, i);
      g_autoptr(GString) problem = g_string_new (NULL);
      g_autoptr(GError) value_error = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *key = NULL;
      PlxAttribute *attribute = NULL;
      gint64 document_id = 0;

      if (i == 0 && is_header (record->fields))
        continue;
      if (g_strv_length (record->fields) != 3)
        g_string_append_printf (problem, _("%u fields where document,attribute,value are 3"),
                                g_strv_length (record->fields));
      else if (!plx_document_summaries_resolve (summaries, record->fields[0], &document_id, &value_error))
        g_string_append (problem, value_error->message);
      else if ((attribute = plx_attributes_lookup (attributes, record->fields[1])) == NULL)
        g_string_append_printf (problem, _("There is no attribute “%s” in this project (define it first)"), record->fields[1]);
      else if (!is_blank (record->fields[2]) &&
               (stored = plx_attribute_normalize_value (attribute, record->fields[2], &value_error)) == NULL)
        g_string_append (problem, value_error->message);
      else if (!g_hash_table_insert (seen, key = value_key (document_id, plx_attribute_get_uuid (attribute)),
                                     GUINT_TO_POINTER (record->line)))
        {
          g_steal_pointer (&key);
          g_string_append_printf (problem, _("“%s” of this document is set on an earlier line too"),
                                  plx_attribute_get_name (attribute));
        }
      else
        g_steal_pointer (&key);

      if (problem->len > 0)
        {
          /* Translators: a line of the CSV file, then what is wrong with it */
          g_string_append_printf (problems, _("line %u: %s\n"), record->line, problem->str);
          n_problems++;
          continue;
        }
      add_value_change (changes, current, document_id, attribute, stored);
    }
  if (n_problems > 0)
    {
      g_strchomp (problems->str);
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   ngettext ("%u line of the CSV file is wrong; nothing was changed:\n%s",
                             "%u lines of the CSV file are wrong; nothing was changed:\n%s", n_problems),
                   n_problems, problems->str);
      return NULL;
    }
  return g_steal_pointer (&changes);
}
