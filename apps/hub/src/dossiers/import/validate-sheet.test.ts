import { describe, expect, it } from 'vitest';
import type { Cell, SheetRow } from './sheet';
import { vn } from './test-fixtures';
import { validateSheet } from './validate-sheet';

const HEADER = ['STT', 'Mã hồ sơ', 'Thủ tục', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Trạng thái', 'Ngày có kết quả', 'Ngày trả kết quả', 'Chủ hồ sơ'];
const sheet = (...rows: Cell[][]): SheetRow[] => [HEADER, ...rows].map((cells, i) => ({ line: i + 1, cells }));
const ok = (code: string, extra: Partial<Record<'resolved' | 'returned' | 'name', Cell>> = {}): Cell[] =>
  ['1', code, '1.001193', '15/01/2024 08:30', '18/01/2024', 'Có kết quả', extra.resolved ?? null, extra.returned ?? null, extra.name ?? null];

describe('validateSheet', () => {
  it('a header alone gives no rows and no issues', () => {
    expect(validateSheet(sheet())).toEqual({ rows: [], issues: [] });
  });

  it('skips rows with nothing in the recognised columns (an STT or a total alone)', () => {
    const result = validateSheet(sheet(['7', null, '', '  ', null, null], ok('HS-001'), ['Tổng cộng: 1']));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });

  it('flags a repeated code on each later line, naming the first, even when the first row is bad otherwise', () => {
    const bad = ok('HS-001');
    bad[5] = 'không rõ';
    const { rows, issues } = validateSheet(sheet(bad, ok('HS-001'), ok('HS-001')));
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 'status', 'BAD_STATUS'],
      [3, 'code', 'DUPLICATE_IN_FILE'],
      [4, 'code', 'DUPLICATE_IN_FILE'],
    ]);
    expect(issues[2]?.message).toContain('trùng với dòng 2');
  });

  it('dates on the day received are fine even before the hour received; a day before is BAD_DATE', () => {
    const sameDay = validateSheet(sheet(ok('HS-001', { resolved: '15/01/2024', returned: '2024-01-15 08:00' })));
    expect(sameDay.rows[0]).toMatchObject({ resolvedAt: vn('2024-01-15T00:00'), returnedAt: vn('2024-01-15T08:00') });
    const before = validateSheet(sheet(ok('HS-001', { returned: '14/01/2024 23:59' })));
    expect(before.issues).toEqual([
      { line: 2, column: 'returnedAt', code: 'BAD_DATE', message: 'Dòng 2: cột “Ngày trả kết quả” có “14/01/2024 23:59” trước ngày tiếp nhận “15/01/2024 08:30”.' },
    ]);
  });

  it('cleans names: trims, NFC, line breaks, tabs and no-break spaces made single spaces', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // “Nguyễn” as a Mac may write it (NFD)
    const { rows } = validateSheet(sheet(ok('HS-001', { name: ` ${decomposed}\r\n\tVăn\u00a0\u00a0An ` })));
    expect(rows[0]?.applicantName).toBe('Nguyễn Văn An');
  });

  it('finds the header under title rows (as portal exports have) and numbers lines as the file does', () => {
    const rows: SheetRow[] = [
      { line: 1, cells: ['UBND PHƯỜNG BA ĐÌNH'] },
      { line: 2, cells: ['DANH SÁCH HỒ SƠ TIẾP NHẬN', null, null, 'Từ ngày 01/01/2024 đến ngày 31/01/2024'] },
      { line: 4, cells: HEADER },
      { line: 5, cells: ok('HS-001') },
    ];
    const { rows: found, issues } = validateSheet(rows);
    expect(issues).toEqual([]);
    expect(found.map((r) => [r.line, r.code])).toEqual([[5, 'HS-001']]);
  });

  it('a header with columns missing under a title is reported on its own line', () => {
    const rows: SheetRow[] = [{ line: 1, cells: ['DANH SÁCH HỒ SƠ'] }, { line: 2, cells: ['Mã hồ sơ', 'Thủ tục', 'Trạng thái', 'Ghi chú'] }];
    expect(validateSheet(rows).issues).toEqual([
      { line: 2, column: 'receivedAt', code: 'MISSING_COLUMN', message: 'Dòng tiêu đề (dòng 2): thiếu cột bắt buộc “Ngày tiếp nhận” (hoặc “Received date”).' },
      { line: 2, column: 'dueDate', code: 'MISSING_COLUMN', message: 'Dòng tiêu đề (dòng 2): thiếu cột bắt buộc “Ngày hẹn trả” (hoặc “Due date”).' },
    ]);
  });

  it('no header in the first 20 rows: NO_HEADER naming the columns looked for', () => {
    const rows: SheetRow[] = Array.from({ length: 20 }, (_, i) => ({ line: i + 1, cells: [`Dòng ghi chú ${i + 1}`] }));
    rows.push({ line: 21, cells: HEADER }, { line: 22, cells: ok('HS-001') });
    expect(validateSheet(rows)).toEqual({
      rows: [],
      issues: [{
        line: 0, column: null, code: 'NO_HEADER',
        message: 'Không tìm thấy dòng tiêu đề cột (“Mã hồ sơ”, “Thủ tục”, “Ngày tiếp nhận”, “Ngày hẹn trả”, “Trạng thái”) trong 20 dòng đầu của tệp; '
          + 'hãy kiểm tra tệp có đúng là danh sách hồ sơ xuất từ hệ thống một cửa hoặc Cổng dịch vụ công.',
      }],
    });
  });

  it('codes differing only in case are the same dossier: DUPLICATE_IN_FILE', () => {
    const { issues } = validateSheet(sheet(ok('000.00.00.H26-240115-0001'), ok('000.00.00.h26-240115-0001')));
    expect(issues.map((i) => [i.line, i.code])).toEqual([[3, 'DUPLICATE_IN_FILE']]);
  });

  it('codes: 3–60 of A–Z a–z 0–9 . - _ /, nothing else (no spaces, no diacritics)', () => {
    const codes = ['AB', 'ABC', 'a.b-c_d/e', 'X'.repeat(60), 'X'.repeat(61), 'HS 001', 'HỒSƠ-1', "HS-1'--", '=1+1'];
    const { rows, issues } = validateSheet(sheet(...codes.map((c) => ok(c))));
    expect(rows.map((r) => r.code)).toEqual(['ABC', 'a.b-c_d/e', 'X'.repeat(60)]);
    expect(issues.map((i) => [i.line, i.code])).toEqual([[2, 'BAD_CODE'], [6, 'BAD_CODE'], [7, 'BAD_CODE'], [8, 'BAD_CODE'], [9, 'BAD_CODE'], [10, 'BAD_CODE']]);
  });
});
