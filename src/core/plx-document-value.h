/* plx-document-value.h: the value one document holds for one attribute,
 * as a change set carries it (a value set, changed or cleared).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PLX_TYPE_DOCUMENT_VALUE (plx_document_value_get_type ())
G_DECLARE_FINAL_TYPE (PlxDocumentValue, plx_document_value, PLX, DOCUMENT_VALUE, GObject)

PlxDocumentValue *plx_document_value_new                (gint64            document_id,
                                                         const char       *attribute_uuid,
                                                         const char       *value);
gint64            plx_document_value_get_document_id    (PlxDocumentValue *self);
const char       *plx_document_value_get_attribute_uuid (PlxDocumentValue *self);
const char       *plx_document_value_get_value          (PlxDocumentValue *self);

G_END_DECLS
