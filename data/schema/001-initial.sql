-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 1: the whole first schema. Money is integer minor units (fen); dates are ISO 8601 text.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE positions (
  id   INTEGER PRIMARY KEY,
  rank INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE org_units (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES org_units (id),
  kind      TEXT NOT NULL CHECK (kind IN ('company', 'region', 'product_line', 'team')),
  name      TEXT NOT NULL,
  CHECK ((kind = 'company') = (parent_id IS NULL))
);
CREATE INDEX org_units_parent ON org_units (parent_id);

-- Every (ancestor, descendant) pair including (u, u) at depth 0, so that "everything under this
-- unit" is one indexed join instead of a recursive walk on every dashboard refresh.
CREATE TABLE org_closure (
  ancestor_id   INTEGER NOT NULL REFERENCES org_units (id) ON DELETE CASCADE,
  descendant_id INTEGER NOT NULL REFERENCES org_units (id) ON DELETE CASCADE,
  depth         INTEGER NOT NULL,
  PRIMARY KEY (ancestor_id, descendant_id)
) WITHOUT ROWID;
CREATE INDEX org_closure_descendant ON org_closure (descendant_id, depth);

CREATE TRIGGER org_units_closure_insert AFTER INSERT ON org_units
BEGIN
  INSERT INTO org_closure (ancestor_id, descendant_id, depth)
    SELECT ancestor_id, NEW.id, depth + 1 FROM org_closure WHERE descendant_id = NEW.parent_id
    UNION ALL SELECT NEW.id, NEW.id, 0;
END;

CREATE TRIGGER org_units_closure_move AFTER UPDATE OF parent_id ON org_units
WHEN OLD.parent_id IS NOT NEW.parent_id
BEGIN
  DELETE FROM org_closure
   WHERE descendant_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = NEW.id)
     AND ancestor_id NOT IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = NEW.id);
  INSERT INTO org_closure (ancestor_id, descendant_id, depth)
    SELECT a.ancestor_id, d.descendant_id, a.depth + d.depth + 1
      FROM org_closure a, org_closure d
     WHERE a.descendant_id = NEW.parent_id AND d.ancestor_id = NEW.id;
END;

CREATE TABLE people (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES org_units (id),
  position_id INTEGER NOT NULL REFERENCES positions (id),
  name        TEXT NOT NULL,
  hired_on    TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_unit ON people (unit_id);

CREATE TABLE customers (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL,
  tier    TEXT NOT NULL CHECK (tier IN ('A', 'B', 'C')),
  unit_id INTEGER REFERENCES org_units (id)
);

-- Built-in stages carry a key so their names follow the UI language; custom stages use name.
CREATE TABLE stages (
  id          INTEGER PRIMARY KEY,
  position    INTEGER NOT NULL UNIQUE,
  key         TEXT UNIQUE,
  name        TEXT NOT NULL,
  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100)
);

CREATE TABLE deals (
  id               INTEGER PRIMARY KEY,
  owner_id         INTEGER NOT NULL REFERENCES people (id),
  customer_id      INTEGER NOT NULL REFERENCES customers (id),
  product_line     TEXT,
  stage_id         INTEGER NOT NULL REFERENCES stages (id),
  status           TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
  amount           INTEGER NOT NULL CHECK (amount >= 0),
  gross_profit     INTEGER NOT NULL DEFAULT 0,
  currency         TEXT NOT NULL DEFAULT 'CNY',
  new_customer     INTEGER NOT NULL DEFAULT 0,
  created_on       TEXT NOT NULL,
  expected_close   TEXT,
  closed_on        TEXT,
  CHECK ((status = 'open') = (closed_on IS NULL))
);
CREATE INDEX deals_owner ON deals (owner_id);

CREATE TABLE deal_stage_history (
  deal_id    INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  stage_id   INTEGER NOT NULL REFERENCES stages (id),
  entered_on TEXT NOT NULL,
  PRIMARY KEY (deal_id, stage_id)
) WITHOUT ROWID;

CREATE TABLE collections (
  id               INTEGER PRIMARY KEY,
  deal_id          INTEGER REFERENCES deals (id) ON DELETE SET NULL,
  owner_id         INTEGER NOT NULL REFERENCES people (id),
  invoice_amount   INTEGER NOT NULL CHECK (invoice_amount >= 0),
  collected_amount INTEGER NOT NULL DEFAULT 0 CHECK (collected_amount >= 0),
  invoiced_on      TEXT NOT NULL,
  collected_on     TEXT
);

CREATE TABLE activities (
  id          INTEGER PRIMARY KEY,
  owner_id    INTEGER NOT NULL REFERENCES people (id),
  customer_id INTEGER REFERENCES customers (id),
  kind        TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'email', 'demo')),
  tier        TEXT NOT NULL CHECK (tier IN ('A', 'B', 'C')),
  happened_on TEXT NOT NULL
);

