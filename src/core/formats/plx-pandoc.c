/* plx-pandoc.c: office files, e-books and web pages read by pandoc, run as
 * a program (`pandoc -f FORMAT -t json`), bounded in time and in output,
 * and its JSON document tree read here: headers become headings,
 * paragraphs paragraphs, notes footnotes with their marks; lists, tables
 * and quotations come through as paragraphs of text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>

#include "plx-error.h"
#include "plx-pandoc.h"

/* ---- running pandoc ---- */

static const char *
pandoc_program (void)
{
  /* Tests stand in a missing, failing or hanging pandoc. */
  const char *program = g_getenv ("PLX_PANDOC");

  return program != NULL && *program != '\0' ? program : "pandoc";
}

static guint
pandoc_timeout (void)
{
  const char *seconds = g_getenv ("PLX_PANDOC_TIMEOUT");
  guint64 value = 0;

  if (seconds != NULL && g_ascii_string_to_unsigned (seconds, 10, 1, 3600, &value, NULL))
    return (guint) value;
  return PLX_PANDOC_TIMEOUT_SECONDS;
}

static char *
first_line (GByteArray *bytes)
{
  g_autofree char *text = g_strndup ((const char *) bytes->data, bytes->len);
  char *eol;

  g_strstrip (text);
  eol = strchr (text, '\n');
  if (eol != NULL)
    *eol = '\0';
  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);
  return g_steal_pointer (&text);
}

/* Reads pandoc's stdout and stderr until both end, the time is up, the
 * output passes its limit or the reading is cancelled. */
static gboolean
collect (GSubprocess   *process,
         GByteArray    *out,
         GByteArray    *err,
         GCancellable  *cancellable,
         GError       **error)
{
  int fds[2] = {
    g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stdout_pipe (process))),
    g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stderr_pipe (process))),
  };
  gboolean open[2] = { TRUE, TRUE };
  guint timeout = pandoc_timeout ();
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout * G_USEC_PER_SEC;
  GPollFD cancel_fd = { -1, 0, 0 };
  gboolean have_cancel = cancellable != NULL && g_cancellable_make_pollfd (cancellable, &cancel_fd);
  gboolean ok = TRUE;
  guint8 buffer[65536];

  while (ok && (open[0] || open[1]))
    {
      GPollFD polls[3];
      guint n = 0;
      gint64 left = deadline - g_get_monotonic_time ();

      if (left <= 0)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                       _("pandoc took longer than %u seconds and was stopped"), timeout);
          ok = FALSE;
          break;
        }
      for (guint i = 0; i < 2; i++)
        if (open[i])
          polls[n++] = (GPollFD) { fds[i], G_IO_IN | G_IO_HUP | G_IO_ERR, 0 };
      if (have_cancel)
        polls[n++] = cancel_fd;
      if (g_poll (polls, n, (int) MIN (left / 1000 + 1, G_MAXINT)) < 0 && errno != EINTR)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      for (guint i = 0, p = 0; i < 2; i++)
        {
          gssize got;

          if (!open[i])
            continue;
          if ((polls[p++].revents & (G_IO_IN | G_IO_HUP | G_IO_ERR)) == 0)
            continue;
          got = read (fds[i], buffer, sizeof buffer);
          if (got < 0 && errno == EINTR)
            continue;
          if (got <= 0)
            {
              open[i] = FALSE;
              continue;
            }
          if (i == 0)
            {
              if (out->len + (gsize) got > PLX_PANDOC_MAX_OUTPUT)
                {
                  g_autofree char *limit = g_format_size (PLX_PANDOC_MAX_OUTPUT);

                  g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                               _("pandoc wrote more than %s and was stopped"), limit);
                  ok = FALSE;
                  break;
                }
              g_byte_array_append (out, buffer, (guint) got);
            }
          else if (err->len < 16384)
            g_byte_array_append (err, buffer, (guint) MIN ((gsize) got, 16384 - err->len));
        }
    }
  if (have_cancel)
    g_cancellable_release_fd (cancellable);
  if (!ok)
    g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  return ok;
}

