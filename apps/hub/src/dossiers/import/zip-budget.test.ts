import { deflateRawSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseDossierImport } from './parse-dossier-import';
import { checkZipBudget } from './zip-budget';
import { fixture } from './test-fixtures';
import { MAX_XLSX_INFLATED_BYTES } from './types';

/** Raw deflate of `mib` MiB of zeros, built from 1 MiB blocks so the test never holds them all. */
function deflatedZeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** A one-entry zip (deflate) that claims `declaredSize` bytes inflated, whatever the data holds. */
function zipOf(name: string, data: Buffer, declaredSize: number): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('checkZipBudget (zip-bomb guard)', () => {
  it('passes the real fixtures, and measures them against the budget', () => {
    expect(checkZipBudget(fixture('good.xlsx'), MAX_XLSX_INFLATED_BYTES)).toBe('ok');
    expect(checkZipBudget(fixture('mixed.xlsx'), MAX_XLSX_INFLATED_BYTES)).toBe('ok');
    expect(checkZipBudget(fixture('good.xlsx'), 1000)).toBe('too_big');
  });

  it('measures by inflating, not by the sizes the zip declares', () => {
    const small = zipOf('xl/worksheets/sheet1.xml', deflatedZeros(3), 100);
    expect(checkZipBudget(small, 4 * 1024 * 1024)).toBe('ok');
    expect(checkZipBudget(small, 2 * 1024 * 1024)).toBe('too_big');
  });

  it('says corrupt for a cut, garbled or non-zip buffer, and never throws', () => {
    const good = fixture('good.xlsx');
    expect(checkZipBudget(good.subarray(0, good.length - 30), MAX_XLSX_INFLATED_BYTES)).toBe('corrupt');
    expect(checkZipBudget(Buffer.from('PK\x03\x04 not really'), MAX_XLSX_INFLATED_BYTES)).toBe('corrupt');
    expect(checkZipBudget(Buffer.alloc(0), MAX_XLSX_INFLATED_BYTES)).toBe('corrupt');
    expect(checkZipBudget(zipOf('a.xml', Buffer.from('not deflate data at all'), 10), MAX_XLSX_INFLATED_BYTES)).toBe('corrupt');
  });

  it('an upload that inflates past 200 MB is BAD_FILE before the workbook library sees it', async () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', deflatedZeros(201), 1000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await parseDossierImport(bomb, 'xlsx')).toEqual({
      rows: [],
      issues: [{ line: 0, column: null, code: 'BAD_FILE', message: 'Tệp Excel khi giải nén lớn hơn 200 MB, quá giới hạn; hãy chia thành nhiều tệp.' }],
    });
  });
});
