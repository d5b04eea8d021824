/**
 * Turns CSV bytes into text: UTF-8 with or without BOM only. Other encodings are refused with
 * the line of the first bad byte, so the user can be told how to save the file again.
 */
import { isUtf8 } from 'node:buffer';

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'utf16' }
  | { ok: false; reason: 'not_utf8'; line: number };

const BOM = [0xef, 0xbb, 0xbf];

/** Length of the UTF-8 sequence starting at `i` when it is well formed, else 0 (RFC 3629). */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i] ?? 0;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const x = b[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** 1-based line (CRLF, CR or LF ends one) of the first byte that is not well-formed UTF-8. */
export function lineOfFirstBadByte(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return line;
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
    i += n;
  }
  return line;
}

export function decodeCsvBytes(content: Buffer): DecodeResult {
  if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) return { ok: false, reason: 'utf16' };
  const body = BOM.every((b, i) => content[i] === b) ? content.subarray(3) : content;
  if (!isUtf8(body)) return { ok: false, reason: 'not_utf8', line: lineOfFirstBadByte(body) };
  return { ok: true, text: body.toString('utf8') };
}
