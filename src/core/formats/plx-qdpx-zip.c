/* plx-qdpx-zip.c: the .qdpx archive (a zip, through libarchive) and the
 * checks of its XML against the REFI-QDA schemas (libxml2).
 *
 * Reading never trusts the archive: every entry is unpacked and counted,
 * whatever its headers say, and the whole is refused on a name that
 * leaves the archive, a link, or more bytes than the caps allow (a zip
 * bomb). XML with a DOCTYPE is refused before it is parsed, so entities
 * can neither expand nor reach outside.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-qdpx"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "plx-error.h"
#include "plx-format.h"
#include "plx-qdpx-private.h"
#include "plx-refi-qda-resources.h"

/* The first schema errors a refusal lists. */
#define MAX_SCHEMA_ERRORS 5

void
_plx_qdpx_entry_free (gpointer data)
{
  PlxQdpxEntry *entry = data;

  g_free (entry->name);
  g_clear_pointer (&entry->data, g_bytes_unref);
  g_free (entry);
}

/* ---- writing ---- */

static la_ssize_t
write_cb (struct archive *archive,
          void           *data,
          const void     *buffer,
          size_t          length)
{
  PlxExportWriter *w = data;

  _plx_export_write_bytes (w, buffer, length);
  return w->error != NULL ? -1 : (la_ssize_t) length;
}

/* Writes @entries (PlxQdpxEntry) as a zip through @w. */
gboolean
_plx_qdpx_zip_write (PlxExportWriter  *w,
                     GPtrArray        *entries,
                     GError          **error)
{
  struct archive *archive = archive_write_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok = TRUE;

  archive_write_set_format_zip (archive);
  archive_write_set_bytes_in_last_block (archive, 1);
  if (archive_write_open2 (archive, w, NULL, write_cb, NULL, NULL) != ARCHIVE_OK)
    ok = FALSE;
  for (guint i = 0; ok && i < entries->len; i++)
    {
      PlxQdpxEntry *e = g_ptr_array_index (entries, i);
      struct archive_entry *entry = archive_entry_new ();
      gsize size;
      const void *bytes = g_bytes_get_data (e->data, &size);

      archive_entry_set_pathname_utf8 (entry, e->name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) size);
      archive_entry_set_mtime (entry, now, 0);
      if (archive_write_header (archive, entry) != ARCHIVE_OK ||
          (size > 0 && archive_write_data (archive, bytes, size) != (la_ssize_t) size))
        ok = FALSE;
      archive_entry_free (entry);
      if (g_cancellable_is_cancelled (w->cancellable))
        ok = FALSE;
    }
  if (archive_write_close (archive) != ARCHIVE_OK)
    ok = FALSE;
  if (!ok && w->error == NULL)
    {
      if (!g_cancellable_set_error_if_cancelled (w->cancellable, error))
        g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("Cannot write the archive: %s"),
                     archive_error_string (archive) ? archive_error_string (archive) : _("unknown error"));
    }
  archive_write_free (archive);
  return ok;
}

/* ---- reading ---- */

static gboolean
name_escapes (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name == NULL || *name == '\0' || name[0] == '/' || name[0] == '\\' || strchr (name, ':') != NULL)
    return TRUE;
  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return TRUE;
  return FALSE;
}

/**
 * _plx_qdpx_zip_read:
 * @name: the file, for messages
 *
 * Every regular entry of the zip @data, by name (folders are left out).
 */
GHashTable *
_plx_qdpx_zip_read (const char    *name,
                    const guint8  *data,
                    gsize          size,
                    GError       **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gint64 unpacked = 0;
  gint64 limit = MIN (PLX_QDPX_MAX_UNPACKED, (gint64) size * PLX_QDPX_MAX_RATIO + 16 * 1024 * 1024);
  guint count = 0;
  gboolean ok = TRUE;
  int rc = ARCHIVE_OK;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, size) != ARCHIVE_OK)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                   _("%s: not a zip archive, as a REFI-QDA project (.qdpx) is: %s"), name, archive_error_string (archive));
      archive_read_free (archive);
      return NULL;
    }
  while (ok && (rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *path = archive_entry_pathname_utf8 (entry);
      g_autoptr(GByteArray) content = NULL;
      char buffer[65536];
      la_ssize_t got;

      if (path == NULL)
        path = archive_entry_pathname (entry);
      if (++count > PLX_QDPX_MAX_ENTRIES)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                       _("%s: the archive holds more than %d files"), name, PLX_QDPX_MAX_ENTRIES);
          ok = FALSE;
          break;
        }
      if (name_escapes (path) || archive_entry_filetype (entry) == AE_IFLNK || archive_entry_hardlink (entry) != NULL)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                       _("%s: the archive holds “%s”, a path that leads outside it; nothing was imported"),
                       name, path ? path : "");
          ok = FALSE;
          break;
        }
      if (archive_entry_filetype (entry) == AE_IFDIR)
        continue;
      content = g_byte_array_new ();
      while ((got = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          unpacked += got;
          if (unpacked > limit || content->len + (gsize) got > PLX_DOCUMENT_MAX_FILE_SIZE)
            {
              g_autofree char *packed = g_format_size (size);
              g_autofree char *most = g_format_size ((guint64) MIN (limit, (gint64) PLX_DOCUMENT_MAX_FILE_SIZE));

              g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                           _("%s: the archive of %s unpacks to more than %s (at “%s”): a zip bomb, or damaged; "
                             "nothing was imported"), name, packed, most, path);
              ok = FALSE;
              break;
            }
          g_byte_array_append (content, (const guint8 *) buffer, (guint) got);
        }
      if (ok && got < 0)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                       _("%s: the archive is damaged at “%s”: %s"), name, path, archive_error_string (archive));
          ok = FALSE;
        }
      if (ok && g_hash_table_contains (entries, path))
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                       _("%s: the archive holds “%s” twice"), name, path);
          ok = FALSE;
        }
      if (ok)
        g_hash_table_insert (entries, g_strdup (path), g_byte_array_free_to_bytes (g_steal_pointer (&content)));
    }
  if (ok && rc != ARCHIVE_EOF)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                   _("%s: the archive is damaged: %s"), name, archive_error_string (archive));
      ok = FALSE;
    }
  archive_read_free (archive);
  return ok ? g_steal_pointer (&entries) : NULL;
}

