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
});
