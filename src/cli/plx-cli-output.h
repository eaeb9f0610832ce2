/* plx-cli-output.h: what parallax-cli prints: terminal-safe, and every
 * write to standard output checked.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void plx_cli_output_init          (void);
int  plx_cli_output_finish        (void);
void plx_cli_write_out            (const char *data,
                                   gsize       length);
void plx_cli_append_terminal_safe (GString    *out,
                                   const char *text,
                                   gssize      length);
void plx_cli_append_tsv_cell      (GString    *out,
                                   const char *value);
void plx_cli_append_number        (GString    *out,
                                   const char *before,
                                   double      value,
                                   int         digits,
                                   const char *missing);
void plx_cli_json_add_number      (JsonBuilder *builder,
                                   const char  *name,
                                   double       value);

G_END_DECLS
