-- 0011: dossiers received by post, case-insensitive code look-up, and a journal that makes a
-- dossier import (new rows and updates of stored ones) all or nothing across its transactions.
--
-- 1. channel 'post' (bưu chính): SQLite cannot change a CHECK in place, so the table is rebuilt
--    (copy, drop, create, copy back) with its indexes and rollup triggers as 0004/0005 made them.
--    Foreign keys of dossier_history and ticket_dossiers are deferred meanwhile: the drop counts
--    their rows as orphans and copying the parents back counts them as resolved, so the commit
--    checks that every reference still holds. No trigger fires: the report rollups are unchanged.
-- 2. dossiers_code_nocase: codes are stored as written and compared without regard to case
--    (ASCII: codes are A-Z, 0-9 and . - _ /), the import's matching and the counter's allocation.
-- 3. import_runs: one row per dossier import; finished_at (written in the run's last
--    transaction) is its completion marker. import_run_updates keeps, for each stored dossier a
--    run updated, the values before and the history row it added, so a run that fails or a crash
--    cuts short is undone: its new dossiers deleted, its updates restored.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE dossiers_0011_copy AS SELECT * FROM dossiers;
DROP TABLE dossiers;
CREATE TABLE dossiers (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  procedure_id TEXT NOT NULL REFERENCES procedures (id),
  field_id TEXT NOT NULL REFERENCES fields (id),
  channel TEXT NOT NULL CHECK (channel IN ('counter', 'online', 'post')),
  ticket_id TEXT REFERENCES tickets (id),
  applicant_name TEXT,
  applicant_cccd TEXT,
  applicant_phone TEXT,
  applicant_birth TEXT,
  applicant_address TEXT,
  received_at INTEGER NOT NULL,
  received_day TEXT NOT NULL,
  code_seq INTEGER,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('processing', 'needs_supplement', 'rejected', 'result_ready', 'returned')),
  resolved_at INTEGER,
  returned_at INTEGER,
  counter_id TEXT REFERENCES counters (id),
  officer_id TEXT REFERENCES officers (id),
  note TEXT,
  erased_at INTEGER
) STRICT;
INSERT INTO dossiers SELECT * FROM dossiers_0011_copy;
DROP TABLE dossiers_0011_copy;
CREATE INDEX dossiers_received_day ON dossiers (received_day, channel);
CREATE INDEX dossiers_cccd ON dossiers (applicant_cccd);
CREATE INDEX dossiers_ticket ON dossiers (ticket_id);
CREATE INDEX dossiers_status_due ON dossiers (status, due_date);
CREATE INDEX dossiers_code_nocase ON dossiers (code COLLATE NOCASE);

CREATE TRIGGER dossiers_rollup_insert AFTER INSERT ON dossiers BEGIN
  INSERT INTO dossier_cohort (received_day, field_id, channel, received, resolved, resolved_on_time, rejected, returned)
    SELECT NEW.received_day, NEW.field_id, NEW.channel, 1, s.resolved,
      s.resolved AND s.at IS NOT NULL AND date(CAST(s.at AS INTEGER) / 1000 + 25200, 'unixepoch') <= NEW.due_date,
      NEW.status = 'rejected', NEW.status = 'returned'
    FROM (SELECT NEW.status IN ('result_ready', 'rejected', 'returned') AS resolved,
            COALESCE(NEW.resolved_at, NEW.returned_at) AS at) AS s
    WHERE true
    ON CONFLICT (received_day, field_id, channel) DO UPDATE SET received = received + 1,
      resolved = resolved + excluded.resolved, resolved_on_time = resolved_on_time + excluded.resolved_on_time,
      rejected = rejected + excluded.rejected, returned = returned + excluded.returned;
END;

CREATE TRIGGER dossiers_rollup_update
AFTER UPDATE OF status, resolved_at, returned_at, due_date, received_day, field_id, channel ON dossiers
WHEN OLD.status IS NOT NEW.status OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.returned_at IS NOT NEW.returned_at
  OR OLD.due_date IS NOT NEW.due_date OR OLD.received_day IS NOT NEW.received_day OR OLD.field_id IS NOT NEW.field_id
  OR OLD.channel IS NOT NEW.channel
