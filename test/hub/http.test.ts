import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  await h.close();
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { code: string } } };
}

describe('HTTP API', () => {
  it('health answers with the site and the event seq', async () => {
    const res = await fetch(`${h.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; site: string; seq: number; protocolVersion: number };
    expect(body.ok).toBe(true);
    expect(body.site).toBe('Trung tâm Phục vụ hành chính công phường Ba Đình');
    expect(body.seq).toBe(0);
  });

  it('login gives a session token that opens a socket; logout revokes it; expiry ends it', async () => {
    const password = h.creds.officers[0]?.password ?? '';
    const login = await post(`${h.url}/api/login`, { username: 'canbo1', password });
    expect(login.status).toBe(200);
    expect(login.body.data.officer).toEqual({ id: 'canbo1', username: 'canbo1', fullName: 'Nguyễn Thị Lan', role: 'officer' });
    const token = login.body.data.token as string;
    const stored = h.store.db.prepare('SELECT token_hash FROM sessions').get() as { token_hash: string };
    expect(stored.token_hash).not.toContain(token); // only the hash is stored

    const c = new TestClient(h.url, { kind: 'session', token });
    expect((await c.ready()).identity).toEqual({ role: 'officer', id: 'canbo1', name: 'Nguyễn Thị Lan' });
    c.close();

    expect((await post(`${h.url}/api/logout`, {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    const after = new TestClient(h.url, { kind: 'session', token });
    await expect(after.ready()).rejects.toThrow();
    expect(after.connectError?.data?.code).toBe('UNAUTHENTICATED');
    after.close();

    const second = (await post(`${h.url}/api/login`, { username: 'canbo1', password })).body.data.token as string;
    h.clock.advance(15 * 3600_000);
    const expired = new TestClient(h.url, { kind: 'session', token: second });
    await expect(expired.ready()).rejects.toThrow();
    expect(expired.connectError?.data?.message).toContain('hết hạn');
    expired.close();
  });

  it('wrong password, lockout, bad JSON, oversized body and unknown routes give clear errors', async () => {
    expect((await post(`${h.url}/api/login`, { username: 'canbo2', password: 'nope' })).body.error?.code).toBe('UNAUTHENTICATED');
    expect((await post(`${h.url}/api/login`, { username: 'nobody', password: 'nope' })).status).toBe(401);
    for (let i = 0; i < 4; i += 1) await post(`${h.url}/api/login`, { username: 'canbo2', password: 'nope' });
    const locked = await post(`${h.url}/api/login`, { username: 'canbo2', password: h.creds.officers[1]?.password });
    expect(locked.status).toBe(423);
    expect(locked.body.error?.code).toBe('ACCOUNT_LOCKED');
    expect((await post(`${h.url}/api/login`, '{not json')).body.error?.code).toBe('VALIDATION_FAILED');
    expect((await post(`${h.url}/api/login`, { username: 'a'.repeat(20_000), password: 'x' })).status).toBe(413);
    expect((await fetch(`${h.url}/api/nope`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/health`)).status).toBe(200);
  });
});

describe('password spraying from one address', () => {
  it('after 20 failed logins across usernames, the address is refused for a while (RATE_LIMITED), others are not', async () => {
    for (let i = 0; i < 20; i += 1) {
      const r = await post(`${h.url}/api/login`, { username: `nobody${i}`, password: 'guess' });
      expect(r.status).toBe(401);
    }
    const limited = await post(`${h.url}/api/login`, { username: 'canbo1', password: h.creds.officers[0]?.password ?? '' });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe('RATE_LIMITED');
    h.clock.advance(11 * 60_000);
    const ok = await post(`${h.url}/api/login`, { username: 'canbo1', password: h.creds.officers[0]?.password ?? '' });
    expect(ok.status).toBe(200);
  });
});
