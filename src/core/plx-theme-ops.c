/* plx-theme-ops.c: the codebook's operations as change sets, the checks
 * every theme change passes when applied, and the tree helpers.
 *
 * Passages name their themes by name, so an operation that changes what
 * a passage's themes are called (rename, merge, split, delete) carries
 * those passages in its change set too: the panels, matrix and maps see
 * them change at once, and undo puts them back. plx_project_apply() adds
 * and changes themes before the passages and removes them after, in
 * either direction, so a passage never names a theme that is not there.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-theme"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-project-private.h"
#include "plx-theme-ops.h"

static const char * const known_languages[] = { PLX_THEME_LABEL_LANGUAGES };

/* ---- the tree ---- */

static PlxTheme *
find_uuid (GPtrArray  *codebook,
           const char *uuid)
{
  for (guint i = 0; uuid != NULL && i < codebook->len; i++)
    if (g_strcmp0 (plx_theme_get_uuid (g_ptr_array_index (codebook, i)), uuid) == 0)
      return g_ptr_array_index (codebook, i);
  return NULL;
}

static PlxTheme *
find_name (GPtrArray  *codebook,
           const char *name)
{
  for (guint i = 0; name != NULL && i < codebook->len; i++)
    if (g_strcmp0 (plx_theme_get_name (g_ptr_array_index (codebook, i)), name) == 0)
      return g_ptr_array_index (codebook, i);
  return NULL;
}

/**
 * plx_project_list_codebook:
 *
 * Returns: (transfer full): every theme of the project, used or not, as
 *   PlxTheme, sorted by name
 */
GPtrArray *
plx_project_list_codebook (PlxProject  *self,
                           GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_list_codebook (plx_project_get_store (self), error);
}

/* The theme a user means: its UUID, its name, or its path from the top,
 * with "/" or "›" between the names (exact names win, since an old flat
 * name may hold a "/"). */
PlxTheme *
plx_codebook_lookup (GPtrArray  *codebook,
                     const char *text)
{
  g_autoptr(GString) unified = NULL;
  g_auto(GStrv) parts = NULL;
  PlxTheme *found;
  const char *parent = NULL;

  g_return_val_if_fail (codebook != NULL, NULL);
  if (text == NULL)
    return NULL;
  if ((found = find_uuid (codebook, text)) != NULL || (found = find_name (codebook, text)) != NULL)
    return found;

  unified = g_string_new (text);
  g_string_replace (unified, "›", "/", 0);
  parts = g_strsplit (unified->str, "/", -1);
  found = NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      found = find_name (codebook, g_strstrip (parts[i]));
      if (found == NULL || g_strcmp0 (plx_theme_get_parent_uuid (found), parent) != 0)
        return NULL;
      parent = plx_theme_get_uuid (found);
    }
  return found;
}

/* (transfer full): a new reference, or NULL with an error naming @text */
PlxTheme *
plx_project_find_theme (PlxProject  *self,
                        const char  *text,
                        GError     **error)
{
  g_autoptr(GPtrArray) codebook = plx_project_list_codebook (self, error);
  PlxTheme *found;

  if (codebook == NULL)
    return NULL;
  found = plx_codebook_lookup (codebook, text);
  if (found == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"), text);
      return NULL;
    }
  return g_object_ref (found);
}

