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
#include "plx-anchor.h"
#include "plx-import-input.h"
#include "plx-import-perspectives.h"
#include "plx-importer.h"
#include "plx-project-private.h"
#include "plx-text.h"

#define W3C_CONTEXT "http://www.w3.org/ns/anno.jsonld"

/* A document as the file names it. */
typedef struct {
  char              *key;       /* native: the file's id; W3C: the target's source IRI */
  char              *path;      /* where it is first named, for messages */
  char              *title;
  char              *content_hash;
  char              *source;    /* native files exported with the text */
  PlxDocumentFormat  format;
  PlxDocument       *resolved;  /* the project's document, once found */
} FileDocument;

/* An annotation as the file has it, before it is placed in a document. */
typedef struct {
  char         *path;
  char         *uuid;
  FileDocument *document;
  gboolean      has_position;
  guint         start;
  guint         end;
  char         *quote;
  char         *prefix;
  char         *suffix;
  char         *perspective;
  GStrv         themes;
  char         *note;
  char         *author;
  char         *created;
  char         *modified;
} Incoming;


typedef struct {
  PlxProject      *project;
  const char      *name;          /* the file, for messages */
  GString         *path;          /* JSON path of the node being read */
  PlxImportReport *report;
  GPtrArray       *incoming;      /* Incoming */
  GHashTable      *uuids;         /* uuid → path where it first appears */
  GHashTable      *documents;     /* key → FileDocument */
  GPtrArray       *perspectives;  /* PlxFilePerspective (native) */
  GPtrArray       *project_documents;
  char            *external_next; /* W3C: a page the file only links to */
} Importer;

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
  g_free (report);
}

/* ---- paths and errors ---- */

static gsize
push_member (Importer   *im,
             const char *member)
{
  gsize mark = im->path->len;

  if (im->path->len > 0)
    g_string_append_c (im->path, '.');
  g_string_append (im->path, member);
  return mark;
}

static gsize
push_index (Importer *im,
            guint     index)
{
  gsize mark = im->path->len;

  g_string_append_printf (im->path, "[%u]", index);
  return mark;
}

static void
pop (Importer *im,
     gsize     mark)
{
  g_string_truncate (im->path, mark);
}

/* Every error names the file and, below the top level, the JSON path. */
G_GNUC_PRINTF (4, 5)
static gboolean
fail (Importer    *im,
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

#define invalid(im, error, ...) fail ((im), (error), PLX_ERROR_INVALID_FILE, __VA_ARGS__)

static const char *
node_kind (JsonNode *node)
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

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* RFC 3987 in the small: a scheme, a colon, and no white space; enough to
 * tell an IRI from prose. */
static gboolean
is_iri (const char *text)
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

static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (text, utc);
}

/* Checks @member of @object with @check, with the path pointing at it. */
typedef gboolean (*NodeCheck) (Importer *im, JsonNode *node, GError **error);

static gboolean
check_member (Importer    *im,
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
  mark = push_member (im, member);
  ok = check (im, node, error);
  pop (im, mark);
  return ok;
}

