import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/secrets';
import { ConfigCache } from '../domain/config-cache';
import { withErrors } from '../http/json';
import { handleReportExport, parseReportQuery, reportFileName } from './export-http';
import { local, openHistoryStore, writeHistory, type TempHub } from './test-history';

let hub: TempHub;
let server: Server;
let base: string;
const NOW = local('2026-12-02', 9);

beforeAll(async () => {
  hub = openHistoryStore();
  writeHistory(hub.store);
  hub.store.accounts.createSession(hashToken('admin-token'), 'admin', NOW - 1000, NOW + 3_600_000);
  hub.store.accounts.createSession(hashToken('officer-token'), 'o1', NOW - 1000, NOW + 3_600_000);
  const deps = { store: hub.store, clock: { now: () => NOW }, executor: { config: new ConfigCache(hub.store) } };
  server = createServer((req, res) => void withErrors(res, () => undefined, () => handleReportExport(req, res, deps)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/admin/reports/export`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  hub.cleanup();
});

const get = (query: string, token: string | null = 'admin-token') =>
  fetch(`${base}?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /api/admin/reports/export', () => {
  it('needs an admin session', async () => {
    expect((await get('from=2026-11-01&to=2026-11-30', null)).status).toBe(401);
    expect((await get('from=2026-11-01&to=2026-11-30', 'nope')).status).toBe(401);
    const officer = await get('from=2026-11-01&to=2026-11-30', 'officer-token');
    expect(officer.status).toBe(403);
    expect(await officer.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['to=2026-11-30', /from/],
    ['from=2026-02-30&to=2026-03-01', /from không phải ngày hợp lệ/],
    ['from=2026-11-30&to=2026-11-01', /from.*trước hoặc bằng/],
    ['from=2023-01-01&to=2026-01-01', /tối đa 3 năm/],
    ['from=2026-11-01&to=2026-11-30&groupBy=week', /groupBy/],
    ['from=2026-11-01&to=2026-11-30&format=pdf', /format/],
    ['from=2026-11-01&to=2026-11-30&targetWait=0', /targetWait/],
    ['from=2026-11-01&to=2026-11-30&asOf=2026-11-31T10:00', /asOf/],
    ['from=2026-11-01&to=2026-11-30&asOf=yesterday', /asOf/],
    ['from=2026-11-01&to=2026-11-30&asOf=2026-10-31T23:59', /asOf.*đầu ngày bắt đầu/],
    ['from=2026-11-01&to=2026-11-30&asOf=2027-01-01', /asOf.*tương lai/],
  ])('refuses %s', async (query, message) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(message);
  });

  it('allows exactly three years', () => {
    expect(parseReportQuery(new URLSearchParams('from=2024-01-01&to=2026-12-31'))).toEqual({
      from: '2024-01-01', to: '2026-12-31', groupBy: 'field', format: 'xlsx', targetWaitMinutes: 15, asOf: undefined,
    });
    const endOfNov = Date.UTC(2026, 10, 30, 16, 59, 59, 999); // 23:59:59.999 in Hanoi
    expect(reportFileName({ from: '2026-11-01', to: '2026-11-30', format: 'csv' }, endOfNov)).toBe('bao-cao-2026-11-01_2026-11-30_tinh-den-2026-11-30-2359.csv');
    expect(reportFileName({ from: '2026-11-01', to: '2026-11-30', format: 'csv-vn' }, endOfNov)).toBe('bao-cao-2026-11-01_2026-11-30_tinh-den-2026-11-30-2359_excel-vn.csv');
  });

  it('sends the XLSX as an attachment named after the range', async () => {
    const res = await get('from=2026-11-01&to=2026-11-30&groupBy=counter&format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-2026-11-01_2026-11-30_tinh-den-2026-11-30-2359.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Vé', 'Hồ sơ']);
    expect(wb.getWorksheet('Vé')!.getRow(3).getCell(1).value).toBe('Quầy');
    expect(wb.getWorksheet('Vé')!.getRow(4).values).toContain('Quầy 1');
  });

  it('sends the CSV with a byte-order mark, and JSON when asked', async () => {
    const csv = await get('from=2026-11-01&to=2026-11-30&format=csv&targetWait=20');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-2026-11-01_2026-11-30_tinh-den-2026-11-30-2359.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('≤ 20 phút');

    const json = await get('from=2026-11-01&to=2026-12-31&groupBy=all&format=json');
    const body = (await json.json()) as { ok: boolean; data: { totals: { tickets: { issued: number } }; asOfDay: string } };
    expect(body.ok).toBe(true);
    expect(body.data.totals.tickets.issued).toBe(66);
    expect(body.data.asOfDay).toBe('2026-12-02');
  });

  it('takes the figures as of asOf, names it in the file, and writes the Vietnamese-Excel CSV', async () => {
    const res = await get('from=2026-11-01&to=2026-11-30&groupBy=procedure&format=csv-vn&asOf=2026-11-09T10:00');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-2026-11-01_2026-11-30_tinh-den-2026-11-09-1000_excel-vn.csv"');
    const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));
    expect(text.split('\r\n')[1]).toBe('Số liệu tính đến 10:00 ngày 09/11/2026');
    expect(text).toContain('Thủ tục;Kỳ trước chuyển qua;Tiếp nhận trực tiếp');
    const json = await get('from=2026-11-01&to=2026-11-30&groupBy=procedure&format=json&asOf=2026-11-09');
    const body = (await json.json()) as { data: { asOf: number; dossiers: { groupBy: string; rows: Array<{ label: string }> } } };
    expect(body.data.asOf).toBe(Date.UTC(2026, 10, 9, 16, 59, 59, 999));
    expect(body.data.dossiers.groupBy).toBe('procedure');
    expect(body.data.dossiers.rows.map((r) => r.label)).toContain('Thủ tục Tư pháp – Hộ tịch');
  });
});
