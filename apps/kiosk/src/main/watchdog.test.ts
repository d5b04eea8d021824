import { EventEmitter } from 'node:events';
import type { RenderProcessGoneDetails } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeTimers } from './fake-timers';
import { RendererWatchdog, type WatchedContents } from './watchdog';

class FakeContents extends EventEmitter implements WatchedContents {
  log: string[] = [];
  destroyed = false;
  reload(): void {
    this.log.push('reload');
  }
  forcefullyCrashRenderer(): void {
    this.log.push('crash');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  gone(reason: RenderProcessGoneDetails['reason'] = 'crashed'): void {
    this.emit('render-process-gone', {}, { reason, exitCode: 139 });
  }
}

function setup() {
  const contents = new FakeContents();
  const timers = new FakeTimers();
  const messages: string[] = [];
  const watchdog = new RendererWatchdog(contents, timers, { log: (m) => messages.push(m) });
  return { contents, timers, watchdog, messages };
}

/** Crashes the renderer and returns how long the watchdog waited before reloading. */
function crashAndMeasure(contents: FakeContents, timers: FakeTimers): number {
  const before = contents.log.length;
  contents.gone();
  const delay = timers.scheduled[0] ?? -1;
  timers.advance(delay - 1);
  expect(contents.log.length).toBe(before); // not yet
  timers.advance(1);
  expect(contents.log.slice(before)).toEqual(['reload']);
  return delay;
}

describe('RendererWatchdog: render-process-gone', () => {
  it('reloads with backoff 1 s, 2 s, 5 s, 10 s, then 30 s at most', () => {
    const { contents, timers } = setup();
    const delays = Array.from({ length: 7 }, () => crashAndMeasure(contents, timers));
    expect(delays).toEqual([1000, 2000, 5000, 10_000, 30_000, 30_000, 30_000]);
  });

  it('resets the backoff after 5 minutes healthy', () => {
    const { contents, timers, watchdog } = setup();
    crashAndMeasure(contents, timers);
    crashAndMeasure(contents, timers);
    expect(watchdog.nextDelayMs).toBe(5000);
    timers.advance(5 * 60_000 - 1);
    expect(crashAndMeasure(contents, timers)).toBe(5000); // 1 ms short of healthy
    timers.advance(5 * 60_000);
    expect(crashAndMeasure(contents, timers)).toBe(1000);
  });

  it('logs the reason, and does not reload a destroyed window or after stop()', () => {
    const { contents, timers, watchdog, messages } = setup();
    contents.gone('oom');
    expect(messages[0]).toMatch(/renderer gone \(oom, exit 139\); reload in 1000 ms/);
    contents.destroyed = true;
    timers.advance(1000);
    expect(contents.log).toEqual([]);
    contents.destroyed = false;
    contents.gone();
    watchdog.stop();
    timers.advance(60_000);
    expect(contents.log).toEqual([]);
    expect(timers.scheduled).toEqual([]);
  });

  it('two crash events before the reload schedule one reload', () => {
    const { contents, timers } = setup();
    contents.gone();
    contents.gone();
    expect(timers.scheduled).toEqual([2000]);
    timers.advance(2000);
    expect(contents.log).toEqual(['reload']);
  });
});

describe('RendererWatchdog: unresponsive', () => {
  it('kills and reloads a renderer unresponsive for more than 10 s', () => {
    const { contents, timers } = setup();
    contents.emit('unresponsive');
    timers.advance(9_999);
    expect(contents.log).toEqual([]);
    timers.advance(1);
    expect(contents.log).toEqual(['crash', 'reload']);
  });

  it('does nothing when it becomes responsive in time', () => {
    const { contents, timers } = setup();
    contents.emit('unresponsive');
    timers.advance(8000);
    contents.emit('responsive');
    timers.advance(60_000);
    expect(contents.log).toEqual([]);
  });

  it('repeated unresponsive events do not restart the 10 s clock', () => {
    const { contents, timers } = setup();
    contents.emit('unresponsive');
    timers.advance(6000);
    contents.emit('unresponsive');
    timers.advance(4000);
    expect(contents.log).toEqual(['crash', 'reload']);
  });

  it('the crash it caused itself does not trigger a second reload', () => {
    const { contents, timers } = setup();
    contents.emit('unresponsive');
    timers.advance(10_000);
    contents.gone('killed'); // Electron reports the forced crash
    timers.advance(60_000);
    expect(contents.log).toEqual(['crash', 'reload']);
    contents.gone(); // a later, genuine crash is handled again
    timers.advance(1000);
    expect(contents.log).toEqual(['crash', 'reload', 'reload']);
  });
});
