/* plx-exporter.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-exporter"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "plx-error.h"
#include "plx-exporter.h"
#include "plx-format.h"
#include "plx-text.h"

#define W3C_CONTEXT "http://www.w3.org/ns/anno.jsonld"
#define DAMAGED_HINT N_("the project is damaged: check it, or salvage what it holds")

/* Each annotation is generated on its own and written out at once, so an
 * export of 100,000 annotations never holds the whole JSON tree. */
typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  JsonGenerator *generator;
  GString       *buffer;
  GError        *error;
} Writer;

static void
writer_init (Writer        *w,
             GOutputStream *stream,
             GCancellable  *cancellable)
{
  w->stream = g_buffered_output_stream_new_sized (stream, 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (w->stream), FALSE);
  w->cancellable = cancellable;
  w->generator = json_generator_new ();
  w->buffer = g_string_sized_new (4096);
  w->error = NULL;
}

/* Flushes what is buffered; returns whether everything went well. */
static gboolean
writer_finish (Writer  *w,
               GError **error)
{
  if (w->error == NULL)
    g_output_stream_flush (w->stream, w->cancellable, &w->error);
  g_clear_object (&w->stream);
  g_clear_object (&w->generator);
  g_string_free (w->buffer, TRUE);
  if (w->error != NULL)
    {
      g_propagate_error (error, w->error);
      return FALSE;
    }
  return TRUE;
}

static void
write_bytes (Writer     *w,
             const char *data,
             gsize       length)
{
  if (w->error != NULL)
    return;
  g_output_stream_write_all (w->stream, data, length, NULL, w->cancellable, &w->error);
}

static void
write_str (Writer     *w,
           const char *text)
{
  write_bytes (w, text, strlen (text));
}

/* json-glib (1.6) writes U+001F raw, which strict parsers refuse, and
 * C1 controls such as U+009B, which terminals take as escape sequences.
 * Raw bytes below 0x20 in its output can only be inside strings, except
 * the line breaks of pretty printing: all are escaped. Returns FALSE when
 * the text is not valid UTF-8. */
static gboolean
escape_controls (GString *json)
{
  g_autoptr(GString) out = NULL;
  gsize done = 0;

  if (!g_utf8_validate_len (json->str, json->len, NULL))
    return FALSE;
  for (gsize i = 0; i < json->len; i++)
    {
      guchar c = (guchar) json->str[i];
      guint code;

      if (c < 0x20 && c != '\n')
        code = c;
      else if (c == 0xc2 && i + 1 < json->len && (guchar) json->str[i + 1] >= 0x80 && (guchar) json->str[i + 1] <= 0x9f)
        code = (guchar) json->str[i + 1];
      else
        continue;
      if (out == NULL)
        out = g_string_sized_new (json->len + 16);
      g_string_append_len (out, json->str + done, (gssize) (i - done));
      g_string_append_printf (out, "\\u%04x", code);
      i += code >= 0x80 ? 1 : 0;
      done = i + 1;
    }
  if (out != NULL)
    {
      g_string_append_len (out, json->str + done, (gssize) (json->len - done));
      g_string_assign (json, out->str);
    }
  return TRUE;
}

/* Writes @node on one line and takes it. */
static void
write_node (Writer   *w,
            JsonNode *node)
{
  g_string_truncate (w->buffer, 0);
  json_generator_set_root (w->generator, node);
  json_generator_to_gstring (w->generator, w->buffer);
  json_node_unref (node);
  if (!escape_controls (w->buffer) && w->error == NULL)
    {
      /* Checked before writing (export_load); kept as a last guard. */
      g_set_error (&w->error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("The project holds text that is not valid UTF-8 (%s)"), _(DAMAGED_HINT));
      return;
    }
  write_bytes (w, w->buffer->str, w->buffer->len);
}

char *
plx_export_json_to_string (JsonNode  *node,
                           gboolean   pretty,
                           GError   **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) json = g_string_new (NULL);

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_to_gstring (generator, json);
  if (!escape_controls (json))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("The project holds text that is not valid UTF-8 (%s)"), _(DAMAGED_HINT));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
