-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 10: 360-degree feedback with real anonymity. Each assigned rater has a response code;
-- an answer marks its code as used. Answers wait in feedback_pending, keyed by a random key (no
-- rowid, no time, nothing of the rater), and move to feedback_answers in one shuffled batch when
-- the collection closes, with secure_delete on, so that neither the rows nor the freed pages
-- keep the order or the moment they came in. Results are read only from a closed collection.

CREATE TABLE feedback_collections (
  cycle_id  INTEGER PRIMARY KEY REFERENCES review_cycles (id),
  state     TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  reopened  INTEGER NOT NULL DEFAULT 0 -- times a late answer reopened it
);

-- Who is asked, for whom, with which code: what the progress view counts ("peers: 3 of 4") and
-- names ("not yet answered"); it never says what anyone answered.
CREATE TABLE feedback_raters (
  code       TEXT PRIMARY KEY,
  cycle_id   INTEGER NOT NULL REFERENCES review_cycles (id),
  person_id  INTEGER NOT NULL REFERENCES people (id), -- the person rated
  rater_type TEXT NOT NULL CHECK (rater_type IN ('superior', 'peer', 'subordinate', 'customer',
                                                 'self')),
  rater_name TEXT NOT NULL,
  used       INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX feedback_raters_person ON feedback_raters (cycle_id, person_id);

-- scores: the 1-5 answer of each question, as JSON {"sales_1": 4, ...}.
CREATE TABLE feedback_pending (
  shuffle_key   BLOB PRIMARY KEY,
  cycle_id      INTEGER NOT NULL,
  person_id     INTEGER NOT NULL,
  rater_type    TEXT NOT NULL,
  scores        TEXT NOT NULL,
  comment       TEXT,
  customer_name TEXT
) WITHOUT ROWID;

CREATE TABLE feedback_answers (
  shuffle_key   BLOB PRIMARY KEY,
  cycle_id      INTEGER NOT NULL,
  person_id     INTEGER NOT NULL,
  rater_type    TEXT NOT NULL,
  scores        TEXT NOT NULL,
  comment       TEXT,
  customer_name TEXT
) WITHOUT ROWID;
CREATE INDEX feedback_answers_person ON feedback_answers (cycle_id, person_id, rater_type);

-- Smallest peer or subordinate group shown (never below 3), and the weight of each rater type in
-- the 360 score, in basis points (self is shown beside the others, not weighed).
INSERT OR IGNORE INTO settings (key, value) VALUES
  ('feedback_min_group', '3'),
  ('feedback_weight_superior', '4000'), ('feedback_weight_peer', '2500'),
  ('feedback_weight_subordinate', '1500'), ('feedback_weight_customer', '2000'),
  ('feedback_weight_self', '0');
