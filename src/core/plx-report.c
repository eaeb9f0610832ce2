/* plx-report.c: a comparison report of a project: what it says, gathered
 * once through the project's API (passages with their citations, themes,
 * statistics, the coders' agreement), then written as HTML
 * (plx-report-html.c) or PDF (plx-report-pdf.c) to a temporary file
 * renamed into place.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-report"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-agreement.h"
#include "plx-error.h"
#include "plx-exporter.h"
#include "plx-report-private.h"
#include "plx-statistics.h"

gboolean
plx_report_format_from_string (const char      *name,
                               PlxReportFormat *format)
{
  if (g_strcmp0 (name, "html") == 0)
    *format = PLX_REPORT_FORMAT_HTML;
  else if (g_strcmp0 (name, "pdf") == 0)
    *format = PLX_REPORT_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

const char *
plx_report_format_extension (PlxReportFormat format)
{
  return format == PLX_REPORT_FORMAT_PDF ? "pdf" : "html";
}

/* Progress is only passed on in steps of a percent: a report of thousands
 * of passages would otherwise flood the main loop. */
void
_plx_report_progress (PlxReportProgress *progress,
                      double             fraction)
{
  double overall;

  if (progress == NULL || progress->func == NULL)
    return;
  overall = progress->from + progress->span * CLAMP (fraction, 0.0, 1.0);
  if (overall < progress->last + 0.01 && overall < 1.0)
    return;
  progress->last = overall;
  progress->func (overall, progress->data);
}

static void
report_passage_free (gpointer data)
{
  PlxReportPassage *passage = data;

  g_free (passage->quote);
  g_free (passage->note);
  g_free (passage->author);
  g_free (passage->document);
  g_free (passage->section);
  g_free (passage->citation);
  g_free (passage);
}

static void
report_theme_free (gpointer data)
{
  PlxReportTheme *theme = data;

  g_free (theme->name);
  g_ptr_array_unref (theme->columns);
  g_free (theme->counts);
  g_free (theme);
}

static void
report_document_free (gpointer data)
{
  PlxReportDocument *document = data;

  g_free (document->title);
  g_free (document->content_hash);
  g_free (document->map);
  g_free (document->passages);
  g_free (document->shares);
  g_free (document);
}

void
_plx_report_free (PlxReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->version);
  g_free (report->date);
  g_free (report->digest);
  g_clear_pointer (&report->perspective_names, g_ptr_array_unref);
  g_clear_pointer (&report->perspective_colors, g_ptr_array_unref);
  g_clear_pointer (&report->documents, g_ptr_array_unref);
  g_clear_pointer (&report->themes, g_ptr_array_unref);
  g_clear_pointer (&report->passages, g_ptr_array_unref);
  g_clear_pointer (&report->coders, g_ptr_array_unref);
  g_clear_pointer (&report->agreement, g_ptr_array_unref);
  g_free (report);
}

guint
_plx_report_n_perspectives (PlxReport *report)
{
  return report->perspective_names->len;
}

const char *
_plx_report_theme_title (PlxReportTheme *theme)
{
  return theme->name[0] != '\0' ? theme->name : _("Passages without a theme");
}

/* "Document, Section, p. 3, ¶ 4": the parts that are known. */
char *
_plx_report_passage_source (PlxReportPassage *passage)
{
  GString *source = g_string_new (passage->document);

  if (passage->section[0] != '\0' && g_strcmp0 (passage->section, passage->document) != 0)
    g_string_append_printf (source, ", %s", passage->section);
  if (passage->citation[0] != '\0')
    g_string_append_printf (source, ", %s", passage->citation);
  return g_string_free (source, FALSE);
}

/* The agreement's labels, as the Coder Agreement window words them. */
const char *
_plx_report_aspect_label (const char *aspect)
{
  if (g_str_equal (aspect, "unitizing"))
    return _("Where");
  if (g_str_equal (aspect, "attribution"))
    return _("Whose voice");
  return _("What about");
}

