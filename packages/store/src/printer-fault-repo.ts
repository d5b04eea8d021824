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

  since(at: number): PrinterFaultRecord[] {
    return this.db.prepare<[number], Row>('SELECT * FROM printer_faults WHERE at >= ? ORDER BY at').all(at).map(toRecord);
  }
}
