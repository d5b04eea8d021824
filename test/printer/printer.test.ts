import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkPrinter,
  PrinterFault,
  printerFromUrl,
  printTicket,
  renderTicketImage,
  SAMPLE_TICKET,
  type PrinterConfig,
  type PrinterFaultCode,
} from '@qms/printer';
import { startFakePrinter, type FakePrinter, type FakePrinterMode } from '../support/fake-printer';

let printer: FakePrinter | null = null;

async function start(mode: FakePrinterMode = 'ok', slowMs?: number): Promise<FakePrinter> {
  printer = await startFakePrinter({ mode, ...(slowMs === undefined ? {} : { slowMs }) });
  return printer;
}

afterEach(async () => {
  await printer?.close();
  printer = null;
});

const configFor = (p: FakePrinter, query = ''): PrinterConfig => printerFromUrl(`${p.url}${query}`);

/** The rendered PNG as 1 = black pixels, thresholded the same way a printer does. */
async function renderedPixels(png: Buffer): Promise<Uint8Array> {
  const image = await loadImage(png);
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  const rgba = ctx.getImageData(0, 0, image.width, image.height).data;
  return Uint8Array.from({ length: image.width * image.height }, (_, i) => ((rgba[i * 4] ?? 255) < 128 ? 1 : 0));
}

async function faultOf(promise: Promise<unknown>): Promise<PrinterFaultCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PrinterFault) return error.fault;
    throw error;
  }
  throw new Error('expected a PrinterFault');
}

describe('printTicket over TCP to the fake printer', () => {
  it('prints init, raster bands, the QR code and a cut, nothing unknown', async () => {
    const p = await start();
    const result = await printTicket(SAMPLE_TICKET, configFor(p));
    const [job] = await p.waitForJobs(1);
    expect(job?.commands.join(' ')).toMatch(/^init (raster )+align qr (raster )+feed cut$/);
    expect(result.bytes).toBe(job?.bytes.length);
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it.each([80, 58] as const)('decodes to exactly the rendered %i mm image', async (paper) => {
    const p = await start();
    await printTicket(SAMPLE_TICKET, configFor(p, `?paper=${paper}`));
    const [job] = await p.waitForJobs(1);
    const rendered = await renderTicketImage(SAMPLE_TICKET, paper);
    expect(job?.image?.width).toBe(rendered.width);
    expect(job?.image?.height).toBe(rendered.height);
    const expected = await renderedPixels(rendered.png);
    expect(Buffer.from(job?.image?.pixels ?? []).equals(Buffer.from(expected))).toBe(true);
    if (job) expect((await renderedPixels(p.toPng(job))).length).toBe(expected.length);
  });

  it('carries the status URL as the QR data', async () => {
    const p = await start();
    await printTicket(SAMPLE_TICKET, configFor(p));
    const [job] = await p.waitForJobs(1);
    expect(job?.qrData).toBe(SAMPLE_TICKET.statusUrl);
  });

  it('prints tickets tapped at the same moment one after another, in order', async () => {
    const p = await start();
    const config = configFor(p);
    const numbers = ['2001', '2002', '2003'];
    await Promise.all(numbers.map((number) => printTicket({ ...SAMPLE_TICKET, number }, config)));
    const jobs = await p.waitForJobs(3);
    const images = await Promise.all(numbers.map((number) => renderTicketImage({ ...SAMPLE_TICKET, number }, 80)));
    const expected = await Promise.all(images.map((i) => renderedPixels(i.png)));
    jobs.forEach((job, k) => expect(Buffer.from(job.image?.pixels ?? []).equals(Buffer.from(expected[k] ?? []))).toBe(true));
  });

  it('reports a ready printer, and a status check is not a print job', async () => {
    const p = await start();
    expect(await checkPrinter(configFor(p))).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(p.jobs).toEqual([]);
  });
});

describe('printer faults', () => {
  it.each([
    ['offline', 'offline', 'Máy in không kết nối được'],
    ['paper_out', 'paper_out', 'Máy in hết giấy'],
    ['cover_open', 'cover_open', 'Nắp máy in đang mở'],
  ] as const)('%s -> PrinterFault %s, and nothing is printed', async (mode, fault, title) => {
    const p = await start(mode);
    expect(await faultOf(printTicket(SAMPLE_TICKET, configFor(p)))).toBe(fault);
    expect(await checkPrinter(configFor(p))).toMatchObject({ ok: false, fault, message: expect.stringContaining(title) });
    await new Promise((r) => setTimeout(r, 50));
    expect(p.jobs).toEqual([]);
  });

  it('a closed port (connection refused) is offline', async () => {
    const p = await start();
    const config = configFor(p);
    await p.close();
    printer = null;
    expect(await faultOf(printTicket(SAMPLE_TICKET, config))).toBe('offline');
  });

  it('a printer that never answers the status request times out within timeoutMs', async () => {
    const p = await start('silent');
    const started = performance.now();
    expect(await faultOf(printTicket(SAMPLE_TICKET, configFor(p, '?timeout=400')))).toBe('timeout');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(390);
    // well under the default 3,000 ms, so the configured 400 ms was used (slack for a busy machine)
    expect(elapsed).toBeLessThan(400 + 2000);
    expect(p.jobs).toEqual([]);
  });

  it('a slow printer within the timeout still prints; beyond it, times out', async () => {
    const p = await start('slow', 300);
    const result = await printTicket(SAMPLE_TICKET, configFor(p, '?timeout=2000'));
    expect(result.ms).toBeGreaterThanOrEqual(2 * 300 - 20); // status answer and job each waited
    expect((await p.waitForJobs(1))[0]?.qrData).toBe(SAMPLE_TICKET.statusUrl);
    expect(await faultOf(printTicket(SAMPLE_TICKET, configFor(p, '?timeout=150')))).toBe('timeout');
  });

  it('prints again once the printer is back online', async () => {
    const p = await start('ok');
    const config = configFor(p);
    p.setMode('offline');
    expect(await faultOf(printTicket(SAMPLE_TICKET, config))).toBe('offline');
    p.setMode('paper_out');
    expect(await faultOf(printTicket(SAMPLE_TICKET, config))).toBe('paper_out');
    p.setMode('ok');
    await printTicket({ ...SAMPLE_TICKET, number: '1024' }, config);
    await printTicket({ ...SAMPLE_TICKET, number: '1025' }, config);
    expect(await p.waitForJobs(2)).toHaveLength(2);
  });
});
