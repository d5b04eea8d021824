import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peopleAheadInField, queueForCounter, ranksAsPriority } from './call-policy';
import { PRIORITY_GROUPS, type PriorityGroup, type Ticket } from './model';
import { T0, makeCounter, makeTicket } from './test-fixtures';

const FIELDS = ['f1', 'f2'];

const ticketArb = fc.record({
  field: fc.constantFrom(...FIELDS),
  group: fc.option(fc.constantFrom(...PRIORITY_GROUPS), { nil: null }),
  minute: fc.integer({ min: 0, max: 20 }),
  status: fc.constantFrom<Ticket['status']>('waiting', 'waiting', 'waiting', 'called'),
});

const siteArb = fc.record({
  enabledGroups: fc.subarray([...PRIORITY_GROUPS]) as fc.Arbitrary<PriorityGroup[]>,
  // 0 turns priority off; 10 keeps anti-starvation out of the way of these short queues
  maxConsecutivePriority: fc.constantFrom(0, 1, 2, 3, 10),
});

type Spec = typeof ticketArb extends fc.Arbitrary<infer T> ? T : never;

function build(specs: Spec[]): Ticket[] {
  return specs.map((s, i) =>
    makeTicket({ id: `t${i}`, seq: i + 1, fieldId: s.field, priorityGroup: s.group, issuedAt: T0 + s.minute * 60_000, status: s.status }),
  );
}

describe('people ahead against the order queueForCounter calls in', () => {
  it('at a counter serving only the field: exact when anti-starvation never steps in, a bound otherwise', () => {
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 14 }), siteArb, fc.integer({ min: 0, max: 3 }), (specs, policy, consecutive) => {
        const tickets = build(specs);
        for (const field of FIELDS) {
          const counter = makeCounter({ fieldIds: [field], consecutivePriorityCalls: consecutive });
          const order = queueForCounter(counter, tickets, policy);
          const starvationFree = policy.maxConsecutivePriority === 0 || policy.maxConsecutivePriority >= consecutive + order.length;
          order.forEach((t, position) => {
            const ahead = peopleAheadInField(t, tickets, policy);
            if (starvationFree) expect(ahead).toBe(position);
            else if (ranksAsPriority(t, policy)) expect(ahead).toBeLessThanOrEqual(position);
            else expect(ahead).toBeGreaterThanOrEqual(position);
          });
        }
      }),
      { numRuns: 500 },
    );
  });
});
