/** Width of a string in pixels in the current font. */
export type MeasureWidth = (text: string) => number;

/**
 * Greedy word wrap: words (split on ASCII spaces; a no-break space U+00A0 joins a phrase into one
 * word) are kept whole where they fit; a word wider than the line on its own is broken between
 * characters. Never returns a line wider than `maxWidth` unless a single character is.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureWidth): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const piece of breakWord(word, maxWidth, measure)) {
      if (line !== '') lines.push(line);
      line = piece;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Splits one word into pieces that each fit (the last piece may be continued by the next word). */
function breakWord(word: string, maxWidth: number, measure: MeasureWidth): string[] {
  if (measure(word) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const { segment: char } of graphemes.segment(word)) {
    if (piece !== '' && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