const char *
_plx_report_measure_label (const char *measure)
{
  if (g_str_equal (measure, "alpha_u"))
    return _("Krippendorff’s α over characters");
  if (g_str_equal (measure, "alpha_nominal"))
    return _("Krippendorff’s α");
  if (g_str_equal (measure, "alpha_masi"))
    return _("Krippendorff’s α, MASI distance");
  if (g_str_equal (measure, "cohen_kappa"))
    return _("Cohen’s κ");
  if (g_str_equal (measure, "fleiss_kappa"))
    return _("Fleiss’ κ");
  return _("Same answer");
}

char *
_plx_report_format_value (const char *measure,
                          double      value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (value == 0)
    value = 0;   /* not "-0.000" */
  if (g_str_equal (measure, "percent"))
    return g_strdup_printf ("%.1f%%", value * 100);
  return g_strdup_printf ("%.3f", value);
}

/* "low – high", or a dash where there is no interval. */
char *
_plx_report_format_interval (const char *measure,
                             double      low,
                             double      high)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!isfinite (low) || !isfinite (high))
    return g_strdup ("—");
  from = _plx_report_format_value (measure, low);
  to = _plx_report_format_value (measure, high);
  return g_strdup_printf ("%s – %s", from, to);
}

/* What the digest is over, for the reader who wants to check it. */
char *
_plx_report_digest_explanation (void)
{
  return g_strdup (_("The project digest is a SHA-256 over the documents’ content hashes, the perspectives "
                     "and every annotation’s revision and author; the same project gives the same digest. "
                     "To write this report again: parallax-cli report PROJECT --format html|pdf -o FILE."));
}

/* "#rrggbb" (what plx_perspective_color_is_valid() accepts); grey if not. */
void
_plx_report_parse_color (const char *color,
                         double     *rgb)
{
  rgb[0] = rgb[1] = rgb[2] = 0.5;
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return;
  for (guint i = 0; i < 3; i++)
    {
      char part[3] = { color[1 + 2 * i], color[2 + 2 * i], '\0' };
      char *end = NULL;
      long value = strtol (part, &end, 16);

      if (end != part + 2)
        return;
      rgb[i] = value / 255.0;
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * plx_report_dup_project_digest:
 *
 * A SHA-256 over what the report is made of, in an order that does not
 * depend on the file: one line per document ("document", its content
 * hash), per perspective ("perspective", UUID, name, colour, in the
 * project's order) and per annotation ("annotation", UUID, revision hash
 * (offsets, perspective, themes, note), author), the document and
 * annotation lines sorted. Two copies of a project with the same work
 * have the same digest.
 */
char *
plx_report_dup_project_digest (PlxProject  *project,
                               GError     **error)
{
  PlxAnnotationQuery query = { 0, 0, NULL };
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GListModel *perspectives;
  guint n_documents;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);

  if ((summaries = plx_project_list_document_summaries (project, error)) == NULL ||
      (annotations = plx_project_list_annotations (project, &query, error)) == NULL)
    return NULL;
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (lines, g_strdup_printf ("document\t%s\n",
                                             g_array_index (summaries, PlxDocumentSummary, i).content_hash));
  n_documents = lines->len;
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < n_documents; i++)
    g_checksum_update (checksum, (const guchar *) g_ptr_array_index (lines, i), -1);
  g_ptr_array_set_size (lines, 0);

  perspectives = plx_project_get_perspectives (project);
  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);
      g_autofree char *line = g_strdup_printf ("perspective\t%s\t%s\t%s\n", plx_perspective_get_uuid (perspective),
                                               plx_perspective_get_name (perspective),
                                               plx_perspective_get_color (perspective));

      g_checksum_update (checksum, (const guchar *) line, -1);
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (annotations, i);
      PlxPerspective *perspective = plx_project_find_perspective (project,
                                                                  plx_annotation_get_perspective_id (annotation));
      g_autofree char *hash = plx_annotation_dup_revision_hash (annotation, perspective != NULL ?
                                                                plx_perspective_get_uuid (perspective) : "");
      const char *author = plx_annotation_get_author (annotation);

      g_ptr_array_add (lines, g_strdup_printf ("annotation\t%s\t%s\t%s\n", plx_annotation_get_uuid (annotation),
                                               hash, author != NULL ? author : ""));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_checksum_update (checksum, (const guchar *) g_ptr_array_index (lines, i), -1);
  return g_strdup (g_checksum_get_string (checksum));
}

