/* plx-qde-write.c: a project as QDA-XML (REFI-QDA 1.5): project.qde for
 * a .qdpx and the codebook of a .qdc.
 *
 * Documents are TextSources whose plain text (the text Parallax's offsets
 * count in) is Sources/<guid>.txt; perspectives are codes under a code
 * "Perspectives", themes are codes of their own; each annotation is a
 * PlainTextSelection (code points, end excluded, as Parallax counts) with
 * one Coding per perspective and theme, its note a Note, its author a
 * User. GUIDs are the project's UUIDs; what has none (themes, users,
 * notes, codings) gets one derived from what it is, so that exporting
 * the same project twice gives the same file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-qdpx"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "plx-error.h"
#include "plx-qdpx-private.h"
#include "plx-text.h"
#include "plx-theme-ops.h"

/* ---- GUIDs ---- */

/* A name-based UUID (RFC 4122 version 5 layout over SHA-1), in a
 * namespace of Parallax's own. */
char *
_plx_qdpx_derived_guid (const char *kind,
                        const char *key)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (sha1, (const guchar *) "parallax-refi-qda:", -1);
  g_checksum_update (sha1, (const guchar *) kind, -1);
  g_checksum_update (sha1, (const guchar *) ":", 1);
  g_checksum_update (sha1, (const guchar *) key, -1);
  g_checksum_get_digest (sha1, digest, &length);
  digest[6] = (guint8) ((digest[6] & 0x0f) | 0x50);
  digest[8] = (guint8) ((digest[8] & 0x3f) | 0x80);
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]);
}

char *
_plx_qdpx_theme_guid (const char *name)
{
  return _plx_qdpx_derived_guid ("theme", name);
}

static void
theme_free (gpointer data)
{
  PlxQdpxTheme *theme = data;

  g_free (theme->guid);
  g_free (theme->name);
  g_free (theme->description);
  g_free (theme->parent_guid);
  g_free (theme);
}

/* The project's codebook, parents before children: GUIDs are the themes'
 * UUIDs, so a round trip gives back the same themes. */
GPtrArray *
_plx_qdpx_list_themes (PlxProject  *project,
                       GError     **error)
{
  g_autoptr(GPtrArray) codebook = plx_project_list_codebook (project, error);
  g_autoptr(GPtrArray) order = NULL;
  GPtrArray *themes;

  if (codebook == NULL)
    return NULL;
  order = plx_codebook_dup_tree_order (codebook);
  themes = g_ptr_array_new_with_free_func (theme_free);
  for (guint i = 0; i < order->len; i++)
    {
      PlxTheme *from = g_ptr_array_index (order, i);
      PlxQdpxTheme *theme = g_new0 (PlxQdpxTheme, 1);

      theme->name = g_strdup (plx_theme_get_name (from));
      theme->guid = g_strdup (plx_theme_get_uuid (from));
      theme->description = g_strdup (plx_theme_get_description (from));
      theme->parent_guid = g_strdup (plx_theme_get_parent_uuid (from));
      g_ptr_array_add (themes, theme);
    }
  return themes;
}

/* ---- XML ---- */

typedef struct {
  xmlTextWriterPtr  xml;
  gboolean          failed;
  GHashTable       *users;    /* author name → GUID */
  GHashTable       *themes;   /* theme name → GUID, once the codes are written */
} Writer;

/* XML 1.0 cannot carry most C0 controls, even escaped: they become
 * U+FFFD (Parallax's own text never holds them; a damaged project
 * might). */
