import { describe, expect, it } from 'vitest';
import { readXlsx, toCell } from './read-xlsx';
import { fixture } from './test-fixtures';

describe('toCell (exceljs values, never evaluated)', () => {
  it('keeps plain values and Dates', () => {
    const date = new Date(Date.UTC(2024, 0, 15, 8, 30));
    expect([toCell(null), toCell(undefined), toCell('x'), toCell(1.5), toCell(true), toCell(date)]).toEqual([null, null, 'x', 1.5, true, date]);
  });

  it('joins rich text, takes a hyperlink’s text and an error’s code', () => {
    expect(toCell({ richText: [{ text: 'Chứng ' }, { text: 'thực', font: { bold: true } }] })).toBe('Chứng thực');
    expect(toCell({ text: 'HS-001', hyperlink: 'https://example.invalid/' })).toBe('HS-001');
    expect(toCell({ error: '#N/A' })).toBe('#N/A');
  });

  it('a formula gives its cached result, or its own text when it has none', () => {
    expect(toCell({ formula: 'A1&"x"', result: 'HS-001x' })).toBe('HS-001x');
    expect(toCell({ formula: 'CMD()' })).toBe('=CMD()');
    expect(toCell({ sharedFormula: 'A2', result: { error: '#REF!' } })).toBe('#REF!');
  });
});

describe('readXlsx', () => {
  it('reads the first sheet by Excel row number, with real date cells as Dates', async () => {
    const read = await readXlsx(fixture('good.xlsx'));
    if (!read.ok) throw new Error(read.issue.message);
    expect(read.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(read.rows[0]?.cells[0]).toBe('Mã hồ sơ');
    const received = read.rows[1]?.cells[2];
    expect(received).toBeInstanceOf(Date);
    expect((received as Date).toISOString()).toBe('2024-01-15T08:30:00.000Z');
    expect(read.rows[2]?.cells[2]).toBe('2024-01-15');
    expect(read.rows[5]?.cells[5]).toBeInstanceOf(Date);
  });

  it('skips rows that do not exist and leaves missing cells out', async () => {
    const read = await readXlsx(fixture('mixed.xlsx'));
    if (!read.ok) throw new Error(read.issue.message);
    expect(read.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13]);
    expect(read.rows.find((r) => r.line === 7)?.cells[1]).toBeUndefined();
    expect(read.rows.find((r) => r.line === 9)?.cells[0]).toBe('=CMD()');
  });

  it('a zip that is not a workbook is BAD_FILE', async () => {
    const read = await readXlsx(Buffer.from('PK\x03\x04garbage'));
    expect(read).toEqual({ ok: false, issue: { line: 0, column: null, code: 'BAD_FILE', message: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ, hoặc đã bị hỏng.' } });
  });
});
