/**
 * Baseline (a): a bare better-sqlite3 insert + commit with the hub's pragmas
 * (openDatabase: WAL, synchronous=FULL), one row per IMMEDIATE transaction like a hub command.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '@qms/store';

/** A table shaped like the hub's event log, and a one-row insert+commit on it. */
export function eventTable(db: Db): (data: unknown) => void {
  db.exec(`CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,
    type TEXT NOT NULL, ticket_id TEXT, data_json TEXT NOT NULL) STRICT`);
  const insert = db.prepare('INSERT INTO events (at, type, ticket_id, data_json) VALUES (?, ?, ?, ?)');
  return (data) =>
    db.transaction(() => insert.run(Date.now(), 'ticket:called', crypto.randomUUID(), JSON.stringify(data))).immediate();
}

export function tempDb(prefix: string): { db: Db; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = openDatabase(join(dir, 'baseline.sqlite'));
  return {
    db,
    remove: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Latency of `n` single-row insert+commit transactions, ms each (after a short warm-up). */
export function measureInsertCommit(n: number, payload: unknown): number[] {
  const { db, remove } = tempDb('qms-bench-db-');
  try {
    const insertCommit = eventTable(db);
    for (let i = 0; i < 50; i++) insertCommit(payload);
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      insertCommit(payload);
      samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    remove();
  }
}
