import { packRows, type MonoBitmap } from './bitmap';

/** The ESC/POS commands this package writes itself (everything else goes through node-thermal-printer). */
export const ESC_POS = {
  init: Buffer.from([0x1b, 0x40]),
  alignCenter: Buffer.from([0x1b, 0x61, 0x01]),
  /** ESC d n: print and feed n lines. */
  feed: (lines: number): Buffer => Buffer.from([0x1b, 0x64, lines & 0xff]),
  /** GS V 0: full cut. */
  cut: Buffer.from([0x1d, 0x56, 0x00]),
} as const;

/** Real-time status requests (DLE EOT n), answered with one byte each even while the printer is busy. */
export const STATUS_REQUEST = {
  printer: Buffer.from([0x10, 0x04, 0x01]),
  offlineCause: Buffer.from([0x10, 0x04, 0x02]),
  errorCause: Buffer.from([0x10, 0x04, 0x03]),
  paperSensor: Buffer.from([0x10, 0x04, 0x04]),
} as const;

/**
 * GS v 0 (print raster bit image), normal density: `1D 76 30 00 xL xH yL yH` then
 * (xL + 256·xH) bytes per row for (yL + 256·yH) rows, MSB leftmost, 1 = black.
 */
export function rasterCommand(band: MonoBitmap): Buffer {
  if (band.height < 1 || band.height > 0xffff) throw new RangeError(`raster height out of range: ${band.height}`);
  const { bytesPerRow, data } = packRows(band);
  const header = Buffer.from([
    0x1d,
    0x76,
    0x30,
    0x00,
    bytesPerRow & 0xff,
    (bytesPerRow >> 8) & 0xff,
    band.height & 0xff,
    (band.height >> 8) & 0xff,
  ]);
  return Buffer.concat([header, data]);
}
