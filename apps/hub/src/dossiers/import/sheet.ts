/**
 * What a reader (CSV or XLSX) hands to validation: rows of cells with the line the user sees.
 * Cells keep what the file holds; nothing is evaluated (an XLSX formula gives its cached result,
 * or its text when it has none).
 */
import type { ImportIssue } from './types';

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  line: number;
  cells: readonly Cell[];
}

export type SheetReadResult = { ok: true; rows: SheetRow[] } | { ok: false; issue: ImportIssue };

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** An Excel date cell holds local wall-clock time in the Date's UTC fields; shown as DD/MM/YYYY[ HH:mm]. */
export function formatExcelDate(d: Date): string {
  const day = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? day : `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** The cell as text, the way the user sees it (untrimmed). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : formatExcelDate(cell);
  return String(cell);
}

export function isBlank(cell: Cell | undefined): boolean {
  return cellText(cell).trim() === '';
}

/** Lower case, no diacritics (đ -> d), words split on anything else: for matching headers and statuses. */
export function foldText(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Trimmed, NFC, control characters and runs of whitespace made one space. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Zs}\u2028\u2029]+/gu, ' ')
    .trim();
}
