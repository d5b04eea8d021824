/** Each column of the as-of dossier report on dossiers placed exactly on its edges (docs/reports.md). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DossierAsOfQuery, DossierAsOfSums } from './dossier-report-repo';
import type { Store } from './store';
import { openTempStore, seedConfig, type TempStore } from './test-fixtures';

let temp: TempStore;
let store: Store;
/** Local time in Hanoi (UTC+7). */
const at = (day: string, hh = 0, mm = 0, ms = 0): number => Date.parse(`${day}T00:00:00Z`) + ((hh - 7) * 60 + mm) * 60_000 + ms;
let n = 0;

function dossier(o: { channel?: string; day: string; receivedAt?: number; due: string; resolvedAt?: number | null; returnedAt?: number | null; status?: string; counter?: string | null; officer?: string | null; procedure?: string }): void {
  n += 1;
  const resolved = o.resolvedAt ?? o.returnedAt ?? null;
  store.db.prepare(`INSERT INTO dossiers (id, code, procedure_id, field_id, channel, received_at, received_day, due_date, status, resolved_at,
      returned_at, counter_id, officer_id) VALUES (?, ?, ?, 'f-land', ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(`d${n}`, `C-${n}`, o.procedure ?? 'p1', o.channel ?? 'counter', o.receivedAt ?? at(o.day, 9), o.day, o.due,
      o.status ?? (resolved === null ? 'processing' : 'result_ready'), o.resolvedAt ?? null, o.returnedAt ?? null, o.counter ?? null, o.officer ?? null);
}

const Q = (over: Partial<DossierAsOfQuery> = {}): DossierAsOfQuery => ({
  from: '2025-07-01', to: '2025-09-30', groupBy: 'all', fromStart: at('2025-07-01'), asOf: at('2025-10-01') - 1, asOfDay: '2025-09-30', ...over,
});
const zero: DossierAsOfSums = { key: '', receivedCounter: 0, receivedOnline: 0, receivedPost: 0, carriedOver: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, inProgressNotDue: 0, overdue: 0 };
const only = (q = Q()): DossierAsOfSums => store.dossierReports.asOf(q)[0] ?? zero;

beforeEach(() => {
  temp = openTempStore();
  store = temp.store;
  seedConfig(store);
  store.dossiers.saveProcedure({ id: 'p1', fieldId: 'f-land', code: 'DD-1', name: 'Cấp giấy chứng nhận', processingDays: 3, fee: 0, enabled: true });
  store.dossiers.saveProcedure({ id: 'p2', fieldId: 'f-land', code: 'DD-2', name: 'Đăng ký biến động', processingDays: 3, fee: 0, enabled: true });
});
afterEach(() => temp.cleanup());

describe('DossierReportRepo.asOf', () => {
  it('received: by channel, on a day of the range, at or before asOf', () => {
    dossier({ channel: 'counter', day: '2025-07-01', receivedAt: at('2025-07-01'), due: '2025-12-01' });
    dossier({ channel: 'online', day: '2025-09-30', receivedAt: at('2025-09-30', 23, 59, 59_999), due: '2025-12-01' });
    dossier({ channel: 'post', day: '2025-08-01', due: '2025-12-01' });
    dossier({ channel: 'counter', day: '2025-10-01', receivedAt: at('2025-10-01'), due: '2025-12-01' }); // after the range
    dossier({ channel: 'counter', day: '2025-06-30', receivedAt: at('2025-07-01') - 1, due: '2025-12-01' }); // before: carried
    expect(only()).toMatchObject({ receivedCounter: 1, receivedOnline: 1, receivedPost: 1, carriedOver: 1 });
    // as of noon on 1 August, the one of 30 September was not received yet
    expect(only(Q({ asOf: at('2025-08-01', 12), asOfDay: '2025-08-01' }))).toMatchObject({ receivedCounter: 1, receivedOnline: 0, receivedPost: 1 });
  });

  it('carried over: received before the range, not resolved before its first instant', () => {
    dossier({ day: '2025-06-10', due: '2025-06-20', resolvedAt: at('2025-07-01') - 1 }); // resolved in June: no
    dossier({ day: '2025-06-10', due: '2025-06-20', resolvedAt: at('2025-07-01') }); // at the first instant: yes
    dossier({ day: '2025-03-10', due: '2025-03-20' }); // never resolved: yes
    dossier({ day: '2025-06-10', due: '2025-06-20', resolvedAt: null, returnedAt: at('2025-07-02'), status: 'returned' }); // returned only: yes
    expect(only()).toMatchObject({ carriedOver: 3, receivedCounter: 0, resolvedLate: 2, overdue: 1 });
  });

  it('resolved early / on time / late by the local day of the result against the due date', () => {
    dossier({ day: '2025-07-01', due: '2025-07-04', resolvedAt: at('2025-07-03', 23, 59) }); // early
    dossier({ day: '2025-07-01', due: '2025-07-04', resolvedAt: at('2025-07-04') }); // on time
    dossier({ day: '2025-07-01', due: '2025-07-04', resolvedAt: at('2025-07-04', 23, 59, 59_999) }); // on time
    dossier({ day: '2025-07-01', due: '2025-07-04', resolvedAt: at('2025-07-05', 0, 30) }); // late (still 04/07 in UTC)
    dossier({ day: '2025-07-01', due: '2025-07-04', resolvedAt: at('2025-07-02'), status: 'rejected' }); // a refusal is a result: early
    dossier({ day: '2025-07-01', due: '2025-07-04', resolvedAt: at('2025-07-03'), returnedAt: at('2025-07-09'), status: 'returned' }); // by the result, not the hand-back
    expect(only()).toMatchObject({ resolvedEarly: 3, resolvedOnTime: 2, resolvedLate: 1, inProgressNotDue: 0, overdue: 0 });
  });

  it('in progress at asOf: resolved after it counts as in progress; due on asOf\'s day is not overdue', () => {
    dossier({ day: '2025-09-01', due: '2025-09-30', resolvedAt: at('2025-10-01') }); // due that day: not due
    dossier({ day: '2025-09-01', due: '2025-09-29', resolvedAt: at('2025-10-01') }); // overdue
    dossier({ day: '2025-09-01', due: '2025-10-10' }); // not due
    dossier({ day: '2025-09-01', due: '2025-09-05', status: 'needs_supplement' }); // overdue
    expect(only()).toMatchObject({ inProgressNotDue: 2, overdue: 2, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0 });
  });

  it('groups by field, procedure, counter and officer (online and post apart), day (carried over apart)', () => {
    dossier({ day: '2025-07-01', due: '2025-12-01', counter: 'c1', officer: 'o1', procedure: 'p2' });
    dossier({ day: '2025-07-02', due: '2025-12-01', counter: null, officer: null });
    dossier({ channel: 'online', day: '2025-07-02', due: '2025-12-01' });
    dossier({ channel: 'post', day: '2025-07-02', due: '2025-12-01' });
    dossier({ day: '2025-06-02', due: '2025-12-01', counter: 'c1', officer: 'o1' });
    const keys = (groupBy: DossierAsOfQuery['groupBy']): Array<[string, number]> =>
      store.dossierReports.asOf(Q({ groupBy })).map((s): [string, number] => [s.key, s.receivedCounter + s.receivedOnline + s.receivedPost + s.carriedOver]).sort();
    expect(keys('counter')).toEqual([['', 1], ['c1', 2], ['~online', 1], ['~post', 1]]);
    expect(keys('officer')).toEqual([['', 1], ['o1', 2], ['~online', 1], ['~post', 1]]);
    expect(keys('procedure')).toEqual([['p1', 4], ['p2', 1]]);
    expect(keys('field')).toEqual([['f-land', 5]]);
    expect(keys('day')).toEqual([['2025-07-01', 1], ['2025-07-02', 3], ['~carried', 1]]);
  });

  it('reads the range through the covering index of 0012 and the carried-over ones by their result time', () => {
    const plan = (sql: string): string => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((p) => p.detail).join(' ');
    expect(plan(`SELECT channel, due_date, resolved_at, returned_at, procedure_id, counter_id, officer_id, field_id FROM dossiers
      INDEXED BY dossiers_report_received WHERE received_day BETWEEN '2025-07-01' AND '2025-09-30' AND received_at <= 0`))
      .toMatch(/COVERING INDEX dossiers_report_received \(received_day>\? AND received_day<\?\)/);
    expect(plan(`SELECT due_date FROM dossiers INDEXED BY dossiers_report_settled
      WHERE COALESCE(resolved_at, returned_at, 9007199254740991) >= 0 AND received_day < '2025-07-01'`))
      .toMatch(/INDEX dossiers_report_settled \(<expr>>\?\)/);
  });
});
