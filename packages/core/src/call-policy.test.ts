import { describe, it, expect } from 'vitest';
import {
  compareQueueOrder,
  isEligibleForCounter,
  isPriorityTicket,
  nextConsecutivePriorityCalls,
  peopleAheadInField,
  queueForCounter,
  selectNextTicket,
} from './call-policy';
import type { Counter, PriorityPolicy, Ticket } from './model';
import { T0, makeCounter, makePolicy, makeTicket } from './test-fixtures';

const MIN = 60_000;
let seq = 0;
function ticket(id: string, minute: number, extra: Partial<Ticket> = {}): Ticket {
  seq += 1;
  return makeTicket({ id, seq, number: `A-${seq}`, issuedAt: T0 + minute * MIN, ...extra });
}
const normal = (id: string, minute: number, extra: Partial<Ticket> = {}) => ticket(id, minute, extra);
const prio = (id: string, minute: number, extra: Partial<Ticket> = {}) =>
  ticket(id, minute, { priorityGroup: 'elderly', ...extra });

/** Calls until the queue is empty, updating the anti-starvation counter like the hub would. */
function drain(counter: Counter, waiting: Ticket[], policy: PriorityPolicy): string[] {
  const calls: string[] = [];
  let state = counter;
  let rest = waiting;
  for (let next = selectNextTicket({ counter: state, waiting: rest, policy }); next !== null; ) {
    calls.push(next.ticket.id);
    const chosen = next.ticket;
    state = { ...state, consecutivePriorityCalls: nextConsecutivePriorityCalls(state.consecutivePriorityCalls, next.priority) };
    rest = rest.filter((t) => t !== chosen);
    next = selectNextTicket({ counter: state, waiting: rest, policy });
  }
  return calls;
}

describe('eligibility', () => {
  const counter = makeCounter({ id: 'c1', fieldIds: ['f-land', 'f-civil'] });

  it('takes waiting untargeted tickets of its fields only', () => {
    expect(isEligibleForCounter(counter, makeTicket({ fieldId: 'f-civil' }))).toBe(true);
    expect(isEligibleForCounter(counter, makeTicket({ fieldId: 'f-tax' }))).toBe(false);
    expect(isEligibleForCounter(counter, makeTicket({ status: 'called' }))).toBe(false);
    expect(isEligibleForCounter(counter, makeTicket({ status: 'no_show' }))).toBe(false);
  });

  it('takes tickets targeted at it whatever the field, never those targeted elsewhere', () => {
    expect(isEligibleForCounter(counter, makeTicket({ fieldId: 'f-tax', targetCounterId: 'c1' }))).toBe(true);
    expect(isEligibleForCounter(counter, makeTicket({ fieldId: 'f-land', targetCounterId: 'c2' }))).toBe(false);
  });
});

describe('queue order within a class', () => {
  const counter = makeCounter({ fieldIds: ['f-land', 'f-civil'] });

  it('follows the counter field order before issue time', () => {
    const civilEarly = normal('a', 0, { fieldId: 'f-civil' });
    const landLate = normal('b', 5, { fieldId: 'f-land' });
    expect(compareQueueOrder(counter, landLate, civilEarly)).toBeLessThan(0);
  });

  it('puts a ticket targeted here from an unlisted field first', () => {
    const targeted = normal('x', 30, { fieldId: 'f-tax', targetCounterId: 'c1' });
    expect(compareQueueOrder(counter, targeted, normal('y', 0))).toBeLessThan(0);
  });

  it('breaks ties by issuedAt, then seq, then id', () => {
    expect(compareQueueOrder(counter, normal('a', 1), normal('b', 2))).toBeLessThan(0);
    const sameTime = { issuedAt: T0 };
    expect(compareQueueOrder(counter, makeTicket({ ...sameTime, seq: 2 }), makeTicket({ ...sameTime, seq: 1 }))).toBeGreaterThan(0);
    expect(compareQueueOrder(counter, makeTicket({ id: 'a' }), makeTicket({ id: 'b' }))).toBeLessThan(0);
    expect(compareQueueOrder(counter, makeTicket({ id: 'a' }), makeTicket({ id: 'a' }))).toBe(0);
  });
});

