/* plx-import-codebook.c: the codebook and the memos of a native file
 * (optional members of version 1), read and checked with the rest of the file before anything
 * is written, then brought into the project: the codebook before the
 * passages (which name its themes), the memos after them.
 *
 * A theme is matched by UUID, else by name (a theme the project made when
 * a passage was first tagged with it). A theme matched by UUID takes the
 * file's fields when the file's revision is newer; one matched by name
 * only gets what it lacks (definition, notes, colour, labels, examples,
 * parent). A memo is matched by UUID and replaced when the file's is
 * newer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-importer"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-import-codebook.h"
#include "plx-memo-ops.h"
#include "plx-project-private.h"
#include "plx-theme-ops.h"

static PlxTheme *
by_uuid (GPtrArray  *themes,
         const char *uuid)
{
  for (guint i = 0; uuid != NULL && i < themes->len; i++)
    if (g_ascii_strcasecmp (plx_theme_get_uuid (g_ptr_array_index (themes, i)), uuid) == 0)
      return g_ptr_array_index (themes, i);
  return NULL;
}

static JsonArray *
optional_array (Importer    *im,
                JsonObject  *object,
                const char  *member,
                gboolean    *bad,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *bad = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *bad = TRUE;
      invalid (im, error, _("“%s” must be an array"), member);
      return NULL;
    }
  return json_node_get_array (node);
}

gboolean
_plx_import_read_codebook (Importer    *im,
                           JsonObject  *object,
                           GError     **error)
{
  JsonArray *array;
  gboolean bad;

  im->themes_in = g_ptr_array_new_with_free_func (g_object_unref);
  im->memos_in = g_ptr_array_new_with_free_func (g_object_unref);
  im->memo_abouts = g_ptr_array_new_with_free_func (g_free);

  array = optional_array (im, object, "codebook", &bad, error);
  if (bad)
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("codebook[%u]", i);
      g_autoptr(GError) local_error = NULL;
      PlxTheme *theme = plx_theme_new_from_json (json_array_get_element (array, i), where, &local_error);

      if (theme == NULL)
        return invalid (im, error, "%s", local_error->message);
      g_ptr_array_add (im->themes_in, theme);
      for (guint j = 0; j + 1 < im->themes_in->len; j++)
        {
          PlxTheme *other = g_ptr_array_index (im->themes_in, j);

          if (g_ascii_strcasecmp (plx_theme_get_uuid (other), plx_theme_get_uuid (theme)) == 0 ||
              g_strcmp0 (plx_theme_get_name (other), plx_theme_get_name (theme)) == 0)
            return invalid (im, error, _("%s: the theme “%s” is in the codebook twice (codebook[%u])"), where,
                            plx_theme_get_name (theme), j);
        }
    }
  /* Every parent is in the file's codebook, and no theme is its own
   * ancestor. */
  for (guint i = 0; i < im->themes_in->len; i++)
    {
      PlxTheme *theme = g_ptr_array_index (im->themes_in, i);
      PlxTheme *up = theme;

      for (guint steps = 0; plx_theme_get_parent_uuid (up) != NULL; steps++)
        {
          up = by_uuid (im->themes_in, plx_theme_get_parent_uuid (up));
          if (up == NULL)
            return invalid (im, error, _("codebook[%u]: the parent of “%s” is not in the file’s codebook"), i,
                            plx_theme_get_name (theme));
          if (up == theme || steps > im->themes_in->len)
            return invalid (im, error, _("codebook[%u]: “%s” is inside itself (a cycle of parents)"), i,
                            plx_theme_get_name (theme));
        }
    }

  array = optional_array (im, object, "memos", &bad, error);
  if (bad)
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("memos[%u]", i);
      g_autoptr(GError) local_error = NULL;
      char *about = NULL;
      PlxMemo *memo = plx_memo_new_from_json (json_array_get_element (array, i), where, &about, &local_error);

      if (memo == NULL)
        return invalid (im, error, "%s", local_error->message);
      g_ptr_array_add (im->memos_in, memo);
      g_ptr_array_add (im->memo_abouts, about);
      switch (plx_memo_get_kind (memo))
        {
        case PLX_MEMO_DOCUMENT:
          if (!g_hash_table_contains (im->documents, about))
            return invalid (im, error, _("%s: there is no document %s in the file’s “documents”"), where, about);
          break;
        case PLX_MEMO_PERSPECTIVE:
          if (plx_project_find_perspective_by_name (im->project, about) == NULL)
            {
              gboolean found = FALSE;

              for (guint p = 0; p < im->perspectives->len && !found; p++)
                found = g_strcmp0 (((PlxFilePerspective *) g_ptr_array_index (im->perspectives, p))->name, about) == 0;
              if (!found)
                return invalid (im, error, _("%s: “%s” is neither in the file’s “perspectives” nor in the project"),
                                where, about);
            }
          break;
        case PLX_MEMO_THEME:
          if (by_uuid (im->themes_in, about) == NULL)
            {
              g_autoptr(PlxTheme) known = plx_project_find_theme (im->project, about, NULL);

              if (known == NULL || g_ascii_strcasecmp (plx_theme_get_uuid (known), about) != 0)
                return invalid (im, error, _("%s: the theme %s is neither in the file’s codebook nor in the project"),
                                where, about);
            }
          break;
        case PLX_MEMO_PROJECT:
        case PLX_MEMO_FREE:
        default:
          break;
        }
    }
  return TRUE;
}

