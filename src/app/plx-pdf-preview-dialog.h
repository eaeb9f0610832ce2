/* plx-pdf-preview-dialog.h: the text read from a PDF, with the lines its
 * clean-up leaves out (running headers, footers, page numbers) struck
 * through, before the document is added.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

typedef enum {
  PLX_PDF_PREVIEW_LEAVE_OUT,   /* add the document as read */
  PLX_PDF_PREVIEW_KEEP,        /* read it again keeping the running lines */
} PlxPdfPreviewChoice;

#define PLX_TYPE_PDF_PREVIEW_DIALOG (plx_pdf_preview_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlxPdfPreviewDialog, plx_pdf_preview_dialog, PLX, PDF_PREVIEW_DIALOG, AdwMessageDialog)

void                plx_pdf_preview_dialog_choose_async  (GtkWindow           *parent,
                                                          PlxDocument         *document,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
PlxPdfPreviewChoice plx_pdf_preview_dialog_choose_finish (GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
