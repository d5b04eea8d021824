/**
 * Holds the ledger of acknowledged commands against the database file the hub left behind, and
 * checks the promises that do not need the ledger (unique and gap-free numbers, a gap-free event
 * log that agrees with the ticket rows, never two counters on one ticket).
 */
import { openDatabase } from '@qms/store';
import type { Ledger } from './rush';

export interface Audit {
  tickets: number;
  events: number;
  /** Acknowledged issues whose ticket is missing or has another number or numbering field. */
  lostIssues: string[];
  /** Acknowledged calls without their `ticket:called` (recall false) row at that counter. */
  lostCalls: string[];
  /** Acknowledged finish / no-show / transfer / recall without their event row. */
  lostChanges: string[];
  /** (day, numbering field, number) present more than once. */
  duplicateNumbers: string[];
  /** A numbering field whose numbers of the day do not run rangeStart, rangeStart+1, … without a hole. */
  numberingGaps: string[];
  /** Missing seq values in the event log (clients rely on seq increasing by exactly 1). */
  eventSeqGaps: number;
  /** Violations of the double-call rule (see docs/faults.md). */
  doubleCalls: string[];
  /** Tickets called at two or more counters legitimately (released in between): the rule was exercised. */
  ticketsAtTwoCounters: number;
  /** Ticket rows that disagree with the last event about them, or tickets without an issue event. */
  stateMismatches: string[];
  /** Counters with more than one called/serving ticket. */
  countersWithTwoTickets: string[];
  /** Acknowledged keys whose stored first result is missing or names another ticket. */
  keyMismatches: string[];
  /** Retried commands answered from the stored first result (its record predates the answering attempt). */
  answeredFromIdempotency: number;
}

interface EventRow {
  seq: number;
  type: string;
  ticket_id: string | null;
  counter_id: string | null;
  data_json: string;
}
interface TicketData {
  ticket?: { id: string; status: string; counterId: string | null; fieldId: string };
  action?: string;
  recall?: boolean;
}

/** Actions after which a ticket is no longer held by the counter that called it. */
const RELEASES = new Set(['finish', 'no_show', 'transfer', 'cancel', 'expire']);

type Db = ReturnType<typeof openDatabase>;
interface TicketRow {
  id: string;
  numberFieldId: string;
  fieldId: string;
  number: string;
  status: string;
  counterId: string | null;
}
/** What the event log says: every call (ticket|counter) and change (ticket|action), and each ticket's last view. */
interface History {
  calls: Set<string>;
  changes: Set<string>;
  lastView: Map<string, NonNullable<TicketData['ticket']>>;
  issued: Set<string>;
}

function emptyAudit(tickets: number, events: number): Audit {
  return {
    tickets,
    events,
    lostIssues: [],
    lostCalls: [],
    lostChanges: [],
    duplicateNumbers: [],
    numberingGaps: [],
    eventSeqGaps: 0,
    doubleCalls: [],
    ticketsAtTwoCounters: 0,
    stateMismatches: [],
    countersWithTwoTickets: [],
    keyMismatches: [],
    answeredFromIdempotency: 0,
  };
}

/** Numbers unique per (day, field) and contiguous from the field's rangeStart; the event log without a hole. */
function checkNumbering(db: Db, events: readonly EventRow[], a: Audit): void {
  const dup = db
    .prepare('SELECT service_day AS d, number_field_id AS f, number AS n, COUNT(*) AS c FROM tickets GROUP BY 1, 2, 3 HAVING c > 1')
    .all() as Array<{ d: string; f: string; n: string; c: number }>;
  a.duplicateNumbers = dup.map((r) => `${r.d} ${r.f} ${r.n} x${r.c}`);
  const runs = db
    .prepare(
      `SELECT t.service_day AS d, t.number_field_id AS f, COUNT(*) AS c, COUNT(DISTINCT t.seq) AS dc, MIN(t.seq) AS lo, MAX(t.seq) AS hi, f.range_start AS start
       FROM tickets t JOIN fields f ON f.id = t.number_field_id GROUP BY 1, 2`,
    )
    .all() as Array<{ d: string; f: string; c: number; dc: number; lo: number; hi: number; start: number }>;
  for (const r of runs) {
    if (r.lo !== r.start || r.hi - r.lo + 1 !== r.c || r.dc !== r.c) a.numberingGaps.push(`${r.d} ${r.f}: ${r.c} tickets, seq ${r.lo}..${r.hi}`);
  }
  const last = events[events.length - 1]?.seq ?? 0;
  a.eventSeqGaps = last - events.length + ((events[0]?.seq ?? 1) - 1);
}

