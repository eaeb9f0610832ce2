/* plx-attribute.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-attribute"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "plx-attribute.h"
#include "plx-error.h"
#include "plx-property-private.h"

struct _PlxAttribute
{
  GObject           parent_instance;

  gint64            id;
  char             *uuid;
  char             *name;
  PlxAttributeType  value_type;
  guint             revision;
};

G_DEFINE_FINAL_TYPE (PlxAttribute, plx_attribute, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_VALUE_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const type_names[] = { "text", "category", "number", "date" };

static void
plx_attribute_finalize (GObject *object)
{
  PlxAttribute *self = (PlxAttribute *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (plx_attribute_parent_class)->finalize (object);
}

static void
plx_attribute_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlxAttribute *self = PLX_ATTRIBUTE (object);

  switch (prop_id)
    {
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_VALUE_TYPE: g_value_set_int (value, self->value_type); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_attribute_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PlxAttribute *self = PLX_ATTRIBUTE (object);

  switch (prop_id)
    {
    case PROP_UUID: self->uuid = g_value_dup_string (value); break;
    case PROP_NAME: plx_attribute_set_name (self, g_value_get_string (value)); break;
    case PROP_VALUE_TYPE: plx_attribute_set_value_type (self, g_value_get_int (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_attribute_class_init (PlxAttributeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plx_attribute_finalize;
  object_class->get_property = plx_attribute_get_property;
  object_class->set_property = plx_attribute_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_TYPE] =
    g_param_spec_int ("value-type", NULL, NULL, PLX_ATTRIBUTE_TEXT, PLX_ATTRIBUTE_DATE, PLX_ATTRIBUTE_TEXT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_attribute_init (PlxAttribute *self)
{
  self->name = g_strdup ("");
  self->revision = 1;
}

/* @uuid: NULL for a new attribute */
PlxAttribute *
plx_attribute_new (const char       *uuid,
                   const char       *name,
                   PlxAttributeType  type)
{
  g_autofree char *fresh = uuid == NULL ? g_uuid_string_random () : NULL;

  return g_object_new (PLX_TYPE_ATTRIBUTE, "uuid", uuid != NULL ? uuid : fresh, "name", name,
                       "value-type", (int) type, NULL);
}

PlxAttribute *
plx_attribute_copy (PlxAttribute *self)
{
  PlxAttribute *copy;

  g_return_val_if_fail (PLX_IS_ATTRIBUTE (self), NULL);

  copy = plx_attribute_new (self->uuid, self->name, self->value_type);
  copy->id = self->id;
  copy->revision = self->revision;
  return copy;
}

gint64
plx_attribute_get_id (PlxAttribute *self)
{
  g_return_val_if_fail (PLX_IS_ATTRIBUTE (self), 0);
  return self->id;
}

void
plx_attribute_set_id (PlxAttribute *self,
                      gint64        id)
{
  g_return_if_fail (PLX_IS_ATTRIBUTE (self));
  self->id = id;
}

const char *
plx_attribute_get_uuid (PlxAttribute *self)
{
  g_return_val_if_fail (PLX_IS_ATTRIBUTE (self), NULL);
  return self->uuid;
}

PLX_DEFINE_STRING_ACCESSORS (PlxAttribute, plx_attribute, PLX_IS_ATTRIBUTE, name, properties[PROP_NAME])

PlxAttributeType
plx_attribute_get_value_type (PlxAttribute *self)
{
  g_return_val_if_fail (PLX_IS_ATTRIBUTE (self), PLX_ATTRIBUTE_TEXT);
  return self->value_type;
}

void
plx_attribute_set_value_type (PlxAttribute     *self,
                              PlxAttributeType  type)
{
  g_return_if_fail (PLX_IS_ATTRIBUTE (self));

  if (self->value_type == type)
    return;
  self->value_type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_TYPE]);
}

guint
plx_attribute_get_revision (PlxAttribute *self)
{
  g_return_val_if_fail (PLX_IS_ATTRIBUTE (self), 0);
  return self->revision;
}

void
plx_attribute_set_revision (PlxAttribute *self,
                            guint         revision)
{
  g_return_if_fail (PLX_IS_ATTRIBUTE (self));
  self->revision = revision;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, a real day: how sources are dated (a
 * yearbook, a monthly, an article). */
static gboolean
is_partial_date (const char *text)
{
  guint year, month = 1, day = 1;
  char tail;
  int n;

  n = sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail);
  if (n == 4 || n < 1 || year < 1)
    return FALSE;
  if (strlen (text) != (n == 1 ? 4u : n == 2 ? 7u : 10u) || text[0] == '+' || text[0] == '-')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * plx_attribute_normalize_value:
 * @value: what the user typed
 *
 * The value as stored: trimmed; a number in C-locale notation ("1,5" is
 * refused rather than guessed at); a date as YYYY, YYYY-MM or YYYY-MM-DD.
 *
 * Returns: (transfer full) (nullable): the stored form, or %NULL with
 *   @error saying what is wrong with @value
 */
char *
plx_attribute_normalize_value (PlxAttribute  *self,
                               const char    *value,
                               GError       **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (PLX_IS_ATTRIBUTE (self), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("The value for “%s” is not valid UTF-8"),
                   self->name);
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (value));
  if (*trimmed == '\0')
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("The value for “%s” is empty"), self->name);
      return NULL;
    }
  switch (self->value_type)
    {
    case PLX_ATTRIBUTE_NUMBER:
      {
        char *end = NULL;
        double number = g_ascii_strtod (trimmed, &end);
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        if (end == trimmed || *end != '\0' || !isfinite (number))
          {
            g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                         _("“%s” is not a number (“%s” takes numbers such as 12 or 3.5)"), trimmed, self->name);
            return NULL;
          }
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, number));
      }
    case PLX_ATTRIBUTE_DATE:
      if (!is_partial_date (trimmed))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a date (“%s” takes dates as 2020, 2020-11 or 2020-11-10)"), trimmed,
                       self->name);
          return NULL;
        }
      return g_steal_pointer (&trimmed);
    case PLX_ATTRIBUTE_TEXT:
    case PLX_ATTRIBUTE_CATEGORY:
    default:
      return g_steal_pointer (&trimmed);
    }
}

/* Numbers by value, dates and texts as written (a date's stored form
 * sorts by time); for sorting a table or the groups of a comparison. */
int
plx_attribute_compare_values (PlxAttribute *self,
                              const char   *a,
                              const char   *b)
{
  g_return_val_if_fail (PLX_IS_ATTRIBUTE (self), 0);

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  if (self->value_type == PLX_ATTRIBUTE_NUMBER)
    {
      double x = g_ascii_strtod (a, NULL), y = g_ascii_strtod (b, NULL);

      return (x > y) - (x < y);
    }
  if (self->value_type == PLX_ATTRIBUTE_DATE)
    return strcmp (a, b);
  return g_utf8_collate (a, b);
}

const char *
plx_attribute_type_to_string (PlxAttributeType type)
{
  g_return_val_if_fail (type <= PLX_ATTRIBUTE_DATE, NULL);
  return type_names[type];
}

gboolean
plx_attribute_type_from_string (const char       *text,
                                PlxAttributeType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_strcmp0 (text, type_names[i]) == 0)
      {
        *type = (PlxAttributeType) i;
        return TRUE;
      }
  return FALSE;
}