/* "security › guarantor": the names from the top down to @theme. */
char *
plx_codebook_dup_path (GPtrArray *codebook,
                       PlxTheme  *theme)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) path = g_string_new (NULL);

  for (PlxTheme *t = theme; t != NULL && names->len <= codebook->len; t = find_uuid (codebook, plx_theme_get_parent_uuid (t)))
    g_ptr_array_insert (names, 0, (gpointer) plx_theme_get_name (t));
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (path, PLX_THEME_PATH_SEPARATOR);
      g_string_append (path, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* 0 at the top. */
guint
plx_codebook_get_depth (GPtrArray *codebook,
                        PlxTheme  *theme)
{
  guint depth = 0;

  for (PlxTheme *t = find_uuid (codebook, plx_theme_get_parent_uuid (theme)); t != NULL && depth <= codebook->len;
       t = find_uuid (codebook, plx_theme_get_parent_uuid (t)))
    depth++;
  return depth;
}

/* (transfer container): the themes directly under @parent_uuid (NULL: the
 * top), sorted by name. */
GPtrArray *
plx_codebook_dup_children (GPtrArray  *codebook,
                           const char *parent_uuid)
{
  GPtrArray *children = g_ptr_array_new ();

  for (guint i = 0; i < codebook->len; i++)
    {
      PlxTheme *theme = g_ptr_array_index (codebook, i);
      const char *parent = plx_theme_get_parent_uuid (theme);

      /* A parent that is not there (never in a sound file) counts as the top. */
      if (parent != NULL && find_uuid (codebook, parent) == NULL)
        parent = NULL;
      if (g_strcmp0 (parent, parent_uuid) == 0)
        g_ptr_array_add (children, theme);
    }
  return children;
}

static void
add_subtree (GPtrArray  *codebook,
             const char *parent_uuid,
             GPtrArray  *out)
{
  g_autoptr(GPtrArray) children = plx_codebook_dup_children (codebook, parent_uuid);

  for (guint i = 0; i < children->len && out->len < codebook->len; i++)
    {
      g_ptr_array_add (out, g_ptr_array_index (children, i));
      add_subtree (codebook, plx_theme_get_uuid (g_ptr_array_index (children, i)), out);
    }
}

/* (transfer container): the themes depth first, each parent before its
 * children, siblings by name. */
GPtrArray *
plx_codebook_dup_tree_order (GPtrArray *codebook)
{
  GPtrArray *out = g_ptr_array_new ();

  add_subtree (codebook, NULL, out);
  return out;
}

/* ---- checks, as a change is applied ---- */

static gboolean
check_name (const char  *name,
            GError     **error)
{
  const char *p;

  for (p = name; p != NULL && g_ascii_isspace (*p); p++)
    ;
  if (p == NULL || *p == '\0')
    {
      g_set_error_literal (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("A theme’s name cannot be empty"));
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("A theme’s name must be UTF-8 text"));
      return FALSE;
    }
  for (p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                     _("The theme name “%s” holds a line break or another control character"), name);
        return FALSE;
      }
  return TRUE;
}

