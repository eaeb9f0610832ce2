/* plx-perspective-passages.c
 *
 * Each perception panel shows one perspective. Filtering the document's
 * whole list for it made every tagging shift four 20,000-item bitsets on
 * a book; this list holds only its perspective's passages and changes
 * only when one of them does.
 *
 * The source is sorted by plx_annotation_compare() and so is this list,
 * a subsequence of it. When the source replaces positions [p, p + r) by
 * a new stretch, our passages in the old stretch are exactly those that
 * sort between the source's neighbours of the stretch, which are
 * unchanged: no copy of the old source is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-perspective-passages"
#include "plx-perspective-passages.h"

struct _PlxPerspectivePassages
{
  GObject     parent_instance;

  GListModel *source;
  gint64      perspective_id;
  GPtrArray  *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlxPerspectivePassages, plx_perspective_passages, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return PLX_TYPE_ANNOTATION;
}

static guint
get_n_items (GListModel *model)
{
  return PLX_PERSPECTIVE_PASSAGES (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PlxPerspectivePassages *self = PLX_PERSPECTIVE_PASSAGES (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* The first of our positions whose passage sorts after @annotation (when
 * @after) or does not sort before it. */
static guint
bound (PlxPerspectivePassages *self,
       PlxAnnotation          *annotation,
       gboolean                after)
{
  guint lo = 0;
  guint hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int order = plx_annotation_compare (g_ptr_array_index (self->items, mid), annotation);

      if (order < 0 || (after && order == 0))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
bound_at (PlxPerspectivePassages *self,
          guint                   source_position,
          gboolean                after)
{
  g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (self->source, source_position);

  return bound (self, annotation, after);
}

static void
source_changed_cb (PlxPerspectivePassages *self,
                   guint                   position,
                   guint                   removed,
                   guint                   added)
{
  guint source_length = g_list_model_get_n_items (self->source);
  guint first = position == 0 ? 0 : bound_at (self, position - 1, TRUE);
  guint last = position + added >= source_length ? self->items->len : bound_at (self, position + added, FALSE);
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();

  for (guint i = position; i < position + added; i++)
    {
      PlxAnnotation *annotation = g_list_model_get_item (self->source, i);

      if (plx_annotation_get_perspective_id (annotation) == self->perspective_id)
        g_ptr_array_add (mine, annotation);
      else
        g_object_unref (annotation);
    }

  last = MAX (first, last);
  if (last == first && mine->len == 0)
    return;
  g_ptr_array_remove_range (self->items, first, last - first);
  for (guint i = 0; i < mine->len; i++)
    g_ptr_array_insert (self->items, (int) (first + i), g_ptr_array_index (mine, i));
  g_list_model_items_changed (G_LIST_MODEL (self), first, last - first, mine->len);
}

static void
plx_perspective_passages_dispose (GObject *object)
{
  PlxPerspectivePassages *self = (PlxPerspectivePassages *) object;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (plx_perspective_passages_parent_class)->dispose (object);
}

static void
plx_perspective_passages_finalize (GObject *object)
{
  PlxPerspectivePassages *self = (PlxPerspectivePassages *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (plx_perspective_passages_parent_class)->finalize (object);
}

static void
plx_perspective_passages_class_init (PlxPerspectivePassagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plx_perspective_passages_dispose;
  object_class->finalize = plx_perspective_passages_finalize;
}

static void
plx_perspective_passages_init (PlxPerspectivePassages *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * plx_perspective_passages_new:
 * @annotations: PlxAnnotations sorted by plx_annotation_compare(), such
 *   as a PlxAnnotationList
 * @perspective_id: the perspective whose passages to keep
 *
 * Returns: (transfer full): a list that follows @annotations
 */
PlxPerspectivePassages *
plx_perspective_passages_new (GListModel *annotations,
                              gint64      perspective_id)
{
  PlxPerspectivePassages *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (annotations), NULL);

  self = g_object_new (PLX_TYPE_PERSPECTIVE_PASSAGES, NULL);
  self->source = g_object_ref (annotations);
  self->perspective_id = perspective_id;
  source_changed_cb (self, 0, 0, g_list_model_get_n_items (annotations));
  g_signal_connect_swapped (annotations, "items-changed", G_CALLBACK (source_changed_cb), self);
  return self;
}

gint64
plx_perspective_passages_get_perspective_id (PlxPerspectivePassages *self)
{
  g_return_val_if_fail (PLX_IS_PERSPECTIVE_PASSAGES (self), 0);
  return self->perspective_id;
}
