/**
 * Session handling: tokens are random 256-bit values, expire after 14 hours, end at logout,
 * stop working when the account is disabled, its password is reset or its role is lowered,
 * and never travel in the URLs of staff pages. Device tokens: revoked or rotated ones stop
 * working at once and leave the address bar of the kiosk, display and rating pages.
 */
import type { Page, Request } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { TestClient, data, waitFor } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { codeOf } from './helpers/acks';
import { httpRaw, login, sessionToken } from './helpers/http';

const browser = useBrowser();
let h: TestHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const hub = (): TestHub => {
  if (!h) throw new Error('no hub');
  return h;
};
const passwordOf = (t: TestHub, u: string): string => (u === 'admin' ? t.creds.admin.password : (t.creds.officers.find((o) => o.username === u)?.password ?? ''));

/** A session socket; resolves when it is connected with its snapshot, or with the refusal code. */
async function sessionSocket(t: TestHub, token: string): Promise<{ client: TestClient; refused: string | null }> {
  const client = new TestClient(t.url, { kind: 'session', token });
  try {
    await client.ready();
    return { client, refused: null };
  } catch {
    client.close();
    return { client, refused: client.connectError?.data?.code ?? 'refused' };
  }
}

const adminHttp = (t: TestHub, token: string) =>
  httpRaw(t.url, 'GET', '/api/admin/personal-data?cccd=001090012345', { authorization: `Bearer ${token}` });

/** Notices a socket receives (SESSION_REVOKED etc.). */
function notices(c: TestClient): string[] {
  const list: string[] = [];
  c.socket.on('hub:notice', (n) => list.push(n.code));
  return list;
}

