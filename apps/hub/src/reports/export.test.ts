import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigCache } from '../domain/config-cache';
import { buildReport } from './build-report';
import { reportToCsv } from './csv';
import { local, openHistoryStore, writeHistory, type TempHub } from './test-history';
import type { DossierFigures, Report, ReportRow } from './types';
import { XLSX_HEADER_ROW, reportToXlsx } from './xlsx';

let hub: TempHub;
let report: Report;

beforeAll(() => {
  hub = openHistoryStore();
  writeHistory(hub.store);
  report = buildReport(hub.store, new ConfigCache(hub.store), {
    from: '2026-11-01',
    to: '2026-11-30',
    groupBy: 'field',
    targetWaitMinutes: 15,
    now: local('2026-11-09', 10),
  });
});
afterAll(() => hub.cleanup());

const TICKET_HEADERS = [
  'Lĩnh vực', 'Số vé cấp', 'Lượt gọi', 'Đã phục vụ', 'Vắng mặt', 'Đã hủy', 'Chuyển', 'Chờ TB (phút)', 'Chờ trung vị (phút)',
  'Chờ P90 (phút)', 'Tỷ lệ phục vụ trong thời gian chờ mục tiêu ≤ 15 phút (%)', 'Phục vụ TB (phút)', 'Phục vụ trung vị (phút)',
  'Phục vụ P90 (phút)', 'Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng',
];
const DOSSIER_HEADERS = [
  'Lĩnh vực', 'Kỳ trước chuyển qua', 'Tiếp nhận trực tiếp', 'Tiếp nhận trực tuyến', 'Tiếp nhận qua bưu chính', 'Tổng tiếp nhận trong kỳ',
  'Tổng số phải giải quyết', 'Giải quyết trước hạn', 'Giải quyết đúng hạn', 'Giải quyết quá hạn', 'Tổng đã giải quyết', 'Đang giải quyết',
  'Đang giải quyết chưa đến hạn', 'Đang giải quyết quá hạn', 'Tỷ lệ tiếp nhận trực tuyến (%)', 'Tỷ lệ giải quyết (%)',
  'Tỷ lệ giải quyết trước hạn và đúng hạn (%)',
];

/** The figures of a ticket row in header order: [counts…, minutes…, share, …]. */
function ticketFigures(r: ReportRow): Array<number | null> {
  return [
    r.tickets.issued, r.tickets.calls, r.tickets.served, r.tickets.noShow, r.tickets.cancelled, r.tickets.transferred,
    r.wait.avgMin, r.wait.medianMin, r.wait.p90Min, r.wait.withinTargetShare,
    r.service.avgMin, r.service.medianMin, r.service.p90Min,
    r.satisfaction.very_satisfied, r.satisfaction.satisfied, r.satisfaction.neutral, r.satisfaction.unsatisfied,
  ];
}
function dossierFigures(d: DossierFigures): Array<number | null> {
  return [d.carriedOver, d.receivedCounter, d.receivedOnline, d.receivedPost, d.received, d.toResolve, d.resolvedEarly, d.resolvedOnTime,
    d.resolvedLate, d.resolved, d.inProgress, d.inProgressNotDue, d.overdue, d.onlineShare, d.resolutionRate, d.onTimeRate];
}
const SHARE_COLUMNS_TICKETS = new Set([9]);
const SHARE_COLUMNS_DOSSIERS = new Set([13, 14, 15]);