/* pandoc's JSON tree of @input, read as @format. */
static JsonParser *
run_pandoc (const char    *format,
            GBytes        *input,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) err = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *path = NULL;
  gboolean ok;
  int fd;

  /* A file rather than stdin: pandoc reads zip-based formats whole. */
  fd = g_file_open_tmp ("parallax-pandoc-XXXXXX", &path, error);
  if (fd < 0)
    return NULL;
  ok = g_file_set_contents_full (path, g_bytes_get_data (input, NULL), (gssize) g_bytes_get_size (input),
                                 G_FILE_SET_CONTENTS_NONE, 0600, error);
  close (fd);
  if (!ok)
    {
      g_unlink (path);
      return NULL;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* --sandbox: the file may not make pandoc read or fetch anything else. */
  process = g_subprocess_launcher_spawn (launcher, &local_error, pandoc_program (), "--quiet", "--sandbox",
                                         "-f", format, "-t", "json", "--", path, NULL);
  if (process == NULL)
    {
      g_unlink (path);
      if (g_error_matches (local_error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT))
        g_set_error (error, PLX_ERROR, PLX_ERROR_MISSING_PROGRAM,
                     _("reading this format needs pandoc, which is not installed (Debian package “pandoc”)"));
      else
        g_set_error (error, PLX_ERROR, PLX_ERROR_MISSING_PROGRAM,
                     _("pandoc could not be started: %s"), local_error->message);
      return NULL;
    }
  ok = collect (process, out, err, cancellable, error);
  g_unlink (path);
  if (!ok)
    return NULL;
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *why = first_line (err);

      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   _("pandoc could not read it as %s: %s"), format,
                   *why != '\0' ? why : _("it stopped without saying why"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *) out->data, (gssize) out->len, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "blocks"))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT,
                   _("pandoc’s output is not a document tree: %s"),
                   local_error ? local_error->message : _("it has no blocks"));
      return NULL;
    }
  return g_steal_pointer (&parser);
}

/* ---- the document tree ---- */

typedef struct {
  GString *text;
  guint    length;
  GArray  *blocks;
  GQueue   notes;       /* JsonArray * of each note's blocks, in order */
  guint    n_notes;
  gboolean titled;
} Builder;

/* One block's text as it is rendered, with its footnote marks. */
typedef struct {
  GString *s;
  guint    chars;
  GArray  *marks;       /* pairs of code-point offsets within s */
} Line;

static void
line_init (Line *line)
{
  line->s = g_string_new (NULL);
  line->chars = 0;
  line->marks = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
}

static void
line_clear (Line *line)
{
  g_string_free (line->s, TRUE);
  g_array_unref (line->marks);
}

static void
line_append (Line       *line,
             const char *text)
{
  g_autofree char *nfc = NULL;

  const char *p;

  if (text == NULL || *text == '\0')
    return;
  /* Most words are ASCII, already NFC: no copy. */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    {
      g_string_append_len (line->s, text, p - text);
      line->chars += (guint) (p - text);
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    return;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_string_append (line->s, nfc);
  line->chars += (guint) g_utf8_strlen (nfc, -1);
}

static void
line_space (Line *line)
{
  if (line->s->len > 0 && line->s->str[line->s->len - 1] != ' ')
    line_append (line, " ");
}

static const char *
node_tag (JsonNode *node)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return "";
  object = json_node_get_object (node);
  return json_object_has_member (object, "t") && JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "t"))
           ? json_object_get_string_member (object, "t") : "";
}

static JsonNode *
node_content (JsonNode *node)
{
  JsonObject *object = json_node_get_object (node);

  return json_object_has_member (object, "c") ? json_object_get_member (object, "c") : NULL;
}

/* The @index-th element of @node, if it is an array that long. */
static JsonNode *
element (JsonNode *node,
         guint     index)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  return index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;
}

static guint
length_of (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;
}

