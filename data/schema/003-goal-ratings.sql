-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 3: capability goals (product knowledge, negotiation) are rated 1-5, not counted;
-- and an index for loading a whole goal tree.
ALTER TABLE goals ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);

-- The goal tree reads every goal of one metric and period at once.
CREATE INDEX goals_metric_period ON goals (metric, period_start, period_end);
