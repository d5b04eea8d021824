/**
 * The restore command: what it refuses (a corrupt or truncated file, a schema newer than this
 * hub, a database a running hub has open, an existing database without --force, bad arguments)
 * and what it does (migrates an older backup, keeps the database it replaces).
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate, openDatabase, Store } from '@qms/store';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupService, isDatabaseInUse } from '../../apps/hub/src/backup';
import { runRestoreCli } from '../../apps/hub/src/restore';
import { TestClient, data } from '../support/client';
import { REPO_ROOT, startHubProcess } from '../support/hub-process';
import { prepareDemoDb, startTestHub } from '../support/test-hub';

const dir = mkdtempSync(join(tmpdir(), 'qms-restore-cli-'));
let goodBackup = '';
let ticketsInBackup = 0;

beforeAll(async () => {
  // a real backup of a hub that has issued a few tickets
  const h = await startTestHub();
  const kiosk = h.kiosk();
  await kiosk.ready();
  for (let i = 0; i < 5; i++) data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `restore-${i}-key` }));
  kiosk.close();
  const backups = new BackupService({ store: h.store, dir: join(dir, 'backups'), keepDays: 14, at: '22:30', clock: h.clock, logger: pino({ level: 'silent' }), catchUp: false });
  backups.start();
  goodBackup = (await backups.backupNow('manual')).path;
  await backups.stop();
  ticketsInBackup = 5;
  await h.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function restore(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runRestoreCli(args, { out: (t) => (out += t), err: (t) => (err += t) }, dir);
  return { code, out, err };
}

const ticketCount = (path: string): number => {
  const db = openDatabase(path);
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('restore refuses', () => {
  it('a file of garbage bytes, and a truncated backup; the target is not created', () => {
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, randomFillSync(Buffer.alloc(64 * 1024)));
    const r = restore('--from', garbage, '--db', 'target-garbage.sqlite');
    expect(r.code).toBe(1);
    expect(r.err).toContain('BACKUP_CORRUPT');
    expect(r.err).toContain('Không khôi phục được');
    expect(existsSync(join(dir, 'target-garbage.sqlite'))).toBe(false);

    const truncated = join(dir, 'truncated.sqlite');
    copyFileSync(goodBackup, truncated);
    truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
    const t = restore('--from', truncated, '--db', 'target-truncated.sqlite');
    expect(t.code).toBe(1);
    expect(t.err).toContain('BACKUP_CORRUPT');
    expect(existsSync(join(dir, 'target-truncated.sqlite'))).toBe(false);
    // no temporary copy left behind
    expect(readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('a backup whose schema is newer than this hub', () => {
    const newer = join(dir, 'newer.sqlite');
    copyFileSync(goodBackup, newer);
    const db = openDatabase(newer);
    db.pragma(`user_version = ${loadMigrations().length + 1}`);
    db.close();
    const r = restore('--from', newer, '--db', 'target-newer.sqlite');
    expect(r.code).toBe(1);
    expect(r.err).toContain('SCHEMA_TOO_NEW');
    expect(r.err).toContain('phiên bản phần mềm mới hơn');
    expect(existsSync(join(dir, 'target-newer.sqlite'))).toBe(false);
  });

  it('an SQLite file that is not a backup of this system', () => {
    const other = join(dir, 'other.sqlite');
    const db = openDatabase(other);
    db.exec('CREATE TABLE notes (x TEXT)');
    db.close();
    const r = restore('--from', other, '--db', 'target-other.sqlite');
    expect(r.code).toBe(1);
    expect(r.err).toContain('NOT_A_QMS_BACKUP');
  });

  it('a database in use by a running hub, even with --force; it restores once the hub is stopped', async () => {
    const live = join(dir, 'live', 'qms.sqlite');
    await prepareDemoDb(live);
    const hub = await startHubProcess(live, ['--always-open']);
    let stopped = false;
    try {
      const kiosk = new TestClient(hub.url, { kind: 'device', token: hub.creds.kioskToken });
      await kiosk.ready();
      data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'live-ticket-1' }));
      kiosk.close();
      expect(isDatabaseInUse(live)).toBe(true);
      const r = restore('--from', goodBackup, '--db', live, '--force');
      expect(r.code).toBe(1);
      expect(r.err).toContain('TARGET_IN_USE');
      expect(r.err).toContain('hãy dừng máy chủ');
      expect(await hub.stop()).toBe(0);
      stopped = true;
    } finally {
      if (!stopped) await hub.kill9();
    }
    expect(ticketCount(live)).toBe(1);
    expect(isDatabaseInUse(live)).toBe(false);

    const ok = restore('--from', goodBackup, '--db', live, '--force');
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ticketCount(live)).toBe(ticketsInBackup);
    const kept = readdirSync(join(dir, 'live')).find((f) => f.startsWith('qms.sqlite.before-restore-'));
    expect(kept).toBeDefined();
    expect(ok.out).toContain(`CSDL cũ được giữ tại (previous database kept as): ${join(dir, 'live', kept ?? '')}`);
    expect(ticketCount(join(dir, 'live', kept ?? ''))).toBe(1);
  });

  it('an existing database without --force; bad arguments with exit code 2', () => {
    const existing = join(dir, 'existing.sqlite');
    copyFileSync(goodBackup, existing);
    const before = readFileSync(existing);
    const r = restore('--from', goodBackup, '--db', existing);
    expect(r.code).toBe(1);
    expect(r.err).toContain('TARGET_EXISTS');
    expect(r.err).toContain('--force');
    expect(readFileSync(existing).equals(before)).toBe(true);

    expect(restore('--from', goodBackup).code).toBe(2);
    expect(restore('--db', existing).code).toBe(2);
    expect(restore('--from', goodBackup, '--db', existing, '--yes').code).toBe(2);
    expect(restore('--from', existing, '--db', existing, '--force').code).toBe(2);
    const missing = restore('--from', 'no-such-backup.sqlite', '--db', 'x.sqlite');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('BACKUP_MISSING');
    expect(restore('--help').code).toBe(0);
  });
});

describe('restore does', () => {
  it('migrate a backup made by an older hub to the current schema', () => {
    const older = join(dir, 'older.sqlite');
    const db = openDatabase(older);
    migrate(db, 3);
    db.pragma('journal_mode = DELETE');
    db.close();
    const r = restore('--from', older, '--db', 'target-older.sqlite');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const latest = loadMigrations().length;
    expect(r.out).toContain(`phiên bản 3 → ${latest}`);
    const restored = openDatabase(join(dir, 'target-older.sqlite'));
    expect(restored.pragma('user_version', { simple: true })).toBe(latest);
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    new Store(restored).close();
  });

  it('run as `npm run restore` (the CLI entry through tsx): exit codes 2 and 0', () => {
    const entry = join(REPO_ROOT, 'apps', 'hub', 'src', 'restore.ts');
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    const bad = run('--from', goodBackup);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Thiếu --db');
    const good = run('--from', goodBackup, '--db', join(dir, 'via-cli', 'qms.sqlite'));
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('Đã khôi phục cơ sở dữ liệu (database restored).');
    expect(ticketCount(join(dir, 'via-cli', 'qms.sqlite'))).toBe(ticketsInBackup);
  });
});
