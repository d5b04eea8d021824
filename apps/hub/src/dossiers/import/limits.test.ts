import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseDossierImport } from './index';
import { vn } from './test-fixtures';

const HEADER = 'Mã hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái,Chủ hồ sơ\n';
const row = (i: number): string => `000.00.00.H26-240115-${String(i).padStart(5, '0')},1.001193,15/01/2024,18/01/2024,Đang xử lý,Nguyễn Văn An\n`;
const csvOf = (count: number, extra = ''): Buffer => Buffer.from(HEADER + Array.from({ length: count }, (_, i) => row(i + 1)).join('') + extra);

describe('limits', () => {
  it(`a file over ${MAX_IMPORT_BYTES} bytes is BAD_FILE, whatever it holds`, async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      expect(await parseDossierImport(Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41), format)).toEqual({
        rows: [],
        issues: [{ line: 0, column: null, code: 'BAD_FILE', message: 'Tệp quá lớn (20,1 MB); giới hạn là 20 MB.' }],
      });
    }
  });

  it(`${MAX_IMPORT_ROWS} rows import; blank lines do not count`, async () => {
    const result = await parseDossierImport(csvOf(MAX_IMPORT_ROWS, '\n,,,,,\n\n'), 'csv');
    expect(result.issues).toEqual([]);
    expect(result.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(result.rows.at(-1)).toMatchObject({ line: MAX_IMPORT_ROWS + 1, code: '000.00.00.H26-240115-50000', receivedAt: vn('2024-01-15T00:00') });
  });

  it(`row ${MAX_IMPORT_ROWS + 1} is TOO_MANY_ROWS on its line, and nothing else is reported`, async () => {
    expect(await parseDossierImport(csvOf(MAX_IMPORT_ROWS + 1), 'csv')).toEqual({
      rows: [],
      issues: [{ line: MAX_IMPORT_ROWS + 2, column: null, code: 'TOO_MANY_ROWS', message: `Dòng ${MAX_IMPORT_ROWS + 2}: tệp có hơn 50.000 hồ sơ, quá giới hạn một lần nhập; hãy chia thành nhiều tệp.` }],
    });
  });

  it('the row limit holds for XLSX too', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hồ sơ');
    sheet.addRow(['Mã hồ sơ', 'Thủ tục', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Trạng thái']);
    const received = new Date(Date.UTC(2024, 0, 15));
    for (let i = 1; i <= MAX_IMPORT_ROWS + 1; i++) sheet.addRow([`HS-${i}`, '1.001193', received, received, 'processing']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await parseDossierImport(xlsx, 'xlsx')).issues.map((i) => [i.line, i.code])).toEqual([[MAX_IMPORT_ROWS + 2, 'TOO_MANY_ROWS']]);
  });
});

describe('hostile content is data: validated, cut in messages, never run', () => {
  const ONE_MB = 1024 * 1024;
  const line = (cells: string[]): string => `${cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')}\n`;
  const parse = (cells: string[]) => parseDossierImport(Buffer.from(HEADER + line(cells)), 'csv');

  it('a 1 MB code is BAD_CODE, and the message quotes only its first 59 characters', async () => {
    const { rows, issues } = await parse(['A'.repeat(ONE_MB), '1.001193', '15/01/2024', '18/01/2024', 'Đang xử lý', '']);
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      { line: 2, column: 'code', code: 'BAD_CODE', message: `Dòng 2: cột “Mã hồ sơ” có “${'A'.repeat(59)}…” không phải mã hợp lệ (3–60 ký tự: chữ không dấu, chữ số, dấu . - _ /).` },
    ]);
  });

  it('a procedure reference over 500 characters is BAD_CODE (it cannot name a procedure); 500 is accepted', async () => {
    const long = await parse(['HS-001', 'Đ'.repeat(ONE_MB), '15/01/2024', '18/01/2024', 'Đang xử lý', '']);
    expect(long.issues.map((i) => [i.line, i.column, i.code])).toEqual([[2, 'procedureRef', 'BAD_CODE']]);
    expect(long.issues[0]?.message).toBe(`Dòng 2: cột “Thủ tục” có “${'Đ'.repeat(59)}…” dài quá 500 ký tự, không thể là mã hay tên thủ tục.`);
    const max = await parse(['HS-001', 'Đ'.repeat(500), '15/01/2024', '18/01/2024', 'Đang xử lý', '']);
    expect(max.rows[0]?.procedureRef).toBe('Đ'.repeat(500));
  });

  it('an applicant name over 500 characters is cut to 500 (it is informational only)', async () => {
    const { rows, issues } = await parse(['HS-001', '1.001193', '15/01/2024', '18/01/2024', 'Đang xử lý', '😀'.repeat(ONE_MB / 2)]);
    expect(issues).toEqual([]);
    expect(rows[0]?.applicantName).toBe('😀'.repeat(500));
  });

  it('formulas, HTML and SQL in names stay text, byte for byte', async () => {
    const name = `=HYPERLINK("http://evil.invalid","x") <img src=x onerror=alert(1)> '); DROP TABLE dossiers;--`;
    const { rows } = await parse(['HS-001', '=1+1', '15/01/2024', '18/01/2024', 'Đang xử lý', name]);
    expect(rows[0]).toMatchObject({ procedureRef: '=1+1', applicantName: name });
  });

  it('a 1 MB date or status is BAD_DATE / BAD_STATUS with a short message', async () => {
    const { issues } = await parse(['HS-001', '1.001193', '1'.repeat(ONE_MB), '18/01/2024', 'x'.repeat(ONE_MB), '']);
    expect(issues.map((i) => [i.column, i.code])).toEqual([['receivedAt', 'BAD_DATE'], ['status', 'BAD_STATUS']]);
    for (const i of issues) expect(i.message.length).toBeLessThan(250);
  });
});
