/* plx-format-csv.c: one row per annotation (RFC 4180), for spreadsheets
 * and statistics packages; export only. Written by plx-exporter.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-csv"
#include <glib/gi18n-lib.h>

#include "plx-format.h"

static const char * const extensions[] = { ".csv", NULL };

const PlxFormat plx_format_csv = {
  .id = "csv",
  .name = N_("CSV"),
  .role = PLX_FORMAT_EXCHANGE,
  .abilities = PLX_FORMAT_CAN_EXPORT,
  .extensions = extensions,
  .mime_type = "text/csv",
  .export_format = PLX_EXPORT_FORMAT_CSV,
};
