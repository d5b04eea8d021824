/**
 * Fault 2: client connections drop and come back (the engine transport of random clients is
 * closed, as a network blip or a Wi-Fi roam would) while the rush runs on one hub process.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDemoDb } from '../support/test-hub';
import { auditDatabase, auditProblems } from './support/audit';
import { clientProblems, serviceDayNow, sum, unexpectedErrors } from './support/checks';
import { assembleCrew, checkInSync, type Crew } from './support/crew';
import { between, freePort, health, killAllHubs, sleep, startHub, tempDir } from './support/hubs';
import { printTable, problemsMessage } from './support/report';

const CHAOS_MS = 15_000;
const MAX_DROPS = 150;
const tmp = tempDir('qms-fault-drops-');
let crew: Crew | null = null;

afterAll(async () => {
  crew?.close();
  await killAllHubs();
  tmp.remove();
});

describe('fault: client connections dropped and restored during a rush', () => {
  it('every client resyncs without a gap and never shows a ticket twice', async () => {
    const dayAtStart = serviceDayNow();
    const dbPath = join(tmp.dir, 'qms.sqlite');
    const creds = await prepareDemoDb(dbPath, 1_000_000);
    const hub = await startHub(dbPath, { port: await freePort() });
    const c = await assembleCrew(hub.url, creds, { prefix: `dr${Date.now().toString(36)}`, kioskThinkMs: [10, 40], serviceMs: [10, 40] });
    crew = c;
    c.start();

    let drops = 0;
    const dropsBy = new Map<string, number>();
    type Client = (typeof c.all)[number];
    /** Holds the fresh snapshot of every reconnection after its drops. */
    const backAfterDrops = (x: Client) => x.snapshots >= (dropsBy.get(x.label) ?? 0) + 1;
    // drop a client only once it is fully back (connected AND its fresh snapshot arrived): a drop
    // between the handshake and the snapshot would lose that snapshot and blur the count
    const ready = (x: Client) => x.client.socket.connected && backAfterDrops(x);
    const until = Date.now() + CHAOS_MS;
    while (Date.now() < until && drops < MAX_DROPS) {
      await sleep(between(60, 200));
      // one client most of the time, sometimes two or three at once
      const n = Math.random() < 0.2 ? between(2, 3) : 1;
      for (let i = 0; i < n; i++) {
        // every fourth drop hits a client with a command in flight, if there is one: its ack is
        // then lost for sure (the drop runs before this process reads the answer), so the retry
        // path is exercised in every run, not only when a random drop happens to land on one
        const busy = drops % 4 === 0 ? c.all.filter((x) => x.inFlight > 0 && ready(x)) : [];
        const victim = busy.length > 0 ? busy[between(0, busy.length - 1)] : c.all[between(0, c.all.length - 1)];
        if (!victim || !ready(victim)) continue;
        victim.client.socket.io.engine.close();
        drops += 1;
        dropsBy.set(victim.label, (dropsBy.get(victim.label) ?? 0) + 1);
      }
    }
    await sleep(500);
    await c.stop(30_000);
    const sync = await checkInSync(c, hub.url, creds);
    const finalHealth = await health(hub.url);
    const disconnects = sum(c, (x) => x.disconnects);
    const exitCode = await hub.stop();
    const audit = auditDatabase(dbPath, c.ledger);
    const l = c.ledger;
    const notBack = c.all.filter((x) => !backAfterDrops(x)).map((x) => x.label);

    printTable(`connection drops during a rush (${CHAOS_MS / 1000} s)`, [
      ['transports closed', drops],
      ['disconnects seen / snapshots received', `${disconnects} / ${sum(c, (x) => x.snapshots)}`],
      ['events applied in order', sum(c, (x) => x.eventsApplied)],
      ['gaps inside a connection', sum(c, (x) => x.gaps)],
      ['tickets shown twice', sum(c, (x) => x.shownTwice)],
      ['stale / pre-snapshot events ignored', `${sum(c, (x) => x.staleEvents)} / ${sum(c, (x) => x.earlyEvents)}`],
      ['acknowledged issues / calls / changes', `${l.issues.length} / ${l.calls.length} / ${l.changes.length}`],
      ['lost (issues, calls, changes)', audit.lostIssues.length + audit.lostCalls.length + audit.lostChanges.length],
      ['duplicate numbers / double calls', `${audit.duplicateNumbers.length} / ${audit.doubleCalls.length}`],
      ['acks lost to a drop (attempts)', l.lostAcks],
      ['retries answered from idempotency', `${audit.answeredFromIdempotency} of ${l.retried.length}`],
      ['error answers', l.errors.length],
      ['clients resynced (same seq, tickets, counters)', `${sync.inSync} / ${c.all.length}`],
    ]);

    const problems = [...auditProblems(audit), ...unexpectedErrors(c, dayAtStart), ...l.doubleTapMismatches, ...sync.problems, ...clientProblems(c)];
    if (notBack.length > 0) problems.push(`clients that did not reconnect after each drop: ${notBack.join(', ')}`);
    if (!finalHealth?.ok) problems.push('hub not answering /api/health');
    if (exitCode !== 0) problems.push(`hub exit code on SIGTERM: ${exitCode}`);
    expect(problemsMessage(problems)).toBe('');
    expect(drops).toBeGreaterThanOrEqual(40);
    expect(sum(c, (x) => x.eventsApplied)).toBeGreaterThan(1000);
    expect(l.issues.length).toBeGreaterThanOrEqual(200);
    expect(l.lostAcks).toBeGreaterThan(0);
    expect(sync.inSync).toBe(c.all.length);
  });
});
