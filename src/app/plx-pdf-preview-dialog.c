/* plx-pdf-preview-dialog.c: the reader drops what repeats on every page;
 * the user sees what that is, in place, and may keep it. The text is
 * shown page by page, each page's dropped lines struck through at its
 * head (the reader knows their page, not their place on it).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-pdf-preview-dialog"

#include <glib/gi18n.h>

#include "plx-pdf-preview-dialog.h"
#include "plx-task.h"

/* A preview, not the document: a 500-page report shows its first pages,
 * which is where running lines show themselves. */
#define PREVIEW_PAGES 30

struct _PlxPdfPreviewDialog
{
  AdwMessageDialog  parent_instance;

  GTask            *task;
  GtkTextView      *text_view;
};

G_DEFINE_FINAL_TYPE (PlxPdfPreviewDialog, plx_pdf_preview_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
response_cb (PlxPdfPreviewDialog *self,
             const char          *response)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  /* GTK 4.8 unmapping a text view that has the focus ends in a critical;
   * the dialog closes after this. */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  if (task == NULL || g_task_return_error_if_cancelled (task))
    return;
  if (g_strcmp0 (response, "add") == 0)
    g_task_return_int (task, PLX_PDF_PREVIEW_LEAVE_OUT);
  else if (g_strcmp0 (response, "keep") == 0)
    g_task_return_int (task, PLX_PDF_PREVIEW_KEEP);
  else
    plx_task_return_cancelled (task);
}

static void
insert_dropped (GtkTextBuffer        *buffer,
                const PlxDroppedLine *lines,
                guint                 n_lines,
                guint                 page)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < n_lines; i++)
    if (lines[i].page == page)
      {
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, lines[i].text, -1, "dropped", NULL);
        gtk_text_buffer_insert (buffer, &end, "\n", 1);
      }
}

static void
show_document (PlxPdfPreviewDialog *self,
               PlxDocument         *document)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const PlxDroppedLine *dropped;
  const PlxLocator *locators;
  guint n_dropped, n_locators, n_pages = 0;
  g_autofree char *body = NULL;
  GtkTextIter end;

  gtk_text_buffer_create_tag (buffer, "dropped", "strikethrough", TRUE, "foreground", "#c01c28", NULL);
  gtk_text_buffer_create_tag (buffer, "page", "scale", 0.8, "weight", 700, "foreground", "#77767b",
                              "pixels-above-lines", 12, NULL);
  dropped = plx_document_get_dropped_lines (document, &n_dropped);
  locators = plx_document_get_locators (document, &n_locators);

  for (guint i = 0; i < n_locators; i++)
    {
      g_autofree char *heading = NULL;
      g_autofree char *text = NULL;

      if (locators[i].kind != PLX_LOCATOR_PAGE)
        continue;
      if (++n_pages > PREVIEW_PAGES)
        continue;
      gtk_text_buffer_get_end_iter (buffer, &end);
      /* Translators: a page's heading in the preview of a PDF's text */
      heading = g_strdup_printf (_("Page %u"), locators[i].value);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, heading, -1, "page", NULL);
      gtk_text_buffer_insert (buffer, &end, "\n", 1);
      insert_dropped (buffer, dropped, n_dropped, locators[i].value);
      text = plx_document_dup_range (document, locators[i].start, locators[i].end);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, text, -1);
      gtk_text_buffer_insert (buffer, &end, "\n", 1);
    }
  if (n_pages > PREVIEW_PAGES)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("…and %u more page", "…and %u more pages", n_pages - PREVIEW_PAGES),
                                               n_pages - PREVIEW_PAGES);

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, more, -1, "page", NULL);
    }

  body = g_strdup_printf (ngettext ("%u line repeats from page to page (a running header, footer or page number): "
                                    "it is struck through below, and left out unless you keep it.",
                                    "%u lines repeat from page to page (running headers, footers, page numbers): "
                                    "they are struck through below, and left out unless you keep them.",
                                    n_dropped), n_dropped);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

static void
plx_pdf_preview_dialog_dispose (GObject *object)
{
  PlxPdfPreviewDialog *self = PLX_PDF_PREVIEW_DIALOG (object);

  if (self->task != NULL)
    plx_task_return_cancelled (self->task);
  g_clear_object (&self->task);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_PDF_PREVIEW_DIALOG);
  G_OBJECT_CLASS (plx_pdf_preview_dialog_parent_class)->dispose (object);
}

static void
plx_pdf_preview_dialog_class_init (PlxPdfPreviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_pdf_preview_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-pdf-preview-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxPdfPreviewDialog, text_view);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
plx_pdf_preview_dialog_init (PlxPdfPreviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * plx_pdf_preview_dialog_choose_async:
 * @document: a PDF just read, with plx_document_get_dropped_lines()
 *
 * Shows what was read and what was left out, and asks whether to leave it
 * out. Any way of not choosing ends in %G_IO_ERROR_CANCELLED.
 */
void
plx_pdf_preview_dialog_choose_async (GtkWindow           *parent,
                                     PlxDocument         *document,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  PlxPdfPreviewDialog *self;

  g_return_if_fail (PLX_IS_DOCUMENT (document));

  self = g_object_new (PLX_TYPE_PDF_PREVIEW_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  show_document (self, document);
  self->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, plx_pdf_preview_dialog_choose_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_window_close), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self));
}

PlxPdfPreviewChoice
plx_pdf_preview_dialog_choose_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plx_pdf_preview_dialog_choose_async, -1);

  return (PlxPdfPreviewChoice) g_task_propagate_int (G_TASK (result), error);
}