/**
 * Walks every ticket's events in seq order applying the double-call rule: a ticket is held by
 * the counter of its last `ticket:called` (recall false) until a finish, no-show, transfer,
 * cancel or expire releases it; a call while it is held, or a recall / start by a counter that
 * does not hold it, is a violation.
 */
function walkHistory(events: readonly EventRow[], a: Audit): History {
  const h: History = { calls: new Set(), changes: new Set(), lastView: new Map(), issued: new Set() };
  const holder = new Map<string, string | null>();
  const countersOf = new Map<string, Set<string>>();
  for (const e of events) {
    if (!e.ticket_id || !e.type.startsWith('ticket:')) continue;
    const d = JSON.parse(e.data_json) as TicketData;
    const t = e.ticket_id;
    if (d.ticket) h.lastView.set(t, d.ticket);
    if (e.type === 'ticket:issued') h.issued.add(t);
    if (e.type === 'ticket:called') {
      const counter = e.counter_id ?? '?';
      const held = holder.get(t) ?? null;
      if (d.ticket?.counterId !== counter) a.doubleCalls.push(`seq ${e.seq}: call row at ${counter} but ticket says ${d.ticket?.counterId}`);
      if (d.recall) {
        h.changes.add(`${t}|recall`);
        if (held !== counter) a.doubleCalls.push(`seq ${e.seq}: recall of ${t} at ${counter} while held by ${held}`);
        continue;
      }
      h.calls.add(`${t}|${counter}`);
      if (held !== null) a.doubleCalls.push(`seq ${e.seq}: ${t} called at ${counter} while still held by ${held}`);
      holder.set(t, counter);
      countersOf.set(t, (countersOf.get(t) ?? new Set<string>()).add(counter));
    }
    if (e.type === 'ticket:changed' && d.action) {
      h.changes.add(`${t}|${d.action}`);
      if (RELEASES.has(d.action)) holder.set(t, null);
      else if (d.action === 'start' && holder.get(t) !== (d.ticket?.counterId ?? null)) {
        a.doubleCalls.push(`seq ${e.seq}: start of ${t} at ${d.ticket?.counterId} while held by ${holder.get(t)}`);
      }
    }
  }
  a.ticketsAtTwoCounters = [...countersOf.values()].filter((s) => s.size > 1).length;
  return h;
}

/** Each ticket row agrees with its last event; no counter holds two tickets. */
function checkState(db: Db, tickets: readonly TicketRow[], h: History, a: Audit): void {
  for (const t of tickets) {
    const v = h.lastView.get(t.id);
    if (!h.issued.has(t.id)) a.stateMismatches.push(`${t.number}: no ticket:issued event`);
    if (!v || v.status !== t.status || v.counterId !== t.counterId || v.fieldId !== t.fieldId) {
      a.stateMismatches.push(`${t.number}: row ${t.status}@${t.counterId}/${t.fieldId}, last event ${v?.status}@${v?.counterId}/${v?.fieldId}`);
    }
  }
  const busy = db
    .prepare("SELECT counter_id AS c, COUNT(*) AS n FROM tickets WHERE status IN ('called', 'serving') GROUP BY counter_id HAVING n > 1")
    .all() as Array<{ c: string; n: number }>;
  a.countersWithTwoTickets = busy.map((r) => `${r.c}: ${r.n}`);
}

