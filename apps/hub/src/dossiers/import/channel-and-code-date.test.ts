import { describe, expect, it } from 'vitest';
import { parseChannel } from './channel';
import type { Cell, SheetRow } from './sheet';
import { validateSheet } from './validate-sheet';

const HEADER = ['Mã hồ sơ', 'Thủ tục', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Trạng thái', 'Hình thức nộp'];
const sheet = (header: Cell[], ...rows: Cell[][]): SheetRow[] => [header, ...rows].map((cells, i) => ({ line: i + 1, cells }));
const row = (code: string, received: string, channel: Cell): Cell[] => [code, '1.001193', received, '31/12/2025', 'Đang xử lý', channel];

describe('the channel column (hình thức nộp)', () => {
  it('reads the words one-stop systems and the portal write, in any case, with or without diacritics', () => {
    const cases: Array<[string, string]> = [
      ['Trực tiếp', 'counter'], ['Nộp trực tiếp', 'counter'], ['TRUC TIEP', 'counter'],
      ['Trực tuyến', 'online'], ['Trực tuyến toàn trình', 'online'], ['Trực tuyến một phần', 'online'], ['Online', 'online'],
      ['Bưu chính', 'post'], ['Dịch vụ bưu chính', 'post'], ['BCCI', 'post'], ['Qua bưu điện', 'post'], ['Bưu chính công ích', 'post'],
    ];
    for (const [word, channel] of cases) expect([word, parseChannel(word)]).toEqual([word, channel]);
    expect(parseChannel('Fax')).toBeNull();
  });

  it('each row keeps its channel; a file without the column gives online dossiers', () => {
    const withColumn = validateSheet(sheet(HEADER, row('HS-1', '06/10/2025', 'Trực tiếp'), row('HS-2', '06/10/2025', 'Trực tuyến'), row('HS-3', '06/10/2025', 'BCCI')));
    expect(withColumn.issues).toEqual([]);
    expect(withColumn.rows.map((r) => r.channel)).toEqual(['counter', 'online', 'post']);
    const without = validateSheet(sheet(HEADER.slice(0, 5), row('HS-1', '06/10/2025', null).slice(0, 5)));
    expect(without.rows.map((r) => r.channel)).toEqual(['online']);
  });

  it('an unknown or blank channel is a row error, never a guess', () => {
    const { rows, issues } = validateSheet(sheet(HEADER, row('HS-1', '06/10/2025', 'Fax'), row('HS-2', '06/10/2025', '')));
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      { line: 2, column: 'channel', code: 'BAD_CHANNEL', message: 'Dòng 2: cột “Hình thức nộp” có “Fax” không phải hình thức nộp được hỗ trợ (Trực tiếp, Trực tuyến, Bưu chính).' },
      { line: 3, column: 'channel', code: 'MISSING_VALUE', message: 'Dòng 3: cột “Hình thức nộp” để trống.' },
    ]);
  });
});

describe('the date in the dossier code', () => {
  it('a received date read month first (10/06/2025 for a code of 6 October 2025) is refused, naming both dates', () => {
    const { rows, issues } = validateSheet(sheet(HEADER, row('000.00.00.H26-251006-0001', '10/06/2025', 'Trực tiếp')));
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        line: 2, column: 'receivedAt', code: 'CODE_DATE_MISMATCH',
        message: 'Dòng 2: mã hồ sơ “000.00.00.H26-251006-0001” mang ngày 06/10/2025 nhưng cột “Ngày tiếp nhận” có “10/06/2025” (ngày 10/06/2025); '
          + 'có thể ngày và tháng bị đảo chỗ (tệp phải ghi ngày theo DD/MM/YYYY). Hãy sửa lại ngày rồi nhập lại.',
      },
    ]);
  });

  it('any other disagreement is refused too; the same day (any case of code) and codes of another form pass', () => {
    const { rows, issues } = validateSheet(sheet(HEADER,
      row('000.00.00.H26-251006-0001', '07/10/2025 08:00', 'Trực tiếp'),
      row('000.00.00.h26-251006-0002', '06/10/2025 16:30', 'Trực tiếp'),
      row('HS-2025-77', '10/06/2025', 'Trực tiếp')));
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([[2, 'receivedAt', 'CODE_DATE_MISMATCH']]);
    expect(issues[0]?.message).toContain('ngày trong mã hồ sơ phải trùng ngày này');
    expect(rows.map((r) => r.code)).toEqual(['000.00.00.h26-251006-0002', 'HS-2025-77']);
  });

  it('with “Ngày nộp” beside “Ngày tiếp nhận”, the code is checked against the day filed (accepted later is fine)', () => {
    const header = [...HEADER, 'Ngày nộp'];
    const { rows, issues } = validateSheet(sheet(header,
      [...row('000.00.00.H26-251004-0001', '06/10/2025', 'Trực tuyến'), '04/10/2025 21:10'],
      [...row('000.00.00.H26-251004-0002', '06/10/2025', 'Trực tuyến'), '10/04/2025']));
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([[3, 'submittedAt', 'CODE_DATE_MISMATCH']]);
    expect(issues[0]?.message).toContain('cột “Ngày nộp” có “10/04/2025”');
  });
});
