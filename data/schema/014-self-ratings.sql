-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 14: the salesperson's own ratings of their capabilities (述职 self-assessment), kept
-- beside the supervisor's (goals.rating) for the same review. Locked with the review.

CREATE TABLE self_ratings (
  review_id INTEGER NOT NULL REFERENCES reviews (id),
  metric    TEXT NOT NULL,
  rating    INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  PRIMARY KEY (review_id, metric)
) WITHOUT ROWID;

CREATE TRIGGER self_ratings_locked_insert BEFORE INSERT ON self_ratings
WHEN (SELECT signed_off_at FROM reviews WHERE id = NEW.review_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;
CREATE TRIGGER self_ratings_locked_update BEFORE UPDATE ON self_ratings
WHEN (SELECT signed_off_at FROM reviews WHERE id = OLD.review_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;
CREATE TRIGGER self_ratings_locked_delete BEFORE DELETE ON self_ratings
WHEN (SELECT signed_off_at FROM reviews WHERE id = OLD.review_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'review is signed off');
END;
