/**
 * Command rate limits, the cap on sockets per device token and counted printer faults, over a
 * real hub on loopback with real socket.io-client sockets and the production limits
 * (docs/protocol.md §7.1). The timed flood is test/security/flood.load.ts.
 */
import { COMMAND_COSTS, CONNECT_COST, DEFAULT_MAX_SOCKETS_PER_DEVICE, DEFAULT_ROLE_LIMITS, DEVICE_FACTOR, MAX_REFUSALS_IN_A_ROW, type Actor } from '@qms/hub';
import type { AckResult } from '@qms/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient, data, waitFor } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { contentDigest } from './helpers/db';

let h: TestHub;
beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  await h.close();
});

type Refusal = Extract<AckResult<unknown>, { ok: false }>;
const refusals = (acks: readonly AckResult<unknown>[]): Refusal[] => acks.filter((a): a is Refusal => !a.ok);
const snapshotCost = COMMAND_COSTS['sync:snapshot'] ?? 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `n` snapshot requests at once and returns the acks. */
async function snapshots(c: TestClient, n: number): Promise<AckResult<unknown>[]> {
  return Promise.all(Array.from({ length: n }, () => c.send('sync:snapshot', {})));
}

describe('RATE_LIMITED', () => {
  it('answers a refused command with the code, a Vietnamese message and retryAfterMs, and nothing of it is executed or stored', async () => {
    const officer = await h.officerAt('canbo1', 'q1');
    const display = h.display();
    await display.ready();
    const before = contentDigest(h.store);
    const eventsBefore = display.events.length;
    // the officer's socket spends its tokens on commands that store nothing (unknown names are charged too)
    const drain = Array.from({ length: DEFAULT_ROLE_LIMITS.officer.capacity + 5 }, () => officer.sendRaw('no:such', {}));
    const refused = await Promise.all([
      officer.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'refused-issue-1' }),
      officer.send('counter:close', { counterId: 'q1' }),
      officer.send('sync:snapshot', {}),
    ]);
    const drained = (await Promise.all(drain)) as AckResult<unknown>[];
    expect(refusals(drained).filter((r) => r.error.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(4);
    for (const r of refused) {
      expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } } });
      if (!r.ok) {
        expect(r.error.message).toMatch(/quá nhiều yêu cầu/);
        expect(r.error.message).toBe(r.error.message.normalize('NFC'));
        expect(r.error.details?.['retryAfterMs']).toBeGreaterThan(0);
      }
    }
    await sleep(50);
    expect(contentDigest(h.store)).toBe(before);
    expect(display.events.length).toBe(eventsBefore);
    // after the wait it says, the same key is a new command (the refusal stored no idempotency record)
    const wait = Math.max(...refusals(refused).map((r) => Number(r.error.details?.['retryAfterMs'] ?? 0)));
    await sleep(wait + 50);
    const again = data(await officer.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'refused-issue-1' }));
    expect(h.store.tickets.byId(again.ticket.id)?.fieldId).toBe('cu-tru');
  });

  it('a burst from one kiosk socket: what its bucket holds is issued, the rest refused; one ticket per ok ack', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const acks = await Promise.all(
      Array.from({ length: 90 }, (_, i) => kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `burst-limit-${i}` })),
    );
    const ok = acks.filter((a) => a.ok).length;
    const { capacity } = DEFAULT_ROLE_LIMITS.kiosk;
    expect(ok).toBeGreaterThanOrEqual(capacity);
    expect(ok).toBeLessThan(capacity + 5); // plus what refilled in the moment the burst took
    expect(refusals(acks).every((r) => r.error.code === 'RATE_LIMITED')).toBe(true);
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE field_id = 'chung-thuc'").get()).toEqual({ n: ok });
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'ticket:issued'").get()).toEqual({ n: ok });
  });
});

