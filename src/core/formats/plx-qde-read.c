/* plx-qde-read.c: a REFI-QDA project (.qdpx) or codebook (.qdc) into a
 * project, all or nothing, like the JSON importers.
 *
 * The file is unpacked (plx-qdpx-zip.c: caps, no path out of the
 * archive), checked against the schema, read whole and checked against
 * the project (GUIDs that collide, missing source files, codes nested in
 * themselves) before anything is written; then written in one
 * transaction that any error takes back.
 *
 * Every selection is checked against the text it points into. Its name,
 * when it carries the selected text (as Parallax and several tools write
 * it), must be the text at its offsets; offsets that another way of
 * counting explains (line ends counted as two characters, a byte-order
 * mark counted as one) are corrected and reported, and a selection that
 * nothing explains is reported and kept aside, never placed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-qdpx"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "plx-error.h"
#include "plx-format.h"
#include "plx-import-perspectives.h"
#include "plx-project-private.h"
#include "plx-qdpx-private.h"
#include "plx-text.h"

#include "plx-qde-read-private.h"

/* What a project UUID names, when it is not a GObject. */
static char perspective_kind;
#define KIND_PERSPECTIVE ((gpointer) &perspective_kind)

static void
code_free (gpointer data)
{
  Code *code = data;

  g_free (code->guid);
  g_free (code->name);
  g_free (code->color);
  g_free (code->description);
  g_free (code);
}

static void
selection_free (gpointer data)
{
  Selection *s = data;

  g_free (s->guid);
  g_free (s->quote);
  g_free (s->author);
  g_free (s->created);
  g_free (s->modified);
  g_clear_pointer (&s->codes, g_ptr_array_unref);
  g_free (s->note);
  g_free (s);
}

static void
source_free (gpointer data)
{
  Source *source = data;

  g_free (source->guid);
  g_free (source->name);
  g_clear_pointer (&source->raw, g_bytes_unref);
  g_clear_pointer (&source->rich, g_bytes_unref);
  g_free (source->rich_name);
  g_clear_pointer (&source->selections, g_ptr_array_unref);
  g_clear_object (&source->document);
  g_free (source);
}

/* ---- XML helpers ---- */

gboolean
_plx_qde_fail (Reader      *r,
               GError     **error,
               long         line,
               const char  *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: %s, line %ld: %s; nothing was imported"),
                 r->name, r->entry, line, message);
  else
    g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE, _("%s: %s; nothing was imported"), r->name, message);
  return FALSE;
}

