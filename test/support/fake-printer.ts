/**
 * A fake ESC/POS network printer: a real TCP listener on 127.0.0.1 that answers DLE EOT status
 * requests like a printer in the chosen condition, parses what it is sent into commands and
 * decodes the GS v 0 raster bands back into one image, so tests can look at the printed ticket.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { createCanvas, ImageData } from '@napi-rs/canvas';

export type FakePrinterMode = 'ok' | 'offline' | 'paper_out' | 'cover_open' | 'slow' | 'silent';

export interface PrintJob {
  bytes: Buffer;
  receivedAt: number;
  /** e.g. ['init', 'raster', 'raster', 'align', 'qr', 'raster', 'feed', 'cut']; garbage as 'unknown:<hex>'. */
  commands: string[];
  qrData: string | null;
  /** All raster bands stacked top to bottom; 1 = black. */
  image: { width: number; height: number; pixels: Uint8Array } | null;
}

export interface FakePrinter {
  port: number;
  url: string;
  jobs: PrintJob[];
  setMode(m: FakePrinterMode): void;
  waitForJobs(n: number, timeoutMs?: number): Promise<PrintJob[]>;
  toPng(job: PrintJob): Buffer;
  close(): Promise<void>;
}

type Band = { width: number; height: number; pixels: Uint8Array };
type Parsed = { next: number; command: string | null; band?: Band; qrData?: string; status?: number };

/** DLE EOT 1..4 answers per condition: fixed bits 0x12, plus offline 0x08 / cover 0x04 / paper end 0x20, 0x60. */
const STATUS: Record<'ok' | 'paper_out' | 'cover_open', Record<number, number>> = {
  ok: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  paper_out: { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e },
  cover_open: { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 },
};

function statusByte(mode: FakePrinterMode, n: number): number {
  const table = mode === 'paper_out' || mode === 'cover_open' ? STATUS[mode] : STATUS.ok;
  return table[n] ?? 0x12;
}

/** GS v 0 m xL xH yL yH d1..dk, unpacked to one byte per pixel. */
function parseRaster(buf: Buffer, i: number): Parsed | null {
  if (buf.length < i + 8) return null;
  const bytesPerRow = buf.readUInt16LE(i + 4);
  const height = buf.readUInt16LE(i + 6);
  const end = i + 8 + bytesPerRow * height;
  if (buf.length < end) return null;
  const width = bytesPerRow * 8;
  const pixels = new Uint8Array(width * height);
  for (let k = 0; k < bytesPerRow * height; k++) {
    const byte = buf[i + 8 + k] ?? 0;
    for (let bit = 0; bit < 8; bit++) pixels[k * 8 + bit] = (byte >> (7 - bit)) & 1;
  }
  return { next: end, command: 'raster', band: { width, height, pixels } };
}

/** GS ( k pL pH cn fn …: QR settings are silent, store (fn 0x50) keeps the data, print (fn 0x51) is 'qr'. */
function parseQr(buf: Buffer, i: number): Parsed | null {
  if (buf.length < i + 5) return null;
  const end = i + 5 + buf.readUInt16LE(i + 3);
  if (buf.length < end) return null;
  const [cn, fn] = [buf[i + 5], buf[i + 6]];
  if (cn !== 0x31) return { next: end, command: `unknown:${buf.subarray(i, end).toString('hex')}` };
  if (fn === 0x50) return { next: end, command: null, qrData: buf.subarray(i + 8, end).toString('latin1') };
  if (fn === 0x51) return { next: end, command: 'qr' };
  if (fn === 0x41 || fn === 0x43 || fn === 0x45) return { next: end, command: null };
  return { next: end, command: `unknown:${buf.subarray(i, end).toString('hex')}` };
}

function parseGs(buf: Buffer, i: number): Parsed | null {
  if (buf.length < i + 3) return null; // every GS command this printer knows is at least 3 bytes
  const op = buf[i + 1];
  if (op === 0x76 && buf[i + 2] === 0x30) return parseRaster(buf, i);
  if (op === 0x28 && buf[i + 2] === 0x6b) return parseQr(buf, i);
  if (op === 0x56) {
    const m = buf[i + 2];
    if (m === undefined) return null;
    if ([0, 1, 48, 49].includes(m)) return { next: i + 3, command: 'cut' };
    if (m === 65 || m === 66) return buf.length < i + 4 ? null : { next: i + 4, command: 'cut' };
  }
  return { next: i + 1, command: 'unknown' };
}

/** One command at `i`, or null when the buffer ends inside it. 'unknown' consumes one byte. */
function parseCommand(buf: Buffer, i: number): Parsed | null {
  const b = buf[i];
  const need = (n: number): boolean => buf.length >= i + n;
  if (b === 0x0a) return { next: i + 1, command: 'feed' };
  if (b === 0x1b) {
    if (!need(2)) return null;
    const op = buf[i + 1];
    if (op === 0x40) return { next: i + 2, command: 'init' };
    if (op === 0x61 || op === 0x64 || op === 0x4a) {
      return need(3) ? { next: i + 3, command: op === 0x61 ? 'align' : 'feed' } : null;
    }
  }
  if (b === 0x1d) return parseGs(buf, i);
  if (b === 0x10 && buf[i + 1] === 0x04) return need(3) ? { next: i + 3, command: 'status', status: buf[i + 2] ?? 0 } : null;
  if (b === 0x10 && !need(2)) return null;
  return { next: i + 1, command: 'unknown' };
}

