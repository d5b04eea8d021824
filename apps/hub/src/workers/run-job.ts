/**
 * Starts a job in its own worker thread (one per job: its memory, e.g. a workbook library's, is
 * given back when it ends) and talks to it. From source the worker runs the .ts entry with tsx's
 * loader; from the bundle, the entry's chunk.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { JOB_TAG, type FromWorker, type JobInput, type JobResults, type RowsRequest } from './protocol';

/** Heap of a job worker: a file that exhausts it ends that worker (JobError.outOfMemory), never the hub. */
export const JOB_HEAP_MB = 512;

export class JobError extends Error {
  constructor(
    message: string,
    readonly outOfMemory = false,
  ) {
    super(message);
    this.name = 'JobError';
  }
}

export interface JobSession<K extends JobInput['kind']> {
  /** The job's answer (rejects with a JobError when the worker fails or dies). */
  readonly result: Promise<JobResults[K]>;
  /** Asks the running job for more (the dossier import's rows). */
  ask<T>(request: RowsRequest): Promise<T>;
  /** Ends the worker (its memory is freed). */
  close(): Promise<void>;
}

/**
 * What the worker runs: the bundle's entry chunk as it is; from source (.ts, under tsx or vitest)
 * a bootstrap that registers tsx's loader in the worker first (Node 20 does not apply a parent's
 * `--import tsx` to a worker's entry).
 */
function workerScript(entryUrl: string): { script: URL | string; eval: boolean } {
  if (!entryUrl.endsWith('.ts')) return { script: new URL(entryUrl), eval: false };
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const script = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entryUrl)}); });`;
  return { script, eval: true };
}

export async function startJob<K extends JobInput['kind']>(job: Extract<JobInput, { kind: K }>): Promise<JobSession<K>> {
  const { WORKER_ENTRY_URL } = await import('./entry');
  const { script, eval: isEval } = workerScript(WORKER_ENTRY_URL);
  const worker = new Worker(script, {
    eval: isEval,
    workerData: { ...job, tag: JOB_TAG },
    resourceLimits: { maxOldGenerationSizeMb: JOB_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: JobError | null = null;
  let settle: { resolve: (v: JobResults[K]) => void; reject: (e: Error) => void } | null = null;
  const result = new Promise<JobResults[K]>((resolve, reject) => (settle = { resolve, reject }));
  const fail = (e: JobError): void => {
    failure ??= e;
    settle?.reject(failure);
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'result') settle?.resolve(m.value as JobResults[K]);
    else if (m.type === 'reply') {
      waiting.get(m.id)?.resolve(m.value);
      waiting.delete(m.id);
    } else fail(new JobError(m.message));
  });
  worker.on('error', (e: Error & { code?: string }) => fail(new JobError(e.message, e.code === 'ERR_WORKER_OUT_OF_MEMORY')));
  worker.on('exit', (code) => fail(new JobError(`job worker exited (${code})`)));
  result.catch(() => undefined);
  return {
    result,
    ask: <T>(request: RowsRequest) =>
      new Promise<T>((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ type: 'ask', id, request });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
