/**
 * Property: for any history written through the repositories (tickets moved by core's
 * lifecycle in any legal order, ratings, dossiers moved by core's status machine, the month
 * rollups folded at any point to any month around it: migration 0007), the rollups
 * the triggers keep equal what is computed straight from the raw rows, and the ReportRepo
 * answers equal sums of the day rows whatever the range.
 */
import {
  RATING_LEVELS,
  callTicket,
  canChangeDossierStatus,
  canTransition,
  cancelTicket,
  changeDossierStatus,
  dossierProgress,
  finishTicket,
  markNoShow,
  recallTicket,
  startServing,
  transferTicket,
  type Dossier,
  type DossierStatus,
  type RatingLevel,
  type Ticket,
  type TicketAction,
} from '@qms/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { migrate } from './migrate';
import { bucketOfMs } from './report-histogram';
import { addDays } from './report-range';
import { REPORT_GROUP_BYS } from './report-repo';
import { Store } from './store';
import { COUNTERS, FIELDS, OFFICERS, makeSite, makeTicket } from './test-fixtures';

const DAYS = ['2026-11-27', '2026-11-30', '2026-12-01'] as const;
const FIELD_IDS = ['f-land', 'f-civil'] as const;
const MIN = 60_000;
const localMidnight = (day: string): number => Date.parse(`${day}T00:00:00Z`) - 7 * 3_600_000;

interface Step {
  action: TicketAction;
  counter: 'c1' | 'c2';
  officer: 'o1' | 'o2' | null;
  toField: boolean;
  dtSec: number;
}
interface TicketScript {
  day: number;
  field: number;
  issueMin: number;
  steps: Step[];
  rating: RatingLevel | null;
}
interface DossierScript {
  day: number;
  field: number;
  online: boolean;
  dueOffset: number;
  path: Array<{ to: DossierStatus; afterMin: number }>;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  action: fc.constantFrom<TicketAction>('call', 'call', 'recall', 'start', 'finish', 'finish', 'no_show', 'transfer', 'cancel'),
  counter: fc.constantFrom('c1' as const, 'c2' as const),
  officer: fc.constantFrom('o1' as const, 'o2' as const, null),
  toField: fc.boolean(),
  dtSec: fc.integer({ min: 1, max: 2 * 3600 }),
});
const ticketArb: fc.Arbitrary<TicketScript> = fc.record({
  day: fc.integer({ min: 0, max: DAYS.length - 1 }),
  field: fc.integer({ min: 0, max: 1 }),
  issueMin: fc.integer({ min: 0, max: 17 * 60 }),
  steps: fc.array(stepArb, { maxLength: 8 }),
  rating: fc.option(fc.constantFrom(...RATING_LEVELS), { nil: null }),
});
const dossierArb: fc.Arbitrary<DossierScript> = fc.record({
  day: fc.integer({ min: 0, max: DAYS.length - 1 }),
  field: fc.integer({ min: 0, max: 1 }),
  online: fc.boolean(),
  dueOffset: fc.integer({ min: 0, max: 6 }),
  path: fc.array(
    fc.record({
      to: fc.constantFrom<DossierStatus>('needs_supplement', 'processing', 'rejected', 'result_ready', 'returned'),
      afterMin: fc.integer({ min: 1, max: 6 * 24 * 60 }),
    }),
    { maxLength: 4 },
  ),
});

function openStore(version?: number): Store {
  const db = openDatabase(':memory:');
  migrate(db, version);
  const store = new Store(db);
  store.transaction(() => {
    store.config.saveSite(makeSite(), 0);
    for (const f of FIELDS) store.config.saveField(f);
    for (const o of OFFICERS) store.accounts.saveOfficer(o, 0);
    for (const c of COUNTERS) store.config.saveCounter(c);
    // plain SQL: the store is opened at older schema versions too (procedures gained cutoff_time in 0010)
    db.prepare("INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES ('p1', 'f-land', 'P1', 'Thủ tục', 3)").run();
  });
  return store;
}

type Key = string;
const k = (...parts: Array<string | null>): Key => parts.map((p) => p ?? '').join('|');

/** Event figures the raw rows cannot tell (they keep only the last state), tracked as they happen. */
interface EventModel {
  calls: Map<Key, number>;
  transfers: Map<Key, number>;
  waits: Map<Key, { n: number; sum: number }>;
  waitHist: Map<Key, number>;
}

const bump = (m: Map<Key, number>, key: Key, by = 1): void => {
  m.set(key, (m.get(key) ?? 0) + by);
};

