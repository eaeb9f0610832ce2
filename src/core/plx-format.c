/* plx-format.c: the registry. Adding a format is adding its file under
 * formats/ and its line below.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-format.h"
#include "plx-text.h"

static const PlxFormat * const formats[] = {
  &plx_format_plain,
  &plx_format_markdown,
  &plx_format_pdf,
  &plx_format_docx,
  &plx_format_odt,
  &plx_format_epub,
  &plx_format_html,
  &plx_format_rtf,
  &plx_format_webvtt,
  &plx_format_srt,
  &plx_format_transcript,
  &plx_format_native,
  &plx_format_w3c,
  &plx_format_csv,
  &plx_format_qdpx,
  &plx_format_qdc,
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

/**
 * plx_format_for_content:
 * @file_name: (nullable): the file's name
 *
 * The document format of a file: a signature in its first bytes (a PDF, an
 * office file) decides; then its extension; then what its text looks like
 * (subtitles, a web page); then plain text.
 */
const PlxFormat *
plx_format_for_content (const guint8 *data,
                        gsize         size,
                        const char   *file_name)
{
  const PlxFormat *by_name;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i]->role == PLX_FORMAT_DOCUMENT && formats[i]->sniff != NULL && formats[i]->sniff (data, size))
      return formats[i];
  by_name = plx_format_for_file_name (PLX_FORMAT_DOCUMENT, file_name);
  if (by_name != NULL)
    return by_name;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i]->role == PLX_FORMAT_DOCUMENT && formats[i]->guess != NULL && formats[i]->guess (data, size))
      return formats[i];
  return &plx_format_plain;
}

/* Runs @format's reader on @job, first normalising a text format's bytes
 * into job->source. */
gboolean
plx_format_read (const PlxFormat  *format,
                 PlxReadJob       *job,
                 GError          **error)
{
  g_return_val_if_fail (format->role == PLX_FORMAT_DOCUMENT, FALSE);

  if (format->text_source)
    {
      job->source = plx_text_normalize (g_bytes_get_data (job->original, NULL), g_bytes_get_size (job->original),
                                        error);
      if (job->source == NULL)
        return FALSE;
      job->source_bytes = strlen (job->source);
    }
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  return format->read (job, error);
}

void
plx_read_job_clear (PlxReadJob *job)
{
  g_clear_pointer (&job->source, g_free);
  g_clear_pointer (&job->text, g_free);
  g_clear_pointer (&job->blocks, g_array_unref);
  g_clear_pointer (&job->locators, g_array_unref);
  g_clear_pointer (&job->title, g_free);
  g_clear_pointer (&job->dropped, g_array_unref);
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    g_clear_pointer (&job->meta[m], g_free);
}
