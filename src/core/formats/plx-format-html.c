/* plx-format-html.c: a web page, read by pandoc, keeping its article. A
 * page saved from the web is mostly not the article: before pandoc reads
 * it, navigation, headers, footers, asides, forms, scripts, styles and
 * elements marked as menus or sidebars are cut out, and where the page
 * has an <article> (or else a <main>) only that is kept, with the <head>
 * for the title, author and language.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-pandoc.h"

static const char * const dropped_elements[] = {
  "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "iframe", "template", "svg",
  "button", "menu", "dialog",
};

/* Words in a class, id or role that mark a page's furniture. */
static const char * const dropped_words[] = {
  "nav", "navbar", "navigation", "menu", "sidebar", "breadcrumb", "breadcrumbs", "cookie", "cookies",
  "share", "social", "related", "advert", "advertisement", "banner", "footer", "header", "comments",
  "newsletter", "subscribe", "skip-link",
};

/* The tag at @p ('<'): its name in lower case, whether it closes, and
 * where it ends (after '>'); NULL for a comment, doctype or a '<' that is
 * no tag. */
static char *
tag_at (const char  *p,
        const char  *end,
        gboolean    *closing,
        const char **after)
{
  const char *q = p + 1;
  const char *name;
  char quote = 0;

  *closing = q < end && *q == '/';
  if (*closing)
    q++;
  name = q;
  while (q < end && (g_ascii_isalnum (*q) || *q == '-'))
    q++;
  if (q == name)
    return NULL;
  /* To the '>' that is not in a quoted attribute. */
  for (*after = q; *after < end; (*after)++)
    {
      if (quote != 0)
        {
          if (**after == quote)
            quote = 0;
        }
      else if (**after == '"' || **after == '\'')
        quote = **after;
      else if (**after == '>')
        {
          (*after)++;
          return g_ascii_strdown (name, q - name);
        }
    }
  return NULL;
}

static gboolean
attributes_mark_furniture (const char *tag_start,
                           const char *tag_end)
{
  g_autofree char *tag = g_ascii_strdown (tag_start, tag_end - tag_start);
  static const char * const attributes[] = { "class=", "id=", "role=" };

  for (guint a = 0; a < G_N_ELEMENTS (attributes); a++)
    {
      const char *at = strstr (tag, attributes[a]);
      char quote;
      const char *value;
      const char *close;
      g_autofree char *words = NULL;
      g_auto(GStrv) split = NULL;

      if (at == NULL || (at > tag && !g_ascii_isspace (at[-1])))
        continue;
      at += strlen (attributes[a]);
      quote = *at == '"' || *at == '\'' ? *at : ' ';
      value = quote == ' ' ? at : at + 1;
      close = strchr (value, quote == ' ' ? '>' : quote);
      if (close == NULL)
        continue;
      words = g_strndup (value, (gsize) (close - value));
      split = g_strsplit_set (words, " \t\n_", -1);
      for (guint i = 0; split[i] != NULL; i++)
        for (guint w = 0; w < G_N_ELEMENTS (dropped_words); w++)
          if (strcmp (split[i], dropped_words[w]) == 0)
            return TRUE;
    }
  return FALSE;
}

