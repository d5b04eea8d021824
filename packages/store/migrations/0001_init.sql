-- 0001: the queue: site configuration, accounts, devices, tickets, the event log, idempotency.
CREATE TABLE site (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  agency_code TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  opening_hours_json TEXT NOT NULL,
  priority_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE fields (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  hint_vi TEXT NOT NULL DEFAULT '',
  hint_en TEXT NOT NULL DEFAULT '',
  icon TEXT NOT NULL DEFAULT '',
  number_style TEXT NOT NULL CHECK (number_style IN ('prefixed', 'numeric')),
  number_prefix TEXT NOT NULL,
  range_start INTEGER NOT NULL,
  range_end INTEGER NOT NULL,
  pad INTEGER NOT NULL,
  sort_order INTEGER NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  default_service_minutes INTEGER NOT NULL DEFAULT 10
) STRICT;

CREATE TABLE officers (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('officer', 'admin')),
  password_hash TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE counters (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('receiving', 'guidance', 'result_pickup')),
  status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
  officer_id TEXT REFERENCES officers (id),
  consecutive_priority_calls INTEGER NOT NULL DEFAULT 0,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
) STRICT;

CREATE TABLE counter_fields (
  counter_id TEXT NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
  field_id TEXT NOT NULL REFERENCES fields (id),
  rank INTEGER NOT NULL,
  PRIMARY KEY (counter_id, field_id)
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  officer_id TEXT NOT NULL REFERENCES officers (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  settings_json TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  service_day TEXT NOT NULL,
  field_id TEXT NOT NULL REFERENCES fields (id),
  number_field_id TEXT NOT NULL REFERENCES fields (id),
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  priority_group TEXT,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  issued_at INTEGER NOT NULL,
  called_at INTEGER,
  serving_at INTEGER,
  finished_at INTEGER,
  counter_id TEXT REFERENCES counters (id),
  officer_id TEXT REFERENCES officers (id),
  call_count INTEGER NOT NULL DEFAULT 0,
  target_counter_id TEXT REFERENCES counters (id),
  transfer_count INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  source TEXT NOT NULL CHECK (source IN ('kiosk', 'remote', 'counter')),
  issued_by TEXT,
  UNIQUE (service_day, number_field_id, seq)
) STRICT;
CREATE INDEX tickets_day_status ON tickets (service_day, status, field_id);
CREATE INDEX tickets_counter ON tickets (counter_id, status);
CREATE INDEX tickets_field_finished ON tickets (field_id, finished_at);

-- Append-only: one row per state change, written in the same transaction as the change.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  device_id TEXT,
  counter_id TEXT,
  ticket_id TEXT,
  data_json TEXT NOT NULL
) STRICT;
CREATE INDEX events_ticket ON events (ticket_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
  SELECT RAISE (ABORT, 'events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
  SELECT RAISE (ABORT, 'events are append-only');
END;

-- First result of a repeatable command (issue ticket, call next), keyed per actor.
CREATE TABLE idempotency (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  command TEXT NOT NULL,
  result_json TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) STRICT;
