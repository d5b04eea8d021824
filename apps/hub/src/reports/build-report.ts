import { DEFAULT_TIME_ZONE, serviceDayOf } from '@qms/core';
import {
  addHistogram,
  addTicketSums,
  daysInRange,
  emptyTicketSums,
  emptyHistogram,
  histogramQuantile,
  histogramShareAtMost,
  type Store,
  type TicketSums,
} from '@qms/store';
import { buildDossiers, resolveAsOf } from './dossier-figures';
import { GroupNames, TOTAL_LABEL } from './labels';
import type { Report, ReportDirectory, ReportOptions, ReportRow, TicketGroupBy } from './types';

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

/**
 * The report for a range of service days: tickets, waits, service times and ratings per
 * group (by field when grouped by procedure), arrivals per hour from the rollups, and the
 * dossier figures as of `options.asOf` (default: the end of the range, or now) from the
 * dossiers themselves (./dossier-figures). Throws VALIDATION_FAILED for an asOf before the
 * range or in the future.
 */
export function buildReport(store: Store, directory: ReportDirectory, options: ReportOptions): Report {
  const { from, to, groupBy: asked, targetWaitMinutes } = options;
  const asOf = resolveAsOf({ from, to }, options.asOf, options.now);
  const groupBy: TicketGroupBy = asked === 'procedure' ? 'field' : asked;
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

  return {
    range: { from, to, days: daysInRange(from, to) },
    groupBy: asked,
    ticketGroupBy: groupBy,
    targetWaitMinutes,
    generatedAt: options.now,
    asOf,
    asOfDay: serviceDayOf(asOf, DEFAULT_TIME_ZONE),
    rows,
    totals,
    arrivalsByHour: store.reports.arrivalsByHour({ from, to }),
    dossiers: buildDossiers(store, names, { from, to, groupBy: asked, asOf }),
  };
}
