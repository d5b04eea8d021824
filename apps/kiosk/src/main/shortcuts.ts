import type { Input } from 'electron';

export type KeyInput = Pick<Input, 'key' | 'control' | 'meta' | 'shift' | 'alt' | 'type'>;

export type BlockReason = 'reload' | 'devtools' | 'zoom' | 'close' | 'history' | 'browser';

/** Ctrl on Windows/Linux, Cmd on macOS: either counts. */
function primary(input: KeyInput): boolean {
  return input.control || input.meta;
}

const RELOAD_KEYS = new Set(['f5', 'browserrefresh']);
const HISTORY_KEYS = new Set(['browserback', 'browserforward']);
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0', 'add', 'subtract']);
const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);
/** Ctrl+<letter> shortcuts of a browser that have no place on a kiosk: print, save, open, new window/tab, view source, find. */
const BROWSER_LETTERS = new Set(['p', 's', 'o', 'n', 't', 'u', 'f', 'g', 'h']);

/**
 * Which shortcut class a key press belongs to, or null for an ordinary key.
 * `key` is compared case-insensitively ("R" arrives with Shift held).
 */
export function classifyShortcut(input: KeyInput): BlockReason | null {
  const key = input.key.toLowerCase();
  if (RELOAD_KEYS.has(key)) return 'reload';
  if (key === 'f12') return 'devtools';
  if (key === 'zoomin' || key === 'zoomout' || key === 'zoomtoggle') return 'zoom';
  if (HISTORY_KEYS.has(key)) return 'history';
  if (input.alt && (key === 'f4' || key === 'arrowleft' || key === 'arrowright' || key === 'home')) {
    return key === 'f4' ? 'close' : 'history';
  }
  if (!primary(input)) return null;
  if (key === 'r') return 'reload';
  if (DEVTOOLS_LETTERS.has(key) && (input.shift || input.alt)) return 'devtools';
  if (ZOOM_KEYS.has(key)) return 'zoom';
  if (key === 'w' || key === 'q' || key === 'f4') return 'close';
  if (key === '[' || key === ']') return 'history';
  if (BROWSER_LETTERS.has(key)) return 'browser';
  return null;
}

/**
 * Decides, from a `before-input-event`, whether the kiosk swallows the key. In production
 * the citizen must not reload, open devtools, zoom, close or leave the page; in development
 * nothing is blocked.
 */
export function shouldBlockInput(input: KeyInput, production: boolean): boolean {
  if (!production) return false;
  if (input.type !== 'keyDown' && input.type !== 'keyUp' && input.type !== 'rawKeyDown') return false;
  return classifyShortcut(input) !== null;
}
