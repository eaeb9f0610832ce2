/* plx-adjudication.c: two coders' passages in a document are paired when
 * they overlap enough (the largest overlap over union first, as the
 * agreement's attribution units are); what is left unpaired, or paired
 * with another voice, other themes or other limits, is a disagreement.
 * Deciding one copies the chosen passages into the curated layer (a coder
 * of the user's naming) through the history, so each decision is one
 * undoable step; taking neither changes nothing in the project and is
 * undone here only. A disagreement the curated layer already covers (an
 * earlier session) counts as resolved.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-adjudication"

#include <glib/gi18n-lib.h>

#include "plx-adjudication.h"
#include "plx-agreement.h"
#include "plx-error.h"
#include "plx-text.h"

static void
disagreement_free (gpointer data)
{
  PlxDisagreement *d = data;

  g_clear_object (&d->a);
  g_clear_object (&d->b);
  g_free (d);
}

static double
overlap (PlxAnnotation *a,
         PlxAnnotation *b)
{
  guint start = MAX (plx_annotation_get_start (a), plx_annotation_get_start (b));
  guint end = MIN (plx_annotation_get_end (a), plx_annotation_get_end (b));
  guint union_start = MIN (plx_annotation_get_start (a), plx_annotation_get_start (b));
  guint union_end = MAX (plx_annotation_get_end (a), plx_annotation_get_end (b));

  if (end <= start || union_end <= union_start)
    return 0;
  return (double) (end - start) / (union_end - union_start);
}

static int
by_start (gconstpointer x,
          gconstpointer y)
{
  return plx_annotation_compare (*(PlxAnnotation **) x, *(PlxAnnotation **) y);
}

static int
disagreement_by_start (gconstpointer x,
                       gconstpointer y)
{
  const PlxDisagreement *a = *(PlxDisagreement **) x;
  const PlxDisagreement *b = *(PlxDisagreement **) y;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return a->end < b->end ? -1 : a->end > b->end;
}

static void
add (GPtrArray           *out,
     PlxDisagreementKind  kind,
     PlxAnnotation       *a,
     PlxAnnotation       *b)
{
  PlxDisagreement *d = g_new0 (PlxDisagreement, 1);
  PlxAnnotation *either = a != NULL ? a : b;

  d->kind = kind;
  d->a = a ? g_object_ref (a) : NULL;
  d->b = b ? g_object_ref (b) : NULL;
  d->start = MIN (plx_annotation_get_start (either), b ? plx_annotation_get_start (b) : G_MAXUINT);
  d->end = MAX (plx_annotation_get_end (either), b ? plx_annotation_get_end (b) : 0);
  g_ptr_array_add (out, d);
}

/**
 * plx_disagreements_find:
 * @annotations: (element-type PlxAnnotation): the passages of one document
 * @min_overlap: the least overlap over union (0–1) for two passages to be
 *   the same unit
 *
 * Returns: (transfer full) (element-type PlxDisagreement): where @coder_a
 * and @coder_b disagree, in document order; passages they agree on
 * (paired, same perspective, themes and limits) are not listed
 */
GPtrArray *
plx_disagreements_find (GPtrArray  *annotations,
                        const char *coder_a,
                        const char *coder_b,
                        double      min_overlap)
{
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
  g_autofree gboolean *paired = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (disagreement_free);

  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (annotations, i);

      if (g_strcmp0 (plx_annotation_get_author (a), coder_a) == 0)
        g_ptr_array_add (mine, a);
      else if (g_strcmp0 (plx_annotation_get_author (a), coder_b) == 0)
        g_ptr_array_add (theirs, a);
    }
  g_ptr_array_sort (mine, by_start);
  g_ptr_array_sort (theirs, by_start);
  paired = g_new0 (gboolean, theirs->len + 1);

  for (guint i = 0; i < mine->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (mine, i);
      PlxAnnotation *b = NULL;
      double best = 0;
      guint best_j = 0;

      for (guint j = 0; j < theirs->len; j++)
        {
          double o = paired[j] ? 0 : overlap (a, g_ptr_array_index (theirs, j));

          if (o > best && o >= min_overlap)
            {
              best = o;
              best_j = j;
            }
        }
      if (best <= 0)
        {
          add (out, PLX_DISAGREEMENT_ONLY_A, a, NULL);
          continue;
        }
      paired[best_j] = TRUE;
      b = g_ptr_array_index (theirs, best_j);
      if (plx_annotation_get_perspective_id (a) != plx_annotation_get_perspective_id (b))
        add (out, PLX_DISAGREEMENT_PERSPECTIVE, a, b);
      else if (!g_strv_equal (plx_annotation_get_themes (a), plx_annotation_get_themes (b)))
        add (out, PLX_DISAGREEMENT_THEMES, a, b);
      else if (plx_annotation_get_start (a) != plx_annotation_get_start (b) ||
               plx_annotation_get_end (a) != plx_annotation_get_end (b))
        add (out, PLX_DISAGREEMENT_EXTENT, a, b);
    }
  for (guint j = 0; j < theirs->len; j++)
    if (!paired[j])
      add (out, PLX_DISAGREEMENT_ONLY_B, NULL, g_ptr_array_index (theirs, j));
  g_ptr_array_sort (out, disagreement_by_start);
  return out;
}

