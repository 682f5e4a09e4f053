-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 21: training plans. A plan is a course on a topic (the need it answers: a
-- capability's metric key or a KPI topic such as "closing"), with its dates, and the people
-- who attend it, each with a status: planned, done or missed. The next review of each person
-- lists the plans and whether they were done.
CREATE TABLE training_plans (
  id         INTEGER PRIMARY KEY,
  topic      TEXT,
  course     TEXT NOT NULL CHECK (length (trim (course)) > 0),
  starts_on  TEXT NOT NULL CHECK (date (starts_on) = starts_on),
  ends_on    TEXT NOT NULL CHECK (date (ends_on) = ends_on AND ends_on >= starts_on),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE training_attendees (
  plan_id    INTEGER NOT NULL REFERENCES training_plans (id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  status     TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'missed')),
  updated_at TEXT,
  PRIMARY KEY (plan_id, person_id)
);
CREATE INDEX training_attendees_person ON training_attendees (person_id);
