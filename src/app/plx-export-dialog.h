/* plx-export-dialog.h: asks what to export and where.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

/* What the user chose: everything plx_export_to_file_async() takes. */
typedef struct {
  PlxExportFormat  format;
  gint64           document_id;   /* 0: the whole project */
  PlxExportFlags   flags;
  GFile           *file;
} PlxExportChoice;

void plx_export_choice_free (PlxExportChoice *choice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxExportChoice, plx_export_choice_free)

#define PLX_TYPE_EXPORT_DIALOG (plx_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlxExportDialog, plx_export_dialog, PLX, EXPORT_DIALOG, AdwMessageDialog)

void             plx_export_dialog_choose_async  (GtkWindow           *parent,
                                                  PlxProject          *project,
                                                  PlxDocument         *document,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
PlxExportChoice *plx_export_dialog_choose_finish (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
