/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "attain-document.h"

G_BEGIN_DECLS

/* A certificate of recognition on one A4 landscape page: the company, the person, the title
 * and period ("Sales champion of the quarter — Q3 2026") and what earned it. */
typedef struct
{
  const char *company;
  const char *name;
  const char *title;
  const char *period;
  const char *citation; /* "Revenue ¥1,234,567, 123.4% of target" */
} AttainCertificate;

AttainDocument *attain_certificate_report (const AttainCertificate *certificate,
                                           const GDate             *today,
                                           const char              *language);

/* The certificate of a recognition as attain_recognition () gives it: its recorded winner, or
 * the leader while unrecorded; NULL when nobody qualifies. */
AttainDocument *attain_certificate_for_recognition (JsonNode    *recognition,
                                                    const char  *company,
                                                    const GDate *today,
                                                    const char  *language);

G_END_DECLS
