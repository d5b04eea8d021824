import { PrinterFault } from './faults';

/** Answers to DLE EOT 1..4, in that order. */
export interface StatusBytes {
  printer: number;
  offlineCause: number;
  errorCause: number;
  paperSensor: number;
}

/** Every real-time status byte has bit 1 and bit 4 set, bits 0 and 7 clear. */
const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;

const hex = (b: number): string => `0x${b.toString(16).padStart(2, '0')}`;

/**
 * Reads the ESC/POS status bytes. Bytes that do not look like status bytes are ignored (some
 * clones answer only some requests); if none does, the printer is not speaking ESC/POS.
 * Returns `null` when the printer is ready.
 */
export function faultFromStatus(s: StatusBytes, where: string): PrinterFault | null {
  const all = [s.printer, s.offlineCause, s.errorCause, s.paperSensor];
  if (!all.some(isStatusByte)) {
    return new PrinterFault('error', `${where}: unexpected status bytes ${all.map(hex).join(' ')}`);
  }
  const bit = (b: number, mask: number): boolean => isStatusByte(b) && (b & mask) !== 0;
  if (bit(s.offlineCause, 0x04)) return new PrinterFault('cover_open', `${where}: cover is open`);
  if (bit(s.paperSensor, 0x60) || bit(s.offlineCause, 0x20)) {
    return new PrinterFault('paper_out', `${where}: paper end detected`);
  }
  if (bit(s.errorCause, 0x68) || bit(s.offlineCause, 0x40)) {
    return new PrinterFault('error', `${where}: printer reports an error (cutter or mechanism)`);
  }
  if (bit(s.printer, 0x08)) return new PrinterFault('offline', `${where}: printer reports it is offline`);
  return null;
}
