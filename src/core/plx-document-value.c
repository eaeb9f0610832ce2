/* plx-document-value.c: immutable, so that a change set's before and
 * after stay what they were when it was built.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-attribute"

#include "plx-document-value.h"

struct _PlxDocumentValue
{
  GObject  parent_instance;

  gint64   document_id;
  char    *attribute_uuid;
  char    *value;
};

G_DEFINE_FINAL_TYPE (PlxDocumentValue, plx_document_value, G_TYPE_OBJECT)

static void
plx_document_value_finalize (GObject *object)
{
  PlxDocumentValue *self = (PlxDocumentValue *) object;

  g_clear_pointer (&self->attribute_uuid, g_free);
  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (plx_document_value_parent_class)->finalize (object);
}

static void
plx_document_value_class_init (PlxDocumentValueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plx_document_value_finalize;
}

static void
plx_document_value_init (PlxDocumentValue *self)
{
}

PlxDocumentValue *
plx_document_value_new (gint64      document_id,
                        const char *attribute_uuid,
                        const char *value)
{
  PlxDocumentValue *self;

  g_return_val_if_fail (attribute_uuid != NULL && value != NULL, NULL);

  self = g_object_new (PLX_TYPE_DOCUMENT_VALUE, NULL);
  self->document_id = document_id;
  self->attribute_uuid = g_strdup (attribute_uuid);
  self->value = g_strdup (value);
  return self;
}

gint64
plx_document_value_get_document_id (PlxDocumentValue *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT_VALUE (self), 0);
  return self->document_id;
}

const char *
plx_document_value_get_attribute_uuid (PlxDocumentValue *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT_VALUE (self), NULL);
  return self->attribute_uuid;
}

const char *
plx_document_value_get_value (PlxDocumentValue *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT_VALUE (self), NULL);
  return self->value;
}