static gboolean
under (GHashTable *index,
       const char *uuid,
       const char *ancestor)
{
  guint steps = 0;

  for (PlxTheme *t = g_hash_table_lookup (index, uuid); t != NULL && steps <= g_hash_table_size (index);
       t = g_hash_table_lookup (index, plx_theme_get_parent_uuid (t) ? plx_theme_get_parent_uuid (t) : ""), steps++)
    if (g_strcmp0 (plx_theme_get_uuid (t), ancestor) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_plx_project_apply_theme (PlxProject   *self,
                          GHashTable  **codebook,
                          PlxTheme     *before,
                          PlxTheme     *after,
                          GError      **error)
{
  GHashTable *index;
  GHashTableIter iter;
  gpointer value;
  PlxTheme *stored;
  const char *uuid = plx_theme_get_uuid (after ? after : before);

  if (*codebook == NULL)
    {
      g_autoptr(GPtrArray) themes = plx_store_list_codebook (self->store, error);

      if (themes == NULL)
        return FALSE;
      *codebook = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      for (guint i = 0; i < themes->len; i++)
        g_hash_table_insert (*codebook, g_strdup (plx_theme_get_uuid (g_ptr_array_index (themes, i))),
                             g_object_ref (g_ptr_array_index (themes, i)));
    }
  index = *codebook;
  stored = g_hash_table_lookup (index, uuid);

  if (after == NULL)
    {
      PlxAnnotationQuery query = { 0, 0, NULL };
      guint count = 0;

      if (stored == NULL)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"),
                       plx_theme_get_name (before));
          return FALSE;
        }
      g_hash_table_iter_init (&iter, index);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (g_strcmp0 (plx_theme_get_parent_uuid (value), uuid) == 0)
          {
            g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                         _("The theme “%s” still has sub-themes (“%s”); move or delete them first"),
                         plx_theme_get_name (stored), plx_theme_get_name (value));
            return FALSE;
          }
      query.theme = plx_theme_get_name (stored);
      if (!plx_store_count_annotations (self->store, &query, &count, error))
        return FALSE;
      if (count > 0)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       g_dngettext (GETTEXT_PACKAGE, "The theme “%s” is still on %u passage",
                                    "The theme “%s” is still on %u passages", count),
                       plx_theme_get_name (stored), count);
          return FALSE;
        }
      if (!plx_store_delete_theme (self->store, before, error))
        return FALSE;
      g_hash_table_remove (index, uuid);
      return TRUE;
    }

  if (!check_name (plx_theme_get_name (after), error))
    return FALSE;
  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (plx_theme_get_name (value), plx_theme_get_name (after)) == 0 &&
        g_strcmp0 (plx_theme_get_uuid (value), uuid) != 0)
      {
        g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE, _("There is already a theme named “%s”"),
                     plx_theme_get_name (after));
        return FALSE;
      }
  if (plx_theme_get_parent_uuid (after) != NULL)
    {
      const char *parent = plx_theme_get_parent_uuid (after);

      if (!g_hash_table_contains (index, parent))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND,
                       _("The parent of the theme “%s” is not in this project"), plx_theme_get_name (after));
          return FALSE;
        }
      if (g_strcmp0 (parent, uuid) == 0 || under (index, parent, uuid))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("The theme “%s” cannot go under “%s”, which is inside it"),
                       plx_theme_get_name (after),
                       plx_theme_get_name (g_hash_table_lookup (index, parent)));
          return FALSE;
        }
    }
  if (*plx_theme_get_color (after) != '\0' && !_plx_project_check_color (plx_theme_get_color (after), error))
    return FALSE;
  {
    g_auto(GStrv) langs = plx_theme_dup_label_languages (after);

    for (guint i = 0; langs[i] != NULL; i++)
      if (!plx_theme_label_language_is_known (langs[i]))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("The theme “%s” has a label in “%s”; labels are in en, ru, hy or az"),
                       plx_theme_get_name (after), langs[i]);
          return FALSE;
        }
  }

  if (before == NULL)
    {
      if (stored != NULL)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE, _("The theme “%s” is already in the project"),
                       plx_theme_get_name (after));
          return FALSE;
        }
      if (plx_theme_get_revision (after) == 0)
        plx_theme_set_revision (after, 1);
      if (!plx_store_insert_theme (self->store, after, error))
        return FALSE;
    }
  else
    {
      if (stored == NULL)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"),
                       plx_theme_get_name (before));
          return FALSE;
        }
      if (plx_theme_get_revision (after) <= plx_theme_get_revision (before))
        plx_theme_set_revision (after, plx_theme_get_revision (before) + 1);
      if (!plx_store_update_theme (self->store, after, error))
        return FALSE;
    }
  g_hash_table_insert (index, g_strdup (uuid), g_object_ref (after));
  return TRUE;
}

/* ---- building change sets ---- */

typedef struct {
  PlxProject   *project;
  GPtrArray    *codebook;
  PlxChangeSet *changes;
} Ops;

