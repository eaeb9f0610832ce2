/* plx-attribute.h: a property the user gives documents (outlet, side,
 * country, date…), of one type; each document holds at most one value of
 * it (plx_document_get_value()).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  PLX_ATTRIBUTE_TEXT,
  PLX_ATTRIBUTE_CATEGORY,  /* a few values, used to group documents */
  PLX_ATTRIBUTE_NUMBER,
  PLX_ATTRIBUTE_DATE,      /* YYYY, YYYY-MM or YYYY-MM-DD */
} PlxAttributeType;

#define PLX_TYPE_ATTRIBUTE (plx_attribute_get_type ())
G_DECLARE_FINAL_TYPE (PlxAttribute, plx_attribute, PLX, ATTRIBUTE, GObject)

PlxAttribute     *plx_attribute_new             (const char        *uuid,
                                                 const char        *name,
                                                 PlxAttributeType   type);
PlxAttribute     *plx_attribute_copy            (PlxAttribute      *self);
gint64            plx_attribute_get_id          (PlxAttribute      *self);
void              plx_attribute_set_id          (PlxAttribute      *self,
                                                 gint64             id);
const char       *plx_attribute_get_uuid        (PlxAttribute      *self);
const char       *plx_attribute_get_name        (PlxAttribute      *self);
void              plx_attribute_set_name        (PlxAttribute      *self,
                                                 const char        *name);
PlxAttributeType  plx_attribute_get_value_type  (PlxAttribute      *self);
void              plx_attribute_set_value_type  (PlxAttribute      *self,
                                                 PlxAttributeType   type);
guint             plx_attribute_get_revision    (PlxAttribute      *self);
void              plx_attribute_set_revision    (PlxAttribute      *self,
                                                 guint              revision);
char             *plx_attribute_normalize_value (PlxAttribute      *self,
                                                 const char        *value,
                                                 GError           **error);
int               plx_attribute_compare_values  (PlxAttribute      *self,
                                                 const char        *a,
                                                 const char        *b);

const char       *plx_attribute_type_to_string  (PlxAttributeType   type);
gboolean          plx_attribute_type_from_string (const char       *text,
                                                 PlxAttributeType  *type);

G_END_DECLS
