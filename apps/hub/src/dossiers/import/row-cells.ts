/**
 * Reading one data row's cells by column, collecting the row's issues as it goes (in the order
 * the checks ask for them). Used by validate-row.
 */
import type { WallClockTime } from '@qms/core';
import type { ColumnMap } from './columns';
import { parseDateCell } from './dates';
import { msg } from './messages';
import { cellText, cleanText, type Cell, type SheetRow } from './sheet';
import type { ImportColumn, ImportIssue, ImportIssueCode } from './types';

export class RowCells {
  readonly issues: ImportIssue[] = [];
  readonly line: number;

  constructor(
    private readonly row: SheetRow,
    private readonly columns: ColumnMap,
  ) {
    this.line = row.line;
  }

  add(column: ImportColumn, code: ImportIssueCode, message: string): void {
    this.issues.push({ line: this.line, column, code, message });
  }

  /** The column's heading as written in the file. */
  header(c: ImportColumn): string {
    return this.columns[c]?.header ?? c;
  }

  cell(c: ImportColumn): Cell | undefined {
    const found = this.columns[c];
    return found ? this.row.cells[found.index] : undefined;
  }

  /** The cell as the user sees it: trimmed, NFC, whitespace and control characters made single spaces. */
  text(c: ImportColumn): string {
    return cleanText(cellText(this.cell(c)));
  }

  /** Text of a required column, or null (and MISSING_VALUE) when blank. */
  required(c: ImportColumn): string | null {
    const text = this.text(c);
    if (text !== '') return text;
    this.add(c, 'MISSING_VALUE', msg.missingValue(this.line, this.header(c)));
    return null;
  }

  /** A date column: null when blank (MISSING_VALUE if required) or not a date (BAD_DATE). */
  date(c: ImportColumn, isRequired: boolean): WallClockTime | null {
    const text = isRequired ? this.required(c) : this.text(c) || null;
    if (text === null) return null;
    const raw = this.cell(c);
    const parsed = parseDateCell(typeof raw === 'string' ? text : raw);
    if (!parsed) this.add(c, 'BAD_DATE', msg.badDate(this.line, this.header(c), text));
    return parsed;
  }
}
