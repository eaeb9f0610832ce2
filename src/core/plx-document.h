/* plx-document.h: one text of a project, normalised and parsed into blocks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  PLX_DOCUMENT_FORMAT_PLAIN,
  PLX_DOCUMENT_FORMAT_MARKDOWN,
  PLX_DOCUMENT_FORMAT_PDF,
  PLX_DOCUMENT_FORMAT_DOCX,
  PLX_DOCUMENT_FORMAT_ODT,
  PLX_DOCUMENT_FORMAT_EPUB,
  PLX_DOCUMENT_FORMAT_HTML,
  PLX_DOCUMENT_FORMAT_RTF,
  PLX_DOCUMENT_FORMAT_WEBVTT,
  PLX_DOCUMENT_FORMAT_SRT,
  PLX_DOCUMENT_FORMAT_TRANSCRIPT,
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

/* Where a stretch of the text came from, for citations. Paragraph numbers
 * need none: they are counted from the blocks. */
typedef enum {
  PLX_LOCATOR_PAGE,      /* value: the page number, from 1 */
  PLX_LOCATOR_TIME,      /* value: milliseconds from the start of the recording */
  PLX_LOCATOR_SPEAKER,   /* the range is the speaker's name in the text; the
                          * turn runs to the next speaker locator */
} PlxLocatorKind;

/* start and end are code-point offsets, like a block's. */
typedef struct {
  PlxLocatorKind kind;
  guint          start;
  guint          end;
  guint32        value;
} PlxLocator;

/* How a file is read. */
typedef enum {
  PLX_READ_FLAGS_NONE = 0,
  PLX_READ_KEEP_RUNNING_LINES = 1 << 0,   /* PDF: keep repeated headers, footers, page numbers */
} PlxReadFlags;

/* A line a reader left out (a PDF's running header), for a preview. */
typedef struct {
  guint  page;
  char  *text;
} PlxDroppedLine;

/* What is known of a document's origin; the strings are never NULL. */
typedef enum {
  PLX_DOCUMENT_META_AUTHOR,    /* author or outlet */
  PLX_DOCUMENT_META_DATE,
  PLX_DOCUMENT_META_URL,
  PLX_DOCUMENT_META_LANGUAGE,
  PLX_DOCUMENT_N_META,
} PlxDocumentMeta;

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
PlxDocument       *plx_document_new_from_bytes    (GBytes            *original,
                                                   const char        *file_name,
                                                   PlxDocumentFormat  format,
                                                   const char        *password,
                                                   PlxReadFlags       flags,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
PlxDocument       *plx_document_new_from_file_as  (GFile             *file,
                                                   const char        *format_id,
                                                   const char        *password,
                                                   PlxReadFlags       flags,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
void               plx_document_read_file_async   (GFile             *file,
                                                   const char        *format_id,
                                                   const char        *password,
                                                   PlxReadFlags       flags,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
PlxDocument       *plx_document_read_file_finish  (GAsyncResult      *result,
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
GBytes            *plx_document_pack_locators     (PlxDocument       *self);
gboolean           plx_document_set_stored_locators (PlxDocument     *self,
                                                   const guint8      *data,
                                                   gsize              size,
                                                   GError           **error);
void               plx_document_copy_provenance   (PlxDocument       *self,
                                                   PlxDocument       *from);
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

const PlxLocator  *plx_document_get_locators      (PlxDocument       *self,
                                                   guint             *n_locators);
const PlxDroppedLine *plx_document_get_dropped_lines (PlxDocument    *self,
                                                   guint             *n_lines);
guint              plx_document_get_page          (PlxDocument       *self,
                                                   guint              offset);
guint              plx_document_get_paragraph     (PlxDocument       *self,
                                                   guint              offset);
gint64             plx_document_get_time          (PlxDocument       *self,
                                                   guint              offset);
char              *plx_document_dup_speaker       (PlxDocument       *self,
                                                   guint              offset);
char              *plx_document_dup_citation      (PlxDocument       *self,
                                                   guint              start,
                                                   guint              end);

/* Provenance: the file it was read from and what the user knows of it. */
GBytes            *plx_document_get_original      (PlxDocument       *self);
GBytes            *plx_document_get_distinct_original (PlxDocument   *self);
void               plx_document_set_original      (PlxDocument       *self,
                                                   GBytes            *original);
const char        *plx_document_get_original_name (PlxDocument       *self);
void               plx_document_set_original_name (PlxDocument       *self,
                                                   const char        *name);
const char        *plx_document_get_original_sha256 (PlxDocument     *self);
void               plx_document_set_original_sha256 (PlxDocument     *self,
                                                   const char        *sha256);
const char        *plx_document_get_added         (PlxDocument       *self);
void               plx_document_set_added         (PlxDocument       *self,
                                                   const char        *added);
const char        *plx_document_get_meta          (PlxDocument       *self,
                                                   PlxDocumentMeta    meta);
void               plx_document_set_meta          (PlxDocument       *self,
                                                   PlxDocumentMeta    meta,
                                                   const char        *value);
const char        *plx_document_get_reader        (PlxDocument       *self);
guint              plx_document_get_reader_version (PlxDocument      *self);
void               plx_document_set_reader        (PlxDocument       *self,
                                                   const char        *reader,
                                                   guint              version);
char              *plx_document_format_time       (guint64            ms);

G_END_DECLS
