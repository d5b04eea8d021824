import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { data, waitFor } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  await h.close();
});

describe('satisfaction ratings and officer figures', () => {
  it('a rating tablet rates a just-finished ticket once, with its counter and officer', async () => {
    const kiosk = h.kiosk();
    const tablet = h.display();
    await Promise.all([kiosk.ready(), tablet.ready()]);
    const o = await h.officerAt('canbo3', 'q3');
    const t = data(await kiosk.send('ticket:issue', { fieldId: 'kinh-doanh', idempotencyKey: 'rate-00001' })).ticket;
    data(await o.send('counter:callNext', { counterId: 'q3', idempotencyKey: 'rate-call-1' }));
    const early = await tablet.send('ticket:rate', { ticketId: t.id, level: 'satisfied' });
    expect(!early.ok && early.error.code).toBe('FORBIDDEN'); // not finished yet
    data(await o.send('ticket:start', { ticketId: t.id }));
    h.clock.advance(5 * 60_000);
    data(await o.send('ticket:finish', { ticketId: t.id }));
    await waitFor(() => tablet.events.some((e) => e.type === 'ticket:changed' && e.action === 'finish' && e.ticket.counterId === 'q3'));
    expect(data(await tablet.send('ticket:rate', { ticketId: t.id, level: 'very_satisfied' }))).toEqual({ ticketId: t.id, level: 'very_satisfied' });
    const again = await tablet.send('ticket:rate', { ticketId: t.id, level: 'unsatisfied' });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    expect(h.store.ratings.forTicket(t.id)).toMatchObject({ counterId: 'q3', officerId: 'canbo3', level: 'very_satisfied', deviceId: 'display-1' });
    await waitFor(() => o.events.some((e) => e.type === 'ticket:rated'));
    const officerRate = await o.sendRaw('ticket:rate', { ticketId: t.id, level: 'satisfied' });
    expect((officerRate as { error: { code: string } }).error.code).toBe('FORBIDDEN'); // officers cannot rate themselves
  });

  it('a rating long after the ticket was finished is refused', async () => {
    const kiosk = h.kiosk();
    const tablet = h.display();
    await Promise.all([kiosk.ready(), tablet.ready()]);
    const o = await h.officerAt('canbo1', 'q1');
    const t = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'late-rate-1' })).ticket;
    data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'late-call-1' }));
    data(await o.send('ticket:finish', { ticketId: t.id }));
    h.clock.advance(11 * 60_000);
    const r = await tablet.send('ticket:rate', { ticketId: t.id, level: 'neutral' });
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });

  it('the officer snapshot carries today’s served, no-show and mean service time', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o = await h.officerAt('canbo2', 'q2');
    for (let i = 0; i < 3; i += 1) data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `st-00000${i}` }));
    const a = data(await o.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'st-call-01' })).ticket;
    data(await o.send('ticket:start', { ticketId: a?.id ?? '' }));
    h.clock.advance(4 * 60_000);
    data(await o.send('ticket:finish', { ticketId: a?.id ?? '' }));
    const b = data(await o.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'st-call-02' })).ticket;
    data(await o.send('ticket:start', { ticketId: b?.id ?? '' }));
    h.clock.advance(6 * 60_000);
    data(await o.send('ticket:finish', { ticketId: b?.id ?? '' }));
    const c = data(await o.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'st-call-03' })).ticket;
    data(await o.send('ticket:noShow', { ticketId: c?.id ?? '' }));
    const snap = data(await o.send('sync:snapshot', {}));
    expect(snap.myStats).toEqual({ served: 2, noShow: 1, avgServiceMs: 5 * 60_000 });
    const display = h.display();
    expect((await display.ready()).myStats).toBeNull();
  });
});
