/* plx-qdpx-private.h: REFI-QDA exchange (QDA-XML 1.0): what the writer
 * (plx-qde-write.c), the reader (plx-qde-read.c) and the archive
 * helpers (plx-qdpx-zip.c) share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "plx-export-private.h"
#include "plx-importer.h"

G_BEGIN_DECLS

#define PLX_QDPX_PROJECT_NS "urn:QDA-XML:project:1.0"
#define PLX_QDPX_CODEBOOK_NS "urn:QDA-XML:codebook:1.0"
#define PLX_QDPX_PERSPECTIVES_CODE "Perspectives"

/* What an archive may unpack to, whatever its headers claim: each entry
 * at most a document's largest file, all of them together at most
 * PLX_QDPX_MAX_UNPACKED, and no more than PLX_QDPX_MAX_RATIO times the
 * archive's size (plus a little, for small archives of text). */
#define PLX_QDPX_MAX_UNPACKED ((gint64) 1024 * 1024 * 1024)
#define PLX_QDPX_MAX_RATIO 200
#define PLX_QDPX_MAX_ENTRIES 100000

/* A theme as exported: one function reads them from the project, so the
 * codebook's own API can take its place. */
typedef struct {
  char *guid;
  char *name;
  char *description;   /* NULL: none */
  char *parent_guid;   /* NULL: top level */
} PlxQdpxTheme;

GPtrArray  *_plx_qdpx_list_themes    (PlxProject    *project,
                                      GError       **error);
char       *_plx_qdpx_derived_guid   (const char    *kind,
                                      const char    *key);
char       *_plx_qdpx_theme_guid     (const char    *name);

/* Writers. */
GBytes     *_plx_qde_write_project   (PlxExport     *export,
                                      GPtrArray     *originals,
                                      GError       **error);
GBytes     *_plx_qde_write_codebook  (PlxExport     *export,
                                      GError       **error);

/* The archive. */
typedef struct {
  char   *name;
  GBytes *data;
} PlxQdpxEntry;

gboolean    _plx_qdpx_zip_write      (PlxExportWriter *w,
                                      GPtrArray       *entries,
                                      GError         **error);
GHashTable *_plx_qdpx_zip_read       (const char      *name,
                                      const guint8    *data,
                                      gsize            size,
                                      GError         **error);
void        _plx_qdpx_entry_free     (gpointer         data);

/* The schemas, for checks on import (and by tests). */
xmlDocPtr   _plx_qdpx_parse_checked  (const char      *name,
                                      const char      *entry,
                                      GBytes          *xml,
                                      gboolean         codebook,
                                      GError         **error);

PlxImportReport *_plx_import_qdpx    (PlxProject             *project,
                                      const char             *name,
                                      const char             *data,
                                      gsize                   length,
                                      const PlxImportOptions *options,
                                      GError                **error);

G_END_DECLS