static char *
xml_safe (const char *text)
{
  GString *out = NULL;

  for (const char *p = text; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      {
        out = g_string_new (NULL);
        break;
      }
  if (out == NULL)
    return NULL;
  for (const char *p = text; *p; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
start (Writer     *w,
       const char *element)
{
  if (xmlTextWriterStartElement (w->xml, BAD_CAST element) < 0)
    w->failed = TRUE;
}

static void
end (Writer *w)
{
  if (xmlTextWriterEndElement (w->xml) < 0)
    w->failed = TRUE;
}

static void
attribute (Writer     *w,
           const char *name,
           const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    return;
  safe = xml_safe (value);
  if (xmlTextWriterWriteAttribute (w->xml, BAD_CAST name, BAD_CAST (safe ? safe : value)) < 0)
    w->failed = TRUE;
}

static void
attribute_uint (Writer     *w,
                const char *name,
                guint       value)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", value);
  attribute (w, name, number);
}

static void
element_text (Writer     *w,
              const char *element,
              const char *text)
{
  g_autofree char *safe = xml_safe (text);

  if (xmlTextWriterWriteElement (w->xml, BAD_CAST element, BAD_CAST (safe ? safe : text)) < 0)
    w->failed = TRUE;
}

static void
reference (Writer     *w,
           const char *element,
           const char *guid)
{
  start (w, element);
  attribute (w, "targetGUID", guid);
  end (w);
}

static xmlTextWriterPtr
writer_begin (xmlBufferPtr buffer)
{
  xmlTextWriterPtr xml = xmlNewTextWriterMemory (buffer, 0);

  if (xml == NULL)
    return NULL;
  xmlTextWriterSetIndent (xml, 1);
  xmlTextWriterSetIndentString (xml, BAD_CAST "  ");
  if (xmlTextWriterStartDocument (xml, "1.0", "UTF-8", NULL) < 0)
    {
      xmlFreeTextWriter (xml);
      return NULL;
    }
  return xml;
}

static GBytes *
writer_finish (Writer        *w,
               xmlBufferPtr   buffer,
               GError       **error)
{
  GBytes *bytes = NULL;

  if (xmlTextWriterEndDocument (w->xml) < 0)
    w->failed = TRUE;
  xmlFreeTextWriter (w->xml);
  w->xml = NULL;
  if (w->failed)
    g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("Cannot write the REFI-QDA XML (out of memory?)"));
  else
    bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

/* ---- codes ---- */

static void
write_theme_code (Writer       *w,
                  GPtrArray    *themes,
                  PlxQdpxTheme *theme,
                  guint         depth)
{
  start (w, "Code");
  attribute (w, "guid", theme->guid);
  attribute (w, "name", theme->name);
  attribute (w, "isCodable", "true");
  if (theme->description != NULL && *theme->description != '\0')
    element_text (w, "Description", theme->description);
  /* A parent cycle in a damaged project stops at a depth no codebook
   * reaches. */
  for (guint i = 0; i < themes->len && depth < 64; i++)
    {
      PlxQdpxTheme *child = g_ptr_array_index (themes, i);

      if (g_strcmp0 (child->parent_guid, theme->guid) == 0)
        write_theme_code (w, themes, child, depth + 1);
    }
  end (w);
}

static gboolean
write_codes (Writer      *w,
             PlxProject  *project,
             GError     **error)
{
  GListModel *perspectives = plx_project_get_perspectives (project);
  g_autoptr(GPtrArray) themes = _plx_qdpx_list_themes (project, error);
  g_autoptr(GHashTable) guids = NULL;
  g_autofree char *root = _plx_qdpx_derived_guid ("code", PLX_QDPX_PERSPECTIVES_CODE);

  if (themes == NULL)
    return FALSE;
  start (w, "Codes");
  start (w, "Code");
  attribute (w, "guid", root);
  attribute (w, "name", PLX_QDPX_PERSPECTIVES_CODE);
  attribute (w, "isCodable", "false");
  element_text (w, "Description", _("The perspectives of a Parallax project: each passage has one."));
  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);

      start (w, "Code");
      attribute (w, "guid", plx_perspective_get_uuid (p));
      attribute (w, "name", plx_perspective_get_name (p));
      attribute (w, "isCodable", "true");
      attribute (w, "color", plx_perspective_get_color (p));
      end (w);
    }
  end (w);

  guids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < themes->len; i++)
    {
      PlxQdpxTheme *theme = g_ptr_array_index (themes, i);

      g_hash_table_add (guids, theme->guid);
      if (w->themes != NULL)
        g_hash_table_insert (w->themes, g_strdup (theme->name), g_strdup (theme->guid));
    }
  for (guint i = 0; i < themes->len; i++)
    {
      PlxQdpxTheme *theme = g_ptr_array_index (themes, i);

      if (theme->parent_guid == NULL || !g_hash_table_contains (guids, theme->parent_guid))
        write_theme_code (w, themes, theme, 0);
    }
  end (w);
  return TRUE;
}

