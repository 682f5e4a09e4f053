-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 20: each person's positions over time, and promotions proposed with the day they
-- take effect. The history starts at the hire date; a position changed by an import is recorded
-- on the day it changed, a promotion on its effective day (written before the change, so the
-- trigger sees it is recorded already).
-- The key's columns come first: SQLite 3.40's integrity_check misreads a WITHOUT ROWID table's
-- NOT NULL column that sits between its key columns.
CREATE TABLE person_positions (
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  from_date   TEXT NOT NULL,
  position_id INTEGER NOT NULL REFERENCES positions (id),
  PRIMARY KEY (person_id, from_date)
) WITHOUT ROWID;
INSERT INTO person_positions (person_id, position_id, from_date)
  SELECT id, position_id, hired_on FROM people;
CREATE TRIGGER people_position_history_insert AFTER INSERT ON people
BEGIN
  INSERT OR IGNORE INTO person_positions (person_id, position_id, from_date)
    VALUES (NEW.id, NEW.position_id, NEW.hired_on);
END;
CREATE TRIGGER people_position_history_update AFTER UPDATE OF position_id ON people
WHEN NEW.position_id IS NOT OLD.position_id
 AND NOT EXISTS (SELECT 1 FROM person_positions h WHERE h.person_id = NEW.id
                 AND h.position_id = NEW.position_id
                 AND h.from_date = (SELECT max (from_date) FROM person_positions
                                    WHERE person_id = NEW.id))
BEGIN
  INSERT OR REPLACE INTO person_positions (person_id, position_id, from_date)
    VALUES (NEW.id, NEW.position_id, date ('now'));
END;

CREATE TABLE promotions (
  id               INTEGER PRIMARY KEY,
  person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  from_position_id INTEGER NOT NULL REFERENCES positions (id),
  to_position_id   INTEGER NOT NULL REFERENCES positions (id),
  effective_on     TEXT NOT NULL,
  reason           TEXT,
  proposed_by      TEXT NOT NULL,
  proposed_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  applied_on       TEXT
);
CREATE INDEX promotions_pending ON promotions (effective_on) WHERE applied_on IS NULL;