describe('reportToCsv', () => {
  const csv = () => reportToCsv(report);
  const records = (): string[][] => parse(csv().slice(1), { relax_column_count: true, skip_empty_lines: true }) as string[][];

  it('is UTF-8 with a byte-order mark and CRLF lines, so Excel reads the Vietnamese', () => {
    const bytes = Buffer.from(csv(), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv()).toContain('\r\n');
    expect(csv()).toContain('Tư pháp – Hộ tịch');
  });

  it('reads back with the Vietnamese headers and the same numbers (minutes to 0.1, shares as %)', () => {
    const rows = records();
    const header = rows.findIndex((r) => r[0] === 'Lĩnh vực');
    expect(rows[header]).toEqual(TICKET_HEADERS);
    const body = rows.slice(header + 1, header + 1 + report.rows.length + 1);
    expect(body.map((r) => r[0])).toEqual(['Tư pháp – Hộ tịch', 'Đất đai', 'Chứng thực', 'Tổng cộng']);
    [...report.rows, report.totals].forEach((row, i) => {
      const cells = body[i]!.slice(1);
      ticketFigures(row).forEach((v, c) => {
        if (v === null) return expect(cells[c], `${row.label} col ${c}`).toBe('');
        const expected = SHARE_COLUMNS_TICKETS.has(c) ? v * 100 : v;
        expect(Number(cells[c]), `${row.label} ${TICKET_HEADERS[c + 1]}`).toBeCloseTo(expected, 1);
      });
    });
    const hours = rows.findIndex((r) => r[0] === 'Giờ');
    expect(rows[hours]).toEqual(['Giờ', 'Số vé cấp']);
    expect(rows.slice(hours + 1, hours + 25).map((r) => Number(r[1]))).toEqual(report.arrivalsByHour);
    expect(rows[hours + 9]).toEqual(['08:00–08:59', '22']);

    const dHeader = rows.findIndex((r, i) => i > hours && r[0] === 'Lĩnh vực');
    expect(rows[dHeader - 1]?.[0]).toBe('Hồ sơ từ 01/11/2026 đến 30/11/2026. Số liệu tính đến 10:00 ngày 09/11/2026');
    expect(rows[1]).toEqual(['Số liệu tính đến 10:00 ngày 09/11/2026']);
    expect(rows[dHeader]).toEqual(DOSSIER_HEADERS);
    [...report.dossiers.rows, report.dossiers.totals].forEach((d, i) => {
      const cells = rows[dHeader + 1 + i]!.slice(1);
      dossierFigures(d).forEach((v, c) => {
        if (v === null) return expect(cells[c]).toBe('');
        expect(Number(cells[c])).toBeCloseTo(SHARE_COLUMNS_DOSSIERS.has(c) ? v * 100 : v, 2);
      });
    });
    expect(rows[dHeader + 1]).toEqual(['Tư pháp – Hộ tịch', '0', '4', '2', '0', '6', '6', '1', '0', '2', '3', '3', '1', '2', '33.33', '50', '33.33']);
  });

  it('quotes commas and defuses formulas in names', () => {
    const tricky: Report = { ...report, rows: [{ ...report.rows[0]!, label: '=HYPERLINK("x"), Quầy "A"' }] };
    const rows = parse(reportToCsv(tricky).slice(1), { relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows.some((r) => r[0] === `'=HYPERLINK("x"), Quầy "A"`)).toBe(true);
  });
});

describe('reportToXlsx', () => {
  async function load(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await reportToXlsx(report)).buffer);
    return wb;
  }
  const values = (ws: ExcelJS.Worksheet, row: number, n: number): unknown[] =>
    Array.from({ length: n }, (_, i) => ws.getRow(row).getCell(i + 1).value);

  it('has the sheets "Vé" and "Hồ sơ" with Vietnamese headers', async () => {
    const wb = await load();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Vé', 'Hồ sơ']);
    expect(values(wb.getWorksheet('Vé')!, XLSX_HEADER_ROW, TICKET_HEADERS.length)).toEqual(TICKET_HEADERS);
    expect(values(wb.getWorksheet('Hồ sơ')!, XLSX_HEADER_ROW, DOSSIER_HEADERS.length)).toEqual(DOSSIER_HEADERS);
    expect(wb.getWorksheet('Vé')!.getCell('A1').value).toBe('Báo cáo theo lĩnh vực từ 01/11/2026 đến 30/11/2026');
  });

  it('holds the same numbers as numbers (shares as fractions shown as %)', async () => {
    const wb = await load();
    const tickets = wb.getWorksheet('Vé')!;
    [...report.rows, report.totals].forEach((row, i) => {
      const cells = values(tickets, XLSX_HEADER_ROW + 1 + i, TICKET_HEADERS.length);
      expect(cells[0]).toBe(row.label);
      ticketFigures(row).forEach((v, c) => {
        const cell = cells[c + 1];
        if (v === null) return expect(cell ?? null).toBeNull();
        expect(typeof cell, `${row.label} ${TICKET_HEADERS[c + 1]}`).toBe('number');
        expect(cell as number).toBeCloseTo(v, 9);
      });
    });
    expect(tickets.getRow(XLSX_HEADER_ROW + 1).getCell(11).numFmt).toBe('0.0%');
    expect(tickets.getRow(XLSX_HEADER_ROW + 1).getCell(8).numFmt).toBe('0.0');
    const hoursAt = XLSX_HEADER_ROW + report.rows.length + 3;
    expect(values(tickets, hoursAt, 2)).toEqual(['Giờ', 'Số vé cấp']);
    expect(report.arrivalsByHour.map((_, h) => tickets.getRow(hoursAt + 1 + h).getCell(2).value)).toEqual(report.arrivalsByHour);

    const dossiers = wb.getWorksheet('Hồ sơ')!;
    [...report.dossiers.rows, report.dossiers.totals].forEach((d, i) => {
      const cells = values(dossiers, XLSX_HEADER_ROW + 1 + i, DOSSIER_HEADERS.length);
      dossierFigures(d).forEach((v, c) => {
        const cell = cells[c + 1];
        if (v === null) return expect(cell ?? null).toBeNull();
        expect(cell as number).toBeCloseTo(v, 9);
      });
    });
    expect(values(dossiers, XLSX_HEADER_ROW + 4, 3)).toEqual(['Tổng cộng', 0, 5]);
    expect(dossiers.getRow(XLSX_HEADER_ROW + 1).getCell(16).numFmt).toBe('0.00%');
    expect(dossiers.getCell('A2').value).toBe('Số liệu tính đến 10:00 ngày 09/11/2026');
  });
});

