/**
 * Proof of issue 20: a quarter whose truth is known (./quarter-history) reported as of its last
 * instant gives the same figures on the morning after the quarter and months later ("today's
 * clock"), and every figure of every group equals the definition of docs/reports.md applied to
 * the generated dossiers. The report runs as the hub runs it: in a job worker over the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '@qms/core';
import { ConfigCache } from '../domain/config-cache';
import { localDayStart, withTotals } from './dossier-figures';
import { Q_END, Q_FROM, Q_START, Q_TO, addDays, at, quarterDossiers, writeQuarterUpTo, type QuarterDossier } from './quarter-history';
import { reportInWorker } from './report-job';
import { openHistoryStore, seedConfig, type TempHub } from './test-history';
import type { DossierFigures, Report, ReportGroupBy } from './types';

const FILED = at('2025-10-01', 8);
const TODAY = at('2026-01-20', 10);
const GROUPINGS = ['field', 'procedure', 'counter', 'officer', 'all'] as const;
const list = quarterDossiers();
let hub: TempHub;
const filed = new Map<ReportGroupBy, Report>();
const today = new Map<ReportGroupBy, Report>();

const localDay = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

/** The definitions of docs/reports.md, applied to one generated dossier as of `asOf`. */
function classify(q: QuarterDossier, asOf: number): { carried: boolean; received: boolean; outcome: 'early' | 'onTime' | 'late' | 'notDue' | 'overdue' } | null {
  const resolvedAt = q.steps.find(([s]) => s === 'result_ready' || s === 'rejected' || s === 'returned')?.[1];
  const received = q.receivedDay >= Q_FROM && q.receivedDay <= Q_TO && q.receivedAt <= asOf;
  const carried = q.receivedDay < Q_FROM && (resolvedAt === undefined || resolvedAt >= Q_START);
  if (!received && !carried) return null;
  if (resolvedAt !== undefined && resolvedAt <= asOf) {
    const day = localDay(resolvedAt);
    return { carried, received, outcome: day < q.due ? 'early' : day === q.due ? 'onTime' : 'late' };
  }
  return { carried, received, outcome: q.due < localDay(asOf) ? 'overdue' : 'notDue' };
}

function keyOf(q: QuarterDossier, groupBy: ReportGroupBy): string {
  const own = (id: string | null): string => (q.channel === 'counter' ? (id ?? '') : q.channel === 'online' ? '~online' : '~post');
  if (groupBy === 'field') return q.fieldId;
  if (groupBy === 'procedure') return q.procedureId;
  if (groupBy === 'counter') return own(q.counterId);
  if (groupBy === 'officer') return own(q.officerId);
  return '';
}

function model(groupBy: ReportGroupBy, asOf: number): Map<string, DossierFigures> {
  const sums = new Map<string, Parameters<typeof withTotals>[0]>();
  for (const q of list) {
    const c = classify(q, asOf);
    if (!c) continue;
    const key = keyOf(q, groupBy);
    const s = sums.get(key) ?? { key, receivedCounter: 0, receivedOnline: 0, receivedPost: 0, carriedOver: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, inProgressNotDue: 0, overdue: 0 };
    if (c.carried) s.carriedOver += 1;
    else if (q.channel === 'counter') s.receivedCounter += 1;
    else if (q.channel === 'online') s.receivedOnline += 1;
    else s.receivedPost += 1;
    const field = ({ early: 'resolvedEarly', onTime: 'resolvedOnTime', late: 'resolvedLate', notDue: 'inProgressNotDue', overdue: 'overdue' } as const)[c.outcome];
    s[field] += 1;
    sums.set(key, s);
  }
  return new Map([...sums].map(([k, s]) => [k, withTotals(s)]));
}

async function run(now: number, groupBy: ReportGroupBy, asOf?: number): Promise<Report> {
  const options = { from: Q_FROM, to: Q_TO, groupBy, targetWaitMinutes: 15, now, ...(asOf === undefined ? {} : { asOf }) };
  return (await reportInWorker(hub.store, new ConfigCache(hub.store), options)).report;
}

