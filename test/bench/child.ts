import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapCodeStatistics, getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELPER_THREAD_NICE, type ThreadPriorityResult } from '@qms/hub/thread-priority';
import { hrMs, summarize } from './stats';

/** Messages between the bench (parent) and its hub / baseline child processes. */
export type ToChild =
  /** Reset the CPU / event-loop / timing counters; `resume` and `pause` bound what they count. */
  | { type: 'mark' }
  | { type: 'resume' }
  | { type: 'pause' }
  | { type: 'usage' }
  | { type: 'stop' }
  /** Start / stop a V8 CPU profile of the child's main thread (written to `file` on stop). */
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string };
export type FromChild<Ready> =
  | ({ type: 'ready' } & Ready)
  | { type: 'usage'; usage: ChildUsage }
  | { type: 'profiled'; file: string | null };

/** How the child actually runs: the bench reports it so "plain node, bundled" is checked, not assumed. */
export interface Runtime {
  node: string;
  script: string;
  execArgv: string[];
  nodeOptions: string;
  uvThreadpoolSize: string | null;
  /** glibc malloc tuning variables (MALLOC_*), when set for an experiment. */
  mallocEnv: Record<string, string>;
  /** Helper threads set to a low priority as production does (lowerHelperThreadPriority), or why not. */
  helperThreads: string;
  /** An experiment this child runs instead of its plain behaviour (e.g. BENCH_BARE_FLOOR), or absent. */
  experiment?: string;
}

export function runtimeInfo(helpers?: ThreadPriorityResult, experiment?: string): Runtime {
  return {
    ...(experiment ? { experiment } : {}),
    node: process.version,
    script: process.argv[1] ?? '',
    execArgv: process.execArgv,
    nodeOptions: process.env['NODE_OPTIONS'] ?? '',
    uvThreadpoolSize: process.env['UV_THREADPOOL_SIZE'] ?? null,
    helperThreads: !helpers
      ? 'normal priority'
      : helpers.skipped
        ? `normal priority (${helpers.skipped})`
        : `${helpers.lowered.length} at nice ${HELPER_THREAD_NICE}${helpers.failed.length ? `, ${helpers.failed.length} failed` : ''}`,
    mallocEnv: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('MALLOC_') && e[1] !== undefined)),
  };
}