/** Writes the history through the repositories; returns the event model and the dossiers. */
/** A fold of the month rollups (migration 0007) after ticket `after` of the history. */
interface FoldScript {
  after: number;
  month: string;
}

function writeHistory(store: Store, tickets: TicketScript[], dossiers: DossierScript[], folds: FoldScript[] = []): { model: EventModel; written: Dossier[] } {
  const model: EventModel = { calls: new Map(), transfers: new Map(), waits: new Map(), waitHist: new Map() };
  const written: Dossier[] = [];
  store.transaction(() => {
    tickets.forEach((s, i) => {
      const day = DAYS[s.day]!;
      const field = FIELD_IDS[s.field]!;
      let at = localMidnight(day) + (7 * 60 + s.issueMin) * MIN + i;
      let t: Ticket = makeTicket({ id: `t${i}`, serviceDay: day, fieldId: field, numberFieldId: field, seq: i + 1, number: `N${i}`, issuedAt: at });
      store.tickets.insert(t);
      let first = true;
      for (const step of s.steps) {
        if (!canTransition(t.status, step.action)) continue;
        at += step.dtSec * 1000;
        const before = t;
        if (step.action === 'call') t = callTicket(t, { counterId: step.counter, officerId: step.officer, at });
        else if (step.action === 'recall') t = recallTicket(t, { at });
        else if (step.action === 'start') t = startServing(t, { at });
        else if (step.action === 'finish') t = finishTicket(t, { at });
        else if (step.action === 'no_show') t = markNoShow(t, { at });
        else if (step.action === 'cancel') t = cancelTicket(t, { at });
        else {
          const other = t.fieldId === 'f-land' ? 'f-civil' : 'f-land';
          t = transferTicket(t, step.toField ? { toFieldId: other, at } : { toCounterId: step.counter, at });
        }
        store.tickets.update(t);
        if (step.action === 'call' || step.action === 'recall') {
          const dims = k(day, t.fieldId, t.counterId, t.officerId);
          bump(model.calls, dims);
          if (first) {
            first = false;
            const w = model.waits.get(dims) ?? { n: 0, sum: 0 };
            model.waits.set(dims, { n: w.n + 1, sum: w.sum + (at - t.issuedAt) });
            const b = bucketOfMs(at - t.issuedAt);
            for (const [dim, id] of [['all', ''], ['field', t.fieldId], ['counter', t.counterId], ['officer', t.officerId]] as const) {
              bump(model.waitHist, k(dim, day, id, String(b)));
            }
          }
        }
        if (step.action === 'transfer') bump(model.transfers, k(day, before.fieldId, before.counterId, before.officerId));
      }
      if (s.rating && t.status === 'done') {
        store.ratings.save({ ticketId: t.id, counterId: t.counterId, officerId: t.officerId, level: s.rating, at: at + 1000, deviceId: null });
      }
      for (const f of folds) if (f.after === i) store.reports.foldMonths(f.month);
    });
    dossiers.forEach((s, i) => {
      const day = DAYS[s.day]!;
      let at = localMidnight(day) + 9 * 60 * MIN;
      let d: Dossier = {
        id: `d${i}`,
        code: `CODE-${i}`,
        procedureId: 'p1',
        fieldId: FIELD_IDS[s.field]!,
        channel: s.online ? 'online' : 'counter',
        ticketId: null,
        applicant: { fullName: '', cccd: null, phone: null, birthDate: null, address: null },
        receivedAt: at,
        dueDate: addDays(day, s.dueOffset),
        status: 'processing',
        resolvedAt: null,
        returnedAt: null,
        counterId: null,
        officerId: null,
        note: null,
      };
      store.dossiers.insert(d, day, i + 1);
      for (const step of s.path) {
        if (!canChangeDossierStatus(d.status, step.to)) continue;
        at += step.afterMin * MIN;
        d = changeDossierStatus(d, step.to, at);
        store.dossiers.updateStatus(d);
      }
      written.push(d);
    });
  });
  return { model, written };
}

type Row = Record<string, number | string>;
/** Rows as `key -> value` for the non-zero values of `cols`. */
function table(store: Store, sql: string, keyCols: string[], cols: string[]): Map<Key, number> {
  const out = new Map<Key, number>();
  for (const r of store.db.prepare<[], Row>(sql).all()) {
    for (const c of cols) {
      const v = Number(r[c] ?? 0);
      if (v !== 0) out.set(k(...keyCols.map((kc) => String(r[kc])), c), v);
    }
  }
  return out;
}

const STATE_COLS = ['issued', 'served', 'no_show', 'cancelled', 'service_n', 'service_sum_ms', 'rated_very_satisfied', 'rated_satisfied', 'rated_neutral', 'rated_unsatisfied'];

