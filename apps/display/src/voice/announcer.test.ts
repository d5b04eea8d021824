import { describe, expect, it } from 'vitest';
import { Announcer } from './announcer';
import type { AnnouncementLogEntry, AnnouncerOptions, CallAnnouncement, Player } from './announcer';
import type { Utterance } from './clips';

/** A player whose announcements end only when the test says so. */
class FakePlayer implements Player {
  readonly started: { utterance: Utterance; volume: number }[] = [];
  playing = 0;
  maxPlaying = 0;
  stops = 0;
  private finishers: { resolve: () => void; reject: (e: Error) => void }[] = [];

  play(utterance: Utterance, volume: number): Promise<void> {
    this.started.push({ utterance, volume });
    this.playing++;
    this.maxPlaying = Math.max(this.maxPlaying, this.playing);
    return new Promise<void>((resolve, reject) => {
      this.finishers.push({ resolve, reject });
    }).finally(() => {
      this.playing--;
    });
  }

  stop(): void {
    this.stops++;
    this.finish();
  }

  /** Ends the announcement playing now (the oldest unfinished one). */
  finish(error?: Error): void {
    const f = this.finishers.shift();
    if (!f) throw new Error('nothing is playing');
    if (error) f.reject(error);
    else f.resolve();
  }

  get numbers(): string[] {
    return this.started.map((s) => s.utterance.text);
  }
}

