/* plx-format-w3c.c: W3C Web Annotation JSON-LD, checked against the
 * model's MUSTs on import. Written by plx-exporter.c, read by
 * plx-importer.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-w3c"
#include <glib/gi18n-lib.h>

#include "plx-format.h"

static const char * const extensions[] = { ".jsonld", NULL };
static const char * const aliases[] = { "jsonld", NULL };

const PlxFormat plx_format_w3c = {
  .id = "w3c",
  .name = N_("W3C Web Annotation"),
  .role = PLX_FORMAT_EXCHANGE,
  .abilities = PLX_FORMAT_CAN_IMPORT | PLX_FORMAT_CAN_EXPORT,
  .extensions = extensions,
  .mime_type = "application/ld+json",
  .aliases = aliases,
  .export_format = PLX_EXPORT_FORMAT_W3C,
};
