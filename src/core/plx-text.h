/* plx-text.h: text helpers; all positions in Parallax are code-point offsets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gsize  plx_text_offset_to_byte   (const char *text,
                                  gsize       text_bytes,
                                  gsize       offset);
gsize  plx_text_byte_to_offset   (const char *text,
                                  gsize       byte_index);
char  *plx_text_substring        (const char *text,
                                  gsize       text_bytes,
                                  gsize       start,
                                  gsize       end);
char  *plx_text_normalize        (const char *data,
                                  gsize       length,
                                  GError    **error);
char  *plx_text_sha256           (const char *text);
char  *plx_text_new_uuid         (void);
gboolean plx_text_is_uuid        (const char *text);
char  *plx_text_now_iso8601      (void);
gboolean plx_text_is_iso8601     (const char *text);
void   plx_text_append_csv_field (GString    *out,
                                  const char *value);

/* One record of a CSV file, and the line it begins on. */
typedef struct {
  guint   line;
  GStrv   fields;
} PlxCsvRecord;

GArray *plx_text_parse_csv       (const char *text,
                                  gsize       length,
                                  GError    **error);

G_END_DECLS
