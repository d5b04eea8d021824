import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  await h.close();
});

/** The service day the hub gave its tickets (the hub's own clock). */
function today(): string {
  const row = h.store.db.prepare<[], { d: string }>('SELECT MAX(service_day) AS d FROM tickets').get();
  if (!row) throw new Error('no ticket');
  return row.d;
}

describe('statistics match what happened', () => {
  it('"Gọi tiếp" on a called but never started ticket records it as a no-show, not as served', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const officer = await h.officerAt('canbo1', 'q1');
    const t1 = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'st-a-0001' })).ticket;
    data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'st-a-0002' }));
    data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'st-c-0001' }));
    // never started: the next call must not count t1 as served
    data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'st-c-0002' }));

    const admin = h.admin();
    await admin.ready();
    const day = today();
    const report = data(await admin.send('report:run', { from: day, to: day, groupBy: 'all' }));
    expect(report.totals.tickets.served).toBe(0);
    expect(report.totals.tickets.noShow).toBe(1);
    expect(report.totals.service.n).toBe(0);
    // and it can be called back by number like any no-show
    const back = data(await officer.send('counter:callTicket', { counterId: 'q1', number: t1.number, idempotencyKey: 'st-c-0003' }));
    expect(back.ticket?.id).toBe(t1.id);
  });

  it('reports by counter and by officer put served tickets under the counter and officer that served them', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o1 = await h.officerAt('canbo1', 'q1');
    const o2 = await h.officerAt('canbo2', 'q2');
    const serveOne = async (o: typeof o1, counterId: string, key: string): Promise<void> => {
      const c = data(await o.send('counter:callNext', { counterId, idempotencyKey: `st-r-call-${key}` }));
      if (!c.ticket) throw new Error('nothing to call');
      data(await o.send('ticket:start', { ticketId: c.ticket.id }));
      h.clock.advance(60_000);
      data(await o.send('ticket:finish', { ticketId: c.ticket.id }));
    };
    for (let i = 0; i < 3; i += 1) data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: `st-i-aaaa${i}` }));
    for (let i = 0; i < 2; i += 1) data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `st-i-bbbb${i}` }));
    for (let i = 0; i < 3; i += 1) await serveOne(o1, 'q1', `a${i}`);
    for (let i = 0; i < 2; i += 1) await serveOne(o2, 'q2', `b${i}`);

    const admin = h.admin();
    await admin.ready();
    const day = today();
    const served = (r: { rows: Array<{ key: string; tickets: { served: number } }> }): Record<string, number> =>
      Object.fromEntries(r.rows.filter((x) => x.tickets.served > 0).map((x) => [x.key, x.tickets.served]));
    const byCounter = data(await admin.send('report:run', { from: day, to: day, groupBy: 'counter' }));
    expect(served(byCounter)).toEqual({ q1: 3, q2: 2 });
    const byOfficer = data(await admin.send('report:run', { from: day, to: day, groupBy: 'officer' }));
    const ids = h.store.db.prepare<[], { id: string; username: string }>(
      "SELECT id, username FROM officers WHERE username IN ('canbo1', 'canbo2')",
    ).all();
    const id = (u: string): string => ids.find((x) => x.username === u)?.id ?? u;
    expect(served(byOfficer)).toEqual({ [id('canbo1')]: 3, [id('canbo2')]: 2 });
    // the served rows carry their service times too
    expect(byCounter.rows.find((r) => r.key === 'q1')?.service.n).toBe(3);
    // the same over the whole month (read from the month rollups) and the whole year
    const month = day.slice(0, 7);
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
    for (const [from, to] of [[`${month}-01`, last], [`${month.slice(0, 4)}-01-01`, `${month.slice(0, 4)}-12-31`]] as const) {
      expect(served(data(await admin.send('report:run', { from, to, groupBy: 'counter' })))).toEqual({ q1: 3, q2: 2 });
      const officers = data(await admin.send('report:run', { from, to, groupBy: 'officer' }));
      expect(served(officers)).toEqual({ [id('canbo1')]: 3, [id('canbo2')]: 2 });
    }
  });
});
