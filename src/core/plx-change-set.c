/* plx-change-set.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-change-set"

#include "plx-change-set.h"

struct _PlxChangeSet
{
  GObject  parent_instance;

  GArray  *changes;   /* PlxChange, in the order they are applied */
};

G_DEFINE_FINAL_TYPE (PlxChangeSet, plx_change_set, G_TYPE_OBJECT)

static void
change_clear (gpointer data)
{
  PlxChange *change = data;

  g_clear_object (&change->before);
  g_clear_object (&change->after);
}

static void
plx_change_set_finalize (GObject *object)
{
  PlxChangeSet *self = (PlxChangeSet *) object;

  g_clear_pointer (&self->changes, g_array_unref);

  G_OBJECT_CLASS (plx_change_set_parent_class)->finalize (object);
}

static void
plx_change_set_class_init (PlxChangeSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plx_change_set_finalize;
}

static void
plx_change_set_init (PlxChangeSet *self)
{
  self->changes = g_array_new (FALSE, FALSE, sizeof (PlxChange));
  g_array_set_clear_func (self->changes, change_clear);
}

PlxChangeSet *
plx_change_set_new (void)
{
  return g_object_new (PLX_TYPE_CHANGE_SET, NULL);
}

static void
add (PlxChangeSet  *self,
     PlxChangeKind  kind,
     gpointer       before,
     gpointer       after)
{
  PlxChange change = { kind, before ? g_object_ref (before) : NULL, after ? g_object_ref (after) : NULL };

  g_return_if_fail (before != NULL || after != NULL);
  g_array_append_val (self->changes, change);
}

/* The set keeps the objects given; they are what the project writes, so
 * the caller should not change them afterwards. */
void
plx_change_set_add_annotation (PlxChangeSet  *self,
                               PlxAnnotation *before,
                               PlxAnnotation *after)
{
  g_return_if_fail (PLX_IS_CHANGE_SET (self));
  add (self, PLX_CHANGE_ANNOTATION, before, after);
}

void
plx_change_set_add_perspective (PlxChangeSet   *self,
                                PlxPerspective *before,
                                PlxPerspective *after)
{
  g_return_if_fail (PLX_IS_CHANGE_SET (self));
  add (self, PLX_CHANGE_PERSPECTIVE, before, after);
}

void
plx_change_set_add_document (PlxChangeSet *self,
                             PlxDocument  *before,
                             PlxDocument  *after)
{
  g_return_if_fail (PLX_IS_CHANGE_SET (self));
  add (self, PLX_CHANGE_DOCUMENT, before, after);
}

void
plx_change_set_add_theme (PlxChangeSet *self,
                          PlxTheme     *before,
                          PlxTheme     *after)
{
  g_return_if_fail (PLX_IS_CHANGE_SET (self));
  add (self, PLX_CHANGE_THEME, before, after);
}

void
plx_change_set_add_memo (PlxChangeSet *self,
                         PlxMemo      *before,
                         PlxMemo      *after)
{
  g_return_if_fail (PLX_IS_CHANGE_SET (self));
  add (self, PLX_CHANGE_MEMO, before, after);
}

void
plx_change_set_add_attribute (PlxChangeSet *self,
                              PlxAttribute *before,
                              PlxAttribute *after)
{
  g_return_if_fail (PLX_IS_CHANGE_SET (self));
  g_return_if_fail (before != NULL || after != NULL);
  add (self, PLX_CHANGE_ATTRIBUTE, before, after);
}

/* A value set (@before NULL), changed, or cleared (@after NULL). */
void
plx_change_set_add_value (PlxChangeSet     *self,
                          PlxDocumentValue *before,
                          PlxDocumentValue *after)
{
  g_return_if_fail (PLX_IS_CHANGE_SET (self));
  g_return_if_fail (before != NULL || after != NULL);
  add (self, PLX_CHANGE_VALUE, before, after);
}

/* Adds @other's changes after this set's own. */
void
plx_change_set_append (PlxChangeSet *self,
                       PlxChangeSet *other)
{
  g_return_if_fail (PLX_IS_CHANGE_SET (self));
  g_return_if_fail (PLX_IS_CHANGE_SET (other));

  for (guint i = 0; i < other->changes->len; i++)
    {
      const PlxChange *change = &g_array_index (other->changes, PlxChange, i);
      add (self, change->kind, change->before, change->after);
    }
}

guint
plx_change_set_get_n_changes (PlxChangeSet *self)
{
  g_return_val_if_fail (PLX_IS_CHANGE_SET (self), 0);
  return self->changes->len;
}

const PlxChange *
plx_change_set_get_change (PlxChangeSet *self,
                           guint         index)
{
  g_return_val_if_fail (PLX_IS_CHANGE_SET (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);
  return &g_array_index (self->changes, PlxChange, index);
}

/* Drops every change after the first @n_changes (a rolled-back level). */
void
plx_change_set_truncate (PlxChangeSet *self,
                         guint         n_changes)
{
  g_return_if_fail (PLX_IS_CHANGE_SET (self));

  if (n_changes < self->changes->len)
    g_array_set_size (self->changes, n_changes);
}

gboolean
plx_change_set_is_empty (PlxChangeSet *self)
{
  g_return_val_if_fail (PLX_IS_CHANGE_SET (self), TRUE);
  return self->changes->len == 0;
}

/* What undoes @self: each change turned round, the last one first. It
 * shares @self's objects. */
PlxChangeSet *
plx_change_set_dup_inverse (PlxChangeSet *self)
{
  PlxChangeSet *inverse;

  g_return_val_if_fail (PLX_IS_CHANGE_SET (self), NULL);

  inverse = plx_change_set_new ();
  for (guint i = self->changes->len; i > 0; i--)
    {
      const PlxChange *change = &g_array_index (self->changes, PlxChange, i - 1);
      add (inverse, change->kind, change->after, change->before);
    }
  return inverse;
}
