import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db';
import { migrate, schemaVersion } from './migrate';
import { checkFaultsAfter0009, seedFaultsBefore0009 } from './printer-fault-migration-case';
import { T0, makeTempDir } from './test-fixtures';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir, 'hub.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('0009: one open printer fault per kiosk and kind', () => {
  it('folds the open duplicates written at version 8 into one counted row and keeps the history', () => {
    migrate(db, 8);
    expect(schemaVersion(db)).toBe(8);
    seedFaultsBefore0009(db);
    migrate(db, 9);
    checkFaultsAfter0009(db);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a second open row of the same kiosk and kind, but not a resolved one or another kind', () => {
    migrate(db, 9);
    db.exec(`INSERT INTO devices (id, kind, name, token_hash, created_at) VALUES ('kiosk-2', 'kiosk', 'Kiosk 2', 'hash-2', ${T0})`);
    const insert = (fault: string, resolvedAt: number | null) =>
      db.prepare('INSERT INTO printer_faults (device_id, fault, message, at, last_seen_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run('kiosk-2', fault, 'x', T0, T0, resolvedAt);
    expect(() => insert('offline', null)).not.toThrow();
    expect(() => insert('offline', null)).toThrow(/UNIQUE/);
    expect(() => insert('offline', T0 + 1)).not.toThrow();
  });
});
