/* plx-name-dialog.h: asks for a name (a new perspective, a new name).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLX_TYPE_NAME_DIALOG (plx_name_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlxNameDialog, plx_name_dialog, PLX, NAME_DIALOG, AdwMessageDialog)

void  plx_name_dialog_ask_async  (GtkWindow           *parent,
                                  const char          *heading,
                                  const char          *current,
                                  const char          *accept_label,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
char *plx_name_dialog_ask_finish (GAsyncResult        *result,
                                  GError             **error);

G_END_DECLS
