/**
 * Issue 20, items 2 and 3, through the real import path (HTTP to a real hub, a worker thread,
 * a real SQLite file): the channel column, cumulative files that update what is stored (with
 * history and events, a dry run first), codes compared without regard to case, a title above
 * the header, dates read month first refused, and a counter that can always receive a dossier
 * after an import brought codes into its own code space.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
let token = '';

beforeEach(async () => {
  h = await startTestHub();
  const res = await fetch(`${h.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: h.creds.admin.password }),
  });
  token = ((await res.json()) as { data: { token: string } }).data.token;
});
afterEach(async () => {
  await h.close();
});

const HEADER = 'Mã hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái,Ngày có kết quả,Hình thức nộp';
const csv = (...lines: string[]): Buffer => Buffer.from(`${lines.join('\r\n')}\r\n`);

async function upload(file: Buffer, query = '', name = 'ds.csv'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${h.url}/api/admin/dossiers/import?name=${name}${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: new Uint8Array(file),
  });
  return { status: res.status, body: await res.json() };
}

const dossier = (code: string): Record<string, unknown> | undefined =>
  h.store.db.prepare('SELECT code, channel, status, due_date, resolved_at FROM dossiers WHERE code = ? COLLATE NOCASE').get(code) as Record<string, unknown> | undefined;
const dossierCount = (): number => (h.store.db.prepare('SELECT COUNT(*) AS n FROM dossiers').get() as { n: number }).n;

/** The first file: three dossiers of 1–2 October 2025 in three channels. */
const FIRST = csv(
  HEADER,
  '000.00.00.H26-251001-0001,KS,01/10/2025 08:00,03/10/2025,Đang xử lý,,Trực tiếp',
  '000.00.00.H26-251001-0002,KS,01/10/2025 09:00,03/10/2025,Đang xử lý,,Trực tuyến toàn trình',
  '000.00.00.H26-251002-0003,KS,02/10/2025 10:00,06/10/2025,Đang xử lý,,Dịch vụ bưu chính',
);

/** A week later the system exports the same list, cumulative: one resolved, one extended, one as it was, one new. */
const LATER = csv(
  HEADER,
  '000.00.00.h26-251001-0001,KS,01/10/2025 08:00,03/10/2025,Có kết quả,02/10/2025 15:00,Trực tiếp',
  '000.00.00.H26-251001-0002,KS,01/10/2025 09:00,08/10/2025,Đang xử lý,,Trực tuyến',
  '000.00.00.H26-251002-0003,KS,02/10/2025 10:00,06/10/2025,Đang xử lý,,Bưu chính',
  '000.00.00.H26-251007-0004,KS,07/10/2025 14:00,10/10/2025,Đang xử lý,,Nộp trực tiếp',
);

describe('the channel column', () => {
  it('stores each row with its channel (in person, online, by post), not all as online', async () => {
    const r = await upload(FIRST);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ imported: 3, created: 3, updated: 0, unchanged: 0 });
    expect(h.store.db.prepare('SELECT code, channel FROM dossiers ORDER BY code').all()).toEqual([
      { code: '000.00.00.H26-251001-0001', channel: 'counter' },
      { code: '000.00.00.H26-251001-0002', channel: 'online' },
      { code: '000.00.00.H26-251002-0003', channel: 'post' },
    ]);
    expect(h.store.db.prepare("SELECT received FROM dossier_cohort WHERE channel = 'post'").get()).toEqual({ received: 1 });
  });

  it('an unknown channel is a row error and nothing is stored', async () => {
    const r = await upload(csv(HEADER, '000.00.00.H26-251001-0001,KS,01/10/2025,03/10/2025,Đang xử lý,,Fax'));
    expect(r.status).toBe(422);
    expect(r.body.issues.map((i: { line: number; code: string }) => [i.line, i.code])).toEqual([[2, 'BAD_CHANNEL']]);
    expect(dossierCount()).toBe(0);
  });
});

