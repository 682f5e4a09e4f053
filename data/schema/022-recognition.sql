-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 22: the history of recognitions. Once a month or quarter is over, its best
-- salesperson (月度最佳) or champion (季度销售冠军) by the rule of the day is recorded for the
-- unit: who, on which metric, with what figure and attainment, and the rule in words. A record
-- is history: it cannot be changed or removed, and a period has one per unit.
CREATE TABLE recognitions (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES org_units (id),
  period_kind  TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter')),
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  person_id    INTEGER NOT NULL REFERENCES people (id),
  person_name  TEXT NOT NULL,
  title        TEXT NOT NULL,
  metric       TEXT NOT NULL,
  value        REAL NOT NULL,
  attainment   REAL NOT NULL,
  rule         TEXT NOT NULL,
  recorded_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  recorded_by  TEXT NOT NULL,
  UNIQUE (unit_id, period_start, period_end)
);
CREATE INDEX recognitions_person ON recognitions (person_id);
CREATE TRIGGER recognitions_locked_update BEFORE UPDATE ON recognitions
BEGIN
  SELECT RAISE (ABORT, 'a recorded recognition is history and cannot be changed');
END;
CREATE TRIGGER recognitions_locked_delete BEFORE DELETE ON recognitions
BEGIN
  SELECT RAISE (ABORT, 'a recorded recognition is history and cannot be changed');
END;
