/**
 * Masks for personal data shown where others may see it (receipts on the counter's
 * screen, look-up results): never the full name, ID or phone number.
 */

/** First letter of a word with any combining marks after it (Đ, Ư, Ễ are one letter). */
function initial(word: string): string {
  return /^\P{M}\p{M}*/u.exec(word)?.[0] ?? '';
}

/**
 * Keeps the family name, middle names as initial + `**`, the given name as its initial:
 * 'Nguyễn Văn An' -> 'Nguyễn V** A', 'Trần Thị Thu Hà' -> 'Trần T** T** H', 'An' -> 'A'.
 */
export function maskName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter((w) => w !== '');
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined) return '';
  if (words.length === 1) return initial(first);
  const middle = words.slice(1, -1).map((w) => `${initial(w)}**`);
  return [first, ...middle, initial(last)].join(' ');
}

function keepEnds(value: string, head: number, tail: number): string {
  const v = value.trim();
  if (v.length <= head + tail) return '*'.repeat(v.length);
  return v.slice(0, head) + '*'.repeat(v.length - head - tail) + v.slice(v.length - tail);
}

/** '001090012345' -> '001******345' (province code and last three digits). */
export function maskCccd(cccd: string): string {
  return keepEnds(cccd, 3, 3);
}

/** '0912345678' -> '0912***678' (network prefix and last three digits). */
export function maskPhone(phone: string): string {
  return keepEnds(phone.replace(/[\s.-]/g, ''), 4, 3);
}
