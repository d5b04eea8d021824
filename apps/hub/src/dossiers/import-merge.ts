/**
 * What an imported row does to the dossier stored under its code (compared without regard to
 * case). One-stop systems export cumulative lists, so a row for a stored dossier brings its
 * status and dates up to date; its identity (procedure, channel, day received, applicant) stays
 * as stored. A row that changes nothing leaves the dossier alone.
 */
import type { Dossier, DossierStatus } from '@qms/core';
import type { DossierImportState } from '@qms/store';
import type { PreparedDossier } from '../workers/protocol';

const RESOLVED: ReadonlySet<DossierStatus> = new Set(['result_ready', 'rejected', 'returned']);

export type ImportPlan =
  | { kind: 'new'; state: DossierImportState }
  | { kind: 'updated'; before: DossierImportState; state: DossierImportState }
  | { kind: 'unchanged' };

/** A new dossier's state: a resolved one without a result date counts from its return date. */
function newState(r: PreparedDossier): DossierImportState {
  const resolvedAt = r.resolvedAt ?? (RESOLVED.has(r.status) ? r.returnedAt : null);
  return { status: r.status, dueDate: r.dueDate, resolvedAt, returnedAt: r.returnedAt };
}

/**
 * A stored dossier's state after the row: the file's status and due date; a date the file
 * leaves blank keeps the stored one while the new status still has it (resolved: result date;
 * returned or rejected: return date), else is cleared.
 */
export function mergedState(stored: DossierImportState, r: PreparedDossier): DossierImportState {
  const resolved = RESOLVED.has(r.status);
  const resolvedAt = r.resolvedAt ?? (resolved ? (stored.resolvedAt ?? r.returnedAt) : null);
  const keepsReturn = r.status === 'returned' || r.status === 'rejected';
  const returnedAt = r.returnedAt ?? (keepsReturn ? stored.returnedAt : null);
  return { status: r.status, dueDate: r.dueDate, resolvedAt, returnedAt };
}

const stateOf = (d: Dossier): DossierImportState => ({ status: d.status, dueDate: d.dueDate, resolvedAt: d.resolvedAt, returnedAt: d.returnedAt });

const same = (a: DossierImportState, b: DossierImportState): boolean =>
  a.status === b.status && a.dueDate === b.dueDate && a.resolvedAt === b.resolvedAt && a.returnedAt === b.returnedAt;

export function planRow(stored: Dossier | undefined, r: PreparedDossier): ImportPlan {
  if (!stored) return { kind: 'new', state: newState(r) };
  const before = stateOf(stored);
  const state = mergedState(before, r);
  return same(before, state) ? { kind: 'unchanged' } : { kind: 'updated', before, state };
}
