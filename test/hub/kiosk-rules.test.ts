import { printerFromUrl } from '@qms/printer';
import { afterEach, describe, expect, it } from 'vitest';
import { data, waitFor } from '../support/client';
import { FakeClock } from '../support/fake-clock';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub | null = null;
let printer: FakePrinter | null = null;
afterEach(async () => {
  await h?.close();
  await printer?.close();
  h = null;
  printer = null;
});

describe('kiosk rules', () => {
  it('outside opening hours a kiosk gets SITE_CLOSED, an officer can still issue', async () => {
    // Sunday 10:00 in Hanoi: the demo ward is closed on Sundays
    h = await startTestHub({ alwaysOpen: false, clock: new FakeClock(Date.parse('2026-11-22T03:00:00Z')) });
    const kiosk = h.kiosk();
    const snap = await kiosk.ready();
    expect(snap.hoursEnforced).toBe(true);
    const r = await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'closed-0001' });
    expect(!r.ok && r.error.code).toBe('SITE_CLOSED');
    const officer = h.officer('canbo1');
    await officer.ready();
    expect(data(await officer.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'closed-0002' })).ticket.number).toBe('6001');
    h.clock.set(Date.parse('2026-11-23T00:30:00Z')); // Monday 07:30: open, a new day, numbers restart
    expect(data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'open-00001' })).ticket.number).toBe('6001');
  });

  it('anti-hoarding: the kiosk limit per minute answers RATE_LIMITED politely, and frees up after a minute', async () => {
    h = await startTestHub({ kioskTicketsPerMinute: 3 });
    const kiosk = h.kiosk();
    await kiosk.ready();
    for (let i = 0; i < 3; i += 1) data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: `rl-00000${i}` }));
    // a retry of an acknowledged ticket is not a new ticket and is not limited
    expect(data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'rl-000000' })).ticket.number).toBe('6001');
    const r = await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'rl-000009' });
    expect(!r.ok && r.error.code).toBe('RATE_LIMITED');
    expect(!r.ok && r.error.message).toContain('Mời Ông/Bà chờ một phút');
    h.clock.advance(61_000);
    expect(data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'rl-000010' })).ticket.number).toBe('6004');
  });

  it('the public status page data shows position and the call, and nothing else', async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    await kiosk.ready();
    const o = await h.officerAt('canbo5', 'q5');
    const first = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'pub-00001' })).ticket;
    const second = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'pub-00002' })).ticket;
    const get = async (id: string) => (await (await fetch(`${h?.url}/api/public/tickets/${id}`)).json()) as { data: Record<string, unknown> };
    expect((await get(second.id)).data).toMatchObject({ number: '6002', status: 'waiting', peopleAhead: 1, counterNumber: null });
    data(await o.send('counter:callNext', { counterId: 'q5', idempotencyKey: 'pub-call-1' }));
    const called = (await get(first.id)).data;
    expect(called).toMatchObject({ number: '6001', status: 'called', counterNumber: 5, fieldNameVi: 'Cư trú' });
    expect(Object.keys(called)).not.toContain('officerId');
    expect(JSON.stringify(called)).not.toContain('Hoàng Thị Mai');
    expect((await fetch(`${h.url}/api/public/tickets/unknown-id`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/public/tickets/${encodeURIComponent("x' OR 1=1 --")}`)).status).toBe(400);
    expect((await fetch(`${h.url}/api/public/tickets/%E0%A4%A`)).status).toBe(400); // a broken %-escape: no crash
    expect((await fetch(`${h.url}/api/health`)).status).toBe(200);
  });
});

describe('printing from the hub (browser kiosks)', () => {
  it('prints the kiosk’s ticket on its network printer; offline records a fault staff see; a good print resolves it', async () => {
    printer = await startFakePrinter();
    h = await startTestHub({ hubOptions: { defaultPrinter: printerFromUrl(printer.url), publicUrl: 'http://192.168.1.10:3000' } });
    const kiosk = h.kiosk();
    const admin = h.admin();
    await Promise.all([kiosk.ready(), admin.ready()]);
    const t = data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: 'print-0001' })).ticket;
    // the QR link is the hub's (--public-url here), not whatever address the kiosk sends
    const printed = data(await kiosk.send('ticket:print', { ticketId: t.id, baseUrl: 'http://127.0.0.1:3000' }));
    expect(printed.bytes).toBeGreaterThan(1000);
    const [job] = await printer.waitForJobs(1);
    expect(job?.qrData).toBe(`http://192.168.1.10:3000/t/${t.id}`);
    expect(job?.commands[0]).toBe('init');
    expect(job?.commands.at(-1)).toBe('cut');

    printer.setMode('paper_out');
    const t2 = data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: 'print-0002' })).ticket;
    const failed = await kiosk.send('ticket:print', { ticketId: t2.id });
    expect(!failed.ok && failed.error.code).toBe('PRINTER_FAULT');
    expect(!failed.ok && failed.error.details?.fault).toBe('paper_out');
    expect(h.store.tickets.byId(t2.id)?.status).toBe('waiting'); // the ticket stays issued
    await waitFor(() => admin.events.some((e) => e.type === 'printer:fault'));
    expect(h.store.printerFaults.open().map((f) => [f.deviceId, f.fault, f.ticketId])).toEqual([['kiosk-1', 'paper_out', t2.id]]);
    const snap = data(await admin.send('sync:snapshot', {}));
    expect(snap.printerFaults.map((f) => f.deviceName)).toEqual(['Ki-ốt sảnh chính']);

    const publicEvent = kiosk.events.find((e) => e.type === 'printer:fault');
    expect(publicEvent?.type === 'printer:fault' && publicEvent.fault.message).toBe(''); // no printer address on public screens

    printer.setMode('ok');
    const once = { ticketId: t2.id, idempotencyKey: 'reprint-0001' };
    data(await kiosk.send('ticket:print', once));
    data(await kiosk.send('ticket:print', once)); // a retried reprint is not a second paper ticket
    expect(printer.jobs).toHaveLength(2);
    await waitFor(() => admin.events.some((e) => e.type === 'printer:restored'));
    expect(h.store.printerFaults.open()).toEqual([]);
  });

  it('a kiosk cannot print another device’s ticket; an Electron kiosk reports its own fault', async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    const officer = h.officer('canbo1');
    await Promise.all([kiosk.ready(), officer.ready()]);
    const mine = data(await officer.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'other-0001' })).ticket;
    const r = await kiosk.send('ticket:print', { ticketId: mine.id });
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    const report = data(await kiosk.send('printer:report', { code: 'PRINTER_COVER_OPEN', message: 'Nắp máy in đang mở' }));
    expect(report?.fault).toBe('cover_open');
    expect(h.store.printerFaults.open()).toHaveLength(1);
    // the Electron kiosk prints again and says so: the fault is resolved
    expect(data(await kiosk.send('printer:report', { code: 'PRINTER_OK', message: '' }))).toBeNull();
    expect(h.store.printerFaults.open()).toHaveLength(0);
    // no printer configured at all: the fault is recorded and the kiosk told
    const t = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'other-0002' })).ticket;
    const none = await kiosk.send('ticket:print', { ticketId: t.id });
    expect(!none.ok && none.error.code).toBe('PRINTER_FAULT');
    // a broken printer setting is a recorded fault too, never an internal error
    const row = h.store.db.prepare("SELECT token_hash FROM devices WHERE id = 'kiosk-1'").get() as { token_hash: string };
    const device = h.store.accounts.devices().find((d) => d.id === 'kiosk-1');
    if (!device) throw new Error('no kiosk');
    h.store.accounts.saveDevice({ ...device, settings: { ...device.settings, printer: { interface: 'lpt1:' } } }, row.token_hash);
    h.hub.executor.config.invalidate();
    const broken = await kiosk.send('ticket:print', { ticketId: t.id });
    expect(!broken.ok && broken.error.code).toBe('PRINTER_FAULT');
    expect(!broken.ok && broken.error.message).toContain('không hợp lệ');
  });
});
