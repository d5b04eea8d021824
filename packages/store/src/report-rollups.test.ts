/**
 * The rollup triggers of migration 0005, driven through the real repositories: each scenario
 * checks the rollup rows a known sequence of changes leaves behind.
 */
import {
  callTicket,
  cancelTicket,
  changeDossierStatus,
  finishTicket,
  markNoShow,
  recallTicket,
  startServing,
  transferTicket,
  type Dossier,
  type Ticket,
} from '@qms/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, MINUTE, T0, makeTicket, openTempStore, seedConfig, type TempStore } from './test-fixtures';
import { partsOf } from './report-repo';
import type { Store } from './store';

let temp: TempStore;
let store: Store;

beforeEach(() => {
  temp = openTempStore();
  store = temp.store;
  seedConfig(store);
  store.dossiers.saveProcedure({ id: 'p1', fieldId: 'f-land', code: 'DD-1', name: 'Cấp giấy chứng nhận', processingDays: 3, fee: 0, enabled: true });
});
afterEach(() => temp.cleanup());

type Row = Record<string, string | number>;

function rows(sql: string): Row[] {
  return store.db.prepare<[], Row>(sql).all();
}

function daily(): Row[] {
  return rows(
    `SELECT field_id, counter_id, officer_id, issued, called, served, no_show, cancelled, transferred, wait_n, wait_sum_ms,
       service_n, service_sum_ms FROM ticket_daily WHERE day = '${DAY}' ORDER BY field_id, counter_id, officer_id`,
  ).filter((r) => Object.entries(r).some(([k, v]) => typeof v === 'number' && v !== 0 && k !== 'day'));
}

const zero = { issued: 0, called: 0, served: 0, no_show: 0, cancelled: 0, transferred: 0, wait_n: 0, wait_sum_ms: 0, service_n: 0, service_sum_ms: 0 };

function hist(table: 'wait_hist' | 'service_hist'): Row[] {
  return rows(`SELECT dim, dim_id, bucket, n FROM ${table} WHERE n <> 0 ORDER BY dim, dim_id, bucket`);
}

function save(t: Ticket): Ticket {
  store.tickets.update(t);
  return t;
}

