/**
 * Finds the catalog's header row: the first of the top rows that names every required column
 * (an export often has a title row or two above it). Headings match in Vietnamese or English,
 * any case, with or without diacritics; unknown columns (STT, Cơ quan thực hiện…) are ignored.
 */
import { cellText, cleanText, foldText, type Cell, type SheetRow } from '../dossiers/import/sheet';
import { HEADER_SEARCH_ROWS, type CatalogColumn } from './types';

/** Accepted headings, folded, in order of preference. */
const ALIASES: Record<CatalogColumn, readonly string[]> = {
  code: ['ma thu tuc', 'ma tthc', 'ma thu tuc hanh chinh', 'ma so thu tuc', 'ma so', 'ma', 'code', 'procedure code'],
  name: ['ten thu tuc', 'ten thu tuc hanh chinh', 'ten tthc', 'thu tuc', 'thu tuc hanh chinh', 'name', 'procedure name', 'procedure'],
  field: ['linh vuc', 'ma linh vuc', 'ten linh vuc', 'field', 'field code', 'field id'],
  processingDays: ['thoi han giai quyet', 'thoi gian giai quyet', 'thoi han', 'thoi han xu ly', 'so ngay giai quyet', 'processing days', 'processing time', 'days'],
  fee: ['le phi', 'phi le phi', 'le phi phi', 'muc phi', 'phi', 'fee', 'fees'],
  cutoffTime: ['gio chot nhan ho so', 'gio chot', 'gio tiep nhan cuoi', 'gio nhan ho so cuoi', 'cut-off hour', 'cut-off time', 'cutoff time', 'cutoff'],
  documents: ['thanh phan ho so', 'thanh phan, so luong ho so', 'thanh phan va so luong ho so', 'giay to', 'giay to can nop', 'ho so gom', 'documents', 'required documents'],
  status: ['trang thai', 'tinh trang', 'trang thai ap dung', 'hieu luc', 'status', 'enabled'],
};

export const REQUIRED_COLUMNS: readonly CatalogColumn[] = ['code', 'name', 'field', 'processingDays', 'fee'];
export const COLUMN_ORDER: readonly CatalogColumn[] = [...REQUIRED_COLUMNS, 'status', 'cutoffTime', 'documents'];

export const COLUMN_LABELS: Record<CatalogColumn, { vi: string; en: string }> = {
  code: { vi: 'Mã thủ tục', en: 'Code' },
  name: { vi: 'Tên thủ tục', en: 'Name' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  processingDays: { vi: 'Thời hạn giải quyết', en: 'Processing days' },
  fee: { vi: 'Lệ phí', en: 'Fee' },
  status: { vi: 'Trạng thái', en: 'Status' },
  cutoffTime: { vi: 'Giờ chốt nhận hồ sơ', en: 'Cut-off hour' },
  documents: { vi: 'Thành phần hồ sơ', en: 'Documents' },
};

export interface FoundColumn {
  index: number;
  /** The heading as written (cleaned), used in messages. */
  header: string;
}

export type ColumnMap = Partial<Record<CatalogColumn, FoundColumn>>;

export function mapHeader(cells: readonly Cell[]): { columns: ColumnMap; missing: CatalogColumn[] } {
  const columns: ColumnMap = {};
  const rank: Partial<Record<CatalogColumn, number>> = {};
  cells.forEach((cell, index) => {
    // “Thời hạn giải quyết (ngày làm việc)”, “Lệ phí (đồng)”: the part in brackets only explains
    const folded = foldText(cellText(cell).replace(/\([^)]*\)/g, ' '));
    for (const column of COLUMN_ORDER) {
      const r = ALIASES[column].indexOf(folded);
      const best = rank[column];
      if (r >= 0 && (best === undefined || r < best)) {
        rank[column] = r;
        columns[column] = { index, header: cleanText(cellText(cell)) };
      }
    }
  });
  return { columns, missing: REQUIRED_COLUMNS.filter((c) => columns[c] === undefined) };
}

export type HeaderResult =
  | { ok: true; line: number; columns: ColumnMap }
  /** No complete header: the best candidate's line and what it lacks. */
  | { ok: false; line: number; missing: CatalogColumn[] };

/** The header among the first HEADER_SEARCH_ROWS non-blank rows. */
export function findHeader(rows: readonly SheetRow[]): HeaderResult {
  let best: { line: number; missing: CatalogColumn[] } | null = null;
  const candidates = rows.filter((r) => r.cells.some((c) => cellText(c).trim() !== '')).slice(0, HEADER_SEARCH_ROWS);
  for (const row of candidates) {
    const { columns, missing } = mapHeader(row.cells);
    if (missing.length === 0) return { ok: true, line: row.line, columns };
    if (!best || missing.length < best.missing.length) best = { line: row.line, missing };
  }
  return { ok: false, line: best && best.missing.length < REQUIRED_COLUMNS.length ? best.line : 1, missing: best?.missing ?? [...REQUIRED_COLUMNS] };
}
