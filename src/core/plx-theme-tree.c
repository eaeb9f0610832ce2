/* plx-theme-tree.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-theme"

#include "plx-theme-ops.h"
#include "plx-theme-tree.h"

struct _PlxThemeTree
{
  GObject      parent_instance;

  PlxProject  *project;
  GListStore  *roots;
  GHashTable  *children;   /* uuid → GListStore, made when first asked for */
  GHashTable  *themes;     /* uuid → PlxTheme, the live objects */
  GPtrArray   *codebook;   /* the live objects, by name */
};

G_DEFINE_FINAL_TYPE (PlxThemeTree, plx_theme_tree, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
plx_theme_tree_dispose (GObject *object)
{
  PlxThemeTree *self = (PlxThemeTree *) object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (plx_theme_tree_parent_class)->dispose (object);
}

static void
plx_theme_tree_finalize (GObject *object)
{
  PlxThemeTree *self = (PlxThemeTree *) object;

  g_clear_object (&self->roots);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->themes, g_hash_table_unref);
  g_clear_pointer (&self->codebook, g_ptr_array_unref);

  G_OBJECT_CLASS (plx_theme_tree_parent_class)->finalize (object);
}

static void
plx_theme_tree_class_init (PlxThemeTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plx_theme_tree_dispose;
  object_class->finalize = plx_theme_tree_finalize;

  /**
   * PlxThemeTree::changed:
   *
   * Emitted after the lists followed a change: a view recounts its
   * passages here (plx_theme_rollup_new() over the codebook).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
plx_theme_tree_init (PlxThemeTree *self)
{
  self->roots = g_list_store_new (PLX_TYPE_THEME);
  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->codebook = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Makes @store hold @wanted, in order; nothing when it already does. */
static void
settle (GListStore *store,
        GPtrArray  *wanted)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean same = n == wanted->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(PlxTheme) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      same = item == g_ptr_array_index (wanted, i);
    }
  if (!same)
    g_list_store_splice (store, 0, n, wanted->pdata, wanted->len);
}

static void
settle_children (PlxThemeTree *self,
                 const char   *parent_uuid,
                 GListStore   *store)
{
  g_autoptr(GPtrArray) wanted = plx_codebook_dup_children (self->codebook, parent_uuid);

  settle (store, wanted);
}

/**
 * plx_theme_tree_reload:
 *
 * Reads the codebook again and brings the lists in line; done by itself
 * after every change the project announces that can reshape it.
 */
