/**
 * Worker thread of the load generator: the kiosks (see KioskPool in clients.ts and kiosks.ts).
 * Connects one socket per kiosk, then runs the kiosk side of each rush it is sent. Bundled by
 * bundle.ts (a worker cannot use the parent's tsx loader).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connect, connectMany, type FromKiosks, type ToKiosks } from './clients';
import { runKiosks } from './kiosks';

const { url, auths, readyEvent } = workerData as { url: string; auths: Array<Record<string, unknown> | undefined>; readyEvent: string | null };
const post = (m: FromKiosks) => parentPort?.postMessage(m);

async function main(): Promise<void> {
  const kiosks = (await connectMany(auths.length, (i) => connect(url, auths[i], readyEvent))).map((c) => c.socket);
  parentPort?.on('message', (m: ToKiosks) => {
    if (m.type === 'run') {
      runKiosks(kiosks, m.plan, new Int32Array(m.progress)).then(
        (result) => post({ type: 'ran', result }),
        (e: unknown) => post({ type: 'failed', message: (e as Error).message }),
      );
    } else if (m.type === 'close') {
      for (const s of kiosks) s.disconnect();
      post({ type: 'closed' });
    }
  });
  post({ type: 'ready' });
}

main().catch((e: unknown) => post({ type: 'failed', message: (e as Error).message }));
