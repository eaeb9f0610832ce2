/* plx-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-document"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "plx-document-private.h"
#include "plx-error.h"
#include "plx-format.h"
#include "plx-text.h"

/* A byte offset is remembered every CHECKPOINT_STRIDE code points, so that
 * converting offsets on a book-length text walks at most that many chars. */
#define CHECKPOINT_STRIDE 256


G_DEFINE_FINAL_TYPE (PlxDocument, plx_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_LENGTH,
  PROP_CONTENT_HASH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
section_clear (gpointer data)
{
  PlxSection *section = data;

  g_clear_pointer (&section->title, g_free);
}

static void
index_text (PlxDocument *self)
{
  const char *p = self->text;
  guint offset = 0;

  self->text_bytes = strlen (self->text);
  self->checkpoints = g_array_new (FALSE, FALSE, sizeof (gsize));
  while (TRUE)
    {
      if (offset % CHECKPOINT_STRIDE == 0)
        {
          gsize byte_index = (gsize) (p - self->text);
          g_array_append_val (self->checkpoints, byte_index);
        }
      if (*p == '\0')
        break;
      p = g_utf8_next_char (p);
      offset++;
    }
  self->length = offset;
  self->content_hash = plx_text_sha256 (self->text);
}

static void
collect_sections (PlxDocument *self)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const PlxBlock *block = &g_array_index (self->blocks, PlxBlock, i);
      PlxSection section;

      if (block->kind != PLX_BLOCK_HEADING)
        continue;
      if (self->sections->len > 0)
        g_array_index (self->sections, PlxSection, self->sections->len - 1).end = block->start;
      section.title = plx_document_dup_range (self, block->start, block->end);
      section.start = block->start;
      section.end = self->length;
      g_array_append_val (self->sections, section);
    }
}

static char *
find_title (PlxDocument *self,
            const char  *fallback_title)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const PlxBlock *block = &g_array_index (self->blocks, PlxBlock, i);

      if (block->kind == PLX_BLOCK_TITLE)
        return plx_document_dup_range (self, block->start, block->end);
    }
  if (fallback_title != NULL && *fallback_title != '\0')
    return g_strdup (fallback_title);
  if (self->blocks->len > 0)
    {
      const PlxBlock *first = &g_array_index (self->blocks, PlxBlock, 0);
      g_autofree char *line = plx_document_dup_range (self, first->start, MIN (first->end, first->start + 80));
      return g_strstrip (g_steal_pointer (&line));
    }
  return g_strdup (_("Untitled"));
}

static int
compare_locators (gconstpointer a,
                  gconstpointer b)
{
  const PlxLocator *x = a;
  const PlxLocator *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* Sorts the locators by kind and start, and notes where each kind begins,
 * so that a citation is a binary search. */
void
_plx_document_index_locators (PlxDocument *self)
{
  guint kind = 0;

  g_array_sort (self->locators, compare_locators);
  for (guint i = 0; i <= self->locators->len; i++)
    {
      guint here = i < self->locators->len ? g_array_index (self->locators, PlxLocator, i).kind
                                           : PLX_LOCATOR_SPEAKER + 1;
      while (kind <= here && kind < G_N_ELEMENTS (self->locators_by_kind))
        self->locators_by_kind[kind++] = i;
    }
  while (kind < G_N_ELEMENTS (self->locators_by_kind))
    self->locators_by_kind[kind++] = self->locators->len;
}

gboolean
_plx_document_check_ranges (PlxDocument  *self,
                            GError      **error)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const PlxBlock *block = &g_array_index (self->blocks, PlxBlock, i);

      if (block->start > block->end || block->end > self->length)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                       _("its structure points outside the text (%u–%u of %u characters)"),
                       block->start, block->end, self->length);
          return FALSE;
        }
    }
  for (guint i = 0; i < self->locators->len; i++)
    {
      const PlxLocator *locator = &g_array_index (self->locators, PlxLocator, i);

      if (locator->kind > PLX_LOCATOR_SPEAKER || locator->start > locator->end || locator->end > self->length)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                       _("its page and time marks point outside the text (%u–%u of %u characters)"),
                       locator->start, locator->end, self->length);
          return FALSE;
        }
    }
  return TRUE;
}

static void
dropped_line_clear (gpointer data)
{
  g_clear_pointer (&((PlxDroppedLine *) data)->text, g_free);
}