gboolean
plx_theme_tree_reload (PlxThemeTree  *self,
                       GError       **error)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PLX_IS_THEME_TREE (self), FALSE);

  fresh = plx_project_list_codebook (self->project, error);
  if (fresh == NULL)
    return FALSE;

  g_ptr_array_set_size (self->codebook, 0);
  for (guint i = 0; i < fresh->len; i++)
    {
      PlxTheme *theme = g_ptr_array_index (fresh, i);
      PlxTheme *live = g_hash_table_lookup (self->themes, plx_theme_get_uuid (theme));

      if (live != NULL)
        plx_theme_assign (live, theme);
      else
        {
          live = theme;
          g_hash_table_insert (self->themes, g_strdup (plx_theme_get_uuid (theme)), g_object_ref (theme));
        }
      g_ptr_array_add (self->codebook, g_object_ref (live));
      g_hash_table_add (present, (gpointer) plx_theme_get_uuid (live));
    }

  settle_children (self, NULL, self->roots);
  g_hash_table_iter_init (&iter, self->children);
  while (g_hash_table_iter_next (&iter, &key, &value))
    settle_children (self, g_hash_table_contains (present, key) ? key : "", value);
  /* Gone themes: their (now empty) child lists and objects go. */
  g_hash_table_iter_init (&iter, self->children);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);
  g_hash_table_iter_init (&iter, self->themes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
reload_or_warn (PlxThemeTree *self)
{
  g_autoptr(GError) error = NULL;

  if (!plx_theme_tree_reload (self, &error))
    g_warning ("Could not read the codebook again: %s", error->message);
}

static gboolean
knows_theme_named (PlxThemeTree *self,
                   const char   *name)
{
  for (guint i = 0; i < self->codebook->len; i++)
    if (g_strcmp0 (plx_theme_get_name (g_ptr_array_index (self->codebook, i)), name) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @changes can reshape the codebook: a theme changed, or a
 * passage names a theme the codebook did not have (tagging makes its
 * row). Reading the codebook after every tagging cost the tagging as
 * much as the tagging itself. */
static gboolean
touches_codebook (PlxThemeTree *self,
                  PlxChangeSet *changes)
{
  for (guint i = 0; i < plx_change_set_get_n_changes (changes); i++)
    {
      const PlxChange *change = plx_change_set_get_change (changes, i);
      const char * const *themes;

      if (change->kind == PLX_CHANGE_THEME)
        return TRUE;
      if (change->kind != PLX_CHANGE_ANNOTATION || change->after == NULL)
        continue;
      themes = plx_annotation_get_themes (change->after);
      for (guint j = 0; themes != NULL && themes[j] != NULL; j++)
        if (!knows_theme_named (self, themes[j]))
          return TRUE;
    }
  return FALSE;
}

static void
changes_committed_cb (PlxThemeTree *self,
                      PlxChangeSet *changes)
{
  if (touches_codebook (self, changes))
    reload_or_warn (self);
}

PlxThemeTree *
plx_theme_tree_new (PlxProject  *project,
                    GError     **error)
{
  g_autoptr(PlxThemeTree) self = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  self = g_object_new (PLX_TYPE_THEME_TREE, NULL);
  self->project = g_object_ref (project);
  if (!plx_theme_tree_reload (self, error))
    return NULL;
  g_signal_connect_swapped (project, "changes-committed", G_CALLBACK (changes_committed_cb), self);
  g_signal_connect_swapped (project, "external-change", G_CALLBACK (reload_or_warn), self);
  return g_steal_pointer (&self);
}

/* (transfer none): the themes at the top, by name */
GListModel *
plx_theme_tree_get_roots (PlxThemeTree *self)
{
  g_return_val_if_fail (PLX_IS_THEME_TREE (self), NULL);
  return G_LIST_MODEL (self->roots);
}

/**
 * plx_theme_tree_get_children:
 * @parent: (nullable): a theme of this tree; NULL for the top
 *
 * Returns: (transfer none): its children, by name; the same list for as
 *   long as @parent is in the codebook (empty while it has none), so a
 *   GtkTreeListModel's create function can return a new reference to it
 */
GListModel *
plx_theme_tree_get_children (PlxThemeTree *self,
                             PlxTheme     *parent)
{
  GListStore *store;

  g_return_val_if_fail (PLX_IS_THEME_TREE (self), NULL);

  if (parent == NULL)
    return G_LIST_MODEL (self->roots);
  store = g_hash_table_lookup (self->children, plx_theme_get_uuid (parent));
  if (store == NULL)
    {
      store = g_list_store_new (PLX_TYPE_THEME);
      g_hash_table_insert (self->children, g_strdup (plx_theme_get_uuid (parent)), store);
      settle_children (self, plx_theme_get_uuid (parent), store);
    }
  return G_LIST_MODEL (store);
}

/* (transfer none) (nullable): the live theme of that UUID */
PlxTheme *
plx_theme_tree_find (PlxThemeTree *self,
                     const char   *uuid)
{
  g_return_val_if_fail (PLX_IS_THEME_TREE (self), NULL);
  return uuid ? g_hash_table_lookup (self->themes, uuid) : NULL;
}

/* (transfer none) (element-type PlxTheme): the live themes by name, for
 * plx_codebook_*() and plx_theme_rollup_new() */
GPtrArray *
plx_theme_tree_get_codebook (PlxThemeTree *self)
{
  g_return_val_if_fail (PLX_IS_THEME_TREE (self), NULL);
  return self->codebook;
}
