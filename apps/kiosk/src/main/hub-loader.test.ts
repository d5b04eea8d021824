import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { FakeTimers } from './fake-timers';
import { HubPageLoader, type LoadTarget } from './hub-loader';

const KIOSK = 'http://10.0.0.2:8080/kiosk/?lang=vi';

class FakeContents extends EventEmitter implements LoadTarget {
  loads: string[] = [];
  async loadURL(url: string): Promise<void> {
    this.loads.push(url);
    if (url.startsWith('http')) throw new Error('ERR_CONNECTION_REFUSED (-102) loading ' + url);
  }
  isDestroyed(): boolean {
    return false;
  }
  failLoad(url: string, code = -102, isMainFrame = true): void {
    this.emit('did-fail-load', {}, code, 'ERR_CONNECTION_REFUSED', url, isMainFrame);
  }
}

function setup() {
  const contents = new FakeContents();
  const timers = new FakeTimers();
  const ownPages = new Set<string>();
  const loader = new HubPageLoader(contents, { kioskUrl: KIOSK, timers, ownPages });
  return { contents, timers, ownPages, loader };
}

const decode = (url: string) => decodeURIComponent(url.replace(/^data:text\/html;charset=utf-8,/, ''));

describe('HubPageLoader', () => {
  it('start() loads the kiosk page; the rejected loadURL promise is handled (no unhandled rejection)', async () => {
    const { contents, loader } = setup();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    loader.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', onUnhandled);
    expect(contents.loads).toEqual([KIOSK]);
    expect(unhandled).toEqual([]);
  });

  it('hub unreachable at boot: shows a retrying page and tries again every 5 s', () => {
    const { contents, timers, ownPages, loader } = setup();
    loader.start();
    contents.failLoad(KIOSK);
    expect(contents.loads).toHaveLength(2);
    const page = contents.loads[1] ?? '';
    expect(decode(page)).toContain('Đang kết nối tới máy chủ xếp hàng');
    expect(decode(page)).toContain('5 giây');
    expect(decode(page)).toContain(`Cannot load ${KIOSK}: ERR_CONNECTION_REFUSED (-102)`);
    expect([...ownPages]).toEqual([page]);
    expect(loader.retrying).toBe(true);
    timers.advance(4999);
    expect(contents.loads).toHaveLength(2);
    timers.advance(1);
    expect(contents.loads.at(-1)).toBe(KIOSK);
    contents.failLoad(KIOSK);
    timers.advance(5000);
    expect(contents.loads.filter((u) => u === KIOSK)).toHaveLength(3);
  });

  it('once the page loads, no retry is pending', () => {
    const { contents, timers, loader } = setup();
    loader.start();
    contents.failLoad(KIOSK);
    timers.advance(5000); // this time it works: no did-fail-load
    expect(loader.retrying).toBe(false);
    timers.advance(60_000);
    expect(contents.loads.filter((u) => u === KIOSK)).toHaveLength(2);
  });

  it('ignores aborted loads, sub-frames and other origins', () => {
    const { contents, loader } = setup();
    loader.start();
    contents.failLoad(KIOSK, -3);
    contents.failLoad(KIOSK, -102, false);
    contents.failLoad('https://fonts.example/x.css');
    expect(loader.retrying).toBe(false);
    expect(contents.loads).toEqual([KIOSK]);
  });

  it('a 5xx answer from the hub counts as unreachable; 4xx and 2xx do not', () => {
    const { contents, loader } = setup();
    loader.start();
    contents.emit('did-navigate', {}, KIOSK, 404, 'Not Found');
    contents.emit('did-navigate', {}, KIOSK, 200, 'OK');
    expect(loader.retrying).toBe(false);
    contents.emit('did-navigate', {}, KIOSK, 502, 'Bad Gateway');
    expect(loader.retrying).toBe(true);
    expect(decode(contents.loads.at(-1) ?? '')).toContain('HTTP 502 Bad Gateway');
  });

  it('a reload failing later (e.g. by the watchdog while the hub is down) also retries', () => {
    const { contents, timers, loader } = setup();
    loader.start();
    contents.failLoad(`${KIOSK}#x`);
    expect(loader.retrying).toBe(true);
    loader.stop();
    timers.advance(10_000);
    expect(contents.loads.filter((u) => u === KIOSK)).toHaveLength(1);
  });
});
