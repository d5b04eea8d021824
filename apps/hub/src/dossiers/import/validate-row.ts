/**
 * Checks one data row and builds the ImportRow. Every problem in the row is reported (one issue
 * per column at most, in column order); a row with any issue gives no ImportRow.
 */
import type { WallClockTime } from '@qms/core';
import type { ColumnMap } from './columns';
import { toEpochMs, toLocalDate } from './dates';
import { msg } from './messages';
import { RowCells } from './row-cells';
import type { SheetRow } from './sheet';
import { parseStatus } from './status';
import { MAX_NAME_LENGTH, type ImportIssue, type ImportRow } from './types';

const CODE = /^[A-Za-z0-9.\-_/]{3,60}$/;

const codePoints = (text: string): number => (text.length <= MAX_NAME_LENGTH ? text.length : Array.from(text).length);
const cutToMaxName = (text: string): string =>
  codePoints(text) <= MAX_NAME_LENGTH ? text : Array.from(text).slice(0, MAX_NAME_LENGTH).join('');

/** The dossier code, registered in `firstLineOfCode` when valid and new; BAD_CODE or DUPLICATE_IN_FILE otherwise. */
function checkCode(r: RowCells, firstLineOfCode: Map<string, number>): string | null {
  const code = r.required('code');
  if (code === null) return null;
  if (!CODE.test(code)) {
    r.add('code', 'BAD_CODE', msg.badCode(r.line, r.header('code'), code));
    return null;
  }
  const first = firstLineOfCode.get(code);
  if (first === undefined) firstLineOfCode.set(code, r.line);
  else r.add('code', 'DUPLICATE_IN_FILE', msg.duplicate(r.line, r.header('code'), code, first));
  return code;
}

/** Over MAX_NAME_LENGTH a reference cannot name a procedure: BAD_CODE rather than a silent cut. */
function checkProcedure(r: RowCells): string | null {
  const ref = r.required('procedureRef');
  if (ref !== null && codePoints(ref) > MAX_NAME_LENGTH) r.add('procedureRef', 'BAD_CODE', msg.procedureTooLong(r.line, r.header('procedureRef'), ref));
  return ref;
}

/** An optional date that may not fall on a day before the day received (BAD_DATE). */
function dateNotBefore(r: RowCells, c: 'resolvedAt' | 'returnedAt', receivedDay: string | null): WallClockTime | null {
  const t = r.date(c, false);
  if (t && receivedDay !== null && toLocalDate(t) < receivedDay) r.add(c, 'BAD_DATE', msg.beforeReceived(r.line, r.header(c), r.text(c), r.text('receivedAt')));
  return t;
}

/**
 * @param firstLineOfCode valid codes seen on earlier rows of the file, with their line; this
 *   row's code is added when new.
 */
export function validateRow(src: SheetRow, columns: ColumnMap, firstLineOfCode: Map<string, number>): { row: ImportRow | null; issues: ImportIssue[] } {
  const r = new RowCells(src, columns);
  const code = checkCode(r, firstLineOfCode);
  const procedureRef = checkProcedure(r);
  const received = r.date('receivedAt', true);
  const receivedDay = received ? toLocalDate(received) : null;
  const due = r.date('dueDate', true);
  const dueDate = due ? toLocalDate(due) : null;
  if (dueDate !== null && receivedDay !== null && dueDate < receivedDay) {
    r.add('dueDate', 'DUE_BEFORE_RECEIVED', msg.beforeReceived(r.line, r.header('dueDate'), r.text('dueDate'), r.text('receivedAt')));
  }
  const statusText = r.required('status');
  const status = statusText === null ? null : parseStatus(statusText);
  if (statusText !== null && status === null) r.add('status', 'BAD_STATUS', msg.badStatus(r.line, r.header('status'), statusText));
  const resolved = dateNotBefore(r, 'resolvedAt', receivedDay);
  const returned = dateNotBefore(r, 'returnedAt', receivedDay);
  const applicant = r.text('applicantName');

  if (r.issues.length > 0 || code === null || procedureRef === null || !received || dueDate === null || status === null) {
    return { row: null, issues: r.issues };
  }
  const row: ImportRow = {
    line: r.line,
    code,
    procedureRef,
    receivedAt: toEpochMs(received),
    dueDate,
    status,
    resolvedAt: resolved ? toEpochMs(resolved) : null,
    returnedAt: returned ? toEpochMs(returned) : null,
    applicantName: applicant === '' ? null : cutToMaxName(applicant),
  };
  return { row, issues: [] };
}
