import { ScanDetector } from '@qms/ui';

/** What the desk needs to know about one keydown. */
export interface DeskKey {
  key: string;
  /** Event time in ms (KeyboardEvent.timeStamp). */
  at: number;
  /** Ctrl, Alt, AltGr or Meta held. Shift is not a modifier here: "n" and "N" are the same shortcut. */
  modified: boolean;
  /** The key is held down and the keyboard repeats it. */
  repeat: boolean;
  /** An input method (Unikey, Telex) is composing a character. */
  composing: boolean;
}

export interface DeskKeysOptions {
  /** The shortcut letters, upper case. */
  shortcuts: ReadonlySet<string>;
  /** A key is a shortcut only after this long without any other key (ms). */
  quietMs?: number;
  /** ... and only if no other key follows within this long: the shortcut fires then (ms). */
  holdMs?: number;
  /** Keys closer than this belong to one scanner burst (ms). */
  scanGapMs?: number;
  /** After a burst, shortcuts stay off until the keyboard has been silent this long (ms). */
  burstMs?: number;
  /** Shortest text a scan can be. */
  scanMinLength?: number;
  onShortcut: (letter: string) => void;
  onScan: (text: string) => void;
  /** Runs `fn` after `ms`; returns a function that cancels it (setTimeout in the browser). */
  schedule: (fn: () => void, ms: number) => () => void;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'OS', 'Fn']);

/** Defaults: a person presses one shortcut key alone; a scanner types 20-200 keys a second. */
export const DESK_KEY_TIMING = { quietMs: 250, holdMs: 100, scanGapMs: 50, burstMs: 500, scanMinLength: 6 } as const;

/**
 * Tells an officer's single key press from a burst of typing (a CCCD QR scanner acting as a
 * keyboard, or someone typing at the desk). A shortcut letter is held back: it fires `holdMs` after
 * its keydown if no other key comes before then, and only if it was a lone key itself: no key in
 * the `quietMs` before it (`holdMs` when the key before was itself a shortcut that fired, so an
 * officer can press L then V), and not inside a burst. A burst starts with two keys closer than
 * `scanGapMs` and lasts until the keyboard has been silent for `burstMs`, so a scanner that stalls
 * mid-scan still fires nothing. A burst that ends with Enter and is fast and long enough is a scan
 * (`onScan`). The caller decides, per key and again when a held letter fires, whether shortcuts
 * are allowed at all (focus, open dialogs).
 */
export class DeskKeys {
  private lastAt = Number.NEGATIVE_INFINITY;
  /** The keydown time of the last letter that fired as a shortcut. */
  private firedAt = Number.NaN;
  private burstUntil = Number.NEGATIVE_INFINITY;
  private cancelHeld: (() => void) | null = null;
  private readonly scanner: ScanDetector;
  private readonly quietMs: number;
  private readonly holdMs: number;
  private readonly scanGapMs: number;
  private readonly burstMs: number;

  constructor(private readonly options: DeskKeysOptions) {
    this.quietMs = options.quietMs ?? DESK_KEY_TIMING.quietMs;
    this.holdMs = options.holdMs ?? DESK_KEY_TIMING.holdMs;
    this.scanGapMs = options.scanGapMs ?? DESK_KEY_TIMING.scanGapMs;
    this.burstMs = options.burstMs ?? DESK_KEY_TIMING.burstMs;
    this.scanner = new ScanDetector({
      maxGapMs: this.scanGapMs,
      minLength: options.scanMinLength ?? DESK_KEY_TIMING.scanMinLength,
      onScan: options.onScan,
    });
  }

  /** A held letter is waiting to fire. */
  get holding(): boolean {
    return this.cancelHeld !== null;
  }

  /**
   * Feeds one keydown. Returns true when the key is part of a burst and must not reach the page
   * (a fast Enter or Space would otherwise press the focused button, a letter pick a select option).
   */
  keydown(k: DeskKey, shortcutsAllowed: () => boolean): boolean {
    this.cancel(); // whatever comes after a held letter makes it typing, not a shortcut
    if (MODIFIER_KEYS.has(k.key)) return false;
    const gap = k.at - this.lastAt;
    const afterShortcut = this.firedAt === this.lastAt;
    this.lastAt = k.at;
    if (gap < this.scanGapMs || k.at < this.burstUntil) this.burstUntil = k.at + this.burstMs;
    if (this.scanner.key(k.key, k.at)) return true;
    const lone = k.at >= this.burstUntil && gap >= (afterShortcut ? this.holdMs : this.quietMs);
    if (!lone) return k.key === 'Enter' || k.key === ' ';
    const letter = k.key.length === 1 ? k.key.toUpperCase() : '';
    if (!this.options.shortcuts.has(letter) || k.modified || k.repeat || k.composing || !shortcutsAllowed()) return false;
    this.cancelHeld = this.options.schedule(() => {
      this.cancelHeld = null;
      if (!shortcutsAllowed()) return;
      this.firedAt = k.at;
      this.options.onShortcut(letter);
    }, this.holdMs);
    return false;
  }

  /** Drops a held letter (a dialog opened, focus moved, the desk went away). */
  cancel(): void {
    this.cancelHeld?.();
    this.cancelHeld = null;
  }
}
