import { ACTIVE_TICKET_STATUSES } from '@qms/core';
import { RECENT_CALLS, type CounterView, type FieldStats, type HubEvent, type Snapshot, type TicketView } from '@qms/protocol';

/** What a client knows of the hub: the last snapshot with every later event applied. */
export interface HubState {
  snapshot: Snapshot;
  /** Sequence number of the last event applied. */
  seq: number;
}

export type ApplyResult = { state: HubState; gap: false } | { state: HubState; gap: true };

const ACTIVE = new Set<string>(ACTIVE_TICKET_STATUSES);

export function fromSnapshot(snapshot: Snapshot): HubState {
  return { snapshot, seq: snapshot.seq };
}

function mergeStats(current: FieldStats[], changed: FieldStats[]): FieldStats[] {
  if (changed.length === 0) return current;
  const byField = new Map(changed.map((s) => [s.fieldId, s]));
  const merged = current.map((s) => byField.get(s.fieldId) ?? s);
  for (const s of changed) if (!current.some((c) => c.fieldId === s.fieldId)) merged.push(s);
  return merged;
}

function upsertTicket(tickets: TicketView[], t: TicketView): TicketView[] {
  const rest = tickets.filter((x) => x.id !== t.id);
  return ACTIVE.has(t.status) ? [...rest, t] : rest;
}

function replaceCounter(counters: CounterView[], c: CounterView): CounterView[] {
  return counters.some((x) => x.id === c.id) ? counters.map((x) => (x.id === c.id ? c : x)) : [...counters, c];
}

function applyBody(s: Snapshot, e: HubEvent): Snapshot {
  switch (e.type) {
    case 'ticket:issued':
    case 'ticket:changed':
      return { ...s, tickets: upsertTicket(s.tickets, e.ticket), stats: mergeStats(s.stats, e.stats) };
    case 'ticket:called':
      return {
        ...s,
        tickets: upsertTicket(s.tickets, e.ticket),
        recentCalls: [e.ticket, ...s.recentCalls.filter((t) => t.id !== e.ticket.id)].slice(0, RECENT_CALLS),
        stats: mergeStats(s.stats, e.stats),
      };
    case 'counter:changed':
      return { ...s, counters: replaceCounter(s.counters, e.counter), stats: mergeStats(s.stats, e.stats) };
    default:
      return s;
  }
}

/**
 * Applies one event. Events already covered (seq <= state.seq) are ignored; an event past a gap
 * is not applied and `gap` says the client must fetch a snapshot.
 */
export function applyEvent(state: HubState, e: HubEvent): ApplyResult {
  if (e.seq <= state.seq) return { state, gap: false };
  if (e.seq !== state.seq + 1) return { state, gap: true };
  return { state: { snapshot: { ...applyBody(state.snapshot, e), now: e.at }, seq: e.seq }, gap: false };
}

/** The ticket a counter is calling or serving now, if any. */
export function currentTicketAt(s: Snapshot, counterId: string): TicketView | null {
  return s.tickets.find((t) => t.counterId === counterId && (t.status === 'called' || t.status === 'serving')) ?? null;
}

export function statsFor(s: Snapshot, fieldId: string): FieldStats | null {
  return s.stats.find((x) => x.fieldId === fieldId) ?? null;
}
