/* plx-theme-json.c: themes and memos as JSON objects, one shape for the
 * native format (docs/parallax-format.md) and `parallax-cli themes|memos
 * --format json`; and reading them back, every field checked.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-theme"

#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-memo-ops.h"
#include "plx-text.h"
#include "plx-theme-ops.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* The members of @theme, inside an object the caller began. */
void
plx_theme_build_json (PlxTheme    *theme,
                      GPtrArray   *codebook,
                      JsonBuilder *builder)
{
  g_auto(GStrv) langs = plx_theme_dup_label_languages (theme);

  add_string (builder, "uuid", plx_theme_get_uuid (theme));
  add_string (builder, "name", plx_theme_get_name (theme));
  if (codebook != NULL)
    {
      g_autofree char *path = plx_codebook_dup_path (codebook, theme);
      add_string (builder, "path", path);
    }
  json_builder_set_member_name (builder, "parent");
  if (plx_theme_get_parent_uuid (theme) != NULL)
    json_builder_add_string_value (builder, plx_theme_get_parent_uuid (theme));
  else
    json_builder_add_null_value (builder);
  add_string (builder, "definition", plx_theme_get_description (theme));
  add_string (builder, "inclusion", plx_theme_get_inclusion (theme));
  add_string (builder, "exclusion", plx_theme_get_exclusion (theme));
  add_string (builder, "color", plx_theme_get_color (theme));
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (guint i = 0; langs[i] != NULL; i++)
    add_string (builder, langs[i], plx_theme_get_label (theme, langs[i]));
  json_builder_end_object (builder);
  add_strv (builder, "examples", plx_theme_get_examples (theme));
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, plx_theme_get_revision (theme));
}

/* Reading: @where names the object for messages ("codebook[3]"). */

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             gboolean     required,
             const char  *where,
             const char **value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = "";
  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    {
      if (!required)
        return TRUE;
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: “%s” is missing"), where, member);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: “%s” must be a string"), where, member);
      return FALSE;
    }
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_strv (JsonObject  *object,
           const char  *member,
           const char  *where,
           GStrv       *value,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: “%s” must be an array of strings"), where,
                       member);
          return FALSE;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
              !g_uuid_string_is_valid (json_node_get_string (item)))
            {
              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: “%s”[%u] must be a UUID"), where, member,
                           i);
              return FALSE;
            }
          g_strv_builder_add (builder, json_node_get_string (item));
        }
    }
  *value = g_strv_builder_end (builder);
  return TRUE;
}

static guint
read_revision (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "revision");

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) > 0 && json_node_get_int (node) < G_MAXUINT)
    return (guint) json_node_get_int (node);
  return 1;
}

/* (transfer full): the theme in @node, or NULL with an error naming
 * @where and the member */
PlxTheme *
plx_theme_new_from_json (JsonNode    *node,
                         const char  *where,
                         GError     **error)
{
  JsonObject *object;
  const char *uuid, *name, *parent, *definition, *inclusion, *exclusion, *color;
  g_auto(GStrv) examples = NULL;
  g_autoptr(PlxTheme) theme = NULL;
  JsonNode *labels;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: a theme must be an object"), where);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!read_string (object, "uuid", TRUE, where, &uuid, error) ||
      !read_string (object, "name", TRUE, where, &name, error) ||
      !read_string (object, "parent", FALSE, where, &parent, error) ||
      !read_string (object, "definition", FALSE, where, &definition, error) ||
      !read_string (object, "inclusion", FALSE, where, &inclusion, error) ||
      !read_string (object, "exclusion", FALSE, where, &exclusion, error) ||
      !read_string (object, "color", FALSE, where, &color, error) ||
      !read_strv (object, "examples", where, &examples, error))
    return NULL;
  if (!g_uuid_string_is_valid (uuid) || (*parent != '\0' && !g_uuid_string_is_valid (parent)))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: “uuid” and “parent” must be UUIDs"), where);
      return NULL;
    }
  if (*name == '\0')
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: a theme’s name cannot be empty"), where);
      return NULL;
    }
  theme = plx_theme_new (uuid, name);
  plx_theme_set_parent_uuid (theme, parent);
  plx_theme_set_description (theme, definition);
  plx_theme_set_inclusion (theme, inclusion);
  plx_theme_set_exclusion (theme, exclusion);
  plx_theme_set_color (theme, color);
  plx_theme_set_examples (theme, (const char * const *) examples);
  plx_theme_set_revision (theme, read_revision (object));
  labels = json_object_get_member (object, "labels");
  if (labels != NULL && !JSON_NODE_HOLDS_NULL (labels))
    {
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (labels))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: “labels” must be an object"), where);
          return NULL;
        }
      members = json_object_get_members (json_node_get_object (labels));
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *label;

          if (!plx_theme_label_language_is_known (l->data))
            {
              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                           _("%s: a label in “%s”; labels are in en, ru, hy or az"), where, (const char *) l->data);
              return NULL;
            }
          if (!read_string (json_node_get_object (labels), l->data, TRUE, where, &label, error))
            return NULL;
          plx_theme_set_label (theme, l->data, label);
        }
    }
  return g_steal_pointer (&theme);
}

