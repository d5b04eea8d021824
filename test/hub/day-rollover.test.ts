import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { data } from '../support/client';
import { FakeClock } from '../support/fake-clock';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  // 23:59:00 in Hanoi (16:59 UTC)
  h = await startTestHub({ clock: new FakeClock(Date.parse('2026-11-23T16:59:00Z')) });
});
afterEach(async () => {
  await h.close();
});

describe('service day in Asia/Ho_Chi_Minh', () => {
  it('numbers restart at local midnight and yesterday’s open tickets are closed', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o = await h.officerAt('canbo1', 'q1');
    const late1 = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'late-00001' })).ticket;
    const late2 = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'late-00002' })).ticket;
    data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'late-call-1' }));
    expect(late2.number).toBe('1002');

    h.clock.set(Date.parse('2026-11-23T17:00:00Z')); // 00:00 on the 24th in Hanoi
    const first = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'early-0001' })).ticket;
    expect(first.number).toBe('1001');
    expect(h.store.tickets.byId(late1.id)?.status).toBe('cancelled');
    expect(h.store.tickets.byId(late2.id)?.status).toBe('cancelled');
    const snap = data(await o.send('sync:snapshot', {}));
    expect(snap.serviceDay).toBe('2026-11-24');
    expect(snap.tickets.map((t) => t.id)).toEqual([first.id]);
    const recall = await o.send('ticket:recall', { ticketId: late1.id });
    expect(!recall.ok && recall.error.code).toBe('NOT_FOUND');
    expect(o.events.filter((e) => e.type === 'ticket:changed' && e.action === 'expire')).toHaveLength(2);
  });
});
