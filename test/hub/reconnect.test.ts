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

describe('reconnect', () => {
  it('a client that was away gets a snapshot with what it missed, then events without a gap', async () => {
    const display = new TestClient(h.url, { kind: 'device', token: h.creds.displayToken }, { reconnection: true });
    await display.ready();
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o = await h.officerAt('canbo1', 'q1');
    data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'r-000001' }));

    // drop the display's transport (as a network blip would) while things happen
    display.socket.io.engine.close();
    await waitFor(() => !display.socket.connected);
    const missed = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'r-000002' }));
    data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 's-000001' }));

    await waitFor(() => display.snapshots.length === 2, 5000);
    const snap = display.snapshots[1];
    expect(snap?.seq).toBe(h.store.events.lastSeq());
    expect(snap?.tickets.map((t) => t.id)).toContain(missed.ticket.id);
    expect(snap?.counters.find((c) => c.id === 'q1')?.currentTicketId).not.toBeNull();
    expect(snap?.recentCalls[0]?.number).toBe('1001');

    const before = display.events.length;
    data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 's-000002' }));
    await waitFor(() => display.events.length > before);
    expect(display.events[before]?.seq).toBe((snap?.seq ?? 0) + 1);
    display.close();
  });

  it('sync:snapshot on demand returns the current state for the role', async () => {
    const display = h.display();
    await display.ready();
    const o = await h.officerAt('canbo1', 'q1');
    const pub = data(await display.send('sync:snapshot', {}));
    const staff = data(await o.send('sync:snapshot', {}));
    expect(pub.identity.role).toBe('display');
    expect(pub.counters.find((c) => c.id === 'q1')?.officerName).toBeNull();
    expect(staff.counters.find((c) => c.id === 'q1')?.officerName).toBe('Nguyễn Thị Lan');
    expect(pub.fields.map((f) => f.nameVi)).toContain('Đất đai – Xây dựng');
  });
});