write_member (Writer     *w,
              const char *name,
              JsonNode   *value)
{
  write_str (w, "  \"");
  write_str (w, name);
  write_str (w, "\": ");
  write_node (w, value);
  write_str (w, ",\n");
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static const char *
perspective_name (PlxProject *project,
                  gint64      id)
{
  PlxPerspective *perspective = plx_project_find_perspective (project, id);

  return perspective ? plx_perspective_get_name (perspective) : "";
}

/* ---- text a damaged project may hold ---- */

gboolean
plx_export_check_annotation (PlxAnnotation  *a,
                             GError        **error)
{
  const struct { const char *name; const char *value; } fields[] = {
    { "uuid", plx_annotation_get_uuid (a) },
    { "quote", plx_annotation_get_quote (a) },
    { "prefix", plx_annotation_get_prefix (a) },
    { "suffix", plx_annotation_get_suffix (a) },
    { "note", plx_annotation_get_note (a) },
    { "author", plx_annotation_get_author (a) },
    { "created", plx_annotation_get_created (a) },
    { "modified", plx_annotation_get_modified (a) },
  };
  const char * const *themes = plx_annotation_get_themes (a);
  const char *field = NULL;
  g_autofree char *uuid = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields) && field == NULL; i++)
    if (fields[i].value != NULL && !g_utf8_validate (fields[i].value, -1, NULL))
      field = fields[i].name;
  for (guint t = 0; themes[t] != NULL && field == NULL; t++)
    if (!g_utf8_validate (themes[t], -1, NULL))
      field = "themes";
  if (field == NULL)
    return TRUE;
  uuid = g_utf8_make_valid (plx_annotation_get_uuid (a), -1);
  g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
               _("The annotation %s has text that is not valid UTF-8 in its “%s” (%s)"), uuid, field, _(DAMAGED_HINT));
  return FALSE;
}

static gboolean
check_document (PlxDocument     *document,
                PlxExportFlags   flags,
                GError         **error)
{
  const char *field = NULL;

  if (!g_utf8_validate (plx_document_get_title (document), -1, NULL))
    field = "title";
  else if (!g_utf8_validate (plx_document_get_content_hash (document), -1, NULL))
    field = "content_hash";
  else if ((flags & PLX_EXPORT_FLAGS_INCLUDE_TEXT) && !g_utf8_validate (plx_document_get_source (document), -1, NULL))
    field = "source";
  else
    return TRUE;
  g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
               _("The document %" PRId64 " has text that is not valid UTF-8 in its “%s” (%s)"),
               plx_document_get_id (document), field, _(DAMAGED_HINT));
  return FALSE;
}

static gboolean
check_perspectives (PlxProject  *project,
                    GError     **error)
{
  GListModel *perspectives = plx_project_get_perspectives (project);

  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);

      if (!g_utf8_validate (plx_perspective_get_name (p), -1, NULL) ||
          !g_utf8_validate (plx_perspective_get_color (p), -1, NULL))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                       _("The perspective %" PRId64 " has a name or colour that is not valid UTF-8 (%s)"),
                       plx_perspective_get_id (p), _(DAMAGED_HINT));
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct {
  PlxProject     *project;
  PlxExportFlags  flags;
  GPtrArray      *documents;    /* PlxDocument, in id order */
  GHashTable     *by_id;        /* gint64 * → PlxDocument */
  GPtrArray      *annotations;
} Export;

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->documents, g_ptr_array_unref);
  g_clear_pointer (&export->by_id, g_hash_table_unref);
  g_clear_pointer (&export->annotations, g_ptr_array_unref);
}

