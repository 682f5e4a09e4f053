-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 13: what a signed-off review printed. Sign-off stores the figures of the report
-- (results, scorecard lines, charts' series, 360 means, composite, rating) in the same
-- transaction, and every reprint uses them: a later import or goal edit never changes a signed
-- report. A snapshot goes only with its review (an upheld appeal reopens it and a new sign-off
-- takes a new one; a leaver's erasure removes it under its purge permit).

CREATE TABLE review_snapshots (
  review_id INTEGER PRIMARY KEY REFERENCES reviews (id),
  taken_on  TEXT NOT NULL,
  figures   TEXT NOT NULL
);
CREATE TRIGGER review_snapshots_kept_update BEFORE UPDATE ON review_snapshots
BEGIN
  SELECT RAISE (ABORT, 'a signed-off review''s figures are kept as printed');
END;
CREATE TRIGGER review_snapshots_kept_delete BEFORE DELETE ON review_snapshots
WHEN NOT EXISTS (SELECT 1 FROM appeal_permits WHERE review_id = OLD.review_id AND NOT closed)
 AND NOT EXISTS (SELECT 1 FROM lock_permits p JOIN reviews r ON r.person_id = p.person_id
                 WHERE p.kind = 'purge' AND NOT p.closed AND r.id = OLD.review_id)
BEGIN
  SELECT RAISE (ABORT, 'a signed-off review''s figures are kept as printed');
END;
