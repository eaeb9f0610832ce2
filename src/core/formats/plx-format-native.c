/* plx-format-native.c: Parallax's own JSON (docs/parallax-format.md):
 * every field, optionally the documents' text. Written by plx-exporter.c,
 * read by plx-importer.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-native"
#include <glib/gi18n-lib.h>

#include "plx-format.h"

static const char * const extensions[] = { ".json", NULL };
static const char * const aliases[] = { "json", NULL };

const PlxFormat plx_format_native = {
  .id = "native",
  .name = N_("Parallax JSON"),
  .role = PLX_FORMAT_EXCHANGE,
  .abilities = PLX_FORMAT_CAN_IMPORT | PLX_FORMAT_CAN_EXPORT,
  .extensions = extensions,
  .mime_type = "application/json",
  .aliases = aliases,
  .export_format = PLX_EXPORT_FORMAT_NATIVE,
};
