/* plx-format.h: every format Parallax reads or writes, in one registry
 * that the app and parallax-cli both use. A document reader turns a
 * file's bytes into the text that offsets count in and its blocks; an
 * exchange format carries annotations in and out of a project.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "plx-document.h"
#include "plx-exporter.h"

G_BEGIN_DECLS

typedef enum {
  PLX_FORMAT_DOCUMENT,   /* a source a document is read from */
  PLX_FORMAT_EXCHANGE,   /* annotations, to and from other projects and tools */
} PlxFormatRole;

typedef enum {
  PLX_FORMAT_CAN_IMPORT = 1 << 0,
  PLX_FORMAT_CAN_EXPORT = 1 << 1,
} PlxFormatAbilities;

/* One reading of a file. The reader gets the file's bytes, its name (for
 * messages) and, for a format whose source is text, that text in NFC; it
 * fills text (NULL: the source is the text), blocks and locators. It may
 * run in a worker thread, and stops with G_IO_ERROR_CANCELLED when asked. */
typedef struct {
  GBytes       *original;
  const char   *file_name;
  char         *source;        /* NULL unless the format's text_source */
  gsize         source_bytes;
  GCancellable *cancellable;
  const char   *password;      /* for an encrypted file, or NULL */
  PlxReadFlags  flags;
  char         *text;          /* out, NFC UTF-8 */
  GArray       *blocks;        /* out, PlxBlock, in order */
  GArray       *locators;      /* out, PlxLocator, in order of kind then start */
  char         *meta[PLX_DOCUMENT_N_META]; /* out, what the file says of itself */
  char         *title;         /* out, the file's own title, if any */
  GArray       *dropped;       /* out, PlxDroppedLine: what was (or, kept, would be) left out */
} PlxReadJob;

typedef gboolean (*PlxFormatReadFunc) (PlxReadJob  *job,
                                       GError     **error);

typedef struct _PlxExport PlxExport;
typedef struct _PlxExportWriter PlxExportWriter;

/* Writes what @export holds through @writer (plx-export-private.h). */
typedef gboolean (*PlxFormatWriteFunc) (PlxExport        *export,
                                        PlxExportWriter  *writer,
                                        GError          **error);

/* Tells a file of this format from its content. */
typedef gboolean (*PlxFormatSniffFunc) (const guint8 *data,
                                        gsize         size);

typedef struct {
  const char          *id;            /* as stored and as given to parallax-cli */
  const char          *name;          /* for people, translatable (N_) */
  PlxFormatRole        role;
  PlxFormatAbilities   abilities;
  const char * const  *extensions;    /* with the dot, the first is written */
  const char          *mime_type;
  const char * const  *aliases;       /* other names parallax-cli accepts */
  /* Documents: */
  PlxDocumentFormat    document_format;
  guint                reader_version;
  PlxFormatReadFunc    read;
  PlxFormatSniffFunc   sniff;         /* a signature: decides over the file name */
  PlxFormatSniffFunc   guess;         /* a likeness: used when the name says nothing */
  gboolean             text_source;   /* its files are text, normalised before reading */
  const char * const  *mime_types;    /* more types the file chooser accepts */
  /* Exchange: */
  PlxExportFormat      export_format;
  PlxFormatWriteFunc   write;
} PlxFormat;

const PlxFormat *plx_format_find              (const char       *id);
const PlxFormat *plx_format_for_document      (PlxDocumentFormat format);
const PlxFormat *plx_format_for_export        (PlxExportFormat  format);
const PlxFormat *plx_format_for_file_name     (PlxFormatRole    role,
                                               const char      *file_name);
const PlxFormat * const *plx_formats_list     (guint           *n_formats);
const PlxFormat *plx_format_for_content       (const guint8    *data,
                                               gsize            size,
                                               const char      *file_name);
gboolean         plx_format_read              (const PlxFormat *format,
                                               PlxReadJob      *job,
                                               GError         **error);
void             plx_read_job_clear           (PlxReadJob      *job);

/* The largest file a document is read from. */
#define PLX_DOCUMENT_MAX_FILE_SIZE ((gsize) 256 * 1024 * 1024)

/* The registered formats, each defined in its own file. */
extern const PlxFormat plx_format_plain;
extern const PlxFormat plx_format_markdown;
extern const PlxFormat plx_format_native;
extern const PlxFormat plx_format_w3c;
extern const PlxFormat plx_format_csv;
extern const PlxFormat plx_format_pdf;
extern const PlxFormat plx_format_docx;
extern const PlxFormat plx_format_odt;
extern const PlxFormat plx_format_epub;
extern const PlxFormat plx_format_html;
extern const PlxFormat plx_format_rtf;
extern const PlxFormat plx_format_webvtt;
extern const PlxFormat plx_format_srt;
extern const PlxFormat plx_format_transcript;
extern const PlxFormat plx_format_qdpx;
extern const PlxFormat plx_format_qdc;

G_END_DECLS