beforeAll(async () => {
  hub = openHistoryStore();
  seedConfig(hub.store);
  hub.store.dossiers.saveProcedure({ id: 'p-civil-2', fieldId: 'f-civil', code: 'P-civil-2', name: 'Đăng ký khai sinh', processingDays: 3, fee: 0, enabled: true });
  const done = new Map<string, { d: Dossier; steps: number }>();
  writeQuarterUpTo(hub.store, list, FILED, done);
  for (const g of GROUPINGS) filed.set(g, await run(FILED, g));
  // what happened after the report was filed: October's receptions, results of the open ones
  writeQuarterUpTo(hub.store, list, TODAY, done);
  for (const g of GROUPINGS) today.set(g, await run(TODAY, g));
}, 60_000);
afterAll(() => hub.cleanup());

describe('a past quarter as of its end, with today\'s clock', () => {
  it('defaults asOf to the quarter\'s last instant and names it', () => {
    expect(Q_END).toBe(localDayStart('2025-10-01') - 1);
    for (const r of [...filed.values(), ...today.values()]) {
      expect(r.asOf).toBe(Q_END);
      expect(r.asOfDay).toBe('2025-09-30');
    }
    expect(today.get('all')!.generatedAt).toBe(TODAY);
  });

  it('gives the totals the quarter was built with', () => {
    expect(today.get('all')!.dossiers.totals).toEqual({
      carriedOver: 16, receivedCounter: 75, receivedOnline: 75, receivedPost: 11, received: 161, toResolve: 177,
      resolvedEarly: 84, resolvedOnTime: 47, resolvedLate: 22, resolved: 153,
      inProgress: 24, inProgressNotDue: 17, overdue: 7,
      onlineShare: 0.4658, resolutionRate: 0.8644, onTimeRate: 0.8562,
    });
  });

  it.each(GROUPINGS)('gives the same figures months later as on the morning it was filed, by %s', (g) => {
    const a = filed.get(g)!;
    const b = today.get(g)!;
    expect(b.dossiers).toEqual(a.dossiers);
  });

  it.each(GROUPINGS)('gives every figure of every group as defined, by %s', (g) => {
    const r = today.get(g)!;
    const expected = model(g, Q_END);
    const shown = new Map(r.dossiers.rows.map(({ key, label: _label, ...f }) => [key, f]));
    for (const [key, f] of expected) expect(shown.get(key), `${g} ${key}`).toEqual(f);
    // groups without any dossier (an unused counter) are zeros, and the rows add up to the totals
    for (const [key, f] of shown) if (!expected.has(key)) expect(f.toResolve, `${g} ${key}`).toBe(0);
    expect(r.dossiers.rows.reduce((n, row) => n + row.toResolve, 0)).toBe(r.dossiers.totals.toResolve);
  });

  it('names online and post dossiers and the procedures by name', () => {
    const byCounter = today.get('counter')!.dossiers.rows.map((r) => r.label);
    expect(byCounter).toEqual(expect.arrayContaining(['Quầy 1', 'Quầy 2', 'Trực tuyến', 'Bưu chính']));
    expect(today.get('officer')!.dossiers.rows.map((r) => r.label)).toEqual(['Nguyễn Thị Lan', 'Trần Văn Minh', 'Trực tuyến', 'Bưu chính']);
    expect(today.get('procedure')!.dossiers.rows.map((r) => r.label)).toContain('Đăng ký khai sinh');
  });

  it('differs as of another moment: as of now all but one have their result, that one is overdue', async () => {
    const now = await run(TODAY, 'all', TODAY);
    // the one received at 23:59 on 30/09, due 03/10, never resolved
    expect(now.dossiers.totals).toMatchObject({ toResolve: 177, resolved: 176, inProgress: 1, overdue: 1, inProgressNotDue: 0 });
    const mid = await run(TODAY, 'all', at('2025-08-15', 12));
    expect(mid.dossiers.totals).toEqual(model('all', at('2025-08-15', 12)).get(''));
    expect(addDays(Q_TO, 1)).toBe('2025-10-01');
  });
});
