/* plx-report-html.c: the comparison report as one self-contained HTML
 * file: inline CSS (with a print stylesheet) and inline SVG, no scripts,
 * nothing fetched, so it reads the same offline, in a browser's reader
 * and on paper. Every piece of the project's text is escaped.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-report"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-agreement.h"
#include "plx-report-private.h"

static const char style[] =
  ":root{color-scheme:light;--ink:#1d1d1f;--muted:#5e5e64;--rule:#d5d5da}"
  "body{font-family:'DejaVu Sans','Noto Sans',Cantarell,sans-serif;color:var(--ink);background:#fff;"
  "margin:2rem auto;max-width:72rem;padding:0 1.5rem;line-height:1.45}"
  "h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.35rem;border-bottom:1px solid var(--rule);"
  "padding-bottom:.2rem;margin-top:2.2rem}"
  "dl.provenance{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;font-size:.9rem}"
  "dl.provenance dt{color:var(--muted)}dl.provenance dd{margin:0}"
  "code{font-family:'DejaVu Sans Mono',monospace;font-size:.85em;word-break:break-all}"
  "table{border-collapse:collapse}"
  "table.data td,table.data th{border-bottom:1px solid var(--rule);padding:.25rem .6rem;text-align:left;"
  "font-size:.9rem;vertical-align:top}"
  "table.data td.number{text-align:right;font-variant-numeric:tabular-nums}"
  "table.side-by-side{width:100%;table-layout:fixed}"
  "table.side-by-side th{text-align:left;padding:.3rem .5rem;border-bottom:4px solid;font-size:1rem}"
  "table.side-by-side td{vertical-align:top;padding:.4rem .5rem;border-right:1px solid var(--rule)}"
  "table.side-by-side td:last-child{border-right:none}"
  "figure.passage{margin:0 0 1rem 0}"
  "figure.passage blockquote{margin:0;padding-left:.6rem;border-left:3px solid var(--rule);"
  "white-space:pre-line}"
  "figure.passage figcaption{font-size:.8rem;color:var(--muted);margin-top:.2rem}"
  "figure.passage cite{font-style:normal}"
  "p.note{font-size:.85rem;margin:.25rem 0 0 .6rem;white-space:pre-line;font-style:italic}"
  "p.none{color:var(--muted)}p.counts{color:var(--muted);font-size:.9rem}"
  "nav ol{columns:3 14rem;font-size:.9rem}"
  "figure.map{margin:1rem 0}figure.map figcaption{font-weight:bold;margin-bottom:.3rem}"
  "svg text{font-family:'DejaVu Sans','Noto Sans',sans-serif}"
  "footer{margin-top:3rem;font-size:.85rem;color:var(--muted)}"
  "@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}nav{display:none}"
  "a{color:inherit;text-decoration:none}h2{break-after:avoid}"
  "figure.passage,figure.map,tr{break-inside:avoid}thead{display:table-header-group}"
  "section.theme{break-before:page}}"
  "@page{size:A4;margin:16mm 14mm}";

static void
escaped (GString    *out,
         const char *text)
{
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);

  g_string_append (out, escaped_text);
}

/* Appends @format; the caller escapes what comes from the project. */
G_GNUC_PRINTF (2, 3) static void
appendf (GString    *out,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
}

static char *
color_of (PlxReport *report,
          guint      perspective)
{
  double rgb[3];

  _plx_report_parse_color (g_ptr_array_index (report->perspective_colors, perspective), rgb);
  return g_strdup_printf ("#%02x%02x%02x", (guint) lround (rgb[0] * 255), (guint) lround (rgb[1] * 255),
                          (guint) lround (rgb[2] * 255));
}

