/* plx-open-document.c: what the header, the window's title and the empty
 * state show follows from one object, set once per document shown,
 * rather than from calls scattered over the window's files.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-open-document"

#include <glib/gi18n.h>

#include "plx-open-document.h"

struct _PlxOpenDocument
{
  GObject            parent_instance;

  PlxProject        *project;
  PlxDocument       *document;
  PlxAnnotationList *annotations;
  char              *project_name;
  char              *window_title;
};

G_DEFINE_FINAL_TYPE (PlxOpenDocument, plx_open_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT,
  PROP_ANNOTATIONS,
  PROP_SHOWN,
  PROP_TITLE,
  PROP_PROJECT_NAME,
  PROP_WINDOW_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PlxOpenDocument *
plx_open_document_new (void)
{
  return g_object_new (PLX_TYPE_OPEN_DOCUMENT, NULL);
}

static void
update_names (PlxOpenDocument *self)
{
  g_clear_pointer (&self->project_name, g_free);
  g_clear_pointer (&self->window_title, g_free);
  if (self->project != NULL)
    self->project_name = g_path_get_basename (plx_project_get_path (self->project));
  /* The header shows the view switcher, not the title, when wide: the
   * window's own title names the document and project for the window
   * list. */
  if (self->document != NULL && self->project_name != NULL)
    /* Translators: the window's title: document, then project file */
    self->window_title = g_strdup_printf (_("%s — %s"), plx_document_get_title (self->document), self->project_name);
}

/**
 * plx_open_document_set:
 * @project: (nullable): the window's project
 * @document: (nullable): the document shown; NULL: none
 * @annotations: (nullable): @document's passages
 *
 * Shows @document; bound widgets hear of it once, after all is set.
 */
void
plx_open_document_set (PlxOpenDocument   *self,
                       PlxProject        *project,
                       PlxDocument       *document,
                       PlxAnnotationList *annotations)
{
  g_return_if_fail (PLX_IS_OPEN_DOCUMENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->project, project))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  if (g_set_object (&self->annotations, annotations))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATIONS]);
  if (g_set_object (&self->document, document))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
    }
  update_names (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_TITLE]);
  g_object_thaw_notify (G_OBJECT (self));
}

PlxProject *
plx_open_document_get_project (PlxOpenDocument *self)
{
  g_return_val_if_fail (PLX_IS_OPEN_DOCUMENT (self), NULL);
  return self->project;
}

PlxDocument *
plx_open_document_get_document (PlxOpenDocument *self)
{
  g_return_val_if_fail (PLX_IS_OPEN_DOCUMENT (self), NULL);
  return self->document;
}

PlxAnnotationList *
plx_open_document_get_annotations (PlxOpenDocument *self)
{
  g_return_val_if_fail (PLX_IS_OPEN_DOCUMENT (self), NULL);
  return self->annotations;
}

gboolean
plx_open_document_get_shown (PlxOpenDocument *self)
{
  g_return_val_if_fail (PLX_IS_OPEN_DOCUMENT (self), FALSE);
  return self->document != NULL;
}

/* The document's title, or the application's name with none shown. */
const char *
plx_open_document_get_title (PlxOpenDocument *self)
{
  g_return_val_if_fail (PLX_IS_OPEN_DOCUMENT (self), NULL);
  return self->document != NULL ? plx_document_get_title (self->document) : _("Parallax");
}

/* The project file's name once a document is shown, else NULL. */
const char *
plx_open_document_get_project_name (PlxOpenDocument *self)
{
  g_return_val_if_fail (PLX_IS_OPEN_DOCUMENT (self), NULL);
  return self->document != NULL ? self->project_name : NULL;
}

const char *
plx_open_document_get_window_title (PlxOpenDocument *self)
{
  g_return_val_if_fail (PLX_IS_OPEN_DOCUMENT (self), NULL);
  return self->window_title != NULL ? self->window_title : _("Parallax");
}

static void
plx_open_document_finalize (GObject *object)
{
  PlxOpenDocument *self = PLX_OPEN_DOCUMENT (object);

  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_object (&self->annotations);
  g_free (self->project_name);
  g_free (self->window_title);
  G_OBJECT_CLASS (plx_open_document_parent_class)->finalize (object);
}

static void
plx_open_document_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlxOpenDocument *self = PLX_OPEN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ANNOTATIONS:
      g_value_set_object (value, self->annotations);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, plx_open_document_get_shown (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, plx_open_document_get_title (self));
      break;
    case PROP_PROJECT_NAME:
      g_value_set_string (value, plx_open_document_get_project_name (self));
      break;
    case PROP_WINDOW_TITLE:
      g_value_set_string (value, plx_open_document_get_window_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_open_document_class_init (PlxOpenDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plx_open_document_finalize;
  object_class->get_property = plx_open_document_get_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, PLX_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLX_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL, PLX_TYPE_ANNOTATION_LIST,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT_NAME] =
    g_param_spec_string ("project-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW_TITLE] =
    g_param_spec_string ("window-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_open_document_init (PlxOpenDocument *self)
{
}
