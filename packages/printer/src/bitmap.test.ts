import { describe, expect, it } from 'vitest';
import { MAX_BAND_ROWS, packRows, sliceRows, splitBands, stackBitmaps, thresholdRgba, type MonoBitmap } from './bitmap';

function pattern(width: number, height: number): MonoBitmap {
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + Math.floor(i / width)) % 3 === 0 ? 1 : 0;
  return { width, height, pixels };
}

describe('splitBands', () => {
  it.each([1, 254, 255, 256, 600, 1021])('cuts %i rows into bands of at most 255 that stack back exactly', (height) => {
    const image = pattern(576, height);
    const bands = splitBands(image);
    expect(bands.every((b) => b.height >= 1 && b.height <= MAX_BAND_ROWS && b.width === 576)).toBe(true);
    expect(bands.reduce((sum, b) => sum + b.height, 0)).toBe(height);
    expect(bands).toHaveLength(Math.ceil(height / 255));
    const stacked = stackBitmaps(bands);
    expect([stacked.width, stacked.height]).toEqual([image.width, image.height]);
    expect(Buffer.from(stacked.pixels).equals(Buffer.from(image.pixels))).toBe(true);
  });

  it('honours a smaller band and refuses a silly one', () => {
    expect(splitBands(pattern(8, 10), 3).map((b) => b.height)).toEqual([3, 3, 3, 1]);
    expect(() => splitBands(pattern(8, 10), 0)).toThrow(RangeError);
    expect(splitBands(pattern(8, 0))).toEqual([]);
  });

  it('slices rows clamped to the image', () => {
    expect(sliceRows(pattern(8, 10), 8, 20).height).toBe(2);
  });
});

describe('packRows', () => {
  it('puts the leftmost pixel in the most significant bit and pads rows to whole bytes', () => {
    const pixels = new Uint8Array(10 * 2);
    pixels[0] = 1; // row 0, x 0
    pixels[9] = 1; // row 0, x 9
    pixels[10 + 7] = 1; // row 1, x 7
    const { bytesPerRow, data } = packRows({ width: 10, height: 2, pixels });
    expect(bytesPerRow).toBe(2);
    expect([...data]).toEqual([0x80, 0x40, 0x01, 0x00]);
  });
});

describe('thresholdRgba', () => {
  it('prints dark pixels black, light and transparent pixels white', () => {
    const rgba = new Uint8Array([0, 0, 0, 255, 200, 200, 200, 255, 0, 0, 0, 0, 100, 100, 100, 255, 0, 0, 0, 100]);
    expect([...thresholdRgba(rgba, 5, 1).pixels]).toEqual([1, 0, 0, 1, 0]);
  });
});
