import { describe, expect, it } from 'vitest';
import { msg, quoteValue } from './messages';

describe('messages', () => {
  it('quotes a value whole up to 60 characters, else its first 59 and “…”', () => {
    expect(quoteValue('A'.repeat(60))).toBe(`“${'A'.repeat(60)}”`);
    expect(quoteValue('A'.repeat(61))).toBe(`“${'A'.repeat(59)}…”`);
    expect(Array.from(quoteValue('ệ'.repeat(1_000_000))).length).toBe(62);
  });

  it('never splits a character made of two UTF-16 units, and flattens control characters and line breaks', () => {
    expect(quoteValue('😀'.repeat(70))).toBe(`“${'😀'.repeat(59)}…”`);
    expect(quoteValue('a\r\nb\u0000c\u2028d')).toBe('“a b c d”');
  });

  it('shows sizes in MB with a decimal comma, rounded up', () => {
    expect(msg.fileTooBig(20 * 1024 * 1024 + 1)).toBe('Tệp quá lớn (20,1 MB); giới hạn là 20 MB.');
  });
});
