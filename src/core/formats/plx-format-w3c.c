/* plx-format-w3c.c: W3C Web Annotation JSON-LD, checked against the
 * model's MUSTs on import (plx-import-w3c.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-w3c"
#include <glib/gi18n-lib.h>

#include "plx-export-private.h"
#include "plx-text.h"

#define W3C_CONTEXT "http://www.w3.org/ns/anno.jsonld"

static void
add_textual_body (JsonBuilder *builder,
                  const char  *purpose,
                  const char  *value)
{
  json_builder_begin_object (builder);
  _plx_export_add_string (builder, "type", "TextualBody");
  _plx_export_add_string (builder, "purpose", purpose);
  _plx_export_add_string (builder, "value", value);
  _plx_export_add_string (builder, "format", "text/plain");
  json_builder_end_object (builder);
}

static JsonNode *
w3c_annotation (PlxExport     *export,
                PlxAnnotation *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_strconcat ("urn:uuid:", plx_annotation_get_uuid (a), NULL);
  gint64 document_id = plx_annotation_get_document_id (a);
  PlxDocument *document = _plx_export_document (export, document_id);
  g_autofree char *source = g_strconcat ("urn:sha256:", plx_document_get_content_hash (document), NULL);
  const char * const *themes = plx_annotation_get_themes (a);

  json_builder_begin_object (builder);
  _plx_export_add_string (builder, "id", id);
  _plx_export_add_string (builder, "type", "Annotation");
  _plx_export_add_string (builder, "created", plx_annotation_get_created (a));
  _plx_export_add_string (builder, "modified", plx_annotation_get_modified (a));
  if (*plx_annotation_get_author (a) != '\0')
    {
      json_builder_set_member_name (builder, "creator");
      json_builder_begin_object (builder);
      _plx_export_add_string (builder, "type", "Person");
      _plx_export_add_string (builder, "name", plx_annotation_get_author (a));
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  add_textual_body (builder, "classifying", _plx_export_perspective_name (export->project, plx_annotation_get_perspective_id (a)));
  for (guint t = 0; themes[t] != NULL; t++)
    add_textual_body (builder, "tagging", themes[t]);
  if (*plx_annotation_get_note (a) != '\0')
    add_textual_body (builder, "commenting", plx_annotation_get_note (a));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  _plx_export_add_string (builder, "type", "SpecificResource");
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  _plx_export_add_string (builder, "id", source);
  _plx_export_add_string (builder, "type", "Text");
  _plx_export_add_string (builder, "dcterms:title", plx_document_get_title (document));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  _plx_export_add_string (builder, "type", "TextQuoteSelector");
  _plx_export_add_string (builder, "exact", plx_annotation_get_quote (a));
  _plx_export_add_string (builder, "prefix", plx_annotation_get_prefix (a));
  _plx_export_add_string (builder, "suffix", plx_annotation_get_suffix (a));
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  _plx_export_add_string (builder, "type", "TextPositionSelector");
  _plx_export_add_int (builder, "start", plx_annotation_get_start (a));
  _plx_export_add_int (builder, "end", plx_annotation_get_end (a));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* One AnnotationCollection whose first (and only) AnnotationPage embeds
 * every annotation: the file stands alone, with nothing to dereference. */
static gboolean
write_w3c (PlxExport        *export,
           PlxExportWriter  *w,
           GError          **error)
{
  g_autofree char *collection_uuid = plx_text_new_uuid ();
  g_autofree char *page_uuid = plx_text_new_uuid ();
  g_autofree char *collection_id = g_strconcat ("urn:uuid:", collection_uuid, NULL);
  g_autofree char *page_id = g_strconcat ("urn:uuid:", page_uuid, NULL);
  g_autofree char *base = g_filename_display_basename (plx_project_get_path (export->project));
  g_autofree char *label = g_strdup_printf ("Parallax annotations of %s", base);
  g_autofree char *now = plx_text_now_iso8601 ();

  _plx_export_write_str (w, "{\n");
  _plx_export_write_member (w, "@context", _plx_export_string_node (W3C_CONTEXT));
  _plx_export_write_member (w, "id", _plx_export_string_node (collection_id));
  _plx_export_write_member (w, "type", _plx_export_string_node ("AnnotationCollection"));
  _plx_export_write_member (w, "label", _plx_export_string_node (label));
  _plx_export_write_member (w, "total", _plx_export_int_node (export->annotations->len));
  _plx_export_write_member (w, "created", _plx_export_string_node (now));
  _plx_export_write_str (w, "  \"first\": {\n    \"id\": ");
  _plx_export_write_node (w, _plx_export_string_node (page_id));
  _plx_export_write_str (w, ",\n    \"type\": \"AnnotationPage\",\n    \"startIndex\": 0,\n    \"items\": [");
  for (guint i = 0; i < export->annotations->len && w->error == NULL; i++)
    {
      _plx_export_write_str (w, i == 0 ? "\n      " : ",\n      ");
      _plx_export_write_node (w, w3c_annotation (export, g_ptr_array_index (export->annotations, i)));
    }
  _plx_export_write_str (w, "\n    ]\n  }\n}\n");
  return TRUE;
}

static const char * const extensions[] = { ".jsonld", NULL };
static const char * const aliases[] = { "jsonld", NULL };

const PlxFormat plx_format_w3c = {
  .id = "w3c",
  .name = N_("W3C Web Annotation (JSON-LD)"),
  .role = PLX_FORMAT_EXCHANGE,
  .abilities = PLX_FORMAT_CAN_IMPORT | PLX_FORMAT_CAN_EXPORT,
  .extensions = extensions,
  .mime_type = "application/ld+json",
  .aliases = aliases,
  .export_format = PLX_EXPORT_FORMAT_W3C,
  .write = write_w3c,
};
