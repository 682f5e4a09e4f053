-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 2: built-in defaults every company starts from. Keys let the UI translate the
-- built-in names; a director may rename or add rows later.

ALTER TABLE positions ADD COLUMN key TEXT;
CREATE UNIQUE INDEX positions_key ON positions (key);

INSERT INTO settings (key, value) VALUES
  ('fiscal_year_start_month', '1'),
  ('currency', 'CNY'),
  ('tier_weight_a', '3'),
  ('tier_weight_b', '2'),
  ('tier_weight_c', '1'),
  ('pace_tolerance_percent', '5');

INSERT INTO positions (rank, key, name) VALUES
  (1, 'sales_rep', '销售代表'),
  (2, 'senior_sales_rep', '高级销售代表'),
  (3, 'team_lead', '销售组长'),
  (4, 'sales_manager', '销售经理'),
  (5, 'senior_sales_manager', '高级销售经理');

INSERT INTO stages (position, key, name, probability) VALUES
  (1, 'lead', '线索', 10),
  (2, 'qualified', '需求确认', 25),
  (3, 'proposal', '方案报价', 50),
  (4, 'negotiation', '商务谈判', 75),
  (5, 'won', '赢单', 100);