describe('session tokens', () => {
  it('are 256 random bits (base64url of 32 bytes), all different, stored only as a hash, and expire 14 hours after login', async () => {
    h = await startTestHub();
    const tokens: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const r = await login(h.url, `canbo${(i % 8) + 1}`, passwordOf(h, `canbo${(i % 8) + 1}`));
      if (!r.body.ok) throw new Error(r.body.error.code);
      expect(r.body.data.expiresAt).toBe(h.clock.now() + 14 * 3600_000);
      tokens.push(r.body.data.token);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    let ones = 0;
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const bytes = Buffer.from(t, 'base64url');
      expect(bytes.length).toBe(32);
      for (const b of bytes) for (let bit = 0; bit < 8; bit += 1) ones += (b >> bit) & 1;
    }
    const ratio = ones / (tokens.length * 256);
    expect(ratio).toBeGreaterThan(0.46);
    expect(ratio).toBeLessThan(0.54);
    const rows = h.store.db.prepare('SELECT token_hash, expires_at - created_at AS ttl FROM sessions').all() as Array<{ token_hash: string; ttl: number }>;
    expect(rows).toHaveLength(tokens.length);
    for (const r of rows) {
      expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.ttl).toBe(14 * 3600_000);
    }
  });

  it('an expired session is refused at the handshake and over HTTP, and its live socket is ended', async () => {
    h = await startTestHub();
    const token = await sessionToken(h.url, 'admin', passwordOf(h, 'admin'));
    const live = await sessionSocket(h, token);
    expect(live.refused).toBeNull();
    const seen = notices(live.client);
    h.clock.advance(14 * 3600_000 - 1);
    expect((await adminHttp(h, token)).status).toBe(200);
    const still = await sessionSocket(h, token);
    expect(still.refused).toBeNull();
    still.client.close();
    h.clock.advance(1);
    expect((await sessionSocket(h, token)).refused).toBe('UNAUTHENTICATED');
    expect((await adminHttp(h, token)).status).toBe(401);
    h.hub.housekeeping();
    await waitFor(() => !live.client.socket.connected);
    expect(seen).toContain('SESSION_REVOKED');
  });

  it('logout revokes the token at once: live sockets are ended, the handshake and the admin API refuse it', async () => {
    h = await startTestHub();
    const token = await sessionToken(h.url, 'admin', passwordOf(h, 'admin'));
    const live = await sessionSocket(h, token);
    const seen = notices(live.client);
    const out = await httpRaw(h.url, 'POST', '/api/logout', { authorization: `Bearer ${token}` });
    expect(out.status).toBe(200);
    await waitFor(() => !live.client.socket.connected);
    expect(seen).toContain('SESSION_REVOKED');
    expect((await sessionSocket(h, token)).refused).toBe('UNAUTHENTICATED');
    expect((await adminHttp(h, token)).status).toBe(401);
    expect(h.store.db.prepare('SELECT revoked_at IS NOT NULL AS r FROM sessions').get()).toEqual({ r: 1 });
  });

  it('a disabled account: its live sockets are ended and its sessions refused (and stay refused after it is enabled again)', async () => {
    h = await startTestHub();
    const admin = h.admin();
    await admin.ready();
    const token = await sessionToken(h.url, 'canbo2', passwordOf(h, 'canbo2'));
    const live = await sessionSocket(h, token);
    const byPassword = h.officer('canbo2');
    await byPassword.ready();
    data(await admin.send('officer:save', { id: 'canbo2', username: 'canbo2', fullName: 'Trần Văn Minh', role: 'officer', enabled: false }));
    await waitFor(() => !live.client.socket.connected && !byPassword.socket.connected);
    expect((await sessionSocket(h, token)).refused).toBe('UNAUTHENTICATED');
    expect((await login(h.url, 'canbo2', passwordOf(h, 'canbo2'))).status).toBe(401);
    data(await admin.send('officer:save', { id: 'canbo2', username: 'canbo2', fullName: 'Trần Văn Minh', role: 'officer', enabled: true }));
    expect((await sessionSocket(h, token)).refused, 'a session from before the account was disabled came back to life').toBe('UNAUTHENTICATED');
  });

  it('a password reset ends every session of the account (a stolen token must not survive the reset)', async () => {
    h = await startTestHub();
    const admin = h.admin();
    await admin.ready();
    const stolen = await sessionToken(h.url, 'canbo3', passwordOf(h, 'canbo3'));
    data(await admin.send('officer:save', { id: 'canbo3', username: 'canbo3', fullName: 'Lê Thị Hương', role: 'officer', enabled: true, password: 'Mat-khau-moi-3!' }));
    expect((await login(h.url, 'canbo3', passwordOf(h, 'canbo3'))).status).toBe(401);
    expect((await login(h.url, 'canbo3', 'Mat-khau-moi-3!')).status).toBe(200);
    expect((await sessionSocket(h, stolen)).refused, 'the session opened before the password reset still connects').toBe('UNAUTHENTICATED');
  });

  it('an admin who changes their own password ends their other sessions too (a stolen admin token must not survive)', async () => {
    h = await startTestHub();
    const stolen = await sessionToken(h.url, 'admin', passwordOf(h, 'admin'));
    const intruder = await sessionSocket(h, stolen);
    expect(intruder.refused).toBeNull();
    const mine = await sessionToken(h.url, 'admin', passwordOf(h, 'admin'));
    const me = await sessionSocket(h, mine);
    const ack = await me.client.sendRaw('officer:save', { id: 'admin', username: 'admin', fullName: 'Quản trị viên', role: 'admin', enabled: true, password: 'Mat-khau-quan-tri-moi-1' });
    expect(codeOf(ack)).toBeNull();
    expect((await login(h.url, 'admin', 'Mat-khau-quan-tri-moi-1')).status).toBe(200);
    expect((await sessionSocket(h, stolen)).refused, 'the stolen admin session still connects after the admin changed their password').toBe('UNAUTHENTICATED');
    expect((await adminHttp(h, stolen)).status).toBe(401);
    h.hub.housekeeping();
    await waitFor(() => !intruder.client.socket.connected, 2000).catch(() => undefined);
    expect(intruder.client.socket.connected, 'the intruder’s open socket survives the password change').toBe(false);
  });

  it('an admin demoted to officer loses admin rights at once, also on sockets already connected', async () => {
    h = await startTestHub();
    const admin = h.admin();
    await admin.ready();
    data(await admin.send('officer:save', { username: 'admin2', fullName: 'Phó quản trị', role: 'admin', enabled: true, password: 'Quan-tri-2-mat-khau' }));
    const token = await sessionToken(h.url, 'admin2', 'Quan-tri-2-mat-khau');
    const live = await sessionSocket(h, token);
    expect(codeOf(await live.client.sendRaw('config:get', {}))).toBeNull();
    const id = h.store.accounts.officerByUsername('admin2')?.id ?? 'admin2';
    data(await admin.send('officer:save', { id, username: 'admin2', fullName: 'Phó quản trị', role: 'officer', enabled: true }));
    // the admin API: the session is either ended (401) or now an officer's (403)
    expect([401, 403]).toContain((await adminHttp(h, token)).status);
    // a new socket with that token: refused, or an officer's
    const fresh = await sessionSocket(h, token);
    if (fresh.refused === null) expect(fresh.client.snapshots.at(-1)?.identity.role).toBe('officer');
    else expect(fresh.refused).toBe('UNAUTHENTICATED');
    fresh.client.close();
    // and the socket that was already open must not keep the old one
    await new Promise((r) => setTimeout(r, 200));
    if (live.client.socket.connected) {
      const ack = await live.client.sendRaw('officer:save', { username: 'sneaky1', fullName: 'Cửa hậu', role: 'admin', enabled: true, password: 'cua-hau-12345' });
      expect(codeOf(ack), 'a demoted admin’s open socket still runs admin commands').toBe('FORBIDDEN');
    }
    expect(h.store.accounts.officerByUsername('sneaky1')).toBeNull();
  });
});

