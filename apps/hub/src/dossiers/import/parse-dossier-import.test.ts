import { describe, expect, it } from 'vitest';
import { parseDossierImport, type ImportRow } from './index';
import { fixture, vn } from './test-fixtures';

/** The five dossiers of good.csv, good-semicolon.csv and good.xlsx (same data, different spellings). */
const GOOD_ROWS: ImportRow[] = [
  {
    line: 2, code: '000.00.00.H26-240115-0001', procedureRef: '1.001193', receivedAt: vn('2024-01-15T08:30'), dueDate: '2024-01-18',
    status: 'processing', resolvedAt: null, returnedAt: null, applicantName: 'Nguyễn Văn An', channel: 'online',
  },
  {
    line: 3, code: '000.00.00.H26-240115-0002', procedureRef: 'Đăng ký khai sinh', receivedAt: vn('2024-01-15T00:00'), dueDate: '2024-01-15',
    status: 'returned', resolvedAt: vn('2024-01-15T10:00'), returnedAt: vn('2024-01-15T15:45'), applicantName: 'Trần Thị Bình',  channel: 'online',
  },
  {
    line: 4, code: '000.00.00.H26-240116-0003', procedureRef: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', receivedAt: vn('2024-01-16T00:00'),
    dueDate: '2024-01-19', status: 'result_ready', resolvedAt: vn('2024-01-18T00:00'), returnedAt: null, applicantName: null, channel: 'online',
  },
  {
    line: 5, code: '000.00.00.H26-240116-0004', procedureRef: '2.000908', receivedAt: vn('2024-01-16T09:05'), dueDate: '2024-01-26',
    status: 'needs_supplement', resolvedAt: null, returnedAt: null, applicantName: 'Lê Văn Cường', channel: 'online',
  },
  {
    line: 6, code: '000.00.00.H26-240117-0005', procedureRef: '1.004227', receivedAt: vn('2024-01-17T14:05'), dueDate: '2024-02-01',
    status: 'rejected', resolvedAt: vn('2024-01-18T00:00'), returnedAt: vn('2024-01-19T09:00'), applicantName: 'Phạm Thị Dung', channel: 'online',
  },
];

const DATE_HELP = '(dùng DD/MM/YYYY, DD/MM/YYYY HH:mm hoặc YYYY-MM-DD)';
const CODE_HELP = '(3–60 ký tự: chữ không dấu, chữ số, dấu . - _ /)';
const STATUS_HELP = '(Đang xử lý, Cần bổ sung, Từ chối, Có kết quả, Đã trả kết quả)';

describe('parseDossierImport: good files', () => {
  it('good.csv (BOM, CRLF, Vietnamese headers, an ignored STT column, four date spellings) gives the five rows', async () => {
    expect(await parseDossierImport(fixture('good.csv'), 'csv')).toEqual({ rows: GOOD_ROWS, issues: [] });
  });

  it('good-semicolon.csv (no BOM, “;”, English and unaccented headers, portal status phrasings) gives the same rows', async () => {
    expect(await parseDossierImport(fixture('good-semicolon.csv'), 'csv')).toEqual({ rows: GOOD_ROWS, issues: [] });
  });

  it('good.xlsx (real Excel date cells, a text date, rich text, a formula with a cached date) gives the same rows', async () => {
    expect(await parseDossierImport(fixture('good.xlsx'), 'xlsx')).toEqual({ rows: GOOD_ROWS, issues: [] });
  });
});