/* ---- the schemas ---- */

typedef struct {
  GString *messages;
  guint    count;
} SchemaErrors;

static void
schema_error_cb (void        *data,
                 xmlErrorPtr  error)
{
  SchemaErrors *errors = data;
  g_autofree char *message = NULL;

  if (error == NULL || error->level < XML_ERR_ERROR)
    return;
  if (++errors->count > MAX_SCHEMA_ERRORS)
    return;
  message = g_strstrip (g_strdup (error->message ? error->message : ""));
  if (g_str_has_suffix (message, "."))
    message[strlen (message) - 1] = '\0';
  if (errors->messages->len > 0)
    g_string_append (errors->messages, "; ");
  g_string_append_printf (errors->messages, _("line %d: %s"), error->line, message);
}

static void
init_libxml (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

/* The schema, parsed from the copy built into Parallax. */
static xmlSchemaPtr
load_schema (gboolean codebook)
{
  g_autoptr(GBytes) xsd = g_resource_lookup_data (plx_refi_qda_get_resource (),
                                                  codebook ? "/io/github/parallax_annotator/refi-qda/Codebook.xsd"
                                                           : "/io/github/parallax_annotator/refi-qda/Project.xsd",
                                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;
  gsize size;
  const char *data;

  g_return_val_if_fail (xsd != NULL, NULL);
  data = g_bytes_get_data (xsd, &size);
  parser = xmlSchemaNewMemParserCtxt (data, (int) size);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  return schema;
}

/**
 * _plx_qdpx_parse_checked:
 * @name: the file, for messages
 * @entry: (nullable): the entry of the archive, for messages
 *
 * Parses @xml and checks it against Project.xsd (or Codebook.xsd). A
 * refusal names the first errors with their lines.
 */
xmlDocPtr
_plx_qdpx_parse_checked (const char  *name,
                         const char  *entry,
                         GBytes      *xml,
                         gboolean     codebook,
                         GError     **error)
{
  g_autofree char *where = entry ? g_strdup_printf ("%s: %s", name, entry) : g_strdup (name);
  SchemaErrors errors = { g_string_new (NULL), 0 };
  xmlSchemaValidCtxtPtr valid = NULL;
  xmlSchemaPtr schema = NULL;
  xmlParserCtxtPtr parser = NULL;
  xmlDocPtr doc = NULL;
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);
  int rc;

  init_libxml ();
  if (size > G_MAXINT)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: too large"), where);
      goto out;
    }
  /* QDA-XML has no DOCTYPE; one can only bring entities. */
  if (g_strstr_len (data, (gssize) MIN (size, (gsize) 64 * 1024 * 1024), "<!DOCTYPE") != NULL ||
      g_strstr_len (data, (gssize) MIN (size, (gsize) 64 * 1024 * 1024), "<!ENTITY") != NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                   _("%s: has a DOCTYPE or entity declarations, which QDA-XML does not use; nothing was imported"), where);
      goto out;
    }
  parser = xmlNewParserCtxt ();
  xmlSetStructuredErrorFunc (&errors, schema_error_cb);
  doc = xmlCtxtReadMemory (parser, data, (int) size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (doc == NULL)
    {
      xmlErrorPtr last = xmlCtxtGetLastError (parser);

      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: not well-formed XML at line %d: %s"), where,
                   last ? last->line : 0, last && last->message ? g_strstrip (last->message) : "");
      goto out;
    }
  schema = load_schema (codebook);
  valid = schema ? xmlSchemaNewValidCtxt (schema) : NULL;
  if (valid == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("%s: the REFI-QDA schema cannot be loaded"), where);
      g_clear_pointer (&doc, xmlFreeDoc);
      goto out;
    }
  xmlSchemaSetValidStructuredErrors (valid, schema_error_cb, &errors);
  rc = xmlSchemaValidateDoc (valid, doc);
  if (rc != 0)
    {
      if (errors.count > MAX_SCHEMA_ERRORS)
        g_string_append_printf (errors.messages, _("; and %u more"), errors.count - MAX_SCHEMA_ERRORS);
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE,
                   _("%s: does not follow the REFI-QDA schema (%s): %s; nothing was imported"), where,
                   codebook ? "Codebook.xsd" : "Project.xsd",
                   errors.messages->len > 0 ? errors.messages->str : _("invalid"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }

out:
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (valid != NULL)
    xmlSchemaFreeValidCtxt (valid);
  if (schema != NULL)
    xmlSchemaFree (schema);
  if (parser != NULL)
    xmlFreeParserCtxt (parser);
  g_string_free (errors.messages, TRUE);
  return doc;
}
