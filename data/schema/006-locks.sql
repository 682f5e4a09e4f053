-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 6: the lock on a signed-off review closes every route in the schema, and the audit
-- log is append-only. Migration 4 refused UPDATE on reviews and any change to their milestones;
-- a signed-off review could still be deleted, replaced (INSERT OR REPLACE deletes the old row
-- without firing delete triggers while recursive_triggers is off, so each BEFORE INSERT refuses
-- a row whose key belongs to a signed-off review), lose its person with foreign keys off, or
-- have the next-period goals agreed in it changed through the goal tree.

CREATE TRIGGER reviews_locked_delete BEFORE DELETE ON reviews
WHEN OLD.signed_off_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;

CREATE TRIGGER reviews_locked_replace BEFORE INSERT ON reviews
WHEN EXISTS (SELECT 1 FROM reviews
             WHERE signed_off_at IS NOT NULL
               AND (id = NEW.id OR (person_id = NEW.person_id AND period_start = NEW.period_start
                                    AND period_end = NEW.period_end)))
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;

CREATE TRIGGER review_milestones_locked_replace BEFORE INSERT ON review_milestones
WHEN EXISTS (SELECT 1 FROM review_milestones m JOIN reviews r ON r.id = m.review_id
             WHERE m.id = NEW.id AND r.signed_off_at IS NOT NULL)
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;

-- The goals agreed for the next period in a signed-off review.
CREATE TRIGGER goals_of_signed_review_update BEFORE UPDATE ON goals
WHEN OLD.review_id IS NOT NULL
 AND (SELECT signed_off_at FROM reviews WHERE id = OLD.review_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'goal agreed in a signed-off review');
END;

CREATE TRIGGER goals_of_signed_review_delete BEFORE DELETE ON goals
WHEN OLD.review_id IS NOT NULL
 AND (SELECT signed_off_at FROM reviews WHERE id = OLD.review_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'goal agreed in a signed-off review');
END;

CREATE TRIGGER goals_of_signed_review_replace BEFORE INSERT ON goals
WHEN EXISTS (SELECT 1 FROM goals g JOIN reviews r ON r.id = g.review_id
             WHERE g.id = NEW.id AND r.signed_off_at IS NOT NULL)
BEGIN
  SELECT RAISE (ABORT, 'goal agreed in a signed-off review');
END;

-- A person with a signed-off review stays (foreign keys may be off in another client).
CREATE TRIGGER people_with_signed_review_delete BEFORE DELETE ON people
WHEN EXISTS (SELECT 1 FROM reviews WHERE person_id = OLD.id AND signed_off_at IS NOT NULL)
BEGIN
  SELECT RAISE (ABORT, 'person has a signed-off review');
END;

CREATE TRIGGER people_with_signed_review_replace BEFORE INSERT ON people
WHEN EXISTS (SELECT 1 FROM reviews WHERE person_id = NEW.id AND signed_off_at IS NOT NULL)
 AND EXISTS (SELECT 1 FROM people WHERE id = NEW.id)
BEGIN
  SELECT RAISE (ABORT, 'person has a signed-off review');
END;

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
