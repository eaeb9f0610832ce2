/* plx-agreement-window.c: measured in the core's worker (a thousand
 * resamples per measure), shown as a table whose every value a screen
 * reader reads with its question, measure, group and coders.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-agreement-window"

#include <math.h>
#include <glib/gi18n.h>

#include "plx-a11y.h"
#include "plx-agreement-window.h"
#include "plx-table-grid.h"

struct _PlxAgreementWindow
{
  AdwWindow      parent_instance;

  PlxProject    *project;
  GCancellable  *cancellable;   /* the computation under way */

  GtkDropDown   *group_dropdown;
  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *status_page;
  PlxTableGrid  *table;
};

G_DEFINE_FINAL_TYPE (PlxAgreementWindow, plx_agreement_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_COMPUTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
aspect_label (const char *aspect)
{
  if (g_str_equal (aspect, "unitizing"))
    return _("Where");
  if (g_str_equal (aspect, "attribution"))
    return _("Whose voice");
  return _("What about");
}

static const char *
measure_label (const char *measure)
{
  if (g_str_equal (measure, "alpha_u"))
    return _("Krippendorff’s α over characters");
  if (g_str_equal (measure, "alpha_nominal"))
    return _("Krippendorff’s α");
  if (g_str_equal (measure, "alpha_masi"))
    return _("Krippendorff’s α, MASI distance");
  if (g_str_equal (measure, "cohen_kappa"))
    return _("Cohen’s κ");
  if (g_str_equal (measure, "fleiss_kappa"))
    return _("Fleiss’ κ");
  return _("Same answer");
}

static char *
format_value (const PlxAgreementRow *row,
              double                 value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (value == 0)
    value = 0;   /* not "-0.000" */
  if (g_str_equal (row->measure, "percent"))
    return g_strdup_printf ("%.1f%%", value * 100);
  return g_strdup_printf ("%.3f", value);
}

static GtkWidget *
text_cell (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_table (PlxAgreementWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (GTK_GRID (self->table), child);
}

static void
fill_table (PlxAgreementWindow *self,
            GPtrArray          *rows)
{
  const char *headers[] = {
    N_("Question"), N_("Measure"), N_("Group"), N_("Coders"), N_("Value"),
    /* xgettext:no-c-format */
    N_("95% interval"),
    N_("Units"),
  };

  clear_table (self);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *header = text_cell (_(headers[c]), "heading");

      gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, _(headers[c]), -1);
      gtk_grid_attach (GTK_GRID (self->table), header, (int) c, 0, 1, 1);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const PlxAgreementRow *row = g_ptr_array_index (rows, i);
      const char *group = *row->group != '\0' ? row->group : _("All passages");
      g_autofree char *value = format_value (row, row->value);
      g_autofree char *low = format_value (row, row->ci_low);
      g_autofree char *high = format_value (row, row->ci_high);
      g_autofree char *interval = isfinite (row->ci_low) ? g_strdup_printf ("%s – %s", low, high) : g_strdup ("—");
      g_autofree char *units = g_str_equal (row->aspect, "unitizing")
                               ? g_strdup_printf (ngettext ("%u character", "%u characters", row->units), row->units)
                               : g_strdup_printf (ngettext ("%u passage", "%u passages", row->units), row->units);
      /* Translators: what a screen reader reads for an agreement value:
       * question, measure, group, coders */
      g_autofree char *where = g_strdup_printf (_("%s, %s, %s, %s"), aspect_label (row->aspect),
                                                measure_label (row->measure), group, row->coders);
      /* Translators: a table cell read aloud: its row, its column, then what it shows */
      g_autofree char *value_name = g_strdup_printf (_("%s, %s: %s"), where, _(headers[4]), value);
      g_autofree char *interval_name = g_strdup_printf (_("%s, %s: %s"), where, _(headers[5]), interval);
      g_autofree char *units_name = g_strdup_printf (_("%s, %s: %s"), where, _(headers[6]), units);
      int top = (int) i + 1;

      gtk_grid_attach (GTK_GRID (self->table), text_cell (aspect_label (row->aspect), NULL), 0, top, 1, 1);
      gtk_grid_attach (GTK_GRID (self->table), text_cell (measure_label (row->measure), NULL), 1, top, 1, 1);
      gtk_grid_attach (GTK_GRID (self->table), text_cell (group, NULL), 2, top, 1, 1);
      gtk_grid_attach (GTK_GRID (self->table), text_cell (row->coders, "dim-label"), 3, top, 1, 1);
      plx_table_grid_attach_cell (self->table, value, value_name, 4, top);
      plx_table_grid_attach_cell (self->table, interval, interval_name, 5, top);
      plx_table_grid_attach_cell (self->table, units, units_name, 6, top);
    }
}

