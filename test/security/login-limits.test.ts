/**
 * Password guessing: the per-account lockout (5 wrong passwords in a row → 15 minutes), over
 * HTTP and over the Socket.IO handshake, sharing one counter; and a per-address limit against
 * password spraying (a few guesses against every account from one machine, which the per-account
 * lockout never sees).
 */
import { PROTOCOL_VERSION } from '@qms/protocol';
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

/** A password handshake; the connect_error code, or 'CONNECTED'. */
function handshake(t: TestHub, username: string, password: string): Promise<string> {
  const s = io(t.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, kind: 'password', username, password },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
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

  it('unknown and disabled accounts answer exactly like a wrong password and never lock', async () => {
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
