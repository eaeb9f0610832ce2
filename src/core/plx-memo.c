/* plx-memo.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-memo"

#include "plx-memo.h"
#include "plx-property-private.h"

struct _PlxMemo
{
  GObject      parent_instance;

  gint64       id;
  char        *uuid;
  PlxMemoKind  kind;
  char        *target_uuid;  /* "" for a project or free memo */
  char        *title;
  char        *body;
  char        *author;
  char        *created;
  char        *modified;
  guint        revision;
  GStrv        citations;    /* annotation UUIDs, in the order cited */
};

G_DEFINE_FINAL_TYPE (PlxMemo, plx_memo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KIND,
  PROP_TARGET_UUID,
  PROP_TITLE,
  PROP_BODY,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_REVISION,
  PROP_CITATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = { "project", "document", "perspective", "theme", "free" };

static void
plx_memo_finalize (GObject *object)
{
  PlxMemo *self = (PlxMemo *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->target_uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->citations, g_strfreev);

  G_OBJECT_CLASS (plx_memo_parent_class)->finalize (object);
}

static void
plx_memo_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PlxMemo *self = PLX_MEMO (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_TARGET_UUID: g_value_set_string (value, self->target_uuid); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_BODY: g_value_set_string (value, self->body); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_CREATED: g_value_set_string (value, self->created); break;
    case PROP_MODIFIED: g_value_set_string (value, self->modified); break;
    case PROP_REVISION: g_value_set_uint (value, self->revision); break;
    case PROP_CITATIONS: g_value_set_boxed (value, self->citations); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_memo_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PlxMemo *self = PLX_MEMO (object);

  switch (prop_id)
    {
    case PROP_ID: plx_memo_set_id (self, g_value_get_int64 (value)); break;
    case PROP_UUID: g_free (self->uuid); self->uuid = g_value_dup_string (value); break;
    case PROP_KIND: plx_memo_set_kind (self, (PlxMemoKind) g_value_get_int (value)); break;
    case PROP_TARGET_UUID: plx_memo_set_target_uuid (self, g_value_get_string (value)); break;
    case PROP_TITLE: plx_memo_set_title (self, g_value_get_string (value)); break;
    case PROP_BODY: plx_memo_set_body (self, g_value_get_string (value)); break;
    case PROP_AUTHOR: plx_memo_set_author (self, g_value_get_string (value)); break;
    case PROP_CREATED: plx_memo_set_created (self, g_value_get_string (value)); break;
    case PROP_MODIFIED: plx_memo_set_modified (self, g_value_get_string (value)); break;
    case PROP_REVISION: plx_memo_set_revision (self, g_value_get_uint (value)); break;
    case PROP_CITATIONS: plx_memo_set_citations (self, g_value_get_boxed (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_memo_class_init (PlxMemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = plx_memo_finalize;
  object_class->get_property = plx_memo_get_property;
  object_class->set_property = plx_memo_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A PlxMemoKind. */
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, PLX_MEMO_PROJECT, PLX_MEMO_FREE, PLX_MEMO_FREE, rw);
  properties[PROP_TARGET_UUID] = g_param_spec_string ("target-uuid", NULL, NULL, "", rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", rw);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, "", rw);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, "", rw);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, "", rw);
  properties[PROP_REVISION] = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_CITATIONS] = g_param_spec_boxed ("citations", NULL, NULL, G_TYPE_STRV, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_memo_init (PlxMemo *self)
{
  self->kind = PLX_MEMO_FREE;
  self->target_uuid = g_strdup ("");
  self->title = g_strdup ("");
  self->body = g_strdup ("");
  self->author = g_strdup ("");
  self->created = g_strdup ("");
  self->modified = g_strdup ("");
  self->citations = g_new0 (char *, 1);
}

/* @uuid: (nullable): a new one is made when NULL
 * @target_uuid: (nullable): what the memo is about; none for project and free memos */
PlxMemo *
plx_memo_new (const char  *uuid,
              PlxMemoKind  kind,
              const char  *target_uuid)
{
  g_autofree char *made = uuid == NULL ? g_uuid_string_random () : NULL;

  return g_object_new (PLX_TYPE_MEMO, "uuid", uuid ? uuid : made, "kind", (int) kind,
                       "target-uuid", target_uuid ? target_uuid : "", NULL);
}

PlxMemo *
plx_memo_copy (PlxMemo *self)
{
  PlxMemo *copy;

  g_return_val_if_fail (PLX_IS_MEMO (self), NULL);

  copy = plx_memo_new (self->uuid, self->kind, self->target_uuid);
  copy->id = self->id;
  plx_memo_set_title (copy, self->title);
  plx_memo_set_body (copy, self->body);
  plx_memo_set_author (copy, self->author);
  plx_memo_set_created (copy, self->created);
  plx_memo_set_modified (copy, self->modified);
  copy->revision = self->revision;
  plx_memo_set_citations (copy, (const char * const *) self->citations);
  return copy;
}

gint64
plx_memo_get_id (PlxMemo *self)
{
  g_return_val_if_fail (PLX_IS_MEMO (self), 0);
  return self->id;
}

void
plx_memo_set_id (PlxMemo *self,
                 gint64   id)
{
  g_return_if_fail (PLX_IS_MEMO (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
plx_memo_get_uuid (PlxMemo *self)
{
  g_return_val_if_fail (PLX_IS_MEMO (self), NULL);
  return self->uuid;
}

PlxMemoKind
plx_memo_get_kind (PlxMemo *self)
{
  g_return_val_if_fail (PLX_IS_MEMO (self), PLX_MEMO_FREE);
  return self->kind;
}

void
plx_memo_set_kind (PlxMemo     *self,
                   PlxMemoKind  kind)
{
  g_return_if_fail (PLX_IS_MEMO (self));
  g_return_if_fail (kind <= PLX_MEMO_FREE);
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

#define STRING_ACCESSORS(field, PROP) \
  PLX_DEFINE_STRING_ACCESSORS (PlxMemo, plx_memo, PLX_IS_MEMO, field, properties[PROP])

STRING_ACCESSORS (target_uuid, PROP_TARGET_UUID)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (body, PROP_BODY)
STRING_ACCESSORS (author, PROP_AUTHOR)
STRING_ACCESSORS (created, PROP_CREATED)
STRING_ACCESSORS (modified, PROP_MODIFIED)

guint
plx_memo_get_revision (PlxMemo *self)
{
  g_return_val_if_fail (PLX_IS_MEMO (self), 0);
  return self->revision;
}

void
plx_memo_set_revision (PlxMemo *self,
                       guint    revision)
{
  g_return_if_fail (PLX_IS_MEMO (self));
  if (self->revision == revision)
    return;
  self->revision = revision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

const char * const *
plx_memo_get_citations (PlxMemo *self)
{
  g_return_val_if_fail (PLX_IS_MEMO (self), NULL);
  return (const char * const *) self->citations;
}

void
plx_memo_set_citations (PlxMemo            *self,
                        const char * const *annotation_uuids)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (PLX_IS_MEMO (self));

  if (annotation_uuids == NULL)
    annotation_uuids = none;
  if (g_strv_equal (annotation_uuids, (const char * const *) self->citations))
    return;
  g_strfreev (self->citations);
  self->citations = g_strdupv ((char **) annotation_uuids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITATIONS]);
}

const char *
plx_memo_kind_to_string (PlxMemoKind kind)
{
  g_return_val_if_fail (kind <= PLX_MEMO_FREE, NULL);
  return kind_names[kind];
}

gboolean
plx_memo_kind_from_string (const char  *text,
                           PlxMemoKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (PlxMemoKind) i;
        return TRUE;
      }
  return FALSE;
}