static void
set_computing (PlxAgreementWindow *self,
               gboolean            computing)
{
  gtk_spinner_set_spinning (self->spinner, computing);
  if (computing)
    gtk_stack_set_visible_child_name (self->stack, "computing");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
}

static void
computed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(PlxAgreementWindow) self = data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = plx_agreement_compute_finish (PLX_PROJECT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (rows == NULL)
    {
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "message");
    }
  else
    {
      fill_table (self, rows);
      gtk_stack_set_visible_child_name (self->stack, "table");
    }
  set_computing (self, FALSE);
}

static void
compute (PlxAgreementWindow *self)
{
  static const PlxAgreementBy groups[] = {
    PLX_AGREEMENT_BY_NONE, PLX_AGREEMENT_BY_PERSPECTIVE, PLX_AGREEMENT_BY_THEME, PLX_AGREEMENT_BY_SECTION,
  };
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);
  PlxAgreementOptions options = {
    NULL, 0, groups[MIN (selected, G_N_ELEMENTS (groups) - 1)],
    PLX_AGREEMENT_DEFAULT_OVERLAP, PLX_AGREEMENT_DEFAULT_SAMPLES,
  };

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_computing (self, TRUE);
  plx_agreement_compute_async (self->project, &options, self->cancellable, computed_cb, g_object_ref (self));
}

static void
group_changed_cb (PlxAgreementWindow *self)
{
  if (self->project != NULL)
    compute (self);
}

gboolean
plx_agreement_window_get_computing (PlxAgreementWindow *self)
{
  g_return_val_if_fail (PLX_IS_AGREEMENT_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

static void
plx_agreement_window_constructed (GObject *object)
{
  PlxAgreementWindow *self = PLX_AGREEMENT_WINDOW (object);

  G_OBJECT_CLASS (plx_agreement_window_parent_class)->constructed (object);
  compute (self);
}

static void
plx_agreement_window_dispose (GObject *object)
{
  PlxAgreementWindow *self = PLX_AGREEMENT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_AGREEMENT_WINDOW);
  G_OBJECT_CLASS (plx_agreement_window_parent_class)->dispose (object);
}

static void
plx_agreement_window_finalize (GObject *object)
{
  PlxAgreementWindow *self = PLX_AGREEMENT_WINDOW (object);

  g_clear_object (&self->project);
  G_OBJECT_CLASS (plx_agreement_window_parent_class)->finalize (object);
}

static void
plx_agreement_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlxAgreementWindow *self = PLX_AGREEMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_COMPUTING:
      g_value_set_boolean (value, plx_agreement_window_get_computing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_agreement_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlxAgreementWindow *self = PLX_AGREEMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_agreement_window_class_init (PlxAgreementWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plx_agreement_window_constructed;
  object_class->dispose = plx_agreement_window_dispose;
  object_class->finalize = plx_agreement_window_finalize;
  object_class->get_property = plx_agreement_window_get_property;
  object_class->set_property = plx_agreement_window_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, PLX_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLX_TYPE_TABLE_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-agreement-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxAgreementWindow, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlxAgreementWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PlxAgreementWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlxAgreementWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, PlxAgreementWindow, table);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plx_agreement_window_init (PlxAgreementWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  plx_a11y_name_dropdown (self->group_dropdown, _("Group"));
}

PlxAgreementWindow *
plx_agreement_window_new (GtkWindow  *parent,
                          PlxProject *project)
{
  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  return g_object_new (PLX_TYPE_AGREEMENT_WINDOW,
                       "transient-for", parent,
                       "project", project,
                       NULL);
}