describe('ticket rollups', () => {
  it('count an issue under the field the number came from, and its local hour', () => {
    store.tickets.insert(makeTicket({ issuedAt: T0 + 90 * MINUTE })); // 09:30 in Hanoi
    expect(daily()).toEqual([{ field_id: 'f-land', counter_id: '', officer_id: '', ...zero, issued: 1 }]);
    expect(rows('SELECT day, field_id, hour, n FROM arrivals_hourly')).toEqual([{ day: DAY, field_id: 'f-land', hour: 9, n: 1 }]);
  });

  it('measure the wait once, at the first call, under that counter and officer; a recall is one more call', () => {
    let t = makeTicket();
    store.tickets.insert(t);
    t = save(callTicket(t, { counterId: 'c1', officerId: 'o1', at: T0 + 12 * MINUTE }));
    t = save(recallTicket(t, { at: T0 + 13 * MINUTE }));
    expect(store.db.prepare('SELECT first_called_at AS f FROM tickets').get()).toEqual({ f: T0 + 12 * MINUTE });
    expect(daily()).toEqual([
      { field_id: 'f-land', counter_id: '', officer_id: '', ...zero, issued: 1 },
      { field_id: 'f-land', counter_id: 'c1', officer_id: 'o1', ...zero, called: 2, wait_n: 1, wait_sum_ms: 12 * MINUTE },
    ]);
    expect(hist('wait_hist')).toEqual([
      { dim: 'all', dim_id: '', bucket: 12, n: 1 },
      { dim: 'counter', dim_id: 'c1', bucket: 12, n: 1 },
      { dim: 'field', dim_id: 'f-land', bucket: 12, n: 1 },
      { dim: 'officer', dim_id: 'o1', bucket: 12, n: 1 },
    ]);
    expect(rows('SELECT dim, month, dim_id, bucket, n FROM wait_hist_monthly WHERE dim = \'all\'')).toEqual([
      { dim: 'all', month: '2026-11', dim_id: '', bucket: 12, n: 1 },
    ]);
  });

  it('count a transfer under the field, counter and officer it leaves; the next call adds no second wait', () => {
    let t = makeTicket();
    store.tickets.insert(t);
    t = save(callTicket(t, { counterId: 'c1', officerId: 'o1', at: T0 + 5 * MINUTE }));
    t = save(startServing(t, { at: T0 + 6 * MINUTE }));
    t = save(transferTicket(t, { toFieldId: 'f-civil', at: T0 + 8 * MINUTE }));
    t = save(callTicket(t, { counterId: 'c2', officerId: 'o2', at: T0 + 20 * MINUTE }));
    t = save(startServing(t, { at: T0 + 20 * MINUTE }));
    t = save(finishTicket(t, { at: T0 + 27 * MINUTE }));
    expect(daily()).toEqual([
      { field_id: 'f-civil', counter_id: 'c2', officer_id: 'o2', ...zero, called: 1, served: 1, service_n: 1, service_sum_ms: 7 * MINUTE },
      { field_id: 'f-land', counter_id: '', officer_id: '', ...zero, issued: 1 },
      { field_id: 'f-land', counter_id: 'c1', officer_id: 'o1', ...zero, called: 1, transferred: 1, wait_n: 1, wait_sum_ms: 5 * MINUTE },
    ]);
    expect(hist('service_hist')).toEqual([
      { dim: 'all', dim_id: '', bucket: 7, n: 1 },
      { dim: 'counter', dim_id: 'c2', bucket: 7, n: 1 },
      { dim: 'field', dim_id: 'f-civil', bucket: 7, n: 1 },
      { dim: 'officer', dim_id: 'o2', bucket: 7, n: 1 },
    ]);
  });

  it('take a no-show back when the citizen is called back and served', () => {
    let t = makeTicket();
    store.tickets.insert(t);
    t = save(callTicket(t, { counterId: 'c1', officerId: 'o1', at: T0 + MINUTE }));
    t = save(markNoShow(t, { at: T0 + 3 * MINUTE }));
    expect(daily().find((r) => r.counter_id === 'c1')).toMatchObject({ no_show: 1, served: 0 });
    t = save(callTicket(t, { counterId: 'c2', officerId: 'o2', at: T0 + 30 * MINUTE }));
    t = save(finishTicket(t, { at: T0 + 34 * MINUTE })); // skipped "start": service time 0
    expect(daily()).toEqual([
      { field_id: 'f-land', counter_id: '', officer_id: '', ...zero, issued: 1 },
      { field_id: 'f-land', counter_id: 'c1', officer_id: 'o1', ...zero, called: 1, wait_n: 1, wait_sum_ms: MINUTE },
      { field_id: 'f-land', counter_id: 'c2', officer_id: 'o2', ...zero, called: 1, served: 1, service_n: 1 },
    ]);
  });

  it('count a ticket closed by the day rollover as served, without a service time', () => {
    let t = makeTicket({ issuedAt: T0 + 8 * 60 * MINUTE }); // 16:00
    store.tickets.insert(t);
    t = save(callTicket(t, { counterId: 'c1', officerId: 'o1', at: T0 + 8 * 60 * MINUTE + 5 * MINUTE }));
    t = save(startServing(t, { at: T0 + 8 * 60 * MINUTE + 6 * MINUTE }));
    t = save(finishTicket(t, { at: T0 + 16 * 60 * MINUTE + MINUTE })); // 00:01 the next day, by the rollover
    expect(daily().find((r) => r.counter_id === 'c1')).toMatchObject({ served: 1, service_n: 0, service_sum_ms: 0 });
    expect(hist('service_hist')).toEqual([]);
  });

  it('count a cancellation of a waiting ticket without counter or officer', () => {
    const t = makeTicket();
    store.tickets.insert(t);
    save(cancelTicket(t, { at: T0 + 40 * MINUTE }));
    expect(daily()).toEqual([{ field_id: 'f-land', counter_id: '', officer_id: '', ...zero, issued: 1, cancelled: 1 }]);
  });

  it('keep a rolled-back transaction out of the rollups', () => {
    expect(() =>
      store.transaction(() => {
        store.tickets.insert(makeTicket());
        throw new Error('printer on fire');
      }),
    ).toThrow('printer on fire');
    expect(rows('SELECT * FROM ticket_daily')).toEqual([]);
    expect(rows('SELECT * FROM arrivals_hourly')).toEqual([]);
  });

  it('count a rating under the ticket’s day and field, and the counter and officer it names', () => {
    let t = makeTicket();
    store.tickets.insert(t);
    t = save(callTicket(t, { counterId: 'c1', officerId: 'o1', at: T0 + MINUTE }));
    t = save(finishTicket(t, { at: T0 + 9 * MINUTE }));
    store.ratings.save({ ticketId: t.id, counterId: 'c1', officerId: 'o1', level: 'very_satisfied', at: T0 + 10 * MINUTE, deviceId: null });
    expect(
      rows(`SELECT day, field_id, counter_id, officer_id, rated_very_satisfied AS vs, rated_satisfied AS s, rated_neutral AS n,
              rated_unsatisfied AS u FROM ticket_daily WHERE counter_id <> ''`),
    ).toEqual([{ day: DAY, field_id: 'f-land', counter_id: 'c1', officer_id: 'o1', vs: 1, s: 0, n: 0, u: 0 }]);
    expect(rows("SELECT month, rated_very_satisfied AS vs, served FROM ticket_monthly WHERE counter_id = 'c1'")).toEqual([
      { month: '2026-11', vs: 1, served: 1 },
    ]);
  });
});

