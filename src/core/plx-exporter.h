/* plx-exporter.h: a project's annotations as native JSON, W3C Web
 * Annotation JSON-LD or CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "plx-project.h"

G_BEGIN_DECLS

/* The version of the native format this Parallax writes and reads. */
#define PLX_NATIVE_FORMAT_VERSION 1

typedef enum {
  PLX_EXPORT_FORMAT_NATIVE,
  PLX_EXPORT_FORMAT_W3C,
  PLX_EXPORT_FORMAT_CSV,
  PLX_EXPORT_FORMAT_QDPX,   /* REFI-QDA project */
  PLX_EXPORT_FORMAT_QDC,    /* REFI-QDA codebook */
} PlxExportFormat;

typedef enum {
  PLX_EXPORT_FLAGS_NONE         = 0,
  /* Native format only: carry each document's text, so that importing
   * into a project without the document can add it. */
  PLX_EXPORT_FLAGS_INCLUDE_TEXT = 1 << 0,
} PlxExportFlags;

gboolean    plx_export_format_from_string (const char       *name,
                                           PlxExportFormat  *format);
const char *plx_export_format_extension   (PlxExportFormat   format);

JsonNode   *plx_export_annotation_to_json (PlxProject       *project,
                                           PlxAnnotation    *annotation);
gboolean    plx_export_check_annotation   (PlxAnnotation    *annotation,
                                           GError          **error);
char       *plx_export_json_to_string     (JsonNode         *node,
                                           gboolean          pretty,
                                           GError          **error);
gboolean    plx_export_to_stream          (PlxProject       *project,
                                           PlxExportFormat   format,
                                           gint64            document_id,
                                           PlxExportFlags    flags,
                                           GOutputStream    *stream,
                                           GCancellable     *cancellable,
                                           GError          **error);
gboolean    plx_export_check_destination  (PlxProject       *project,
                                           GFile            *file,
                                           GError          **error);
gboolean    plx_export_to_file            (PlxProject       *project,
                                           PlxExportFormat   format,
                                           gint64            document_id,
                                           PlxExportFlags    flags,
                                           GFile            *file,
                                           GCancellable     *cancellable,
                                           GError          **error);

void        plx_export_to_file_async      (PlxProject          *project,
                                           PlxExportFormat      format,
                                           gint64               document_id,
                                           PlxExportFlags       flags,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    plx_export_to_file_finish     (PlxProject          *project,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Writes the whole of a file's content to @stream. */
typedef gboolean (*PlxExportWriteFunc) (GOutputStream  *stream,
                                        gpointer        data,
                                        GCancellable   *cancellable,
                                        GError        **error);

gboolean    plx_export_write_file         (PlxProject          *project,
                                           GFile               *file,
                                           PlxExportWriteFunc   write,
                                           gpointer             data,
                                           GCancellable        *cancellable,
                                           GError             **error);

gboolean    plx_export_copy_to_file       (PlxProject          *project,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GError             **error);
void        plx_export_copy_to_file_async (PlxProject          *project,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    plx_export_copy_to_file_finish (PlxProject         *project,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
