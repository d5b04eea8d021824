/**
 * Fault 4: the disk fills up. Simulated without root by capping the database size: the hub
 * applies `PRAGMA max_page_count` from QMS_TEST_MAX_PAGE_COUNT right after opening the database
 * (a test hook, see docs/faults.md), and SQLite then answers SQLITE_FULL exactly as on a full disk.
 */
import { join } from 'node:path';
import { openDatabase } from '@qms/store';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDemoDb } from '../support/test-hub';
import { auditDatabase, auditProblems } from './support/audit';
import { freePort, health, killAllHubs, login, startHub, tempDir } from './support/hubs';
import { printTable, problemsMessage } from './support/report';
import { Ledger, RUSH_FIELDS } from './support/rush';
import { SyncedClient } from './support/synced-client';

const HOOK = 'QMS_TEST_MAX_PAGE_COUNT';
/** Pages of room left when the hub starts (4 KiB each): enough to sign in and open a counter. */
const HEADROOM_PAGES = 16;
/** Without the hook nothing ever fails; this many tickets prove it (the cap fills after ~100). */
const HOOK_PROBE_ATTEMPTS = 800;
/** Consecutive refused issues that mean "full", not "one page boundary". */
const FULL_STREAK = 20;
const tmp = tempDir('qms-fault-disk-');
const clients: SyncedClient[] = [];

afterAll(async () => {
  clients.forEach((c) => c.close());
  await killAllHubs();
  tmp.remove();
});

function pageCount(dbPath: string): number {
  const db = openDatabase(dbPath);
  try {
    return Number(db.pragma('page_count', { simple: true }));
  } finally {
    db.close();
  }
}

async function publicTicketStatus(url: string, id: string): Promise<number> {
  return (await fetch(`${url}/api/public/tickets/${id}`)).status;
}

