-- 0012: indexes for the as-of dossier report (docs/reports.md, "Dossiers"; docs/decisions/0001).
-- The report reads dossiers, never a rollup:
--   - dossiers_report_received: dossiers received in a range, covering every column the report
--     reads, so a quarter is one index range scan; it starts with received_day, so it replaces
--     dossiers_received_day (received_day, channel): one index more, not two, on every write;
--   - dossiers_report_settled: dossiers by the moment they were resolved (resolved_at, else
--     returned_at; never = far future) and received day, for those carried over from before the
--     range (received before it, resolved at or after its start, or not at all); narrow, as
--     those are few: their rows are read from the table.
-- (The 'post' channel this report counts came with 0011.)
DROP INDEX dossiers_received_day;
CREATE INDEX dossiers_report_received ON dossiers (received_day, received_at, channel, field_id, procedure_id,
  counter_id, officer_id, due_date, resolved_at, returned_at);
CREATE INDEX dossiers_report_settled ON dossiers (COALESCE(resolved_at, returned_at, 9007199254740991), received_day);
