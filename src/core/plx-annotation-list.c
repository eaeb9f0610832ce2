/* plx-annotation-list.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-annotation-list"

#include "plx-annotation-list.h"

struct _PlxAnnotationList
{
  GObject     parent_instance;

  PlxProject *project;
  gint64      document_id;
  GPtrArray  *items;    /* sorted by plx_annotation_compare() */
  GHashTable *by_uuid;  /* uuid → PlxAnnotation, borrowed from items */
  /* No passage is longer: how far back a passage covering an offset can
   * start. It only grows (a removal leaves it), which keeps it true. */
  guint       longest;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlxAnnotationList, plx_annotation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return PLX_TYPE_ANNOTATION;
}

static guint
get_n_items (GListModel *model)
{
  return PLX_ANNOTATION_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PlxAnnotationList *self = PLX_ANNOTATION_LIST (model);

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

/* The first position whose annotation does not sort before @annotation. */
static guint
lower_bound (PlxAnnotationList *self,
             PlxAnnotation     *annotation)
{
  guint lo = 0;
  guint hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (plx_annotation_compare (g_ptr_array_index (self->items, mid), annotation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
index_of (PlxAnnotationList *self,
          PlxAnnotation     *annotation)
{
  PlxAnnotation *stored = g_hash_table_lookup (self->by_uuid, plx_annotation_get_uuid (annotation));
  guint position;

  if (stored == NULL)
    return G_MAXUINT;
  position = lower_bound (self, stored);
  g_assert (g_ptr_array_index (self->items, position) == stored);
  return position;
}

static void
note_length (PlxAnnotationList *self,
             PlxAnnotation     *annotation)
{
  self->longest = MAX (self->longest, plx_annotation_get_end (annotation) - plx_annotation_get_start (annotation));
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return plx_annotation_compare (*(PlxAnnotation **) a, *(PlxAnnotation **) b);
}

static void
annotation_changed (PlxAnnotationList *self,
                    PlxAnnotation     *old,
                    PlxAnnotation     *new)
{
  PlxAnnotation *copy = NULL;
  guint removed_at = G_MAXUINT;
  guint added_at = G_MAXUINT;

  if (old != NULL && (removed_at = index_of (self, old)) != G_MAXUINT)
    {
      g_hash_table_remove (self->by_uuid, plx_annotation_get_uuid (old));
      g_ptr_array_remove_index (self->items, removed_at);
    }

  if (new != NULL && plx_annotation_get_document_id (new) == self->document_id)
    {
      /* Our own copy: the caller may keep editing the one it passed. */
      copy = plx_annotation_copy (new);
      added_at = lower_bound (self, copy);
    }

  /* Each emission describes the list as it is when it is emitted: a view
   * reads the items at once. */
  if (removed_at != G_MAXUINT && removed_at != added_at)
    g_list_model_items_changed (G_LIST_MODEL (self), removed_at, 1, 0);
  if (copy != NULL)
    {
      g_ptr_array_insert (self->items, (int) added_at, copy);
      note_length (self, copy);
      g_hash_table_insert (self->by_uuid, (gpointer) plx_annotation_get_uuid (copy), copy);
      g_list_model_items_changed (G_LIST_MODEL (self), added_at, removed_at == added_at ? 1 : 0, 1);
    }
}

/* Each annotation the change set touches, in its order: the list stays
 * sorted and each change is announced with the list as it is then. */
static void
changes_committed_cb (PlxAnnotationList *self,
                      PlxChangeSet      *changes,
                      PlxProject        *project)
{
  for (guint i = 0; i < plx_change_set_get_n_changes (changes); i++)
    {
      const PlxChange *change = plx_change_set_get_change (changes, i);

      if (change->kind == PLX_CHANGE_ANNOTATION)
        annotation_changed (self, change->before, change->after);
    }
}

/* Another connection changed the file: take the stored list as it is now,
 * announcing only the span that differs. */
static void
external_change_cb (PlxAnnotationList *self,
                    PlxProject        *project)
{
  PlxAnnotationQuery query = { self->document_id, 0, NULL };
  g_autoptr(GPtrArray) fresh = plx_project_list_annotations (project, &query, NULL);
  g_autoptr(GPtrArray) old = NULL;
  guint head = 0, tail = 0;

  if (fresh == NULL)
    return;
  g_ptr_array_sort (fresh, compare_indirect);

  while (head < fresh->len && head < self->items->len &&
         plx_annotation_equal (g_ptr_array_index (fresh, head), g_ptr_array_index (self->items, head)))
    head++;
  while (tail < fresh->len - head && tail < self->items->len - head &&
         plx_annotation_equal (g_ptr_array_index (fresh, fresh->len - 1 - tail),
                               g_ptr_array_index (self->items, self->items->len - 1 - tail)))
    tail++;
  if (head == fresh->len && head == self->items->len)
    return;

  old = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&fresh);
  for (guint i = 0; i < self->items->len; i++)
    note_length (self, g_ptr_array_index (self->items, i));
  g_hash_table_remove_all (self->by_uuid);
  for (guint i = 0; i < self->items->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (self->items, i);
      g_hash_table_insert (self->by_uuid, (gpointer) plx_annotation_get_uuid (annotation), annotation);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), head, old->len - head - tail, self->items->len - head - tail);
}

static void
plx_annotation_list_dispose (GObject *object)
{
  PlxAnnotationList *self = (PlxAnnotationList *) object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (plx_annotation_list_parent_class)->dispose (object);
}

static void
plx_annotation_list_finalize (GObject *object)
{
  PlxAnnotationList *self = (PlxAnnotationList *) object;

  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (plx_annotation_list_parent_class)->finalize (object);
}

static void
plx_annotation_list_class_init (PlxAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plx_annotation_list_dispose;
  object_class->finalize = plx_annotation_list_finalize;
}

static void
plx_annotation_list_init (PlxAnnotationList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
}

PlxAnnotationList *
plx_annotation_list_new (PlxProject  *project,
                         gint64       document_id,
                         GError     **error)
{
  g_autoptr(PlxAnnotationList) self = NULL;
  PlxAnnotationQuery query = { document_id, 0, NULL };
  g_autoptr(GPtrArray) annotations = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  annotations = plx_project_list_annotations (project, &query, error);
  if (annotations == NULL)
    return NULL;

  self = g_object_new (PLX_TYPE_ANNOTATION_LIST, NULL);
  self->project = g_object_ref (project);
  self->document_id = document_id;
  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (annotations, i);

      g_ptr_array_add (self->items, g_object_ref (annotation));
      note_length (self, annotation);
      g_hash_table_insert (self->by_uuid, (gpointer) plx_annotation_get_uuid (annotation), annotation);
    }
  /* The store's order and ours must agree for the binary searches. */
  g_ptr_array_sort (self->items, compare_indirect);

  g_signal_connect_swapped (project, "changes-committed", G_CALLBACK (changes_committed_cb), self);
  g_signal_connect_swapped (project, "external-change", G_CALLBACK (external_change_cb), self);
  return g_steal_pointer (&self);
}

gint64
plx_annotation_list_get_document_id (PlxAnnotationList *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION_LIST (self), 0);
  return self->document_id;
}