static void
ops_clear (Ops *ops)
{
  g_clear_pointer (&ops->codebook, g_ptr_array_unref);
  g_clear_object (&ops->changes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ops, ops_clear)

static gboolean
ops_init (Ops         *ops,
          PlxProject  *project,
          GError     **error)
{
  ops->project = project;
  ops->codebook = plx_project_list_codebook (project, error);
  ops->changes = plx_change_set_new ();
  return ops->codebook != NULL;
}

static PlxTheme *
require (Ops         *ops,
         const char  *uuid,
         GError     **error)
{
  PlxTheme *theme = find_uuid (ops->codebook, uuid);

  if (theme == NULL)
    g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"),
                 uuid ? uuid : "");
  return theme;
}

/* A name typed by a user: trimmed, checked, free in the project. */
static char *
new_name (Ops         *ops,
          const char  *typed,
          PlxTheme    *except,
          GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (typed ? typed : ""));
  PlxTheme *other;

  if (!check_name (name, error))
    return NULL;
  if (strstr (name, "›") != NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("The theme name “%s” holds “›”, which separates a theme from its parent in a path"), name);
      return NULL;
    }
  other = find_name (ops->codebook, name);
  if (other != NULL && other != except)
    {
      g_autofree char *path = plx_codebook_dup_path (ops->codebook, other);

      g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                   _("There is already a theme named “%s” (%s); theme names are unique in a project"), name, path);
      return NULL;
    }
  return g_steal_pointer (&name);
}

static gboolean
is_under (Ops        *ops,
          PlxTheme   *theme,
          PlxTheme   *ancestor)
{
  guint steps = 0;

  for (PlxTheme *t = theme; t != NULL && steps <= ops->codebook->len;
       t = find_uuid (ops->codebook, plx_theme_get_parent_uuid (t)), steps++)
    if (t == ancestor)
      return TRUE;
  return FALSE;
}

/* Every passage carrying one of @from gets @to in its place (once, where
 * the first of them was); passages keep their other themes. @to NULL
 * drops them. */
static gboolean
retag (Ops                *ops,
       GPtrArray          *from,
       const char         *to,
       GHashTable         *only,
       GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint f = 0; f < from->len; f++)
    {
      PlxAnnotationQuery query = { 0, 0, plx_theme_get_name (g_ptr_array_index (from, f)) };
      g_autoptr(GPtrArray) carrying = plx_project_list_annotations (ops->project, &query, error);

      if (carrying == NULL)
        return FALSE;
      for (guint i = 0; i < carrying->len; i++)
        {
          PlxAnnotation *annotation = g_ptr_array_index (carrying, i);

          if (g_hash_table_contains (seen, plx_annotation_get_uuid (annotation)) ||
              (only != NULL && !g_hash_table_contains (only, plx_annotation_get_uuid (annotation))))
            continue;
          g_hash_table_add (seen, (gpointer) plx_annotation_get_uuid (annotation));
          g_ptr_array_add (all, g_object_ref (annotation));
        }
    }

  for (guint i = 0; i < all->len; i++)
    {
      PlxAnnotation *before = g_ptr_array_index (all, i);
      const char * const *themes = plx_annotation_get_themes (before);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(PlxAnnotation) after = NULL;

      for (guint t = 0; themes[t] != NULL; t++)
        {
          const char *name = themes[t];

          for (guint f = 0; f < from->len; f++)
            if (g_strcmp0 (name, plx_theme_get_name (g_ptr_array_index (from, f))) == 0)
              {
                name = to;
                break;
              }
          if (name != NULL && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            g_ptr_array_add (names, (gpointer) name);
        }
      g_ptr_array_add (names, NULL);
      if (g_strv_equal (themes, (const char * const *) names->pdata))
        continue;
      after = plx_annotation_copy (before);
      plx_annotation_set_themes (after, (const char * const *) names->pdata);
      /* Its themes changed: an import into another copy must see it newer. */
      plx_annotation_touch (after);
      plx_change_set_add_annotation (ops->changes, before, after);
    }
  return TRUE;
}

static PlxChangeSet *
finish (Ops *ops)
{
  return g_steal_pointer (&ops->changes);
}

