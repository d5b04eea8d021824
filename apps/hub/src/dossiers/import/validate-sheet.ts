/**
 * From sheet rows to the import result: the header (line 1) names the columns, blank rows are
 * skipped, the row limit is enforced, each row is checked, and a code seen twice is flagged on
 * its second line.
 */
import { COLUMN_ORDER, mapHeader, type ColumnMap } from './columns';
import { msg } from './messages';
import { isBlank, type SheetRow } from './sheet';
import { MAX_IMPORT_ROWS, type ImportIssue, type ImportRow, type ParsedImport } from './types';
import { validateRow } from './validate-row';

/** A row none of whose recognised columns holds anything (an «STT» alone does not count). */
function isBlankRow(row: SheetRow, columns: ColumnMap): boolean {
  return COLUMN_ORDER.every((c) => {
    const found = columns[c];
    return found === undefined || isBlank(row.cells[found.index]);
  });
}

export function validateSheet(sheet: readonly SheetRow[]): ParsedImport {
  if (sheet.every((row) => row.cells.every((cell) => isBlank(cell)))) {
    return { rows: [], issues: [{ line: 0, column: null, code: 'BAD_FILE', message: msg.emptyFile() }] };
  }
  const header = sheet.find((row) => row.line === 1);
  const { columns, missing } = mapHeader(header?.cells ?? []);
  if (missing.length > 0) {
    return { rows: [], issues: missing.map((c) => ({ line: 1, column: c, code: 'MISSING_COLUMN', message: msg.missingColumn(c) })) };
  }
  const data = sheet.filter((row) => row.line > 1 && !isBlankRow(row, columns));
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
