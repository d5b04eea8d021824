import { describe, expect, it } from 'vitest';
import { DeskKeys, type DeskKey } from './desk-keys';

const CCCD_QR = '001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 Vĩnh Phúc, Ba Đình, Hà Nội|01012021';

/** A DeskKeys on a fake timeline: `run(until)` fires every scheduled callback due by then. */
function setup(allowed = () => true) {
  const fired: string[] = [];
  const scans: string[] = [];
  let timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  let now = 0;
  const keys = new DeskKeys({
    shortcuts: new Set(['N', 'V', 'L', 'S', 'B', 'H', 'C', 'T', 'M']),
    onShortcut: (l) => fired.push(l),
    onScan: (s) => scans.push(s),
    schedule: (fn, ms) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => {
        t.live = false;
      };
    },
  });
  const run = (until: number): void => {
    for (const t of [...timers].sort((a, b) => a.at - b.at)) {
      if (t.at > until) break;
      now = t.at;
      if (t.live) t.fn();
      t.live = false;
    }
    timers = timers.filter((t) => t.live);
    now = until;
  };
  const key = (k: string, at: number, extra: Partial<DeskKey> = {}): boolean => {
    run(at);
    return keys.keydown({ key: k, at, modified: false, repeat: false, composing: false, ...extra }, allowed);
  };
  /** Types `text` then Enter at `gap` ms per key from `start`; returns which keys were swallowed. */
  const burst = (text: string, start: number, gap: number): boolean[] =>
    [...text, 'Enter'].map((ch, i) => key(i === [...text].length ? 'Enter' : ch, start + i * gap));
  return { keys, fired, scans, run, key, burst };
}

describe('desk keyboard: single presses vs bursts', () => {
  it('a single key press fires its shortcut once the hold time has passed, not before', () => {
    const s = setup();
    s.key('n', 1000);
    s.run(1050);
    expect(s.fired).toEqual([]);
    s.run(1100);
    expect(s.fired).toEqual(['N']);
  });

  it('a CCCD QR scanned at 5 ms a key fires no shortcut, is recognised as a scan, and its Enter is swallowed', () => {
    const s = setup();
    const swallowed = s.burst(CCCD_QR, 5000, 5);
    s.run(10_000);
    expect(s.fired).toEqual([]);
    expect(s.scans).toEqual([CCCD_QR]);
    expect(swallowed[swallowed.length - 1]).toBe(true);
  });

  it('a slow scanner (40 ms a key) or a person typing fast (120 ms a key) fires nothing either', () => {
    // (a person's first key cannot be told from a single press; the text starts with a non-shortcut)
    for (const gap of [40, 120]) {
      const s = setup();
      s.burst('gửi Nguyễn Văn An Số 5 Vĩnh Phúc', 1000, gap);
      s.run(20_000);
      expect(s.fired).toEqual([]);
    }
  });

  it('Ctrl/Alt/Meta, a held-down key, a composing input method and a refused moment fire nothing', () => {
    const s = setup();
    s.key('n', 1000, { modified: true });
    s.key('v', 2000, { repeat: true });
    s.key('n', 3000, { composing: true });
    s.run(5000);
    expect(s.fired).toEqual([]);
    let allowed = true;
    const t = setup(() => allowed);
    t.key('n', 1000);
    allowed = false; // a dialog opened while the letter was held
    t.run(2000);
    expect(t.fired).toEqual([]);
  });

  it('Shift is not a modifier: N and n are the same shortcut, and pressing Shift first does not spoil it', () => {
    const s = setup();
    s.key('Shift', 990);
    s.key('N', 1000);
    s.run(2000);
    expect(s.fired).toEqual(['N']);
  });

  it('two presses a normal moment apart both fire; keys other than shortcuts do nothing', () => {
    const s = setup();
    s.key('l', 1000);
    s.key('x', 2000);
    s.key('v', 3000);
    s.run(4000);
    expect(s.fired).toEqual(['L', 'V']);
  });

  it('an officer may press one shortcut right after another that fired (L, then V 150 ms later)', () => {
    const s = setup();
    s.key('l', 1000);
    s.key('v', 1150);
    s.run(2000);
    expect(s.fired).toEqual(['L', 'V']);
  });

  it('a scanner that stalls mid-scan (400 ms around a letter) still fires nothing', () => {
    const s = setup();
    [...'001090012345|'].forEach((c, i) => s.key(c, 1000 + i * 5));
    s.key('N', 1500);
    s.key('g', 1900);
    [...'uyễn|01011990'].forEach((c, i) => s.key(c, 1905 + i * 5));
    s.run(5000);
    expect(s.fired).toEqual([]);
    s.key('n', 6000); // half a second of silence ends the burst
    s.run(7000);
    expect(s.fired).toEqual(['N']);
  });
});
