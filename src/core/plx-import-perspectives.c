/* plx-import-perspectives.c: perspectives are matched by name, compared
 * as the project compares them (case-folded); what the project lacks is
 * added; a native file into a fresh project restores colours and order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-importer"

#include "plx-import-perspectives.h"

void
_plx_file_perspective_free (gpointer data)
{
  PlxFilePerspective *p = data;

  g_free (p->name);
  g_free (p->color);
  g_free (p);
}

/* How many different perspectives the project lacks among
 * @file_perspectives (PlxFilePerspective) and @names (const char *, the
 * annotations' perspectives). */
guint
_plx_import_count_new_perspectives (PlxProject *project,
                                    GPtrArray  *file_perspectives,
                                    GPtrArray  *names)
{
  g_autoptr(GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < file_perspectives->len; i++)
    {
      PlxFilePerspective *p = g_ptr_array_index (file_perspectives, i);

      if (plx_project_find_perspective_by_name (project, p->name) == NULL)
        g_hash_table_add (added, g_utf8_casefold (p->name, -1));
    }
  /* Annotations mostly repeat a few names: each is looked up once. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (g_hash_table_add (seen, (gpointer) name) && plx_project_find_perspective_by_name (project, name) == NULL)
        g_hash_table_add (added, g_utf8_casefold (name, -1));
    }
  return g_hash_table_size (added);
}

gboolean
_plx_import_ensure_perspective (PlxProject  *project,
                                const char  *name,
                                const char  *color,
                                guint       *n_added,
                                GError     **error)
{
  if (plx_project_find_perspective_by_name (project, name) != NULL)
    return TRUE;
  if (plx_project_add_perspective (project, name, color, error) == NULL)
    return FALSE;
  (*n_added)++;
  return TRUE;
}

static int
compare_file_perspectives (gconstpointer a,
                           gconstpointer b)
{
  const PlxFilePerspective *p = *(PlxFilePerspective * const *) a;
  const PlxFilePerspective *q = *(PlxFilePerspective * const *) b;

  if (p->order != q->order)
    return p->order < q->order ? -1 : 1;
  return p->index < q->index ? -1 : p->index > q->index;
}

/* The file's perspectives, in its order; those the project lacks are
 * added with the file's colour. Into a project without annotations (a
 * fresh one: the import is a restore) the file's colours and order are
 * taken for the perspectives it already has too, so that a native round
 * trip keeps them; a project in use keeps its own. */
gboolean
_plx_import_native_perspectives (PlxProject  *project,
                                 GPtrArray   *file_perspectives,
                                 guint       *n_added,
                                 GError     **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (file_perspectives->len);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;
  guint n_annotations;
  guint position = 0;

  /* Borrowed: a copy would take the array's free function too. */
  for (guint i = 0; i < file_perspectives->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (file_perspectives, i));
  g_ptr_array_sort (sorted, compare_file_perspectives);
  for (guint i = 0; i < sorted->len; i++)
    {
      PlxFilePerspective *p = g_ptr_array_index (sorted, i);

      if (!_plx_import_ensure_perspective (project, p->name, p->color, n_added, error))
        return FALSE;
    }

  n_annotations = plx_project_count_annotations (project, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (n_annotations > 0)
    return TRUE;

  /* Ids first: moving a perspective reorders the list being read. */
  for (guint i = 0; i < sorted->len; i++)
    {
      PlxFilePerspective *p = g_ptr_array_index (sorted, i);
      gint64 id = plx_perspective_get_id (plx_project_find_perspective_by_name (project, p->name));

      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < sorted->len; i++)
    {
      PlxFilePerspective *p = g_ptr_array_index (sorted, i);
      gint64 *id = &g_array_index (ids, gint64, i);
      PlxPerspective *perspective = plx_project_find_perspective (project, *id);

      if (g_hash_table_contains (placed, id))
        continue;    /* named twice in the file */
      g_hash_table_add (placed, id);
      if (p->color != NULL && g_ascii_strcasecmp (p->color, plx_perspective_get_color (perspective)) != 0 &&
          !plx_project_recolor_perspective (project, *id, p->color, error))
        return FALSE;
      if (plx_perspective_get_position (perspective) != (int) position &&
          !plx_project_move_perspective (project, *id, position, error))
        return FALSE;
      position++;
    }
  return TRUE;
}
