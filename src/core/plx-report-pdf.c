/* plx-report-pdf.c: the comparison report as a PDF, typeset with pango
 * (so Armenian, Azerbaijani and Russian text take a font that has their
 * letters, by fontconfig's fallback if the first has not) and drawn with
 * cairo, the heat map and the document maps as vectors. Passages flow in
 * one column per perspective and continue on the next page, line by line,
 * under the repeated column heads.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-report"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "plx-agreement.h"
#include "plx-error.h"
#include "plx-report-private.h"

/* A4 in points. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN 48.0
#define BOTTOM (PAGE_HEIGHT - MARGIN)
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define COLUMN_GAP 10.0
#define FONT "DejaVu Sans, Noto Sans, Sans"

static const double ink[3] = { 0.114, 0.114, 0.122 };
static const double muted[3] = { 0.37, 0.37, 0.39 };
static const double rule[3] = { 0.80, 0.80, 0.83 };

/* One line of a laid-out paragraph, drawn where the flow puts it. */
typedef struct {
  PangoLayout *layout;
  int          line;
  double       indent;
  double       before;     /* space above, dropped at the top of a page */
  double       color[3];
  gboolean     bar;        /* a quote's rule to its left */
  double       bar_color[3];
} Line;

typedef struct {
  GOutputStream   *stream;
  GCancellable    *cancellable;
  GError          *error;
  cairo_surface_t *surface;
  cairo_t         *cr;
  PlxReport       *report;
  double           y;
  guint            page;
  /* Column heads repeated on each page a theme's columns run onto. */
  guint            n_heads;
  const char     **heads;
  const double    *head_x;
  const double    *head_width;
  GPtrArray       *head_colors;
  double           head_size;
} Pdf;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Pdf *pdf = closure;

  /* After a failure (or a cancel) the rest is dropped but cairo is told
   * all is well: cairo 1.16 trips an assertion finishing a document with
   * an outline after a write error. The error is reported at the end. */
  if (pdf->error == NULL)
    g_output_stream_write_all (pdf->stream, data, length, NULL, pdf->cancellable, &pdf->error);
  return CAIRO_STATUS_SUCCESS;
}

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_clear_object (&line->layout);
}

static GArray *
column_new (void)
{
  GArray *column = g_array_new (FALSE, TRUE, sizeof (Line));

  g_array_set_clear_func (column, line_clear);
  return column;
}

static PangoLayout *
make_layout (Pdf        *pdf,
             const char *text,
             double      size,
             gboolean    bold,
             gboolean    italic,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);
  g_autoptr(PangoAttrList) attributes = NULL;

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A quote keeps its letters: no hyphen is added where a word breaks. */
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Appends @text's lines to @column. */
static void
add_paragraph (Pdf          *pdf,
               GArray       *column,
               const char   *text,
               double        size,
               gboolean      bold,
               gboolean      italic,
               double        width,
               double        indent,
               double        before,
               const double *color,
               const double *bar_color)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, size, bold, italic, width - indent);
  int n_lines = pango_layout_get_line_count (layout);

  for (int i = 0; i < n_lines; i++)
    {
      Line line = { g_object_ref (layout), i, indent, i == 0 ? before : 0, { color[0], color[1], color[2] },
                    bar_color != NULL, { 0, 0, 0 } };

      if (bar_color != NULL)
        memcpy (line.bar_color, bar_color, sizeof line.bar_color);
      g_array_append_val (column, line);
    }
}

static void
line_extents (Line   *line,
              double *height,
              double *baseline)
{
  PangoLayoutLine *layout_line = pango_layout_get_line_readonly (line->layout, line->line);
  PangoRectangle logical;

  pango_layout_line_get_extents (layout_line, NULL, &logical);
  *height = (double) logical.height / PANGO_SCALE;
  *baseline = (double) -logical.y / PANGO_SCALE;
}

static void
set_color (cairo_t      *cr,
           const double *rgb)
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

/* Text with its top-left corner at (x, y); returns its height. */
static double
draw_text (Pdf          *pdf,
           const char   *text,
           double        x,
           double        y,
           double        size,
           gboolean      bold,
           const double *color,
           double        width,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, size, bold, FALSE, width);
  PangoRectangle logical;

  pango_layout_set_alignment (layout, alignment);
  /* Column heads wrap (a word cut short would hide a name); labels beside
   * the maps stay on one line. */
  if (!bold)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  set_color (pdf->cr, color);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