/** Lets every pending promise callback run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function setup(overrides: Partial<AnnouncerOptions> = {}) {
  let now = 1_000_000;
  const player = new FakePlayer();
  const log: AnnouncementLogEntry[] = [];
  const announcer = new Announcer({
    player,
    compose: (c) => ({ files: [`${c.number}.wav`], text: c.number }),
    clock: () => now,
    onLog: (e) => log.push(e),
    ...overrides,
  });
  const advance = (ms: number): void => {
    now += ms;
  };
  return { player, log, announcer, advance };
}

const call = (number: string, recall = false): CallAnnouncement => ({
  ticketId: `t-${number}`,
  number,
  counterNumber: 3,
  recall,
});

describe('Announcer', () => {
  it('plays announcements strictly one after another, in order', async () => {
    const { player, announcer, log } = setup();
    announcer.announce(call('1'));
    announcer.announce(call('2'));
    announcer.announce(call('3'));
    expect(player.numbers).toEqual(['1']);
    expect(announcer.pending).toBe(2);

    await settle();
    expect(player.numbers).toEqual(['1']); // the second waits for the first to end

    player.finish();
    await settle();
    expect(player.numbers).toEqual(['1', '2']);
    player.finish();
    await settle();
    player.finish();
    await announcer.idle();

    expect(player.numbers).toEqual(['1', '2', '3']);
    expect(player.maxPlaying).toBe(1);
    expect(log.map((e) => [e.call.number, e.outcome])).toEqual([['1', 'played'], ['2', 'played'], ['3', 'played']]);
  });

  it('starts again for a call that comes just as the queue empties, at any microtask', async () => {
    for (let depth = 0; depth < 8; depth++) {
      const { player, announcer } = setup();
      announcer.announce(call('1'));
      player.finish();
      for (let i = 0; i < depth; i++) await Promise.resolve();
      announcer.announce(call('2'));
      await settle();
      expect(player.numbers, `after ${depth} microtasks`).toEqual(['1', '2']);
      player.finish();
      await announcer.idle();
      expect(player.maxPlaying).toBe(1);
    }
  });

  it('queues a recall and announces it again', async () => {
    const { player, announcer, log } = setup();
    announcer.announce(call('7'));
    announcer.announce(call('7', true));
    player.finish();
    await settle();
    player.finish();
    await announcer.idle();
    expect(player.numbers).toEqual(['7', '7']);
    expect(log.map((e) => e.call.recall)).toEqual([false, true]);
  });

  it('plays nothing while disabled, and again once enabled', async () => {
    const { player, announcer, log } = setup({ enabled: false });
    announcer.announce(call('1'));
    await announcer.idle();
    expect(player.started).toEqual([]);
    expect(log.map((e) => e.outcome)).toEqual(['dropped-disabled']);

    announcer.setEnabled(true);
    announcer.announce(call('2'));
    expect(player.numbers).toEqual(['2']);
  });

  it('switching off forgets what waits and cuts the current announcement short', async () => {
    const { player, announcer, log } = setup();
    announcer.announce(call('1'));
    announcer.announce(call('2'));
    announcer.setEnabled(false);
    await announcer.idle();
    expect(player.stops).toBe(1);
    expect(player.numbers).toEqual(['1']);
    expect(log.map((e) => [e.call.number, e.outcome])).toEqual([['2', 'dropped-disabled'], ['1', 'stopped']]);
  });

  it('drops an announcement that waited longer than maxAgeMs', async () => {
    const { player, announcer, log, advance } = setup({ maxAgeMs: 30_000 });
    announcer.announce(call('1'));
    announcer.announce(call('2'));
    advance(10_000);
    announcer.announce(call('3'));
    advance(25_000); // the player froze: '2' has now waited 35 s, '3' 25 s
    player.finish();
    await settle();
    player.finish();
    await announcer.idle();
    expect(player.numbers).toEqual(['1', '3']);
    expect(log.map((e) => [e.call.number, e.outcome])).toEqual([
      ['1', 'played'], ['2', 'dropped-stale'], ['3', 'played'],
    ]);
  });

  it('keeps at most maxQueue waiting, dropping the oldest', async () => {
    const { player, announcer, log } = setup({ maxQueue: 2 });
    for (const n of ['1', '2', '3', '4', '5']) announcer.announce(call(n));
    expect(announcer.pending).toBe(2);
    expect(log.map((e) => [e.call.number, e.outcome])).toEqual([['2', 'dropped-overflow'], ['3', 'dropped-overflow']]);
    player.finish();
    await settle();
    player.finish();
    await settle();
    player.finish();
    await announcer.idle();
    expect(player.numbers).toEqual(['1', '4', '5']);
  });

  it('passes the volume through, clamped to 0..1, from the next announcement on', async () => {
    const { player, announcer, log } = setup({ volume: 0.4 });
    announcer.announce(call('1'));
    announcer.announce(call('2'));
    announcer.setVolume(0.8); // '1' is already playing at 0.4
    player.finish();
    await settle();
    announcer.setVolume(7);
    announcer.announce(call('3'));
    player.finish();
    await settle();
    announcer.setVolume(-1);
    announcer.announce(call('4'));
    player.finish();
    await settle();
    player.finish();
    await announcer.idle();
    expect(player.started.map((s) => s.volume)).toEqual([0.4, 0.8, 1, 0]);
    expect(log.map((e) => e.volume)).toEqual([0.4, 0.8, 1, 0]);
  });

  it('goes on after a failed announcement or one it cannot compose', async () => {
    const { player, announcer, log } = setup({
      compose: (c) => {
        if (c.number === 'bad') throw new Error('no clip for the word "triệu"');
        return { files: [], text: c.number };
      },
    });
    announcer.announce(call('1'));
    announcer.announce(call('bad'));
    announcer.announce(call('3'));
    player.finish(new Error('NotAllowedError'));
    await settle();
    player.finish();
    await announcer.idle();
    expect(player.numbers).toEqual(['1', '3']);
    expect(log.map((e) => [e.call.number, e.outcome, e.error])).toEqual([
      ['1', 'failed', 'NotAllowedError'],
      ['bad', 'failed', 'no clip for the word "triệu"'],
      ['3', 'played', undefined],
    ]);
  });

  it('records when each announcement started and ended, and what it said', async () => {
    const { player, announcer, log, advance } = setup();
    announcer.announce(call('1023'));
    advance(5_000);
    player.finish();
    await announcer.idle();
    expect(log).toEqual([
      {
        call: call('1023'),
        outcome: 'played',
        enqueuedAt: 1_000_000,
        startedAt: 1_000_000,
        endedAt: 1_005_000,
        utterance: { files: ['1023.wav'], text: '1023' },
        volume: 1,
      },
    ]);
  });

  it('is not stopped by a log hook that throws', async () => {
    const { player, announcer } = setup({
      onLog: () => {
        throw new Error('broken hook');
      },
    });
    announcer.announce(call('1'));
    announcer.announce(call('2'));
    player.finish();
    await settle();
    player.finish();
    await announcer.idle();
    expect(player.numbers).toEqual(['1', '2']);
  });
});
