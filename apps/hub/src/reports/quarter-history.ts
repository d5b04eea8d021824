/**
 * A quarter of dossiers (Q3 2025) whose report figures are known by construction, for the
 * as-of proof test: received in person, online and by post; resolved before, on and after the
 * due day (including a refusal, a result handed back, and the local-day edges 23:30 and
 * 00:30); open at the quarter's end, due after it or already overdue (resolved months later);
 * carried over from June; and some that must not count (resolved in June, received in October).
 * Written through the store's dossier repository the way the hub's commands write them:
 * insert, history row, then each status change with its history row. Test helper only.
 */
import { changeDossierStatus, type Dossier, type DossierChannel, type DossierStatus } from '@qms/core';
import type { Store } from '@qms/store';

export const Q_FROM = '2025-07-01';
export const Q_TO = '2025-09-30';
/** 00:00 and 23:59:59.999 in Hanoi. */
export const at = (day: string, hh = 0, mm = 0): number => Date.parse(`${day}T00:00:00Z`) + ((hh - 7) * 60 + mm) * 60_000;
export const Q_START = at(Q_FROM);
export const Q_END = at('2025-10-01') - 1;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export interface QuarterDossier {
  id: string;
  channel: DossierChannel;
  procedureId: string;
  fieldId: string;
  counterId: string | null;
  officerId: string | null;
  receivedAt: number;
  receivedDay: string;
  due: string;
  steps: Array<[DossierStatus, number]>;
}

export const PROCEDURES = [
  { id: 'p-f-civil', fieldId: 'f-civil' },
  { id: 'p-f-land', fieldId: 'f-land' },
  { id: 'p-f-cert', fieldId: 'f-cert' },
  { id: 'p-civil-2', fieldId: 'f-civil' },
];

type Fate = 'early' | 'onTime' | 'late' | 'rejected' | 'returned' | 'openNotDue' | 'openOverdue' | 'none';

/** Steps and due date for a dossier received on `day`, by what becomes of it. */
function plan(day: string, fate: Fate): { due: string; steps: Array<[DossierStatus, number]> } {
  switch (fate) {
    case 'early':
      return { due: addDays(day, 4), steps: [['result_ready', at(addDays(day, 2), 10)]] };
    case 'onTime': // 23:30 on the due day, in Hanoi
      return { due: addDays(day, 3), steps: [['needs_supplement', at(day, 17)], ['processing', at(addDays(day, 1), 9)], ['result_ready', at(addDays(day, 3), 23, 30)]] };
    case 'late': // 00:30 the day after the due day (still the due day in UTC)
      return { due: addDays(day, 4), steps: [['result_ready', at(addDays(day, 5), 0, 30)]] };
    case 'rejected':
      return { due: addDays(day, 4), steps: [['rejected', at(addDays(day, 1), 11)], ['returned', at(addDays(day, 2), 9)]] };
    case 'returned':
      return { due: addDays(day, 3), steps: [['result_ready', at(addDays(day, 3), 8)], ['returned', at(addDays(day, 6), 9)]] };
    case 'openNotDue': // due in October, resolved there: in progress on 30/09
      return { due: '2025-10-15', steps: [['result_ready', at('2025-10-10', 10)]] };
    case 'openOverdue': // due in the quarter, resolved in November: overdue on 30/09
      return { due: addDays(day, 3), steps: [['result_ready', at('2025-11-20', 10)], ['returned', at('2025-11-21', 10)]] };
    case 'none':
      return { due: addDays(day, 3), steps: [] };
  }
}

/** How many dossiers of each channel meet each fate, received in the quarter. */
const IN_QUARTER: Array<[DossierChannel, Fate, number]> = [
  ['counter', 'early', 30], ['counter', 'onTime', 20], ['counter', 'late', 10], ['counter', 'rejected', 4],
  ['counter', 'openNotDue', 8], ['counter', 'openOverdue', 3],
  ['online', 'early', 40], ['online', 'onTime', 15], ['online', 'late', 5], ['online', 'returned', 6],
  ['online', 'openNotDue', 6], ['online', 'openOverdue', 2],
  ['post', 'early', 5], ['post', 'onTime', 3], ['post', 'late', 2], ['post', 'openNotDue', 1],
];

