import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Messages between the bench (parent) and its hub / baseline child processes. */
export type ToChild = { type: 'mark' } | { type: 'usage' } | { type: 'stop' };
export type FromChild<Ready> =
  | ({ type: 'ready' } & Ready)
  | { type: 'usage'; usage: ChildUsage };

export interface ChildUsage {
  rssMb: number;
  heapUsedMb: number;
  /** CPU time (user + system) since the last `mark`, ms. */
  cpuMs: number;
  /** Event-loop utilisation since the last `mark` (0..1). */
  elu: number;
  /** Per-command timings inside the hub process since `mark` (hub child only). */
  timings?: Record<string, { n: number; p50: number; p99: number; mean: number }>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

/** A TypeScript child run with `node --import tsx`, talking over IPC. */
export class Child<Ready> {
  private readonly proc: ChildProcess;
  private readonly waiters: Array<{ type: string; resolve: (m: FromChild<Ready>) => void }> = [];

  constructor(script: string, extraNodeArgs: string[] = []) {
    this.proc = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx', ...extraNodeArgs],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    running.add(this.proc);
    this.proc.on('exit', () => running.delete(this.proc));
    this.proc.on('message', (m: FromChild<Ready>) => {
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiters.splice(i, 1)[0]?.resolve(m);
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  private next(type: 'ready' | 'usage', timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child ${this.pid}: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      this.proc.once('exit', (code) => reject(new Error(`child ${this.pid} exited (${code}) before '${type}'`)));
      this.waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
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

/** Child side: CPU and event-loop counters since the last `mark`. */
export function usageMeter(): { mark(): void; read(): Omit<ChildUsage, 'timings'> } {
  let cpu = process.cpuUsage();
  let elu = performance.eventLoopUtilization();
  return {
    mark() {
      cpu = process.cpuUsage();
      elu = performance.eventLoopUtilization();
    },
    read() {
      const c = process.cpuUsage(cpu);
      const m = process.memoryUsage();
      return {
        rssMb: m.rss / 2 ** 20,
        heapUsedMb: m.heapUsed / 2 ** 20,
        cpuMs: (c.user + c.system) / 1000,
        elu: performance.eventLoopUtilization(elu).utilization,
      };
    },
  };
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