draw_heads (Pdf *pdf)
{
  double height = 0;

  for (guint c = 0; c < pdf->n_heads; c++)
    {
      double rgb[3];

      double drawn = draw_text (pdf, pdf->heads[c], pdf->head_x[c], pdf->y, pdf->head_size, TRUE, ink,
                                pdf->head_width[c], PANGO_ALIGN_LEFT);

      height = MAX (height, drawn);
      _plx_report_parse_color (g_ptr_array_index (pdf->head_colors, c), rgb);
      set_color (pdf->cr, rgb);
      cairo_rectangle (pdf->cr, pdf->head_x[c], pdf->y + height + 1, pdf->head_width[c], 3);
      cairo_fill (pdf->cr);
    }
  pdf->y += height + 10;
}

static void
new_page (Pdf *pdf)
{
  g_autofree char *footer = NULL;

  if (pdf->page > 0)
    cairo_show_page (pdf->cr);
  pdf->page++;
  /* Translators: a report page's footer: "Parallax <version> · <project file> · page <n>" */
  footer = g_strdup_printf (_("Parallax %s · %s · page %u"), pdf->report->version, pdf->report->title, pdf->page);
  draw_text (pdf, footer, MARGIN, PAGE_HEIGHT - MARGIN + 14, 7.5, FALSE, muted, CONTENT_WIDTH, PANGO_ALIGN_CENTER);
  pdf->y = MARGIN;
  if (pdf->n_heads > 0)
    draw_heads (pdf);
}

static void
ensure_room (Pdf    *pdf,
             double  height)
{
  if (pdf->y + height > BOTTOM && pdf->y > MARGIN + 40)
    new_page (pdf);
}

/* Draws @n columns side by side from the current position, each line
 * where it fits, the rest on the next pages; leaves y below the longest. */
static void
flow_columns (Pdf          *pdf,
              guint         n,
              GArray      **columns,
              const double *x)
{
  g_autofree guint *next = g_new0 (guint, n);
  gboolean more = TRUE;

  while (more)
    {
      double top = pdf->y, lowest = pdf->y;

      more = FALSE;
      for (guint c = 0; c < n; c++)
        {
          double y = top;

          for (; next[c] < columns[c]->len; next[c]++)
            {
              Line *line = &g_array_index (columns[c], Line, next[c]);
              double height, baseline, before = y > top ? line->before : 0;

              line_extents (line, &height, &baseline);
              /* A line taller than a page is drawn anyway, or nothing would move. */
              if (y + before + height > BOTTOM && y > top)
                {
                  more = TRUE;
                  break;
                }
              y += before;
              if (line->bar)
                {
                  set_color (pdf->cr, line->bar_color);
                  cairo_rectangle (pdf->cr, x[c], y, 2, height);
                  cairo_fill (pdf->cr);
                }
              set_color (pdf->cr, line->color);
              cairo_move_to (pdf->cr, x[c] + line->indent, y + baseline);
              pango_cairo_show_layout_line (pdf->cr, pango_layout_get_line_readonly (line->layout, line->line));
              y += height;
            }
          lowest = MAX (lowest, y);
        }
      pdf->y = lowest;
      if (more)
        new_page (pdf);
    }
}

/* One paragraph across the page. */
static void
flow_paragraph (Pdf          *pdf,
                const char   *text,
                double        size,
                gboolean      bold,
                const double *color,
                double        before)
{
  g_autoptr(GArray) column = column_new ();
  double x = MARGIN;

  if (pdf->y > MARGIN)
    pdf->y += before;
  add_paragraph (pdf, column, text, size, bold, FALSE, CONTENT_WIDTH, 0, 0, color, NULL);
  flow_columns (pdf, 1, &column, &x);
}

/* A table: @n_columns cells per row (@rows of GStrv, the first the heads,
 * repeated on every page it runs onto), widths as fractions. */
static void
flow_table (Pdf          *pdf,
            GPtrArray    *rows,
            const double *fractions,
            guint         n_columns,
            double        size)
{
  g_autofree double *x = g_new0 (double, n_columns);
  g_autofree double *width = g_new0 (double, n_columns);
  g_autoptr(GPtrArray) colors = g_ptr_array_new ();
  double at = MARGIN;

  for (guint c = 0; c < n_columns; c++)
    {
      x[c] = at;
      width[c] = fractions[c] * CONTENT_WIDTH - 6;
      at += fractions[c] * CONTENT_WIDTH;
      g_ptr_array_add (colors, (gpointer) "#d0d0d5");
    }
  ensure_room (pdf, 60);
  pdf->n_heads = n_columns;
  pdf->heads = (const char **) g_ptr_array_index (rows, 0);
  pdf->head_x = x;
  pdf->head_width = width;
  pdf->head_colors = colors;
  pdf->head_size = size;
  /* A table without heads (the front page's) draws none. */
  if (pdf->heads[0][0] == '\0')
    pdf->n_heads = 0;
  else
    draw_heads (pdf);
  for (guint r = 1; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      GArray *columns[16];

      g_assert (n_columns <= G_N_ELEMENTS (columns));
      for (guint c = 0; c < n_columns; c++)
        {
          columns[c] = column_new ();
          add_paragraph (pdf, columns[c], cells[c], size, FALSE, FALSE, width[c], 0, 0, ink, NULL);
        }
      flow_columns (pdf, n_columns, columns, x);
      pdf->y += 3;
      for (guint c = 0; c < n_columns; c++)
        g_array_unref (columns[c]);
    }
  pdf->n_heads = 0;
}

