/** Vietnamese messages of the catalog import; row messages start with “Dòng N:” and quote the value. */
import { quoteValue } from '../dossiers/import/messages';
import { COLUMN_LABELS } from './columns';
import { MAX_CATALOG_ROWS, MAX_FEE, MAX_PROCEDURE_NAME, MAX_PROCESSING_DAYS, type CatalogColumn } from './types';

const at = (line: number): string => `Dòng ${line}: `;
const col = (header: string): string => `cột ${quoteValue(header)}`;

export const catalogMsg = {
  missingColumn: (line: number, c: CatalogColumn): string =>
    `${line <= 1 ? 'Dòng tiêu đề' : `Dòng tiêu đề (dòng ${line})`}: thiếu cột bắt buộc “${COLUMN_LABELS[c].vi}” (hoặc “${COLUMN_LABELS[c].en}”).`,
  missingValue: (line: number, header: string): string => `${at(line)}${col(header)} để trống.`,
  badCode: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} không phải mã thủ tục hợp lệ (tối đa 60 ký tự: chữ không dấu, chữ số, dấu . - _ /; vd. 1.001193).`,
  badName: (line: number, header: string): string => `${at(line)}${col(header)} dài quá ${MAX_PROCEDURE_NAME} ký tự.`,
  badDays: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} không phải số ngày làm việc (vd. 3, “03 ngày làm việc”, “Trong ngày”; từ 0 đến ${MAX_PROCESSING_DAYS}).`,
  badFee: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} không phải số tiền (vd. 50000, “50.000 đồng”, “Miễn phí”; tối đa ${MAX_FEE.toLocaleString('vi-VN')} đồng).`,
  badCutoff: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} không phải giờ chốt (vd. 15:00, “15h”, “15 giờ 30”).`,
  badDocuments: (line: number, header: string, problem: string): string => `${at(line)}${col(header)}: ${problem}.`,
  badStatus: (line: number, header: string, value: string): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} không phải trạng thái được hỗ trợ (Đang áp dụng, Ngừng).`,
  duplicate: (line: number, header: string, value: string, firstLine: number): string =>
    `${at(line)}${col(header)} có ${quoteValue(value)} trùng với dòng ${firstLine} trong cùng tệp.`,
  unknownField: (line: number, value: string): string =>
    `${at(line)}không có lĩnh vực ${quoteValue(value)} (dùng mã lĩnh vực hoặc đúng tên lĩnh vực như trong phần cấu hình).`,
  tooManyRows: (line: number): string =>
    `${at(line)}tệp có hơn ${MAX_CATALOG_ROWS.toLocaleString('vi-VN')} thủ tục, quá giới hạn một lần nhập; hãy chia thành nhiều tệp.`,
  noRows: (): string => 'Tệp không có thủ tục nào dưới dòng tiêu đề.',
};
