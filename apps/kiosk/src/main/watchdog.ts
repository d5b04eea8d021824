import type { RenderProcessGoneDetails } from 'electron';

/** The part of `WebContents` the watchdog uses; `WebContents` satisfies it. */
export interface WatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown;
  on(event: 'unresponsive', listener: () => void): unknown;
  on(event: 'responsive', listener: () => void): unknown;
  reload(): void;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

export type TimerHandle = unknown;

/** Injected so tests drive time by hand. */
export interface WatchdogTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface WatchdogOptions {
  /** Delays before reloading after consecutive crashes; the last one repeats. */
  backoffMs?: readonly number[];
  /** A renderer that ran this long since its last reload counts as healthy again. */
  healthyResetMs?: number;
  /** How long 'unresponsive' may last before the renderer is killed and reloaded. */
  unresponsiveLimitMs?: number;
  log?: (message: string) => void;
}

export const DEFAULT_BACKOFF_MS: readonly number[] = [1000, 2000, 5000, 10_000, 30_000];
const HEALTHY_RESET_MS = 5 * 60_000;
const UNRESPONSIVE_LIMIT_MS = 10_000;
/** A 'render-process-gone' this soon after we killed a hung renderer is that kill, already handled. */
const FORCED_CRASH_GRACE_MS = 5000;

export const realTimers: WatchdogTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Keeps the kiosk page alive: reloads after the renderer dies (with growing delays, so a
 * page that crashes at once does not spin), and kills then reloads a renderer that stays
 * unresponsive too long.
 */
export class RendererWatchdog {
  private readonly backoff: readonly number[];
  private readonly healthyResetMs: number;
  private readonly unresponsiveLimitMs: number;
  private readonly log: (message: string) => void;
  private crashes = 0;
  private lastReloadAt: number;
  private forcedCrashAt: number | null = null;
  private reloadTimer: TimerHandle | null = null;
  private hangTimer: TimerHandle | null = null;
  private stopped = false;

  constructor(
    private readonly contents: WatchedContents,
    private readonly timers: WatchdogTimers = realTimers,
    options: WatchdogOptions = {},
  ) {
    this.backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.healthyResetMs = options.healthyResetMs ?? HEALTHY_RESET_MS;
    this.unresponsiveLimitMs = options.unresponsiveLimitMs ?? UNRESPONSIVE_LIMIT_MS;
    this.log = options.log ?? (() => {});
    this.lastReloadAt = timers.now();
    contents.on('render-process-gone', (_event, details) => this.onGone(details));
    contents.on('unresponsive', () => this.onUnresponsive());
    contents.on('responsive', () => this.onResponsive());
  }

  /** The delay the next crash would wait (exposed for logs and tests). */
  get nextDelayMs(): number {
    return this.delayFor(this.crashes);
  }

  stop(): void {
    this.stopped = true;
    this.clear('reloadTimer');
    this.clear('hangTimer');
  }

  private delayFor(crashIndex: number): number {
    const last = this.backoff[this.backoff.length - 1] ?? 0;
    return this.backoff[crashIndex] ?? last;
  }

  private onGone(details: RenderProcessGoneDetails): void {
    if (this.stopped) return;
    this.clear('hangTimer');
    const now = this.timers.now();
    if (this.forcedCrashAt !== null && now - this.forcedCrashAt < FORCED_CRASH_GRACE_MS) {
      this.forcedCrashAt = null;
      return;
    }
    if (now - this.lastReloadAt >= this.healthyResetMs) this.crashes = 0;
    const delay = this.delayFor(this.crashes);
    this.crashes += 1;
    this.log(`renderer gone (${details.reason}, exit ${details.exitCode}); reload in ${delay} ms`);
    this.clear('reloadTimer');
    this.reloadTimer = this.timers.setTimeout(() => {
      this.reloadTimer = null;
      this.reload();
    }, delay);
  }

  private onUnresponsive(): void {
    if (this.stopped || this.hangTimer !== null) return;
    this.hangTimer = this.timers.setTimeout(() => {
      this.hangTimer = null;
      if (this.stopped || this.contents.isDestroyed()) return;
      this.log(`renderer unresponsive for ${this.unresponsiveLimitMs} ms; killing and reloading`);
      this.forcedCrashAt = this.timers.now();
      this.contents.forcefullyCrashRenderer();
      this.reload();
    }, this.unresponsiveLimitMs);
  }

  private onResponsive(): void {
    this.clear('hangTimer');
  }

  private reload(): void {
    if (this.stopped || this.contents.isDestroyed()) return;
    this.lastReloadAt = this.timers.now();
    this.contents.reload();
  }

  private clear(which: 'reloadTimer' | 'hangTimer'): void {
    const handle = this[which];
    if (handle !== null) this.timers.clearTimeout(handle);
    this[which] = null;
  }
}
