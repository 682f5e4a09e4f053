-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 9: evaluation. Scorecard templates per position, versioned: a change is a new
-- version and a cycle keeps the version it started with, so no finished score moves. Weights
-- are exact basis points (75 = 0.75%) and total 100% (10000). A position without a scorecard is
-- scored on its people's goals (their weights, linear up to 120). A review cycle holds its people
-- and where each one is in the workflow.

CREATE TABLE scorecards (
  id              INTEGER PRIMARY KEY,
  position_id     INTEGER REFERENCES positions (id), -- NULL: for every position without its own
  version         INTEGER NOT NULL,
  name            TEXT NOT NULL,
  kpi_weight      INTEGER NOT NULL CHECK (kpi_weight BETWEEN 0 AND 10000),
  mbo_weight      INTEGER NOT NULL CHECK (mbo_weight BETWEEN 0 AND 10000),
  feedback_weight INTEGER NOT NULL CHECK (feedback_weight BETWEEN 0 AND 10000),
  created_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  retired         INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  CHECK (kpi_weight + mbo_weight + feedback_weight = 10000)
);
CREATE UNIQUE INDEX scorecards_version ON scorecards (coalesce (position_id, 0), version);

-- One KPI line. rule: linear (attainment × 100 up to cap), floor (0 below floor, then linear),
-- bands (0 below band_low, linear to band_high, then band_slope per point above), points
-- (100 + actual − target, for scores such as NPS). cap is in hundredths of a point (12000 = 120),
-- floor, band_low and band_high in basis points of attainment, band_slope in basis points.
CREATE TABLE scorecard_lines (
  scorecard_id INTEGER NOT NULL REFERENCES scorecards (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  metric       TEXT NOT NULL,
  weight       INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 10000),
  rule         TEXT NOT NULL CHECK (rule IN ('linear', 'floor', 'bands', 'points')),
  cap          INTEGER NOT NULL DEFAULT 12000 CHECK (cap BETWEEN 0 AND 100000),
  floor        INTEGER NOT NULL DEFAULT 0 CHECK (floor BETWEEN 0 AND 100000),
  band_low     INTEGER NOT NULL DEFAULT 8000,
  band_high    INTEGER NOT NULL DEFAULT 10000,
  band_slope   INTEGER NOT NULL DEFAULT 5000,
  PRIMARY KEY (scorecard_id, position)
) WITHOUT ROWID;

CREATE TABLE review_cycles (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  period_kind  TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  unit_id      INTEGER REFERENCES org_units (id),
  created_at   TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE cycle_members (
  cycle_id     INTEGER NOT NULL REFERENCES review_cycles (id),
  person_id    INTEGER NOT NULL REFERENCES people (id),
  scorecard_id INTEGER REFERENCES scorecards (id),
  state        TEXT NOT NULL DEFAULT 'draft'
               CHECK (state IN ('draft', 'self', 'supervisor', 'calibration', 'interview',
                                'signed')),
  PRIMARY KEY (cycle_id, person_id)
) WITHOUT ROWID;
CREATE INDEX cycle_members_person ON cycle_members (person_id);

-- A version in use by a cycle is history: it is never changed or removed.
CREATE TRIGGER scorecards_in_use_update BEFORE UPDATE ON scorecards
WHEN EXISTS (SELECT 1 FROM cycle_members WHERE scorecard_id = OLD.id)
  AND (NEW.kpi_weight, NEW.mbo_weight, NEW.feedback_weight, NEW.position_id, NEW.version)
      IS NOT (OLD.kpi_weight, OLD.mbo_weight, OLD.feedback_weight, OLD.position_id, OLD.version)
BEGIN
  SELECT RAISE (ABORT, 'scorecard version is in use');
END;
CREATE TRIGGER scorecards_in_use_delete BEFORE DELETE ON scorecards
WHEN EXISTS (SELECT 1 FROM cycle_members WHERE scorecard_id = OLD.id)
BEGIN
  SELECT RAISE (ABORT, 'scorecard version is in use');
END;
CREATE TRIGGER scorecard_lines_in_use_insert BEFORE INSERT ON scorecard_lines
WHEN EXISTS (SELECT 1 FROM cycle_members WHERE scorecard_id = NEW.scorecard_id)
BEGIN
  SELECT RAISE (ABORT, 'scorecard version is in use');
END;
CREATE TRIGGER scorecard_lines_in_use_update BEFORE UPDATE ON scorecard_lines
WHEN EXISTS (SELECT 1 FROM cycle_members WHERE scorecard_id = OLD.scorecard_id)
BEGIN
  SELECT RAISE (ABORT, 'scorecard version is in use');
END;
CREATE TRIGGER scorecard_lines_in_use_delete BEFORE DELETE ON scorecard_lines
WHEN EXISTS (SELECT 1 FROM cycle_members WHERE scorecard_id = OLD.scorecard_id)
BEGIN
  SELECT RAISE (ABORT, 'scorecard version is in use');
END;

-- The rating bands: a composite at or above a threshold (hundredths of a point) gets that band.
INSERT OR IGNORE INTO settings (key, value) VALUES
  ('rating_s', '11000'), ('rating_a', '10000'), ('rating_b', '8500'), ('rating_c', '7000');
