/**
 * When each key (an address, a device) did something lately: the times within a sliding
 * window, per key. Memory stays bounded: at most `maxKeys` keys, the oldest forgotten first.
 * The login limiter and the dossier look-up throttle count with it.
 */
export class RecentEvents {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const since = now - this.windowMs;
    const list = (this.times.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.times.delete(key);
    else this.times.set(key, list);
    return list;
  }

  /** How many times `key` was counted within the window before `now`. */
  count(key: string, now: number): number {
    return this.recent(key, now).length;
  }

  add(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.times.set(key, list);
    if (this.times.size > this.maxKeys) {
      const oldest = this.times.keys().next().value;
      if (oldest !== undefined) this.times.delete(oldest);
    }
  }

  /** Forgets every time counted for `key`. */
  clear(key: string): void {
    this.times.delete(key);
  }

  /** Takes back the latest time counted for `key`. */
  undoLast(key: string): void {
    const list = this.times.get(key);
    list?.pop();
    if (list && list.length === 0) this.times.delete(key);
  }
}
