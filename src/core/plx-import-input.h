/* plx-import-input.h: an import file's bytes, read and checked before
 * json-glib sees them (private to the importer).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads @file whole: only a regular file (a FIFO or a device is refused
 * without blocking), and no more than PLX_IMPORT_MAX_BYTES, counted as it
 * is read. Errors start with @name. */
char     *_plx_import_read_file   (GFile         *file,
                                   const char    *name,
                                   gsize         *length,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* Checks what json-glib would refuse without saying where, or take in
 * silently changed: the encoding (UTF-16, a project given as an export),
 * invalid UTF-8, "\u0000" and lone surrogates in strings, nesting deeper
 * than PLX_IMPORT_MAX_DEPTH, and anything after the first value. Sets
 * @skip to the length of a UTF-8 byte-order mark, which is ignored. */
gboolean  _plx_import_check_input (const char    *name,
                                   const char    *data,
                                   gsize          length,
                                   gsize         *skip,
                                   GError       **error);

G_END_DECLS
