-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 5: a real organisation comes in from files (CRM and HR exports) and by hand.
-- Records carry the source and the id they have there, so that importing a newer export
-- updates them instead of adding them twice.

ALTER TABLE people ADD COLUMN employee_no TEXT;
ALTER TABLE people ADD COLUMN manager_id INTEGER REFERENCES people (id);
ALTER TABLE people ADD COLUMN left_on TEXT;
CREATE UNIQUE INDEX people_employee_no ON people (employee_no) WHERE employee_no IS NOT NULL;
CREATE INDEX people_name ON people (name);
CREATE INDEX customers_name ON customers (name);
CREATE INDEX org_units_name ON org_units (name);
-- A team that moved under another region continues as a new team there; the old one keeps its
-- history and is closed from that month (the last month it counts in).
ALTER TABLE org_units ADD COLUMN closed_month INTEGER;

ALTER TABLE deals ADD COLUMN title TEXT;
ALTER TABLE deals ADD COLUMN source TEXT;
ALTER TABLE deals ADD COLUMN external_id TEXT;
ALTER TABLE deals ADD COLUMN import_id INTEGER;
CREATE UNIQUE INDEX deals_external ON deals (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX deals_customer ON deals (customer_id);

ALTER TABLE collections ADD COLUMN source TEXT;
ALTER TABLE collections ADD COLUMN external_id TEXT;
ALTER TABLE collections ADD COLUMN import_id INTEGER;
CREATE UNIQUE INDEX collections_external ON collections (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX collections_owner ON collections (owner_id);

ALTER TABLE activities ADD COLUMN source TEXT;
ALTER TABLE activities ADD COLUMN external_id TEXT;
ALTER TABLE activities ADD COLUMN import_id INTEGER;
CREATE UNIQUE INDEX activities_external ON activities (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX activities_owner ON activities (owner_id);

ALTER TABLE feedback ADD COLUMN source TEXT;
ALTER TABLE feedback ADD COLUMN external_id TEXT;
ALTER TABLE feedback ADD COLUMN import_id INTEGER;
CREATE UNIQUE INDEX feedback_external ON feedback (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX feedback_owner ON feedback (owner_id);

-- Rows an import added carry its id (import_id above), so that undoing it is one DELETE per
-- table; goals too.
ALTER TABLE goals ADD COLUMN import_id INTEGER;
CREATE INDEX deals_import ON deals (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX collections_import ON collections (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX activities_import ON activities (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX feedback_import ON feedback (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX goals_import ON goals (import_id) WHERE import_id IS NOT NULL;

-- One row per import: what came in, from which file (its SHA-256), and what it did.
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  source      TEXT NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  added       INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  undone_at   TEXT
);

-- What else an import changed, so that it can be undone as a whole: before is the row as it
-- was (JSON), NULL for a customer, person, unit or position the import added.
CREATE TABLE import_changes (
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  before    TEXT
);
CREATE INDEX import_changes_import ON import_changes (import_id);

-- Mappings saved by name in the import's mapping step.
CREATE TABLE import_presets (
  name    TEXT PRIMARY KEY,
  kind    TEXT NOT NULL,
  mapping TEXT NOT NULL
);

-- Team membership with dates: results count for the team a person was in that month, so a
-- person who moves keeps their history where it was earned. Months are year * 100 + month as
-- in the rollups; the current membership runs to 999912. Every new person starts in their team
-- for all of history.
CREATE TABLE person_units (
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  unit_id    INTEGER NOT NULL REFERENCES org_units (id),
  from_month INTEGER NOT NULL,
  to_month   INTEGER NOT NULL,
  PRIMARY KEY (person_id, from_month),
  CHECK (from_month <= to_month)
) WITHOUT ROWID;
CREATE INDEX person_units_unit ON person_units (unit_id, from_month);
INSERT INTO person_units (person_id, unit_id, from_month, to_month)
  SELECT id, unit_id, 0, 999912 FROM people;
CREATE TRIGGER people_membership AFTER INSERT ON people
BEGIN
  INSERT INTO person_units (person_id, unit_id, from_month, to_month) VALUES (NEW.id, NEW.unit_id, 0, 999912);
END;

-- Reversals are dated rows, never edits of history: a won deal that a later export calls lost
-- keeps its win in the month it was won and gets a reversal in the month it was reversed; a
-- refund is its own row in the month the money went back. A signed-off review's period keeps
-- its figures.
ALTER TABLE deals ADD COLUMN reversed_on TEXT;
CREATE TABLE deal_reversals (
  id           INTEGER PRIMARY KEY,
  deal_id      INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  owner_id     INTEGER NOT NULL REFERENCES people (id),
  amount       INTEGER NOT NULL,
  gross_profit INTEGER NOT NULL DEFAULT 0,
  reversed_on  TEXT NOT NULL,
  import_id    INTEGER
);
CREATE INDEX deal_reversals_owner ON deal_reversals (owner_id);
CREATE INDEX deal_reversals_deal ON deal_reversals (deal_id);
CREATE TABLE refunds (
  id          INTEGER PRIMARY KEY,
  owner_id    INTEGER NOT NULL REFERENCES people (id),
  deal_id     INTEGER REFERENCES deals (id) ON DELETE SET NULL,
  amount      INTEGER NOT NULL CHECK (amount > 0),
  refunded_on TEXT NOT NULL,
  source      TEXT,
  external_id TEXT,
  import_id   INTEGER
);
CREATE UNIQUE INDEX refunds_external ON refunds (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX refunds_owner ON refunds (owner_id);