describe('per-device limit', () => {
  it('holds across several sockets of one display token; other devices and accounts are served meanwhile', async () => {
    const t0 = Date.now();
    const sockets = [h.display(), h.display(), h.display(), h.display()];
    await Promise.all(sockets.map((s) => s.ready()));
    const kiosk = h.kiosk();
    await kiosk.ready();
    const officer = h.officer('canbo2');
    await officer.ready();
    const perSocket = DEFAULT_ROLE_LIMITS.display.capacity / snapshotCost;
    const acks = (await Promise.all(sockets.map((s) => snapshots(s, perSocket)))).flat();
    const elapsedS = (Date.now() - t0) / 1000;
    const device = DEFAULT_ROLE_LIMITS.display.capacity * DEVICE_FACTOR;
    const refill = DEFAULT_ROLE_LIMITS.display.perSecond * DEVICE_FACTOR * elapsedS;
    const bound = Math.floor((device - sockets.length * CONNECT_COST + refill) / snapshotCost);
    const ok = acks.filter((a) => a.ok).length;
    // each socket alone would have had `perSocket`; together they get what the device holds
    expect(ok).toBeLessThanOrEqual(bound);
    expect(ok).toBeLessThan(sockets.length * perSocket);
    expect(ok).toBeGreaterThanOrEqual(Math.floor((device - sockets.length * CONNECT_COST) / snapshotCost));
    expect(refusals(acks).every((r) => r.error.code === 'RATE_LIMITED')).toBe(true);
    expect((await kiosk.send('sync:snapshot', {})).ok).toBe(true);
    expect((await officer.send('sync:snapshot', {})).ok).toBe(true);
  });
});

describe('a socket that keeps sending while refused', () => {
  it(`is ended after ${MAX_REFUSALS_IN_A_ROW} refusals in a row with hub:notice RATE_LIMITED; the device's other sockets stay`, async () => {
    const flooding = h.display();
    const calm = h.display();
    await Promise.all([flooding.ready(), calm.ready()]);
    const notices: string[] = [];
    flooding.socket.on('hub:notice', (n) => notices.push(n.code));
    const perSocket = DEFAULT_ROLE_LIMITS.display.capacity / snapshotCost;
    const acks: unknown[] = [];
    for (let i = 0; i < perSocket + MAX_REFUSALS_IN_A_ROW + 20; i++) {
      flooding.socket.timeout(3000).emit('sync:snapshot', {}, (err: Error | null, ack: unknown) => acks.push(err ? 'no answer' : ack));
    }
    await waitFor(() => !flooding.socket.connected);
    expect(notices).toEqual(['RATE_LIMITED']);
    await waitFor(() => acks.length === perSocket + MAX_REFUSALS_IN_A_ROW + 20, 5000);
    const limited = acks.filter((a) => (a as { error?: { code: string } }).error?.code === 'RATE_LIMITED').length;
    expect(limited).toBe(MAX_REFUSALS_IN_A_ROW);
    expect(calm.socket.connected).toBe(true);
    expect((await calm.send('sync:snapshot', {})).ok).toBe(true);
  });
});

describe('sockets per device token', () => {
  it(`a ${DEFAULT_MAX_SOCKETS_PER_DEVICE + 1}th socket is served and the oldest is ended with TOO_MANY_CONNECTIONS`, async () => {
    const notices: Array<{ i: number; code: string }> = [];
    const displays: TestClient[] = [];
    for (let i = 0; i < DEFAULT_MAX_SOCKETS_PER_DEVICE; i++) {
      const d = h.display();
      const index = i;
      d.socket.on('hub:notice', (n) => notices.push({ i: index, code: n.code }));
      await d.ready();
      displays.push(d);
    }
    const live = () => [...h.hub.io.of('/').sockets.values()].filter((s) => s.data.deviceId === 'display-1').length;
    expect(live()).toBe(DEFAULT_MAX_SOCKETS_PER_DEVICE);
    // e.g. a display back from a network drop whose old socket the hub still counts
    const newest = h.display();
    await newest.ready();
    expect((await newest.send('sync:snapshot', {})).ok).toBe(true);
    await waitFor(() => !displays[0]?.socket.connected);
    expect(notices).toEqual([{ i: 0, code: 'TOO_MANY_CONNECTIONS' }]);
    expect(displays.slice(1).every((d) => d.socket.connected)).toBe(true);
    expect(live()).toBe(DEFAULT_MAX_SOCKETS_PER_DEVICE);
    // other device tokens are not affected
    const kiosk = h.kiosk();
    await kiosk.ready();
    expect(displays.slice(1).every((d) => d.socket.connected)).toBe(true);
  });

  it('a connection flood of one token is refused with RATE_LIMITED once its tokens are spent; another token still connects', async () => {
    const allowed = (DEFAULT_ROLE_LIMITS.display.capacity * DEVICE_FACTOR) / CONNECT_COST;
    const clients = Array.from({ length: allowed + 10 }, () => new TestClient(h.url, { kind: 'device', token: h.creds.displayToken }));
    try {
      await waitFor(() => clients.every((c) => c.snapshots.length > 0 || c.connectError !== null), 10_000);
      const refused = clients.filter((c) => c.connectError !== null);
      expect(refused.length).toBeGreaterThanOrEqual(8);
      expect(refused.every((c) => c.connectError?.data?.code === 'RATE_LIMITED')).toBe(true);
      expect(refused[0]?.connectError?.data?.message).toMatch(/kết nối lại quá nhiều lần/);
      const live = [...h.hub.io.of('/').sockets.values()].filter((s) => s.data.deviceId === 'display-1').length;
      expect(live).toBeLessThanOrEqual(DEFAULT_MAX_SOCKETS_PER_DEVICE);
      const kiosk = h.kiosk();
      await kiosk.ready();
    } finally {
      for (const c of clients) c.close();
    }
  });
});

