import { describe, expect, it } from 'vitest';
import { detectImportFormat } from './detect-format';
import { fixture } from './test-fixtures';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const head = (name: string): Buffer => fixture(name).subarray(0, 8);

describe('detectImportFormat', () => {
  it('a zip (PK\\x03\\x04) is XLSX, whatever the name or type says', () => {
    expect(detectImportFormat('hoso.xlsx', XLSX_TYPE, head('good.xlsx'))).toBe('xlsx');
    expect(detectImportFormat(null, null, head('good.xlsx'))).toBe('xlsx');
    expect(detectImportFormat('hoso.csv', 'text/csv', head('mixed.xlsx'))).toBe('xlsx');
  });

  it('text named .csv, or sent as a CSV type (Windows browsers say application/vnd.ms-excel), is CSV', () => {
    expect(detectImportFormat('HoSo.CSV', null, head('good.csv'))).toBe('csv');
    expect(detectImportFormat(null, 'text/csv; charset=utf-8', head('good-semicolon.csv'))).toBe('csv');
    expect(detectImportFormat('export', 'application/vnd.ms-excel', head('good.csv'))).toBe('csv');
    expect(detectImportFormat('hoso.txt', null, head('good.csv'))).toBe('csv');
    expect(detectImportFormat(null, null, head('good.csv'))).toBe('csv');
  });

  it('a UTF-16 CSV is still CSV, so the parser can say how to save it again', () => {
    expect(detectImportFormat('hoso.csv', 'text/csv', head('not-utf8.csv'))).toBe('csv');
  });

  it('refuses an old binary .xls, an .xlsx that is not a zip, binary content and other types', () => {
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(detectImportFormat('hoso.xls', 'application/vnd.ms-excel', ole2)).toBeNull();
    expect(detectImportFormat('hoso.csv', 'text/csv', ole2)).toBeNull();
    expect(detectImportFormat('hoso.xlsx', XLSX_TYPE, head('good.csv'))).toBeNull();
    expect(detectImportFormat(null, XLSX_TYPE, head('good.csv'))).toBeNull();
    expect(detectImportFormat('hoso.csv', null, Buffer.from([0x25, 0x50, 0x44, 0x00]))).toBeNull();
    expect(detectImportFormat('hoso.pdf', 'application/pdf', Buffer.from('%PDF-1.7'))).toBeNull();
    expect(detectImportFormat('anh.png', null, Buffer.from('abc'))).toBeNull();
  });

  it('an empty head falls back on the name and type', () => {
    expect(detectImportFormat('hoso.csv', null, Buffer.alloc(0))).toBe('csv');
    expect(detectImportFormat('hoso.xlsx', null, Buffer.alloc(0))).toBeNull();
  });
});