static gboolean
is (xmlNodePtr  node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static char *
content (xmlNodePtr node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

static xmlNodePtr
child (xmlNodePtr  node,
       const char *name)
{
  for (xmlNodePtr c = node ? node->children : NULL; c != NULL; c = c->next)
    if (is (c, name))
      return c;
  return NULL;
}

/* GUIDs are compared as Parallax writes UUIDs: lower case, no braces. */
static char *
guid_of (xmlNodePtr  node,
         const char *name)
{
  g_autofree char *value = prop (node, name);
  gsize length;

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  length = strlen (value);
  if (length == 38 && value[0] == '{')
    return g_ascii_strdown (value + 1, 36);
  return g_ascii_strdown (value, -1);
}

/* Remembers @guid, refusing one the file has given something else. */
static gboolean
claim_guid (Reader      *r,
            const char  *guid,
            long         line,
            GError     **error)
{
  gpointer first;

  if (g_hash_table_lookup_extended (r->guids, guid, NULL, &first))
    return _plx_qde_fail (r, error, line, _("the GUID %s is also used at line %ld; every GUID must be unique"),
                 guid, GPOINTER_TO_INT (first) > 0 ? (long) GPOINTER_TO_INT (first) : 0L);
  g_hash_table_insert (r->guids, g_strdup (guid), GINT_TO_POINTER ((int) MIN (line, G_MAXINT)));
  return TRUE;
}

/* A date and time as Parallax keeps them: ISO 8601 with a zone; one
 * without a zone is taken as UTC. */
static char *
time_of (xmlNodePtr  node,
         const char *name)
{
  g_autofree char *value = prop (node, name);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  g_autofree char *seconds = NULL;

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  if (plx_text_is_iso8601 (value))
    return g_steal_pointer (&value);
  if ((parsed = g_date_time_new_from_iso8601 (value, utc)) == NULL)
    return NULL;
  in_utc = g_date_time_to_utc (parsed);
  seconds = g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (in_utc) / 1000);
}

/* ---- users, codes, notes ---- */

static gboolean
read_users (Reader      *r,
            xmlNodePtr   users,
            GError     **error)
{
  for (xmlNodePtr u = users ? users->children : NULL; u != NULL; u = u->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;

      if (!is (u, "User"))
        continue;
      guid = guid_of (u, "guid");
      if (!claim_guid (r, guid, xmlGetLineNo (u), error))
        return FALSE;
      name = prop (u, "name");
      if (name == NULL || *g_strstrip (name) == '\0')
        {
          g_free (name);
          name = prop (u, "id");
        }
      g_hash_table_insert (r->users, g_steal_pointer (&guid), g_strdup (name ? name : ""));
    }
  return TRUE;
}

static gboolean
read_codes (Reader      *r,
            xmlNodePtr   parent_node,
            Code        *parent,
            guint        depth,
            GError     **error)
{
  for (xmlNodePtr c = parent_node->children; c != NULL; c = c->next)
    {
      g_autofree char *codable = NULL;
      Code *code, *seen;
      long line = xmlGetLineNo (c);

      if (!is (c, "Code"))
        continue;
      if (depth > 64)
        return _plx_qde_fail (r, error, line, _("codes are nested more than 64 deep"));
      code = g_new0 (Code, 1);
      g_ptr_array_add (r->code_list, code);
      code->guid = guid_of (c, "guid");
      code->name = g_strstrip (prop (c, "name"));
      code->color = prop (c, "color");
      code->line = line;
      code->parent = parent;
      if (child (c, "Description") != NULL)
        code->description = g_strstrip (content (child (c, "Description")));
      codable = prop (c, "isCodable");
      (void) codable;
      /* A code inside a code with its own GUID: the codebook would be a
       * cycle, each code the parent of the other. */
      if ((seen = g_hash_table_lookup (r->codes, code->guid)) != NULL)
        {
          for (Code *up = parent; up != NULL; up = up->parent)
            if (up == seen)
              return _plx_qde_fail (r, error, line, _("the code “%s” (%s) is nested inside itself: the codebook has a cycle"),
                           code->name, code->guid);
        }
      if (!claim_guid (r, code->guid, line, error))
        return FALSE;
      g_hash_table_insert (r->codes, code->guid, code);
      if (!read_codes (r, c, code, depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* The archive's file for an internal:// path: in Sources/ as the
 * specification says, whatever the folder's case (NVivo writes
 * "sources/"). */
static GBytes *
internal_file (Reader      *r,
               const char  *path,
               char       **entry_out)
{
  g_autofree char *entry = g_strconcat ("Sources/", path + strlen ("internal://"), NULL);
  GBytes *bytes = g_hash_table_lookup (r->files, entry);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, r->files);
  while (bytes == NULL && g_hash_table_iter_next (&iter, &key, &value))
    if (g_ascii_strncasecmp (key, "Sources/", strlen ("Sources/")) == 0 &&
        strcmp ((const char *) key + strlen ("Sources/"), path + strlen ("internal://")) == 0)
      {
        bytes = value;
        g_free (entry);
        entry = g_strdup (key);
      }
  if (entry_out != NULL)
    *entry_out = g_steal_pointer (&entry);
  return bytes;
}

/* The text of a Note: inline, or a file of the archive. */
static gboolean
read_notes (Reader      *r,
            xmlNodePtr   notes,
            GError     **error)
{
  for (xmlNodePtr n = notes ? notes->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *path = NULL;
      xmlNodePtr inline_text;
      char *text = NULL;

      if (!is (n, "Note"))
        continue;
      guid = guid_of (n, "guid");
      if (!claim_guid (r, guid, xmlGetLineNo (n), error))
        return FALSE;
      if ((inline_text = child (n, "PlainTextContent")) != NULL)
        text = content (inline_text);
      else if ((path = prop (n, "plainTextPath")) != NULL && g_str_has_prefix (path, "internal://"))
        {
          GBytes *bytes = internal_file (r, path, NULL);
          g_autoptr(GError) local_error = NULL;

          if (bytes == NULL)
            return _plx_qde_fail (r, error, xmlGetLineNo (n), _("the note’s text “%s” is not in the archive"), path);
          text = plx_text_normalize (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local_error);
          if (text == NULL)
            return _plx_qde_fail (r, error, xmlGetLineNo (n), _("the note’s text “%s” cannot be read: %s"), path, local_error->message);
        }
      else
        text = g_strdup ("");
      g_hash_table_insert (r->notes, g_steal_pointer (&guid), text);
    }
  return TRUE;
}

/* The top-level code whose codes are the perspectives, as the options
 * say. */
static gboolean
choose_group (Reader      *r,
              GError     **error)
{
  const char *wanted = r->options ? r->options->perspectives_code : NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean none = wanted != NULL && (*wanted == '\0' || g_ascii_strcasecmp (wanted, "none") == 0);
  g_autofree char *folded = g_utf8_casefold (wanted ? wanted : PLX_QDPX_PERSPECTIVES_CODE, -1);

  if (none)
    return TRUE;
  for (guint i = 0; i < r->code_list->len; i++)
    {
      Code *code = g_ptr_array_index (r->code_list, i);
      g_autofree char *name = NULL;

      if (code->parent != NULL)
        continue;
      name = g_utf8_casefold (code->name, -1);
      if (strcmp (name, folded) == 0 && r->group == NULL)
        r->group = code;
      g_string_append_printf (names, names->len ? ", “%s”" : "“%s”", code->name);
    }
  if (r->group == NULL && wanted != NULL)
    return _plx_qde_fail (r, error, 0, _("the file has no top-level code “%s” to take the perspectives from; its top-level codes are %s "
                                "(or choose none: every code becomes a theme)"), wanted,
                 names->len ? names->str : _("none"));
  if (r->group == NULL)
    return TRUE;
  r->group->role = CODE_GROUP;
  for (guint i = 0; i < r->code_list->len; i++)
    {
      Code *code = g_ptr_array_index (r->code_list, i);

      if (code->parent == r->group)
        {
          code->role = CODE_PERSPECTIVE;
          if (*code->name == '\0')
            return _plx_qde_fail (r, error, code->line, _("a perspective needs a name"));
          if (code->color != NULL && strlen (code->color) == 4)
            {
              char *long_form = g_strdup_printf ("#%c%c%c%c%c%c", code->color[1], code->color[1], code->color[2],
                                                 code->color[2], code->color[3], code->color[3]);
              g_free (code->color);
              code->color = long_form;
            }
          if (code->color != NULL && !plx_perspective_color_is_valid (code->color))
            g_clear_pointer (&code->color, g_free);
        }
    }
  return TRUE;
}

/* ---- sources and selections ---- */

static gboolean
read_selection (Reader      *r,
                Source      *source,
                xmlNodePtr   node,
                GError     **error)
{
  Selection *s = g_new0 (Selection, 1);
  g_autofree char *start = prop (node, "startPosition");
  g_autofree char *end = prop (node, "endPosition");
  g_autofree char *creator = guid_of (node, "creatingUser");
  g_autofree char *modifier = guid_of (node, "modifyingUser");
  g_autoptr(GString) note = g_string_new (NULL);
  xmlNodePtr description;
  const char *user;

  g_ptr_array_add (source->selections, s);
  s->line = xmlGetLineNo (node);
  s->guid = guid_of (node, "guid");
  s->codes = g_ptr_array_new ();
  if (!claim_guid (r, s->guid, s->line, error))
    return FALSE;
  s->quote = prop (node, "name");
  if (!g_ascii_string_to_signed (start, 10, 0, G_MAXUINT, &s->start, NULL) ||
      !g_ascii_string_to_signed (end, 10, 0, G_MAXUINT, &s->end, NULL))
    s->start = s->end = -1;   /* kept aside below, with the reason */
  user = creator ? g_hash_table_lookup (r->users, creator) : NULL;
  if (user == NULL && modifier != NULL)
    user = g_hash_table_lookup (r->users, modifier);
  if (creator != NULL && !g_hash_table_contains (r->users, creator))
    return _plx_qde_fail (r, error, s->line, _("the selection names the user %s, who is not in the file’s Users"), creator);
  s->author = g_strdup (user ? user : "");
  s->created = time_of (node, "creationDateTime");
  s->modified = time_of (node, "modifiedDateTime");
  if (s->created == NULL)
    s->created = s->modified ? g_strdup (s->modified) : plx_text_now_iso8601 ();
  if (s->modified == NULL)
    s->modified = g_strdup (s->created);

  if ((description = child (node, "Description")) != NULL)
    {
      g_autofree char *text = content (description);

      g_string_append (note, g_strstrip (text));
    }
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      if (is (c, "Coding"))
        {
          g_autofree char *coding = guid_of (c, "guid");
          g_autofree char *target = guid_of (child (c, "CodeRef"), "targetGUID");
          Code *code = g_hash_table_lookup (r->codes, target);

          if (!claim_guid (r, coding, xmlGetLineNo (c), error))
            return FALSE;
          if (code == NULL)
            return _plx_qde_fail (r, error, xmlGetLineNo (c), _("the coding refers to the code %s, which is not in the codebook"), target);
          if (code->role != CODE_GROUP && g_ptr_array_find (s->codes, code, NULL) == FALSE)
            g_ptr_array_add (s->codes, code);
        }
      else if (is (c, "NoteRef"))
        {
          g_autofree char *target = guid_of (c, "targetGUID");
          const char *text = g_hash_table_lookup (r->notes, target);

          if (text == NULL)
            return _plx_qde_fail (r, error, xmlGetLineNo (c), _("the selection refers to the note %s, which is not in the file’s Notes"), target);
          if (note->len > 0 && *text != '\0')
            g_string_append (note, "\n\n");
          g_string_append (note, text);
        }
    }
  s->note = g_string_free (g_steal_pointer (&note), FALSE);
  return TRUE;
}

/* A file the project names: internal:// is the archive's Sources/. */
static GBytes *
source_file (Reader      *r,
             const char  *path,
             long         line,
             char       **entry_out,
             GError     **error)
{
  g_autofree char *entry = NULL;
  GBytes *bytes;

  if (!g_str_has_prefix (path, "internal://"))
    return (_plx_qde_fail (r, error, line, _("the source file “%s” is outside the archive; only files in it (internal://) are read"), path), NULL);
  bytes = internal_file (r, path, &entry);
  if (bytes == NULL)
    return (_plx_qde_fail (r, error, line, _("the source file “%s” is missing from the archive (looked for %s)"), path, entry), NULL);
  if (entry_out != NULL)
    *entry_out = g_steal_pointer (&entry);
  return g_bytes_ref (bytes);
}

static gboolean
read_source (Reader      *r,
             xmlNodePtr   node,
             GError     **error)
{
  Source *source = g_new0 (Source, 1);
  g_autofree char *plain = prop (node, "plainTextPath");
  g_autofree char *rich = prop (node, "richTextPath");
  xmlNodePtr inline_text = child (node, "PlainTextContent");

  g_ptr_array_add (r->sources, source);
  source->line = xmlGetLineNo (node);
  source->guid = guid_of (node, "guid");
  source->selections = g_ptr_array_new_with_free_func (selection_free);
  if (!claim_guid (r, source->guid, source->line, error))
    return FALSE;
  source->name = prop (node, "name");
  if (source->name == NULL || *g_strstrip (source->name) == '\0')
    {
      g_free (source->name);
      source->name = g_strdup (source->guid);
    }
  if (inline_text != NULL && plain != NULL)
    return _plx_qde_fail (r, error, source->line, _("the source has both PlainTextContent and plainTextPath; it may have only one"));
  if (inline_text != NULL)
    {
      g_autofree char *text = content (inline_text);
      gsize length = strlen (text);

      source->raw = g_bytes_new_take (g_steal_pointer (&text), length);
    }
  else if (plain != NULL)
    {
      if ((source->raw = source_file (r, plain, source->line, NULL, error)) == NULL)
        return FALSE;
    }
  else
    return _plx_qde_fail (r, error, source->line, _("the source “%s” has neither PlainTextContent nor plainTextPath"), source->name);
  if (rich != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* The original is a bonus: without it the plain text is enough. */
      source->rich = source_file (r, rich, source->line, &source->rich_name, &local_error);
    }
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (is (c, "PlainTextSelection") && !read_selection (r, source, c, error))
      return FALSE;
  return TRUE;
}

/* ---- documents ---- */

/* The document a source becomes: the original, when the archive has it
 * and reading it gives the same text (so a Parallax document keeps its
 * format, blocks and file); otherwise its plain text. */
static gboolean
make_document (Reader      *r,
               Source      *source,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *raw = g_bytes_get_data (source->raw, &size);

  text = plx_text_normalize (raw, size, &local_error);
  if (text == NULL)
    return _plx_qde_fail (r, error, source->line, _("the text of the source “%s” cannot be read: %s"), source->name, local_error->message);
  if (source->rich != NULL)
    {
      gsize rich_size;
      const guint8 *rich = g_bytes_get_data (source->rich, &rich_size);
      const PlxFormat *format = plx_format_for_content (rich, rich_size, source->rich_name);
      g_autoptr(PlxDocument) original = NULL;

      original = plx_document_new_from_bytes (source->rich, source->rich_name, format->document_format, NULL,
                                              PLX_READ_FLAGS_NONE, NULL, NULL);
      if (original != NULL && strcmp (plx_document_get_text (original), text) == 0)
        source->document = g_steal_pointer (&original);
    }
  if (source->document == NULL)
    {
      source->document = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, source->name, &local_error);
      if (source->document == NULL)
        return _plx_qde_fail (r, error, source->line, _("the text of the source “%s” cannot be read: %s"), source->name,
                     local_error->message);
    }
  plx_document_set_title (source->document, source->name);
  plx_document_set_uuid (source->document, source->guid);
  return TRUE;
}

/* Every UUID of the project, with what it names. */
static gboolean
load_project_uuids (Reader      *r,
                    GPtrArray   *documents,
                    GPtrArray   *annotations,
                    GError     **error)
{
  GListModel *perspectives = plx_project_get_perspectives (r->project);

  for (guint i = 0; i < documents->len; i++)
    g_hash_table_insert (r->project_uuids, g_ascii_strdown (plx_document_get_uuid (g_ptr_array_index (documents, i)), -1),
                         g_ptr_array_index (documents, i));
  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);

      g_hash_table_insert (r->project_uuids, g_ascii_strdown (plx_perspective_get_uuid (p), -1), KIND_PERSPECTIVE);
    }
  for (guint i = 0; i < annotations->len; i++)
    g_hash_table_insert (r->project_uuids, g_ascii_strdown (plx_annotation_get_uuid (g_ptr_array_index (annotations, i)), -1),
                         g_ptr_array_index (annotations, i));
  return TRUE;
}