/* Applies @check to @node, or to each element when it is an array. */
static gboolean
check_each (Importer   *im,
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
      gsize mark = push_index (im, i);
      gboolean ok = check (im, json_array_get_element (array, i), error);

      pop (im, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ---- W3C Web Annotation: the model's MUSTs ---- */

static gboolean
check_single_string (Importer  *im,
                     JsonNode  *node,
                     GError   **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return invalid (im, error, _("must have one value, not several"));
  if (!is_string (node))
    return invalid (im, error, _("must be a string, not %s"), node_kind (node));
  return TRUE;
}

static gboolean
check_string (Importer  *im,
              JsonNode  *node,
              GError   **error)
{
  if (!is_string (node))
    return invalid (im, error, _("must be a string, not %s"), node_kind (node));
  return TRUE;
}

static gboolean
check_strings (Importer  *im,
               JsonNode  *node,
               GError   **error)
{
  return check_each (im, node, check_string, error);
}

static gboolean
check_iri (Importer  *im,
           JsonNode  *node,
           GError   **error)
{
  if (!is_string (node))
    return invalid (im, error, _("must be an IRI, not %s"), node_kind (node));
  if (!is_iri (json_node_get_string (node)))
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
  return check_each (im, node, check_iri, error);
}

static gboolean
check_time (Importer  *im,
            JsonNode  *node,
            GError   **error)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (!check_single_string (im, node, error))
    return FALSE;
  parsed = parse_time (json_node_get_string (node));
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
    return check_member (im, json_node_get_object (node), "id", check_single_iri, error);
  if (is_string (node))
    return check_iri (im, node, error);
  return invalid (im, error, _("must be an IRI or an agent object, not %s"), node_kind (node));
}

static gboolean
check_agents (Importer  *im,
              JsonNode  *node,
              GError   **error)
{
  return check_each (im, node, check_agent, error);
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

  if (is_string (node))
    return g_strcmp0 (json_node_get_string (node), type) == 0;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (is_string (json_array_get_element (array, i)) &&
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
  if (!is_integer (node) || json_node_get_int (node) < 0)
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

  if (is_string (node))
    return check_iri (im, node, error);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (im, error, _("must be an IRI or an object, not %s"), node_kind (node));
  object = json_node_get_object (node);

  if (!check_member (im, object, "id", check_single_iri, error) ||
      !check_member (im, object, "type", check_type, error))
    return FALSE;
  if (!json_object_has_member (object, "type") && !json_object_has_member (object, "id"))
    return invalid (im, error, _("a selector or state needs a “type”"));

  if (has_type (object, "FragmentSelector") || has_type (object, "CssSelector") ||
      has_type (object, "XPathSelector") || has_type (object, "HttpRequestState"))
    {
      if (!require (im, object, "value", _("this selector"), error) ||
          !check_member (im, object, "value", check_single_string, error))
        return FALSE;
    }
  if (has_type (object, "SvgSelector"))
    {
      if (!json_object_has_member (object, "id") && !json_object_has_member (object, "value"))
        return invalid (im, error, _("an SvgSelector needs an “id” or a “value”"));
      if (!check_member (im, object, "value", check_single_string, error))
        return FALSE;
    }
  if (has_type (object, "TextQuoteSelector"))
    {
      if (!require (im, object, "exact", _("a TextQuoteSelector"), error) ||
          !check_member (im, object, "exact", check_single_string, error) ||
          !check_member (im, object, "prefix", check_single_string, error) ||
          !check_member (im, object, "suffix", check_single_string, error))
        return FALSE;
    }
  if (has_type (object, "TextPositionSelector") || has_type (object, "DataPositionSelector"))
    {
      if (!require (im, object, "start", _("a position selector"), error) ||
          !require (im, object, "end", _("a position selector"), error) ||
          !check_member (im, object, "start", check_non_negative, error) ||
          !check_member (im, object, "end", check_non_negative, error))
        return FALSE;
    }
  if (has_type (object, "RangeSelector"))
    {
      if (!require (im, object, "startSelector", _("a RangeSelector"), error) ||
          !require (im, object, "endSelector", _("a RangeSelector"), error) ||
          !check_member (im, object, "startSelector", check_selector, error) ||
          !check_member (im, object, "endSelector", check_selector, error))
        return FALSE;
    }
  if (has_type (object, "TimeState"))
    {
      if (!check_member (im, object, "sourceDate", check_time, error) ||
          !check_member (im, object, "sourceDateStart", check_time, error) ||
          !check_member (im, object, "sourceDateEnd", check_time, error) ||
          !check_member (im, object, "cached", check_iris, error))
        return FALSE;
    }
  return check_member (im, object, "refinedBy", check_selector, error);
}

static gboolean
check_selectors (Importer  *im,
                 JsonNode  *node,
                 GError   **error)
{
  return check_each (im, node, check_selector, error);
}

static gboolean check_resource (Importer *im, JsonNode *node, GError **error);

static gboolean
check_resources (Importer  *im,
                 JsonNode  *node,
                 GError   **error)
{
  return check_each (im, node, check_resource, error);
}

static const char *composite_types[] = { "Choice", "List", "Composite", "Independents" };

/* Checks the properties any annotation, body or target may carry. */
static gboolean
check_common (Importer    *im,
              JsonObject  *object,
              GError     **error)
{
  return check_member (im, object, "created", check_time, error) &&
         check_member (im, object, "modified", check_time, error) &&
         check_member (im, object, "generated", check_time, error) &&
         check_member (im, object, "creator", check_agents, error) &&
         check_member (im, object, "generator", check_agents, error) &&
         check_member (im, object, "rights", check_iris, error) &&
         check_member (im, object, "via", check_iris, error) &&
         check_member (im, object, "canonical", check_single_iri, error);
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

  if (is_string (node))
    return check_iri (im, node, error);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (im, error, _("must be an IRI or an object, not %s"), node_kind (node));
  object = json_node_get_object (node);

  if (!check_member (im, object, "id", check_single_iri, error) ||
      !check_member (im, object, "type", check_type, error) ||
      !check_member (im, object, "format", check_strings, error) ||
      !check_member (im, object, "language", check_strings, error) ||
      !check_member (im, object, "processingLanguage", check_single_string, error) ||
      !check_member (im, object, "textDirection", check_text_direction, error) ||
      !check_member (im, object, "purpose", check_strings, error) ||
      !check_member (im, object, "styleClass", check_strings, error) ||
      !check_member (im, object, "scope", check_iris, error) ||
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
      return check_member (im, object, "items", check_resources, error);
    }
  if (json_object_has_member (object, "items"))
    return invalid (im, error, _("has “items” but is not a Choice, List, Composite or Independents"));

  if (has_type (object, "TextualBody"))
    {
      if (!require (im, object, "value", _("a TextualBody"), error))
        return FALSE;
    }
  if (!check_member (im, object, "value", check_single_string, error))
    return FALSE;

  specific = has_type (object, "SpecificResource") ||
             json_object_has_member (object, "source") ||
             json_object_has_member (object, "selector") ||
             json_object_has_member (object, "state") ||
             json_object_has_member (object, "renderedVia");
  if (specific)
    {
      if (!require (im, object, "source", _("a SpecificResource"), error) ||
          !check_member (im, object, "source", check_resource, error) ||
          !check_member (im, object, "selector", check_selectors, error) ||
          !check_member (im, object, "state", check_selectors, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_context (Importer  *im,
               JsonNode  *node,
               GError   **error)
{
  if (is_string (node) && g_strcmp0 (json_node_get_string (node), W3C_CONTEXT) == 0)
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (is_string (json_array_get_element (array, i)) &&
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
  if (!check_member (im, object, "@context", check_context, error))
    return FALSE;
  if (id == NULL && g_strcmp0 (type, "Annotation") == 0)
    return invalid (im, error, _("has no “id”; an annotation must have exactly one IRI"));
  if (!check_member (im, object, "id", check_single_iri, error))
    return FALSE;
  if (!json_object_has_member (object, "type"))
    return invalid (im, error, _("has no “type”; it must be “%s”"), type);
  if (!check_member (im, object, "type", check_type, error))
    return FALSE;
  if (!has_type (object, type))
    {
      gsize mark = push_member (im, "type");
      gboolean ok = invalid (im, error, _("must be “%s”"), type);

      pop (im, mark);
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
    return invalid (im, error, _("an annotation must be an object, not %s"), node_kind (node));
  object = json_node_get_object (node);

  if (!check_header (im, object, "Annotation", context_inherited, error))
    return FALSE;
  if (!json_object_has_member (object, "target"))
    return invalid (im, error, _("has no “target”; an annotation must say what it is about"));
  if (json_object_has_member (object, "body") && json_object_has_member (object, "bodyValue"))
    return invalid (im, error, _("has both “body” and “bodyValue”; it may have only one"));
  return check_member (im, object, "target", check_resources, error) &&
         check_member (im, object, "body", check_resources, error) &&
         check_member (im, object, "bodyValue", check_single_string, error) &&
         check_member (im, object, "motivation", check_strings, error) &&
         check_member (im, object, "stylesheet", check_agent, error) &&
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
    return invalid (im, error, _("must be an array of annotations, not %s"), node_kind (items));
  array = json_node_get_array (items);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize mark = push_index (im, i);
      gboolean ok = check_annotation (im, json_array_get_element (array, i), context_inherited, error);

      pop (im, mark);
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
    return invalid (im, error, _("an AnnotationPage must be an object, not %s"), node_kind (node));
  object = json_node_get_object (node);
  if (!check_header (im, object, "AnnotationPage", context_inherited, error) ||
      !require (im, object, "items", _("an AnnotationPage"), error) ||
      !check_member (im, object, "startIndex", check_non_negative, error) ||
      !check_member (im, object, "partOf", check_resource, error))
    return FALSE;

  mark = push_member (im, "items");
  ok = check_annotations_in (im, json_object_get_member (object, "items"), TRUE, error);
  pop (im, mark);
  if (!ok)
    return FALSE;

  next = json_object_get_member (object, "next");
  if (next == NULL)
    return TRUE;
  mark = push_member (im, "next");
  if (is_string (next))
    {
      ok = check_iri (im, next, error);
      if (ok && im->external_next == NULL)
        im->external_next = g_strdup (json_node_get_string (next));
    }
  else
    ok = check_page (im, next, TRUE, error);
  pop (im, mark);
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
      !check_member (im, object, "label", check_strings, error) ||
      !check_member (im, object, "total", check_non_negative, error) ||
      !check_member (im, object, "last", check_resource, error) ||
      !check_common (im, object, error))
    return FALSE;

  first = json_object_get_member (object, "first");
  if (first == NULL)
    return TRUE;
  mark = push_member (im, "first");
  if (is_string (first))
    {
      ok = check_iri (im, first, error);
      if (ok && im->external_next == NULL)
        im->external_next = g_strdup (json_node_get_string (first));
    }
  else
    ok = check_page (im, first, TRUE, error);
  pop (im, mark);
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

static PlxDocument *
project_document_by (Importer   *im,
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

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return is_string (node) ? json_node_get_string (node) : NULL;
}

/* The IRI a target is about: the target itself, its source, or its id. */
static const char *
target_source (JsonNode    *target,
               JsonObject **source_object)
{
  JsonObject *object;
  JsonNode *source;

  *source_object = NULL;
  if (is_string (target))
    return json_node_get_string (target);
  object = json_node_get_object (target);
  if (json_object_has_member (object, "items"))
    return target_source (json_array_get_element (json_object_get_array_member (object, "items"), 0), source_object);
  source = json_object_get_member (object, "source");
  if (source == NULL)
    return member_string (object, "id");
  if (is_string (source))
    return json_node_get_string (source);
  *source_object = json_node_get_object (source);
  return member_string (*source_object, "id");
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
    title = member_string (source_object, "dcterms:title") ? member_string (source_object, "dcterms:title")
                                                            : member_string (source_object, "title");
  found = project_document_by (im, g_str_has_prefix (iri, "urn:sha256:") ? iri + 11 : NULL, title);
  if (found == NULL)
    {
      fail (im, error, PLX_ERROR_NOT_FOUND, _("points at %s, which is not a document of this project"), iri);
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
      if (!quoted && has_type (selector, "TextQuoteSelector") && member_string (selector, "exact") != NULL)
        {
          const char *prefix = member_string (selector, "prefix");
          const char *suffix = member_string (selector, "suffix");

          in->quote = g_strdup (member_string (selector, "exact"));
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
      gsize mark = push_member (im, "target");
      gboolean ok = fail (im, error, PLX_ERROR_INVALID_FILE,
                          _("has no TextQuoteSelector with the quoted text; Parallax needs it to place the annotation safely"));
      pop (im, mark);
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
  if (is_string (node))
    return g_strdup (json_node_get_string (node));
  object = json_node_get_object (node);
  for (const char * const *key = (const char * const[]) { "name", "nickname", "id", NULL }; *key; key++)
    if (member_string (object, *key) != NULL)
      return g_strdup (member_string (object, *key));
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
  if (is_string (node))
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
  const char *motivation = member_string (object, "motivation");
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  g_autoptr(GString) note = g_string_new (member_string (object, "bodyValue"));
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
      value = member_string (body, "value");
      if (value == NULL)
        continue;
      if (has_purpose (body, "classifying", motivation))
        {
          if (in->perspective != NULL)
            {
              gsize mark = push_member (im, "body");
              gboolean ok = invalid (im, error, _("has more than one body with purpose “classifying” (“%s” and “%s”); "
                                                  "a Parallax annotation has one perspective"),
                                     in->perspective, value);
              pop (im, mark);
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
  if (in->perspective == NULL || *g_strstrip (in->perspective) == '\0')
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
  parsed = parse_time (text);
  seconds = g_date_time_format (parsed, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (parsed) / 1000);
}

static gboolean
remember_uuid (Importer    *im,
               const char  *uuid,
               GError     **error)
{
  const char *first = g_hash_table_lookup (im->uuids, uuid);

  if (first != NULL)
    return invalid (im, error, _("the annotation %s appears twice in the file (first at %s)"), uuid, first);
  g_hash_table_insert (im->uuids, g_strdup (uuid), g_strdup (im->path->str));
  return TRUE;
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

  /* Where it points decides first: a web page's annotation has no place in
   * a project, however well-formed it is. */
  mark = push_member (im, "target");
  if (JSON_NODE_HOLDS_ARRAY (target))
    {
      JsonArray *targets = json_node_get_array (target);

      for (guint i = 0; i < json_array_get_length (targets); i++)
        {
          gsize item = push_index (im, i);

          ok = w3c_document (im, json_array_get_element (targets, i), error) != NULL;
          pop (im, item);
          if (!ok)
            {
              pop (im, mark);
              return FALSE;
            }
        }
      if (json_array_get_length (targets) != 1)
        {
          ok = invalid (im, error, _("has %u targets; a Parallax annotation has exactly one"), json_array_get_length (targets));
          pop (im, mark);
          return ok;
        }
      target = json_array_get_element (targets, 0);
    }
  in->document = w3c_document (im, target, error);
  pop (im, mark);
  if (in->document == NULL)
    return FALSE;

  if (!w3c_selectors (im, target, in, error) || !w3c_bodies (im, object, in, error))
    return FALSE;

  in->uuid = uuid_for_id (member_string (object, "id"));
  in->author = agent_name (json_object_get_member (object, "creator"));
  in->created = import_time (member_string (object, "created"), now);
  in->modified = import_time (member_string (object, "modified"), in->created);
  return remember_uuid (im, in->uuid, error);
}

static gboolean
w3c_items (Importer  *im,
           JsonNode  *items,
           GError   **error)
{
  JsonArray *array = json_node_get_array (items);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize mark = push_index (im, i);
      gboolean ok = w3c_annotation (im, json_array_get_element (array, i), error);

      pop (im, mark);
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
  gsize mark = push_member (im, "items");
  gboolean ok = w3c_items (im, json_object_get_member (object, "items"), error);

  pop (im, mark);
  if (ok && next != NULL && JSON_NODE_HOLDS_OBJECT (next))
    {
      mark = push_member (im, "next");
      ok = w3c_page (im, next, error);
      pop (im, mark);
    }
  return ok;
}

static gboolean
read_w3c (Importer  *im,
          JsonNode  *root,
          GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  gboolean ok;

  if (object == NULL)
    ok = check_annotations_in (im, root, FALSE, error) && w3c_items (im, root, error);
  else if (has_type (object, "AnnotationCollection"))
    {
      JsonNode *first = json_object_get_member (object, "first");

      ok = check_collection (im, root, error);
      if (ok && first != NULL && JSON_NODE_HOLDS_OBJECT (first))
        {
          gsize mark = push_member (im, "first");
          ok = w3c_page (im, first, error);
          pop (im, mark);
        }
    }
  else if (has_type (object, "AnnotationPage"))
    ok = check_page (im, root, FALSE, error) && w3c_page (im, root, error);
  else
    ok = check_annotation (im, root, FALSE, error) && w3c_annotation (im, root, error);

  if (ok && im->external_next != NULL)
    return fail (im, error, PLX_ERROR_NOT_FOUND,
                 _("the annotations continue at %s, which is not in the file; "
                   "Parallax imports collections whose pages are embedded"),
                 im->external_next);
  return ok;
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
  mark = push_member (im, member);
  if (!is_string (node))
    ok = invalid (im, error, _("must be a string, not %s"), node_kind (node));
  else
    *out = g_strdup (json_node_get_string (node));
  pop (im, mark);
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
  mark = push_member (im, member);
  if (!is_integer (node) || json_node_get_int (node) < min || json_node_get_int (node) > G_MAXUINT)
    ok = invalid (im, error, _("must be a whole number from %" PRId64 " to %u"), min, G_MAXUINT);
  else
    *out = json_node_get_int (node);
  pop (im, mark);
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
      gsize mark = push_member (im, member);
      invalid (im, error, _("must be an array, not %s"), node_kind (node));
      pop (im, mark);
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
    return (invalid (im, error, _("must be an object, not %s"), node_kind (node)), NULL);
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
      gsize mark = push_member (im, member);
      invalid (im, error, _("“%s” is not an ISO 8601 date and time with a zone, e.g. 2024-05-01T12:00:00.000Z"), *out);
      pop (im, mark);
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
      gsize mark = push_member (im, "color");
      invalid (im, error, _("“%s” is not a colour; write it as #rrggbb"), p->color);
      pop (im, mark);
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
      gsize mark = push_member (im, "content_hash");
      invalid (im, error, _("“%s” is not a SHA-256 hash (64 hexadecimal digits)"), d->content_hash);
      pop (im, mark);
      return FALSE;
    }
  if (!plx_document_format_from_string (format, &d->format))
    {
      gsize mark = push_member (im, "format");
      invalid (im, error, _("“%s” is not a document format; use plain or markdown"), format);
      pop (im, mark);
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
  mark = push_member (im, "themes");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (im, error, _("must be an array of strings, not %s"), node_kind (node));
      pop (im, mark);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *theme = json_array_get_element (array, i);

      if (!is_string (theme))
        {
          gsize item = push_index (im, i);
          invalid (im, error, _("must be a string, not %s"), node_kind (theme));
          pop (im, item);
          pop (im, mark);
          return FALSE;
        }
      g_ptr_array_add (themes, (gpointer) json_node_get_string (theme));
    }
  pop (im, mark);
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
      mark = push_member (im, "uuid");
      invalid (im, error, _("“%s” is not a UUID"), in->uuid);
      pop (im, mark);
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
      mark = push_member (im, "document");
      invalid (im, error, _("there is no document %" PRId64 " in the file’s “documents”"), document);
      pop (im, mark);
      return FALSE;
    }
  if (start >= end)
    {
      mark = push_member (im, "end");
      invalid (im, error, _("must be greater than start (%" PRId64 ")"), start);
      pop (im, mark);
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
      mark = push_member (im, "quote");
      invalid (im, error, _("the quote is empty"));
      pop (im, mark);
      return FALSE;
    }
  if (!known_perspective (im, in->perspective))
    {
      mark = push_member (im, "perspective");
      invalid (im, error, _("“%s” is neither in the file’s “perspectives” nor in the project"), in->perspective);
      pop (im, mark);
      return FALSE;
    }
  return remember_uuid (im, in->uuid, error);
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
  mark = push_member (im, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize item = push_index (im, i);
      gboolean ok = read (im, json_array_get_element (array, i), error);

      pop (im, item);
      if (!ok)
        {
          pop (im, mark);
          return FALSE;
        }
    }
  pop (im, mark);
  return TRUE;
}

static gboolean
read_native (Importer  *im,
             JsonNode  *root,
             GError   **error)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *version = json_object_get_member (object, "version");

  if (!is_integer (version))
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
         native_list (im, object, "annotations", native_annotation, error);
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

  found = project_document_by (im, d->content_hash, d->title);
  if (found != NULL)
    {
      d->resolved = g_object_ref (found);
      return TRUE;
    }

  g_string_assign (im->path, d->path);
  if (d->source == NULL)
    return fail (im, error, PLX_ERROR_NOT_FOUND,
                 _("the document “%s” (SHA-256 %.12s…) is not in this project, and the file does not carry its text "
                   "(export with the text included to bring it along)"),
                 d->title, d->content_hash);

  added = plx_document_new_from_data (d->source, strlen (d->source), d->format, d->title, &local_error);
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
  g_autoptr(GDateTime) time_a = parse_time (a);
  g_autoptr(GDateTime) time_b = parse_time (b);

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
          return fail (im, error, local_error->code, "%s", local_error->message);
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
  return write_annotations (im, error);
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
      if (g_strcmp0 (member_string (object, "format"), "parallax") != 0)
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

  ok = im->report->format == PLX_IMPORT_FORMAT_NATIVE ? read_native (im, root, error) : read_w3c (im, root, error);
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

PlxImportReport *
plx_import_data (PlxProject  *project,
                 const char  *name,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  Importer im = { 0, };
  PlxImportReport *report;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  im.project = project;
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
  return report;
}

PlxImportReport *
plx_import_file (PlxProject    *project,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  contents = _plx_import_read_file (file, name, &length, cancellable, error);
  if (contents == NULL)
    return NULL;
  return plx_import_data (project, name, contents, length, error);
}
