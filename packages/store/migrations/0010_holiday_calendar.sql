-- 0010: Vietnam's public holidays are the default calendar (computed in core); the holidays
-- rows are now the site's own entries over it, each of a kind: 'off' an extra day off (rows
-- entered before stay so), 'work' a working day (a worked Saturday, a cancelled holiday),
-- 'open' a holiday on which the kiosk still issues tickets. A procedure may have a cut-off
-- hour (HH:MM): a dossier received at or after it counts from the next working day.
ALTER TABLE holidays ADD COLUMN kind TEXT NOT NULL DEFAULT 'off' CHECK (kind IN ('off', 'work', 'open'));
ALTER TABLE procedures ADD COLUMN cutoff_time TEXT CHECK (cutoff_time IS NULL OR cutoff_time GLOB '[0-2][0-9]:[0-5][0-9]');