describe('parseDossierImport: mixed files (every bad row reported, only good rows kept)', () => {
  it('mixed.csv: exact rows and issues, lines counted as a text editor does (a quoted line break spans lines 3–4)', async () => {
    const result = await parseDossierImport(fixture('mixed.csv'), 'csv');
    expect(result.rows).toEqual([
      {
        line: 2, code: '000.00.00.H26-240201-0001', procedureRef: '1.001193', receivedAt: vn('2024-02-01T00:00'), dueDate: '2024-02-06',
        status: 'processing', resolvedAt: null, returnedAt: null, applicantName: 'Hoàng Văn Em', channel: 'online',
      },
      {
        line: 3, code: '000.00.00.H26-240201-0002', procedureRef: 'Chứng thực chữ ký trong giấy tờ, văn bản', receivedAt: vn('2024-02-01T10:15'),
        dueDate: '2024-02-02', status: 'result_ready', resolvedAt: vn('2024-02-02T00:00'), returnedAt: null, applicantName: 'Vũ Thị Gấm', channel: 'online',
      },
      {
        line: 13, code: '000.00.00.H26-240206-0010', procedureRef: 'Đăng ký kết hôn', receivedAt: vn('2024-02-06T14:00'), dueDate: '2024-02-06',
        status: 'returned', resolvedAt: vn('2024-02-06T16:00'), returnedAt: null, applicantName: "Robert'); DROP TABLE dossiers;--", channel: 'online',
      },
    ]);
    expect(result.issues).toEqual([
      { line: 5, column: 'code', code: 'DUPLICATE_IN_FILE', message: 'Dòng 5: cột “Mã hồ sơ” có “000.00.00.H26-240201-0001” trùng với dòng 2 trong cùng tệp.' },
      { line: 6, column: 'receivedAt', code: 'BAD_DATE', message: `Dòng 6: cột “Ngày tiếp nhận” có “32/01/2024” không phải ngày hợp lệ ${DATE_HELP}.` },
      { line: 7, column: 'status', code: 'BAD_STATUS', message: `Dòng 7: cột “Trạng thái” có “Chờ phê duyệt” không phải trạng thái được hỗ trợ ${STATUS_HELP}.` },
      { line: 8, column: 'procedureRef', code: 'MISSING_VALUE', message: 'Dòng 8: cột “Thủ tục” để trống.' },
      { line: 9, column: 'dueDate', code: 'DUE_BEFORE_RECEIVED', message: 'Dòng 9: cột “Ngày hẹn trả” có “2024-02-01” trước ngày tiếp nhận “05/02/2024”.' },
      { line: 10, column: 'code', code: 'BAD_CODE', message: `Dòng 10: cột “Mã hồ sơ” có “=CMD|' /C calc'!A0” không phải mã hợp lệ ${CODE_HELP}.` },
      { line: 12, column: 'code', code: 'BAD_CODE', message: `Dòng 12: cột “Mã hồ sơ” có “<script>alert(1)</script>” không phải mã hợp lệ ${CODE_HELP}.` },
      { line: 12, column: 'dueDate', code: 'BAD_DATE', message: `Dòng 12: cột “Ngày hẹn trả” có “30/02/2024” không phải ngày hợp lệ ${DATE_HELP}.` },
      { line: 14, column: 'resolvedAt', code: 'BAD_DATE', message: 'Dòng 14: cột “Ngày có kết quả” có “05/02/2024” trước ngày tiếp nhận “06/02/2024”.' },
    ]);
  });

  it('mixed.xlsx: the same mix by Excel row (row 10 blank, a formula code read as text, never run)', async () => {
    const result = await parseDossierImport(fixture('mixed.xlsx'), 'xlsx');
    expect(result.rows.map((r) => [r.line, r.code, r.procedureRef])).toEqual([
      [2, '000.00.00.H26-240201-0001', '1.001193'],
      [3, '000.00.00.H26-240201-0002', 'Chứng thực chữ ký trong giấy tờ, văn bản'],
      [12, '000.00.00.H26-240206-0010', 'Đăng ký kết hôn'],
    ]);
    expect(result.rows[2]).toMatchObject({ receivedAt: vn('2024-02-06T14:00'), dueDate: '2024-02-06', resolvedAt: vn('2024-02-06T16:00') });
    expect(result.issues).toEqual([
      { line: 4, column: 'code', code: 'DUPLICATE_IN_FILE', message: 'Dòng 4: cột “Mã hồ sơ” có “000.00.00.H26-240201-0001” trùng với dòng 2 trong cùng tệp.' },
      { line: 5, column: 'receivedAt', code: 'BAD_DATE', message: `Dòng 5: cột “Ngày tiếp nhận” có “32/01/2024” không phải ngày hợp lệ ${DATE_HELP}.` },
      { line: 6, column: 'status', code: 'BAD_STATUS', message: `Dòng 6: cột “Trạng thái” có “Chờ phê duyệt” không phải trạng thái được hỗ trợ ${STATUS_HELP}.` },
      { line: 7, column: 'procedureRef', code: 'MISSING_VALUE', message: 'Dòng 7: cột “Thủ tục” để trống.' },
      { line: 8, column: 'dueDate', code: 'DUE_BEFORE_RECEIVED', message: 'Dòng 8: cột “Ngày hẹn trả” có “01/02/2024” trước ngày tiếp nhận “05/02/2024”.' },
      { line: 9, column: 'code', code: 'BAD_CODE', message: `Dòng 9: cột “Mã hồ sơ” có “=CMD()” không phải mã hợp lệ ${CODE_HELP}.` },
      { line: 11, column: 'code', code: 'BAD_CODE', message: `Dòng 11: cột “Mã hồ sơ” có “<script>alert(1)</script>” không phải mã hợp lệ ${CODE_HELP}.` },
      { line: 11, column: 'dueDate', code: 'BAD_DATE', message: `Dòng 11: cột “Ngày hẹn trả” có “30/02/2024” không phải ngày hợp lệ ${DATE_HELP}.` },
      { line: 13, column: 'resolvedAt', code: 'BAD_DATE', message: 'Dòng 13: cột “Ngày có kết quả” có “05/02/2024” trước ngày tiếp nhận “06/02/2024”.' },
    ]);
  });
});

