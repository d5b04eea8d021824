import { DEFAULT_TIME_ZONE, DomainError, serviceDayOf } from '@qms/core';
import type { DossierAsOfSums, Store } from '@qms/store';
import { DossierNames } from './dossier-labels';
import type { GroupNames } from './labels';
import type { DossierFigures, DossierRow, Report, ReportGroupBy } from './types';

/** Asia/Ho_Chi_Minh is UTC+7 all year (no DST), as the store's SQL assumes (docs/reports.md). */
const LOCAL_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The first instant of a local day `YYYY-MM-DD`. */
export function localDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - LOCAL_OFFSET_MS;
}

/** The last instant (ms) of a local day. */
export function localDayEnd(day: string): number {
  return localDayStart(day) + DAY_MS - 1;
}

/**
 * The moment the dossier figures are taken at: the one asked for, else the end of the range's
 * last day, or now when the range reaches today. Before the range's first instant or after now
 * is refused (VALIDATION_FAILED): figures of the future are not known yet.
 */
export function resolveAsOf(range: { from: string; to: string }, asked: number | undefined, now: number): number {
  if (asked === undefined) return Math.min(localDayEnd(range.to), now);
  if (!Number.isInteger(asked) || asked < localDayStart(range.from)) {
    throw new DomainError('VALIDATION_FAILED', 'Thời điểm tính số liệu (asOf) phải từ đầu ngày bắt đầu của kỳ báo cáo trở đi');
  }
  if (asked > now) throw new DomainError('VALIDATION_FAILED', 'Thời điểm tính số liệu (asOf) không được ở tương lai');
  return asked;
}

/** A share rounded to 4 decimals (a percentage with 2), half away from zero; null over nothing. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  // truncated to two decimals of a percent, as offices publish (100.00 % only when all are done)
  return Math.floor((part * 10_000) / whole) / 10_000;
}

export function emptyDossierFigures(): DossierFigures {
  return withTotals({
    key: '', receivedCounter: 0, receivedOnline: 0, receivedPost: 0, carriedOver: 0,
    resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, inProgressNotDue: 0, overdue: 0,
  });
}

/** The figures of one group's counts: the totals, shares and rates derived from them. */
export function withTotals(s: DossierAsOfSums): DossierFigures {
  const received = s.receivedCounter + s.receivedOnline + s.receivedPost;
  const toResolve = s.carriedOver + received;
  const resolved = s.resolvedEarly + s.resolvedOnTime + s.resolvedLate;
  return {
    carriedOver: s.carriedOver,
    receivedCounter: s.receivedCounter,
    receivedOnline: s.receivedOnline,
    receivedPost: s.receivedPost,
    received,
    toResolve,
    resolvedEarly: s.resolvedEarly,
    resolvedOnTime: s.resolvedOnTime,
    resolvedLate: s.resolvedLate,
    resolved,
    inProgress: s.inProgressNotDue + s.overdue,
    inProgressNotDue: s.inProgressNotDue,
    overdue: s.overdue,
    onlineShare: rate(s.receivedOnline, received),
    resolutionRate: rate(resolved, toResolve),
    onTimeRate: rate(s.resolvedEarly + s.resolvedOnTime, resolved),
  };
}

const COUNTS = ['receivedCounter', 'receivedOnline', 'receivedPost', 'carriedOver', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'inProgressNotDue', 'overdue'] as const;

function addSums(a: DossierAsOfSums, b: DossierAsOfSums): DossierAsOfSums {
  const out = { ...a };
  for (const k of COUNTS) out[k] += b[k];
  return out;
}

/** The dossier table of a report: one row per group (see dossierKeys) and the totals, as of `asOf`. */
export function buildDossiers(
  store: Store,
  names: GroupNames,
  q: { from: string; to: string; groupBy: ReportGroupBy; asOf: number },
): Report['dossiers'] {
  const asOfDay = serviceDayOf(q.asOf, DEFAULT_TIME_ZONE);
  const sums = store.dossierReports.asOf({ ...q, fromStart: localDayStart(q.from), asOfDay });
  const byKey = new Map(sums.map((s) => [s.key, s]));
  const zero: DossierAsOfSums = { key: '', receivedCounter: 0, receivedOnline: 0, receivedPost: 0, carriedOver: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, inProgressNotDue: 0, overdue: 0 };
  const dossierNames = new DossierNames(names, store);
  const rows: DossierRow[] = dossierNames.keys(q.groupBy, byKey.keys()).map((key) => ({
    key,
    label: dossierNames.label(q.groupBy, key),
    ...withTotals(byKey.get(key) ?? { ...zero, key }),
  }));
  return { groupBy: q.groupBy, rows, totals: withTotals(sums.reduce(addSums, zero)) };
}
