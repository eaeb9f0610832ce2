/* plx-format-qdpx.c: REFI-QDA exchange with other QDA tools (NVivo,
 * ATLAS.ti, MAXQDA, QualCoder): a project (.qdpx, a zip of project.qde
 * and Sources/) and a codebook (.qdc). Written by plx-qde-write.c, read
 * by plx-qde-read.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-qdpx"

#include <glib/gi18n-lib.h>

#include "plx-qdpx-private.h"

static gboolean
write_qdpx (PlxExport        *export,
            PlxExportWriter  *w,
            GError          **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (_plx_qdpx_entry_free);
  PlxQdpxEntry *project = g_new0 (PlxQdpxEntry, 1);

  project->name = g_strdup ("project.qde");
  g_ptr_array_add (entries, project);
  project->data = _plx_qde_write_project (export, entries, error);
  if (project->data == NULL)
    return FALSE;
  return _plx_qdpx_zip_write (w, entries, error);
}

static gboolean
write_qdc (PlxExport        *export,
           PlxExportWriter  *w,
           GError          **error)
{
  g_autoptr(GBytes) xml = _plx_qde_write_codebook (export, error);
  gsize size;
  const char *data;

  if (xml == NULL)
    return FALSE;
  data = g_bytes_get_data (xml, &size);
  _plx_export_write_bytes (w, data, size);
  return TRUE;
}

static const char * const qdpx_extensions[] = { ".qdpx", NULL };
static const char * const qdpx_aliases[] = { "refi-qda", NULL };

const PlxFormat plx_format_qdpx = {
  .id = "qdpx",
  .name = N_("REFI-QDA project"),
  .role = PLX_FORMAT_EXCHANGE,
  .abilities = PLX_FORMAT_CAN_IMPORT | PLX_FORMAT_CAN_EXPORT,
  .extensions = qdpx_extensions,
  .mime_type = "application/x-qdpx",
  .aliases = qdpx_aliases,
  .export_format = PLX_EXPORT_FORMAT_QDPX,
  .write = write_qdpx,
};

static const char * const qdc_extensions[] = { ".qdc", NULL };

const PlxFormat plx_format_qdc = {
  .id = "qdc",
  .name = N_("REFI-QDA codebook"),
  .role = PLX_FORMAT_EXCHANGE,
  .abilities = PLX_FORMAT_CAN_IMPORT | PLX_FORMAT_CAN_EXPORT,
  .extensions = qdc_extensions,
  .mime_type = "application/x-qdc",
  .export_format = PLX_EXPORT_FORMAT_QDC,
  .write = write_qdc,
};