/* ---- the project ---- */

static const char *
user_guid (Writer     *w,
           const char *author)
{
  char *guid;

  if (author == NULL || *author == '\0')
    return NULL;
  guid = g_hash_table_lookup (w->users, author);
  if (guid == NULL)
    {
      guid = _plx_qdpx_derived_guid ("user", author);
      g_hash_table_insert (w->users, g_strdup (author), guid);
    }
  return guid;
}

static void
write_coding (Writer        *w,
              PlxAnnotation *a,
              const char    *code_guid)
{
  g_autofree char *key = g_strconcat (plx_annotation_get_uuid (a), "/", code_guid, NULL);
  g_autofree char *guid = _plx_qdpx_derived_guid ("coding", key);

  start (w, "Coding");
  attribute (w, "guid", guid);
  attribute (w, "creatingUser", user_guid (w, plx_annotation_get_author (a)));
  attribute (w, "creationDateTime", plx_annotation_get_created (a));
  reference (w, "CodeRef", code_guid);
  end (w);
}

static void
write_selection (Writer        *w,
                 PlxProject    *project,
                 PlxAnnotation *a)
{
  PlxPerspective *perspective = plx_project_find_perspective (project, plx_annotation_get_perspective_id (a));
  const char * const *themes = plx_annotation_get_themes (a);
  const char *user = user_guid (w, plx_annotation_get_author (a));

  start (w, "PlainTextSelection");
  attribute (w, "guid", plx_annotation_get_uuid (a));
  /* The quote, so that an importer can check the offsets. */
  attribute (w, "name", plx_annotation_get_quote (a));
  attribute_uint (w, "startPosition", plx_annotation_get_start (a));
  attribute_uint (w, "endPosition", plx_annotation_get_end (a));
  attribute (w, "creatingUser", user);
  attribute (w, "creationDateTime", plx_annotation_get_created (a));
  attribute (w, "modifyingUser", user);
  attribute (w, "modifiedDateTime", plx_annotation_get_modified (a));
  if (perspective != NULL)
    write_coding (w, a, plx_perspective_get_uuid (perspective));
  for (guint t = 0; themes[t] != NULL; t++)
    {
      const char *guid = w->themes ? g_hash_table_lookup (w->themes, themes[t]) : NULL;
      g_autofree char *derived = guid == NULL ? _plx_qdpx_theme_guid (themes[t]) : NULL;

      write_coding (w, a, guid != NULL ? guid : derived);
    }
  if (*plx_annotation_get_note (a) != '\0')
    {
      g_autofree char *note = _plx_qdpx_derived_guid ("note", plx_annotation_get_uuid (a));

      reference (w, "NoteRef", note);
    }
  end (w);
}

/* The file name extension of a document's original, from its name. */
static const char *
original_extension (PlxDocument *document)
{
  const char *name = plx_document_get_original_name (document);
  const char *dot = name ? strrchr (name, '.') : NULL;

  if (dot == NULL || strlen (dot) > 8 || strchr (dot, '/') != NULL)
    return ".bin";
  for (const char *p = dot + 1; *p; p++)
    if (!g_ascii_isalnum (*p))
      return ".bin";
  return dot;
}

