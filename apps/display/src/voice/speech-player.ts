/**
 * Browser side: says the call with the browser's own Vietnamese voice (speechSynthesis).
 * Used only when the site chooses it (display setting `voice: 'speech'`) and a vi-VN voice exists;
 * otherwise, and whenever speaking fails, the clip player is used.
 */
import type { Player } from './announcer';
import type { Utterance } from './clips';

interface VoiceInfo {
  readonly lang: string;
  readonly localService: boolean;
}

function langOf(voice: VoiceInfo): string {
  return voice.lang.replace('_', '-').toLowerCase();
}

/** The best Vietnamese voice: vi-VN before other vi-*, on-device before network ones (offline!). */
export function findVietnameseVoice<V extends VoiceInfo>(voices: readonly V[]): V | null {
  const rank = (v: V): number => (langOf(v) === 'vi-vn' ? 0 : 2) + (v.localService ? 0 : 1);
  const candidates = voices.filter((v) => langOf(v) === 'vi' || langOf(v).startsWith('vi-'));
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

function synthesis(): SpeechSynthesis | null {
  return 'speechSynthesis' in globalThis ? globalThis.speechSynthesis : null;
}

export interface SpeechPlayerOptions {
  synth?: SpeechSynthesis;
  makeUtterance?: (text: string) => SpeechSynthesisUtterance;
  /** Played before the words, e.g. the pack's chime through the clip player. */
  chime?: (volume: number) => Promise<void>;
  /** Plays the announcement instead when speaking fails (network voice offline, engine error). */
  fallback?: Player;
  /** 0.1..10; 0.9 reads a little slower than the engine's default, for a large waiting room. */
  rate?: number;
}

export class SpeechPlayer implements Player {
  /** True when the browser has a Vietnamese voice now (Chrome lists voices only after `voiceschanged`). */
  static available(): boolean {
    const synth = synthesis();
    return synth !== null && findVietnameseVoice(synth.getVoices()) !== null;
  }

  /** Waits up to `timeoutMs` for the browser to list its voices, then answers `available()`. */
  static whenAvailable(timeoutMs = 3_000): Promise<boolean> {
    const synth = synthesis();
    if (synth === null || SpeechPlayer.available()) return Promise.resolve(synth !== null);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        synth.removeEventListener('voiceschanged', done);
        resolve(SpeechPlayer.available());
      };
      const timer = setTimeout(done, timeoutMs);
      synth.addEventListener('voiceschanged', done);
    });
  }

  private readonly synth: SpeechSynthesis;
  private readonly makeUtterance: (text: string) => SpeechSynthesisUtterance;
  /** Held so the engine's `end` event is not lost to garbage collection (a Chrome quirk). */
  private speaking: SpeechSynthesisUtterance | null = null;
  private stopped = false;

  constructor(private readonly options: SpeechPlayerOptions = {}) {
    const synth = options.synth ?? synthesis();
    if (synth === null) throw new Error('This browser has no speech synthesis');
    this.synth = synth;
    this.makeUtterance = options.makeUtterance ?? ((text) => new SpeechSynthesisUtterance(text));
  }

  async play(utterance: Utterance, volume: number): Promise<void> {
    this.stopped = false;
    if (this.options.chime) await this.options.chime(volume).catch(() => undefined);
    if (this.stopped) return;
    try {
      await this.speak(utterance.text, volume);
    } catch (e) {
      if (this.stopped || !this.options.fallback) throw e;
      await this.options.fallback.play(utterance, volume);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.speaking) this.synth.cancel();
    this.options.fallback?.stop?.();
  }

  private speak(text: string, volume: number): Promise<void> {
    const voice = findVietnameseVoice(this.synth.getVoices());
    if (voice === null) return Promise.reject(new Error('No Vietnamese speech voice'));
    const spoken = this.makeUtterance(text);
    spoken.lang = 'vi-VN';
    spoken.voice = voice;
    spoken.volume = volume;
    spoken.rate = this.options.rate ?? 0.9;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        spoken.onend = null;
        spoken.onerror = null;
        this.speaking = null;
        if (error === undefined || this.stopped) resolve();
        else reject(new Error(`Speech failed: ${error}`));
      };
      // an engine that never says it ended must not block the queue
      const timer = setTimeout(() => {
        finish('timeout');
        this.synth.cancel();
      }, 3_000 + text.length * 150);
      spoken.onend = () => finish();
      spoken.onerror = (e) => finish(e.error);
      this.speaking = spoken;
      this.synth.cancel(); // a stuck earlier utterance would hold this one back
      this.synth.speak(spoken);
    });
  }
}
