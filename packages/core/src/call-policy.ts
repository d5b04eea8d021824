import type { Counter, PriorityPolicy, Ticket } from './model';

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
 * Waiting tickets in the same field ahead of `ticket`, ignoring counter targeting.
 * Priority (any group) counts as ahead of a normal ticket; for a priority ticket
 * only priority tickets issued earlier count.
 */
export function peopleAheadInField(ticket: QueueTicket, waiting: readonly QueueTicket[]): number {
  const mine = ticket.priorityGroup !== null;
  let ahead = 0;
  for (const t of waiting) {
    if (t.id === ticket.id || t.status !== 'waiting' || t.fieldId !== ticket.fieldId) continue;
    const theirs = t.priorityGroup !== null;
    if (theirs && !mine) ahead += 1;
    else if (theirs === mine && compareIssueOrder(t, ticket) < 0) ahead += 1;
  }
  return ahead;
}
