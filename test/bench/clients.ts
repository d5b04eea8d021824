/** Raw socket.io-client sockets for the bench (no per-event recording, unlike test/support). */
import type { EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import type { AckResult, HubEvent } from '@qms/protocol';
import type { KioskPlan, KioskResult } from './kiosks';
import { hrMs } from './stats';

export type RawSocket = Socket;

/** Connects over loopback websocket; resolves with the first `readyEvent` payload (or on connect). */
export function connect(url: string, auth: Record<string, unknown> | undefined, readyEvent: string | null, timeoutMs = 20_000): Promise<{ socket: RawSocket; first: unknown }> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(auth ? { auth } : {}) });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`connect to ${url}: timed out`)), timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(e);
    };
    const done = (first: unknown) => {
      clearTimeout(timer);
      resolve({ socket, first });
    };
    socket.once('connect_error', (e) => fail(new Error(`connect to ${url}: ${e.message}`)));
    if (readyEvent === null) socket.once('connect', () => done(null));
    else socket.once(readyEvent, (payload: unknown) => done(payload));
  });
}

/** emit -> ack, never rejecting: a timeout or transport error becomes `{ ok: false }`. */
export async function ask<T = unknown>(socket: RawSocket, name: string, payload: unknown, timeoutMs = 15_000): Promise<AckResult<T>> {
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(name, payload)) as AckResult<T>;
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: `client: ${(e as Error).message}` } };
  }
}

/** The ids of the tickets called in one 'hub:events' frame (the key the display wall times). */
export function calledTicketIds(frame: unknown): string[] {
  return (frame as HubEvent[]).flatMap((e) => (e.type === 'ticket:called' ? [e.ticket.id] : []));
}

export { hrMs };
/** performance.now() of this thread = hrMs() - HR_OFFSET. */
const HR_OFFSET = hrMs() - performance.now();

export interface WallOptions {
  /** The bundled display worker (bundle.ts). */
  script: string;
  url: string;
  /** Handshake auth of each display; undefined for the bare server. */
  auth: Record<string, unknown> | undefined;
  /** First event to wait for on connect ('hub:snapshot' also starts the seq-gap check), or null. */
  readyEvent: string | null;
  count: number;
}

/** Messages of the display worker (display-worker.ts). */
export type FromWall = { type: 'ready' } | { type: 'complete'; key: string; at: number } | { type: 'seqGaps'; n: number } | { type: 'closed' } | { type: 'failed'; message: string };
export type ToWall = { type: 'seqGaps' } | { type: 'close' };

/**
 * N wall displays, in a worker thread of the load generator (their own event loop, so decoding
 * 50 copies of every broadcast does not delay the kiosks' and counters' acks in the main loop,
 * as it would not on real, separate screens). For each key (ticket id of a 'ticket:called'
 * event) the worker notes when the last display got it, on the process-wide monotonic clock,
 * and reports it; here it is turned into this thread's performance.now() time, so
 * "emit -> last display" = lastArrival(key) - t0.
 */
export class DisplayWall {
  private readonly arrivals = new Map<string, number>();
  private readonly waiters = new Map<string, () => void>();
  private readonly replies: Array<(m: FromWall) => void> = [];

  private constructor(
    private readonly worker: Worker,
    readonly size: number,
  ) {
    worker.on('message', (m: FromWall) => {
      if (m.type === 'complete') {
        this.arrivals.set(m.key, m.at - HR_OFFSET);
        this.waiters.get(m.key)?.();
      } else if (m.type === 'seqGaps' || m.type === 'closed') this.replies.shift()?.(m);
    });
  }

  static open(o: WallOptions): Promise<DisplayWall> {
    const worker = new Worker(o.script, { workerData: { url: o.url, auth: o.auth, readyEvent: o.readyEvent, count: o.count } });
    return new Promise((resolve, reject) => {
      const first = (m: FromWall) => {
        worker.off('error', reject);
        if (m.type === 'ready') resolve(new DisplayWall(worker, o.count));
        else {
          void worker.terminate();
          reject(new Error(`display worker: ${m.type === 'failed' ? m.message : m.type}`));
        }
      };
      worker.once('message', first);
      worker.once('error', reject);
    });
  }