export function quarterDossiers(): QuarterDossier[] {
  const out: QuarterDossier[] = [];
  const add = (channel: DossierChannel, receivedAt: number, receivedDay: string, p: { due: string; steps: Array<[DossierStatus, number]> }): void => {
    const i = out.length;
    const proc = PROCEDURES[i % PROCEDURES.length]!;
    const inPerson = channel === 'counter';
    out.push({
      id: `q${String(i).padStart(4, '0')}`, channel, procedureId: proc.id, fieldId: proc.fieldId,
      counterId: inPerson ? `c${1 + (i % 2)}` : null, officerId: inPerson ? `o${1 + ((i >> 1) % 2)}` : null,
      receivedAt, receivedDay, ...p,
    });
  };
  let k = 0;
  for (const [channel, fate, n] of IN_QUARTER) {
    for (let j = 0; j < n; j += 1, k += 1) {
      // open ones in the last week (not yet due) or late August (overdue); the rest spread over 01/07–19/09
      const offset = fate === 'openNotDue' ? 85 + (k % 7) : fate === 'openOverdue' ? 55 + (k % 10) : (k * 7) % 81;
      const day = addDays(Q_FROM, offset);
      add(channel, at(day, 8 + (k % 9), (k * 13) % 60), day, plan(day, fate));
    }
  }
  // edges of the range: the quarter's last minute counts, October does not
  add('online', at('2025-09-30', 23, 59), '2025-09-30', { due: '2025-10-03', steps: [] });
  add('counter', at('2025-10-01'), '2025-10-01', plan('2025-10-01', 'early'));
  add('post', at('2025-10-02', 9), '2025-10-02', plan('2025-10-02', 'none'));
  // June: resolved in June (not carried), resolved at the quarter's first instant (carried, late),
  // resolved in the quarter, open at its end (due in October / overdue since July)
  for (let j = 0; j < 10; j += 1) add('counter', at('2025-06-10', 9), '2025-06-10', plan('2025-06-10', 'early'));
  add('online', at('2025-06-25', 9), '2025-06-25', { due: '2025-06-30', steps: [['result_ready', Q_START]] });
  for (const [fate, n] of [['early', 5], ['onTime', 3], ['late', 4]] as const) {
    for (let j = 0; j < n; j += 1) add(j % 2 ? 'online' : 'counter', at('2025-06-29', 10), '2025-06-29', plan('2025-06-29', fate));
  }
  add('counter', at('2025-06-20', 10), '2025-06-20', { due: '2025-10-15', steps: [['result_ready', at('2025-10-12', 10)]] });
  for (let j = 0; j < 2; j += 1) add('online', at('2025-06-27', 10), '2025-06-27', { due: '2025-07-10', steps: [['result_ready', at('2025-12-01', 10)]] });
  return out;
}

/**
 * Writes what happened up to `until` (receptions and status changes, each with its history row),
 * continuing from what an earlier call wrote (`done` remembers each dossier's progress).
 */
export function writeQuarterUpTo(store: Store, list: readonly QuarterDossier[], until: number, done: Map<string, { d: Dossier; steps: number }>): void {
  store.transaction(() => {
    list.forEach((q, i) => {
      if (q.receivedAt > until) return;
      let state = done.get(q.id);
      if (!state) {
        const d: Dossier = {
          id: q.id, code: `000.00.00.H26-${q.receivedDay.slice(2).replaceAll('-', '')}-${String(i + 1).padStart(4, '0')}`,
          procedureId: q.procedureId, fieldId: q.fieldId, channel: q.channel, ticketId: null,
          applicant: { fullName: 'Nguyễn Văn An', cccd: null, phone: null, birthDate: null, address: null },
          receivedAt: q.receivedAt, dueDate: q.due, status: 'processing', resolvedAt: null, returnedAt: null,
          counterId: q.counterId, officerId: q.officerId, note: null,
        };
        store.dossiers.insert(d, q.receivedDay, i + 1);
        store.dossiers.addHistory(q.id, { at: q.receivedAt, from: null, to: 'processing', actorKind: 'officer', actorId: q.officerId, note: null });
        state = { d, steps: 0 };
        done.set(q.id, state);
      }
      for (const [to, when] of q.steps.slice(state.steps)) {
        if (when > until) break;
        const from = state.d.status;
        state.d = changeDossierStatus(state.d, to, when);
        store.dossiers.updateStatus(state.d);
        store.dossiers.addHistory(q.id, { at: when, from, to, actorKind: 'officer', actorId: q.officerId, note: null });
        state.steps += 1;
      }
    });
  });
}