export interface ChildUsage {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** Memory outside the V8 heap that V8 knows of (Buffers, sockets' ArrayBuffers). */
  externalMb: number;
  /** Where the RSS is: anonymous (heaps, malloc, thread stacks) vs file-backed (code, mapped libraries). */
  memory: { rssAnonMb: number; rssFileMb: number; arrayBuffersMb: number; v8MallocedMb: number; v8CodeAndMetadataMb: number };
  /** CPU time (user + system) in the recording windows since the last `mark`, ms. */
  cpuMs: number;
  /** Event-loop utilisation in those windows (0..1). */
  elu: number;
  /** Per-command timings inside the hub process in those windows (hub child only). */
  timings?: Record<string, { n: number; p50: number; p99: number; mean: number }>;
}

interface HubRuntime {
  env: Record<string, string>;
  nodeArgs: string[];
}

/** build/hub-runtime.json, read when a child is started (children bundled elsewhere never need it). */
function hubRuntime(): HubRuntime {
  return JSON.parse(readFileSync(join(process.cwd(), 'build', 'hub-runtime.json'), 'utf8')) as HubRuntime;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

/**
 * A bundled child (`bundle.ts`) run with plain `node`, as production runs dist/hub/main.mjs:
 * no TypeScript loader, UV_THREADPOOL_SIZE=2 (what apps/hub/src/main.ts sets before loading
 * anything), talking over IPC.
 */
export class Child<Ready> {
  private readonly proc: ChildProcess;
  private readonly waiters: Array<{ type: string; resolve: (m: FromChild<Ready>) => void }> = [];
  /** Messages nobody waited for yet (e.g. 'ready' of a child started early). */
  private readonly inbox: Array<FromChild<Ready>> = [];

  constructor(scriptPath: string, extraNodeArgs: string[] = []) {
    // the same process settings as production (build/hub-runtime.json, used by npm start)
    const runtime = hubRuntime();
    const env: NodeJS.ProcessEnv = { ...runtime.env, ...process.env };
    // the parent runs under tsx; nothing of it may reach the child
    delete env['NODE_OPTIONS'];
    delete env['TSX_TSCONFIG_PATH'];
    this.proc = fork(scriptPath, [], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      execPath: process.execPath,
      execArgv: [...runtime.nodeArgs, ...extraNodeArgs],
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    running.add(this.proc);
    this.proc.on('exit', () => running.delete(this.proc));
    this.proc.on('message', (m: FromChild<Ready>) => {
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiters.splice(i, 1)[0]?.resolve(m);
      else this.inbox.push(m);
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  private next(type: 'ready' | 'usage' | 'profiled', timeoutMs: number): Promise<unknown> {
    const early = this.inbox.findIndex((m) => m.type === type);
    if (early >= 0) return Promise.resolve(this.inbox.splice(early, 1)[0]);
    if (this.proc.exitCode !== null) return Promise.reject(new Error(`child ${this.pid} exited (${this.proc.exitCode}) before '${type}'`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child ${this.pid}: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      const exited = (code: number | null) => reject(new Error(`child ${this.pid} exited (${code}) before '${type}'`));
      this.proc.once('exit', exited);
      this.waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          this.proc.off('exit', exited);
          resolve(m);
        },
      });
    });
  }

  async ready(timeoutMs = 30_000): Promise<Ready> {
    return (await this.next('ready', timeoutMs)) as Ready;
  }

  send(m: ToChild): void {
    this.proc.send(m);
  }

  async usage(): Promise<ChildUsage> {
    const reply = this.next('usage', 10_000);
    this.send({ type: 'usage' });
    return ((await reply) as { usage: ChildUsage }).usage;
  }

  /** Stops the profile started with `profile-start`; resolves with the file written (or null). */
  async stopProfile(file: string): Promise<string | null> {
    const reply = this.next('profiled', 30_000);
    this.send({ type: 'profile-stop', file });
    return ((await reply) as { file: string | null }).file;
  }

  /** Asks the child to exit; kills it when it does not within `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()));
    if (this.proc.connected) this.send({ type: 'stop' });
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

function procStatusMb(field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Child side: CPU and event-loop counters summed over recording windows (`resume` .. `pause`)
 * since the last `mark`, and memory now. The bench interleaves rounds on two servers, so each
 * child counts only its own rounds. `recording` tells instrumentation when to keep samples.
 */
export function usageMeter(): { readonly recording: boolean; mark(): void; resume(): void; pause(): void; read(): Omit<ChildUsage, 'timings'> } {
  let cpuMs = 0;
  let active = 0;
  let idle = 0;
  let open: { cpu: NodeJS.CpuUsage; elu: ReturnType<typeof performance.eventLoopUtilization> } | null = null;
  const mb = (bytes: number) => bytes / 2 ** 20;
  /** The counters including the open window, if any. */
  const totals = () => {
    if (!open) return { cpuMs, active, idle };
    const c = process.cpuUsage(open.cpu);
    const e = performance.eventLoopUtilization(open.elu);
    return { cpuMs: cpuMs + (c.user + c.system) / 1000, active: active + e.active, idle: idle + e.idle };
  };
  return {
    get recording() {
      return open !== null;
    },
    mark() {
      cpuMs = active = idle = 0;
      open = null;
    },
    resume() {
      open ??= { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization() };
    },
    pause() {
      ({ cpuMs, active, idle } = totals());
      open = null;
    },
    read() {
      const t = totals();
      const m = process.memoryUsage();
      const h = getHeapStatistics();
      return {
        rssMb: mb(m.rss),
        heapUsedMb: mb(m.heapUsed),
        heapTotalMb: mb(m.heapTotal),
        externalMb: mb(m.external),
        memory: {
          rssAnonMb: procStatusMb('RssAnon'),
          rssFileMb: procStatusMb('RssFile'),
          arrayBuffersMb: mb(m.arrayBuffers),
          v8MallocedMb: mb(h.malloced_memory),
          v8CodeAndMetadataMb: mb(getHeapCodeStatistics().code_and_metadata_size),
        },
        cpuMs: t.cpuMs,
        elu: t.active + t.idle > 0 ? t.active / (t.active + t.idle) : 0,
      };
    },
  };
}

/** Child side: latency samples by name, kept only while `recording()`; summarised for `usage`. */
export function timingSamples(recording: () => boolean) {
  const samples = new Map<string, number[]>();
  return {
    add(k: string, ms: number): void {
      if (!recording()) return;
      const list = samples.get(k) ?? [];
      list.push(ms);
      samples.set(k, list);
    },
    clear: () => samples.clear(),
    summary: () => Object.fromEntries([...samples].map(([k, v]) => [k, summarize(v)])),
  };
}

/**
 * Child side: wraps `store.transaction` so `done` sees each outermost transaction (one commit
 * group with its fsync'ed commit; the per-command savepoints inside are not counted): its time in
 * ms and what `start` noted just before it. Hub code is unchanged (the instance's method is replaced).
 */
export function watchOuterTransactions<S>(
  store: { transaction<T>(fn: () => T): T },
  start: () => S,
  done: (ms: number, started: S, t0: number) => void,
): void {
  const transaction = store.transaction.bind(store);
  let depth = 0;
  store.transaction = <T>(fn: () => T): T => {
    const outer = depth === 0;
    const started = outer ? start() : undefined;
    const t0 = performance.now();
    depth++;
    try {
      return transaction(fn);
    } finally {
      depth--;
      if (outer) done(performance.now() - t0, started as S, t0);
    }
  };
}

/**
 * Child side: calls `done` after each WAL checkpoint the hub runs after its acknowledgements
 * (`WalCheckpointer`, created by `createHub`; a private field of the store), with its time in ms
 * and its start (performance.now()). Does nothing when the store defers no checkpoints.
 */
export function watchCheckpoints(store: object, done: (ms: number, t0: number) => void): void {
  const cp = (store as { checkpointer?: { run: () => unknown } | null }).checkpointer;
  if (!cp) return;
  const run = cp.run.bind(cp);
  cp.run = () => {
    const t0 = performance.now();
    try {
      return run();
    } finally {
      done(performance.now() - t0, t0);
    }
  };
}

/**
 * Child side: calls `done` with the start (hrMs) and length (ms) of each V8 garbage collection
 * pause. The hub runs with --single-threaded-gc, so each pause holds the event loop.
 */
export function watchGcPauses(done: (start: number, ms: number) => void): void {
  const toHr = hrMs() - performance.now();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) done(e.startTime + toHr, e.duration);
  }).observe({ entryTypes: ['gc'] });
}

/**
 * Experiments: times every call of the given better-sqlite3 statement methods on `db` (the
 * Statement prototype is shared, so statements prepared earlier are timed too): `timed` gets the
 * method, the statement's SQL with its whitespace collapsed, and the time in ms.
 */
export function timeStatements(
  db: { prepare(sql: string): unknown },
  methods: readonly string[],
  timed: (method: string, sql: string, ms: number) => void,
): void {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, unknown>;
  for (const method of methods) {
    const orig = proto[method] as (...a: unknown[]) => unknown;
    proto[method] = function (this: { source: string }, ...a: unknown[]) {
      const t0 = performance.now();
      try {
        return orig.apply(this, a);
      } finally {
        timed(method, this.source.replace(/\s+/g, ' '), performance.now() - t0);
      }
    };
  }
}

/** Child side: answers mark / resume / pause / usage; `extra` adds fields to the usage reply. */
export function answerUsage(meter: ReturnType<typeof usageMeter>, hooks: { onMark?: () => void; extra?: () => Partial<ChildUsage> } = {}): void {
  process.on('message', (m: ToChild) => {
    if (m.type === 'mark') {
      meter.mark();
      hooks.onMark?.();
    } else if (m.type === 'resume') meter.resume();
    else if (m.type === 'pause') meter.pause();
    else if (m.type === 'usage') process.send?.({ type: 'usage', usage: { ...meter.read(), ...hooks.extra?.() } });
  });
}

/** Experiments (BENCH_HEAP_SAMPLING=1): `--profile` samples the hub's allocations instead of its CPU. */
export const heapSamplingRequested = (): boolean => process.env['BENCH_HEAP_SAMPLING'] === '1';

/**
 * Child side: answers `profile-start` / `profile-stop` with an in-process V8 CPU profile, or with
 * sampled allocations (collected objects included) when heapSamplingRequested().
 */
export function profileOnRequest(): void {
  const heapSampling = heapSamplingRequested();
  let session: Session | null = null;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session?.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  process.on('message', (m: ToChild) => {
    if (m.type === 'profile-start') {
      session = new Session();
      session.connect();
      if (heapSampling) void post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      else
        void post('Profiler.enable')
          .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
          .then(() => post('Profiler.start'));
    } else if (m.type === 'profile-stop') {
      const done = (file: string | null) => process.send?.({ type: 'profiled', file });
      if (!session) {
        done(null);
        return;
      }
      post(heapSampling ? 'HeapProfiler.stopSampling' : 'Profiler.stop')
        .then((r) => {
          writeFileSync(m.file, JSON.stringify((r as { profile: unknown }).profile));
          session?.disconnect();
          session = null;
          done(m.file);
        })
        .catch(() => done(null));
    }
  });
}

/** Child side: exit when the parent says stop or goes away. */
export function onParentGone(cleanup: () => Promise<void> | void): void {
  const bye = async () => {
    try {
      await cleanup();
    } finally {
      process.exit(0);
    }
  };
  process.on('message', (m: ToChild) => {
    if (m.type === 'stop') void bye();
  });
  process.on('disconnect', () => void bye());
}
