/**
 * Child process, baseline (b): "bare Socket.IO + better-sqlite3". No auth, no domain. Every
 * command that changes something does exactly one synchronous better-sqlite3 insert+commit (the
 * hub's pragmas, via openDatabase) and one broadcast of one message to every connected socket,
 * under the hub's event name 'hub:events' with a one-element array (the hub's frame shape), then
 * acks.
 *  - 'call' (serial baseline): commits and broadcasts the given payload.
 *  - 'ticket:issue', 'counter:callNext', 'counter:open': the hub's command names and ack shapes,
 *    over an in-memory FIFO, so the same load generator (load.ts, rush.ts) runs against it.
 * The bench bundles it and runs it with plain node, like the hub child (bundle.ts, child.ts).
 *
 * Experiments only (the report's "bare child" line says EXPERIMENT, so such a run cannot pass for a
 * plain one): BENCH_BARE_ACK_FIRST=1 acks each command right after its commit and broadcasts after
 * (as the hub does; the plain baseline broadcasts first). BENCH_BARE_FLOOR=1 also drops the
 * database: a floor rather than a baseline, what any Socket.IO server pays for the rush's sockets and
 * fan-out on this machine.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lowerHelperThreadPriority } from '@qms/hub/thread-priority';
import { Server } from 'socket.io';
import { eventTable, tempDb } from './baseline-db';
import { answerUsage, onParentGone, profileOnRequest, runtimeInfo, timingSamples, usageMeter, type Runtime } from './child';

export interface BaselineReady {
  url: string;
  runtime: Runtime;
}

type Ack = (r: unknown) => void;
interface Ticket {
  id: string;
  number: string;
  fieldId: string;
  status: string;
}

const { db, remove } = tempDb('qms-bench-base-');
const FLOOR = process.env['BENCH_BARE_FLOOR'] === '1';
const ACK_FIRST = FLOOR || process.env['BENCH_BARE_ACK_FIRST'] === '1';
const EXPERIMENT = FLOOR
  ? 'BENCH_BARE_FLOOR=1 (no database, ack before broadcast)'
  : ACK_FIRST
    ? 'BENCH_BARE_ACK_FIRST=1 (ack before broadcast)'
    : undefined;
const insertCommit = FLOOR ? () => undefined : eventTable(db);
const http = createServer();
const io = new Server(http, { serveClient: false });
const meter = usageMeter();
/** The same names as the hub child's timings: `tx` (insert+commit) and `broadcast`. */
const timings = timingSamples(() => meter.recording);
const waiting: Ticket[] = [];
let seq = 0;
let issued = 0;

/** One insert+commit. */
function commit(body: Record<string, unknown>): void {
  const t0 = performance.now();
  insertCommit(body);
  timings.add('tx', performance.now() - t0);
}

/** One broadcast of one message to every socket. */
function broadcast(body: Record<string, unknown>): void {
  const t0 = performance.now();
  io.emit('hub:events', [{ ...body, seq: ++seq, at: Date.now() }]);
  timings.add('broadcast', performance.now() - t0);
}

/** Commits, then broadcasts and acks: the plain baseline broadcasts first, the experiments ack first (as the hub does). */
function publishAndAck(body: Record<string, unknown>, ack: Ack, reply: unknown): void {
  commit(body);
  if (ACK_FIRST) {
    ack(reply);
    broadcast(body);
  } else {
    broadcast(body);
    ack(reply);
  }
}

io.on('connection', (socket) => {
  socket.emit('hub:snapshot', { seq });
  socket.on('call', (payload: Record<string, unknown>, ack: Ack) => {
    publishAndAck(payload, ack, { ok: true });
  });
  socket.on('counter:open', (_p: unknown, ack: Ack) => ack({ ok: true, data: {} }));
  socket.on('ticket:issue', (p: { fieldId: string }, ack: Ack) => {
    const ticket = { id: crypto.randomUUID(), number: String(10_001 + issued++), fieldId: p.fieldId, status: 'waiting' };
    waiting.push(ticket);
    const reply = { ok: true, data: { ticket, peopleAhead: waiting.length - 1 } };
    publishAndAck({ type: 'ticket:issued', ticket, stats: [{ fieldId: p.fieldId, waiting: waiting.length, openCounters: 30, estimatedWaitMinutes: 5 }] }, ack, reply);
  });
  socket.on('counter:callNext', (_p: unknown, ack: Ack) => {
    const next = waiting.shift();
    if (!next) return ack({ ok: true, data: { ticket: null, counterNumber: 1 } });
    const ticket = { ...next, status: 'called' };
    publishAndAck({ type: 'ticket:called', ticket, counterNumber: 1, recall: false, stats: [] }, ack, { ok: true, data: { ticket, counterNumber: 1 } });
  });
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  // as the hub does in production (apps/hub/src/run.ts), so both servers run alike; BENCH_HELPERS_NORMAL=1 leaves them
  const lowering = process.env['BENCH_HELPERS_NORMAL'] === '1' ? Promise.resolve(undefined) : lowerHelperThreadPriority();
  void lowering.then((helpers) => {
    process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}`, runtime: runtimeInfo(helpers, EXPERIMENT) } satisfies { type: 'ready' } & BaselineReady);
  });
});
answerUsage(meter, { onMark: () => timings.clear(), extra: () => ({ timings: timings.summary() }) });
profileOnRequest();
onParentGone(
  () =>
    new Promise<void>((resolve) => {
      io.close(() => {
        remove();
        resolve();
      });
    }),
);
