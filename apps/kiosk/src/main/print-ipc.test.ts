import { describe, expect, it } from 'vitest';
import { KIOSK_CHANNELS, type TicketPrintData } from '../shared/bridge';
import { parseConfig } from './config';
import type { PrinterFaultCode, PrinterStatus } from '@qms/printer/types';
import { type InvokeEvent, type PrinterDriver, createKioskHandlers, registerKioskIpc } from './print-ipc';
import { MAX_PAYLOAD_BYTES } from './print-payload';

const parsed = parseConfig(
  { hubUrl: 'http://10.0.0.2:8080', token: 't'.repeat(24), printer: { interface: 'tcp://10.0.0.9:9100', paperWidth: 58 } },
  '/k.json',
);
if (!parsed.ok) throw new Error('test config must be valid');
const config = parsed.config;

const FROM_HUB: InvokeEvent = { senderFrame: { url: 'http://10.0.0.2:8080/kiosk/?lang=vi' } };
const FROM_ELSEWHERE: InvokeEvent = { senderFrame: { url: 'http://evil.example/' } };

const TICKET: TicketPrintData = {
  siteName: 'UBND phường Bến Nghé',
  fieldName: 'Tư pháp – Hộ tịch',
  number: '1023',
  issuedAt: Date.UTC(2026, 10, 23, 2, 0),
  timeZone: 'Asia/Ho_Chi_Minh',
  peopleAhead: 4,
  estimatedWaitMinutes: 12,
  counterNumbers: [1, 3],
  statusUrl: 'http://10.0.0.2:8080/t/abc',
  priorityLabel: null,
  locale: 'vi',
};

/** Same shape as @qms/printer's PrinterFault: an Error with a `fault` kind. */
class StubFault extends Error {
  constructor(readonly fault: PrinterFaultCode) {
    super(`stub ${fault}`);
  }
}

/** A printer stub that records jobs and can be told to fail or to hold a job open. */
function stubPrinter(behaviour: { fail?: unknown; status?: PrinterStatus; hold?: Promise<void> } = {}) {
  const jobs: Array<{ data: TicketPrintData; config: unknown; done: boolean }> = [];
  const driver: PrinterDriver = {
    async printTicket(data, printerConfig) {
      const job = { data, config: printerConfig, done: false };
      jobs.push(job);
      if (behaviour.hold) await behaviour.hold;
      if (behaviour.fail !== undefined) throw behaviour.fail;
      job.done = true;
      return { bytes: 2048, ms: 180 };
    },
    async checkPrinter() {
      if (behaviour.fail !== undefined) throw behaviour.fail;
      return behaviour.status ?? { ok: true };
    },
  };
  return { driver, jobs };
}

