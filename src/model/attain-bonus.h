/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "attain-db.h"
#include "attain-pay.h"
#include "attain-period.h"

G_BEGIN_DECLS

#define ATTAIN_BONUS_ERROR (attain_bonus_error_quark ())

typedef enum
{
  ATTAIN_BONUS_ERROR_INVALID,
  ATTAIN_BONUS_ERROR_LOCKED,
  ATTAIN_BONUS_ERROR_CHANGED,
} AttainBonusError;

typedef enum
{
  ATTAIN_CURVE_BASIS_COMPOSITE, /* the signed-off review's composite score on the curve */
  ATTAIN_CURVE_BASIS_REVENUE,   /* revenue attainment, in points, on the curve */
  ATTAIN_CURVE_BASIS_RATING,    /* the rating's coefficient, no curve */
} AttainCurveBasis;

/* A product line's own commission tiers. */
typedef struct
{
  char   *line;
  GArray *tiers; /* AttainCommissionTier */
} AttainCommissionLine;

/* A position's pay plan (see migrations 18 and 19): money in fen per month, the curve and the tiers. */
typedef struct
{
  gint64               id;          /* 0 until saved */
  gint64               position_id; /* 0: every position without its own */
  gint64               person_id;   /* a plan for one person, over their position's; 0: none */
  gint64               fixed_monthly;
  gint64               bonus_monthly;
  GArray              *curve;           /* AttainCurvePoint */
  char                *commission_base; /* collections, revenue or gross_profit */
  AttainCommissionMode commission_mode;
  GArray              *tiers;      /* AttainCommissionTier */
  GPtrArray           *lines;      /* AttainCommissionLine: product lines with their own tiers */
  gint64               over_award; /* fen per full 10 points of revenue attainment above 100% */
  gint64               champion_award;     /* fen to the period's recognised winner */
  gint64               new_customer_award; /* fen per new customer signed in the period */
  gboolean             awards_in_pool;
  AttainCurveBasis     curve_basis;
  int                  coefficients[5]; /* basis points for S, A, B, C, D */
} AttainPayPlan;

GQuark         attain_bonus_error_quark (void);
AttainPayPlan *attain_pay_plan_new (void);
void           attain_pay_plan_free (AttainPayPlan *plan);
/* The plan in force for a position: its own newest, else the newest for every position, else
 * NULL. */
AttainPayPlan *attain_pay_plan_for_position (AttainDb *db, gint64 position_id, GError **error);
/* The plan in force for a person: their own newest, else their position's. */
AttainPayPlan *
attain_pay_plan_for_person (AttainDb *db, gint64 person_id, gint64 position_id, GError **error);
/* Saves @plan as the newest version for its person or position, after checking its curve and
 * tiers. */
gint64 attain_pay_plan_save (AttainDb *db, AttainPayPlan *plan, GError **error);
/* The same, compare-and-set: refused (ATTAIN_BONUS_ERROR_CHANGED, nothing saved) unless the
 * newest plan for its person or position on disk is still @expected_id (0: none yet). */
gint64
attain_pay_plan_save_over (AttainDb *db, AttainPayPlan *plan, gint64 expected_id, GError **error);
/* "60:50,100:100,120:150": score:payout% pairs; "0:3,100:5": from%:rate% tiers. */
GArray *attain_curve_parse (const char *text, GError **error);
GArray *attain_tiers_parse (const char *text, GError **error);
/* "运维服务=0:5,100:8; 控制系统=0:4": product lines with their own tiers, separated by ";". */
GPtrArray *attain_commission_lines_parse (const char *text, GError **error);
char      *attain_commission_lines_to_text (GPtrArray *lines);
/* "S:150,A:120,B:100,C:60,D:0": each band's coefficient in percent, every band once. */
gboolean attain_coefficients_parse (const char *text, int coefficients[5], GError **error);

/* The bonus sheet of @unit_id (and every unit under it) for @period, as JSON: one row per
 * person (commission with its formula, curve payout, prorated target bonus, variable part,
 * awards, totals computed and paid), the pool, the scaling factor and the formula in words. An
 * approved sheet is the JSON it was approved with. */
JsonNode *attain_bonus_sheet (AttainDb           *db,
                              gint64              unit_id,
                              const AttainPeriod *period,
                              const GDate        *today,
                              GError            **error);
/* The sheet a person's pay for @period is on: an approved sheet that has them (what was paid),
 * else their own unit's as it computes now. */
JsonNode *attain_bonus_sheet_for_person (AttainDb           *db,
                                         gint64              person_id,
                                         const AttainPeriod *period,
                                         const GDate        *today,
                                         GError            **error);
/* Sets the pool (fen, at least 0) of an unapproved sheet, or clears it (@has_pool FALSE), in
 * one transaction. A negative pool or an approved sheet is refused with a sentence. */
gboolean attain_bonus_sheet_set_pool (AttainDb           *db,
                                      gint64              unit_id,
                                      const AttainPeriod *period,
                                      gboolean            has_pool,
                                      gint64              pool,
                                      GError            **error);
/* Approves the sheet as it computes now, storing those figures; it is locked from then on. */
gboolean attain_bonus_sheet_approve (AttainDb           *db,
                                     gint64              unit_id,
                                     const AttainPeriod *period,
                                     const GDate        *today,
                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainPayPlan, attain_pay_plan_free)

G_END_DECLS
