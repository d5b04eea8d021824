import type { Db } from './db';

export interface PrinterFaultRecord {
  id: number;
  deviceId: string;
  ticketId: string | null;
  fault: string;
  message: string;
  at: number;
  resolvedAt: number | null;
}

interface Row {
  id: number;
  device_id: string;
  ticket_id: string | null;
  fault: string;
  message: string;
  at: number;
  resolved_at: number | null;
}

const toRecord = (r: Row): PrinterFaultRecord => ({
  id: r.id,
  deviceId: r.device_id,
  ticketId: r.ticket_id,
  fault: r.fault,
  message: r.message,
  at: r.at,
  resolvedAt: r.resolved_at,
});

/** Printer faults per kiosk: recorded when a print fails, resolved when that kiosk prints again. */
export class PrinterFaultRepo {
  constructor(private readonly db: Db) {}

  record(f: Omit<PrinterFaultRecord, 'id' | 'resolvedAt'>): PrinterFaultRecord {
    const info = this.db
      .prepare('INSERT INTO printer_faults (device_id, ticket_id, fault, message, at) VALUES (?, ?, ?, ?, ?)')
      .run(f.deviceId, f.ticketId, f.fault, f.message, f.at);
    return { ...f, id: Number(info.lastInsertRowid), resolvedAt: null };
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
