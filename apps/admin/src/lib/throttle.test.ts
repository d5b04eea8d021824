import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle';

describe('createThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first request at once and at most once per interval after it', () => {
    const fn = vi.fn();
    const th = createThrottle(fn, 1000);
    th.request();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) {
      th.request();
      vi.advanceTimersByTime(40);
    }
    // 800 ms after the first call: still one
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('always follows the last request with a call (trailing)', () => {
    const fn = vi.fn();
    const th = createThrottle(fn, 1000);
    th.request();
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(300);
    th.request();
    vi.advanceTimersByTime(699);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('cancel drops a pending call', () => {
    const fn = vi.fn();
    const th = createThrottle(fn, 1000);
    th.request();
    th.cancel();
    vi.advanceTimersByTime(2000);
    expect(fn).not.toHaveBeenCalled();
  });
});
