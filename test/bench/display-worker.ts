/**
 * Worker thread of the load generator: the wall displays (see DisplayWall in clients.ts). Connects
 * `count` sockets, and for every ticket called reports when the last display received it, on the
 * process-wide monotonic clock. With readyEvent 'hub:snapshot' it also checks that every display
 * sees every seq. Bundled by bundle.ts (a worker cannot use the parent's tsx loader).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { HubEvent, Snapshot } from '@qms/protocol';
import { calledTicketIds, connect, connectMany, hrMs, type FromWall, type RawSocket, type ToWall } from './clients';

const { url, auth, readyEvent, count } = workerData as { url: string; auth: Record<string, unknown> | undefined; readyEvent: string | null; count: number };
const post = (m: FromWall) => parentPort?.postMessage(m);
const arrivals = new Map<string, number>();
let seqGaps = 0;

async function main(): Promise<void> {
  const screens = await connectMany(count, () => connect(url, auth, readyEvent));
  for (const { socket, first } of screens) watch(socket, readyEvent === 'hub:snapshot' ? (first as Snapshot).seq : null);
  parentPort?.on('message', (m: ToWall) => {
    if (m.type === 'seqGaps') post({ type: 'seqGaps', n: seqGaps });
    else if (m.type === 'close') {
      for (const { socket } of screens) socket.disconnect();
      post({ type: 'closed' });
    }
  });
  post({ type: 'ready' });
}

function watch(socket: RawSocket, firstSeq: number | null): void {
  let last = firstSeq;
  socket.on('hub:events', (frame: HubEvent[]) => {
    const at = hrMs();
    for (const key of calledTicketIds(frame)) {
      const n = (arrivals.get(key) ?? 0) + 1;
      if (n < count) arrivals.set(key, n);
      else {
        arrivals.delete(key);
        post({ type: 'complete', key, at });
      }
    }
    if (last === null) return;
    for (const e of frame) {
      if (e.seq !== last + 1) seqGaps++;
      last = e.seq;
    }
  });
}

main().catch((e: unknown) => post({ type: 'failed', message: (e as Error).message }));
