import { hubUnreachablePage, renderStatusPage, toDataUrl } from './error-page';
import { type TimerHandle, type WatchdogTimers, realTimers } from './watchdog';

/** The part of `WebContents` the loader uses; `WebContents` satisfies it. */
export interface LoadTarget {
  loadURL(url: string): Promise<void>;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'did-navigate', listener: (event: unknown, url: string, httpResponseCode: number, httpStatusText: string) => void): unknown;
  isDestroyed(): boolean;
}

export interface HubLoaderOptions {
  kioskUrl: string;
  retryMs?: number;
  timers?: Pick<WatchdogTimers, 'setTimeout' | 'clearTimeout'>;
  /** Exact data: URLs of the status pages shown; the navigation guard allows these and nothing else of data:. */
  ownPages?: Set<string>;
  log?: (message: string) => void;
}

/** Chromium's net::ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

/**
 * Loads the hub's kiosk page. If the hub cannot be reached (at boot, or when the page is
 * reloaded while the hub is down) it shows a "connecting" page and tries again every few
 * seconds until the page loads. Once loaded, the page handles hub disconnects itself.
 */
export class HubPageLoader {
  private readonly kioskUrl: string;
  private readonly hubOrigin: string;
  private readonly retryMs: number;
  private readonly timers: Pick<WatchdogTimers, 'setTimeout' | 'clearTimeout'>;
  private readonly ownPages: Set<string>;
  private readonly log: (message: string) => void;
  private retryTimer: TimerHandle | null = null;
  private stopped = false;

  constructor(private readonly contents: LoadTarget, options: HubLoaderOptions) {
    this.kioskUrl = options.kioskUrl;
    this.hubOrigin = new URL(options.kioskUrl).origin;
    this.retryMs = options.retryMs ?? 5000;
    this.timers = options.timers ?? realTimers;
    this.ownPages = options.ownPages ?? new Set();
    this.log = options.log ?? (() => {});
    contents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
      if (isMainFrame && code !== ERR_ABORTED && this.isHubUrl(url)) this.failed(`${description} (${code})`);
    });
    contents.on('did-navigate', (_e, url, status, statusText) => {
      if (status >= 500 && this.isHubUrl(url)) this.failed(`HTTP ${status} ${statusText}`);
    });
  }

  /** Loads the kiosk page (call once after the window exists). */
  start(): void {
    this.load(this.kioskUrl);
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** True while a retry is scheduled. */
  get retrying(): boolean {
    return this.retryTimer !== null;
  }

  private isHubUrl(url: string): boolean {
    return URL.canParse(url) && new URL(url).origin === this.hubOrigin;
  }

  private failed(reason: string): void {
    if (this.stopped || this.retryTimer !== null) return;
    this.log(`kiosk page failed to load: ${reason}; retry in ${this.retryMs} ms`);
    const seconds = Math.round(this.retryMs / 1000);
    const page = toDataUrl(renderStatusPage(hubUnreachablePage(this.kioskUrl, reason, seconds)));
    this.ownPages.clear();
    this.ownPages.add(page);
    this.load(page);
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this.load(this.kioskUrl);
    }, this.retryMs);
  }

  private load(url: string): void {
    if (this.stopped || this.contents.isDestroyed()) return;
    // Failures surface through 'did-fail-load' (which also covers reloads not started here).
    this.contents.loadURL(url).catch(() => undefined);
  }
}