static void
add_row (GPtrArray *rows,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;
  const char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, cell);
  va_end (args);
  g_ptr_array_add (rows, g_strv_builder_end (builder));
}

static void
write_front (Pdf *pdf)
{
  PlxReport *report = pdf->report;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *version = g_strdup_printf ("Parallax %s", report->version);
  g_autofree char *passages = g_strdup_printf ("%u", report->passages->len);
  g_autofree char *explanation = _plx_report_digest_explanation ();
  g_autoptr(GString) coders = g_string_new (NULL);
  const double fractions[] = { 0.30, 0.70 };
  const double document_fractions[] = { 0.34, 0.15, 0.13, 0.38 };

  flow_paragraph (pdf, _("Comparison report"), 20, TRUE, ink, 0);
  flow_paragraph (pdf, report->title, 12, FALSE, muted, 4);
  pdf->y += 12;

  add_row (rows, "", "", NULL);
  add_row (rows, _("Written by"), version, NULL);
  add_row (rows, _("Date"), report->date, NULL);
  add_row (rows, _("Project digest (SHA-256)"), report->digest, NULL);
  add_row (rows, _("Passages"), passages, NULL);
  for (guint i = 0; i < report->coders->len; i++)
    g_string_append_printf (coders, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (report->coders, i));
  if (coders->len > 0)
    add_row (rows, _("Coders"), coders->str, NULL);
  flow_table (pdf, rows, fractions, 2, 9);
  flow_paragraph (pdf, explanation, 8, FALSE, muted, 6);
  pdf->y += 14;

  g_ptr_array_set_size (rows, 0);
  add_row (rows, _("Document"), _("Characters"), _("Passages"), _("Content hash (SHA-256)"), NULL);
  for (guint d = 0; d < report->documents->len; d++)
    {
      PlxReportDocument *document = g_ptr_array_index (report->documents, d);
      g_autofree char *length = g_strdup_printf ("%u", document->length);
      g_autofree char *count = g_strdup_printf ("%u", document->n_passages);

      add_row (rows, document->title, length, count, document->content_hash, NULL);
    }
  flow_table (pdf, rows, document_fractions, 4, 8);
}

static void
write_heat_map (Pdf *pdf)
{
  PlxReport *report = pdf->report;
  guint n_perspectives = _plx_report_n_perspectives (report);
  const double row = 16, label = 170;
  double cell = MIN (90, (CONTENT_WIDTH - label) / MAX (n_perspectives, 1));
  g_autofree double *head_x = g_new0 (double, n_perspectives);
  g_autofree double *head_width = g_new0 (double, n_perspectives);

  ensure_room (pdf, 120);
  flow_paragraph (pdf, _("Themes by perspective"), 14, TRUE, ink, 18);
  pdf->y += 6;
  for (guint p = 0; p < n_perspectives; p++)
    {
      head_x[p] = MARGIN + label + cell * p;
      head_width[p] = cell - 4;
    }
  pdf->n_heads = n_perspectives;
  pdf->heads = (const char **) report->perspective_names->pdata;
  pdf->head_x = head_x;
  pdf->head_width = head_width;
  pdf->head_colors = report->perspective_colors;
  pdf->head_size = 8;
  draw_heads (pdf);
  for (guint t = 0; t < report->themes->len; t++)
    {
      PlxReportTheme *theme = g_ptr_array_index (report->themes, t);

      if (pdf->y + row > BOTTOM)
        new_page (pdf);
      draw_text (pdf, _plx_report_theme_title (theme), MARGIN, pdf->y + 2, 8, FALSE, ink, label - 8,
                 PANGO_ALIGN_RIGHT);
      for (guint p = 0; p < n_perspectives; p++)
        {
          g_autofree char *count = g_strdup_printf ("%u", theme->counts[p]);
          double rgb[3];
          double strength = report->max_count > 0 ? (double) theme->counts[p] / report->max_count : 0;

          _plx_report_parse_color (g_ptr_array_index (report->perspective_colors, p), rgb);
          cairo_set_source_rgba (pdf->cr, rgb[0], rgb[1], rgb[2], theme->counts[p] > 0 ? 0.08 + 0.85 * strength : 0.03);
          cairo_rectangle (pdf->cr, head_x[p], pdf->y, cell - 2, row - 2);
          cairo_fill (pdf->cr);
          draw_text (pdf, count, head_x[p], pdf->y + 2, 8, FALSE, ink, cell - 2, PANGO_ALIGN_CENTER);
        }
      pdf->y += row;
    }
  pdf->n_heads = 0;
}

