/* plx-history.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-history.h"
#include "plx-project-private.h"

/* Each step keeps the thing it changed as it was before and after (NULL
 * for "did not exist"), so undo and redo are the same operation: make the
 * stored state equal one side of the step. Removing a perspective also
 * keeps the passages it took with it, and where they went (move_to). */
typedef struct {
  PlxAnnotation  *before;
  PlxAnnotation  *after;
  PlxPerspective *perspective_before;
  PlxPerspective *perspective_after;
  GPtrArray      *passages;
  gint64          move_to;
  PlxDocument    *document_before;
  PlxDocument    *document_after;
} Step;

struct _PlxHistory
{
  GObject     parent_instance;

  PlxProject *project;
  GArray     *undo;
  GArray     *redo;
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
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->before);
  g_clear_object (&step->after);
  g_clear_object (&step->perspective_before);
  g_clear_object (&step->perspective_after);
  g_clear_pointer (&step->passages, g_ptr_array_unref);
  g_clear_object (&step->document_before);
  g_clear_object (&step->document_after);
}

static void
plx_history_finalize (GObject *object)
{
  PlxHistory *self = (PlxHistory *) object;

  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->redo, g_array_unref);
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
  self->undo = g_array_new (FALSE, FALSE, sizeof (Step));
  self->redo = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (self->undo, step_clear);
  g_array_set_clear_func (self->redo, step_clear);
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

/* Makes the project hold @target where it now holds @current. */
static gboolean
apply_annotation (PlxHistory     *self,
                  PlxAnnotation  *current,
                  PlxAnnotation  *target,
                  GError        **error)
{
  if (target == NULL)
    return plx_project_delete_annotation (self->project, plx_annotation_get_uuid (current), error);
  if (current == NULL)
    return plx_project_add_annotation (self->project, target, error);
  return plx_project_update_annotation (self->project, target, error);
}

static PlxPerspective *
snapshot_perspective (PlxPerspective *perspective)
{
  return plx_perspective_new (plx_perspective_get_id (perspective), plx_perspective_get_name (perspective),
                              plx_perspective_get_color (perspective), plx_perspective_get_position (perspective));
}

/* Brings a perspective back together with the passages it lost. */
static gboolean
restore_removed (PlxHistory  *self,
                 const Step  *step,
                 GError     **error)
{
  if (!_plx_project_begin (self->project, error))
    return FALSE;
  if (!plx_project_restore_perspective (self->project, step->perspective_before, error))
    goto fail;
  for (guint i = 0; step->passages != NULL && i < step->passages->len; i++)
    {
      PlxAnnotation *passage = g_ptr_array_index (step->passages, i);
      gboolean ok = step->move_to != 0 ? plx_project_update_annotation (self->project, passage, error)
                                       : plx_project_add_annotation (self->project, passage, error);
      if (!ok)
        goto fail;
    }
  return _plx_project_commit (self->project, error);

fail:
  _plx_project_rollback (self->project);
  return FALSE;
}

static gboolean
apply_perspective (PlxHistory      *self,
                   const Step      *step,
                   PlxPerspective  *current,
                   PlxPerspective  *target,
                   GError         **error)
{
  gint64 id = plx_perspective_get_id (current ? current : target);

  if (target == NULL)
    return plx_project_remove_perspective (self->project, id, step->move_to, error);
  if (current == NULL)
    {
      if (step->passages != NULL || step->move_to != 0)
        return restore_removed (self, step, error);
      return plx_project_restore_perspective (self->project, target, error);
    }
  if (g_strcmp0 (plx_perspective_get_name (current), plx_perspective_get_name (target)) != 0 &&
      !plx_project_rename_perspective (self->project, id, plx_perspective_get_name (target), error))
    return FALSE;
  if (g_strcmp0 (plx_perspective_get_color (current), plx_perspective_get_color (target)) != 0 &&
      !plx_project_recolor_perspective (self->project, id, plx_perspective_get_color (target), error))
    return FALSE;
  if (plx_perspective_get_position (current) != plx_perspective_get_position (target) &&
      !plx_project_move_perspective (self->project, id, (guint) plx_perspective_get_position (target), error))
    return FALSE;
  return TRUE;
}

static gboolean
apply (PlxHistory  *self,
       const Step  *step,
       gboolean     backwards,
       GError     **error)
{
  if (step->document_before != NULL || step->document_after != NULL)
    {
      PlxDocument *current = backwards ? step->document_after : step->document_before;
      PlxDocument *target = backwards ? step->document_before : step->document_after;

      if (target == NULL)
        return plx_project_remove_document (self->project, plx_document_get_id (current), error);
      return plx_project_add_document (self->project, target, error);
    }
  if (step->perspective_before != NULL || step->perspective_after != NULL)
    return apply_perspective (self, step,
                              backwards ? step->perspective_after : step->perspective_before,
                              backwards ? step->perspective_before : step->perspective_after,
                              error);
  return apply_annotation (self,
                           backwards ? step->after : step->before,
                           backwards ? step->before : step->after,
                           error);
}

