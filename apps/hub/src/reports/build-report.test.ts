import type { RatingLevel } from '@qms/core';
import type { TicketFigures } from '@qms/protocol';
import { bucketBounds, bucketOfMs, type ReportGroupBy } from '@qms/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigCache } from '../domain/config-cache';
import { buildReport } from './build-report';
import { DAYS, local, openHistoryStore, writeHistory, type TempHub } from './test-history';
import type { Report, ReportRow } from './types';

let hub: TempHub;
let config: ConfigCache;
const NOW = local('2026-11-09', 10);

beforeAll(() => {
  hub = openHistoryStore();
  writeHistory(hub.store);
  config = new ConfigCache(hub.store);
});
afterAll(() => hub.cleanup());

const report = (from: string, to: string, groupBy: ReportGroupBy, now = NOW, targetWaitMinutes = 15): Report =>
  buildReport(hub.store, config, { from, to, groupBy, targetWaitMinutes, now });

// ---- the figures by construction (see test-history.ts) ----------------------------------

interface Expected extends TicketFigures {
  waits: number[];
  services: number[];
  satisfaction: Record<RatingLevel, number>;
}
const none = (): Expected => ({
  issued: 0,
  calls: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  transferred: 0,
  waits: [],
  services: [],
  satisfaction: { very_satisfied: 0, satisfied: 0, neutral: 0, unsatisfied: 0 },
});
const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));
const times = <T>(n: number, list: T[]): T[] => range(n, () => 0).flatMap(() => list);

function add(a: Expected, b: Expected): Expected {
  const out = none();
  for (const key of ['issued', 'calls', 'served', 'noShow', 'cancelled', 'transferred'] as const) out[key] = a[key] + b[key];
  out.waits = [...a.waits, ...b.waits];
  out.services = [...a.services, ...b.services];
  for (const l of Object.keys(out.satisfaction) as RatingLevel[]) out.satisfaction[l] = a.satisfaction[l] + b.satisfaction[l];
  return out;
}

/**
 * One lane (field A with factor 1, field B with factor 2) over `days` days, as its field sees it:
 * its own 11 issues, 10 first calls + a recall + the call of the ticket transferred in, 8 served
 * + the transfer in (3 minutes), 1 absent, 1 cancelled, 1 transferred out.
 */
function lane(factor: number, days: number): Expected {
  return {
    issued: 11 * days,
    calls: 12 * days,
    served: 9 * days,
    noShow: days,
    cancelled: days,
    transferred: days,
    waits: times(days, range(10, (i) => 5 * (i + 1))),
    services: times(days, [...range(8, (i) => factor * (i + 1)), 3]),
    satisfaction: { very_satisfied: 3 * days, satisfied: days, neutral: days, unsatisfied: days },
  };
}
/** The same lane seen by its counter or officer: issues and waiting cancellations are nobody's. */
const atCounter = (factor: number, days: number): Expected => ({ ...lane(factor, days), issued: 0, cancelled: 0 });
const nobody = (days: number): Expected => ({ ...none(), issued: 22 * days, cancelled: 2 * days });

function nearestRank(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)]!;
}

/** A histogram quantile is in the same bucket as the exact one: (lower, upper] of that bucket. */
function expectWithinBucket(estimate: number | null, exact: number, what: string): void {
  expect(estimate, what).not.toBeNull();
  const { lower, upper } = bucketBounds(bucketOfMs(exact * 60_000));
  expect(estimate!, `${what}: ${estimate} for exact ${exact}`).toBeGreaterThan(exact === 0 ? -1 : lower);
  expect(estimate!, `${what}: ${estimate} for exact ${exact}`).toBeLessThanOrEqual(upper);
}

function expectRow(row: ReportRow | undefined, e: Expected, what: string, target = 15): void {
  expect(row, what).toBeDefined();
  const r = row!;
  expect(r.tickets, what).toEqual({
    issued: e.issued,
    calls: e.calls,
    served: e.served,
    noShow: e.noShow,
    cancelled: e.cancelled,
    transferred: e.transferred,
  });
  expect(r.satisfaction, what).toEqual(e.satisfaction);
  expect(r.wait.n, what).toBe(e.waits.length);
  expect(r.service.n, what).toBe(e.services.length);
  if (e.waits.length === 0) {
    expect(r.wait, what).toEqual({ n: 0, avgMin: null, medianMin: null, p90Min: null, withinTargetShare: null });
  } else {
    expect(r.wait.avgMin!, what).toBeCloseTo(e.waits.reduce((a, b) => a + b, 0) / e.waits.length, 9);
    expectWithinBucket(r.wait.medianMin, nearestRank(e.waits, 0.5), `${what} wait median`);
    expectWithinBucket(r.wait.p90Min, nearestRank(e.waits, 0.9), `${what} wait p90`);
    expect(r.wait.withinTargetShare!, what).toBeCloseTo(e.waits.filter((w) => w <= target).length / e.waits.length, 12);
  }
  if (e.services.length === 0) {
    expect(r.service, what).toEqual({ n: 0, avgMin: null, medianMin: null, p90Min: null });
  } else {
    expect(r.service.avgMin!, what).toBeCloseTo(e.services.reduce((a, b) => a + b, 0) / e.services.length, 9);
    expectWithinBucket(r.service.medianMin, nearestRank(e.services, 0.5), `${what} service median`);
    expectWithinBucket(r.service.p90Min, nearestRank(e.services, 0.9), `${what} service p90`);
  }
}

