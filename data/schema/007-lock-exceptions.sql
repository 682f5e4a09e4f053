-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 7: the two sanctioned ways past the lock on a signed-off review, each allowed only
-- inside the model's own audited transaction:
--   milestone-status  a milestone's status is followed up after the meeting (nothing else of the
--                     plan changes);
--   purge             a leaver's personal data is erased after its retention period (personal
--                     information protection law): names, review text and what the audit log and
--                     import history hold of them.
-- A permit names the audit row written for it just before, for what it permits, and each audit
-- row serves one permit only: every use leaves its own trace in the append-only audit log. The
-- model closes the permit before it commits; closed permits stay as the record and permit nothing.

CREATE TABLE lock_permits (
  kind      TEXT NOT NULL CHECK (kind IN ('milestone-status', 'purge')),
  review_id INTEGER,
  person_id INTEGER,
  audit_id  INTEGER NOT NULL UNIQUE REFERENCES audit_log (id),
  closed    INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
);

CREATE TRIGGER lock_permits_audited BEFORE INSERT ON lock_permits
WHEN NEW.closed <> 0
  OR NEW.audit_id IS NOT (SELECT max (id) FROM audit_log)
  OR NOT EXISTS (SELECT 1 FROM audit_log a
                 WHERE a.id = NEW.audit_id AND a.entity = 'lock-exception'
                   AND ((NEW.kind = 'milestone-status' AND a.field = 'milestone_status'
                         AND a.entity_id IS NEW.review_id)
                        OR (NEW.kind = 'purge' AND a.field = 'personal_data'
                            AND a.entity_id IS NEW.person_id)))
BEGIN
  SELECT RAISE (ABORT, 'a lock exception needs its own audit entry');
END;

CREATE TRIGGER lock_permits_close_only BEFORE UPDATE ON lock_permits
WHEN NOT (OLD.closed = 0 AND NEW.closed = 1 AND NEW.kind IS OLD.kind AND NEW.review_id IS OLD.review_id
          AND NEW.person_id IS OLD.person_id AND NEW.audit_id IS OLD.audit_id)
BEGIN
  SELECT RAISE (ABORT, 'a lock exception can only be closed');
END;

CREATE TRIGGER lock_permits_kept BEFORE DELETE ON lock_permits
BEGIN
  SELECT RAISE (ABORT, 'lock exceptions are kept as the record');
END;

DROP TRIGGER reviews_locked;
CREATE TRIGGER reviews_locked BEFORE UPDATE ON reviews
WHEN OLD.signed_off_at IS NOT NULL
 AND NOT (EXISTS (SELECT 1 FROM lock_permits WHERE kind = 'purge' AND person_id = OLD.person_id AND NOT closed)
          AND NEW.id IS OLD.id AND NEW.person_id IS OLD.person_id
          AND NEW.period_kind IS OLD.period_kind AND NEW.period_start IS OLD.period_start
          AND NEW.period_end IS OLD.period_end AND NEW.signed_off_at IS OLD.signed_off_at
          AND NEW.interview_on IS OLD.interview_on)
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;

DROP TRIGGER review_milestones_locked_update;
CREATE TRIGGER review_milestones_locked_update BEFORE UPDATE ON review_milestones
WHEN (SELECT signed_off_at FROM reviews WHERE id = OLD.review_id) IS NOT NULL
 AND NOT (NEW.id IS OLD.id AND NEW.review_id IS OLD.review_id AND NEW.position IS OLD.position
          AND ((EXISTS (SELECT 1 FROM lock_permits
                        WHERE kind = 'milestone-status' AND review_id = OLD.review_id AND NOT closed)
                AND NEW.what IS OLD.what AND NEW.due_on IS OLD.due_on
                AND NEW.measure IS OLD.measure)
               OR (EXISTS (SELECT 1 FROM lock_permits p JOIN reviews r ON r.person_id = p.person_id
                           WHERE p.kind = 'purge' AND NOT p.closed AND r.id = OLD.review_id)
                   AND NEW.status IS OLD.status AND NEW.due_on IS OLD.due_on)))
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;

-- Only what a purge erases: the recorded values, never who, when or what was done.
DROP TRIGGER audit_log_append_only_update;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
WHEN NOT (EXISTS (SELECT 1 FROM lock_permits WHERE kind = 'purge' AND NOT closed)
          AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
          AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
          AND NEW.field IS OLD.field AND NEW.reason IS OLD.reason)
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

-- How long a leaver's personal data is kept before it may be erased, in months.
INSERT OR IGNORE INTO settings (key, value) VALUES ('retention_months', '24');