describe('fault: the database disk is full', () => {
  it('answers STORAGE_FULL, loses nothing acknowledged, keeps serving reads, and continues numbering once there is room', async () => {
    const dbPath = join(tmp.dir, 'qms.sqlite');
    const creds = await prepareDemoDb(dbPath, 1_000_000);
    const cap = pageCount(dbPath) + HEADROOM_PAGES;
    const port = await freePort();
    let hub = await startHub(dbPath, { port, env: { [HOOK]: String(cap) } });
    const token = await login(hub.url, 'canbo1', creds.officers[0]?.password ?? '');
    const kiosk = new SyncedClient('kiosk', hub.url, { kind: 'device', token: creds.kioskToken });
    const officer = new SyncedClient('canbo1@q1', hub.url, { kind: 'session', token });
    const display = new SyncedClient('display', hub.url, { kind: 'device', token: creds.displayToken });
    clients.push(kiosk, officer, display);
    await Promise.all(clients.map((c) => c.waitConnected(10_000)));
    const opened = await officer.send('counter:open', { counterId: 'q1', force: true });
    expect(opened.ok, 'counter:open before the cap is reached').toBe(true);

    const ledger = new Ledger();
    const refusals = new Map<string, number>();
    const refused: Array<{ fieldId: string; priorityGroup: null; idempotencyKey: string }> = [];
    let n = 0;
    const issue = async (payload: { fieldId: string; priorityGroup: null; idempotencyKey: string }): Promise<boolean> => {
      const sentAt = Date.now();
      const r = await kiosk.send('ticket:issue', payload);
      if (r.ok) {
        const t = r.data.ticket;
        ledger.issues.push({ actor: 'kiosk:kiosk-1', command: 'ticket:issue', key: payload.idempotencyKey, attempts: 1, answeredAttemptSentAt: sentAt, ticketId: t.id, number: t.number, fieldId: t.fieldId });
        return true;
      }
      refusals.set(r.error.code, (refusals.get(r.error.code) ?? 0) + 1);
      return false;
    };
    const callNext = async (): Promise<void> => {
      n += 1;
      const key = `df-next-${n}`;
      const sentAt = Date.now();
      const r = await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: key });
      if (r.ok && r.data.ticket) {
        ledger.calls.push({ actor: 'officer:canbo1', command: 'counter:callNext', key, attempts: 1, answeredAttemptSentAt: sentAt, ticketId: r.data.ticket.id, counterId: 'q1' });
      } else if (!r.ok) refusals.set(`callNext ${r.error.code}`, (refusals.get(`callNext ${r.error.code}`) ?? 0) + 1);
    };

    // fill the database: issue (and now and then call) until FULL_STREAK issues in a row are refused
    let attempts = 0;
    let streak = 0;
    while (attempts < HOOK_PROBE_ATTEMPTS + FULL_STREAK && streak < FULL_STREAK) {
      attempts += 1;
      const payload = { fieldId: RUSH_FIELDS[attempts % RUSH_FIELDS.length] ?? 'cu-tru', priorityGroup: null, idempotencyKey: `df-fill-${attempts}` };
      if (await issue(payload)) streak = 0;
      else {
        streak += 1;
        refused.push(payload);
      }
      if (attempts % 4 === 0) await callNext();
      if (attempts === HOOK_PROBE_ATTEMPTS && refused.length === 0) {
        throw new Error(
          `hub hook missing: the hub ignored ${HOOK}=${cap} (${attempts} tickets issued past a ${HEADROOM_PAGES}-page cap without one refusal). ` +
            `apps/hub/src/run.ts must apply "PRAGMA max_page_count = $${HOOK}" right after openDatabase/migrate; see docs/faults.md "Hooks the hub needs".`,
        );
      }
    }
    const ackedBeforeFull = ledger.issues.length;

    // while full: reads keep working, writes keep being refused the same way, nothing half-done
    const whileFull = {
      health: await health(hub.url),
      snapshot: await display.send('sync:snapshot', {}),
      publicStatus: ledger.issues[0] ? await publicTicketStatus(hub.url, ledger.issues[0].ticketId) : 0,
      newDisplay: false,
      retrySame: refused[0] ? await kiosk.send('ticket:issue', refused[0]) : null,
    };
    const late = new SyncedClient('display-2', hub.url, { kind: 'device', token: creds.displayToken });
    clients.push(late);
    whileFull.newDisplay = await late.waitConnected(10_000).then(() => late.state?.seq === whileFull.health?.seq, () => false);
    for (let i = 0; i < 10; i++) {
      const payload = { fieldId: RUSH_FIELDS[i % RUSH_FIELDS.length] ?? 'cu-tru', priorityGroup: null, idempotencyKey: `df-full-${i}` };
      if (!(await issue(payload))) refused.push(payload);
      await callNext();
    }
    const seqWhileFull = whileFull.health?.seq ?? -1;
    const exitWhileFull = await hub.stop();

    // room again: restart with a higher cap; the clients come back by themselves
    const roomyCap = pageCount(dbPath) + 50_000;
    const restartAt = Date.now();
    hub = await startHub(dbPath, { port, env: { [HOOK]: String(roomyCap) } });
    await Promise.all([kiosk, officer, display].map((c) => c.waitConnected(15_000)));
    const retried = refused.length;
    const ackedAtRestart = ledger.issues.length;
    const refusalsBefore = [...refusals.values()].reduce((s, v) => s + v, 0);
    for (const payload of refused) await issue(payload); // the same keys: they stored nothing, so they run now
    for (let i = 0; i < 30; i++) {
      await issue({ fieldId: RUSH_FIELDS[i % RUSH_FIELDS.length] ?? 'cu-tru', priorityGroup: null, idempotencyKey: `df-after-${i}` });
      if (i % 3 === 0) await callNext();
    }
    const refusalsAfter = [...refusals.values()].reduce((s, v) => s + v, 0) - refusalsBefore;
    const afterHealth = await health(hub.url);
    const exitCode = await hub.stop();
    const audit = auditDatabase(dbPath, ledger);
    const codes = [...refusals].map(([k, v]) => `${k} x${v}`).join(', ');

    printTable(`database full (cap ${cap} pages = ${HEADROOM_PAGES} pages of room, then ${roomyCap})`, [
      ['issue attempts until full', attempts],
      ['acknowledged before full / in total', `${ackedBeforeFull} / ${ledger.issues.length}`],
      ['refusals (by code)', codes || 'none'],
      ['health while full', whileFull.health?.ok ? `ok (seq ${seqWhileFull})` : 'DOWN'],
      ['snapshot while full / new display connects', `${whileFull.snapshot.ok ? 'ok' : 'FAILED'} / ${whileFull.newDisplay ? 'ok' : 'FAILED'}`],
      ['public ticket status while full', whileFull.publicStatus],
      ['retry of a refused key while full', whileFull.retrySame?.ok ? 'ok (had room)' : (whileFull.retrySame?.error.code ?? '-')],
      ['exit code on SIGTERM while full', String(exitWhileFull)],
      ['refused keys retried after restart / refused again', `${retried} / ${refusalsAfter}`],
      ['lost acknowledged issues / calls', `${audit.lostIssues.length} / ${audit.lostCalls.length}`],
      ['duplicate numbers / numbering gaps', `${audit.duplicateNumbers.length} / ${audit.numberingGaps.length}`],
      ['event seq gaps', audit.eventSeqGaps],
      ['health after restart / exit code', `${afterHealth?.ok ? 'ok' : 'DOWN'} / ${exitCode}`],
    ]);

    const problems = [...auditProblems(audit)];
    const otherCodes = [...refusals.keys()].filter((k) => !k.endsWith('STORAGE_FULL'));
    if (otherCodes.length > 0) {
      problems.push(
        `commands refused with ${otherCodes.join(', ')} instead of STORAGE_FULL: the hub must map SQLITE_FULL to the STORAGE_FULL code ` +
          '(apps/hub/src/commands/executor.ts toFailure + packages/core ERROR_CODES; see docs/faults.md "Hooks the hub needs")',
      );
    }
    if (refused.length < FULL_STREAK) problems.push(`only ${refused.length} refusals: the cap was never really reached`);
    if (!whileFull.health?.ok) problems.push('/api/health did not answer while full');
    if (!whileFull.snapshot.ok || whileFull.snapshot.data.seq !== seqWhileFull) problems.push('sync:snapshot failed or stale while full');
    if (!whileFull.newDisplay) problems.push('a display could not connect (or got a stale snapshot) while full');
    if (whileFull.publicStatus !== 200) problems.push(`public ticket status answered ${whileFull.publicStatus} while full`);
    if (whileFull.retrySame?.ok) problems.push('a refused key succeeded while still full (no room was freed)');
    if (exitWhileFull !== 0) problems.push(`hub exit code on SIGTERM while full: ${exitWhileFull}`);
    if (refusalsAfter !== 0) problems.push(`${refusalsAfter} commands refused after the restart with room`);
    if (!afterHealth?.ok) problems.push('/api/health did not answer after the restart');
    if (exitCode !== 0) problems.push(`hub exit code on SIGTERM: ${exitCode}`);
    if (Date.now() - restartAt > 60_000) problems.push('recovery took over a minute');
    expect(problemsMessage(problems)).toBe('');
    expect(ackedBeforeFull).toBeGreaterThan(0);
    expect(ledger.issues.length - ackedAtRestart).toBe(retried + 30);
    expect(ledger.calls.length).toBeGreaterThan(0);
  });
});
