/* plx-importer.h: annotations back in from native JSON or W3C Web
 * Annotation JSON-LD, all or nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plx-project.h"

G_BEGIN_DECLS

/* Refused before parsing: json-glib builds the whole tree in memory, and
 * its parser recurses once per nesting level. */
#define PLX_IMPORT_MAX_BYTES (256 * 1024 * 1024)
#define PLX_IMPORT_MAX_DEPTH 64

/* The most perspectives a project may have after an import (see
 * PLX_PROJECT_MAX_PERSPECTIVES). An import that would pass it is refused
 * whole. */
#define PLX_IMPORT_MAX_PERSPECTIVES PLX_PROJECT_MAX_PERSPECTIVES

typedef enum {
  PLX_IMPORT_FORMAT_NATIVE,
  PLX_IMPORT_FORMAT_W3C,
  PLX_IMPORT_FORMAT_QDPX,   /* REFI-QDA project */
  PLX_IMPORT_FORMAT_QDC,    /* REFI-QDA codebook */
} PlxImportFormat;

typedef struct {
  PlxImportFormat  format;
  guint            added;
  guint            updated;
  guint            skipped;
  guint            orphaned;
  guint            perspectives_added;
  guint            documents_added;
  GPtrArray       *orphans;   /* char *: "UUID (JSON path): why it could not be placed" */
  guint            themes_added;    /* the codebook and memos of a native file */
  guint            themes_updated;
  guint            memos_added;
  guint            memos_updated;
  GPtrArray       *notices;   /* char *: what was corrected (offsets that drifted) or left out; may be NULL */
} PlxImportReport;

/* How a REFI-QDA file is taken in. */
typedef struct {
  /* The top-level code whose codes become the perspectives: NULL for one
   * named "Perspectives" if there is one, "" (or "none") for none: every
   * code becomes a theme. */
  const char *perspectives_code;
  /* W3C annotations from other tools (Hypothesis, Recogito), which have
   * no body with purpose "classifying": the perspective they take
   * (created if missing); without it such a file is refused with
   * PLX_ERROR_PERSPECTIVE_NEEDED. */
  const char *perspective;
  /* The document such annotations go to when their target is neither a
   * document of the project nor its provenance URL; 0 for none. */
  gint64      document_id;
} PlxImportOptions;

PlxImportReport *plx_import_file         (PlxProject       *project,
                                          GFile            *file,
                                          GCancellable     *cancellable,
                                          GError          **error);
PlxImportReport *plx_import_data         (PlxProject       *project,
                                          const char       *name,
                                          const char       *data,
                                          gsize             length,
                                          GError          **error);
PlxImportReport *plx_import_file_with_options (PlxProject             *project,
                                               GFile                  *file,
                                               const PlxImportOptions *options,
                                               GCancellable           *cancellable,
                                               GError                **error);
void             plx_import_report_free  (PlxImportReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxImportReport, plx_import_report_free)

void             plx_import_file_async  (PlxProject          *project,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void             plx_import_file_with_options_async (PlxProject          *project,
                                                     GFile               *file,
                                                     const char          *perspective,
                                                     gint64               document_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
PlxImportReport *plx_import_file_finish (PlxProject          *project,
                                         GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
