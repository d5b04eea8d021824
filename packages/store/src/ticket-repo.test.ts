import type { Ticket } from '@qms/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Store } from './store';
import { DAY, MINUTE, T0, makeTicket, openTempStore, seedConfig, type TempStore } from './test-fixtures';

const YESTERDAY = '2026-11-22';
const TOMORROW = '2026-11-24';

let env: TempStore;
let store: Store;

beforeEach(() => {
  env = openTempStore();
  store = env.store;
  seedConfig(store);
});
afterEach(() => env.cleanup());

const ids = (ts: { id: string }[]): string[] => ts.map((t) => t.id);

describe('insert / byId / update', () => {
  it('round-trips a waiting ticket with its nulls', () => {
    const t = makeTicket();
    store.tickets.insert(t);
    expect(store.tickets.byId('t1')).toEqual(t);
  });

  it('round-trips a ticket with every optional column set', () => {
    const t = makeTicket({
      id: 't-full',
      fieldId: 'f-civil',
      numberFieldId: 'f-land',
      seq: 42,
      number: 'A-042',
      priorityGroup: 'elderly',
      status: 'serving',
      calledAt: T0 + 5 * MINUTE,
      servingAt: T0 + 6 * MINUTE,
      finishedAt: T0 + 20 * MINUTE,
      counterId: 'c2',
      officerId: 'o2',
      callCount: 3,
      targetCounterId: 'c1',
      transferCount: 1,
      note: 'Chuyển sang Hộ tịch: thiếu giấy khai sinh',
      source: 'counter',
      issuedBy: 'o1',
    });
    store.tickets.insert(t);
    expect(store.tickets.byId('t-full')).toEqual(t);
  });

  it('returns null for an unknown id', () => {
    expect(store.tickets.byId('nope')).toBeNull();
  });

  it('update stores the mutable columns', () => {
    const t = makeTicket();
    store.tickets.insert(t);
    const changed = {
      ...t,
      fieldId: 'f-civil',
      status: 'called' as const,
      priorityGroup: 'pregnant' as const,
      calledAt: T0 + MINUTE,
      servingAt: T0 + 2 * MINUTE,
      finishedAt: T0 + 3 * MINUTE,
      counterId: 'c1',
      officerId: 'o1',
      callCount: 2,
      targetCounterId: 'c2',
      transferCount: 1,
      note: 'ghi chú',
    };
    store.tickets.update(changed);
    expect(store.tickets.byId('t1')).toEqual(changed);
  });

  it('update never rewrites the number, its field, seq, day, issue time or origin', () => {
    const t = makeTicket();
    store.tickets.insert(t);
    store.tickets.update({
      ...t,
      number: 'Z-999',
      numberFieldId: 'f-civil',
      seq: 999,
      serviceDay: TOMORROW,
      issuedAt: T0 + 99 * MINUTE,
      source: 'remote',
      issuedBy: 'someone-else',
      status: 'called',
    });
    expect(store.tickets.byId('t1')).toEqual({ ...t, status: 'called' });
  });

  it('update of a missing ticket throws', () => {
    expect(() => store.tickets.update(makeTicket({ id: 'ghost' }))).toThrow(/ghost not found/);
  });

  it('rejects a second ticket with the same id', () => {
    store.tickets.insert(makeTicket());
    expect(() => store.tickets.insert(makeTicket({ seq: 2, number: 'A-002' }))).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('rejects references to unknown fields and counters (foreign keys are on)', () => {
    expect(() => store.tickets.insert(makeTicket({ fieldId: 'f-nope', numberFieldId: 'f-nope' }))).toThrow(/FOREIGN KEY/);
    expect(() => store.tickets.insert(makeTicket({ counterId: 'c-nope' }))).toThrow(/FOREIGN KEY/);
    expect(store.tickets.byId('t1')).toBeNull();
  });
});

describe('ticket numbers', () => {
  it('UNIQUE(service_day, number_field_id, seq) rejects a duplicate number', () => {
    store.tickets.insert(makeTicket({ id: 'a', seq: 7, number: 'A-007' }));
    expect(() => store.tickets.insert(makeTicket({ id: 'b', seq: 7, number: 'A-007' }))).toThrow(
      /UNIQUE constraint failed: tickets\.service_day, tickets\.number_field_id, tickets\.seq/,
    );
    // Also when the first ticket has since been transferred to another field.
    store.tickets.update({ ...makeTicket({ id: 'a', seq: 7, number: 'A-007' }), fieldId: 'f-civil' });
    expect(() => store.tickets.insert(makeTicket({ id: 'c', seq: 7, number: 'A-007' }))).toThrow(/UNIQUE/);
    expect(ids(store.tickets.active(DAY))).toEqual(['a']);
  });

  it('allows the same seq on another day or from another field', () => {
    store.tickets.insert(makeTicket({ id: 'a', seq: 1 }));
    store.tickets.insert(makeTicket({ id: 'b', seq: 1, serviceDay: TOMORROW }));
    store.tickets.insert(makeTicket({ id: 'c', seq: 1, fieldId: 'f-civil', numberFieldId: 'f-civil', number: 'B-001' }));
    expect(store.tickets.byId('b')?.seq).toBe(1);
    expect(store.tickets.byId('c')?.seq).toBe(1);
  });

  it('lastSeq is per day and per field the number came from', () => {
    expect(store.tickets.lastSeq(DAY, 'f-land')).toBeNull();
    store.tickets.insert(makeTicket({ id: 'a', seq: 1 }));
    store.tickets.insert(makeTicket({ id: 'b', seq: 5, number: 'A-005' }));
    store.tickets.insert(makeTicket({ id: 'c', seq: 3, number: 'A-003' }));
    // Transferred into land from civil: its number still belongs to civil.
    store.tickets.insert(makeTicket({ id: 'd', seq: 9, numberFieldId: 'f-civil', number: 'B-009' }));
    store.tickets.insert(makeTicket({ id: 'e', seq: 30, serviceDay: YESTERDAY, number: 'A-030' }));

    expect(store.tickets.lastSeq(DAY, 'f-land')).toBe(5);
    expect(store.tickets.lastSeq(DAY, 'f-civil')).toBe(9);
    expect(store.tickets.lastSeq(YESTERDAY, 'f-land')).toBe(30);
    expect(store.tickets.lastSeq(TOMORROW, 'f-land')).toBeNull();
    expect(store.tickets.lastSeq(DAY, 'f-cert')).toBeNull();
  });

  it('lastSeq counts cancelled and finished tickets too (numbers are never reused)', () => {
    store.tickets.insert(makeTicket({ id: 'a', seq: 4, status: 'cancelled', number: 'A-004' }));
    store.tickets.insert(makeTicket({ id: 'b', seq: 6, status: 'done', number: 'A-006' }));
    expect(store.tickets.lastSeq(DAY, 'f-land')).toBe(6);
  });
});

describe('queries', () => {
  it('active() returns waiting, called and serving tickets of the day by issue time, then seq', () => {
    const rows = [
      makeTicket({ id: 'late', seq: 3, number: 'A-003', issuedAt: T0 + 10 * MINUTE }),
      makeTicket({ id: 'serving', seq: 2, number: 'A-002', issuedAt: T0 + 2 * MINUTE, status: 'serving' }),
      makeTicket({ id: 'tie-seq-9', seq: 9, numberFieldId: 'f-civil', number: 'B-009', issuedAt: T0 + 5 * MINUTE }),
      makeTicket({ id: 'tie-seq-4', seq: 4, number: 'A-004', issuedAt: T0 + 5 * MINUTE, status: 'called' }),
      makeTicket({ id: 'first', seq: 1, issuedAt: T0 }),
      makeTicket({ id: 'done', seq: 5, number: 'A-005', issuedAt: T0 + MINUTE, status: 'done' }),
      makeTicket({ id: 'noshow', seq: 6, number: 'A-006', issuedAt: T0 + MINUTE, status: 'no_show' }),
      makeTicket({ id: 'cancel', seq: 7, number: 'A-007', issuedAt: T0 + MINUTE, status: 'cancelled' }),
      makeTicket({ id: 'other-day', seq: 1, serviceDay: YESTERDAY, issuedAt: T0 - 1440 * MINUTE }),
    ];
    for (const t of rows) store.tickets.insert(t);
    expect(ids(store.tickets.active(DAY))).toEqual(['first', 'serving', 'tie-seq-4', 'tie-seq-9', 'late']);
    expect(store.tickets.active(DAY)[0]).toEqual(rows[4]);
    expect(store.tickets.active(TOMORROW)).toEqual([]);
  });

  it('byDayAndStatus filters by day and status, in issue order', () => {
    store.tickets.insert(makeTicket({ id: 'b', seq: 2, number: 'A-002', issuedAt: T0 + MINUTE, status: 'done' }));
    store.tickets.insert(makeTicket({ id: 'a', seq: 1, issuedAt: T0, status: 'done' }));
    store.tickets.insert(makeTicket({ id: 'c', seq: 3, number: 'A-003', status: 'waiting' }));
    store.tickets.insert(makeTicket({ id: 'd', seq: 1, serviceDay: YESTERDAY, status: 'done' }));
    expect(ids(store.tickets.byDayAndStatus(DAY, 'done'))).toEqual(['a', 'b']);
    expect(ids(store.tickets.byDayAndStatus(DAY, 'waiting'))).toEqual(['c']);
    expect(store.tickets.byDayAndStatus(DAY, 'no_show')).toEqual([]);
  });

  it('byNumber finds every ticket of the day with that display number, newest first', () => {
    // Two fields may share a prefix, so "A-001" can exist twice in a day.
    store.tickets.insert(makeTicket({ id: 'land', seq: 1, number: 'A-001', issuedAt: T0 }));
    store.tickets.insert(
      makeTicket({ id: 'civil', seq: 1, fieldId: 'f-civil', numberFieldId: 'f-civil', number: 'A-001', issuedAt: T0 + MINUTE }),
    );
    store.tickets.insert(makeTicket({ id: 'old', seq: 1, serviceDay: YESTERDAY, number: 'A-001' }));
    store.tickets.insert(makeTicket({ id: 'two', seq: 2, number: 'A-002' }));
    expect(ids(store.tickets.byNumber(DAY, 'A-001'))).toEqual(['civil', 'land']);
    expect(store.tickets.byNumber(DAY, 'A-404')).toEqual([]);
  });

  it('recentServiceTimes gives serving→finished durations of done tickets in a field, latest first', () => {
    const done = (id: string, seq: number, servingAt: number, minutes: number, extra: Partial<Ticket> = {}): Ticket =>
      makeTicket({
        id,
        seq,
        number: `A-${seq}`,
        status: 'done',
        calledAt: servingAt,
        servingAt,
        finishedAt: servingAt + minutes * MINUTE,
        ...extra,
      });
    store.tickets.insert(done('d1', 1, T0, 4));
    store.tickets.insert(done('d2', 2, T0 + 10 * MINUTE, 7));
    store.tickets.insert(done('d3', 3, T0 + 30 * MINUTE, 2));
    // Not counted: another field, not done, never started. Another day does count: samples are per field.
    store.tickets.insert(done('civil', 1, T0, 9, { fieldId: 'f-civil', numberFieldId: 'f-civil' }));
    store.tickets.insert(done('noshow', 4, T0, 1, { status: 'no_show' }));
    store.tickets.insert(done('unstarted', 5, T0, 1, { servingAt: null }));
    store.tickets.insert(done('yesterday', 1, T0 - 1440 * MINUTE, 11, { serviceDay: YESTERDAY }));

    expect(store.tickets.recentServiceTimes('f-land')).toEqual([2 * MINUTE, 7 * MINUTE, 4 * MINUTE, 11 * MINUTE]);
    expect(store.tickets.recentServiceTimes('f-civil')).toEqual([9 * MINUTE]);
    expect(store.tickets.recentServiceTimes('f-cert')).toEqual([]);
  });

  it('recentServiceTimes returns at most 20 samples by default', () => {
    for (let i = 1; i <= 25; i++) {
      store.tickets.insert(
        makeTicket({ id: `d${i}`, seq: i, number: `A-${i}`, status: 'done', servingAt: T0 + i * MINUTE, finishedAt: T0 + (i + 1) * MINUTE }),
      );
    }
    const times = store.tickets.recentServiceTimes('f-land');
    expect(times).toHaveLength(20);
    expect(times.every((ms) => ms === MINUTE)).toBe(true);
  });

  it('recentServiceTimes held in memory always equals a fresh read of the table (finishes, rewrites, rollbacks, clock going back)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            op: fc.constantFrom('issue', 'finish', 'finishEarlier', 'rewriteDone', 'finishThenRollBack', 'read'),
            field: fc.constantFrom('f-land', 'f-civil'),
            minutes: fc.integer({ min: 1, max: 30 }),
          }),
          { maxLength: 60 },
        ),
        (ops) => {
          store.db.exec('DELETE FROM tickets');
          store.tickets.forgetCaches();
          let clock = T0;
          let seq = 0;
          const open: Ticket[] = [];
          const done: Ticket[] = [];
          for (const { op, field, minutes } of ops) {
            clock += MINUTE;
            if (op === 'issue') {
              seq += 1;
              const t = makeTicket({ id: `t${seq}`, seq, number: `A-${seq}`, fieldId: field, numberFieldId: field, issuedAt: clock });
              store.tickets.insert(t);
              open.push(t);
            } else if (op === 'read') {
              store.tickets.recentServiceTimes(field);
            } else if (op === 'rewriteDone') {
              const t = done.pop();
              if (t) store.tickets.update({ ...t, note: 'sửa lại' });
            } else {
              const t = open.shift();
              if (!t) continue;
              const finishedAt = op === 'finishEarlier' ? clock - 10 * 60 * MINUTE : clock;
              const finished: Ticket = { ...t, status: 'done', calledAt: finishedAt - minutes * MINUTE, servingAt: finishedAt - minutes * MINUTE, finishedAt };
              if (op === 'finishThenRollBack') {
                expect(() =>
                  store.transaction(() => {
                    store.tickets.update(finished);
                    store.tickets.recentServiceTimes(t.fieldId);
                    throw new Error('rolled back');
                  }),
                ).toThrow('rolled back');
                open.unshift(t);
              } else {
                store.tickets.update(finished);
                done.push(finished);
              }
            }
          }
          const fresh = new Store(store.db);
          for (const f of ['f-land', 'f-civil']) {
            expect([...store.tickets.recentServiceTimes(f)].sort()).toEqual([...fresh.tickets.recentServiceTimes(f)].sort());
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('recentCalls lists the day’s called tickets, most recent call first, up to the limit', () => {
    store.tickets.insert(makeTicket({ id: 'a', seq: 1, status: 'done', calledAt: T0 + MINUTE, counterId: 'c1' }));
    store.tickets.insert(makeTicket({ id: 'b', seq: 2, number: 'A-002', status: 'called', calledAt: T0 + 3 * MINUTE, counterId: 'c2' }));
    store.tickets.insert(makeTicket({ id: 'c', seq: 3, number: 'A-003', status: 'serving', calledAt: T0 + 2 * MINUTE, counterId: 'c1' }));
    store.tickets.insert(makeTicket({ id: 'w', seq: 4, number: 'A-004' }));
    store.tickets.insert(makeTicket({ id: 'y', seq: 1, serviceDay: YESTERDAY, status: 'done', calledAt: T0 + 9 * MINUTE }));
    expect(ids(store.tickets.recentCalls(DAY, 10))).toEqual(['b', 'c', 'a']);
    expect(ids(store.tickets.recentCalls(DAY, 2))).toEqual(['b', 'c']);
  });

  it('staleActive() returns tickets left active on earlier days only', () => {
    store.tickets.insert(makeTicket({ id: 'old-wait', seq: 1, serviceDay: '2026-11-20' }));
    store.tickets.insert(makeTicket({ id: 'old-called', seq: 2, number: 'A-002', serviceDay: YESTERDAY, status: 'called' }));
    store.tickets.insert(makeTicket({ id: 'old-serving', seq: 3, number: 'A-003', serviceDay: YESTERDAY, status: 'serving' }));
    store.tickets.insert(makeTicket({ id: 'old-done', seq: 4, number: 'A-004', serviceDay: YESTERDAY, status: 'done' }));
    store.tickets.insert(makeTicket({ id: 'old-noshow', seq: 5, number: 'A-005', serviceDay: YESTERDAY, status: 'no_show' }));
    store.tickets.insert(makeTicket({ id: 'today', seq: 1 }));
    // Day strings compare as dates across month and year boundaries.
    store.tickets.insert(makeTicket({ id: 'last-year', seq: 1, serviceDay: '2025-12-31' }));
    expect(ids(store.tickets.staleActive(DAY)).sort()).toEqual(['last-year', 'old-called', 'old-serving', 'old-wait']);
    expect(ids(store.tickets.staleActive('2026-01-01'))).toEqual(['last-year']);
    expect(store.tickets.staleActive('2025-12-31')).toEqual([]);
  });
});

describe('queue queries', () => {
  /** A day at the land/civil counters: c1 serves land + civil, c2 serves cert + land + civil. */
  beforeEach(() => {
    const rows = [
      makeTicket({ id: 'land-1', seq: 1 }),
      makeTicket({ id: 'land-2', seq: 2, number: 'A-002', priorityGroup: 'elderly' }),
      makeTicket({ id: 'land-to-c2', seq: 3, number: 'A-003', targetCounterId: 'c2', transferCount: 1 }),
      makeTicket({ id: 'civil-1', seq: 1, fieldId: 'f-civil', numberFieldId: 'f-civil', number: 'B-001' }),
      // Moved from land to civil: counted in civil now.
      makeTicket({ id: 'land-now-civil', seq: 4, number: 'A-004', fieldId: 'f-civil', transferCount: 1 }),
      // Cert is not served by c1, but this one was sent to c1 by name.
      makeTicket({ id: 'cert-to-c1', seq: 1001, fieldId: 'f-cert', numberFieldId: 'f-cert', number: '1001', targetCounterId: 'c1' }),
      makeTicket({ id: 'called-c1', seq: 5, number: 'A-005', status: 'called', counterId: 'c1', officerId: 'o1', calledAt: T0 + MINUTE }),
      makeTicket({ id: 'serving-c1', seq: 6, number: 'A-006', status: 'serving', counterId: 'c1', calledAt: T0, servingAt: T0 + MINUTE }),
      makeTicket({ id: 'done-c1', seq: 7, number: 'A-007', status: 'done', counterId: 'c1', finishedAt: T0 + 9 * MINUTE }),
      makeTicket({ id: 'noshow-c1', seq: 8, number: 'A-008', status: 'no_show', counterId: 'c1' }),
      makeTicket({ id: 'called-c2', seq: 9, number: 'A-009', status: 'called', counterId: 'c2' }),
      makeTicket({ id: 'old-land', seq: 1, serviceDay: YESTERDAY }),
      makeTicket({ id: 'old-called-c1', seq: 2, number: 'A-002', serviceDay: YESTERDAY, status: 'called', counterId: 'c1' }),
    ];
    for (const t of rows) store.tickets.insert(t);
  });

  const sortedIds = (ts: { id: string }[]): string[] => ids(ts).sort();

  it('waitingCounts counts today’s waiting tickets per current field', () => {
    expect(Object.fromEntries(store.tickets.waitingCounts(DAY))).toEqual({ 'f-land': 3, 'f-civil': 2, 'f-cert': 1 });
    expect(Object.fromEntries(store.tickets.waitingCounts(YESTERDAY))).toEqual({ 'f-land': 1 });
    expect(store.tickets.waitingCounts(TOMORROW).size).toBe(0);
  });

  it('waitingForCounter: targeted at the counter, or untargeted in one of its fields (never one sent elsewhere)', () => {
    expect(sortedIds(store.tickets.waitingForCounter(DAY, 'c1', ['f-land', 'f-civil']))).toEqual(
      ['cert-to-c1', 'civil-1', 'land-1', 'land-2', 'land-now-civil'].sort(),
    );
    expect(sortedIds(store.tickets.waitingForCounter(DAY, 'c2', ['f-cert', 'f-land', 'f-civil']))).toEqual(
      ['civil-1', 'land-1', 'land-2', 'land-now-civil', 'land-to-c2'],
    );
    expect(ids(store.tickets.waitingForCounter(DAY, 'c3', []))).toEqual([]);
    expect(ids(store.tickets.waitingForCounter(DAY, 'c2', []))).toEqual(['land-to-c2']);
    expect(ids(store.tickets.waitingForCounter(YESTERDAY, 'c1', ['f-land']))).toEqual(['old-land']);
  });

  it('waitingForCounter treats field ids as data, not SQL', () => {
    expect(store.tickets.waitingForCounter(DAY, 'c3', ["f-land') OR 1=1 --"])).toEqual([]);
    expect(store.tickets.byId('land-1')).not.toBeNull();
  });

  it('waitingInField lists today’s waiting tickets in the field, targeted ones included', () => {
    expect(sortedIds(store.tickets.waitingInField(DAY, 'f-land'))).toEqual(['land-1', 'land-2', 'land-to-c2']);
    expect(sortedIds(store.tickets.waitingInField(DAY, 'f-civil'))).toEqual(['civil-1', 'land-now-civil']);
    expect(store.tickets.waitingInField(TOMORROW, 'f-land')).toEqual([]);
  });

  it('atCounter lists today’s called and serving tickets at that counter', () => {
    expect(sortedIds(store.tickets.atCounter(DAY, 'c1'))).toEqual(['called-c1', 'serving-c1']);
    expect(ids(store.tickets.atCounter(DAY, 'c2'))).toEqual(['called-c2']);
    expect(store.tickets.atCounter(DAY, 'c3')).toEqual([]);
    expect(ids(store.tickets.atCounter(YESTERDAY, 'c1'))).toEqual(['old-called-c1']);
  });
});

/** Every prepared statement the repository holds, by field name (better-sqlite3 statements carry their SQL). */
function repoStatements(repo: object): Array<[string, string]> {
  return Object.entries(repo).flatMap(([name, v]) =>
    v !== null && typeof v === 'object' && typeof (v as { source?: unknown }).source === 'string' && 'reader' in v
      ? [[name, (v as { source: string }).source] as [string, string]]
      : [],
  );
}

/** `EXPLAIN QUERY PLAN` of `sql`, every parameter bound to NULL. */
function plan(store: Store, sql: string): string[] {
  const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]));
  const args = Object.keys(named).length > 0 ? [named] : Array.from(sql.match(/\?/g) ?? [], () => null);
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail);
}