static guint
file_depth (Importer *im,
            PlxTheme *theme)
{
  guint depth = 0;

  for (PlxTheme *t = by_uuid (im->themes_in, plx_theme_get_parent_uuid (theme)); t != NULL && depth <= im->themes_in->len;
       t = by_uuid (im->themes_in, plx_theme_get_parent_uuid (t)))
    depth++;
  return depth;
}

static gboolean
blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Fills in what @into lacks from @from. */
static void
fill_blanks (PlxTheme *into,
             PlxTheme *from)
{
  static const char * const langs[] = { PLX_THEME_LABEL_LANGUAGES };

  if (blank (plx_theme_get_description (into)))
    plx_theme_set_description (into, plx_theme_get_description (from));
  if (blank (plx_theme_get_inclusion (into)))
    plx_theme_set_inclusion (into, plx_theme_get_inclusion (from));
  if (blank (plx_theme_get_exclusion (into)))
    plx_theme_set_exclusion (into, plx_theme_get_exclusion (from));
  if (blank (plx_theme_get_color (into)))
    plx_theme_set_color (into, plx_theme_get_color (from));
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    if (blank (plx_theme_get_label (into, langs[l])))
      plx_theme_set_label (into, langs[l], plx_theme_get_label (from, langs[l]));
  if (plx_theme_get_examples (into)[0] == NULL)
    plx_theme_set_examples (into, plx_theme_get_examples (from));
}

static int
shallower_first (gconstpointer a,
                 gconstpointer b,
                 gpointer      im)
{
  guint x = file_depth (im, *(PlxTheme **) a);
  guint y = file_depth (im, *(PlxTheme **) b);

  return x == y ? 0 : x < y ? -1 : 1;
}

gboolean
_plx_import_write_codebook (Importer  *im,
                            GError   **error)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) mapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (im->themes_in == NULL || im->themes_in->len == 0)
    return TRUE;
  order = g_ptr_array_copy (im->themes_in, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_sort_with_data (order, shallower_first, im);

  /* One theme at a time, so that each finds its parent already there. */
  for (guint i = 0; i < order->len; i++)
    {
      PlxTheme *incoming = g_ptr_array_index (order, i);
      g_autoptr(GPtrArray) codebook = plx_project_list_codebook (im->project, error);
      g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
      g_autoptr(PlxTheme) after = NULL;
      const char *parent = plx_theme_get_parent_uuid (incoming)
                             ? g_hash_table_lookup (mapped, plx_theme_get_parent_uuid (incoming)) : NULL;
      g_autoptr(GError) local_error = NULL;
      PlxTheme *existing;
      gboolean same;

      if (codebook == NULL)
        return FALSE;
      existing = by_uuid (codebook, plx_theme_get_uuid (incoming));
      same = existing != NULL;
      if (existing == NULL)
        existing = plx_codebook_lookup (codebook, plx_theme_get_name (incoming));
      if (existing != NULL && !same && g_strcmp0 (plx_theme_get_name (existing), plx_theme_get_name (incoming)) != 0)
        existing = NULL;  /* found by path, not by name: not the same theme */

      if (existing == NULL)
        {
          after = plx_theme_copy (incoming);
          plx_theme_set_parent_uuid (after, parent);
          plx_theme_set_id (after, 0);
          plx_change_set_add_theme (changes, NULL, after);
          im->report->themes_added++;
        }
      else
        {
          g_autoptr(PlxChangeSet) renamed = NULL;

          after = plx_theme_copy (existing);
          if (same && plx_theme_get_revision (incoming) > plx_theme_get_revision (existing))
            {
              plx_theme_set_description (after, plx_theme_get_description (incoming));
              plx_theme_set_inclusion (after, plx_theme_get_inclusion (incoming));
              plx_theme_set_exclusion (after, plx_theme_get_exclusion (incoming));
              plx_theme_set_color (after, plx_theme_get_color (incoming));
              plx_theme_set_examples (after, plx_theme_get_examples (incoming));
              fill_blanks (after, incoming);
              plx_theme_set_parent_uuid (after, parent);
              /* Renamed in the other copy: renamed here too, passages and all,
               * unless the name is taken here. */
              if (g_strcmp0 (plx_theme_get_name (existing), plx_theme_get_name (incoming)) != 0 &&
                  plx_codebook_lookup (codebook, plx_theme_get_name (incoming)) == NULL)
                renamed = plx_theme_changes_rename (im->project, plx_theme_get_uuid (existing),
                                                    plx_theme_get_name (incoming), NULL);
            }
          else
            {
              fill_blanks (after, incoming);
              if (plx_theme_get_parent_uuid (after) == NULL)
                plx_theme_set_parent_uuid (after, parent);
            }
          if (renamed != NULL && !plx_change_set_is_empty (renamed))
            {
              /* The rename's theme change comes first; this one follows
               * from what it made. */
              const PlxChange *first = plx_change_set_get_change (renamed, 0);

              plx_change_set_append (changes, renamed);
              plx_theme_set_name (after, plx_theme_get_name (incoming));
              if (!plx_theme_equal (after, first->after))
                plx_change_set_add_theme (changes, first->after, after);
            }
          else if (!plx_theme_equal (after, existing))
            plx_change_set_add_theme (changes, existing, after);
          if (!plx_change_set_is_empty (changes))
            im->report->themes_updated++;
        }
      g_hash_table_insert (mapped, g_strdup (plx_theme_get_uuid (incoming)),
                           g_strdup (plx_theme_get_uuid (existing ? existing : after)));
      if (!plx_change_set_is_empty (changes) && !plx_project_apply (im->project, changes, &local_error))
        return invalid (im, error, _("the theme “%s” cannot be brought in: %s"), plx_theme_get_name (incoming),
                        local_error->message);
    }
  return TRUE;
}

