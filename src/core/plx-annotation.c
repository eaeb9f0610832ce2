/* plx-annotation.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-annotation"
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-annotation.h"
#include "plx-error.h"
#include "plx-text.h"

struct _PlxAnnotation
{
  GObject  parent_instance;

  char    *uuid;
  gint64   document_id;
  gint64   perspective_id;
  guint    start;
  guint    end;
  char    *quote;
  char    *prefix;
  char    *suffix;
  /* A book holds tens of thousands of annotations: their authors and
   * themes, a few words used over and over, are interned, and an empty
   * note is NULL. */
  const char **themes;
  char    *note;
  const char *author;
  /* Who last changed it; NULL while that is its author. */
  const char *modifier;
  char    *created;
  char    *modified;
  /* Bumped by the store at every write; the hashes of the revisions
   * before this one, newest first, let a merge tell an edit made on top
   * of the other copy's version from a conflicting one. */
  guint    revision;
  char    *ancestry;
};

G_DEFINE_FINAL_TYPE (PlxAnnotation, plx_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_DOCUMENT_ID,
  PROP_PERSPECTIVE_ID,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_THEMES,
  PROP_NOTE,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
plx_annotation_finalize (GObject *object)
{
  PlxAnnotation *self = (PlxAnnotation *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->ancestry, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->themes, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (plx_annotation_parent_class)->finalize (object);
}

static void
plx_annotation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlxAnnotation *self = PLX_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_PERSPECTIVE_ID:
      g_value_set_int64 (value, self->perspective_id);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->end);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_THEMES:
      g_value_set_boxed (value, self->themes);
      break;
    case PROP_NOTE:
      g_value_set_string (value, plx_annotation_get_note (self));
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_annotation_class_init (PlxAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = plx_annotation_finalize;
  object_class->get_property = plx_annotation_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT_ID] = g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERSPECTIVE_ID] = g_param_spec_int64 ("perspective-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, flags);
  properties[PROP_THEMES] = g_param_spec_boxed ("themes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_annotation_init (PlxAnnotation *self)
{
  self->uuid = plx_text_new_uuid ();
  self->quote = g_strdup ("");
  self->prefix = g_strdup ("");
  self->suffix = g_strdup ("");
  self->themes = g_new0 (const char *, 1);
  self->author = g_intern_static_string ("");
  self->created = plx_text_now_iso8601 ();
  self->modified = g_strdup (self->created);
}

static gboolean
check_range (PlxDocument  *document,
             guint         start,
             guint         end,
             GError      **error)
{
  guint length = plx_document_get_length (document);

  if (start == end)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_EMPTY_SELECTION,
                   _("The selection is empty (start and end are both %u); select at least one character"),
                   start);
      return FALSE;
    }
  if (start > end)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE,
                   _("The selection starts at %u, after its end at %u"), start, end);
      return FALSE;
    }
  if (end > length)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_OUT_OF_RANGE,
                   g_dngettext (GETTEXT_PACKAGE, "The selection %u–%u lies outside the document “%s”, which has %u character",
                                "The selection %u–%u lies outside the document “%s”, which has %u characters", length),
                   start, end, plx_document_get_title (document), length);
      return FALSE;
    }
  return TRUE;
}

/* Sets the offsets and takes quote and context from the document; the
 * caller has checked the range. */
void
plx_annotation_set_range (PlxAnnotation *self,
                          PlxDocument   *document,
                          guint          start,
                          guint          end)
{
  guint prefix_start = start > PLX_ANNOTATION_CONTEXT_LENGTH ? start - PLX_ANNOTATION_CONTEXT_LENGTH : 0;
  guint suffix_end = MIN (end + PLX_ANNOTATION_CONTEXT_LENGTH, plx_document_get_length (document));
  g_autofree char *quote = plx_document_dup_range (document, start, end);
  g_autofree char *prefix = plx_document_dup_range (document, prefix_start, start);
  g_autofree char *suffix = plx_document_dup_range (document, end, suffix_end);

  g_return_if_fail (PLX_IS_ANNOTATION (self));

  plx_annotation_set_document_id (self, plx_document_get_id (document));
  plx_annotation_set_selector (self, start, end, quote, prefix, suffix);
}

PlxAnnotation *
plx_annotation_new_for_range (PlxDocument  *document,
                              guint         start,
                              guint         end,
                              gint64        perspective_id,
                              GError      **error)
{
  PlxAnnotation *self;

  g_return_val_if_fail (PLX_IS_DOCUMENT (document), NULL);

  if (!check_range (document, start, end, error))
    return NULL;

  self = g_object_new (PLX_TYPE_ANNOTATION, NULL);
  plx_annotation_set_range (self, document, start, end);
  self->perspective_id = perspective_id;
  return self;
}

/* The range must lie in the document and the quote must be the text there:
 * an annotation is never stored pointing at the wrong words. */
