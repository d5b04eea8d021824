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

describe('report month rollups at a month boundary (migration 0007)', () => {
  let m: TestHub;
  beforeEach(async () => {
    // 23:58 on 30 November in Hanoi
    m = await startTestHub({ clock: new FakeClock(Date.parse('2026-11-30T16:58:00Z')) });
  });
  afterEach(async () => {
    await m.close();
  });

  it('the month of the service day is open; at the first day of a month the month that ended is summed from its days', async () => {
    const kiosk = m.kiosk();
    await kiosk.ready();
    const o = await m.officerAt('canbo1', 'q1');
    const month = () => m.store.db.prepare('SELECT month, SUM(issued) AS issued, SUM(called) AS called, SUM(served) AS served FROM ticket_monthly GROUP BY 1').all();
    expect(m.store.reports.openMonth()).toBe('2026-11');
    for (const key of ['nov-30-001', 'nov-30-002']) data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: key }));
    const called = data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'nov-30-call' })).ticket;
    expect(called).not.toBeNull();
    data(await o.send('ticket:start', { ticketId: called?.id ?? '' }));
    data(await o.send('ticket:finish', { ticketId: called?.id ?? '' }));
    // November is open: its figures are in the day rows only
    expect(month()).toEqual([]);
    expect(m.store.reports.ticketSums({ from: '2026-11-01', to: '2026-11-30', groupBy: 'all' })).toMatchObject([{ issued: 2, called: 1, served: 1 }]);

    m.clock.set(Date.parse('2026-11-30T17:00:00Z')); // 00:00 on 1 December in Hanoi
    data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'dec-01-001' }));
    expect(m.store.reports.openMonth()).toBe('2026-12');
    // November's month rows, with the ticket the rollover closed (cancelled, not served)
    expect(month()).toEqual([{ month: '2026-11', issued: 2, called: 1, served: 1 }]);
    const nov = m.store.reports.ticketSums({ from: '2026-11-01', to: '2026-11-30', groupBy: 'all' });
    expect(nov).toMatchObject([{ issued: 2, called: 1, served: 1, cancelled: 1 }]);
    const both = m.store.reports.ticketSums({ from: '2026-11-01', to: '2026-12-31', groupBy: 'all' });
    expect(both).toMatchObject([{ issued: 3, served: 1 }]);
  });
});