/**
 * plx_theme_changes_create:
 * @parent_uuid: (nullable): the theme to go under; NULL for the top
 * @description: (nullable): its definition
 * @created: (out) (optional) (transfer full): the new theme
 */
PlxChangeSet *
plx_theme_changes_create (PlxProject  *project,
                          const char  *name,
                          const char  *parent_uuid,
                          const char  *description,
                          PlxTheme   **created,
                          GError     **error)
{
  g_auto(Ops) ops = { 0, };
  g_autofree char *clean = NULL;
  g_autoptr(PlxTheme) theme = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  if (!ops_init (&ops, project, error) ||
      (parent_uuid != NULL && require (&ops, parent_uuid, error) == NULL) ||
      (clean = new_name (&ops, name, NULL, error)) == NULL)
    return NULL;
  theme = plx_theme_new (NULL, clean);
  plx_theme_set_parent_uuid (theme, parent_uuid);
  plx_theme_set_description (theme, description);
  plx_change_set_add_theme (ops.changes, NULL, theme);
  if (created != NULL)
    *created = g_object_ref (theme);
  return finish (&ops);
}

/* Renames the theme and every passage's mention of it. */
PlxChangeSet *
plx_theme_changes_rename (PlxProject  *project,
                          const char  *uuid,
                          const char  *name,
                          GError     **error)
{
  g_auto(Ops) ops = { 0, };
  g_autofree char *clean = NULL;
  g_autoptr(PlxTheme) after = NULL;
  g_autoptr(GPtrArray) from = g_ptr_array_new ();
  PlxTheme *theme;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  if (!ops_init (&ops, project, error) || (theme = require (&ops, uuid, error)) == NULL ||
      (clean = new_name (&ops, name, theme, error)) == NULL)
    return NULL;
  if (g_strcmp0 (clean, plx_theme_get_name (theme)) == 0)
    return finish (&ops);
  after = plx_theme_copy (theme);
  plx_theme_set_name (after, clean);
  plx_change_set_add_theme (ops.changes, theme, after);
  g_ptr_array_add (from, theme);
  if (!retag (&ops, from, clean, NULL, error))
    return NULL;
  return finish (&ops);
}

/**
 * plx_theme_changes_define:
 * @edited: a copy of a theme (by UUID) with its definition, inclusion and
 *   exclusion notes, colour, labels or anchor examples changed; its name
 *   and parent are not read (rename and move do those)
 *
 * Every anchor example must be a passage tagged with the theme.
 */
PlxChangeSet *
plx_theme_changes_define (PlxProject  *project,
                          PlxTheme    *edited,
                          GError     **error)
{
  g_auto(Ops) ops = { 0, };
  g_autoptr(PlxTheme) after = NULL;
  g_auto(GStrv) langs = NULL;
  const char * const *examples;
  PlxTheme *theme;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (PLX_IS_THEME (edited), NULL);

  if (!ops_init (&ops, project, error) || (theme = require (&ops, plx_theme_get_uuid (edited), error)) == NULL)
    return NULL;
  if (*plx_theme_get_color (edited) != '\0' && !_plx_project_check_color (plx_theme_get_color (edited), error))
    return NULL;
  langs = plx_theme_dup_label_languages (edited);
  for (guint i = 0; langs[i] != NULL; i++)
    if (!plx_theme_label_language_is_known (langs[i]))
      {
        g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                     _("The theme “%s” has a label in “%s”; labels are in en, ru, hy or az"),
                     plx_theme_get_name (theme), langs[i]);
        return NULL;
      }
  examples = plx_theme_get_examples (edited);
  for (guint i = 0; examples[i] != NULL; i++)
    {
      g_autoptr(PlxAnnotation) annotation = NULL;

      if (g_strv_contains (plx_theme_get_examples (theme), examples[i]))
        continue;  /* kept, even if its passage has gone since */
      annotation = plx_project_get_annotation (project, examples[i], error);
      if (annotation == NULL)
        return NULL;
      if (!g_strv_contains (plx_annotation_get_themes (annotation), plx_theme_get_name (theme)))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("Passage %s is not tagged with “%s”, so it cannot be one of its examples"),
                       examples[i], plx_theme_get_name (theme));
          return NULL;
        }
    }

  after = plx_theme_copy (theme);
  plx_theme_set_description (after, plx_theme_get_description (edited));
  plx_theme_set_inclusion (after, plx_theme_get_inclusion (edited));
  plx_theme_set_exclusion (after, plx_theme_get_exclusion (edited));
  plx_theme_set_color (after, plx_theme_get_color (edited));
  for (guint i = 0; i < G_N_ELEMENTS (known_languages); i++)
    plx_theme_set_label (after, known_languages[i], plx_theme_get_label (edited, known_languages[i]));
  plx_theme_set_examples (after, examples);
  if (!plx_theme_equal (after, theme))
    plx_change_set_add_theme (ops.changes, theme, after);
  return finish (&ops);
}

