/* plx-theme.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-theme"

#include <string.h>

#include "plx-theme.h"
#include "plx-property-private.h"

struct _PlxTheme
{
  GObject      parent_instance;

  gint64       id;
  char        *uuid;
  char        *name;
  char        *description;
  char        *inclusion;
  char        *exclusion;
  char        *color;        /* "" for none */
  char        *parent_uuid;  /* NULL at the top */
  guint        revision;
  GHashTable  *labels;       /* lang → label */
  GStrv        examples;     /* annotation UUIDs */
};

G_DEFINE_FINAL_TYPE (PlxTheme, plx_theme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_INCLUSION,
  PROP_EXCLUSION,
  PROP_COLOR,
  PROP_PARENT_UUID,
  PROP_REVISION,
  PROP_LABELS,
  PROP_EXAMPLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const label_languages[] = { PLX_THEME_LABEL_LANGUAGES, NULL };

static void
plx_theme_finalize (GObject *object)
{
  PlxTheme *self = (PlxTheme *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->inclusion, g_free);
  g_clear_pointer (&self->exclusion, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->parent_uuid, g_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->examples, g_strfreev);

  G_OBJECT_CLASS (plx_theme_parent_class)->finalize (object);
}

/* The labels as "lang=label", in the order of label_languages. */
static GStrv
dup_labels_strv (PlxTheme *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) langs = plx_theme_dup_label_languages (self);

  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autofree char *pair = g_strdup_printf ("%s=%s", langs[i], plx_theme_get_label (self, langs[i]));
      g_strv_builder_add (builder, pair);
    }
  return g_strv_builder_end (builder);
}

static void
plx_theme_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlxTheme *self = PLX_THEME (object);

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
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_INCLUSION:
      g_value_set_string (value, self->inclusion);
      break;
    case PROP_EXCLUSION:
      g_value_set_string (value, self->exclusion);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_PARENT_UUID:
      g_value_set_string (value, self->parent_uuid);
      break;
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    case PROP_LABELS:
      g_value_take_boxed (value, dup_labels_strv (self));
      break;
    case PROP_EXAMPLES:
      g_value_set_boxed (value, self->examples);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_theme_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlxTheme *self = PLX_THEME (object);

  switch (prop_id)
    {
    case PROP_ID:
      plx_theme_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      g_free (self->uuid);
      self->uuid = g_value_dup_string (value);
      break;
    case PROP_NAME:
      plx_theme_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      plx_theme_set_description (self, g_value_get_string (value));
      break;
    case PROP_INCLUSION:
      plx_theme_set_inclusion (self, g_value_get_string (value));
      break;
    case PROP_EXCLUSION:
      plx_theme_set_exclusion (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      plx_theme_set_color (self, g_value_get_string (value));
      break;
    case PROP_PARENT_UUID:
      plx_theme_set_parent_uuid (self, g_value_get_string (value));
      break;
    case PROP_REVISION:
      plx_theme_set_revision (self, g_value_get_uint (value));
      break;
    case PROP_EXAMPLES:
      plx_theme_set_examples (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_theme_class_init (PlxThemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = plx_theme_finalize;
  object_class->get_property = plx_theme_get_property;
  object_class->set_property = plx_theme_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_INCLUSION] = g_param_spec_string ("inclusion", NULL, NULL, "", rw);
  properties[PROP_EXCLUSION] = g_param_spec_string ("exclusion", NULL, NULL, "", rw);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, "", rw);
  properties[PROP_PARENT_UUID] = g_param_spec_string ("parent-uuid", NULL, NULL, NULL, rw);
  properties[PROP_REVISION] = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0, rw);
  /* "lang=label" for each translated label; set with plx_theme_set_label(). */
  properties[PROP_LABELS] =
    g_param_spec_boxed ("labels", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXAMPLES] = g_param_spec_boxed ("examples", NULL, NULL, G_TYPE_STRV, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_theme_init (PlxTheme *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->inclusion = g_strdup ("");
  self->exclusion = g_strdup ("");
  self->color = g_strdup ("");
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->examples = g_new0 (char *, 1);
}

/* @uuid: (nullable): a new one is made when NULL */
PlxTheme *
plx_theme_new (const char *uuid,
               const char *name)
{
  g_autofree char *made = uuid == NULL ? g_uuid_string_random () : NULL;

  return g_object_new (PLX_TYPE_THEME, "uuid", uuid ? uuid : made, "name", name ? name : "", NULL);
}

PlxTheme *
plx_theme_copy (PlxTheme *self)
{
  PlxTheme *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PLX_IS_THEME (self), NULL);

  copy = plx_theme_new (self->uuid, self->name);
  copy->id = self->id;
  plx_theme_set_description (copy, self->description);
  plx_theme_set_inclusion (copy, self->inclusion);
  plx_theme_set_exclusion (copy, self->exclusion);
  plx_theme_set_color (copy, self->color);
  plx_theme_set_parent_uuid (copy, self->parent_uuid);
  copy->revision = self->revision;
  g_hash_table_iter_init (&iter, self->labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->labels, g_strdup (key), g_strdup (value));
  plx_theme_set_examples (copy, (const char * const *) self->examples);
  return copy;
}

/* Equal in everything a user can change (not the local id or revision). */
gboolean
plx_theme_equal (PlxTheme *self,
                 PlxTheme *other)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;

  g_return_val_if_fail (PLX_IS_THEME (self) && PLX_IS_THEME (other), FALSE);

  a = dup_labels_strv (self);
  b = dup_labels_strv (other);
  return g_strcmp0 (self->uuid, other->uuid) == 0 && g_strcmp0 (self->name, other->name) == 0 &&
         g_strcmp0 (self->description, other->description) == 0 &&
         g_strcmp0 (self->inclusion, other->inclusion) == 0 &&
         g_strcmp0 (self->exclusion, other->exclusion) == 0 && g_strcmp0 (self->color, other->color) == 0 &&
         g_strcmp0 (self->parent_uuid, other->parent_uuid) == 0 &&
         g_strv_equal ((const char * const *) a, (const char * const *) b) &&
         g_strv_equal ((const char * const *) self->examples, (const char * const *) other->examples);
}

