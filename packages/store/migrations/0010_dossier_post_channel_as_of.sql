-- 0010: dossiers received by post (bưu chính), and indexes for the as-of dossier report.
--
-- 1. The channel CHECK gains 'post'. SQLite cannot change a CHECK in place, so the table is
--    rebuilt inside the migration's transaction: its rows are copied aside, the table is
--    dropped and created again with the new CHECK, and the rows are copied back (same rowids).
--    Foreign keys from dossier_history and ticket_dossiers are deferred (defer_foreign_keys):
--    the drop counts their rows as orphans and copying the parents back counts them found again,
--    so the commit sees none.
--    The indexes of 0004 and the rollup triggers of 0005 go with the old table and are
--    created again, unchanged.
-- 2. The as-of report (docs/reports.md, "Dossiers") reads dossiers, never a rollup:
--    - dossiers_report_received: dossiers received in a range, covering every column the
--      report reads, so a quarter is one index range scan; it starts with received_day, so it
--      replaces 0004's dossiers_received_day (received_day, channel): one index more, not two,
--      on every dossier write;
--    - dossiers_report_settled: dossiers by the moment they were resolved (resolved_at, else
--      returned_at; never = far future) and received day, for those carried over from before
--      the range (received before it, resolved at or after its start, or not at all); narrow,
--      as those are few: their rows are read from the table.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE dossiers_rows AS SELECT rowid AS row_id, * FROM dossiers;
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
INSERT INTO dossiers (rowid, id, code, procedure_id, field_id, channel, ticket_id, applicant_name, applicant_cccd,
    applicant_phone, applicant_birth, applicant_address, received_at, received_day, code_seq, due_date, status,
    resolved_at, returned_at, counter_id, officer_id, note, erased_at)
  SELECT row_id, id, code, procedure_id, field_id, channel, ticket_id, applicant_name, applicant_cccd,
    applicant_phone, applicant_birth, applicant_address, received_at, received_day, code_seq, due_date, status,
    resolved_at, returned_at, counter_id, officer_id, note, erased_at
  FROM dossiers_rows ORDER BY row_id;
DROP TABLE dossiers_rows;

CREATE INDEX dossiers_cccd ON dossiers (applicant_cccd);
CREATE INDEX dossiers_ticket ON dossiers (ticket_id);
CREATE INDEX dossiers_status_due ON dossiers (status, due_date);

CREATE INDEX dossiers_report_received ON dossiers (received_day, received_at, channel, field_id, procedure_id,
  counter_id, officer_id, due_date, resolved_at, returned_at);
CREATE INDEX dossiers_report_settled ON dossiers (COALESCE(resolved_at, returned_at, 9007199254740991), received_day);

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
