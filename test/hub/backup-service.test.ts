/**
 * The backup service against a real hub: the admin routes (mounted on a small HTTP server until
 * create-hub wires them), pruning, failures that must not stop the hub, and the daily schedule
 * driven by a fake clock.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Db } from '@qms/store';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupService, checkFile, handleBackupList, handleBackupNow, type BackupServiceOptions } from '../../apps/hub/src/backup';
import { withErrors } from '../../apps/hub/src/http/json';
import { data, waitFor } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

const silent = pino({ level: 'silent' });
const DAY = 24 * 3600_000;
let h: TestHub;
let services: BackupService[] = [];
let servers: Server[] = [];

beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  for (const s of services) await s.stop();
  for (const s of servers) await new Promise((r) => s.close(r));
  services = [];
  servers = [];
  await h.close();
});

function service(options: Partial<BackupServiceOptions> = {}): BackupService {
  const s = new BackupService({ store: h.store, dir: join(h.dir, 'backups'), keepDays: 14, at: '22:30', clock: h.clock, logger: silent, catchUp: false, ...options });
  services.push(s);
  return s;
}

/** The two admin routes on their own loopback server, as create-hub will mount them. */
async function mount(backups: BackupService): Promise<string> {
  const deps = { store: h.store, clock: h.clock, backups };
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, d: typeof deps) => Promise<void>> = {
    'POST /api/admin/backups': handleBackupNow,
    'GET /api/admin/backups': handleBackupList,
  };
  const server = createServer((req, res) => {
    const route = routes[`${req.method} ${(req.url ?? '/').split('?')[0]}`];
    if (!route) return void res.writeHead(404).end();
    void withErrors(res, () => undefined, () => route(req, res, deps));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${h.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

async function call(base: string, method: 'GET' | 'POST', token: string | null): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/api/admin/backups`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.json() };
}

/** Waits until `count` finished backups are in the folder and none is being written. */
async function settled(backups: BackupService, count: number): Promise<string[]> {
  await waitFor(() => backups.list().length === count && !backups.status().running, 5000);
  return backups.list().map((b) => b.file);
}

/** The hub still issues tickets (a failed backup must not stop it). */
async function hubStillServes(): Promise<void> {
  const kiosk = h.kiosk();
  await kiosk.ready();
  data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `alive-${Math.random()}` }));
  kiosk.close();
}

describe('admin backup routes', () => {
  it('POST takes a checked backup; GET lists it with the next daily time; only admins may', async () => {
    const backups = service();
    backups.start();
    const base = await mount(backups);
    const admin = await login('admin', h.creds.admin.password);

    const made = await call(base, 'POST', admin);
    expect(made.status).toBe(200);
    expect(made.body.data).toMatchObject({ file: 'qms-20261123-090000.sqlite', reason: 'manual', takenAtLocal: '2026-11-23 09:00:00' });
    expect(made.body.data.bytes).toBeGreaterThan(0);
    expect(made.body.data.path).toBeUndefined();
    const file = join(h.dir, 'backups', made.body.data.file as string);
    expect(checkFile(file)).toEqual({ integrity: ['ok'], userVersion: made.body.data.userVersion });
    // sealed: no WAL or shared-memory file beside it, no partial file left
    expect(readdirSync(join(h.dir, 'backups'))).toEqual(['qms-20261123-090000.sqlite']);

    h.clock.advance(1000);
    expect((await call(base, 'POST', admin)).body.data.file).toBe('qms-20261123-090001.sqlite');
    // two in the same second get distinct names
    expect((await call(base, 'POST', admin)).body.data.file).toBe('qms-20261123-090001-2.sqlite');

    const listed = await call(base, 'GET', admin);
    expect(listed.status).toBe(200);
    expect(listed.body.data.backups.map((b: { file: string }) => b.file)).toEqual([
      'qms-20261123-090001-2.sqlite',
      'qms-20261123-090001.sqlite',
      'qms-20261123-090000.sqlite',
    ]);
    expect(listed.body.data).toMatchObject({ lastError: null, at: '22:30', keepDays: 14, nextAtLocal: '2026-11-23 22:30:00', listError: null });
    expect(listed.body.data.nextAt).toBe(Date.parse('2026-11-23T15:30:00Z'));

    const officer = await login('canbo1', h.creds.officers[0]?.password ?? '');
    expect((await call(base, 'POST', officer)).status).toBe(403);
    expect((await call(base, 'GET', null)).status).toBe(401);
    expect(readdirSync(join(h.dir, 'backups'))).toHaveLength(3);
  });
});

describe('pruning', () => {
  it('keeps the backups of the last N days and the newest one; never touches other files', async () => {
    const dir = join(h.dir, 'backups');
    mkdirSync(dir);
    const now = h.clock.now(); // 2026-11-23 09:00 local
    const old = ['qms-20261101-223000.sqlite', 'qms-20261119-223000.sqlite', 'qms-20261120-085959.sqlite'];
    const recent = ['qms-20261120-223000.sqlite', 'qms-20261122-223000.sqlite'];
    const foreign = ['qms.sqlite', 'qms-20261101-223000.sqlite.bak', 'ghi-chu.txt', 'qms-20261101-223000.sqlite.partial'];
    for (const f of [...old, ...recent, ...foreign]) writeFileSync(join(dir, f), 'x');
    const backups = service({ keepDays: 3 });
    const made = await backups.backupNow('manual');
    expect(readdirSync(dir).sort()).toEqual([...recent, made.file, ...foreign].sort());
    expect(now - 3 * DAY).toBe(Date.parse('2026-11-20T02:00:00Z'));

    // the newest backup stays even when every backup is older than keepDays
    rmSync(join(dir, made.file));
    h.clock.advance(30 * DAY);
    expect(backups.prune()).toEqual(['qms-20261120-223000.sqlite']);
    expect(readdirSync(dir).sort()).toEqual(['qms-20261122-223000.sqlite', ...foreign].sort());
  });
});

describe('a backup that cannot be written', () => {
  it('into a folder that disappeared (unplugged drive): reported, logged, kept in lastError, the hub keeps serving', async () => {
    const dir = join(h.dir, 'usb', 'backups');
    const logged: Array<{ level: number; msg: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line) as { level: number; msg: string }) });
    const backups = service({ dir, logger });
    backups.start();
    expect(existsSync(dir)).toBe(true);
    rmSync(join(h.dir, 'usb'), { recursive: true });
    const base = await mount(backups);
    const admin = await login('admin', h.creds.admin.password);

    const r = await call(base, 'POST', admin);
    expect(r.status).toBe(500);
    expect(r.body.error.message).toContain('Thư mục sao lưu không tồn tại');
    expect(existsSync(dir)).toBe(false); // not silently re-created on the local disk
    const listed = await call(base, 'GET', admin);
    expect(listed.body.data.lastError).toMatchObject({ reason: 'manual', code: 'ENOENT' });
    expect(listed.body.data.listError).toContain('Không đọc được thư mục sao lưu');
    expect(logged.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([expect.stringContaining('backup failed: Thư mục sao lưu không tồn tại')]);
    await hubStillServes();

    // back again: the next backup succeeds and clears the error
    mkdirSync(dir, { recursive: true });
    expect((await call(base, 'POST', admin)).status).toBe(200);
    expect(backups.status().lastError).toBeNull();
  });

  it('into a path that is not a folder, or a read-only folder: reported, nothing half-written', async () => {
    writeFileSync(join(h.dir, 'a-file'), 'x');
    const notDir = service({ dir: join(h.dir, 'a-file', 'backups') });
    notDir.start(); // cannot create it: logged, not thrown
    expect(notDir.status().lastError?.message).toBeTruthy();
    await expect(notDir.backupNow('manual')).rejects.toThrow(/Thư mục sao lưu không tồn tại/);

    if (process.getuid?.() !== 0) {
      const ro = join(h.dir, 'read-only');
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      const readOnly = service({ dir: ro });
      await expect(readOnly.backupNow('manual')).rejects.toThrow(/Không ghi được vào thư mục sao lưu/);
      expect(readdirSync(ro)).toEqual([]);
      chmodSync(ro, 0o700);
    }

    // a full disk (SQLite answers SQLITE_FULL while copying pages)
    const full = service({
      store: { db: { backup: () => Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })) } as unknown as Db },
    });
    full.start();
    await expect(full.backupNow('manual')).rejects.toThrow(/Hết dung lượng đĩa/);
    expect(full.status().lastError).toMatchObject({ code: 'SQLITE_FULL', reason: 'manual' });
    expect(full.list()).toEqual([]);
    expect(readdirSync(join(h.dir, 'backups'))).toEqual([]);
    await hubStillServes();
  });

  it('a failed daily backup is retried later the same day, and the schedule goes on', async () => {
    const dir = join(h.dir, 'backups');
    h.clock.set(Date.parse('2026-11-23T15:29:59Z')); // 22:29:59 local
    const backups = service({ dir, pollMs: 5, retryMs: 3600_000 });
    backups.start();
    rmSync(dir, { recursive: true });
    h.clock.set(Date.parse('2026-11-23T15:30:00Z'));
    await waitFor(() => backups.status().lastError !== null, 5000);
    expect(backups.status().lastError).toMatchObject({ reason: 'daily' });
    expect(backups.status().nextAt).toBe(Date.parse('2026-11-23T16:30:00Z'));
    mkdirSync(dir);
    h.clock.set(Date.parse('2026-11-23T16:30:00Z'));
    expect(await settled(backups, 1)).toEqual(['qms-20261123-233000.sqlite']);
    expect(backups.status().lastError).toBeNull();
    expect(backups.status().nextAt).toBe(Date.parse('2026-11-24T15:30:00Z'));
    await hubStillServes();
  });
});

describe('the daily schedule (fake clock)', () => {
  it('fires at the configured local time, once a day', async () => {
    const dir = join(h.dir, 'backups');
    h.clock.set(Date.parse('2026-11-23T15:29:00Z')); // 22:29 in Hanoi
    const backups = service({ dir, pollMs: 5 });
    backups.start();
    expect(backups.status().nextAt).toBe(Date.parse('2026-11-23T15:30:00Z'));
    await new Promise((r) => setTimeout(r, 60));
    expect(readdirSync(dir)).toEqual([]);

    h.clock.set(Date.parse('2026-11-23T15:30:00Z'));
    expect(await settled(backups, 1)).toEqual(['qms-20261123-223000.sqlite']);
    expect(backups.status().lastBackup).toMatchObject({ reason: 'daily', file: 'qms-20261123-223000.sqlite' });
    expect(backups.status().nextAt).toBe(Date.parse('2026-11-24T15:30:00Z'));

    h.clock.advance(3600_000); // 23:30: nothing more today
    await new Promise((r) => setTimeout(r, 60));
    expect(readdirSync(dir)).toHaveLength(1);

    h.clock.set(Date.parse('2026-11-24T15:30:02Z')); // next evening, a poll a little late
    expect(await settled(backups, 2)).toEqual(['qms-20261124-223002.sqlite', 'qms-20261123-223000.sqlite']);

    await backups.stop();
    expect(backups.status().nextAt).toBeNull();
    h.clock.set(Date.parse('2026-11-25T15:30:00Z'));
    await new Promise((r) => setTimeout(r, 60));
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('makes the missed backup shortly after start when the hub was off at the daily time', async () => {
    const dir = join(h.dir, 'backups');
    mkdirSync(dir);
    writeFileSync(join(dir, 'qms-20261121-223000.sqlite'), 'x'); // the last one: two evenings ago
    const missed = service({ dir, pollMs: 5, catchUp: true, catchUpDelayMs: 0 });
    missed.start();
    expect(await settled(missed, 2)).toEqual(['qms-20261123-090000.sqlite', 'qms-20261121-223000.sqlite']);
    expect(missed.status().lastBackup?.reason).toBe('daily');
    await missed.stop();

    // yesterday evening's backup exists: nothing to catch up, wait for tonight
    const fine = service({ dir, pollMs: 5, catchUp: true, catchUpDelayMs: 0 });
    writeFileSync(join(dir, 'qms-20261122-223000.sqlite'), 'x');
    fine.start();
    expect(fine.status().nextAt).toBe(Date.parse('2026-11-23T15:30:00Z'));
  });
});