gboolean
_plx_import_write_memos (Importer  *im,
                         GError   **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(PlxChangeSet) changes = plx_change_set_new ();
  g_autoptr(GPtrArray) codebook = NULL;
  g_autoptr(GError) local_error = NULL;

  if (im->memos_in == NULL || im->memos_in->len == 0)
    return TRUE;
  existing = plx_project_list_memos (im->project, error);
  codebook = plx_project_list_codebook (im->project, error);
  if (existing == NULL || codebook == NULL)
    return FALSE;

  for (guint i = 0; i < im->memos_in->len; i++)
    {
      PlxMemo *incoming = g_ptr_array_index (im->memos_in, i);
      const char *about = g_ptr_array_index (im->memo_abouts, i);
      g_autoptr(PlxMemo) after = plx_memo_copy (incoming);
      PlxMemo *old = NULL;

      switch (plx_memo_get_kind (incoming))
        {
        case PLX_MEMO_DOCUMENT:
          {
            FileDocument *d = g_hash_table_lookup (im->documents, about);

            plx_memo_set_target_uuid (after, plx_document_get_uuid (d->resolved));
            break;
          }
        case PLX_MEMO_PERSPECTIVE:
          plx_memo_set_target_uuid (after, plx_perspective_get_uuid (plx_project_find_perspective_by_name (im->project,
                                                                                                         about)));
          break;
        case PLX_MEMO_THEME:
          {
            /* The file's theme, as the project now knows it (by UUID, or the
             * theme of its name it was matched with). */
            PlxTheme *file_theme = by_uuid (im->themes_in, about);
            PlxTheme *theme = by_uuid (codebook, about);

            if (theme == NULL && file_theme != NULL)
              theme = plx_codebook_lookup (codebook, plx_theme_get_name (file_theme));
            if (theme == NULL)
              return invalid (im, error, _("memos[%u]: the theme %s is not in the project"), i, about);
            plx_memo_set_target_uuid (after, plx_theme_get_uuid (theme));
            break;
          }
        case PLX_MEMO_PROJECT:
        case PLX_MEMO_FREE:
        default:
          break;
        }

      for (guint j = 0; j < existing->len && old == NULL; j++)
        if (g_ascii_strcasecmp (plx_memo_get_uuid (g_ptr_array_index (existing, j)), plx_memo_get_uuid (incoming)) == 0)
          old = g_ptr_array_index (existing, j);
      if (old != NULL)
        {
          g_autoptr(GDateTime) mine = g_date_time_new_from_iso8601 (plx_memo_get_modified (old), NULL);
          g_autoptr(GDateTime) theirs = g_date_time_new_from_iso8601 (plx_memo_get_modified (incoming), NULL);

          if (mine == NULL || theirs == NULL || g_date_time_compare (theirs, mine) <= 0)
            continue;
          plx_memo_set_id (after, plx_memo_get_id (old));
          plx_change_set_add_memo (changes, old, after);
          im->report->memos_updated++;
        }
      else
        {
          plx_memo_set_id (after, 0);
          plx_change_set_add_memo (changes, NULL, after);
          im->report->memos_added++;
        }
    }
  if (!plx_change_set_is_empty (changes) && !plx_project_apply (im->project, changes, &local_error))
    return invalid (im, error, _("the memos cannot be brought in: %s"), local_error->message);
  return TRUE;
}

void
_plx_import_codebook_clear (Importer *im)
{
  g_clear_pointer (&im->themes_in, g_ptr_array_unref);
  g_clear_pointer (&im->memos_in, g_ptr_array_unref);
  g_clear_pointer (&im->memo_abouts, g_ptr_array_unref);
}
