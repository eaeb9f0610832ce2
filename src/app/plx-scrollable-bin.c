/* plx-scrollable-bin.c
 *
 * GTK 4.8's GtkScrolledWindow measures its child's full height even when
 * it scrolls that height and does not use the answer. For a grid of
 * cards that means laying out every new card once more at the narrowest
 * width the grid allows, on each tagging. This bin stands between the
 * two: it hands the adjustments and the allocation on to its scrollable
 * child and answers the height question itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-scrollable-bin"
#include "plx-scrollable-bin.h"

struct _PlxScrollableBin
{
  GtkWidget            parent_instance;

  GtkWidget           *child;
  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  GtkScrollablePolicy  hscroll_policy;
  GtkScrollablePolicy  vscroll_policy;
};

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlxScrollableBin, plx_scrollable_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static gboolean
get_border (GtkScrollable *scrollable,
            GtkBorder     *border)
{
  PlxScrollableBin *self = PLX_SCROLLABLE_BIN (scrollable);

  return self->child != NULL && gtk_scrollable_get_border (GTK_SCROLLABLE (self->child), border);
}

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
  iface->get_border = get_border;
}

/* Hands the scrolling state on to the child, which does the scrolling. */
static void
forward (PlxScrollableBin *self)
{
  if (self->child == NULL)
    return;
  g_object_set (self->child,
                "hadjustment", self->hadjustment,
                "vadjustment", self->vadjustment,
                "hscroll-policy", self->hscroll_policy,
                "vscroll-policy", self->vscroll_policy,
                NULL);
}

static void
plx_scrollable_bin_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  PlxScrollableBin *self = PLX_SCROLLABLE_BIN (widget);

  /* The scrolled window scrolls the height: it asks for it, but neither
   * its size nor the child's allocation depend on the answer. */
  if (orientation == GTK_ORIENTATION_VERTICAL || self->child == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
plx_scrollable_bin_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PlxScrollableBin *self = PLX_SCROLLABLE_BIN (widget);

  if (self->child != NULL)
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
plx_scrollable_bin_dispose (GObject *object)
{
  PlxScrollableBin *self = (PlxScrollableBin *) object;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (plx_scrollable_bin_parent_class)->dispose (object);
}

static void
plx_scrollable_bin_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlxScrollableBin *self = PLX_SCROLLABLE_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_scrollable_bin_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlxScrollableBin *self = PLX_SCROLLABLE_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      plx_scrollable_bin_set_child (self, g_value_get_object (value));
      return;
    case PROP_HADJUSTMENT:
      if (!g_set_object (&self->hadjustment, g_value_get_object (value)))
        return;
      break;
    case PROP_VADJUSTMENT:
      if (!g_set_object (&self->vadjustment, g_value_get_object (value)))
        return;
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy == (GtkScrollablePolicy) g_value_get_enum (value))
        return;
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy == (GtkScrollablePolicy) g_value_get_enum (value))
        return;
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  forward (self);
  g_object_notify_by_pspec (object, pspec);
}

static void
plx_scrollable_bin_class_init (PlxScrollableBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_scrollable_bin_dispose;
  object_class->get_property = plx_scrollable_bin_get_property;
  object_class->set_property = plx_scrollable_bin_set_property;
  widget_class->measure = plx_scrollable_bin_measure;
  widget_class->size_allocate = plx_scrollable_bin_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");
}

static void
plx_scrollable_bin_init (PlxScrollableBin *self)
{
}

GtkWidget *
plx_scrollable_bin_new (void)
{
  return g_object_new (PLX_TYPE_SCROLLABLE_BIN, NULL);
}

GtkWidget *
plx_scrollable_bin_get_child (PlxScrollableBin *self)
{
  g_return_val_if_fail (PLX_IS_SCROLLABLE_BIN (self), NULL);
  return self->child;
}

/**
 * plx_scrollable_bin_set_child:
 * @child: (nullable): a GtkScrollable widget
 */
void
plx_scrollable_bin_set_child (PlxScrollableBin *self,
                              GtkWidget        *child)
{
  g_return_if_fail (PLX_IS_SCROLLABLE_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_SCROLLABLE (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      forward (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
