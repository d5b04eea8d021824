import {
  KIOSK_CHANNELS,
  type KioskError,
  type KioskErrorCode,
  type KioskIdentity,
  type PrinterStatusResult,
  type PrintOutcome,
  type TicketPrintData,
} from '../shared/bridge';
import type { PrinterConfig, PrinterFaultCode, PrinterStatus } from '@qms/printer/types';
import type { KioskConfig } from './config';
import { checkPrintPayload } from './print-payload';

/**
 * What the handlers need from `@qms/printer`, injected: main.ts passes the real functions,
 * tests pass a stub or the real ones aimed at the fake network printer.
 */
export interface PrinterDriver {
  printTicket: (data: TicketPrintData, config: PrinterConfig) => Promise<{ bytes: number; ms: number }>;
  checkPrinter: (config: PrinterConfig) => Promise<PrinterStatus>;
}

const FAULT_CODES: Record<PrinterFaultCode, KioskErrorCode> = {
  offline: 'PRINTER_OFFLINE',
  paper_out: 'PRINTER_PAPER_OUT',
  cover_open: 'PRINTER_COVER_OPEN',
  timeout: 'PRINTER_TIMEOUT',
  error: 'PRINTER_ERROR',
};

function isFaultKind(value: unknown): value is PrinterFaultCode {
  return typeof value === 'string' && Object.hasOwn(FAULT_CODES, value);
}

/** Maps a thrown error to a result: a `PrinterFault` keeps its kind, anything else is PRINTER_ERROR. */
export function errorFromThrown(err: unknown): KioskError {
  const message = err instanceof Error ? err.message : String(err);
  const fault = (err as { fault?: unknown } | null)?.fault;
  return { code: isFaultKind(fault) ? FAULT_CODES[fault] : 'PRINTER_ERROR', message };
}

/** The IPC event subset used: who sent the message. `IpcMainInvokeEvent` satisfies it. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string } | null;
}

export interface KioskHandlers {
  identity(event: InvokeEvent): Promise<KioskIdentity>;
  print(event: InvokeEvent, payload: unknown): Promise<PrintOutcome>;
  printerStatus(event: InvokeEvent): Promise<PrinterStatusResult>;
}

export interface HandlerDeps {
  config: KioskConfig;
  printer: PrinterDriver;
  log?: (message: string) => void;
}

/** Only the hub's page may use the bridge (Electron security checklist: validate the IPC sender). */
export function isTrustedSender(event: InvokeEvent, hubOrigin: string): boolean {
  const url = event.senderFrame?.url;
  if (url === undefined || !URL.canParse(url)) return false;
  return new URL(url).origin === hubOrigin;
}

const FORBIDDEN: KioskError = { code: 'FORBIDDEN', message: 'IPC sender is not the hub kiosk page' };

type Serialize = <T>(job: () => Promise<T>) => Promise<T>;

/** One job at a time: two quick taps must not interleave bytes on the same printer. */
function serialQueue(): Serialize {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function printPayload(deps: HandlerDeps, serialize: Serialize, payload: unknown): Promise<PrintOutcome> {
  const log = deps.log ?? (() => {});
  const checked = checkPrintPayload(payload);
  if (!checked.ok) {
    log(`print refused: ${checked.message}`);
    return { ok: false, error: { code: 'VALIDATION_FAILED', message: checked.message } };
  }
  try {
    const data = await serialize(() => deps.printer.printTicket(checked.ticket, deps.config.printer));
    return { ok: true, data: { bytes: data.bytes, ms: data.ms } };
  } catch (err) {
    const error = errorFromThrown(err);
    log(`print failed: ${error.code} ${error.message}`);
    return { ok: false, error };
  }
}

async function printerStatusOf(deps: HandlerDeps, serialize: Serialize): Promise<PrinterStatusResult> {
  try {
    const status = await serialize(() => deps.printer.checkPrinter(deps.config.printer));
    if (status.ok) return { ok: true, data: { ready: true } };
    return { ok: false, error: { code: FAULT_CODES[status.fault], message: status.message } };
  } catch (err) {
    return { ok: false, error: errorFromThrown(err) };
  }
}

export function createKioskHandlers(deps: HandlerDeps): KioskHandlers {
  const { config } = deps;
  const hubOrigin = new URL(config.hubUrl).origin;
  const serialize = serialQueue();
  return {
    async identity(event) {
      if (!isTrustedSender(event, hubOrigin)) throw new Error(FORBIDDEN.message);
      const { hubUrl, token, language, idleSeconds } = config;
      return { hubUrl, token, language, idleSeconds, paperWidth: config.printer.paperWidth };
    },
    async print(event, payload) {
      if (!isTrustedSender(event, hubOrigin)) return { ok: false, error: FORBIDDEN };
      return printPayload(deps, serialize, payload);
    },
    async printerStatus(event) {
      if (!isTrustedSender(event, hubOrigin)) return { ok: false, error: FORBIDDEN };
      return printerStatusOf(deps, serialize);
    },
  };
}

/** `ipcMain` satisfies this; tests pass a map-backed fake. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

/** Registers the three bridge channels. Extra arguments beyond the first are ignored. */
export function registerKioskIpc(ipc: IpcRegistrar, handlers: KioskHandlers): void {
  ipc.handle(KIOSK_CHANNELS.identity, (event) => handlers.identity(event));
  ipc.handle(KIOSK_CHANNELS.print, (event, payload) => handlers.print(event, payload));
  ipc.handle(KIOSK_CHANNELS.printerStatus, (event) => handlers.printerStatus(event));
}
