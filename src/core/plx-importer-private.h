/* plx-importer-private.h: shared by the importer's files (plx-importer.c:
 * paths, errors, the native format, writing; plx-import-w3c.c: W3C Web
 * Annotation).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "plx-importer.h"

G_BEGIN_DECLS

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
  GPtrArray       *themes_in;     /* PlxTheme: a native file's "codebook" */
  GPtrArray       *memos_in;      /* PlxMemo: its "memos" */
  GPtrArray       *memo_abouts;   /* char *: each memo's "about", as the file has it */
  GPtrArray       *attributes_in; /* PlxAttribute: a native file's "attributes" */
  GPtrArray       *values_in;     /* GHashTable: per attribute, document key → stored value */
  const PlxImportOptions *options; /* may be NULL */
} Importer;

typedef gboolean (*NodeCheck) (Importer *im, JsonNode *node, GError **error);

/* Every error names the file and, below the top level, the JSON path. */
gboolean      _plx_import_fail                (Importer     *im,
                                               GError      **error,
                                               int           code,
                                               const char   *format,
                                               ...) G_GNUC_PRINTF (4, 5);
#define invalid(im, error, ...) _plx_import_fail ((im), (error), PLX_ERROR_INVALID_FILE, __VA_ARGS__)

gsize         _plx_import_push_member         (Importer     *im,
                                               const char   *member);
gsize         _plx_import_push_index          (Importer     *im,
                                               guint         index);
void          _plx_import_pop                 (Importer     *im,
                                               gsize         mark);
const char   *_plx_import_node_kind           (JsonNode     *node);
gboolean      _plx_import_is_string           (JsonNode     *node);
gboolean      _plx_import_is_integer          (JsonNode     *node);
gboolean      _plx_import_is_iri              (const char   *text);
GDateTime    *_plx_import_parse_time          (const char   *text);
gboolean      _plx_import_check_member        (Importer     *im,
                                               JsonObject   *object,
                                               const char   *member,
                                               NodeCheck     check,
                                               GError      **error);
gboolean      _plx_import_check_each          (Importer     *im,
                                               JsonNode     *node,
                                               NodeCheck     check,
                                               GError      **error);
const char   *_plx_import_member_string       (JsonObject   *object,
                                               const char   *member);
PlxDocument  *_plx_import_project_document_by (Importer     *im,
                                               const char   *content_hash,
                                               const char   *title);
gboolean      _plx_import_remember_uuid       (Importer     *im,
                                               const char   *uuid,
                                               GError      **error);
gboolean      _plx_import_read_w3c            (Importer     *im,
                                               JsonNode     *root,
                                               GError      **error);

/* plx-import-w3c-foreign.c: annotations from Hypothesis, Recogito and
 * other tools that name no perspective. */
gboolean      _plx_import_foreign_check_options (Importer   *im,
                                                 GError    **error);
PlxDocument  *_plx_import_foreign_document    (Importer     *im,
                                               const char   *iri);
gboolean      _plx_import_foreign_perspective (Importer     *im,
                                               Incoming     *in,
                                               GError      **error);

/* plx-import-attributes.c: a native file's document attributes. */
gboolean      _plx_import_read_attributes     (Importer     *im,
                                               JsonObject   *root,
                                               GError      **error);
gboolean      _plx_import_write_attributes    (Importer     *im,
                                               GError      **error);
void          _plx_import_attributes_clear    (Importer     *im);

G_END_DECLS
