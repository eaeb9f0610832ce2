/* plx-document.h: one text of a project, normalised and parsed into blocks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  PLX_DOCUMENT_FORMAT_PLAIN,
  PLX_DOCUMENT_FORMAT_MARKDOWN,
} PlxDocumentFormat;

typedef enum {
  PLX_BLOCK_TITLE,
  PLX_BLOCK_HEADING,
  PLX_BLOCK_PARAGRAPH,
  PLX_BLOCK_FOOTNOTE,
  PLX_BLOCK_FOOTNOTE_MARK,
} PlxBlockKind;

/* start and end are code-point offsets into the document text. */
typedef struct {
  PlxBlockKind kind;
  guint        start;
  guint        end;
} PlxBlock;

typedef struct {
  char  *title;
  guint  start;
  guint  end;
} PlxSection;

#define PLX_TYPE_DOCUMENT (plx_document_get_type ())
G_DECLARE_FINAL_TYPE (PlxDocument, plx_document, PLX, DOCUMENT, GObject)

PlxDocument       *plx_document_new_from_data     (const char        *data,
                                                   gsize              length,
                                                   PlxDocumentFormat  format,
                                                   const char        *fallback_title,
                                                   GError           **error);
PlxDocument       *plx_document_new_from_file     (GFile             *file,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
void               plx_document_new_from_file_async (GFile           *file,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
PlxDocument       *plx_document_new_from_file_finish (GAsyncResult   *result,
                                                   GError           **error);
PlxDocument       *plx_document_new_from_stored   (const char        *title,
                                                   PlxDocumentFormat  format,
                                                   char              *source,
                                                   char              *text,
                                                   const guint8      *blocks,
                                                   gsize              blocks_size,
                                                   const char        *content_hash,
                                                   GError           **error);
GBytes            *plx_document_pack_blocks       (PlxDocument       *self);
guint              plx_document_format_reader_version (PlxDocumentFormat format);
PlxDocumentFormat  plx_document_format_for_name   (const char        *file_name);
const char        *plx_document_format_to_string  (PlxDocumentFormat  format);
gboolean           plx_document_format_from_string (const char       *name,
                                                   PlxDocumentFormat *format);

gint64             plx_document_get_id            (PlxDocument       *self);
void               plx_document_set_id            (PlxDocument       *self,
                                                   gint64             id);
const char        *plx_document_get_uuid          (PlxDocument       *self);
void               plx_document_set_uuid          (PlxDocument       *self,
                                                   const char        *uuid);
const char        *plx_document_get_distinct_source (PlxDocument     *self);
const char        *plx_document_get_title         (PlxDocument       *self);
void               plx_document_set_title         (PlxDocument       *self,
                                                   const char        *title);
PlxDocumentFormat  plx_document_get_format        (PlxDocument       *self);
const char        *plx_document_get_source        (PlxDocument       *self);
const char        *plx_document_get_text          (PlxDocument       *self);
gsize              plx_document_get_text_bytes    (PlxDocument       *self);
guint              plx_document_get_length        (PlxDocument       *self);
const char        *plx_document_get_content_hash  (PlxDocument       *self);
const PlxBlock    *plx_document_get_blocks        (PlxDocument       *self,
                                                   guint             *n_blocks);
const PlxSection  *plx_document_get_sections      (PlxDocument       *self,
                                                   guint             *n_sections);
gsize              plx_document_offset_to_byte    (PlxDocument       *self,
                                                   guint              offset);
guint              plx_document_byte_to_offset    (PlxDocument       *self,
                                                   gsize              byte_index);
char              *plx_document_dup_range         (PlxDocument       *self,
                                                   guint              start,
                                                   guint              end);

G_END_DECLS