describe('cumulative files update what is stored', () => {
  it('a dry run tells N new, M updated, K unchanged and stores nothing; the import then updates with history and events', async () => {
    expect((await upload(FIRST)).status).toBe(200);
    const stateBefore = h.store.db.prepare('SELECT * FROM dossiers ORDER BY code').all();
    const seqBefore = h.store.events.lastSeq();

    const dry = await upload(LATER, '&dryRun=1');
    expect(dry.status).toBe(200);
    expect(dry.body.data).toMatchObject({ dryRun: true, created: 1, updated: 2, unchanged: 1 });
    expect(dry.body.data.updates.map((u: { line: number; code: string; from: { status: string }; to: { status: string; dueDate: string } }) =>
      [u.line, u.code, u.from.status, u.to.status, u.to.dueDate])).toEqual([
      [2, '000.00.00.H26-251001-0001', 'processing', 'result_ready', '2025-10-03'],
      [3, '000.00.00.H26-251001-0002', 'processing', 'processing', '2025-10-08'],
    ]);
    expect(h.store.db.prepare('SELECT * FROM dossiers ORDER BY code').all()).toEqual(stateBefore);
    expect(h.store.events.lastSeq()).toBe(seqBefore);

    h.clock.advance(3600_000);
    const r = await upload(LATER);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ imported: 4, created: 1, updated: 2, unchanged: 1 });
    expect(dossierCount()).toBe(4);
    // the stored code keeps its spelling; status and dates follow the file; identity stays
    expect(dossier('000.00.00.H26-251001-0001')).toEqual({
      code: '000.00.00.H26-251001-0001', channel: 'counter', status: 'result_ready', due_date: '2025-10-03', resolved_at: Date.UTC(2025, 9, 2, 8),
    });
    expect(dossier('000.00.00.H26-251001-0002')).toMatchObject({ status: 'processing', due_date: '2025-10-08' });
    expect(dossier('000.00.00.H26-251007-0004')).toMatchObject({ channel: 'counter', status: 'processing' });

    // who, when, from -> to: a history row per updated dossier, none for the unchanged one
    const adminId = h.store.accounts.officerByUsername('admin')?.id;
    const history = h.store.db.prepare(
      `SELECT d.code, h.from_status AS "from", h.to_status AS "to", h.actor_kind AS kind, h.actor_id AS actor, h.at FROM dossier_history h
       JOIN dossiers d ON d.id = h.dossier_id WHERE h.at = ? ORDER BY d.code`,
    ).all(h.clock.now());
    expect(history).toEqual([
      { code: '000.00.00.H26-251001-0001', from: 'processing', to: 'result_ready', kind: 'admin', actor: adminId, at: h.clock.now() },
      { code: '000.00.00.H26-251001-0002', from: 'processing', to: 'processing', kind: 'admin', actor: adminId, at: h.clock.now() },
      { code: '000.00.00.H26-251007-0004', from: null, to: 'processing', kind: 'admin', actor: adminId, at: h.clock.now() },
    ]);
    const events = (h.store.events.after(seqBefore) as Array<{ actorKind: string; actorId: string | null; data: any }>)
      .map((e) => [e.data.action, e.data.dossier?.code ?? null, e.data.from ?? null, e.data.dossier?.status ?? null, e.actorKind, e.actorId]);
    expect(events).toEqual([
      ['updated', '000.00.00.H26-251001-0001', 'processing', 'result_ready', 'admin', adminId],
      ['updated', '000.00.00.H26-251001-0002', 'processing', 'processing', 'admin', adminId],
      ['imported', null, null, null, 'admin', adminId],
    ]);
    // the report rollups follow: one resolved, on time
    expect(h.store.db.prepare("SELECT SUM(resolved) AS r, SUM(resolved_on_time) AS ot FROM dossier_cohort WHERE received_day = '2025-10-01'").get()).toEqual({ r: 1, ot: 1 });
  });

  it('a dry run of a file with bad rows answers 422 with its issues and the summary of the good rows', async () => {
    expect((await upload(FIRST)).status).toBe(200);
    const bad = csv(
      HEADER,
      '000.00.00.H26-251001-0001,KS,01/10/2025 08:00,03/10/2025,Đã trả kết quả,02/10/2025,Trực tiếp',
      '000.00.00.H26-251006-0009,KS,10/06/2025,13/06/2025,Đang xử lý,,Trực tiếp',
    );
    const r = await upload(bad, '&dryRun=1');
    expect(r.status).toBe(422);
    expect(r.body.issues.map((i: { line: number; code: string }) => [i.line, i.code])).toEqual([[3, 'CODE_DATE_MISMATCH']]);
    expect(r.body.issues[0].message).toContain('mang ngày 06/10/2025 nhưng cột “Ngày tiếp nhận” có “10/06/2025”');
    expect(r.body.summary).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(dossier('000.00.00.H26-251001-0001')).toMatchObject({ status: 'processing' });
    const real = await upload(bad);
    expect(real.status).toBe(422);
    expect(dossier('000.00.00.H26-251001-0001')).toMatchObject({ status: 'processing' });
    expect(dossierCount()).toBe(3);
  });

  it('finds the header under the title rows of a portal export', async () => {
    const titled = csv(
      'UBND PHƯỜNG BA ĐÌNH,,,,,,',
      'DANH SÁCH HỒ SƠ TIẾP NHẬN TỪ 01/10/2025 ĐẾN 31/10/2025,,,,,,',
      ',,,,,,',
      HEADER,
      '000.00.00.H26-251001-0001,KS,01/10/2025 08:00,03/10/2025,Đang xử lý,,Trực tiếp',
    );
    const r = await upload(titled);
    expect(r.status).toBe(200);
    expect(r.body.data.created).toBe(1);
    // an XLSX as portals write it: a merged title, the period, a blank row, then the header on row 4
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['DANH SÁCH HỒ SƠ TIẾP NHẬN']);
    sheet.mergeCells('A1:G1');
    sheet.addRow(['Từ ngày 01/10/2025 đến ngày 31/10/2025']);
    sheet.addRow([]);
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['000.00.00.H26-251002-0002', 'KS', '02/10/2025 08:00', '06/10/2025', 'Đang xử lý', '', 'Bưu chính']);
    const xlsx = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), '', 'ds.xlsx');
    expect(xlsx.status, JSON.stringify(xlsx.body)).toBe(200);
    expect(xlsx.body.data.created).toBe(1);
    expect(dossier('000.00.00.H26-251002-0002')).toMatchObject({ channel: 'post' });
    const none = await upload(csv('BÁO CÁO', 'Không có dữ liệu'));
    expect(none.status).toBe(422);
    expect(none.body.issues[0]).toMatchObject({ line: 0, code: 'NO_HEADER' });
    expect(none.body.issues[0].message).toMatch(/^Không tìm thấy dòng tiêu đề cột/);
  });
});

