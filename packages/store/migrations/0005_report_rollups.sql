-- 0005: report rollups. Small tables of sums per day, kept right by triggers on tickets, ratings
-- and dossiers in the same transaction as every write, so a report over a year reads a few
-- thousand rows instead of a million tickets. See docs/reports.md for what each figure means.
--
-- Conventions:
-- - The day of a ticket figure is the ticket's service_day (the day it was issued), whatever
--   the time of the change; the day of a dossier figure is its received_day.
-- - An unknown counter or officer is '' (not NULL), so the primary keys can be upsert targets.
-- - Local time is Asia/Ho_Chi_Minh = UTC+7 all year (no DST): hour = (ms / 3600000 + 7) % 24,
--   local date = date(ms / 1000 + 25200, 'unixepoch').
-- - Durations go into histogram buckets by whole minutes rounded UP, c = ceil(ms / 60000):
--   bucket c for c <= 60 (bucket 0 = no wait, bucket m = (m-1, m] minutes), then 5-minute
--   buckets 61..84 = (60, 65] .. (175, 180], then 85 = more than 180 minutes.
--   Formula: c <= 60 -> c; c <= 180 -> 60 + (c - 56) / 5; else 85 (integer division).
-- - A service time is finish − start of a done ticket finished on its own service day: a ticket
--   left open overnight and closed by the day rollover counts as served, without a service time.
-- - Figures that are a function of a ticket's current row (served, no-show, cancelled, service
--   time) are maintained as "remove the old row's share, add the new row's share", so they are
--   right whatever sequence of updates led there. Figures that are events (the first call and
--   its wait, transfers, calls) are counted when they happen, under the field/counter/officer of
--   that moment.
-- - Ratings are columns of ticket_daily (rated_<level>): same key, no second table to scan.
-- - Every day table of tickets has a month table ('YYYY-MM') kept from it by triggers on the day
--   table, so a year reads 12 month rows per group plus the days of partial edge months.

-- First time the ticket was called: called_at is cleared by a transfer, the wait is measured once.
ALTER TABLE tickets ADD COLUMN first_called_at INTEGER;
UPDATE tickets SET first_called_at = called_at WHERE called_at IS NOT NULL;

-- Ticket figures per day and field/counter/officer.
CREATE TABLE ticket_daily (
  day TEXT NOT NULL,
  field_id TEXT NOT NULL,
  counter_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  issued INTEGER NOT NULL DEFAULT 0,
  called INTEGER NOT NULL DEFAULT 0,
  served INTEGER NOT NULL DEFAULT 0,
  no_show INTEGER NOT NULL DEFAULT 0,
  cancelled INTEGER NOT NULL DEFAULT 0,
  transferred INTEGER NOT NULL DEFAULT 0,
  wait_n INTEGER NOT NULL DEFAULT 0,
  wait_sum_ms INTEGER NOT NULL DEFAULT 0,
  service_n INTEGER NOT NULL DEFAULT 0,
  service_sum_ms INTEGER NOT NULL DEFAULT 0,
  rated_very_satisfied INTEGER NOT NULL DEFAULT 0,
  rated_satisfied INTEGER NOT NULL DEFAULT 0,
  rated_neutral INTEGER NOT NULL DEFAULT 0,
  rated_unsatisfied INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, field_id, counter_id, officer_id)
) STRICT, WITHOUT ROWID;

-- The same per month ('YYYY-MM'), kept from ticket_daily by triggers: a year reads 12 months
-- plus the days of the partial months at its edges.
CREATE TABLE ticket_monthly (
  month TEXT NOT NULL,
  field_id TEXT NOT NULL,
  counter_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  issued INTEGER NOT NULL DEFAULT 0,
  called INTEGER NOT NULL DEFAULT 0,
  served INTEGER NOT NULL DEFAULT 0,
  no_show INTEGER NOT NULL DEFAULT 0,
  cancelled INTEGER NOT NULL DEFAULT 0,
  transferred INTEGER NOT NULL DEFAULT 0,
  wait_n INTEGER NOT NULL DEFAULT 0,
  wait_sum_ms INTEGER NOT NULL DEFAULT 0,
  service_n INTEGER NOT NULL DEFAULT 0,
  service_sum_ms INTEGER NOT NULL DEFAULT 0,
  rated_very_satisfied INTEGER NOT NULL DEFAULT 0,
  rated_satisfied INTEGER NOT NULL DEFAULT 0,
  rated_neutral INTEGER NOT NULL DEFAULT 0,
  rated_unsatisfied INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, field_id, counter_id, officer_id)
) STRICT, WITHOUT ROWID;

