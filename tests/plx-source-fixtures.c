/* plx-source-fixtures.c: the source files test-sources.c reads, made
 * here rather than shipped: a PDF typeset with cairo and pango, a scanned
 * page, an encrypted PDF and zip archives.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <archive.h>
#include <archive_entry.h>

#include "plx-source-fixtures.h"



void
plx_fixture_show_line (cairo_t              *cr,
                       double                x,
                       const PlxFixtureLine *line)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans");

  pango_font_description_set_absolute_size (font, line->size * PANGO_SCALE);
  if (line->bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, line->text, -1);
  cairo_move_to (cr, x, line->y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
}

static const PlxFixtureLine page1[] = {
  { 90, 22, TRUE, "Perspectives on Karabakh" },
  { 140, 15, TRUE, "Introduction" },
  { 170, 11, FALSE, "The long negotiations between the parties were medi-" },
  { 185, 11, FALSE, "ated by several states over three decades." },
  { 220, 11, FALSE, "A second paragraph runs on to the next page and does" },
};

static const PlxFixtureLine page2[] = {
  { 90, 11, FALSE, "not end until it reaches this line." },
  { 130, 15, TRUE, "Русский взгляд" },
  { 160, 11, FALSE, "Москва считала себя посредником между Ереваном" },
  { 175, 11, FALSE, "и Баку на протяжении всего конфликта." },
  { 215, 15, TRUE, "Հայկական տեսակետ" },
  { 245, 11, FALSE, "Հայաստանը շեշտում էր ինքնորոշման իրավունքը։" },
};

static const PlxFixtureLine page3[] = {
  { 90, 15, TRUE, "Azərbaycan baxışı" },
  { 120, 11, FALSE, "Azərbaycan ərazi bütövlüyünü əsas prinsip sayırdı." },
  { 740, 8, FALSE, "1 A note on the sources of this report." },
};

/* Writes the three-page report; every page has the running header, the
 * running footer and its number. */
void
plx_fixture_write_report_pdf (const char *path)
{
  const PlxFixtureLine *pages[] = { page1, page2, page3 };
  const guint lengths[] = { G_N_ELEMENTS (page1), G_N_ELEMENTS (page2), G_N_ELEMENTS (page3) };
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of 3", p + 1);
      PlxFixtureLine header = { 36, 9, FALSE, "Caucasus Review — Spring 2024 report" };
      PlxFixtureLine footer = { 800, 9, FALSE, number };

      plx_fixture_show_line (cr, 72, &header);
      for (guint i = 0; i < lengths[p]; i++)
        plx_fixture_show_line (cr, 72, &pages[p][i]);
      plx_fixture_show_line (cr, 260, &footer);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A page with a picture and no text, as a scanner makes. */
void
plx_fixture_write_scanned_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  for (int i = 0; i < 40; i++)
    cairo_rectangle (cr, 72, 72 + i * 16, 300 + (i * 37) % 150, 9);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

char *
plx_fixture_write_file (const char *dir,
                        const char *name,
                        const char *data,
                        gssize      size)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, size, &error));
  g_assert_no_error (error);
  return path;
}

/* RC4, as PDF's standard security handler (revision 2) uses it. */
static void
rc4 (const guint8 *key,
     gsize         key_length,
     guint8       *data,
     gsize         length)
{
  guint8 state[256];
  guint i, j = 0;

  for (i = 0; i < 256; i++)
    state[i] = (guint8) i;
  for (i = 0; i < 256; i++)
    {
      guint8 swap = state[i];

      j = (j + state[i] + key[i % key_length]) & 0xff;
      state[i] = state[j];
      state[j] = swap;
    }
  i = j = 0;
  for (gsize n = 0; n < length; n++)
    {
      guint8 swap;

      i = (i + 1) & 0xff;
      j = (j + state[i]) & 0xff;
      swap = state[i];
      state[i] = state[j];
      state[j] = swap;
      data[n] ^= state[(state[i] + state[j]) & 0xff];
    }
}

static void
md5 (const guint8 *data,
     gsize         length,
     guint8        digest[16])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  gsize size = 16;

  g_checksum_update (checksum, data, (gssize) length);
  g_checksum_get_digest (checksum, digest, &size);
}

/* A one-page PDF (with no text) locked with the user password @password
 * and the owner password "owner", RC4 40-bit (PDF 1.4, 7.6.3.3–4). */
char *
plx_fixture_write_encrypted_pdf (const char *dir,
                                 const char *password)
{
  static const guint8 padding[32] = {
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
  };
  static const guint8 id[16] = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF,
                                 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF };
  const gint32 permissions = -44;
  guint8 user[32], owner[32], o[32], u[32], digest[16], key[5];
  g_autoptr(GByteArray) input = g_byte_array_new ();
  g_autoptr(GString) hex_o = g_string_new (NULL);
  g_autoptr(GString) hex_u = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  guint8 p_le[4];

  memcpy (user, password, MIN (strlen (password), 32));
  memcpy (user + MIN (strlen (password), 32), padding, 32 - MIN (strlen (password), 32));
  memcpy (owner, "owner", 5);
  memcpy (owner + 5, padding, 27);

  /* O: the padded user password under a key from the owner's. */
  md5 (owner, 32, digest);
  memcpy (o, user, 32);
  rc4 (digest, 5, o, 32);
  /* The file key, from the user password, O, the permissions and the ID. */
  for (int i = 0; i < 4; i++)
    p_le[i] = (guint8) (((guint32) permissions >> (8 * i)) & 0xff);
  g_byte_array_append (input, user, 32);
  g_byte_array_append (input, o, 32);
  g_byte_array_append (input, p_le, 4);
  g_byte_array_append (input, id, 16);
  md5 (input->data, input->len, digest);
  memcpy (key, digest, 5);
  /* U: the padding under the file key. */
  memcpy (u, padding, 32);
  rc4 (key, 5, u, 32);

  for (int i = 0; i < 32; i++)
    {
      g_string_append_printf (hex_o, "%02X", o[i]);
      g_string_append_printf (hex_u, "%02X", u[i]);
    }
  pdf = g_strdup_printf ("%%PDF-1.4\n"
                         "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                         "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                         "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                         "4 0 obj << /Filter /Standard /V 1 /R 2 /P %d /O <%s> /U <%s> >> endobj\n"
                         "trailer << /Root 1 0 R /Size 5 /Encrypt 4 0 R "
                         "/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\n"
                         "%%%%EOF\n", permissions, hex_o->str, hex_u->str);
  return plx_fixture_write_file (dir, "locked.pdf", pdf, -1);
}

/* Writes a zip holding @name with @size bytes of @fill. */
char *
plx_fixture_write_zip (const char *dir,
                       const char *file_name,
                       const char *name,
                       gsize       size,
                       char        fill)
{
  char *path = g_build_filename (dir, file_name, NULL);
  struct archive *archive = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();
  g_autofree char *chunk = g_malloc (65536);

  memset (chunk, fill, 65536);
  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
  for (gsize written = 0; written < size; written += 65536)
    archive_write_data (archive, chunk, MIN (65536, size - written));
  archive_entry_free (entry);
  archive_write_close (archive);
  archive_write_free (archive);
  return path;
}

