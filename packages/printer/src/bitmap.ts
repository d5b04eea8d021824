/** A 1-bit image, one byte per pixel for simplicity: 1 = black (burnt dot), 0 = white. */
export interface MonoBitmap {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Tallest band sent in one GS v 0 command; some printers garble taller raster images. */
export const MAX_BAND_ROWS = 255;

/** Luminance below this (0..255) prints black; the rest is paper. Alpha is composited on white. */
export const BLACK_THRESHOLD = 128;

/** Thresholds RGBA pixels (as from canvas getImageData) to a 1-bit bitmap. */
export function thresholdRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): MonoBitmap {
  const pixels = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < pixels.length; i++, p += 4) {
    const a = (rgba[p + 3] ?? 0) / 255;
    const luma = 0.2126 * (rgba[p] ?? 0) + 0.7152 * (rgba[p + 1] ?? 0) + 0.0722 * (rgba[p + 2] ?? 0);
    pixels[i] = luma * a + 255 * (1 - a) < BLACK_THRESHOLD ? 1 : 0;
  }
  return { width, height, pixels };
}

/** Pure black-and-white RGBA for a bitmap (white paper, black dots, opaque). */
export function bitmapToRgba(bitmap: MonoBitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(bitmap.width * bitmap.height * 4);
  for (let i = 0, p = 0; i < bitmap.pixels.length; i++, p += 4) {
    const v = bitmap.pixels[i] === 1 ? 0 : 255;
    rgba[p] = v;
    rgba[p + 1] = v;
    rgba[p + 2] = v;
    rgba[p + 3] = 255;
  }
  return rgba;
}

/** Rows [from, to) of a bitmap. */
export function sliceRows(bitmap: MonoBitmap, from: number, to: number): MonoBitmap {
  const start = Math.max(0, Math.min(from, bitmap.height));
  const end = Math.max(start, Math.min(to, bitmap.height));
  return {
    width: bitmap.width,
    height: end - start,
    pixels: bitmap.pixels.slice(start * bitmap.width, end * bitmap.width),
  };
}

/** Cuts a bitmap into horizontal bands of at most `maxRows` rows, top to bottom. */
export function splitBands(bitmap: MonoBitmap, maxRows: number = MAX_BAND_ROWS): MonoBitmap[] {
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`maxRows must be a positive integer, got ${maxRows}`);
  const bands: MonoBitmap[] = [];
  for (let y = 0; y < bitmap.height; y += maxRows) bands.push(sliceRows(bitmap, y, y + maxRows));
  return bands;
}

/** Stacks bitmaps of equal width top to bottom. */
export function stackBitmaps(parts: readonly MonoBitmap[]): MonoBitmap {
  const width = parts[0]?.width ?? 0;
  if (parts.some((p) => p.width !== width)) throw new RangeError('cannot stack bitmaps of different widths');
  const height = parts.reduce((sum, p) => sum + p.height, 0);
  const pixels = new Uint8Array(width * height);
  let offset = 0;
  for (const part of parts) {
    pixels.set(part.pixels, offset);
    offset += part.pixels.length;
  }
  return { width, height, pixels };
}

/** Packs a bitmap row-major, 8 pixels a byte, most significant bit leftmost (the ESC/POS raster format). */
export function packRows(bitmap: MonoBitmap): { bytesPerRow: number; data: Buffer } {
  const bytesPerRow = Math.ceil(bitmap.width / 8);
  const data = Buffer.alloc(bytesPerRow * bitmap.height);
  for (let y = 0; y < bitmap.height; y++) {
    const row = y * bitmap.width;
    for (let x = 0; x < bitmap.width; x++) {
      if (bitmap.pixels[row + x] === 1) {
        const at = y * bytesPerRow + (x >> 3);
        data[at] = (data[at] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return { bytesPerRow, data };
}
