/**
 * Child process of the soak: the real hub (createHub) on a temp SQLite file, seeded like the
 * bench's hub child (`seedLoadSite`, test/bench/load-site.ts) but sized for one ward: the demo ward plus
 * counters q9..q20 (all fields) and officers canbo9..canbo20, so 20 officers each hold a
 * counter; kiosks kiosk-1..kiosk-3 (one device token each) whose anti-hoarding limit is lifted
 * (the check still runs); number ranges widened to 9,999 per field. `alwaysOpen`, so the soak
 * runs at any hour. Bundled by test/soak/bundle.ts and run with plain node and the settings of
 * build/hub-runtime.json (test/bench/child.ts `Child`).
 *
 * Besides the bench's `usage` reply (RSS, V8 heap, CPU), each reply carries `db`: the file
 * sizes of the database and its WAL, the logical size (page_count x page_size, what the data
 * takes whether or not the WAL was checkpointed), and the number of event and ticket rows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, lowerHelperThreadPriority, type Hub } from '@qms/hub';
import { migrate, openDatabase, Store } from '@qms/store';
import { seedLoadSite, type LoadSite } from '../bench/load-site';
import { answerUsage, onParentGone, runtimeInfo, timeStatements, usageMeter, watchCheckpoints, watchGcPauses, watchOuterTransactions, type ChildUsage, type Runtime } from '../bench/child';

export const COUNTERS = 20;
export const KIOSK_DEVICES = 3;
const TICKETS_PER_MINUTE = 1_000_000;
/** Experiments only: SOAK_TRACE_SLOW_TX_MS=3 prints every write transaction that took at least 3 ms. */
const traceSlowTxMs = Number(process.env['SOAK_TRACE_SLOW_TX_MS'] ?? 0);

export interface SoakReady extends LoadSite {
  url: string;
  dbPath: string;
  runtime?: Runtime;
}

export interface DbStats {
  fileBytes: number;
  walBytes: number;
  /** page_count x page_size as the hub's connection sees it (WAL content included). */
  logicalBytes: number;
  eventRows: number;
  ticketRows: number;
}

/**
 * The longest pauses inside the hub since the previous usage reply (one soak window), to tell a
 * slow window caused by the hub from one caused by the machine: the longest `ticket:issue` from
 * its arrival to its ack, the longest write transaction (one commit group with its fsync), the
 * longest WAL checkpoint and the longest GC pause. (No event-loop timer: a 10 ms timer would keep
 * an otherwise idle hub awake and change what the soak measures.)
 */
export interface HubPauses {
  issueExecMaxMs: number;
  txMaxMs: number;
  /** CPU time (user + system) of the process during that longest transaction: far below txMaxMs means it waited (I/O, or not scheduled). */
  txMaxCpuMs: number;
  /** The commands of that transaction's group. */
  txMaxCommands: string[];
  checkpointMaxMs: number;
  gcMaxMs: number;
}

export type SoakUsage = ChildUsage & { db: DbStats; pauses: HubPauses };

const dir = mkdtempSync(join(tmpdir(), 'qms-soak-hub-'));
const dbPath = join(dir, 'qms.sqlite');

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const db = openDatabase(dbPath);
  migrate(db);
  const store = new Store(db);
  const seeded = await seedLoadSite(store, { counters: COUNTERS, kiosks: KIOSK_DEVICES, ticketsPerMinute: TICKETS_PER_MINUTE, password: 'soak-password-1' });
  // every simulated officer logs in from 127.0.0.1 at once: the per-address login limit would throttle them
  // the simulated day is compressed (faster than people): the command rate limits are scaled out of its way
  const hub = createHub({ store, alwaysOpen: true, addressLimits: { maxFailures: 10_000 }, rateLimits: { scale: 1000 } });
  const meter = usageMeter();
  const pageCount = db.prepare('PRAGMA page_count');
  const pageSize = db.prepare('PRAGMA page_size');
  const events = db.prepare('SELECT count(*) AS n FROM events');
  const tickets = db.prepare('SELECT count(*) AS n FROM tickets');
  const dbStats = (): DbStats => ({
    fileBytes: size(dbPath),
    walBytes: size(`${dbPath}-wal`),
    logicalBytes: (pageCount.pluck().get() as number) * (pageSize.pluck().get() as number),
    eventRows: (events.get() as { n: number }).n,
    ticketRows: (tickets.get() as { n: number }).n,
  });
  const pauses = watchPauses(hub, store);
  const { url } = await hub.listen(0, '127.0.0.1');
  // as production does after listening (apps/hub/src/run.ts); SOAK_HELPERS_NORMAL=1 leaves them (experiments only)
  const helpers = process.env['SOAK_HELPERS_NORMAL'] === '1' ? undefined : await lowerHelperThreadPriority();
  // extra fields travel with the bench's usage reply (the parent reads them as SoakUsage)
  answerUsage(meter, { extra: () => ({ db: dbStats(), pauses: pauses.take() }) as Partial<ChildUsage> });
  onParentGone(async () => {
    await hub.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  process.send?.({ type: 'ready', url, dbPath, ...seeded, runtime: runtimeInfo(helpers) } satisfies { type: 'ready' } & SoakReady);
}

/** The main thread's time on a CPU and waiting in a run queue, ns (/proc/self/schedstat), or null. */
function schedstat(): [number, number] | null {
  try {
    const [run, wait] = readFileSync('/proc/self/schedstat', 'utf8').trim().split(/\s+/).map(Number);
    return run !== undefined && wait !== undefined ? [run, wait] : null;
  } catch {
    return null;
  }
}

/** Every thread of this process: name (comm) and time on a CPU, ns. */
function threadsOnCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const comm = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      const run = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      out.set(`${comm}#${tid}`, run);
    } catch {
      // the thread ended
    }
  }
  return out;
}

