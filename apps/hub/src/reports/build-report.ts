import { DEFAULT_TIME_ZONE, serviceDayOf } from '@qms/core';
import {
  addHistogram,
  addTicketSums,
  daysInRange,
  emptyTicketSums,
  emptyHistogram,
  histogramQuantile,
  histogramShareAtMost,
  type DossierCohortSums,
  type OpenDossierSums,
  type ReportGroupBy,
  type Store,
  type TicketSums,
} from '@qms/store';
import { ALL_LABEL, GroupNames, TOTAL_LABEL } from './labels';
import type { DossierFigures, DossierRow, Report, ReportDirectory, ReportOptions, ReportRow } from './types';

const MINUTE_MS = 60_000;

function row(
  key: string,
  label: string,
  sums: TicketSums,
  wait: readonly number[],
  service: readonly number[],
  targetWaitMinutes: number,
): ReportRow {
  return {
    key,
    label,
    tickets: {
      issued: sums.issued,
      calls: sums.called,
      served: sums.served,
      noShow: sums.noShow,
      cancelled: sums.cancelled,
      transferred: sums.transferred,
    },
    wait: {
      n: sums.waitN,
      avgMin: sums.waitN > 0 ? sums.waitSumMs / sums.waitN / MINUTE_MS : null,
      medianMin: histogramQuantile(wait, 0.5),
      p90Min: histogramQuantile(wait, 0.9),
      withinTargetShare: histogramShareAtMost(wait, targetWaitMinutes),
    },
    service: {
      n: sums.serviceN,
      avgMin: sums.serviceN > 0 ? sums.serviceSumMs / sums.serviceN / MINUTE_MS : null,
      medianMin: histogramQuantile(service, 0.5),
      p90Min: histogramQuantile(service, 0.9),
    },
    satisfaction: { ...sums.rated },
  };
}

/** The report's dossier grouping: the rollup keeps dossiers per field and day only. */
function dossierGrouping(groupBy: ReportGroupBy): 'field' | 'day' | 'all' {
  return groupBy === 'field' || groupBy === 'day' ? groupBy : 'all';
}

function emptyDossierFigures(): DossierFigures {
  return {
    receivedCounter: 0,
    receivedOnline: 0,
    received: 0,
    resolved: 0,
    resolutionRate: null,
    resolvedOnTime: 0,
    onTimeRate: null,
    inProgressNotDue: 0,
    overdue: 0,
    rejected: 0,
    returned: 0,
  };
}

function addCohort(f: DossierFigures, c: DossierCohortSums): void {
  if (c.channel === 'online') f.receivedOnline += c.received;
  else f.receivedCounter += c.received;
  f.received += c.received;
  f.resolved += c.resolved;
  f.resolvedOnTime += c.resolvedOnTime;
  f.rejected += c.rejected;
  f.returned += c.returned;
}

function addOpen(f: DossierFigures, o: OpenDossierSums): void {
  f.inProgressNotDue += o.inProgressNotDue;
  f.overdue += o.overdue;
}

function withRates(f: DossierFigures): DossierFigures {
  f.resolutionRate = f.received > 0 ? f.resolved / f.received : null;
  f.onTimeRate = f.resolved > 0 ? f.resolvedOnTime / f.resolved : null;
  return f;
}

function buildDossiers(store: Store, names: GroupNames, options: ReportOptions, today: string): Report['dossiers'] {
  const groupBy = dossierGrouping(options.groupBy);
  const q = { from: options.from, to: options.to, groupBy };
  const byKey = new Map<string, DossierFigures>();
  const get = (key: string): DossierFigures => {
    let f = byKey.get(key);
    if (!f) byKey.set(key, (f = emptyDossierFigures()));
    return f;
  };
  const totals = emptyDossierFigures();
  for (const c of store.reports.dossierCohort(q)) {
    addCohort(get(c.key), c);
    addCohort(totals, c);
  }
  for (const o of store.reports.openDossiers(q, today)) {
    addOpen(get(o.key), o);
    addOpen(totals, o);
  }
  const rows: DossierRow[] = names.keys(groupBy, byKey.keys()).map((key) => ({
    key,
    label: groupBy === 'all' ? ALL_LABEL : names.label(groupBy, key),
    ...withRates(byKey.get(key) ?? emptyDossierFigures()),
  }));
  return { groupBy, rows, totals: withRates(totals) };
}

/**
 * The report for a range of service days: tickets, waits, service times and ratings per
 * group, arrivals per hour, and dossiers received in the range with their outcome (in progress
 * and overdue as of `now`). Reads only rollups (and the few unresolved dossiers), so a year
 * costs about what a month does.
 */
export function buildReport(store: Store, directory: ReportDirectory, options: ReportOptions): Report {
  const { from, to, groupBy, targetWaitMinutes } = options;
  const q = { from, to, groupBy };
  const names = new GroupNames(directory);
  const sums = new Map(store.reports.ticketSums(q).map((s) => [s.key, s]));
  const waits = store.reports.waitHistograms(q);
  const services = store.reports.serviceHistograms(q);
  const keys = names.keys(groupBy, new Set([...sums.keys(), ...waits.keys(), ...services.keys()]));
  const rows = keys.map((key) =>
    row(
      key,
      names.label(groupBy, key),
      sums.get(key) ?? emptyTicketSums(key),
      waits.get(key) ?? emptyHistogram(),
      services.get(key) ?? emptyHistogram(),
      targetWaitMinutes,
    ),
  );

  // Every rollup row has exactly one key, so the totals are the sums of the groups.
  const totalSums = [...sums.values()].reduce((a, b) => addTicketSums(a, b), emptyTicketSums(''));
  const totalWait = [...waits.values()].reduce((a, b) => addHistogram(a, b), emptyHistogram());
  const totalService = [...services.values()].reduce((a, b) => addHistogram(a, b), emptyHistogram());
  const totals = row('', TOTAL_LABEL, totalSums, totalWait, totalService, targetWaitMinutes);

  const today = serviceDayOf(options.now, DEFAULT_TIME_ZONE);
  return {
    range: { from, to, days: daysInRange(from, to) },
    groupBy,
    targetWaitMinutes,
    generatedAt: options.now,
    asOfDay: today,
    rows,
    totals,
    arrivalsByHour: store.reports.arrivalsByHour({ from, to }),
    dossiers: buildDossiers(store, names, options, today),
  };
}
