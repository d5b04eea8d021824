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
      { line: 2, column: 'returnedAt', code: 'BAD_DATE', message: 'Dòng 2: cột «Ngày trả kết quả» có «14/01/2024 23:59» trước ngày tiếp nhận «15/01/2024 08:30».' },
    ]);
  });

  it('cleans names: trims, NFC, line breaks, tabs and no-break spaces made single spaces', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // «Nguyễn» as a Mac may write it (NFD)
    const { rows } = validateSheet(sheet(ok('HS-001', { name: ` ${decomposed}\r\n\tVăn\u00a0\u00a0An ` })));
    expect(rows[0]?.applicantName).toBe('Nguyễn Văn An');
  });

  it('a header that is not on line 1 is not looked for: every required column is missing', () => {
    const rows: SheetRow[] = [{ line: 2, cells: HEADER }, { line: 3, cells: ok('HS-001') }];
    expect(validateSheet(rows).issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [1, 'code', 'MISSING_COLUMN'],
      [1, 'procedureRef', 'MISSING_COLUMN'],
      [1, 'receivedAt', 'MISSING_COLUMN'],
      [1, 'dueDate', 'MISSING_COLUMN'],
      [1, 'status', 'MISSING_COLUMN'],
    ]);
  });

  it('codes: 3–60 of A–Z a–z 0–9 . - _ /, nothing else (no spaces, no diacritics)', () => {
    const codes = ['AB', 'ABC', 'a.b-c_d/e', 'X'.repeat(60), 'X'.repeat(61), 'HS 001', 'HỒSƠ-1', "HS-1'--", '=1+1'];
    const { rows, issues } = validateSheet(sheet(...codes.map((c) => ok(c))));
    expect(rows.map((r) => r.code)).toEqual(['ABC', 'a.b-c_d/e', 'X'.repeat(60)]);
    expect(issues.map((i) => [i.line, i.code])).toEqual([[2, 'BAD_CODE'], [6, 'BAD_CODE'], [7, 'BAD_CODE'], [8, 'BAD_CODE'], [9, 'BAD_CODE'], [10, 'BAD_CODE']]);
  });
});
