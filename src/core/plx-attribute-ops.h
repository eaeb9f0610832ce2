/* plx-attribute-ops.h: document attributes defined, renamed and deleted,
 * and documents' values set, as change sets (one undo step each); values
 * assigned in bulk from a CSV file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-attribute.h"
#include "plx-change-set.h"
#include "plx-project.h"

G_BEGIN_DECLS

GPtrArray    *plx_project_list_attributes    (PlxProject     *self,
                                              GError        **error);
GPtrArray    *plx_project_list_values        (PlxProject     *self,
                                              gint64          document_id,
                                              GError        **error);
PlxAttribute *plx_attributes_lookup          (GPtrArray      *attributes,
                                              const char     *name_or_uuid);
PlxChangeSet *plx_attribute_changes_define   (PlxProject     *project,
                                              const char     *name,
                                              PlxAttributeType type,
                                              GError        **error);
PlxChangeSet *plx_attribute_changes_rename   (PlxProject     *project,
                                              const char     *attribute,
                                              const char     *new_name,
                                              GError        **error);
PlxChangeSet *plx_attribute_changes_delete   (PlxProject     *project,
                                              const char     *attribute,
                                              GError        **error);
PlxChangeSet *plx_attribute_changes_set      (PlxProject     *project,
                                              gint64          document_id,
                                              const char     *attribute,
                                              const char     *value,
                                              GError        **error);
PlxChangeSet *plx_attribute_changes_document_info (PlxProject *project,
                                              gint64          document_id,
                                              const char     *title,
                                              const char * const *meta,
                                              GHashTable     *values,
                                              GError        **error);
PlxChangeSet *plx_attribute_changes_from_csv (PlxProject     *project,
                                              const char     *csv,
                                              gsize           length,
                                              GError        **error);

G_END_DECLS
