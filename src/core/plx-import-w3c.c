/* plx-import-w3c.c: W3C Web Annotation JSON-LD, checked against the
 * model's MUSTs, then taken into Parallax's model.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-importer"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-importer-private.h"
#include "plx-project-private.h"
#include "plx-text.h"

/* ---- W3C Web Annotation: the model's MUSTs ---- */

static gboolean
check_single_string (Importer  *im,
                     JsonNode  *node,
                     GError   **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return invalid (im, error, _("must have one value, not several"));
  if (!_plx_import_is_string (node))
    return invalid (im, error, _("must be a string, not %s"), _plx_import_node_kind (node));
  return TRUE;
}

static gboolean
check_string (Importer  *im,
              JsonNode  *node,
              GError   **error)
{
  if (!_plx_import_is_string (node))
    return invalid (im, error, _("must be a string, not %s"), _plx_import_node_kind (node));
  return TRUE;
}

static gboolean
check_strings (Importer  *im,
               JsonNode  *node,
               GError   **error)
{
  return _plx_import_check_each (im, node, check_string, error);
}

static gboolean
check_iri (Importer  *im,
           JsonNode  *node,
           GError   **error)
{
  if (!_plx_import_is_string (node))
    return invalid (im, error, _("must be an IRI, not %s"), _plx_import_node_kind (node));
  if (!_plx_import_is_iri (json_node_get_string (node)))
    return invalid (im, error, _("“%s” is not an IRI"), json_node_get_string (node));
  return TRUE;
}

static gboolean
check_single_iri (Importer  *im,
                  JsonNode  *node,
                  GError   **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return invalid (im, error, _("must have exactly one IRI, not several"));
  return check_iri (im, node, error);
}

static gboolean
check_iris (Importer  *im,
            JsonNode  *node,
            GError   **error)
{
  return _plx_import_check_each (im, node, check_iri, error);
}

static gboolean
check_time (Importer  *im,
            JsonNode  *node,
            GError   **error)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (!check_single_string (im, node, error))
    return FALSE;
  parsed = _plx_import_parse_time (json_node_get_string (node));
  if (parsed == NULL)
    return invalid (im, error, _("“%s” is not a date and time (xsd:dateTime, e.g. 2015-01-28T12:00:00Z)"),
                    json_node_get_string (node));
  return TRUE;
}

static gboolean
check_agent (Importer  *im,
             JsonNode  *node,
             GError   **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _plx_import_check_member (im, json_node_get_object (node), "id", check_single_iri, error);
  if (_plx_import_is_string (node))
    return check_iri (im, node, error);
  return invalid (im, error, _("must be an IRI or an agent object, not %s"), _plx_import_node_kind (node));
}

static gboolean
check_agents (Importer  *im,
              JsonNode  *node,
              GError   **error)
{
  return _plx_import_check_each (im, node, check_agent, error);
}

static gboolean
check_text_direction (Importer  *im,
                      JsonNode  *node,
                      GError   **error)
{
  const char *value;

  if (!check_single_string (im, node, error))
    return FALSE;
  value = json_node_get_string (node);
  if (g_strcmp0 (value, "ltr") != 0 && g_strcmp0 (value, "rtl") != 0 && g_strcmp0 (value, "auto") != 0)
    return invalid (im, error, _("“%s” is not a text direction; use ltr, rtl or auto"), value);
  return TRUE;
}

static gboolean
check_type (Importer  *im,
            JsonNode  *node,
            GError   **error)
{
  return check_strings (im, node, error);
}

static gboolean
has_type (JsonObject *object,
          const char *type)
{
  JsonNode *node = json_object_get_member (object, "type");

  if (_plx_import_is_string (node))
    return g_strcmp0 (json_node_get_string (node), type) == 0;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (_plx_import_is_string (json_array_get_element (array, i)) &&
            g_strcmp0 (json_array_get_string_element (array, i), type) == 0)
          return TRUE;
    }
  return FALSE;
}

