import { describe, it, expect } from 'vitest';
import { numberToEnglishWords, numberToVietnameseWords, numberToWords } from './vi-number-words';

const VI: Array<[number, string]> = [
  [0, 'không'],
  [1, 'một'],
  [4, 'bốn'],
  [5, 'năm'],
  [10, 'mười'],
  [11, 'mười một'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [55, 'năm mươi lăm'],
  [91, 'chín mươi mốt'],
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [115, 'một trăm mười lăm'],
  [121, 'một trăm hai mươi mốt'],
  [999, 'chín trăm chín mươi chín'],
  [1000, 'một nghìn'],
  [1005, 'một nghìn không trăm linh năm'],
  [1015, 'một nghìn không trăm mười lăm'],
  [1023, 'một nghìn không trăm hai mươi ba'],
  [1024, 'một nghìn không trăm hai mươi tư'],
  [2024, 'hai nghìn không trăm hai mươi tư'],
  [1100, 'một nghìn một trăm'],
  [10000, 'mười nghìn'],
  [15000, 'mười lăm nghìn'],
  [21000, 'hai mươi mốt nghìn'],
  [99_999, 'chín mươi chín nghìn chín trăm chín mươi chín'],
  [1_000_000, 'một triệu'],
  [1_000_001, 'một triệu không trăm linh một'],
  [1_000_500, 'một triệu năm trăm'],
  [1_001_000, 'một triệu không trăm linh một nghìn'],
  [2_050_000, 'hai triệu không trăm năm mươi nghìn'],
  [999_999_999, 'chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
];

describe('numberToVietnameseWords', () => {
  it.each(VI)('%i -> %s', (n, words) => {
    expect(numberToVietnameseWords(n)).toBe(words.normalize('NFC'));
  });

  it('returns NFC lowercase text', () => {
    for (const [n] of VI) {
      const words = numberToVietnameseWords(n);
      expect(words).toBe(words.normalize('NFC'));
      expect(words).toBe(words.toLowerCase());
    }
  });

  it.each([-1, 1.5, 1_000_000_000, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (n) => {
    expect(() => numberToVietnameseWords(n)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('numberToEnglishWords', () => {
  it.each<[number, string]>([
    [0, 'zero'],
    [7, 'seven'],
    [13, 'thirteen'],
    [20, 'twenty'],
    [21, 'twenty-one'],
    [105, 'one hundred five'],
    [1023, 'one thousand twenty-three'],
    [1100, 'one thousand one hundred'],
    [1_000_001, 'one million one'],
    [999_999_999, 'nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine'],
  ])('%i -> %s', (n, words) => {
    expect(numberToEnglishWords(n)).toBe(words);
  });

  it('rejects out-of-range input', () => {
    expect(() => numberToEnglishWords(-3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('numberToWords', () => {
  it('dispatches on locale', () => {
    expect(numberToWords(24, 'vi')).toBe('hai mươi tư');
    expect(numberToWords(24, 'en')).toBe('twenty-four');
  });
});
