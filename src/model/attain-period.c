/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-period.h"

#include <string.h>

#include "attain-gettext.h"
#include <stdio.h>

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-period-error-quark, attain_period_error)
/* clang-format on */

int
attain_month_add (int month, int n)
{
  int index = (month / 100) * 12 + (month % 100 - 1) + n;

  return (index / 12) * 100 + index % 12 + 1;
}

int
attain_month_from_date (const GDate *date)
{
  return g_date_get_year (date) * 100 + g_date_get_month (date);
}

static int
period_start_month_index (const AttainPeriod *period)
{
  /* Month as a running index year * 12 + (month - 1). */
  int fy_first = period->year * 12 + (period->fy_start_month - 1);

  switch (period->kind)
    {
    case ATTAIN_PERIOD_MONTH:
      return period->year * 12 + (period->index - 1);
    case ATTAIN_PERIOD_QUARTER:
      return fy_first + 3 * (period->index - 1);
    case ATTAIN_PERIOD_YEAR:
    default:
      return fy_first;
    }
}

int
attain_period_n_months (const AttainPeriod *period)
{
  switch (period->kind)
    {
    case ATTAIN_PERIOD_MONTH:
      return 1;
    case ATTAIN_PERIOD_QUARTER:
      return 3;
    case ATTAIN_PERIOD_YEAR:
    default:
      return 12;
    }
}

int
attain_period_first_month (const AttainPeriod *period)
{
  int index = period_start_month_index (period);

  return (index / 12) * 100 + index % 12 + 1;
}

int
attain_period_last_month (const AttainPeriod *period)
{
  return attain_month_add (attain_period_first_month (period), attain_period_n_months (period) - 1);
}

void
attain_period_bounds (const AttainPeriod *period, GDate *first, GDate *last)
{
  int first_month = attain_period_first_month (period);
  int last_month = attain_period_last_month (period);

  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, first_month % 100, first_month / 100);
  g_date_clear (last, 1);
  g_date_set_dmy (last, g_date_get_days_in_month (last_month % 100, last_month / 100),
                  last_month % 100, last_month / 100);
}

AttainPeriod
attain_period_same_last_year (const AttainPeriod *period)
{
  AttainPeriod result = *period;

  result.year--;
  return result;
}

AttainPeriod
attain_period_shift (const AttainPeriod *period, int steps)
{
  AttainPeriod result = *period;
  int          per_year;
  int          index;

  if (period->kind == ATTAIN_PERIOD_YEAR)
    {
      result.year += steps;
      return result;
    }

  per_year = period->kind == ATTAIN_PERIOD_MONTH ? 12 : 4;
  index = period->year * per_year + (period->index - 1) + steps;
  result.year = index / per_year;
  result.index = index % per_year + 1;
  return result;
}

AttainPeriod
attain_period_containing (AttainPeriodKind kind, const GDate *date, int fy_start_month)
{
  AttainPeriod result = { kind, 0, 0, fy_start_month };
  int          month_index = g_date_get_year (date) * 12 + (g_date_get_month (date) - 1);
  int          fy_offset = month_index - (fy_start_month - 1);

  switch (kind)
    {
    case ATTAIN_PERIOD_MONTH:
      result.year = g_date_get_year (date);
      result.index = g_date_get_month (date);
      break;
    case ATTAIN_PERIOD_QUARTER:
      result.year = fy_offset / 12;
      result.index = (fy_offset % 12) / 3 + 1;
      break;
    case ATTAIN_PERIOD_YEAR:
    default:
      result.year = fy_offset / 12;
      break;
    }
  return result;
}

AttainPeriod
attain_period_fiscal_year (const AttainPeriod *period)
{
  GDate first, last;

  attain_period_bounds (period, &first, &last);
  return attain_period_containing (ATTAIN_PERIOD_YEAR, &first, period->fy_start_month);
}

AttainPeriod
attain_period_with_kind (const AttainPeriod *period, AttainPeriodKind kind, const GDate *today)
{
  GDate        first, last;
  const GDate *anchor;

  /* Switching month/quarter/year keeps looking at the same time: today if it lies in the
   * period shown, else the period's first day. */
  attain_period_bounds (period, &first, &last);
  anchor
      = g_date_compare (today, &first) >= 0 && g_date_compare (today, &last) <= 0 ? today : &first;
  return attain_period_containing (kind, anchor, period->fy_start_month);
}

AttainPeriodKind
attain_period_kind_from_string (const char *text)
{
  if (g_strcmp0 (text, "month") == 0)
    return ATTAIN_PERIOD_MONTH;
  if (g_strcmp0 (text, "year") == 0)
    return ATTAIN_PERIOD_YEAR;
  return ATTAIN_PERIOD_QUARTER;
}

