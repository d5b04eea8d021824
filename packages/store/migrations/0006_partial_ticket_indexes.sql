-- 0006: three indexes on tickets become partial, so a new ticket writes three index pages less.
-- A waiting ticket has no counter, no officer and no finish time, yet each of these indexes held
-- an entry for it (keyed on NULL) that every issue wrote and no query ever read. Now each index
-- holds only the rows its queries look for (SQLite uses a partial index when the query's WHERE
-- implies the index's WHERE; src/ticket-repo.test.ts checks the plans):
--   tickets_counter        the ticket at a counter: called or serving (a handful of rows, not a year)
--   tickets_field_finished recent service times per field: finished tickets
--   tickets_officer_day    an officer's day: tickets an officer has handled
-- Measured (test/bench/tools/stmt-profile.ts): issue 703-761 -> 616-621 us, COMMIT p50 0.27 -> 0.21 ms.
DROP INDEX tickets_counter;
CREATE INDEX tickets_counter ON tickets (counter_id, status) WHERE status IN ('called', 'serving');
DROP INDEX tickets_field_finished;
CREATE INDEX tickets_field_finished ON tickets (field_id, finished_at) WHERE finished_at IS NOT NULL;
DROP INDEX tickets_officer_day;
CREATE INDEX tickets_officer_day ON tickets (officer_id, service_day) WHERE officer_id IS NOT NULL;
