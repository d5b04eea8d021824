/**
 * One data row of the catalog -> a CatalogRow, or every problem of the row (in column order).
 */
import { documentListProblem, parseDocumentList } from '@qms/core';
import { cellText, cleanText, type Cell, type SheetRow } from '../dossiers/import/sheet';
import type { ColumnMap } from './columns';
import { catalogMsg } from './messages';
import { MAX_PROCEDURE_NAME, type CatalogColumn, type CatalogIssue, type CatalogIssueCode, type CatalogRow } from './types';
import { parseCode, parseCutoff, parseDays, parseFee, parseStatus } from './values';

class Row {
  readonly issues: CatalogIssue[] = [];
  constructor(
    readonly src: SheetRow,
    private readonly columns: ColumnMap,
  ) {}

  get line(): number {
    return this.src.line;
  }

  add(column: CatalogColumn, code: CatalogIssueCode, message: string): void {
    this.issues.push({ line: this.line, column, code, message });
  }

  header(c: CatalogColumn): string {
    return this.columns[c]?.header ?? c;
  }

  cell(c: CatalogColumn): Cell | undefined {
    const found = this.columns[c];
    return found ? this.src.cells[found.index] : undefined;
  }

  text(c: CatalogColumn): string {
    return cleanText(cellText(this.cell(c)));
  }

  /** The text of a required column, or null with MISSING_VALUE. */
  required(c: CatalogColumn): string | null {
    const text = this.text(c);
    if (text !== '') return text;
    this.add(c, 'MISSING_VALUE', catalogMsg.missingValue(this.line, this.header(c)));
    return null;
  }
}

/** @param firstLineOfCode codes (lower case) seen on earlier rows, with their line; this row's is added when new. */
export function validateCatalogRow(src: SheetRow, columns: ColumnMap, firstLineOfCode: Map<string, number>): { row: CatalogRow | null; issues: CatalogIssue[] } {
  const r = new Row(src, columns);

  let code: string | null = null;
  if (r.required('code') !== null) {
    code = parseCode(r.cell('code'));
    if (code === null) r.add('code', 'BAD_CODE', catalogMsg.badCode(r.line, r.header('code'), r.text('code')));
    else {
      const first = firstLineOfCode.get(code.toLowerCase());
      if (first === undefined) firstLineOfCode.set(code.toLowerCase(), r.line);
      else r.add('code', 'DUPLICATE_IN_FILE', catalogMsg.duplicate(r.line, r.header('code'), code, first));
    }
  }

  const name = r.required('name');
  if (name !== null && Array.from(name).length > MAX_PROCEDURE_NAME) r.add('name', 'BAD_NAME', catalogMsg.badName(r.line, r.header('name')));

  const fieldRef = r.required('field');

  let processingDays: number | null = null;
  if (r.required('processingDays') !== null) {
    processingDays = parseDays(r.cell('processingDays'));
    if (processingDays === null) r.add('processingDays', 'BAD_DAYS', catalogMsg.badDays(r.line, r.header('processingDays'), r.text('processingDays')));
  }

  let fee: number | null = null;
  if (r.required('fee') !== null) {
    fee = parseFee(r.cell('fee'));
    if (fee === null) r.add('fee', 'BAD_FEE', catalogMsg.badFee(r.line, r.header('fee'), r.text('fee')));
  }

  const enabled = parseStatus(r.cell('status'));
  if (enabled === undefined) r.add('status', 'BAD_STATUS', catalogMsg.badStatus(r.line, r.header('status'), r.text('status')));

  const cutoffTime = parseCutoff(r.cell('cutoffTime'));
  if (cutoffTime === undefined) r.add('cutoffTime', 'BAD_CUTOFF', catalogMsg.badCutoff(r.line, r.header('cutoffTime'), r.text('cutoffTime')));

  // one document a line (or a “;”), each with an optional “(bản sao, 2 bản)”; blank = not given
  const documentsText = cellText(r.cell('documents')).normalize('NFC').trim();
  const documents = documentsText === '' ? null : parseDocumentList(documentsText);
  const documentsProblem = documents === null ? null : documentListProblem(documents);
  if (documentsProblem !== null) r.add('documents', 'BAD_DOCUMENTS', catalogMsg.badDocuments(r.line, r.header('documents'), documentsProblem));

  if (r.issues.length > 0 || code === null || name === null || fieldRef === null || processingDays === null || fee === null || enabled === undefined || cutoffTime === undefined) {
    return { row: null, issues: r.issues };
  }
  return { row: { line: r.line, code, name, fieldRef, processingDays, fee, enabled, cutoffTime, ...(documents !== null ? { documents } : {}) }, issues: [] };
}
