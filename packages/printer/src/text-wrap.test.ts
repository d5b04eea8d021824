import { describe, expect, it } from 'vitest';
import { wrapText } from './text-wrap';

/** 10 px per character: easy to reason about. */
const measure = (s: string): number => Array.from(s).length * 10;

describe('wrapText', () => {
  it('keeps short text on one line and collapses spaces', () => {
    expect(wrapText('  Tư   pháp ', 200, measure)).toEqual(['Tư pháp']);
    expect(wrapText('', 200, measure)).toEqual([]);
  });

  it('wraps between words, never past the width', () => {
    const lines = wrapText('Văn hóa – Xã hội lao động thương binh và xã hội', 100, measure);
    expect(lines).toEqual(['Văn hóa –', 'Xã hội lao', 'động', 'thương', 'binh và xã', 'hội']);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(100);
  });

  it('breaks a word longer than a line between characters', () => {
    expect(wrapText('ab 0123456789ABCDE xy', 100, measure)).toEqual(['ab', '0123456789', 'ABCDE xy']);
  });

  it('does not split a composed Vietnamese letter or a phrase joined by no-break spaces', () => {
    const decomposed = 'ệệệệệ'.normalize('NFD');
    const lines = wrapText(decomposed, 30, (s) => [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(s)].length * 10);
    expect(lines.map((l) => l.normalize('NFC'))).toEqual(['ệệệ', 'ệệ']);
    expect(wrapText('chờ: khoảng\u00a040\u00a0phút', 150, measure)).toEqual(['chờ:', 'khoảng\u00a040\u00a0phút']);
  });
});
