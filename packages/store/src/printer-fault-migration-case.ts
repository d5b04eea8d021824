/** Rows for the 0009 migration's tests (not exported from the package). */
import type { Db } from './db';
import { T0 } from './test-fixtures';

/**
 * Two kiosks and faults as a hub before 0009 wrote them: kiosk-1 reported `paper_out` three times
 * (open), `offline` once (open) and `paper_out` once more long ago (resolved); kiosk-2 `paper_out` twice (open).
 */
export function seedFaultsBefore0009(db: Db): void {
  db.exec(`
    INSERT INTO devices (id, kind, name, token_hash, created_at) VALUES ('kiosk-1', 'kiosk', 'Kiosk 1', 'hash-1', ${T0});
    INSERT INTO devices (id, kind, name, token_hash, created_at) VALUES ('kiosk-2', 'kiosk', 'Kiosk 2', 'hash-2', ${T0});
    INSERT INTO printer_faults (device_id, ticket_id, fault, message, at, resolved_at) VALUES
      ('kiosk-1', 't0', 'paper_out', 'Hết giấy (hôm qua)', ${T0 - 86_400_000}, ${T0 - 86_000_000}),
      ('kiosk-1', 't1', 'paper_out', 'Hết giấy 1', ${T0}, NULL),
      ('kiosk-1', 't2', 'offline', 'Máy in tắt', ${T0 + 500}, NULL),
      ('kiosk-1', 't3', 'paper_out', 'Hết giấy 2', ${T0 + 1000}, NULL),
      ('kiosk-1', NULL, 'paper_out', 'Hết giấy 3', ${T0 + 2000}, NULL),
      ('kiosk-2', 't9', 'paper_out', 'Hết giấy A', ${T0 + 3000}, NULL),
      ('kiosk-2', 't10', 'paper_out', 'Hết giấy B', ${T0 + 4000}, NULL);
  `);
}

interface FaultRow {
  device_id: string;
  ticket_id: string | null;
  fault: string;
  message: string;
  at: number;
  count: number;
  last_seen_at: number;
  resolved_at: number | null;
}

/** One open row per kiosk and kind, with the repeats counted; the resolved history untouched. */
export function checkFaultsAfter0009(db: Db): void {
  const rows = db
    .prepare<[], FaultRow>('SELECT device_id, ticket_id, fault, message, at, count, last_seen_at, resolved_at FROM printer_faults ORDER BY id')
    .all();
  const row = (device: string, fault: string, open: boolean): FaultRow | undefined =>
    rows.find((r) => r.device_id === device && r.fault === fault && (r.resolved_at === null) === open);
  if (rows.length !== 4) throw new Error(`expected 4 fault rows, got ${rows.length}: ${JSON.stringify(rows)}`);
  const expectRow = (actual: FaultRow | undefined, expected: Partial<FaultRow>): void => {
    for (const [k, v] of Object.entries(expected)) {
      if (actual?.[k as keyof FaultRow] !== v) throw new Error(`${k}: expected ${String(v)}, got ${JSON.stringify(actual)}`);
    }
  };
  // the oldest open row stays (its first time), with the latest message; a report without a ticket keeps the last ticket
  expectRow(row('kiosk-1', 'paper_out', true), { at: T0, count: 3, last_seen_at: T0 + 2000, ticket_id: 't3', message: 'Hết giấy 3' });
  expectRow(row('kiosk-1', 'offline', true), { at: T0 + 500, count: 1, last_seen_at: T0 + 500, ticket_id: 't2' });
  expectRow(row('kiosk-1', 'paper_out', false), { count: 1, last_seen_at: T0 - 86_400_000, ticket_id: 't0' });
  expectRow(row('kiosk-2', 'paper_out', true), { at: T0 + 3000, count: 2, last_seen_at: T0 + 4000, ticket_id: 't10', message: 'Hết giấy B' });
}
