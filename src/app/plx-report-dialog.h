/* plx-report-dialog.h: Export Report…: where to write the comparison
 * report (HTML or PDF, told by the chooser's filter or the name's
 * extension), then its writing with progress and Cancel.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_REPORT_DIALOG (plx_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlxReportDialog, plx_report_dialog, PLX, REPORT_DIALOG, AdwMessageDialog)

void   plx_report_dialog_export_async  (GtkWindow           *parent,
                                        PlxProject          *project,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GFile *plx_report_dialog_export_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
