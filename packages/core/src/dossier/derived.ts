/**
 * Figures derived from a dossier, never typed in: overdue, on time, and the categories
 * offices report upward (tiếp nhận, đã giải quyết / tỷ lệ, đúng hạn, trễ hạn,
 * đang giải quyết trong hạn, quá hạn).
 *
 * Decisions:
 * - **Resolved** = result_ready, rejected or returned. A refusal is a decision the office
 *   made, so it counts as resolved (on time or late like any other); returned only says the
 *   result (or the file) has been handed back, the dossier was resolved before that.
 * - **On time** = the local date of `resolvedAt` is on or before `dueDate` (an early result
 *   is on time). Late otherwise.
 * - **Unresolved** = processing or needs_supplement; **overdue** once the local date of
 *   `now` is after `dueDate` (the due day itself is not overdue). Waiting for the citizen's
 *   supplement does not stop the clock here; a caller that re-dates a dossier on
 *   supplement does so by changing `dueDate`.
 * - Every dossier is in exactly one DossierProgress category, taken from its current
 *   status; `now` only decides overdue.
 */
import { DomainError } from '../errors';
import type { EpochMs } from '../model';
import { DEFAULT_TIME_ZONE, serviceDayOf } from '../numbering';
import type { Dossier, DossierStatus } from './model';

export const DOSSIER_RESOLVED_STATUSES: readonly DossierStatus[] = ['result_ready', 'rejected', 'returned'];

/** result_ready, rejected or returned. */
export function isDossierResolved(status: DossierStatus): boolean {
  return DOSSIER_RESOLVED_STATUSES.includes(status);
}

export const DOSSIER_PROGRESS = ['in_progress_not_due', 'overdue', 'resolved_on_time', 'resolved_late'] as const;
export type DossierProgress = (typeof DOSSIER_PROGRESS)[number];

export const DOSSIER_PROGRESS_LABELS: Record<'vi' | 'en', Record<DossierProgress, string>> = {
  vi: {
    in_progress_not_due: 'Đang giải quyết trong hạn',
    overdue: 'Đang giải quyết quá hạn',
    resolved_on_time: 'Đã giải quyết đúng hạn',
    resolved_late: 'Đã giải quyết quá hạn',
  },
  en: {
    in_progress_not_due: 'In progress, not yet due',
    overdue: 'In progress, overdue',
    resolved_on_time: 'Resolved on time',
    resolved_late: 'Resolved late',
  },
};

/** Not yet resolved (processing / needs_supplement) and the local date of `now` is after `dueDate`. */
export function isOverdue(
  d: Pick<Dossier, 'status' | 'dueDate' | 'resolvedAt'>,
  now: EpochMs,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean {
  if (isDossierResolved(d.status)) return false;
  return serviceDayOf(now, timeZone) > d.dueDate;
}

/** `null` while `resolvedAt` is unset; otherwise whether its local date is on or before `dueDate`. */
export function resolvedOnTime(
  d: Pick<Dossier, 'dueDate' | 'resolvedAt'>,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean | null {
  if (d.resolvedAt === null) return null;
  return serviceDayOf(d.resolvedAt, timeZone) <= d.dueDate;
}

/**
 * The report category of a dossier now. A resolved status without `resolvedAt` (data not
 * made by changeDossierStatus) falls back to `returnedAt`; with neither it throws
 * INVALID_ARGUMENT rather than guess.
 */
export function dossierProgress(
  d: Pick<Dossier, 'status' | 'dueDate' | 'resolvedAt' | 'returnedAt'>,
  now: EpochMs,
  timeZone: string = DEFAULT_TIME_ZONE,
): DossierProgress {
  if (!isDossierResolved(d.status)) return isOverdue(d, now, timeZone) ? 'overdue' : 'in_progress_not_due';
  const resolvedAt = d.resolvedAt ?? d.returnedAt;
  if (resolvedAt === null) {
    throw new DomainError('INVALID_ARGUMENT', 'Hồ sơ đã giải quyết nhưng thiếu thời điểm giải quyết', {
      status: d.status,
    });
  }
  return resolvedOnTime({ dueDate: d.dueDate, resolvedAt }, timeZone) ? 'resolved_on_time' : 'resolved_late';
}

export interface DossierSummary {
  /** All dossiers given (tiếp nhận), and by channel. */
  received: number;
  receivedCounter: number;
  receivedOnline: number;
  /** resolvedOnTime + resolvedLate. */
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** Of the resolved, by current status: refused (not yet handed back), handed back (a refusal included). */
  rejected: number;
  returned: number;
  /** inProgressNotDue + overdue. */
  inProgress: number;
  inProgressNotDue: number;
  overdue: number;
  /** Of the in progress: waiting for the citizen's supplement. */
  needsSupplement: number;
  /** resolved / received (0–1), null with nothing received. */
  resolutionRate: number | null;
  /** resolvedOnTime / resolved (0–1), null with nothing resolved. */
  onTimeRate: number | null;
}

/** Counts for a report over the dossiers the caller selected (e.g. received this week). */
export function summarizeDossiers(
  dossiers: readonly Pick<Dossier, 'channel' | 'status' | 'dueDate' | 'resolvedAt' | 'returnedAt'>[],
  now: EpochMs,
  timeZone: string = DEFAULT_TIME_ZONE,
): DossierSummary {
  const s: DossierSummary = {
    received: 0, receivedCounter: 0, receivedOnline: 0,
    resolved: 0, resolvedOnTime: 0, resolvedLate: 0, rejected: 0, returned: 0,
    inProgress: 0, inProgressNotDue: 0, overdue: 0, needsSupplement: 0,
    resolutionRate: null, onTimeRate: null,
  };
  for (const d of dossiers) {
    s.received += 1;
    if (d.channel === 'online') s.receivedOnline += 1;
    else s.receivedCounter += 1;
    if (d.status === 'rejected') s.rejected += 1;
    if (d.status === 'returned') s.returned += 1;
    if (d.status === 'needs_supplement') s.needsSupplement += 1;
    const p = dossierProgress(d, now, timeZone);
    if (p === 'resolved_on_time') s.resolvedOnTime += 1;
    else if (p === 'resolved_late') s.resolvedLate += 1;
    else if (p === 'overdue') s.overdue += 1;
    else s.inProgressNotDue += 1;
  }
  s.resolved = s.resolvedOnTime + s.resolvedLate;
  s.inProgress = s.inProgressNotDue + s.overdue;
  s.resolutionRate = s.received === 0 ? null : s.resolved / s.received;
  s.onTimeRate = s.resolved === 0 ? null : s.resolvedOnTime / s.resolved;
  return s;
}
