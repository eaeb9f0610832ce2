/* plx-test-utils.h: shared helpers for the test programs.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char   *plx_test_make_tempdir      (void);
char   *plx_test_read_file         (const char  *path,
                                    gsize       *length);
char   *plx_test_file_checksum     (const char  *path);
void    plx_test_remove_tree       (const char  *path);
char   *plx_test_essay_path        (void);
/* Runs $PLX_CLI with @args (NULL-terminated); its standard output, its
 * standard error in @err and its exit status in @status. */
char   *plx_test_run_cli           (const char * const *args,
                                    int                *status,
                                    char              **err);

/* A GAsyncReadyCallback keeping a reference to the result in the
 * GAsyncResult * that @data points to; plx_test_wait_for_result() runs
 * the main loop until it is there. */
void    plx_test_keep_result       (GObject       *object,
                                    GAsyncResult  *result,
                                    gpointer       data);
void    plx_test_wait_for_result   (GAsyncResult **result);

/* Records items-changed emissions as "position,removed,added" strings. */
typedef struct {
  GPtrArray *events;
} PlxItemsChangedRecorder;

void    plx_items_changed_recorder_attach (PlxItemsChangedRecorder *recorder,
                                           GListModel              *model);
void    plx_items_changed_recorder_clear  (PlxItemsChangedRecorder *recorder);

G_END_DECLS