static const char *
uuid_kind (gpointer value)
{
  if (value == KIND_PERSPECTIVE)
    return _("a perspective");
  if (PLX_IS_DOCUMENT (value))
    return _("a document");
  return _("an annotation");
}

/* Sources become the project's documents (the same GUID and text, or the
 * same text) or new ones; a GUID the project gives to anything else
 * refuses the file. */
static gboolean
resolve_sources (Reader      *r,
                 GPtrArray   *documents,
                 GError     **error)
{
  for (guint i = 0; i < r->sources->len; i++)
    {
      Source *source = g_ptr_array_index (r->sources, i);
      gpointer known = g_hash_table_lookup (r->project_uuids, source->guid);
      const char *hash;

      if (!make_document (r, source, error))
        return FALSE;
      hash = plx_document_get_content_hash (source->document);
      if (known != NULL && known != KIND_PERSPECTIVE && PLX_IS_DOCUMENT (known))
        {
          if (g_ascii_strcasecmp (plx_document_get_content_hash (known), hash) != 0)
            return _plx_qde_fail (r, error, source->line, _("the source “%s” has the GUID %s of this project’s document “%s”, "
                                                   "whose text is different"),
                         source->name, source->guid, plx_document_get_title (known));
          g_set_object (&source->document, known);
          continue;
        }
      if (known != NULL)
        return _plx_qde_fail (r, error, source->line, _("the source “%s” has the GUID %s, which this project already uses (%s)"),
                     source->name, source->guid, uuid_kind (known));
      source->is_new = TRUE;
      for (guint d = 0; d < documents->len; d++)
        if (g_ascii_strcasecmp (plx_document_get_content_hash (g_ptr_array_index (documents, d)), hash) == 0)
          {
            /* The same text under another GUID: a copy of it. */
            g_set_object (&source->document, g_ptr_array_index (documents, d));
            source->is_new = FALSE;
            break;
          }
    }
  return TRUE;
}