/** The state figures of ticket_daily, straight from tickets and ratings. */
function rawStateFigures(store: Store): Map<Key, number> {
  return table(
    store,
    `SELECT day, field_id, counter_id, officer_id, SUM(issued) AS issued, SUM(served) AS served, SUM(no_show) AS no_show,
       SUM(cancelled) AS cancelled, SUM(service_n) AS service_n, SUM(service_sum_ms) AS service_sum_ms,
       SUM(rvs) AS rated_very_satisfied, SUM(rs) AS rated_satisfied, SUM(rn) AS rated_neutral, SUM(ru) AS rated_unsatisfied
     FROM (
       SELECT service_day AS day, number_field_id AS field_id, '' AS counter_id, '' AS officer_id, 1 AS issued, 0 AS served,
         0 AS no_show, 0 AS cancelled, 0 AS service_n, 0 AS service_sum_ms, 0 AS rvs, 0 AS rs, 0 AS rn, 0 AS ru FROM tickets
       UNION ALL
       SELECT service_day, field_id, COALESCE(counter_id, ''), COALESCE(officer_id, ''), 0, status = 'done', status = 'no_show',
         status = 'cancelled', status = 'done' AND serving_at IS NOT NULL AND date(finished_at / 1000 + 25200, 'unixepoch') = service_day,
         CASE WHEN status = 'done' AND serving_at IS NOT NULL AND date(finished_at / 1000 + 25200, 'unixepoch') = service_day
           THEN finished_at - serving_at ELSE 0 END, 0, 0, 0, 0 FROM tickets
       UNION ALL
       SELECT t.service_day, t.field_id, COALESCE(r.counter_id, ''), COALESCE(r.officer_id, ''), 0, 0, 0, 0, 0, 0,
         r.level = 'very_satisfied', r.level = 'satisfied', r.level = 'neutral', r.level = 'unsatisfied'
       FROM ratings r JOIN tickets t ON t.id = r.ticket_id
     ) GROUP BY 1, 2, 3, 4`,
    ['day', 'field_id', 'counter_id', 'officer_id'],
    STATE_COLS,
  );
}

function rollupFigures(store: Store, cols: string[]): Map<Key, number> {
  return table(store, 'SELECT * FROM ticket_daily', ['day', 'field_id', 'counter_id', 'officer_id'], cols);
}

function serviceHistRaw(store: Store): Map<Key, number> {
  const out = new Map<Key, number>();
  const rows = store.db
    .prepare<[], { day: string; f: string; c: string | null; o: string | null; ms: number; at: number }>(
      "SELECT service_day AS day, field_id AS f, counter_id AS c, officer_id AS o, finished_at - serving_at AS ms, finished_at AS at FROM tickets WHERE status = 'done' AND serving_at IS NOT NULL",
    )
    .all();
  for (const r of rows) {
    // only tickets finished on their own (local) day have a service time
    if (new Date(r.at + 7 * 3_600_000).toISOString().slice(0, 10) !== r.day) continue;
    const b = String(bucketOfMs(r.ms));
    for (const [dim, id] of [['all', ''], ['field', r.f], ['counter', r.c], ['officer', r.o]] as const) bump(out, k(dim, r.day, id, b, 'n'));
  }
  return out;
}

function monthOf(map: Map<Key, number>, dayIndex: number): Map<Key, number> {
  const out = new Map<Key, number>();
  for (const [key, v] of map) {
    const parts = key.split('|');
    parts[dayIndex] = parts[dayIndex]!.slice(0, 7);
    bump(out, parts.join('|'), v);
  }
  for (const [key, v] of out) if (v === 0) out.delete(key);
  return out;
}

function dossierCohortRaw(written: readonly Dossier[]): Map<Key, number> {
  const out = new Map<Key, number>();
  for (const d of written) {
    const day = new Date(d.receivedAt + 7 * 3_600_000).toISOString().slice(0, 10);
    const base = [day, d.fieldId, d.channel];
    const resolved = ['result_ready', 'rejected', 'returned'].includes(d.status);
    bump(out, k(...base, 'received'));
    if (resolved) bump(out, k(...base, 'resolved'));
    if (resolved && dossierProgress(d, Date.UTC(2030, 0, 1)) === 'resolved_on_time') bump(out, k(...base, 'resolved_on_time'));
    if (d.status === 'rejected') bump(out, k(...base, 'rejected'));
    if (d.status === 'returned') bump(out, k(...base, 'returned'));
  }
  return out;
}

const sorted = (m: Map<Key, number>): Array<[Key, number]> => [...m].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1));

