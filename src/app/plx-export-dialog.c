/* plx-export-dialog.c: what to export is asked first, so that the file
 * chooser can offer a name with the format's extension (its own choices
 * cannot change the name).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-export-dialog"

#include <string.h>
#include <glib/gi18n.h>

#include "plx-export-dialog.h"
#include "plx-task.h"

struct _PlxExportDialog
{
  AdwMessageDialog  parent_instance;

  PlxProject       *project;
  PlxDocument      *document;
  GPtrArray        *formats;      /* const PlxFormat *, the Format row's items */
  gboolean          text_chosen;  /* the user ticked or cleared the box */
  GTask            *task;         /* the choice under way */

  AdwComboRow      *format_row;
  AdwComboRow      *scope_row;
  AdwActionRow     *text_row;
  GtkCheckButton   *text_check;
};

G_DEFINE_FINAL_TYPE (PlxExportDialog, plx_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
plx_export_choice_free (PlxExportChoice *choice)
{
  if (choice == NULL)
    return;
  g_clear_object (&choice->file);
  g_free (choice);
}

static const PlxFormat *
selected_format (PlxExportDialog *self)
{
  return g_ptr_array_index (self->formats, adw_combo_row_get_selected (self->format_row));
}

static gboolean
whole_project (PlxExportDialog *self)
{
  return adw_combo_row_get_selected (self->scope_row) == 1;
}

/* Only the native format carries the text. It is wanted by default for a
 * whole project, which is what goes to a colleague; once the user has
 * ticked or cleared the box, their choice stays. */
static void
options_changed_cb (PlxExportDialog *self)
{
  if (self->formats->len == 0)
    return;   /* still being built */
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_row), selected_format (self)->export_format == PLX_EXPORT_FORMAT_NATIVE);
  if (!self->text_chosen)
    {
      g_signal_handlers_block_matched (self->text_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_check_button_set_active (self->text_check, whole_project (self));
      g_signal_handlers_unblock_matched (self->text_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
}

static void
text_toggled_cb (PlxExportDialog *self)
{
  self->text_chosen = TRUE;
}

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                gpointer         data)
{
  g_autoptr(GTask) task = data;
  PlxExportChoice *choice = g_task_get_task_data (task);
  g_autoptr(GFile) chosen = NULL;
  g_autofree char *base = NULL;

  if (response != GTK_RESPONSE_ACCEPT || (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL)
    plx_task_return_cancelled (task);
  else
    {
      PlxExportChoice *chose = g_memdup2 (choice, sizeof *choice);

      base = g_file_get_basename (chosen);
      /* A name typed without an extension gets the format's. */
      if (g_file_peek_path (chosen) != NULL && strchr (base, '.') == NULL)
        {
          g_autofree char *with_extension = g_strconcat (g_file_peek_path (chosen),
                                                         plx_export_format_extension (choice->format), NULL);
          chose->file = g_file_new_for_path (with_extension);
        }
      else
        chose->file = g_steal_pointer (&chosen);
      g_task_return_pointer (task, chose, (GDestroyNotify) plx_export_choice_free);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* Named after what it holds, with the format's extension, beside the
 * project, which the file usually goes with. */
static void
choose_file (PlxExportDialog *self,
             GTask           *task)
{
  PlxExportChoice *choice = g_task_get_task_data (task);
  const PlxFormat *format = plx_format_for_export (choice->format);
  const char *project_path = plx_project_get_path (self->project);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GFile) folder = g_file_get_parent (project_file);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (choice->document_id != 0)
    stem = g_strdup (plx_document_get_title (self->document));
  else
    {
      char *dot;

      stem = g_path_get_basename (project_path);
      if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
        *dot = '\0';
    }
  name = g_strconcat (stem, format->extensions[0], NULL);
  g_strdelimit (name, "/\\:", '-');

  native = gtk_file_chooser_native_new (_("Export Annotations"), gtk_window_get_transient_for (GTK_WINDOW (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _(format->name));
  gtk_file_filter_add_suffix (filter, format->extensions[0] + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (file_chosen_cb), g_object_ref (task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
response_cb (PlxExportDialog *self,
             const char      *response)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  PlxExportChoice *choice;

  if (task == NULL)
    return;
  if (g_strcmp0 (response, "choose") != 0 || g_task_return_error_if_cancelled (task))
    {
      if (!g_task_had_error (task))
        plx_task_return_cancelled (task);
      return;
    }

  choice = g_new0 (PlxExportChoice, 1);
  choice->format = selected_format (self)->export_format;
  choice->document_id = !whole_project (self) && self->document != NULL ? plx_document_get_id (self->document) : 0;
  if (choice->format == PLX_EXPORT_FORMAT_NATIVE && gtk_check_button_get_active (self->text_check))
    choice->flags |= PLX_EXPORT_FLAGS_INCLUDE_TEXT;
  g_task_set_task_data (task, choice, (GDestroyNotify) plx_export_choice_free);
  choose_file (self, task);
}

static void
plx_export_dialog_constructed (GObject *object)
{
  PlxExportDialog *self = PLX_EXPORT_DIALOG (object);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_formats;
  const PlxFormat * const *formats = plx_formats_list (&n_formats);

  G_OBJECT_CLASS (plx_export_dialog_parent_class)->constructed (object);

  for (guint i = 0; i < n_formats; i++)
    if (formats[i]->abilities & PLX_FORMAT_CAN_EXPORT)
      {
        g_ptr_array_add (self->formats, (gpointer) formats[i]);
        gtk_string_list_append (names, _(formats[i]->name));
      }
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));

  if (self->document == NULL)
    {
      adw_combo_row_set_selected (self->scope_row, 1);
      gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), FALSE);
    }
  options_changed_cb (self);
}

static void
plx_export_dialog_dispose (GObject *object)
{
  PlxExportDialog *self = PLX_EXPORT_DIALOG (object);

  /* Closed or destroyed before a response: the caller still hears back. */
  if (self->task != NULL)
    plx_task_return_cancelled (self->task);
  g_clear_object (&self->task);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (plx_export_dialog_parent_class)->dispose (object);
}

static void
plx_export_dialog_finalize (GObject *object)
{
  PlxExportDialog *self = PLX_EXPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_ptr_array_unref (self->formats);
  G_OBJECT_CLASS (plx_export_dialog_parent_class)->finalize (object);
}

static void
plx_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlxExportDialog *self = PLX_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlxExportDialog *self = PLX_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_export_dialog_class_init (PlxExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plx_export_dialog_constructed;
  object_class->dispose = plx_export_dialog_dispose;
  object_class->finalize = plx_export_dialog_finalize;
  object_class->get_property = plx_export_dialog_get_property;
  object_class->set_property = plx_export_dialog_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, PLX_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The current document, for "This document"; NULL: none is open. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLX_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PlxExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, PlxExportDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, PlxExportDialog, text_check);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
plx_export_dialog_init (PlxExportDialog *self)
{
  self->formats = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * plx_export_dialog_choose_async:
 * @document: (nullable): the document shown, offered as "This document"
 *
 * Asks for the format, the scope and the file. Cancelling @cancellable
 * closes the dialog; any way of not choosing ends in %G_IO_ERROR_CANCELLED.
 */
void
plx_export_dialog_choose_async (GtkWindow           *parent,
                                PlxProject          *project,
                                PlxDocument         *document,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  PlxExportDialog *self;

  g_return_if_fail (PLX_IS_PROJECT (project));

  self = g_object_new (PLX_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "project", project,
                       "document", document,
                       NULL);
  self->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, plx_export_dialog_choose_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_window_close), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self));
}

PlxExportChoice *
plx_export_dialog_choose_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plx_export_dialog_choose_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
