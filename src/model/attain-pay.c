/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-pay.h"

#include <string.h>

#include "attain-gettext.h"

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-pay-error-quark, attain_pay_error)
/* clang-format on */

GArray *
attain_curve_default (void)
{
  static const AttainCurvePoint points[]
      = { { 6000, 5000 }, { 10000, 10000 }, { 12000, 15000 }, { 15000, 20000 } };
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (AttainCurvePoint), G_N_ELEMENTS (points));

  g_array_append_vals (out, points, G_N_ELEMENTS (points));
  return out;
}

static char *
hundredths_text (int value)
{
  char number[32];
  g_ascii_formatd (number, sizeof number, "%.2f", value / 100.0);
  /* "60.00" → "60", "62.50" → "62.5" */
  if (strchr (number, '.') != NULL)
    {
      char *end = number + strlen (number) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return g_strdup (number);
}

gboolean
attain_curve_validate (const AttainCurvePoint *points, guint n_points, GError **error)
{
  if (n_points == 0)
    {
      g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_CURVE,
                   _ ("A payout curve needs at least one point."));
      return FALSE;
    }
  for (guint i = 0; i < n_points; i++)
    {
      if (points[i].payout < 0 || points[i].payout > 100000 || points[i].score < 0)
        {
          g_autofree char *score = hundredths_text (points[i].score);
          g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_CURVE,
                       _ ("Point %u of the curve (score %s) pays outside 0%% to 1000%%, or its "
                          "score is below 0. Nothing was saved."),
                       i + 1, score);
          return FALSE;
        }
      if (i > 0 && points[i].score < points[i - 1].score)
        {
          g_autofree char *score = hundredths_text (points[i].score);
          g_autofree char *before = hundredths_text (points[i - 1].score);
          g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_CURVE,
                       _ ("Point %u of the curve is at score %s, below the point before it (%s): "
                          "list the points from the lowest score up. Nothing was saved."),
                       i + 1, score, before);
          return FALSE;
        }
      if (i > 1 && points[i].score == points[i - 2].score)
        {
          g_autofree char *score = hundredths_text (points[i].score);
          g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_CURVE,
                       _ ("Three points of the curve are at score %s; a step takes two. Nothing "
                          "was saved."),
                       score);
          return FALSE;
        }
    }
  return TRUE;
}

int
attain_curve_payout (const AttainCurvePoint *points, guint n_points, int score)
{
  guint i;

  if (n_points == 0 || score < points[0].score)
    return 0;
  if (score >= points[n_points - 1].score)
    return points[n_points - 1].payout;
  /* The last point at or below the score: on a step, its upper side. */
  for (i = 0; i + 1 < n_points && points[i + 1].score <= score; i++)
    ;
  return points[i].payout
         + (int) attain_pay_scale (points[i + 1].payout - points[i].payout, score - points[i].score,
                                   points[i + 1].score - points[i].score);
}

gboolean
attain_commission_tiers_validate (const AttainCommissionTier *tiers, guint n_tiers, GError **error)
{
  if (n_tiers == 0 || tiers[0].from != 0)
    {
      g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_TIERS,
                   _ ("The first commission tier must start at 0%% of target, or attainment below "
                      "it would earn nothing by accident. Nothing was saved."));
      return FALSE;
    }
  for (guint i = 0; i < n_tiers; i++)
    {
      if (tiers[i].rate < 0 || tiers[i].rate > 10000)
        {
          g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_TIERS,
                       _ ("Tier %u's rate is outside 0%% to 100%%. Nothing was saved."), i + 1);
          return FALSE;
        }
      if (i > 0 && tiers[i].from <= tiers[i - 1].from)
        {
          g_autofree char *from = hundredths_text (tiers[i].from);
          g_autofree char *before = hundredths_text (tiers[i - 1].from);
          g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_TIERS,
                       _ ("Tier %u starts at %s%% of target, not above tier %u (%s%%): the tiers "
                          "would overlap. List them from the lowest up. Nothing was saved."),
                       i + 1, from, i, before);
          return FALSE;
        }
    }
  return TRUE;
}

