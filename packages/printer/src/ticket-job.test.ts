import { describe, expect, it } from 'vitest';
import { SAMPLE_TICKET } from './sample-ticket';
import { buildTicketJob, qrPayload } from './ticket-job';
import { renderTicketRasters } from './ticket-render';
import type { PrinterConfig } from './types';

const SAMPLE_URL = SAMPLE_TICKET.statusUrl ?? '';
const EPSON_80: PrinterConfig = { interface: 'tcp://127.0.0.1:9100', type: 'epson', paperWidth: 80, timeoutMs: 3000 };

type Step = { name: string; at: number; bytes: Buffer };

/** Walks an ESC/POS stream the way a printer would; an unexpected byte fails the test. */
function walk(job: Buffer): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const take = (name: string, length: number): void => {
    if (i + length > job.length) throw new Error(`${name} at ${i} runs past the end`);
    steps.push({ name, at: i, bytes: job.subarray(i, i + length) });
    i += length;
  };
  while (i < job.length) {
    const [a, b, c] = [job[i], job[i + 1], job[i + 2]];
    if (a === 0x1b && b === 0x40) take('init', 2);
    else if (a === 0x1b && b === 0x61) take('align', 3);
    else if (a === 0x1b && b === 0x64) take('feed', 3);
    else if (a === 0x1d && b === 0x76 && c === 0x30) take('raster', 8 + job.readUInt16LE(i + 4) * job.readUInt16LE(i + 6));
    else if (a === 0x1d && b === 0x28 && c === 0x6b) take(`qr:${(job[i + 6] ?? 0).toString(16)}`, 5 + job.readUInt16LE(i + 3));
    else if (a === 0x1d && b === 0x56 && c === 0x00) take('cut', 3);
    else throw new Error(`unexpected byte 0x${(a ?? 0).toString(16)} at ${i}`);
  }
  return steps;
}

describe('buildTicketJob (ESC/POS)', () => {
  it('is init, head bands, centred QR (model, size, level, store, print), foot band, feed, cut', async () => {
    const steps = walk(await buildTicketJob(SAMPLE_TICKET, EPSON_80));
    const names = steps.map((s) => s.name).join(' ');
    expect(names).toMatch(/^init (raster )+align qr:41 qr:43 qr:45 qr:50 qr:51 (raster )+feed cut$/);
  });

  it('sends bands of at most 255 rows, 72 bytes wide, that add up to the rendered ticket', async () => {
    for (const paperWidth of [80, 58] as const) {
      const steps = walk(await buildTicketJob(SAMPLE_TICKET, { ...EPSON_80, paperWidth }));
      const bands = steps.filter((s) => s.name === 'raster').map((s) => ({ xBytes: s.bytes.readUInt16LE(4), rows: s.bytes.readUInt16LE(6) }));
      const { head, foot } = renderTicketRasters(SAMPLE_TICKET, paperWidth);
      expect(bands.every((b) => b.rows >= 1 && b.rows <= 255)).toBe(true);
      expect(bands.every((b) => b.xBytes === (paperWidth === 80 ? 72 : 48))).toBe(true);
      expect(bands.reduce((sum, b) => sum + b.rows, 0)).toBe(head.height + foot.height);
      expect(bands.length).toBe(Math.ceil(head.height / 255) + Math.ceil(foot.height / 255));
    }
  });

  it('stores the status URL as the QR data, with module size and error correction M', async () => {
    const steps = walk(await buildTicketJob(SAMPLE_TICKET, EPSON_80));
    const store = steps.find((s) => s.name === 'qr:50');
    expect(store?.bytes.subarray(8).toString('latin1')).toBe(SAMPLE_TICKET.statusUrl);
    const size = steps.find((s) => s.name === 'qr:43')?.bytes[7] ?? 0;
    expect(size).toBeGreaterThanOrEqual(3);
    expect(size).toBeLessThanOrEqual(8);
    expect(steps.find((s) => s.name === 'qr:45')?.bytes[7]).toBe(0x31);
    expect(steps.find((s) => s.name === 'align')?.bytes[2]).toBe(1);
  });

  it('without a status URL (no address phones can reach) prints the ticket with no QR block', async () => {
    const data = { ...SAMPLE_TICKET, statusUrl: null };
    for (const type of ['epson', 'star'] as const) {
      const job = await buildTicketJob(data, { ...EPSON_80, type });
      expect(job.includes(Buffer.from([0x1d, 0x28, 0x6b]))).toBe(false); // no GS ( k (ESC/POS QR)
      expect(job.includes(Buffer.from([0x1b, 0x1d, 0x79]))).toBe(false); // no ESC GS y (Star QR)
    }
    const names = walk(await buildTicketJob(data, EPSON_80)).map((s) => s.name).join(' ');
    expect(names).toMatch(/^init (raster )+align (raster )+feed cut$/);
    // the "scan the QR code" line goes too: the head is shorter than with a QR
    expect(renderTicketRasters(data, 80).head.height).toBeLessThan(renderTicketRasters(SAMPLE_TICKET, 80).head.height);
  });

  it('sends no text bytes: every byte belongs to a known command, all words are raster', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const job = await buildTicketJob({ ...SAMPLE_TICKET, locale, priorityLabel: null, counterNumbers: [] }, EPSON_80);
      expect(() => walk(job)).not.toThrow();
      expect(job.includes(Buffer.from('Quầy', 'utf8'))).toBe(false);
    }
  });

  it('percent-encodes a non-ASCII status URL so the byte count in the QR command is right', () => {
    expect(qrPayload('http://hub.local/t/Đ1')).toBe('http://hub.local/t/%C4%901');
    expect(qrPayload(SAMPLE_URL)).toBe(SAMPLE_URL);
    expect(() => qrPayload(' ')).toThrow(RangeError);
  });
});

describe('buildTicketJob (Star line mode)', () => {
  it('uses the Star commands for the QR code and the cut', async () => {
    const job = await buildTicketJob(SAMPLE_TICKET, { ...EPSON_80, type: 'star' });
    expect(job.subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));
    expect(job.includes(Buffer.from([0x1b, 0x1d, 0x79, 0x50]))).toBe(true); // ESC GS y P: print QR
    expect(job.includes(Buffer.from(SAMPLE_URL, 'latin1'))).toBe(true);
    expect(job.includes(Buffer.from([0x1b, 0x64, 0x02]))).toBe(true); // ESC d 2: full cut
    expect(job.includes(Buffer.from([0x1d, 0x76, 0x30]))).toBe(false);
  });
});
