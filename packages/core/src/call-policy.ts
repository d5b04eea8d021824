import type { Counter, PriorityGroup, PriorityPolicy, Ticket } from './model';

/** What the call policy looks at; a full Ticket and the clients' TicketView both qualify. */
export type QueueTicket = Pick<Ticket, 'id' | 'status' | 'fieldId' | 'targetCounterId' | 'priorityGroup' | 'issuedAt' | 'seq'>;
type CounterQueue = Pick<Counter, 'id' | 'fieldIds' | 'consecutivePriorityCalls'>;

/** A waiting ticket this counter may call: targeted at it, or untargeted in one of its fields. */
export function isEligibleForCounter(counter: CounterQueue, t: QueueTicket): boolean {
  if (t.status !== 'waiting') return false;
  if (t.targetCounterId !== null) return t.targetCounterId === counter.id;
  return counter.fieldIds.includes(t.fieldId);
}

/** Priority under this site's policy: a group the site does not recognise counts as normal. */
export function isPriorityTicket(t: QueueTicket, policy: PriorityPolicy): boolean {
  return t.priorityGroup !== null && policy.enabledGroups.includes(t.priorityGroup);
}

/** Order by issue time, then sequence, then id (a total, stable order). */
function compareIssueOrder(a: QueueTicket, b: QueueTicket): number {
  if (a.issuedAt !== b.issuedAt) return a.issuedAt - b.issuedAt;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Order within one class (priority or normal): the counter's field order first
 * (a ticket targeted here from a field the counter does not list ranks -1, i.e. first),
 * then issue time, sequence and id.
 */
export function compareQueueOrder(counter: CounterQueue, a: QueueTicket, b: QueueTicket): number {
  const rank = (t: QueueTicket): number => counter.fieldIds.indexOf(t.fieldId);
  const byField = rank(a) - rank(b);
  return byField !== 0 ? byField : compareIssueOrder(a, b);
}

function best<T extends QueueTicket>(counter: CounterQueue, tickets: readonly T[]): T | null {
  let found: T | null = null;
  for (const t of tickets) {
    if (found === null || compareQueueOrder(counter, t, found) < 0) found = t;
  }
  return found;
}

export interface SelectNextInput<T extends QueueTicket = Ticket> {
  counter: CounterQueue;
  waiting: readonly T[];
  policy: PriorityPolicy;
}

/**
 * The ticket the counter calls next. Priority tickets go first, but after
 * `maxConsecutivePriority` priority calls in a row a waiting normal ticket is
 * called (anti-starvation). `maxConsecutivePriority = 0` turns priority off:
 * plain FIFO in field order. `priority` tells whether the chosen ticket is a
 * priority ticket under the policy (feed it to `nextConsecutivePriorityCalls`).
 */
export function selectNextTicket<T extends QueueTicket = Ticket>(input: SelectNextInput<T>): { ticket: T; priority: boolean } | null {
  const { counter, waiting, policy } = input;
  const eligible = waiting.filter((t) => isEligibleForCounter(counter, t));
  if (policy.maxConsecutivePriority <= 0) {
    const ticket = best(counter, eligible);
    return ticket === null ? null : { ticket, priority: isPriorityTicket(ticket, policy) };
  }
  const bestPriority = best(counter, eligible.filter((t) => isPriorityTicket(t, policy)));
  const bestNormal = best(counter, eligible.filter((t) => !isPriorityTicket(t, policy)));
  const starving = bestNormal !== null && counter.consecutivePriorityCalls >= policy.maxConsecutivePriority;
  if (bestPriority !== null && !starving) return { ticket: bestPriority, priority: true };
  return bestNormal === null ? null : { ticket: bestNormal, priority: false };
}

/** The counter's new `consecutivePriorityCalls` after a call. */
export function nextConsecutivePriorityCalls(current: number, calledPriority: boolean): number {
  return calledPriority ? current + 1 : 0;
}

/**
 * Predicted call order at this counter if nobody new arrives: repeated
 * `selectNextTicket`, so anti-starvation is included and the first entry is
 * always the ticket the next call would take.
 */
export function queueForCounter<T extends QueueTicket>(counter: CounterQueue, waiting: readonly T[], policy: PriorityPolicy): T[] {
  let remaining = waiting.filter((t) => isEligibleForCounter(counter, t));
  let consecutive = counter.consecutivePriorityCalls;
  const order: T[] = [];
  for (;;) {
    const next = selectNextTicket({
      counter: { ...counter, consecutivePriorityCalls: consecutive },
      waiting: remaining,
      policy,
    });
    if (next === null) return order;
    order.push(next.ticket);
    consecutive = nextConsecutivePriorityCalls(consecutive, next.priority);
    remaining = remaining.filter((t) => t !== next.ticket);
  }
}

/**
 * Groups that rank as priority under this policy: the enabled ones, or none when priority is
 * off (`maxConsecutivePriority = 0`). The store binds this list into its people-ahead count.
 */
export function priorityGroupsInEffect(policy: PriorityPolicy): readonly PriorityGroup[] {
  return policy.maxConsecutivePriority > 0 ? policy.enabledGroups : [];
}

/** Whether `t` ranks in the priority class for people ahead: its group is in effect. */
export function ranksAsPriority(t: QueueTicket, policy: PriorityPolicy): boolean {
  return t.priorityGroup !== null && priorityGroupsInEffect(policy).includes(t.priorityGroup);
}

/**
 * The people-ahead rule: waiting ticket `other` ranks ahead of `ticket` in their field when it
 * is priority (a group in effect) and `ticket` is not, or both are of the same class and `other`
 * was issued earlier. This is the order `queueForCounter` calls in at a counter serving only this
 * field, except that anti-starvation may call a normal ticket before some priority ones: then
 * the count is an upper bound for a normal ticket and a lower bound for a priority one.
 */
export function ranksAhead(other: QueueTicket, ticket: QueueTicket, policy: PriorityPolicy): boolean {
  const theirs = ranksAsPriority(other, policy);
  const mine = ranksAsPriority(ticket, policy);
  if (theirs !== mine) return theirs;
  return compareIssueOrder(other, ticket) < 0;
}

/** Waiting tickets in the same field that rank ahead of `ticket` (`ranksAhead`), ignoring counter targeting. */
export function peopleAheadInField(ticket: QueueTicket, waiting: readonly QueueTicket[], policy: PriorityPolicy): number {
  let ahead = 0;
  for (const t of waiting) {
    if (t.id === ticket.id || t.status !== 'waiting' || t.fieldId !== ticket.fieldId) continue;
    if (ranksAhead(t, ticket, policy)) ahead += 1;
  }
  return ahead;
}
