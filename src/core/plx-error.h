/* plx-error.h: the error domain shared by the core, the CLI and the app.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLX_ERROR (plx_error_quark ())

typedef enum {
  PLX_ERROR_EMPTY_SELECTION,
  PLX_ERROR_OUT_OF_RANGE,
  PLX_ERROR_UNKNOWN_PERSPECTIVE,
  PLX_ERROR_QUOTE_MISMATCH,
  PLX_ERROR_NOT_FOUND,
  PLX_ERROR_INVALID_ARGUMENT,
  PLX_ERROR_INVALID_DOCUMENT,
  PLX_ERROR_NOT_A_PROJECT,
  PLX_ERROR_CORRUPT,
  PLX_ERROR_NEWER_VERSION,
  PLX_ERROR_READ_ONLY,
  PLX_ERROR_DUPLICATE,
  PLX_ERROR_STORAGE,
  PLX_ERROR_INVALID_FILE,
  PLX_ERROR_FOREIGN_LOG,

  PLX_ERROR_PASSWORD_NEEDED,   /* an encrypted document: ask, and try again */
  PLX_ERROR_MISSING_PROGRAM,   /* a reader needs a program that is not installed */
  PLX_ERROR_PERSPECTIVE_NEEDED, /* annotations from another tool: choose their perspective, and try again */
} PlxError;

GQuark plx_error_quark (void);

G_END_DECLS
