/**
 * What a thief of the hub PC (or of a backup of its database) would find: no device token,
 * session token or password in plaintext anywhere in the SQLite file, its WAL or the event log;
 * citizens' personal data (CCCD, phone, address, birth date) only in the dossier table, and gone
 * from the whole file after an erasure; none of it in the hub's logs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { allText } from './helpers/db';
import { httpRaw, sessionToken } from './helpers/http';
import { CITIZEN, TRANSFER_NOTE, buildScene } from './helpers/scene';

let h: TestHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The database file and its WAL, as bytes a thief would copy. */
function fileBytes(t: TestHub): Buffer {
  return Buffer.concat([t.dbPath, `${t.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

function expectNowhere(t: TestHub, secrets: Record<string, string>, where: 'rows' | 'file'): void {
  if (where === 'rows') {
    const text = allText(t.store);
    for (const [label, secret] of Object.entries(secrets)) {
      const hits = text.filter((line) => line.includes(secret)).map((line) => line.slice(0, line.indexOf(':')));
      expect(hits, `${label} stored in plaintext`).toEqual([]);
    }
  } else {
    const bytes = fileBytes(t);
    for (const [label, secret] of Object.entries(secrets)) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), `${label} found in the database file bytes`).toBe(false);
    }
  }
}

/** Every secret a busy day produces: seeded passwords and tokens, sessions, a new device, a rotated token, a new officer, a reset password. */
async function busyDay(t: TestHub): Promise<Record<string, string>> {
  const scene = await buildScene(t);
  const secrets: Record<string, string> = {
    'kiosk token': t.creds.kioskToken,
    'display token': t.creds.displayToken,
    'admin password': t.creds.admin.password,
  };
  t.creds.officers.forEach((o) => (secrets[`${o.username} password`] = o.password));
  for (const o of t.creds.officers.slice(0, 4)) secrets[`${o.username} session`] = await sessionToken(t.url, o.username, o.password);
  secrets['admin session'] = await sessionToken(t.url, 'admin', t.creds.admin.password);
  const created = data(await scene.admin.send('device:save', { kind: 'display', name: 'Màn hình tầng 2', settings: { notice: 'Xin chào' } }));
  if ('token' in created) secrets['new device token'] = created.token;
  const rotated = data(await scene.admin.send('device:rotateToken', { id: 'display-1' }));
  secrets['rotated display token'] = rotated.token;
  data(await scene.admin.send('officer:save', { username: 'canbo9', fullName: 'Ngô Thị Chín', role: 'officer', enabled: true, password: 'Mat-khau-moi-9!' }));
  secrets['new officer password'] = 'Mat-khau-moi-9!';
  data(await scene.admin.send('officer:save', { id: 'canbo4', username: 'canbo4', fullName: 'Phạm Quốc Tuấn', role: 'officer', enabled: true, password: 'Dat-lai-mat-khau-4' }));
  secrets['reset password'] = 'Dat-lai-mat-khau-4';
  // a failed login with a password-looking string must not leave it behind either
  await httpRaw(t.url, 'POST', '/api/login', { 'content-type': 'application/json' }, JSON.stringify({ username: 'canbo5', password: 'Sai-mat-khau-canbo5' }));
  secrets['wrong password typed'] = 'Sai-mat-khau-canbo5';
  return secrets;
}

describe('secrets at rest', () => {
  it('no device token, session token or password is stored in plaintext, in any row or in the file bytes', async () => {
    h = await startTestHub();
    const secrets = await busyDay(h);
    expectNowhere(h, secrets, 'rows');
    expectNowhere(h, secrets, 'file');
    h.store.db.pragma('wal_checkpoint(TRUNCATE)');
    expectNowhere(h, secrets, 'file');
    // what is stored is a SHA-256 of each token (so the table is usable, and useless to a thief)
    const tokenHashes = h.store.db.prepare('SELECT token_hash FROM devices UNION ALL SELECT token_hash FROM sessions').all() as Array<{ token_hash: string }>;
    for (const label of ['kiosk token', 'rotated display token', 'admin session', 'canbo1 session']) {
      expect(tokenHashes.map((r) => r.token_hash), label).toContain(sha256(secrets[label] ?? ''));
    }
    // and passwords as salted scrypt
    const hashes = h.store.db.prepare('SELECT password_hash FROM officers').all() as Array<{ password_hash: string }>;
    for (const r of hashes) expect(r.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(new Set(hashes.map((r) => r.password_hash)).size).toBe(hashes.length);
  });

  it('the event log carries no token, password, hash, note of a citizen or personal data', async () => {
    h = await startTestHub();
    const secrets = await busyDay(h);
    const events = (h.store.db.prepare('SELECT data_json FROM events').all() as Array<{ data_json: string }>).map((e) => e.data_json).join('\n');
    const hashes = (h.store.db.prepare('SELECT password_hash AS v FROM officers UNION ALL SELECT token_hash FROM devices UNION ALL SELECT token_hash FROM sessions').all() as Array<{ v: string }>).map((r) => r.v);
    for (const [label, s] of Object.entries(secrets)) expect(events.includes(s), label).toBe(false);
    for (const hash of hashes) expect(events.includes(hash), 'a hash in the event log').toBe(false);
    for (const [field, value] of Object.entries(CITIZEN)) expect(events.includes(value), `applicant ${field} in the event log`).toBe(false);
  });
});

describe('citizens’ personal data', () => {
  it('CCCD, phone, address and birth date are stored in the dossier table only', async () => {
    h = await startTestHub();
    const scene = await buildScene(h);
    // a status change with an idempotency key (the counter app may send one) answers with the dossier too
    data(await scene.officer.send('dossier:setStatus', { dossierId: scene.dossier.id, status: 'needs_supplement', idempotencyKey: 'status-key-0001' }));
    const outside = allText(h.store).filter((line) => !line.startsWith('dossiers.'));
    for (const field of ['cccd', 'phone', 'address', 'birthDate'] as const) {
      const hits = outside.filter((line) => line.includes(CITIZEN[field])).map((line) => line.slice(0, line.indexOf(':')));
      expect(hits, `applicant ${field} stored outside the dossiers table`).toEqual([]);
    }
  });

  async function eraseCitizen(t: TestHub): Promise<void> {
    const token = await sessionToken(t.url, 'admin', t.creds.admin.password);
    const r = await httpRaw(t.url, 'POST', '/api/admin/personal-data/erase', { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, JSON.stringify({ cccd: CITIZEN.cccd }));
    expect(r.status).toBe(200);
    expect((r.json as { data: { erased: number } }).data.erased).toBe(1);
  }
  const personal = { cccd: CITIZEN.cccd, phone: CITIZEN.phone, address: CITIZEN.address, birthDate: CITIZEN.birthDate };

  it('after an erasure the personal data is gone from every table', async () => {
    h = await startTestHub();
    await buildScene(h);
    await eraseCitizen(h);
    expectNowhere(h, personal, 'rows');
  });

  it('after an erasure and a checkpoint the personal data is gone from the file bytes too (what a stolen disk or a later backup holds)', async () => {
    h = await startTestHub();
    await buildScene(h);
    await eraseCitizen(h);
    h.store.db.pragma('wal_checkpoint(TRUNCATE)');
    expectNowhere(h, { cccd: CITIZEN.cccd, phone: CITIZEN.phone, address: CITIZEN.address }, 'file');
  });
});

describe('logs', () => {
  it('nothing secret or personal is logged, even at trace level and on errors', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    h = await startTestHub({ hubOptions: { logger: pino({ level: 'trace' }, sink) } });
    const secrets = await busyDay(h);
    const scene = { admin: h.admin() };
    await scene.admin.ready();
    // errors and odd traffic are logged too
    await httpRaw(h.url, 'POST', '/api/login', { 'content-type': 'application/json' }, JSON.stringify({ username: CITIZEN.cccd, password: CITIZEN.phone }));
    await scene.admin.sendRaw('dossier:get', { code: `${CITIZEN.cccd}-${CITIZEN.phone}` });
    await scene.admin.sendRaw('no:such', { cccd: CITIZEN.cccd });
    (scene.admin.socket as unknown as { emit(n: string, p: unknown): void }).emit('dossier:create', { applicant: CITIZEN }); // no ack: logged and ignored
    await new Promise((r) => setTimeout(r, 100));
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const [label, s] of Object.entries(secrets)) expect(log.includes(s), `${label} in the log`).toBe(false);
    for (const [field, value] of Object.entries(CITIZEN)) expect(log.includes(value), `applicant ${field} in the log`).toBe(false);
    expect(log.includes(TRANSFER_NOTE)).toBe(false);
  });
});