gint64
attain_pay_scale (gint64 amount, gint64 numerator, gint64 denominator)
{
  __int128 product = (__int128) amount * numerator;
  __int128 half = denominator / 2;
  gboolean negative = (product < 0) != (denominator < 0);

  g_return_val_if_fail (denominator != 0, 0);
  if (product < 0)
    product = -product;
  if (denominator < 0)
    denominator = -denominator, half = denominator / 2;
  product = (product + half) / denominator;
  return (gint64) (negative ? -product : product);
}

static void
add_part (GArray *parts, gint64 amount, int rate)
{
  AttainCommissionPart part = { amount, rate, attain_pay_scale (amount, rate, 10000) };
  if (parts != NULL)
    g_array_append_val (parts, part);
}

gint64
attain_commission_compute (const AttainCommissionTier *tiers,
                           guint                       n_tiers,
                           AttainCommissionMode        mode,
                           gint64                      base,
                           gint64                      target,
                           GArray                     *parts)
{
  __int128 earned = 0; /* fen × basis points */

  if (n_tiers == 0)
    return 0;
  if (target <= 0 || base <= 0)
    {
      add_part (parts, base, tiers[0].rate);
      return attain_pay_scale (base, tiers[0].rate, 10000);
    }
  if (mode == ATTAIN_COMMISSION_WHOLE)
    {
      guint reached = 0;
      /* The boundary belongs to the upper tier: base ≥ target × from. */
      for (guint i = 1; i < n_tiers; i++)
        if ((__int128) base * 10000 >= (__int128) target * tiers[i].from)
          reached = i;
      add_part (parts, base, tiers[reached].rate);
      return attain_pay_scale (base, tiers[reached].rate, 10000);
    }
  for (guint i = 0; i < n_tiers; i++)
    {
      gint64 low = attain_pay_scale (target, tiers[i].from, 10000);
      gint64 high
          = i + 1 < n_tiers ? attain_pay_scale (target, tiers[i + 1].from, 10000) : G_MAXINT64;
      gint64 amount;
      if (base <= low)
        break;
      amount = MIN (base, high) - low;
      earned += (__int128) amount * tiers[i].rate;
      add_part (parts, amount, tiers[i].rate);
    }
  return attain_pay_scale ((gint64) earned, 1, 10000);
}

gboolean
attain_pool_scale (const gint64 *computed,
                   guint         n,
                   gint64        pool,
                   gint64       *paid,
                   int          *factor_bp,
                   GError      **error)
{
  __int128           sum = 0;
  gint64             given = 0;
  g_autofree gint64 *remainders = NULL;
  g_autofree guint  *order = NULL;

  if (pool < 0)
    {
      g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_POOL,
                   _ ("A bonus pool cannot be negative. Nothing was changed."));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (computed[i] < 0)
        {
          g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_POOL,
                       "A computed bonus is negative (row %u)", i + 1);
          return FALSE;
        }
      sum += computed[i];
    }
  if (sum <= pool)
    {
      memcpy (paid, computed, n * sizeof *paid);
      if (factor_bp != NULL)
        *factor_bp = 10000;
      return TRUE;
    }
  /* sum > pool ≥ 0, so sum > 0. Each share floored; the remainders, in units of 1/sum fen,
   * decide who gets the fen left over. */
  remainders = g_new0 (gint64, n);
  order = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    {
      __int128 exact = (__int128) computed[i] * pool;
      paid[i] = (gint64) (exact / sum);
      remainders[i] = (gint64) (exact % sum);
      given += paid[i];
      order[i] = i;
    }
  /* Largest remainder first; ties to the larger computed figure, then the earlier row. A plain
   * insertion sort: a sheet is a team, and this runs once per change. */
  for (guint i = 1; i < n; i++)
    {
      guint k = order[i], j = i;
      while (j > 0)
        {
          guint    p = order[j - 1];
          gboolean before = remainders[k] > remainders[p]
                            || (remainders[k] == remainders[p] && computed[k] > computed[p]);
          if (!before)
            break;
          order[j] = p;
          j--;
        }
      order[j] = k;
    }
  for (guint i = 0; given < pool && i < n; i++, given++)
    paid[order[i]]++;
  if (factor_bp != NULL)
    *factor_bp = (int) attain_pay_scale (pool, 10000, (gint64) sum);
  return TRUE;
}
