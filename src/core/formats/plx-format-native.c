/* plx-format-native.c: Parallax's own JSON (docs/parallax-format.md):
 * every field, optionally the documents' text. Read by plx-importer.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-native"
#include <glib/gi18n-lib.h>

#include "plx-export-private.h"
#include "plx-attribute-ops.h"
#include "plx-memo-ops.h"
#include "plx-text.h"
#include "plx-theme-ops.h"

static JsonNode *
native_perspective (PlxPerspective *perspective)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _plx_export_add_string (builder, "name", plx_perspective_get_name (perspective));
  _plx_export_add_string (builder, "color", plx_perspective_get_color (perspective));
  _plx_export_add_int (builder, "order", plx_perspective_get_position (perspective));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
native_document (PlxDocument    *document,
                 PlxExportFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _plx_export_add_int (builder, "id", plx_document_get_id (document));
  _plx_export_add_string (builder, "title", plx_document_get_title (document));
  _plx_export_add_string (builder, "content_hash", plx_document_get_content_hash (document));
  _plx_export_add_int (builder, "length", plx_document_get_length (document));
  _plx_export_add_string (builder, "format", plx_document_format_to_string (plx_document_get_format (document)));
  if (flags & PLX_EXPORT_FLAGS_INCLUDE_TEXT)
    _plx_export_add_string (builder, "source", plx_document_get_source (document));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* One annotation as the native format writes it; `parallax-cli list`
 * prints the same objects. */
JsonNode *
plx_export_annotation_to_json (PlxProject    *project,
                               PlxAnnotation *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *themes = plx_annotation_get_themes (a);

  json_builder_begin_object (builder);
  _plx_export_add_string (builder, "uuid", plx_annotation_get_uuid (a));
  _plx_export_add_int (builder, "document", plx_annotation_get_document_id (a));
  _plx_export_add_int (builder, "start", plx_annotation_get_start (a));
  _plx_export_add_int (builder, "end", plx_annotation_get_end (a));
  _plx_export_add_string (builder, "quote", plx_annotation_get_quote (a));
  _plx_export_add_string (builder, "prefix", plx_annotation_get_prefix (a));
  _plx_export_add_string (builder, "suffix", plx_annotation_get_suffix (a));
  _plx_export_add_string (builder, "perspective", _plx_export_perspective_name (project, plx_annotation_get_perspective_id (a)));
  json_builder_set_member_name (builder, "themes");
  json_builder_begin_array (builder);
  for (guint t = 0; themes[t] != NULL; t++)
    json_builder_add_string_value (builder, themes[t]);
  json_builder_end_array (builder);
  _plx_export_add_string (builder, "note", plx_annotation_get_note (a));
  _plx_export_add_string (builder, "author", plx_annotation_get_author (a));
  _plx_export_add_string (builder, "created", plx_annotation_get_created (a));
  _plx_export_add_string (builder, "modified", plx_annotation_get_modified (a));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Themes of the exported annotations, in the project's order (most used
 * first). */
static JsonNode *
native_themes (PlxExport  *export,
               GError    **error)
{
  g_auto(GStrv) all = plx_project_list_themes (export->project, error);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < export->annotations->len; i++)
    {
      const char * const *themes = plx_annotation_get_themes (g_ptr_array_index (export->annotations, i));

      for (guint t = 0; themes[t] != NULL; t++)
        g_hash_table_add (used, (gpointer) themes[t]);
    }
  json_builder_begin_array (builder);
  for (guint i = 0; all[i] != NULL; i++)
    if (g_hash_table_contains (used, all[i]))
      json_builder_add_string_value (builder, all[i]);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* The whole codebook, parents before children. */
