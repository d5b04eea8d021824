import { numberToVietnameseWords } from '@qms/core';
import { letterKey } from './manifest';
import type { VoicePack } from './manifest';
import { readWavInfo } from './wav-info';

export interface PackReport {
  /** The pack would fail or mumble: fix before use. */
  errors: string[];
  /** Works, but worth a look. */
  warnings: string[];
}

export const MIN_CLIP_SECONDS = 0.05;
export const MAX_CLIP_SECONDS = 5;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every word the number reader can say for 0..99 999 (ticket numbers and counters). */
export function numberWords(max = 99_999): Set<string> {
  const words = new Set<string>();
  for (let n = 0; n <= max; n++) for (const w of numberToVietnameseWords(n).split(' ')) words.add(w);
  return words;
}

function checkFile(file: string, bytes: Uint8Array | null, report: PackReport): void {
  if (bytes === null) {
    report.errors.push(`${file}: missing`);
    return;
  }
  if (!file.endsWith('.wav')) {
    if (bytes.byteLength === 0) report.errors.push(`${file}: empty`);
    return;
  }
  try {
    const info = readWavInfo(bytes);
    const s = info.durationSeconds;
    if (s < MIN_CLIP_SECONDS || s > MAX_CLIP_SECONDS) {
      report.errors.push(`${file}: ${s.toFixed(2)} s long (expected ${MIN_CLIP_SECONDS}–${MAX_CLIP_SECONDS} s; trim the silence)`);
    }
    if (info.channels !== 1) report.warnings.push(`${file}: ${info.channels} channels (mono is half the size)`);
    if (info.sampleRate < 16_000 || info.sampleRate > 48_000) {
      report.warnings.push(`${file}: ${info.sampleRate} Hz (16 000–48 000 Hz expected)`);
    }
  } catch (e) {
    report.errors.push(`${file}: not a readable WAV file (${(e as Error).message})`);
  }
}

/**
 * Checks a parsed pack against its files: each exists and is a WAV of a sane length, every word
 * of the numbers 0..99 999 has a clip, and (as a warning) every prefix letter and the chime.
 * `read` returns a file's bytes, or null when it does not exist.
 */
export function checkPackFiles(pack: VoicePack, read: (file: string) => Uint8Array | null): PackReport {
  const report: PackReport = { errors: [], warnings: [] };
  for (const file of new Set(Object.values(pack.clips))) checkFile(file, read(file), report);
  const missingWords = [...numberWords()].filter((w) => !Object.hasOwn(pack.words, w));
  if (missingWords.length > 0) report.errors.push(`no clip for the words: ${missingWords.join(', ')}`);
  const missingLetters = [...LETTERS].filter((l) => !Object.hasOwn(pack.clips, letterKey(l)));
  if (missingLetters.length > 0) {
    report.warnings.push(`no clip for the letters ${missingLetters.join(' ')} (needed only for numbers like A-023)`);
  }
  if (!pack.phrases.call.includes('chime')) report.warnings.push('phrases.call has no chime');
  return report;
}
