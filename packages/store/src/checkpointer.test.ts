import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKPOINT_BACKSTOP_PAGES } from './checkpointer';
import { DAY, T0, makeTicket, openTempStore, seedConfig, type TempStore } from './test-fixtures';

/** WAL file: a 32-byte header, then frames of a 24-byte header and one 4 KiB page. */
const walFrames = (bytes: number) => (bytes - 32) / (24 + 4096);

describe('WalCheckpointer (checkpoints after commits, not inside them)', () => {
  let t: TempStore;
  let n = 0;
  const pending: Array<() => void> = [];
  const walBytes = () => statSync(`${t.path}-wal`).size;
  /** One committed transaction that adds a ticket. */
  const commit = () => {
    n++;
    t.store.transaction(() => t.store.tickets.insert(makeTicket({ id: `t${n}`, seq: n, number: String(n), issuedAt: T0 + n })));
  };
  const runPending = () => {
    for (const run of pending.splice(0)) run();
  };

  beforeEach(() => {
    t = openTempStore();
    seedConfig(t.store);
    n = 0;
    pending.length = 0;
  });
  afterEach(() => t.cleanup());

  it('keeps SQLite from checkpointing inside commits: without the scheduled checkpoints the WAL grows past the stock 1,000 pages', () => {
    const cp = t.store.deferCheckpoints({ everyCommits: 1_000_000, schedule: (run) => pending.push(run) });
    expect(t.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(DEFAULT_CHECKPOINT_BACKSTOP_PAGES);
    let sizes = 0;
    while (walFrames(walBytes()) <= 1_200 && sizes++ < 5_000) commit();
    // with the stock auto-checkpoint the WAL would have restarted at ~1,000 pages and stayed there
    expect(walFrames(walBytes())).toBeGreaterThan(1_200);
    expect(pending).toHaveLength(0);
    const r = cp.run();
    expect(r).not.toBeNull();
    expect(r!.log).toBeGreaterThan(1_200);
    expect(r!.checkpointed).toBe(r!.log);
    expect(t.store.tickets.lastSeq(DAY, 'f-land')).toBe(n);
  });

  it('schedules one checkpoint after every N outermost commits; after it the WAL restarts, so its file stops growing', () => {
    t.store.deferCheckpoints({ everyCommits: 20, schedule: (run) => pending.push(run) });
    for (let i = 0; i < 19; i++) commit();
    expect(pending).toHaveLength(0);
    commit();
    expect(pending).toHaveLength(1);
    runPending();
    const afterFirstCycle = walBytes();
    for (let cycle = 0; cycle < 5; cycle++) {
      for (let i = 0; i < 20; i++) commit();
      expect(pending).toHaveLength(1);
      runPending();
    }
    // each cycle rewrote the WAL from its start instead of appending to it
    expect(walBytes()).toBeLessThanOrEqual(afterFirstCycle * 1.5);
    expect(t.store.db.prepare('SELECT COUNT(*) AS c FROM tickets').get()).toEqual({ c: 120 });
  });

  it('counts a transaction with nested savepoints once, and a rolled-back one not at all', () => {
    t.store.deferCheckpoints({ everyCommits: 2, schedule: (run) => pending.push(run) });
    t.store.transaction(() => {
      for (let i = 0; i < 3; i++) t.store.transaction(() => t.store.tickets.insert(makeTicket({ id: `n${i}`, seq: 100 + i, number: String(100 + i) })));
    });
    expect(() =>
      t.store.transaction(() => {
        t.store.tickets.insert(makeTicket({ id: 'gone', seq: 200, number: '200' }));
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(pending).toHaveLength(0);
    commit();
    expect(pending).toHaveLength(1);
  });

  it('does not run inside a transaction or on a closed database, and never throws there', () => {
    const cp = t.store.deferCheckpoints({ everyCommits: 1, schedule: (run) => pending.push(run) });
    commit();
    t.store.transaction(() => expect(cp.run()).toBeNull());
    t.store.close();
    expect(() => runPending()).not.toThrow();
    expect(cp.run()).toBeNull();
  });

  it('refuses nonsense settings', () => {
    expect(() => t.store.deferCheckpoints({ everyCommits: 0 })).toThrow(RangeError);
    expect(() => t.store.deferCheckpoints({ backstopPages: 1.5 })).toThrow(RangeError);
  });
});
