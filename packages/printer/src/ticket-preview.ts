import QRCode from 'qrcode';
import { stackBitmaps, type MonoBitmap } from './bitmap';
import { qrPayload } from './ticket-job';
import { qrCellSize } from './qr-size';
import { bitmapToPng, renderTicketRasters } from './ticket-render';
import type { PaperWidth, TicketPrintData } from './types';

/** The QR code as the printer draws it natively: `cell` dots per module, centred on the roll. */
export function qrBitmap(text: string, cell: number, width: number): MonoBitmap {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = modules.size * cell;
  const left = Math.floor((width - side) / 2);
  const pixels = new Uint8Array(width * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (modules.get(Math.floor(y / cell), Math.floor(x / cell))) pixels[y * width + left + x] = 1;
    }
  }
  return { width, height: side, pixels };
}

/**
 * What the printed ticket looks like, QR code included (drawn the way the printer draws it), as a
 * PNG: for the preview script, the docs and an on-screen reprint preview. Not what is sent.
 */
export async function renderTicketPreview(
  data: TicketPrintData,
  paperWidth: PaperWidth,
): Promise<{ png: Buffer; width: number; height: number }> {
  const { head, foot } = renderTicketRasters(data, paperWidth);
  const qr = data.statusUrl === null ? null : qrPayload(data.statusUrl);
  const image = stackBitmaps(qr === null ? [head, foot] : [head, qrBitmap(qr, qrCellSize(qr, paperWidth), head.width), foot]);
  return { png: bitmapToPng(image), width: image.width, height: image.height };
}
