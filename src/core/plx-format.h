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

/* Reads NFC text @source into @text (NULL: the source is the text) and
 * appends its PlxBlocks to @blocks. */
typedef gboolean (*PlxFormatReadFunc) (const char  *source,
                                       char       **text,
                                       GArray      *blocks,
                                       GError     **error);

typedef struct _PlxExport PlxExport;
typedef struct _PlxExportWriter PlxExportWriter;

/* Writes what @export holds through @writer (plx-export-private.h). */
typedef gboolean (*PlxFormatWriteFunc) (PlxExport        *export,
                                        PlxExportWriter  *writer,
                                        GError          **error);

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

/* The registered formats, each defined in its own file. */
extern const PlxFormat plx_format_plain;
extern const PlxFormat plx_format_markdown;
extern const PlxFormat plx_format_native;
extern const PlxFormat plx_format_w3c;
extern const PlxFormat plx_format_csv;

G_END_DECLS