BEGIN
  INSERT INTO dossier_cohort (received_day, field_id, channel, received, resolved, resolved_on_time, rejected, returned)
    SELECT OLD.received_day, OLD.field_id, OLD.channel, -1, -s.resolved,
      -(s.resolved AND s.at IS NOT NULL AND date(CAST(s.at AS INTEGER) / 1000 + 25200, 'unixepoch') <= OLD.due_date),
      -(OLD.status = 'rejected'), -(OLD.status = 'returned')
    FROM (SELECT OLD.status IN ('result_ready', 'rejected', 'returned') AS resolved,
            COALESCE(OLD.resolved_at, OLD.returned_at) AS at) AS s
    WHERE true
    ON CONFLICT (received_day, field_id, channel) DO UPDATE SET received = received + excluded.received,
      resolved = resolved + excluded.resolved, resolved_on_time = resolved_on_time + excluded.resolved_on_time,
      rejected = rejected + excluded.rejected, returned = returned + excluded.returned;
  INSERT INTO dossier_cohort (received_day, field_id, channel, received, resolved, resolved_on_time, rejected, returned)
    SELECT NEW.received_day, NEW.field_id, NEW.channel, 1, s.resolved,
      s.resolved AND s.at IS NOT NULL AND date(CAST(s.at AS INTEGER) / 1000 + 25200, 'unixepoch') <= NEW.due_date,
      NEW.status = 'rejected', NEW.status = 'returned'
    FROM (SELECT NEW.status IN ('result_ready', 'rejected', 'returned') AS resolved,
            COALESCE(NEW.resolved_at, NEW.returned_at) AS at) AS s
    WHERE true
    ON CONFLICT (received_day, field_id, channel) DO UPDATE SET received = received + excluded.received,
      resolved = resolved + excluded.resolved, resolved_on_time = resolved_on_time + excluded.resolved_on_time,
      rejected = rejected + excluded.rejected, returned = returned + excluded.returned;
END;

CREATE TRIGGER dossiers_rollup_delete AFTER DELETE ON dossiers BEGIN
  INSERT INTO dossier_cohort (received_day, field_id, channel, received, resolved, resolved_on_time, rejected, returned)
    SELECT OLD.received_day, OLD.field_id, OLD.channel, -1, -s.resolved,
      -(s.resolved AND s.at IS NOT NULL AND date(CAST(s.at AS INTEGER) / 1000 + 25200, 'unixepoch') <= OLD.due_date),
      -(OLD.status = 'rejected'), -(OLD.status = 'returned')
    FROM (SELECT OLD.status IN ('result_ready', 'rejected', 'returned') AS resolved,
            COALESCE(OLD.resolved_at, OLD.returned_at) AS at) AS s
    WHERE true
    ON CONFLICT (received_day, field_id, channel) DO UPDATE SET received = received + excluded.received,
      resolved = resolved + excluded.resolved, resolved_on_time = resolved_on_time + excluded.resolved_on_time,
      rejected = rejected + excluded.rejected, returned = returned + excluded.returned;
END;

CREATE TABLE import_runs (
  id TEXT PRIMARY KEY,
  started_at INTEGER NOT NULL,
  actor_id TEXT,
  finished_at INTEGER,
  created INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE import_run_updates (
  run_id TEXT NOT NULL REFERENCES import_runs (id),
  dossier_id TEXT NOT NULL REFERENCES dossiers (id),
  status TEXT NOT NULL,
  due_date TEXT NOT NULL,
  resolved_at INTEGER,
  returned_at INTEGER,
  history_id INTEGER NOT NULL,
  PRIMARY KEY (run_id, dossier_id)
) STRICT, WITHOUT ROWID;

-- Runs of the hub before 0011 (dossier ids `<run>-<seq>`, the run's `<run>-00000` written
-- last): finished if that dossier is there, otherwise unfinished, to be undone at start.
INSERT INTO import_runs (id, started_at, finished_at)
  SELECT run, 0, CASE WHEN EXISTS (SELECT 1 FROM dossiers m WHERE m.id = run || '-00000') THEN 0 END
  FROM (SELECT DISTINCT substr(id, 1, 40) AS run FROM dossiers WHERE id GLOB 'imp-*-[0-9][0-9][0-9][0-9][0-9]');
