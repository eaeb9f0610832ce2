/* plx-qde-read-private.h: what the REFI-QDA reader's files share:
 * plx-qde-read.c reads and checks the file, plx-qde-place.c places its
 * selections in their texts, plx-qde-apply.c writes it all into the
 * project.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-qdpx-private.h"

G_BEGIN_DECLS

typedef enum {
  CODE_THEME,
  CODE_GROUP,         /* the code whose codes are the perspectives */
  CODE_PERSPECTIVE,
} CodeRole;

typedef struct _Code Code;
struct _Code {
  char     *guid;
  char     *name;
  char     *color;
  char     *description;
  long      line;
  Code     *parent;
  CodeRole  role;
};

typedef struct {
  char      *guid;
  long       line;
  char      *quote;      /* the name, when there is one */
  gint64     start;
  gint64     end;
  char      *author;
  char      *created;
  char      *modified;
  GPtrArray *codes;      /* Code *, borrowed */
  char      *note;
  /* Once placed: */
  gboolean   placed;
  guint      at_start;
  guint      at_end;
} Selection;

typedef struct {
  char        *guid;
  char        *name;
  long         line;
  GBytes      *raw;       /* the plain text file's bytes as they are */
  GBytes      *rich;      /* the original, if the archive has it */
  char        *rich_name;
  GPtrArray   *selections;
  PlxDocument *document;
  gboolean     is_new;
} Source;

typedef struct {
  PlxProject             *project;
  const char             *name;
  char                   *entry;      /* the archive entry read, for messages */
  const PlxImportOptions *options;
  PlxImportReport        *report;
  GHashTable             *files;      /* archive entry → GBytes */
  GHashTable             *guids;      /* guid → line, every GUID of the file */
  GHashTable             *users;      /* guid → name */
  GHashTable             *codes;      /* guid → Code */
  GPtrArray              *code_list;  /* Code, in the file's order */
  Code                   *group;
  GHashTable             *notes;      /* guid → text */
  GPtrArray              *sources;
  GHashTable             *project_uuids;  /* uuid → "document", "perspective" or PlxAnnotation */
  guint                   unassigned;
} Reader;

gboolean    _plx_qde_fail                    (Reader      *r,
                                              GError     **error,
                                              long         line,
                                              const char  *format,
                                              ...) G_GNUC_PRINTF (4, 5);
const char *_plx_qde_unassigned_name         (void);
void        _plx_qde_place_selections        (Reader      *r,
                                              Source      *source);
gboolean    _plx_qde_check_perspective_count (Reader      *r,
                                              GError     **error);
gboolean    _plx_qde_write_all               (Reader      *r,
                                              GError     **error);

G_END_DECLS
