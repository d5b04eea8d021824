-- 0004: procedure catalog, holidays, dossiers (hồ sơ) with their status history, and links to tickets.
CREATE TABLE procedures (
  id TEXT PRIMARY KEY,
  field_id TEXT NOT NULL REFERENCES fields (id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  processing_days INTEGER NOT NULL CHECK (processing_days >= 0),
  fee INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE holidays (
  day TEXT PRIMARY KEY,
  name TEXT NOT NULL
) STRICT;

-- Personal data (name, CCCD, phone, birth date, address) lives here and nowhere else.
CREATE TABLE dossiers (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  procedure_id TEXT NOT NULL REFERENCES procedures (id),
  field_id TEXT NOT NULL REFERENCES fields (id),
  channel TEXT NOT NULL CHECK (channel IN ('counter', 'online')),
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
CREATE INDEX dossiers_received_day ON dossiers (received_day, channel);
CREATE INDEX dossiers_cccd ON dossiers (applicant_cccd);
CREATE INDEX dossiers_ticket ON dossiers (ticket_id);
CREATE INDEX dossiers_status_due ON dossiers (status, due_date);

CREATE TABLE dossier_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dossier_id TEXT NOT NULL REFERENCES dossiers (id),
  at INTEGER NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  note TEXT
) STRICT;
CREATE INDEX dossier_history_dossier ON dossier_history (dossier_id, at);

-- Every ticket a dossier was handled with: the reception, a supplement visit, the result pickup.
CREATE TABLE ticket_dossiers (
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  dossier_id TEXT NOT NULL REFERENCES dossiers (id),
  kind TEXT NOT NULL CHECK (kind IN ('reception', 'visit', 'pickup')),
  at INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, dossier_id)
) STRICT;
CREATE INDEX ticket_dossiers_dossier ON ticket_dossiers (dossier_id);

-- The field whose queue result pickups join ("Trả kết quả").
ALTER TABLE site ADD COLUMN pickup_field_id TEXT REFERENCES fields (id);

-- Key of the look-up links printed on receipts (HMAC of the dossier code), so codes cannot be enumerated.
ALTER TABLE site ADD COLUMN lookup_secret TEXT;
