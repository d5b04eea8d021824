/**
 * A live client that keeps its view of the hub exactly as the real screens do: the shared
 * `fromSnapshot` / `applyEvent` of @qms/ui (used by HubConnection in the kiosk, counter and
 * display apps), on top of the recording TestClient with automatic reconnection. It counts what
 * the protocol promises never happens (a gap in `seq` inside one connection, an event delivered
 * twice, a ticket shown twice) and compares itself with a fresh snapshot at the end.
 */
import { isDeepStrictEqual } from 'node:util';
import type { AckResult, CommandPayload, CommandResults, HubEvent, Snapshot } from '@qms/protocol';
import { applyEvent, fromSnapshot, type HubState } from '@qms/ui';
import { TestClient, waitFor } from '../../support/client';

export type ClientAuth = ConstructorParameters<typeof TestClient>[1];

interface RawEmitter {
  emitWithAck(name: string, ...args: unknown[]): Promise<unknown>;
}

export class SyncedClient {
  readonly client: TestClient;
  state: HubState | null = null;
  /** Snapshots received (one per (re)connection, plus resyncs). */
  snapshots = 0;
  /** Time the latest `hub:snapshot` arrived. */
  lastSnapshotAt = 0;
  eventsApplied = 0;
  /** Events with seq <= the state's seq (already covered by the snapshot): ignored, as rule 2 says. */
  staleEvents = 0;
  /** Events before the first snapshot of a connection (rule 3): ignored. */
  earlyEvents = 0;
  /** An event past a gap inside one connection: the hub failed to deliver one. Must stay 0. */
  gaps = 0;
  /** A ticket id or number present twice in the view. Must stay 0. */
  shownTwice = 0;
  disconnects = 0;
  /** Commands sent and not yet answered (nor failed): a drop now loses their acks. */
  inFlight = 0;
  readonly problems: string[] = [];
  private resyncing = false;

  constructor(
    readonly label: string,
    url: string,
    auth: ClientAuth,
  ) {
    this.client = new TestClient(url, auth, { reconnection: true });
    const s = this.client.socket;
    s.on('hub:snapshot', (snap) => {
      this.adopt(snap);
      // TestClient keeps every frame; keep only the latest snapshot so long runs stay small
      this.client.snapshots.splice(0, this.client.snapshots.length - 1);
    });
    s.on('hub:events', (list) => {
      for (const e of list) this.onEvent(e);
      this.client.events.length = 0;
    });
    s.on('disconnect', () => {
      // protocol rule 4: drop the position; the next connection starts with a snapshot
      this.state = null;
      this.resyncing = false;
      this.disconnects += 1;
    });
  }

  get connected(): boolean {
    return this.client.socket.connected && this.state !== null;
  }

  private adopt(snap: Snapshot): void {
    this.state = fromSnapshot(snap);
    this.resyncing = false;
    this.snapshots += 1;
    this.lastSnapshotAt = Date.now();
    this.checkShownOnce();
  }

  private onEvent(e: HubEvent): void {
    const state = this.state;
    if (!state || this.resyncing) {
      this.earlyEvents += 1;
      return;
    }
    if (e.seq <= state.seq) {
      this.staleEvents += 1;
      return;
    }
    const r = applyEvent(state, e);
    if (r.gap) {
      this.gaps += 1;
      this.problems.push(`${this.label}: gap, seq ${state.seq} then ${e.seq}`);
      void this.resync();
      return;
    }
    this.state = r.state;
    this.eventsApplied += 1;
    this.checkShownOnce();
  }

  private checkShownOnce(): void {
    const tickets = this.state?.snapshot.tickets ?? [];
    const ids = new Set(tickets.map((t) => t.id));
    const numbers = new Set(tickets.map((t) => t.number));
    if (ids.size !== tickets.length || numbers.size !== tickets.length) {
      this.shownTwice += 1;
      this.problems.push(`${this.label}: a ticket shown twice at seq ${this.state?.seq}`);
    }
  }

  private async resync(): Promise<void> {
    this.resyncing = true;
    try {
      const r = await this.send('sync:snapshot', {}, 5000);
      if (r.ok) this.adopt(r.data);
    } catch {
      // the next connection brings a snapshot anyway
    } finally {
      this.resyncing = false;
    }
  }

  /** One attempt: rejects when the connection drops before the ack (socket.io-client clears pending acks) or on timeout. */
  async send<C extends keyof CommandResults>(name: C, payload: CommandPayload<C>, timeoutMs = 5000): Promise<AckResult<CommandResults[C]>> {
    const emitter = this.client.socket.timeout(timeoutMs) as unknown as RawEmitter;
    this.inFlight += 1;
    try {
      return (await emitter.emitWithAck(name, payload)) as AckResult<CommandResults[C]>;
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Connected and holding a snapshot of this connection. */
  async waitConnected(timeoutMs: number): Promise<void> {
    await waitFor(() => this.connected, timeoutMs, 10);
  }

  /**
   * Differences between this client's view and a fresh snapshot of the same projection:
   * seq, the active tickets (whole TicketView), counters (status, officer) and per-field counts.
   */
  diff(fresh: Snapshot): string[] {
    const out: string[] = [];
    const mine = this.state?.snapshot;
    if (!mine || !this.state) return [`${this.label}: no state (not connected)`];
    if (this.state.seq !== fresh.seq) out.push(`${this.label}: seq ${this.state.seq} != ${fresh.seq}`);
    const have = new Map(mine.tickets.map((t) => [t.id, t]));
    const want = new Map(fresh.tickets.map((t) => [t.id, t]));
    for (const [id, t] of want) {
      const h = have.get(id);
      if (!h) out.push(`${this.label}: missing ticket ${t.number} (${t.status})`);
      else if (!isDeepStrictEqual(h, t)) out.push(`${this.label}: ticket ${t.number} differs: ${JSON.stringify(h)} vs ${JSON.stringify(t)}`);
    }
    for (const [id, t] of have) if (!want.has(id)) out.push(`${this.label}: extra ticket ${t.number} (${t.status})`);
    for (const c of fresh.counters) {
      const h = mine.counters.find((x) => x.id === c.id);
      if (!h || h.status !== c.status || h.officerId !== c.officerId) {
        out.push(`${this.label}: counter ${c.id} ${h?.status}/${h?.officerId} vs ${c.status}/${c.officerId}`);
      }
    }
    for (const s of fresh.stats) {
      const h = mine.stats.find((x) => x.fieldId === s.fieldId);
      if (!h || h.waiting !== s.waiting || h.openCounters !== s.openCounters) {
        out.push(`${this.label}: stats ${s.fieldId} ${h?.waiting}/${h?.openCounters} vs ${s.waiting}/${s.openCounters}`);
      }
    }
    return out;
  }

  close(): void {
    this.client.close();
  }
}

/** Waits until every client holds a snapshot received at or after `since`. */
export async function waitAllReconnected(clients: readonly SyncedClient[], since: number, timeoutMs: number): Promise<number> {
  await waitFor(() => clients.every((c) => c.connected && c.lastSnapshotAt >= since), timeoutMs, 10).catch(() => {
    const late = clients.filter((c) => !(c.connected && c.lastSnapshotAt >= since)).map((c) => c.label);
    throw new Error(`clients not back within ${timeoutMs} ms: ${late.join(', ')}`);
  });
  return Math.max(...clients.map((c) => c.lastSnapshotAt)) - since;
}
