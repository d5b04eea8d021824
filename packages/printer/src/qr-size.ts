import QRCode from 'qrcode';
import type { PaperWidth } from './types';

/** Widest QR code wanted on each paper, in dots: about 30 mm on 80 mm paper, 24 mm on 58 mm. */
const TARGET_DOTS: Readonly<Record<PaperWidth, number>> = { 80: 240, 58: 192 };

/** ESC/POS printers accept module (cell) sizes 1..16; node-thermal-printer offers 1..8; 3 is the smallest that scans well. */
export const MIN_QR_CELL = 3;
export const MAX_QR_CELL = 8;

/** Modules per side of the QR code (version 1 = 21) for this text at error correction M. */
export function qrModules(text: string): number {
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
}

/** Dots per module so the symbol fills about the target width. */
export function qrCellSize(text: string, paperWidth: PaperWidth): number {
  const cell = Math.floor(TARGET_DOTS[paperWidth] / qrModules(text));
  return Math.max(MIN_QR_CELL, Math.min(MAX_QR_CELL, cell));
}
