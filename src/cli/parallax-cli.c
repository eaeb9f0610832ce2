/* parallax-cli.c: the project from the command line, over the same core
 * as the app. Exit status: 0 success, 1 failure, 2 bad usage.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"
#include <locale.h>

#include "plx-cli.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct {
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

int
plx_cli_fail (GError *error)
{
  g_printerr ("parallax-cli: %s\n", error->message);
  /* The choice the message cannot give in the app's words. */
  if (g_error_matches (error, PLX_ERROR, PLX_ERROR_FOREIGN_LOG))
    g_printerr ("%s\n", _("To open the project as its file holds it, with the log kept aside under another name: "
                          "parallax-cli set-log-aside PROJECT. To copy what the file holds into a new project: "
                          "parallax-cli salvage PROJECT NEW."));
  return EXIT_FAILURE;
}

int
plx_cli_usage_error (GOptionContext *context,
                     const char     *message)
{
  /* One line, like every other error: scripts read the first line. */
  g_printerr (_("parallax-cli: %s (see “%s --help”)\n"), message, g_get_prgname ());
  (void) context;
  return EXIT_USAGE;
}

/* Parses options and requires exactly @n_positional arguments after the
 * command name (PLX_CLI_AT_LEAST (n): n or more); on failure the exit
 * status is already decided. */
gboolean
plx_cli_parse_args (GOptionContext  *context,
                    int             *argc,
                    char          ***argv,
                    int              n_positional,
                    int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = plx_cli_usage_error (context, error->message);
      return FALSE;
    }
  if (n_positional < 0 ? *argc - 1 < -n_positional : *argc - 1 != n_positional)
    {
      *status = plx_cli_usage_error (context, *argc - 1 < ABS (n_positional) ? _("missing arguments")
                                                                             : _("too many arguments"));
      return FALSE;
    }
  return TRUE;
}

GOptionContext *
plx_cli_command_context (const char *args,
                         const char *summary)
{
  GOptionContext *context = g_option_context_new (args);

  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, TRUE);
  return context;
}

PlxPerspective *
plx_cli_lookup_perspective (PlxProject  *project,
                            const char  *name_or_id,
                            GError     **error)
{
  PlxPerspective *perspective = plx_project_find_perspective_by_name (project, name_or_id);
  char *end = NULL;
  gint64 id;

  if (perspective != NULL)
    return perspective;
  id = g_ascii_strtoll (name_or_id, &end, 10);
  if (end != name_or_id && *end == '\0' && (perspective = plx_project_find_perspective (project, id)) != NULL)
    return perspective;
  g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
               _("There is no perspective “%s” in this project"), name_or_id);
  return NULL;
}

gboolean
plx_cli_parse_id (const char *text,
                  gint64     *id)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *id = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *id > 0;
}

/* A character offset: decimal digits only, so that "0x10" or "010" are
 * not taken as 16 or 8, as GOption's integers would. */
