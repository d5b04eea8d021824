import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDossierImport } from './parse-dossier-import';
import { MAX_XLSX_CELLS, MAX_XLSX_INFLATED_BYTES, MAX_XLSX_ROWS } from './types';
import { measureWorkbook } from './workbook-size';

/** A one-part zip (deflate) holding `xml` as the first worksheet. */
function sheetZip(xml: string): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const raw = Buffer.from(xml);
  const data = deflateRawSync(raw);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(raw.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(raw.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** `rows` rows of `cols` cells, spelled with and without a namespace prefix. */
function sheetXml(rows: number, cols: number, prefix = ''): string {
  const parts = [`<${prefix}worksheet><${prefix}cols><${prefix}col min="1"/></${prefix}cols><${prefix}sheetData>`];
  for (let r = 1; r <= rows; r++) {
    parts.push(`<${prefix}row r="${r}">`);
    for (let c = 0; c < cols; c++) parts.push(`<${prefix}c r="${String.fromCharCode(65 + c)}${r}"><${prefix}v>${r}</${prefix}v></${prefix}c>`);
    parts.push(`</${prefix}row>`);
  }
  return `${parts.join('')}</${prefix}sheetData></${prefix}worksheet>`;
}

const limits = (maxRows: number, maxCells: number) => ({ maxInflatedBytes: MAX_XLSX_INFLATED_BYTES, maxRows, maxCells });

describe('measureWorkbook (rows and cells counted while inflating, before any workbook is built)', () => {
  it('counts every row and cell exactly, across inflate slices, with or without a namespace prefix', async () => {
    for (const prefix of ['', 'x:']) {
      const zip = sheetZip(sheetXml(20_000, 7, prefix));
      expect(await measureWorkbook(zip, limits(20_000, 140_000))).toBe('ok');
      expect(await measureWorkbook(zip, limits(19_999, 140_000))).toBe('too_many_rows');
      expect(await measureWorkbook(zip, limits(20_000, 139_999))).toBe('too_many_cells');
    }
  });

  it('a real workbook from exceljs passes within its counts', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    for (let r = 0; r < 3; r++) ws.addRow(['a', 'b', 'c', 'd']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await measureWorkbook(xlsx, limits(3, 12))).toBe('ok');
    expect(await measureWorkbook(xlsx, limits(2, 12))).toBe('too_many_rows');
    expect(await measureWorkbook(xlsx, limits(3, 11))).toBe('too_many_cells');
    expect(await measureWorkbook(xlsx.subarray(0, xlsx.length - 40), limits(3, 12))).toBe('corrupt');
  });

  it(`an import of more than ${MAX_XLSX_ROWS} rows or ${MAX_XLSX_CELLS} cells is refused before the workbook library loads it`, async () => {
    const rows = await parseDossierImport(sheetZip(sheetXml(MAX_XLSX_ROWS + 1, 1)), 'xlsx');
    expect(rows.issues.map((i) => [i.line, i.code])).toEqual([[0, 'TOO_MANY_ROWS']]);
    expect(rows.issues[0]?.message).toContain('51.000 dòng');
    const cells = await parseDossierImport(sheetZip(sheetXml(MAX_XLSX_CELLS / 40 + 1, 40)), 'xlsx');
    expect(cells.issues.map((i) => [i.line, i.code])).toEqual([[0, 'BAD_FILE']]);
    expect(cells.issues[0]?.message).toContain('1.500.000 ô');
  });
});
