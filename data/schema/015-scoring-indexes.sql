-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 15: scoring a review cycle reads each member's goals covering the period and their
-- monthly goals of its months. goals_person leads with period_kind, so a person's goals were
-- scanned whole; month_goals' key leads with the metric, so every month of every metric was.
-- Measured on 2,000 people (bench-scores): 359 → 259 ms.
CREATE INDEX goals_person_end ON goals (owner_person_id, period_end);
CREATE INDEX month_goals_scope_month ON month_goals (scope_kind, scope_id, month, metric, target);
