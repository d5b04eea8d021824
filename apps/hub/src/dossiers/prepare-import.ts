/**
 * The import's checks that need the catalog but not the database (they run in the job worker
 * with a copy of the procedures): each parsed row's procedure is found by code or exact name,
 * its service day computed, and rows naming no procedure become UNKNOWN_PROCEDURE issues. Whether
 * a code is stored already is the hub's business (import-apply: it is then an update).
 */
import { serviceDayOf } from '@qms/core';
import type { PreparedDossier, ProcedureRef } from '../workers/protocol';
import type { ImportRow } from './import';

/** An issue found against the catalog or the database, in the same shape as the parser's. */
export interface ApplyIssue {
  line: number;
  column: string | null;
  code: 'UNKNOWN_PROCEDURE';
  message: string;
}

const key = (text: string): string => text.trim().normalize('NFC').toLowerCase();

/** Looks procedures up by code or by exact name (case-insensitive); the code wins. */
export function procedureFinder(procedures: readonly ProcedureRef[]): (ref: string) => ProcedureRef | undefined {
  const byCode = new Map<string, ProcedureRef>();
  const byName = new Map<string, ProcedureRef>();
  for (const p of procedures) {
    if (!byCode.has(p.code.toLowerCase())) byCode.set(p.code.toLowerCase(), p);
    if (!byName.has(key(p.name))) byName.set(key(p.name), p);
  }
  return (ref) => byCode.get(key(ref)) ?? byName.get(key(ref));
}

export function prepareImportRows(
  rows: readonly ImportRow[],
  procedures: readonly ProcedureRef[],
  timeZone: string,
): { prepared: PreparedDossier[]; issues: ApplyIssue[] } {
  const find = procedureFinder(procedures);
  const prepared: PreparedDossier[] = [];
  const issues: ApplyIssue[] = [];
  for (const r of rows) {
    const p = find(r.procedureRef);
    if (!p) {
      issues.push({
        line: r.line,
        column: 'procedureRef',
        code: 'UNKNOWN_PROCEDURE',
        message: `Dòng ${r.line}: không có thủ tục “${r.procedureRef.slice(0, 60)}” trong danh mục`,
      });
      continue;
    }
    prepared.push({
      line: r.line,
      code: r.code,
      procedureId: p.id,
      fieldId: p.fieldId,
      receivedAt: r.receivedAt,
      receivedDay: serviceDayOf(r.receivedAt, timeZone),
      dueDate: r.dueDate,
      status: r.status,
      resolvedAt: r.resolvedAt,
      returnedAt: r.returnedAt,
      applicantName: r.applicantName,
      channel: r.channel,
    });
  }
  return { prepared, issues };
}
