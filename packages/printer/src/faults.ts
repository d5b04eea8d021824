import { FAULT_TITLES, type PrinterFaultCode, type PrinterStatus } from './types';

/** A printer problem with a stable code. `message` is "<Vietnamese title> (<English detail>)". */
export class PrinterFault extends Error {
  readonly fault: PrinterFaultCode;

  constructor(fault: PrinterFaultCode, detail: string, options?: { cause?: unknown }) {
    super(`${FAULT_TITLES[fault]} (${detail})`, options);
    this.name = 'PrinterFault';
    this.fault = fault;
  }

  toStatus(): PrinterStatus {
    return { ok: false, fault: this.fault, message: this.message };
  }
}

export function isPrinterFault(value: unknown): value is PrinterFault {
  return value instanceof PrinterFault;
}

/**
 * Maps a socket / child-process error to a fault: refused, reset or unreachable means offline (the
 * printer is off, rebooting or unplugged), a connect timeout is a timeout, anything else an error.
 */
export function faultFromError(error: unknown, where: string): PrinterFault {
  if (error instanceof PrinterFault) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  const unreachable = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTDOWN'];
  if (typeof code === 'string' && unreachable.includes(code)) {
    return new PrinterFault('offline', `${where}: ${text}`, { cause: error });
  }
  if (code === 'ETIMEDOUT') return new PrinterFault('timeout', `${where}: ${text}`, { cause: error });
  return new PrinterFault('error', `${where}: ${text}`, { cause: error });
}
