import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProcedureCatalog } from './parse-catalog';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'test', 'fixtures', 'catalog');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const csv = (text: string): Promise<ReturnType<typeof parseProcedureCatalog> extends Promise<infer T> ? T : never> =>
  parseProcedureCatalog(Buffer.from(text, 'utf8'), 'csv');

const GOOD = [
  ['1.001193', 'Đăng ký khai sinh', 'Tư pháp – Hộ tịch', 0, 0, true],
  ['1.000894', 'Đăng ký kết hôn', 'tu-phap-ho-tich', 0, 0, true],
  ['1.000656', 'Đăng ký khai tử', 'Tư pháp - Hộ tịch', 0, 0, null],
  ['1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Tư pháp – Hộ tịch', 3, 0, true],
  [
    '2.000908',
    'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    'Chứng thực',
    0,
    2000,
    true,
  ],
  ['2.000815', 'Chứng thực chữ ký trong các giấy tờ, văn bản', 'chung-thuc', 0, 10000, true],
  ['2.001035', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', 'Chứng thực', 2, 50000, true],
  ['1.001612', 'Đăng ký thành lập hộ kinh doanh', 'Kinh doanh', 3, 100000, true],
  ['1.004194', 'Đăng ký thường trú', 'Cư trú', 7, 20000, true],
  ['1.004222', 'Đăng ký tạm trú', 'Cư trú', 3, 15000, false],
];

describe('parsing a procedure catalog', () => {
  it.each([
    ['good.csv', 'csv', [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    ['good.xlsx', 'xlsx', [5, 6, 7, 8, 9, 10, 11, 12, 13, 15]],
  ] as const)('%s: every row, with Vietnamese days and fees understood', async (file, format, lines) => {
    const parsed = await parseProcedureCatalog(fixture(file), format);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((r) => [r.code, r.name, r.fieldRef, r.processingDays, r.fee, r.enabled])).toEqual(GOOD);
    expect(parsed.rows.map((r) => r.line)).toEqual(lines);
  });

  it('mixed.csv: every bad row reported by line and column, the good rows kept', async () => {
    const parsed = await parseProcedureCatalog(fixture('mixed.csv'), 'csv');
    expect(parsed.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [3, 'processingDays', 'BAD_DAYS'],
      [4, 'fee', 'BAD_FEE'],
      [6, 'name', 'MISSING_VALUE'],
      [7, 'code', 'DUPLICATE_IN_FILE'],
      [8, 'status', 'BAD_STATUS'],
      [9, 'code', 'BAD_CODE'],
      [11, 'processingDays', 'BAD_DAYS'],
      [11, 'fee', 'BAD_FEE'],
    ]);
    // the unknown field (line 5) is the hub's to find: it knows the fields
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(parsed.issues[0]?.message).toBe(
      'Dòng 3: cột “Thời hạn giải quyết” có “ba ngày” không phải số ngày làm việc (vd. 3, “03 ngày làm việc”, “Trong ngày”; từ 0 đến 365).',
    );
    expect(parsed.issues[3]?.message).toBe('Dòng 7: cột “Mã thủ tục” có “1.001193” trùng với dòng 2 trong cùng tệp.');
  });

  it('mixed.xlsx: numbers that are not days or fees, a formula as code, a duplicate', async () => {
    const parsed = await parseProcedureCatalog(fixture('mixed.xlsx'), 'xlsx');
    expect(parsed.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [3, 'processingDays', 'BAD_DAYS'],
      [4, 'fee', 'BAD_FEE'],
      [6, 'code', 'BAD_CODE'],
      [7, 'code', 'DUPLICATE_IN_FILE'],
      [7, 'status', 'BAD_STATUS'],
    ]);
    expect(parsed.issues[2]?.message).toContain('“=CMD()”');
  });

  it('a missing column is reported on the header line; a title above the header is skipped', async () => {
    const missing = await csv('Mã thủ tục,Tên thủ tục,Lệ phí\n1.001193,Đăng ký khai sinh,0\n');
    expect(missing.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [1, 'field', 'MISSING_COLUMN'],
      [1, 'processingDays', 'MISSING_COLUMN'],
    ]);
    expect(missing.issues[0]?.message).toBe('Dòng tiêu đề: thiếu cột bắt buộc “Lĩnh vực” (hoặc “Field”).');

    const titled = await csv('DANH MỤC THỦ TỤC\n\nCode,Name,Field,Processing days,Fee\n1.001193,Đăng ký khai sinh,tu-phap-ho-tich,0,0\n');
    expect(titled.issues).toEqual([]);
    expect(titled.rows).toEqual([{ line: 4, code: '1.001193', name: 'Đăng ký khai sinh', fieldRef: 'tu-phap-ho-tich', processingDays: 0, fee: 0, enabled: null, cutoffTime: null }]);
  });

  it('whole-file problems: empty, only a header, not UTF-8, not a workbook', async () => {
    expect((await csv('')).issues.map((i) => [i.line, i.code])).toEqual([[0, 'BAD_FILE']]);
    expect((await csv('Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Lệ phí\n')).issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [0, 'BAD_FILE', 'Tệp không có thủ tục nào dưới dòng tiêu đề.'],
    ]);
    const latin = Buffer.from('Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Lệ phí\n1,Đăng ký,x,0,0\n', 'latin1');
    expect((await parseProcedureCatalog(latin, 'csv')).issues[0]?.code).toBe('BAD_FILE');
    expect((await parseProcedureCatalog(Buffer.from('PK\u0003\u0004 not a zip'), 'xlsx')).issues[0]?.code).toBe('BAD_FILE');
  });
});