static char *
title_from_file_name (const char *file_name)
{
  g_autofree char *base = NULL;
  char *dot;

  if (file_name == NULL || *file_name == '\0')
    return NULL;
  base = g_path_get_basename (file_name);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* Reads @original with @format's reader. A text format's source is kept
 * as its NFC text; the original bytes are kept apart only where they
 * differ from it (a BOM, CRLF line ends, another normal form). */
static PlxDocument *
read_document (PlxDocumentFormat   format,
               GBytes             *original,
               const char         *file_name,
               const char         *fallback_title,
               const char         *password,
               PlxReadFlags        flags,
               GCancellable       *cancellable,
               GError            **error)
{
  const PlxFormat *reader = plx_format_for_document (format);
  g_autoptr(PlxDocument) self = NULL;
  PlxReadJob job = { 0, };
  gsize size = g_bytes_get_size (original);
  gboolean same = FALSE;

  if (size > PLX_DOCUMENT_MAX_FILE_SIZE)
    {
      g_autofree char *have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (PLX_DOCUMENT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   _("the file is %s; Parallax reads documents up to %s"), have, limit);
      return NULL;
    }

  job.original = original;
  job.file_name = file_name;
  job.cancellable = cancellable;
  job.password = password;
  job.flags = flags;
  job.dropped = g_array_new (FALSE, FALSE, sizeof (PlxDroppedLine));
  g_array_set_clear_func (job.dropped, dropped_line_clear);
  job.blocks = g_array_new (FALSE, FALSE, sizeof (PlxBlock));
  job.locators = g_array_new (FALSE, FALSE, sizeof (PlxLocator));
  if (!plx_format_read (reader, &job, error))
    {
      plx_read_job_clear (&job);
      return NULL;
    }

  self = g_object_new (PLX_TYPE_DOCUMENT, NULL);
  self->format = format;
  g_array_append_vals (self->blocks, job.blocks->data, job.blocks->len);
  g_array_append_vals (self->locators, job.locators->data, job.locators->len);
  if (reader->text_source)
    {
      self->source = (char *) g_steal_pointer (&job.source);
      self->text = job.text != NULL ? g_steal_pointer (&job.text) : self->source;
      same = size == strlen (self->source) && memcmp (g_bytes_get_data (original, NULL), self->source, size) == 0;
    }
  else
    {
      self->text = g_steal_pointer (&job.text);
      self->source = self->text;
    }
  if (!same)
    self->original = g_bytes_ref (original);
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    if (job.meta[m] != NULL)
      self->meta[m] = g_strdup (job.meta[m]);
  index_text (self);
  if (!_plx_document_check_ranges (self, error))
    {
      plx_read_job_clear (&job);
      return NULL;
    }
  _plx_document_index_locators (self);
  collect_sections (self);
  if (job.title != NULL && *g_strstrip (job.title) != '\0')
    self->title = g_strdup (job.title);
  else
    {
      g_autofree char *from_name = title_from_file_name (file_name);
      self->title = find_title (self, fallback_title != NULL ? fallback_title : from_name);
    }
  self->original_name = file_name != NULL ? g_path_get_basename (file_name) : NULL;
  self->original_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);
  self->added = plx_text_now_iso8601 ();
  self->reader = g_strdup (reader->id);
  self->reader_version = reader->reader_version;
  self->dropped = g_steal_pointer (&job.dropped);
  plx_read_job_clear (&job);
  return g_steal_pointer (&self);
}

PlxDocument *
plx_document_new_from_data (const char         *data,
                            gsize               length,
                            PlxDocumentFormat   format,
                            const char         *fallback_title,
                            GError            **error)
{
  g_autoptr(GBytes) original = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* No copy: the document keeps the bytes only if they differ from the
   * normalised source, and then it copies them below. */
  original = g_bytes_new_static (data ? data : "", length);
  {
    g_autoptr(PlxDocument) self = read_document (format, original, NULL, fallback_title, NULL, PLX_READ_FLAGS_NONE, NULL, error);

    if (self != NULL && self->original != NULL)
      {
        g_bytes_unref (self->original);
        self->original = g_bytes_new (data, length);
      }
    return g_steal_pointer (&self);
  }
}