static gboolean
require (Importer    *im,
         JsonObject  *object,
         const char  *member,
         const char  *what,
         GError     **error)
{
  if (!json_object_has_member (object, member))
    return invalid (im, error, _("%s has no “%s”"), what, member);
  return TRUE;
}

static gboolean check_selector (Importer *im, JsonNode *node, GError **error);

static gboolean
check_non_negative (Importer  *im,
                    JsonNode  *node,
                    GError   **error)
{
  if (!_plx_import_is_integer (node) || json_node_get_int (node) < 0)
    return invalid (im, error, _("must be a whole number, 0 or more"));
  return TRUE;
}

/* Selectors and states share refinedBy, and a state may be refined by a
 * selector (model 4.3), so one function reads both. */
static gboolean
check_selector (Importer  *im,
                JsonNode  *node,
                GError   **error)
{
  JsonObject *object;

  if (_plx_import_is_string (node))
    return check_iri (im, node, error);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (im, error, _("must be an IRI or an object, not %s"), _plx_import_node_kind (node));
  object = json_node_get_object (node);

  if (!_plx_import_check_member (im, object, "id", check_single_iri, error) ||
      !_plx_import_check_member (im, object, "type", check_type, error))
    return FALSE;
  if (!json_object_has_member (object, "type") && !json_object_has_member (object, "id"))
    return invalid (im, error, _("a selector or state needs a “type”"));

  if (has_type (object, "FragmentSelector") || has_type (object, "CssSelector") ||
      has_type (object, "XPathSelector") || has_type (object, "HttpRequestState"))
    {
      if (!require (im, object, "value", _("this selector"), error) ||
          !_plx_import_check_member (im, object, "value", check_single_string, error))
        return FALSE;
    }
  if (has_type (object, "SvgSelector"))
    {
      if (!json_object_has_member (object, "id") && !json_object_has_member (object, "value"))
        return invalid (im, error, _("an SvgSelector needs an “id” or a “value”"));
      if (!_plx_import_check_member (im, object, "value", check_single_string, error))
        return FALSE;
    }
  if (has_type (object, "TextQuoteSelector"))
    {
      if (!require (im, object, "exact", _("a TextQuoteSelector"), error) ||
          !_plx_import_check_member (im, object, "exact", check_single_string, error) ||
          !_plx_import_check_member (im, object, "prefix", check_single_string, error) ||
          !_plx_import_check_member (im, object, "suffix", check_single_string, error))
        return FALSE;
    }
  if (has_type (object, "TextPositionSelector") || has_type (object, "DataPositionSelector"))
    {
      if (!require (im, object, "start", _("a position selector"), error) ||
          !require (im, object, "end", _("a position selector"), error) ||
          !_plx_import_check_member (im, object, "start", check_non_negative, error) ||
          !_plx_import_check_member (im, object, "end", check_non_negative, error))
        return FALSE;
    }
  /* Hypothesis exports Annotator's range (containers and offsets) under
   * this name; it is not used, the quote places the passage. */
  if (has_type (object, "RangeSelector") &&
      !(json_object_has_member (object, "startContainer") && json_object_has_member (object, "endContainer")))
    {
      if (!require (im, object, "startSelector", _("a RangeSelector"), error) ||
          !require (im, object, "endSelector", _("a RangeSelector"), error) ||
          !_plx_import_check_member (im, object, "startSelector", check_selector, error) ||
          !_plx_import_check_member (im, object, "endSelector", check_selector, error))
        return FALSE;
    }
  if (has_type (object, "TimeState"))
    {
      if (!_plx_import_check_member (im, object, "sourceDate", check_time, error) ||
          !_plx_import_check_member (im, object, "sourceDateStart", check_time, error) ||
          !_plx_import_check_member (im, object, "sourceDateEnd", check_time, error) ||
          !_plx_import_check_member (im, object, "cached", check_iris, error))
        return FALSE;
    }
  return _plx_import_check_member (im, object, "refinedBy", check_selector, error);
}

static gboolean
check_selectors (Importer  *im,
                 JsonNode  *node,
                 GError   **error)
{
  return _plx_import_check_each (im, node, check_selector, error);
}

