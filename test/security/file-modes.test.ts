/**
 * Files only the hub can read: the database (personal data, password hashes), its -wal/-shm, the
 * folder the hub creates for it, and the backups with their folder are the hub's user's alone
 * (0600 files, 0700 folders), whatever the umask of the shell that started the hub.
 */
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, Store } from '@qms/store';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupService } from '../../apps/hub/src/backup';
import { parseOptions } from '../../apps/hub/src/options';
import { FakeClock } from '../support/fake-clock';

const posix = process.platform !== 'win32';
const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

let dir = '';
let umaskBefore = 0;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qms-modes-'));
  // the usual umask of a shell: without explicit modes, files would be 0644 and folders 0755
  umaskBefore = process.umask(0o022);
});
afterEach(() => {
  process.umask(umaskBefore);
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(posix)('file modes', () => {
  it('the database, its -wal and -shm are 0600 and the data folder the hub creates is 0700', () => {
    const dbPath = join(dir, 'site', 'data', 'qms.sqlite');
    const db = openDatabase(dbPath);
    try {
      migrate(db);
      db.prepare("INSERT INTO holidays (day, name) VALUES ('2026-12-31', 'Nghỉ')").run();
      expect(mode(join(dir, 'site', 'data'))).toBe('700');
      expect(mode(dbPath)).toBe('600');
      expect(mode(`${dbPath}-wal`)).toBe('600');
      expect(mode(`${dbPath}-shm`)).toBe('600');
    } finally {
      db.close();
    }
  });

  it('a database file left readable by an older version is narrowed to 0600 when opened', () => {
    const dbPath = join(dir, 'qms.sqlite');
    openDatabase(dbPath).close();
    chmodSync(dbPath, 0o644);
    writeFileSync(`${dbPath}-wal`, '');
    chmodSync(`${dbPath}-wal`, 0o644);
    const db = openDatabase(dbPath);
    try {
      expect(mode(dbPath)).toBe('600');
      expect(mode(`${dbPath}-wal`)).toBe('600');
    } finally {
      db.close();
    }
  });

  it('backups are written 0600 into a folder created 0700, by default beside the database', async () => {
    const dbPath = join(dir, 'data', 'qms.sqlite');
    // where `--db` alone puts the backups, from any working folder
    const { backupDir } = parseOptions(['--db', dbPath], {}, join(dir, 'elsewhere'));
    expect(backupDir).toBe(join(dir, 'data', 'backups'));
    const db = openDatabase(dbPath);
    migrate(db);
    const store = new Store(db);
    const clock = new FakeClock();
    const backups = new BackupService({ store, dir: backupDir, keepDays: 14, at: '22:30', clock, logger: pino({ level: 'silent' }), catchUp: false });
    try {
      backups.start();
      const made = await backups.backupNow('manual');
      expect(mode(backupDir)).toBe('700');
      expect(mode(made.path)).toBe('600');
    } finally {
      await backups.stop();
      store.close();
    }
  });
});