/**
 * plx_document_new_from_bytes:
 * @original: the file's bytes, as they were
 * @file_name: (nullable): its name, kept with the document and used in
 *   messages and as the title when the file has none
 * @password: (nullable): for an encrypted file (PLX_ERROR_PASSWORD_NEEDED)
 *
 * Reads a document of @format; may run in a worker thread.
 */
PlxDocument *
plx_document_new_from_bytes (GBytes             *original,
                             const char         *file_name,
                             PlxDocumentFormat   format,
                             const char         *password,
                             PlxReadFlags        flags,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  PlxDocument *document;

  g_return_val_if_fail (original != NULL, NULL);

  document = read_document (format, original, file_name, NULL, password, flags, cancellable, &local_error);
  if (document == NULL)
    {
      if (file_name != NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error (error, local_error->domain, local_error->code, "%s: %s", file_name, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return document;
}

/* Blocks as stored: three little-endian 32-bit numbers each (kind,
 * start, end), so a document is never parsed again once added. */
GBytes *
plx_document_pack_blocks (PlxDocument *self)
{
  guint32 *packed;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);

  packed = g_new (guint32, (gsize) self->blocks->len * 3 + 1);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const PlxBlock *block = &g_array_index (self->blocks, PlxBlock, i);

      packed[i * 3] = GUINT32_TO_LE ((guint32) block->kind);
      packed[i * 3 + 1] = GUINT32_TO_LE (block->start);
      packed[i * 3 + 2] = GUINT32_TO_LE (block->end);
    }
  return g_bytes_new_take (packed, (gsize) self->blocks->len * 3 * sizeof (guint32));
}

static gboolean
unpack_blocks (PlxDocument   *self,
               const guint8  *data,
               gsize          size,
               GError       **error)
{
  if (size % (3 * sizeof (guint32)) != 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT, _("its structure is cut short"));
      return FALSE;
    }
  for (gsize at = 0; at < size; at += 3 * sizeof (guint32))
    {
      guint32 values[3];
      PlxBlock block;

      memcpy (values, data + at, sizeof values);
      block.kind = (PlxBlockKind) GUINT32_FROM_LE (values[0]);
      block.start = GUINT32_FROM_LE (values[1]);
      block.end = GUINT32_FROM_LE (values[2]);
      if (values[0] > PLX_BLOCK_FOOTNOTE_MARK || block.start > block.end || block.end > self->length)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                       g_dngettext (GETTEXT_PACKAGE, "its structure points outside the text (%u–%u of %u character)",
                                    "its structure points outside the text (%u–%u of %u characters)", self->length),
                       block.start, block.end, self->length);
          return FALSE;
        }
      g_array_append_val (self->blocks, block);
    }
  return TRUE;
}

/**
 * plx_document_new_from_stored:
 * @source: (transfer full) (nullable): the source the text was read from,
 *   %NULL when it is the text itself
 * @text: (transfer full): the text the offsets refer to
 * @content_hash: what the text's hash was when it was stored
 *
 * Makes a document from what a store kept when it was added: the text as
 * it was read then, whatever the readers do today.
 */
PlxDocument *
plx_document_new_from_stored (const char         *title,
                              PlxDocumentFormat   format,
                              char               *source,
                              char               *text,
                              const guint8       *blocks,
                              gsize               blocks_size,
                              const char         *content_hash,
                              GError            **error)
{
  g_autoptr(PlxDocument) self = g_object_new (PLX_TYPE_DOCUMENT, NULL);

  self->format = format;
  self->text = text;
  self->source = source != NULL ? source : text;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT, _("its text is not valid UTF-8"));
      return NULL;
    }
  index_text (self);
  if (g_strcmp0 (self->content_hash, content_hash) != 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_CORRUPT,
                   _("its text no longer matches the hash it was stored with"));
      return NULL;
    }
  if (!unpack_blocks (self, blocks, blocks_size, error))
    return NULL;
  _plx_document_index_locators (self);
  collect_sections (self);
  self->title = g_strdup (title);
  self->reader = g_strdup (plx_document_format_to_string (format));
  self->reader_version = plx_document_format_reader_version (format);
  return g_steal_pointer (&self);
}

/* The version of the reader that turns a source of @format into text and
 * blocks: stored with each document, so that a change to a reader can be
 * told from damage, and documents read by an older one are known. */
guint
plx_document_format_reader_version (PlxDocumentFormat format)
{
  return plx_format_for_document (format)->reader_version;
}