static gboolean
check_collisions (Reader      *r,
                  GError     **error)
{
  for (guint i = 0; i < r->code_list->len; i++)
    {
      Code *code = g_ptr_array_index (r->code_list, i);
      gpointer known = g_hash_table_lookup (r->project_uuids, code->guid);
      PlxPerspective *same;

      if (known == NULL)
        continue;
      same = plx_project_find_perspective_by_name (r->project, code->name);
      if (known == KIND_PERSPECTIVE && code->role == CODE_PERSPECTIVE && same != NULL &&
          g_ascii_strcasecmp (plx_perspective_get_uuid (same), code->guid) == 0)
        continue;
      return _plx_qde_fail (r, error, code->line, _("the code “%s” has the GUID %s, which this project already uses (%s)"),
                   code->name, code->guid,
                   known == KIND_PERSPECTIVE ? _("another perspective") : uuid_kind (known));
    }
  for (guint i = 0; i < r->sources->len; i++)
    {
      Source *source = g_ptr_array_index (r->sources, i);

      for (guint j = 0; j < source->selections->len; j++)
        {
          Selection *s = g_ptr_array_index (source->selections, j);
          gpointer known = g_hash_table_lookup (r->project_uuids, s->guid);

          if (known == NULL)
            continue;
          if (known != KIND_PERSPECTIVE && PLX_IS_ANNOTATION (known) &&
              plx_annotation_get_document_id (known) == plx_document_get_id (source->document) && !source->is_new)
            continue;   /* this annotation, as another copy has it */
          return _plx_qde_fail (r, error, s->line, _("the selection has the GUID %s, which this project already uses (%s)"),
                       s->guid, known != KIND_PERSPECTIVE && PLX_IS_ANNOTATION (known) ? _("an annotation in another document")
                                                                                        : uuid_kind (known));
        }
    }
  return TRUE;
}

