/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-formulas.h"

#include "attain-gettext.h"

double
attain_ratio (double numerator, double denominator)
{
  if (denominator == 0.0 || isnan (numerator) || isnan (denominator))
    return NAN;
  return numerator / denominator;
}

double
attain_attainment (double actual, double target, gboolean lower_is_better)
{
  if (isnan (actual) || isnan (target) || target <= 0.0)
    return NAN;
  if (lower_is_better)
    {
      /* Beating a "lower is better" target means actual below target; zero actual is
       * undefined rather than infinite attainment. */
      if (actual <= 0.0)
        return NAN;
      return target / actual;
    }
  return actual / target;
}

double
attain_growth (double current, double same_period_last_year)
{
  if (isnan (current) || isnan (same_period_last_year) || same_period_last_year == 0.0)
    return NAN;
  return (current - same_period_last_year) / fabs (same_period_last_year);
}

double
attain_nps (gint64 promoters, gint64 detractors, gint64 responses)
{
  if (responses <= 0)
    return NAN;
  return (double) (promoters - detractors) / (double) responses * 100.0;
}

AttainPace
attain_pace_cumulative (double attainment, double elapsed_share, double tolerance)
{
  if (isnan (attainment))
    return ATTAIN_PACE_NONE;
  if (elapsed_share <= 0.0)
    return ATTAIN_PACE_NOT_STARTED;
  if (attainment < elapsed_share - tolerance)
    return ATTAIN_PACE_BEHIND;
  if (attainment > elapsed_share + tolerance)
    return ATTAIN_PACE_AHEAD;
  return ATTAIN_PACE_ON;
}

AttainPace
attain_pace_rate (double attainment, double elapsed_share, double tolerance)
{
  /* A rate is not cumulative: 90% collected is on target on day one as on the last day, so
   * the rate is compared with its full target whatever share of the period has gone by. */
  if (isnan (attainment))
    return ATTAIN_PACE_NONE;
  if (elapsed_share <= 0.0)
    return ATTAIN_PACE_NOT_STARTED;
  return attain_pace_cumulative (attainment, 1.0, tolerance);
}

const char *
attain_pace_to_string (AttainPace pace)
{
  switch (pace)
    {
    case ATTAIN_PACE_NOT_STARTED:
      return "not-started";
    case ATTAIN_PACE_BEHIND:
      return "behind";
    case ATTAIN_PACE_ON:
      return "on";
    case ATTAIN_PACE_AHEAD:
      return "ahead";
    case ATTAIN_PACE_NONE:
    default:
      return "none";
    }
}

const char *
attain_pace_to_label (AttainPace pace)
{
  switch (pace)
    {
    case ATTAIN_PACE_NOT_STARTED:
      return _ ("Not started");
    case ATTAIN_PACE_BEHIND:
      return _ ("Behind");
    case ATTAIN_PACE_ON:
      return _ ("On pace");
    case ATTAIN_PACE_AHEAD:
      return _ ("Ahead");
    case ATTAIN_PACE_NONE:
    default:
      return "";
    }
}

gint64
attain_tier_weighted (gint64 a_visits,
                      gint64 b_visits,
                      gint64 c_visits,
                      int    weight_a,
                      int    weight_b,
                      int    weight_c)
{
  return a_visits * weight_a + b_visits * weight_b + c_visits * weight_c;
}