/* Markdown for its extensions, plain text for anything else. */
PlxDocumentFormat
plx_document_format_for_name (const char *file_name)
{
  const PlxFormat *format = plx_format_for_file_name (PLX_FORMAT_DOCUMENT, file_name);

  return format != NULL ? format->document_format : PLX_DOCUMENT_FORMAT_PLAIN;
}

const char *
plx_document_format_to_string (PlxDocumentFormat format)
{
  return plx_format_for_document (format)->id;
}

gboolean
plx_document_format_from_string (const char        *name,
                                 PlxDocumentFormat *format)
{
  const PlxFormat *found = plx_format_find (name);

  if (found == NULL || found->role != PLX_FORMAT_DOCUMENT)
    return FALSE;
  *format = found->document_format;
  return TRUE;
}

static GBytes *
load_file (GFile         *file,
           const char    *name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;
  gsize length = 0;

  /* Refused before anything is read into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && (guint64) g_file_info_get_size (info) > PLX_DOCUMENT_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full ((guint64) g_file_info_get_size (info),
                                                  G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (PLX_DOCUMENT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   _("%s: the file is %s; Parallax reads documents up to %s"), name, size, limit);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

/**
 * plx_document_new_from_file_as:
 * @format_id: (nullable): a document format's id or alias; %NULL: told
 *   from the file's content, then its name
 * @password: (nullable): for an encrypted file (PLX_ERROR_PASSWORD_NEEDED)
 *
 * Reads @file, whose name and path its errors begin with.
 */
PlxDocument *
plx_document_new_from_file_as (GFile         *file,
                               const char    *format_id,
                               const char    *password,
                               PlxReadFlags   flags,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  const char *name = g_file_peek_path (file) ? g_file_peek_path (file) : basename;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const PlxFormat *format = NULL;
  PlxDocument *document;

  if (format_id != NULL)
    {
      format = plx_format_find (format_id);
      if (format == NULL || format->role != PLX_FORMAT_DOCUMENT)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a document format; “parallax-cli formats” lists them"), format_id);
          return NULL;
        }
    }
  bytes = load_file (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  if (format == NULL)
    format = plx_format_for_content (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), basename);

  document = read_document (format->document_format, bytes, basename, NULL, password, flags, cancellable,
                            &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
    }
  return document;
}

PlxDocument *
plx_document_new_from_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return plx_document_new_from_file_as (file, NULL, NULL, PLX_READ_FLAGS_NONE, cancellable, error);
}

typedef struct {
  GFile        *file;
  char         *format_id;
  char         *password;
  PlxReadFlags  flags;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_clear_object (&job->file);
  g_free (job->format_id);
  g_free (job->password);
  g_free (job);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_file_as (job->file, job->format_id, job->password, job->flags,
                                                         cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * plx_document_read_file_async:
 *
 * plx_document_new_from_file_as() in a worker thread: a book or a long
 * PDF takes a while to read. Cancelling stops the reader between pages
 * (PDF), cues or lines, or stops pandoc.
 */
void
plx_document_read_file_async (GFile               *file,
                              const char          *format_id,
                              const char          *password,
                              PlxReadFlags         flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ReadJob, 1);
  job->file = g_object_ref (file);
  job->format_id = g_strdup (format_id);
  job->password = g_strdup (password);
  job->flags = flags;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plx_document_read_file_async);
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_file_thread);
}

PlxDocument *
plx_document_read_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* plx_document_new_from_file() in a worker thread. */
void
plx_document_new_from_file_async (GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  plx_document_read_file_async (file, NULL, NULL, PLX_READ_FLAGS_NONE, cancellable, callback, user_data);
}

PlxDocument *
plx_document_new_from_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return plx_document_read_file_finish (result, error);
}

static void
plx_document_finalize (GObject *object)
{
  PlxDocument *self = (PlxDocument *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  if (self->text == self->source)
    self->text = NULL;
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->content_hash, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->checkpoints, g_array_unref);
  g_clear_pointer (&self->locators, g_array_unref);
  g_clear_pointer (&self->paragraph_starts, g_array_unref);
  g_clear_pointer (&self->dropped, g_array_unref);
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->original_name, g_free);
  g_clear_pointer (&self->original_sha256, g_free);
  g_clear_pointer (&self->added, g_free);
  g_clear_pointer (&self->reader, g_free);
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    g_clear_pointer (&self->meta[m], g_free);

  G_OBJECT_CLASS (plx_document_parent_class)->finalize (object);
}