static void
write_maps (Pdf *pdf)
{
  PlxReport *report = pdf->report;
  guint n_perspectives = _plx_report_n_perspectives (report);
  const double row = 14, label = 110;
  double bucket = (CONTENT_WIDTH - label - 40) / PLX_REPORT_MAP_BUCKETS;

  ensure_room (pdf, 100);
  flow_paragraph (pdf, _("Where the passages lie"), 14, TRUE, ink, 22);
  for (guint d = 0; d < report->documents->len; d++)
    {
      PlxReportDocument *document = g_ptr_array_index (report->documents, d);

      ensure_room (pdf, 24 + row * n_perspectives);
      flow_paragraph (pdf, document->title, 9, TRUE, ink, 8);
      pdf->y += 3;
      for (guint p = 0; p < n_perspectives; p++)
        {
          g_autofree char *share = g_strdup_printf ("%.1f%%", document->shares[p] * 100);
          double rgb[3];

          _plx_report_parse_color (g_ptr_array_index (report->perspective_colors, p), rgb);
          draw_text (pdf, g_ptr_array_index (report->perspective_names, p), MARGIN, pdf->y + 1, 7.5, FALSE, ink,
                     label - 8, PANGO_ALIGN_RIGHT);
          set_color (pdf->cr, rule);
          cairo_set_line_width (pdf->cr, 0.5);
          cairo_rectangle (pdf->cr, MARGIN + label, pdf->y + 2, bucket * PLX_REPORT_MAP_BUCKETS, row - 4);
          cairo_stroke (pdf->cr);
          for (guint b = 0; b < PLX_REPORT_MAP_BUCKETS; b++)
            {
              double covered = document->map[p * PLX_REPORT_MAP_BUCKETS + b];

              if (covered <= 0)
                continue;
              cairo_set_source_rgba (pdf->cr, rgb[0], rgb[1], rgb[2], 0.15 + 0.85 * covered);
              cairo_rectangle (pdf->cr, MARGIN + label + bucket * b, pdf->y + 2, bucket, row - 4);
              cairo_fill (pdf->cr);
            }
          draw_text (pdf, share, MARGIN + label + bucket * PLX_REPORT_MAP_BUCKETS + 4, pdf->y + 1, 7.5, FALSE,
                     muted, 40, PANGO_ALIGN_LEFT);
          pdf->y += row;
        }
    }
}

