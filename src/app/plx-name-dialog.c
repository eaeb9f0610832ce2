/* plx-name-dialog.c: the name is offered for acceptance only once it has
 * something besides spaces, so an empty name is never sent to be refused.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-name-dialog"

#include <glib/gi18n.h>

#include "plx-name-dialog.h"
#include "plx-task.h"

struct _PlxNameDialog
{
  AdwMessageDialog  parent_instance;

  GTask            *task;    /* the question under way */
  GtkEntry         *entry;
};

G_DEFINE_FINAL_TYPE (PlxNameDialog, plx_name_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
stripped_name (PlxNameDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

static void
entry_changed_cb (PlxNameDialog *self)
{
  g_autofree char *name = stripped_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "accept", *name != '\0');
}

static void
response_cb (PlxNameDialog *self,
             const char    *response)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autofree char *name = NULL;

  if (task == NULL || g_task_return_error_if_cancelled (task))
    return;
  name = stripped_name (self);
  if (g_strcmp0 (response, "accept") != 0 || *name == '\0')
    plx_task_return_cancelled (task);
  else
    g_task_return_pointer (task, g_steal_pointer (&name), g_free);
}

static void
plx_name_dialog_dispose (GObject *object)
{
  PlxNameDialog *self = PLX_NAME_DIALOG (object);

  /* Closed or destroyed before a response: the caller still hears back. */
  if (self->task != NULL)
    plx_task_return_cancelled (self->task);
  g_clear_object (&self->task);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_NAME_DIALOG);
  G_OBJECT_CLASS (plx_name_dialog_parent_class)->dispose (object);
}

static void
plx_name_dialog_class_init (PlxNameDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_name_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-name-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxNameDialog, entry);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
plx_name_dialog_init (PlxNameDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * plx_name_dialog_ask_async:
 * @current: the name shown to start with ("" for a new one)
 * @accept_label: the accepting button's label, with its mnemonic
 *
 * Asks for a name; the finish function gives it without surrounding
 * spaces. Any way of not answering ends in %G_IO_ERROR_CANCELLED.
 */
void
plx_name_dialog_ask_async (GtkWindow           *parent,
                           const char          *heading,
                           const char          *current,
                           const char          *accept_label,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  PlxNameDialog *self = g_object_new (PLX_TYPE_NAME_DIALOG,
                                      "transient-for", parent,
                                      "modal", TRUE,
                                      "heading", heading,
                                      NULL);

  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "accept", accept_label);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), current);
  self->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, plx_name_dialog_ask_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_window_close), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self));
}

char *
plx_name_dialog_ask_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plx_name_dialog_ask_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
