/**
 * Vietnamese messages for import issues. Every row message starts with “Dòng N:”, names the
 * column (as headed in the file) and quotes the bad value, cut to MAX_QUOTED_LENGTH characters.
 */
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_NAME_LENGTH, MAX_QUOTED_LENGTH, MAX_XLSX_INFLATED_BYTES, type ImportColumn } from './types';

/** Canonical Vietnamese and English headings of each column (also the first names accepted). */
export const COLUMN_LABELS: Record<ImportColumn, { vi: string; en: string }> = {
  code: { vi: 'Mã hồ sơ', en: 'Code' },
  procedureRef: { vi: 'Thủ tục', en: 'Procedure' },
  receivedAt: { vi: 'Ngày tiếp nhận', en: 'Received date' },
  dueDate: { vi: 'Ngày hẹn trả', en: 'Due date' },
  status: { vi: 'Trạng thái', en: 'Status' },
  resolvedAt: { vi: 'Ngày có kết quả', en: 'Resolved date' },
  returnedAt: { vi: 'Ngày trả kết quả', en: 'Returned date' },
  applicantName: { vi: 'Chủ hồ sơ', en: 'Applicant name' },
  channel: { vi: 'Hình thức nộp', en: 'Channel' },
  submittedAt: { vi: 'Ngày nộp', en: 'Submitted date' },
};

/**
 * A value made safe and short for a message: control characters and line breaks become spaces,
 * and past MAX_QUOTED_LENGTH characters (code points) it is cut, ending with “…”.
 */
export function quoteValue(value: string): string {
  const chars = Array.from(value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' '));
  const text = chars.length <= MAX_QUOTED_LENGTH ? chars.join('') : `${chars.slice(0, MAX_QUOTED_LENGTH - 1).join('')}…`;
  return `“${text}”`;
}

const at = (line: number): string => `Dòng ${line}: `;
const col = (header: string): string => `cột ${quoteValue(header)}`;
/** Mebibytes to one decimal, rounded up (so 20 MB + 1 byte shows as 20,1 MB), Vietnamese decimal comma. */
const mb = (bytes: number): string => `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`.replace('.', ',');

const DATE_FORMATS = 'DD/MM/YYYY, DD/MM/YYYY HH:mm hoặc YYYY-MM-DD';
const STATUSES = 'Đang xử lý, Cần bổ sung, Từ chối, Có kết quả, Đã trả kết quả';
const CHANNELS = 'Trực tiếp, Trực tuyến, Bưu chính';
/** `YYYY-MM-DD` as people read it: DD/MM/YYYY. */
const dmy = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const SAVE_AS_UTF8 = 'Hãy mở tệp bằng Excel và lưu lại với kiểu “CSV UTF-8 (Comma delimited)”.';

export const msg = {
  missingColumn: (c: ImportColumn, headerLine = 1): string =>
    `Dòng tiêu đề${headerLine === 1 ? '' : ` (dòng ${headerLine})`}: thiếu cột bắt buộc “${COLUMN_LABELS[c].vi}” (hoặc “${COLUMN_LABELS[c].en}”).`,
  noHeader: (rows: number, required: readonly ImportColumn[]): string =>
    `Không tìm thấy dòng tiêu đề cột (${required.map((c) => `“${COLUMN_LABELS[c].vi}”`).join(', ')}) trong ${rows} dòng đầu của tệp; ` +
    'hãy kiểm tra tệp có đúng là danh sách hồ sơ xuất từ hệ thống một cửa hoặc Cổng dịch vụ công.',
  badChannel: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} không phải hình thức nộp được hỗ trợ (${CHANNELS}).`,
  /** `codeDay`, `day`: YYYY-MM-DD; `swapped`: the cell's date read with day and month the other way round is the code's. */
  codeDateMismatch: (line: number, code: string, codeDay: string, header: string, value: string, day: string, swapped: boolean): string =>
    `${at(line)}mã hồ sơ ${quoteValue(code)} mang ngày ${dmy(codeDay)} nhưng ${col(header)} có ${quoteValue(value)} (ngày ${dmy(day)}); ` +
    (swapped
      ? 'có thể ngày và tháng bị đảo chỗ (tệp phải ghi ngày theo DD/MM/YYYY). Hãy sửa lại ngày rồi nhập lại.'
      : 'ngày trong mã hồ sơ phải trùng ngày này. Hãy kiểm tra lại mã hoặc ngày.'),
  missingValue: (line: number, header: string): string => `${at(line)}${col(header)} để trống.`,
  badDate: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} không phải ngày hợp lệ (dùng ${DATE_FORMATS}).`,
  beforeReceived: (line: number, header: string, value: string, received: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} trước ngày tiếp nhận ${quoteValue(received)}.`,
  badStatus: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} không phải trạng thái được hỗ trợ (${STATUSES}).`,
  badCode: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} không phải mã hợp lệ (3–60 ký tự: chữ không dấu, chữ số, dấu . - _ /).`,
  procedureTooLong: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} dài quá ${MAX_NAME_LENGTH} ký tự, không thể là mã hay tên thủ tục.`,
  duplicate: (line: number, header: string, value: string, firstLine: number): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} trùng với dòng ${firstLine} trong cùng tệp.`,
  tooManyRows: (line: number): string =>
    `${at(line)}tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} hồ sơ, quá giới hạn một lần nhập; hãy chia thành nhiều tệp.`,
  fileTooBig: (bytes: number): string => `Tệp quá lớn (${mb(bytes)}); giới hạn là ${mb(MAX_IMPORT_BYTES)}.`,
  emptyFile: (): string => 'Tệp trống: không có dòng tiêu đề nào.',
  utf16: (): string => `Tệp CSV đang ở mã UTF-16, không phải UTF-8. ${SAVE_AS_UTF8}`,
  notUtf8: (line: number): string =>
    `${at(line)}tệp CSV không phải mã UTF-8 (có thể đã lưu bằng bảng mã Windows-1258 hoặc TCVN3). ${SAVE_AS_UTF8}`,
  unclosedQuote: (line: number): string =>
    `${at(line)}dấu ngoặc kép (") mở ở dòng này không được đóng; hãy kiểm tra ô có dấu ngoặc kép.`,
  badCsv: (line: number, reason: string): string => `${at(line)}không đọc được tệp CSV (${quoteValue(reason)}).`,
  notWorkbook: (): string => 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ, hoặc đã bị hỏng.',
  workbookTooComplex: (): string =>
    'Tệp Excel quá phức tạp để đọc (quá nhiều ô hoặc dữ liệu), quá giới hạn; hãy chia thành nhiều tệp hoặc lưu thành CSV.',
  tooManyCells: (max: number): string =>
    `Tệp Excel có hơn ${max.toLocaleString('vi-VN')} ô dữ liệu, quá giới hạn một lần nhập; hãy chia thành nhiều tệp.`,
  tooManySheetRows: (max: number): string =>
    `Tệp Excel có hơn ${max.toLocaleString('vi-VN')} dòng (tính cả các trang tính), quá giới hạn một lần nhập; hãy chia thành nhiều tệp.`,
  workbookTooBig: (): string =>
    `Tệp Excel khi giải nén lớn hơn ${mb(MAX_XLSX_INFLATED_BYTES)}, quá giới hạn; hãy chia thành nhiều tệp.`,
  noWorksheet: (): string => 'Tệp Excel không có trang tính nào.',
};
