/** Builders shared by the unit tests (not exported from the package). */
import { issuedTicket } from './lifecycle';
import type { Counter, PriorityPolicy, Ticket } from './model';

export const T0 = Date.UTC(2026, 10, 23, 1, 0, 0); // 08:00 in Hanoi, Monday 2026-11-23

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  const base = { id: 't1', serviceDay: '2026-11-23', fieldId: 'f-land', seq: 1, number: 'A-001', priorityGroup: null };
  return { ...issuedTicket({ ...base, issuedAt: T0, source: 'kiosk', issuedBy: 'kiosk-1' }), ...overrides };
}

export function makeCounter(overrides: Partial<Counter> = {}): Counter {
  return {
    id: 'c1',
    number: 1,
    name: 'Quầy 1',
    kind: 'receiving',
    fieldIds: ['f-land'],
    status: 'open',
    officerId: 'o1',
    consecutivePriorityCalls: 0,
    enabled: true,
    ...overrides,
  };
}

export function makePolicy(overrides: Partial<PriorityPolicy> = {}): PriorityPolicy {
  return {
    enabledGroups: ['elderly', 'disability', 'pregnant', 'young_child', 'meritorious'],
    maxConsecutivePriority: 2,
    ...overrides,
  };
}