describe('exports grouped by day', () => {
  let byDay: Report;
  beforeAll(() => {
    byDay = buildReport(hub.store, new ConfigCache(hub.store), {
      from: '2026-11-01', to: '2026-11-30', groupBy: 'day', targetWaitMinutes: 15, now: local('2026-11-09', 10),
    });
  });

  it('XLSX: days are real Excel dates (dd/mm/yyyy), the weekday a text column beside them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await reportToXlsx(byDay)).buffer);
    const tickets = wb.getWorksheet('Vé')!;
    expect([1, 2, 3].map((c) => tickets.getRow(XLSX_HEADER_ROW).getCell(c).value)).toEqual(['Ngày', 'Thứ', 'Số vé cấp']);
    const first = tickets.getRow(XLSX_HEADER_ROW + 1);
    expect(first.getCell(1).value).toEqual(new Date('2026-11-02T00:00:00Z'));
    expect(first.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(2).value).toBe('Thứ Hai');
    const dossiers = wb.getWorksheet('Hồ sơ')!;
    expect(dossiers.getRow(XLSX_HEADER_ROW + 1).getCell(1).value).toEqual(new Date('2026-11-02T00:00:00Z'));
  });

  it('XLSX: prints landscape, one page wide, the header row on every page', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await reportToXlsx(byDay)).buffer);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    }
  });

  it('CSV: ISO dates and a weekday column; the Vietnamese-Excel variant uses ";", a decimal comma and dd/mm/yyyy', () => {
    const std = parse(reportToCsv(byDay).slice(1), { relax_column_count: true, skip_empty_lines: true }) as string[][];
    const h = std.findIndex((r) => r[0] === 'Ngày');
    expect(std[h]?.slice(0, 3)).toEqual(['Ngày', 'Thứ', 'Số vé cấp']);
    expect(std[h + 1]?.slice(0, 2)).toEqual(['2026-11-02', 'Thứ Hai']);
    const vnText = reportToCsv(byDay, 'vn');
    expect(vnText.startsWith('\uFEFF')).toBe(true);
    const vn = parse(vnText.slice(1), { delimiter: ';', relax_column_count: true, skip_empty_lines: true }) as string[][];
    const hv = vn.findIndex((r) => r[0] === 'Ngày');
    expect(vn[hv + 1]?.slice(0, 2)).toEqual(['02/11/2026', 'Thứ Hai']);
    // same cells as the standard CSV, decimals with a comma
    const stdRow = std[h + 1]!;
    const vnRow = vn[hv + 1]!;
    stdRow.slice(2).forEach((cell, i) => expect(vnRow[i + 2]).toBe(cell.replace('.', ',')));
    expect(stdRow.slice(2).some((c) => c.includes('.'))).toBe(true);
    const dRow = vn.find((r) => r[0] === '02/11/2026' && r.length === DOSSIER_HEADERS.length + 1)!;
    expect(dRow.at(-2)).toBe('50'); // resolution rate 4 of 8
    expect(dRow.at(-3)).toBe('37,5'); // online share 3 of 8
  });
});
