-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 4: the one-on-one review (绩效面谈): one per person and period, its notes, its
-- improvement plan, and the goals agreed for the next period.

CREATE TABLE reviews (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES people (id),
  period_kind    TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
  period_start   TEXT NOT NULL,
  period_end     TEXT NOT NULL,
  reviewer       TEXT,
  interview_on   TEXT,
  self_review    TEXT,
  strengths      TEXT,
  improvements   TEXT,
  employee_view  TEXT,
  training       TEXT,
  signed_off_at  TEXT,
  updated_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (person_id, period_start, period_end)
);

CREATE TABLE review_milestones (
  id        INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  what      TEXT NOT NULL,
  due_on    TEXT,
  measure   TEXT,
  status    TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'missed'))
);
CREATE INDEX review_milestones_review ON review_milestones (review_id, position);

-- Goals agreed in the interview for the next period live in the goal tree; this says where
-- they came from.
ALTER TABLE goals ADD COLUMN review_id INTEGER REFERENCES reviews (id);

-- A signed-off review is locked: the database itself refuses changes, whatever writes.
CREATE TRIGGER reviews_locked BEFORE UPDATE ON reviews
WHEN OLD.signed_off_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;
CREATE TRIGGER review_milestones_locked_insert BEFORE INSERT ON review_milestones
WHEN (SELECT signed_off_at FROM reviews WHERE id = NEW.review_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;
CREATE TRIGGER review_milestones_locked_update BEFORE UPDATE ON review_milestones
WHEN (SELECT signed_off_at FROM reviews WHERE id = OLD.review_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;
CREATE TRIGGER review_milestones_locked_delete BEFORE DELETE ON review_milestones
WHEN (SELECT signed_off_at FROM reviews WHERE id = OLD.review_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;