describe('kiosk:print', () => {
  it('prints a valid ticket with the configured printer', async () => {
    const { driver, jobs } = stubPrinter();
    const handlers = createKioskHandlers({ config, printer: driver });
    expect(await handlers.print(FROM_HUB, TICKET)).toEqual({ ok: true, data: { bytes: 2048, ms: 180 } });
    expect(jobs).toEqual([{ data: TICKET, config: config.printer, done: true }]);
  });

  it('prints a ticket without a QR link (the hub has no address phones can reach)', async () => {
    const { driver, jobs } = stubPrinter();
    const handlers = createKioskHandlers({ config, printer: driver });
    expect((await handlers.print(FROM_HUB, { ...TICKET, statusUrl: null })).ok).toBe(true);
    expect(jobs[0]?.data.statusUrl).toBeNull();
  });

  const malformed: Array<[string, unknown]> = [
    ['nothing', undefined],
    ['a string', 'print me'],
    ['an array', [TICKET]],
    ['a missing field', { ...TICKET, number: undefined }],
    ['a wrong type', { ...TICKET, peopleAhead: '4' }],
    ['an extra key', { ...TICKET, escpos: '\x1b@' }],
    ['a negative count', { ...TICKET, peopleAhead: -1 }],
    ['a fractional wait', { ...TICKET, estimatedWaitMinutes: 2.5 }],
    ['an empty site name', { ...TICKET, siteName: '   ' }],
    ['a javascript: status URL', { ...TICKET, statusUrl: 'javascript:alert(1)' }],
    ['an unknown time zone', { ...TICKET, timeZone: 'Mars/Olympus' }],
    ['an unknown locale', { ...TICKET, locale: 'fr' }],
    ['a date from 1970', { ...TICKET, issuedAt: 0 }],
    ['a cyclic object', (() => { const o: Record<string, unknown> = { ...TICKET }; o['self'] = o; return o; })()],
  ];

  it.each(malformed)('rejects %s with VALIDATION_FAILED and prints nothing', async (_name, payload) => {
    const { driver, jobs } = stubPrinter();
    const result = await createKioskHandlers({ config, printer: driver }).print(FROM_HUB, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(jobs).toEqual([]);
  });

  it.each([
    ['an oversized field', { ...TICKET, fieldName: 'Đ'.repeat(5000) }, /payload too large/],
    ['a long field under the size cap', { ...TICKET, fieldName: 'x'.repeat(121) }, /^fieldName: /],
    ['too many counters', { ...TICKET, counterNumbers: Array.from({ length: 51 }, (_, i) => i + 1) }, /^counterNumbers: /],
    ['a huge payload', { ...TICKET, siteName: 'x'.repeat(MAX_PAYLOAD_BYTES * 100) }, /payload too large/],
  ])('rejects %s, naming why', async (_name, payload, why) => {
    const { driver, jobs } = stubPrinter();
    const result = await createKioskHandlers({ config, printer: driver }).print(FROM_HUB, payload);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('VALIDATION_FAILED');
    expect(!result.ok && result.error.message).toMatch(why);
    expect(jobs).toEqual([]);
  });

  it('accepts a priority ticket in English with no open counter', async () => {
    const { driver, jobs } = stubPrinter();
    const ticket = { ...TICKET, priorityLabel: 'Elderly', locale: 'en', estimatedWaitMinutes: null, counterNumbers: [] };
    expect((await createKioskHandlers({ config, printer: driver }).print(FROM_HUB, ticket)).ok).toBe(true);
    expect(jobs).toHaveLength(1);
  });

  it.each([
    ['offline', 'PRINTER_OFFLINE'],
    ['paper_out', 'PRINTER_PAPER_OUT'],
    ['cover_open', 'PRINTER_COVER_OPEN'],
    ['timeout', 'PRINTER_TIMEOUT'],
    ['error', 'PRINTER_ERROR'],
  ] as const)('a %s fault becomes %s', async (fault, code) => {
    const { driver } = stubPrinter({ fail: new StubFault(fault) });
    const result = await createKioskHandlers({ config, printer: driver }).print(FROM_HUB, TICKET);
    expect(result).toEqual({ ok: false, error: { code, message: `stub ${fault}` } });
  });

  it('any other failure is PRINTER_ERROR', async () => {
    const { driver } = stubPrinter({ fail: new TypeError('boom') });
    const result = await createKioskHandlers({ config, printer: driver }).print(FROM_HUB, TICKET);
    expect(result).toEqual({ ok: false, error: { code: 'PRINTER_ERROR', message: 'boom' } });
  });

  it('prints one ticket at a time, in order', async () => {
    let release: () => void = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    const { driver, jobs } = stubPrinter({ hold });
    const handlers = createKioskHandlers({ config, printer: driver });
    const first = handlers.print(FROM_HUB, { ...TICKET, number: '1' });
    const second = handlers.print(FROM_HUB, { ...TICKET, number: '2' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(jobs.map((j) => j.data.number)).toEqual(['1']);
    release();
    await Promise.all([first, second]);
    expect(jobs.map((j) => [j.data.number, j.done])).toEqual([['1', true], ['2', true]]);
  });
});

describe('kiosk:printerStatus and kiosk:identity', () => {
  it('reports a ready printer, a fault, and a thrown fault', async () => {
    const ready = createKioskHandlers({ config, printer: stubPrinter().driver });
    expect(await ready.printerStatus(FROM_HUB)).toEqual({ ok: true, data: { ready: true } });
    const paperOut = stubPrinter({ status: { ok: false, fault: 'paper_out', message: 'Máy in hết giấy' } });
    expect(await createKioskHandlers({ config, printer: paperOut.driver }).printerStatus(FROM_HUB)).toEqual({
      ok: false,
      error: { code: 'PRINTER_PAPER_OUT', message: 'Máy in hết giấy' },
    });
    const offline = stubPrinter({ fail: new StubFault('offline') });
    const result = await createKioskHandlers({ config, printer: offline.driver }).printerStatus(FROM_HUB);
    expect(!result.ok && result.error.code).toBe('PRINTER_OFFLINE');
  });

  it('identity tells the page what it needs from the config', async () => {
    const handlers = createKioskHandlers({ config, printer: stubPrinter().driver });
    expect(await handlers.identity(FROM_HUB)).toEqual({
      hubUrl: 'http://10.0.0.2:8080',
      token: 't'.repeat(24),
      language: 'vi',
      idleSeconds: 60,
      paperWidth: 58,
    });
  });

  it('only the hub page may call: other senders get nothing (no token, no print)', async () => {
    const { driver, jobs } = stubPrinter();
    const handlers = createKioskHandlers({ config, printer: driver });
    await expect(handlers.identity(FROM_ELSEWHERE)).rejects.toThrow(/not the hub/);
    await expect(handlers.identity({ senderFrame: null })).rejects.toThrow(/not the hub/);
    expect(await handlers.print(FROM_ELSEWHERE, TICKET)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handlers.printerStatus(FROM_ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(jobs).toEqual([]);
  });
});

describe('registerKioskIpc', () => {
  it('handles exactly the three bridge channels and forwards the payload', async () => {
    const registered = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
    const { driver, jobs } = stubPrinter();
    registerKioskIpc({ handle: (channel, listener) => registered.set(channel, listener) }, createKioskHandlers({ config, printer: driver }));
    expect([...registered.keys()].sort()).toEqual(Object.values(KIOSK_CHANNELS).sort());
    const print = registered.get(KIOSK_CHANNELS.print);
    expect(await print?.(FROM_HUB, TICKET, 'ignored extra')).toMatchObject({ ok: true });
    expect(jobs).toHaveLength(1);
  });
});
