/* test-highlighter.c: the text tags always show exactly the annotations,
 * however they were added, moved and removed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-core.h"
#include "plx-highlighter.h"
#include "plx-test-utils.h"

#define TEXT_LENGTH 1500

static int
compare_annotations (gconstpointer a,
                     gconstpointer b,
                     gpointer      data)
{
  return plx_annotation_compare ((PlxAnnotation *) a, (PlxAnnotation *) b);
}

/* The perspectives covering each offset, as a bit set, from the tags. */
static guint
tagged_at (GtkTextBuffer *buffer,
           int            offset)
{
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;
  guint bits = 0;
  guint highlight_tags = 0;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autoptr(GArray) ids = NULL;

      if (!plx_highlighter_parse_tag (l->data, &ids))
        continue;
      highlight_tags++;
      for (guint i = 0; i < ids->len; i++)
        bits |= 1u << g_array_index (ids, gint64, i);
    }
  /* Overlaps are one blended tag, never two tags on top of each other. */
  g_assert_cmpuint (highlight_tags, <=, 1);
  return bits;
}

static guint
expected_at (GListModel *annotations,
             guint       offset)
{
  guint n = g_list_model_get_n_items (annotations);
  guint bits = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (plx_annotation_get_start (annotation) <= offset && offset < plx_annotation_get_end (annotation))
        bits |= 1u << plx_annotation_get_perspective_id (annotation);
    }
  return bits;
}

static void
assert_tags_match (GtkTextBuffer *buffer,
                   GListModel    *annotations)
{
  for (int offset = 0; offset < TEXT_LENGTH; offset++)
    g_assert_cmphex (tagged_at (buffer, offset), ==, expected_at (annotations, (guint) offset));
}

static void
test_highlighter_random_edits (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GListStore) perspectives = g_list_store_new (PLX_TYPE_PERSPECTIVE);
  g_autoptr(GListStore) annotations = g_list_store_new (PLX_TYPE_ANNOTATION);
  g_autoptr(PlxHighlighter) highlighter = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *colors[] = { "#E69F00", "#0072B2", "#009E73", "#CC79A7" };
  GRand *rand = g_rand_new_with_seed (20261125);

  g_object_ref_sink (view);
  for (guint i = 0; i < TEXT_LENGTH; i++)
    g_string_append_unichar (text, i % 50 == 49 ? '\n' : (i % 3 ? 0x0561 + i % 30 : 'a' + i % 26));
  document = plx_document_new_from_data (text->str, text->len, PLX_DOCUMENT_FORMAT_PLAIN, "t", &error);
  g_assert_no_error (error);
  gtk_text_buffer_set_text (buffer, plx_document_get_text (document), -1);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PlxPerspective) perspective = plx_perspective_new (i + 1, colors[i], colors[i], (int) i);
      g_list_store_append (perspectives, perspective);
    }

  highlighter = plx_highlighter_new (GTK_TEXT_VIEW (view), G_LIST_MODEL (annotations), G_LIST_MODEL (perspectives));
  assert_tags_match (buffer, G_LIST_MODEL (annotations));

  for (guint step = 0; step < 300; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (annotations));

      if (n > 0 && g_rand_int_range (rand, 0, 3) == 0)
        g_list_store_remove (annotations, (guint) g_rand_int_range (rand, 0, (gint32) n));
      else
        {
          guint start = (guint) g_rand_int_range (rand, 0, TEXT_LENGTH - 1);
          guint length = (guint) g_rand_int_range (rand, 1, 120);
          guint end = MIN (TEXT_LENGTH, start + length);
          g_autoptr(PlxAnnotation) annotation =
            plx_annotation_new_for_range (document, start, end, g_rand_int_range (rand, 1, 5), &error);

          g_assert_no_error (error);
          g_list_store_insert_sorted (annotations, annotation, compare_annotations, NULL);
        }
      if (step % 25 == 0)
        assert_tags_match (buffer, G_LIST_MODEL (annotations));
    }
  assert_tags_match (buffer, G_LIST_MODEL (annotations));

  /* A full rebuild gives the same picture as all the small updates. */
  plx_highlighter_refresh (highlighter);
  assert_tags_match (buffer, G_LIST_MODEL (annotations));

  g_rand_free (rand);
  g_clear_object (&highlighter);
  g_object_unref (view);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/highlighter/random-edits", test_highlighter_random_edits);
  return g_test_run ();
}
