/* plx-history.c: undo and redo. Each step is the change set that made
 * it; undoing applies its inverse, redoing applies it again.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-history"

#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-history.h"
#include "plx-project-private.h"

struct _PlxHistory
{
  GObject     parent_instance;

  PlxProject *project;
  GPtrArray  *undo;   /* PlxChangeSet, newest last */
  GPtrArray  *redo;
  const char *coder;  /* interned; NULL for no one in particular */
};

G_DEFINE_FINAL_TYPE (PlxHistory, plx_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plx_history_finalize (GObject *object)
{
  PlxHistory *self = (PlxHistory *) object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (plx_history_parent_class)->finalize (object);
}

static void
plx_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlxHistory *self = PLX_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, plx_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, plx_history_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_history_class_init (PlxHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plx_history_finalize;
  object_class->get_property = plx_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_history_init (PlxHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
}

PlxHistory *
plx_history_new (PlxProject *project)
{
  PlxHistory *self;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  self = g_object_new (PLX_TYPE_HISTORY, NULL);
  self->project = g_object_ref (project);
  return self;
}

/**
 * plx_history_set_coder:
 * @coder: (nullable): the name of the coder making the changes from now on
 *
 * Every annotation a later step adds or changes records @coder as its last
 * modifier (and as its author when added without one).
 */
void
plx_history_set_coder (PlxHistory *self,
                       const char *coder)
{
  g_return_if_fail (PLX_IS_HISTORY (self));
  self->coder = coder != NULL && *coder != '\0' ? g_intern_string (coder) : NULL;
}

PlxProject *
plx_history_get_project (PlxHistory *self)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), NULL);
  return self->project;
}

const char *
plx_history_get_coder (PlxHistory *self)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), NULL);
  return self->coder;
}

