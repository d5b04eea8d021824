import { connect, type Socket } from 'node:net';
import { STATUS_REQUEST } from './escpos';
import { faultFromError, PrinterFault } from './faults';
import { faultFromStatus } from './status-bytes';

export interface TcpTarget {
  host: string;
  port: number;
  timeoutMs: number;
}

const label = (t: TcpTarget): string => `tcp://${t.host}:${t.port}`;

/**
 * Opens a connection and settles with whatever `onOpen` decides, or with a fault: refused or
 * unreachable -> offline, nothing within timeoutMs -> timeout, anything else -> error.
 */
function withSocket<T>(
  target: TcpTarget,
  onOpen: (socket: Socket, settle: (result: T | PrinterFault) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port });
    socket.setNoDelay(true);
    let done = false;
    const settle = (result: T | PrinterFault): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (result instanceof PrinterFault) reject(result);
      else resolve(result);
    };
    const timer = setTimeout(
      () => settle(new PrinterFault('timeout', `${label(target)}: no answer within ${target.timeoutMs} ms`)),
      target.timeoutMs,
    );
    socket.once('error', (error) => settle(faultFromError(error, label(target))));
    socket.once('connect', () => onOpen(socket, settle));
  });
}

/** Asks DLE EOT 1, 2, 3 and 4 in one write; resolves `null` when ready, else with the fault. */
export function queryTcpStatus(target: TcpTarget): Promise<PrinterFault | null> {
  return withSocket<PrinterFault | null>(target, (socket, settle) => {
    let answer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      answer = Buffer.concat([answer, chunk]);
      if (answer.length < 4) return;
      const [printer = 0, offlineCause = 0, errorCause = 0, paperSensor = 0] = answer;
      settle(faultFromStatus({ printer, offlineCause, errorCause, paperSensor }, label(target)));
    });
    socket.once('close', () =>
      settle(new PrinterFault('offline', `${label(target)}: connection closed before the status answer`)),
    );
    socket.write(
      Buffer.concat([STATUS_REQUEST.printer, STATUS_REQUEST.offlineCause, STATUS_REQUEST.errorCause, STATUS_REQUEST.paperSensor]),
    );
  });
}

/** For printers that do not answer DLE EOT (Star line mode): reachable means ready. */
export function probeTcpConnect(target: TcpTarget): Promise<null> {
  return withSocket<null>(target, (_socket, settle) => settle(null));
}

/**
 * Writes the job and half-closes; resolves once the printer has taken everything and closed its
 * side too (so the bytes are at the printer, not just in a kernel buffer).
 */
export function sendTcp(target: TcpTarget, bytes: Buffer): Promise<void> {
  return withSocket<void>(target, (socket, settle) => {
    socket.on('data', () => undefined); // ignore automatic status back; keep the stream flowing
    socket.once('close', (hadError) => {
      if (!hadError) settle(undefined);
    });
    socket.end(bytes);
  });
}
