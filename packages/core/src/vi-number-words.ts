import { DomainError } from './errors';
import type { Locale } from './model';

const MAX = 999_999_999;
const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const VI_SCALES = ['', 'nghìn', 'triệu'];
const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['', 'thousand', 'million'];

function assertInRange(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX) {
    throw new DomainError('INVALID_ARGUMENT', `Chỉ đọc được số nguyên từ 0 đến ${MAX}`, { n });
  }
}

/** Groups of three digits, most significant first: 1_234_567 -> [1, 234, 567]. */
function groupsOf(n: number): number[] {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.unshift(rest % 1000);
  return groups;
}

/** Units digit after a tens word: mốt / tư after ≥ 20, lăm after any tens word. */
function viUnitAfterTens(tens: number, units: number): string {
  if (units === 1 && tens >= 2) return 'mốt';
  if (units === 4 && tens >= 2) return 'tư';
  if (units === 5) return 'lăm';
  return VI_DIGITS[units] ?? '';
}

/** 0 < g < 1000. `full` reads an empty hundreds as "không trăm" (inner groups: 1005 -> … không trăm linh năm). */
function viGroup(g: number, full: boolean): string[] {
  const hundreds = Math.floor(g / 100);
  const tens = Math.floor(g / 10) % 10;
  const units = g % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(VI_DIGITS[hundreds] ?? '', 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh', VI_DIGITS[units] ?? '');
    else if (units > 0) words.push(VI_DIGITS[units] ?? '');
    return words;
  }
  words.push(tens === 1 ? 'mười' : `${VI_DIGITS[tens] ?? ''} mươi`);
  if (units > 0) words.push(viUnitAfterTens(tens, units));
  return words;
}

/**
 * Vietnamese reading (Northern usage), lowercase NFC. Groups after the leading one
 * are read in full ("một nghìn không trăm linh năm"); all-zero groups are skipped
 * with their scale word ("một triệu năm trăm" for 1 000 500).
 */
export function numberToVietnameseWords(n: number): string {
  assertInRange(n);
  if (n === 0) return VI_DIGITS[0] ?? '';
  const groups = groupsOf(n);
  const words: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...viGroup(g, i > 0));
    const scale = VI_SCALES[groups.length - 1 - i] ?? '';
    if (scale !== '') words.push(scale);
  });
  return words.join(' ').normalize('NFC');
}

function enGroup(g: number): string[] {
  const hundreds = Math.floor(g / 100);
  const rest = g % 100;
  const words: string[] = [];
  if (hundreds > 0) words.push(EN_ONES[hundreds] ?? '', 'hundred');
  if (rest >= 20) {
    const tens = EN_TENS[Math.floor(rest / 10)] ?? '';
    words.push(rest % 10 === 0 ? tens : `${tens}-${EN_ONES[rest % 10] ?? ''}`);
  } else if (rest > 0) {
    words.push(EN_ONES[rest] ?? '');
  }
  return words;
}

/** Plain English reading without "and": 1023 -> "one thousand twenty-three". */
export function numberToEnglishWords(n: number): string {
  assertInRange(n);
  if (n === 0) return 'zero';
  const groups = groupsOf(n);
  const words: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...enGroup(g));
    const scale = EN_SCALES[groups.length - 1 - i] ?? '';
    if (scale !== '') words.push(scale);
  });
  return words.join(' ');
}

export function numberToWords(n: number, locale: Locale): string {
  return locale === 'vi' ? numberToVietnameseWords(n) : numberToEnglishWords(n);
}
