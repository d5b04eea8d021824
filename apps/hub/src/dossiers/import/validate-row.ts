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
import { parseChannel } from './channel';
import { parseStatus } from './status';
import { MAX_NAME_LENGTH, type ImportChannel, type ImportIssue, type ImportRow } from './types';

const CODE = /^[A-Za-z0-9.\-_/]{3,60}$/;
/** A code of the national standard, `<agency>-<YYMMDD>-<NNNN>`, in any case. */
const NATIONAL_CODE = /^[A-Za-z0-9.]{3,30}-(\d{2})(\d{2})(\d{2})-\d{4}$/;

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
  // codes are compared without regard to case, as the hub finds them
  const first = firstLineOfCode.get(code.toUpperCase());
  if (first === undefined) firstLineOfCode.set(code.toUpperCase(), r.line);
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

/** The channel column, when the file has one: a word never guessed (BAD_CHANNEL). */
function checkChannel(r: RowCells, hasColumn: boolean): ImportChannel | null {
  if (!hasColumn) return 'online';
  const text = r.required('channel');
  if (text === null) return null;
  const channel = parseChannel(text);
  if (channel === null) r.add('channel', 'BAD_CHANNEL', msg.badChannel(r.line, r.header('channel'), text));
  return channel;
}

/**
 * The day in a national code must be the day the dossier was filed: “Ngày nộp” when the file
 * has it beside “Ngày tiếp nhận”, else the day received. A mismatch is most often a date read
 * month first (10/06/2025 for 6 October), so it is refused, never guessed.
 */
function checkCodeDate(r: RowCells, code: string | null, received: WallClockTime | null, hasSubmitted: boolean): void {
  const m = code === null ? null : NATIONAL_CODE.exec(code);
  if (!m || code === null) return;
  const submitted = hasSubmitted ? r.date('submittedAt', false) : null;
  const column = submitted ? 'submittedAt' : 'receivedAt';
  const filed = submitted ?? received;
  if (!filed) return;
  const codeDay = `20${m[1]}-${m[2]}-${m[3]}`;
  const day = toLocalDate(filed);
  if (day === codeDay) return;
  const swapped = filed.day <= 12 && `${day.slice(0, 5)}${day.slice(8, 10)}-${day.slice(5, 7)}` === codeDay;
  r.add(column, 'CODE_DATE_MISMATCH', msg.codeDateMismatch(r.line, code, codeDay, r.header(column), r.text(column), day, swapped));
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
  const channel = checkChannel(r, columns.channel !== undefined);
  const hasSubmitted = columns.submittedAt !== undefined && columns.submittedAt.index !== columns.receivedAt?.index;
  if (!r.issues.some((i) => i.column === 'code')) checkCodeDate(r, code, received, hasSubmitted);

  if (r.issues.length > 0 || code === null || procedureRef === null || !received || dueDate === null || status === null || channel === null) {
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
    channel,
  };
  return { row, issues: [] };
}