/* @parent_uuid: (nullable): NULL moves it to the top */
PlxChangeSet *
plx_theme_changes_move (PlxProject  *project,
                        const char  *uuid,
                        const char  *parent_uuid,
                        GError     **error)
{
  g_auto(Ops) ops = { 0, };
  g_autoptr(PlxTheme) after = NULL;
  PlxTheme *theme;
  PlxTheme *parent = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  if (!ops_init (&ops, project, error) || (theme = require (&ops, uuid, error)) == NULL ||
      (parent_uuid != NULL && (parent = require (&ops, parent_uuid, error)) == NULL))
    return NULL;
  if (parent == theme)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("The theme “%s” cannot go under itself"),
                   plx_theme_get_name (theme));
      return NULL;
    }
  if (parent != NULL && is_under (&ops, parent, theme))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("The theme “%s” cannot go under “%s”, which is inside it"),
                   plx_theme_get_name (theme), plx_theme_get_name (parent));
      return NULL;
    }
  if (g_strcmp0 (plx_theme_get_parent_uuid (theme), parent_uuid) == 0)
    return finish (&ops);
  after = plx_theme_copy (theme);
  plx_theme_set_parent_uuid (after, parent_uuid);
  plx_change_set_add_theme (ops.changes, theme, after);
  return finish (&ops);
}

static int
deeper_first (gconstpointer a,
              gconstpointer b,
              gpointer      codebook)
{
  guint x = plx_codebook_get_depth (codebook, *(PlxTheme **) a);
  guint y = plx_codebook_get_depth (codebook, *(PlxTheme **) b);

  return x == y ? 0 : x > y ? -1 : 1;
}

/* Moves the children of @gone (that are not going too) to @parent, and
 * removes @gone themselves, the deepest first. */
static void
remove_themes (Ops        *ops,
               GPtrArray  *gone,
               PlxTheme   *parent)
{
  for (guint i = 0; i < ops->codebook->len; i++)
    {
      PlxTheme *theme = g_ptr_array_index (ops->codebook, i);
      PlxTheme *old_parent = find_uuid (ops->codebook, plx_theme_get_parent_uuid (theme));
      g_autoptr(PlxTheme) after = NULL;

      if (old_parent == NULL || !g_ptr_array_find (gone, old_parent, NULL) || g_ptr_array_find (gone, theme, NULL) ||
          theme == parent)
        continue;
      after = plx_theme_copy (theme);
      plx_theme_set_parent_uuid (after, parent ? plx_theme_get_uuid (parent) : NULL);
      plx_change_set_add_theme (ops->changes, theme, after);
    }
  g_ptr_array_sort_with_data (gone, deeper_first, ops->codebook);
  for (guint i = 0; i < gone->len; i++)
    plx_change_set_add_theme (ops->changes, g_ptr_array_index (gone, i), NULL);
}

