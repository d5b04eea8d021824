/**
 * The rush against a real hub: 8 kiosks issue tickets (each waits for its ack), 30 officers call
 * the next ticket while tickets wait, 50 wall displays listen. Everything over loopback.
 */
import { PROTOCOL_VERSION, type CallResult, type HubEvent, type IssueTicketResult, type Snapshot } from '@qms/protocol';
import type { HubReady } from './hub-process';
import { ask, connect, connectMany, DisplayWall, type RawSocket } from './clients';
import { sleep, until } from './stats';

export const KIOSKS = 8;
export const DISPLAYS = 50;

export interface RushResult {
  issued: number;
  called: number;
  issueMs: number[];
  callAckMs: number[];
  callToLastDisplayMs: number[];
  /** Calls whose event did not reach every display in time. */
  undelivered: number;
  nullCalls: number;
  errors: Record<string, number>;
  durationMs: number;
  issuePhaseMs: number;
  maxWaiting: number;
  truncated: boolean;
}

export interface QuietResult {
  issueMs: number[];
  callToLastDisplayMs: number[];
  undelivered: number;
}

const calledTicketId = (p: unknown): string | null => {
  const e = p as HubEvent;
  return e.type === 'ticket:called' ? e.ticket.id : null;
};

export class HubLoad {
  /** Events a display saw out of sequence (a gap means a missed broadcast). */
  seqGaps = 0;
  private readonly runId = Date.now().toString(36);

  private constructor(
    private readonly hub: HubReady,
    private readonly kiosks: RawSocket[],
    private readonly counters: RawSocket[],
    private readonly wall: DisplayWall,
  ) {}

  static async connect(hub: HubReady): Promise<HubLoad> {
    const device = (token: string) => ({ protocolVersion: PROTOCOL_VERSION, kind: 'device', token });
    const snap = (first: unknown) => first as Snapshot;
    const kiosks = await connectMany(KIOSKS, async () => (await connect(hub.url, device(hub.kioskToken), 'hub:snapshot')).socket);
    const counters = await connectMany(hub.counters.length, async (i) => {
      const c = hub.counters[i];
      if (!c) throw new Error('counter login missing');
      const auth = { protocolVersion: PROTOCOL_VERSION, kind: 'password', username: c.username, password: c.password };
      const { socket } = await connect(hub.url, auth, 'hub:snapshot');
      const opened = await ask(socket, 'counter:open', { counterId: c.counterId, force: true });
      if (!opened.ok) throw new Error(`open ${c.counterId}: ${opened.error.code} ${opened.error.message}`);
      return socket;
    });
    const screens = await connectMany(DISPLAYS, () => connect(hub.url, device(hub.displayToken), 'hub:snapshot'));
    const load = new HubLoad(hub, kiosks, counters, new DisplayWall(screens.map((s) => s.socket), 'hub:event', calledTicketId));
    screens.forEach(({ socket, first }) => {
      let last = snap(first).seq;
      socket.on('hub:event', (e: HubEvent) => {
        if (e.seq !== last + 1) load.seqGaps++;
        last = e.seq;
      });
    });
    return load;
  }

  get clients(): number {
    return this.kiosks.length + this.counters.length + this.wall.sockets.length;
  }

  async rush(tickets: number, deadlineMs: number): Promise<RushResult> {
    const r: RushResult = {
      issued: 0, called: 0, issueMs: [], callAckMs: [], callToLastDisplayMs: [], undelivered: 0,
      nullCalls: 0, errors: {}, durationMs: 0, issuePhaseMs: 0, maxWaiting: 0, truncated: false,
    };
    const fail = (code: string) => (r.errors[code] = (r.errors[code] ?? 0) + 1);
    const calls: Array<{ ticketId: string; t0: number }> = [];
    const start = performance.now();
    const stopIssuing = start + deadlineMs;
    const stopCalling = stopIssuing + 20_000;
    const backlog = Math.min(200, Math.ceil(tickets / 10));
    let started = 0;
    let inFlight = 0;
    let kiosksDone = false;
    let rng = 12345;
    const nextField = () => {
      rng = (rng * 1103515245 + 12345) % 2 ** 31;
      return this.hub.fieldIds[rng % this.hub.fieldIds.length] ?? '';
    };

    const kiosk = async (s: RawSocket, k: number) => {
      while (started < tickets && performance.now() < stopIssuing) {
        const i = started++;
        const t0 = performance.now();
        const ack = await ask<IssueTicketResult>(s, 'ticket:issue', { fieldId: nextField(), idempotencyKey: `${this.runId}-k${k}-${i}` });
        r.issueMs.push(performance.now() - t0);
        if (!ack.ok) fail(`issue:${ack.error.code}`);
        else r.issued++;
        r.maxWaiting = Math.max(r.maxWaiting, r.issued - r.called);
      }
      if (started < tickets) r.truncated = true;
    };

    const counter = async (s: RawSocket, c: number) => {
      const counterId = this.hub.counters[c]?.counterId ?? '';
      await until(() => r.issued >= backlog || kiosksDone, deadlineMs);
      for (let n = 0; ; n++) {
        if (kiosksDone && r.called >= r.issued) return;
        if (performance.now() > stopCalling) {
          r.truncated = true;
          return;
        }
        if (r.issued - r.called - inFlight <= 0) {
          await sleep(2);
          continue;
        }
        inFlight++;
        const t0 = performance.now();
        const ack = await ask<CallResult>(s, 'counter:callNext', { counterId, idempotencyKey: `${this.runId}-c${c}-${n}` });
        inFlight--;
        r.callAckMs.push(performance.now() - t0);
        if (ack.ok && ack.data.ticket) {
          r.called++;
          calls.push({ ticketId: ack.data.ticket.id, t0 });
        } else {
          if (ack.ok) r.nullCalls++;
          else fail(`call:${ack.error.code}`);
          await sleep(20);
        }
      }
    };

    const calling = Promise.all(this.counters.map(counter));
    await Promise.all(this.kiosks.map(kiosk));
    r.issuePhaseMs = performance.now() - start;
    kiosksDone = true;
    await calling;
    r.durationMs = performance.now() - start;
    await until(() => this.wall.complete(calls.map((c) => c.ticketId)), 10_000, 10);
    for (const { ticketId, t0 } of calls) {
      const last = this.wall.lastArrival(ticketId);
      if (last === null) r.undelivered++;
      else r.callToLastDisplayMs.push(last - t0);
      this.wall.forget(ticketId);
    }
    return r;
  }

  /**
   * The same hub with the rush over: one kiosk issues `n` tickets one by one, then one counter
   * calls them one by one, each call waiting until all displays have it (like the baseline).
   */
  async quiet(n: number): Promise<QuietResult> {
    const r: QuietResult = { issueMs: [], callToLastDisplayMs: [], undelivered: 0 };
    const kiosk = this.kiosks[0];
    const counterIndex = this.counters.length - 1;
    const officer = this.counters[counterIndex];
    const counterId = this.hub.counters[counterIndex]?.counterId ?? '';
    if (!kiosk || !officer) return r;
    for (let i = 0; i < n; i++) {
      const fieldId = this.hub.fieldIds[i % this.hub.fieldIds.length] ?? '';
      const t0 = performance.now();
      const ack = await ask(kiosk, 'ticket:issue', { fieldId, idempotencyKey: `${this.runId}-quiet-k-${i}` });
      if (ack.ok) r.issueMs.push(performance.now() - t0);
    }
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

  close(): void {
    for (const s of [...this.kiosks, ...this.counters]) s.disconnect();
    this.wall.close();
  }
}