describe('selectNextTicket', () => {
  const counter = makeCounter();
  const policy = makePolicy();

  it('returns null when nothing eligible waits', () => {
    expect(selectNextTicket({ counter, waiting: [], policy })).toBeNull();
    const other = normal('o', 0, { fieldId: 'f-tax' });
    expect(selectNextTicket({ counter, waiting: [other], policy })).toBeNull();
  });

  it('calls FIFO among normal tickets', () => {
    const result = selectNextTicket({ counter, waiting: [normal('n2', 2), normal('n1', 1)], policy });
    expect(result).toEqual({ ticket: expect.objectContaining({ id: 'n1' }), priority: false });
  });

  it('calls a priority ticket before earlier normal ones', () => {
    const result = selectNextTicket({ counter, waiting: [normal('n1', 0), prio('p1', 9)], policy });
    expect(result?.ticket.id).toBe('p1');
    expect(result?.priority).toBe(true);
  });

  it('anti-starvation with max=2: P P N P P N … while both kinds wait', () => {
    const waiting = [
      ...['p1', 'p2', 'p3', 'p4', 'p5'].map((id, i) => prio(id, 10 + i)),
      ...['n1', 'n2', 'n3', 'n4'].map((id, i) => normal(id, i)),
    ];
    expect(drain(counter, waiting, policy)).toEqual(['p1', 'p2', 'n1', 'p3', 'p4', 'n2', 'p5', 'n3', 'n4']);
  });

  it('keeps calling priority tickets when only priority tickets wait', () => {
    const waiting = ['p1', 'p2', 'p3', 'p4'].map((id, i) => prio(id, i));
    expect(drain(counter, waiting, policy)).toEqual(['p1', 'p2', 'p3', 'p4']);
    const state = makeCounter({ consecutivePriorityCalls: 5 });
    expect(selectNextTicket({ counter: state, waiting, policy })?.ticket.id).toBe('p1');
  });

  it('switches to a normal ticket once the limit is reached', () => {
    const state = makeCounter({ consecutivePriorityCalls: 2 });
    const result = selectNextTicket({ counter: state, waiting: [prio('p1', 0), normal('n1', 5)], policy });
    expect(result).toEqual({ ticket: expect.objectContaining({ id: 'n1' }), priority: false });
  });

  it('treats groups the site has not enabled as normal', () => {
    const onlyElderly = makePolicy({ enabledGroups: ['elderly'] });
    const pregnant = prio('preg', 5, { priorityGroup: 'pregnant' });
    expect(isPriorityTicket(pregnant, onlyElderly)).toBe(false);
    const result = selectNextTicket({ counter, waiting: [normal('n1', 0), pregnant], policy: onlyElderly });
    expect(result).toEqual({ ticket: expect.objectContaining({ id: 'n1' }), priority: false });
  });

  it('max=0 disables priority preference: plain FIFO in field order', () => {
    const off = makePolicy({ maxConsecutivePriority: 0 });
    const waiting = [prio('p1', 5), normal('n1', 0), prio('p0', -1)];
    expect(drain(counter, waiting, off)).toEqual(['p0', 'n1', 'p1']);
  });

  it('serves fields in the counter order', () => {
    const multi = makeCounter({ fieldIds: ['f-civil', 'f-land'] });
    const waiting = [normal('land', 0), normal('civil', 10, { fieldId: 'f-civil' })];
    expect(drain(multi, waiting, policy)).toEqual(['civil', 'land']);
  });

  it('prefers priority over field order', () => {
    const multi = makeCounter({ fieldIds: ['f-civil', 'f-land'] });
    const waiting = [normal('civil', 0, { fieldId: 'f-civil' }), prio('landP', 10)];
    expect(selectNextTicket({ counter: multi, waiting, policy })?.ticket.id).toBe('landP');
  });

  it('takes a ticket transferred to this counter first, and never one targeted elsewhere', () => {
    const waiting = [
      normal('mine', 20, { fieldId: 'f-tax', targetCounterId: 'c1' }),
      normal('old', 0),
      normal('theirs', -5, { targetCounterId: 'c2' }),
    ];
    expect(drain(counter, waiting, policy)).toEqual(['mine', 'old']);
  });

  it('places a ticket transferred into this field by its original issue time', () => {
    const transferred = normal('moved', -30, { fieldId: 'f-land', numberFieldId: 'f-civil', transferCount: 1 });
    expect(drain(counter, [normal('n1', 0), transferred], policy)).toEqual(['moved', 'n1']);
  });
});