describe('query plans (migration 0006: three partial indexes)', () => {
  it('no statement of the repository scans the tickets table', () => {
    const statements = repoStatements(store.tickets);
    // the constructor's statements, the two day summaries among them
    expect(statements.map(([name]) => name)).toEqual(expect.arrayContaining(['atCounterStmt', 'serviceTimesStmt', 'officerDayStmt', 'dayTotalsStmt', 'issuedByStmt']));
    for (const [name, sql] of statements) {
      const steps = plan(store, sql);
      expect(steps.filter((s) => /^SCAN (tickets|t)\b/.test(s)), `${name}: ${steps.join(' | ')}`).toEqual([]);
    }
  });

  it.each([
    ['atCounterStmt', 'tickets_counter'],
    ['serviceTimesStmt', 'tickets_field_finished'],
    ['officerDayStmt', 'tickets_officer_day'],
  ])('%s reads through the partial index %s', (name, index) => {
    const sql = repoStatements(store.tickets).find(([n]) => n === name)?.[1];
    expect(sql).toBeDefined();
    expect(plan(store, sql ?? '').join(' | ')).toMatch(new RegExp(`SEARCH tickets USING (COVERING )?INDEX ${index}\\b`));
  });

  it('reads through the partial indexes find the tickets their queries look for, as tickets move', () => {
    const waiting = makeTicket({ id: 't-wait', seq: 1, number: '1001' });
    const called = makeTicket({ id: 't-called', seq: 2, number: '1002', status: 'called', calledAt: T0 + MINUTE, counterId: 'c1', officerId: 'o1', callCount: 1 });
    const done = makeTicket({
      id: 't-done',
      seq: 3,
      number: '1003',
      status: 'done',
      calledAt: T0 + MINUTE,
      servingAt: T0 + 2 * MINUTE,
      finishedAt: T0 + 9 * MINUTE,
      counterId: 'c1',
      officerId: 'o1',
      callCount: 1,
    });
    for (const t of [waiting, called, done]) store.tickets.insert(t);
    // a read through the index alone (INDEXED BY: SQLite uses that index or fails)
    const inIndex = (index: string, where: string) =>
      (store.db.prepare(`SELECT id FROM tickets INDEXED BY ${index} WHERE ${where} ORDER BY id`).all() as Array<{ id: string }>).map((r) => r.id);
    expect(inIndex('tickets_counter', "status IN ('called', 'serving')")).toEqual(['t-called']);
    expect(inIndex('tickets_field_finished', 'finished_at IS NOT NULL')).toEqual(['t-done']);
    expect(inIndex('tickets_officer_day', 'officer_id IS NOT NULL')).toEqual(['t-called', 't-done']);
    // and the repository finds them through those indexes
    expect(ids(store.tickets.atCounter(DAY, 'c1'))).toEqual(['t-called']);
    expect(store.tickets.officerDay('o1', DAY)).toEqual({ served: 1, noShow: 0, avgServiceMs: 7 * MINUTE });
    // a ticket that leaves the counter leaves the index; one that is called enters it
    store.tickets.update({ ...called, status: 'done', servingAt: T0 + 2 * MINUTE, finishedAt: T0 + 5 * MINUTE });
    store.tickets.update({ ...waiting, status: 'called', calledAt: T0 + 6 * MINUTE, counterId: 'c2', officerId: 'o1', callCount: 1 });
    expect(inIndex('tickets_counter', "status IN ('called', 'serving')")).toEqual(['t-wait']);
    expect(inIndex('tickets_field_finished', 'finished_at IS NOT NULL')).toEqual(['t-called', 't-done']);
    expect(ids(store.tickets.atCounter(DAY, 'c1'))).toEqual([]);
    expect(ids(store.tickets.atCounter(DAY, 'c2'))).toEqual(['t-wait']);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
