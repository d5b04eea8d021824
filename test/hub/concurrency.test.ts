import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  // a hammer, not people: 600 tickets from one kiosk socket and 500 calls per officer socket at
  // once, so the command rate limits (docs/protocol.md §7.1, rate-limits.test.ts) are scaled out of the way
  h = await startTestHub({ hubOptions: { rateLimits: { scale: 100 } } });
});
afterEach(async () => {
  await h.close();
});

describe('never two counters on one ticket', () => {
  it('1,000 concurrent call-next commands from two counters on the same field call each ticket exactly once', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const TICKETS = 600;
    const issued = await Promise.all(
      Array.from({ length: TICKETS }, (_, i) =>
        kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: `hammer-issue-${i}` }),
      ),
    );
    const numbers = issued.map((a) => data(a).ticket.number);
    expect(new Set(numbers).size).toBe(TICKETS);

    const c1 = await h.officerAt('canbo1', 'q1');
    const c2 = await h.officerAt('canbo2', 'q2');
    const calls = Array.from({ length: 1000 }, (_, i) => {
      const [client, counterId] = i % 2 === 0 ? [c1, 'q1'] : [c2, 'q2'];
      return client.send('counter:callNext', { counterId, idempotencyKey: `hammer-call-${i}` });
    });
    const results = (await Promise.all(calls)).map((a) => data(a));
    const calledIds = results.flatMap((r) => (r.ticket ? [r.ticket.id] : []));
    expect(calledIds).toHaveLength(TICKETS); // every ticket called once, the rest found an empty queue
    expect(new Set(calledIds).size).toBe(TICKETS);
    expect(results.filter((r) => r.ticket === null)).toHaveLength(1000 - TICKETS);

    // the event log agrees: one non-recall call event per ticket
    const perTicket = h.store.db
      .prepare(`SELECT ticket_id, COUNT(*) AS n, COUNT(DISTINCT counter_id) AS counters FROM events
        WHERE type = 'ticket:called' GROUP BY ticket_id`)
      .all() as Array<{ ticket_id: string; n: number; counters: number }>;
    expect(perTicket).toHaveLength(TICKETS);
    expect(perTicket.every((r) => r.n === 1 && r.counters === 1)).toBe(true);
  });
});

describe('idempotency', () => {
  it('a repeated call-next with the same key calls once and returns the first result', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    for (let i = 0; i < 3; i += 1) data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `i-00000${i}` }));
    const o = await h.officerAt('canbo2', 'q2');
    const [a, b, c] = await Promise.all([
      o.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'double-click-1' }),
      o.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'double-click-1' }),
      o.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'double-click-1' }),
    ]);
    expect(data(b)).toEqual(data(a));
    expect(data(c)).toEqual(data(a));
    const called = h.store.tickets.byDayAndStatus(h.store.tickets.byId(data(a).ticket?.id ?? '')?.serviceDay ?? '', 'called');
    expect(called).toHaveLength(1);
    expect(h.store.tickets.byDayAndStatus(called[0]?.serviceDay ?? '', 'waiting')).toHaveLength(2);
  });

  it('a retried ticket issue returns the same ticket, and survives a reconnect', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const first = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'retry-issue-1' }));
    kiosk.close();
    const again = h.kiosk();
    await again.ready();
    const second = data(await again.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'retry-issue-1' }));
    expect(second.ticket.id).toBe(first.ticket.id);
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 1 });
  });

  it('a key reused for another command is a conflict', async () => {
    const o = await h.officerAt('canbo1', 'q1');
    data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'same-key-01' }));
    const r = await o.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'same-key-01' });
    expect(!r.ok && r.error.code).toBe('CONFLICT');
  });
});
