import { describe, expect, it } from 'vitest';
import { parseInterface, parsePrinterConfig, PrinterConfigError, printerConfigSchema, printerFromUrl } from './config';

describe('parsePrinterConfig', () => {
  it('fills in the defaults: epson, 80 mm, 3000 ms', () => {
    expect(parsePrinterConfig({ interface: 'tcp://192.168.1.50:9100' })).toEqual({
      interface: 'tcp://192.168.1.50:9100',
      type: 'epson',
      paperWidth: 80,
      timeoutMs: 3000,
    });
  });

  it.each([
    ['tcp://192.168.1.50:9100', 'tcp://192.168.1.50:9100'],
    ['tcp://printer-quay-1.local:9101', 'tcp://printer-quay-1.local:9101'],
    ['tcp://10.0.0.7', 'tcp://10.0.0.7:9100'],
    ['tcp://10.0.0.7:9100/', 'tcp://10.0.0.7:9100'],
    ['tcp://[::1]:9100', 'tcp://[::1]:9100'],
    ['  printer:EPSON_TM_T82  ', 'printer:EPSON_TM_T82'],
    ['printer:kiosk-58mm', 'printer:kiosk-58mm'],
  ])('accepts %j as %j', (input, normalised) => {
    expect(parsePrinterConfig({ interface: input }).interface).toBe(normalised);
  });

  it.each([
    '',
    'COM1',
    '/dev/usb/lp0',
    'http://192.168.1.50:9100',
    'tcp://',
    'tcp://host:0',
    'tcp://host:70000',
    'tcp://host:port',
    'tcp://bad host:9100',
    'printer:',
    'printer:two words',
    'printer:a/b',
  ])('refuses the interface %j', (input) => {
    expect(() => parsePrinterConfig({ interface: input })).toThrow(PrinterConfigError);
  });

  it('keeps explicit values and checks their ranges', () => {
    const config = { interface: 'printer:X', type: 'star', paperWidth: 58, timeoutMs: 10_000 };
    expect(parsePrinterConfig(config)).toEqual(config);
    for (const bad of [{ paperWidth: 57 }, { type: 'zebra' }, { timeoutMs: 50 }, { timeoutMs: 1.5 }, { extra: 1 }]) {
      expect(() => parsePrinterConfig({ interface: 'printer:X', ...bad })).toThrow(PrinterConfigError);
    }
  });

  it('explains the problem in Vietnamese with English details naming the field', () => {
    const error = (() => {
      try {
        parsePrinterConfig({ interface: 'COM1', paperWidth: 57 });
      } catch (e) {
        return e as PrinterConfigError;
      }
      throw new Error('expected a PrinterConfigError');
    })();
    expect(error.message).toMatch(/^Cấu hình máy in không hợp lệ/);
    expect(error.details).toHaveLength(2);
    expect(error.details.join('\n')).toMatch(/^interface: must look like/m);
    expect(error.details.join('\n')).toMatch(/^paperWidth: /m);
  });

  it('refuses non-objects', () => {
    expect(() => parsePrinterConfig(null)).toThrow(PrinterConfigError);
    expect(() => parsePrinterConfig('tcp://127.0.0.1:9100')).toThrow(PrinterConfigError);
    expect(printerConfigSchema.safeParse({}).success).toBe(false);
  });
});

describe('printerFromUrl', () => {
  it('takes a bare tcp URL with the defaults (env QMS_PRINTER)', () => {
    expect(printerFromUrl('tcp://127.0.0.1:9100')).toEqual({
      interface: 'tcp://127.0.0.1:9100',
      type: 'epson',
      paperWidth: 80,
      timeoutMs: 3000,
    });
  });

  it('reads paper, type and timeout from the query', () => {
    expect(printerFromUrl('tcp://h:9200?paper=58&type=star&timeout=5000')).toEqual({
      interface: 'tcp://h:9200',
      type: 'star',
      paperWidth: 58,
      timeoutMs: 5000,
    });
    expect(printerFromUrl('printer:TM_T20?paper=58').paperWidth).toBe(58);
  });

  it('refuses unknown options and bad values', () => {
    expect(() => printerFromUrl('tcp://h:9100?width=58')).toThrow(/unknown option "width"/);
    expect(() => printerFromUrl('tcp://h:9100?paper=60')).toThrow(PrinterConfigError);
    expect(() => printerFromUrl('tcp://h:9100?type=citizen')).toThrow(PrinterConfigError);
    expect(() => printerFromUrl('lpt1')).toThrow(PrinterConfigError);
  });
});

describe('parseInterface', () => {
  it('splits host and port, or the CUPS queue name', () => {
    expect(parseInterface('tcp://[fe80::1]:9100')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 9100 });
    expect(parseInterface('printer:Q1')).toEqual({ kind: 'cups', name: 'Q1' });
    expect(parseInterface('udp://h:1')).toBeNull();
  });
});