static gboolean
write_sources (Writer      *w,
               PlxExport   *export,
               GPtrArray   *originals,
               GError     **error)
{
  guint next = 0;

  start (w, "Sources");
  for (guint d = 0; d < export->documents->len; d++)
    {
      PlxDocument *document = g_ptr_array_index (export->documents, d);
      const char *guid = plx_document_get_uuid (document);
      g_autofree char *text_name = g_strconcat (guid, ".txt", NULL);
      g_autofree char *text_path = g_strconcat ("internal://", text_name, NULL);
      g_autoptr(GBytes) original = NULL;
      g_autoptr(GError) local_error = NULL;
      PlxQdpxEntry *entry;

      original = plx_project_dup_document_original (export->project, plx_document_get_id (document), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      start (w, "TextSource");
      attribute (w, "guid", guid);
      attribute (w, "name", plx_document_get_title (document));
      attribute (w, "plainTextPath", text_path);
      entry = g_new0 (PlxQdpxEntry, 1);
      entry->name = g_strconcat ("Sources/", text_name, NULL);
      entry->data = g_bytes_new (plx_document_get_text (document), plx_document_get_text_bytes (document));
      g_ptr_array_add (originals, entry);
      /* The original only when it is more than the text. */
      if (original != NULL && g_bytes_get_size (original) > 0 &&
          !(g_bytes_get_size (original) == plx_document_get_text_bytes (document) &&
            memcmp (g_bytes_get_data (original, NULL), plx_document_get_text (document), g_bytes_get_size (original)) == 0))
        {
          g_autofree char *rich_name = g_strconcat (guid, original_extension (document), NULL);
          g_autofree char *rich_path = g_strconcat ("internal://", rich_name, NULL);

          attribute (w, "richTextPath", rich_path);
          entry = g_new0 (PlxQdpxEntry, 1);
          entry->name = g_strconcat ("Sources/", rich_name, NULL);
          entry->data = g_bytes_ref (original);
          g_ptr_array_add (originals, entry);
        }
      if (plx_text_is_iso8601 (plx_document_get_added (document)))
        attribute (w, "creationDateTime", plx_document_get_added (document));

      /* Annotations are listed by document, then offset. */
      for (; next < export->annotations->len; next++)
        {
          PlxAnnotation *a = g_ptr_array_index (export->annotations, next);

          if (plx_annotation_get_document_id (a) != plx_document_get_id (document))
            break;
          write_selection (w, export->project, a);
        }
      end (w);
    }
  end (w);
  return TRUE;
}

static void
write_notes (Writer    *w,
             PlxExport *export)
{
  gboolean any = FALSE;

  for (guint i = 0; i < export->annotations->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (export->annotations, i);
      g_autofree char *guid = NULL;
      const char *user;

      if (*plx_annotation_get_note (a) == '\0')
        continue;
      if (!any)
        start (w, "Notes");
      any = TRUE;
      guid = _plx_qdpx_derived_guid ("note", plx_annotation_get_uuid (a));
      user = user_guid (w, plx_annotation_get_author (a));
      start (w, "Note");
      attribute (w, "guid", guid);
      attribute (w, "name", plx_annotation_get_quote (a));
      attribute (w, "creatingUser", user);
      attribute (w, "creationDateTime", plx_annotation_get_created (a));
      attribute (w, "modifyingUser", user);
      attribute (w, "modifiedDateTime", plx_annotation_get_modified (a));
      element_text (w, "PlainTextContent", plx_annotation_get_note (a));
      end (w);
    }
  if (any)
    end (w);
}

static int
compare_by_document (gconstpointer a,
                     gconstpointer b)
{
  PlxAnnotation *x = *(PlxAnnotation * const *) a;
  PlxAnnotation *y = *(PlxAnnotation * const *) b;
  gint64 dx = plx_annotation_get_document_id (x), dy = plx_annotation_get_document_id (y);

  if (dx != dy)
    return dx < dy ? -1 : 1;
  if (plx_annotation_get_start (x) != plx_annotation_get_start (y))
    return plx_annotation_get_start (x) < plx_annotation_get_start (y) ? -1 : 1;
  if (plx_annotation_get_end (x) != plx_annotation_get_end (y))
    return plx_annotation_get_end (x) < plx_annotation_get_end (y) ? -1 : 1;
  return strcmp (plx_annotation_get_uuid (x), plx_annotation_get_uuid (y));
}

static int
compare_documents (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = plx_document_get_id (*(PlxDocument * const *) a);
  gint64 y = plx_document_get_id (*(PlxDocument * const *) b);

  return x < y ? -1 : x > y;
}

/* project.qde, and in @entries the files of Sources/ it names. */
GBytes *
_plx_qde_write_project (PlxExport  *export,
                        GPtrArray  *entries,
                        GError    **error)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  g_autofree char *base = g_path_get_basename (plx_project_get_path (export->project));
  g_autofree char *now = plx_text_now_iso8601 ();
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();
  Writer w = { NULL, FALSE, NULL, NULL };
  gboolean ok;
  char *dot;

  if (buffer == NULL || (w.xml = writer_begin (buffer)) == NULL)
    {
      if (buffer != NULL)
        xmlBufferFree (buffer);
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("Cannot write the REFI-QDA XML (out of memory?)"));
      return NULL;
    }
  g_ptr_array_sort (export->documents, compare_documents);
  g_ptr_array_sort (export->annotations, compare_by_document);
  w.users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Users come first, in the order they first appear. */
  for (guint i = 0; i < export->annotations->len; i++)
    {
      const char *author = plx_annotation_get_author (g_ptr_array_index (export->annotations, i));

      if (*author != '\0' && !g_hash_table_contains (w.users, author))
        {
          user_guid (&w, author);
          g_ptr_array_add (authors, (gpointer) author);
        }
    }

  start (&w, "Project");
  if (xmlTextWriterWriteAttribute (w.xml, BAD_CAST "xmlns", BAD_CAST PLX_QDPX_PROJECT_NS) < 0)
    w.failed = TRUE;
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  attribute (&w, "name", base);
  attribute (&w, "origin", "Parallax " PLX_VERSION);
  attribute (&w, "modifiedDateTime", now);
  if (authors->len > 0)
    {
      start (&w, "Users");
      for (guint i = 0; i < authors->len; i++)
        {
          start (&w, "User");
          attribute (&w, "guid", g_hash_table_lookup (w.users, g_ptr_array_index (authors, i)));
          attribute (&w, "name", g_ptr_array_index (authors, i));
          end (&w);
        }
      end (&w);
    }
  start (&w, "CodeBook");
  ok = write_codes (&w, export->project, error);
  end (&w);
  ok = ok && write_sources (&w, export, entries, error);
  if (ok)
    write_notes (&w, export);
  end (&w);
  g_hash_table_unref (w.users);
  g_hash_table_unref (w.themes);
  if (!ok)
    {
      xmlFreeTextWriter (w.xml);
      xmlBufferFree (buffer);
      return NULL;
    }
  return writer_finish (&w, buffer, error);
}

/* A .qdc: the codebook alone. */
GBytes *
_plx_qde_write_codebook (PlxExport  *export,
                         GError    **error)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  Writer w = { NULL, FALSE, NULL, NULL };
  gboolean ok;

  if (buffer == NULL || (w.xml = writer_begin (buffer)) == NULL)
    {
      if (buffer != NULL)
        xmlBufferFree (buffer);
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("Cannot write the REFI-QDA XML (out of memory?)"));
      return NULL;
    }
  start (&w, "CodeBook");
  if (xmlTextWriterWriteAttribute (w.xml, BAD_CAST "xmlns", BAD_CAST PLX_QDPX_CODEBOOK_NS) < 0)
    w.failed = TRUE;
  attribute (&w, "origin", "Parallax " PLX_VERSION);
  ok = write_codes (&w, export->project, error);
  end (&w);
  if (!ok)
    {
      xmlFreeTextWriter (w.xml);
      xmlBufferFree (buffer);
      return NULL;
    }
  return writer_finish (&w, buffer, error);
}
