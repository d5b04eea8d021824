/**
 * Browser side: plays an announcement's clips one after another with <audio> elements.
 * Every clip played is recorded in `window.__qmsVoiceLog`, so end-to-end tests can check
 * what the waiting room actually heard.
 */
import type { Player } from './announcer';
import type { Utterance } from './clips';

export type ClipOutcome = 'ended' | 'timeout' | 'error' | 'stopped';

export interface VoiceClipLogEntry {
  file: string;
  startedAt: number;
  endedAt: number;
  outcome: ClipOutcome;
  error?: string;
}

declare global {
  interface Window {
    __qmsVoiceLog?: VoiceClipLogEntry[];
  }
}

/** What the player uses of an HTMLAudioElement (tests pass fakes). */
export interface ClipElement {
  volume: number;
  currentTime: number;
  readonly duration: number;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: 'ended' | 'error', listener: () => void): void;
  removeEventListener(type: 'ended' | 'error', listener: () => void): void;
}

export interface HtmlAudioPlayerOptions {
  /** Where the pack's files are served, ending in `/`: `/display/voice/vi/`. */
  baseUrl: string;
  createElement?: (src: string) => ClipElement;
  now?: () => number;
  /** Longest wait for a clip whose duration is unknown; a known one gets its duration + 1.5 s. */
  clipTimeoutMs?: number;
  /** Defaults to appending to `window.__qmsVoiceLog` (last 500 entries kept). */
  log?: (entry: VoiceClipLogEntry) => void;
}

const LOG_LIMIT = 500;
const DEFAULT_CLIP_TIMEOUT_MS = 5_000;
const DURATION_SLACK_MS = 1_500;

function createAudio(src: string): ClipElement {
  const audio = new Audio(src);
  audio.preload = 'auto';
  return audio;
}

function logToWindow(entry: VoiceClipLogEntry): void {
  const log = (globalThis as { __qmsVoiceLog?: VoiceClipLogEntry[] }).__qmsVoiceLog ?? [];
  log.push(entry);
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
  (globalThis as { __qmsVoiceLog?: VoiceClipLogEntry[] }).__qmsVoiceLog = log;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.name === 'Error' ? e.message : `${e.name}: ${e.message}`;
  return String(e);
}

export class HtmlAudioPlayer implements Player {
  private readonly elements = new Map<string, ClipElement>();
  private readonly createElement: (src: string) => ClipElement;
  private readonly now: () => number;
  private readonly clipTimeoutMs: number;
  private readonly log: (entry: VoiceClipLogEntry) => void;
  private finishCurrent: ((outcome: ClipOutcome) => void) | null = null;
  private stopped = false;

  constructor(private readonly options: HtmlAudioPlayerOptions) {
    this.createElement = options.createElement ?? createAudio;
    this.now = options.now ?? (() => Date.now());
    this.clipTimeoutMs = options.clipTimeoutMs ?? DEFAULT_CLIP_TIMEOUT_MS;
    this.log = options.log ?? logToWindow;
  }

  /** Starts loading the files once, so the first call is not late. */
  preload(files: readonly string[]): void {
    for (const file of files) this.element(file);
  }

  /**
   * Plays the clips in order. A clip that errors or never ends (timeout) is skipped, so one broken
   * file never blocks the queue. Rejects when nothing could be played, and at once when the
   * browser refuses to play without a user gesture (NotAllowedError).
   */
  async play(utterance: Utterance, volume: number): Promise<void> {
    this.stopped = false;
    let failures = 0;
    for (const file of utterance.files) {
      if (this.stopped) return;
      const entry = await this.playClip(file, volume);
      if (entry.outcome === 'error') {
        failures++;
        if (entry.error?.startsWith('NotAllowedError')) throw new Error(`Browser refused to play audio: ${entry.error}`);
      }
    }
    if (failures > 0 && failures === utterance.files.length) throw new Error('No clip of the announcement could be played');
  }

  stop(): void {
    this.stopped = true;
    this.finishCurrent?.('stopped');
  }

  private element(file: string): ClipElement {
    let element = this.elements.get(file);
    if (!element) {
      element = this.createElement(`${this.options.baseUrl}${encodeURIComponent(file)}`);
      this.elements.set(file, element);
    }
    return element;
  }

  private playClip(file: string, volume: number): Promise<VoiceClipLogEntry> {
    const element = this.element(file);
    const startedAt = this.now();
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (outcome: ClipOutcome, error?: string): void => {
        if (this.finishCurrent !== finish) return;
        this.finishCurrent = null;
        clearTimeout(timer);
        element.removeEventListener('ended', onEnded);
        element.removeEventListener('error', onError);
        if (outcome !== 'ended') element.pause();
        // a broken element is made again next time: the file may have been fixed meanwhile
        if (outcome === 'error') this.elements.delete(file);
        const entry: VoiceClipLogEntry = { file, startedAt, endedAt: this.now(), outcome };
        if (error !== undefined) entry.error = error;
        this.log(entry);
        resolve(entry);
      };
      const onEnded = (): void => finish('ended');
      const onError = (): void => finish('error', 'media error (missing or unreadable file)');
      this.finishCurrent = finish;
      element.addEventListener('ended', onEnded);
      element.addEventListener('error', onError);
      const known = Number.isFinite(element.duration) && element.duration > 0;
      timer = setTimeout(() => finish('timeout'), known ? element.duration * 1000 + DURATION_SLACK_MS : this.clipTimeoutMs);
      element.volume = volume;
      element.currentTime = 0;
      element.play().catch((e: unknown) => finish('error', errorText(e)));
    });
  }
}
