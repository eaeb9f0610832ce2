/* plx-format-csv.c: one row per annotation (RFC 4180), for spreadsheets
 * and statistics packages; export only.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-csv"
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-export-private.h"
#include "plx-text.h"

/* Records end with CRLF (RFC 4180). */
static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  plx_text_append_csv_field (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

static gboolean
write_csv (PlxExport        *export,
           PlxExportWriter  *w,
           GError          **error)
{
  static const char *header[] = {
    "uuid", "document_id", "document_title", "start", "end", "perspective", "themes",
    "note", "author", "created", "modified", "quote", "prefix", "suffix",
  };
  GString *out = w->buffer;

  g_string_truncate (out, 0);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    csv_field (out, header[i], i + 1 == G_N_ELEMENTS (header));
  _plx_export_write_bytes (w, out->str, out->len);

  for (guint i = 0; i < export->annotations->len && w->error == NULL; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (export->annotations, i);
      gint64 document_id = plx_annotation_get_document_id (a);
      PlxDocument *document = _plx_export_document (export, document_id);
      g_autofree char *themes = g_strjoinv ("; ", (char **) plx_annotation_get_themes (a));
      char number[32];

      g_string_truncate (out, 0);
      csv_field (out, plx_annotation_get_uuid (a), FALSE);
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, document_id);
      csv_field (out, number, FALSE);
      csv_field (out, plx_document_get_title (document), FALSE);
      g_snprintf (number, sizeof number, "%u", plx_annotation_get_start (a));
      csv_field (out, number, FALSE);
      g_snprintf (number, sizeof number, "%u", plx_annotation_get_end (a));
      csv_field (out, number, FALSE);
      csv_field (out, _plx_export_perspective_name (export->project, plx_annotation_get_perspective_id (a)), FALSE);
      csv_field (out, themes, FALSE);
      csv_field (out, plx_annotation_get_note (a), FALSE);
      csv_field (out, plx_annotation_get_author (a), FALSE);
      csv_field (out, plx_annotation_get_created (a), FALSE);
      csv_field (out, plx_annotation_get_modified (a), FALSE);
      csv_field (out, plx_annotation_get_quote (a), FALSE);
      csv_field (out, plx_annotation_get_prefix (a), FALSE);
      csv_field (out, plx_annotation_get_suffix (a), TRUE);
      _plx_export_write_bytes (w, out->str, out->len);
    }
  return TRUE;
}

static const char * const extensions[] = { ".csv", NULL };

const PlxFormat plx_format_csv = {
  .id = "csv",
  .name = N_("CSV spreadsheet"),
  .role = PLX_FORMAT_EXCHANGE,
  .abilities = PLX_FORMAT_CAN_EXPORT,
  .extensions = extensions,
  .mime_type = "text/csv",
  .export_format = PLX_EXPORT_FORMAT_CSV,
  .write = write_csv,
};
