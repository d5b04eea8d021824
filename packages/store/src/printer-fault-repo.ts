import type { Db } from './db';

export interface PrinterFaultRecord {
  id: number;
  deviceId: string;
  ticketId: string | null;
  fault: string;
  message: string;
  /** When the fault was first seen (while it stays open). */
  at: number;
  /** How many times it was seen while open (failed prints, reports), and the last time. */
  count: number;
  lastSeenAt: number;
  resolvedAt: number | null;
}

/** One device's faults of one kind over a period (see PrinterFaultRepo.groupsSince). */
export interface PrinterFaultGroup {
  deviceId: string;
  fault: string;
  count: number;
  firstAt: number;
  lastAt: number;
  spells: number;
  openNow: boolean;
  resolvedAt: number | null;
  message: string;
}

interface Row {
  id: number;
  device_id: string;
  ticket_id: string | null;
  fault: string;
  message: string;
  at: number;
  count: number;
  last_seen_at: number;
  resolved_at: number | null;
}

const toRecord = (r: Row): PrinterFaultRecord => ({
  id: r.id,
  deviceId: r.device_id,
  ticketId: r.ticket_id,
  fault: r.fault,
  message: r.message,
  at: r.at,
  count: r.count,
  lastSeenAt: r.last_seen_at,
  resolvedAt: r.resolved_at,
});

/**
 * Printer faults per kiosk: recorded when a print fails, resolved when that kiosk prints again.
 * A kiosk has at most one open fault of each kind (migration 0009): a repeat is counted on it.
 */
export class PrinterFaultRepo {
  constructor(private readonly db: Db) {}

  /**
   * Opens a fault, or counts a repeat on the kiosk's open fault of that kind (its ticket, when one
   * is given, and its message become the latest; `at` stays the first time). Returns the row as it is now.
   */
  record(f: Omit<PrinterFaultRecord, 'id' | 'resolvedAt' | 'count' | 'lastSeenAt'>): PrinterFaultRecord {
    const row = this.db
      .prepare<[string, string | null, string, string, number, number], Row>(
        `INSERT INTO printer_faults (device_id, ticket_id, fault, message, at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (device_id, fault) WHERE resolved_at IS NULL DO UPDATE SET
           count = count + 1, last_seen_at = excluded.last_seen_at,
           ticket_id = COALESCE(excluded.ticket_id, ticket_id), message = excluded.message
         RETURNING *`,
      )
      .get(f.deviceId, f.ticketId, f.fault, f.message, f.at, f.at) as Row;
    return toRecord(row);
  }

  /** Marks a device's open faults resolved; returns how many were open. */
  resolveOpen(deviceId: string, at: number): number {
    return this.db.prepare('UPDATE printer_faults SET resolved_at = ? WHERE device_id = ? AND resolved_at IS NULL').run(at, deviceId)
      .changes;
  }

  open(): PrinterFaultRecord[] {
    return this.db.prepare<[], Row>('SELECT * FROM printer_faults WHERE resolved_at IS NULL ORDER BY at').all().map(toRecord);
  }

  /**
   * The fault history since `at` (faults seen since then, open or resolved), one group per device
   * and kind: how many times it was seen, first and last time, how many separate spells (a good
   * print ends one), whether one is open now, when the last one was resolved, the latest message.
   */
  groupsSince(at: number): PrinterFaultGroup[] {
    return this.db
      .prepare<[number], PrinterFaultGroup>(
        `SELECT device_id AS deviceId, fault, SUM(count) AS count, MIN(at) AS firstAt, MAX(last_seen_at) AS lastAt,
           COUNT(*) AS spells, SUM(resolved_at IS NULL) > 0 AS openNow,
           CASE WHEN SUM(resolved_at IS NULL) > 0 THEN NULL ELSE MAX(resolved_at) END AS resolvedAt,
           (SELECT p.message FROM printer_faults p WHERE p.device_id = g.device_id AND p.fault = g.fault
              ORDER BY p.last_seen_at DESC, p.id DESC LIMIT 1) AS message
         FROM printer_faults g WHERE last_seen_at >= ?
         GROUP BY device_id, fault ORDER BY openNow DESC, lastAt DESC`,
      )
      .all(at)
      .map((g) => ({ ...g, openNow: Boolean(g.openNow) }));
  }

  since(at: number): PrinterFaultRecord[] {
    return this.db.prepare<[number], Row>('SELECT * FROM printer_faults WHERE at >= ? ORDER BY at').all(at).map(toRecord);
  }
}
