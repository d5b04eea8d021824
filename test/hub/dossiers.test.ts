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

const APPLICANT = {
  fullName: 'Nguyễn Văn An',
  cccd: '001090012345',
  phone: '0912345678',
  birthDate: '1990-01-01',
  address: 'Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội',
};

async function serving(username: string, counterId: string, fieldId: string): Promise<{ o: TestClient; ticketId: string }> {
  const kiosk = h.kiosk();
  await kiosk.ready();
  data(await kiosk.send('ticket:issue', { fieldId, idempotencyKey: `ds-${counterId}-${Date.now()}` }));
  const o = await h.officerAt(username, counterId);
  const t = data(await o.send('counter:callNext', { counterId, idempotencyKey: `ds-call-${counterId}-${Date.now()}` })).ticket;
  if (!t) throw new Error('no ticket');
  return { o, ticketId: t.id };
}

async function login(username: string): Promise<string> {
  const password = username === 'admin' ? h.creds.admin.password : h.creds.officers.find((x) => x.username === username)?.password;
  const res = await fetch(`${h.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

describe('dossiers at the counter', () => {
  it('creates a coded, due-dated dossier from the ticket being served; every dossier shows its ticket', async () => {
    const { o, ticketId } = await serving('canbo1', 'q1', 'tu-phap-ho-tich');
    const first = data(await o.send('dossier:create', { ticketId, procedureId: 'tt-xnttHN'.toLowerCase(), applicant: APPLICANT, idempotencyKey: 'create-0001' }));
    expect(first.code).toBe('000.00.00.H26-261123-0001');
    expect(first.dueDate).toBe('2026-11-26'); // 3 working days after Monday 23/11
    expect(first.status).toBe('processing');
    expect(first.ticketNumber).toBe('1001');
    expect(first.links).toEqual([{ ticketId, number: '1001', kind: 'reception' }]);
    expect(first.lookupPath).toMatch(/^\/d\/000\.00\.00\.H26-261123-0001\?k=[\w-]{12}$/);
    // one ticket may produce several dossiers
    const second = data(await o.send('dossier:create', { ticketId, procedureId: 'tt-ks', applicant: APPLICANT, idempotencyKey: 'create-0002' }));
    expect(second.code).toBe('000.00.00.H26-261123-0002');
    expect(second.dueDate).toBe('2026-11-23'); // same-day procedure
    expect(data(await o.send('dossier:forTicket', { ticketId })).map((d) => d.code)).toEqual([first.code, second.code]);
    // a retried create returns the first result
    const retry = data(await o.send('dossier:create', { ticketId, procedureId: 'tt-xntthn', applicant: APPLICANT, idempotencyKey: 'create-0001' }));
    expect(retry.code).toBe(first.code);
  });

  it('concurrent creation never repeats a code; the sequence restarts the next day', async () => {
    const { o, ticketId } = await serving('canbo1', 'q1', 'tu-phap-ho-tich');
    const acks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        o.send('dossier:create', { ticketId, procedureId: 'tt-ks', applicant: { ...APPLICANT, cccd: null }, idempotencyKey: `conc-${String(i).padStart(4, '0')}` }),
      ),
    );
    const codes = acks.map((a) => data(a).code).sort();
    expect(new Set(codes).size).toBe(40);
    expect(codes[39]).toBe('000.00.00.H26-261123-0040');
    h.clock.advance(24 * 3600_000);
    const next = await serving('canbo2', 'q2', 'chung-thuc');
    const d = data(await next.o.send('dossier:create', { ticketId: next.ticketId, procedureId: 'tt-ctbs', applicant: APPLICANT, idempotencyKey: 'next-day-01' }));
    expect(d.code).toBe('000.00.00.H26-261124-0001');
  });

  it('status changes are recorded with who and when; overdue is derived from the due date', async () => {
    const { o, ticketId } = await serving('canbo6', 'q6', 'kinh-doanh');
    const d = data(await o.send('dossier:create', { ticketId, procedureId: 'tt-hkd', applicant: APPLICANT, idempotencyKey: 'status-0001' }));
    expect(d.dueDate).toBe('2026-11-26');
    h.clock.set(Date.parse('2026-11-26T16:59:00Z')); // 23:59 on the due day: not overdue
    expect(data(await o.send('dossier:get', { code: d.code })).overdue).toBe(false);
    h.clock.set(Date.parse('2026-11-26T17:00:00Z')); // the next local day
    expect(data(await o.send('dossier:get', { code: d.code })).overdue).toBe(true);
    const supplement = data(await o.send('dossier:setStatus', { dossierId: d.id, status: 'needs_supplement', note: 'Thiếu bản sao CCCD' }));
    expect(supplement.status).toBe('needs_supplement');
    const illegal = await o.send('dossier:setStatus', { dossierId: d.id, status: 'returned' });
    expect(!illegal.ok && illegal.error.code).toBe('ILLEGAL_TRANSITION');
    data(await o.send('dossier:setStatus', { dossierId: d.id, status: 'processing' }));
    const ready = data(await o.send('dossier:setStatus', { dossierId: d.id, status: 'result_ready' }));
    expect(ready.overdue).toBe(false);
    const history = h.store.dossiers.history(d.id).map((e) => [e.from, e.to, e.actorId]);
    expect(history).toEqual([
      [null, 'processing', 'canbo6'],
      ['processing', 'needs_supplement', 'canbo6'],
      ['needs_supplement', 'processing', 'canbo6'],
      ['processing', 'result_ready', 'canbo6'],
    ]);
  });

  it('refuses a bad CCCD, an unknown procedure, and a ticket that is not in the officer’s hands', async () => {
    const { o, ticketId } = await serving('canbo1', 'q1', 'tu-phap-ho-tich');
    const bad = await o.send('dossier:create', { ticketId, procedureId: 'tt-ks', applicant: { ...APPLICANT, cccd: '099090012345' }, idempotencyKey: 'bad-00001' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION_FAILED');
    const unknown = await o.send('dossier:create', { ticketId, procedureId: 'tt-none', applicant: APPLICANT, idempotencyKey: 'bad-00002' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    const other = h.officer('canbo2');
    await other.ready();
    const foreign = await other.send('dossier:create', { ticketId, procedureId: 'tt-ks', applicant: APPLICANT, idempotencyKey: 'bad-00003' });
    expect(!foreign.ok && foreign.error.code).toBe('FORBIDDEN');
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM dossiers').get()).toEqual({ n: 0 });
  });
});

describe('result pickup, look-up and personal data', () => {
  it('kiosk look-up is masked; pickup only when ready; the result counter sees the dossier and marks it returned', async () => {
    const { o, ticketId } = await serving('canbo5', 'q5', 'cu-tru');
    const d = data(await o.send('dossier:create', { ticketId, procedureId: 'tt-xnct', applicant: APPLICANT, idempotencyKey: 'pick-00001' }));
    const kiosk = h.kiosk();
    await kiosk.ready();
    const key = new URL(d.lookupPath, 'http://x').searchParams.get('k') ?? '';
    const look = data(await kiosk.send('dossier:lookup', { code: d.code, key }));
    expect(look).toMatchObject({ code: d.code, maskedName: 'Nguyễn V** A', status: 'processing', procedureName: 'Xác nhận thông tin về cư trú' });
    expect(JSON.stringify(look)).not.toContain('001090012345');
    const early = await kiosk.send('ticket:issuePickup', { code: d.code, idempotencyKey: 'pick-kiosk-1' });
    expect(!early.ok && early.error.code).toBe('CONFLICT');
    data(await o.send('dossier:setStatus', { dossierId: d.id, status: 'result_ready' }));
    const pickup = data(await kiosk.send('ticket:issuePickup', { code: d.code.toLowerCase(), idempotencyKey: 'pick-kiosk-2' }));
    expect(pickup.ticket.fieldId).toBe('tra-ket-qua');
    expect(pickup.ticket.number).toBe('8001');
    const result = await h.officerAt('canbo7', 'q7');
    const called = data(await result.send('counter:callNext', { counterId: 'q7', idempotencyKey: 'pick-call-01' })).ticket;
    expect(called?.id).toBe(pickup.ticket.id);
    const linked = data(await result.send('dossier:forTicket', { ticketId: pickup.ticket.id }));
    expect(linked.map((x) => x.code)).toEqual([d.code]);
    expect(linked[0]?.links.map((l) => l.kind)).toEqual(['reception', 'pickup']);
    expect(data(await result.send('dossier:setStatus', { dossierId: d.id, status: 'returned' })).returnedAt).not.toBeNull();
  });

  it('the public look-up needs the key from the receipt; unknown or hostile codes say nothing', async () => {
    const { o, ticketId } = await serving('canbo1', 'q1', 'tu-phap-ho-tich');
    const d = data(await o.send('dossier:create', { ticketId, procedureId: 'tt-ks', applicant: APPLICANT, idempotencyKey: 'public-0001' }));
    const withKey = await fetch(`${h.url}/api/public${d.lookupPath.replace('/d/', '/dossiers/')}`);
    expect(withKey.status).toBe(200);
    const body = (await withKey.json()) as { data: Record<string, unknown> };
    expect(body.data).toMatchObject({ code: d.code, maskedName: 'Nguyễn V** A', dueDate: '2026-11-23' });
    expect(JSON.stringify(body)).not.toMatch(/001090012345|0912345678|Hàng Bạc/);
    expect((await fetch(`${h.url}/api/public/dossiers/${d.code}`)).status).toBe(404); // no key: nothing
    expect((await fetch(`${h.url}/api/public/dossiers/${d.code}?k=AAAAAAAAAAAA`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/public/dossiers/%3Cscript%3E?k=x`)).status).toBe(400);
  });

  it('no personal data in events: displays and staff get codes and statuses only, and the log has none', async () => {
    const display = h.display();
    await display.ready();
    const { o, ticketId } = await serving('canbo1', 'q1', 'tu-phap-ho-tich');
    data(await o.send('dossier:create', { ticketId, procedureId: 'tt-ks', applicant: APPLICANT, idempotencyKey: 'privacy-01' }));
    await waitFor(() => display.events.some((e) => e.type === 'dossier:changed'));
    const secrets = [APPLICANT.cccd, APPLICANT.phone, APPLICANT.fullName, 'Hàng Bạc'];
    for (const text of [JSON.stringify(display.events), JSON.stringify(o.events)]) for (const s of secrets) expect(text).not.toContain(s);
    const log = h.store.db.prepare('SELECT data_json FROM events').all() as Array<{ data_json: string }>;
    for (const row of log) for (const s of secrets) expect(row.data_json).not.toContain(s);
  });

  it('an admin exports and erases one person’s data; officers cannot', async () => {
    const { o, ticketId } = await serving('canbo1', 'q1', 'tu-phap-ho-tich');
    data(await o.send('dossier:create', { ticketId, procedureId: 'tt-ks', applicant: APPLICANT, idempotencyKey: 'gdpr-00001' }));
    data(await o.send('dossier:create', { ticketId, procedureId: 'tt-kh', applicant: APPLICANT, idempotencyKey: 'gdpr-00002' }));
    const officerToken = await login('canbo1');
    const denied = await fetch(`${h.url}/api/admin/personal-data?cccd=${APPLICANT.cccd}`, { headers: { authorization: `Bearer ${officerToken}` } });
    expect(denied.status).toBe(403);
    const token = await login('admin');
    const auth = { authorization: `Bearer ${token}` };
    const exported = (await (await fetch(`${h.url}/api/admin/personal-data?cccd=${APPLICANT.cccd}`, { headers: auth })).json()) as {
      data: { dossiers: Array<{ applicant: { fullName: string }; history: unknown[] }> };
    };
    expect(exported.data.dossiers).toHaveLength(2);
    expect(exported.data.dossiers[0]?.applicant.fullName).toBe('Nguyễn Văn An');
    const erase = await fetch(`${h.url}/api/admin/personal-data/erase`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ cccd: APPLICANT.cccd }),
    });
    expect(((await erase.json()) as { data: { erased: number } }).data.erased).toBe(2);
    const left = h.store.db.prepare('SELECT applicant_name AS n, applicant_cccd AS c, applicant_phone AS p, status FROM dossiers').all();
    expect(left).toEqual([
      { n: null, c: null, p: null, status: 'processing' },
      { n: null, c: null, p: null, status: 'processing' },
    ]);
  });
});
