/**
 * Navigation security (cf. actualbudget's e2e/navigation-security): the kiosk page can never
 * leave the hub, open a window, or show a local file or script URL.
 */
import { EventEmitter } from 'node:events';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it } from 'vitest';
import { type NavigationTarget, attachNavigationGuards, isAllowedNavigation, windowOpenHandler } from './navigation';

const HUB = 'http://192.168.1.10:8080';

/** A stand-in for WebContents: a real event emitter plus the window-open handler slot. */
class FakeContents extends EventEmitter implements NavigationTarget {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  /** Emits like Electron does and says whether the page's navigation went ahead. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) }, url);
    return !prevented;
  }
}

function details(url: string): HandlerDetails {
  return { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: HUB, policy: 'default' } } as HandlerDetails;
}

describe('isAllowedNavigation', () => {
  it.each([
    [`${HUB}/kiosk/`, true],
    [`${HUB}/kiosk/?lang=en#done`, true],
    [`${HUB}/t/abc`, true],
    ['http://192.168.1.10:8081/kiosk/', false],
    ['https://192.168.1.10:8080/kiosk/', false],
    ['http://evil.example/kiosk/', false],
    [`http://user:pw@192.168.1.10:8080/kiosk/`, false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<h1>hi</h1>', false],
    ['about:blank', false],
    ['chrome://gpu', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url, HUB)).toBe(allowed);
  });

  it('allows a data: URL only when it is one of the shell’s own pages, exactly', () => {
    const own = 'data:text/html;charset=utf-8,%3Ch1%3EOK%3C%2Fh1%3E';
    expect(isAllowedNavigation(own, HUB, new Set([own]))).toBe(true);
    expect(isAllowedNavigation(`${own}%3Cscript%3E`, HUB, new Set([own]))).toBe(false);
  });
});

describe('attachNavigationGuards', () => {
  function guarded() {
    const contents = new FakeContents();
    const blocked: string[] = [];
    attachNavigationGuards(contents, { hubOrigin: HUB, onBlocked: (url, why) => blocked.push(`${why} ${url}`) });
    return { contents, blocked };
  }

  it('will-navigate to another origin is prevented; within the hub it goes ahead', () => {
    const { contents, blocked } = guarded();
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(contents.navigate('will-navigate', `${HUB}/kiosk/?lang=vi`)).toBe(true);
    expect(blocked).toEqual(['navigate https://example.com/']);
  });

  it.each(['file:///C:/Windows/System32/cmd.exe', 'javascript:void(0)', 'data:text/html,<script>1</script>'])(
    'will-navigate and will-redirect to %s are prevented',
    (url) => {
      const { contents } = guarded();
      expect(contents.navigate('will-navigate', url)).toBe(false);
      expect(contents.navigate('will-redirect', url)).toBe(false);
    },
  );

  it('a hub redirect elsewhere is prevented', () => {
    const { contents } = guarded();
    expect(contents.navigate('will-redirect', 'http://captive.portal/login')).toBe(false);
    expect(contents.navigate('will-redirect', `${HUB}/kiosk/`)).toBe(true);
  });

  it('window.open is denied, even for the hub itself', () => {
    const { contents } = guarded();
    expect(contents.openHandler).toBe(windowOpenHandler);
    for (const url of [`${HUB}/kiosk/`, 'https://example.com', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.openHandler?.(details(url))).toEqual({ action: 'deny' });
    }
  });

  it('<webview> attachment is prevented', () => {
    const { contents, blocked } = guarded();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(blocked).toEqual(['webview <webview>']);
  });
});
