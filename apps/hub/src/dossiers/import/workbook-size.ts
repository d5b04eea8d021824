/**
 * Bounds what the workbook library will hold in memory before it loads an XLSX whole: every zip
 * part is inflated as a stream (never more than a slice at a time), against the inflated-bytes
 * budget (zip bombs), and the worksheets' rows and cells are counted on the way, so a sheet of
 * a million rows or cells is refused without ever being built.
 */
import { createInflateRaw } from 'node:zlib';
import { Corrupt, entryData, findCentralDirectory, readEntry, type Entry } from './zip-budget';

export interface WorkbookLimits {
  maxInflatedBytes: number;
  /** Rows (`<row>` elements) of all worksheets together. */
  maxRows: number;
  /** Cells (`<c>` elements) of all worksheets together. */
  maxCells: number;
}

export type WorkbookSize = 'ok' | 'corrupt' | 'too_big' | 'too_many_rows' | 'too_many_cells';

const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;
const CARRY = 32;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

class Over extends Error {
  constructor(readonly why: 'too_big' | 'too_many_rows' | 'too_many_cells') {
    super(why);
  }
}

interface Tally {
  bytes: number;
  rows: number;
  cells: number;
}

/** Matches that end after the carried-over tail (those ending inside it were counted before). */
function countNew(re: RegExp, text: string, carried: number): number {
  let n = 0;
  for (const m of text.matchAll(re)) if (m.index + m[0].length > carried) n += 1;
  return n;
}

/** Streams one part through inflate, adding to the tally; throws Over as soon as a limit is passed. */
function measurePart(data: Buffer, entry: Entry, tally: Tally, limits: WorkbookLimits): Promise<void> {
  const sheet = WORKSHEET.test(entry.name);
  let carry = '';
  const take = (chunk: Buffer): void => {
    tally.bytes += chunk.length;
    if (tally.bytes > limits.maxInflatedBytes) throw new Over('too_big');
    if (!sheet) return;
    // tags are ASCII: latin1 keeps byte offsets and never splits a character across slices
    const text = carry + chunk.toString('latin1');
    tally.rows += countNew(ROW, text, carry.length);
    tally.cells += countNew(CELL, text, carry.length);
    if (tally.rows > limits.maxRows) throw new Over('too_many_rows');
    if (tally.cells > limits.maxCells) throw new Over('too_many_cells');
    carry = text.slice(-CARRY);
  };
  if (entry.method === 0) {
    take(data);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    inflate.on('data', (chunk: Buffer) => {
      try {
        take(chunk);
      } catch (e) {
        inflate.destroy();
        reject(e);
      }
    });
    inflate.on('error', () => reject(new Corrupt()));
    inflate.on('end', resolve);
    inflate.end(data);
  });
}

export async function measureWorkbook(buf: Buffer, limits: WorkbookLimits): Promise<WorkbookSize> {
  const tally: Tally = { bytes: 0, rows: 0, cells: 0 };
  try {
    const { offset, count } = findCentralDirectory(buf);
    let at = offset;
    for (let i = 0; i < count; i++) {
      const entry = readEntry(buf, at);
      await measurePart(entryData(buf, entry), entry, tally, limits);
      at = entry.next;
    }
    return 'ok';
  } catch (e) {
    if (e instanceof Over) return e.why;
    if (e instanceof Corrupt || e instanceof RangeError) return 'corrupt';
    throw e;
  }
}