/* The report's date: SOURCE_DATE_EPOCH when set (reproducible builds'
 * convention, and the tests'), else now. */
static char *
report_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) when = NULL;
  gint64 seconds;
  char *end = NULL;

  if (epoch != NULL && epoch[0] != '\0')
    {
      seconds = g_ascii_strtoll (epoch, &end, 10);
      if (*end == '\0' && seconds >= 0)
        when = g_date_time_new_from_unix_utc (seconds);
    }
  if (when == NULL)
    when = g_date_time_new_now_utc ();
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const guint *x = a, *y = b;

  return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* Each perspective's passages, merged (overlaps count once), spread over
 * the map's stretches as the fraction of each stretch covered. */
static void
fill_map (PlxReportDocument *entry,
          GPtrArray         *annotations,
          GHashTable        *perspective_index,
          guint              n_perspectives)
{
  double bucket = entry->length > 0 ? (double) entry->length / PLX_REPORT_MAP_BUCKETS : 1.0;

  entry->map = g_new0 (double, (gsize) n_perspectives * PLX_REPORT_MAP_BUCKETS);
  for (guint p = 0; p < n_perspectives; p++)
    {
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
      guint start = 0, end = 0;
      gboolean open = FALSE;

      for (guint i = 0; i < annotations->len; i++)
        {
          PlxAnnotation *annotation = g_ptr_array_index (annotations, i);
          gpointer index;
          guint range[2] = { plx_annotation_get_start (annotation), plx_annotation_get_end (annotation) };

          if (g_hash_table_lookup_extended (perspective_index, GINT_TO_POINTER (plx_annotation_get_perspective_id (annotation)),
                                            NULL, &index) && GPOINTER_TO_UINT (index) == p)
            g_array_append_vals (ranges, range, 1);
        }
      g_array_sort (ranges, compare_ranges);
      for (guint i = 0; i <= ranges->len; i++)
        {
          const guint *range = i < ranges->len ? &g_array_index (ranges, guint, i * 2) : NULL;

          if (range != NULL && open && range[0] <= end)
            {
              end = MAX (end, range[1]);
              continue;
            }
          /* A merged run is done: add it to the stretches it crosses. */
          if (open)
            for (guint b = (guint) (start / bucket); b < PLX_REPORT_MAP_BUCKETS && b * bucket < end; b++)
              {
                double from = MAX ((double) start, b * bucket), to = MIN ((double) end, (b + 1) * bucket);

                if (to > from)
                  entry->map[p * PLX_REPORT_MAP_BUCKETS + b] += (to - from) / bucket;
              }
          if (range != NULL)
            {
              start = range[0];
              end = range[1];
              open = TRUE;
            }
        }
      for (guint b = 0; b < PLX_REPORT_MAP_BUCKETS; b++)
        entry->map[p * PLX_REPORT_MAP_BUCKETS + b] = MIN (entry->map[p * PLX_REPORT_MAP_BUCKETS + b], 1.0);
    }
}

static const char *
section_of (PlxDocument *document,
            guint        offset)
{
  guint n_sections;
  const PlxSection *sections = plx_document_get_sections (document, &n_sections);

  for (guint i = 0; i < n_sections; i++)
    if (offset >= sections[i].start && offset < sections[i].end)
      return sections[i].title;
  return "";
}