static const Command commands[] = {
  { "init", "PROJECT", N_("Create a new project"), plx_cli_init },
  { "add-document", "PROJECT FILE [--format FORMAT]", N_("Add a document, print its id"), plx_cli_add_document },
  { "documents", "PROJECT", N_("List the documents"), plx_cli_documents },
  { "document-info", "PROJECT ID", N_("Show where a document came from"), plx_cli_document_info },
  { "cite", "PROJECT UUID", N_("Print an annotation’s citation (page, paragraph, time)"), plx_cli_cite },
  { "annotate", "PROJECT --document ID --start N --end M --perspective NAME", N_("Tag a passage, print its UUID"), plx_cli_annotate },
  { "list", "PROJECT", N_("List annotations (tsv or json)"), plx_cli_list },
  { "delete", "PROJECT UUID", N_("Delete an annotation"), plx_cli_delete },
  { "perspectives", "PROJECT [ACTION …]", N_("List, add, rename, recolour, move or remove perspectives"), plx_cli_perspectives },
  { "check", "PROJECT", N_("Check the project’s integrity"), plx_cli_check },
  { "export", "PROJECT --format native|w3c|csv|qdpx|qdc [-o FILE]", N_("Export annotations (native JSON, W3C JSON-LD, CSV, REFI-QDA)"), plx_cli_export },
  { "import", "PROJECT FILE [--perspective NAME] [--document ID]", N_("Import annotations (native JSON, W3C JSON-LD, REFI-QDA)"), plx_cli_import },
  { "copy", "PROJECT NEW", N_("Write a whole, consistent copy of the project"), plx_cli_copy },
  { "stats", "PROJECT [--document ID] [--format json|tsv]", N_("Compare the perspectives: coverage, themes, sections, overlaps"), plx_cli_stats },
  { "formats", "", N_("List the document and exchange formats"), plx_cli_formats },
  { "salvage", "DAMAGED NEW", N_("Copy what is readable from a damaged project into a new one"), plx_cli_salvage },
  { "set-log-aside", "PROJECT", N_("Keep aside a log that is not the project’s own"), plx_cli_set_log_aside },
  { "annotators", "PROJECT", N_("List the coders, with their passages"), plx_cli_annotators },
  { "merge", "TARGET SOURCE…", N_("Bring the work of copies of a project into TARGET, conflicts listed"), plx_cli_merge },
  { "agreement", "PROJECT [--coders A,B,…] [--by perspective|theme|section] [--format json|tsv]", N_("How far the coders agree: where, whose voice, what about"), plx_cli_agreement },
  { "report", "PROJECT --format html|pdf -o FILE", N_("Write the comparison report (HTML or PDF)"), plx_cli_report },
  { "divergence", "PROJECT [--document ID|TITLE]… [--by section] [--format text|json|tsv]", N_("How far the perspectives diverge: JS divergence, salience gaps, contested spans"), plx_cli_divergence },
  { "themes", "PROJECT [ACTION …]", N_("The codebook: list as a tree with counts, add, rename, define, move, merge, split, delete"), plx_cli_themes },
  { "memos", "PROJECT [ACTION …]", N_("List, add, show or delete memos"), plx_cli_memos },
  { "attributes", "PROJECT [ACTION …]", N_("Document attributes: list as a table, define, set, import from CSV"), plx_cli_attributes },
  { "server", "init URI | users URI add NAME --role ROLE", N_("Team projects on a PostgreSQL server: make one, give people roles"), plx_cli_server },
  { "search", "PROJECT QUERY [--document ID] [--format text|tsv|json] [--code PERSPECTIVE [--theme T]…]", N_("Search every document, keyword in context; tag the hits with --code"), plx_cli_search },
  { "equivalences", "PROJECT [list | add TERM… | remove TERM… | reset]", N_("The names search takes for one (Artsakh = Qarabağ = Карабах)"), plx_cli_equivalences },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: parallax-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “parallax-cli COMMAND --help” for a command’s options."));
}

static int run_command (int argc, char **argv);

int
main (int argc, char **argv)
{
  int status;
  int saved_errno;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("parallax-cli");
  plx_cli_output_init ();

  status = run_command (argc, argv);
  /* Output that could not be written is a failure, as any other. */
  if (status == EXIT_SUCCESS && (saved_errno = plx_cli_output_finish ()) != 0)
    {
      g_printerr ("parallax-cli: %s: %s\n", _("cannot write to standard output"), g_strerror (saved_errno));
      return EXIT_FAILURE;
    }
  return status;
}

static int
run_command (int    argc,
             char **argv)
{
  if (argc < 2)
    return plx_cli_usage_error (NULL, _("missing command"));
  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 || g_strcmp0 (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }
  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("parallax-cli %s\n", PLX_VERSION);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("parallax-cli %s", commands[i].name);
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
    return plx_cli_usage_error (NULL, message);
  }
}
