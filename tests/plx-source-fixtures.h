/* plx-source-fixtures.h: fixtures for test-sources.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct {
  double       y;
  double       size;
  gboolean     bold;
  const char  *text;
} PlxFixtureLine;

void   plx_fixture_show_line           (cairo_t              *cr,
                                        double                x,
                                        const PlxFixtureLine *line);
void   plx_fixture_write_report_pdf    (const char           *path);
void   plx_fixture_write_scanned_pdf   (const char           *path);
char  *plx_fixture_write_file          (const char           *dir,
                                        const char           *name,
                                        const char           *data,
                                        gssize                size);
char  *plx_fixture_write_encrypted_pdf (const char           *dir,
                                        const char           *password);
char  *plx_fixture_write_zip           (const char           *dir,
                                        const char           *file_name,
                                        const char           *name,
                                        gsize                 size,
                                        char                  fill);

G_END_DECLS
