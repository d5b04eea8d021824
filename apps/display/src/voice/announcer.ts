import type { Utterance } from './clips';

/** Plays one announcement to its end; the announcer never calls it again before it settles. */
export interface Player {
  play(utterance: Utterance, volume: number): Promise<void>;
  /** Cuts the announcement now playing short (when the display's voice is switched off). */
  stop?(): void;
}

/** A call as the display hears of it (`ticket:called`). */
export interface CallAnnouncement {
  ticketId: string;
  number: string;
  counterNumber: number;
  recall: boolean;
}

export type AnnouncementOutcome =
  | 'played'
  /** Cut short because the voice was switched off while it played. */
  | 'stopped'
  | 'failed'
  | 'dropped-stale'
  | 'dropped-overflow'
  | 'dropped-disabled';

export interface AnnouncementLogEntry {
  call: CallAnnouncement;
  outcome: AnnouncementOutcome;
  enqueuedAt: number;
  /** Set when the announcement was handed to the player. */
  startedAt?: number;
  endedAt?: number;
  utterance?: Utterance;
  volume?: number;
  error?: string;
}

export interface AnnouncerOptions {
  player: Player;
  /** What to say for a call, e.g. `(c) => callUtterance(pack, c.number, c.counterNumber)`. */
  compose: (call: CallAnnouncement) => Utterance;
  /** Epoch milliseconds; injected so tests control time. */
  clock: () => number;
  enabled?: boolean;
  /** 0..1 */
  volume?: number;
  /** Waiting announcements kept; beyond it the oldest is dropped. */
  maxQueue?: number;
  /** A waiting announcement older than this when its turn comes is dropped, not read out late. */
  maxAgeMs?: number;
  onLog?: (entry: AnnouncementLogEntry) => void;
}

export const DEFAULT_MAX_QUEUE = 10;
export const DEFAULT_MAX_AGE_MS = 60_000;

interface Waiting {
  call: CallAnnouncement;
  enqueuedAt: number;
}

function clampVolume(volume: number): number {
  return Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
}

/**
 * Announces calls one after another, in the order they arrive, never two at once.
 * A recall is just another call: it is queued and announced again.
 */
export class Announcer {
  private readonly queue: Waiting[] = [];
  private enabled: boolean;
  private volume: number;
  private readonly maxQueue: number;
  private readonly maxAgeMs: number;
  /** True from the first item taken until the queue is seen empty, in the same tick. */
  private busy = false;
  private draining: Promise<void> = Promise.resolve();

  constructor(private readonly options: AnnouncerOptions) {
    this.enabled = options.enabled ?? true;
    this.volume = clampVolume(options.volume ?? 1);
    this.maxQueue = Math.max(1, options.maxQueue ?? DEFAULT_MAX_QUEUE);
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  }

  /** Announcements waiting their turn (not counting the one playing). */
  get pending(): number {
    return this.queue.length;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  announce(call: CallAnnouncement): void {
    const enqueuedAt = this.options.clock();
    if (!this.enabled) {
      this.log({ call, outcome: 'dropped-disabled', enqueuedAt });
      return;
    }
    this.queue.push({ call, enqueuedAt });
    while (this.queue.length > this.maxQueue) {
      const oldest = this.queue.shift();
      if (oldest) this.log({ ...oldest, outcome: 'dropped-overflow' });
    }
    if (!this.busy) this.draining = this.drain();
  }

  /** Switching off forgets what is waiting and cuts the current announcement short. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (enabled) return;
    for (const waiting of this.queue.splice(0)) this.log({ ...waiting, outcome: 'dropped-disabled' });
    this.options.player.stop?.();
  }

  /** Takes effect from the next announcement. */
  setVolume(volume: number): void {
    this.volume = clampVolume(volume);
  }

  /** Resolves once nothing is playing or waiting. */
  async idle(): Promise<void> {
    while (this.busy) await this.draining;
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        await this.playOne(next);
      }
    } finally {
      this.busy = false;
    }
  }

  private async playOne({ call, enqueuedAt }: Waiting): Promise<void> {
    const startedAt = this.options.clock();
    if (startedAt - enqueuedAt > this.maxAgeMs) {
      this.log({ call, outcome: 'dropped-stale', enqueuedAt });
      return;
    }
    const volume = this.volume;
    let utterance: Utterance | undefined;
    try {
      utterance = this.options.compose(call);
      await this.options.player.play(utterance, volume);
      const outcome = this.enabled ? 'played' : 'stopped';
      this.log({ call, outcome, enqueuedAt, startedAt, endedAt: this.options.clock(), utterance, volume });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const endedAt = this.options.clock();
      const entry: AnnouncementLogEntry = { call, outcome: 'failed', enqueuedAt, startedAt, endedAt, volume, error };
      this.log(utterance ? { ...entry, utterance } : entry);
    }
  }

  private log(entry: AnnouncementLogEntry): void {
    try {
      this.options.onLog?.(entry);
    } catch {
      // a broken log hook must not stop the announcements
    }
  }
}
