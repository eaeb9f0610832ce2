/* plx-search-hit.c: one place a search found: the document, the hit's
 * code-point offsets in its text (the offsets annotations use), the
 * context on each side and the perspectives already tagging it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-search"

#include "plx-search-hit.h"

struct _PlxSearchHit
{
  GObject   parent_instance;

  gint64    document_id;
  guint     start;
  guint     end;
  char     *left;
  char     *match;
  char     *right;
  char     *document_title;
  char    **perspectives;
  gboolean  selected;
};

G_DEFINE_FINAL_TYPE (PlxSearchHit, plx_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plx_search_hit_finalize (GObject *object)
{
  PlxSearchHit *self = PLX_SEARCH_HIT (object);

  g_free (self->left);
  g_free (self->match);
  g_free (self->right);
  g_free (self->document_title);
  g_strfreev (self->perspectives);

  G_OBJECT_CLASS (plx_search_hit_parent_class)->finalize (object);
}

static void
plx_search_hit_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlxSearchHit *self = PLX_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_search_hit_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PlxSearchHit *self = PLX_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      plx_search_hit_set_selected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_search_hit_class_init (PlxSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plx_search_hit_finalize;
  object_class->get_property = plx_search_hit_get_property;
  object_class->set_property = plx_search_hit_set_property;

  /* Chosen for "Code Selected…". */
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_search_hit_init (PlxSearchHit *self)
{
}

PlxSearchHit *
plx_search_hit_new (gint64      document_id,
                    guint       start,
                    guint       end,
                    const char *left,
                    const char *match,
                    const char *right)
{
  PlxSearchHit *self = g_object_new (PLX_TYPE_SEARCH_HIT, NULL);

  self->document_id = document_id;
  self->start = start;
  self->end = end;
  self->left = g_strdup (left);
  self->match = g_strdup (match);
  self->right = g_strdup (right);
  return self;
}

gint64
plx_search_hit_get_document_id (PlxSearchHit *self)
{
  g_return_val_if_fail (PLX_IS_SEARCH_HIT (self), 0);
  return self->document_id;
}

guint
plx_search_hit_get_start (PlxSearchHit *self)
{
  g_return_val_if_fail (PLX_IS_SEARCH_HIT (self), 0);
  return self->start;
}

guint
plx_search_hit_get_end (PlxSearchHit *self)
{
  g_return_val_if_fail (PLX_IS_SEARCH_HIT (self), 0);
  return self->end;
}

const char *
plx_search_hit_get_left (PlxSearchHit *self)
{
  g_return_val_if_fail (PLX_IS_SEARCH_HIT (self), NULL);
  return self->left;
}

const char *
plx_search_hit_get_match (PlxSearchHit *self)
{
  g_return_val_if_fail (PLX_IS_SEARCH_HIT (self), NULL);
  return self->match;
}

const char *
plx_search_hit_get_right (PlxSearchHit *self)
{
  g_return_val_if_fail (PLX_IS_SEARCH_HIT (self), NULL);
  return self->right;
}

const char *
plx_search_hit_get_document_title (PlxSearchHit *self)
{
  g_return_val_if_fail (PLX_IS_SEARCH_HIT (self), NULL);
  return self->document_title ? self->document_title : "";
}

void
plx_search_hit_set_document_title (PlxSearchHit *self,
                                   const char   *title)
{
  g_return_if_fail (PLX_IS_SEARCH_HIT (self));
  g_free (self->document_title);
  self->document_title = g_strdup (title);
}

/* The names of the perspectives whose passages overlap the hit, in the
 * project's order; empty when none does. */
const char * const *
plx_search_hit_get_perspectives (PlxSearchHit *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (PLX_IS_SEARCH_HIT (self), NULL);
  return self->perspectives ? (const char * const *) self->perspectives : none;
}

void
plx_search_hit_set_perspectives (PlxSearchHit       *self,
                                 const char * const *names)
{
  g_return_if_fail (PLX_IS_SEARCH_HIT (self));
  g_strfreev (self->perspectives);
  self->perspectives = g_strdupv ((char **) names);
}

gboolean
plx_search_hit_get_selected (PlxSearchHit *self)
{
  g_return_val_if_fail (PLX_IS_SEARCH_HIT (self), FALSE);
  return self->selected;
}

void
plx_search_hit_set_selected (PlxSearchHit *self,
                             gboolean      selected)
{
  g_return_if_fail (PLX_IS_SEARCH_HIT (self));
  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