/* Memos about one of @gone are about @to from now on. */
static gboolean
retarget_memos (Ops        *ops,
                GPtrArray  *gone,
                PlxTheme   *to,
                GError    **error)
{
  g_autoptr(GPtrArray) memos = plx_store_list_memos (plx_project_get_store (ops->project), error);

  if (memos == NULL)
    return FALSE;
  for (guint i = 0; i < memos->len; i++)
    {
      PlxMemo *memo = g_ptr_array_index (memos, i);
      g_autoptr(PlxMemo) after = NULL;

      if (plx_memo_get_kind (memo) != PLX_MEMO_THEME)
        continue;
      for (guint g = 0; g < gone->len; g++)
        if (g_strcmp0 (plx_memo_get_target_uuid (memo), plx_theme_get_uuid (g_ptr_array_index (gone, g))) == 0)
          {
            after = plx_memo_copy (memo);
            plx_memo_set_target_uuid (after, plx_theme_get_uuid (to));
            plx_change_set_add_memo (ops->changes, memo, after);
            break;
          }
    }
  return TRUE;
}

/**
 * plx_theme_changes_merge:
 * @source_uuids: the themes to merge; @target_uuid among them is skipped
 * @target_uuid: the theme they become
 *
 * Every passage tagged with a source is tagged with the target instead
 * and keeps its other themes (a passage that had two of them ends with
 * the target once); the sources' sub-themes go under the target, their
 * anchor examples become the target's, memos about them are about the
 * target, and the sources are removed. A target that was inside a source
 * takes the place of the highest such source.
 */
PlxChangeSet *
plx_theme_changes_merge (PlxProject         *project,
                         const char * const *source_uuids,
                         const char         *target_uuid,
                         GError            **error)
{
  g_auto(Ops) ops = { 0, };
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) examples = g_ptr_array_new ();
  g_autoptr(PlxTheme) after = NULL;
  PlxTheme *target;
  PlxTheme *top = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (source_uuids != NULL, NULL);

  if (!ops_init (&ops, project, error) || (target = require (&ops, target_uuid, error)) == NULL)
    return NULL;
  for (guint i = 0; source_uuids[i] != NULL; i++)
    {
      PlxTheme *source = require (&ops, source_uuids[i], error);

      if (source == NULL)
        return NULL;
      if (source != target && !g_ptr_array_find (sources, source, NULL))
        g_ptr_array_add (sources, source);
    }
  if (sources->len == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("The theme “%s” cannot be merged into itself"),
                   plx_theme_get_name (target));
      return NULL;
    }

  /* The target's examples first, then the sources', each once. */
  for (const char * const *e = plx_theme_get_examples (target); *e != NULL; e++)
    g_ptr_array_add (examples, (gpointer) *e);
  for (guint i = 0; i < sources->len; i++)
    for (const char * const *e = plx_theme_get_examples (g_ptr_array_index (sources, i)); *e != NULL; e++)
      if (!g_ptr_array_find_with_equal_func (examples, *e, g_str_equal, NULL))
        g_ptr_array_add (examples, (gpointer) *e);
  g_ptr_array_add (examples, NULL);

  for (guint i = 0; i < sources->len; i++)
    if (is_under (&ops, target, g_ptr_array_index (sources, i)) &&
        (top == NULL || is_under (&ops, top, g_ptr_array_index (sources, i))))
      top = g_ptr_array_index (sources, i);

  after = plx_theme_copy (target);
  plx_theme_set_examples (after, (const char * const *) examples->pdata);
  if (top != NULL)
    plx_theme_set_parent_uuid (after, plx_theme_get_parent_uuid (top));
  if (!plx_theme_equal (after, target))
    plx_change_set_add_theme (ops.changes, target, after);
  if (!retag (&ops, sources, plx_theme_get_name (target), NULL, error) ||
      !retarget_memos (&ops, sources, target, error))
    return NULL;
  remove_themes (&ops, sources, target);
  return finish (&ops);
}