/* What the file holds that Parallax has no place for, said once. */
static void
report_left_out (Reader     *r,
                 xmlNodePtr  root)
{
  guint other_sources = 0;

  for (xmlNodePtr c = root ? child (root, "Sources") : NULL; c != NULL && c->children != NULL; c = NULL)
    for (xmlNodePtr s = c->children; s != NULL; s = s->next)
      other_sources += s->type == XML_ELEMENT_NODE && !is (s, "TextSource");

  if (other_sources > 0)
    g_ptr_array_add (r->report->notices,
                     g_strdup_printf (_("%u sources that are not text (PDF, pictures, audio, video) were left out"),
                                      other_sources));
  if (r->unassigned > 0)
    g_ptr_array_add (r->report->notices,
                     g_strdup_printf (_("%u selections have no perspective code: they are in the perspective “%s”"),
                                      r->unassigned, _plx_qde_unassigned_name ()));
}

/* ---- the whole ---- */

static gboolean
read_file (Reader      *r,
           const char  *data,
           gsize        length,
           xmlDocPtr   *doc_out,
           GError     **error)
{
  g_autoptr(GBytes) xml = NULL;
  gboolean codebook;
  xmlNodePtr root;

  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      r->files = _plx_qdpx_zip_read (r->name, (const guint8 *) data, length, error);
      if (r->files == NULL)
        return FALSE;
      g_free (r->entry);
      r->entry = g_strdup ("project.qde");
      g_hash_table_iter_init (&iter, r->files);
      while (xml == NULL && g_hash_table_iter_next (&iter, &key, &value))
        if (g_ascii_strcasecmp (key, "project.qde") == 0)
          xml = g_bytes_ref (value);
      if (xml == NULL)
        return _plx_qde_fail (r, error, 0, _("the archive has no project.qde, so it is not a REFI-QDA project"));
      codebook = FALSE;
    }
  else
    {
      /* A codebook (.qdc), or a project.qde on its own. */
      r->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
      g_free (r->entry);
      r->entry = g_path_get_basename (r->name);
      xml = g_bytes_new (data, length);
      codebook = g_strstr_len (data, (gssize) MIN (length, 4096), "<Project") == NULL;
      r->report->format = PLX_IMPORT_FORMAT_QDC;
    }
  *doc_out = _plx_qdpx_parse_checked (r->name, r->files && g_hash_table_size (r->files) ? r->entry : NULL, xml, codebook, error);
  if (*doc_out == NULL)
    return FALSE;
  root = xmlDocGetRootElement (*doc_out);
  if (codebook)
    return read_codes (r, child (root, "Codes"), NULL, 0, error);
  r->report->format = PLX_IMPORT_FORMAT_QDPX;
  if (!read_users (r, child (root, "Users"), error) ||
      !read_codes (r, child (child (root, "CodeBook"), "Codes") ? child (child (root, "CodeBook"), "Codes") : root, NULL, 0, error) ||
      !read_notes (r, child (root, "Notes"), error))
    return FALSE;
  for (xmlNodePtr s = child (root, "Sources") ? child (root, "Sources")->children : NULL; s != NULL; s = s->next)
    if (is (s, "TextSource") && !read_source (r, s, error))
      return FALSE;
  return TRUE;
}

