/**
 * The dossier desk ("Sổ theo dõi hồ sơ") over a real hub: list with filters and pages, the
 * history, status changes by officers and admins with no ticket in hand, and the kiosk pickup
 * that finds a dossier marked ready that way.
 */
import type { Dossier } from '@qms/core';
import type { DossierPage } from '@qms/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { data, waitFor, type TestClient } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  await h.close();
});

const HOUR = 3_600_000;
// the test hub's clock: Monday 2026-11-23 in Hanoi
const NOW = () => h.clock.now();

const NAMES = ['Nguyễn Văn An', 'Đặng Thị Ánh', 'Trần Văn Bình', 'Nguyễn Thị Cúc', 'Lê Văn Dũng'];

/** Dossiers received earlier (days back), stored as an import would store them: real SQLite, no ticket. */
function seed(): Dossier[] {
  const procedures = h.store.dossiers.procedures();
  const ks = procedures.find((p) => p.id === 'tt-ks');
  const hkd = procedures.find((p) => p.id === 'tt-hkd');
  if (!ks || !hkd) throw new Error('demo procedures missing');
  return NAMES.map((fullName, i) => {
    const p = i % 2 === 0 ? ks : hkd;
    const daysBack = 10 - 2 * i; // 10, 8, 6, 4, 2 days before today
    const d: Dossier = {
      id: `seed-${i}`,
      code: `000.00.00.H26-2611${String(23 - daysBack).padStart(2, '0')}-${String(901 + i).padStart(4, '0')}`,
      procedureId: p.id,
      fieldId: p.fieldId,
      channel: 'online',
      ticketId: null,
      applicant: { fullName, cccd: null, phone: null, birthDate: null, address: null },
      receivedAt: NOW() - daysBack * 24 * HOUR,
      // due: i=0 -> 2026-11-20 (overdue), i=1 -> 11-22 (overdue), i=2 -> 11-24, i=3 -> 11-26, i=4 -> 12-01
      dueDate: ['2026-11-20', '2026-11-22', '2026-11-24', '2026-11-26', '2026-12-01'][i] ?? '2026-12-31',
      status: 'processing',
      resolvedAt: null,
      returnedAt: null,
      counterId: null,
      officerId: null,
      note: null,
    };
    h.store.dossiers.insert(d, '2026-11-01', null);
    h.store.dossiers.addHistory(d.id, { at: d.receivedAt, from: null, to: 'processing', actorKind: 'import', actorId: null, note: null });
    return d;
  });
}

async function officerWithoutCounter(username = 'canbo3'): Promise<TestClient> {
  const o = h.officer(username);
  await o.ready();
  return o;
}

const codes = (p: DossierPage): string[] => p.items.map((d) => d.code);

describe('dossier:search', () => {
  it('filters by code, applicant (any case, no diacritics), procedure, status, received days, due soon and overdue', async () => {
    const ds = seed();
    const o = await officerWithoutCounter();
    const all = data(await o.send('dossier:search', {}));
    expect(all.total).toBe(5);
    expect(all.asOfDay).toBe('2026-11-23');
    expect(codes(all)).toEqual([...ds].reverse().map((d) => d.code)); // newest first
    expect(all.items[0]).toMatchObject({ applicantName: 'Lê Văn Dũng', procedureName: 'Đăng ký khai sinh', overdue: false });

    const one = ds[2]?.code ?? '';
    expect(codes(data(await o.send('dossier:search', { code: one.slice(-11).toLowerCase() })))).toEqual([one]);
    expect(codes(data(await o.send('dossier:search', { applicant: 'nguyen' })))).toEqual([ds[3]?.code, ds[0]?.code]);
    expect(codes(data(await o.send('dossier:search', { applicant: 'dang thi anh' })))).toEqual([ds[1]?.code]);
    expect(codes(data(await o.send('dossier:search', { applicant: 'NGUYỄN VĂN' })))).toEqual([ds[0]?.code]);
    expect(data(await o.send('dossier:search', { procedureId: 'tt-hkd' })).total).toBe(2);
    // received between 8 and 4 days ago (local days 15/11 .. 19/11)
    const range = data(await o.send('dossier:search', { receivedFrom: '2026-11-15', receivedTo: '2026-11-19' }));
    expect(codes(range)).toEqual([ds[3]?.code, ds[2]?.code, ds[1]?.code]);
    const overdue = data(await o.send('dossier:search', { overdue: true }));
    expect(codes(overdue)).toEqual([ds[1]?.code, ds[0]?.code]);
    expect(overdue.items.every((d) => d.overdue)).toBe(true);
    // due today .. in 3 days: 24/11 and 26/11
    expect(codes(data(await o.send('dossier:search', { dueWithinDays: 3 })))).toEqual([ds[3]?.code, ds[2]?.code]);
    expect(data(await o.send('dossier:search', { statuses: ['result_ready'] })).total).toBe(0);
    // overdue derived as of now: a week later everything but the last is overdue
    h.clock.advance(7 * 24 * HOUR);
    expect(data(await o.send('dossier:search', { overdue: true })).total).toBe(4);
  });

  it('pages newest first or overdue first, at most 100 rows a page', async () => {
    const ds = seed();
    const a = h.admin();
    await a.ready();
    const p1 = data(await a.send('dossier:search', { pageSize: 2, sort: 'overdue_first' }));
    const p2 = data(await a.send('dossier:search', { pageSize: 2, page: 2, sort: 'overdue_first' }));
    const p3 = data(await a.send('dossier:search', { pageSize: 2, page: 3, sort: 'overdue_first' }));
    expect([p1, p2, p3].map((p) => p.total)).toEqual([5, 5, 5]);
    // most overdue first (due 20/11, then 22/11), then the others newest first
    expect([...codes(p1), ...codes(p2), ...codes(p3)]).toEqual([ds[0], ds[1], ds[4], ds[3], ds[2]].map((d) => d?.code));
    const big = await a.send('dossier:search', { pageSize: 101 });
    expect(!big.ok && big.error.code).toBe('VALIDATION_FAILED');
    expect(data(await a.send('dossier:search', { page: 9 })).items).toEqual([]);
  });

  it('is refused to kiosks and displays', async () => {
    seed();
    const kiosk = h.kiosk();
    const display = h.display();
    await Promise.all([kiosk.ready(), display.ready()]);
    for (const c of [kiosk, display]) {
      for (const [name, payload] of [
        ['dossier:search', {}],
        ['dossier:history', { dossierId: 'seed-0' }],
        ['dossier:changeStatus', { dossierId: 'seed-0', status: 'result_ready', idempotencyKey: 'desk-forbid-01' }],
      ] as const) {
        const ack = (await c.sendRaw(name, payload)) as { ok: boolean; error?: { code: string } };
        expect(ack.error?.code, name).toBe('FORBIDDEN');
      }
    }
    expect(h.store.dossiers.byId('seed-0')?.status).toBe('processing');
  });
});

