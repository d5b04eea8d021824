/**
 * Password guessing: the per-account lockout (5 wrong passwords in a row → 15 minutes), over
 * HTTP and over the Socket.IO handshake, sharing one counter, for unknown usernames exactly as
 * for real ones; a per-address limit against password spraying (a few guesses against every
 * account from one machine, which the per-account lockout never sees), with the client's address
 * taken from X-Forwarded-For only behind a trusted proxy (--trust-proxy); a per-username limit no
 * other address escapes; and a warn log line for every failure and lockout, never the password.
 */
import { PROTOCOL_VERSION } from '@qms/protocol';
import pino from 'pino';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/test-hub';
import { httpRaw, login } from './helpers/http';

let h: TestHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const passwordOf = (t: TestHub, username: string): string =>
  username === 'admin' ? t.creds.admin.password : (t.creds.officers.find((o) => o.username === username)?.password ?? '');

/** A password handshake (optionally from `localAddress`, with extra headers); the connect_error code, or 'CONNECTED'. */
function handshake(t: TestHub, username: string, password: string, from: { localAddress?: string; headers?: Record<string, string> } = {}): Promise<string> {
  const s = io(t.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, kind: 'password', username, password },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    localAddress: from.localAddress,
    extraHeaders: from.headers,
  } as Parameters<typeof io>[1]);
  return new Promise((resolve) => {
    s.on('connect', () => {
      s.close();
      resolve('CONNECTED');
    });
    s.on('connect_error', (e) => {
      s.close();
      resolve((e as Error & { data?: { code?: string } }).data?.code ?? `transport: ${e.message}`);
    });
  });
}

const codeOf = (body: unknown): string | null => (body as { error?: { code?: string } } | null)?.error?.code ?? null;

describe('per-account lockout', () => {
  it('over HTTP: 5 wrong passwords lock the account for 15 minutes, even for the right password; a success resets the count', async () => {
    h = await startTestHub();
    const right = passwordOf(h, 'canbo1');
    const unknown = await login(h.url, 'khong-ton-tai', 'x');
    for (let i = 0; i < 5; i += 1) {
      const r = await login(h.url, 'canbo1', `sai-${i}`);
      expect(r.status).toBe(401);
      // the same answer as for a username that does not exist
      expect(r.body).toEqual(unknown.body);
    }
    const locked = await login(h.url, 'canbo1', right);
    expect(locked.status).toBe(423);
    expect(codeOf(locked.body)).toBe('ACCOUNT_LOCKED');
    expect((await login(h.url, 'canbo1', 'sai-nua')).status).toBe(423);
    h.clock.advance(15 * 60_000 - 1);
    expect((await login(h.url, 'canbo1', right)).status).toBe(423);
    h.clock.advance(1);
    expect((await login(h.url, 'canbo1', right)).status).toBe(200);
    // count restarts: 4 wrong, then right, then 4 wrong again: never locked
    for (let i = 0; i < 4; i += 1) expect((await login(h.url, 'canbo1', `sai-${i}`)).status).toBe(401);
    expect((await login(h.url, 'canbo1', right)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login(h.url, 'canbo1', `sai-${i}`)).status).toBe(401);
    expect((await login(h.url, 'canbo1', right)).status).toBe(200);
  });

  it('over the socket handshake, sharing the count with HTTP, whatever the case of the username', async () => {
    h = await startTestHub();
    const right = passwordOf(h, 'canbo2');
    for (let i = 0; i < 3; i += 1) expect((await login(h.url, 'CANBO2', `sai-${i}`)).status).toBe(401);
    expect(await handshake(h, 'Canbo2', 'sai-3')).toBe('UNAUTHENTICATED');
    expect(await handshake(h, 'canbo2', 'sai-4')).toBe('UNAUTHENTICATED');
    expect(await handshake(h, 'canbo2', right)).toBe('ACCOUNT_LOCKED');
    expect((await login(h.url, 'canbo2', right)).status).toBe(423);
    h.clock.advance(15 * 60_000);
    expect(await handshake(h, 'canbo2', right)).toBe('CONNECTED');
  });

  it('wrong passwords sent in parallel are all counted: the account still locks', async () => {
    h = await startTestHub();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(h!.url, 'canbo1', `song-song-${i}`)));
    expect(results.every((r) => [401, 423, 429].includes(r.status))).toBe(true);
    const row = h.store.db.prepare("SELECT failed_logins AS n, locked_until AS until FROM officers WHERE id = 'canbo1'").get() as { n: number; until: number | null };
    // from another machine, so the per-address limit does not hide the answer
    const right = await login(h.url, 'canbo1', passwordOf(h, 'canbo1'), '127.0.0.2');
    expect(right.status, `30 parallel wrong passwords left failed_logins=${row.n}, locked_until=${String(row.until)}: the lockout counts a burst as one`).toBe(423);
  });

  it('password handshakes sent in parallel are all counted too', async () => {
    h = await startTestHub();
    await Promise.all(Array.from({ length: 30 }, (_, i) => handshake(h!, 'canbo2', `song-song-${i}`)));
    expect((await login(h.url, 'canbo2', passwordOf(h, 'canbo2'), '127.0.0.2')).status).toBe(423);
  });

  it('unknown and disabled accounts answer exactly like a wrong password', async () => {
    h = await startTestHub();
    const wrong = await login(h.url, 'canbo3', 'sai');
    for (let i = 0; i < 8; i += 1) {
      const r = await login(h.url, `ghost${i % 2}`, 'sai');
      expect(r.status).toBe(401);
      expect(r.body).toEqual(wrong.body);
    }
    h.store.db.prepare("UPDATE officers SET enabled = 0 WHERE id = 'canbo6'").run();
    const disabled = await login(h.url, 'canbo6', passwordOf(h, 'canbo6'));
    expect(disabled.status).toBe(401);
    expect(disabled.body).toEqual(wrong.body);
    expect(await handshake(h, 'canbo6', passwordOf(h, 'canbo6'))).toBe('UNAUTHENTICATED');
  });
});