/* The language the report's own words are in, for lang="". */
static char *
report_language (void)
{
  const char *name = g_get_language_names ()[0];
  char *language;

  if (name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    return g_strdup ("en");
  language = g_strndup (name, strcspn (name, ".@"));
  g_strdelimit (language, "_", '-');
  return language;
}

/* Shortened for an SVG label (the full name is its <title>). */
static char *
short_label (const char *text,
             glong       max_chars)
{
  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  return g_strconcat (g_utf8_substring (text, 0, max_chars - 1), "…", NULL);
}

static void
write_heat_map (GString   *out,
                PlxReport *report)
{
  guint n_perspectives = _plx_report_n_perspectives (report);
  const guint label = 260, cell = 96, row = 24, top = 30;
  guint width = label + cell * n_perspectives, height = top + row * report->themes->len + 4;

  appendf (out, "<svg class=\"heat-map\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" "
           "height=\"%u\" viewBox=\"0 0 %u %u\">", width, height, width, height);
  appendf (out, "<title>%s</title>", _("Passages per theme and perspective"));
  for (guint p = 0; p < n_perspectives; p++)
    {
      g_autofree char *name = short_label (g_ptr_array_index (report->perspective_names, p), 12);

      appendf (out, "<text x=\"%u\" y=\"20\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\">",
               label + cell * p + cell / 2);
      escaped (out, name);
      g_string_append (out, "</text>");
    }
  for (guint t = 0; t < report->themes->len; t++)
    {
      PlxReportTheme *theme = g_ptr_array_index (report->themes, t);
      g_autofree char *name = short_label (_plx_report_theme_title (theme), 34);
      guint y = top + row * t;

      g_string_append (out, "<g>");
      appendf (out, "<title>");
      escaped (out, _plx_report_theme_title (theme));
      g_string_append (out, "</title>");
      appendf (out, "<text x=\"%u\" y=\"%u\" font-size=\"12\" text-anchor=\"end\">", label - 8, y + 16);
      escaped (out, name);
      g_string_append (out, "</text>");
      for (guint p = 0; p < n_perspectives; p++)
        {
          g_autofree char *color = color_of (report, p);
          double strength = report->max_count > 0 ? (double) theme->counts[p] / report->max_count : 0;
          char opacity[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (opacity, sizeof opacity, "%.3f", 0.08 + 0.85 * strength);
          appendf (out, "<rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\" fill=\"%s\" fill-opacity=\"%s\"/>",
                   label + cell * p + 1, y + 1, cell - 2, row - 2, color, theme->counts[p] > 0 ? opacity : "0.03");
          appendf (out, "<text x=\"%u\" y=\"%u\" font-size=\"12\" text-anchor=\"middle\">%u</text>",
                   label + cell * p + cell / 2, y + 16, theme->counts[p]);
        }
      g_string_append (out, "</g>");
    }
  g_string_append (out, "</svg>");
}

static void
write_document_map (GString           *out,
                    PlxReport         *report,
                    PlxReportDocument *document)
{
  guint n_perspectives = _plx_report_n_perspectives (report);
  const guint label = 150, bucket = 14, row = 22;
  guint width = label + bucket * PLX_REPORT_MAP_BUCKETS + 70, height = row * n_perspectives + 4;

  g_string_append (out, "<figure class=\"map\"><figcaption>");
  escaped (out, document->title);
  g_string_append (out, "</figcaption>");
  appendf (out, "<svg role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" height=\"%u\" "
           "viewBox=\"0 0 %u %u\"><title>", width, height, width, height);
  {
    /* Translators: the title of a document map, "Where the passages lie in: <document>" */
    g_autofree char *title = g_strdup_printf (_("Where the passages lie in: %s"), document->title);

    escaped (out, title);
  }
  g_string_append (out, "</title>");
  for (guint p = 0; p < n_perspectives; p++)
    {
      g_autofree char *color = color_of (report, p);
      g_autofree char *name = short_label (g_ptr_array_index (report->perspective_names, p), 18);
      guint y = row * p;

      appendf (out, "<text x=\"%u\" y=\"%u\" font-size=\"12\" text-anchor=\"end\">", label - 8, y + 15);
      escaped (out, name);
      g_string_append (out, "</text>");
      appendf (out, "<rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\" fill=\"none\" stroke=\"#c8c8cc\"/>",
               label, y + 3, bucket * PLX_REPORT_MAP_BUCKETS, row - 6);
      for (guint b = 0; b < PLX_REPORT_MAP_BUCKETS; b++)
        {
          double covered = document->map[p * PLX_REPORT_MAP_BUCKETS + b];
          char opacity[G_ASCII_DTOSTR_BUF_SIZE];

          if (covered <= 0)
            continue;
          g_ascii_formatd (opacity, sizeof opacity, "%.3f", 0.15 + 0.85 * covered);
          appendf (out, "<rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\" fill=\"%s\" fill-opacity=\"%s\"/>",
                   label + bucket * b, y + 3, bucket, row - 6, color, opacity);
        }
      appendf (out, "<text x=\"%u\" y=\"%u\" font-size=\"11\">%.1f%%</text>",
               label + bucket * PLX_REPORT_MAP_BUCKETS + 6, y + 15, document->shares[p] * 100);
    }
  g_string_append (out, "</svg></figure>");
}

static void
write_header (GString   *out,
              PlxReport *report)
{
  g_autofree char *language = report_language ();
  g_autofree char *explanation = _plx_report_digest_explanation ();
  g_autofree char *title = NULL;

  appendf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", language);
  appendf (out, "<meta name=\"generator\" content=\"Parallax %s\">\n", report->version);
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  /* Translators: the report's title, "Comparison report: <project file>" */
  title = g_strdup_printf (_("Comparison report: %s"), report->title);
  escaped (out, title);
  appendf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", style);
  g_string_append (out, _("Comparison report"));
  g_string_append (out, "</h1>\n<p class=\"project\">");
  escaped (out, report->title);
  g_string_append (out, "</p>\n<dl class=\"provenance\">");
  appendf (out, "<dt>%s</dt><dd class=\"version\">Parallax %s</dd>", _("Written by"), report->version);
  appendf (out, "<dt>%s</dt><dd><time datetime=\"%s\">%s</time></dd>", _("Date"), report->date, report->date);
  appendf (out, "<dt>%s</dt><dd><code class=\"digest\">%s</code></dd>", _("Project digest (SHA-256)"),
           report->digest);
  appendf (out, "<dt>%s</dt><dd>%u</dd>", _("Passages"), report->passages->len);
  if (report->coders->len > 0)
    {
      appendf (out, "<dt>%s</dt><dd>", _("Coders"));
      for (guint i = 0; i < report->coders->len; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          escaped (out, g_ptr_array_index (report->coders, i));
        }
      g_string_append (out, "</dd>");
    }
  g_string_append (out, "</dl>\n<p class=\"reproduce\">");
  escaped (out, explanation);
  g_string_append (out, "</p>\n<table class=\"data documents\"><thead><tr>");
  appendf (out, "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>", _("Document"),
           _("Characters"), _("Passages"), _("Content hash (SHA-256)"));
  for (guint d = 0; d < report->documents->len; d++)
    {
      PlxReportDocument *document = g_ptr_array_index (report->documents, d);

      g_string_append (out, "<tr><td>");
      escaped (out, document->title);
      appendf (out, "</td><td class=\"number\">%u</td><td class=\"number\">%u</td><td><code>%s</code></td></tr>",
               document->length, document->n_passages, document->content_hash);
    }
  g_string_append (out, "</tbody></table>\n</header>\n");
}

static void
write_overview (GString   *out,
                PlxReport *report)
{
  g_string_append (out, "<nav><h2>");
  g_string_append (out, _("Themes"));
  g_string_append (out, "</h2><ol>");
  for (guint t = 0; t < report->themes->len; t++)
    {
      PlxReportTheme *theme = g_ptr_array_index (report->themes, t);

      appendf (out, "<li><a href=\"#theme-%u\">", t + 1);
      escaped (out, _plx_report_theme_title (theme));
      appendf (out, "</a> (%u)</li>", theme->total);
    }
  g_string_append (out, "</ol></nav>\n<section id=\"overview\"><h2>");
  g_string_append (out, _("Themes by perspective"));
  g_string_append (out, "</h2>\n");
  write_heat_map (out, report);
  g_string_append (out, "</section>\n<section id=\"maps\"><h2>");
  g_string_append (out, _("Where the passages lie"));
  g_string_append (out, "</h2>\n");
  for (guint d = 0; d < report->documents->len; d++)
    write_document_map (out, report, g_ptr_array_index (report->documents, d));
  g_string_append (out, "</section>\n");
}

static void
write_passage (GString          *out,
               PlxReportPassage *passage)
{
  g_autofree char *source = _plx_report_passage_source (passage);

  g_string_append (out, "<figure class=\"passage\"><blockquote>");
  escaped (out, passage->quote);
  g_string_append (out, "</blockquote><figcaption><cite>");
  escaped (out, source);
  g_string_append (out, "</cite>");
  if (passage->author[0] != '\0')
    {
      g_autofree char *by = g_strdup_printf (_("by %s"), passage->author);

      g_string_append (out, " · <span class=\"author\">");
      escaped (out, by);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</figcaption>");
  if (passage->note[0] != '\0')
    {
      g_string_append (out, "<p class=\"note\">");
      escaped (out, passage->note);
      g_string_append (out, "</p>");
    }
  g_string_append (out, "</figure>");
}

static void
write_theme (GString        *out,
             PlxReport      *report,
             PlxReportTheme *theme,
             guint           index)
{
  guint n_perspectives = _plx_report_n_perspectives (report);

  appendf (out, "<section class=\"theme\" id=\"theme-%u\" data-theme=\"", index + 1);
  escaped (out, theme->name);
  g_string_append (out, "\"><h2>");
  escaped (out, _plx_report_theme_title (theme));
  g_string_append (out, "</h2><p class=\"counts\">");
  for (guint p = 0; p < n_perspectives; p++)
    {
      if (p > 0)
        g_string_append (out, " · ");
      escaped (out, g_ptr_array_index (report->perspective_names, p));
      appendf (out, ": %u", theme->counts[p]);
    }
  g_string_append (out, " — ");
  appendf (out, g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", theme->total), theme->total);
  g_string_append (out, "</p>\n<table class=\"side-by-side\"><thead><tr>");
  for (guint p = 0; p < n_perspectives; p++)
    {
      g_autofree char *color = color_of (report, p);

      appendf (out, "<th scope=\"col\" style=\"border-bottom-color:%s\" data-perspective=\"", color);
      escaped (out, g_ptr_array_index (report->perspective_names, p));
      g_string_append (out, "\">");
      escaped (out, g_ptr_array_index (report->perspective_names, p));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead><tbody><tr>");
  for (guint p = 0; p < n_perspectives; p++)
    {
      GPtrArray *column = g_ptr_array_index (theme->columns, p);

      g_string_append (out, "<td data-perspective=\"");
      escaped (out, g_ptr_array_index (report->perspective_names, p));
      g_string_append (out, "\">");
      if (column->len == 0)
        g_string_append (out, "<p class=\"none\">—</p>");
      for (guint i = 0; i < column->len; i++)
        write_passage (out, g_ptr_array_index (column, i));
      g_string_append (out, "</td>");
    }
  g_string_append (out, "</tr></tbody></table></section>\n");
}

static void
write_agreement (GString   *out,
                 PlxReport *report)
{
  const char *headers[] = { N_("Question"), N_("Measure"), N_("Coders"), N_("Value"), N_("95% interval"),
                            N_("Units") };

  g_string_append (out, "<section id=\"reliability\"><h2>");
  g_string_append (out, _("Appendix: agreement between coders"));
  g_string_append (out, "</h2><table class=\"data agreement\"><thead><tr>");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    appendf (out, "<th scope=\"col\">%s</th>", _(headers[i]));
  g_string_append (out, "</tr></thead><tbody>");
  for (guint i = 0; i < report->agreement->len; i++)
    {
      const PlxAgreementRow *row = g_ptr_array_index (report->agreement, i);
      g_autofree char *value = _plx_report_format_value (row->measure, row->value);
      g_autofree char *interval = _plx_report_format_interval (row->measure, row->ci_low, row->ci_high);

      appendf (out, "<tr data-measure=\"%s\"><td>%s</td><td>%s</td><td>", row->measure,
               _plx_report_aspect_label (row->aspect), _plx_report_measure_label (row->measure));
      escaped (out, row->coders);
      appendf (out, "</td><td class=\"number value\">%s</td><td class=\"number\">%s</td>"
               "<td class=\"number\">%u</td></tr>", value, interval, row->units);
    }
  g_string_append (out, "</tbody></table></section>\n");
}

static gboolean
flush (GString        *out,
       GOutputStream  *stream,
       GCancellable   *cancellable,
       GError        **error)
{
  gboolean written = g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);

  g_string_truncate (out, 0);
  return written;
}

gboolean
_plx_report_write_html (PlxReport          *report,
                        GOutputStream      *stream,
                        PlxReportProgress  *progress,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  write_header (out, report);
  write_overview (out, report);
  if (!flush (out, stream, cancellable, error))
    return FALSE;
  for (guint t = 0; t < report->themes->len; t++)
    {
      write_theme (out, report, g_ptr_array_index (report->themes, t), t);
      if (!flush (out, stream, cancellable, error))
        return FALSE;
      _plx_report_progress (progress, (t + 1.0) / (report->themes->len + 1.0));
    }
  if (report->agreement != NULL)
    write_agreement (out, report);
  appendf (out, "<footer><p>");
  appendf (out, _("Written by Parallax %s on %s."), report->version, report->date);
  g_string_append (out, "</p></footer>\n</body>\n</html>\n");
  if (!flush (out, stream, cancellable, error))
    return FALSE;
  _plx_report_progress (progress, 1.0);
  return TRUE;
}
