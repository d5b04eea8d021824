import { createCanvas, ImageData } from '@napi-rs/canvas';
import { bitmapToRgba, stackBitmaps, type MonoBitmap } from './bitmap';
import { renderBlocks, type BlockBox } from './block-layout';
import { ticketBlocks } from './ticket-blocks';
import { TICKET_STYLES } from './ticket-style';
import { ticketTexts } from './ticket-text';
import type { PaperWidth, TicketPrintData } from './types';

/** The two rasters of a ticket: `head` is printed above the native QR code, `foot` below it. */
export interface TicketRasters {
  head: MonoBitmap;
  foot: MonoBitmap;
  /** Where each block of the head landed (for tests and debugging). */
  headBoxes: BlockBox[];
}

export function renderTicketRasters(data: TicketPrintData, paperWidth: PaperWidth): TicketRasters {
  const style = TICKET_STYLES[paperWidth];
  if (!style) throw new RangeError(`paper width must be 58 or 80, got ${String(paperWidth)}`);
  const { head, foot } = ticketBlocks(ticketTexts(data), style, data.statusUrl !== null);
  const frame = { width: style.width, margin: style.margin };
  const top = renderBlocks(head, frame);
  return { head: top.bitmap, foot: renderBlocks(foot, frame).bitmap, headBoxes: top.boxes };
}

/** A PNG of a 1-bit bitmap: opaque, pure black on pure white. */
export function bitmapToPng(bitmap: MonoBitmap): Buffer {
  const canvas = createCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d').putImageData(new ImageData(bitmapToRgba(bitmap), bitmap.width, bitmap.height), 0, 0);
  return canvas.encodeSync('png');
}

/**
 * Every raster the printer receives for this ticket, stacked (head then foot, without the QR
 * code, which the printer draws natively between them), as a 1-bit black-on-white PNG.
 */
export async function renderTicketImage(
  data: TicketPrintData,
  paperWidth: PaperWidth,
): Promise<{ png: Buffer; width: number; height: number }> {
  const { head, foot } = renderTicketRasters(data, paperWidth);
  const image = stackBitmaps([head, foot]);
  return { png: bitmapToPng(image), width: image.width, height: image.height };
}
