/**
 * Finds the columns in the header row: headings in Vietnamese or English, any case, with or
 * without diacritics, in any order; unknown columns (STT, Ghi chú…) are ignored.
 */
import { cellText, cleanText, foldText, type Cell } from './sheet';
import type { ImportColumn } from './types';

/** Accepted headings, folded (see foldText), in order of preference. */
const ALIASES: Record<ImportColumn, readonly string[]> = {
  code: ['ma ho so', 'so ho so', 'ma hs', 'code', 'dossier code'],
  procedureRef: ['thu tuc', 'ma thu tuc', 'ten thu tuc', 'thu tuc hanh chinh', 'procedure', 'procedure code', 'procedure name', 'procedure ref'],
  // “Ngày tiếp nhận” (accepted by the office) is what reports count; “Ngày nộp” (submitted) only when it is absent.
  receivedAt: ['ngay tiep nhan', 'ngay nop', 'ngay nop ho so', 'received date', 'received at', 'received', 'submitted date', 'submitted at'],
  dueDate: ['ngay hen tra', 'ngay hen tra ket qua', 'han giai quyet', 'han xu ly', 'due date', 'due'],
  status: ['trang thai', 'tinh trang', 'trang thai ho so', 'status'],
  resolvedAt: ['ngay co ket qua', 'ngay giai quyet', 'ngay xu ly xong', 'ngay hoan thanh', 'resolved date', 'resolved at', 'resolved'],
  returnedAt: ['ngay tra ket qua', 'ngay tra', 'returned date', 'returned at', 'returned'],
  applicantName: ['chu ho so', 'nguoi nop', 'ten nguoi nop', 'nguoi nop ho so', 'applicant name', 'applicant'],
  channel: [
    'hinh thuc nop', 'kenh tiep nhan', 'hinh thuc tiep nhan', 'hinh thuc nop ho so', 'kenh nop', 'kenh nop ho so', 'kenh',
    'hinh thuc', 'nguon ho so', 'channel', 'submission channel',
  ],
  // only read to check the date in the code when the file also has “Ngày tiếp nhận”
  submittedAt: ['ngay nop', 'ngay nop ho so', 'submitted date', 'submitted at'],
};

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['code', 'procedureRef', 'receivedAt', 'dueDate', 'status'];
export const COLUMN_ORDER: readonly ImportColumn[] = [...REQUIRED_COLUMNS, 'resolvedAt', 'returnedAt', 'applicantName', 'channel', 'submittedAt'];

export interface FoundColumn {
  /** 0-based index of the cell in each row. */
  index: number;
  /** The heading as written in the file (cleaned), used in messages. */
  header: string;
}

export type ColumnMap = Partial<Record<ImportColumn, FoundColumn>>;

/**
 * Maps each field to one cell of the header. When several headings name the same field, the
 * preferred alias wins, then the leftmost column.
 */
export function mapHeader(cells: readonly Cell[]): { columns: ColumnMap; missing: ImportColumn[] } {
  const columns: ColumnMap = {};
  const rank: Partial<Record<ImportColumn, number>> = {};
  cells.forEach((cell, index) => {
    const folded = foldText(cellText(cell));
    for (const field of COLUMN_ORDER) {
      const r = ALIASES[field].indexOf(folded);
      const best = rank[field];
      if (r >= 0 && (best === undefined || r < best)) {
        rank[field] = r;
        columns[field] = { index, header: cleanText(cellText(cell)) };
      }
    }
  });
  return { columns, missing: REQUIRED_COLUMNS.filter((c) => columns[c] === undefined) };
}