static gboolean
is_void (const char *name)
{
  static const char * const voids[] = { "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                        "meta", "source", "track", "wbr" };

  for (guint i = 0; i < G_N_ELEMENTS (voids); i++)
    if (strcmp (name, voids[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Where the element opened by the tag ending at @p (named @name) closes:
 * after its matching end tag, counting nested ones; @end if never. */
static const char *
element_end (const char *p,
             const char *end,
             const char *name)
{
  guint depth = 1;

  while (p < end)
    {
      const char *lt = memchr (p, '<', (gsize) (end - p));
      const char *after = NULL;
      gboolean closing = FALSE;
      g_autofree char *tag = NULL;

      if (lt == NULL)
        return end;
      if (lt + 4 <= end && memcmp (lt, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (lt, end - lt, "-->");
          p = close ? close + 3 : end;
          continue;
        }
      tag = tag_at (lt, end, &closing, &after);
      if (tag == NULL)
        {
          p = lt + 1;
          continue;
        }
      if (strcmp (tag, name) == 0 && after[-2] != '/')
        {
          if (closing && --depth == 0)
            return after;
          if (!closing)
            depth++;
        }
      p = after;
    }
  return end;
}

/* @html with the page's furniture cut out. */
static GString *
strip_furniture (const char *html,
                 gsize       size)
{
  GString *out = g_string_sized_new (size);
  const char *p = html;
  const char *end = html + size;

  while (p < end)
    {
      const char *lt = memchr (p, '<', (gsize) (end - p));
      const char *after = NULL;
      gboolean closing = FALSE;
      g_autofree char *tag = NULL;
      gboolean drop = FALSE;

      if (lt == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, lt - p);
      if (lt + 4 <= end && memcmp (lt, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (lt, end - lt, "-->");
          p = close ? close + 3 : end;
          continue;
        }
      tag = tag_at (lt, end, &closing, &after);
      if (tag == NULL)
        {
          g_string_append_c (out, '<');
          p = lt + 1;
          continue;
        }
      if (!closing && !is_void (tag) && after[-2] != '/')
        {
          for (guint i = 0; i < G_N_ELEMENTS (dropped_elements) && !drop; i++)
            drop = strcmp (tag, dropped_elements[i]) == 0;
          if (!drop && strcmp (tag, "html") != 0 && strcmp (tag, "body") != 0 && strcmp (tag, "article") != 0 &&
              strcmp (tag, "main") != 0)
            drop = attributes_mark_furniture (lt, after);
        }
      if (drop)
        p = element_end (after, end, tag);
      else
        {
          g_string_append_len (out, lt, after - lt);
          p = after;
        }
    }
  return out;
}

/* The first <@name> element of @html, whole, or NULL. */
static char *
find_element (const char *html,
              const char *name)
{
  const char *p = html;
  const char *end = html + strlen (html);

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *after = NULL;
      gboolean closing = FALSE;
      g_autofree char *tag = tag_at (p, end, &closing, &after);

      if (tag != NULL && !closing && strcmp (tag, name) == 0)
        return g_strndup (p, (gsize) (element_end (after, end, name) - p));
      p = tag != NULL ? after : p + 1;
    }
  return NULL;
}

static GBytes *
keep_article (GBytes *original)
{
  g_autoptr(GString) stripped = strip_furniture (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_autofree char *article = find_element (stripped->str, "article");
  g_autofree char *head = NULL;
  g_autofree char *html = NULL;
  GString *page;

  if (article == NULL)
    article = find_element (stripped->str, "main");
  if (article == NULL)
    return g_bytes_new (stripped->str, stripped->len);
  head = find_element (stripped->str, "head");
  html = find_element (stripped->str, "html");
  page = g_string_new ("<!DOCTYPE html>\n");
  if (html != NULL)
    {
      /* The <html> tag itself, for its lang. */
      const char *close = strchr (html, '>');
      g_string_append_len (page, html, close ? close + 1 - html : 0);
    }
  else
    g_string_append (page, "<html>");
  if (head != NULL)
    g_string_append (page, head);
  g_string_append (page, "<body>");
  g_string_append (page, article);
  g_string_append (page, "</body></html>\n");
  return g_string_free_to_bytes (page);
}

static gboolean
read_html (PlxReadJob  *job,
           GError     **error)
{
  g_autoptr(GBytes) article = keep_article (job->original);

  return _plx_pandoc_read (job, "html", article, error);
}

/* "<!DOCTYPE html" or "<html" after any BOM, blank space and comments. */
static gboolean
guess_html (const guint8 *data,
            gsize         size)
{
  g_autofree char *head = g_ascii_strdown ((const char *) data, (gssize) MIN (size, 1024));
  const char *p = head;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (TRUE)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (g_str_has_prefix (p, "<!--"))
        {
          const char *close = strstr (p, "-->");
          if (close == NULL)
            return FALSE;
          p = close + 3;
          continue;
        }
      if (g_str_has_prefix (p, "<?xml"))
        {
          const char *close = strstr (p, "?>");
          if (close == NULL)
            return FALSE;
          p = close + 2;
          continue;
        }
      break;
    }
  return g_str_has_prefix (p, "<!doctype html") || g_str_has_prefix (p, "<html");
}

static const char * const extensions[] = { ".html", ".htm", ".xhtml", NULL };
static const char * const mime_types[] = { "application/xhtml+xml", NULL };

const PlxFormat plx_format_html = {
  .id = "html",
  .name = N_("Web page (HTML)"),
  .role = PLX_FORMAT_DOCUMENT,
  .abilities = PLX_FORMAT_CAN_IMPORT,
  .extensions = extensions,
  .mime_type = "text/html",
  .mime_types = mime_types,
  .document_format = PLX_DOCUMENT_FORMAT_HTML,
  .reader_version = 1,
  .read = read_html,
  .guess = guess_html,
};
