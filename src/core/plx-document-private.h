/* plx-document-private.h: a document's fields, for the files that
 * implement it (plx-document.c, plx-document-cite.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-document.h"

G_BEGIN_DECLS

struct _PlxDocument
{
  GObject            parent_instance;

  gint64             id;
  char              *uuid;
  char              *title;
  PlxDocumentFormat  format;
  char              *source;
  char              *text;
  gsize              text_bytes;
  guint              length;
  char              *content_hash;
  GArray            *blocks;
  GArray            *sections;
  GArray            *checkpoints;
  GArray            *locators;
  guint              locators_by_kind[PLX_LOCATOR_SPEAKER + 2]; /* where each kind begins */
  GArray            *paragraph_starts;  /* made when first asked for */
  GArray            *dropped;           /* PlxDroppedLine, when just read */
  GBytes            *original;          /* NULL: the source is the original */
  char              *original_name;
  char              *original_sha256;
  char              *added;
  char              *reader;
  guint              reader_version;
  char              *meta[PLX_DOCUMENT_N_META];
};

void     _plx_document_index_locators (PlxDocument  *self);
gboolean _plx_document_check_ranges   (PlxDocument  *self,
                                       GError      **error);

G_END_DECLS
