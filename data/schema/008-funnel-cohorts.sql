-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 8: funnel conversion by cohort. Comparing the deals that entered two stages within
-- one period read as "116.7%" from quotation to negotiation; a stage's conversion is now the
-- share of the deals that entered it in the period that went on to any later stage by the
-- period's end. Each row: of the deals of a scope that entered stage_position in month, how
-- many first reached a later stage in to_month (advanced_count) and how many reached the won
-- stage in to_month (won_count). The rollup rebuild fills it (run with this migration).

CREATE TABLE month_funnel_cohort (
  scope_kind     INTEGER NOT NULL CHECK (scope_kind IN (0, 1)),
  scope_id       INTEGER NOT NULL,
  month          INTEGER NOT NULL,
  stage_position INTEGER NOT NULL,
  to_month       INTEGER NOT NULL,
  advanced_count INTEGER NOT NULL DEFAULT 0,
  won_count      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scope_kind, scope_id, month, stage_position, to_month)
) WITHOUT ROWID;

-- A running period is compared with exactly the same days of last year's month (and of the
-- period before), read from the raw rows of those days: by person and date, and covering what
-- the month sums take from each row, so the reading never leaves the index.
DROP INDEX deals_owner;
CREATE INDEX deals_owner ON deals (owner_id, closed_on, status, amount, gross_profit, created_on,
                                   new_customer);
DROP INDEX collections_owner;
CREATE INDEX collections_owner ON collections (owner_id, collected_on, collected_amount);
DROP INDEX activities_owner;
CREATE INDEX activities_owner ON activities (owner_id, happened_on, kind, tier);
DROP INDEX feedback_owner;
CREATE INDEX feedback_owner ON feedback (owner_id, given_on, kind, score, scale_max, recommend,
                                         resolved_on);
DROP INDEX deal_reversals_owner;
CREATE INDEX deal_reversals_owner ON deal_reversals (owner_id, reversed_on);
DROP INDEX refunds_owner;
CREATE INDEX refunds_owner ON refunds (owner_id, refunded_on);
CREATE INDEX deal_stage_history_day ON deal_stage_history (stage_id, entered_on);