static PlxReportTheme *
theme_for (PlxReport  *report,
           GHashTable *themes,
           const char *name)
{
  PlxReportTheme *theme = g_hash_table_lookup (themes, name);
  guint n_perspectives = _plx_report_n_perspectives (report);

  if (theme != NULL)
    return theme;
  theme = g_new0 (PlxReportTheme, 1);
  theme->name = g_strdup (name);
  theme->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint p = 0; p < n_perspectives; p++)
    g_ptr_array_add (theme->columns, g_ptr_array_new ());
  theme->counts = g_new0 (guint, n_perspectives);
  g_hash_table_insert (themes, theme->name, theme);
  return theme;
}

static int
compare_themes (gconstpointer a,
                gconstpointer b)
{
  const PlxReportTheme *x = *(PlxReportTheme * const *) a, *y = *(PlxReportTheme * const *) b;

  /* The passages without a theme come last. */
  if ((x->name[0] == '\0') != (y->name[0] == '\0'))
    return x->name[0] == '\0' ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return plx_annotation_compare (*(PlxAnnotation * const *) a, *(PlxAnnotation * const *) b);
}

static gboolean
gather_document (PlxReport          *report,
                 PlxProject         *project,
                 PlxDocument        *document,
                 GHashTable         *perspective_index,
                 GHashTable         *themes,
                 GHashTable         *coders,
                 GError            **error)
{
  PlxAnnotationQuery query = { plx_document_get_id (document), 0, NULL };
  g_autoptr(GPtrArray) annotations = plx_project_list_annotations (project, &query, error);
  g_autoptr(GListStore) store = g_list_store_new (PLX_TYPE_ANNOTATION);
  g_autoptr(PlxStatistics) statistics = NULL;
  guint n_perspectives = _plx_report_n_perspectives (report);
  PlxReportDocument *entry;

  if (annotations == NULL)
    return FALSE;
  g_ptr_array_sort (annotations, compare_annotations);
  for (guint i = 0; i < annotations->len; i++)
    g_list_store_append (store, g_ptr_array_index (annotations, i));
  statistics = plx_statistics_new (document, plx_project_get_perspectives (project), G_LIST_MODEL (store));

  entry = g_new0 (PlxReportDocument, 1);
  entry->title = g_strdup (plx_document_get_title (document));
  entry->content_hash = g_strdup (plx_document_get_content_hash (document));
  entry->length = plx_document_get_length (document);
  entry->n_passages = plx_statistics_get_n_passages (statistics);
  entry->passages = g_new0 (guint, n_perspectives);
  entry->shares = g_new0 (double, n_perspectives);
  for (guint p = 0; p < n_perspectives && p < plx_statistics_get_n_perspectives (statistics); p++)
    {
      entry->passages[p] = plx_statistics_get_passages (statistics, p);
      entry->shares[p] = plx_statistics_get_share (statistics, p);
    }
  fill_map (entry, annotations, perspective_index, n_perspectives);
  g_ptr_array_add (report->documents, entry);

  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char * const *names = plx_annotation_get_themes (annotation);
      PlxReportPassage *passage;
      gpointer index;

      if (!g_hash_table_lookup_extended (perspective_index, GINT_TO_POINTER (plx_annotation_get_perspective_id (annotation)),
                                         NULL, &index))
        continue;
      passage = g_new0 (PlxReportPassage, 1);
      passage->perspective = GPOINTER_TO_UINT (index);
      passage->quote = g_strdup (plx_annotation_get_quote (annotation));
      passage->note = g_strdup (plx_annotation_get_note (annotation) != NULL ? plx_annotation_get_note (annotation) : "");
      passage->author = g_strdup (plx_annotation_get_author (annotation) != NULL ? plx_annotation_get_author (annotation) : "");
      passage->document = g_strdup (plx_document_get_title (document));
      passage->section = g_strdup (section_of (document, plx_annotation_get_start (annotation)));
      passage->citation = plx_document_dup_citation (document, plx_annotation_get_start (annotation),
                                                     plx_annotation_get_end (annotation));
      if (passage->citation == NULL)
        passage->citation = g_strdup ("");
      g_ptr_array_add (report->passages, passage);
      if (passage->author[0] != '\0')
        g_hash_table_add (coders, g_strdup (passage->author));

      if (names == NULL || names[0] == NULL)
        {
          PlxReportTheme *theme = theme_for (report, themes, "");

          g_ptr_array_add (g_ptr_array_index (theme->columns, passage->perspective), passage);
        }
      for (guint t = 0; names != NULL && names[t] != NULL; t++)
        {
          PlxReportTheme *theme = theme_for (report, themes, names[t]);

          g_ptr_array_add (g_ptr_array_index (theme->columns, passage->perspective), passage);
        }
    }
  return TRUE;
}

