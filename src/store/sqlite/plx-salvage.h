/* plx-salvage.h: copy what can still be read from a damaged project into
 * a new one.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  guint      documents;        /* copied into the new project */
  guint      perspectives;
  guint      annotations;
  guint      annotations_lost; /* read, but unusable (their document or text is damaged) */
  gboolean   complete;         /* every table was read to its end without a read error */
  GPtrArray *problems;         /* char *: one line per read error or lost annotation */
} PlxSalvageReport;

PlxSalvageReport *plx_project_salvage        (const char        *damaged_path,
                                              const char        *new_path,
                                              GError           **error);
void              plx_project_salvage_async  (const char          *damaged_path,
                                              const char          *new_path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
PlxSalvageReport *plx_project_salvage_finish (GAsyncResult        *result,
                                              GError             **error);
void              plx_salvage_report_free    (PlxSalvageReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxSalvageReport, plx_salvage_report_free)

G_END_DECLS
