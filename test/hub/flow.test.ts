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

describe('issue -> call -> displays', () => {
  it('a call reaches every display with the public projection, and the kiosk gets a full ticket', async () => {
    const displays = [h.display(), h.display(), h.display()];
    await Promise.all(displays.map((d) => d.ready()));
    const kiosk = h.kiosk();
    await kiosk.ready();
    const officer = await h.officerAt('canbo1', 'q1');

    const issued = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'k-0001-abc' }));
    expect(issued.ticket.number).toBe('1001');
    expect(issued.peopleAhead).toBe(0);
    expect(issued.counterNumbers).toEqual([1, 2]);
    expect(issued.fieldNameVi).toBe('Tư pháp – Hộ tịch');
    expect(issued.estimatedWaitMinutes).toBe(0);

    const called = data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'c-0001-abc' }));
    expect(called.ticket?.id).toBe(issued.ticket.id);
    expect(called.counterNumber).toBe(1);

    for (const d of displays) {
      await waitFor(() => d.events.some((e) => e.type === 'ticket:called'));
      const e = d.events.find((x) => x.type === 'ticket:called');
      expect(e?.type === 'ticket:called' && e.ticket.number).toBe('1001');
      expect(e?.type === 'ticket:called' && e.counterNumber).toBe(1);
      expect(e?.type === 'ticket:called' && e.ticket.officerId).toBeNull();
    }
    const staffEvent = officer.events.find((x) => x.type === 'ticket:called');
    expect(staffEvent?.type === 'ticket:called' && staffEvent.ticket.officerId).toBe('canbo1');
    const counterEvent = displays[0]?.events.find((x) => x.type === 'counter:changed');
    expect(counterEvent?.type === 'counter:changed' && counterEvent.counter.officerName).toBeNull();
  });

  it('event seqs are consecutive and continue the snapshot seq', async () => {
    const display = h.display();
    const snap = await display.ready();
    const kiosk = h.kiosk();
    await kiosk.ready();
    for (let i = 0; i < 5; i += 1) {
      data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `seq-test-${i}` }));
    }
    await waitFor(() => display.events.length === 5);
    expect(display.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5].map((n) => snap.seq + n));
  });

  it('numbers are per field: two fields each start at their own range', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const a1 = data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: 'n-000001' }));
    const b1 = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'n-000002' }));
    const a2 = data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: 'n-000003' }));
    expect([a1.ticket.number, b1.ticket.number, a2.ticket.number]).toEqual(['2001', '6001', '2002']);
    expect(a2.peopleAhead).toBe(1);
  });
});