PlxReport *
_plx_report_gather (PlxProject         *project,
                    PlxReportProgress  *progress,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(PlxReport) report = g_new0 (PlxReport, 1);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) perspective_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) themes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) coders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *perspectives = plx_project_get_perspectives (project);
  GHashTableIter iter;
  gpointer key, value;
  guint n_perspectives = g_list_model_get_n_items (perspectives);

  report->title = g_path_get_basename (plx_project_get_path (project));
  report->version = g_strdup (PLX_VERSION);
  report->date = report_date ();
  report->perspective_names = g_ptr_array_new_with_free_func (g_free);
  report->perspective_colors = g_ptr_array_new_with_free_func (g_free);
  report->documents = g_ptr_array_new_with_free_func (report_document_free);
  report->passages = g_ptr_array_new_with_free_func (report_passage_free);
  report->themes = g_ptr_array_new_with_free_func (report_theme_free);
  report->coders = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < n_perspectives; p++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, p);

      g_ptr_array_add (report->perspective_names, g_strdup (plx_perspective_get_name (perspective)));
      g_ptr_array_add (report->perspective_colors, g_strdup (plx_perspective_get_color (perspective)));
      g_hash_table_insert (perspective_index, GINT_TO_POINTER (plx_perspective_get_id (perspective)),
                           GUINT_TO_POINTER (p));
    }

  if ((report->digest = plx_report_dup_project_digest (project, error)) == NULL ||
      (documents = plx_project_list_documents (project, error)) == NULL)
    return NULL;
  for (guint d = 0; d < documents->len; d++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !gather_document (report, project, g_ptr_array_index (documents, d), perspective_index, themes, coders, error))
        return NULL;
      _plx_report_progress (progress, (d + 1.0) / (documents->len + 1.0));
    }

  g_hash_table_iter_init (&iter, themes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PlxReportTheme *theme = value;

      for (guint p = 0; p < n_perspectives; p++)
        {
          theme->counts[p] = ((GPtrArray *) g_ptr_array_index (theme->columns, p))->len;
          theme->total += theme->counts[p];
          report->max_count = MAX (report->max_count, theme->counts[p]);
        }
      g_ptr_array_add (report->themes, theme);
    }
  g_ptr_array_sort (report->themes, compare_themes);

  g_hash_table_iter_init (&iter, coders);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (report->coders, g_strdup (key));
  g_ptr_array_sort (report->coders, compare_strings);
  if (report->coders->len >= 2)
    {
      PlxAgreementOptions options = { NULL, 0, PLX_AGREEMENT_BY_NONE, PLX_AGREEMENT_DEFAULT_OVERLAP,
                                      PLX_AGREEMENT_DEFAULT_SAMPLES };

      if ((report->agreement = plx_agreement_compute (project, &options, error)) == NULL)
        return NULL;
    }
  _plx_report_progress (progress, 1.0);
  return g_steal_pointer (&report);
}

typedef struct {
  PlxReport         *report;
  PlxReportFormat    format;
  PlxReportProgress *progress;
} WriteJob;

static gboolean
write_report (GOutputStream  *stream,
              gpointer        data,
              GCancellable   *cancellable,
              GError        **error)
{
  WriteJob *job = data;

  if (job->format == PLX_REPORT_FORMAT_PDF)
    return _plx_report_write_pdf (job->report, stream, job->progress, cancellable, error);
  return _plx_report_write_html (job->report, stream, job->progress, cancellable, error);
}