static PlxImportReport *
import (Reader      *r,
        const char  *data,
        gsize        length,
        GError     **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  xmlDocPtr doc = NULL;
  gboolean ok;

  if (!read_file (r, data, length, &doc, error) || !choose_group (r, error))
    goto refused;
  if ((documents = plx_project_list_documents (r->project, error)) == NULL ||
      (annotations = plx_project_list_annotations (r->project, NULL, error)) == NULL ||
      !load_project_uuids (r, documents, annotations, error) ||
      !resolve_sources (r, documents, error) ||
      !check_collisions (r, error))
    goto refused;
  for (guint i = 0; i < r->sources->len; i++)
    {
      Source *source = g_ptr_array_index (r->sources, i);

      _plx_qde_place_selections (r, source);
      for (guint j = 0; j < source->selections->len; j++)
        {
          Selection *s = g_ptr_array_index (source->selections, j);
          gboolean has_perspective = FALSE;

          for (guint c = 0; c < s->codes->len; c++)
            has_perspective |= ((Code *) g_ptr_array_index (s->codes, c))->role == CODE_PERSPECTIVE;
          r->unassigned += s->placed && !has_perspective;
        }
    }
  report_left_out (r, xmlDocGetRootElement (doc));
  if (!_plx_qde_check_perspective_count (r, error))
    goto refused;

  if (!_plx_project_begin (r->project, error))
    goto refused;
  _plx_project_set_bulk (r->project, TRUE);
  ok = _plx_qde_write_all (r, error) && _plx_project_commit (r->project, error);
  if (!ok)
    {
      _plx_project_rollback (r->project);
      _plx_project_reload (r->project);
    }
  _plx_project_set_bulk (r->project, FALSE);
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&r->report) : NULL;