/** Everything acknowledged is there, and each key's stored first result names the acknowledged ticket. */
function checkLedger(db: Db, tickets: readonly TicketRow[], h: History, ledger: Ledger, a: Audit): void {
  const byId = new Map(tickets.map((t) => [t.id, t]));
  for (const i of ledger.issues) {
    const row = byId.get(i.ticketId);
    if (!row || row.number !== i.number || row.numberFieldId !== i.fieldId) {
      a.lostIssues.push(`${i.key}: ${i.number} ${i.fieldId} -> ${row ? `${row.number} ${row.numberFieldId}` : 'missing'}`);
    }
  }
  for (const c of ledger.calls) if (!h.calls.has(`${c.ticketId}|${c.counterId}`)) a.lostCalls.push(`${c.key}: ${c.ticketId} at ${c.counterId}`);
  for (const c of ledger.changes) if (!h.changes.has(`${c.ticketId}|${c.action}`)) a.lostChanges.push(`${c.key}: ${c.action} ${c.ticketId}`);

  type Stored = { scope: string; command: string; result: string; at: number };
  const stored = db.prepare('SELECT scope, command, result_json AS result, created_at AS at FROM idempotency WHERE key = ?');
  const first = (actor: string, key: string): Stored | undefined => (stored.all(key) as Stored[]).find((s) => s.scope.startsWith(`${actor}:`));
  const ticketIdOf = (result: string): string | undefined => {
    const r = JSON.parse(result) as { id?: string; ticket?: { id?: string } | null };
    return r.ticket?.id ?? r.id;
  };
  for (const s of [...ledger.issues, ...ledger.calls, ...ledger.changes]) {
    const rec = first(s.actor, s.key);
    if (!rec) a.keyMismatches.push(`${s.key}: acknowledged but no stored result`);
    else if (!rec.command.startsWith(`${s.command}#`) || ticketIdOf(rec.result) !== s.ticketId) {
      a.keyMismatches.push(`${s.key}: stored ${rec.command} for ${ticketIdOf(rec.result)}, acknowledged ${s.ticketId}`);
    }
  }
  for (const r of ledger.retried) {
    const rec = first(r.actor, r.key);
    if (rec && rec.at < r.answeredAttemptSentAt) a.answeredFromIdempotency += 1;
  }
}

export function auditDatabase(dbPath: string, ledger: Ledger | null): Audit {
  const db = openDatabase(dbPath);
  try {
    const tickets = db
      .prepare('SELECT id, number_field_id AS numberFieldId, field_id AS fieldId, number, status, counter_id AS counterId FROM tickets')
      .all() as TicketRow[];
    const events = db.prepare('SELECT seq, type, ticket_id, counter_id, data_json FROM events ORDER BY seq').all() as EventRow[];
    const a = emptyAudit(tickets.length, events.length);
    checkNumbering(db, events, a);
    const history = walkHistory(events, a);
    checkState(db, tickets, history, a);
    if (ledger) checkLedger(db, tickets, history, ledger, a);
    return a;
  } finally {
    db.close();
  }
}

/** The audit's failures in one list (empty when every promise held). */
export function auditProblems(a: Audit): string[] {
  const named: Array<[string, readonly string[]]> = [
    ['lost acknowledged issues', a.lostIssues],
    ['lost acknowledged calls', a.lostCalls],
    ['lost acknowledged changes', a.lostChanges],
    ['duplicate numbers', a.duplicateNumbers],
    ['numbering gaps', a.numberingGaps],
    ['double calls', a.doubleCalls],
    ['ticket rows vs event log', a.stateMismatches],
    ['counters holding two tickets', a.countersWithTwoTickets],
    ['idempotency records', a.keyMismatches],
  ];
  const out = named.filter(([, l]) => l.length > 0).map(([n, l]) => `${n} (${l.length}): ${l.slice(0, 5).join('; ')}`);
  if (a.eventSeqGaps !== 0) out.push(`event log seq gaps: ${a.eventSeqGaps}`);
  return out;
}
