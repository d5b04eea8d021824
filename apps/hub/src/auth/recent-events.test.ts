import { describe, expect, it } from 'vitest';
import { RecentEvents } from './recent-events';

describe('RecentEvents', () => {
  it('counts per key only what lies within the window', () => {
    const r = new RecentEvents(60_000);
    r.add('a', 1_000);
    r.add('a', 30_000);
    r.add('b', 30_000);
    expect(r.count('a', 30_000)).toBe(2);
    expect(r.count('a', 61_000)).toBe(1); // the one at 1,000 is a minute old: out
    expect(r.count('a', 90_001)).toBe(0);
    expect(r.count('b', 60_000)).toBe(1);
    expect(r.count('nobody', 0)).toBe(0);
  });

  it('takes back the latest time of a key', () => {
    const r = new RecentEvents(60_000);
    r.add('a', 1);
    r.add('a', 2);
    r.undoLast('a');
    expect(r.count('a', 3)).toBe(1);
    r.undoLast('a');
    r.undoLast('a');
    r.undoLast('never-seen');
    expect(r.count('a', 3)).toBe(0);
  });

  it('keeps at most maxKeys keys, forgetting the oldest first', () => {
    const r = new RecentEvents(60_000, 3);
    for (const k of ['k1', 'k2', 'k3', 'k4']) r.add(k, 10);
    expect(r.count('k1', 11)).toBe(0);
    expect(['k2', 'k3', 'k4'].map((k) => r.count(k, 11))).toEqual([1, 1, 1]);
  });
});
