/**
 * Fault 1: the hub is killed with SIGKILL 50 times at random moments of a rush and restarted on
 * the same database file and port each time; the clients come back by themselves.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDemoDb } from '../support/test-hub';
import { auditDatabase, auditProblems } from './support/audit';
import { clientProblems, serviceDayNow, sum, unexpectedErrors } from './support/checks';
import { assembleCrew, checkInSync, type Crew } from './support/crew';
import { between, freePort, health, killAllHubs, sleep, startHub, tempDir } from './support/hubs';
import { percentile, printTable, problemsMessage } from './support/report';
import { waitAllReconnected } from './support/synced-client';

/** 50 by default; QMS_FAULTS_KILLS overrides it for a quick local look (the table shows the count). */
const KILLS = Number(process.env.QMS_FAULTS_KILLS ?? '50');
/** Time the kills may take (about 80 s on an idle 2-core machine; the suite must stay under 6 min). */
const KILL_BUDGET_MS = 220_000;
const tmp = tempDir('qms-fault-kill9-');
let crew: Crew | null = null;

afterAll(async () => {
  crew?.close();
  await killAllHubs();
  tmp.remove();
});

describe('fault: kill -9 the hub during a rush', () => {
  it(`loses nothing acknowledged across ${KILLS} SIGKILLs and every client resyncs`, async () => {
    const dayAtStart = serviceDayNow();
    const dbPath = join(tmp.dir, 'qms.sqlite');
    const creds = await prepareDemoDb(dbPath, 1_000_000);
    const port = await freePort();
    let hub = await startHub(dbPath, { port });
    const c = await assembleCrew(hub.url, creds, { prefix: `k9${Date.now().toString(36)}`, kioskThinkMs: [10, 40], serviceMs: [10, 40] });
    crew = c;
    c.start();

    const started = Date.now();
    let kills = 0;
    let healthyRestarts = 0;
    let slowestReturnMs = 0;
    let issuesAtKill = 0;
    const startMs: number[] = [];
    const returnAfterUpMs: number[] = [];
    for (let i = 0; i < KILLS && Date.now() - started < KILL_BUDGET_MS; i++) {
      await sleep(between(50, 400)); // load on the live hub, then a kill at a random moment
      issuesAtKill = c.ledger.issues.length;
      await hub.kill9();
      kills += 1;
      const restartAt = Date.now();
      hub = await startHub(dbPath, { port });
      const upAt = Date.now();
      startMs.push(upAt - restartAt);
      if ((await health(hub.url))?.ok) healthyRestarts += 1;
      const back = await waitAllReconnected(c.all, restartAt, 20_000);
      slowestReturnMs = Math.max(slowestReturnMs, back);
      returnAfterUpMs.push(restartAt + back - upAt);
    }
    await sleep(500); // the last life carries load too
    await c.stop(30_000);
    const loadMs = Date.now() - started;

    const sync = await checkInSync(c, hub.url, creds);
    const finalHealth = await health(hub.url);
    const exitCode = await hub.stop();
    const audit = auditDatabase(dbPath, c.ledger);
    const l = c.ledger;

    printTable(`kill -9 x${KILLS} during a rush (${(loadMs / 1000).toFixed(0)} s)`, [
      ['kills (SIGKILL) / healthy restarts', `${kills} / ${healthyRestarts}`],
      ['acknowledged issues', l.issues.length],
      ['acknowledged calls / changes', `${l.calls.length} / ${l.changes.length}`],
      ['tickets / events in the database', `${audit.tickets} / ${audit.events}`],
      ['lost (issues, calls, changes)', audit.lostIssues.length + audit.lostCalls.length + audit.lostChanges.length],
      ['duplicate numbers per (day, field)', audit.duplicateNumbers.length],
      ['numbering gaps / event seq gaps', `${audit.numberingGaps.length} / ${audit.eventSeqGaps}`],
      ['double calls (two counters on one ticket)', audit.doubleCalls.length],
      ['tickets called at 2+ counters after a release', audit.ticketsAtTwoCounters],
      ['acks lost to a kill (attempts)', l.lostAcks],
      ['commands retried with the same key', l.retried.length],
      ['retries answered from idempotency', audit.answeredFromIdempotency],
      ['double taps (same key again) / mismatches', `${l.doubleTaps} / ${l.doubleTapMismatches.length}`],
      ['idempotency record mismatches', audit.keyMismatches.length],
      ['error answers', l.errors.length],
      ['clients resynced (same seq, tickets, counters)', `${sync.inSync} / ${c.all.length}`],
      ['gaps seen by clients / tickets shown twice', `${sum(c, (x) => x.gaps)} / ${sum(c, (x) => x.shownTwice)}`],
      ['hub start p50 / max (spawn to listening)', `${percentile(startMs, 50)} / ${Math.max(...startMs)} ms`],
      ['all 10 clients back after listening p50 / max', `${percentile(returnAfterUpMs, 50)} / ${Math.max(...returnAfterUpMs)} ms`],
      ['slowest return of all 10 clients after a kill', `${slowestReturnMs} ms`],
      ['health after the last restart / exit code on SIGTERM', `${finalHealth?.ok ? 'ok' : 'DOWN'} (seq ${finalHealth?.seq}) / ${exitCode}`],
    ]);

    const problems = [
      ...auditProblems(audit),
      ...unexpectedErrors(c, dayAtStart),
      ...l.doubleTapMismatches,
      ...sync.problems,
      ...clientProblems(c),
    ];
    if (kills !== KILLS || healthyRestarts !== KILLS) {
      problems.push(`${kills} kills (${healthyRestarts} healthy restarts) of ${KILLS} within the ${KILL_BUDGET_MS / 1000} s budget`);
    }
    if (!finalHealth?.ok) problems.push('hub not answering /api/health after the last restart');
    if (exitCode !== 0) problems.push(`hub exit code on SIGTERM: ${exitCode}`);
    expect(problemsMessage(problems)).toBe('');
    // the run must have been a real rush, with kills that cut commands in flight
    expect(l.issues.length).toBeGreaterThanOrEqual(10 * KILLS);
    expect(l.calls.length).toBeGreaterThanOrEqual(4 * KILLS);
    expect(l.changes.length).toBeGreaterThanOrEqual(2 * KILLS);
    expect(l.lostAcks).toBeGreaterThanOrEqual(KILLS / 2);
    expect(l.doubleTaps).toBeGreaterThan(0);
    expect(audit.ticketsAtTwoCounters).toBeGreaterThan(0);
    expect(issuesAtKill).toBeLessThan(l.issues.length); // load continued after the last kill
    expect(sync.inSync).toBe(c.all.length);
  });
});
