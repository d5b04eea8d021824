/**
 * The IPC handlers wired to the real `@qms/printer` functions, printing to the fake ESC/POS
 * network printer of test/support (a real TCP listener): what the kiosk page gets back for
 * each printer condition, and that a refused payload never reaches the printer.
 */
import { checkPrinter, printTicket, SAMPLE_TICKET } from '@qms/printer';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakePrinter, type FakePrinterMode, startFakePrinter } from '../../../../test/support/fake-printer';
import { parseConfig } from './config';
import { type InvokeEvent, createKioskHandlers } from './print-ipc';

const FROM_HUB: InvokeEvent = { senderFrame: { url: 'http://10.0.0.2:8080/kiosk/' } };

let printer: FakePrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

async function kioskWith(mode: FakePrinterMode) {
  printer = await startFakePrinter({ mode });
  const parsed = parseConfig(
    { hubUrl: 'http://10.0.0.2:8080', token: 'x'.repeat(20), printer: { interface: printer.url, timeoutMs: 500 } },
    '/k.json',
  );
  if (!parsed.ok) throw new Error(parsed.error.details.join('; '));
  return { fake: printer, handlers: createKioskHandlers({ config: parsed.config, printer: { printTicket, checkPrinter } }) };
}

describe('print IPC against the fake printer', () => {
  it('a ready printer prints the ticket: raster, QR with the status URL, cut', async () => {
    const { fake, handlers } = await kioskWith('ok');
    expect(await handlers.printerStatus(FROM_HUB)).toEqual({ ok: true, data: { ready: true } });
    const result = await handlers.print(FROM_HUB, SAMPLE_TICKET);
    expect(result.ok).toBe(true);
    const [job] = await fake.waitForJobs(1);
    expect(result.ok && result.data.bytes).toBe(job?.bytes.length);
    expect(job?.qrData).toBe(SAMPLE_TICKET.statusUrl);
    expect(job?.commands).toEqual(expect.arrayContaining(['init', 'raster', 'qr', 'cut']));
  });

  it.each([
    ['paper_out', 'PRINTER_PAPER_OUT'],
    ['cover_open', 'PRINTER_COVER_OPEN'],
    ['offline', 'PRINTER_OFFLINE'],
    ['silent', 'PRINTER_TIMEOUT'],
  ] as const)('a printer that is %s answers %s and prints nothing', async (mode, code) => {
    const { fake, handlers } = await kioskWith(mode);
    const status = await handlers.printerStatus(FROM_HUB);
    expect(!status.ok && status.error.code).toBe(code);
    const result = await handlers.print(FROM_HUB, SAMPLE_TICKET);
    expect(!result.ok && result.error.code).toBe(code);
    expect(fake.jobs).toEqual([]);
  });

  it('a malformed payload never reaches the printer', async () => {
    const { fake, handlers } = await kioskWith('ok');
    const result = await handlers.print(FROM_HUB, { ...SAMPLE_TICKET, number: { toString: 'x' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/^number: /) } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.jobs).toEqual([]);
  });
});