-- Histograms per day and per month (the month rows are kept from the day rows by triggers, so a
-- year reads 12 months plus the partial months at its edges). dim_id is '' for dim 'all'.
CREATE TABLE wait_hist (
  dim TEXT NOT NULL CHECK (dim IN ('all', 'field', 'counter', 'officer')),
  day TEXT NOT NULL,
  dim_id TEXT NOT NULL,
  bucket INTEGER NOT NULL CHECK (bucket BETWEEN 0 AND 85),
  n INTEGER NOT NULL,
  PRIMARY KEY (dim, day, dim_id, bucket)
) STRICT, WITHOUT ROWID;
CREATE TABLE wait_hist_monthly (
  dim TEXT NOT NULL,
  month TEXT NOT NULL,
  dim_id TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (dim, month, dim_id, bucket)
) STRICT, WITHOUT ROWID;
CREATE TABLE service_hist (
  dim TEXT NOT NULL CHECK (dim IN ('all', 'field', 'counter', 'officer')),
  day TEXT NOT NULL,
  dim_id TEXT NOT NULL,
  bucket INTEGER NOT NULL CHECK (bucket BETWEEN 0 AND 85),
  n INTEGER NOT NULL,
  PRIMARY KEY (dim, day, dim_id, bucket)
) STRICT, WITHOUT ROWID;
CREATE TABLE service_hist_monthly (
  dim TEXT NOT NULL,
  month TEXT NOT NULL,
  dim_id TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (dim, month, dim_id, bucket)
) STRICT, WITHOUT ROWID;

-- Tickets issued per local hour (0-23) under the field the number was drawn from.
CREATE TABLE arrivals_hourly (
  day TEXT NOT NULL,
  field_id TEXT NOT NULL,
  hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  n INTEGER NOT NULL,
  PRIMARY KEY (day, field_id, hour)
) STRICT, WITHOUT ROWID;
CREATE TABLE arrivals_monthly (
  month TEXT NOT NULL,
  field_id TEXT NOT NULL,
  hour INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (month, field_id, hour)
) STRICT, WITHOUT ROWID;

-- Dossiers by the day they were received, with what became of them (their current status).
CREATE TABLE dossier_cohort (
  received_day TEXT NOT NULL,
  field_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  received INTEGER NOT NULL DEFAULT 0,
  resolved INTEGER NOT NULL DEFAULT 0,
  resolved_on_time INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  returned INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (received_day, field_id, channel)
) STRICT, WITHOUT ROWID;

-- "In progress, not yet due" and "overdue" depend on today: they are counted at report time
-- from the (few) unresolved dossiers through dossiers_status_due (status, due_date) of 0004.

---------------------------------------------------------------------------------------------
-- Backfill from the rows already there (same rules as the triggers below; history that was
-- never stored is approximated: a wait under the ticket's current field/counter/officer, its
-- transfers under its current field without counter or officer, its calls as its call_count;
-- a row inserted already called, finished or transferred is counted the same way).
---------------------------------------------------------------------------------------------
INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, issued, called, served, no_show, cancelled,
    transferred, wait_n, wait_sum_ms, service_n, service_sum_ms, rated_very_satisfied, rated_satisfied, rated_neutral,
    rated_unsatisfied)
  SELECT day, field_id, counter_id, officer_id, SUM(issued), SUM(called), SUM(served), SUM(no_show), SUM(cancelled),
      SUM(transferred), SUM(wait_n), SUM(wait_sum_ms), SUM(service_n), SUM(service_sum_ms), SUM(rvs), SUM(rs), SUM(rn), SUM(ru)
  FROM (
    SELECT service_day AS day, number_field_id AS field_id, '' AS counter_id, '' AS officer_id, 1 AS issued,
        0 AS called, 0 AS served, 0 AS no_show, 0 AS cancelled, 0 AS transferred, 0 AS wait_n, 0 AS wait_sum_ms,
        0 AS service_n, 0 AS service_sum_ms, 0 AS rvs, 0 AS rs, 0 AS rn, 0 AS ru
      FROM tickets
    UNION ALL
    SELECT service_day, field_id, COALESCE(counter_id, ''), COALESCE(officer_id, ''), 0,
        CASE WHEN called_at IS NOT NULL THEN MAX(call_count, 1) ELSE 0 END,
        status = 'done', status = 'no_show', status = 'cancelled', 0,
        first_called_at IS NOT NULL, COALESCE(first_called_at - issued_at, 0),
        status = 'done' AND serving_at IS NOT NULL AND finished_at IS NOT NULL
          AND date(finished_at / 1000 + 25200, 'unixepoch') = service_day,
        CASE WHEN status = 'done' AND serving_at IS NOT NULL AND finished_at IS NOT NULL
          AND date(finished_at / 1000 + 25200, 'unixepoch') = service_day THEN finished_at - serving_at ELSE 0 END,
        0, 0, 0, 0
      FROM tickets
      WHERE called_at IS NOT NULL OR first_called_at IS NOT NULL OR status IN ('done', 'no_show', 'cancelled')
    UNION ALL
    SELECT service_day, field_id, '', '', 0, 0, 0, 0, 0, transfer_count, 0, 0, 0, 0, 0, 0, 0, 0
      FROM tickets WHERE transfer_count <> 0
    UNION ALL
    SELECT t.service_day, t.field_id, COALESCE(r.counter_id, ''), COALESCE(r.officer_id, ''), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        r.level = 'very_satisfied', r.level = 'satisfied', r.level = 'neutral', r.level = 'unsatisfied'
      FROM ratings r JOIN tickets t ON t.id = r.ticket_id
  )
  GROUP BY day, field_id, counter_id, officer_id;

