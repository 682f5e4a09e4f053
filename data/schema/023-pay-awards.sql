-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 23: a pay plan for one person (over their position's), and two more incentive
-- awards beside over-achievement: one for the period's recognised winner (quarter champion,
-- best of the month) and one for each new customer signed (new-market breakthrough), in fen.
ALTER TABLE pay_plans ADD COLUMN person_id INTEGER REFERENCES people (id) ON DELETE CASCADE;
ALTER TABLE pay_plans ADD COLUMN champion_award INTEGER NOT NULL DEFAULT 0
  CHECK (champion_award >= 0);
ALTER TABLE pay_plans ADD COLUMN new_customer_award INTEGER NOT NULL DEFAULT 0
  CHECK (new_customer_award >= 0);
CREATE INDEX pay_plans_person ON pay_plans (person_id, id) WHERE person_id IS NOT NULL;
