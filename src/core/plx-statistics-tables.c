/* plx-statistics-tables.c: the statistics as tables (CSV, TSV) and as
 * JSON, shared by the Compare view's exports, parallax-cli and reports.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-statistics"

#include <string.h>

#include "plx-statistics.h"
#include "plx-text.h"

static const char * const table_names[PLX_STATISTICS_N_TABLES] = {
  "perspectives", "themes", "sections", "cooccurrence", "cooccurrence-passages",
};

static char *
format_share (double share)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Not locale-dependent: a CSV with "0,25" would split the cell. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", share));
}

static const char *
perspective_name (PlxStatistics *self,
                  guint          p)
{
  return plx_perspective_get_name (plx_statistics_get_perspective (self, p));
}

/* Rows are built as GPtrArrays of strings, then frozen into GStrvs. */
static GPtrArray *
row_new (void)
{
  return g_ptr_array_new ();
}

static void
row_add (GPtrArray  *row,
         char       *cell)
{
  g_ptr_array_add (row, cell);
}

static void
table_add_row (GPtrArray *table,
               GPtrArray *row)
{
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (table, g_ptr_array_free (row, FALSE));
}

GPtrArray *
plx_statistics_build_table (PlxStatistics      *self,
                            PlxStatisticsTable  table)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint P;
  GPtrArray *row;

  g_return_val_if_fail (PLX_IS_STATISTICS (self), rows);
  P = plx_statistics_get_n_perspectives (self);

  switch (table)
    {
    case PLX_STATISTICS_TABLE_PERSPECTIVES:
      row = row_new ();
      for (const char * const *h = (const char * const[]) { "perspective", "color", "passages", "characters",
                                                           "share", "overlapping", "untagged", NULL }; *h; h++)
        row_add (row, g_strdup (*h));
      table_add_row (rows, row);
      for (guint p = 0; p < P; p++)
        {
          row = row_new ();
          row_add (row, g_strdup (perspective_name (self, p)));
          guint n_untagged = 0;

          plx_statistics_get_untagged (self, p, &n_untagged);
          row_add (row, g_strdup (plx_perspective_get_color (plx_statistics_get_perspective (self, p))));
          row_add (row, g_strdup_printf ("%u", plx_statistics_get_passages (self, p)));
          row_add (row, g_strdup_printf ("%u", plx_statistics_get_characters (self, p)));
          row_add (row, format_share (plx_statistics_get_share (self, p)));
          row_add (row, g_strdup_printf ("%u", plx_statistics_get_overlapping (self, p)));
          row_add (row, g_strdup_printf ("%u", n_untagged));
          table_add_row (rows, row);
        }
      break;

    case PLX_STATISTICS_TABLE_THEMES:
      row = row_new ();
      row_add (row, g_strdup ("theme"));
      row_add (row, g_strdup ("total"));
      row_add (row, g_strdup ("dominance"));
      row_add (row, g_strdup ("dominant"));
      for (guint p = 0; p < P; p++)
        row_add (row, g_strdup (perspective_name (self, p)));
      table_add_row (rows, row);
      for (guint t = 0; t < plx_statistics_get_n_themes (self); t++)
        {
          int dominant = plx_statistics_get_theme_dominant (self, t);

          row = row_new ();
          row_add (row, g_strdup (plx_statistics_get_theme (self, t)));
          row_add (row, g_strdup_printf ("%u", plx_statistics_get_theme_total (self, t)));
          row_add (row, format_share (plx_statistics_get_theme_dominance (self, t)));
          row_add (row, g_strdup (dominant >= 0 ? perspective_name (self, (guint) dominant) : ""));
          for (guint p = 0; p < P; p++)
            {
              guint n = 0;

              plx_statistics_get_cell (self, t, p, &n);
              row_add (row, g_strdup_printf ("%u", n));
            }
          table_add_row (rows, row);
        }
      /* Passages without a theme, as the Compare view's "No theme" row:
       * an empty theme, which no theme can be. */
      {
        guint total = 0, best = 0;
        int dominant = -1;

        for (guint p = 0; p < P; p++)
          {
            guint n = 0;

            plx_statistics_get_untagged (self, p, &n);
            total += n;
            if (n > best)
              {
                best = n;
                dominant = (int) p;
              }
            else if (n == best && n > 0)
              dominant = -1;
          }
        if (total > 0)
          {
            row = row_new ();
            row_add (row, g_strdup (""));
            row_add (row, g_strdup_printf ("%u", total));
            row_add (row, format_share ((double) best / total));
            row_add (row, g_strdup (dominant >= 0 ? perspective_name (self, (guint) dominant) : ""));
            for (guint p = 0; p < P; p++)
              {
                guint n = 0;

                plx_statistics_get_untagged (self, p, &n);
                row_add (row, g_strdup_printf ("%u", n));
              }
            table_add_row (rows, row);
          }
      }
      break;

    case PLX_STATISTICS_TABLE_SECTIONS:
      row = row_new ();
      row_add (row, g_strdup ("section"));
      row_add (row, g_strdup ("start"));
      row_add (row, g_strdup ("end"));
      for (guint p = 0; p < P; p++)
        {
          row_add (row, g_strdup_printf ("%s characters", perspective_name (self, p)));
          row_add (row, g_strdup_printf ("%s passages", perspective_name (self, p)));
        }
      table_add_row (rows, row);
      for (guint s = 0; s < plx_statistics_get_n_sections (self); s++)
        {
          guint start = 0, end = 0;

          plx_statistics_get_section_range (self, s, &start, &end);
          row = row_new ();
          row_add (row, g_strdup (plx_statistics_get_section_title (self, s)));
          row_add (row, g_strdup_printf ("%u", start));
          row_add (row, g_strdup_printf ("%u", end));
          for (guint p = 0; p < P; p++)
            {
              row_add (row, g_strdup_printf ("%u", plx_statistics_get_section_characters (self, s, p)));
              row_add (row, g_strdup_printf ("%u", plx_statistics_get_section_passages (self, s, p)));
            }
          table_add_row (rows, row);
        }
      break;

    case PLX_STATISTICS_TABLE_COOCCURRENCE:
    case PLX_STATISTICS_TABLE_COOCCURRENCE_PASSAGES:
      {
        row = row_new ();
        row_add (row, g_strdup ("perspective"));
        for (guint p = 0; p < P; p++)
          row_add (row, g_strdup (perspective_name (self, p)));
        table_add_row (rows, row);
        for (guint p = 0; p < P; p++)
          {
            row = row_new ();
            row_add (row, g_strdup (perspective_name (self, p)));
            for (guint q = 0; q < P; q++)
              row_add (row, g_strdup_printf ("%u", table == PLX_STATISTICS_TABLE_COOCCURRENCE
                                                     ? plx_statistics_get_cooccurrence (self, p, q)
                                                     : plx_statistics_get_cooccurrence_passages (self, p, q)));
            table_add_row (rows, row);
          }
      }
      break;

    default:
      g_return_val_if_reached (rows);
    }
  return rows;
}

