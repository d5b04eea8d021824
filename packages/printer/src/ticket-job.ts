import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { splitBands, type MonoBitmap } from './bitmap';
import { ESC_POS, rasterCommand } from './escpos';
import { qrCellSize } from './qr-size';
import { bitmapToPng, renderTicketRasters } from './ticket-render';
import type { PrinterConfig, TicketPrintData } from './types';

/** Lines fed after the last raster so the cut falls below it (print head to cutter is ~15 mm). */
const FEED_LINES_BEFORE_CUT = 4;

/** The QR payload as bytes the printer counts correctly: non-ASCII characters are percent-encoded. */
export function qrPayload(statusUrl: string): string {
  const url = statusUrl.trim().replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
  if (url === '' || url.length > 1000) throw new RangeError('statusUrl must be 1..1000 characters');
  return url;
}

/**
 * ESC/POS (Epson and compatibles): GS v 0 raster bands are packed here from the 1-bit bitmap,
 * because node-thermal-printer's printImageBuffer needs a PNG per band and builds one object per
 * pixel (about 40 ms per ticket against 1 ms here). The QR code goes through its printQR.
 */
function epsonJob(head: MonoBitmap, foot: MonoBitmap, qr: string | null, cellSize: number): Buffer {
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  printer.append(ESC_POS.init);
  for (const band of splitBands(head)) printer.append(rasterCommand(band));
  printer.append(ESC_POS.alignCenter);
  if (qr !== null) printer.printQR(qr, { cellSize, correction: 'M', model: 2 });
  for (const band of splitBands(foot)) printer.append(rasterCommand(band));
  printer.append(ESC_POS.feed(FEED_LINES_BEFORE_CUT));
  printer.append(ESC_POS.cut);
  return printer.getBuffer();
}

/**
 * Star line mode, entirely through node-thermal-printer's Star commands (its own bit-image
 * format per band, Star QR, ESC d 2 cut). Not verified on a real Star printer: a Star set to
 * ESC/POS emulation should be configured as type "epson".
 */
async function starJob(head: MonoBitmap, foot: MonoBitmap, qr: string | null, cellSize: number): Promise<Buffer> {
  const printer = new ThermalPrinter({ type: PrinterTypes.STAR, interface: '' });
  printer.append(ESC_POS.init);
  for (const band of splitBands(head)) await printer.printImageBuffer(bitmapToPng(band));
  printer.alignCenter();
  if (qr !== null) {
    printer.printQR(qr, { cellSize, correction: 'M', model: 2 });
    printer.newLine();
  }
  printer.alignLeft();
  for (const band of splitBands(foot)) await printer.printImageBuffer(bitmapToPng(band));
  printer.cut({ verticalTabAmount: 0 });
  return printer.getBuffer();
}

/**
 * The whole ticket as the byte stream a printer receives: initialise, the head raster in bands of
 * at most 255 rows, the status URL as a native QR code (none when `statusUrl` is null), the foot
 * raster, feed, cut.
 */
export async function buildTicketJob(data: TicketPrintData, config: PrinterConfig): Promise<Buffer> {
  const { head, foot } = renderTicketRasters(data, config.paperWidth);
  const qr = data.statusUrl === null ? null : qrPayload(data.statusUrl);
  const cellSize = qr === null ? 0 : qrCellSize(qr, config.paperWidth);
  if (config.type === 'star') return starJob(head, foot, qr, cellSize);
  return epsonJob(head, foot, qr, cellSize);
}