/**
 * Password spraying: three guesses against each of the nine accounts plus some unknown names,
 * from one address. No account reaches its lockout, so only a per-address limit can stop it.
 * Expected: within 30 failed attempts from one address the hub answers RATE_LIMITED (HTTP 429),
 * another address is not affected, and the address may try again after 15 minutes (hub clock).
 */
describe('per-address limit against password spraying', () => {
  const spray = (t: TestHub): Array<[string, string]> => {
    const accounts = ['admin', ...t.creds.officers.map((o) => o.username)];
    const out: Array<[string, string]> = [];
    for (let round = 0; round < 3; round += 1) {
      for (const u of accounts) out.push([u, `Matkhau@${round}23`]);
      out.push([`nhanvien${round}`, '123456']);
    }
    return out;
  };

  it('over HTTP', async () => {
    h = await startTestHub();
    const statuses: number[] = [];
    for (const [u, p] of spray(h)) statuses.push((await login(h.url, u, p)).status);
    expect(statuses, 'the spray itself must not trip any account lockout').not.toContain(423);
    expect(statuses, 'no per-address limit: 30 failed logins from one address in a row were all answered 401').toContain(429);
    const limited = await login(h.url, 'canbo1', 'another-guess');
    expect(limited.status).toBe(429);
    expect(codeOf(limited.body)).toBe('RATE_LIMITED');
    // another machine on the LAN is not affected
    expect((await login(h.url, 'canbo1', passwordOf(h, 'canbo1'), '127.0.0.2')).status).toBe(200);
    h.clock.advance(15 * 60_000);
    expect((await login(h.url, 'canbo1', passwordOf(h, 'canbo1'))).status).toBe(200);
  });

  it('guesses sent in parallel cannot overrun the limit (each one is counted before the slow password check)', async () => {
    h = await startTestHub({ hubOptions: { addressLimits: { maxFailures: 5, windowMs: 10 * 60_000 } } });
    const accounts = ['admin', ...h.creds.officers.map((o) => o.username)];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => login(h!.url, accounts[i % accounts.length] ?? 'admin', `song-song-${i}`)));
    const evaluated = results.filter((r) => r.status === 401).length;
    expect(evaluated, `${evaluated} of 40 parallel guesses from one address were checked, the limit is 5`).toBeLessThanOrEqual(5);
  });

  it('a forged X-Forwarded-For or X-Real-IP does not give each guess a new address', async () => {
    h = await startTestHub();
    const statuses: number[] = [];
    for (const [i, [u, p]] of spray(h).entries()) {
      const r = await httpRaw(h.url, 'POST', '/api/login', { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${i}.1`, 'x-real-ip': `10.8.${i}.1` }, JSON.stringify({ username: u, password: p }));
      statuses.push(r.status);
    }
    expect(statuses).toContain(429);
  });

  it('over the socket handshake', async () => {
    h = await startTestHub();
    const codes: string[] = [];
    for (const [u, p] of spray(h)) codes.push(await handshake(h, u, p));
    expect(codes).not.toContain('ACCOUNT_LOCKED');
    expect(codes, 'no per-address limit on password handshakes').toContain('RATE_LIMITED');
    expect(await handshake(h, 'canbo1', 'another-guess')).toBe('RATE_LIMITED');
    h.clock.advance(15 * 60_000);
    expect(await handshake(h, 'canbo1', passwordOf(h, 'canbo1'))).toBe('CONNECTED');
  });
});

/** A login through a proxy: the TCP peer is the proxy (127.0.0.1), the client in X-Forwarded-For. */
const viaProxy = (t: TestHub, client: string, username: string, password: string, localAddress?: string) =>
  httpRaw(t.url, 'POST', '/api/login', { 'content-type': 'application/json', 'x-forwarded-for': client }, JSON.stringify({ username, password }), { localAddress });

/** Twenty-odd guesses, at most three per username: no lockout, only the per-address limit can see them. */
function sprayList(t: TestHub): Array<[string, string]> {
  const accounts = ['admin', ...t.creds.officers.map((o) => o.username)];
  return Array.from({ length: 24 }, (_, i) => [accounts[i % accounts.length] ?? 'admin', `Doan-sai-${i}`]);
}

describe('behind a trusted proxy (--trust-proxy)', () => {
  it('two clients behind the proxy are limited separately: 20 bad logins from one do not lock out the other (HTTP)', async () => {
    h = await startTestHub({ hubOptions: { trustProxy: ['127.0.0.1'] } });
    const statuses: number[] = [];
    for (const [u, p] of sprayList(h)) statuses.push((await viaProxy(h, '192.168.1.10', u, p)).status);
    expect(statuses).not.toContain(423);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
    const other = await viaProxy(h, '192.168.1.11', 'canbo1', passwordOf(h, 'canbo1'));
    expect(other.status, 'a second client behind the proxy was locked out by the first one').toBe(200);
    // a client cannot pose as another by adding its own X-Forwarded-For entry: the proxy appends the real one
    expect((await viaProxy(h, '192.168.1.11, 192.168.1.10', 'canbo2', passwordOf(h, 'canbo2'))).status).toBe(429);
  });

  it('the same over the socket handshake (X-Forwarded-For of the upgrade request)', async () => {
    h = await startTestHub({ hubOptions: { trustProxy: ['127.0.0.1'] } });
    const codes: string[] = [];
    for (const [u, p] of sprayList(h)) codes.push(await handshake(h, u, p, { headers: { 'x-forwarded-for': '192.168.1.20' } }));
    expect(codes).toContain('RATE_LIMITED');
    expect(await handshake(h, 'canbo3', passwordOf(h, 'canbo3'), { headers: { 'x-forwarded-for': '192.168.1.21' } })).toBe('CONNECTED');
  });

  it('X-Forwarded-For from a peer that is not a trusted proxy is ignored', async () => {
    h = await startTestHub({ hubOptions: { trustProxy: ['127.0.0.9'] } });
    const statuses: number[] = [];
    for (const [i, [u, p]] of sprayList(h).entries()) statuses.push((await viaProxy(h, `10.1.${i}.1`, u, p)).status);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
    expect((await viaProxy(h, '10.2.0.1', 'canbo1', passwordOf(h, 'canbo1'))).status).toBe(429);
    expect(await handshake(h, 'canbo1', passwordOf(h, 'canbo1'), { headers: { 'x-forwarded-for': '10.3.0.1' } })).toBe('RATE_LIMITED');
  });
});

describe('per-username limit and unknown usernames', () => {
  it('another address does not escape the lockout, and an unknown username answers exactly as a known one', async () => {
    h = await startTestHub();
    const known: Array<{ status: number; body: unknown }> = [];
    const unknown: Array<{ status: number; body: unknown }> = [];
    for (let i = 0; i < 5; i += 1) {
      known.push(await login(h.url, 'canbo4', `sai-${i}`, `127.0.0.${i + 2}`));
      unknown.push(await login(h.url, 'khong-co-ai', `sai-${i}`, `127.0.0.${i + 2}`));
    }
    expect(known).toEqual(unknown);
    // the 6th try, from yet another address: both locked, the same status, code, message and lock time
    const sixthKnown = await login(h.url, 'canbo4', passwordOf(h, 'canbo4'), '127.0.0.20');
    const sixthUnknown = await login(h.url, 'Khong-Co-Ai', 'sai-5', '127.0.0.21');
    expect(sixthKnown.status).toBe(423);
    expect(codeOf(sixthKnown.body)).toBe('ACCOUNT_LOCKED');
    expect(sixthUnknown, 'the 6th try on an unknown username answered differently from a real account').toEqual(sixthKnown);
    expect(await handshake(h, 'khong-co-ai', 'sai-6', { localAddress: '127.0.0.22' })).toBe('ACCOUNT_LOCKED');
    // after the lock the count starts again, for both
    h.clock.advance(15 * 60_000);
    expect((await login(h.url, 'canbo4', 'sai-7', '127.0.0.23')).status).toBe(401);
    expect((await login(h.url, 'khong-co-ai', 'sai-7', '127.0.0.23')).status).toBe(401);
  });

  it('past the lockout, the per-username limit (10 failures an hour) holds from every address, for known and unknown names alike', async () => {
    h = await startTestHub();
    const names = ['canbo5', 'nguoi-la'];
    for (const round of [0, 1]) {
      for (let i = 0; i < 5; i += 1) for (const u of names) expect((await login(h.url, u, `sai-${round}-${i}`, `127.0.1.${round * 5 + i + 1}`)).status).toBe(401);
      for (const u of names) expect((await login(h.url, u, 'sai', `127.0.2.${round + 1}`)).status).toBe(423);
      h.clock.advance(15 * 60_000);
    }
    const known = await login(h.url, 'canbo5', passwordOf(h, 'canbo5'), '127.0.3.1');
    const unknown = await login(h.url, 'nguoi-la', 'sai', '127.0.3.2');
    expect(known.status).toBe(429);
    expect(codeOf(known.body)).toBe('RATE_LIMITED');
    expect(unknown).toEqual(known);
    h.clock.advance(30 * 60_000);
    expect((await login(h.url, 'canbo5', passwordOf(h, 'canbo5'), '127.0.3.1')).status).toBe(200);
  });
});

describe('a trace of every failed login', () => {
  it('logs each failure and each lockout at warn with username (a digest if no such account), address and reason, never the password', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    h = await startTestHub({ hubOptions: { logger, trustProxy: ['127.0.0.1'] } });
    const secret = 'Bi-mat-khong-duoc-ghi-log';
    for (let i = 0; i < 6; i += 1) await viaProxy(h, '192.168.5.5', 'canbo6', `${secret}-${i}`);
    await handshake(h, 'ai-do', `${secret}-socket`, { localAddress: '127.0.0.3' });
    await viaProxy(h, '192.168.5.6', 'canbo7', passwordOf(h, 'canbo7'));
    const warns = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 40);
    const failed = warns.filter((l) => l.msg === 'login failed');
    expect(failed.filter((l) => l.username === 'canbo6' && l.address === '192.168.5.5' && l.reason === 'wrong-password' && l.via === 'http')).toHaveLength(5);
    // a username without an account may be a password or a CCCD typed in the wrong box: a digest only
    const unknown = failed.filter((l) => l.address === '127.0.0.3' && l.reason === 'unknown-username' && l.via === 'socket');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.unknownUsername).toMatch(/^[0-9a-f]{12}$/);
    expect(lines.join('\n')).not.toContain('ai-do');
    expect(warns.filter((l) => l.msg === 'account locked after failed logins' && l.username === 'canbo6')).toHaveLength(1);
    expect(warns.filter((l) => l.msg === 'login refused: account locked' && l.username === 'canbo6' && l.address === '192.168.5.5')).toHaveLength(1);
    expect(warns.some((l) => l.username === 'canbo7'), 'a good login is not a warning').toBe(false);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(passwordOf(h, 'canbo7'));
  });
});