gboolean
plx_annotation_check_text (PlxAnnotation  *self,
                           PlxDocument    *document,
                           GError        **error)
{
  g_autofree char *actual = NULL;

  g_return_val_if_fail (PLX_IS_ANNOTATION (self), FALSE);

  if (!check_range (document, self->start, self->end, error))
    return FALSE;

  actual = plx_document_dup_range (document, self->start, self->end);
  if (g_strcmp0 (actual, self->quote) != 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_QUOTE_MISMATCH,
                   _("The quote “%s” does not match the text at %u–%u of “%s”, which reads “%s”"),
                   self->quote, self->start, self->end, plx_document_get_title (document), actual);
      return FALSE;
    }
  return TRUE;
}

PlxAnnotation *
plx_annotation_copy (PlxAnnotation *self)
{
  PlxAnnotation *copy;

  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);

  copy = g_object_new (PLX_TYPE_ANNOTATION, NULL);
  plx_annotation_set_uuid (copy, self->uuid);
  copy->document_id = self->document_id;
  copy->perspective_id = self->perspective_id;
  plx_annotation_set_selector (copy, self->start, self->end, self->quote, self->prefix, self->suffix);
  plx_annotation_set_themes (copy, (const char * const *) self->themes);
  plx_annotation_set_note (copy, plx_annotation_get_note (self));
  plx_annotation_set_author (copy, self->author);
  copy->modifier = self->modifier;
  plx_annotation_set_times (copy, self->created, self->modified);
  copy->revision = self->revision;
  copy->ancestry = g_strdup (self->ancestry);
  return copy;
}

gboolean
plx_annotation_equal (PlxAnnotation *a,
                      PlxAnnotation *b)
{
  return g_strcmp0 (a->uuid, b->uuid) == 0 &&
         a->document_id == b->document_id &&
         a->perspective_id == b->perspective_id &&
         a->start == b->start &&
         a->end == b->end &&
         g_strcmp0 (a->quote, b->quote) == 0 &&
         g_strcmp0 (a->prefix, b->prefix) == 0 &&
         g_strcmp0 (a->suffix, b->suffix) == 0 &&
         g_strv_equal ((const char * const *) a->themes, (const char * const *) b->themes) &&
         g_strcmp0 (a->note, b->note) == 0 &&
         a->author == b->author &&
         plx_annotation_get_modifier (a) == plx_annotation_get_modifier (b) &&
         g_strcmp0 (a->created, b->created) == 0 &&
         g_strcmp0 (a->modified, b->modified) == 0;
}

/* Document order: by start, longer passages first, then by uuid so the
 * order is total and stable across runs. */
int
plx_annotation_compare (PlxAnnotation *a,
                        PlxAnnotation *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  return strcmp (a->uuid, b->uuid);
}

const char *
plx_annotation_get_uuid (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->uuid;
}

void
plx_annotation_set_uuid (PlxAnnotation *self,
                         const char    *uuid)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));

  if (replace_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
plx_annotation_get_document_id (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), 0);
  return self->document_id;
}

void
plx_annotation_set_document_id (PlxAnnotation *self,
                                gint64         document_id)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));

  if (self->document_id == document_id)
    return;
  self->document_id = document_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
plx_annotation_get_perspective_id (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), 0);
  return self->perspective_id;
}

void
plx_annotation_set_perspective_id (PlxAnnotation *self,
                                   gint64         perspective_id)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));

  if (self->perspective_id == perspective_id)
    return;
  self->perspective_id = perspective_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSPECTIVE_ID]);
}

guint
plx_annotation_get_start (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), 0);
  return self->start;
}

guint
plx_annotation_get_end (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), 0);
  return self->end;
}

const char *
plx_annotation_get_quote (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->quote;
}

const char *
plx_annotation_get_prefix (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->prefix;
}

const char *
plx_annotation_get_suffix (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->suffix;
}

void
plx_annotation_set_selector (PlxAnnotation *self,
                             guint          start,
                             guint          end,
                             const char    *quote,
                             const char    *prefix,
                             const char    *suffix)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  if (replace_string (&self->quote, quote ? quote : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
  replace_string (&self->prefix, prefix ? prefix : "");
  replace_string (&self->suffix, suffix ? suffix : "");
  g_object_thaw_notify (G_OBJECT (self));
}

const char * const *
plx_annotation_get_themes (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return (const char * const *) self->themes;
}

/* Themes are free tags: trimmed, NFC, empty ones dropped, duplicates
 * (ignoring case) kept once, in the order given. */
char **
plx_themes_normalize (const char * const *themes)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (themes[i]));
      g_autofree char *normal = NULL;
      char *folded;

      if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
        continue;
      normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
      folded = g_utf8_casefold (normal, -1);
      if (!g_hash_table_add (seen, folded))
        continue;
      g_ptr_array_add (result, g_steal_pointer (&normal));
    }
  g_ptr_array_add (result, NULL);
  return (char **) g_ptr_array_steal (result, NULL);
}

