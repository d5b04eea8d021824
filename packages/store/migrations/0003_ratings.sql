-- 0003: satisfaction ratings, one per ticket, with the counter and officer that served it.
CREATE TABLE ratings (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets (id),
  counter_id TEXT REFERENCES counters (id),
  officer_id TEXT REFERENCES officers (id),
  level TEXT NOT NULL CHECK (level IN ('very_satisfied', 'satisfied', 'neutral', 'unsatisfied')),
  at INTEGER NOT NULL,
  device_id TEXT
) STRICT;
CREATE INDEX ratings_at ON ratings (at);
CREATE INDEX tickets_officer_day ON tickets (officer_id, service_day);
