/* plx-cli-output.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "plx-cli-output.h"

/* The first error writing standard output, for the exit status. */
static int stdout_errno;

/* Names, notes and messages can hold what a terminal takes as commands
 * (ESC, CSI as U+009B, carriage returns) or bytes that are not UTF-8 in a
 * damaged project: all are printed as visible escapes, tabs and line
 * breaks excepted. */
void
plx_cli_append_terminal_safe (GString    *out,
                              const char *text,
                              gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c >= 0x80 && c <= 0x9f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
}

/* TSV cells cannot hold tabs or line breaks; escape them as \t, \n, \\,
 * and other control characters as above. */
void
plx_cli_append_tsv_cell (GString    *out,
                         const char *value)
{
  const char *run = value;

  for (const char *p = value;; p++)
    {
      const char *escape = NULL;

      switch (*p)
        {
        case '\t': escape = "\\t"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\\': escape = "\\\\"; break;
        case '\0': break;
        default: continue;
        }
      plx_cli_append_terminal_safe (out, run, p - run);
      if (escape == NULL)
        return;
      g_string_append (out, escape);
      run = p + 1;
    }
}

/* @before, then @value with @digits decimals, or @missing where it is not
 * a number (an undefined measure is never printed as "nan"). */
void
plx_cli_append_number (GString    *out,
                       const char *before,
                       double      value,
                       int         digits,
                       const char *missing)
{
  g_string_append (out, before);
  if (isfinite (value))
    g_string_append_printf (out, "%.*f", digits, value);
  else
    g_string_append (out, missing);
}

/* A member @name holding @value, or null where it is not a number. */
void
plx_cli_json_add_number (JsonBuilder *builder,
                         const char  *name,
                         double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
plx_cli_write_out (const char *data,
                   gsize       length)
{
  if ((fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0) && stdout_errno == 0)
    stdout_errno = errno ? errno : EIO;
}

static void
print_handler (const char *string)
{
  g_autoptr(GString) safe = g_string_sized_new (strlen (string));

  plx_cli_append_terminal_safe (safe, string, -1);
  plx_cli_write_out (safe->str, safe->len);
}

static void
printerr_handler (const char *string)
{
  g_autoptr(GString) safe = g_string_sized_new (strlen (string));

  plx_cli_append_terminal_safe (safe, string, -1);
  fwrite (safe->str, 1, safe->len, stderr);
  fflush (stderr);
}

/* g_print() and g_printerr() go through the above from here on. */
void
plx_cli_output_init (void)
{
  g_set_print_handler (print_handler);
  g_set_printerr_handler (printerr_handler);
}

/* Flushes standard output; returns the errno of the first write that
 * failed, or 0. */
int
plx_cli_output_finish (void)
{
  if (fflush (stdout) != 0 && stdout_errno == 0)
    stdout_errno = errno ? errno : EIO;
  if (ferror (stdout) && stdout_errno == 0)
    stdout_errno = EIO;
  return stdout_errno;
}
