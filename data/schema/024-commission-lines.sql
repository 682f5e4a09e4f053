-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 24: commission per product line. A plan may give product lines tiers of their own
-- as JSON {"line": [[from basis points, rate basis points], ...], ...}; a line's share of the
-- base earns its tiers' rate at the person's attainment, the rest the plan's tiers.
ALTER TABLE pay_plans ADD COLUMN commission_lines TEXT NOT NULL DEFAULT '{}';
