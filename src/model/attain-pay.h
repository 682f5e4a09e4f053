/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The arithmetic of paying out results: payout curves, commission tiers, a bonus pool and days
 * worked. Money is integer fen; shares and rates are basis points (10000 = 100%); scores are
 * hundredths of a point. Everything here is exact integer arithmetic, so a sheet adds up to the
 * fen. */

#define ATTAIN_PAY_ERROR (attain_pay_error_quark ())

typedef enum
{
  ATTAIN_PAY_ERROR_CURVE,
  ATTAIN_PAY_ERROR_TIERS,
  ATTAIN_PAY_ERROR_POOL,
} AttainPayError;

/* One point of a payout curve: at @score (hundredths of a point) the payout is @payout (basis
 * points of the target bonus). */
typedef struct
{
  int score;
  int payout;
} AttainCurvePoint;

typedef enum
{
  ATTAIN_COMMISSION_MARGINAL, /* each tier's rate on the part of the base inside it */
  ATTAIN_COMMISSION_WHOLE,    /* the tier reached sets the rate of the whole base */
} AttainCommissionMode;

/* A commission tier: from @from basis points of attainment on (the first is 0), @rate basis
 * points of the base (300 = 3%). A tier ends where the next begins; a boundary belongs to the
 * upper tier. */
typedef struct
{
  int from;
  int rate;
} AttainCommissionTier;

/* One tier's share of a commission: the part of the base in it, its rate and what it earns. */
typedef struct
{
  gint64 amount; /* fen of the base in this tier (the whole base for whole-tier) */
  int    rate;
  gint64 earned; /* fen, before the commission's own rounding */
} AttainCommissionPart;

GQuark attain_pay_error_quark (void);

/* The default curve: nothing below 60, a step to 50% at 60, 100% at 100, 150% at 120, 200% at
 * 150 and flat beyond. */
GArray *attain_curve_default (void);
/* Scores never go down from one point to the next; at most two points share a score (a step);
 * payouts are 0 to 1000%. */
gboolean attain_curve_validate (const AttainCurvePoint *points, guint n_points, GError **error);
/* The payout in basis points at @score (hundredths): 0 below the first point, linear between
 * points (the upper side of a step at the step's score), the last point's payout from there on.
 * Rounded to the basis point, half up. */
int attain_curve_payout (const AttainCurvePoint *points, guint n_points, int score);

/* The first tier starts at 0% and each starts above the one before; rates are 0 to 100%. */
gboolean
attain_commission_tiers_validate (const AttainCommissionTier *tiers, guint n_tiers, GError **error);
/* The commission on @base fen against @target fen, in fen (half up), and its parts for the
 * statement (AttainCommissionPart, may be NULL). Without a target (0 or less) the attainment
 * is unknown and the first tier's rate applies to the whole base. A negative base (more
 * reversed than earned) earns a negative commission at the first tier's rate. */
gint64 attain_commission_compute (const AttainCommissionTier *tiers,
                                  guint                       n_tiers,
                                  AttainCommissionMode        mode,
                                  gint64                      base,
                                  gint64                      target,
                                  GArray                     *parts);

/* Scales @computed (fen, each ≥ 0) to fit @pool: when their sum is at most the pool, each is
 * paid in full; else each is paid its pro-rata share, floored to the fen, and the fen left over
 * go one each to the largest remainders (ties to the larger computed figure, then to the
 * earlier row), so @paid sums exactly to the pool. @factor_bp is the scaling in basis points
 * (10000 when the pool does not bind). FALSE for a negative pool or figure. */
gboolean attain_pool_scale (const gint64 *computed,
                            guint         n,
                            gint64        pool,
                            gint64       *paid,
                            int          *factor_bp,
                            GError      **error);

/* @amount × @numerator / @denominator, rounded half away from zero, without overflow. */
gint64 attain_pay_scale (gint64 amount, gint64 numerator, gint64 denominator);

G_END_DECLS
