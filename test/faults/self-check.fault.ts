/**
 * The fault suite's own checks must be able to fail. This plants each kind of damage the
 * audit and the client comparison look for into a real database / a real client view and
 * expects every one to be reported (and a clean run to report nothing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { auditDatabase, auditProblems } from './support/audit';
import { Ledger } from './support/rush';
import { SyncedClient } from './support/synced-client';

let h: TestHub | null = null;
const clients: SyncedClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await h?.close();
  h = null;
});

describe('fault suite self-check', () => {
  it('the audit reports lost, duplicate, gapped and double-called tickets planted in the database', async () => {
    const hub = await startTestHub();
    h = hub;
    const kiosk = hub.kiosk();
    await kiosk.ready();
    const o1 = await hub.officerAt('canbo1', 'q1');
    const issued = [];
    for (let i = 1; i <= 3; i++) issued.push(data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: `self-key-${i}` })).ticket);
    const called = data(await o1.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'self-next-1' })).ticket;
    expect(called?.id).toBe(issued[0]?.id);

    const ledger = new Ledger();
    const at = Date.now();
    for (const [i, t] of issued.entries()) {
      ledger.issues.push({ actor: 'kiosk:kiosk-1', command: 'ticket:issue', key: `self-key-${i + 1}`, attempts: 1, answeredAttemptSentAt: at, ticketId: t.id, number: t.number, fieldId: t.fieldId });
    }
    ledger.calls.push({ actor: 'officer:canbo1', command: 'counter:callNext', key: 'self-next-1', attempts: 1, answeredAttemptSentAt: at, ticketId: called?.id ?? '', counterId: 'q1' });
    const clean = auditDatabase(hub.dbPath, ledger);
    expect(auditProblems(clean)).toEqual([]);
    expect(clean.tickets).toBe(3);

    // plant the damage
    const db = hub.store.db;
    const first = issued[0];
    const second = issued[1];
    if (!first || !second) throw new Error('tickets missing');
    const view = { ...first, status: 'called', counterId: 'q2', callCount: 2 };
    const insertEvent = db.prepare(
      "INSERT INTO events (seq, at, type, actor_kind, actor_id, counter_id, ticket_id, data_json) VALUES (?, ?, 'ticket:called', 'officer', 'canbo2', ?, ?, ?)",
    );
    const last = hub.store.events.lastSeq();
    insertEvent.run(last + 1, at, 'q2', first.id, JSON.stringify({ type: 'ticket:called', ticket: view, counterNumber: 2, recall: false, stats: [] }));
    insertEvent.run(last + 3, at, 'q2', first.id, JSON.stringify({ type: 'ticket:called', ticket: view, counterNumber: 2, recall: true, stats: [] })); // and seq last+2 is missing
    const atQ3 = { ...view, counterId: 'q3' };
    insertEvent.run(last + 4, at, 'q3', first.id, JSON.stringify({ type: 'ticket:called', ticket: atQ3, counterNumber: 3, recall: true, stats: [] }));
    const stored = hub.store.tickets.byId(second.id);
    if (!stored) throw new Error('ticket row missing');
    hub.store.tickets.insert({ ...stored, id: 'planted-duplicate', seq: stored.seq + 10 }); // same number, a hole in the seqs
    ledger.issues.push({ ...ledger.issues[0], key: 'self-lost', ticketId: 'never-stored' } as (typeof ledger.issues)[number]);
    ledger.calls.push({ ...ledger.calls[0], key: 'self-lost-call', counterId: 'q3' } as (typeof ledger.calls)[number]);
    ledger.changes.push({ actor: 'officer:canbo1', command: 'ticket:finish', key: 'self-lost-finish', attempts: 1, answeredAttemptSentAt: at, ticketId: second.id, action: 'finish' });

    const a = auditDatabase(hub.dbPath, ledger);
    expect(a.lostIssues).toHaveLength(1);
    expect(a.lostCalls).toHaveLength(1);
    expect(a.lostChanges).toHaveLength(1);
    expect(a.duplicateNumbers).toHaveLength(1);
    expect(a.numberingGaps).toHaveLength(1);
    expect(a.eventSeqGaps).toBe(1);
    expect(a.doubleCalls.some((d) => d.includes('while still held by q1'))).toBe(true);
    expect(a.doubleCalls.some((d) => d.includes('recall') && d.includes('at q2'))).toBe(false); // q2 holds it after the planted call: its recall is legal
    expect(a.doubleCalls.some((d) => d.includes('recall') && d.includes('at q3 while held by q2'))).toBe(true);
    expect(a.stateMismatches.length).toBeGreaterThan(0); // the first ticket's row says q1, its last event q2; the planted row has no issue event
    expect(a.keyMismatches.some((k) => k.startsWith('self-lost'))).toBe(true);
    expect(auditProblems(a).length).toBeGreaterThanOrEqual(8);
  });

  it('a client view that missed an event, or shows a ticket twice, differs from a fresh snapshot', async () => {
    const hub = await startTestHub();
    h = hub;
    const kiosk = hub.kiosk();
    await kiosk.ready();
    const display = new SyncedClient('display', hub.url, { kind: 'device', token: hub.creds.displayToken });
    clients.push(display);
    await display.waitConnected(5000);
    for (let i = 1; i <= 3; i++) data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: `view-key-${i}` }));
    const fresh = new SyncedClient('fresh', hub.url, { kind: 'device', token: hub.creds.displayToken });
    clients.push(fresh);
    await fresh.waitConnected(5000);
    const snapshot = fresh.state?.snapshot;
    if (!snapshot || !display.state) throw new Error('no state');
    expect(display.diff(snapshot)).toEqual([]);

    const good = display.state;
    display.state = { seq: good.seq - 1, snapshot: { ...good.snapshot, tickets: good.snapshot.tickets.slice(1) } };
    expect(display.diff(snapshot).length).toBeGreaterThanOrEqual(2); // seq and the missing ticket
    const twice = good.snapshot.tickets[0];
    display.state = { seq: good.seq, snapshot: { ...good.snapshot, tickets: [...good.snapshot.tickets, ...(twice ? [{ ...twice, status: 'called' as const }] : [])] } };
    expect(display.diff(snapshot).length).toBeGreaterThan(0);
    display.state = good;
    expect(display.gaps + display.shownTwice).toBe(0);
  });
});
