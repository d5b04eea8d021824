/** Builders shared by the unit tests (not exported from the package). */
import type { Counter, PriorityPolicy, Ticket } from './model';

export const T0 = Date.UTC(2026, 10, 23, 1, 0, 0); // 08:00 in Hanoi, Monday 2026-11-23

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    serviceDay: '2026-11-23',
    fieldId: 'f-land',
    numberFieldId: 'f-land',
    seq: 1,
    number: 'A-001',
    priorityGroup: null,
    status: 'waiting',
    issuedAt: T0,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counterId: null,
    officerId: null,
    callCount: 0,
    targetCounterId: null,
    transferCount: 0,
    note: null,
    source: 'kiosk',
    issuedBy: 'kiosk-1',
    ...overrides,
  };
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
