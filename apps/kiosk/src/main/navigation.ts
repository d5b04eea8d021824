import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';

/**
 * The kiosk shows the hub's kiosk page and nothing else: no other site, no local file,
 * no `javascript:`/`data:` URL (except the shell's own status pages, passed by exact value),
 * and never a second window.
 */
export function isAllowedNavigation(url: string, hubOrigin: string, ownPages: ReadonlySet<string> = new Set()): boolean {
  if (ownPages.has(url)) return true;
  if (!URL.canParse(url)) return false;
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  if (target.username !== '' || target.password !== '') return false;
  return target.origin === hubOrigin;
}

/** Every `window.open`, `target=_blank` link or form is refused. */
export function windowOpenHandler(_details: HandlerDetails): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/** The event object Electron passes to will-navigate / will-redirect (the subset used here). */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/**
 * The part of `WebContents` the guards use. `WebContents` satisfies it (main.ts passes the
 * real one); tests pass a small fake.
 */
export interface NavigationTarget {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

export interface GuardOptions {
  hubOrigin: string;
  /** Status pages the shell itself produced (exact data: URLs). */
  ownPages?: ReadonlySet<string>;
  /** Told about each refused navigation, for the log. */
  onBlocked?: (url: string, why: 'navigate' | 'redirect' | 'webview') => void;
}

export function attachNavigationGuards(contents: NavigationTarget, options: GuardOptions): void {
  const { hubOrigin, ownPages, onBlocked } = options;
  const guard = (why: 'navigate' | 'redirect') => (event: NavigationEvent) => {
    if (isAllowedNavigation(event.url, hubOrigin, ownPages)) return;
    event.preventDefault();
    onBlocked?.(event.url, why);
  };
  contents.on('will-navigate', guard('navigate'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked?.('<webview>', 'webview');
  });
  contents.setWindowOpenHandler(windowOpenHandler);
}