describe('a counter can always receive a dossier', () => {
  it('after an import of today’s 0001 and 0002 (any case) in its own code space, dossier:create gives 0003', async () => {
    // the test hub's day is Monday 23/11/2026; its agency code is 000.00.00.H26
    const today = csv(
      HEADER,
      '000.00.00.h26-261123-0001,KS,23/11/2026 08:05,23/11/2026,Đang xử lý,,Trực tuyến',
      '000.00.00.H26-261123-0002,KS,23/11/2026 08:10,23/11/2026,Đang xử lý,,Trực tuyến',
    );
    expect((await upload(today)).status).toBe(200);
    const kiosk = h.kiosk();
    await kiosk.ready();
    data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'after-import-1' }));
    const o = await h.officerAt('canbo1', 'q1');
    const ticket = data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'after-import-call' })).ticket;
    if (!ticket) throw new Error('no ticket');
    const applicant = { fullName: 'Nguyễn Văn An', cccd: null, phone: null, birthDate: null, address: null };
    const first = await o.send('dossier:create', { ticketId: ticket.id, procedureId: 'tt-ks', applicant, idempotencyKey: 'after-import-0001' });
    expect(first.ok).toBe(true);
    expect(data(first).code).toBe('000.00.00.H26-261123-0003');
    const second = data(await o.send('dossier:create', { ticketId: ticket.id, procedureId: 'tt-ks', applicant, idempotencyKey: 'after-import-0002' }));
    expect(second.code).toBe('000.00.00.H26-261123-0004');
    // and a code imported beyond them is skipped too
    expect((await upload(csv(HEADER, '000.00.00.H26-261123-0005,KS,23/11/2026 09:00,23/11/2026,Đang xử lý,,Trực tuyến'))).status).toBe(200);
    const third = data(await o.send('dossier:create', { ticketId: ticket.id, procedureId: 'tt-ks', applicant, idempotencyKey: 'after-import-0003' }));
    expect(third.code).toBe('000.00.00.H26-261123-0006');
  });
});