describe('parseDossierImport: files refused whole', () => {
  it('bad-header.csv: one MISSING_COLUMN per missing required column, on line 1, and no rows', async () => {
    expect(await parseDossierImport(fixture('bad-header.csv'), 'csv')).toEqual({
      rows: [],
      issues: [
        { line: 1, column: 'procedureRef', code: 'MISSING_COLUMN', message: 'Dòng tiêu đề: thiếu cột bắt buộc “Thủ tục” (hoặc “Procedure”).' },
        { line: 1, column: 'dueDate', code: 'MISSING_COLUMN', message: 'Dòng tiêu đề: thiếu cột bắt buộc “Ngày hẹn trả” (hoặc “Due date”).' },
      ],
    });
  });

  it('not-utf8.csv (UTF-16LE with BOM, as Excel “Unicode Text” saves): BAD_FILE telling how to save as CSV UTF-8', async () => {
    expect(await parseDossierImport(fixture('not-utf8.csv'), 'csv')).toEqual({
      rows: [],
      issues: [
        {
          line: 0, column: null, code: 'BAD_FILE',
          message: 'Tệp CSV đang ở mã UTF-16, không phải UTF-8. Hãy mở tệp bằng Excel và lưu lại với kiểu “CSV UTF-8 (Comma delimited)”.',
        },
      ],
    });
  });

  it('windows-1258.csv: BAD_FILE on the line of the first byte that is not UTF-8', async () => {
    const { rows, issues } = await parseDossierImport(fixture('windows-1258.csv'), 'csv');
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        line: 2, column: null, code: 'BAD_FILE',
        message: 'Dòng 2: tệp CSV không phải mã UTF-8 (có thể đã lưu bằng bảng mã Windows-1258 hoặc TCVN3). Hãy mở tệp bằng Excel và lưu lại với kiểu “CSV UTF-8 (Comma delimited)”.',
      },
    ]);
  });

  it('an empty file, a file of blank lines, and a CSV sent as XLSX are BAD_FILE on line 0', async () => {
    for (const [content, format] of [[Buffer.alloc(0), 'csv'], [Buffer.from('\r\n , \r\n\r\n'), 'csv'], [fixture('good.csv'), 'xlsx']] as const) {
      const { rows, issues } = await parseDossierImport(content, format);
      expect(rows).toEqual([]);
      expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([[0, null, 'BAD_FILE']]);
    }
  });

  it('an XLSX cut short is BAD_FILE, not a crash', async () => {
    const xlsx = fixture('good.xlsx');
    const { issues } = await parseDossierImport(xlsx.subarray(0, xlsx.length - 100), 'xlsx');
    expect(issues).toEqual([{ line: 0, column: null, code: 'BAD_FILE', message: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ, hoặc đã bị hỏng.' }]);
  });

  it('an unclosed quote is BAD_FILE on the line where the record starts', async () => {
    const csv = 'Mã hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái\nA-001,1.001193,15/01/2024,18/01/2024,Đang xử lý\nA-002,"1.001193,15/01/2024,18/01/2024,Đang xử lý\n';
    expect((await parseDossierImport(Buffer.from(csv), 'csv')).issues).toEqual([
      { line: 3, column: null, code: 'BAD_FILE', message: 'Dòng 3: dấu ngoặc kép (") mở ở dòng này không được đóng; hãy kiểm tra ô có dấu ngoặc kép.' },
    ]);
  });
});
