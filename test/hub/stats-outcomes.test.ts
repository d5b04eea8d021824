import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMyDay, myDayNeedsHubFigures } from '../../apps/counter/src/my-day';
import { data, waitFor } from '../support/client';
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

  it('receiving or linking a dossier for a called ticket starts its service, logged like "Bắt đầu"; it then counts served', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const officer = await h.officerAt('canbo1', 'q1');
    const t1 = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'st-d-0001' })).ticket;
    const t2 = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'st-d-0002' })).ticket;
    const applicant = { fullName: 'Nguyễn Văn Bình', cccd: null, phone: null, birthDate: null, address: null };
    data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'st-d-call-1' }));
    h.clock.advance(30_000);
    const before = officer.events.length;
    // "Tiếp nhận hồ sơ" without "Bắt đầu"
    const dossier = data(await officer.send('dossier:create', { ticketId: t1.id, procedureId: 'tt-ks', applicant, idempotencyKey: 'st-d-dos-1' }));
    const started = h.store.tickets.byId(t1.id);
    expect(started?.status).toBe('serving');
    expect(started?.servingAt).toBe(h.clock.now());
    // the event log holds the start like a normal start, before the dossier event, and the counter is told
    const logged = h.store.events.forTicket(t1.id).map((e) => (e.data as { type: string; action?: string }));
    const startAt = logged.findIndex((e) => e.type === 'ticket:changed' && e.action === 'start');
    expect(startAt).toBeGreaterThanOrEqual(0);
    expect(logged.findIndex((e) => e.type === 'dossier:changed')).toBeGreaterThan(startAt);
    await waitFor(() => officer.events.slice(before).some((e) => e.type === 'ticket:changed' && e.action === 'start' && e.ticket.id === t1.id));
    h.clock.advance(120_000);
    data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'st-d-call-2' }));
    expect(h.store.tickets.byId(t1.id)?.status).toBe('done');

    // linking an existing dossier (a supplement visit) to the next called ticket starts it too
    expect(h.store.tickets.byId(t2.id)?.status).toBe('called');
    data(await officer.send('dossier:link', { ticketId: t2.id, code: dossier.code }));
    expect(h.store.tickets.byId(t2.id)?.status).toBe('serving');
    expect(h.store.events.forTicket(t2.id).some((e) => (e.data as { action?: string }).action === 'start')).toBe(true);
    data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'st-d-call-3' }));

    const admin = h.admin();
    await admin.ready();
    const day = today();
    const report = data(await admin.send('report:run', { from: day, to: day, groupBy: 'all' }));
    expect(report.totals.tickets).toMatchObject({ served: 2, noShow: 0 });
    expect(report.totals.service.n).toBe(2);
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

  it('a no-show called back and served counts the same on the dashboard and on the officer\'s panel', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const officer = await h.officerAt('canbo1', 'q1');
    const snap = await officer.ready();
    const meId = h.store.db.prepare<[], { id: string }>("SELECT id FROM officers WHERE username = 'canbo1'").get()?.id ?? '';
    // the panel as SidePanel keeps it: the snapshot's figures, then each live event, reading
    // the hub's figures again (a resync) where myDayNeedsHubFigures says so
    let panel = snap.myStats ?? { served: 0, noShow: 0, avgServiceMs: null };
    let seen = 0;
    const step = async (expectType: 'ticket:called' | 'ticket:changed', run: () => Promise<unknown>): Promise<void> => {
      const before = officer.events.length;
      await run();
      await waitFor(() => officer.events.slice(before).some((e) => e.type === expectType));
      for (const e of officer.events.slice(seen)) {
        if (myDayNeedsHubFigures(e)) panel = data(await officer.send('sync:snapshot', {})).myStats ?? panel;
        else panel = applyMyDay(panel, e, meId);
      }
      seen = officer.events.length;
    };
    const t1 = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'st-n-0001' })).ticket;
    await step('ticket:called', () => officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'st-n-call-1' }));
    await step('ticket:changed', () => officer.send('ticket:noShow', { ticketId: t1.id }));
    expect(panel.noShow).toBe(1);
    await step('ticket:called', () => officer.send('counter:callTicket', { counterId: 'q1', number: t1.number, idempotencyKey: 'st-n-call-2' }));
    await step('ticket:changed', () => officer.send('ticket:start', { ticketId: t1.id }));
    await step('ticket:changed', () => officer.send('ticket:finish', { ticketId: t1.id }));

    const admin = h.admin();
    await admin.ready();
    const dash = data(await admin.send('dashboard:get', {}));
    expect(dash.today).toMatchObject({ served: 1, noShow: 0 });
    expect({ served: panel.served, noShow: panel.noShow }).toEqual({ served: dash.today.served, noShow: dash.today.noShow });
    expect(data(await officer.send('sync:snapshot', {})).myStats).toMatchObject({ served: 1, noShow: 0 });
  });
});