describe('dossier:changeStatus and dossier:history', () => {
  it('an officer with no counter marks a result ready days later; the kiosk pickup then finds it', async () => {
    const [d] = seed();
    if (!d) throw new Error('no dossier');
    const o = await officerWithoutCounter('canbo3');
    const watcher = h.display();
    await watcher.ready();
    h.clock.advance(2 * 24 * HOUR);
    const ready = data(await o.send('dossier:changeStatus', { dossierId: d.id, status: 'result_ready', idempotencyKey: 'desk-ready-001' }));
    expect(ready).toMatchObject({ status: 'result_ready', resolvedAt: NOW(), overdue: false });
    // a retry answers the same without a second change
    const again = data(await o.send('dossier:changeStatus', { dossierId: d.id, status: 'result_ready', idempotencyKey: 'desk-ready-001' }));
    expect(again.resolvedAt).toBe(ready.resolvedAt);
    // the event names code and status only
    await waitFor(() => watcher.events.some((e) => e.type === 'dossier:changed' && e.action === 'status'));
    const event = watcher.events.find((e) => e.type === 'dossier:changed' && e.action === 'status');
    expect(JSON.stringify(event)).not.toContain(d.applicant.fullName);

    const kiosk = h.kiosk();
    await kiosk.ready();
    const pickup = data(await kiosk.send('ticket:issuePickup', { code: d.code, idempotencyKey: 'desk-pickup-01' }));
    expect(pickup.dossier.status).toBe('result_ready');
    expect(pickup.ticket.fieldId).toBe('tra-ket-qua');

    const admin = h.admin();
    await admin.ready();
    data(await admin.send('dossier:changeStatus', { dossierId: d.id, status: 'returned', idempotencyKey: 'desk-return-01' }));
    const { dossier, history } = data(await o.send('dossier:history', { dossierId: d.id }));
    expect(dossier.status).toBe('returned');
    expect(dossier.links.map((l) => l.kind)).toEqual(['pickup']);
    expect(history.map((e) => [e.from, e.to, e.actorKind, e.actorId, e.actorName, e.at])).toEqual([
      [null, 'processing', 'import', null, null, d.receivedAt],
      ['processing', 'result_ready', 'officer', 'canbo3', h.store.accounts.officerById('canbo3')?.fullName, ready.resolvedAt],
      ['result_ready', 'returned', 'admin', 'admin', h.store.accounts.officerById('admin')?.fullName, NOW()],
    ]);
  });

  it('records the note of a supplement request and a refusal, requires it, and refuses illegal moves', async () => {
    const [d, e] = seed();
    if (!d || !e) throw new Error('no dossier');
    const o = await officerWithoutCounter();
    const bare = await o.send('dossier:changeStatus', { dossierId: d.id, status: 'needs_supplement', idempotencyKey: 'desk-supp-0001' });
    expect(!bare.ok && bare.error.code).toBe('VALIDATION_FAILED');
    data(await o.send('dossier:changeStatus', { dossierId: d.id, status: 'needs_supplement', note: 'Thiếu bản sao sổ đỏ', idempotencyKey: 'desk-supp-0002' }));
    const early = await o.send('dossier:changeStatus', { dossierId: e.id, status: 'returned', idempotencyKey: 'desk-ret-00001' });
    expect(!early.ok && early.error.code).toBe('ILLEGAL_TRANSITION');
    expect(!early.ok && early.error.message).toContain('Đã trả kết quả');
    data(await o.send('dossier:changeStatus', { dossierId: e.id, status: 'rejected', note: 'Không thuộc thẩm quyền', idempotencyKey: 'desk-rej-00001' }));
    const missing = await o.send('dossier:changeStatus', { dossierId: 'nope', status: 'result_ready', idempotencyKey: 'desk-miss-0001' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    const notes = async (id: string) => data(await o.send('dossier:history', { dossierId: id }));
    expect((await notes(d.id)).history.at(-1)).toMatchObject({ to: 'needs_supplement', note: 'Thiếu bản sao sổ đỏ' });
    expect((await notes(e.id)).history.at(-1)).toMatchObject({ to: 'rejected', note: 'Không thuộc thẩm quyền' });
  });
});
