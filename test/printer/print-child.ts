/**
 * Prints the sample ticket from a separate process, as the kiosk's main process would:
 * `node --import tsx test/printer/print-child.ts <printer url> [number]`. Writes one JSON line.
 */
import { PrinterFault, printerFromUrl, printTicket, SAMPLE_TICKET } from '@qms/printer';

const [url = '', number = SAMPLE_TICKET.number] = process.argv.slice(2);
try {
  const result = await printTicket({ ...SAMPLE_TICKET, number }, printerFromUrl(url));
  console.log(JSON.stringify({ ok: true, ...result }));
} catch (error) {
  const fault = error instanceof PrinterFault ? error.fault : 'crash';
  console.log(JSON.stringify({ ok: false, fault, message: String(error) }));
}