/* The members of @memo, inside an object the caller began. "about" names
 * what the memo is about as the native format names things: a document by
 * its id, a perspective by its name, a theme by its UUID; project and
 * free memos have none. */
void
plx_memo_build_json (PlxMemo     *memo,
                     const char  *about,
                     gint64       about_document,
                     JsonBuilder *builder)
{
  add_string (builder, "uuid", plx_memo_get_uuid (memo));
  add_string (builder, "kind", plx_memo_kind_to_string (plx_memo_get_kind (memo)));
  json_builder_set_member_name (builder, "about");
  if (plx_memo_get_kind (memo) == PLX_MEMO_DOCUMENT && about_document > 0)
    json_builder_add_int_value (builder, about_document);
  else if (about != NULL)
    json_builder_add_string_value (builder, about);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "title", plx_memo_get_title (memo));
  add_string (builder, "body", plx_memo_get_body (memo));
  add_string (builder, "author", plx_memo_get_author (memo));
  add_string (builder, "created", plx_memo_get_created (memo));
  add_string (builder, "modified", plx_memo_get_modified (memo));
  add_strv (builder, "cites", plx_memo_get_citations (memo));
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, plx_memo_get_revision (memo));
}

/**
 * plx_memo_new_from_json:
 * @about: (out) (transfer none): what "about" holds, as text (a document
 *   id written as a number is given in decimal); NULL for none
 *
 * The memo's target is left empty: the caller resolves @about.
 */
PlxMemo *
plx_memo_new_from_json (JsonNode    *node,
                        const char  *where,
                        char       **about,
                        GError     **error)
{
  JsonObject *object;
  const char *uuid, *kind_name, *title, *body, *author, *created, *modified;
  g_auto(GStrv) cites = NULL;
  g_autoptr(PlxMemo) memo = NULL;
  PlxMemoKind kind;
  JsonNode *about_node;

  *about = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: a memo must be an object"), where);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!read_string (object, "uuid", TRUE, where, &uuid, error) ||
      !read_string (object, "kind", TRUE, where, &kind_name, error) ||
      !read_string (object, "title", FALSE, where, &title, error) ||
      !read_string (object, "body", FALSE, where, &body, error) ||
      !read_string (object, "author", FALSE, where, &author, error) ||
      !read_string (object, "created", TRUE, where, &created, error) ||
      !read_string (object, "modified", TRUE, where, &modified, error) ||
      !read_strv (object, "cites", where, &cites, error))
    return NULL;
  if (!g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: “uuid” must be a UUID"), where);
      return NULL;
    }
  if (!plx_memo_kind_from_string (kind_name, &kind))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                   _("%s: “kind” must be project, document, perspective, theme or free, not “%s”"), where, kind_name);
      return NULL;
    }
  if (!plx_text_is_iso8601 (created) || !plx_text_is_iso8601 (modified))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                   _("%s: “created” and “modified” must be ISO 8601 times"), where);
      return NULL;
    }
  about_node = json_object_get_member (object, "about");
  if (about_node != NULL && JSON_NODE_HOLDS_VALUE (about_node) &&
      json_node_get_value_type (about_node) == G_TYPE_INT64)
    *about = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (about_node));
  else if (about_node != NULL && JSON_NODE_HOLDS_VALUE (about_node) &&
           json_node_get_value_type (about_node) == G_TYPE_STRING)
    *about = g_strdup (json_node_get_string (about_node));
  else if (about_node != NULL && !JSON_NODE_HOLDS_NULL (about_node))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: “about” must be a string, a number or null"),
                   where);
      return NULL;
    }
  if ((kind == PLX_MEMO_PROJECT || kind == PLX_MEMO_FREE) != (*about == NULL))
    {
      if (*about != NULL)
        g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                     _("%s: a %s memo is about nothing in particular, so “about” must be null"), where, kind_name);
      else
        g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                     _("%s: a %s memo must say in “about” what it is about"), where, kind_name);
      g_clear_pointer (about, g_free);
      return NULL;
    }
  memo = plx_memo_new (uuid, kind, NULL);
  plx_memo_set_title (memo, title);
  plx_memo_set_body (memo, body);
  plx_memo_set_author (memo, author);
  plx_memo_set_created (memo, created);
  plx_memo_set_modified (memo, modified);
  plx_memo_set_citations (memo, (const char * const *) cites);
  plx_memo_set_revision (memo, read_revision (object));
  return g_steal_pointer (&memo);
}
