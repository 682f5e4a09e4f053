-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 12: calibration (校准). A rating moved in calibration keeps the band it had, the band
-- it gets, who moved it, when and why; the latest move of a person in a cycle is their rating.

CREATE TABLE calibrations (
  id         INTEGER PRIMARY KEY,
  cycle_id   INTEGER NOT NULL REFERENCES review_cycles (id),
  person_id  INTEGER NOT NULL REFERENCES people (id),
  from_band  TEXT,
  to_band    TEXT NOT NULL CHECK (to_band IN ('S', 'A', 'B', 'C', 'D')),
  reason     TEXT NOT NULL CHECK (length (trim (reason)) > 0),
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX calibrations_person ON calibrations (cycle_id, person_id, id);
CREATE TRIGGER calibrations_kept_update BEFORE UPDATE ON calibrations
BEGIN
  SELECT RAISE (ABORT, 'calibration moves are kept as the record');
END;
CREATE TRIGGER calibrations_kept_delete BEFORE DELETE ON calibrations
BEGIN
  SELECT RAISE (ABORT, 'calibration moves are kept as the record');
END;

-- The distribution guideline, in percent of the people calibrated together.
INSERT OR IGNORE INTO settings (key, value) VALUES
  ('calibration_top_max', '30'), ('calibration_bottom_min', '10');
