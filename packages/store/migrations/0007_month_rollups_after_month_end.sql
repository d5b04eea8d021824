-- 0007: month rollups are written once a month is over, no longer with every ticket change.
--
-- Until now, each change of a day row (ticket_daily, wait_hist, service_hist, arrivals_hourly)
-- fired a trigger that applied the same change to its month row: two more tables, and two or
-- three more pages in the commit of every issue, call and finish, for rows that reports only
-- read once the month is over (a range reads its whole months from the month tables and its
-- edge days from the day tables; the current month is always an edge).
--
-- Now rollup_state.open_month splits time in two:
--   months before open_month  month rows are complete, and the triggers below still keep them
--                             (a late write: a rating or a ticket closed after the month ended)
--   open_month and later      no month rows; reports read the day rows (at most a month of them)
-- The hub moves open_month to the current month at start and at each new service day
-- (ReportRepo.foldMonths, in one transaction): the month rows of the months it closes are summed
-- from their day rows. '9999-12' (set here) means "no month is open yet": every month is kept by
-- the triggers as before, so a database that was never folded reads exactly as under 0005.
CREATE TABLE rollup_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  open_month TEXT NOT NULL CHECK (open_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]')
) STRICT;
INSERT INTO rollup_state (id, open_month) VALUES (1, '9999-12');

DROP TRIGGER wait_hist_month_insert;
DROP TRIGGER wait_hist_month_update;
DROP TRIGGER service_hist_month_insert;
DROP TRIGGER service_hist_month_update;
DROP TRIGGER ticket_daily_month_insert;
DROP TRIGGER ticket_daily_month_update;
DROP TRIGGER arrivals_month_insert;
DROP TRIGGER arrivals_month_update;

CREATE TRIGGER wait_hist_month_insert AFTER INSERT ON wait_hist
  WHEN substr(NEW.day, 1, 7) < (SELECT open_month FROM rollup_state) BEGIN
  INSERT INTO wait_hist_monthly (dim, month, dim_id, bucket, n) VALUES (NEW.dim, substr(NEW.day, 1, 7), NEW.dim_id, NEW.bucket, NEW.n)
    ON CONFLICT (dim, month, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER wait_hist_month_update AFTER UPDATE OF n ON wait_hist
  WHEN substr(NEW.day, 1, 7) < (SELECT open_month FROM rollup_state) BEGIN
  INSERT INTO wait_hist_monthly (dim, month, dim_id, bucket, n)
    VALUES (NEW.dim, substr(NEW.day, 1, 7), NEW.dim_id, NEW.bucket, NEW.n - OLD.n)
    ON CONFLICT (dim, month, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER service_hist_month_insert AFTER INSERT ON service_hist
  WHEN substr(NEW.day, 1, 7) < (SELECT open_month FROM rollup_state) BEGIN
  INSERT INTO service_hist_monthly (dim, month, dim_id, bucket, n) VALUES (NEW.dim, substr(NEW.day, 1, 7), NEW.dim_id, NEW.bucket, NEW.n)
    ON CONFLICT (dim, month, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER service_hist_month_update AFTER UPDATE OF n ON service_hist
  WHEN substr(NEW.day, 1, 7) < (SELECT open_month FROM rollup_state) BEGIN
  INSERT INTO service_hist_monthly (dim, month, dim_id, bucket, n)
    VALUES (NEW.dim, substr(NEW.day, 1, 7), NEW.dim_id, NEW.bucket, NEW.n - OLD.n)
    ON CONFLICT (dim, month, dim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER ticket_daily_month_insert AFTER INSERT ON ticket_daily
  WHEN substr(NEW.day, 1, 7) < (SELECT open_month FROM rollup_state) BEGIN
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
CREATE TRIGGER ticket_daily_month_update AFTER UPDATE ON ticket_daily
  WHEN substr(NEW.day, 1, 7) < (SELECT open_month FROM rollup_state) BEGIN
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
CREATE TRIGGER arrivals_month_insert AFTER INSERT ON arrivals_hourly
  WHEN substr(NEW.day, 1, 7) < (SELECT open_month FROM rollup_state) BEGIN
  INSERT INTO arrivals_monthly (month, field_id, hour, n) VALUES (substr(NEW.day, 1, 7), NEW.field_id, NEW.hour, NEW.n)
    ON CONFLICT (month, field_id, hour) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER arrivals_month_update AFTER UPDATE OF n ON arrivals_hourly
  WHEN substr(NEW.day, 1, 7) < (SELECT open_month FROM rollup_state) BEGIN
  INSERT INTO arrivals_monthly (month, field_id, hour, n) VALUES (substr(NEW.day, 1, 7), NEW.field_id, NEW.hour, NEW.n - OLD.n)
    ON CONFLICT (month, field_id, hour) DO UPDATE SET n = n + excluded.n;
END;
