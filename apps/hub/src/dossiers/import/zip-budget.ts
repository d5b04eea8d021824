/**
 * Zip-bomb guard for XLSX uploads: inflates every part of the zip (throwing the output away,
 * never more than the budget) before the workbook library loads it whole into memory. Sizes
 * the zip declares are not trusted: a part is measured by inflating it.
 */
import { inflateRawSync } from 'node:zlib';

export type ZipBudgetResult = 'ok' | 'too_big' | 'corrupt';

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

export class Corrupt extends Error {}

export function check(ok: boolean): void {
  if (!ok) throw new Corrupt();
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  check(v <= BigInt(Number.MAX_SAFE_INTEGER));
  return Number(v);
}

/** Where the central directory starts and how many entries it has. */
export function findCentralDirectory(buf: Buffer): { offset: number; count: number } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - U16_MAX); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  check(eocd >= 0);
  const count = buf.readUInt16LE(eocd + 10);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count !== U16_MAX && offset !== U32_MAX) return { offset, count };
  check(eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR);
  const at = u64(buf, eocd - 20 + 8);
  check(buf.readUInt32LE(at) === EOCD64);
  return { offset: u64(buf, at + 48), count: u64(buf, at + 32) };
}

export interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
  next: number;
}

export function readEntry(buf: Buffer, at: number): Entry {
  check(buf.readUInt32LE(at) === CENTRAL);
  const method = buf.readUInt16LE(at + 10);
  let compressedSize = buf.readUInt32LE(at + 20);
  const uncompressed32 = buf.readUInt32LE(at + 24);
  const nameLength = buf.readUInt16LE(at + 28);
  const extraLength = buf.readUInt16LE(at + 30);
  const commentLength = buf.readUInt16LE(at + 32);
  let localOffset = buf.readUInt32LE(at + 42);
  // ZIP64 extra field: 8-byte values, only for the fields saturated above, in this order.
  for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
    const id = buf.readUInt16LE(e);
    const size = buf.readUInt16LE(e + 2);
    if (id === 0x0001) {
      let p = e + 4;
      if (uncompressed32 === U32_MAX) p += 8;
      if (compressedSize === U32_MAX) {
        compressedSize = u64(buf, p);
        p += 8;
      }
      if (localOffset === U32_MAX) localOffset = u64(buf, p);
    }
    e += 4 + size;
  }
  const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
  return { name, method, compressedSize, localOffset, next: at + 46 + nameLength + extraLength + commentLength };
}

/** The stored bytes of an entry (after its local header). */
export function entryData(buf: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  check(buf.readUInt32LE(at) === LOCAL);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  check(end <= buf.length);
  check(entry.method === 0 || entry.method === 8);
  return buf.subarray(start, end);
}

function inflatedSize(buf: Buffer, entry: Entry, budget: number): number {
  const data = entryData(buf, entry);
  if (entry.method === 0) return data.length;
  try {
    return inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
    throw new Corrupt();
  }
}

/** Whether all parts of the zip inflate, to at most `maxInflatedBytes` together. */
export function checkZipBudget(buf: Buffer, maxInflatedBytes: number): ZipBudgetResult {
  try {
    const { offset, count } = findCentralDirectory(buf);
    let used = 0;
    let at = offset;
    for (let i = 0; i < count; i++) {
      const entry = readEntry(buf, at);
      used += inflatedSize(buf, entry, maxInflatedBytes - used);
      if (used > maxInflatedBytes) return 'too_big';
      at = entry.next;
    }
    return 'ok';
  } catch (e) {
    if (e instanceof Corrupt || e instanceof RangeError) return 'corrupt';
    throw e;
  }
}
