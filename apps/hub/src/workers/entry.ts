/**
 * The module a job worker starts from. The main thread imports it dynamically only to learn its
 * own URL: from source that is this .ts file (run with tsx's loader), in a bundle the chunk
 * esbuild made of it, wherever the bundle lies. In a worker with a hub job in `workerData` it
 * loads the jobs and serves; anywhere else it does nothing.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { JOB_TAG } from './protocol';

export const WORKER_ENTRY_URL: string = import.meta.url;

const data = workerData as { tag?: unknown } | null;
if (!isMainThread && parentPort && data?.tag === JOB_TAG) {
  const port = parentPort;
  void import('./jobs').then((jobs) => jobs.serve(port, workerData as Parameters<typeof jobs.serve>[1]));
}