static void
notify_state (PlxHistory *self,
              gboolean    could_undo,
              gboolean    could_redo)
{
  if (could_undo != plx_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != plx_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Applies @changes and keeps them as the newest step; takes @changes. */
static gboolean
record (PlxHistory    *self,
        PlxChangeSet  *changes,
        GError       **error)
{
  g_autoptr(PlxChangeSet) owned = changes;
  gboolean could_undo = plx_history_get_can_undo (self);
  gboolean could_redo = plx_history_get_can_redo (self);

  if (owned == NULL)
    return FALSE;
  /* Whoever makes the change is its annotations' last modifier, and the
   * author of those it adds without one. Undo and redo put back what was. */
  for (guint i = 0; self->coder != NULL && i < plx_change_set_get_n_changes (owned); i++)
    {
      const PlxChange *change = plx_change_set_get_change (owned, i);

      if (change->kind != PLX_CHANGE_ANNOTATION || change->after == NULL)
        continue;
      if (change->before == NULL && *plx_annotation_get_author (change->after) == '\0')
        plx_annotation_set_author (change->after, self->coder);
      plx_annotation_set_modifier (change->after, self->coder);
    }
  if (!plx_project_apply (self->project, owned, error))
    return FALSE;
  g_ptr_array_add (self->undo, g_steal_pointer (&owned));
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

/* Annotations are copied into the step: the caller may keep editing its own. */
static gboolean
record_annotation (PlxHistory     *self,
                   PlxAnnotation  *before,
                   PlxAnnotation  *after,
                   GError        **error)
{
  PlxChangeSet *changes = plx_change_set_new ();
  g_autoptr(PlxAnnotation) after_copy = after ? plx_annotation_copy (after) : NULL;

  plx_change_set_add_annotation (changes, before, after_copy);
  if (!record (self, changes, error))
    return FALSE;
  /* What was stored (its revision) is what the caller sees too. */
  if (after != NULL)
    {
      plx_annotation_set_revision (after, plx_annotation_get_revision (after_copy));
      plx_annotation_set_ancestry (after, plx_annotation_get_ancestry (after_copy));
    }
  return TRUE;
}

gboolean
plx_history_add_annotation (PlxHistory     *self,
                            PlxAnnotation  *annotation,
                            GError        **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return record_annotation (self, NULL, annotation, error);
}

gboolean
plx_history_update_annotation (PlxHistory     *self,
                               PlxAnnotation  *annotation,
                               GError        **error)
{
  g_autoptr(PlxAnnotation) before = NULL;

  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);

  before = plx_project_get_annotation (self->project, plx_annotation_get_uuid (annotation), error);
  if (before == NULL)
    return FALSE;
  plx_annotation_touch (annotation);
  return record_annotation (self, before, annotation, error);
}

gboolean
plx_history_delete_annotation (PlxHistory  *self,
                               const char  *uuid,
                               GError     **error)
{
  g_autoptr(PlxAnnotation) before = NULL;

  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);

  before = plx_project_get_annotation (self->project, uuid, error);
  if (before == NULL)
    return FALSE;
  return record_annotation (self, before, NULL, error);
}

gboolean
plx_history_get_can_undo (PlxHistory *self)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
plx_history_get_can_redo (PlxHistory *self)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

/* Moves the newest step of @from onto @to after applying it backwards
 * (undo) or forwards (redo). */
static gboolean
replay (PlxHistory  *self,
        GPtrArray   *from,
        GPtrArray   *to,
        gboolean     backwards,
        GError     **error)
{
  gboolean could_undo = plx_history_get_can_undo (self);
  gboolean could_redo = plx_history_get_can_redo (self);
  g_autoptr(PlxChangeSet) applied = NULL;
  PlxChangeSet *step;

  if (from->len == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   backwards ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }

  step = g_ptr_array_index (from, from->len - 1);
  applied = backwards ? plx_change_set_dup_inverse (step) : g_object_ref (step);
  if (!plx_project_apply (self->project, applied, error))
    return FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
plx_history_undo (PlxHistory  *self,
                  GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return replay (self, self->undo, self->redo, TRUE, error);
}

gboolean
plx_history_redo (PlxHistory  *self,
                  GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return replay (self, self->redo, self->undo, FALSE, error);
}

PlxPerspective *
plx_history_add_perspective (PlxHistory  *self,
                             const char  *name,
                             const char  *color,
                             GError     **error)
{
  PlxChangeSet *changes;
  const PlxChange *added;

  g_return_val_if_fail (PLX_IS_HISTORY (self), NULL);

  if (!plx_project_check_room_for_perspective (self->project, error))
    return NULL;
  changes = _plx_project_changes_add_perspective (self->project, name, color, NULL, error);
  if (!record (self, changes, error))
    return NULL;
  added = plx_change_set_get_change (changes, 0);
  return plx_project_find_perspective (self->project, plx_perspective_get_id (added->after));
}

gboolean
plx_history_rename_perspective (PlxHistory  *self,
                                gint64       id,
                                const char  *name,
                                GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return record (self, _plx_project_changes_edit_perspective (self->project, id, name ? name : "", NULL, -1, error),
                 error);
}

gboolean
plx_history_recolor_perspective (PlxHistory  *self,
                                 gint64       id,
                                 const char  *color,
                                 GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  if (color == NULL)
    return _plx_project_check_color (color, error);
  return record (self, _plx_project_changes_edit_perspective (self->project, id, NULL, color, -1, error), error);
}

gboolean
plx_history_move_perspective (PlxHistory  *self,
                              gint64       id,
                              guint        position,
                              GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return record (self, _plx_project_changes_edit_perspective (self->project, id, NULL, NULL,
                                                              (int) MIN (position, (guint) G_MAXINT), error),
                 error);
}

gboolean
plx_history_remove_perspective (PlxHistory  *self,
                                gint64       id,
                                gint64       move_to_id,
                                GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return record (self, _plx_project_changes_remove_perspective (self->project, id, move_to_id, error), error);
}

gboolean
plx_history_add_document (PlxHistory   *self,
                          PlxDocument  *document,
                          GError      **error)
{
  PlxChangeSet *changes = plx_change_set_new ();

  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);

  plx_change_set_add_document (changes, NULL, document);
  return record (self, changes, error);
}

/* A document with its passages; undone, both come back whole. */
gboolean
plx_history_remove_document (PlxHistory  *self,
                             gint64       id,
                             GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return record (self, _plx_project_changes_remove_document (self->project, id, error), error);
}

/* A document's title and what is known of it, undoable. */
gboolean
plx_history_set_document_info (PlxHistory         *self,
                               gint64              id,
                               const char         *title,
                               const char * const *meta,
                               GError            **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return record (self, _plx_project_changes_set_document_info (self->project, id, title, meta, error), error);
}

/**
 * plx_history_apply_changes:
 * @changes: (nullable): a change set built elsewhere (the codebook's and
 *   memos' operations); NULL, as a builder returns on bad input, fails
 *   with @error already set by the builder
 *
 * Applies @changes as one step that can be undone.
 */
gboolean
plx_history_apply_changes (PlxHistory    *self,
                           PlxChangeSet  *changes,
                           GError       **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  /* Nothing to change (a rename to the same name) is no step to undo. */
  if (changes != NULL && plx_change_set_is_empty (changes))
    return TRUE;
  return record (self, changes ? g_object_ref (changes) : NULL, error);
}