static gboolean
export_load (Export      *export,
             PlxProject  *project,
             gint64       document_id,
             GError     **error)
{
  PlxAnnotationQuery query = { document_id, 0, NULL };

  export->project = project;
  if (document_id != 0)
    {
      PlxDocument *document = plx_project_load_document (project, document_id, error);

      if (document == NULL)
        return FALSE;
      export->documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (export->documents, document);
    }
  else if ((export->documents = plx_project_list_documents (project, error)) == NULL)
    return FALSE;

  if (!check_perspectives (project, error))
    return FALSE;
  export->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < export->documents->len; i++)
    {
      PlxDocument *document = g_ptr_array_index (export->documents, i);
      gint64 id = plx_document_get_id (document);

      if (!check_document (document, export->flags, error))
        return FALSE;

      g_hash_table_insert (export->by_id, g_memdup2 (&id, sizeof id), document);
    }

  export->annotations = plx_project_list_annotations (project, &query, error);
  if (export->annotations == NULL)
    return FALSE;

  /* Only a damaged or hostile project has these; every format names the
   * document, so it is refused before anything is written. */
  for (guint i = 0; i < export->annotations->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (export->annotations, i);
      gint64 id = plx_annotation_get_document_id (a);

      if (!plx_export_check_annotation (a, error))
        return FALSE;
      if (!g_hash_table_contains (export->by_id, &id))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                       _("The annotation %s belongs to document %" PRId64 ", which is not in the project; "
                         "nothing was exported (the project is damaged: check it, or salvage what it holds)"),
                       plx_annotation_get_uuid (a), id);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- native ---- */

static JsonNode *
native_perspective (PlxPerspective *perspective)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "name", plx_perspective_get_name (perspective));
  add_string (builder, "color", plx_perspective_get_color (perspective));
  add_int (builder, "order", plx_perspective_get_position (perspective));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
native_document (PlxDocument    *document,
                 PlxExportFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", plx_document_get_id (document));
  add_string (builder, "title", plx_document_get_title (document));
  add_string (builder, "content_hash", plx_document_get_content_hash (document));
  add_int (builder, "length", plx_document_get_length (document));
  add_string (builder, "format", plx_document_format_to_string (plx_document_get_format (document)));
  if (flags & PLX_EXPORT_FLAGS_INCLUDE_TEXT)
    add_string (builder, "source", plx_document_get_source (document));
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
  add_string (builder, "uuid", plx_annotation_get_uuid (a));
  add_int (builder, "document", plx_annotation_get_document_id (a));
  add_int (builder, "start", plx_annotation_get_start (a));
  add_int (builder, "end", plx_annotation_get_end (a));
  add_string (builder, "quote", plx_annotation_get_quote (a));
  add_string (builder, "prefix", plx_annotation_get_prefix (a));
  add_string (builder, "suffix", plx_annotation_get_suffix (a));
  add_string (builder, "perspective", perspective_name (project, plx_annotation_get_perspective_id (a)));
  json_builder_set_member_name (builder, "themes");
  json_builder_begin_array (builder);
  for (guint t = 0; themes[t] != NULL; t++)
    json_builder_add_string_value (builder, themes[t]);
  json_builder_end_array (builder);
  add_string (builder, "note", plx_annotation_get_note (a));
  add_string (builder, "author", plx_annotation_get_author (a));
  add_string (builder, "created", plx_annotation_get_created (a));
  add_string (builder, "modified", plx_annotation_get_modified (a));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Themes of the exported annotations, in the project's order (most used
 * first). */
static JsonNode *
native_themes (Export  *export,
               GError **error)
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

static gboolean
export_native (Export  *export,
               Writer  *w,
               GError **error)
{
  GListModel *perspectives = plx_project_get_perspectives (export->project);
  g_autofree char *now = plx_text_now_iso8601 ();
  JsonNode *themes = native_themes (export, error);

  if (themes == NULL)
    return FALSE;

  write_str (w, "{\n");
  write_member (w, "format", string_node ("parallax"));
  write_member (w, "version", int_node (PLX_NATIVE_FORMAT_VERSION));
  write_member (w, "generator", string_node ("Parallax " PLX_VERSION));
  write_member (w, "exported", string_node (now));

  write_str (w, "  \"perspectives\": [");
  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);

      write_str (w, i == 0 ? "\n    " : ",\n    ");
      write_node (w, native_perspective (perspective));
    }
  write_str (w, "\n  ],\n");

  write_member (w, "themes", themes);

  write_str (w, "  \"documents\": [");
  for (guint i = 0; i < export->documents->len; i++)
    {
      write_str (w, i == 0 ? "\n    " : ",\n    ");
      write_node (w, native_document (g_ptr_array_index (export->documents, i), export->flags));
    }
  write_str (w, "\n  ],\n");

  write_str (w, "  \"annotations\": [");
  for (guint i = 0; i < export->annotations->len && w->error == NULL; i++)
    {
      write_str (w, i == 0 ? "\n    " : ",\n    ");
      write_node (w, plx_export_annotation_to_json (export->project, g_ptr_array_index (export->annotations, i)));
    }
  write_str (w, "\n  ]\n}\n");
  return TRUE;
}

