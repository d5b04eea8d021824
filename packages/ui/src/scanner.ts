/**
 * Recognises a USB barcode/QR scanner acting as a keyboard ("keyboard wedge"): a burst of
 * characters typed much faster than a person can (< maxGapMs apart), at least minLength long,
 * ended by Enter. Keys of a burst are swallowed, so a scan never types into a focused field.
 */
export interface ScanDetectorOptions {
  maxGapMs?: number;
  minLength?: number;
  onScan: (code: string) => void;
}

export class ScanDetector {
  private buffer = '';
  private last = 0;
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly onScan: (code: string) => void;

  constructor(options: ScanDetectorOptions) {
    this.maxGapMs = options.maxGapMs ?? 35;
    this.minLength = options.minLength ?? 6;
    this.onScan = options.onScan;
  }

  /** Characters of the burst collected so far. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Feeds one keydown; returns true when the key belongs to a scan and must not reach the page. */
  key(key: string, at: number): boolean {
    const fast = this.buffer.length > 0 && at - this.last <= this.maxGapMs;
    if (!fast && this.buffer.length > 0) this.buffer = '';
    this.last = at;
    if (key === 'Enter') {
      const code = this.buffer;
      this.buffer = '';
      if (fast && code.length >= this.minLength) {
        this.onScan(code.normalize('NFC'));
        return true;
      }
      return false;
    }
    if (key.length !== 1) return false;
    this.buffer += key;
    // the first key of a burst cannot be told from a person's key; later ones can
    return this.buffer.length > 1;
  }
}

type Editable = HTMLInputElement | HTMLTextAreaElement;

function setEditableValue(el: Editable, value: string): void {
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Wires a detector to the window in the capture phase, before any input sees the key. The first
 * key of a burst cannot be held back, so when a scan is recognised the focused input gets back
 * the value it had before the burst: nothing of a scan stays in a form field.
 */
export function listenForScans(onScan: (code: string) => void): () => void {
  let before: { el: Editable; value: string } | null = null;
  const detector = new ScanDetector({
    onScan: (code) => {
      if (before && before.el.value !== before.value) setEditableValue(before.el, before.value);
      onScan(code);
    },
  });
  const handler = (e: KeyboardEvent): void => {
    const active = document.activeElement;
    if (detector.pending === 0 || e.timeStamp - lastAt > 35) {
      before =
        active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
          ? { el: active, value: active.value }
          : null;
    }
    lastAt = e.timeStamp;
    if (detector.key(e.key, e.timeStamp)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  let lastAt = 0;
  window.addEventListener('keydown', handler, true);
  return () => window.removeEventListener('keydown', handler, true);
}
