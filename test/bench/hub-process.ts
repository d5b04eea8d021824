/**
 * Child process: a real hub on a temp SQLite file, seeded with the demo ward plus counters
 * q9..q30 (all fields) and officers canbo9..canbo30, so 30 officers can each hold a counter;
 * kiosks kiosk-1..kiosk-8 (one device token each) whose anti-hoarding limit is lifted, and
 * number ranges widened (`seedLoadSite`, load-site.ts). The hub runs `alwaysOpen` so the bench works at any hour.
 * Talks to the bench over IPC (see child.ts). The bench bundles it (bundle.ts, like
 * build/build-hub.ts) and runs test/bench/.out/hub-process.mjs with plain node and
 * UV_THREADPOOL_SIZE=2, the way production runs dist/hub/main.mjs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, lowerHelperThreadPriority, type Hub } from '@qms/hub';
import { migrate, openDatabase, Store } from '@qms/store';
import { seedLoadSite, type LoadSite } from './load-site';
import { answerUsage, onParentGone, profileOnRequest, runtimeInfo, timingSamples, usageMeter, watchCheckpoints, timeStatements, watchGcPauses, watchOuterTransactions, type Runtime } from './child';
import { hrMs } from './stats';

export const COUNTERS = 30;
export const KIOSK_DEVICES = 8;
/**
 * The kiosks' tickets-per-minute limit (anti-hoarding, default 10) lifted for the bench: 150
 * tickets/s over 8 kiosks is about 1,100 a minute per kiosk. The check itself still runs.
 */
const BENCH_TICKETS_PER_MINUTE = 1_000_000;
/** Command rate limits (docs/protocol.md §7.1) scaled out of the bench's way. */
const BENCH_RATE_LIMIT_SCALE = 1000;
/** Experiments only (BENCH_STMT_TIMES=1): every SQL statement's time during the rush, by statement. */
const STMT_TIMES = process.env['BENCH_STMT_TIMES'] === '1';

export interface HubReady extends LoadSite {
  url: string;
  runtime?: Runtime;
}

const dir = mkdtempSync(join(tmpdir(), 'qms-bench-hub-'));