gint64
plx_theme_get_id (PlxTheme *self)
{
  g_return_val_if_fail (PLX_IS_THEME (self), 0);
  return self->id;
}

void
plx_theme_set_id (PlxTheme *self,
                  gint64    id)
{
  g_return_if_fail (PLX_IS_THEME (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
plx_theme_get_uuid (PlxTheme *self)
{
  g_return_val_if_fail (PLX_IS_THEME (self), NULL);
  return self->uuid;
}

#define STRING_ACCESSORS(field, PROP) \
  PLX_DEFINE_STRING_ACCESSORS (PlxTheme, plx_theme, PLX_IS_THEME, field, properties[PROP])

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (description, PROP_DESCRIPTION)
STRING_ACCESSORS (inclusion, PROP_INCLUSION)
STRING_ACCESSORS (exclusion, PROP_EXCLUSION)
STRING_ACCESSORS (color, PROP_COLOR)

/* NULL for a theme at the top of the tree. */
const char *
plx_theme_get_parent_uuid (PlxTheme *self)
{
  g_return_val_if_fail (PLX_IS_THEME (self), NULL);
  return self->parent_uuid;
}

void
plx_theme_set_parent_uuid (PlxTheme   *self,
                           const char *parent_uuid)
{
  g_return_if_fail (PLX_IS_THEME (self));
  if (parent_uuid != NULL && *parent_uuid == '\0')
    parent_uuid = NULL;
  if (g_strcmp0 (self->parent_uuid, parent_uuid) == 0)
    return;
  g_free (self->parent_uuid);
  self->parent_uuid = g_strdup (parent_uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_UUID]);
}

guint
plx_theme_get_revision (PlxTheme *self)
{
  g_return_val_if_fail (PLX_IS_THEME (self), 0);
  return self->revision;
}

void
plx_theme_set_revision (PlxTheme *self,
                        guint     revision)
{
  g_return_if_fail (PLX_IS_THEME (self));
  if (self->revision == revision)
    return;
  self->revision = revision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

gboolean
plx_theme_label_language_is_known (const char *lang)
{
  return lang != NULL && g_strv_contains (label_languages, lang);
}

/* The label in @lang, or "" when it has none. */
const char *
plx_theme_get_label (PlxTheme   *self,
                     const char *lang)
{
  const char *label;

  g_return_val_if_fail (PLX_IS_THEME (self), NULL);
  label = lang ? g_hash_table_lookup (self->labels, lang) : NULL;
  return label ? label : "";
}

/* @label: (nullable): NULL or "" removes it */
void
plx_theme_set_label (PlxTheme   *self,
                     const char *lang,
                     const char *label)
{
  g_return_if_fail (PLX_IS_THEME (self));
  g_return_if_fail (lang != NULL && *lang != '\0');

  if (g_strcmp0 (plx_theme_get_label (self, lang), label ? label : "") == 0)
    return;
  if (label == NULL || *label == '\0')
    g_hash_table_remove (self->labels, lang);
  else
    g_hash_table_insert (self->labels, g_strdup (lang), g_strdup (label));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS]);
}

/* What a member reading @lang sees: the label in @lang, else the name. */
const char *
plx_theme_get_display_label (PlxTheme   *self,
                             const char *lang)
{
  const char *label = plx_theme_get_label (self, lang);

  return *label != '\0' ? label : self->name;
}

/* The languages with a label, the known ones in their order first. */
char **
plx_theme_dup_label_languages (PlxTheme *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (PLX_IS_THEME (self), NULL);

  for (guint i = 0; label_languages[i] != NULL; i++)
    if (g_hash_table_contains (self->labels, label_languages[i]))
      g_strv_builder_add (builder, label_languages[i]);
  keys = g_list_sort (g_hash_table_get_keys (self->labels), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    if (!g_strv_contains (label_languages, l->data))
      g_strv_builder_add (builder, l->data);
  return g_strv_builder_end (builder);
}

const char * const *
plx_theme_get_examples (PlxTheme *self)
{
  g_return_val_if_fail (PLX_IS_THEME (self), NULL);
  return (const char * const *) self->examples;
}

void
plx_theme_set_examples (PlxTheme           *self,
                        const char * const *annotation_uuids)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (PLX_IS_THEME (self));

  if (annotation_uuids == NULL)
    annotation_uuids = none;
  if (g_strv_equal (annotation_uuids, (const char * const *) self->examples))
    return;
  g_strfreev (self->examples);
  self->examples = g_strdupv ((char **) annotation_uuids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXAMPLES]);
}

