/** Raw socket.io-client sockets for the bench (no per-event recording, unlike test/support). */
import { io, type Socket } from 'socket.io-client';
import type { AckResult } from '@qms/protocol';

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

/**
 * N display sockets: for each keyed message (e.g. the ticket id of a 'ticket:called' event inside
 * a 'hub:events' frame) counts arrivals and keeps the time the last one arrived, so "emit -> last
 * display" can be computed. `keysOf` maps one received frame to the keys it carries.
 */
export class DisplayWall {
  private readonly arrivals = new Map<string, { n: number; last: number }>();
  private readonly waiters = new Map<string, () => void>();

  constructor(
    readonly sockets: RawSocket[],
    event: string,
    keysOf: (payload: unknown) => string[],
  ) {
    for (const s of sockets) {
      s.on(event, (payload: unknown) => {
        const now = performance.now();
        for (const key of keysOf(payload)) {
          const a = this.arrivals.get(key) ?? { n: 0, last: 0 };
          a.n += 1;
          a.last = now;
          this.arrivals.set(key, a);
          if (a.n === this.sockets.length) this.waiters.get(key)?.();
        }
      });
    }
  }

  /** Time the last display got `key`, or null when some display has not (yet). */
  lastArrival(key: string): number | null {
    const a = this.arrivals.get(key);
    return a && a.n === this.sockets.length ? a.last : null;
  }

  complete(keys: Iterable<string>): boolean {
    for (const k of keys) if (this.lastArrival(k) === null) return false;
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

  close(): void {
    for (const s of this.sockets) s.disconnect();
  }
}

export async function connectMany<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => make(i)));
}