const historyArb = fc.record({ tickets: fc.array(ticketArb, { maxLength: 25 }), dossiers: fc.array(dossierArb, { maxLength: 12 }) });
/** Folds at any point of a history, to months around its days (forward, back, or none). */
const foldsArb: fc.Arbitrary<FoldScript[]> = fc.array(
  fc.record({ after: fc.integer({ min: 0, max: 24 }), month: fc.constantFrom('2026-10', '2026-11', '2026-12', '2027-01') }),
  { maxLength: 3 },
);

/** Month rows the month tables must hold: the month sums of the day rows, for the months before the open one. */
function closedMonthsOf(map: Map<Key, number>, dayIndex: number, openMonth: string): Map<Key, number> {
  const out = monthOf(map, dayIndex);
  for (const key of [...out.keys()]) if (key.split('|')[dayIndex]! >= openMonth) out.delete(key);
  return out;
}

describe('rollups equal the raw rows for any history', () => {
  it('ticket figures, histograms, arrivals, ratings, dossiers, month tables and repo answers', () => {
    fc.assert(
      fc.property(historyArb, foldsArb, ({ tickets, dossiers }, folds) => {
        const store = openStore();
        try {
          const { model, written } = writeHistory(store, tickets, dossiers, folds);
          const openMonth = store.reports.openMonth();
          // state figures: a function of the rows
          expect(sorted(rollupFigures(store, STATE_COLS))).toEqual(sorted(rawStateFigures(store)));
          // event figures: as they happened
          const events = new Map<Key, number>();
          for (const [key, n] of model.calls) bump(events, `${key}|called`, n);
          for (const [key, n] of model.transfers) bump(events, `${key}|transferred`, n);
          for (const [key, w] of model.waits) {
            bump(events, `${key}|wait_n`, w.n);
            bump(events, `${key}|wait_sum_ms`, w.sum);
          }
          expect(sorted(rollupFigures(store, ['called', 'transferred', 'wait_n', 'wait_sum_ms']))).toEqual(sorted(events));
          // per day, the wait also equals first_called_at - issued_at of the rows
          const rawWait = table(store, 'SELECT service_day AS day, COUNT(*) AS n, SUM(first_called_at - issued_at) AS s FROM tickets WHERE first_called_at IS NOT NULL GROUP BY 1', ['day'], ['n', 's']);
          const rollWait = table(store, 'SELECT day, SUM(wait_n) AS n, SUM(wait_sum_ms) AS s FROM ticket_daily GROUP BY 1', ['day'], ['n', 's']);
          expect(sorted(rollWait)).toEqual(sorted(rawWait));
          // histograms
          const waitHist = table(store, 'SELECT * FROM wait_hist', ['dim', 'day', 'dim_id', 'bucket'], ['n']);
          expect(sorted(waitHist)).toEqual(sorted(new Map([...model.waitHist].map(([key, n]) => [`${key}|n`, n]))));
          const serviceHist = table(store, 'SELECT * FROM service_hist', ['dim', 'day', 'dim_id', 'bucket'], ['n']);
          expect(sorted(serviceHist)).toEqual(sorted(serviceHistRaw(store)));
          // month tables follow the day tables, for the months before the open one (all of them when none was opened)
          const month = (t: string, keys: string[], cols: string[]) => sorted(table(store, `SELECT * FROM ${t}`, keys, cols));
          expect(month('wait_hist_monthly', ['dim', 'month', 'dim_id', 'bucket'], ['n'])).toEqual(sorted(closedMonthsOf(waitHist, 1, openMonth)));
          expect(month('service_hist_monthly', ['dim', 'month', 'dim_id', 'bucket'], ['n'])).toEqual(sorted(closedMonthsOf(serviceHist, 1, openMonth)));
          const allCols = [...STATE_COLS, 'called', 'transferred', 'wait_n', 'wait_sum_ms'];
          expect(month('ticket_monthly', ['month', 'field_id', 'counter_id', 'officer_id'], allCols)).toEqual(
            sorted(closedMonthsOf(rollupFigures(store, allCols), 0, openMonth)),
          );
          const rowsFromOpen = store.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM ticket_monthly WHERE month >= ?').get(openMonth);
          expect(rowsFromOpen?.n).toBe(0);
          // arrivals
          const arrivals = table(store, 'SELECT * FROM arrivals_hourly', ['day', 'field_id', 'hour'], ['n']);
          const rawArrivals = new Map<Key, number>();
          for (const t of store.db.prepare<[], { d: string; f: string; at: number }>('SELECT service_day AS d, number_field_id AS f, issued_at AS at FROM tickets').all()) {
            bump(rawArrivals, k(t.d, t.f, String(new Date(t.at + 7 * 3_600_000).getUTCHours()), 'n'));
          }
          expect(sorted(arrivals)).toEqual(sorted(rawArrivals));
          expect(month('arrivals_monthly', ['month', 'field_id', 'hour'], ['n'])).toEqual(sorted(closedMonthsOf(arrivals, 0, openMonth)));
          // dossiers, judged by core (Intl local dates) against the SQL of the triggers
          const cohortCols = ['received', 'resolved', 'resolved_on_time', 'rejected', 'returned'];
          expect(sorted(table(store, 'SELECT * FROM dossier_cohort', ['received_day', 'field_id', 'channel'], cohortCols))).toEqual(
            sorted(dossierCohortRaw(written)),
          );
          // open dossiers as of a day, against core's dossierProgress
          const now = Date.UTC(2026, 11, 2, 3, 0);
          const open = store.reports.openDossiers({ from: DAYS[0], to: DAYS[2], groupBy: 'all' }, '2026-12-02');
          expect(open.reduce((s, r) => s + r.overdue, 0)).toBe(written.filter((d) => dossierProgress(d, now) === 'overdue').length);
          expect(open.reduce((s, r) => s + r.inProgressNotDue, 0)).toBe(written.filter((d) => dossierProgress(d, now) === 'in_progress_not_due').length);
          // repo answers over ranges that use the month tables (where they may) equal raw counts
          for (const [from, to] of [['2026-11-01', '2026-12-31'], ['2026-11-28', '2026-12-01'], ['2026-11-01', '2026-11-30'], ['2026-10-01', '2027-01-31']] as const) {
            for (const groupBy of REPORT_GROUP_BYS) {
              const sums = store.reports.ticketSums({ from, to, groupBy });
              const issued = store.db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE service_day BETWEEN ? AND ?').get(from, to)!.n;
              expect(sums.reduce((s, r) => s + r.issued, 0)).toBe(issued);
              const waits = store.reports.waitHistograms({ from, to, groupBy });
              const waitN = [...waits.values()].reduce((s, h) => s + h.reduce((a, b) => a + b, 0), 0);
              expect(waitN).toBe(sums.reduce((s, r) => s + r.waitN, 0));
              const arrivals = store.reports.arrivalsByHour({ from, to }).reduce((a, b) => a + b, 0);
              expect(arrivals).toBe(issued);
            }
          }
          // nothing negative anywhere
          for (const t of ['ticket_daily', 'ticket_monthly', 'wait_hist', 'service_hist', 'arrivals_hourly', 'dossier_cohort']) {
            const cols = store.db.prepare<[], { name: string; type: string }>(`SELECT name, type FROM pragma_table_info('${t}')`).all().filter((c) => c.type === 'INTEGER');
            const neg = store.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${t} WHERE ${cols.map((c) => `${c.name} < 0`).join(' OR ')}`).get()!.n;
            expect(neg, t).toBe(0);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the migration backfill gives the same state figures as the triggers', () => {
    fc.assert(
      fc.property(historyArb, ({ tickets, dossiers }) => {
        const live = openStore();
        const old = openStore(4);
        try {
          writeHistory(live, tickets, dossiers);
          writeHistory(old, tickets, dossiers);
          migrate(old.db);
          expect(sorted(rollupFigures(old, STATE_COLS))).toEqual(sorted(rollupFigures(live, STATE_COLS)));
          for (const [t, keys, cols] of [
            ['service_hist', ['dim', 'day', 'dim_id', 'bucket'], ['n']],
            ['service_hist_monthly', ['dim', 'month', 'dim_id', 'bucket'], ['n']],
            ['arrivals_hourly', ['day', 'field_id', 'hour'], ['n']],
            ['arrivals_monthly', ['month', 'field_id', 'hour'], ['n']],
            ['dossier_cohort', ['received_day', 'field_id', 'channel'], ['received', 'resolved', 'resolved_on_time', 'rejected', 'returned']],
          ] as const) {
            const q = (s: Store) => sorted(table(s, `SELECT * FROM ${t}`, [...keys], [...cols]));
            expect(q(old), t).toEqual(q(live));
          }
          // day totals of the transfers agree as well (the backfill does not know from where)
          const perDay = (s: Store) => sorted(table(s, 'SELECT day, SUM(transferred) AS x FROM ticket_daily GROUP BY 1', ['day'], ['x']));
          expect(perDay(old)).toEqual(perDay(live));
        } finally {
          live.close();
          old.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});
