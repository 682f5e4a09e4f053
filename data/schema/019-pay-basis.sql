-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 19: what a pay plan's curve reads. composite: the signed-off review's composite
-- score on the curve (as before); revenue: the period's revenue attainment in points on the
-- curve; rating: no curve, the rating's coefficient (绩效系数) as JSON {"S": basis points, ...}.
ALTER TABLE pay_plans ADD COLUMN curve_basis TEXT NOT NULL DEFAULT 'composite'
  CHECK (curve_basis IN ('composite', 'revenue', 'rating'));
ALTER TABLE pay_plans ADD COLUMN coefficients TEXT NOT NULL
  DEFAULT '{"S":15000,"A":12000,"B":10000,"C":6000,"D":0}';
