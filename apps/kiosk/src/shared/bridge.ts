/**
 * The contract between the kiosk page (renderer, served by the hub) and the Electron shell.
 *
 * The renderer imports this file, so it must stay free of `node:` and `electron` imports:
 * types, constants and nothing else (the ticket type comes from the printer package's
 * runtime-free `types` entry, as a type only). The preload exposes exactly one object of type
 * `KioskBridge` on `window[BRIDGE_KEY]`; a plain browser has no such object, which is how
 * the page knows it runs in a browser rather than on the kiosk.
 */
import type { PaperWidth, TicketPrintData } from '@qms/printer/types';

/** Name of the one object the preload puts on `window`. */
export const BRIDGE_KEY = 'qmsKiosk' as const;

/** IPC channels between preload and main (`ipcRenderer.invoke` / `ipcMain.handle`). */
export const KIOSK_CHANNELS = {
  identity: 'kiosk:identity',
  print: 'kiosk:print',
  printerStatus: 'kiosk:printerStatus',
} as const;

/** One ticket as the page asks the shell to print it (the printer package's own type). */
export type { PaperWidth, TicketPrintData };

export type KioskLanguage = 'vi' | 'en';

/** What the page needs to connect to the hub as this kiosk device. */
export interface KioskIdentity {
  hubUrl: string;
  /** Device token for the Socket.IO handshake (role kiosk). */
  token: string;
  language: KioskLanguage;
  /** Seconds without a touch before the page returns to its start screen. */
  idleSeconds: number;
  paperWidth: PaperWidth;
}

/** Error codes the page maps to its own localized messages. */
export const KIOSK_ERROR_CODES = [
  'PRINTER_OFFLINE',
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_TIMEOUT',
  'PRINTER_ERROR',
  'VALIDATION_FAILED',
  'FORBIDDEN',
] as const;
export type KioskErrorCode = (typeof KIOSK_ERROR_CODES)[number];

/** `message` is a technical detail for logs; the page shows its own text chosen by `code`. */
export interface KioskError {
  code: KioskErrorCode;
  message: string;
}

/** Same shape as the hub's acks: success with data, or an error with a code. */
export type KioskResult<T> = { ok: true; data: T } | { ok: false; error: KioskError };

export type PrintOutcome = KioskResult<{ bytes: number; ms: number }>;
export type PrinterStatusResult = KioskResult<{ ready: true }>;

export interface KioskBridge {
  identity(): Promise<KioskIdentity>;
  print(ticket: TicketPrintData): Promise<PrintOutcome>;
  printerStatus(): Promise<PrinterStatusResult>;
}

declare global {
  interface Window {
    /** Present only inside the kiosk shell. */
    qmsKiosk?: KioskBridge;
  }
}
