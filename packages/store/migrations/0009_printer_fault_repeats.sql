-- 0009: one open printer fault per kiosk and kind. A repeat of an open fault is counted on its
-- row (count, last_seen_at; the ticket and message become the latest ones) instead of adding a row.
ALTER TABLE printer_faults ADD COLUMN count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1);
ALTER TABLE printer_faults ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
UPDATE printer_faults SET last_seen_at = at;

-- open duplicates written before this version fold into the oldest open row of their kiosk and kind
CREATE TEMP TABLE open_fault_groups AS
  SELECT device_id, fault, MIN(id) AS keep_id, MAX(id) AS latest_id, COUNT(*) AS n, MAX(at) AS last_at
  FROM printer_faults WHERE resolved_at IS NULL GROUP BY device_id, fault HAVING COUNT(*) > 1;
UPDATE printer_faults SET
  count = (SELECT n FROM open_fault_groups g WHERE g.keep_id = printer_faults.id),
  last_seen_at = (SELECT last_at FROM open_fault_groups g WHERE g.keep_id = printer_faults.id),
  ticket_id = COALESCE((SELECT f.ticket_id FROM printer_faults f
      WHERE f.device_id = printer_faults.device_id AND f.fault = printer_faults.fault AND f.resolved_at IS NULL
        AND f.ticket_id IS NOT NULL ORDER BY f.id DESC LIMIT 1), ticket_id),
  message = (SELECT f.message FROM printer_faults f JOIN open_fault_groups g ON f.id = g.latest_id WHERE g.keep_id = printer_faults.id)
WHERE id IN (SELECT keep_id FROM open_fault_groups);
DELETE FROM printer_faults
WHERE resolved_at IS NULL
  AND id NOT IN (SELECT keep_id FROM open_fault_groups)
  AND EXISTS (SELECT 1 FROM open_fault_groups g WHERE g.device_id = printer_faults.device_id AND g.fault = printer_faults.fault);
DROP TABLE open_fault_groups;

CREATE UNIQUE INDEX printer_faults_one_open ON printer_faults (device_id, fault) WHERE resolved_at IS NULL;
