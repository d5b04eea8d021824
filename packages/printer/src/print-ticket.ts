import { parseInterface, type PrinterAddress } from './config';
import { faultFromError, PrinterFault } from './faults';
import { queryCupsStatus, sendCups } from './cups';
import { oneAtATime } from './one-at-a-time';
import { probeTcpConnect, queryTcpStatus, sendTcp } from './tcp';
import { buildTicketJob } from './ticket-job';
import type { PrinterConfig, PrinterStatus, TicketPrintData } from './types';

function addressOf(config: PrinterConfig): PrinterAddress {
  const address = parseInterface(config.interface);
  if (!address) throw new PrinterFault('error', `bad printer interface "${config.interface}"`);
  return address;
}

/** `null` when the printer is ready to print, else what is wrong with it. Never throws. */
async function probe(config: PrinterConfig): Promise<PrinterFault | null> {
  try {
    const address = addressOf(config);
    if (address.kind === 'cups') return await queryCupsStatus(address.name, config.timeoutMs);
    const target = { host: address.host, port: address.port, timeoutMs: config.timeoutMs };
    return await (config.type === 'star' ? probeTcpConnect(target) : queryTcpStatus(target));
  } catch (error) {
    return faultFromError(error, config.interface);
  }
}

/**
 * Real-time printer status. TCP: DLE EOT 1..4 (offline, cover open, paper end, cutter error);
 * refused -> offline, no answer within timeoutMs -> timeout. `printer:NAME`: `lpstat -p NAME`.
 */
export async function checkPrinter(config: PrinterConfig): Promise<PrinterStatus> {
  const fault = await probe(config);
  return fault ? fault.toStatus() : { ok: true };
}

/** Sends a finished job; each of the status check and the send gets its own timeoutMs. */
async function send(config: PrinterConfig, bytes: Buffer): Promise<void> {
  const address = addressOf(config);
  if (address.kind === 'cups') return sendCups(address.name, bytes, config.timeoutMs);
  return sendTcp({ host: address.host, port: address.port, timeoutMs: config.timeoutMs }, bytes);
}

/**
 * Checks the printer, then sends the ticket. Rendering overlaps the status round trip. Throws
 * `PrinterFault` (offline, paper_out, cover_open, timeout, error) and prints nothing on any fault.
 * Tickets for one printer go out one at a time, in call order. `ms` runs from the call (waiting
 * for an earlier ticket included) to the moment the printer closed the connection after the last byte.
 */
export async function printTicket(data: TicketPrintData, config: PrinterConfig): Promise<{ bytes: number; ms: number }> {
  const started = performance.now();
  return oneAtATime(config.interface, async () => {
    const [fault, job] = await Promise.all([probe(config), buildTicketJob(data, config)]);
    if (fault) throw fault;
    try {
      await send(config, job);
    } catch (error) {
      throw faultFromError(error, config.interface);
    }
    return { bytes: job.length, ms: Math.round(performance.now() - started) };
  });
}