  /** Event-loop utilisation of the display worker. */
  elu(prev?: EventLoopUtilization): EventLoopUtilization {
    return prev ? this.worker.performance.eventLoopUtilization(prev) : this.worker.performance.eventLoopUtilization();
  }

  /** Time (this thread's performance.now()) the last display got `key`, or null when some display has not (yet). */
  lastArrival(key: string): number | null {
    return this.arrivals.get(key) ?? null;
  }

  complete(keys: Iterable<string>): boolean {
    for (const k of keys) if (!this.arrivals.has(k)) return false;
    return true;
  }

  /** Resolves with the last arrival time once every display has `key` (null on timeout). */
  waitAll(key: string, timeoutMs = 10_000): Promise<number | null> {
    const now = this.lastArrival(key);
    if (now !== null) return Promise.resolve(now);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        resolve(null);
      }, timeoutMs);
      this.waiters.set(key, () => {
        clearTimeout(timer);
        this.waiters.delete(key);
        resolve(this.lastArrival(key));
      });
    });
  }

  forget(key: string): void {
    this.arrivals.delete(key);
  }

  private ask(m: ToWall): Promise<FromWall> {
    return new Promise((resolve) => {
      this.replies.push(resolve);
      this.worker.postMessage(m);
    });
  }

  /** Events the displays saw out of sequence (a gap means a missed broadcast). */
  async seqGaps(): Promise<number> {
    const m = await this.ask({ type: 'seqGaps' });
    return m.type === 'seqGaps' ? m.n : Number.NaN;
  }

  async close(): Promise<void> {
    await this.ask({ type: 'close' });
    await this.worker.terminate();
  }
}

/** Messages of the kiosk worker (kiosk-worker.ts). */
export type FromKiosks = { type: 'ready' } | { type: 'ran'; result: KioskResult } | { type: 'closed' } | { type: 'failed'; message: string };
export type ToKiosks = { type: 'run'; plan: KioskPlan; progress: SharedArrayBuffer } | { type: 'close' };

/**
 * The kiosks, in their own worker thread of the load generator (see kiosks.ts): one socket per
 * kiosk, connected once; `run` plays the kiosk side of one rush and resolves with its samples.
 */
export class KioskPool {
  private pending: ((m: FromKiosks) => void) | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly size: number,
  ) {
    worker.on('message', (m: FromKiosks) => {
      const done = this.pending;
      this.pending = null;
      done?.(m);
    });
  }

  static open(o: { script: string; url: string; auths: Array<Record<string, unknown> | undefined>; readyEvent: string | null }): Promise<KioskPool> {
    const worker = new Worker(o.script, { workerData: { url: o.url, auths: o.auths, readyEvent: o.readyEvent } });
    return new Promise((resolve, reject) => {
      worker.once('message', (m: FromKiosks) => {
        worker.off('error', reject);
        if (m.type === 'ready') resolve(new KioskPool(worker, o.auths.length));
        else {
          void worker.terminate();
          reject(new Error(`kiosk worker: ${m.type === 'failed' ? m.message : m.type}`));
        }
      });
      worker.once('error', reject);
    });
  }

  private ask(m: ToKiosks): Promise<FromKiosks> {
    if (this.pending) return Promise.reject(new Error('kiosk worker is busy'));
    return new Promise((resolve) => {
      this.pending = resolve;
      this.worker.postMessage(m);
    });
  }

  /** Plays the kiosks' part of a rush; `progress` is shared with the counters (kiosks.ts slots). */
  async run(plan: KioskPlan, progress: SharedArrayBuffer): Promise<KioskResult> {
    const m = await this.ask({ type: 'run', plan, progress });
    if (m.type !== 'ran') throw new Error(`kiosk worker: ${m.type === 'failed' ? m.message : m.type}`);
    return m.result;
  }

  elu(prev?: EventLoopUtilization): EventLoopUtilization {
    return prev ? this.worker.performance.eventLoopUtilization(prev) : this.worker.performance.eventLoopUtilization();
  }

  async close(): Promise<void> {
    await this.ask({ type: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }
}

export async function connectMany<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => make(i)));
}
