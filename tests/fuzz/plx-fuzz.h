/* plx-fuzz.h: what each fuzz target does with one input. The libFuzzer
 * programs (fuzz-*.c) and the regression replay (test-fuzz-regressions.c)
 * call the same functions, so a kept crash replays exactly as it was found.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Native JSON and W3C JSON-LD go through the same entry point; the two
 * targets differ in their seeds, which steer the fuzzer into either reader. */
int plx_fuzz_import   (const guint8 *data,
                       gsize         size);
int plx_fuzz_document (const guint8 *data,
                       gsize         size);

G_END_DECLS