const char *
plx_statistics_table_to_string (PlxStatisticsTable table)
{
  g_return_val_if_fail ((guint) table < PLX_STATISTICS_N_TABLES, NULL);
  return table_names[table];
}

gboolean
plx_statistics_table_from_string (const char         *name,
                                  PlxStatisticsTable *table)
{
  for (guint i = 0; i < PLX_STATISTICS_N_TABLES; i++)
    if (g_strcmp0 (name, table_names[i]) == 0)
      {
        *table = (PlxStatisticsTable) i;
        return TRUE;
      }
  return FALSE;
}

/* Records end in CRLF (RFC 4180). */
void
plx_csv_append_row (GString            *out,
                    const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      plx_text_append_csv_field (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

char *
plx_statistics_to_csv (PlxStatistics      *self,
                       PlxStatisticsTable  table)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (PLX_IS_STATISTICS (self), g_string_free (out, FALSE));

  rows = plx_statistics_build_table (self, table);
  for (guint i = 0; i < rows->len; i++)
    plx_csv_append_row (out, g_ptr_array_index (rows, i));
  return g_string_free (out, FALSE);
}

gboolean
plx_statistics_save_csv (PlxStatistics       *self,
                         PlxStatisticsTable   table,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (PLX_IS_STATISTICS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = plx_statistics_to_csv (self, table);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

static void
add_uint_member (JsonBuilder *builder,
                 const char  *name,
                 guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_double_member (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

/* One document's statistics as a JSON object, as `parallax-cli stats`
 * and reports write it; perspectives are keyed by name in the nested
 * tables so a reader need not track column order. */
void
plx_statistics_build_json (PlxStatistics *stats,
                           JsonBuilder   *builder)
{
  g_return_if_fail (PLX_IS_STATISTICS (stats));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  PlxDocument *document = plx_statistics_get_document (stats);
  guint P = plx_statistics_get_n_perspectives (stats);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "document");
  json_builder_add_int_value (builder, plx_document_get_id (document));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, plx_document_get_title (document));
  add_uint_member (builder, "length", plx_statistics_get_length (stats));
  add_uint_member (builder, "passages", plx_statistics_get_n_passages (stats));
  add_uint_member (builder, "covered", plx_statistics_get_covered (stats));
  add_uint_member (builder, "contested", plx_statistics_get_contested (stats));

  json_builder_set_member_name (builder, "perspectives");
  json_builder_begin_array (builder);
  for (guint p = 0; p < P; p++)
    {
      PlxPerspective *perspective = plx_statistics_get_perspective (stats, p);
      guint n_untagged;

      plx_statistics_get_untagged (stats, p, &n_untagged);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, plx_perspective_get_id (perspective));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, plx_perspective_get_name (perspective));
      json_builder_set_member_name (builder, "color");
      json_builder_add_string_value (builder, plx_perspective_get_color (perspective));
      add_uint_member (builder, "passages", plx_statistics_get_passages (stats, p));
      add_uint_member (builder, "characters", plx_statistics_get_characters (stats, p));
      add_double_member (builder, "share", plx_statistics_get_share (stats, p));
      add_uint_member (builder, "overlapping", plx_statistics_get_overlapping (stats, p));
      add_uint_member (builder, "untagged", n_untagged);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "themes");
  json_builder_begin_array (builder);
  for (guint t = 0; t < plx_statistics_get_n_themes (stats); t++)
    {
      int dominant = plx_statistics_get_theme_dominant (stats, t);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "theme");
      json_builder_add_string_value (builder, plx_statistics_get_theme (stats, t));
      add_uint_member (builder, "total", plx_statistics_get_theme_total (stats, t));
      add_double_member (builder, "dominance", plx_statistics_get_theme_dominance (stats, t));
      json_builder_set_member_name (builder, "dominant");
      if (dominant >= 0)
        json_builder_add_string_value (builder, plx_perspective_get_name (plx_statistics_get_perspective (stats, (guint) dominant)));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "passages");
      json_builder_begin_object (builder);
      for (guint p = 0; p < P; p++)
        {
          guint n;

          plx_statistics_get_cell (stats, t, p, &n);
          add_uint_member (builder, plx_perspective_get_name (plx_statistics_get_perspective (stats, p)), n);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint s = 0; s < plx_statistics_get_n_sections (stats); s++)
    {
      guint start, end;

      plx_statistics_get_section_range (stats, s, &start, &end);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, plx_statistics_get_section_title (stats, s));
      add_uint_member (builder, "start", start);
      add_uint_member (builder, "end", end);
      json_builder_set_member_name (builder, "perspectives");
      json_builder_begin_object (builder);
      for (guint p = 0; p < P; p++)
        {
          json_builder_set_member_name (builder, plx_perspective_get_name (plx_statistics_get_perspective (stats, p)));
          json_builder_begin_object (builder);
          add_uint_member (builder, "characters", plx_statistics_get_section_characters (stats, s, p));
          add_uint_member (builder, "passages", plx_statistics_get_section_passages (stats, s, p));
          add_double_member (builder, "share", plx_statistics_get_section_share (stats, s, p));
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  for (guint table = 0; table < 2; table++)
    {
      json_builder_set_member_name (builder, table == 0 ? "cooccurrence" : "cooccurrence_passages");
      json_builder_begin_object (builder);
      for (guint p = 0; p < P; p++)
        {
          json_builder_set_member_name (builder, plx_perspective_get_name (plx_statistics_get_perspective (stats, p)));
          json_builder_begin_object (builder);
          for (guint q = 0; q < P; q++)
            add_uint_member (builder, plx_perspective_get_name (plx_statistics_get_perspective (stats, q)),
                             table == 0 ? plx_statistics_get_cooccurrence (stats, p, q)
                                        : plx_statistics_get_cooccurrence_passages (stats, p, q));
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}
