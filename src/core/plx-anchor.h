/* plx-anchor.h: finding where a passage is in a text from its quote and
 * context, for imports and merges.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-document.h"

G_BEGIN_DECLS

/* What is known of a passage: its quote, the text around it and, when
 * known, the offsets it had. */
typedef struct {
  const char *quote;
  const char *prefix;
  const char *suffix;
  gboolean    has_position;
  guint       start;
  guint       end;
} PlxAnchor;

gboolean plx_anchor_place (const PlxAnchor  *anchor,
                           PlxDocument      *document,
                           guint            *start,
                           guint            *end,
                           char            **why);

G_END_DECLS
