/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

/* Every rate the app shows comes from here (domain.md §2). A result that is undefined (no
 * target, nothing last year, no answers) is NAN, which the UI shows as a dash, never as 0%. */

typedef enum
{
  ATTAIN_PACE_NONE,        /* no target, so no pace */
  ATTAIN_PACE_NOT_STARTED, /* the period lies in the future */
  ATTAIN_PACE_BEHIND,
  ATTAIN_PACE_ON,
  ATTAIN_PACE_AHEAD,
} AttainPace;

double      attain_ratio (double numerator, double denominator);
double      attain_attainment (double actual, double target, gboolean lower_is_better);
double      attain_growth (double current, double same_period_last_year);
double      attain_nps (gint64 promoters, gint64 detractors, gint64 responses);
AttainPace  attain_pace_cumulative (double attainment, double elapsed_share, double tolerance);
AttainPace  attain_pace_rate (double attainment, double elapsed_share, double tolerance);
const char *attain_pace_to_string (AttainPace pace);
const char *attain_pace_to_label (AttainPace pace);
gint64      attain_tier_weighted (gint64 a_visits,
                                  gint64 b_visits,
                                  gint64 c_visits,
                                  int    weight_a,
                                  int    weight_b,
                                  int    weight_c);

G_END_DECLS
