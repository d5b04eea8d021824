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
  /** Shortest text a scan can be. */
  scanMinLength?: number;
  onShortcut: (letter: string) => void;
  onScan: (text: string) => void;
  /** Runs `fn` after `ms`; returns a function that cancels it (setTimeout in the browser). */
  schedule: (fn: () => void, ms: number) => () => void;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'OS', 'Fn']);

/** Defaults: a person presses one shortcut key alone; a scanner types 20-200 keys a second. */
export const DESK_KEY_TIMING = { quietMs: 250, holdMs: 100, scanGapMs: 50, scanMinLength: 6 } as const;

/**
 * Tells an officer's single key press from a burst of typing (a CCCD QR scanner acting as a
 * keyboard, or someone typing at the desk). A shortcut letter is held back: it fires `holdMs` after
 * its keydown if no other key came within `quietMs` before it and none comes before it fires. Any
 * key in a burst cancels a held letter, so no letter of a scan ever acts on the queue. A burst that
 * ends with Enter and is fast and long enough is a scan (`onScan`). The caller decides, per key and
 * again when a held letter fires, whether shortcuts are allowed at all (focus, open dialogs).
 */
export class DeskKeys {
  private lastAt = Number.NEGATIVE_INFINITY;
  private cancelHeld: (() => void) | null = null;
  private readonly scanner: ScanDetector;
  private readonly quietMs: number;
  private readonly holdMs: number;

  constructor(private readonly options: DeskKeysOptions) {
    this.quietMs = options.quietMs ?? DESK_KEY_TIMING.quietMs;
    this.holdMs = options.holdMs ?? DESK_KEY_TIMING.holdMs;
    this.scanner = new ScanDetector({
      maxGapMs: options.scanGapMs ?? DESK_KEY_TIMING.scanGapMs,
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
    this.lastAt = k.at;
    if (this.scanner.key(k.key, k.at)) return true;
    if (gap < this.quietMs) return k.key === 'Enter' || k.key === ' ';
    const letter = k.key.length === 1 ? k.key.toUpperCase() : '';
    if (!this.options.shortcuts.has(letter) || k.modified || k.repeat || k.composing || !shortcutsAllowed()) return false;
    this.cancelHeld = this.options.schedule(() => {
      this.cancelHeld = null;
      if (shortcutsAllowed()) this.options.onShortcut(letter);
    }, this.holdMs);
    return false;
  }

  /** Drops a held letter (a dialog opened, focus moved, the desk went away). */
  cancel(): void {
    this.cancelHeld?.();
    this.cancelHeld = null;
  }
}