void
plx_annotation_set_themes (PlxAnnotation      *self,
                           const char * const *themes)
{
  g_auto(GStrv) normal = NULL;
  const char **interned;
  guint n;

  g_return_if_fail (PLX_IS_ANNOTATION (self));

  normal = plx_themes_normalize (themes);
  if (g_strv_equal ((const char * const *) normal, (const char * const *) self->themes))
    return;
  n = g_strv_length (normal);
  interned = g_new (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    interned[i] = g_intern_string (normal[i]);
  interned[n] = NULL;
  g_free (self->themes);
  self->themes = interned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEMES]);
}

gboolean
plx_annotation_has_theme (PlxAnnotation *self,
                          const char    *theme)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (PLX_IS_ANNOTATION (self), FALSE);

  wanted = g_utf8_casefold (theme, -1);
  for (guint i = 0; self->themes[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (self->themes[i], -1);

      if (strcmp (folded, wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

const char *
plx_annotation_get_note (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->note != NULL ? self->note : "";
}

void
plx_annotation_set_note (PlxAnnotation *self,
                         const char    *note)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));

  if (note == NULL)
    note = "";
  if (strcmp (note, plx_annotation_get_note (self)) == 0)
    return;
  g_free (self->note);
  self->note = *note != '\0' ? g_strdup (note) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
plx_annotation_get_author (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->author;
}

void
plx_annotation_set_author (PlxAnnotation *self,
                           const char    *author)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));

  author = g_intern_string (author ? author : "");
  if (author == self->author)
    return;
  self->author = author;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

/* The coder who last changed it: its author until someone else edits it. */
const char *
plx_annotation_get_modifier (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->modifier != NULL ? self->modifier : self->author;
}

void
plx_annotation_set_modifier (PlxAnnotation *self,
                             const char    *modifier)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));

  self->modifier = modifier != NULL && *modifier != '\0' ? g_intern_string (modifier) : NULL;
}

const char *
plx_annotation_get_created (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->created;
}

const char *
plx_annotation_get_modified (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->modified;
}

void
plx_annotation_set_times (PlxAnnotation *self,
                          const char    *created,
                          const char    *modified)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));

  if (replace_string (&self->created, created))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
  if (replace_string (&self->modified, modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
plx_annotation_touch (PlxAnnotation *self)
{
  g_autofree char *now = plx_text_now_iso8601 ();

  g_return_if_fail (PLX_IS_ANNOTATION (self));

  /* Two edits within one millisecond must still order. */
  if (g_strcmp0 (now, self->modified) <= 0)
    {
      g_autoptr(GDateTime) previous = g_date_time_new_from_iso8601 (self->modified, NULL);
      if (previous != NULL)
        {
          g_autoptr(GDateTime) later = g_date_time_add (previous, 1000);
          g_autofree char *seconds = g_date_time_format (later, "%Y-%m-%dT%H:%M:%S");
          g_free (now);
          now = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (later) / 1000);
        }
    }
  plx_annotation_set_times (self, self->created, now);
}

guint
plx_annotation_get_revision (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), 0);
  return self->revision;
}

void
plx_annotation_set_revision (PlxAnnotation *self,
                             guint          revision)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));
  self->revision = revision;
}

/* Space-separated revision hashes, newest first; "" when there were none. */
const char *
plx_annotation_get_ancestry (PlxAnnotation *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);
  return self->ancestry ? self->ancestry : "";
}

void
plx_annotation_set_ancestry (PlxAnnotation *self,
                             const char    *ancestry)
{
  g_return_if_fail (PLX_IS_ANNOTATION (self));

  g_free (self->ancestry);
  self->ancestry = ancestry != NULL && *ancestry != '\0' ? g_strdup (ancestry) : NULL;
}

/* A short hash of what a coder can change in an annotation: where it is,
 * its perspective (by UUID, the same in every copy of a project), themes
 * and note. Two copies that made the same edit apart agree on it. */
char *
plx_annotation_dup_revision_hash (PlxAnnotation *self,
                                  const char    *perspective_uuid)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char numbers[64];

  g_return_val_if_fail (PLX_IS_ANNOTATION (self), NULL);

  g_snprintf (numbers, sizeof numbers, "%u\x1f%u\x1f", self->start, self->end);
  g_checksum_update (checksum, (const guchar *) numbers, -1);
  g_checksum_update (checksum, (const guchar *) (perspective_uuid ? perspective_uuid : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  for (guint i = 0; self->themes[i] != NULL; i++)
    {
      g_checksum_update (checksum, (const guchar *) self->themes[i], -1);
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
    }
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) (self->note ? self->note : ""), -1);
  return g_strndup (g_checksum_get_string (checksum), 16);
}
