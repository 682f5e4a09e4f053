/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <locale.h>

#include "attain-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (AttainApplication) app = NULL;
  const char *localedir = g_getenv ("ATTAIN_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* An uninstalled build points ATTAIN_LOCALEDIR at its own po/ output. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = attain_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
