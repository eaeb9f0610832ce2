/* plx-history.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-history.h"

/* Each step keeps the annotation as it was before and after the change
 * (NULL for "did not exist"), so undo and redo are the same operation:
 * make the stored state equal one side of the step. */
typedef struct {
  PlxAnnotation *before;
  PlxAnnotation *after;
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
apply (PlxHistory     *self,
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

static gboolean
record (PlxHistory     *self,
        PlxAnnotation  *before,
        PlxAnnotation  *after,
        GError        **error)
{
  gboolean could_undo = plx_history_get_can_undo (self);
  gboolean could_redo = plx_history_get_can_redo (self);
  Step step;

  if (!apply (self, before, after, error))
    return FALSE;

  step.before = before ? plx_annotation_copy (before) : NULL;
  step.after = after ? plx_annotation_copy (after) : NULL;
  g_array_append_val (self->undo, step);
  g_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
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
  if (!apply (self,
              backwards ? step.after : step.before,
              backwards ? step.before : step.after,
              error))
    return FALSE;

  /* Ownership of the step's annotations moves with it. */
  g_array_append_val (to, step);
  g_array_index (from, Step, from->len - 1) = (Step) { NULL, NULL };
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
