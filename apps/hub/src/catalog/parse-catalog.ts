/**
 * Entry point: bytes of a catalog (CSV or XLSX) -> checked rows and issues. Reads files with the
 * dossier importer's readers (UTF-8 checks, `,`/`;`, zip-bomb guard, formulas never evaluated).
 * Pure apart from parsing: fields are resolved by the hub (`checkCatalogRows`).
 */
import { msg } from '../dossiers/import/messages';
import { readCsv } from '../dossiers/import/read-csv';
import { readXlsx } from '../dossiers/import/read-xlsx';
import { isBlank, type SheetRow } from '../dossiers/import/sheet';
import { MAX_IMPORT_BYTES, MAX_XLSX_INFLATED_BYTES } from '../dossiers/import/types';
import { COLUMN_ORDER, findHeader, type ColumnMap } from './columns';
import { catalogMsg } from './messages';
import { MAX_CATALOG_ROWS, type CatalogIssue, type CatalogRow, type ParsedCatalog } from './types';
import { validateCatalogRow } from './validate-row';

/** The catalog's bound on what the workbook library loads: its rows, a title, blank rows. */
const CATALOG_WORKBOOK_LIMITS = {
  maxInflatedBytes: MAX_XLSX_INFLATED_BYTES,
  maxRows: MAX_CATALOG_ROWS + 1000,
  maxCells: (MAX_CATALOG_ROWS + 1000) * 30,
};

const fileIssue = (line: number, message: string): ParsedCatalog => ({ rows: [], issues: [{ line, column: null, code: 'BAD_FILE', message }] });

function isBlankRow(row: SheetRow, columns: ColumnMap): boolean {
  return COLUMN_ORDER.every((c) => {
    const found = columns[c];
    return found === undefined || isBlank(row.cells[found.index]);
  });
}

export function validateCatalogSheet(sheet: readonly SheetRow[]): ParsedCatalog {
  if (sheet.every((row) => row.cells.every((cell) => isBlank(cell)))) return fileIssue(0, msg.emptyFile());
  const header = findHeader(sheet);
  if (!header.ok) {
    return {
      rows: [],
      issues: header.missing.map((c) => ({ line: header.line, column: c, code: 'MISSING_COLUMN', message: catalogMsg.missingColumn(header.line, c) })),
    };
  }
  const data = sheet.filter((row) => row.line > header.line && !isBlankRow(row, header.columns));
  if (data.length === 0) return fileIssue(0, catalogMsg.noRows());
  const over = data[MAX_CATALOG_ROWS];
  if (over) return { rows: [], issues: [{ line: over.line, column: null, code: 'TOO_MANY_ROWS', message: catalogMsg.tooManyRows(over.line) }] };
  const rows: CatalogRow[] = [];
  const issues: CatalogIssue[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const src of data) {
    const checked = validateCatalogRow(src, header.columns, firstLineOfCode);
    if (checked.row) rows.push(checked.row);
    issues.push(...checked.issues);
  }
  return { rows, issues };
}

export async function parseProcedureCatalog(content: Buffer, format: 'csv' | 'xlsx'): Promise<ParsedCatalog> {
  if (content.length > MAX_IMPORT_BYTES) return fileIssue(0, msg.fileTooBig(content.length));
  const sheet = format === 'csv' ? readCsv(content) : await readXlsx(content, CATALOG_WORKBOOK_LIMITS);
  if (!sheet.ok) return fileIssue(sheet.issue.line, sheet.issue.message);
  return validateCatalogSheet(sheet.rows);
}
