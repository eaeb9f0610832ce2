/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax"
#include <locale.h>
#include <glib/gi18n.h>

#include "plx-application.h"
#include "plx-profile.h"

int
main (int argc, char **argv)
{
  g_autoptr(PlxApplication) application = NULL;
  /* PLX_LOCALEDIR runs an uninstalled build with its own translations. */
  const char *localedir = g_getenv ("PLX_LOCALEDIR");

  plx_profile_init ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = plx_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