static const char *
string_of (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

/* Whether the attributes [id, [classes], [[key, value]]] name @class, or
 * have role @role. */
static gboolean
attr_marks (JsonNode   *attr,
            const char *class,
            const char *role)
{
  JsonNode *classes = element (attr, 1);
  JsonNode *pairs = element (attr, 2);

  for (guint i = 0; i < length_of (classes); i++)
    if (g_strcmp0 (string_of (element (classes, i)), class) == 0)
      return TRUE;
  for (guint i = 0; i < length_of (pairs); i++)
    if (g_strcmp0 (string_of (element (element (pairs, i), 0)), "role") == 0 &&
        g_strcmp0 (string_of (element (element (pairs, i), 1)), role) == 0)
      return TRUE;
  return FALSE;
}

static void render_inlines (Builder *b, Line *line, JsonNode *inlines);
static void walk_blocks (Builder *b, JsonNode *blocks, const char *prefix, guint depth);

static void
render_inline (Builder  *b,
               Line     *line,
               JsonNode *node)
{
  const char *tag = node_tag (node);
  JsonNode *c = node_content (node);

  if (g_str_equal (tag, "Str"))
    line_append (line, string_of (c));
  else if (g_str_equal (tag, "Space") || g_str_equal (tag, "SoftBreak") || g_str_equal (tag, "LineBreak"))
    line_space (line);
  else if (g_str_equal (tag, "Emph") || g_str_equal (tag, "Strong") || g_str_equal (tag, "Strikeout") ||
           g_str_equal (tag, "Superscript") || g_str_equal (tag, "Subscript") || g_str_equal (tag, "SmallCaps") ||
           g_str_equal (tag, "Underline"))
    render_inlines (b, line, c);
  else if (g_str_equal (tag, "Quote"))
    {
      gboolean single = g_str_equal (node_tag (element (c, 0)), "SingleQuote");

      line_append (line, single ? "‘" : "“");
      render_inlines (b, line, element (c, 1));
      line_append (line, single ? "’" : "”");
    }
  else if (g_str_equal (tag, "Link") && attr_marks (element (c, 0), "footnote-ref", "doc-noteref"))
    {
      /* A web page's note reference, its note among the endnotes. */
      Line number;
      guint pair[2];

      line_init (&number);
      render_inlines (b, &number, element (c, 1));
      pair[0] = line->chars;
      line_append (line, "[");
      line_append (line, g_strstrip (number.s->str));
      line_append (line, "]");
      pair[1] = line->chars;
      g_array_append_val (line->marks, pair);
      line_clear (&number);
    }
  else if (g_str_equal (tag, "Link") && attr_marks (element (c, 0), "footnote-back", "doc-backlink"))
    ;
  else if (g_str_equal (tag, "Cite") || g_str_equal (tag, "Span") || g_str_equal (tag, "Link"))
    render_inlines (b, line, element (c, 1));
  else if (g_str_equal (tag, "Code") || g_str_equal (tag, "Math"))
    line_append (line, string_of (element (c, 1)));
  else if (g_str_equal (tag, "Note"))
    {
      g_autofree char *mark = g_strdup_printf ("[%u]", ++b->n_notes);
      guint pair[2];

      pair[0] = line->chars;
      line_append (line, mark);
      pair[1] = line->chars;
      g_array_append_val (line->marks, pair);
      g_queue_push_tail (&b->notes, c);
    }
  /* Images, raw markup: nothing to read. */
}

static void
render_inlines (Builder  *b,
                Line     *line,
                JsonNode *inlines)
{
  for (guint i = 0; i < length_of (inlines); i++)
    render_inline (b, line, element (inlines, i));
}

/* Adds @line as a block of @kind, trimmed; an empty one is left out. */
static void
add_block (Builder      *b,
           PlxBlockKind  kind,
           Line         *line)
{
  PlxBlock block = { kind, 0, 0 };
  guint trailing = 0;

  while (line->s->len > 0 && line->s->str[line->s->len - 1] == ' ')
    {
      g_string_truncate (line->s, line->s->len - 1);
      trailing++;
    }
  line->chars -= trailing;
  if (line->s->len == 0)
    return;
  if (b->text->len > 0)
    {
      g_string_append_c (b->text, '\n');
      b->length++;
    }
  block.start = b->length;
  g_string_append_len (b->text, line->s->str, (gssize) line->s->len);
  b->length += line->chars;
  block.end = b->length;
  for (guint i = 0; i < line->marks->len; i++)
    {
      const guint *pair = &((const guint *) (gpointer) line->marks->data)[i * 2];
      PlxBlock mark = { PLX_BLOCK_FOOTNOTE_MARK, block.start + pair[0], block.start + MIN (pair[1], line->chars) };

      if (mark.start < mark.end)
        g_array_append_val (b->blocks, mark);
    }
  g_array_append_val (b->blocks, block);
}

static void
add_inlines (Builder      *b,
             PlxBlockKind  kind,
             const char   *prefix,
             JsonNode     *inlines)
{
  Line line;

  line_init (&line);
  if (prefix != NULL)
    line_append (&line, prefix);
  render_inlines (b, &line, inlines);
  add_block (b, kind, &line);
  line_clear (&line);
}

/* A table's rows, each a paragraph of its cells joined by " | ". */
static void
add_rows (Builder  *b,
          JsonNode *rows)
{
  for (guint r = 0; r < length_of (rows); r++)
    {
      JsonNode *cells = element (element (rows, r), 1);
      Line line;

      line_init (&line);
      for (guint c = 0; c < length_of (cells); c++)
        {
          JsonNode *blocks = element (element (cells, c), 4);

          if (c > 0)
            line_append (&line, " | ");
          for (guint k = 0; k < length_of (blocks); k++)
            {
              JsonNode *block = element (blocks, k);

              if (k > 0)
                line_space (&line);
              if (g_str_equal (node_tag (block), "Plain") || g_str_equal (node_tag (block), "Para"))
                render_inlines (b, &line, node_content (block));
            }
        }
      add_block (b, PLX_BLOCK_PARAGRAPH, &line);
      line_clear (&line);
    }
}

static void
add_table (Builder  *b,
           JsonNode *c)
{
  JsonNode *bodies = element (c, 4);

  /* [attr, caption [short, blocks], colspecs, head [attr, rows],
   *  bodies [[attr, n, head rows, rows]], foot [attr, rows]] */
  walk_blocks (b, element (element (c, 1), 1), NULL, 1);
  add_rows (b, element (element (c, 3), 1));
  for (guint i = 0; i < length_of (bodies); i++)
    {
      add_rows (b, element (element (bodies, i), 2));
      add_rows (b, element (element (bodies, i), 3));
    }
  add_rows (b, element (element (c, 5), 1));
}

static void walk_block (Builder *b, JsonNode *node, const char *prefix, guint depth);

/* The endnotes of a web page or e-book, an ordered list: footnotes
 * "[n] its text". */
static void
add_endnotes (Builder  *b,
              JsonNode *blocks)
{
  for (guint i = 0; i < length_of (blocks); i++)
    {
      JsonNode *list = element (blocks, i);
      JsonNode *c = node_content (list);
      gint64 start;
      JsonNode *items;

      if (!g_str_equal (node_tag (list), "OrderedList"))
        continue;
      start = element (element (c, 0), 0) != NULL ? json_node_get_int (element (element (c, 0), 0)) : 1;
      items = element (c, 1);
      for (guint n = 0; n < length_of (items); n++)
        {
          g_autofree char *mark = g_strdup_printf ("[%" G_GINT64_FORMAT "] ", start + n);
          guint first = b->blocks->len;

          walk_blocks (b, element (items, n), mark, 1);
          for (guint k = first; k < b->blocks->len; k++)
            if (g_array_index (b->blocks, PlxBlock, k).kind == PLX_BLOCK_PARAGRAPH)
              g_array_index (b->blocks, PlxBlock, k).kind = PLX_BLOCK_FOOTNOTE;
        }
    }
}

static void
walk_block (Builder    *b,
            JsonNode   *node,
            const char *prefix,
            guint       depth)
{
  const char *tag = node_tag (node);
  JsonNode *c = node_content (node);

  if (depth > 100)
    return;  /* a tree that deep is not a document */
  if (g_str_equal (tag, "Para") || g_str_equal (tag, "Plain"))
    add_inlines (b, PLX_BLOCK_PARAGRAPH, prefix, c);
  else if (g_str_equal (tag, "Header"))
    {
      gint64 level = element (c, 0) != NULL && JSON_NODE_HOLDS_VALUE (element (c, 0))
                       ? json_node_get_int (element (c, 0)) : 2;
      PlxBlockKind kind = PLX_BLOCK_HEADING;

      if (level == 1 && !b->titled && b->text->len == 0)
        kind = PLX_BLOCK_TITLE;
      b->titled = TRUE;
      add_inlines (b, kind, NULL, element (c, 2));
    }
  else if (g_str_equal (tag, "LineBlock"))
    for (guint i = 0; i < length_of (c); i++)
      add_inlines (b, PLX_BLOCK_PARAGRAPH, i == 0 ? prefix : NULL, element (c, i));
  else if (g_str_equal (tag, "CodeBlock"))
    {
      g_auto(GStrv) lines = g_strsplit (string_of (element (c, 1)) ? string_of (element (c, 1)) : "", "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          Line line;

          line_init (&line);
          line_append (&line, g_strstrip (lines[i]));
          add_block (b, PLX_BLOCK_PARAGRAPH, &line);
          line_clear (&line);
        }
    }
  else if (g_str_equal (tag, "BlockQuote"))
    walk_blocks (b, c, prefix, depth + 1);
  else if (g_str_equal (tag, "Div") &&
           (attr_marks (element (c, 0), "footnotes", "doc-endnotes") ||
            attr_marks (element (c, 0), "footnotes", "doc-footnotes")))
    add_endnotes (b, element (c, 1));
  else if (g_str_equal (tag, "Div"))
    walk_blocks (b, element (c, 1), prefix, depth + 1);
  else if (g_str_equal (tag, "Figure"))
    walk_blocks (b, element (c, 2), prefix, depth + 1);
  else if (g_str_equal (tag, "BulletList") || g_str_equal (tag, "OrderedList"))
    {
      gboolean ordered = g_str_equal (tag, "OrderedList");
      JsonNode *items = ordered ? element (c, 1) : c;
      gint64 start = ordered && element (element (c, 0), 0) != NULL ? json_node_get_int (element (element (c, 0), 0)) : 1;

      for (guint i = 0; i < length_of (items); i++)
        {
          g_autofree char *bullet = ordered ? g_strdup_printf ("%" G_GINT64_FORMAT ". ", start + i) : g_strdup ("• ");

          walk_blocks (b, element (items, i), bullet, depth + 1);
        }
    }
  else if (g_str_equal (tag, "DefinitionList"))
    for (guint i = 0; i < length_of (c); i++)
      {
        JsonNode *definitions = element (element (c, i), 1);

        add_inlines (b, PLX_BLOCK_PARAGRAPH, NULL, element (element (c, i), 0));
        for (guint d = 0; d < length_of (definitions); d++)
          walk_blocks (b, element (definitions, d), NULL, depth + 1);
      }
  else if (g_str_equal (tag, "Table"))
    add_table (b, c);
  /* HorizontalRule, RawBlock, Null: nothing to read. */
}

/* @prefix (a list item's bullet) goes before the first block only. */
static void
walk_blocks (Builder    *b,
             JsonNode   *blocks,
             const char *prefix,
             guint       depth)
{
  for (guint i = 0; i < length_of (blocks); i++)
    walk_block (b, element (blocks, i), i == 0 ? prefix : NULL, depth);
}

/* Footnotes after the text, each "[n] its text", numbered as marked. */
static void
add_notes (Builder *b)
{
  guint number = 0;
  JsonNode *note;

  while ((note = g_queue_pop_head (&b->notes)) != NULL)
    {
      g_autofree char *mark = g_strdup_printf ("[%u] ", ++number);

      for (guint i = 0; i < length_of (note); i++)
        {
          JsonNode *block = element (note, i);
          const char *tag = node_tag (block);

          if (g_str_equal (tag, "Para") || g_str_equal (tag, "Plain"))
            add_inlines (b, PLX_BLOCK_FOOTNOTE, i == 0 ? mark : NULL, node_content (block));
          else
            {
              /* A list or quotation in a note: its text, as the note's. */
              guint first = b->blocks->len;

              walk_block (b, block, i == 0 ? mark : NULL, 1);
              for (guint k = first; k < b->blocks->len; k++)
                if (g_array_index (b->blocks, PlxBlock, k).kind == PLX_BLOCK_PARAGRAPH)
                  g_array_index (b->blocks, PlxBlock, k).kind = PLX_BLOCK_FOOTNOTE;
            }
        }
    }
}

/* A metadata value as plain text; lists joined by ", ". */
static char *
meta_text (Builder  *b,
           JsonNode *value)
{
  const char *tag = node_tag (value);
  JsonNode *c = value ? node_content (value) : NULL;
  Line line;
  char *text;

  if (value == NULL)
    return NULL;
  line_init (&line);
  if (g_str_equal (tag, "MetaString"))
    line_append (&line, string_of (c));
  else if (g_str_equal (tag, "MetaInlines"))
    {
      guint notes = b->n_notes;

      render_inlines (b, &line, c);
      /* A note in a title is not the text's. */
      while (b->n_notes > notes)
        {
          g_queue_pop_tail (&b->notes);
          b->n_notes--;
        }
    }
  else if (g_str_equal (tag, "MetaList"))
    for (guint i = 0; i < length_of (c); i++)
      {
        g_autofree char *item = meta_text (b, element (c, i));

        if (item != NULL && *item != '\0')
          {
            if (line.s->len > 0)
              line_append (&line, ", ");
            line_append (&line, item);
          }
      }
  else if (g_str_equal (tag, "MetaBlocks"))
    for (guint i = 0; i < length_of (c); i++)
      if (g_str_equal (node_tag (element (c, i)), "Para") || g_str_equal (node_tag (element (c, i)), "Plain"))
        {
          line_space (&line);
          render_inlines (b, &line, node_content (element (c, i)));
        }
  text = g_strstrip (g_strdup (line.s->str));
  line_clear (&line);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
read_meta (Builder    *b,
           PlxReadJob *job,
           JsonObject *meta)
{
  static const struct { const char *key; int slot; } keys[] = {
    { "author", PLX_DOCUMENT_META_AUTHOR },
    { "creator", PLX_DOCUMENT_META_AUTHOR },
    { "publisher", PLX_DOCUMENT_META_AUTHOR },
    { "date", PLX_DOCUMENT_META_DATE },
    { "lang", PLX_DOCUMENT_META_LANGUAGE },
    { "language", PLX_DOCUMENT_META_LANGUAGE },
    { "url", PLX_DOCUMENT_META_URL },
    { "identifier", PLX_DOCUMENT_META_URL },
  };

  if (meta == NULL)
    return;
  if (json_object_has_member (meta, "title"))
    job->title = meta_text (b, json_object_get_member (meta, "title"));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (job->meta[keys[i].slot] == NULL && json_object_has_member (meta, keys[i].key))
      {
        char *value = meta_text (b, json_object_get_member (meta, keys[i].key));

        /* An identifier is kept only when it is a web address. */
        if (value != NULL && keys[i].slot == PLX_DOCUMENT_META_URL && !g_str_has_prefix (value, "http"))
          g_clear_pointer (&value, g_free);
        job->meta[keys[i].slot] = value;
      }
}

gboolean
_plx_pandoc_read (PlxReadJob   *job,
                  const char   *pandoc_format,
                  GBytes       *input,
                  GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  Builder b = { g_string_new (NULL), 0, job->blocks, G_QUEUE_INIT, 0, FALSE };
  JsonObject *root;

  parser = run_pandoc (pandoc_format, input, job->cancellable, error);
  if (parser == NULL)
    {
      g_string_free (b.text, TRUE);
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (root, "meta") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "meta")))
    read_meta (&b, job, json_object_get_object_member (root, "meta"));
  /* A lone top-level header leading a document without a title is its
   * title; otherwise every header is a section's. */
  {
    JsonNode *blocks = json_object_get_member (root, "blocks");
    guint top = 0;

    for (guint i = 0; i < length_of (blocks); i++)
      if (g_str_equal (node_tag (element (blocks, i)), "Header") &&
          json_node_get_int (element (node_content (element (blocks, i)), 0)) == 1)
        top++;
    b.titled = job->title != NULL || top != 1;
  }
  walk_blocks (&b, json_object_get_member (root, "blocks"), NULL, 0);
  add_notes (&b);
  if (b.length == 0)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT, _("it has no text"));
      g_string_free (b.text, TRUE);
      return FALSE;
    }
  job->text = g_string_free (b.text, FALSE);
  return TRUE;
}