/**
 * plx_theme_changes_split:
 * @new_name: the name of the theme split off, a sibling of the theme
 * @annotation_uuids: the passages that move to it; each must be tagged
 *   with the theme
 * @created: (out) (optional) (transfer full): the new theme
 *
 * The chosen passages carry the new theme where they carried the old one
 * and keep their other themes; anchor examples among them move too.
 */
PlxChangeSet *
plx_theme_changes_split (PlxProject         *project,
                         const char         *uuid,
                         const char         *new_name_typed,
                         const char * const *annotation_uuids,
                         PlxTheme          **created,
                         GError            **error)
{
  g_auto(Ops) ops = { 0, };
  g_autofree char *clean = NULL;
  g_autoptr(GHashTable) only = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) from = g_ptr_array_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) moving = g_ptr_array_new ();
  g_autoptr(PlxTheme) split = NULL;
  g_autoptr(PlxTheme) after = NULL;
  PlxTheme *theme;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  if (!ops_init (&ops, project, error) || (theme = require (&ops, uuid, error)) == NULL ||
      (clean = new_name (&ops, new_name_typed, NULL, error)) == NULL)
    return NULL;
  if (annotation_uuids == NULL || annotation_uuids[0] == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("Choose at least one passage of “%s” to split off"), plx_theme_get_name (theme));
      return NULL;
    }
  for (guint i = 0; annotation_uuids[i] != NULL; i++)
    {
      g_autoptr(PlxAnnotation) annotation = plx_project_get_annotation (project, annotation_uuids[i], error);

      if (annotation == NULL)
        return NULL;
      if (!g_strv_contains (plx_annotation_get_themes (annotation), plx_theme_get_name (theme)))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("Passage %s is not tagged with “%s”"),
                       annotation_uuids[i], plx_theme_get_name (theme));
          return NULL;
        }
      g_hash_table_add (only, (gpointer) annotation_uuids[i]);
    }

  for (const char * const *e = plx_theme_get_examples (theme); *e != NULL; e++)
    g_ptr_array_add (g_hash_table_contains (only, *e) ? moving : kept, (gpointer) *e);
  g_ptr_array_add (kept, NULL);
  g_ptr_array_add (moving, NULL);

  split = plx_theme_new (NULL, clean);
  plx_theme_set_parent_uuid (split, plx_theme_get_parent_uuid (theme));
  plx_theme_set_examples (split, (const char * const *) moving->pdata);
  plx_change_set_add_theme (ops.changes, NULL, split);
  after = plx_theme_copy (theme);
  plx_theme_set_examples (after, (const char * const *) kept->pdata);
  if (!plx_theme_equal (after, theme))
    plx_change_set_add_theme (ops.changes, theme, after);
  g_ptr_array_add (from, theme);
  if (!retag (&ops, from, clean, only, error))
    return NULL;
  if (created != NULL)
    *created = g_object_ref (split);
  return finish (&ops);
}

/* Removes the theme from every passage (which keep their other themes)
 * and from the codebook; its sub-themes go to its parent. Undone, it
 * comes back whole: definition, labels, examples, passages, sub-themes. */
PlxChangeSet *
plx_theme_changes_delete (PlxProject  *project,
                          const char  *uuid,
                          GError     **error)
{
  g_auto(Ops) ops = { 0, };
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  PlxTheme *theme;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  if (!ops_init (&ops, project, error) || (theme = require (&ops, uuid, error)) == NULL)
    return NULL;
  g_ptr_array_add (gone, theme);
  if (!retag (&ops, gone, NULL, NULL, error))
    return NULL;
  remove_themes (&ops, gone, find_uuid (ops.codebook, plx_theme_get_parent_uuid (theme)));
  return finish (&ops);
}