static JsonNode *
native_codebook (PlxExport  *export,
                 GError    **error)
{
  g_autoptr(GPtrArray) codebook = plx_project_list_codebook (export->project, error);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (codebook == NULL)
    return NULL;
  order = plx_codebook_dup_tree_order (codebook);
  json_builder_begin_array (builder);
  for (guint i = 0; i < order->len; i++)
    {
      json_builder_begin_object (builder);
      plx_theme_build_json (g_ptr_array_index (order, i), NULL, builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Every attribute, with the values of the exported documents by their id
 * in "documents"; none where the project keeps none (a team server). */
static JsonNode *
native_attributes (PlxExport  *export,
                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) attributes = plx_project_list_attributes (export->project, &local_error);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) exported = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = g_new0 (gint64, export->documents->len + 1);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  if (attributes == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (attributes != NULL && (values = plx_project_list_values (export->project, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < export->documents->len; i++)
    {
      ids[i] = plx_document_get_id (g_ptr_array_index (export->documents, i));
      g_hash_table_add (exported, &ids[i]);
    }
  for (guint a = 0; attributes != NULL && a < attributes->len; a++)
    {
      PlxAttribute *attribute = g_ptr_array_index (attributes, a);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, plx_attribute_get_uuid (attribute));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, plx_attribute_get_name (attribute));
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, plx_attribute_type_to_string (plx_attribute_get_value_type (attribute)));
      json_builder_set_member_name (builder, "values");
      json_builder_begin_object (builder);
      for (guint v = 0; v < values->len; v++)
        {
          PlxDocumentValue *value = g_ptr_array_index (values, v);
          gint64 id = plx_document_value_get_document_id (value);
          char key[24];

          if (g_strcmp0 (plx_document_value_get_attribute_uuid (value), plx_attribute_get_uuid (attribute)) != 0 ||
              !g_hash_table_contains (exported, &id))
            continue;
          g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, id);
          json_builder_set_member_name (builder, key);
          json_builder_add_string_value (builder, plx_document_value_get_value (value));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Every memo, naming what it is about as the file names things: a
 * document by its id in "documents" (memos about a document left out of
 * the export are left out too), a perspective by name, a theme by UUID. */
static JsonNode *
native_memos (PlxExport  *export,
              GError    **error)
{
  g_autoptr(GPtrArray) memos = plx_project_list_memos (export->project, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *perspectives = plx_project_get_perspectives (export->project);

  if (memos == NULL)
    return NULL;
  json_builder_begin_array (builder);
  for (guint i = 0; i < memos->len; i++)
    {
      PlxMemo *memo = g_ptr_array_index (memos, i);
      const char *target = plx_memo_get_target_uuid (memo);
      const char *about = NULL;
      gint64 document = 0;

      switch (plx_memo_get_kind (memo))
        {
        case PLX_MEMO_DOCUMENT:
          for (guint d = 0; d < export->documents->len; d++)
            if (g_strcmp0 (plx_document_get_uuid (g_ptr_array_index (export->documents, d)), target) == 0)
              document = plx_document_get_id (g_ptr_array_index (export->documents, d));
          if (document == 0)
            continue;
          break;
        case PLX_MEMO_PERSPECTIVE:
          for (guint p = 0; p < g_list_model_get_n_items (perspectives); p++)
            {
              g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, p);

              if (g_strcmp0 (plx_perspective_get_uuid (perspective), target) == 0)
                about = plx_perspective_get_name (perspective);  /* the project's list keeps it alive */
            }
          if (about == NULL)
            continue;
          break;
        case PLX_MEMO_THEME:
          about = target;
          break;
        case PLX_MEMO_PROJECT:
        case PLX_MEMO_FREE:
        default:
          break;
        }
      json_builder_begin_object (builder);
      plx_memo_build_json (memo, about, document, builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static gboolean
write_native (PlxExport        *export,
              PlxExportWriter  *w,
              GError          **error)
{
  GListModel *perspectives = plx_project_get_perspectives (export->project);
  g_autofree char *now = plx_text_now_iso8601 ();
  JsonNode *themes = native_themes (export, error);
  JsonNode *codebook = NULL;
  JsonNode *memos = NULL;
  JsonNode *attributes = NULL;

  if (themes == NULL || (codebook = native_codebook (export, error)) == NULL ||
      (memos = native_memos (export, error)) == NULL || (attributes = native_attributes (export, error)) == NULL)
    {
      g_clear_pointer (&themes, json_node_unref);
      g_clear_pointer (&codebook, json_node_unref);
      g_clear_pointer (&memos, json_node_unref);
      return FALSE;
    }

  _plx_export_write_str (w, "{\n");
  _plx_export_write_member (w, "format", _plx_export_string_node ("parallax"));
  _plx_export_write_member (w, "version", _plx_export_int_node (PLX_NATIVE_FORMAT_VERSION));
  _plx_export_write_member (w, "generator", _plx_export_string_node ("Parallax " PLX_VERSION));
  _plx_export_write_member (w, "exported", _plx_export_string_node (now));

  _plx_export_write_str (w, "  \"perspectives\": [");
  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);

      _plx_export_write_str (w, i == 0 ? "\n    " : ",\n    ");
      _plx_export_write_node (w, native_perspective (perspective));
    }
  _plx_export_write_str (w, "\n  ],\n");

  _plx_export_write_member (w, "themes", themes);
  _plx_export_write_member (w, "codebook", codebook);
  _plx_export_write_member (w, "memos", memos);
  _plx_export_write_member (w, "attributes", attributes);

  _plx_export_write_str (w, "  \"documents\": [");
  for (guint i = 0; i < export->documents->len; i++)
    {
      _plx_export_write_str (w, i == 0 ? "\n    " : ",\n    ");
      _plx_export_write_node (w, native_document (g_ptr_array_index (export->documents, i), export->flags));
    }
  _plx_export_write_str (w, "\n  ],\n");

  _plx_export_write_str (w, "  \"annotations\": [");
  for (guint i = 0; i < export->annotations->len && w->error == NULL; i++)
    {
      _plx_export_write_str (w, i == 0 ? "\n    " : ",\n    ");
      _plx_export_write_node (w, plx_export_annotation_to_json (export->project, g_ptr_array_index (export->annotations, i)));
    }
  _plx_export_write_str (w, "\n  ]\n}\n");
  return TRUE;
}

static const char * const extensions[] = { ".json", NULL };
static const char * const aliases[] = { "json", NULL };

const PlxFormat plx_format_native = {
  .id = "native",
  .name = N_("Parallax JSON"),
  .role = PLX_FORMAT_EXCHANGE,
  .abilities = PLX_FORMAT_CAN_IMPORT | PLX_FORMAT_CAN_EXPORT,
  .extensions = extensions,
  .mime_type = "application/json",
  .aliases = aliases,
  .export_format = PLX_EXPORT_FORMAT_NATIVE,
  .write = write_native,
};
