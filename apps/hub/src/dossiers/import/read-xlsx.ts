/**
 * Reads the first worksheet of an XLSX export into sheet rows (row numbers as Excel shows them).
 * Cells keep their type: real Excel dates stay Dates; a formula is never evaluated, its cached
 * result is used, or its text (`=…`) when the file has none.
 */
import type { CellValue } from 'exceljs';
import { msg } from './messages';
import type { Cell, SheetReadResult, SheetRow } from './sheet';
import { MAX_XLSX_CELLS, MAX_XLSX_INFLATED_BYTES, MAX_XLSX_ROWS } from './types';
import { measureWorkbook, type WorkbookLimits } from './workbook-size';

/** One exceljs cell value as a sheet cell. */
export function toCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : toCell(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result !== undefined) return toCell(value.result);
    return `=${value.formula ?? ('sharedFormula' in value ? value.sharedFormula : '')}`;
  }
  return null;
}

const fail = (message: string): SheetReadResult => ({ ok: false, issue: { line: 0, column: null, code: 'BAD_FILE', message } });

export const DOSSIER_WORKBOOK_LIMITS: WorkbookLimits = {
  maxInflatedBytes: MAX_XLSX_INFLATED_BYTES,
  maxRows: MAX_XLSX_ROWS,
  maxCells: MAX_XLSX_CELLS,
};

export async function readXlsx(content: Buffer, limits: WorkbookLimits = DOSSIER_WORKBOOK_LIMITS): Promise<SheetReadResult> {
  const size = await measureWorkbook(content, limits);
  if (size === 'too_big') return fail(msg.workbookTooBig());
  if (size === 'corrupt') return fail(msg.notWorkbook());
  if (size === 'too_many_rows') return { ok: false, issue: { line: 0, column: null, code: 'TOO_MANY_ROWS', message: msg.tooManySheetRows(limits.maxRows) } };
  if (size === 'too_many_cells') return fail(msg.tooManyCells(limits.maxCells));
  // loaded on first use: exceljs costs ~27 MB of memory the hub should not carry all day
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types ask for an ArrayBuffer; a copy of at most MAX_IMPORT_BYTES.
    await workbook.xlsx.load(new Uint8Array(content).buffer);
  } catch {
    return fail(msg.notWorkbook());
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail(msg.noWorksheet());
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    // Sparse on purpose: a stray cell in column XFD must not allocate 16,384 cells per row.
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = toCell(cell.value);
    });
    rows.push({ line, cells });
  });
  return { ok: true, rows };
}