/* ---- W3C Web Annotation ---- */

static void
add_textual_body (JsonBuilder *builder,
                  const char  *purpose,
                  const char  *value)
{
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextualBody");
  add_string (builder, "purpose", purpose);
  add_string (builder, "value", value);
  add_string (builder, "format", "text/plain");
  json_builder_end_object (builder);
}

static JsonNode *
w3c_annotation (Export        *export,
                PlxAnnotation *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_strconcat ("urn:uuid:", plx_annotation_get_uuid (a), NULL);
  gint64 document_id = plx_annotation_get_document_id (a);
  PlxDocument *document = g_hash_table_lookup (export->by_id, &document_id);
  g_autofree char *source = g_strconcat ("urn:sha256:", plx_document_get_content_hash (document), NULL);
  const char * const *themes = plx_annotation_get_themes (a);

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "type", "Annotation");
  add_string (builder, "created", plx_annotation_get_created (a));
  add_string (builder, "modified", plx_annotation_get_modified (a));
  if (*plx_annotation_get_author (a) != '\0')
    {
      json_builder_set_member_name (builder, "creator");
      json_builder_begin_object (builder);
      add_string (builder, "type", "Person");
      add_string (builder, "name", plx_annotation_get_author (a));
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  add_textual_body (builder, "classifying", perspective_name (export->project, plx_annotation_get_perspective_id (a)));
  for (guint t = 0; themes[t] != NULL; t++)
    add_textual_body (builder, "tagging", themes[t]);
  if (*plx_annotation_get_note (a) != '\0')
    add_textual_body (builder, "commenting", plx_annotation_get_note (a));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_string (builder, "type", "SpecificResource");
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_string (builder, "id", source);
  add_string (builder, "type", "Text");
  add_string (builder, "dcterms:title", plx_document_get_title (document));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextQuoteSelector");
  add_string (builder, "exact", plx_annotation_get_quote (a));
  add_string (builder, "prefix", plx_annotation_get_prefix (a));
  add_string (builder, "suffix", plx_annotation_get_suffix (a));
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextPositionSelector");
  add_int (builder, "start", plx_annotation_get_start (a));
  add_int (builder, "end", plx_annotation_get_end (a));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* One AnnotationCollection whose first (and only) AnnotationPage embeds
 * every annotation: the file stands alone, with nothing to dereference. */
static gboolean
export_w3c (Export  *export,
            Writer  *w,
            GError **error)
{
  g_autofree char *collection_uuid = plx_text_new_uuid ();
  g_autofree char *page_uuid = plx_text_new_uuid ();
  g_autofree char *collection_id = g_strconcat ("urn:uuid:", collection_uuid, NULL);
  g_autofree char *page_id = g_strconcat ("urn:uuid:", page_uuid, NULL);
  g_autofree char *base = g_filename_display_basename (plx_project_get_path (export->project));
  g_autofree char *label = g_strdup_printf ("Parallax annotations of %s", base);
  g_autofree char *now = plx_text_now_iso8601 ();

  write_str (w, "{\n");
  write_member (w, "@context", string_node (W3C_CONTEXT));
  write_member (w, "id", string_node (collection_id));
  write_member (w, "type", string_node ("AnnotationCollection"));
  write_member (w, "label", string_node (label));
  write_member (w, "total", int_node (export->annotations->len));
  write_member (w, "created", string_node (now));
  write_str (w, "  \"first\": {\n    \"id\": ");
  write_node (w, string_node (page_id));
  write_str (w, ",\n    \"type\": \"AnnotationPage\",\n    \"startIndex\": 0,\n    \"items\": [");
  for (guint i = 0; i < export->annotations->len && w->error == NULL; i++)
    {
      write_str (w, i == 0 ? "\n      " : ",\n      ");
      write_node (w, w3c_annotation (export, g_ptr_array_index (export->annotations, i)));
    }
  write_str (w, "\n    ]\n  }\n}\n");
  return TRUE;
}

/* ---- CSV ---- */

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and
 * quotes inside are doubled; records end with CRLF. */
static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

static gboolean
export_csv (Export  *export,
            Writer  *w,
            GError **error)
{
  static const char *header[] = {
    "uuid", "document_id", "document_title", "start", "end", "perspective", "themes",
    "note", "author", "created", "modified", "quote", "prefix", "suffix",
  };
  GString *out = w->buffer;

  g_string_truncate (out, 0);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    csv_field (out, header[i], i + 1 == G_N_ELEMENTS (header));
  write_bytes (w, out->str, out->len);

  for (guint i = 0; i < export->annotations->len && w->error == NULL; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (export->annotations, i);
      gint64 document_id = plx_annotation_get_document_id (a);
      PlxDocument *document = g_hash_table_lookup (export->by_id, &document_id);
      g_autofree char *themes = g_strjoinv ("; ", (char **) plx_annotation_get_themes (a));
      char number[32];

      g_string_truncate (out, 0);
      csv_field (out, plx_annotation_get_uuid (a), FALSE);
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, document_id);
      csv_field (out, number, FALSE);
      csv_field (out, plx_document_get_title (document), FALSE);
      g_snprintf (number, sizeof number, "%u", plx_annotation_get_start (a));
      csv_field (out, number, FALSE);
      g_snprintf (number, sizeof number, "%u", plx_annotation_get_end (a));
      csv_field (out, number, FALSE);
      csv_field (out, perspective_name (export->project, plx_annotation_get_perspective_id (a)), FALSE);
      csv_field (out, themes, FALSE);
      csv_field (out, plx_annotation_get_note (a), FALSE);
      csv_field (out, plx_annotation_get_author (a), FALSE);
      csv_field (out, plx_annotation_get_created (a), FALSE);
      csv_field (out, plx_annotation_get_modified (a), FALSE);
      csv_field (out, plx_annotation_get_quote (a), FALSE);
      csv_field (out, plx_annotation_get_prefix (a), FALSE);
      csv_field (out, plx_annotation_get_suffix (a), TRUE);
      write_bytes (w, out->str, out->len);
    }
  return TRUE;
}

