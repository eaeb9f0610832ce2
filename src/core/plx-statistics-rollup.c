/* plx-statistics-rollup.c: theme × perspective counts, own and rolled up
 * the codebook's tree.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-statistics"

#include <glib/gi18n-lib.h>

#include "plx-annotation.h"
#include "plx-perspective.h"
#include "plx-statistics-rollup.h"
#include "plx-theme-ops.h"

typedef struct {
  PlxTheme *theme;
  char     *path;
  guint     depth;
  int       parent;   /* row, or -1 */
  guint    *own;      /* per perspective */
  guint    *rolled;
} Row;

struct _PlxThemeRollup
{
  GObject     parent_instance;

  GPtrArray  *perspectives;  /* PlxPerspective */
  GArray     *rows;          /* Row */
};

G_DEFINE_FINAL_TYPE (PlxThemeRollup, plx_theme_rollup, G_TYPE_OBJECT)

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->theme);
  g_clear_pointer (&row->path, g_free);
  g_clear_pointer (&row->own, g_free);
  g_clear_pointer (&row->rolled, g_free);
}

static void
plx_theme_rollup_finalize (GObject *object)
{
  PlxThemeRollup *self = (PlxThemeRollup *) object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->perspectives, g_ptr_array_unref);

  G_OBJECT_CLASS (plx_theme_rollup_parent_class)->finalize (object);
}

static void
plx_theme_rollup_class_init (PlxThemeRollupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plx_theme_rollup_finalize;
}

static void
plx_theme_rollup_init (PlxThemeRollup *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->perspectives = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
add_row (PlxThemeRollup *self,
         GHashTable     *by_name,
         PlxTheme       *theme,
         const char     *path,
         guint           depth,
         int             parent)
{
  Row row = { g_object_ref (theme), g_strdup (path), depth, parent,
              g_new0 (guint, MAX (self->perspectives->len, 1)), g_new0 (guint, MAX (self->perspectives->len, 1)) };

  g_array_append_val (self->rows, row);
  g_hash_table_insert (by_name, (gpointer) plx_theme_get_name (theme), GUINT_TO_POINTER (self->rows->len));
}

/**
 * plx_theme_rollup_new:
 * @codebook: (element-type PlxTheme): plx_project_list_codebook()
 * @perspectives: (element-type PlxPerspective): the columns, in order
 * @annotations: (element-type PlxAnnotation): the passages to count
 */
PlxThemeRollup *
plx_theme_rollup_new (GPtrArray  *codebook,
                      GListModel *perspectives,
                      GListModel *annotations)
{
  PlxThemeRollup *self;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);   /* name → row + 1 */
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);   /* uuid → row + 1 */
  g_autoptr(GArray) stamps = g_array_new (FALSE, TRUE, sizeof (guint));
  guint *stamp;
  guint n_annotations;

  g_return_val_if_fail (codebook != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (perspectives), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (annotations), NULL);

  self = g_object_new (PLX_TYPE_THEME_ROLLUP, NULL);
  for (guint p = 0; p < g_list_model_get_n_items (perspectives); p++)
    g_ptr_array_add (self->perspectives, g_list_model_get_item (perspectives, p));

  order = plx_codebook_dup_tree_order (codebook);
  for (guint i = 0; i < order->len; i++)
    {
      PlxTheme *theme = g_ptr_array_index (order, i);
      g_autofree char *path = plx_codebook_dup_path (codebook, theme);
      gpointer parent = g_hash_table_lookup (by_uuid, plx_theme_get_parent_uuid (theme) ? plx_theme_get_parent_uuid (theme) : "");

      add_row (self, by_name, theme, path, plx_codebook_get_depth (codebook, theme),
               parent ? (int) GPOINTER_TO_UINT (parent) - 1 : -1);
      g_hash_table_insert (by_uuid, (gpointer) plx_theme_get_uuid (theme), GUINT_TO_POINTER (self->rows->len));
    }

  /* A passage counts once per row: stamp[row] is the last passage seen. */
  n_annotations = g_list_model_get_n_items (annotations);
  for (guint a = 0; a < n_annotations; a++)
    {
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (annotations, a);
      const char * const *themes = plx_annotation_get_themes (annotation);
      guint p;

      for (p = 0; p < self->perspectives->len; p++)
        if (plx_perspective_get_id (g_ptr_array_index (self->perspectives, p)) ==
            plx_annotation_get_perspective_id (annotation))
          break;
      if (p == self->perspectives->len || themes == NULL)
        continue;

      for (guint t = 0; themes[t] != NULL; t++)
        {
          guint found = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, themes[t]));
          guint steps = 0;

          if (found == 0)
            {
              /* A name the codebook lacks: a row of its own at the top. */
              g_autoptr(PlxTheme) loose = plx_theme_new (NULL, themes[t]);

              add_row (self, by_name, loose, themes[t], 0, -1);
              found = self->rows->len;
            }
          if (stamps->len < self->rows->len * 2)
            g_array_set_size (stamps, self->rows->len * 2);
          stamp = (guint *) (void *) stamps->data;
          if (stamp[2 * (found - 1)] != a + 1)
            {
              stamp[2 * (found - 1)] = a + 1;
              g_array_index (self->rows, Row, found - 1).own[p]++;
            }
          for (int r = (int) found - 1; r >= 0 && steps <= self->rows->len;
               r = g_array_index (self->rows, Row, r).parent, steps++)
            if (stamp[2 * r + 1] != a + 1)
              {
                stamp[2 * r + 1] = a + 1;
                g_array_index (self->rows, Row, r).rolled[p]++;
              }
        }
    }
  return self;
}