refused:
  if (doc != NULL)
    xmlFreeDoc (doc);
  return NULL;
}

/**
 * _plx_import_qdpx:
 * @name: the file, for messages
 * @data: a .qdpx (zip) or a .qdc (XML)
 * @options: (nullable): which codes are perspectives
 *
 * Imports a REFI-QDA project or codebook, all or nothing.
 */
PlxImportReport *
_plx_import_qdpx (PlxProject              *project,
                  const char              *name,
                  const char              *data,
                  gsize                    length,
                  const PlxImportOptions  *options,
                  GError                 **error)
{
  Reader r = { 0, };
  PlxImportReport *report;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  r.project = project;
  r.name = name;
  r.entry = g_strdup ("");
  r.options = options;
  r.report = g_new0 (PlxImportReport, 1);
  r.report->orphans = g_ptr_array_new_with_free_func (g_free);
  r.report->notices = g_ptr_array_new_with_free_func (g_free);
  r.guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.codes = g_hash_table_new (g_str_hash, g_str_equal);
  r.code_list = g_ptr_array_new_with_free_func (code_free);
  r.notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.sources = g_ptr_array_new_with_free_func (source_free);
  r.project_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  report = import (&r, data, length, error);

  g_free (r.entry);
  plx_import_report_free (r.report);
  g_clear_pointer (&r.files, g_hash_table_unref);
  g_hash_table_unref (r.guids);
  g_hash_table_unref (r.users);
  g_hash_table_unref (r.codes);
  g_ptr_array_unref (r.code_list);
  g_hash_table_unref (r.notes);
  g_ptr_array_unref (r.sources);
  g_hash_table_unref (r.project_uuids);
  return report;
}
