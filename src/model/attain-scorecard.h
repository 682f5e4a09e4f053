/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"
#include "attain-period.h"

G_BEGIN_DECLS

#define ATTAIN_SCORECARD_ERROR (attain_scorecard_error_quark ())

typedef enum
{
  ATTAIN_SCORECARD_ERROR_WEIGHTS,
  ATTAIN_SCORECARD_ERROR_RULE,
  ATTAIN_SCORECARD_ERROR_METRIC,
  ATTAIN_SCORECARD_ERROR_CHANGED,
} AttainScorecardError;

typedef enum
{
  ATTAIN_RULE_LINEAR, /* attainment × 100, up to the cap */
  ATTAIN_RULE_FLOOR,  /* 0 below the floor, then linear */
  ATTAIN_RULE_BANDS,  /* 0 below band_low, linear to band_high, then band_slope per point above */
  ATTAIN_RULE_POINTS, /* 100 + actual − target, for scores such as NPS */
} AttainRuleKind;

typedef struct
{
  AttainRuleKind kind;
  int            cap;        /* hundredths of a point: 12000 = 120 */
  int            floor;      /* basis points of attainment: 8000 = 80% */
  int            band_low;   /* basis points of attainment */
  int            band_high;  /* basis points of attainment */
  int            band_slope; /* basis points: 5000 = half a point per point above band_high */
} AttainScoreRule;

typedef struct
{
  char           *metric; /* a goal metric key */
  int             weight; /* basis points of the KPI part */
  AttainScoreRule rule;
} AttainScorecardLine;

/* A scorecard template, one version of it. Weights are exact basis points (10000 = 100%). */
typedef struct
{
  gint64  id;          /* 0 until saved */
  gint64  position_id; /* 0: for every position without its own */
  int     version;
  char   *name;
  int     kpi_weight;
  int     mbo_weight;
  int     feedback_weight;
  GArray *lines; /* AttainScorecardLine */
} AttainScorecard;

GQuark attain_scorecard_error_quark (void);
void   attain_score_rule_init (AttainScoreRule *rule, AttainRuleKind kind);
double
attain_score_rule_apply (const AttainScoreRule *rule, double attainment, double points_over_target);
char            *attain_score_rule_describe (const AttainScoreRule *rule);
const char      *attain_rule_kind_to_string (AttainRuleKind kind);
gboolean         attain_rule_kind_from_string (const char *text, AttainRuleKind *out);
AttainScorecard *attain_scorecard_new (const char *name);
void             attain_scorecard_add_line (AttainScorecard       *card,
                                            const char            *metric,
                                            int                    weight,
                                            const AttainScoreRule *rule);
void             attain_scorecard_free (AttainScorecard *card);
gboolean         attain_scorecard_validate (const AttainScorecard *card, GError **error);
gint64           attain_scorecard_save (AttainDb *db, AttainScorecard *card, GError **error);
gint64           attain_scorecard_save_over (AttainDb        *db,
                                             AttainScorecard *card,
                                             gint64           expected_id,
                                             GError         **error);
/* The version in use for a position (0: every position without its own), or NULL. */
AttainScorecard *attain_scorecard_current (AttainDb *db, gint64 position_id, GError **error);
AttainScorecard *attain_scorecard_load (AttainDb *db, gint64 id, GError **error);
AttainScorecard *attain_scorecard_for_person (AttainDb           *db,
                                              gint64              person_id,
                                              const AttainPeriod *period,
                                              GError            **error);
double
attain_composite (const double *scores, const int *weights, guint n_parts, int *weight_present);
const char *attain_rating_for (AttainDb *db, double composite);
int         attain_parse_weight (const char *text, GError **error);
/* "120", "0.75", "80%": a decimal with at most two places as hundredths, or -1 when it is not
 * one or exceeds @max_hundredths. */
int attain_parse_hundredths (const char *text, int max_hundredths);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainScorecard, attain_scorecard_free)

G_END_DECLS