async function main(): Promise<void> {
  const db = openDatabase(join(dir, 'qms.sqlite'));
  migrate(db);
  const store = new Store(db);
  const seeded = await seedLoadSite(store, { counters: COUNTERS, kiosks: KIOSK_DEVICES, ticketsPerMinute: BENCH_TICKETS_PER_MINUTE, password: 'bench-password-1' });
  // every simulated officer logs in from 127.0.0.1 at once: the per-address login limit would throttle them
  // the load runs far faster than people do (about 19 tickets/s per kiosk token): the command rate
  // limits are scaled out of its way, the check itself still runs
  const hub = createHub({ store, alwaysOpen: true, addressLimits: { maxFailures: 10_000 }, rateLimits: { scale: BENCH_RATE_LIMIT_SCALE } });
  const meter = usageMeter();
  const packetAt = watchPackets(hub);
  const timings = instrument(hub, store, packetAt, () => meter.recording);
  const trace = traceIssues(hub, store, packetAt, () => meter.recording);
  const { url } = await hub.listen(0, '127.0.0.1');
  // as production does after listening (apps/hub/src/run.ts); BENCH_HELPERS_NORMAL=1 leaves them (experiments only)
  const helpers = process.env['BENCH_HELPERS_NORMAL'] === '1' ? undefined : await lowerHelperThreadPriority();
  answerUsage(meter, { onMark: () => timings.clear(), extra: () => ({ timings: timings.summary() }) });
  profileOnRequest();
  onParentGone(async () => {
    trace?.();
    await hub.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  process.send?.({ type: 'ready', url, ...seeded, runtime: runtimeInfo(helpers, STMT_TIMES ? 'BENCH_STMT_TIMES=1 (every statement timed)' : undefined) } satisfies { type: 'ready' } & HubReady);
}

/** When a socket's last engine.io packet arrived (hrMs), by socket.io socket id; undefined if unknown. */
type PacketAt = (socketId: string | null | undefined) => number | undefined;

/**
 * Notes when each connection receives an engine.io packet (before socket.io decodes it), so the
 * time from a command's packet to its `submit` can be taken.
 */
function watchPackets(hub: Hub): PacketAt {
  const lastPacket = new Map<string, number>();
  hub.io.engine.on('connection', (conn: { id: string; on(e: 'packet', f: () => void): void; once(e: 'close', f: () => void): void }) => {
    conn.on('packet', () => lastPacket.set(conn.id, hrMs()));
    conn.once('close', () => lastPacket.delete(conn.id));
  });
  return (socketId) => {
    const conn = socketId ? (hub.io.of('/').sockets.get(socketId)?.conn as { id: string } | undefined) : undefined;
    return conn ? lastPacket.get(conn.id) : undefined;
  };
}

/**
 * Calls `done` with the time (ms) of each post-commit broadcast: the callback the executor calls
 * after each commit (a private constructor field), wrapped; hub code is unchanged.
 */
function watchBroadcasts(hub: Hub, done: (ms: number) => void): void {
  const ex = hub.executor as unknown as { committed?: (...args: unknown[]) => void };
  const committed = ex.committed;
  if (typeof committed !== 'function') return;
  ex.committed = (...args: unknown[]) => {
    const t0 = performance.now();
    try {
      committed(...args);
    } finally {
      done(performance.now() - t0);
    }
  };
}

/**
 * Times, inside the hub process, each command's way from its engine.io packet to `submit`
 * (`arrive:<command>`: socket.io's decoding and dispatch), and from its arrival to its acknowledgement
 * (`exec:<name>`: checks, waiting for its commit group, the group's transaction and commit),
 * each write transaction (`tx`: one commit group, including the fsync of the commit), the size
 * of each commit group (`group_size`, commands), each post-commit broadcast (`broadcast`:
 * Socket.IO encoding and the writes to every socket) and each V8 garbage collection pause (`gc`),
 * while the meter records (the hub's own rounds).
 * Wraps the instances' methods; hub code is unchanged.
 */
function instrument(hub: Hub, store: Store, packetAt: PacketAt, recording: () => boolean) {
  const executor = hub.executor;
  const samples = timingSamples(recording);
  const add = samples.add;
  // submit -> reply: checks, waiting for its group, the group's transaction and commit, the ack
  const submit = executor.submit.bind(executor);
  executor.submit = (actor, name, payload, reply) => {
    const t0 = performance.now();
    // packet -> submit: socket.io's decoding and dispatch of the command
    const at = packetAt(actor.socketId);
    if (at !== undefined) add(`arrive:${name}`, hrMs() - at);
    submit(actor, name, payload, (result) => {
      add(`exec:${name}`, performance.now() - t0);
      reply(result);
    });
  };
  executor.onGroup = (size) => add('group_size', size);
  watchBroadcasts(hub, (ms) => add('broadcast', ms));
  watchOuterTransactions(store, () => null, (ms) => add('tx', ms));
  watchGcPauses((_start, ms) => add('gc', ms));
  if (STMT_TIMES) {
    timeStatements(store.db, ['run', 'get', 'all'], (method, sql, ms) => add(`sql ${method} ${sql.slice(0, 70)}`, ms));
  }
  return samples;
}

/**
 * Experiments only (BENCH_TRACE_DIR=dir): each ticket:issue's key with, on the process-wide clock
 * (hrMs), its engine.io packet, submit and ack; and the event loop's busy spans (each commit
 * group's transaction, each broadcast, each WAL checkpoint, each GC pause). Written to dir/hub.json when the
 * child stops; tools/issue-trace.ts joins it with the kiosks' traces.
 */
function traceIssues(hub: Hub, store: Store, packetAt: PacketAt, recording: () => boolean): (() => void) | null {
  const dir = process.env['BENCH_TRACE_DIR'];
  if (!dir) return null;
  const issues: Array<[string, number, number, number]> = [];
  const spans: Array<[string, number, number]> = [];
  const executor = hub.executor;
  const submit = executor.submit.bind(executor);
  executor.submit = (actor, name, payload, reply) => {
    const t0 = hrMs();
    const at = packetAt(actor.socketId) ?? Number.NaN;
    const key = (payload as { idempotencyKey?: string } | null)?.idempotencyKey;
    submit(actor, name, payload, (result) => {
      if (recording() && name === 'ticket:issue' && key) issues.push([key, at, t0, hrMs()]);
      reply(result);
    });
  };
  // each busy span ends now (hrMs) and lasted `ms`
  const span = (kind: string) => (ms: number) => {
    const end = hrMs();
    if (recording()) spans.push([kind, end - ms, end]);
  };
  watchBroadcasts(hub, span('broadcast'));
  watchOuterTransactions(store, () => null, span('tx'));
  watchCheckpoints(store, span('checkpoint'));
  watchGcPauses((start, ms) => {
    if (recording()) spans.push(['gc', start, start + ms]);
  });
  return () => writeFileSync(join(dir, 'hub.json'), JSON.stringify({ issues, spans }));
}

main().catch((e: unknown) => {
  console.error('hub-process failed:', e);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