INSERT INTO ticket_monthly (month, field_id, counter_id, officer_id, issued, called, served, no_show, cancelled,
    transferred, wait_n, wait_sum_ms, service_n, service_sum_ms, rated_very_satisfied, rated_satisfied, rated_neutral,
    rated_unsatisfied)
  SELECT substr(day, 1, 7), field_id, counter_id, officer_id, SUM(issued), SUM(called), SUM(served), SUM(no_show),
      SUM(cancelled), SUM(transferred), SUM(wait_n), SUM(wait_sum_ms), SUM(service_n), SUM(service_sum_ms),
      SUM(rated_very_satisfied), SUM(rated_satisfied), SUM(rated_neutral), SUM(rated_unsatisfied)
  FROM ticket_daily GROUP BY 1, 2, 3, 4;

INSERT INTO wait_hist (dim, day, dim_id, bucket, n)
  SELECT dim, day, dim_id, bucket, COUNT(*)
  FROM (
    SELECT t.service_day AS day, k.dim AS dim,
        CASE k.dim WHEN 'all' THEN '' WHEN 'field' THEN t.field_id WHEN 'counter' THEN COALESCE(t.counter_id, '')
          ELSE COALESCE(t.officer_id, '') END AS dim_id,
        CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS bucket
    FROM (SELECT *, (MAX(first_called_at - issued_at, 0) + 59999) / 60000 AS c FROM tickets
          WHERE first_called_at IS NOT NULL) AS t
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'field' UNION ALL SELECT 'counter' UNION ALL SELECT 'officer') AS k
  )
  GROUP BY dim, day, dim_id, bucket;

INSERT INTO service_hist (dim, day, dim_id, bucket, n)
  SELECT dim, day, dim_id, bucket, COUNT(*)
  FROM (
    SELECT t.service_day AS day, k.dim AS dim,
        CASE k.dim WHEN 'all' THEN '' WHEN 'field' THEN t.field_id WHEN 'counter' THEN COALESCE(t.counter_id, '')
          ELSE COALESCE(t.officer_id, '') END AS dim_id,
        CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS bucket
    FROM (SELECT *, (MAX(finished_at - serving_at, 0) + 59999) / 60000 AS c FROM tickets
          WHERE status = 'done' AND serving_at IS NOT NULL AND finished_at IS NOT NULL
          AND date(finished_at / 1000 + 25200, 'unixepoch') = service_day) AS t
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'field' UNION ALL SELECT 'counter' UNION ALL SELECT 'officer') AS k
  )
  GROUP BY dim, day, dim_id, bucket;

INSERT INTO wait_hist_monthly (dim, month, dim_id, bucket, n)
  SELECT dim, substr(day, 1, 7), dim_id, bucket, SUM(n) FROM wait_hist GROUP BY 1, 2, 3, 4;
INSERT INTO service_hist_monthly (dim, month, dim_id, bucket, n)
  SELECT dim, substr(day, 1, 7), dim_id, bucket, SUM(n) FROM service_hist GROUP BY 1, 2, 3, 4;

INSERT INTO arrivals_hourly (day, field_id, hour, n)
  SELECT service_day, number_field_id, (issued_at / 3600000 + 7) % 24, COUNT(*) FROM tickets GROUP BY 1, 2, 3;
INSERT INTO arrivals_monthly (month, field_id, hour, n)
  SELECT substr(day, 1, 7), field_id, hour, SUM(n) FROM arrivals_hourly GROUP BY 1, 2, 3;

INSERT INTO dossier_cohort (received_day, field_id, channel, received, resolved, resolved_on_time, rejected, returned)
  SELECT received_day, field_id, channel, COUNT(*),
      SUM(status IN ('result_ready', 'rejected', 'returned')),
      SUM(status IN ('result_ready', 'rejected', 'returned') AND COALESCE(resolved_at, returned_at) IS NOT NULL
          AND date(COALESCE(resolved_at, returned_at) / 1000 + 25200, 'unixepoch') <= due_date),
      SUM(status = 'rejected'), SUM(status = 'returned')
  FROM dossiers
  GROUP BY 1, 2, 3;

---------------------------------------------------------------------------------------------
-- Tickets
---------------------------------------------------------------------------------------------

-- Issued: under the field the number was drawn from, no counter, no officer; and its hour.
CREATE TRIGGER tickets_rollup_issue AFTER INSERT ON tickets BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, issued)
    VALUES (NEW.service_day, NEW.number_field_id, '', '', 1)
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET issued = issued + 1;
  INSERT INTO arrivals_hourly (day, field_id, hour, n)
    VALUES (NEW.service_day, NEW.number_field_id, (CAST(NEW.issued_at AS INTEGER) / 3600000 + 7) % 24, 1)
    ON CONFLICT (day, field_id, hour) DO UPDATE SET n = n + 1;
END;

-- The hub never changes these; if something does, the issue moves with them.
CREATE TRIGGER tickets_rollup_reissue AFTER UPDATE OF service_day, number_field_id, issued_at ON tickets
WHEN OLD.service_day IS NOT NEW.service_day OR OLD.number_field_id IS NOT NEW.number_field_id
  OR OLD.issued_at IS NOT NEW.issued_at
BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, issued)
    VALUES (OLD.service_day, OLD.number_field_id, '', '', -1), (NEW.service_day, NEW.number_field_id, '', '', 1)
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET issued = issued + excluded.issued;
  INSERT INTO arrivals_hourly (day, field_id, hour, n)
    VALUES (OLD.service_day, OLD.number_field_id, (CAST(OLD.issued_at AS INTEGER) / 3600000 + 7) % 24, -1),
      (NEW.service_day, NEW.number_field_id, (CAST(NEW.issued_at AS INTEGER) / 3600000 + 7) % 24, 1)
    ON CONFLICT (day, field_id, hour) DO UPDATE SET n = n + excluded.n;