/**
 * plx_report_write:
 * @progress: (nullable): called with the fraction done, in this thread
 *
 * Writes @project's comparison report to @file, never over the project
 * and never half-written (plx_export_write_file()).
 */
gboolean
plx_report_write (PlxProject             *project,
                  PlxReportFormat         format,
                  GFile                  *file,
                  PlxReportProgressFunc   progress,
                  gpointer                progress_data,
                  GCancellable           *cancellable,
                  GError                **error)
{
  PlxReportProgress steps = { progress, progress_data, 0.0, 0.3, -1.0 };
  g_autoptr(PlxReport) report = NULL;
  WriteJob job = { NULL, format, &steps };

  g_return_val_if_fail (PLX_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Refused before anything is gathered. */
  if (!plx_export_check_destination (project, file, error))
    return FALSE;
  if ((report = _plx_report_gather (project, &steps, cancellable, error)) == NULL)
    return FALSE;
  job.report = report;
  steps.from = 0.3;
  steps.span = 0.7;
  return plx_export_write_file (project, file, write_report, &job, cancellable, error);
}

/* ---- in a worker thread ---- */

/* Shared by the job and the progress reports still waiting in the main
 * loop, which may outlive the task. */
typedef struct {
  PlxReportProgressFunc  func;
  gpointer               data;
  GDestroyNotify         data_free;
} ProgressTarget;

static void
progress_target_clear (gpointer data)
{
  ProgressTarget *target = data;

  if (target->data_free != NULL)
    target->data_free (target->data);
}

static void
progress_target_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_target_clear);
}

typedef struct {
  ProgressTarget *target;
  double          fraction;
} ProgressReport;

static gboolean
deliver_progress (gpointer data)
{
  ProgressReport *report = data;

  report->target->func (report->fraction, report->target->data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  progress_target_unref (report->target);
  g_free (report);
}

typedef struct {
  PlxProject      *project;
  GFile           *file;
  PlxReportFormat  format;
  ProgressTarget  *target;
  GMainContext    *context;
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_clear_object (&job->project);
  g_clear_object (&job->file);
  g_clear_pointer (&job->target, progress_target_unref);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static void
forward_progress (double   fraction,
                  gpointer data)
{
  ReportJob *job = data;
  ProgressReport *report;

  if (job->target == NULL)
    return;
  report = g_new0 (ProgressReport, 1);
  report->target = g_atomic_rc_box_acquire (job->target);
  report->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, report, progress_report_free);
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(PlxProject) worker = NULL;
  g_autoptr(GError) error = NULL;

  worker = plx_project_open_another (job->project, &error);
  if (worker == NULL ||
      !plx_report_write (worker, job->format, job->file, forward_progress, job, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * plx_report_write_async:
 * @progress: (nullable): called in the caller's main context with the
 *   fraction done
 *
 * plx_report_write() in a worker thread, on a connection of its own: what
 * the project had committed when the worker started is reported.
 */
void
plx_report_write_async (PlxProject             *project,
                        PlxReportFormat         format,
                        GFile                  *file,
                        PlxReportProgressFunc   progress,
                        gpointer                progress_data,
                        GDestroyNotify          progress_data_free,
                        GCancellable           *cancellable,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ReportJob *job;

  g_return_if_fail (PLX_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, plx_report_write_async);
  job = g_new0 (ReportJob, 1);
  job->project = g_object_ref (project);
  job->file = g_object_ref (file);
  job->format = format;
  job->context = g_main_context_ref (g_task_get_context (task));
  if (progress != NULL)
    {
      job->target = g_atomic_rc_box_new0 (ProgressTarget);
      job->target->func = progress;
      job->target->data = progress_data;
      job->target->data_free = progress_data_free;
    }
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);
  g_task_set_task_data (task, job, report_job_free);
  g_task_run_in_thread (task, report_thread);
}

gboolean
plx_report_write_finish (PlxProject    *project,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plx_report_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