CREATE TABLE feedback (
  id          INTEGER PRIMARY KEY,
  owner_id    INTEGER NOT NULL REFERENCES people (id),
  customer_id INTEGER REFERENCES customers (id),
  kind        TEXT NOT NULL CHECK (kind IN ('survey', 'complaint')),
  score       INTEGER,
  scale_max   INTEGER CHECK (scale_max IN (5, 10)),
  recommend   INTEGER CHECK (recommend BETWEEN 0 AND 10),
  given_on    TEXT NOT NULL,
  resolved_on TEXT
);

-- month is year * 100 + month, as in the rollups.
CREATE TABLE market_size (
  unit_id INTEGER NOT NULL REFERENCES org_units (id),
  month   INTEGER NOT NULL,
  amount  INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;

-- Targets use the metric's own scale: money in minor units, counts as counts, rates in basis
-- points (10000 = 100%), NPS in hundredths of a point. Weight in basis points of 100%.
CREATE TABLE goals (
  id              INTEGER PRIMARY KEY,
  parent_id       INTEGER REFERENCES goals (id) ON DELETE CASCADE,
  owner_unit_id   INTEGER REFERENCES org_units (id),
  owner_person_id INTEGER REFERENCES people (id),
  metric          TEXT NOT NULL,
  type            TEXT NOT NULL CHECK (type IN ('result', 'process', 'capability')),
  target          INTEGER,
  unit            TEXT,
  period_kind     TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year', 'custom')),
  period_start    TEXT NOT NULL,
  period_end      TEXT NOT NULL,
  deadline        TEXT,
  weight          INTEGER NOT NULL DEFAULT 0,
  lower_is_better INTEGER NOT NULL DEFAULT 0,
  description     TEXT,
  proposed_by     TEXT,
  agreed_on       TEXT,
  CHECK ((owner_unit_id IS NULL) <> (owner_person_id IS NULL))
);
CREATE INDEX goals_person ON goals (owner_person_id, period_kind, period_start);
CREATE INDEX goals_unit ON goals (owner_unit_id, period_start);
CREATE INDEX goals_parent ON goals (parent_id);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  field     TEXT,
  old_value TEXT,
  new_value TEXT,
  reason    TEXT
);

-- Rollups the write paths keep (attain_rollup_rebuild); dashboards read these, never the raw
-- tables. Each row is about one scope: scope_kind 0 is an org unit (with everything under it),
-- 1 a person, so one query serves both. month is year * 100 + month.
CREATE TABLE month_stats (
  scope_kind          INTEGER NOT NULL CHECK (scope_kind IN (0, 1)),
  scope_id            INTEGER NOT NULL,
  month               INTEGER NOT NULL,
  won_amount          INTEGER NOT NULL DEFAULT 0,
  won_gross_profit    INTEGER NOT NULL DEFAULT 0,
  won_count           INTEGER NOT NULL DEFAULT 0,
  won_cycle_days      INTEGER NOT NULL DEFAULT 0,
  new_customers       INTEGER NOT NULL DEFAULT 0,
  collected           INTEGER NOT NULL DEFAULT 0,
  activities          INTEGER NOT NULL DEFAULT 0,
  visits              INTEGER NOT NULL DEFAULT 0,
  weighted_visits     INTEGER NOT NULL DEFAULT 0,
  surveys             INTEGER NOT NULL DEFAULT 0,
  satisfaction_sum    REAL NOT NULL DEFAULT 0,
  satisfaction_top    INTEGER NOT NULL DEFAULT 0,
  recommend_answers   INTEGER NOT NULL DEFAULT 0,
  promoters           INTEGER NOT NULL DEFAULT 0,
  detractors          INTEGER NOT NULL DEFAULT 0,
  complaints          INTEGER NOT NULL DEFAULT 0,
  complaints_resolved INTEGER NOT NULL DEFAULT 0,
  resolution_days     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scope_kind, scope_id, month)
) WITHOUT ROWID;

-- Funnel flow: deals that entered stage position k in month.
CREATE TABLE month_funnel (
  scope_kind     INTEGER NOT NULL,
  scope_id       INTEGER NOT NULL,
  month          INTEGER NOT NULL,
  stage_position INTEGER NOT NULL,
  reached_count  INTEGER NOT NULL DEFAULT 0,
  reached_amount INTEGER NOT NULL DEFAULT 0,
  days_to_reach  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scope_kind, scope_id, month, stage_position)
) WITHOUT ROWID;

-- Deals open today, by the stage they sit in.
CREATE TABLE open_pipeline (
  scope_kind      INTEGER NOT NULL,
  scope_id        INTEGER NOT NULL,
  stage_position  INTEGER NOT NULL,
  open_count      INTEGER NOT NULL DEFAULT 0,
  open_amount     INTEGER NOT NULL DEFAULT 0,
  weighted_amount REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (scope_kind, scope_id, stage_position)
) WITHOUT ROWID;

-- Monthly goals of people, summed for every unit above them.
CREATE TABLE month_goals (
  scope_kind INTEGER NOT NULL,
  scope_id   INTEGER NOT NULL,
  metric     TEXT NOT NULL,
  month      INTEGER NOT NULL,
  target     INTEGER NOT NULL,
  n_goals    INTEGER NOT NULL,  /* goals summed; the row goes when the last one does */
  PRIMARY KEY (scope_kind, scope_id, metric, month)
) WITHOUT ROWID;