/* ---- a session ---- */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

typedef struct {
  guint                  index;
  PlxAdjudicationChoice  choice;      /* what it was before */
  GStrv                  uuids;       /* the curated passages it had before */
  gboolean               in_history;  /* a step of the history to undo */
} Step;

struct _PlxAdjudication
{
  GObject                parent_instance;

  PlxHistory            *history;
  PlxProject            *project;
  char                  *curator;
  GPtrArray             *items;      /* PlxDisagreement */
  PlxAdjudicationChoice *choices;
  GStrv                 *curated;    /* per item: the UUIDs it put in the curated layer */
  GArray                *steps;      /* Step, newest last */
};

G_DEFINE_FINAL_TYPE (PlxAdjudication, plx_adjudication, G_TYPE_OBJECT)

static void
step_clear (gpointer data)
{
  g_strfreev (((Step *) data)->uuids);
}

static void
plx_adjudication_finalize (GObject *object)
{
  PlxAdjudication *self = PLX_ADJUDICATION (object);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    g_strfreev (self->curated[i]);
  g_free (self->curated);
  g_free (self->choices);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_free (self->curator);
  g_clear_object (&self->project);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (plx_adjudication_parent_class)->finalize (object);
}

static void
plx_adjudication_class_init (PlxAdjudicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plx_adjudication_finalize;
}

static void
plx_adjudication_init (PlxAdjudication *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
}

/**
 * plx_adjudication_new:
 * @curator: the coder whose passages are the curated layer ("Consensus")
 *
 * Finds where @coder_a and @coder_b disagree in the document (at half
 * overlap) and starts deciding them into @curator's layer through
 * @history.
 */
PlxAdjudication *
plx_adjudication_new (PlxHistory  *history,
                      gint64       document_id,
                      const char  *coder_a,
                      const char  *coder_b,
                      const char  *curator,
                      GError     **error)
{
  g_autoptr(PlxAdjudication) self = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  PlxAnnotationQuery query = { document_id, 0, NULL };

  g_return_val_if_fail (PLX_IS_HISTORY (history), NULL);

  if (coder_a == NULL || coder_b == NULL || *coder_a == '\0' || *coder_b == '\0' || g_strcmp0 (coder_a, coder_b) == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("Adjudication compares two different coders"));
      return NULL;
    }
  if (curator == NULL || is_blank (curator) ||
      g_strcmp0 (curator, coder_a) == 0 || g_strcmp0 (curator, coder_b) == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("The curated layer needs a name of its own, not blank and not one of the two coders’"));
      return NULL;
    }

  self = g_object_new (PLX_TYPE_ADJUDICATION, NULL);
  self->history = g_object_ref (history);
  self->project = g_object_ref (plx_history_get_project (history));
  self->curator = g_strdup (curator);
  annotations = plx_project_list_annotations (self->project, &query, error);
  if (annotations == NULL)
    return NULL;
  self->items = plx_disagreements_find (annotations, coder_a, coder_b, PLX_AGREEMENT_DEFAULT_OVERLAP);
  self->choices = g_new0 (PlxAdjudicationChoice, self->items->len + 1);
  self->curated = g_new0 (GStrv, self->items->len + 1);

  /* What the curated layer covers already was decided before. */
  for (guint i = 0; i < self->items->len; i++)
    {
      PlxDisagreement *d = g_ptr_array_index (self->items, i);

      for (guint k = 0; k < annotations->len; k++)
        {
          PlxAnnotation *c = g_ptr_array_index (annotations, k);

          if (g_strcmp0 (plx_annotation_get_author (c), curator) == 0 &&
              ((d->a != NULL && overlap (c, d->a) >= PLX_AGREEMENT_DEFAULT_OVERLAP) ||
               (d->b != NULL && overlap (c, d->b) >= PLX_AGREEMENT_DEFAULT_OVERLAP)))
            self->choices[i] = PLX_ADJUDICATION_EARLIER;
        }
    }
  return g_steal_pointer (&self);
}

guint
plx_adjudication_get_n_items (PlxAdjudication *self)
{
  g_return_val_if_fail (PLX_IS_ADJUDICATION (self), 0);
  return self->items->len;
}

