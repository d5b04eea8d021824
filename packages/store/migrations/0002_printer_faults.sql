-- 0002: printer faults the admin sees, and the index behind the per-kiosk ticket rate limit.
CREATE TABLE printer_faults (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  device_id TEXT NOT NULL REFERENCES devices (id),
  ticket_id TEXT,
  fault TEXT NOT NULL,
  message TEXT NOT NULL,
  at INTEGER NOT NULL,
  resolved_at INTEGER
) STRICT;
CREATE INDEX printer_faults_open ON printer_faults (device_id, resolved_at);
CREATE INDEX tickets_issued_by ON tickets (issued_by, issued_at);
