/**
 * The clients of a rush, against the real hub or the bare baseline server (same code): 8 kiosks
 * (one kiosk device token each, in a worker thread: see KioskPool), 30 officers who log in
 * through the real handshake (username + password) and open their counter, 50 wall displays
 * (device token, in another worker thread: see DisplayWall). Everything over loopback websockets.
 */
import { PROTOCOL_VERSION, type CallResult } from '@qms/protocol';
import type { HubReady } from './hub-process';
import { ask, connect, connectMany, DisplayWall, KioskPool, type RawSocket } from './clients';
import { PROGRESS_SLOTS } from './kiosks';
import { Rush, type RushPlan, type RushResult } from './rush';

export type { RushResult } from './rush';

export const KIOSKS = 8;
export const DISPLAYS = 50;

export interface QuietResult {
  issueMs: number[];
  callToLastDisplayMs: number[];
  undelivered: number;
}

/** What a rush needs beyond the sockets (see RushPlan). */
export type LoadShape = Pick<RushPlan, 'tickets' | 'ratePerS' | 'jitter' | 'serveMs' | 'backoffMs' | 'issueForMs' | 'drainMs'>;

export class HubLoad {
  private readonly runId = Date.now().toString(36);
  private rushes = 0;

  private constructor(
    private readonly hub: HubReady,
    private readonly kiosks: KioskPool,
    private readonly counters: RawSocket[],
    private readonly wall: DisplayWall,
  ) {}

  /** `workers`: the bundled worker scripts (bundle.ts); the 50 displays and the 8 kiosks run there. */
  static async connect(hub: HubReady, workers: { displays: string; kiosks: string }): Promise<HubLoad> {
    const device = (token: string) => ({ protocolVersion: PROTOCOL_VERSION, kind: 'device', token });
    const auths = Array.from({ length: KIOSKS }, (_, i) => device(hub.kioskTokens[i % hub.kioskTokens.length] ?? ''));
    const kiosks = await KioskPool.open({ script: workers.kiosks, url: hub.url, auths, readyEvent: 'hub:snapshot' });
    const counters = await connectMany(hub.counters.length, async (i) => {
      const c = hub.counters[i];
      if (!c) throw new Error('counter login missing');
      const auth = { protocolVersion: PROTOCOL_VERSION, kind: 'password', username: c.username, password: c.password };
      const { socket } = await connect(hub.url, auth, 'hub:snapshot');
      const opened = await ask(socket, 'counter:open', { counterId: c.counterId, force: true });
      if (!opened.ok) throw new Error(`open ${c.counterId}: ${opened.error.code} ${opened.error.message}`);
      return socket;
    });
    const wall = await DisplayWall.open({ script: workers.displays, url: hub.url, auth: device(hub.displayToken), readyEvent: 'hub:snapshot', count: DISPLAYS });
    return new HubLoad(hub, kiosks, counters, wall);
  }

  get clients(): number {
    return this.kiosks.size + this.counters.length + this.wall.size;
  }

  /** Runs one rush (paced, or closed loop for saturation) with these clients. */
  rush(shape: LoadShape, seed = 1): Promise<RushResult> {
    const plan: RushPlan = {
      ...shape,
      fieldIds: this.hub.fieldIds,
      counterIds: this.hub.counters.map((c) => c.counterId),
      runId: `${this.runId}-r${this.rushes++}`,
      seed,
    };
    return new Rush(plan).run(this.kiosks, this.counters, this.wall);
  }

  /**
   * The same hub with the rush over: one kiosk issues `n` tickets one by one, then one counter
   * calls them one by one, each call waiting until all displays have it (like the baseline).
   */
  async quiet(n: number): Promise<QuietResult> {
    const r: QuietResult = { issueMs: [], callToLastDisplayMs: [], undelivered: 0 };
    const counterIndex = this.counters.length - 1;
    const officer = this.counters[counterIndex];
    const counterId = this.hub.counters[counterIndex]?.counterId ?? '';
    if (!officer) return r;
    // one kiosk, closed loop: the next ticket as soon as the last one is acknowledged
    const issued = await this.kiosks.run(
      { kiosks: 1, tickets: n, ratePerS: null, jitter: 0, issueForMs: 60_000, fieldIds: this.hub.fieldIds, runId: `${this.runId}-quiet`, seed: 1 },
      new SharedArrayBuffer(PROGRESS_SLOTS * 4),
    );
    r.issueMs = issued.issueMs;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const ack = await ask<CallResult>(officer, 'counter:callNext', { counterId, idempotencyKey: `${this.runId}-quiet-c-${i}` });
      const id = ack.ok ? ack.data.ticket?.id : undefined;
      if (id === undefined) break;
      const last = await this.wall.waitAll(id);
      if (last === null) r.undelivered++;
      else r.callToLastDisplayMs.push(last - t0);
      this.wall.forget(id);
    }
    return r;
  }

  /** Events a display saw out of sequence (a gap means a missed broadcast). */
  seqGaps(): Promise<number> {
    return this.wall.seqGaps();
  }

  async close(): Promise<void> {
    for (const s of this.counters) s.disconnect();
    await this.kiosks.close();
    await this.wall.close();
  }
}