/**
 * Keeps the maxima of `HubPauses` for the current window; `take()` returns them and starts the
 * next window. Wraps the executor's `submit` and the store's checkpointer (a private field, as
 * the bench's instrumentation does); hub code is unchanged.
 */
function watchPauses(hub: Hub, store: Store): { take(): HubPauses } {
  const none = (): HubPauses => ({ issueExecMaxMs: 0, txMaxMs: 0, txMaxCpuMs: 0, txMaxCommands: [], checkpointMaxMs: 0, gcMaxMs: 0 });
  let cur = none();
  const submit = hub.executor.submit.bind(hub.executor);
  // the names of the queued commands, in order; each group takes the first `size` of them (the
  // soak sends no command that fails its checks or runs outside a group, so the two stay aligned)
  let queued: string[] = [];
  let group: string[] = [];
  hub.executor.onGroup = (size) => {
    group = queued.slice(0, size);
    queued = queued.slice(size);
  };
  hub.executor.submit = (actor, name, payload, reply) => {
    queued.push(name);
    if (name !== 'ticket:issue') return submit(actor, name, payload, reply);
    const t0 = performance.now();
    submit(actor, name, payload, (result) => {
      cur.issueExecMaxMs = Math.max(cur.issueExecMaxMs, performance.now() - t0);
      reply(result);
    });
  };
  // experiment: per-statement times of the current transaction, for the slow-transaction trace
  const stmtMs = new Map<string, number>();
  if (traceSlowTxMs > 0) {
    timeStatements(store.db, ['run', 'get', 'all', 'iterate'], (_method, sql, ms) => {
      const k = sql.slice(0, 70);
      stmtMs.set(k, (stmtMs.get(k) ?? 0) + ms);
    });
  }
  // the outermost transactions (commit groups): the longest one, and each slow one when tracing
  const tracing = traceSlowTxMs > 0;
  watchOuterTransactions(
    store,
    () => {
      if (tracing) stmtMs.clear();
      return { cpu: process.cpuUsage(), sched: tracing ? schedstat() : null, threads: tracing ? threadsOnCpu() : null };
    },
    (ms, s0, t0) => {
      const slow = tracing && ms >= traceSlowTxMs;
      if (!slow && ms <= cur.txMaxMs) return;
      const c = process.cpuUsage(s0.cpu);
      const cpuMs = (c.user + c.system) / 1000;
      if (slow) {
        const top = [...stmtMs].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${v.toFixed(2)} ${k}`);
        const s1 = schedstat();
        const main = s0.sched && s1 ? `main thread on CPU ${((s1[0] - s0.sched[0]) / 1e6).toFixed(2)}, waiting for a CPU ${((s1[1] - s0.sched[1]) / 1e6).toFixed(2)} ms` : '';
        const others = [...threadsOnCpu()].map(([k, v]) => [k, (v - (s0.threads?.get(k) ?? v)) / 1e6] as const).filter(([, d]) => d > 0.05).map(([k, d]) => `${k} ${d.toFixed(2)}`).join(', ');
        console.log(`soak hub: slow tx at ${t0.toFixed(0)} ms: ${ms.toFixed(2)} ms (process CPU ${cpuMs.toFixed(2)}; ${main}; threads: ${others}) ${group.join(' ')} | ${top.join(' | ')}`);
      }
      if (ms > cur.txMaxMs) {
        cur.txMaxMs = ms;
        cur.txMaxCpuMs = cpuMs;
        cur.txMaxCommands = group;
      }
    },
  );
  watchCheckpoints(store, (ms) => (cur.checkpointMaxMs = Math.max(cur.checkpointMaxMs, ms)));
  watchGcPauses((_start, ms) => (cur.gcMaxMs = Math.max(cur.gcMaxMs, ms)));
  return {
    take() {
      const out = cur;
      cur = none();
      return out;
    },
  };
}

main().catch((e: unknown) => {
  console.error('soak hub-process failed:', e);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
