import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HtmlAudioPlayer } from './audio-player';
import type { ClipElement, VoiceClipLogEntry } from './audio-player';

type Behaviour = 'ends' | 'hangs' | 'errors' | 'refused';

/** An <audio> stand-in: ends after its duration, hangs, fires 'error', or refuses to play. */
class FakeAudio implements ClipElement {
  volume = 1;
  currentTime = 0;
  duration = 0.5;
  plays = 0;
  private listeners = new Map<string, Set<() => void>>();

  constructor(readonly src: string, private readonly behaviour: Behaviour, private readonly events: string[]) {}

  play(): Promise<void> {
    this.plays++;
    this.events.push(`play ${this.src} @${this.volume}`);
    if (this.behaviour === 'refused') {
      return Promise.reject(Object.assign(new Error('play() failed because the user did not interact'), { name: 'NotAllowedError' }));
    }
    if (this.behaviour === 'ends') setTimeout(() => this.fire('ended'), this.duration * 1000);
    if (this.behaviour === 'errors') setTimeout(() => this.fire('error'), 10);
    return Promise.resolve();
  }

  pause(): void {
    this.events.push(`pause ${this.src}`);
  }

  addEventListener(type: string, listener: () => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: () => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
  }

  private fire(type: string): void {
    for (const l of [...(this.listeners.get(type) ?? [])]) l();
  }
}

function setup(behaviours: Record<string, Behaviour> = {}) {
  const events: string[] = [];
  const created: FakeAudio[] = [];
  const log: VoiceClipLogEntry[] = [];
  const player = new HtmlAudioPlayer({
    baseUrl: '/display/voice/vi/',
    now: () => Date.now(),
    log: (e) => log.push(e),
    createElement: (src) => {
      const file = src.slice('/display/voice/vi/'.length);
      const audio = new FakeAudio(src, behaviours[file] ?? 'ends', events);
      created.push(audio);
      return audio;
    },
  });
  return { player, events, created, log };
}

const utterance = (...files: string[]) => ({ files, text: files.join(' ') });

describe('HtmlAudioPlayer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('plays the clips one after another at the volume given, and logs each', async () => {
    const { player, events, log } = setup();
    const done = player.play(utterance('chime.wav', 'ba.wav'), 0.6);
    await vi.advanceTimersByTimeAsync(200);
    expect(events).toEqual(['play /display/voice/vi/chime.wav @0.6']); // ba waits for chime to end
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(events).toEqual(['play /display/voice/vi/chime.wav @0.6', 'play /display/voice/vi/ba.wav @0.6']);
    expect(log).toEqual([
      { file: 'chime.wav', startedAt: 0, endedAt: 500, outcome: 'ended' },
      { file: 'ba.wav', startedAt: 500, endedAt: 1000, outcome: 'ended' },
    ]);
  });

  it('preloads each file once and reuses its element, rewound, for a repeated word', async () => {
    const { player, created } = setup();
    player.preload(['hai.wav', 'hai.wav', 'ba.wav']);
    expect(created.map((a) => a.src)).toEqual(['/display/voice/vi/hai.wav', '/display/voice/vi/ba.wav']);
    const first = created[0];
    if (!first) throw new Error('no element');
    first.currentTime = 0.5;
    const done = player.play(utterance('hai.wav', 'hai.wav'), 1);
    await vi.advanceTimersByTimeAsync(2_000);
    await done;
    expect(created).toHaveLength(2);
    expect(first.plays).toBe(2);
    expect(first.currentTime).toBe(0);
    expect(first.listenerCount()).toBe(0);
  });

  it('moves on from a clip that never ends after its duration plus slack', async () => {
    const { player, log, events } = setup({ 'mot.wav': 'hangs' });
    const done = player.play(utterance('mot.wav', 'ba.wav'), 1);
    await vi.advanceTimersByTimeAsync(2_000); // 0.5 s + 1.5 s
    await vi.advanceTimersByTimeAsync(500);
    await done;
    expect(log.map((e) => [e.file, e.outcome])).toEqual([['mot.wav', 'timeout'], ['ba.wav', 'ended']]);
    expect(events).toContain('pause /display/voice/vi/mot.wav');
  });

  it('skips a broken clip, and makes its element again next time', async () => {
    const { player, log, created } = setup({ 'hai.wav': 'errors' });
    const done = player.play(utterance('hai.wav', 'ba.wav'), 1);
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(log.map((e) => [e.file, e.outcome])).toEqual([['hai.wav', 'error'], ['ba.wav', 'ended']]);
    player.preload(['hai.wav']);
    expect(created.filter((a) => a.src.endsWith('hai.wav'))).toHaveLength(2);
  });

  it('rejects when no clip could be played', async () => {
    const { player } = setup({ 'hai.wav': 'errors' });
    const done = player.play(utterance('hai.wav'), 1);
    const settled = expect(done).rejects.toThrow('No clip of the announcement could be played');
    await vi.advanceTimersByTimeAsync(100);
    await settled;
  });

  it('gives up at once when the browser refuses to play without a user gesture', async () => {
    const { player, events } = setup({ 'chime.wav': 'refused' });
    await expect(player.play(utterance('chime.wav', 'ba.wav'), 1)).rejects.toThrow('Browser refused to play audio: NotAllowedError');
    expect(events.filter((e) => e.startsWith('play'))).toEqual(['play /display/voice/vi/chime.wav @1']);
  });

  it('stop() cuts the clip playing and plays no more of the announcement', async () => {
    const { player, log, events } = setup();
    const done = player.play(utterance('chime.wav', 'ba.wav'), 1);
    await vi.advanceTimersByTimeAsync(100);
    player.stop();
    await done;
    expect(log.map((e) => [e.file, e.outcome])).toEqual([['chime.wav', 'stopped']]);
    expect(events).toEqual(['play /display/voice/vi/chime.wav @1', 'pause /display/voice/vi/chime.wav']);
  });

  it('records into window.__qmsVoiceLog by default', async () => {
    const holder = globalThis as { __qmsVoiceLog?: VoiceClipLogEntry[] };
    delete holder.__qmsVoiceLog;
    const player = new HtmlAudioPlayer({
      baseUrl: '/v/',
      createElement: (src) => new FakeAudio(src, 'ends', []),
    });
    const done = player.play(utterance('ba.wav'), 1);
    await vi.advanceTimersByTimeAsync(600);
    await done;
    expect(holder.__qmsVoiceLog).toEqual([{ file: 'ba.wav', startedAt: 0, endedAt: 500, outcome: 'ended' }]);
    delete holder.__qmsVoiceLog;
  });
});
