/**
 * A throttle with a trailing call: however many events arrive, at most one request starts per
 * `intervalMs`, and the last event is always followed by one.
 */
export function createThrottle(fn: () => void, intervalMs: number, now: () => number = Date.now) {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    request(): void {
      if (timer !== null) return;
      const wait = Math.max(0, last + intervalMs - now());
      timer = setTimeout(() => {
        timer = null;
        last = now();
        fn();
      }, wait);
    },
    cancel(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