static void
write_theme (Pdf            *pdf,
             PlxReportTheme *theme)
{
  PlxReport *report = pdf->report;
  guint n_perspectives = _plx_report_n_perspectives (report);
  double width = (CONTENT_WIDTH - COLUMN_GAP * (n_perspectives - 1)) / n_perspectives;
  g_autofree double *x = g_new0 (double, n_perspectives);
  g_autofree double *widths = g_new0 (double, n_perspectives);
  g_autofree GArray **columns = g_new0 (GArray *, n_perspectives);
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autofree char *link = NULL;

  new_page (pdf);
  link = g_strdup_printf ("page=%u pos=[%.0f %.0f]", pdf->page, MARGIN, pdf->y);
  cairo_pdf_surface_add_outline (pdf->surface, CAIRO_PDF_OUTLINE_ROOT, _plx_report_theme_title (theme), link, 0);
  flow_paragraph (pdf, _plx_report_theme_title (theme), 15, TRUE, ink, 0);
  for (guint p = 0; p < n_perspectives; p++)
    g_string_append_printf (counts, "%s%s: %u", p > 0 ? " · " : "",
                            (const char *) g_ptr_array_index (report->perspective_names, p), theme->counts[p]);
  g_string_append (counts, " — ");
  g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", theme->total),
                          theme->total);
  flow_paragraph (pdf, counts->str, 8.5, FALSE, muted, 4);
  pdf->y += 10;

  for (guint p = 0; p < n_perspectives; p++)
    {
      GPtrArray *passages = g_ptr_array_index (theme->columns, p);
      double rgb[3];

      x[p] = MARGIN + (width + COLUMN_GAP) * p;
      widths[p] = width;
      columns[p] = column_new ();
      _plx_report_parse_color (g_ptr_array_index (report->perspective_colors, p), rgb);
      if (passages->len == 0)
        add_paragraph (pdf, columns[p], "—", 9, FALSE, FALSE, width, 0, 0, muted, NULL);
      for (guint i = 0; i < passages->len; i++)
        {
          PlxReportPassage *passage = g_ptr_array_index (passages, i);
          g_autofree char *source = _plx_report_passage_source (passage);

          add_paragraph (pdf, columns[p], passage->quote, 8.5, FALSE, FALSE, width, 6, i > 0 ? 12 : 0, ink, rgb);
          if (passage->author[0] != '\0')
            {
              g_autofree char *by = g_strdup_printf (_("by %s"), passage->author);
              g_autofree char *line = g_strdup_printf ("%s · %s", source, by);

              add_paragraph (pdf, columns[p], line, 7, FALSE, FALSE, width, 6, 3, muted, NULL);
            }
          else
            add_paragraph (pdf, columns[p], source, 7, FALSE, FALSE, width, 6, 3, muted, NULL);
          if (passage->note[0] != '\0')
            add_paragraph (pdf, columns[p], passage->note, 7.5, FALSE, TRUE, width, 6, 3, ink, NULL);
        }
    }
  pdf->n_heads = n_perspectives;
  pdf->heads = (const char **) report->perspective_names->pdata;
  pdf->head_x = x;
  pdf->head_width = widths;
  pdf->head_colors = report->perspective_colors;
  pdf->head_size = 9.5;
  draw_heads (pdf);
  flow_columns (pdf, n_perspectives, columns, x);
  pdf->n_heads = 0;
  for (guint p = 0; p < n_perspectives; p++)
    g_array_unref (columns[p]);
}

static void
write_agreement (Pdf *pdf)
{
  PlxReport *report = pdf->report;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const double fractions[] = { 0.14, 0.28, 0.22, 0.10, 0.16, 0.10 };

  new_page (pdf);
  flow_paragraph (pdf, _("Appendix: agreement between coders"), 15, TRUE, ink, 0);
  pdf->y += 10;
  add_row (rows, _("Question"), _("Measure"), _("Coders"), _("Value"), _("95% interval"), _("Units"), NULL);
  for (guint i = 0; i < report->agreement->len; i++)
    {
      const PlxAgreementRow *row = g_ptr_array_index (report->agreement, i);
      g_autofree char *value = _plx_report_format_value (row->measure, row->value);
      g_autofree char *interval = _plx_report_format_interval (row->measure, row->ci_low, row->ci_high);
      g_autofree char *units = g_strdup_printf ("%u", row->units);

      add_row (rows, _plx_report_aspect_label (row->aspect), _plx_report_measure_label (row->measure), row->coders,
               value, interval, units, NULL);
    }
  flow_table (pdf, rows, fractions, G_N_ELEMENTS (fractions), 8);
}

gboolean
_plx_report_write_pdf (PlxReport          *report,
                       GOutputStream      *stream,
                       PlxReportProgress  *progress,
                       GCancellable       *cancellable,
                       GError            **error)
{
  Pdf pdf = { stream, cancellable, NULL, NULL, NULL, report, MARGIN, 0, 0, NULL, NULL, NULL, NULL, 9 };
  g_autofree char *creator = g_strdup_printf ("Parallax %s", report->version);
  g_autofree char *title = g_strdup_printf (_("Comparison report: %s"), report->title);
  cairo_status_t status;
  gboolean cancelled = FALSE;

  pdf.surface = cairo_pdf_surface_create_for_stream (write_to_stream, &pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, creator);
  /* The report's own date, not the moment of writing: the same project
   * and date give the same file. */
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATE_DATE, report->date);
  pdf.cr = cairo_create (pdf.surface);

  new_page (&pdf);
  write_front (&pdf);
  write_heat_map (&pdf);
  write_maps (&pdf);
  for (guint t = 0; t < report->themes->len && !cancelled; t++)
    {
      write_theme (&pdf, g_ptr_array_index (report->themes, t));
      cancelled = g_cancellable_is_cancelled (cancellable);
      _plx_report_progress (progress, (t + 1.0) / (report->themes->len + 1.0));
    }
  if (report->agreement != NULL && !cancelled)
    write_agreement (&pdf);

  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  if (cancelled && pdf.error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &pdf.error);
  if (pdf.error != NULL)
    {
      g_propagate_error (error, pdf.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_STORAGE, _("Cannot write the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  _plx_report_progress (progress, 1.0);
  return TRUE;
}
