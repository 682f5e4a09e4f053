-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 11: appeals (申诉) against a signed-off review. An upheld appeal reopens the review:
-- the only way past its lock besides those of migration 7, through the same audited permit
-- pattern (an audit row, a permit naming it, the change, the permit closed), and the review
-- keeps the date it was revised after the appeal.

ALTER TABLE reviews ADD COLUMN revised_after_appeal_on TEXT;

CREATE TABLE appeals (
  id           INTEGER PRIMARY KEY,
  review_id    INTEGER NOT NULL REFERENCES reviews (id),
  received_on  TEXT NOT NULL,   -- the day the employee received the report
  lodged_on    TEXT NOT NULL,
  reason       TEXT NOT NULL CHECK (length (trim (reason)) > 0),
  handler      TEXT,
  deadline     TEXT NOT NULL,
  working_days INTEGER NOT NULL DEFAULT 0 CHECK (working_days IN (0, 1)),
  outcome      TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'upheld', 'rejected')),
  outcome_note TEXT,
  decided_on   TEXT
);
CREATE INDEX appeals_review ON appeals (review_id);

-- A decided appeal is the record: nothing of it changes afterwards.
CREATE TRIGGER appeals_decided BEFORE UPDATE ON appeals
WHEN OLD.outcome <> 'open'
BEGIN
  SELECT RAISE (ABORT, 'the appeal is decided');
END;
CREATE TRIGGER appeals_kept BEFORE DELETE ON appeals
BEGIN
  SELECT RAISE (ABORT, 'appeals are kept as the record');
END;

CREATE TABLE appeal_permits (
  appeal_id INTEGER NOT NULL UNIQUE REFERENCES appeals (id),
  review_id INTEGER NOT NULL,
  audit_id  INTEGER NOT NULL UNIQUE REFERENCES audit_log (id),
  closed    INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
);
CREATE TRIGGER appeal_permits_audited BEFORE INSERT ON appeal_permits
WHEN NEW.closed <> 0
  OR NEW.audit_id IS NOT (SELECT max (id) FROM audit_log)
  OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = NEW.audit_id
                 AND a.entity = 'lock-exception' AND a.field = 'appeal'
                 AND a.entity_id IS NEW.review_id)
  OR NOT EXISTS (SELECT 1 FROM appeals WHERE id = NEW.appeal_id AND review_id = NEW.review_id
                 AND outcome = 'open')
BEGIN
  SELECT RAISE (ABORT, 'a reopening needs an open appeal and its own audit entry');
END;
CREATE TRIGGER appeal_permits_close_only BEFORE UPDATE ON appeal_permits
WHEN NOT (OLD.closed = 0 AND NEW.closed = 1 AND NEW.appeal_id IS OLD.appeal_id
          AND NEW.review_id IS OLD.review_id AND NEW.audit_id IS OLD.audit_id)
BEGIN
  SELECT RAISE (ABORT, 'a lock exception can only be closed');
END;
CREATE TRIGGER appeal_permits_kept BEFORE DELETE ON appeal_permits
BEGIN
  SELECT RAISE (ABORT, 'lock exceptions are kept as the record');
END;

-- The lock of migrations 4, 6 and 7, with the reopening of an upheld appeal: only signed_off_at
-- (cleared) and revised_after_appeal_on (set) change, under an open permit for this review.
DROP TRIGGER reviews_locked;
CREATE TRIGGER reviews_locked BEFORE UPDATE ON reviews
WHEN OLD.signed_off_at IS NOT NULL
 AND NOT (EXISTS (SELECT 1 FROM lock_permits WHERE kind = 'purge' AND person_id = OLD.person_id AND NOT closed)
          AND NEW.id IS OLD.id AND NEW.person_id IS OLD.person_id
          AND NEW.period_kind IS OLD.period_kind AND NEW.period_start IS OLD.period_start
          AND NEW.period_end IS OLD.period_end AND NEW.signed_off_at IS OLD.signed_off_at
          AND NEW.interview_on IS OLD.interview_on)
 AND NOT (EXISTS (SELECT 1 FROM appeal_permits WHERE review_id = OLD.id AND NOT closed)
          AND NEW.signed_off_at IS NULL AND NEW.revised_after_appeal_on IS NOT NULL
          AND NEW.id IS OLD.id AND NEW.person_id IS OLD.person_id
          AND NEW.period_kind IS OLD.period_kind AND NEW.period_start IS OLD.period_start
          AND NEW.period_end IS OLD.period_end AND NEW.reviewer IS OLD.reviewer
          AND NEW.interview_on IS OLD.interview_on AND NEW.self_review IS OLD.self_review
          AND NEW.strengths IS OLD.strengths AND NEW.improvements IS OLD.improvements
          AND NEW.employee_view IS OLD.employee_view AND NEW.training IS OLD.training)
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;

-- How long an employee has to appeal after receiving the report.
INSERT OR IGNORE INTO settings (key, value) VALUES ('appeal_days', '15');
