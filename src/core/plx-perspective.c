/* plx-perspective.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-perspective"
#include <string.h>

#include "plx-perspective.h"
#include "plx-text.h"

struct _PlxPerspective
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *name;
  char    *color;
  int      position;
};

G_DEFINE_FINAL_TYPE (PlxPerspective, plx_perspective, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_COLOR,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plx_perspective_finalize (GObject *object)
{
  PlxPerspective *self = (PlxPerspective *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (plx_perspective_parent_class)->finalize (object);
}

static void
plx_perspective_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlxPerspective *self = PLX_PERSPECTIVE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_perspective_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlxPerspective *self = PLX_PERSPECTIVE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      plx_perspective_set_name (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      plx_perspective_set_color (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      plx_perspective_set_position (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_perspective_class_init (PlxPerspectiveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plx_perspective_finalize;
  object_class->get_property = plx_perspective_get_property;
  object_class->set_property = plx_perspective_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, "#000000",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_perspective_init (PlxPerspective *self)
{
  self->uuid = plx_text_new_uuid ();
}

PlxPerspective *
plx_perspective_new (gint64      id,
                     const char *name,
                     const char *color,
                     int         position)
{
  return g_object_new (PLX_TYPE_PERSPECTIVE,
                       "id", id,
                       "name", name,
                       "color", color,
                       "position", position,
                       NULL);
}

/* A snapshot, identity included, that later changes to @self leave alone. */
PlxPerspective *
plx_perspective_copy (PlxPerspective *self)
{
  PlxPerspective *copy;

  g_return_val_if_fail (PLX_IS_PERSPECTIVE (self), NULL);

  copy = plx_perspective_new (self->id, self->name, self->color, self->position);
  plx_perspective_set_uuid (copy, self->uuid);
  return copy;
}

gint64
plx_perspective_get_id (PlxPerspective *self)
{
  g_return_val_if_fail (PLX_IS_PERSPECTIVE (self), 0);
  return self->id;
}

/* Set once the store has given the perspective its row. */
void
plx_perspective_set_id (PlxPerspective *self,
                        gint64          id)
{
  g_return_if_fail (PLX_IS_PERSPECTIVE (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

/* Stable across copies of a project, unlike the id. */
const char *
plx_perspective_get_uuid (PlxPerspective *self)
{
  g_return_val_if_fail (PLX_IS_PERSPECTIVE (self), NULL);
  return self->uuid;
}

void
plx_perspective_set_uuid (PlxPerspective *self,
                          const char     *uuid)
{
  g_return_if_fail (PLX_IS_PERSPECTIVE (self));
  g_return_if_fail (uuid != NULL);

  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
}

const char *
plx_perspective_get_name (PlxPerspective *self)
{
  g_return_val_if_fail (PLX_IS_PERSPECTIVE (self), NULL);
  return self->name;
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
plx_perspective_set_name (PlxPerspective *self,
                          const char     *name)
{
  g_return_if_fail (PLX_IS_PERSPECTIVE (self));

  if (replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
plx_perspective_get_color (PlxPerspective *self)
{
  g_return_val_if_fail (PLX_IS_PERSPECTIVE (self), NULL);
  return self->color;
}

void
plx_perspective_set_color (PlxPerspective *self,
                           const char     *color)
{
  g_return_if_fail (PLX_IS_PERSPECTIVE (self));

  if (replace_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

int
plx_perspective_get_position (PlxPerspective *self)
{
  g_return_val_if_fail (PLX_IS_PERSPECTIVE (self), 0);
  return self->position;
}

void
plx_perspective_set_position (PlxPerspective *self,
                              int             position)
{
  g_return_if_fail (PLX_IS_PERSPECTIVE (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* Colours are stored as "#rrggbb" so that every consumer (GTK, CSV, JSON)
 * reads them the same way. */
gboolean
plx_perspective_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}
