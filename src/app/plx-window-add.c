/* plx-window-add.c: a document read in the core's worker and added,
 * after the questions its file raises (a password, what a PDF's clean-up
 * leaves out, the same text twice); several at a time, from the file
 * chooser or dropped onto the window, one after the other.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "plx-pdf-preview-dialog.h"
#include "plx-window-private.h"

/* ---- one document ---- */

static void
add_read_document (PlxWindow   *self,
                   PlxDocument *document,
                   GTask       *outer)
{
  g_autoptr(GError) error = NULL;

  /* Adding goes through the history, so it can be undone like the rest. */
  if (self->history == NULL || !plx_history_add_document (self->history, document, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The project was closed"));
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }
  _plx_window_refresh_documents (self);
  plx_window_show_document (self, plx_document_get_id (document));
  g_task_return_boolean (outer, TRUE);
  g_object_unref (outer);
}

/* The title of a document in the project with the same text, if any. */
static char *
same_text_in_project (PlxWindow   *self,
                      PlxDocument *document)
{
  /* By the stored hashes: no other document's text is read. */
  g_autoptr(GArray) summaries = plx_project_list_document_summaries (self->project, NULL);

  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    {
      const PlxDocumentSummary *other = &g_array_index (summaries, PlxDocumentSummary, i);

      if (g_strcmp0 (other->content_hash, plx_document_get_content_hash (document)) == 0)
        return g_strdup (other->title);
    }
  return NULL;
}

/* A dialog closed without an answer leaves the document out. */
static void
not_added (gpointer data)
{
  GTask *outer = data;

  g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The document was not added again"));
  g_object_unref (outer);
}

static void
same_text_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PlxWindow        *self)
{
  PlxDocument *document = g_object_get_data (G_OBJECT (dialog), "document");
  GTask *outer = g_object_steal_data (G_OBJECT (dialog), "task");

  if (g_strcmp0 (response, "add") == 0)
    add_read_document (self, document, outer);
  else
    not_added (outer);
}

/* What one reading of the file was asked for; the next reading asks
 * again with what the user said (a password, keeping running lines). */
typedef struct {
  GFile        *file;
  char         *password;
  PlxReadFlags  flags;
} AddJob;

static void
add_job_free (gpointer data)
{
  AddJob *job = data;

  g_clear_object (&job->file);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static void read_done_cb (GObject *object, GAsyncResult *result, gpointer data);

static void
read_file (PlxWindow *self,
           GTask     *outer)
{
  AddJob *job = g_task_get_task_data (outer);
  g_autofree char *basename = g_file_get_basename (job->file);
  g_autofree char *label = g_strdup_printf (_("Adding “%s”…"), basename);

  _plx_window_busy_begin (self, label);
  plx_document_read_file_async (job->file, NULL, job->password, job->flags, self->busy_cancellable,
                                read_done_cb, outer);
}

static void
add_unless_same_text (PlxWindow   *self,
                      PlxDocument *document,
                      GTask       *outer)
{
  g_autofree char *same = NULL;

  /* The same text twice is most likely the same file chosen again. */
  same = self->project ? same_text_in_project (self, document) : NULL;
  if (same != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("This project already has the same text, as “%s”. Add it a second time?"), same);
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Add the Same Text Again?"), body));

      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add Again"), NULL);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (document), g_object_unref);
      g_object_set_data_full (G_OBJECT (dialog), "task", outer, not_added);
      g_signal_connect_object (dialog, "response", G_CALLBACK (same_text_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  add_read_document (self, document, outer);
}

static void
preview_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  GTask *outer = data;
  PlxWindow *self = g_task_get_source_object (outer);
  AddJob *job = g_task_get_task_data (outer);
  PlxDocument *document = g_object_get_data (G_OBJECT (outer), "document");
  g_autoptr(GError) error = NULL;
  PlxPdfPreviewChoice choice = plx_pdf_preview_dialog_choose_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
    }
  else if (choice == PLX_PDF_PREVIEW_KEEP)
    {
      job->flags |= PLX_READ_KEEP_RUNNING_LINES;
      read_file (self, outer);
    }
  else
    add_unless_same_text (self, document, outer);
}

static void
password_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PlxWindow        *self)
{
  GTask *outer = g_object_steal_data (G_OBJECT (dialog), "task");
  AddJob *job = g_task_get_task_data (outer);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  /* GTK 4.8's password entry, destroyed with the focus, is then called
   * back on by its window: the focus leaves it first. */
  gtk_root_set_focus (GTK_ROOT (dialog), NULL);

  if (g_strcmp0 (response, "open") != 0)
    {
      not_added (outer);
      return;
    }
  g_free (job->password);
  job->password = g_strdup (gtk_editable_get_text (entry));
  /* The entry keeps no copy once the dialog is gone. */
  gtk_editable_set_text (entry, "");
  read_file (self, outer);
}

/* An encrypted PDF: asked for its password, then read again; a wrong
 * one asks again, saying so. */
static void
ask_password (PlxWindow   *self,
              GTask       *outer,
              const char  *message)
{
  AddJob *job = g_task_get_task_data (outer);
  g_autofree char *basename = g_file_get_basename (job->file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Is Protected"), basename);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "task", outer, not_added);
  g_signal_connect_object (dialog, "response", G_CALLBACK (password_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  GTask *outer = data;
  PlxWindow *self = g_task_get_source_object (outer);
  AddJob *job = g_task_get_task_data (outer);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint n_dropped = 0;

  _plx_window_busy_end (self);
  document = plx_document_read_file_finish (result, &error);
  if (g_error_matches (error, PLX_ERROR, PLX_ERROR_PASSWORD_NEEDED))
    {
      ask_password (self, outer, error->message);
      return;
    }
  if (document == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }

  /* What a PDF's clean-up left out is shown before anything is added. */
  plx_document_get_dropped_lines (document, &n_dropped);
  if (n_dropped > 0 && (job->flags & PLX_READ_KEEP_RUNNING_LINES) == 0)
    {
      g_object_set_data_full (G_OBJECT (outer), "document", g_object_ref (document), g_object_unref);
      plx_pdf_preview_dialog_choose_async (GTK_WINDOW (self), document, NULL, preview_chosen_cb, outer);
      return;
    }
  add_unless_same_text (self, document, outer);
}

/* Reads and checks a document file in the core's worker, asks what its
 * file needs asked, adds it, then opens it. A file that cannot be read is
 * refused with the reason and the place where it goes wrong, and the
 * project is left as it was. */
void
plx_window_add_document_file_async (PlxWindow           *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *outer;
  AddJob *job;

  g_return_if_fail (PLX_IS_WINDOW (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, plx_window_add_document_file_async);
  job = g_new0 (AddJob, 1);
  job->file = g_object_ref (file);
  g_task_set_task_data (outer, job, add_job_free);
  read_file (self, outer);
}

gboolean
plx_window_add_document_file_finish (PlxWindow     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- several documents ---- */

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
file_added_cb (GObject      *object,
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
                                      NULL, file_added_cb, queue);
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
