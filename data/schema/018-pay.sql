-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 18: applying the results. A pay plan per position (or one for every position
-- without its own): fixed pay and target bonus per month, in fen; the payout curve that maps the
-- composite score to a share of the target bonus, as JSON [[score hundredths, payout basis
-- points], ...]; commission tiers on a base (collections, revenue or gross profit) as JSON
-- [[from basis points of attainment, rate basis points], ...], marginal or whole-tier; an
-- over-achievement award per full 10 points of revenue attainment above 100%. Plans are
-- versioned like scorecards: a change is a new row, the newest applies.
CREATE TABLE pay_plans (
  id               INTEGER PRIMARY KEY,
  position_id      INTEGER REFERENCES positions (id), -- NULL: every position without its own
  fixed_monthly    INTEGER NOT NULL DEFAULT 0 CHECK (fixed_monthly >= 0),
  bonus_monthly    INTEGER NOT NULL DEFAULT 0 CHECK (bonus_monthly >= 0),
  curve            TEXT NOT NULL,
  commission_base  TEXT NOT NULL DEFAULT 'collections'
                   CHECK (commission_base IN ('collections', 'revenue', 'gross_profit')),
  commission_mode  TEXT NOT NULL DEFAULT 'marginal' CHECK (commission_mode IN ('marginal', 'whole')),
  commission_tiers TEXT NOT NULL DEFAULT '[[0,0]]',
  over_award       INTEGER NOT NULL DEFAULT 0 CHECK (over_award >= 0),
  awards_in_pool   INTEGER NOT NULL DEFAULT 0 CHECK (awards_in_pool IN (0, 1)),
  created_at       TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX pay_plans_position ON pay_plans (coalesce (position_id, 0), id);

-- A bonus sheet of a unit for a period: its pool (NULL: none) and, once approved, the figures
-- it was approved with. An approved sheet is locked like a signed-off review.
CREATE TABLE bonus_sheets (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES org_units (id),
  period_kind  TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  pool         INTEGER CHECK (pool IS NULL OR pool >= 0),
  approved_at  TEXT,
  approved_by  TEXT,
  figures      TEXT,
  UNIQUE (unit_id, period_start, period_end)
);
CREATE TRIGGER bonus_sheets_locked_update BEFORE UPDATE ON bonus_sheets
WHEN OLD.approved_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'an approved bonus sheet is locked');
END;
CREATE TRIGGER bonus_sheets_locked_delete BEFORE DELETE ON bonus_sheets
WHEN OLD.approved_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'an approved bonus sheet is locked');
END;