guint
plx_adjudication_get_n_resolved (PlxAdjudication *self)
{
  guint n = 0;

  g_return_val_if_fail (PLX_IS_ADJUDICATION (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    n += self->choices[i] != PLX_ADJUDICATION_PENDING;
  return n;
}

const PlxDisagreement *
plx_adjudication_get_item (PlxAdjudication *self,
                           guint            index)
{
  g_return_val_if_fail (PLX_IS_ADJUDICATION (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

PlxAdjudicationChoice
plx_adjudication_get_choice (PlxAdjudication *self,
                             guint            index)
{
  g_return_val_if_fail (PLX_IS_ADJUDICATION (self), PLX_ADJUDICATION_PENDING);
  g_return_val_if_fail (index < self->items->len, PLX_ADJUDICATION_PENDING);
  return self->choices[index];
}

/* The first curated passage the item's decision made (to edit it), or NULL. */
const char *
plx_adjudication_get_curated_uuid (PlxAdjudication *self,
                                   guint            index)
{
  g_return_val_if_fail (PLX_IS_ADJUDICATION (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return self->curated[index] != NULL ? self->curated[index][0] : NULL;
}

/* The first undecided item at or after @from, wrapping; the number of
 * items when every one is decided. */
guint
plx_adjudication_next_pending (PlxAdjudication *self,
                               guint            from)
{
  guint n;

  g_return_val_if_fail (PLX_IS_ADJUDICATION (self), 0);
  n = self->items->len;
  for (guint k = 0; k < n; k++)
    if (self->choices[(from + k) % n] == PLX_ADJUDICATION_PENDING)
      return (from + k) % n;
  return n;
}

static PlxAnnotation *
curated_copy (PlxAdjudication *self,
              PlxAnnotation   *source)
{
  PlxAnnotation *copy = plx_annotation_copy (source);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = plx_text_now_iso8601 ();

  plx_annotation_set_uuid (copy, uuid);
  plx_annotation_set_author (copy, self->curator);
  plx_annotation_set_modifier (copy, NULL);
  plx_annotation_set_times (copy, now, now);
  plx_annotation_set_revision (copy, 0);
  plx_annotation_set_ancestry (copy, "");
  return copy;
}

/**
 * plx_adjudication_resolve:
 *
 * Decides item @index: the chosen coder's passages are copied into the
 * curated layer (new identities, the curator as their author), replacing
 * what an earlier decision of this item put there, as one step of the
 * history. Deciding again is allowed.
 */
gboolean
plx_adjudication_resolve (PlxAdjudication        *self,
                          guint                   index,
                          PlxAdjudicationChoice   choice,
                          GError                **error)
{
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(GStrvBuilder) made = g_strv_builder_new ();
  PlxDisagreement *d;
  PlxAnnotation *take[2] = { NULL, NULL };
  Step step = { 0 };

  g_return_val_if_fail (PLX_IS_ADJUDICATION (self), FALSE);

  if (index >= self->items->len)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE,
                   _("There is no disagreement %u: there are %u"), index + 1, self->items->len);
      return FALSE;
    }
  d = g_ptr_array_index (self->items, index);
  switch (choice)
    {
    case PLX_ADJUDICATION_TAKE_A:
      take[0] = d->a;
      break;
    case PLX_ADJUDICATION_TAKE_B:
      take[0] = d->b;
      break;
    case PLX_ADJUDICATION_TAKE_BOTH:
      take[0] = d->a;
      take[1] = d->b;
      break;
    case PLX_ADJUDICATION_TAKE_NEITHER:
      break;
    case PLX_ADJUDICATION_PENDING:
    case PLX_ADJUDICATION_EARLIER:
    default:
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("Choose A, B, both or neither"));
      return FALSE;
    }
  if ((choice == PLX_ADJUDICATION_TAKE_A && d->a == NULL) || (choice == PLX_ADJUDICATION_TAKE_B && d->b == NULL))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("Disagreement %u has no passage of that coder to take"), index + 1);
      return FALSE;
    }

  /* What this item put in the curated layer before goes. */
  for (guint i = 0; self->curated[index] != NULL && self->curated[index][i] != NULL; i++)
    {
      g_autoptr(PlxAnnotation) before = plx_project_get_annotation (self->project, self->curated[index][i], NULL);

      if (before != NULL)
        plx_change_set_add_annotation (changes, before, NULL);
    }
  for (guint t = 0; t < 2; t++)
    if (take[t] != NULL)
      {
        g_autoptr(PlxAnnotation) copy = curated_copy (self, take[t]);

        g_strv_builder_add (made, plx_annotation_get_uuid (copy));
        plx_change_set_add_annotation (changes, NULL, copy);
      }

  step.in_history = !plx_change_set_is_empty (changes);
  if (step.in_history && !plx_history_apply_changes (self->history, changes, error))
    return FALSE;
  step.index = index;
  step.choice = self->choices[index];
  step.uuids = self->curated[index];
  g_array_append_val (self->steps, step);
  self->curated[index] = g_strv_builder_end (made);
  self->choices[index] = choice;
  return TRUE;
}

/**
 * plx_adjudication_undo:
 *
 * Takes back the last decision (through the history when it changed the
 * project). The history's own undo is not seen here: undo decisions with
 * this while adjudicating.
 */
gboolean
plx_adjudication_undo (PlxAdjudication  *self,
                       GError          **error)
{
  Step *step;

  g_return_val_if_fail (PLX_IS_ADJUDICATION (self), FALSE);

  if (self->steps->len == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("No decision to undo"));
      return FALSE;
    }
  step = &g_array_index (self->steps, Step, self->steps->len - 1);
  if (step->in_history && !plx_history_undo (self->history, error))
    return FALSE;
  g_strfreev (self->curated[step->index]);
  self->curated[step->index] = g_steal_pointer (&step->uuids);
  self->choices[step->index] = step->choice;
  g_array_set_size (self->steps, self->steps->len - 1);
  return TRUE;
}