const byKey = (r: Report, key: string): ReportRow | undefined => r.rows.find((row) => row.key === key);

// ranges: [from, to, ticket days in it]
const RANGES: Array<[string, string, number, string]> = [
  ['2026-11-01', '2026-11-30', 2, 'November (whole month: month tables)'],
  ['2026-11-02', '2026-11-02', 1, 'one day'],
  ['2026-11-03', '2026-12-01', 2, 'two partial months (day tables)'],
  ['2026-01-01', '2026-12-31', 3, 'the year'],
];

describe('buildReport on a history known by construction', () => {
  it.each(RANGES)('by field, %s – %s', (from, to, days) => {
    const r = report(from, to, 'field');
    expect(r.rows.map((row) => [row.key, row.label])).toEqual([
      ['f-civil', 'Tư pháp – Hộ tịch'],
      ['f-land', 'Đất đai'],
      ['f-cert', 'Chứng thực'],
    ]);
    expectRow(byKey(r, 'f-civil'), lane(1, days), 'A');
    expectRow(byKey(r, 'f-land'), lane(2, days), 'B');
    expectRow(byKey(r, 'f-cert'), none(), 'C');
    expectRow(r.totals, add(lane(1, days), lane(2, days)), 'totals');
    expect(r.totals.label).toBe('Tổng cộng');
    expect(r.range).toEqual({ from, to, days: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1 });
  });

  it.each(RANGES)('by counter, %s – %s', (from, to, days) => {
    const r = report(from, to, 'counter');
    expect(r.rows.map((row) => [row.key, row.label])).toEqual([
      ['c1', 'Quầy 1'],
      ['c2', 'Quầy 2'],
      ['c3', 'Quầy 3'],
      ['', 'Chưa đến quầy'],
    ]);
    expectRow(byKey(r, 'c1'), atCounter(1, days), 'Quầy 1');
    expectRow(byKey(r, 'c2'), atCounter(2, days), 'Quầy 2');
    expectRow(byKey(r, 'c3'), none(), 'Quầy 3');
    expectRow(byKey(r, ''), nobody(days), 'no counter');
    expectRow(r.totals, add(lane(1, days), lane(2, days)), 'totals');
  });

  it.each(RANGES)('by officer, %s – %s', (from, to, days) => {
    const r = report(from, to, 'officer');
    expect(r.rows.map((row) => [row.key, row.label])).toEqual([
      ['o1', 'Nguyễn Thị Lan'],
      ['o2', 'Trần Văn Minh'],
      ['', 'Chưa có cán bộ'],
    ]);
    expectRow(byKey(r, 'o1'), atCounter(1, days), 'Lan');
    expectRow(byKey(r, 'o2'), atCounter(2, days), 'Minh');
    expectRow(byKey(r, ''), nobody(days), 'no officer');
  });

  it.each(RANGES)('by day, %s – %s', (from, to, days) => {
    const r = report(from, to, 'day');
    const inRange = DAYS.filter((d) => d >= from && d <= to);
    expect(inRange).toHaveLength(days);
    expect(r.rows.map((row) => row.key)).toEqual(inRange);
    for (const d of inRange) expectRow(byKey(r, d), add(lane(1, 1), lane(2, 1)), d);
    expect(r.rows[0]?.label).toBe(from === '2026-11-03' ? 'Thứ Ba 03/11/2026' : 'Thứ Hai 02/11/2026');
    expectRow(r.totals, add(lane(1, days), lane(2, days)), 'totals');
  });

  it.each(RANGES)('for all, %s – %s, with arrivals by local hour', (from, to, days) => {
    const r = report(from, to, 'all');
    expect(r.rows.map((row) => [row.key, row.label])).toEqual([['', 'Tất cả']]);
    expectRow(r.rows[0], add(lane(1, days), lane(2, days)), 'all');
    expectRow(r.totals, add(lane(1, days), lane(2, days)), 'totals');
    const hours = new Array<number>(24).fill(0);
    hours[8] = 11 * days;
    hours[14] = 11 * days;
    expect(r.arrivalsByHour).toEqual(hours);
  });

  it('gives exact medians and p90 where every value has its own minute bucket', () => {
    const r = report('2026-11-02', '2026-11-02', 'field');
    const a = byKey(r, 'f-civil')!;
    // waits 5, 10, …, 50: median 25, p90 45, 3 of 10 within 15 minutes
    expect(a.wait).toEqual({ n: 10, avgMin: 27.5, medianMin: 25, p90Min: 45, withinTargetShare: 0.3 });
    // a target of 60 minutes takes them all, of 4 none
    expect(byKey(report('2026-11-02', '2026-11-02', 'field', NOW, 60), 'f-civil')!.wait.withinTargetShare).toBe(1);
    expect(byKey(report('2026-11-02', '2026-11-02', 'field', NOW, 4), 'f-civil')!.wait.withinTargetShare).toBe(0);
  });

  it('is empty, not broken, for a range without anything', () => {
    const r = report('2026-10-01', '2026-10-31', 'field');
    expectRow(r.totals, none(), 'empty');
    expect(r.arrivalsByHour).toEqual(new Array(24).fill(0));
    expect(r.dossiers.totals).toMatchObject({ received: 0, resolutionRate: null, onTimeRate: null });
  });
});

