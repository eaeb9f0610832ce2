/* plx-import-w3c-foreign.c: W3C annotations from other tools (Hypothesis,
 * Recogito), which name no perspective and point at a web page or a
 * document URL rather than at a Parallax document.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-importer"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-importer-private.h"

static PlxDocument *
document_by_id (Importer *im,
                gint64    id)
{
  for (guint i = 0; i < im->project_documents->len; i++)
    {
      PlxDocument *document = g_ptr_array_index (im->project_documents, i);

      if (plx_document_get_id (document) == id)
        return document;
    }
  return NULL;
}

/* Checked before any annotation is read, so a wrong option is named as
 * such rather than as a fault of the file. */
gboolean
_plx_import_foreign_check_options (Importer  *im,
                                   GError   **error)
{
  const PlxImportOptions *options = im->options;

  if (options == NULL)
    return TRUE;
  if (options->perspective != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (options->perspective));

      if (*name == '\0')
        return _plx_import_fail (im, error, PLX_ERROR_INVALID_ARGUMENT,
                                 _("the perspective chosen for the import has an empty name"));
    }
  if (options->document_id != 0 && document_by_id (im, options->document_id) == NULL)
    return _plx_import_fail (im, error, PLX_ERROR_NOT_FOUND,
                             _("the document chosen for the import (%" PRId64 ") is not in this project"),
                             options->document_id);
  return TRUE;
}

/* After the content hash and the title: the document whose provenance URL
 * is @iri (a page annotated in Hypothesis and then imported from its URL),
 * then the document chosen at import. NULL when neither. */
PlxDocument *
_plx_import_foreign_document (Importer   *im,
                              const char *iri)
{
  PlxDocument *by_url = NULL;
  guint n_by_url = 0;

  for (guint i = 0; i < im->project_documents->len; i++)
    {
      PlxDocument *document = g_ptr_array_index (im->project_documents, i);

      if (g_strcmp0 (plx_document_get_meta (document, PLX_DOCUMENT_META_URL), iri) == 0)
        {
          by_url = document;
          n_by_url++;
        }
    }
  /* Two documents read from the same URL (two versions of a page): the
   * chosen document, if any, decides rather than a guess. */
  if (n_by_url == 1)
    return by_url;
  if (im->options != NULL && im->options->document_id != 0)
    return document_by_id (im, im->options->document_id);
  return NULL;
}

/* An annotation without a body with purpose "classifying" takes the
 * perspective chosen at import; without one, the import is refused with
 * a code the app and the CLI can ask on. */
gboolean
_plx_import_foreign_perspective (Importer  *im,
                                 Incoming  *in,
                                 GError   **error)
{
  if (im->options == NULL || im->options->perspective == NULL)
    return _plx_import_fail (im, error, PLX_ERROR_PERSPECTIVE_NEEDED,
                             _("has no TextualBody with purpose “classifying”, as annotations from Hypothesis or "
                               "Recogito have none; choose the perspective they are imported into "
                               "(parallax-cli import --perspective NAME)"));
  in->perspective = g_strstrip (g_strdup (im->options->perspective));
  return TRUE;
}