describe('dossier rollups', () => {
  function dossier(over: Partial<Dossier> = {}): Dossier {
    return {
      id: 'd1',
      code: '000.00.00.H26-261123-0001',
      procedureId: 'p1',
      fieldId: 'f-land',
      channel: 'counter',
      ticketId: null,
      applicant: { fullName: 'Nguyễn Văn An', cccd: null, phone: null, birthDate: null, address: null },
      receivedAt: T0,
      dueDate: '2026-11-26',
      status: 'processing',
      resolvedAt: null,
      returnedAt: null,
      counterId: 'c1',
      officerId: 'o1',
      note: null,
      ...over,
    };
  }
  const cohort = (): Row[] =>
    rows('SELECT received_day, field_id, channel, received, resolved, resolved_on_time, rejected, returned FROM dossier_cohort');

  it('follow a dossier from received to resolved on time to returned', () => {
    let d = dossier();
    store.dossiers.insert(d, DAY, 1);
    expect(cohort()).toEqual([
      { received_day: DAY, field_id: 'f-land', channel: 'counter', received: 1, resolved: 0, resolved_on_time: 0, rejected: 0, returned: 0 },
    ]);
    // 2026-11-26 23:30 in Hanoi is still the due day (16:30 UTC)
    d = changeDossierStatus(d, 'result_ready', Date.UTC(2026, 10, 26, 16, 30));
    store.dossiers.updateStatus(d);
    expect(cohort()[0]).toMatchObject({ resolved: 1, resolved_on_time: 1, returned: 0 });
    d = changeDossierStatus(d, 'returned', Date.UTC(2026, 10, 30, 3, 0));
    store.dossiers.updateStatus(d);
    expect(cohort()[0]).toMatchObject({ received: 1, resolved: 1, resolved_on_time: 1, rejected: 0, returned: 1 });
  });

  it('judge "on time" by the local date: 00:30 in Hanoi the day after the due date is late', () => {
    let d = dossier({ id: 'd2', code: 'X-2', channel: 'online' });
    store.dossiers.insert(d, DAY, null);
    d = changeDossierStatus(d, 'rejected', Date.UTC(2026, 10, 26, 17, 30)); // 2026-11-27 00:30 local
    store.dossiers.updateStatus(d);
    expect(cohort()).toEqual([
      { received_day: DAY, field_id: 'f-land', channel: 'online', received: 1, resolved: 1, resolved_on_time: 0, rejected: 1, returned: 0 },
    ]);
  });

  it('count unresolved dossiers as not yet due or overdue as of a day, through the (status, due_date) index', () => {
    store.dossiers.insert(dossier({ id: 'a', code: 'A', dueDate: '2026-11-25' }), DAY, 1);
    store.dossiers.insert(dossier({ id: 'b', code: 'B', dueDate: '2026-11-26', channel: 'online' }), DAY, null);
    const d = changeDossierStatus(dossier({ id: 'c', code: 'C', dueDate: '2026-11-20' }), 'needs_supplement', T0);
    store.dossiers.insert(d, DAY, 2);
    const q = { from: DAY, to: DAY, groupBy: 'all' as const };
    const open = (today: string) =>
      store.reports.openDossiers(q, today).reduce((s, r) => ({ notDue: s.notDue + r.inProgressNotDue, overdue: s.overdue + r.overdue }), { notDue: 0, overdue: 0 });
    expect(open('2026-11-25')).toEqual({ notDue: 2, overdue: 1 });
    expect(open('2026-11-26')).toEqual({ notDue: 1, overdue: 2 });
    expect(open('2026-11-27')).toEqual({ notDue: 0, overdue: 3 });
    const plan = store.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT COUNT(*) FROM dossiers WHERE status IN ('processing', 'needs_supplement')
         AND received_day BETWEEN '2026-11-01' AND '2026-11-30'`,
      )
      .all()
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/USING (COVERING )?INDEX dossiers_status_due/);
  });
});

describe('month rollups once the month is over (migration 0007)', () => {
  let n = 0;
  /** A ticket issued at 09:00 local on `day`, called 10 minutes later and served for 5. */
  function served(day: string): void {
    const at = Date.parse(`${day}T02:00:00Z`);
    n++;
    const t = makeTicket({ id: `m${n}`, serviceDay: day, seq: n, number: `A-${n}`, issuedAt: at });
    store.tickets.insert(t);
    const called = save(callTicket(t, { counterId: 'c1', officerId: 'o1', at: at + 10 * MINUTE }));
    const serving = save(startServing(called, { at: at + 11 * MINUTE }));
    save(finishTicket(serving, { at: at + 16 * MINUTE }));
  }
  const monthRows = (table: string, cols: string) => rows(`SELECT month, ${cols} FROM ${table} GROUP BY month ORDER BY month`);
  const ticketMonths = () => monthRows('ticket_monthly', 'SUM(issued) AS issued, SUM(served) AS served, SUM(wait_n) AS wait_n, SUM(service_n) AS service_n');
  const histMonths = () => monthRows('wait_hist_monthly', "SUM(n) FILTER (WHERE dim = 'all') AS wait");
  const serviceMonths = () => monthRows('service_hist_monthly', "SUM(n) FILTER (WHERE dim = 'all') AS service");
  const arrivalMonths = () => monthRows('arrivals_monthly', 'SUM(n) AS n');
  /** Reports over whole months (month tables where they may be used) against the raw tickets. */
  function expectReportsMatchTickets(from: string, to: string): void {
    const raw = store.db
      .prepare<[string, string], { issued: number; served: number }>(
        "SELECT COUNT(*) AS issued, TOTAL(status = 'done') AS served FROM tickets WHERE service_day BETWEEN ? AND ?",
      )
      .get(from, to);
    for (const groupBy of ['all', 'field', 'counter', 'officer'] as const) {
      const sums = store.reports.ticketSums({ from, to, groupBy });
      expect({ issued: sums.reduce((s, r) => s + r.issued, 0), served: sums.reduce((s, r) => s + r.served, 0) }, groupBy).toEqual(raw);
      const waits = [...store.reports.waitHistograms({ from, to, groupBy }).values()].flat().reduce((a, b) => a + b, 0);
      expect(waits, groupBy).toBe(raw?.served);
    }
    expect(store.reports.arrivalsByHour({ from, to }).reduce((a, b) => a + b, 0)).toBe(raw?.issued);
  }

  it('keeps every month by the triggers until a month is opened', () => {
    expect(store.reports.openMonth()).toBe('9999-12');
    served('2026-11-20');
    expect(ticketMonths()).toEqual([{ month: '2026-11', issued: 1, served: 1, wait_n: 1, service_n: 1 }]);
  });

  it('writes no month rows for the open month, keeps late writes into closed months, and reports stay exact', () => {
    served('2026-11-20');
    store.reports.foldMonths('2026-12');
    expect(store.reports.openMonth()).toBe('2026-12');
    served('2026-12-01');
    served('2026-12-02');
    // December is open: only day rows
    expect(ticketMonths()).toEqual([{ month: '2026-11', issued: 1, served: 1, wait_n: 1, service_n: 1 }]);
    expect(arrivalMonths()).toEqual([{ month: '2026-11', n: 1 }]);
    // a late write into November (a ticket of 30 November finished now) still reaches its month row
    served('2026-11-30');
    expect(ticketMonths()).toEqual([{ month: '2026-11', issued: 2, served: 2, wait_n: 2, service_n: 2 }]);
    expect(histMonths()).toEqual([{ month: '2026-11', wait: 2 }]);
    expect(serviceMonths()).toEqual([{ month: '2026-11', service: 2 }]);
    expectReportsMatchTickets('2026-11-01', '2026-12-31');
    expectReportsMatchTickets('2026-12-01', '2026-12-31');
    expectReportsMatchTickets('2026-10-01', '2026-11-30');
  });

  it('sums the month rows of the months it closes from their day rows, as the triggers would have', () => {
    store.reports.foldMonths('2026-11');
    for (const day of ['2026-11-02', '2026-11-15', '2026-11-30', '2026-12-01']) served(day);
    expect(ticketMonths()).toEqual([]);
    store.reports.foldMonths('2027-01'); // the hub was off for a month: November and December close at once
    expect(ticketMonths()).toEqual([
      { month: '2026-11', issued: 3, served: 3, wait_n: 3, service_n: 3 },
      { month: '2026-12', issued: 1, served: 1, wait_n: 1, service_n: 1 },
    ]);
    expect(histMonths()).toEqual([{ month: '2026-11', wait: 3 }, { month: '2026-12', wait: 1 }]);
    expect(serviceMonths()).toEqual([{ month: '2026-11', service: 3 }, { month: '2026-12', service: 1 }]);
    expect(arrivalMonths()).toEqual([{ month: '2026-11', n: 3 }, { month: '2026-12', n: 1 }]);
    // the same rows, column by column, as a store whose triggers kept every month
    const twin = openTempStore();
    try {
      seedConfig(twin.store);
      const own = store;
      store = twin.store;
      n = 0;
      for (const day of ['2026-11-02', '2026-11-15', '2026-11-30', '2026-12-01']) served(day);
      const all = (s: Store, t: string) => s.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4`).all();
      for (const t of ['ticket_monthly', 'wait_hist_monthly', 'service_hist_monthly', 'arrivals_monthly']) {
        expect(all(own, t), t).toEqual(all(twin.store, t));
      }
      store = own;
    } finally {
      twin.cleanup();
    }
    expectReportsMatchTickets('2026-11-01', '2026-12-31');
  });

  it('opens an earlier month when the clock is set back: its rows and later ones go, reports stay exact', () => {
    for (const day of ['2026-10-31', '2026-11-02', '2026-12-01']) served(day);
    store.reports.foldMonths('2027-01');
    expect(ticketMonths().map((r) => r.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    store.reports.foldMonths('2026-11');
    expect(ticketMonths().map((r) => r.month)).toEqual(['2026-10']);
    expectReportsMatchTickets('2026-10-01', '2026-12-31');
    served('2026-11-03');
    expect(ticketMonths().map((r) => r.month)).toEqual(['2026-10']);
    expectReportsMatchTickets('2026-10-01', '2026-12-31');
  });

  it('is a no-op when the month is already open, and refuses what is not a month', () => {
    served('2026-11-20');
    store.reports.foldMonths('2026-12');
    const before = rows('SELECT * FROM ticket_monthly');
    store.reports.foldMonths('2026-12');
    expect(rows('SELECT * FROM ticket_monthly')).toEqual(before);
    for (const bad of ['2026-13', '2026-1', '2026-12-01', '', '9999-12x']) expect(() => store.reports.foldMonths(bad)).toThrow(RangeError);
    expect(store.reports.openMonth()).toBe('2026-12');
  });

  it('folds in the caller’s transaction: a rollback keeps the old open month and month rows', () => {
    served('2026-11-20');
    store.reports.foldMonths('2026-11');
    expect(() =>
      store.transaction(() => {
        store.reports.foldMonths('2026-12');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.reports.openMonth()).toBe('2026-11');
    expect(ticketMonths()).toEqual([]);
  });

  it('reads a range from the day rows for the open month and after, from month rows before it', () => {
    expect(partsOf({ from: '2026-01-01', to: '2026-12-31' }, false, '9999-12')).toEqual([{ period: 'month', from: '2026-01', to: '2026-12' }]);
    expect(partsOf({ from: '2026-01-01', to: '2026-12-31' }, false, '2026-12')).toEqual([
      { period: 'day', from: '2026-12-01', to: '2026-12-31' },
      { period: 'month', from: '2026-01', to: '2026-11' },
    ]);
    expect(partsOf({ from: '2026-01-15', to: '2026-03-31' }, false, '2026-01')).toEqual([
      { period: 'day', from: '2026-01-15', to: '2026-01-31' },
      { period: 'day', from: '2026-02-01', to: '2026-03-31' },
    ]);
    expect(partsOf({ from: '2026-01-01', to: '2026-02-10' }, false, '2026-02')).toEqual([
      { period: 'day', from: '2026-02-01', to: '2026-02-10' },
      { period: 'month', from: '2026-01', to: '2026-01' },
    ]);
    expect(partsOf({ from: '2026-01-01', to: '2026-02-10' }, true, '2026-02')).toEqual([{ period: 'day', from: '2026-01-01', to: '2026-02-10' }]);
  });
});