/* Takes ownership of @step's contents. */
static void
push (PlxHistory *self,
      Step       *step)
{
  gboolean could_undo = plx_history_get_can_undo (self);
  gboolean could_redo = plx_history_get_can_redo (self);

  g_array_append_val (self->undo, *step);
  g_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

static gboolean
record (PlxHistory     *self,
        PlxAnnotation  *before,
        PlxAnnotation  *after,
        GError        **error)
{
  Step step = { 0 };

  if (!apply_annotation (self, before, after, error))
    return FALSE;
  step.before = before ? plx_annotation_copy (before) : NULL;
  step.after = after ? plx_annotation_copy (after) : NULL;
  push (self, &step);
  return TRUE;
}

gboolean
plx_history_add_annotation (PlxHistory     *self,
                            PlxAnnotation  *annotation,
                            GError        **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return record (self, NULL, annotation, error);
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
  return record (self, before, annotation, error);
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
  return record (self, before, NULL, error);
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

/* Moves the newest step of @from onto @to after replaying it backwards
 * (undo) or forwards (redo). */
static gboolean
replay (PlxHistory  *self,
        GArray      *from,
        GArray      *to,
        gboolean     backwards,
        GError     **error)
{
  gboolean could_undo = plx_history_get_can_undo (self);
  gboolean could_redo = plx_history_get_can_redo (self);
  Step step;

  if (from->len == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   backwards ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }

  step = g_array_index (from, Step, from->len - 1);
  if (!apply (self, &step, backwards, error))
    return FALSE;

  /* Ownership of the step's annotations moves with it. */
  g_array_append_val (to, step);
  g_array_index (from, Step, from->len - 1) = (Step) { 0 };
  g_array_set_size (from, from->len - 1);
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
  PlxPerspective *added;
  Step step = { 0 };

  g_return_val_if_fail (PLX_IS_HISTORY (self), NULL);

  added = plx_project_add_perspective (self->project, name, color, error);
  if (added == NULL)
    return NULL;
  step.perspective_after = snapshot_perspective (added);
  push (self, &step);
  return added;
}

/* Rename, recolour and move are one kind of step: the perspective's
 * fields before and after. */
static gboolean
edit_perspective (PlxHistory   *self,
                  gint64        id,
                  const char   *name,
                  const char   *color,
                  int           position,
                  GError      **error)
{
  PlxPerspective *current = plx_project_find_perspective (self->project, id);
  g_autoptr(PlxPerspective) target = NULL;
  Step step = { 0 };

  if (current == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                   _("There is no perspective with id %" PRId64 " in this project"), id);
      return FALSE;
    }
  step.perspective_before = snapshot_perspective (current);
  target = plx_perspective_new (id,
                                name ? name : plx_perspective_get_name (current),
                                color ? color : plx_perspective_get_color (current),
                                position >= 0 ? position : plx_perspective_get_position (current));
  if (!apply_perspective (self, &step, step.perspective_before, target, error))
    {
      step_clear (&step);
      return FALSE;
    }
  step.perspective_after = snapshot_perspective (plx_project_find_perspective (self->project, id));
  push (self, &step);
  return TRUE;
}

gboolean
plx_history_rename_perspective (PlxHistory  *self,
                                gint64       id,
                                const char  *name,
                                GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return edit_perspective (self, id, name, NULL, -1, error);
}

gboolean
plx_history_recolor_perspective (PlxHistory  *self,
                                 gint64       id,
                                 const char  *color,
                                 GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return edit_perspective (self, id, NULL, color, -1, error);
}

gboolean
plx_history_move_perspective (PlxHistory  *self,
                              gint64       id,
                              guint        position,
                              GError     **error)
{
  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);
  return edit_perspective (self, id, NULL, NULL, (int) position, error);
}

gboolean
plx_history_remove_perspective (PlxHistory  *self,
                                gint64       id,
                                gint64       move_to_id,
                                GError     **error)
{
  PlxPerspective *current;
  PlxAnnotationQuery query = { 0, id, NULL };
  Step step = { 0 };

  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);

  current = plx_project_find_perspective (self->project, id);
  if (current == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                   _("There is no perspective with id %" PRId64 " in this project"), id);
      return FALSE;
    }
  step.perspective_before = snapshot_perspective (current);
  step.passages = plx_project_list_annotations (self->project, &query, error);
  step.move_to = move_to_id;
  if (step.passages == NULL || !plx_project_remove_perspective (self->project, id, move_to_id, error))
    {
      step_clear (&step);
      return FALSE;
    }
  push (self, &step);
  return TRUE;
}

gboolean
plx_history_add_document (PlxHistory   *self,
                          PlxDocument  *document,
                          GError      **error)
{
  Step step = { 0 };

  g_return_val_if_fail (PLX_IS_HISTORY (self), FALSE);

  if (!plx_project_add_document (self->project, document, error))
    return FALSE;
  step.document_after = g_object_ref (document);
  push (self, &step);
  return TRUE;
}
