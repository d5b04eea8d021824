import { connect } from 'node:net';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';

let printer: FakePrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

/** Sends bytes in the given chunks on one connection and returns what the printer answered. */
function exchange(port: number, chunks: Buffer[], expectBytes = 0): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => {
      answer = Buffer.concat([answer, d]);
      if (expectBytes > 0 && answer.length >= expectBytes) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        socket.write(chunk);
        await new Promise((r) => setTimeout(r, 5));
      }
      if (expectBytes === 0) socket.end();
    });
  });
}

const GS_V0 = (bytesPerRow: number, rows: number, fill: number): Buffer =>
  Buffer.concat([Buffer.from([0x1d, 0x76, 0x30, 0, bytesPerRow, 0, rows, 0]), Buffer.alloc(bytesPerRow * rows, fill)]);

describe('fake printer', () => {
  it('parses a job sent in tiny pieces and stacks its raster bands', async () => {
    printer = await startFakePrinter();
    const bytes = Buffer.concat([
      Buffer.from([0x1b, 0x40]),
      GS_V0(2, 3, 0xff),
      GS_V0(2, 2, 0x80),
      Buffer.from([0x1d, 0x28, 0x6b, 0x06, 0x00, 0x31, 0x50, 0x30, 0x61, 0x62, 0x63]),
      Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]),
      Buffer.from([0x0a, 0x1b, 0x64, 0x03, 0x1d, 0x56, 0x42, 0x00]),
    ]);
    const pieces = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) => bytes.subarray(i * 3, i * 3 + 3));
    await exchange(printer.port, pieces);
    const [job] = await printer.waitForJobs(1);
    expect(job?.commands).toEqual(['init', 'raster', 'raster', 'qr', 'feed', 'feed', 'cut']);
    expect(job?.qrData).toBe('abc');
    expect(job?.bytes.equals(bytes)).toBe(true);
    expect([job?.image?.width, job?.image?.height]).toEqual([16, 5]);
    expect([...(job?.image?.pixels.subarray(3 * 16, 3 * 16 + 16) ?? [])]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('records garbage as unknown:<hex> and a cut-off command as truncated', async () => {
    printer = await startFakePrinter();
    await exchange(printer.port, [Buffer.from('hi'), Buffer.from([0x1b, 0x40, 0xfe, 0x1d, 0x76, 0x30, 0, 72, 0, 10, 0, 1])]);
    const [job] = await printer.waitForJobs(1);
    expect(job?.commands).toEqual(['unknown:6869', 'init', 'unknown:fe', 'truncated:1d76300048000a0001']);
  });

  it('answers DLE EOT per mode, and a status-only connection is not a job', async () => {
    printer = await startFakePrinter();
    const ask = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x03, 0x10, 0x04, 0x04]);
    expect([...(await exchange(printer.port, [ask], 4))]).toEqual([0x12, 0x12, 0x12, 0x12]);
    printer.setMode('paper_out');
    expect([...(await exchange(printer.port, [ask], 4))]).toEqual([0x1a, 0x32, 0x12, 0x7e]);
    printer.setMode('cover_open');
    expect([...(await exchange(printer.port, [ask], 4))]).toEqual([0x1a, 0x16, 0x12, 0x12]);
    expect(printer.jobs).toEqual([]);
  });

  it('resets connections while offline and rejects waitForJobs after its timeout', async () => {
    printer = await startFakePrinter({ mode: 'offline' });
    await expect(exchange(printer.port, [Buffer.from([0x10, 0x04, 0x01])], 1)).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(printer.waitForJobs(1, 100)).rejects.toThrow(/0 of 1 jobs/);
  });

  it('turns a job back into a PNG', async () => {
    printer = await startFakePrinter();
    await exchange(printer.port, [Buffer.concat([Buffer.from([0x1b, 0x40]), GS_V0(1, 2, 0xf0)])]);
    const [job] = await printer.waitForJobs(1);
    if (!job) throw new Error('no job');
    const image = await loadImage(printer.toPng(job));
    const ctx = createCanvas(8, 2).getContext('2d');
    ctx.drawImage(image, 0, 0);
    const red = [...ctx.getImageData(0, 0, 8, 2).data].filter((_, i) => i % 4 === 0);
    expect(red).toEqual([0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  });
});