guint
plx_theme_rollup_get_n_rows (PlxThemeRollup *self)
{
  g_return_val_if_fail (PLX_IS_THEME_ROLLUP (self), 0);
  return self->rows->len;
}

guint
plx_theme_rollup_get_n_perspectives (PlxThemeRollup *self)
{
  g_return_val_if_fail (PLX_IS_THEME_ROLLUP (self), 0);
  return self->perspectives->len;
}

/* g_strv_builder_take() is GLib 2.80. */
static void
plx_strv_add_take (GStrvBuilder *builder,
                   char         *value)
{
  g_strv_builder_add (builder, value);
  g_free (value);
}

#define ROW(self, row, value)                                   \
  g_return_val_if_fail (PLX_IS_THEME_ROLLUP (self), value);     \
  g_return_val_if_fail ((row) < (self)->rows->len, value)

PlxTheme *
plx_theme_rollup_get_theme (PlxThemeRollup *self,
                            guint           row)
{
  ROW (self, row, NULL);
  return g_array_index (self->rows, Row, row).theme;
}

/* "security › guarantor" */
const char *
plx_theme_rollup_get_path (PlxThemeRollup *self,
                           guint           row)
{
  ROW (self, row, NULL);
  return g_array_index (self->rows, Row, row).path;
}

guint
plx_theme_rollup_get_depth (PlxThemeRollup *self,
                            guint           row)
{
  ROW (self, row, 0);
  return g_array_index (self->rows, Row, row).depth;
}

int
plx_theme_rollup_get_parent_row (PlxThemeRollup *self,
                                 guint           row)
{
  ROW (self, row, -1);
  return g_array_index (self->rows, Row, row).parent;
}

/* The row of the theme with that UUID or name, or -1. */
int
plx_theme_rollup_find (PlxThemeRollup *self,
                       const char     *uuid_or_name)
{
  g_return_val_if_fail (PLX_IS_THEME_ROLLUP (self), -1);

  for (guint r = 0; r < self->rows->len; r++)
    {
      PlxTheme *theme = g_array_index (self->rows, Row, r).theme;

      if (g_strcmp0 (plx_theme_get_uuid (theme), uuid_or_name) == 0 ||
          g_strcmp0 (plx_theme_get_name (theme), uuid_or_name) == 0)
        return (int) r;
    }
  return -1;
}

guint
plx_theme_rollup_get_count (PlxThemeRollup *self,
                            guint           row,
                            guint           perspective,
                            PlxRollupLevel  level)
{
  ROW (self, row, 0);
  g_return_val_if_fail (perspective < self->perspectives->len, 0);

  return level == PLX_ROLLUP_ROLLED ? g_array_index (self->rows, Row, row).rolled[perspective]
                                    : g_array_index (self->rows, Row, row).own[perspective];
}

/* Over every perspective: passages of different perspectives are
 * different passages, so this is a plain sum. */
guint
plx_theme_rollup_get_total (PlxThemeRollup *self,
                            guint           row,
                            PlxRollupLevel  level)
{
  guint total = 0;

  ROW (self, row, 0);
  for (guint p = 0; p < self->perspectives->len; p++)
    total += plx_theme_rollup_get_count (self, row, p, level);
  return total;
}