static void
plx_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlxDocument *self = PLX_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LENGTH:
      g_value_set_uint (value, self->length);
      break;
    case PROP_CONTENT_HASH:
      g_value_set_string (value, self->content_hash);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlxDocument *self = PLX_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      plx_document_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      plx_document_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_document_class_init (PlxDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plx_document_finalize;
  object_class->get_property = plx_document_get_property;
  object_class->set_property = plx_document_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT_HASH] =
    g_param_spec_string ("content-hash", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_document_init (PlxDocument *self)
{
  self->uuid = plx_text_new_uuid ();
  self->blocks = g_array_new (FALSE, FALSE, sizeof (PlxBlock));
  self->locators = g_array_new (FALSE, FALSE, sizeof (PlxLocator));
  self->sections = g_array_new (FALSE, FALSE, sizeof (PlxSection));
  g_array_set_clear_func (self->sections, section_clear);
}

gint64
plx_document_get_id (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), 0);
  return self->id;
}

void
plx_document_set_id (PlxDocument *self,
                     gint64       id)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* Stable across copies of a project, unlike the id. */
const char *
plx_document_get_uuid (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->uuid;
}

void
plx_document_set_uuid (PlxDocument *self,
                       const char  *uuid)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));
  g_return_if_fail (uuid != NULL);

  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
}

/* NULL when the source is the text itself (plain text). */
const char *
plx_document_get_distinct_source (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->source != self->text ? self->source : NULL;
}

const char *
plx_document_get_title (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
plx_document_set_title (PlxDocument *self,
                        const char  *title)
{
  g_return_if_fail (PLX_IS_DOCUMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

PlxDocumentFormat
plx_document_get_format (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), PLX_DOCUMENT_FORMAT_PLAIN);
  return self->format;
}

const char *
plx_document_get_source (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->source;
}

const char *
plx_document_get_text (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->text;
}

gsize
plx_document_get_text_bytes (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), 0);
  return self->text_bytes;
}

guint
plx_document_get_length (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), 0);
  return self->length;
}

const char *
plx_document_get_content_hash (PlxDocument *self)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  return self->content_hash;
}

const PlxBlock *
plx_document_get_blocks (PlxDocument *self,
                         guint       *n_blocks)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  *n_blocks = self->blocks->len;
  return (const PlxBlock *) (gpointer) self->blocks->data;
}

const PlxSection *
plx_document_get_sections (PlxDocument *self,
                           guint       *n_sections)
{
  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);
  *n_sections = self->sections->len;
  return (const PlxSection *) (gpointer) self->sections->data;
}

gsize
plx_document_offset_to_byte (PlxDocument *self,
                             guint        offset)
{
  gsize checkpoint;
  gsize byte_index;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), 0);

  offset = MIN (offset, self->length);
  checkpoint = offset / CHECKPOINT_STRIDE;
  byte_index = g_array_index (self->checkpoints, gsize, checkpoint);
  return byte_index + plx_text_offset_to_byte (self->text + byte_index,
                                               self->text_bytes - byte_index,
                                               offset - checkpoint * CHECKPOINT_STRIDE);
}

guint
plx_document_byte_to_offset (PlxDocument *self,
                             gsize        byte_index)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), 0);

  byte_index = MIN (byte_index, self->text_bytes);
  hi = self->checkpoints->len - 1;
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (g_array_index (self->checkpoints, gsize, mid) <= byte_index)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo * CHECKPOINT_STRIDE +
         (guint) plx_text_byte_to_offset (self->text + g_array_index (self->checkpoints, gsize, lo),
                                          byte_index - g_array_index (self->checkpoints, gsize, lo));
}

char *
plx_document_dup_range (PlxDocument *self,
                        guint        start,
                        guint        end)
{
  gsize start_byte;
  gsize end_byte;

  g_return_val_if_fail (PLX_IS_DOCUMENT (self), NULL);

  start = MIN (start, self->length);
  end = CLAMP (end, start, self->length);
  start_byte = plx_document_offset_to_byte (self, start);
  end_byte = plx_document_offset_to_byte (self, end);
  return g_strndup (self->text + start_byte, end_byte - start_byte);
}
