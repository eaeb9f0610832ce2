/* plx-property-private.h: what the model objects share for their string
 * properties.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Sets *@field to @value (NULL is "") and notifies @pspec when it changed. */
static inline void
plx_property_set_string (GObject     *object,
                         char       **field,
                         const char  *value,
                         GParamSpec  *pspec)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}

/* The getter and setter of a string property @field of @Type, whose
 * functions begin with @prefix and whose instances @IS_TYPE checks. */
#define PLX_DEFINE_STRING_ACCESSORS(Type, prefix, IS_TYPE, field, pspec)  \
  const char *                                                          \
  prefix##_get_##field (Type *self)                                     \
  {                                                                     \
    g_return_val_if_fail (IS_TYPE (self), NULL);                        \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  prefix##_set_##field (Type       *self,                               \
                        const char *value)                              \
  {                                                                     \
    g_return_if_fail (IS_TYPE (self));                                  \
    plx_property_set_string (G_OBJECT (self), &self->field, value, pspec); \
  }

G_END_DECLS