describe('nextConsecutivePriorityCalls', () => {
  it('counts priority calls and resets on a normal call', () => {
    expect(nextConsecutivePriorityCalls(0, true)).toBe(1);
    expect(nextConsecutivePriorityCalls(2, true)).toBe(3);
    expect(nextConsecutivePriorityCalls(2, false)).toBe(0);
  });
});

describe('queueForCounter', () => {
  const counter = makeCounter({ fieldIds: ['f-land', 'f-civil'] });
  const policy = makePolicy();

  it('lists eligible tickets, priority first, each by queue order', () => {
    const waiting = [normal('n1', 0), normal('c1', -5, { fieldId: 'f-civil' }), prio('p1', 9), normal('x', 0, { fieldId: 'f-tax' })];
    expect(queueForCounter(counter, waiting, policy).map((t) => t.id)).toEqual(['p1', 'n1', 'c1']);
  });

  it('predicts the anti-starvation interleaving and matches the next call', () => {
    const waiting = [prio('p1', 1), prio('p2', 2), prio('p3', 3), normal('n1', 0), normal('n2', 4)];
    const state = makeCounter({ fieldIds: ['f-land'], consecutivePriorityCalls: 1 });
    const order = queueForCounter(state, waiting, policy).map((t) => t.id);
    expect(order).toEqual(['p1', 'n1', 'p2', 'p3', 'n2']);
    expect(order[0]).toBe(selectNextTicket({ counter: state, waiting, policy })?.ticket.id);
  });

  it('is empty when nothing is eligible', () => {
    expect(queueForCounter(counter, [], policy)).toEqual([]);
  });
});

describe('peopleAheadInField', () => {
  const policy = makePolicy();
  it('counts earlier normal tickets and every priority ticket for a normal ticket', () => {
    const me = normal('me', 10);
    const waiting = [normal('a', 0), normal('b', 20), prio('p', 30), me, normal('other', 0, { fieldId: 'f-civil' })];
    expect(peopleAheadInField(me, waiting, policy)).toBe(2);
  });

  it('counts only earlier priority tickets for a priority ticket', () => {
    const me = prio('me', 10);
    const waiting = [normal('a', 0), prio('p0', 5), prio('p2', 20), me];
    expect(peopleAheadInField(me, waiting, policy)).toBe(1);
  });

  it('ignores counter targeting and non-waiting tickets', () => {
    const me = normal('me', 10);
    const waiting = [normal('t', 0, { targetCounterId: 'c7' }), normal('c', 0, { status: 'called' })];
    expect(peopleAheadInField(me, waiting, policy)).toBe(1);
  });

  it('is zero for the first ticket', () => {
    const me = normal('me', 0);
    expect(peopleAheadInField(me, [me, normal('later', 1)], policy)).toBe(0);
  });

  it('counts a group the site disabled as a normal ticket', () => {
    const me = normal('me', 10);
    const waiting = [prio('p', 30, { priorityGroup: 'pregnant' }), prio('e', 40), me];
    expect(peopleAheadInField(me, waiting, makePolicy({ enabledGroups: ['elderly'] }))).toBe(1);
    expect(peopleAheadInField(waiting[0]!, waiting, makePolicy({ enabledGroups: ['elderly'] }))).toBe(2);
  });

  it('is plain issue order when priority is off', () => {
    const me = normal('me', 10);
    const waiting = [prio('p', 30), me, normal('a', 0)];
    expect(peopleAheadInField(me, waiting, makePolicy({ maxConsecutivePriority: 0 }))).toBe(1);
    expect(peopleAheadInField(waiting[0]!, waiting, makePolicy({ maxConsecutivePriority: 0 }))).toBe(2);
  });
});