describe('officer actions', () => {
  it('recall, start, finish; no-show; cancel; call a specific ticket', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const officer = await h.officerAt('canbo2', 'q2');
    const t1 = data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: 'a-000001' })).ticket;
    const t2 = data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: 'a-000002' })).ticket;
    const t3 = data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: 'a-000003' })).ticket;

    data(await officer.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'b-000001' }));
    const recalled = data(await officer.send('ticket:recall', { ticketId: t1.id }));
    expect(recalled.ticket?.callCount).toBe(2);
    expect(data(await officer.send('ticket:start', { ticketId: t1.id })).status).toBe('serving');
    h.clock.advance(4 * 60_000);
    const done = data(await officer.send('ticket:finish', { ticketId: t1.id }));
    expect(done.status).toBe('done');
    expect((done.finishedAt ?? 0) - (done.servingAt ?? 0)).toBe(4 * 60_000);

    const c2 = data(await officer.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'b-000002' }));
    expect(c2.ticket?.id).toBe(t2.id);
    expect(data(await officer.send('ticket:noShow', { ticketId: t2.id })).status).toBe('no_show');
    expect(data(await officer.send('ticket:cancel', { ticketId: t3.id })).status).toBe('cancelled');

    // the citizen who stepped out comes back: call that ticket by id
    const back = data(await officer.send('counter:callTicket', { counterId: 'q2', ticketId: t2.id, idempotencyKey: 'b-000003' }));
    expect(back.ticket?.status).toBe('called');
    expect(back.ticket?.callCount).toBe(2);

    // or by the number on the citizen's ticket
    data(await officer.send('ticket:noShow', { ticketId: t2.id }));
    const byNumber = data(await officer.send('counter:callTicket', { counterId: 'q2', number: t2.number, idempotencyKey: 'b-000004' }));
    expect(byNumber.ticket?.id).toBe(t2.id);
    const missing = await officer.send('counter:callTicket', { counterId: 'q2', number: '2999', idempotencyKey: 'b-000005' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');

    const illegal = await officer.send('ticket:start', { ticketId: t3.id });
    expect(illegal.ok).toBe(false);
    expect(!illegal.ok && illegal.error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('call next finishes the ticket being served (a never started one is a no-show), null on an empty queue', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const officer = await h.officerAt('canbo1', 'q1');
    const t1 = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'f-000001' })).ticket;
    const t2 = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'f-000002' })).ticket;
    data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'g-000001' }));
    data(await officer.send('ticket:start', { ticketId: t1.id }));
    data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'g-000002' }));
    expect(h.store.tickets.byId(t1.id)?.status).toBe('done');
    const empty = data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'g-000003' }));
    expect(empty.ticket).toBeNull();
    expect(h.store.tickets.byId(t2.id)?.status).toBe('no_show');
  });

  it('a transfer to another field puts the ticket in that field with its issue time, where another counter calls it', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o1 = await h.officerAt('canbo1', 'q1');
    const o4 = await h.officerAt('canbo4', 'q4');
    const early = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 't-000001' })).ticket;
    h.clock.advance(60_000);
    const later = data(await kiosk.send('ticket:issue', { fieldId: 'van-hoa-xa-hoi', idempotencyKey: 't-000002' })).ticket;
    data(await o1.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'u-000001' }));
    const moved = data(
      await o1.send('ticket:transfer', { ticketId: early.id, toFieldId: 'van-hoa-xa-hoi', note: 'Hồ sơ trợ cấp' }),
    );
    expect(moved.status).toBe('waiting');
    expect(moved.fieldId).toBe('van-hoa-xa-hoi');
    expect(moved.issuedAt).toBe(early.issuedAt);
    expect(moved.number).toBe(early.number);
    await waitFor(() => o4.events.some((e) => e.type === 'ticket:changed' && e.action === 'transfer'));
    const next = data(await o4.send('counter:callNext', { counterId: 'q4', idempotencyKey: 'u-000002' }));
    expect(next.ticket?.id).toBe(early.id); // keeps its place: issued before `later`
    expect(next.ticket?.note).toBe('Hồ sơ trợ cấp');
    expect(later.status).toBe('waiting');
  });

  it('a transfer to a named counter is called only there', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o1 = await h.officerAt('canbo1', 'q1');
    const o2 = await h.officerAt('canbo2', 'q2');
    const t = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'v-000001' })).ticket;
    data(await o1.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'w-000001' }));
    data(await o1.send('ticket:transfer', { ticketId: t.id, toCounterId: 'q3' }));
    expect(data(await o2.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'w-000002' })).ticket).toBeNull();
    const o3 = await h.officerAt('canbo3', 'q3');
    expect(data(await o3.send('counter:callNext', { counterId: 'q3', idempotencyKey: 'w-000003' })).ticket?.id).toBe(t.id);
  });

  it('priority tickets go first, at most two in a row while normal tickets wait', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o = await h.officerAt('canbo1', 'q1');
    const issue = async (key: string, priorityGroup: 'elderly' | null) =>
      data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', priorityGroup, idempotencyKey: key })).ticket;
    const n1 = await issue('p-000001', null);
    const n2 = await issue('p-000002', null);
    const p1 = await issue('p-000003', 'elderly');
    const p2 = await issue('p-000004', 'elderly');
    const p3 = await issue('p-000005', 'elderly');
    const order: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: `q-00000${i}` }));
      order.push(r.ticket?.id ?? 'none');
    }
    expect(order).toEqual([p1.id, p2.id, n1.id, p3.id, n2.id]);
  });
});

describe('counters', () => {
  it('one officer per counter: taking a busy counter needs force and tells the other officer', async () => {
    const a = await h.officerAt('canbo1', 'q1');
    const b = h.officer('canbo2');
    await b.ready();
    const refused = await b.send('counter:open', { counterId: 'q1' });
    expect(!refused.ok && refused.error.code).toBe('COUNTER_BUSY');
    expect(!refused.ok && refused.error.message).toContain('Nguyễn Thị Lan');
    const notices: string[] = [];
    a.socket.on('hub:notice', (n) => notices.push(n.code));
    const taken = data(await b.send('counter:open', { counterId: 'q1', force: true }));
    expect(taken.officerId).toBe('canbo2');
    await waitFor(() => notices.length === 1);
    expect(notices).toEqual(['COUNTER_TAKEN']);
    const denied = await a.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'x-000001' });
    expect(!denied.ok && denied.error.code).toBe('FORBIDDEN');
  });

  it('an officer holds one counter; a paused counter takes no calls', async () => {
    const o = await h.officerAt('canbo1', 'q1');
    data(await o.send('counter:open', { counterId: 'q2' }));
    const counters = h.store.config.counters();
    expect(counters.find((c) => c.id === 'q1')?.status).toBe('closed');
    expect(counters.find((c) => c.id === 'q2')?.officerId).toBe('canbo1');
    data(await o.send('counter:pause', { counterId: 'q2' }));
    const r = await o.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'y-000001' });
    expect(!r.ok && r.error.code).toBe('COUNTER_CLOSED');
    const closed = data(await o.send('counter:close', { counterId: 'q2' }));
    expect(closed.status).toBe('closed');
    expect(closed.officerId).toBeNull();
  });

  it('estimated wait reflects open counters and recent service times', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const none = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'e-000001' }));
    expect(none.estimatedWaitMinutes).toBeNull(); // no counter open for Cư trú
    await h.officerAt('canbo5', 'q5');
    for (let i = 2; i <= 4; i += 1) data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: `e-00000${i}` }));
    const fifth = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'e-000005' }));
    expect(fifth.peopleAhead).toBe(4);
    expect(fifth.estimatedWaitMinutes).toBe(40); // 4 ahead x 10 min default / 1 open counter
  });
});
