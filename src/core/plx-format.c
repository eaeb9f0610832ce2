/* plx-format.c: the registry. Adding a format is adding its file under
 * formats/ and its line below.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format"

#include <string.h>

#include "plx-format.h"

static const PlxFormat * const formats[] = {
  &plx_format_plain,
  &plx_format_markdown,
  &plx_format_native,
  &plx_format_w3c,
  &plx_format_csv,
};

const PlxFormat * const *
plx_formats_list (guint *n_formats)
{
  if (n_formats != NULL)
    *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

/* By id or by one of its aliases. */
const PlxFormat *
plx_format_find (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (strcmp (formats[i]->id, id) == 0)
        return formats[i];
      for (guint a = 0; formats[i]->aliases != NULL && formats[i]->aliases[a] != NULL; a++)
        if (strcmp (formats[i]->aliases[a], id) == 0)
          return formats[i];
    }
  return NULL;
}

const PlxFormat *
plx_format_for_document (PlxDocumentFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i]->role == PLX_FORMAT_DOCUMENT && formats[i]->document_format == format)
      return formats[i];
  g_return_val_if_reached (&plx_format_plain);
}

const PlxFormat *
plx_format_for_export (PlxExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i]->role == PLX_FORMAT_EXCHANGE && formats[i]->export_format == format)
      return formats[i];
  g_return_val_if_reached (&plx_format_native);
}

/* The format of @role whose extension @file_name ends in (any case), or
 * NULL. */
const PlxFormat *
plx_format_for_file_name (PlxFormatRole  role,
                          const char    *file_name)
{
  g_autofree char *lower = g_ascii_strdown (file_name ? file_name : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (formats[i]->role != role)
        continue;
      for (guint e = 0; formats[i]->extensions[e] != NULL; e++)
        if (g_str_has_suffix (lower, formats[i]->extensions[e]))
          return formats[i];
    }
  return NULL;
}