/**
 * plx_theme_rollup_build_table:
 * @used_only: leave out themes no passage counts in, even rolled up
 *
 * Returns: (transfer full): rows of cells (GStrv), the header first:
 *   theme path, depth, then for each perspective its own count and its
 *   rolled-up count, then both totals
 */
GPtrArray *
plx_theme_rollup_build_table (PlxThemeRollup *self,
                              gboolean        used_only)
{
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();

  g_return_val_if_fail (PLX_IS_THEME_ROLLUP (self), table);

  g_strv_builder_add (header, _("Theme"));
  g_strv_builder_add (header, _("Level"));
  for (guint p = 0; p < self->perspectives->len; p++)
    {
      const char *name = plx_perspective_get_name (g_ptr_array_index (self->perspectives, p));
      g_autofree char *own = g_strdup_printf (_("%s (own)"), name);
      g_autofree char *rolled = g_strdup_printf (_("%s (with sub-themes)"), name);

      g_strv_builder_add (header, own);
      g_strv_builder_add (header, rolled);
    }
  g_strv_builder_add (header, _("Total (own)"));
  g_strv_builder_add (header, _("Total (with sub-themes)"));
  g_ptr_array_add (table, g_strv_builder_end (header));

  for (guint r = 0; r < self->rows->len; r++)
    {
      g_autoptr(GStrvBuilder) cells = NULL;

      if (used_only && plx_theme_rollup_get_total (self, r, PLX_ROLLUP_ROLLED) == 0)
        continue;
      cells = g_strv_builder_new ();
      g_strv_builder_add (cells, plx_theme_rollup_get_path (self, r));
      plx_strv_add_take (cells, g_strdup_printf ("%u", plx_theme_rollup_get_depth (self, r) + 1));
      for (guint p = 0; p < self->perspectives->len; p++)
        {
          plx_strv_add_take (cells, g_strdup_printf ("%u", plx_theme_rollup_get_count (self, r, p, PLX_ROLLUP_OWN)));
          plx_strv_add_take (cells, g_strdup_printf ("%u", plx_theme_rollup_get_count (self, r, p, PLX_ROLLUP_ROLLED)));
        }
      plx_strv_add_take (cells, g_strdup_printf ("%u", plx_theme_rollup_get_total (self, r, PLX_ROLLUP_OWN)));
      plx_strv_add_take (cells, g_strdup_printf ("%u", plx_theme_rollup_get_total (self, r, PLX_ROLLUP_ROLLED)));
      g_ptr_array_add (table, g_strv_builder_end (cells));
    }
  return table;
}

/* An array of {uuid, name, path, depth, parent, own {perspective: n},
 * rolled_up {perspective: n}, total, total_rolled_up}. */
void
plx_theme_rollup_build_json (PlxThemeRollup *self,
                             JsonBuilder    *builder,
                             gboolean        used_only)
{
  g_return_if_fail (PLX_IS_THEME_ROLLUP (self));

  json_builder_begin_array (builder);
  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);

      if (used_only && plx_theme_rollup_get_total (self, r, PLX_ROLLUP_ROLLED) == 0)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, plx_theme_get_uuid (row->theme));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, plx_theme_get_name (row->theme));
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, row->path);
      json_builder_set_member_name (builder, "depth");
      json_builder_add_int_value (builder, row->depth);
      json_builder_set_member_name (builder, "parent");
      if (row->parent >= 0)
        json_builder_add_string_value (builder, plx_theme_get_name (g_array_index (self->rows, Row, row->parent).theme));
      else
        json_builder_add_null_value (builder);
      for (guint level = 0; level < 2; level++)
        {
          json_builder_set_member_name (builder, level == 0 ? "own" : "rolled_up");
          json_builder_begin_object (builder);
          for (guint p = 0; p < self->perspectives->len; p++)
            {
              json_builder_set_member_name (builder, plx_perspective_get_name (g_ptr_array_index (self->perspectives, p)));
              json_builder_add_int_value (builder, plx_theme_rollup_get_count (self, r, p, (PlxRollupLevel) level));
            }
          json_builder_end_object (builder);
        }
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, plx_theme_rollup_get_total (self, r, PLX_ROLLUP_OWN));
      json_builder_set_member_name (builder, "total_rolled_up");
      json_builder_add_int_value (builder, plx_theme_rollup_get_total (self, r, PLX_ROLLUP_ROLLED));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}
