/**
 * From sheet rows to the import result: the header is found among the first rows (a portal
 * export puts a title above it), blank rows are skipped, the row limit is enforced, each row is
 * checked, and a code seen twice (in any case) is flagged on its second line.
 */
import { COLUMN_ORDER, REQUIRED_COLUMNS, mapHeader, type ColumnMap } from './columns';
import { msg } from './messages';
import { isBlank, type SheetRow } from './sheet';
import { HEADER_SEARCH_ROWS, MAX_IMPORT_ROWS, type ImportColumn, type ImportIssue, type ImportRow, type ParsedImport } from './types';
import { validateRow } from './validate-row';

/** A row none of whose recognised columns holds anything (an “STT” alone does not count). */
function isBlankRow(row: SheetRow, columns: ColumnMap): boolean {
  return COLUMN_ORDER.every((c) => {
    const found = columns[c];
    return found === undefined || isBlank(row.cells[found.index]);
  });
}

interface Header {
  index: number;
  line: number;
  columns: ColumnMap;
  missing: ImportColumn[];
}

/**
 * The header: the first of the first HEADER_SEARCH_ROWS non-blank rows that names every
 * required column; failing that, the one naming the most required columns (at least two), so
 * the missing ones are reported on its line; null when no row looks like a header at all.
 */
export function findHeader(sheet: readonly SheetRow[]): Header | null {
  let best: Header | null = null;
  let seen = 0;
  for (let index = 0; index < sheet.length && seen < HEADER_SEARCH_ROWS; index++) {
    const row = sheet[index];
    if (!row || row.cells.every((cell) => isBlank(cell))) continue;
    seen += 1;
    const { columns, missing } = mapHeader(row.cells);
    const candidate = { index, line: row.line, columns, missing };
    if (missing.length === 0) return candidate;
    if (REQUIRED_COLUMNS.length - missing.length >= 2 && (!best || missing.length < best.missing.length)) best = candidate;
  }
  return best;
}

export function validateSheet(sheet: readonly SheetRow[]): ParsedImport {
  if (sheet.every((row) => row.cells.every((cell) => isBlank(cell)))) {
    return { rows: [], issues: [{ line: 0, column: null, code: 'BAD_FILE', message: msg.emptyFile() }] };
  }
  const header = findHeader(sheet);
  if (!header) {
    return { rows: [], issues: [{ line: 0, column: null, code: 'NO_HEADER', message: msg.noHeader(HEADER_SEARCH_ROWS, REQUIRED_COLUMNS) }] };
  }
  const { columns, missing, line } = header;
  if (missing.length > 0) {
    return { rows: [], issues: missing.map((c) => ({ line, column: c, code: 'MISSING_COLUMN', message: msg.missingColumn(c, line) })) };
  }
  const data = sheet.slice(header.index + 1).filter((row) => !isBlankRow(row, columns));
  const over = data[MAX_IMPORT_ROWS];
  if (over) {
    return { rows: [], issues: [{ line: over.line, column: null, code: 'TOO_MANY_ROWS', message: msg.tooManyRows(over.line) }] };
  }
  const rows: ImportRow[] = [];
  const issues: ImportIssue[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const src of data) {
    const checked = validateRow(src, columns, firstLineOfCode);
    if (checked.row) rows.push(checked.row);
    issues.push(...checked.issues);
  }
  return { rows, issues };
}
