/* plx-importer.c: a file is read and checked whole before anything is
 * written, then written in one transaction; any error rolls it all back.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-importer"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "plx-error.h"
#include "plx-exporter.h"
#include "plx-format.h"
#include "plx-anchor.h"
#include "plx-import-codebook.h"
#include "plx-import-input.h"
#include "plx-import-perspectives.h"
#include "plx-importer-private.h"
#include "plx-project-private.h"
#include "plx-text.h"
#include "formats/plx-qdpx-private.h"


static void
file_document_free (gpointer data)
{
  FileDocument *d = data;

  g_free (d->key);
  g_free (d->path);
  g_free (d->title);
  g_free (d->content_hash);
  g_free (d->source);
  g_clear_object (&d->resolved);
  g_free (d);
}

static void
incoming_free (gpointer data)
{
  Incoming *in = data;

  g_free (in->path);
  g_free (in->uuid);
  g_free (in->quote);
  g_free (in->prefix);
  g_free (in->suffix);
  g_free (in->perspective);
  g_strfreev (in->themes);
  g_free (in->note);
  g_free (in->author);
  g_free (in->created);
  g_free (in->modified);
  g_free (in);
}

void
plx_import_report_free (PlxImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->orphans, g_ptr_array_unref);
  g_clear_pointer (&report->notices, g_ptr_array_unref);
  g_free (report);
}

/* ---- paths and errors ---- */

gsize
_plx_import_push_member (Importer   *im,
                         const char *member)
{
  gsize mark = im->path->len;

  if (im->path->len > 0)
    g_string_append_c (im->path, '.');
  g_string_append (im->path, member);
  return mark;
}

gsize
_plx_import_push_index (Importer *im,
                        guint     index)
{
  gsize mark = im->path->len;

  g_string_append_printf (im->path, "[%u]", index);
  return mark;
}

void
_plx_import_pop (Importer *im,
                 gsize     mark)
{
  g_string_truncate (im->path, mark);
}

/* Every error names the file and, below the top level, the JSON path. */
G_GNUC_PRINTF (4, 5)
gboolean
_plx_import_fail (Importer    *im,
                  GError     **error,
                  int          code,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (im->path->len > 0)
    g_set_error (error, PLX_ERROR, code, "%s: %s: %s", im->name, im->path->str, message);
  else
    g_set_error (error, PLX_ERROR, code, "%s: %s", im->name, message);
  return FALSE;
}

const char *
_plx_import_node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("a boolean");
        default:
          return _("a number");
        }
    }
}

gboolean
_plx_import_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
_plx_import_is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* RFC 3987 in the small: a scheme, a colon, and no white space; enough to
 * tell an IRI from prose. */