END;

-- The first call (on insert or update): remember it, count the call and the wait under the
-- field/counter/officer of that call. A row inserted already called (an import, a restore)
-- counts its first call the same way; its first_called_at is the row's when given, else called_at.
CREATE TRIGGER tickets_rollup_first_call_insert AFTER INSERT ON tickets
WHEN COALESCE(NEW.first_called_at, NEW.called_at) IS NOT NULL
BEGIN
  UPDATE tickets SET first_called_at = NEW.called_at WHERE id = NEW.id AND NEW.first_called_at IS NULL;
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, called, wait_n, wait_sum_ms)
    VALUES (NEW.service_day, NEW.field_id, COALESCE(NEW.counter_id, ''), COALESCE(NEW.officer_id, ''),
      MAX(NEW.call_count, 1), 1, CAST(COALESCE(NEW.first_called_at, NEW.called_at) - NEW.issued_at AS INTEGER))
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET called = called + excluded.called,
      wait_n = wait_n + 1, wait_sum_ms = wait_sum_ms + excluded.wait_sum_ms;
  INSERT INTO wait_hist (dim, day, dim_id, bucket, n)
    SELECT d.dim, NEW.service_day, d.dim_id, b.bucket, 1
    FROM (SELECT CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS bucket
          FROM (SELECT (MAX(CAST(COALESCE(NEW.first_called_at, NEW.called_at) - NEW.issued_at AS INTEGER), 0) + 59999) / 60000 AS c)) AS b,
      (SELECT 'all' AS dim, '' AS dim_id UNION ALL SELECT 'field', NEW.field_id
        UNION ALL SELECT 'counter', COALESCE(NEW.counter_id, '') UNION ALL SELECT 'officer', COALESCE(NEW.officer_id, '')) AS d
    WHERE true
    ON CONFLICT (dim, day, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tickets_rollup_first_call AFTER UPDATE OF called_at ON tickets
WHEN NEW.called_at IS NOT NULL AND NEW.first_called_at IS NULL
BEGIN
  UPDATE tickets SET first_called_at = NEW.called_at WHERE id = NEW.id;
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, called, wait_n, wait_sum_ms)
    VALUES (NEW.service_day, NEW.field_id, COALESCE(NEW.counter_id, ''), COALESCE(NEW.officer_id, ''),
      1, 1, CAST(NEW.called_at - NEW.issued_at AS INTEGER))
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET called = called + 1,
      wait_n = wait_n + 1, wait_sum_ms = wait_sum_ms + excluded.wait_sum_ms;
  INSERT INTO wait_hist (dim, day, dim_id, bucket, n)
    SELECT d.dim, NEW.service_day, d.dim_id, b.bucket, 1
    FROM (SELECT CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS bucket
          FROM (SELECT (MAX(CAST(NEW.called_at - NEW.issued_at AS INTEGER), 0) + 59999) / 60000 AS c)) AS b,
      (SELECT 'all' AS dim, '' AS dim_id UNION ALL SELECT 'field', NEW.field_id
        UNION ALL SELECT 'counter', COALESCE(NEW.counter_id, '') UNION ALL SELECT 'officer', COALESCE(NEW.officer_id, '')) AS d
    WHERE true
    ON CONFLICT (dim, day, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;

-- A later call (recall, call back after a no-show, call after a transfer): one more call.
CREATE TRIGGER tickets_rollup_call AFTER UPDATE OF called_at ON tickets
WHEN NEW.called_at IS NOT NULL AND NEW.called_at IS NOT OLD.called_at AND NEW.first_called_at IS NOT NULL
BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, called)
    VALUES (NEW.service_day, NEW.field_id, COALESCE(NEW.counter_id, ''), COALESCE(NEW.officer_id, ''), 1)
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET called = called + 1;
END;

-- A transfer: counted under the field/counter/officer the ticket leaves.
CREATE TRIGGER tickets_rollup_transfer AFTER UPDATE OF transfer_count ON tickets
WHEN NEW.transfer_count IS NOT OLD.transfer_count
BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, transferred)
    VALUES (OLD.service_day, OLD.field_id, COALESCE(OLD.counter_id, ''), COALESCE(OLD.officer_id, ''),
      NEW.transfer_count - OLD.transfer_count)
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET transferred = transferred + excluded.transferred;
END;

CREATE TRIGGER tickets_rollup_transfer_insert AFTER INSERT ON tickets WHEN NEW.transfer_count <> 0 BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, transferred)
    VALUES (NEW.service_day, NEW.field_id, '', '', NEW.transfer_count)
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET transferred = transferred + excluded.transferred;
END;

-- Final states (done, no_show, cancelled) and the service time of a done ticket: a function of
-- the row, so an update removes the old row's share and adds the new one's.
CREATE TRIGGER tickets_rollup_final_leave
AFTER UPDATE OF status, field_id, counter_id, officer_id, serving_at, finished_at, service_day ON tickets
WHEN OLD.status IN ('done', 'no_show', 'cancelled') AND (OLD.status IS NOT NEW.status OR OLD.field_id IS NOT NEW.field_id
  OR OLD.counter_id IS NOT NEW.counter_id OR OLD.officer_id IS NOT NEW.officer_id OR OLD.serving_at IS NOT NEW.serving_at
  OR OLD.finished_at IS NOT NEW.finished_at OR OLD.service_day IS NOT NEW.service_day)
BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, served, no_show, cancelled, service_n, service_sum_ms)
    SELECT OLD.service_day, OLD.field_id, COALESCE(OLD.counter_id, ''), COALESCE(OLD.officer_id, ''),
      -(OLD.status = 'done'), -(OLD.status = 'no_show'), -(OLD.status = 'cancelled'), -s.timed,
      CASE WHEN s.timed THEN -CAST(OLD.finished_at - OLD.serving_at AS INTEGER) ELSE 0 END
    FROM (SELECT OLD.status = 'done' AND OLD.serving_at IS NOT NULL AND OLD.finished_at IS NOT NULL
      AND date(CAST(OLD.finished_at AS INTEGER) / 1000 + 25200, 'unixepoch') = OLD.service_day AS timed) AS s
    WHERE true
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET served = served + excluded.served,
      no_show = no_show + excluded.no_show, cancelled = cancelled + excluded.cancelled,
      service_n = service_n + excluded.service_n, service_sum_ms = service_sum_ms + excluded.service_sum_ms;
  INSERT INTO service_hist (dim, day, dim_id, bucket, n)
    SELECT d.dim, OLD.service_day, d.dim_id, b.bucket, -1
    FROM (SELECT CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS bucket
          FROM (SELECT (MAX(CAST(OLD.finished_at - OLD.serving_at AS INTEGER), 0) + 59999) / 60000 AS c)) AS b,
      (SELECT 'all' AS dim, '' AS dim_id UNION ALL SELECT 'field', OLD.field_id
        UNION ALL SELECT 'counter', COALESCE(OLD.counter_id, '') UNION ALL SELECT 'officer', COALESCE(OLD.officer_id, '')) AS d
    WHERE OLD.status = 'done' AND OLD.serving_at IS NOT NULL AND OLD.finished_at IS NOT NULL
      AND date(CAST(OLD.finished_at AS INTEGER) / 1000 + 25200, 'unixepoch') = OLD.service_day
    ON CONFLICT (dim, day, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tickets_rollup_final_enter
AFTER UPDATE OF status, field_id, counter_id, officer_id, serving_at, finished_at, service_day ON tickets
WHEN NEW.status IN ('done', 'no_show', 'cancelled') AND (OLD.status IS NOT NEW.status OR OLD.field_id IS NOT NEW.field_id
  OR OLD.counter_id IS NOT NEW.counter_id OR OLD.officer_id IS NOT NEW.officer_id OR OLD.serving_at IS NOT NEW.serving_at
  OR OLD.finished_at IS NOT NEW.finished_at OR OLD.service_day IS NOT NEW.service_day)
BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, served, no_show, cancelled, service_n, service_sum_ms)
    SELECT NEW.service_day, NEW.field_id, COALESCE(NEW.counter_id, ''), COALESCE(NEW.officer_id, ''),
      NEW.status = 'done', NEW.status = 'no_show', NEW.status = 'cancelled', s.timed,
      CASE WHEN s.timed THEN CAST(NEW.finished_at - NEW.serving_at AS INTEGER) ELSE 0 END
    FROM (SELECT NEW.status = 'done' AND NEW.serving_at IS NOT NULL AND NEW.finished_at IS NOT NULL
      AND date(CAST(NEW.finished_at AS INTEGER) / 1000 + 25200, 'unixepoch') = NEW.service_day AS timed) AS s
    WHERE true
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET served = served + excluded.served,
      no_show = no_show + excluded.no_show, cancelled = cancelled + excluded.cancelled,
      service_n = service_n + excluded.service_n, service_sum_ms = service_sum_ms + excluded.service_sum_ms;
  INSERT INTO service_hist (dim, day, dim_id, bucket, n)
    SELECT d.dim, NEW.service_day, d.dim_id, b.bucket, 1
    FROM (SELECT CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS bucket
          FROM (SELECT (MAX(CAST(NEW.finished_at - NEW.serving_at AS INTEGER), 0) + 59999) / 60000 AS c)) AS b,
      (SELECT 'all' AS dim, '' AS dim_id UNION ALL SELECT 'field', NEW.field_id
        UNION ALL SELECT 'counter', COALESCE(NEW.counter_id, '') UNION ALL SELECT 'officer', COALESCE(NEW.officer_id, '')) AS d
    WHERE NEW.status = 'done' AND NEW.serving_at IS NOT NULL AND NEW.finished_at IS NOT NULL
      AND date(CAST(NEW.finished_at AS INTEGER) / 1000 + 25200, 'unixepoch') = NEW.service_day
    ON CONFLICT (dim, day, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER tickets_rollup_final_insert AFTER INSERT ON tickets
WHEN NEW.status IN ('done', 'no_show', 'cancelled')
BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, served, no_show, cancelled, service_n, service_sum_ms)
    SELECT NEW.service_day, NEW.field_id, COALESCE(NEW.counter_id, ''), COALESCE(NEW.officer_id, ''),
      NEW.status = 'done', NEW.status = 'no_show', NEW.status = 'cancelled', s.timed,
      CASE WHEN s.timed THEN CAST(NEW.finished_at - NEW.serving_at AS INTEGER) ELSE 0 END
    FROM (SELECT NEW.status = 'done' AND NEW.serving_at IS NOT NULL AND NEW.finished_at IS NOT NULL
      AND date(CAST(NEW.finished_at AS INTEGER) / 1000 + 25200, 'unixepoch') = NEW.service_day AS timed) AS s
    WHERE true
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET served = served + excluded.served,
      no_show = no_show + excluded.no_show, cancelled = cancelled + excluded.cancelled,
      service_n = service_n + excluded.service_n, service_sum_ms = service_sum_ms + excluded.service_sum_ms;
  INSERT INTO service_hist (dim, day, dim_id, bucket, n)
    SELECT d.dim, NEW.service_day, d.dim_id, b.bucket, 1
    FROM (SELECT CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS bucket
          FROM (SELECT (MAX(CAST(NEW.finished_at - NEW.serving_at AS INTEGER), 0) + 59999) / 60000 AS c)) AS b,
      (SELECT 'all' AS dim, '' AS dim_id UNION ALL SELECT 'field', NEW.field_id
        UNION ALL SELECT 'counter', COALESCE(NEW.counter_id, '') UNION ALL SELECT 'officer', COALESCE(NEW.officer_id, '')) AS d
    WHERE NEW.status = 'done' AND NEW.serving_at IS NOT NULL AND NEW.finished_at IS NOT NULL
      AND date(CAST(NEW.finished_at AS INTEGER) / 1000 + 25200, 'unixepoch') = NEW.service_day
    ON CONFLICT (dim, day, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;

-- The hub never deletes tickets; if something does, its share goes with it (its wait and
-- transfers under its last field/counter/officer, so the day totals stay exact).
CREATE TRIGGER tickets_rollup_delete AFTER DELETE ON tickets BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, issued)
    VALUES (OLD.service_day, OLD.number_field_id, '', '', -1)
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET issued = issued - 1;
  INSERT INTO arrivals_hourly (day, field_id, hour, n)
    VALUES (OLD.service_day, OLD.number_field_id, (CAST(OLD.issued_at AS INTEGER) / 3600000 + 7) % 24, -1)
    ON CONFLICT (day, field_id, hour) DO UPDATE SET n = n - 1;
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, served, no_show, cancelled, service_n, service_sum_ms,
      transferred, wait_n, wait_sum_ms)
    SELECT OLD.service_day, OLD.field_id, COALESCE(OLD.counter_id, ''), COALESCE(OLD.officer_id, ''),
      -(OLD.status = 'done'), -(OLD.status = 'no_show'), -(OLD.status = 'cancelled'), -s.timed,
      CASE WHEN s.timed THEN -CAST(OLD.finished_at - OLD.serving_at AS INTEGER) ELSE 0 END,
      -OLD.transfer_count, -(OLD.first_called_at IS NOT NULL),
      -COALESCE(CAST(OLD.first_called_at - OLD.issued_at AS INTEGER), 0)
    FROM (SELECT OLD.status = 'done' AND OLD.serving_at IS NOT NULL AND OLD.finished_at IS NOT NULL
      AND date(CAST(OLD.finished_at AS INTEGER) / 1000 + 25200, 'unixepoch') = OLD.service_day AS timed) AS s
    WHERE true
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET served = served + excluded.served,
      no_show = no_show + excluded.no_show, cancelled = cancelled + excluded.cancelled,
      service_n = service_n + excluded.service_n, service_sum_ms = service_sum_ms + excluded.service_sum_ms,
      transferred = transferred + excluded.transferred, wait_n = wait_n + excluded.wait_n,
      wait_sum_ms = wait_sum_ms + excluded.wait_sum_ms;
  INSERT INTO service_hist (dim, day, dim_id, bucket, n)
    SELECT d.dim, OLD.service_day, d.dim_id, b.bucket, -1
    FROM (SELECT CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS bucket
          FROM (SELECT (MAX(CAST(OLD.finished_at - OLD.serving_at AS INTEGER), 0) + 59999) / 60000 AS c)) AS b,
      (SELECT 'all' AS dim, '' AS dim_id UNION ALL SELECT 'field', OLD.field_id
        UNION ALL SELECT 'counter', COALESCE(OLD.counter_id, '') UNION ALL SELECT 'officer', COALESCE(OLD.officer_id, '')) AS d
    WHERE OLD.status = 'done' AND OLD.serving_at IS NOT NULL AND OLD.finished_at IS NOT NULL
      AND date(CAST(OLD.finished_at AS INTEGER) / 1000 + 25200, 'unixepoch') = OLD.service_day
    ON CONFLICT (dim, day, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
  INSERT INTO wait_hist (dim, day, dim_id, bucket, n)
    SELECT d.dim, OLD.service_day, d.dim_id, b.bucket, -1
    FROM (SELECT CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS bucket
          FROM (SELECT (MAX(CAST(OLD.first_called_at - OLD.issued_at AS INTEGER), 0) + 59999) / 60000 AS c)) AS b,
      (SELECT 'all' AS dim, '' AS dim_id UNION ALL SELECT 'field', OLD.field_id
        UNION ALL SELECT 'counter', COALESCE(OLD.counter_id, '') UNION ALL SELECT 'officer', COALESCE(OLD.officer_id, '')) AS d
    WHERE OLD.first_called_at IS NOT NULL
    ON CONFLICT (dim, day, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;

-- Month rows of the histograms follow their day rows.
CREATE TRIGGER wait_hist_month_insert AFTER INSERT ON wait_hist BEGIN
  INSERT INTO wait_hist_monthly (dim, month, dim_id, bucket, n) VALUES (NEW.dim, substr(NEW.day, 1, 7), NEW.dim_id, NEW.bucket, NEW.n)
    ON CONFLICT (dim, month, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER wait_hist_month_update AFTER UPDATE OF n ON wait_hist BEGIN
  INSERT INTO wait_hist_monthly (dim, month, dim_id, bucket, n)
    VALUES (NEW.dim, substr(NEW.day, 1, 7), NEW.dim_id, NEW.bucket, NEW.n - OLD.n)
    ON CONFLICT (dim, month, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER service_hist_month_insert AFTER INSERT ON service_hist BEGIN
  INSERT INTO service_hist_monthly (dim, month, dim_id, bucket, n) VALUES (NEW.dim, substr(NEW.day, 1, 7), NEW.dim_id, NEW.bucket, NEW.n)
    ON CONFLICT (dim, month, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER service_hist_month_update AFTER UPDATE OF n ON service_hist BEGIN
  INSERT INTO service_hist_monthly (dim, month, dim_id, bucket, n)
    VALUES (NEW.dim, substr(NEW.day, 1, 7), NEW.dim_id, NEW.bucket, NEW.n - OLD.n)
    ON CONFLICT (dim, month, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;

-- Month rows of ticket_daily and arrivals_hourly follow their day rows the same way.
CREATE TRIGGER ticket_daily_month_insert AFTER INSERT ON ticket_daily BEGIN
  INSERT INTO ticket_monthly (month, field_id, counter_id, officer_id, issued, called, served, no_show, cancelled,
      transferred, wait_n, wait_sum_ms, service_n, service_sum_ms, rated_very_satisfied, rated_satisfied,
      rated_neutral, rated_unsatisfied)
    VALUES (substr(NEW.day, 1, 7), NEW.field_id, NEW.counter_id, NEW.officer_id, NEW.issued, NEW.called, NEW.served,
      NEW.no_show, NEW.cancelled, NEW.transferred, NEW.wait_n, NEW.wait_sum_ms, NEW.service_n, NEW.service_sum_ms,
      NEW.rated_very_satisfied, NEW.rated_satisfied, NEW.rated_neutral, NEW.rated_unsatisfied)
    ON CONFLICT (month, field_id, counter_id, officer_id) DO UPDATE SET
      issued = issued + excluded.issued,
      called = called + excluded.called,
      served = served + excluded.served,
      no_show = no_show + excluded.no_show,
      cancelled = cancelled + excluded.cancelled,
      transferred = transferred + excluded.transferred,
      wait_n = wait_n + excluded.wait_n,
      wait_sum_ms = wait_sum_ms + excluded.wait_sum_ms,
      service_n = service_n + excluded.service_n,
      service_sum_ms = service_sum_ms + excluded.service_sum_ms,
      rated_very_satisfied = rated_very_satisfied + excluded.rated_very_satisfied,
      rated_satisfied = rated_satisfied + excluded.rated_satisfied,
      rated_neutral = rated_neutral + excluded.rated_neutral,
      rated_unsatisfied = rated_unsatisfied + excluded.rated_unsatisfied;
END;
CREATE TRIGGER ticket_daily_month_update AFTER UPDATE ON ticket_daily BEGIN
  INSERT INTO ticket_monthly (month, field_id, counter_id, officer_id, issued, called, served, no_show, cancelled,
      transferred, wait_n, wait_sum_ms, service_n, service_sum_ms, rated_very_satisfied, rated_satisfied,
      rated_neutral, rated_unsatisfied)
    VALUES (substr(NEW.day, 1, 7), NEW.field_id, NEW.counter_id, NEW.officer_id, NEW.issued - OLD.issued, NEW.called -
      OLD.called, NEW.served - OLD.served, NEW.no_show - OLD.no_show, NEW.cancelled - OLD.cancelled, NEW.transferred -
      OLD.transferred, NEW.wait_n - OLD.wait_n, NEW.wait_sum_ms - OLD.wait_sum_ms, NEW.service_n - OLD.service_n,
      NEW.service_sum_ms - OLD.service_sum_ms, NEW.rated_very_satisfied - OLD.rated_very_satisfied,
      NEW.rated_satisfied - OLD.rated_satisfied, NEW.rated_neutral - OLD.rated_neutral, NEW.rated_unsatisfied -
      OLD.rated_unsatisfied)
    ON CONFLICT (month, field_id, counter_id, officer_id) DO UPDATE SET
      issued = issued + excluded.issued,
      called = called + excluded.called,
      served = served + excluded.served,
      no_show = no_show + excluded.no_show,
      cancelled = cancelled + excluded.cancelled,
      transferred = transferred + excluded.transferred,
      wait_n = wait_n + excluded.wait_n,
      wait_sum_ms = wait_sum_ms + excluded.wait_sum_ms,
      service_n = service_n + excluded.service_n,
      service_sum_ms = service_sum_ms + excluded.service_sum_ms,
      rated_very_satisfied = rated_very_satisfied + excluded.rated_very_satisfied,
      rated_satisfied = rated_satisfied + excluded.rated_satisfied,
      rated_neutral = rated_neutral + excluded.rated_neutral,
      rated_unsatisfied = rated_unsatisfied + excluded.rated_unsatisfied;
END;
CREATE TRIGGER arrivals_month_insert AFTER INSERT ON arrivals_hourly BEGIN
  INSERT INTO arrivals_monthly (month, field_id, hour, n) VALUES (substr(NEW.day, 1, 7), NEW.field_id, NEW.hour, NEW.n)
    ON CONFLICT (month, field_id, hour) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER arrivals_month_update AFTER UPDATE OF n ON arrivals_hourly BEGIN
  INSERT INTO arrivals_monthly (month, field_id, hour, n) VALUES (substr(NEW.day, 1, 7), NEW.field_id, NEW.hour, NEW.n - OLD.n)
    ON CONFLICT (month, field_id, hour) DO UPDATE SET n = n + excluded.n;
END;

---------------------------------------------------------------------------------------------
-- Ratings (under the rated ticket's service day and field)
---------------------------------------------------------------------------------------------
CREATE TRIGGER ratings_rollup_insert AFTER INSERT ON ratings BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, rated_very_satisfied, rated_satisfied, rated_neutral,
      rated_unsatisfied)
    SELECT t.service_day, t.field_id, COALESCE(NEW.counter_id, ''), COALESCE(NEW.officer_id, ''),
      (NEW.level = 'very_satisfied'), (NEW.level = 'satisfied'), (NEW.level = 'neutral'), (NEW.level = 'unsatisfied')
    FROM tickets t WHERE t.id = NEW.ticket_id
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET
      rated_very_satisfied = rated_very_satisfied + excluded.rated_very_satisfied, rated_satisfied = rated_satisfied + excluded.rated_satisfied,
      rated_neutral = rated_neutral + excluded.rated_neutral, rated_unsatisfied = rated_unsatisfied + excluded.rated_unsatisfied;
END;
CREATE TRIGGER ratings_rollup_delete AFTER DELETE ON ratings BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, rated_very_satisfied, rated_satisfied, rated_neutral,
      rated_unsatisfied)
    SELECT t.service_day, t.field_id, COALESCE(OLD.counter_id, ''), COALESCE(OLD.officer_id, ''),
      -(OLD.level = 'very_satisfied'), -(OLD.level = 'satisfied'), -(OLD.level = 'neutral'), -(OLD.level = 'unsatisfied')
    FROM tickets t WHERE t.id = OLD.ticket_id
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET
      rated_very_satisfied = rated_very_satisfied + excluded.rated_very_satisfied, rated_satisfied = rated_satisfied + excluded.rated_satisfied,
      rated_neutral = rated_neutral + excluded.rated_neutral, rated_unsatisfied = rated_unsatisfied + excluded.rated_unsatisfied;
END;
CREATE TRIGGER ratings_rollup_update AFTER UPDATE OF ticket_id, counter_id, officer_id, level ON ratings BEGIN
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, rated_very_satisfied, rated_satisfied, rated_neutral,
      rated_unsatisfied)
    SELECT t.service_day, t.field_id, COALESCE(OLD.counter_id, ''), COALESCE(OLD.officer_id, ''),
      -(OLD.level = 'very_satisfied'), -(OLD.level = 'satisfied'), -(OLD.level = 'neutral'), -(OLD.level = 'unsatisfied')
    FROM tickets t WHERE t.id = OLD.ticket_id
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET
      rated_very_satisfied = rated_very_satisfied + excluded.rated_very_satisfied, rated_satisfied = rated_satisfied + excluded.rated_satisfied,
      rated_neutral = rated_neutral + excluded.rated_neutral, rated_unsatisfied = rated_unsatisfied + excluded.rated_unsatisfied;
  INSERT INTO ticket_daily (day, field_id, counter_id, officer_id, rated_very_satisfied, rated_satisfied, rated_neutral,
      rated_unsatisfied)
    SELECT t.service_day, t.field_id, COALESCE(NEW.counter_id, ''), COALESCE(NEW.officer_id, ''),
      (NEW.level = 'very_satisfied'), (NEW.level = 'satisfied'), (NEW.level = 'neutral'), (NEW.level = 'unsatisfied')
    FROM tickets t WHERE t.id = NEW.ticket_id
    ON CONFLICT (day, field_id, counter_id, officer_id) DO UPDATE SET
      rated_very_satisfied = rated_very_satisfied + excluded.rated_very_satisfied, rated_satisfied = rated_satisfied + excluded.rated_satisfied,
      rated_neutral = rated_neutral + excluded.rated_neutral, rated_unsatisfied = rated_unsatisfied + excluded.rated_unsatisfied;
END;

---------------------------------------------------------------------------------------------
-- Dossiers (a function of the row: resolved = result_ready, rejected or returned, as core's
-- DOSSIER_RESOLVED_STATUSES; on time = local date of resolved_at (else returned_at) <= due_date)
---------------------------------------------------------------------------------------------
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
