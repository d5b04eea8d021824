/**
 * The printer package's data types and constants, with no runtime dependency at all.
 * Exported as `@qms/printer/types` so that a browser bundle (the kiosk page) can import them
 * without pulling in canvas, sockets or child processes.
 */

/** Roll width in millimetres: 58 mm prints 384 dots, 80 mm prints 576 dots (at 203 dpi). */
export type PaperWidth = 58 | 80;

export const PRINTER_FAULTS = ['offline', 'paper_out', 'cover_open', 'timeout', 'error'] as const;
export type PrinterFaultCode = (typeof PRINTER_FAULTS)[number];

/**
 * What the person at the kiosk (or the technician reading the log) is told, per fault; a fault's
 * message is "<title> (<technical detail>)". Here, not in faults.ts, so that staff screens can
 * tell a plain title from a message that says more.
 */
export const FAULT_TITLES: Readonly<Record<PrinterFaultCode, string>> = {
  offline: 'Máy in không kết nối được',
  paper_out: 'Máy in hết giấy',
  cover_open: 'Nắp máy in đang mở',
  timeout: 'Máy in không phản hồi',
  error: 'Máy in gặp lỗi',
};

export interface PrinterConfig {
  /** `tcp://host:port` (raw ESC/POS over TCP, usually port 9100) or `printer:NAME` (CUPS `lp -d NAME -o raw`). */
  interface: string;
  type: 'epson' | 'star';
  paperWidth: PaperWidth;
  /** Budget for each step (status check, sending the job), in milliseconds. */
  timeoutMs: number;
}

/** Everything printed on one ticket. Strings may be in any Unicode normal form; they are printed as NFC. */
export interface TicketPrintData {
  siteName: string;
  fieldName: string;
  /** The number as shown to the citizen, e.g. "1023" or "A-012". */
  number: string;
  /** Epoch milliseconds. */
  issuedAt: number;
  /** IANA zone used to print the time of issue, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  peopleAhead: number;
  /** `null` when no counter serving this field is open. */
  estimatedWaitMinutes: number | null;
  counterNumbers: number[];
  /**
   * Page where the citizen follows the ticket; printed as a native QR code. null when phones
   * cannot reach the hub: the ticket prints without the QR block.
   */
  statusUrl: string | null;
  /** The group's name, e.g. "Người cao tuổi"; printed as "Ưu tiên: Người cao tuổi". */
  priorityLabel: string | null;
  locale: 'vi' | 'en';
}

export type PrinterStatus = { ok: true } | { ok: false; fault: PrinterFaultCode; message: string };
