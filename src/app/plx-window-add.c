/* plx-window-add.c: documents added several at a time, from the file
 * chooser or dropped onto the window, one after the other through
 * plx_window_add_document_file_async().
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "plx-window-private.h"

typedef struct {
  PlxWindow *window;
  GPtrArray *files;    /* GFile */
  guint      next;
  guint      added;
  GString   *errors;   /* one line per file refused */
  guint      n_errors;
} AddQueue;

static void
add_queue_free (AddQueue *queue)
{
  g_object_unref (queue->window);
  g_ptr_array_unref (queue->files);
  g_string_free (queue->errors, TRUE);
  g_free (queue);
}

/* Every refusal is told at the end, in one message naming each file. */
static void
add_queue_finish (AddQueue *queue)
{
  PlxWindow *self = queue->window;

  if (queue->n_errors > 0)
    {
      g_autoptr(GError) error = g_error_new_literal (PLX_ERROR, PLX_ERROR_INVALID_FILE, queue->errors->str);
      g_autofree char *heading = queue->n_errors == 1 && queue->files->len == 1
                                 ? g_strdup (_("Could Not Add the Document"))
                                 : g_strdup_printf (ngettext ("Could Not Add %u Document", "Could Not Add %u Documents",
                                                              queue->n_errors), queue->n_errors);

      plx_window_show_error (self, heading, error);
    }
  else if (queue->added > 1)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u document added", "%u documents added", queue->added),
                                                  queue->added);
      _plx_window_toast (self, message);
    }
  add_queue_free (queue);
}

static void add_next (AddQueue *queue);

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  AddQueue *queue = data;
  GFile *file = g_ptr_array_index (queue->files, queue->next - 1);
  g_autoptr(GError) error = NULL;

  if (plx_window_add_document_file_finish (queue->window, result, &error))
    queue->added++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    queue->next = queue->files->len;   /* Cancel stops the rest too */
  else
    {
      g_autofree char *name = g_file_get_basename (file);

      /* The core's messages name the file already; a bare one gets it. */
      if (queue->errors->len > 0)
        g_string_append (queue->errors, "\n");
      if (strstr (error->message, name) == NULL)
        g_string_append_printf (queue->errors, "%s: ", name);
      g_string_append (queue->errors, error->message);
      queue->n_errors++;
    }
  add_next (queue);
}

static void
add_next (AddQueue *queue)
{
  if (queue->next >= queue->files->len || queue->window->project == NULL)
    {
      add_queue_finish (queue);
      return;
    }
  plx_window_add_document_file_async (queue->window, g_ptr_array_index (queue->files, queue->next++),
                                      NULL, added_cb, queue);
}

/**
 * plx_window_add_document_files:
 * @files: (element-type GFile): the files to add, in order
 *
 * Adds each file as plx_window_add_document_file_async() does, one after
 * the other; the last one added is shown. Refusals are reported together
 * at the end; Cancel in the busy bar stops the rest.
 */
void
plx_window_add_document_files (PlxWindow  *self,
                               GListModel *files)
{
  AddQueue *queue;

  g_return_if_fail (PLX_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->project == NULL || g_list_model_get_n_items (files) == 0)
    return;
  queue = g_new0 (AddQueue, 1);
  queue->window = g_object_ref (self);
  queue->files = g_ptr_array_new_with_free_func (g_object_unref);
  queue->errors = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (queue->files, g_list_model_get_item (files, i));
  add_next (queue);
}

/* The file chooser's filters: every document format at once, then each
 * on its own, from the format registry. */
void
_plx_window_add_document_filters (PlxWindow      *self,
                                  GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  guint n_formats;
  const PlxFormat * const *formats = plx_formats_list (&n_formats);

  gtk_file_filter_set_name (all, _("All Supported Documents"));
  gtk_file_chooser_add_filter (chooser, all);
  for (guint i = 0; i < n_formats; i++)
    {
      g_autoptr(GtkFileFilter) one = NULL;

      if (formats[i]->role != PLX_FORMAT_DOCUMENT)
        continue;
      one = gtk_file_filter_new ();
      gtk_file_filter_set_name (one, _(formats[i]->name));
      for (guint e = 0; formats[i]->extensions[e] != NULL; e++)
        {
          gtk_file_filter_add_suffix (one, formats[i]->extensions[e] + 1);
          gtk_file_filter_add_suffix (all, formats[i]->extensions[e] + 1);
        }
      if (formats[i]->mime_type != NULL)
        {
          gtk_file_filter_add_mime_type (one, formats[i]->mime_type);
          gtk_file_filter_add_mime_type (all, formats[i]->mime_type);
        }
      for (guint m = 0; formats[i]->mime_types != NULL && formats[i]->mime_types[m] != NULL; m++)
        {
          gtk_file_filter_add_mime_type (one, formats[i]->mime_types[m]);
          gtk_file_filter_add_mime_type (all, formats[i]->mime_types[m]);
        }
      gtk_file_chooser_add_filter (chooser, one);
    }
  gtk_file_chooser_set_filter (chooser, all);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PlxWindow     *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (self->project == NULL || self->busy_cancellable != NULL)
    return FALSE;
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  plx_window_add_document_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Files dropped anywhere on the window are added as documents. */
void
_plx_window_add_init (PlxWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
