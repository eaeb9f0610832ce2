/* plx-cli.h: what parallax-cli's commands share: option parsing, the
 * messages for bad usage and failures, and the commands themselves (one
 * file per group: plx-cli-documents.c, -annotations.c, -project.c,
 * -agreement.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "plx-cli-output.h"
#include "plx-core.h"

G_BEGIN_DECLS

/* Exit status: 0 success, 1 failure, 2 bad usage. */
#define EXIT_USAGE 2

/* For plx_cli_parse_args(): at least @n positional arguments. */
#define PLX_CLI_AT_LEAST(n) (-(n))

int             plx_cli_fail               (GError          *error);
int             plx_cli_usage_error        (GOptionContext  *context,
                                            const char      *message);
gboolean        plx_cli_parse_args         (GOptionContext  *context,
                                            int             *argc,
                                            char          ***argv,
                                            int              n_positional,
                                            int             *status);
GOptionContext *plx_cli_command_context    (const char      *args,
                                            const char      *summary);
gboolean        plx_cli_parse_id           (const char      *text,
                                            gint64          *id);
PlxPerspective *plx_cli_lookup_perspective (PlxProject      *project,
                                            const char      *name_or_id,
                                            GError         **error);

int plx_cli_init (int argc, char **argv);
int plx_cli_add_document (int argc, char **argv);
int plx_cli_documents (int argc, char **argv);
int plx_cli_document_info (int argc, char **argv);
int plx_cli_cite (int argc, char **argv);
int plx_cli_formats (int argc, char **argv);
int plx_cli_annotate (int argc, char **argv);
int plx_cli_list (int argc, char **argv);
int plx_cli_delete (int argc, char **argv);
int plx_cli_perspectives (int argc, char **argv);
int plx_cli_check (int argc, char **argv);
int plx_cli_export (int argc, char **argv);
int plx_cli_import (int argc, char **argv);
int plx_cli_copy (int argc, char **argv);
int plx_cli_stats (int argc, char **argv);
int plx_cli_salvage (int argc, char **argv);
int plx_cli_set_log_aside (int argc, char **argv);
int plx_cli_agreement (int argc, char **argv);
int plx_cli_annotators (int argc, char **argv);
int plx_cli_merge (int argc, char **argv);
int plx_cli_report (int argc, char **argv);
int plx_cli_divergence (int argc, char **argv);
int plx_cli_themes (int argc, char **argv);
int plx_cli_memos (int argc, char **argv);
int plx_cli_attributes (int argc, char **argv);
int plx_cli_server (int argc, char **argv);
int plx_cli_search (int argc, char **argv);
int plx_cli_equivalences (int argc, char **argv);

G_END_DECLS