const char *
attain_period_kind_to_string (AttainPeriodKind kind)
{
  return kind == ATTAIN_PERIOD_MONTH ? "month" : kind == ATTAIN_PERIOD_YEAR ? "year" : "quarter";
}

double
attain_period_elapsed_share (const AttainPeriod *period, const GDate *today)
{
  GDate first, last;
  int   total, done;

  attain_period_bounds (period, &first, &last);
  if (g_date_compare (today, &first) < 0)
    return 0.0;
  if (g_date_compare (today, &last) >= 0)
    return 1.0;

  /* Today counts as elapsed: on the last day a director expects to see 100%. */
  total = g_date_days_between (&first, &last) + 1;
  done = g_date_days_between (&first, today) + 1;
  return (double) done / total;
}

gboolean
attain_period_equal (const AttainPeriod *a, const AttainPeriod *b)
{
  return a->kind == b->kind && a->year == b->year && a->index == b->index
         && a->fy_start_month == b->fy_start_month;
}

gboolean
attain_period_parse (const char *text, int fy_start_month, AttainPeriod *out, GError **error)
{
  int  year = 0, index = 0;
  char extra;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (fy_start_month >= 1 && fy_start_month <= 12, FALSE);

  out->fy_start_month = fy_start_month;
  if (sscanf (text, "%4d-Q%1d%c", &year, &index, &extra) == 2
      || sscanf (text, "%4d-q%1d%c", &year, &index, &extra) == 2)
    {
      if (index >= 1 && index <= 4 && year >= 1900 && year <= 9999)
        {
          *out = (AttainPeriod){ ATTAIN_PERIOD_QUARTER, year, index, fy_start_month };
          return TRUE;
        }
    }
  else if (sscanf (text, "%4d-%2d%c", &year, &index, &extra) == 2)
    {
      if (index >= 1 && index <= 12 && year >= 1900 && year <= 9999)
        {
          *out = (AttainPeriod){ ATTAIN_PERIOD_MONTH, year, index, fy_start_month };
          return TRUE;
        }
    }
  else if ((sscanf (text, "FY%4d%c", &year, &extra) == 1
            || sscanf (text, "%4d%c", &year, &extra) == 1)
           && year >= 1900 && year <= 9999)
    {
      *out = (AttainPeriod){ ATTAIN_PERIOD_YEAR, year, 0, fy_start_month };
      return TRUE;
    }

  g_set_error (error, ATTAIN_PERIOD_ERROR, ATTAIN_PERIOD_ERROR_INVALID,
               _ ("“%s” is not a period. Write a year (2026), a quarter (2026-Q3) or a month "
                  "(2026-07)."),
               text);
  return FALSE;
}

char *
attain_period_to_string (const AttainPeriod *period)
{
  switch (period->kind)
    {
    case ATTAIN_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", period->year, period->index);
    case ATTAIN_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period->year, period->index);
    case ATTAIN_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%04d", period->year);
    }
}

char *
attain_period_to_label (const AttainPeriod *period)
{
  switch (period->kind)
    {
    case ATTAIN_PERIOD_MONTH:
      {
        GDate date;
        char  buffer[64];

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 1, period->index, period->year);
        /* Translators: strftime format of a month label such as "July 2026" */
        g_date_strftime (buffer, sizeof buffer, _ ("%B %Y"), &date);
        return g_strdup (buffer);
      }
    case ATTAIN_PERIOD_QUARTER:
      if (period->fy_start_month == 1)
        /* Translators: a calendar quarter, %1$d is the year, %2$d the quarter (1-4) */
        return g_strdup_printf (_ ("Q%2$d %1$d"), period->year, period->index);
      /* Translators: a fiscal quarter, %1$d is the fiscal year, %2$d the quarter (1-4) */
      return g_strdup_printf (_ ("FY%1$d Q%2$d"), period->year, period->index);
    case ATTAIN_PERIOD_YEAR:
    default:
      if (period->fy_start_month == 1)
        /* Translators: a calendar year */
        return g_strdup_printf (_ ("Year %d"), period->year);
      /* Translators: a fiscal year */
      return g_strdup_printf (_ ("Fiscal year %d"), period->year);
    }
}

gboolean
attain_date_parse_iso (const char *text, GDate *out)
{
  int y, m, d;

  g_date_clear (out, 1);
  if (text == NULL)
    return FALSE;
  /* YYYY-MM-DD is read by hand, because imports parse millions of them; shorter forms such as
   * 2026-3-5 still go through sscanf. */
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-' && g_ascii_isdigit (text[0])
      && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3])
      && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]) && g_ascii_isdigit (text[8])
      && g_ascii_isdigit (text[9]))
    {
      y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
      m = (text[5] - '0') * 10 + (text[6] - '0');
      d = (text[8] - '0') * 10 + (text[9] - '0');
    }
  else
    {
      char extra;
      if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
        return FALSE;
    }
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

char *
attain_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}
