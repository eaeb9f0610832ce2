/* plx-export-private.h: what the exchange formats' writers (formats/)
 * share with plx-exporter.c: the loaded project and a streaming writer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "plx-exporter.h"
#include "plx-format.h"

G_BEGIN_DECLS

/* What is exported, loaded and checked before the first byte is written. */
struct _PlxExport {
  PlxProject     *project;
  PlxExportFlags  flags;
  GPtrArray      *documents;    /* PlxDocument, in id order */
  GHashTable     *by_id;        /* gint64 * → PlxDocument */
  GPtrArray      *annotations;
};

/* Each annotation is generated on its own and written out at once, so an
 * export of 100,000 annotations never holds the whole JSON tree. The
 * first error is kept and every later write does nothing. */
struct _PlxExportWriter {
  GOutputStream *stream;
  GCancellable  *cancellable;
  JsonGenerator *generator;
  GString       *buffer;        /* free for the writer's own use */
  GError        *error;
};

PlxDocument *_plx_export_document          (PlxExport       *export,
                                            gint64           document_id);
const char  *_plx_export_perspective_name  (PlxProject      *project,
                                            gint64           perspective_id);

void         _plx_export_write_bytes       (PlxExportWriter *w,
                                            const char      *data,
                                            gsize            length);
void         _plx_export_write_str         (PlxExportWriter *w,
                                            const char      *text);
void         _plx_export_write_node        (PlxExportWriter *w,
                                            JsonNode        *node);
void         _plx_export_write_member      (PlxExportWriter *w,
                                            const char      *name,
                                            JsonNode        *value);

JsonNode    *_plx_export_string_node       (const char      *value);
JsonNode    *_plx_export_int_node          (gint64           value);
void         _plx_export_add_string        (JsonBuilder     *builder,
                                            const char      *name,
                                            const char      *value);
void         _plx_export_add_int           (JsonBuilder     *builder,
                                            const char      *name,
                                            gint64           value);

G_END_DECLS