gboolean
_plx_import_is_iri (const char *text)
{
  const char *p = text;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  if (*p != ':')
    return FALSE;
  for (; *p; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

GDateTime *
_plx_import_parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (text, utc);
}

/* Checks @member of @object with @check, with the path pointing at it. */
gboolean
_plx_import_check_member (Importer    *im,
                          JsonObject  *object,
                          const char  *member,
                          NodeCheck    check,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gsize mark;
  gboolean ok;

  if (node == NULL)
    return TRUE;
  mark = _plx_import_push_member (im, member);
  ok = check (im, node, error);
  _plx_import_pop (im, mark);
  return ok;
}

/* Applies @check to @node, or to each element when it is an array. */
gboolean
_plx_import_check_each (Importer   *im,
                        JsonNode   *node,
                        NodeCheck   check,
                        GError    **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return check (im, node, error);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize mark = _plx_import_push_index (im, i);
      gboolean ok = check (im, json_array_get_element (array, i), error);

      _plx_import_pop (im, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ---- native ---- */

typedef enum {
  FIELD_OPTIONAL = 0,
  FIELD_REQUIRED = 1,
} FieldNeed;

/* Reads @member of @object as a string; absent optional members give
 * @fallback. */
static gboolean
native_string (Importer    *im,
               JsonObject  *object,
               const char  *member,
               FieldNeed    need,
               const char  *fallback,
               char       **out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gsize mark;
  gboolean ok = TRUE;

  if (node == NULL)
    {
      if (need == FIELD_REQUIRED)
        return invalid (im, error, _("“%s” is missing"), member);
      *out = g_strdup (fallback);
      return TRUE;
    }
  mark = _plx_import_push_member (im, member);
  if (!_plx_import_is_string (node))
    ok = invalid (im, error, _("must be a string, not %s"), _plx_import_node_kind (node));
  else
    *out = g_strdup (json_node_get_string (node));
  _plx_import_pop (im, mark);
  return ok;
}

static gboolean
native_uint (Importer    *im,
             JsonObject  *object,
             const char  *member,
             gint64       min,
             gint64      *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gsize mark;
  gboolean ok = TRUE;

  if (node == NULL)
    return invalid (im, error, _("“%s” is missing"), member);
  mark = _plx_import_push_member (im, member);
  if (!_plx_import_is_integer (node) || json_node_get_int (node) < min || json_node_get_int (node) > G_MAXUINT)
    ok = invalid (im, error, _("must be a whole number from %" PRId64 " to %u"), min, G_MAXUINT);
  else
    *out = json_node_get_int (node);
  _plx_import_pop (im, mark);
  return ok;
}

static JsonArray *
native_array (Importer    *im,
              JsonObject  *object,
              const char  *member,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return (invalid (im, error, _("“%s” is missing"), member), NULL);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      gsize mark = _plx_import_push_member (im, member);
      invalid (im, error, _("must be an array, not %s"), _plx_import_node_kind (node));
      _plx_import_pop (im, mark);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
native_object (Importer   *im,
               JsonNode   *node,
               GError    **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return (invalid (im, error, _("must be an object, not %s"), _plx_import_node_kind (node)), NULL);
  return json_node_get_object (node);
}

static gboolean
native_time (Importer    *im,
             JsonObject  *object,
             const char  *member,
             char       **out,
             GError     **error)
{
  if (!native_string (im, object, member, FIELD_REQUIRED, NULL, out, error))
    return FALSE;
  if (!plx_text_is_iso8601 (*out))
    {
      gsize mark = _plx_import_push_member (im, member);
      invalid (im, error, _("“%s” is not an ISO 8601 date and time with a zone, e.g. 2024-05-01T12:00:00.000Z"), *out);
      _plx_import_pop (im, mark);
      return FALSE;
    }
  return TRUE;
}

static gboolean
native_perspective (Importer    *im,
                    JsonNode    *node,
                    GError     **error)
{
  JsonObject *object = native_object (im, node, error);
  PlxFilePerspective *p;
  gint64 order = 0;

  if (object == NULL)
    return FALSE;
  p = g_new0 (PlxFilePerspective, 1);
  p->index = im->perspectives->len;
  g_ptr_array_add (im->perspectives, p);
  if (!native_string (im, object, "name", FIELD_REQUIRED, NULL, &p->name, error) ||
      !native_string (im, object, "color", FIELD_OPTIONAL, NULL, &p->color, error))
    return FALSE;
  if (*g_strstrip (p->name) == '\0')
    return invalid (im, error, _("a perspective needs a name"));
  if (p->color != NULL && !plx_perspective_color_is_valid (p->color))
    {
      gsize mark = _plx_import_push_member (im, "color");
      invalid (im, error, _("“%s” is not a colour; write it as #rrggbb"), p->color);
      _plx_import_pop (im, mark);
      return FALSE;
    }
  if (json_object_has_member (object, "order") && !native_uint (im, object, "order", 0, &order, error))
    return FALSE;
  p->order = (int) order;
  return TRUE;
}

static gboolean
is_sha256 (const char *text)
{
  gsize n = 0;

  for (; text[n]; n++)
    if (!g_ascii_isxdigit (text[n]))
      return FALSE;
  return n == 64;
}

static gboolean
native_document (Importer  *im,
                 JsonNode  *node,
                 GError   **error)
{
  JsonObject *object = native_object (im, node, error);
  g_autofree char *format = NULL;
  FileDocument *d;
  gint64 id = 0;

  if (object == NULL || !native_uint (im, object, "id", 1, &id, error))
    return FALSE;
  d = g_new0 (FileDocument, 1);
  d->key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  d->path = g_strdup (im->path->str);
  if (!g_hash_table_insert (im->documents, d->key, d))
    return invalid (im, error, _("the document id %" PRId64 " appears twice"), id);
  if (!native_string (im, object, "title", FIELD_REQUIRED, NULL, &d->title, error) ||
      !native_string (im, object, "content_hash", FIELD_REQUIRED, NULL, &d->content_hash, error) ||
      !native_string (im, object, "format", FIELD_OPTIONAL, "plain", &format, error) ||
      !native_string (im, object, "source", FIELD_OPTIONAL, NULL, &d->source, error))
    return FALSE;
  if (!is_sha256 (d->content_hash))
    {
      gsize mark = _plx_import_push_member (im, "content_hash");
      invalid (im, error, _("“%s” is not a SHA-256 hash (64 hexadecimal digits)"), d->content_hash);
      _plx_import_pop (im, mark);
      return FALSE;
    }
  if (!plx_document_format_from_string (format, &d->format))
    {
      gsize mark = _plx_import_push_member (im, "format");
      invalid (im, error, _("“%s” is not a document format; use plain or markdown"), format);
      _plx_import_pop (im, mark);
      return FALSE;
    }
  return TRUE;
}

static gboolean
native_themes (Importer    *im,
               JsonObject  *object,
               Incoming    *in,
               GError     **error)
{
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  JsonNode *node = json_object_get_member (object, "themes");
  JsonArray *array;
  gsize mark;

  if (node == NULL)
    {
      in->themes = g_new0 (char *, 1);
      return TRUE;
    }
  mark = _plx_import_push_member (im, "themes");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (im, error, _("must be an array of strings, not %s"), _plx_import_node_kind (node));
      _plx_import_pop (im, mark);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *theme = json_array_get_element (array, i);

      if (!_plx_import_is_string (theme))
        {
          gsize item = _plx_import_push_index (im, i);
          invalid (im, error, _("must be a string, not %s"), _plx_import_node_kind (theme));
          _plx_import_pop (im, item);
          _plx_import_pop (im, mark);
          return FALSE;
        }
      g_ptr_array_add (themes, (gpointer) json_node_get_string (theme));
    }
  _plx_import_pop (im, mark);
  g_ptr_array_add (themes, NULL);
  in->themes = g_strdupv ((char **) themes->pdata);
  return TRUE;
}

static gboolean
known_perspective (Importer   *im,
                   const char *name)
{
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  if (plx_project_find_perspective_by_name (im->project, name) != NULL)
    return TRUE;
  for (guint i = 0; i < im->perspectives->len; i++)
    {
      PlxFilePerspective *p = g_ptr_array_index (im->perspectives, i);
      g_autofree char *folded = g_utf8_casefold (p->name, -1);

      if (strcmp (folded, wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
native_annotation (Importer  *im,
                   JsonNode  *node,
                   GError   **error)
{
  JsonObject *object = native_object (im, node, error);
  g_autofree char *document_key = NULL;
  Incoming *in;
  gint64 document = 0, start = 0, end = 0;
  gsize mark;

  if (object == NULL)
    return FALSE;
  in = g_new0 (Incoming, 1);
  g_ptr_array_add (im->incoming, in);
  in->path = g_strdup (im->path->str);

  if (!native_string (im, object, "uuid", FIELD_REQUIRED, NULL, &in->uuid, error))
    return FALSE;
  if (!plx_text_is_uuid (in->uuid))
    {
      mark = _plx_import_push_member (im, "uuid");
      invalid (im, error, _("“%s” is not a UUID"), in->uuid);
      _plx_import_pop (im, mark);
      return FALSE;
    }
  /* UUIDs are the same whatever the case of their hex digits (RFC 4122). */
  {
    char *lower = g_ascii_strdown (in->uuid, -1);

    g_free (in->uuid);
    in->uuid = lower;
  }
  if (!native_uint (im, object, "document", 1, &document, error) ||
      !native_uint (im, object, "start", 0, &start, error) ||
      !native_uint (im, object, "end", 0, &end, error))
    return FALSE;
  document_key = g_strdup_printf ("%" G_GINT64_FORMAT, document);
  in->document = g_hash_table_lookup (im->documents, document_key);
  if (in->document == NULL)
    {
      mark = _plx_import_push_member (im, "document");
      invalid (im, error, _("there is no document %" PRId64 " in the file’s “documents”"), document);
      _plx_import_pop (im, mark);
      return FALSE;
    }
  if (start >= end)
    {
      mark = _plx_import_push_member (im, "end");
      invalid (im, error, _("must be greater than start (%" PRId64 ")"), start);
      _plx_import_pop (im, mark);
      return FALSE;
    }
  in->has_position = TRUE;
  in->start = (guint) start;
  in->end = (guint) end;

  if (!native_string (im, object, "quote", FIELD_REQUIRED, NULL, &in->quote, error) ||
      !native_string (im, object, "prefix", FIELD_OPTIONAL, "", &in->prefix, error) ||
      !native_string (im, object, "suffix", FIELD_OPTIONAL, "", &in->suffix, error) ||
      !native_string (im, object, "perspective", FIELD_REQUIRED, NULL, &in->perspective, error) ||
      !native_themes (im, object, in, error) ||
      !native_string (im, object, "note", FIELD_OPTIONAL, "", &in->note, error) ||
      !native_string (im, object, "author", FIELD_OPTIONAL, "", &in->author, error) ||
      !native_time (im, object, "created", &in->created, error) ||
      !native_time (im, object, "modified", &in->modified, error))
    return FALSE;
  if (*in->quote == '\0')
    {
      mark = _plx_import_push_member (im, "quote");
      invalid (im, error, _("the quote is empty"));
      _plx_import_pop (im, mark);
      return FALSE;
    }
  if (!known_perspective (im, in->perspective))
    {
      mark = _plx_import_push_member (im, "perspective");
      invalid (im, error, _("“%s” is neither in the file’s “perspectives” nor in the project"), in->perspective);
      _plx_import_pop (im, mark);
      return FALSE;
    }
  return _plx_import_remember_uuid (im, in->uuid, error);
}

/* Runs @read over each element of the array @member of @root. */
static gboolean
native_list (Importer    *im,
             JsonObject  *root,
             const char  *member,
             NodeCheck    read,
             GError     **error)
{
  JsonArray *array = native_array (im, root, member, error);
  gsize mark;

  if (array == NULL)
    return FALSE;
  mark = _plx_import_push_member (im, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize item = _plx_import_push_index (im, i);
      gboolean ok = read (im, json_array_get_element (array, i), error);

      _plx_import_pop (im, item);
      if (!ok)
        {
          _plx_import_pop (im, mark);
          return FALSE;
        }
    }
  _plx_import_pop (im, mark);
  return TRUE;
}

static gboolean
read_native (Importer  *im,
             JsonNode  *root,
             GError   **error)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *version = json_object_get_member (object, "version");

  if (!_plx_import_is_integer (version))
    return invalid (im, error, _("“version” must be a whole number"));
  /* json-glib reads a number too large for 64 bits as -1. */
  if (json_node_get_int (version) < 1)
    return invalid (im, error, _("“version” is not a version number (this Parallax reads version %d)"),
                    PLX_NATIVE_FORMAT_VERSION);
  if (json_node_get_int (version) > PLX_NATIVE_FORMAT_VERSION)
    return invalid (im, error, _("the file is in version %" PRId64 " of the Parallax format; "
                                 "this Parallax reads version %d (update Parallax to import it)"),
                    json_node_get_int (version), PLX_NATIVE_FORMAT_VERSION);
  return native_list (im, object, "perspectives", native_perspective, error) &&
         native_list (im, object, "documents", native_document, error) &&
         native_list (im, object, "annotations", native_annotation, error) &&
         _plx_import_read_codebook (im, object, error) &&
         _plx_import_read_attributes (im, object, error);
}

/* ---- writing ---- */

static gboolean
resolve_native_document (Importer      *im,
                         FileDocument  *d,
                         GError       **error)
{
  g_autoptr(PlxDocument) added = NULL;
  g_autoptr(GError) local_error = NULL;
  PlxDocument *found;

  found = _plx_import_project_document_by (im, d->content_hash, d->title);
  if (found != NULL)
    {
      d->resolved = g_object_ref (found);
      return TRUE;
    }

  g_string_assign (im->path, d->path);
  if (d->source == NULL)
    return _plx_import_fail (im, error, PLX_ERROR_NOT_FOUND,
                 _("the document “%s” (SHA-256 %.12s…) is not in this project, and the file does not carry its text "
                   "(export with the text included to bring it along)"),
                 d->title, d->content_hash);

  /* A file carries the text of a document read from a PDF or an office
   * file, not the file: that text is read as it is, line by line. */
  added = plx_document_new_from_data (d->source, strlen (d->source),
                                      plx_format_for_document (d->format)->text_source ? d->format
                                                                                        : PLX_DOCUMENT_FORMAT_PLAIN,
                                      d->title, &local_error);
  if (added == NULL)
    return invalid (im, error, _("the document’s text cannot be read: %s"), local_error->message);
  if (g_ascii_strcasecmp (plx_document_get_content_hash (added), d->content_hash) != 0)
    return invalid (im, error, _("the document’s text does not match its content_hash"));
  plx_document_set_title (added, d->title);
  if (!plx_project_add_document (im->project, added, error))
    return FALSE;
  g_ptr_array_add (im->project_documents, g_object_ref (added));
  im->report->documents_added++;
  d->resolved = g_steal_pointer (&added);
  return TRUE;
}

static gboolean
newer (const char *a,
       const char *b)
{
  g_autoptr(GDateTime) time_a = _plx_import_parse_time (a);
  g_autoptr(GDateTime) time_b = _plx_import_parse_time (b);

  return time_a != NULL && time_b != NULL && g_date_time_compare (time_a, time_b) > 0;
}

static gboolean
write_annotations (Importer  *im,
                   GError   **error)
{
  g_autoptr(GPtrArray) existing = plx_project_list_annotations (im->project, NULL, error);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (existing == NULL)
    return FALSE;
  /* Keyed in lower case, as incoming UUIDs are: a project may hold UUIDs
   * in upper case from before they were compared so. */
  for (guint i = 0; i < existing->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (existing, i);
      g_hash_table_insert (by_uuid, g_ascii_strdown (plx_annotation_get_uuid (a), -1), a);
    }

  for (guint i = 0; i < im->incoming->len; i++)
    {
      Incoming *in = g_ptr_array_index (im->incoming, i);
      g_autoptr(PlxAnnotation) annotation = NULL;
      g_autofree char *why = NULL;
      g_autoptr(GError) local_error = NULL;
      PlxAnnotation *old;
      PlxPerspective *perspective;
      guint start, end;

      PlxAnchor anchor = { in->quote, in->prefix, in->suffix, in->has_position, in->start, in->end };

      if (!plx_anchor_place (&anchor, in->document->resolved, &start, &end, &why))
        {
          g_ptr_array_add (im->report->orphans, g_strdup_printf ("%s (%s): %s", in->uuid, in->path, why));
          im->report->orphaned++;
          continue;
        }

      perspective = plx_project_find_perspective_by_name (im->project, in->perspective);
      annotation = g_object_new (PLX_TYPE_ANNOTATION, NULL);
      plx_annotation_set_uuid (annotation, in->uuid);
      plx_annotation_set_range (annotation, in->document->resolved, start, end);
      plx_annotation_set_perspective_id (annotation, plx_perspective_get_id (perspective));
      plx_annotation_set_themes (annotation, (const char * const *) in->themes);
      plx_annotation_set_note (annotation, in->note);
      plx_annotation_set_author (annotation, in->author);
      plx_annotation_set_times (annotation, in->created, in->modified);

      old = g_hash_table_lookup (by_uuid, in->uuid);
      if (old != NULL && plx_annotation_get_document_id (old) != plx_document_get_id (in->document->resolved))
        {
          /* The same UUID on a passage of another document is a collision,
           * not an edit: moving it would take the passage from its text. */
          g_ptr_array_add (im->report->orphans,
                           g_strdup_printf (_("%s (%s): this project already has the annotation in another document "
                                              "(%" PRId64 "); an import never moves an annotation to another document"),
                                            in->uuid, in->path, plx_annotation_get_document_id (old)));
          im->report->orphaned++;
          continue;
        }
      if (old != NULL)
        plx_annotation_set_uuid (annotation, plx_annotation_get_uuid (old));
      if (old != NULL && (plx_annotation_equal (old, annotation) || !newer (in->modified, plx_annotation_get_modified (old))))
        {
          im->report->skipped++;
          continue;
        }
      if (old != NULL ? !plx_project_update_annotation (im->project, annotation, &local_error)
                      : !plx_project_add_annotation (im->project, annotation, &local_error))
        {
          g_string_assign (im->path, in->path);
          return _plx_import_fail (im, error, local_error->code, "%s", local_error->message);
        }
      if (old != NULL)
        im->report->updated++;
      else
        im->report->added++;
    }
  return TRUE;
}

static gboolean
write_all (Importer  *im,
           GError   **error)
{
  GHashTableIter iter;
  gpointer value;

  if (im->report->format == PLX_IMPORT_FORMAT_NATIVE)
    {
      if (!_plx_import_native_perspectives (im->project, im->perspectives, &im->report->perspectives_added, error))
        return FALSE;
      g_hash_table_iter_init (&iter, im->documents);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (!resolve_native_document (im, value, error))
          return FALSE;
      /* The codebook before the passages, which name its themes; the
       * memos after them, which cite them. */
      if (!_plx_import_write_codebook (im, error))
        return FALSE;
    }
  else
    {
      for (guint i = 0; i < im->incoming->len; i++)
        {
          Incoming *in = g_ptr_array_index (im->incoming, i);

          if (!_plx_import_ensure_perspective (im->project, in->perspective, NULL,
                                               &im->report->perspectives_added, error))
            return FALSE;
        }
    }
  return write_annotations (im, error) && _plx_import_write_memos (im, error) &&
         _plx_import_write_attributes (im, error);
}

/* Refuses a file that would take the project past
 * PLX_IMPORT_MAX_PERSPECTIVES; counted before anything is written. */
static gboolean
check_perspective_count (Importer  *im,
                         GError   **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_sized_new (im->incoming->len);
  guint existing = g_list_model_get_n_items (plx_project_get_perspectives (im->project));
  guint added;

  for (guint i = 0; i < im->incoming->len; i++)
    g_ptr_array_add (names, ((Incoming *) g_ptr_array_index (im->incoming, i))->perspective);
  added = _plx_import_count_new_perspectives (im->project, im->perspectives, names);
  if (existing + added > PLX_IMPORT_MAX_PERSPECTIVES)
    return invalid (im, error, _("the file would add %u perspectives to the %u this project has; "
                                 "a project holds at most %d"),
                    added, existing, PLX_IMPORT_MAX_PERSPECTIVES);
  return TRUE;
}

/* ---- entry points ---- */

static PlxImportReport *
import (Importer    *im,
        const char  *data,
        gsize        length,
        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  gboolean ok;

  gsize skip;

  if (!_plx_import_check_input (im->name, data, length, &skip, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data + skip, (gssize) (length - skip), &local_error))
    {
      guint line = 0, column = 0;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT"; the reader
       * is told the line and column in words, and the file's name. */
      if (sscanf (local_error->message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
        {
          const char *what = local_error->message + consumed;

          if (g_str_has_prefix (what, "Parse error: "))
            what += strlen ("Parse error: ");
          return (invalid (im, error, _("not valid JSON at line %u, column %u: %s"), line, column, what), NULL);
        }
      return (invalid (im, error, _("not valid JSON: %s"), local_error->message), NULL);
    }

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object != NULL && json_object_has_member (object, "format"))
    {
      if (g_strcmp0 (_plx_import_member_string (object, "format"), "parallax") != 0)
        return (invalid (im, error, _("“format” must be “parallax”")), NULL);
      im->report->format = PLX_IMPORT_FORMAT_NATIVE;
    }
  else if ((root != NULL && JSON_NODE_HOLDS_ARRAY (root)) ||
           (object != NULL && (json_object_has_member (object, "@context") || json_object_has_member (object, "type"))))
    im->report->format = PLX_IMPORT_FORMAT_W3C;
  else
    return (invalid (im, error, _("this is neither a Parallax export (“format”: “parallax”) nor W3C Web Annotation JSON-LD")), NULL);

  im->project_documents = plx_project_list_documents (im->project, error);
  if (im->project_documents == NULL)
    return NULL;

  ok = im->report->format == PLX_IMPORT_FORMAT_NATIVE ? read_native (im, root, error) : _plx_import_read_w3c (im, root, error);
  g_string_truncate (im->path, 0);
  if (!ok || !check_perspective_count (im, error))
    return NULL;

  if (!_plx_project_begin (im->project, error))
    return NULL;
  _plx_project_set_bulk (im->project, TRUE);
  ok = write_all (im, error) && _plx_project_commit (im->project, error);
  if (!ok)
    {
      _plx_project_rollback (im->project);
      _plx_project_reload (im->project);
    }
  _plx_project_set_bulk (im->project, FALSE);
  return ok ? g_steal_pointer (&im->report) : NULL;
}

static PlxImportReport *
import_data (PlxProject              *project,
             const char              *name,
             const char              *data,
             gsize                    length,
             const PlxImportOptions  *options,
             GError                 **error)
{
  Importer im = { 0, };
  PlxImportReport *report;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  im.project = project;
  im.options = options;
  im.name = name;
  im.path = g_string_new (NULL);
  im.report = g_new0 (PlxImportReport, 1);
  im.report->orphans = g_ptr_array_new_with_free_func (g_free);
  im.incoming = g_ptr_array_new_with_free_func (incoming_free);
  im.uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.documents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, file_document_free);
  im.perspectives = g_ptr_array_new_with_free_func (_plx_file_perspective_free);

  report = import (&im, data ? data : "", length, error);

  g_string_free (im.path, TRUE);
  plx_import_report_free (im.report);
  g_ptr_array_unref (im.incoming);
  g_hash_table_unref (im.uuids);
  g_hash_table_unref (im.documents);
  g_ptr_array_unref (im.perspectives);
  g_clear_pointer (&im.project_documents, g_ptr_array_unref);
  g_free (im.external_next);
  _plx_import_codebook_clear (&im);
  _plx_import_attributes_clear (&im);
  return report;
}

PlxImportReport *
plx_import_data (PlxProject  *project,
                 const char  *name,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  return import_data (project, name, data, length, NULL, error);
}

PlxImportReport *
plx_import_file (PlxProject    *project,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return plx_import_file_with_options (project, file, NULL, cancellable, error);
}

/* A zip (a REFI-QDA project) or XML (a codebook) goes to the REFI-QDA
 * reader; anything else is JSON. */
static gboolean
is_refi_qda (const char *name,
             const char *data,
             gsize       length)
{
  const PlxFormat *by_name = plx_format_for_file_name (PLX_FORMAT_EXCHANGE, name);

  if (by_name == &plx_format_qdpx || by_name == &plx_format_qdc)
    return TRUE;
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return TRUE;
  for (gsize i = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return data[i] == '<' && g_strstr_len (data, (gssize) MIN (length, 4096), "QDA-XML") != NULL;
  return FALSE;
}

/**
 * plx_import_file_with_options:
 * @options: (nullable): for a REFI-QDA file: which codes are perspectives;
 *   for W3C annotations from other tools: their perspective and document
 */
PlxImportReport *
plx_import_file_with_options (PlxProject              *project,
                              GFile                   *file,
                              const PlxImportOptions  *options,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  contents = _plx_import_read_file (file, name, &length, cancellable, error);
  if (contents == NULL)
    return NULL;
  if (is_refi_qda (name, contents, length))
    return _plx_import_qdpx (project, name, contents, length, options, error);
  return import_data (project, name, contents, length, options, error);
}