describe('buildReport dossiers', () => {
  const zero = { carriedOver: 0, receivedPost: 0, resolvedOnTime: 0 };
  const A = { ...zero, receivedCounter: 4, receivedOnline: 2, received: 6, toResolve: 6, resolvedEarly: 1, resolvedLate: 2, resolved: 3,
    inProgress: 3, inProgressNotDue: 1, overdue: 2, onlineShare: 0.3333, resolutionRate: 0.5, onTimeRate: 0.3333 };
  const B = { ...zero, receivedCounter: 1, receivedOnline: 1, received: 2, toResolve: 2, resolvedEarly: 1, resolvedLate: 0, resolved: 1,
    inProgress: 1, inProgressNotDue: 1, overdue: 0, onlineShare: 0.5, resolutionRate: 0.5, onTimeRate: 1 };
  const C = { ...zero, receivedCounter: 0, receivedOnline: 0, received: 0, toResolve: 0, resolvedEarly: 0, resolvedLate: 0, resolved: 0,
    inProgress: 0, inProgressNotDue: 0, overdue: 0, onlineShare: null, resolutionRate: null, onTimeRate: null };

  it('per field for November as of now (2026-11-09 10:00): received, resolved early / late, not yet due, overdue, rates', () => {
    const r = report('2026-11-01', '2026-11-30', 'field');
    expect(r.asOf).toBe(NOW);
    expect(r.asOfDay).toBe('2026-11-09');
    expect(r.dossiers.groupBy).toBe('field');
    expect(r.dossiers.rows).toEqual([
      { key: 'f-civil', label: 'Tư pháp – Hộ tịch', ...A },
      { key: 'f-land', label: 'Đất đai', ...B },
      { key: 'f-cert', label: 'Chứng thực', ...C },
    ]);
    expect(r.dossiers.totals).toEqual({
      ...zero, receivedCounter: 5, receivedOnline: 3, received: 8, toResolve: 8, resolvedEarly: 2, resolvedLate: 2, resolved: 4,
      inProgress: 4, inProgressNotDue: 2, overdue: 2, onlineShare: 0.375, resolutionRate: 0.5, onTimeRate: 0.5,
    });
  });

  it('moves a dossier from not yet due to overdue when the day after its due date comes', () => {
    const later = report('2026-11-01', '2026-11-30', 'field', local('2026-11-11', 8));
    expect(later.dossiers.rows[0]).toMatchObject({ key: 'f-civil', inProgressNotDue: 0, overdue: 3 });
    const dueDay = report('2026-11-01', '2026-11-30', 'field', local('2026-11-10', 16));
    expect(dueDay.dossiers.rows[0]).toMatchObject({ key: 'f-civil', inProgressNotDue: 1, overdue: 2 });
  });

  it('per received day, and per counter / officer with online dossiers under "Trực tuyến"', () => {
    const dec2 = local('2026-12-02', 10);
    const byDay = report('2026-11-01', '2026-12-31', 'day', dec2);
    expect(byDay.dossiers.groupBy).toBe('day');
    expect(byDay.dossiers.rows.map((d) => [d.key, d.received, d.inProgressNotDue, d.overdue])).toEqual([
      ['2026-11-02', 8, 1, 3],
      ['2026-12-01', 1, 1, 0],
    ]);
    for (const groupBy of ['counter', 'officer'] as const) {
      const r = report('2026-11-01', '2026-12-31', groupBy, dec2);
      expect(r.dossiers.groupBy).toBe(groupBy);
      // the test history receives dossiers without a counter or officer
      expect(r.dossiers.rows.filter((d) => d.received > 0).map((d) => [d.key, d.label, d.receivedCounter, d.receivedOnline])).toEqual([
        ['', groupBy === 'counter' ? 'Trực tiếp, không rõ quầy' : 'Trực tiếp, không rõ cán bộ', 6, 0],
        ['~online', 'Trực tuyến', 0, 3],
      ]);
      expect(r.dossiers.totals).toMatchObject({ received: 9, receivedCounter: 6, resolved: 4, inProgressNotDue: 2, overdue: 3 });
    }
    const all = report('2026-11-01', '2026-12-31', 'all', dec2);
    expect(all.dossiers.rows).toEqual([{ key: '', label: 'Tất cả', ...all.dossiers.totals }]);
  });

  it('counts a dossier received after the as-of moment nowhere', () => {
    // d9 arrives on 2026-12-01; the hub's clock is 2026-11-09
    expect(report('2026-11-01', '2026-12-31', 'all').dossiers.totals).toMatchObject({ received: 8 });
  });
});
