/* plx-exporter.c: loads and checks what is exported, then hands it to
 * the format's writer (formats/) through a streaming writer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-exporter"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "plx-error.h"
#include "plx-export-private.h"

#define DAMAGED_HINT N_("the project is damaged: check it, or salvage what it holds")

static void
writer_init (PlxExportWriter *w,
             GOutputStream   *stream,
             GCancellable    *cancellable)
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
writer_finish (PlxExportWriter  *w,
               GError          **error)
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

void
_plx_export_write_bytes (PlxExportWriter *w,
                         const char      *data,
                         gsize            length)
{
  if (w->error != NULL)
    return;
  g_output_stream_write_all (w->stream, data, length, NULL, w->cancellable, &w->error);
}

void
_plx_export_write_str (PlxExportWriter *w,
                       const char      *text)
{
  _plx_export_write_bytes (w, text, strlen (text));
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
void
_plx_export_write_node (PlxExportWriter *w,
                        JsonNode        *node)
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
  _plx_export_write_bytes (w, w->buffer->str, w->buffer->len);
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

void
_plx_export_write_member (PlxExportWriter *w,
                          const char      *name,
                          JsonNode        *value)
{
  _plx_export_write_str (w, "  \"");
  _plx_export_write_str (w, name);
  _plx_export_write_str (w, "\": ");
  _plx_export_write_node (w, value);
  _plx_export_write_str (w, ",\n");
}

JsonNode *
_plx_export_string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

JsonNode *
_plx_export_int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

void
_plx_export_add_string (JsonBuilder *builder,
                        const char  *name,
                        const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

void
_plx_export_add_int (JsonBuilder *builder,
                     const char  *name,
                     gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

const char *
_plx_export_perspective_name (PlxProject *project,
                              gint64      id)
{
  PlxPerspective *perspective = plx_project_find_perspective (project, id);

  return perspective ? plx_perspective_get_name (perspective) : "";
}

PlxDocument *
_plx_export_document (PlxExport *export,
                      gint64     document_id)
{
  return g_hash_table_lookup (export->by_id, &document_id);
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

static void
export_clear (PlxExport *export)
{
  g_clear_pointer (&export->documents, g_ptr_array_unref);
  g_clear_pointer (&export->by_id, g_hash_table_unref);
  g_clear_pointer (&export->annotations, g_ptr_array_unref);
}

static gboolean
export_load (PlxExport   *export,
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
  PlxExport export = { NULL, flags, NULL, NULL, NULL };
  PlxExportWriter w;
  gboolean ok;

  g_return_val_if_fail (PLX_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!export_load (&export, project, document_id, error))
    {
      export_clear (&export);
      return FALSE;
    }

  writer_init (&w, stream, cancellable);
  ok = plx_format_for_export (format)->write (&export, &w, error);
  export_clear (&export);
  if (!ok)
    {
      writer_finish (&w, NULL);
      return FALSE;
    }
  return writer_finish (&w, error);
}
