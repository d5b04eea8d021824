import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Player } from './announcer';
import type { Utterance } from './clips';
import { findVietnameseVoice, SpeechPlayer } from './speech-player';

const voice = (lang: string, name: string, localService = true) => ({ lang, name, localService });

describe('findVietnameseVoice', () => {
  it('prefers vi-VN, and an on-device voice over a network one', () => {
    const voices = [
      voice('en-US', 'English'),
      voice('vi-VN', 'Google tiếng Việt', false),
      voice('vi', 'eSpeak Vietnamese'),
      voice('vi_VN', 'Microsoft An'),
    ];
    expect(findVietnameseVoice(voices)?.name).toBe('Microsoft An');
    expect(findVietnameseVoice(voices.slice(0, 3))?.name).toBe('Google tiếng Việt');
    expect(findVietnameseVoice(voices.slice(0, 1))).toBeNull();
    expect(findVietnameseVoice([voice('vie', 'not a BCP 47 tag')])).toBeNull();
  });
});

/** Just enough of speechSynthesis: says each utterance in `ms`, or fails with `error`. */
class FakeSynth {
  voices = [voice('vi-VN', 'Microsoft An')];
  said: { text: string; lang: string; volume: number; rate: number }[] = [];
  cancels = 0;
  error: string | null = null;
  hangs = false;
  private current: { onend: (() => void) | null; onerror: ((e: { error: string }) => void) | null } | null = null;

  getVoices() {
    return this.voices;
  }

  speak(u: { text: string; lang: string; volume: number; rate: number; onend: () => void; onerror: (e: { error: string }) => void }) {
    this.said.push({ text: u.text, lang: u.lang, volume: u.volume, rate: u.rate });
    this.current = u;
    if (this.hangs) return;
    setTimeout(() => (this.error ? u.onerror({ error: this.error }) : u.onend()), 1_000);
  }

  cancel() {
    this.cancels++;
    this.current?.onerror?.({ error: 'interrupted' });
    this.current = null;
  }
}

function setup(fallback?: Player) {
  const synth = new FakeSynth();
  const events: string[] = [];
  const player = new SpeechPlayer({
    synth: synth as unknown as SpeechSynthesis,
    makeUtterance: (text) => ({ text }) as unknown as SpeechSynthesisUtterance,
    chime: async (volume) => {
      events.push(`chime @${volume}`);
    },
    ...(fallback ? { fallback } : {}),
  });
  return { synth, player, events };
}

const utterance: Utterance = { files: ['chime.wav', 'ba.wav'], text: 'Mời công dân có số thứ tự ba đến quầy số một' };

describe('SpeechPlayer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('chimes, then says the sentence in Vietnamese at the volume given', async () => {
    const { synth, player, events } = setup();
    const done = player.play(utterance, 0.7);
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(events).toEqual(['chime @0.7']);
    expect(synth.said).toEqual([{ text: utterance.text, lang: 'vi-VN', volume: 0.7, rate: 0.9 }]);
  });

  it('plays the clips instead when speaking fails', async () => {
    const played: Utterance[] = [];
    const fallback: Player = { play: async (u) => void played.push(u) };
    const { synth, player } = setup(fallback);
    synth.error = 'network';
    const done = player.play(utterance, 1);
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(played).toEqual([utterance]);
  });

  it('rejects when speaking fails and there is no fallback, or the voice went away', async () => {
    const { synth, player } = setup();
    synth.error = 'synthesis-failed';
    const done = expect(player.play(utterance, 1)).rejects.toThrow('Speech failed: synthesis-failed');
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    synth.voices = [];
    await expect(player.play(utterance, 1)).rejects.toThrow('No Vietnamese speech voice');
  });

  it('gives up on an engine that never says it ended', async () => {
    const { synth, player } = setup();
    synth.hangs = true;
    const done = expect(player.play(utterance, 1)).rejects.toThrow('Speech failed: timeout');
    await vi.advanceTimersByTimeAsync(3_000 + utterance.text.length * 150);
    await done;
  });

  it('stop() cancels the speech and does not fall back', async () => {
    const played: Utterance[] = [];
    const { player, synth } = setup({ play: async (u) => void played.push(u) });
    const done = player.play(utterance, 1);
    await vi.advanceTimersByTimeAsync(100);
    player.stop();
    await done;
    expect(synth.cancels).toBeGreaterThan(0);
    expect(played).toEqual([]);
  });
});