describe('device tokens', () => {
  it('a revoked or rotated token stops working at once: live sockets ended, the handshake refused; the new token works', async () => {
    h = await startTestHub();
    const admin = h.admin();
    const kiosk = h.kiosk();
    const display = h.display();
    await Promise.all([admin.ready(), kiosk.ready(), display.ready()]);
    data(await admin.send('device:revoke', { id: 'kiosk-1' }));
    const rotated = data(await admin.send('device:rotateToken', { id: 'display-1' }));
    await waitFor(() => !kiosk.socket.connected && !display.socket.connected);
    for (const token of [h.creds.kioskToken, h.creds.displayToken]) {
      const c = new TestClient(h.url, { kind: 'device', token });
      await expect(c.ready()).rejects.toThrow();
      expect(c.connectError?.data?.code).toBe('UNAUTHENTICATED');
      c.close();
    }
    const fresh = new TestClient(h.url, { kind: 'device', token: rotated.token });
    expect((await fresh.ready()).identity.role).toBe('display');
    fresh.close();
  });
});

/** Every URL the page requests, opens a websocket to or navigates to, as it happens. */
function requestedUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r: Request) => urls.push(r.url()));
  page.on('websocket', (ws) => urls.push(ws.url()));
  page.on('framenavigated', (f) => urls.push(f.url()));
  return urls;
}

describe('tokens in URLs (Chromium)', () => {
  it('the counter never puts the session token in a URL; logout revokes it', async () => {
    h = await startTestHub();
    const { page } = await openPage(browser(), 1280, 800);
    const urls = requestedUrls(page);
    await page.goto(`${hub().url}/counter/`);
    await page.fill('input[name=username]', 'canbo1');
    await page.fill('input[name=password]', passwordOf(hub(), 'canbo1'));
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-counter=q1]');
    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('qms.counter.session') ?? '{}') as { token?: string }).token ?? '');
    expect(token).toMatch(/^[\w-]{43}$/);
    await page.click('[data-counter=q1]');
    await page.waitForSelector('[data-action=callNext]');
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u.includes(token), `token in ${u}`).toBe(false);
    expect(page.url().includes(token)).toBe(false);
    // the password is not in any URL either (a GET form would put it there)
    for (const u of urls) expect(u.includes(encodeURIComponent(passwordOf(hub(), 'canbo1')))).toBe(false);
    await page.context().close();
    const out = await httpRaw(hub().url, 'POST', '/api/logout', { authorization: `Bearer ${token}` });
    expect(out.status).toBe(200);
    expect((await sessionSocket(hub(), token)).refused).toBe('UNAUTHENTICATED');
  });

  it('the admin app never puts the session token in a URL either', async () => {
    h = await startTestHub();
    const { page } = await openPage(browser(), 1280, 800);
    const urls = requestedUrls(page);
    await page.goto(`${hub().url}/admin/`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', passwordOf(hub(), 'admin'));
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=page-dashboard]');
    for (const p of ['officers', 'devices', 'dossiers', 'reports']) {
      await page.goto(`${hub().url}/admin/#/${p}`);
      await page.waitForSelector(`[data-testid=page-${p}]`);
    }
    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('qms.admin.session') ?? '{}') as { token?: string }).token ?? '');
    expect(token).toMatch(/^[\w-]{43}$/);
    for (const u of urls) expect(u.includes(token), `token in ${u}`).toBe(false);
    await page.context().close();
  });

  it('kiosk, display and rating pages take their device token once and remove it from the address bar', async () => {
    h = await startTestHub();
    const pages: Array<[string, string, string]> = [
      [`/kiosk/?token=${h.creds.kioskToken}`, '.field-btn', h.creds.kioskToken],
      [`/display/?token=${h.creds.displayToken}`, '[data-testid=now-calling]', h.creds.displayToken],
      [`/counter/rate.html?counter=1&token=${h.creds.displayToken}`, '.rate-idle', h.creds.displayToken],
    ];
    for (const [path, ready, token] of pages) {
      const { page } = await openPage(browser(), 1280, 800);
      await page.goto(`${hub().url}${path}`);
      await page.waitForSelector(ready);
      expect(page.url().includes(token), `${path.split('?')[0]} keeps the token in the address bar`).toBe(false);
      const referrerPolicy = (await page.evaluate(() => document.referrer)) ?? '';
      expect(referrerPolicy.includes(token)).toBe(false);
      await page.context().close();
    }
  });
});