/* ---- entry points ---- */

/* Through the format registry, which knows each format's names. */
gboolean
plx_export_format_from_string (const char      *name,
                               PlxExportFormat *format)
{
  const PlxFormat *found = plx_format_find (name);

  if (found == NULL || !(found->abilities & PLX_FORMAT_CAN_EXPORT))
    return FALSE;
  *format = found->export_format;
  return TRUE;
}

const char *
plx_export_format_extension (PlxExportFormat format)
{
  return plx_format_for_export (format)->extensions[0];
}

gboolean
plx_export_to_stream (PlxProject       *project,
                      PlxExportFormat   format,
                      gint64            document_id,
                      PlxExportFlags    flags,
                      GOutputStream    *stream,
                      GCancellable     *cancellable,
                      GError          **error)
{
  Export export = { NULL, flags, NULL, NULL, NULL };
  Writer w;
  gboolean ok;

  g_return_val_if_fail (PLX_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!export_load (&export, project, document_id, error))
    {
      export_clear (&export);
      return FALSE;
    }

  writer_init (&w, stream, cancellable);
  switch (format)
    {
    case PLX_EXPORT_FORMAT_W3C:
      ok = export_w3c (&export, &w, error);
      break;
    case PLX_EXPORT_FORMAT_CSV:
      ok = export_csv (&export, &w, error);
      break;
    case PLX_EXPORT_FORMAT_NATIVE:
    default:
      ok = export_native (&export, &w, error);
      break;
    }
  export_clear (&export);
  if (!ok)
    {
      writer_finish (&w, NULL);
      return FALSE;
    }
  return writer_finish (&w, error);
}