static gboolean check_resource (Importer *im, JsonNode *node, GError **error);

static gboolean
check_resources (Importer  *im,
                 JsonNode  *node,
                 GError   **error)
{
  return _plx_import_check_each (im, node, check_resource, error);
}

static const char *composite_types[] = { "Choice", "List", "Composite", "Independents" };

/* Checks the properties any annotation, body or target may carry. */
static gboolean
check_common (Importer    *im,
              JsonObject  *object,
              GError     **error)
{
  return _plx_import_check_member (im, object, "created", check_time, error) &&
         _plx_import_check_member (im, object, "modified", check_time, error) &&
         _plx_import_check_member (im, object, "generated", check_time, error) &&
         _plx_import_check_member (im, object, "creator", check_agents, error) &&
         _plx_import_check_member (im, object, "generator", check_agents, error) &&
         _plx_import_check_member (im, object, "rights", check_iris, error) &&
         _plx_import_check_member (im, object, "via", check_iris, error) &&
         _plx_import_check_member (im, object, "canonical", check_single_iri, error);
}

/* A body or a target: an IRI, or an object describing a resource. */
static gboolean
check_resource (Importer  *im,
                JsonNode  *node,
                GError   **error)
{
  JsonObject *object;
  guint n_composite = 0;
  gboolean specific;

  if (_plx_import_is_string (node))
    return check_iri (im, node, error);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (im, error, _("must be an IRI or an object, not %s"), _plx_import_node_kind (node));
  object = json_node_get_object (node);

  if (!_plx_import_check_member (im, object, "id", check_single_iri, error) ||
      !_plx_import_check_member (im, object, "type", check_type, error) ||
      !_plx_import_check_member (im, object, "format", check_strings, error) ||
      !_plx_import_check_member (im, object, "language", check_strings, error) ||
      !_plx_import_check_member (im, object, "processingLanguage", check_single_string, error) ||
      !_plx_import_check_member (im, object, "textDirection", check_text_direction, error) ||
      !_plx_import_check_member (im, object, "purpose", check_strings, error) ||
      !_plx_import_check_member (im, object, "styleClass", check_strings, error) ||
      !_plx_import_check_member (im, object, "scope", check_iris, error) ||
      !check_common (im, object, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (composite_types); i++)
    n_composite += has_type (object, composite_types[i]);
  if (n_composite > 1)
    return invalid (im, error, _("may be only one of Choice, List, Composite and Independents"));
  if (n_composite == 1)
    {
      JsonNode *items = json_object_get_member (object, "items");

      if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items) || json_array_get_length (json_node_get_array (items)) == 0)
        return invalid (im, error, _("a Choice, List, Composite or Independents needs a non-empty “items” array"));
      return _plx_import_check_member (im, object, "items", check_resources, error);
    }
  if (json_object_has_member (object, "items"))
    return invalid (im, error, _("has “items” but is not a Choice, List, Composite or Independents"));

  if (has_type (object, "TextualBody"))
    {
      if (!require (im, object, "value", _("a TextualBody"), error))
        return FALSE;
    }
  if (!_plx_import_check_member (im, object, "value", check_single_string, error))
    return FALSE;

  specific = has_type (object, "SpecificResource") ||
             json_object_has_member (object, "source") ||
             json_object_has_member (object, "selector") ||
             json_object_has_member (object, "state") ||
             json_object_has_member (object, "renderedVia");
  if (specific)
    {
      if (!require (im, object, "source", _("a SpecificResource"), error) ||
          !_plx_import_check_member (im, object, "source", check_resource, error) ||
          !_plx_import_check_member (im, object, "selector", check_selectors, error) ||
          !_plx_import_check_member (im, object, "state", check_selectors, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_context (Importer  *im,
               JsonNode  *node,
               GError   **error)
{
  if (_plx_import_is_string (node) && g_strcmp0 (json_node_get_string (node), W3C_CONTEXT) == 0)
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (_plx_import_is_string (json_array_get_element (array, i)) &&
            g_strcmp0 (json_array_get_string_element (array, i), W3C_CONTEXT) == 0)
          return TRUE;
    }
  return invalid (im, error, _("must be or include %s"), W3C_CONTEXT);
}

static gboolean
check_header (Importer    *im,
              JsonObject  *object,
              const char  *type,
              gboolean     context_inherited,
              GError     **error)
{
  JsonNode *id = json_object_get_member (object, "id");

  if (!json_object_has_member (object, "@context") && !context_inherited)
    return invalid (im, error, _("has no “@context”; a Web Annotation must name %s"), W3C_CONTEXT);
  if (!_plx_import_check_member (im, object, "@context", check_context, error))
    return FALSE;
  if (id == NULL && g_strcmp0 (type, "Annotation") == 0)
    return invalid (im, error, _("has no “id”; an annotation must have exactly one IRI"));
  if (!_plx_import_check_member (im, object, "id", check_single_iri, error))
    return FALSE;
  if (!json_object_has_member (object, "type"))
    return invalid (im, error, _("has no “type”; it must be “%s”"), type);
  if (!_plx_import_check_member (im, object, "type", check_type, error))
    return FALSE;
  if (!has_type (object, type))
    {
      gsize mark = _plx_import_push_member (im, "type");
      gboolean ok = invalid (im, error, _("must be “%s”"), type);

      _plx_import_pop (im, mark);
      return ok;
    }
  return TRUE;
}

static gboolean
check_annotation (Importer    *im,
                  JsonNode    *node,
                  gboolean     context_inherited,
                  GError     **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (im, error, _("an annotation must be an object, not %s"), _plx_import_node_kind (node));
  object = json_node_get_object (node);

  if (!check_header (im, object, "Annotation", context_inherited, error))
    return FALSE;
  if (!json_object_has_member (object, "target"))
    return invalid (im, error, _("has no “target”; an annotation must say what it is about"));
  if (json_object_has_member (object, "body") && json_object_has_member (object, "bodyValue"))
    return invalid (im, error, _("has both “body” and “bodyValue”; it may have only one"));
  return _plx_import_check_member (im, object, "target", check_resources, error) &&
         _plx_import_check_member (im, object, "body", check_resources, error) &&
         _plx_import_check_member (im, object, "bodyValue", check_single_string, error) &&
         _plx_import_check_member (im, object, "motivation", check_strings, error) &&
         _plx_import_check_member (im, object, "stylesheet", check_agent, error) &&
         check_common (im, object, error);
}

static gboolean
check_annotations_in (Importer  *im,
                      JsonNode  *items,
                      gboolean   context_inherited,
                      GError   **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (items))
    return invalid (im, error, _("must be an array of annotations, not %s"), _plx_import_node_kind (items));
  array = json_node_get_array (items);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize mark = _plx_import_push_index (im, i);
      gboolean ok = check_annotation (im, json_array_get_element (array, i), context_inherited, error);

      _plx_import_pop (im, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_page (Importer  *im,
            JsonNode  *node,
            gboolean   context_inherited,
            GError   **error)
{
  JsonObject *object;
  JsonNode *next;
  gsize mark;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (im, error, _("an AnnotationPage must be an object, not %s"), _plx_import_node_kind (node));
  object = json_node_get_object (node);
  if (!check_header (im, object, "AnnotationPage", context_inherited, error) ||
      !require (im, object, "items", _("an AnnotationPage"), error) ||
      !_plx_import_check_member (im, object, "startIndex", check_non_negative, error) ||
      !_plx_import_check_member (im, object, "partOf", check_resource, error))
    return FALSE;

  mark = _plx_import_push_member (im, "items");
  ok = check_annotations_in (im, json_object_get_member (object, "items"), TRUE, error);
  _plx_import_pop (im, mark);
  if (!ok)
    return FALSE;

  next = json_object_get_member (object, "next");
  if (next == NULL)
    return TRUE;
  mark = _plx_import_push_member (im, "next");
  if (_plx_import_is_string (next))
    {
      ok = check_iri (im, next, error);
      if (ok && im->external_next == NULL)
        im->external_next = g_strdup (json_node_get_string (next));
    }
  else
    ok = check_page (im, next, TRUE, error);
  _plx_import_pop (im, mark);
  return ok;
}

static gboolean
check_collection (Importer  *im,
                  JsonNode  *node,
                  GError   **error)
{
  JsonObject *object = json_node_get_object (node);
  JsonNode *first;
  gsize mark;
  gboolean ok;

  if (!check_header (im, object, "AnnotationCollection", FALSE, error) ||
      !_plx_import_check_member (im, object, "label", check_strings, error) ||
      !_plx_import_check_member (im, object, "total", check_non_negative, error) ||
      !_plx_import_check_member (im, object, "last", check_resource, error) ||
      !check_common (im, object, error))
    return FALSE;

  first = json_object_get_member (object, "first");
  if (first == NULL)
    return TRUE;
  mark = _plx_import_push_member (im, "first");
  if (_plx_import_is_string (first))
    {
      ok = check_iri (im, first, error);
      if (ok && im->external_next == NULL)
        im->external_next = g_strdup (json_node_get_string (first));
    }
  else
    ok = check_page (im, first, TRUE, error);
  _plx_import_pop (im, mark);
  return ok;
}

/* ---- W3C Web Annotation: into Parallax's model ---- */

/* Ids that are not urn:uuid: get a UUID made from their text, so that
 * importing the same file twice finds the same annotations. */
static char *
uuid_for_id (const char *id)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;

  if (g_str_has_prefix (id, "urn:uuid:") && plx_text_is_uuid (id + 9))
    return g_ascii_strdown (id + 9, -1);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) id, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

PlxDocument *
_plx_import_project_document_by (Importer   *im,
                                 const char *hash,
                                 const char *title)
{
  PlxDocument *by_title = NULL;
  guint n_titled = 0;

  for (guint i = 0; i < im->project_documents->len; i++)
    {
      PlxDocument *document = g_ptr_array_index (im->project_documents, i);

      if (hash != NULL && g_ascii_strcasecmp (plx_document_get_content_hash (document), hash) == 0)
        return document;
      if (title != NULL && g_strcmp0 (plx_document_get_title (document), title) == 0)
        {
          by_title = document;
          n_titled++;
        }
    }
  /* Same title, other text: an edited version of the document; the quotes
   * decide where (and whether) each annotation still fits. */
  return n_titled == 1 ? by_title : NULL;
}

const char *
_plx_import_member_string (JsonObject *object,
                           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return _plx_import_is_string (node) ? json_node_get_string (node) : NULL;
}

/* The IRI a target is about: the target itself, its source, or its id. */
static const char *
target_source (JsonNode    *target,
               JsonObject **source_object)
{
  JsonObject *object;
  JsonNode *source;

  *source_object = NULL;
  if (_plx_import_is_string (target))
    return json_node_get_string (target);
  object = json_node_get_object (target);
  if (json_object_has_member (object, "items"))
    return target_source (json_array_get_element (json_object_get_array_member (object, "items"), 0), source_object);
  source = json_object_get_member (object, "source");
  if (source == NULL)
    return _plx_import_member_string (object, "id");
  if (_plx_import_is_string (source))
    return json_node_get_string (source);
  *source_object = json_node_get_object (source);
  return _plx_import_member_string (*source_object, "id");
}

static FileDocument *
w3c_document (Importer  *im,
              JsonNode  *target,
              GError   **error)
{
  JsonObject *source_object = NULL;
  const char *iri = target_source (target, &source_object);
  const char *title = NULL;
  FileDocument *document;
  PlxDocument *found;

  if (iri == NULL)
    return (invalid (im, error, _("the target names no document (it has no “source” or “id”)")), NULL);
  document = g_hash_table_lookup (im->documents, iri);
  if (document != NULL)
    return document;

  if (source_object != NULL)
    title = _plx_import_member_string (source_object, "dcterms:title") ? _plx_import_member_string (source_object, "dcterms:title")
                                                            : _plx_import_member_string (source_object, "title");
  found = _plx_import_project_document_by (im, g_str_has_prefix (iri, "urn:sha256:") ? iri + 11 : NULL, title);
  if (found == NULL)
    found = _plx_import_foreign_document (im, iri);
  if (found == NULL)
    {
      _plx_import_fail (im, error, PLX_ERROR_NOT_FOUND, _("points at %s, which is not a document of this project"), iri);
      return NULL;
    }

  document = g_new0 (FileDocument, 1);
  document->key = g_strdup (iri);
  document->path = g_strdup (im->path->str);
  document->title = g_strdup (plx_document_get_title (found));
  document->resolved = g_object_ref (found);
  g_hash_table_insert (im->documents, document->key, document);
  return document;
}

static gboolean
w3c_selectors (Importer  *im,
               JsonNode  *target,
               Incoming  *in,
               GError   **error)
{
  JsonNode *selectors = JSON_NODE_HOLDS_OBJECT (target) ? json_object_get_member (json_node_get_object (target), "selector") : NULL;
  JsonArray *array = NULL;
  guint n = 1;
  gboolean quoted = FALSE;

  if (selectors != NULL && JSON_NODE_HOLDS_ARRAY (selectors))
    {
      array = json_node_get_array (selectors);
      n = json_array_get_length (array);
    }
  for (guint i = 0; selectors != NULL && i < n; i++)
    {
      JsonNode *node = array ? json_array_get_element (array, i) : selectors;
      JsonObject *selector;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      selector = json_node_get_object (node);
      /* Selectors are alternatives: the first quote with its text is the
       * one used (a second one used to leak the first, found by fuzzing). */
      if (!quoted && has_type (selector, "TextQuoteSelector") && _plx_import_member_string (selector, "exact") != NULL)
        {
          const char *prefix = _plx_import_member_string (selector, "prefix");
          const char *suffix = _plx_import_member_string (selector, "suffix");

          in->quote = g_strdup (_plx_import_member_string (selector, "exact"));
          in->prefix = g_strdup (prefix ? prefix : "");
          in->suffix = g_strdup (suffix ? suffix : "");
          quoted = TRUE;
        }
      else if (has_type (selector, "TextPositionSelector"))
        {
          gint64 start = json_object_get_int_member (selector, "start");
          gint64 end = json_object_get_int_member (selector, "end");

          if (start < end && end <= G_MAXUINT)
            {
              in->has_position = TRUE;
              in->start = (guint) start;
              in->end = (guint) end;
            }
        }
    }
  if (!quoted || *in->quote == '\0')
    {
      gsize mark = _plx_import_push_member (im, "target");
      gboolean ok = _plx_import_fail (im, error, PLX_ERROR_INVALID_FILE,
                          _("has no TextQuoteSelector with the quoted text; Parallax needs it to place the annotation safely"));
      _plx_import_pop (im, mark);
      return ok;
    }
  return TRUE;
}

static char *
agent_name (JsonNode *node)
{
  JsonObject *object;

  if (node == NULL)
    return g_strdup ("");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) > 0
           ? agent_name (json_array_get_element (json_node_get_array (node), 0)) : g_strdup ("");
  if (_plx_import_is_string (node))
    return g_strdup (json_node_get_string (node));
  object = json_node_get_object (node);
  for (const char * const *key = (const char * const[]) { "name", "nickname", "id", NULL }; *key; key++)
    if (_plx_import_member_string (object, *key) != NULL)
      return g_strdup (_plx_import_member_string (object, *key));
  return g_strdup ("");
}

static gboolean
has_purpose (JsonObject *body,
             const char *purpose,
             const char *motivation)
{
  JsonNode *node = json_object_get_member (body, "purpose");

  if (node == NULL)
    return g_strcmp0 (motivation, purpose) == 0;
  if (_plx_import_is_string (node))
    return g_strcmp0 (json_node_get_string (node), purpose) == 0;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    if (g_strcmp0 (json_array_get_string_element (json_node_get_array (node), i), purpose) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
w3c_bodies (Importer    *im,
            JsonObject  *object,
            Incoming    *in,
            GError     **error)
{
  JsonNode *bodies = json_object_get_member (object, "body");
  const char *motivation = _plx_import_member_string (object, "motivation");
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  g_autoptr(GString) note = g_string_new (_plx_import_member_string (object, "bodyValue"));
  JsonArray *array = NULL;
  guint n = bodies != NULL;

  if (bodies != NULL && JSON_NODE_HOLDS_ARRAY (bodies))
    {
      array = json_node_get_array (bodies);
      n = json_array_get_length (array);
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = array ? json_array_get_element (array, i) : bodies;
      JsonObject *body;
      const char *value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      body = json_node_get_object (node);
      value = _plx_import_member_string (body, "value");
      if (value == NULL)
        continue;
      if (has_purpose (body, "classifying", motivation))
        {
          if (in->perspective != NULL)
            {
              gsize mark = _plx_import_push_member (im, "body");
              gboolean ok = invalid (im, error, _("has more than one body with purpose “classifying” (“%s” and “%s”); "
                                                  "a Parallax annotation has one perspective"),
                                     in->perspective, value);
              _plx_import_pop (im, mark);
              return ok;
            }
          in->perspective = g_strdup (value);
        }
      else if (has_purpose (body, "tagging", motivation))
        g_ptr_array_add (themes, (gpointer) value);
      else
        {
          if (note->len > 0)
            g_string_append (note, "\n\n");
          g_string_append (note, value);
        }
    }
  if (in->perspective == NULL && !_plx_import_foreign_perspective (im, in, error))
    return FALSE;
  if (*g_strstrip (in->perspective) == '\0')
    return invalid (im, error, _("has no TextualBody with purpose “classifying”; Parallax reads the perspective from it"));
  g_ptr_array_add (themes, NULL);
  in->themes = g_strdupv ((char **) themes->pdata);
  in->note = g_string_free (g_steal_pointer (&note), FALSE);
  return TRUE;
}

/* Times without a zone are taken as UTC and written out in full; others
 * are kept as written, so a round trip gives back the same strings. */
static char *
import_time (const char *text,
             const char *fallback)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *seconds = NULL;

  if (text == NULL)
    return g_strdup (fallback);
  if (plx_text_is_iso8601 (text))
    return g_strdup (text);
  parsed = _plx_import_parse_time (text);
  seconds = g_date_time_format (parsed, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (parsed) / 1000);
}

gboolean
_plx_import_remember_uuid (Importer    *im,
                           const char  *uuid,
                           GError     **error)
{
  const char *first = g_hash_table_lookup (im->uuids, uuid);

  if (first != NULL)
    return invalid (im, error, _("the annotation %s appears twice in the file (first at %s)"), uuid, first);
  g_hash_table_insert (im->uuids, g_strdup (uuid), g_strdup (im->path->str));
  return TRUE;
}

/* Whether a body says whose voice the passage is (Parallax's own files). */
static gboolean
has_classifying_body (JsonObject *object)
{
  JsonNode *bodies = json_object_get_member (object, "body");
  const char *motivation = _plx_import_member_string (object, "motivation");
  JsonArray *array = bodies != NULL && JSON_NODE_HOLDS_ARRAY (bodies) ? json_node_get_array (bodies) : NULL;
  guint n = array ? json_array_get_length (array) : bodies != NULL;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = array ? json_array_get_element (array, i) : bodies;

      if (JSON_NODE_HOLDS_OBJECT (node) && has_purpose (json_node_get_object (node), "classifying", motivation))
        return TRUE;
    }
  return FALSE;
}

static gboolean
w3c_annotation (Importer  *im,
                JsonNode  *node,
                GError   **error)
{
  JsonObject *object = json_node_get_object (node);
  JsonNode *target = json_object_get_member (object, "target");
  Incoming *in = g_new0 (Incoming, 1);
  g_autofree char *now = plx_text_now_iso8601 ();
  gsize mark;
  gboolean ok;

  g_ptr_array_add (im->incoming, in);
  in->path = g_strdup (im->path->str);

  /* Another tool's annotation asks for a perspective before anything
   * else, so the app can ask the user once and import again. */
  if (!has_classifying_body (object) && (im->options == NULL || im->options->perspective == NULL))
    return _plx_import_foreign_perspective (im, in, error);

  /* Where it points decides first: a web page's annotation has no place in
   * a project, however well-formed it is. */
  mark = _plx_import_push_member (im, "target");
  if (JSON_NODE_HOLDS_ARRAY (target))
    {
      JsonArray *targets = json_node_get_array (target);

      for (guint i = 0; i < json_array_get_length (targets); i++)
        {
          gsize item = _plx_import_push_index (im, i);

          ok = w3c_document (im, json_array_get_element (targets, i), error) != NULL;
          _plx_import_pop (im, item);
          if (!ok)
            {
              _plx_import_pop (im, mark);
              return FALSE;
            }
        }
      if (json_array_get_length (targets) != 1)
        {
          ok = invalid (im, error, _("has %u targets; a Parallax annotation has exactly one"), json_array_get_length (targets));
          _plx_import_pop (im, mark);
          return ok;
        }
      target = json_array_get_element (targets, 0);
    }
  in->document = w3c_document (im, target, error);
  _plx_import_pop (im, mark);
  if (in->document == NULL)
    return FALSE;

  if (!w3c_selectors (im, target, in, error) || !w3c_bodies (im, object, in, error))
    return FALSE;

  in->uuid = uuid_for_id (_plx_import_member_string (object, "id"));
  in->author = agent_name (json_object_get_member (object, "creator"));
  in->created = import_time (_plx_import_member_string (object, "created"), now);
  in->modified = import_time (_plx_import_member_string (object, "modified"), in->created);
  return _plx_import_remember_uuid (im, in->uuid, error);
}

static gboolean
w3c_items (Importer  *im,
           JsonNode  *items,
           GError   **error)
{
  JsonArray *array = json_node_get_array (items);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize mark = _plx_import_push_index (im, i);
      gboolean ok = w3c_annotation (im, json_array_get_element (array, i), error);

      _plx_import_pop (im, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
w3c_page (Importer  *im,
          JsonNode  *node,
          GError   **error)
{
  JsonObject *object = json_node_get_object (node);
  JsonNode *next = json_object_get_member (object, "next");
  gsize mark = _plx_import_push_member (im, "items");
  gboolean ok = w3c_items (im, json_object_get_member (object, "items"), error);

  _plx_import_pop (im, mark);
  if (ok && next != NULL && JSON_NODE_HOLDS_OBJECT (next))
    {
      mark = _plx_import_push_member (im, "next");
      ok = w3c_page (im, next, error);
      _plx_import_pop (im, mark);
    }
  return ok;
}

gboolean
_plx_import_read_w3c (Importer  *im,
                      JsonNode  *root,
                      GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  gboolean ok;

  if (!_plx_import_foreign_check_options (im, error))
    return FALSE;
  if (object == NULL)
    ok = check_annotations_in (im, root, FALSE, error) && w3c_items (im, root, error);
  else if (has_type (object, "AnnotationCollection"))
    {
      JsonNode *first = json_object_get_member (object, "first");

      ok = check_collection (im, root, error);
      if (ok && first != NULL && JSON_NODE_HOLDS_OBJECT (first))
        {
          gsize mark = _plx_import_push_member (im, "first");
          ok = w3c_page (im, first, error);
          _plx_import_pop (im, mark);
        }
    }
  else if (has_type (object, "AnnotationPage"))
    ok = check_page (im, root, FALSE, error) && w3c_page (im, root, error);
  else
    ok = check_annotation (im, root, FALSE, error) && w3c_annotation (im, root, error);

  if (ok && im->external_next != NULL)
    return _plx_import_fail (im, error, PLX_ERROR_NOT_FOUND,
                 _("the annotations continue at %s, which is not in the file; "
                   "Parallax imports collections whose pages are embedded"),
                 im->external_next);
  return ok;
}