function stackBands(bands: Band[]): PrintJob['image'] {
  if (bands.length === 0) return null;
  const width = Math.max(...bands.map((b) => b.width));
  const height = bands.reduce((s, b) => s + b.height, 0);
  const pixels = new Uint8Array(width * height);
  let row = 0;
  for (const band of bands) {
    for (let y = 0; y < band.height; y++) {
      pixels.set(band.pixels.subarray(y * band.width, (y + 1) * band.width), (row + y) * width);
    }
    row += band.height;
  }
  return { width, height, pixels };
}

/** Parses one connection's bytes as they arrive and answers status requests on the spot. */
class Connection {
  private buf = Buffer.alloc(0);
  private offset = 0;
  private unknown: number[] = [];
  readonly commands: string[] = [];
  readonly bands: Band[] = [];
  qrData: string | null = null;

  constructor(private readonly answer: (n: number) => void) {}

  feed(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const p = this.offset < this.buf.length ? parseCommand(this.buf, this.offset) : null;
      if (!p) return;
      if (p.command === 'unknown') this.unknown.push(this.buf[this.offset] ?? 0);
      else this.record(p);
      this.offset = p.next;
    }
  }

  private record(p: Parsed): void {
    this.flushUnknown();
    if (p.command !== null) this.commands.push(p.command);
    if (p.band) this.bands.push(p.band);
    if (p.qrData !== undefined) this.qrData = p.qrData;
    if (p.status !== undefined) this.answer(p.status);
  }

  private flushUnknown(): void {
    if (this.unknown.length === 0) return;
    this.commands.push(`unknown:${Buffer.from(this.unknown).toString('hex')}`);
    this.unknown = [];
  }

  finish(receivedAt: number): PrintJob | null {
    this.flushUnknown();
    if (this.offset < this.buf.length) this.commands.push(`truncated:${this.buf.subarray(this.offset).toString('hex').slice(0, 32)}`);
    if (this.commands.every((c) => c === 'status')) return null;
    return { bytes: this.buf, receivedAt, commands: this.commands, qrData: this.qrData, image: stackBands(this.bands) };
  }
}

/** The image of a job as a PNG (white paper, black dots), e.g. to save next to a failing test. */
function jobToPng(job: PrintJob): Buffer {
  if (!job.image) throw new Error('this job has no raster image');
  const { width, height, pixels } = job.image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  pixels.forEach((p, i) => rgba.fill(p === 1 ? 0 : 255, i * 4, i * 4 + 3));
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas.encodeSync('png');
}

class FakePrinterServer {
  readonly jobs: PrintJob[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly waiters = new Set<() => void>();
  readonly server: Server = createServer({ allowHalfOpen: true }, (socket) => this.serve(socket));

  constructor(
    public mode: FakePrinterMode,
    private readonly slowMs: number,
  ) {}

  private serve(socket: Socket): void {
    // 'offline': the connection is reset at once, as by a printer whose network stack refuses it.
    if (this.mode === 'offline') return void socket.resetAndDestroy();
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const conn = new Connection((n) => {
      if (this.mode !== 'silent' && !socket.destroyed) socket.write(Buffer.from([statusByte(this.mode, n)]));
    });
    socket.on('data', (chunk: Buffer) => conn.feed(chunk));
    socket.once('end', () => {
      const job = conn.finish(Date.now());
      if (job) this.jobs.push(job);
      this.waiters.forEach((w) => w());
      socket.end();
    });
    if (this.mode === 'slow') {
      socket.pause();
      setTimeout(() => socket.resume(), this.slowMs);
    }
  }

  setMode(m: FakePrinterMode): void {
    this.mode = m;
    if (m === 'offline') this.sockets.forEach((sock) => sock.resetAndDestroy());
  }

  waitForJobs(n: number, timeoutMs: number): Promise<PrintJob[]> {
    if (this.jobs.length >= n) return Promise.resolve(this.jobs.slice(0, n));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake printer: ${this.jobs.length} of ${n} jobs after ${timeoutMs} ms`));
      }, timeoutMs);
      const check = (): void => {
        if (this.jobs.length < n) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(this.jobs.slice(0, n));
      };
      this.waiters.add(check);
    });
  }

  close(): Promise<void> {
    this.sockets.forEach((sock) => sock.destroy());
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export async function startFakePrinter(opts: { mode?: FakePrinterMode; slowMs?: number } = {}): Promise<FakePrinter> {
  const fake = new FakePrinterServer(opts.mode ?? 'ok', opts.slowMs ?? 500);
  await new Promise<void>((resolve, reject) => {
    fake.server.once('error', reject);
    fake.server.listen({ host: '127.0.0.1', port: 0 }, resolve);
  });
  const address = fake.server.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  return {
    port,
    url: `tcp://127.0.0.1:${port}`,
    jobs: fake.jobs,
    setMode: (m) => fake.setMode(m),
    waitForJobs: (n, timeoutMs = 5000) => fake.waitForJobs(n, timeoutMs),
    toPng: jobToPng,
    close: () => fake.close(),
  };
}