PlxAnnotation *
plx_annotation_list_find (PlxAnnotationList *self,
                          const char        *uuid)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION_LIST (self), NULL);
  return g_hash_table_lookup (self->by_uuid, uuid);
}

/* The annotation of @perspective_id over exactly [@start, @end), if there
 * is one: a binary search to the first passage starting at @start, so
 * that asking before every tagging costs nothing on a book. */
PlxAnnotation *
plx_annotation_list_find_span (PlxAnnotationList *self,
                               guint              start,
                               guint              end,
                               gint64             perspective_id)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (PLX_IS_ANNOTATION_LIST (self), NULL);

  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (plx_annotation_get_start (g_ptr_array_index (self->items, mid)) < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < self->items->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (self->items, i);

      if (plx_annotation_get_start (annotation) != start)
        break;
      if (plx_annotation_get_end (annotation) == end && plx_annotation_get_perspective_id (annotation) == perspective_id)
        return annotation;
    }
  return NULL;
}

/* The annotations covering @offset, in document order. */
GPtrArray *
plx_annotation_list_at_offset (PlxAnnotationList *self,
                               guint              offset)
{
  GPtrArray *covering = g_ptr_array_new_with_free_func (g_object_unref);
  guint earliest;
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (PLX_IS_ANNOTATION_LIST (self), covering);

  /* Only passages starting within the longest passage's length before
   * @offset can cover it: a binary search to the first of them, not a
   * walk from the top of a book (asked at every caret move). */
  earliest = offset >= self->longest ? offset - self->longest : 0;
  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (plx_annotation_get_start (g_ptr_array_index (self->items, mid)) < earliest)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < self->items->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (self->items, i);

      if (plx_annotation_get_start (annotation) > offset)
        break;
      if (offset < plx_annotation_get_end (annotation))
        g_ptr_array_add (covering, g_object_ref (annotation));
    }
  return covering;
}