describe('connections of a staff account', () => {
  it('cost the account a snapshot each: a reconnect storm of one session is refused, another account still connects', async () => {
    const session = data(await (await fetch(`${h.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'canbo3', password: h.creds.officers[2]?.password }),
    })).json() as AckResult<{ token: string }>);
    const allowed = (DEFAULT_ROLE_LIMITS.officer.capacity * DEVICE_FACTOR) / CONNECT_COST;
    const clients = Array.from({ length: allowed + 6 }, () => new TestClient(h.url, { kind: 'session', token: session.token }));
    try {
      await waitFor(() => clients.every((c) => c.snapshots.length > 0 || c.connectError !== null), 10_000);
      const refused = clients.filter((c) => c.connectError !== null);
      expect(refused.length).toBeGreaterThanOrEqual(5);
      expect(refused.every((c) => c.connectError?.data?.code === 'RATE_LIMITED')).toBe(true);
      await h.officer('canbo4').ready();
    } finally {
      for (const c of clients) c.close();
    }
  });
});

describe('printer faults', () => {
  it('2,000 reports of one fault from a kiosk are one open fault with count 2000 and one dashboard alert', async () => {
    const kiosk: Actor = { role: 'kiosk', id: 'kiosk-1', name: 'Ki-ốt sảnh chính', deviceId: 'kiosk-1' };
    const acks = await Promise.all(
      Array.from({ length: 2000 }, (_, i) =>
        h.hub.executor.execute(kiosk, 'printer:report', { code: 'PRINTER_PAPER_OUT', message: `Hết giấy (${i})` }),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const rows = h.store.db.prepare('SELECT fault, count, resolved_at AS resolvedAt FROM printer_faults').all();
    expect(rows).toEqual([{ fault: 'paper_out', count: 2000, resolvedAt: null }]);
    const admin = h.admin();
    await admin.ready();
    const dash = data(await admin.send('dashboard:get', {}));
    expect(dash.printerFaults.map((f) => [f.deviceId, f.fault, f.count])).toEqual([['kiosk-1', 'paper_out', 2000]]);
    expect(admin.snapshots[0]?.printerFaults.map((f) => f.count)).toEqual([2000]);
  });

  it('over its socket, a kiosk flooding printer:report is limited and every report it got through is counted on the one row', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const acks = await Promise.all(
      Array.from({ length: 100 }, () => kiosk.send('printer:report', { code: 'PRINTER_OFFLINE', message: 'Máy in tắt' })),
    );
    const ok = acks.filter((a) => a.ok).length;
    expect(ok).toBeLessThan(DEFAULT_ROLE_LIMITS.kiosk.capacity + 5);
    expect(refusals(acks).every((r) => r.error.code === 'RATE_LIMITED')).toBe(true);
    expect(h.store.db.prepare('SELECT fault, count FROM printer_faults').all()).toEqual([{ fault: 'offline', count: ok }]);
  });
});
