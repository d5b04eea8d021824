/**
 * Importing the procedure catalog into a real hub (the route mounted on a small HTTP server
 * until create-hub wires it): all rows or none, one event row, the cache refreshed, re-import
 * updates instead of duplicating.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleProcedureImport } from '../../apps/hub/src/catalog';
import { withErrors } from '../../apps/hub/src/http/json';
import { ImportGate } from '../../apps/hub/src/workers/import-gate';
import { waitFor } from '../support/client';
import { REPO_ROOT } from '../support/hub-process';
import { startTestHub, type TestHub } from '../support/test-hub';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'catalog');
let h: TestHub;
let server: Server;
let base = '';
let token = '';
let gate: ImportGate;

beforeEach(async () => {
  h = await startTestHub();
  gate = new ImportGate();
  const deps = { store: h.store, clock: h.clock, executor: h.hub.executor, imports: gate };
  server = createServer((req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== '/api/admin/procedures/import') return void res.writeHead(404).end();
    void withErrors(res, () => undefined, () => handleProcedureImport(req, res, deps));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  token = await login('admin', h.creds.admin.password);
});
afterEach(async () => {
  await new Promise((r) => server.close(r));
  await h.close();
});

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${h.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

async function upload(file: string, auth = token): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/api/admin/procedures/import?name=${encodeURIComponent(file)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/octet-stream' },
    body: readFileSync(join(FIXTURES, file)),
  });
  return { status: res.status, body: await res.json() };
}

interface Row {
  id: string;
  code: string;
  name: string;
  field_id: string;
  processing_days: number;
  fee: number;
  enabled: number;
}
const procedure = (code: string): Row | undefined => h.store.db.prepare('SELECT * FROM procedures WHERE code = ?').get(code) as Row | undefined;
const count = (): number => (h.store.db.prepare('SELECT COUNT(*) AS n FROM procedures').get() as { n: number }).n;
const configEvents = (): Array<{ type: string; data: string; actor_id: string }> =>
  h.store.db.prepare("SELECT type, data_json AS data, actor_id FROM events WHERE type = 'config:changed'").all() as Array<{ type: string; data: string; actor_id: string }>;

describe('importing the procedure catalog', () => {
  it.each(['good.csv', 'good.xlsx'])('%s: every procedure stored, in one transaction with one event; the cache sees them', async (file) => {
    const before = count();
    const cached = h.hub.executor.readContext({ role: 'admin', id: 'x', name: 'x', deviceId: null }).config.procedures().length;
    expect(cached).toBe(before);
    const staff = h.admin();
    await staff.ready();

    const r = await upload(file);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ imported: 10, created: 10, updated: 0, unchanged: 0 });
    expect(count()).toBe(before + 10);
    expect(procedure('1.001193')).toMatchObject({ name: 'Đăng ký khai sinh', field_id: 'tu-phap-ho-tich', processing_days: 0, fee: 0, enabled: 1 });
    expect(procedure('1.000656')).toMatchObject({ field_id: 'tu-phap-ho-tich', enabled: 1 }); // “Tư pháp - Hộ tịch”, no status
    expect(procedure('2.000908')).toMatchObject({ field_id: 'chung-thuc', processing_days: 0, fee: 2000 });
    expect(procedure('2.001035')).toMatchObject({ processing_days: 2, fee: 50000 });
    expect(procedure('1.001612')).toMatchObject({ field_id: 'kinh-doanh', processing_days: 3, fee: 100000 });
    expect(procedure('1.004222')).toMatchObject({ field_id: 'cu-tru', processing_days: 3, fee: 15000, enabled: 0 });

    const events = configEvents();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.data ?? '{}')).toEqual({ type: 'config:changed', section: 'procedures' });
    const admin = h.store.db.prepare("SELECT id FROM officers WHERE username = 'admin'").get() as { id: string };
    expect(events[0]?.actor_id).toBe(admin.id);
    await waitFor(() => staff.events.some((e) => e.type === 'config:changed'));

    const fresh = h.hub.executor.readContext({ role: 'admin', id: 'x', name: 'x', deviceId: null }).config.procedures();
    expect(fresh.length).toBe(before + 10);
    expect(fresh.find((p) => p.code === '1.004873')).toMatchObject({ processingDays: 3, fieldId: 'tu-phap-ho-tich' });
  });

  it('a “Giờ chốt nhận hồ sơ” column sets each procedure\'s cut-off hour; a blank cell leaves it as it was', async () => {
    const r = await upload('cutoff.csv');
    expect(r.status).toBe(200);
    const cutoff = (code: string): unknown => (h.store.db.prepare('SELECT cutoff_time AS c FROM procedures WHERE code = ?').get(code) as { c: unknown }).c;
    expect([cutoff('2.000908'), cutoff('2.000815'), cutoff('1.001193')]).toEqual(['15:00', '15:00', null]);
    expect(h.hub.executor.readContext({ role: 'admin', id: 'x', name: 'x', deviceId: null }).config.procedures().find((p) => p.code === '2.000908')?.cutoffTime).toBe('15:00');
    expect((await upload('good.csv')).body.data).toMatchObject({ created: 7, updated: 2 }); // no cut-off column
    expect(cutoff('2.000908')).toBe('15:00');
  });

  it('a “Thành phần hồ sơ” column sets each procedure\'s documents; a blank cell leaves them as they were; a bad one is an issue', async () => {
    const r = await upload('documents.csv');
    expect(r.status).toBe(200);
    const docs = (code: string): unknown => h.hub.executor.readContext({ role: 'admin', id: 'x', name: 'x', deviceId: null }).config.procedures().find((p) => p.code === code)?.documents;
    expect(docs('1.001193')).toEqual([
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', form: 'original', quantity: 1 },
      { name: 'Giấy chứng sinh', form: 'original', quantity: 1 },
    ]);
    expect(docs('1.004222')).toEqual([
      { name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', form: 'original', quantity: 1 },
      { name: 'Giấy tờ chứng minh chỗ ở hợp pháp', form: 'copy', quantity: 2 },
    ]);
    expect(docs('2.000908')).toBeUndefined();
    expect((await upload('good.csv')).status).toBe(200); // no documents column
    expect(docs('1.001193')).toHaveLength(2);
    const bad = await upload('documents-bad.csv');
    expect(bad.status).toBe(422);
    expect(bad.body.issues).toEqual([
      { line: 2, column: 'documents', code: 'BAD_DOCUMENTS', message: 'Dòng 2: cột “Thành phần hồ sơ”: Số lượng từ 1 đến 99.' },
    ]);
  });

  it('a re-import updates the procedures by code instead of adding them again', async () => {
    expect((await upload('good.csv')).status).toBe(200);
    const before = count();
    const idOf = procedure('1.001612')?.id;

    const again = await upload('good.csv');
    expect(again.body.data).toEqual({ imported: 10, created: 0, updated: 0, unchanged: 10 });
    expect(count()).toBe(before);

    const update = await upload('update.csv');
    expect(update.status).toBe(200);
    expect(update.body.data).toEqual({ imported: 5, created: 1, updated: 3, unchanged: 1 });
    expect(count()).toBe(before + 1);
    expect(procedure('1.001612')).toMatchObject({ id: idOf, fee: 150000 });
    expect(procedure('1.004222')).toMatchObject({ enabled: 1 });
    expect(procedure('2.000908')).toMatchObject({ name: 'Chứng thực bản sao từ bản chính giấy tờ', enabled: 0 });
    expect(procedure('1.003583')).toMatchObject({ name: 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con', processing_days: 3 });
    // procedures not in the file are left as they were
    expect(procedure('1.004194')).toMatchObject({ fee: 20000, enabled: 1 });
    expect(procedure('KS')).toMatchObject({ name: 'Đăng ký khai sinh' });
    expect(configEvents()).toHaveLength(3);
  });

  it.each([
    ['mixed.csv', [[3, 'BAD_DAYS'], [4, 'BAD_FEE'], [5, 'UNKNOWN_FIELD'], [6, 'MISSING_VALUE'], [7, 'DUPLICATE_IN_FILE'], [8, 'BAD_STATUS'], [9, 'BAD_CODE'], [11, 'BAD_DAYS'], [11, 'BAD_FEE']]],
    ['mixed.xlsx', [[3, 'BAD_DAYS'], [4, 'BAD_FEE'], [5, 'UNKNOWN_FIELD'], [6, 'BAD_CODE'], [7, 'DUPLICATE_IN_FILE'], [7, 'BAD_STATUS']]],
  ])('%s: bad rows reported by line, nothing stored, no event', async (file, expected) => {
    const before = count();
    const r = await upload(file);
    expect(r.status).toBe(422);
    expect(r.body.error).toEqual({ code: 'VALIDATION_FAILED', message: `${expected.length} lỗi; chưa nhập thủ tục nào` });
    expect(r.body.issues.map((i: { line: number; code: string }) => [i.line, i.code])).toEqual(expected);
    const unknown = r.body.issues.find((i: { code: string }) => i.code === 'UNKNOWN_FIELD');
    expect(unknown).toEqual({ line: 5, column: 'field', code: 'UNKNOWN_FIELD', message: expect.stringContaining('Dòng 5: không có lĩnh vực “Giáo dục – Đào tạo”') });
    expect(count()).toBe(before);
    expect(procedure('1.001193')).toBeUndefined();
    expect(configEvents()).toEqual([]);
  });

  it('while another import runs, a catalog import is refused with BUSY and changes nothing', async () => {
    const before = count();
    let release = (): void => undefined;
    const running = gate.run('dossiers', () => new Promise<void>((r) => (release = r)));
    const r = await upload('good.csv');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('BUSY');
    expect(count()).toBe(before);
    release();
    await running;
    expect((await upload('good.csv')).status).toBe(200);
  });

  it('only an admin may import; a file that is not CSV or XLSX is refused', async () => {
    const officer = await login('canbo1', h.creds.officers[0]?.password ?? '');
    expect((await upload('good.csv', officer)).status).toBe(403);
    expect((await upload('good.csv', 'not-a-token-at-all-xxxxxxxx')).status).toBe(401);
    const png = await fetch(`${base}/api/admin/procedures/import?name=logo.png`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    expect(png.status).toBe(400);
    expect(procedure('1.001193')).toBeUndefined();
  });
});
