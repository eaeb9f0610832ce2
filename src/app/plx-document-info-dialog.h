/* plx-document-info-dialog.h: a document's title and what is known of it,
 * edited; where it came from, shown.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_DOCUMENT_INFO_DIALOG (plx_document_info_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlxDocumentInfoDialog, plx_document_info_dialog, PLX, DOCUMENT_INFO_DIALOG, AdwMessageDialog)

void    plx_document_info_dialog_edit_async  (GtkWindow           *parent,
                                              PlxProject          *project,
                                              PlxDocument         *document,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GStrv   plx_document_info_dialog_edit_finish (GAsyncResult        *result,
                                              GHashTable         **values,
                                              GError             **error);

G_END_DECLS
