import { afterEach, describe, expect, it } from 'vitest';
import { data } from '../support/client';
import { FakeClock } from '../support/fake-clock';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const APPLICANT = { fullName: 'Nguyễn Văn An', cccd: '001090012345', phone: '0912345678', birthDate: '1990-01-01', address: 'Hà Nội' };
/** A Hanoi wall-clock time as an instant. */
const hanoi = (iso: string): number => Date.parse(`${iso}+07:00`);
let seq = 0;
const key = (p: string): string => `${p}-${String((seq += 1)).padStart(6, '0')}`;

/** The due date of a dossier created at the counter for `procedureId` at the hub's current time. */
async function dueDate(hub: TestHub, counter: { username: string; id: string; fieldId: string }, procedureId: string): Promise<string> {
  const o = await hub.officerAt(counter.username, counter.id);
  data(await o.send('ticket:issue', { fieldId: counter.fieldId, idempotencyKey: key('tk') }));
  const t = data(await o.send('counter:callNext', { counterId: counter.id, idempotencyKey: key('call') })).ticket;
  if (!t) throw new Error('no ticket');
  const d = data(await o.send('dossier:create', { ticketId: t.id, procedureId, applicant: APPLICANT, idempotencyKey: key('ds') }));
  data(await o.send('ticket:finish', { ticketId: t.id, idempotencyKey: key('fin') }));
  return d.dueDate;
}

const JUSTICE = { username: 'canbo1', id: 'q1', fieldId: 'tu-phap-ho-tich' };
const CERT = { username: 'canbo2', id: 'q2', fieldId: 'chung-thuc' };
const RESIDENCE = { username: 'canbo4', id: 'q4', fieldId: 'cu-tru' };

describe('due dates on the default calendar (no holiday entered by the site)', () => {
  it('reviewer: Friday 29/08/2025 16:30 + 3 working days = 05/09/2025; + 1 = 03/09/2025', async () => {
    h = await startTestHub({ clock: new FakeClock(hanoi('2025-08-29T16:30:00')) });
    expect(await dueDate(h, JUSTICE, 'tt-xntthn')).toBe('2025-09-05'); // 3 working days
    expect(await dueDate(h, RESIDENCE, 'tt-xnct')).toBe('2025-09-03'); // 1 working day: 1/9 and 2/9 are off
  });

  it('reviewer: same-day chứng thực received after the 15:00 cut-off is due the next working day', async () => {
    h = await startTestHub({ clock: new FakeClock(hanoi('2025-08-28T14:50:00')) });
    expect(await dueDate(h, CERT, 'tt-ctbs')).toBe('2025-08-28');
    h.clock.set(hanoi('2025-08-28T15:20:00'));
    expect(await dueDate(h, CERT, 'tt-ctbs')).toBe('2025-08-29');
    h.clock.set(hanoi('2025-08-29T15:20:00')); // Friday after 15:00: Monday 1/9 and Tuesday 2/9 are off
    expect(await dueDate(h, CERT, 'tt-ctbs')).toBe('2025-09-03');
  });

  it('a worked Saturday and an extra day off entered by the admin move due dates', async () => {
    h = await startTestHub({ clock: new FakeClock(hanoi('2026-11-27T09:00:00')) }); // Friday
    expect(await dueDate(h, RESIDENCE, 'tt-xnct')).toBe('2026-11-30');
    const admin = h.admin();
    await admin.ready();
    const saved = data(await admin.send('holidays:set', {
      holidays: [
        { day: '2026-11-28', name: 'Làm bù', kind: 'work' },
        { day: '2026-11-30', name: 'Nghỉ hoán đổi', kind: 'off' },
        { day: '2026-12-31', name: 'Nghỉ cuối năm' },
      ],
    }));
    expect(saved.map((e) => e.kind)).toEqual(['work', 'off', 'off']);
    expect(await dueDate(h, RESIDENCE, 'tt-xnct')).toBe('2026-11-28');
    expect(await dueDate(h, JUSTICE, 'tt-xntthn')).toBe('2026-12-02'); // Sat 28, (Mon 30 off), Tue 1, Wed 2
    const twice = await admin.send('holidays:set', { holidays: [{ day: '2026-11-28', name: 'a', kind: 'work' }, { day: '2026-11-28', name: 'b', kind: 'off' }] });
    expect(!twice.ok && twice.error.code).toBe('VALIDATION_FAILED');
  });

  it('a procedure keeps its cut-off hour; a malformed one is refused', async () => {
    h = await startTestHub();
    const admin = h.admin();
    await admin.ready();
    const base = { fieldId: 'chung-thuc', code: 'CTX', name: 'Chứng thực chữ ký người dịch', processingDays: 0, fee: 10000, enabled: true };
    const p = data(await admin.send('procedure:save', { ...base, cutoffTime: '16:30' }));
    expect(p.cutoffTime).toBe('16:30');
    expect(data(await admin.send('config:get', {})).procedures.find((x) => x.code === 'CTX')?.cutoffTime).toBe('16:30');
    const bad = await admin.send('procedure:save', { ...base, id: p.id, cutoffTime: '25:00' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('the kiosk on a public holiday', () => {
  it('is closed with the holiday named, unless the admin opens that day', async () => {
    // Wednesday 2/9/2026 10:00, inside the demo ward's weekday hours: Quốc khánh
    h = await startTestHub({ alwaysOpen: false, clock: new FakeClock(hanoi('2026-09-02T10:00:00')) });
    const kiosk = h.kiosk();
    const snap = await kiosk.ready();
    expect(snap.kioskClosedDays[0]).toEqual({ day: '2026-09-02', name: 'Quốc khánh' });
    const r = await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'holiday-0001' });
    expect(!r.ok && r.error.code).toBe('SITE_CLOSED');
    expect(!r.ok && r.error.message).toBe('Hôm nay nghỉ lễ (Quốc khánh), ki-ốt tạm ngừng cấp số');
    const admin = h.admin();
    await admin.ready();
    data(await admin.send('holidays:set', { holidays: [{ day: '2026-09-02', name: 'Mở cửa phục vụ', kind: 'open' }] }));
    expect(data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'holiday-0002' })).ticket.number).toBe('6001');
    // opening the kiosk does not make the day a working day for due dates: 3/9, 4/9, 7/9, 8/9
    expect(await dueDate(h, JUSTICE, 'tt-xntthn')).toBe('2026-09-08');
  });
});