/* Makes @self (same UUID) what @other is, notifying each property that
 * changes: how a live object shown in a list follows the store. */
void
plx_theme_assign (PlxTheme *self,
                  PlxTheme *other)
{
  g_auto(GStrv) mine = NULL;
  g_auto(GStrv) theirs = NULL;

  g_return_if_fail (PLX_IS_THEME (self) && PLX_IS_THEME (other));
  g_return_if_fail (g_strcmp0 (self->uuid, other->uuid) == 0);

  g_object_freeze_notify (G_OBJECT (self));
  plx_theme_set_id (self, other->id);
  plx_theme_set_name (self, other->name);
  plx_theme_set_description (self, other->description);
  plx_theme_set_inclusion (self, other->inclusion);
  plx_theme_set_exclusion (self, other->exclusion);
  plx_theme_set_color (self, other->color);
  plx_theme_set_parent_uuid (self, other->parent_uuid);
  plx_theme_set_revision (self, other->revision);
  mine = plx_theme_dup_label_languages (self);
  for (guint i = 0; mine[i] != NULL; i++)
    plx_theme_set_label (self, mine[i], plx_theme_get_label (other, mine[i]));
  theirs = plx_theme_dup_label_languages (other);
  for (guint i = 0; theirs[i] != NULL; i++)
    plx_theme_set_label (self, theirs[i], plx_theme_get_label (other, theirs[i]));
  plx_theme_set_examples (self, (const char * const *) other->examples);
  g_object_thaw_notify (G_OBJECT (self));
}
