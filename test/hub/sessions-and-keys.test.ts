import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient, data, waitFor } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  await h.close();
});

async function login(username: string): Promise<string> {
  const password = h.creds.officers.find((o) => o.username === username)?.password;
  const res = await fetch(`${h.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

describe('idempotency keys are per day and per payload', () => {
  it('the same key with another payload is a conflict; the same key tomorrow is a new ticket', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const first = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'kiosk-key-1' }));
    const other = await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: 'kiosk-key-1' });
    expect(!other.ok && other.error.code).toBe('CONFLICT');
    h.clock.advance(24 * 3600_000);
    const tomorrow = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'kiosk-key-1' }));
    expect(tomorrow.ticket.id).not.toBe(first.ticket.id);
    expect(tomorrow.ticket.number).toBe('6001');
  });

  it('a retried transfer with a key transfers once; a transfer without a note keeps the old note', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o = await h.officerAt('canbo1', 'q1');
    const t = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'tr-000001' })).ticket;
    data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'tr-call-01' }));
    const once = { ticketId: t.id, toFieldId: 'cu-tru', note: 'Cần sổ hộ khẩu', idempotencyKey: 'tr-move-01' };
    const [a, b] = await Promise.all([o.send('ticket:transfer', once), o.send('ticket:transfer', once)]);
    expect(data(a)).toEqual(data(b));
    expect(h.store.tickets.byId(t.id)?.transferCount).toBe(1);
    data(await o.send('ticket:transfer', { ticketId: t.id, toCounterId: 'q5' }));
    expect(h.store.tickets.byId(t.id)?.note).toBe('Cần sổ hộ khẩu');
  });

  it('calling out of turn cannot take a ticket transferred to another counter', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o1 = await h.officerAt('canbo1', 'q1');
    const o2 = await h.officerAt('canbo2', 'q2');
    const t = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'ct-000001' })).ticket;
    data(await o1.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'ct-call-01' }));
    data(await o1.send('ticket:transfer', { ticketId: t.id, toCounterId: 'q3' }));
    const r = await o2.send('counter:callTicket', { counterId: 'q2', ticketId: t.id, idempotencyKey: 'ct-call-02' });
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(!r.ok && r.error.message).toContain('quầy 3');
  });
});

describe('sessions end for live sockets too', () => {
  it('logout disconnects the sockets of that session with a notice', async () => {
    const token = await login('canbo1');
    const c = new TestClient(h.url, { kind: 'session', token });
    await c.ready();
    const notices: string[] = [];
    c.socket.on('hub:notice', (n) => notices.push(n.code));
    await fetch(`${h.url}/api/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    await waitFor(() => !c.socket.connected);
    expect(notices).toEqual(['SESSION_REVOKED']);
  });

  it('an expired session is ended by housekeeping; a device socket stays', async () => {
    const token = await login('canbo2');
    const session = new TestClient(h.url, { kind: 'session', token });
    const display = h.display();
    await Promise.all([session.ready(), display.ready()]);
    h.hub.housekeeping();
    expect(session.socket.connected).toBe(true);
    h.clock.advance(15 * 3600_000);
    h.hub.housekeeping();
    await waitFor(() => !session.socket.connected);
    expect(display.socket.connected).toBe(true);
  });

  it('housekeeping rolls the day at midnight without any command, and displays see the expiry', async () => {
    const kiosk = h.kiosk();
    const display = h.display();
    await Promise.all([kiosk.ready(), display.ready()]);
    data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'mid-000001' }));
    h.clock.advance(24 * 3600_000);
    h.hub.housekeeping();
    await waitFor(() => display.events.some((e) => e.type === 'ticket:changed' && e.action === 'expire'));
    const expire = display.events.find((e) => e.type === 'ticket:changed' && e.action === 'expire');
    expect(expire?.type === 'ticket:changed' && expire.stats).toEqual([{ fieldId: 'cu-tru', waiting: 0, openCounters: 0, estimatedWaitMinutes: null }]);
  });
});
