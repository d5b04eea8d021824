import {
  PRIORITY_GROUPS,
  issuedTicket,
  peopleAheadInField,
  selectNextTicket,
  type Counter,
  type PriorityGroup,
  type Ticket,
} from '@qms/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, T0, openTempStore, type TempStore } from './test-fixtures';

const FIELDS = ['f1', 'f2', 'f3', 'f4'];
const COUNTERS = ['c1', 'c2'];

let temp: TempStore;
beforeAll(() => {
  temp = openTempStore();
  const { store } = temp;
  store.transaction(() => {
    FIELDS.forEach((id, i) =>
      store.config.saveField({
        id, code: id, nameVi: id, nameEn: id, hintVi: '', hintEn: '', icon: '', sortOrder: i, enabled: true,
        defaultServiceMinutes: 5, numberFormat: { style: 'numeric', prefix: '', rangeStart: 1, rangeEnd: 9999, pad: 3 },
      }),
    );
    COUNTERS.forEach((id, i) =>
      store.config.saveCounter({ id, number: i + 1, name: id, kind: 'receiving', fieldIds: [], status: 'open', officerId: null, consecutivePriorityCalls: 0, enabled: true }),
    );
  });
});
afterAll(() => temp.cleanup());

const ticketArb = fc.record({
  field: fc.constantFrom(...FIELDS),
  group: fc.option(fc.constantFrom(...PRIORITY_GROUPS), { nil: null }),
  minute: fc.integer({ min: 0, max: 30 }),
  target: fc.option(fc.constantFrom(...COUNTERS), { nil: null, freq: 4 }),
  status: fc.constantFrom('waiting', 'waiting', 'waiting', 'called', 'done'),
});

type Spec = typeof ticketArb extends fc.Arbitrary<infer T> ? T : never;

function build(specs: Spec[]): Ticket[] {
  return specs.map((s, i) => ({
    ...issuedTicket({
      id: `t${String(i).padStart(3, '0')}`,
      serviceDay: DAY,
      fieldId: s.field,
      seq: i + 1,
      number: String(i + 1),
      priorityGroup: s.group as PriorityGroup | null,
      issuedAt: T0 + s.minute * 60_000,
      source: 'kiosk',
      issuedBy: null,
    }),
    status: s.status as Ticket['status'],
    targetCounterId: s.target,
  }));
}

describe('SQL queue selection agrees with the core call policy', () => {
  it('bestWaiting per class + selectNextTicket == selectNextTicket over every waiting ticket', () => {
    fc.assert(
      fc.property(
        fc.array(ticketArb, { maxLength: 40 }),
        fc.subarray(FIELDS, { minLength: 1 }),
        fc.subarray([...PRIORITY_GROUPS]),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (specs, fieldIds, enabledGroups, maxConsecutive, consecutive) => {
          const { store } = temp;
          const tickets = build(specs);
          const counter: Counter = { id: 'c1', number: 1, name: 'c1', kind: 'receiving', fieldIds, status: 'open', officerId: null, consecutivePriorityCalls: consecutive, enabled: true };
          const policy = { enabledGroups, maxConsecutivePriority: maxConsecutive };
          store.db.exec('DELETE FROM tickets');
          store.transaction(() => tickets.forEach((t) => store.tickets.insert(t)));
          const waiting = tickets.filter((t) => t.status === 'waiting');
          const expected = selectNextTicket({ counter, waiting, policy });
          const candidates = [true, false].flatMap((p) => {
            const t = store.tickets.bestWaiting(DAY, 'c1', fieldIds, enabledGroups, p);
            return t ? [t] : [];
          });
          const actual = selectNextTicket({ counter, waiting: candidates, policy });
          expect(actual?.ticket.id ?? null).toBe(expected?.ticket.id ?? null);
          expect(actual?.priority ?? null).toBe(expected?.priority ?? null);
          for (const t of waiting) expect(store.tickets.countAhead(t, policy)).toBe(peopleAheadInField(t, waiting, policy));
        },
      ),
      { numRuns: 300 },
    );
  });
});
