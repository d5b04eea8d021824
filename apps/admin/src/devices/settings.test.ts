import { describe, expect, it } from 'vitest';
import { deviceUrl, displayForm, displaySettings, isPrinterUrl, kioskForm, kioskSettings } from './settings';

describe('printer address', () => {
  it('accepts what the hub accepts', () => {
    for (const ok of ['tcp://192.168.1.50:9100', 'tcp://printer.local', 'tcp://10.0.0.5:9100?paper=58', 'tcp://[fe80::1]:9100?paper=80&type=star&timeout=5000', 'printer:TM_T82']) {
      expect(isPrinterUrl(ok), ok).toBe(true);
    }
  });
  it('refuses anything else', () => {
    for (const bad of ['', '192.168.1.50', 'http://x:9100', 'tcp://x:70000', 'tcp://x?paper=57', 'tcp://x?width=58', 'printer:a b', 'tcp://x?timeout=5']) {
      expect(isPrinterUrl(bad), bad).toBe(false);
    }
  });
});

describe('kiosk settings', () => {
  it('round-trips and keeps unknown keys', () => {
    const base = { printer: { interface: 'tcp://10.0.0.5:9100', paperWidth: 58 }, maxTicketsPerMinute: 6, other: 'x' };
    const f = kioskForm(base);
    expect(f).toEqual({ printer: 'tcp://10.0.0.5:9100?paper=58', maxTicketsPerMinute: '6' });
    expect(kioskSettings(base, { printer: '', maxTicketsPerMinute: '10' })).toEqual({ other: 'x', maxTicketsPerMinute: 10 });
  });
});

describe('display settings', () => {
  it('reads strings or arrays and writes the volume as a fraction', () => {
    const f = displayForm({ counters: '3,1', fields: ['cu-tru'], voice: 'off', volume: 80, keep: true });
    expect(f).toEqual({ counters: [3, 1], fields: ['cu-tru'], notice: '', voice: 'off', volume: 80 });
    expect(displaySettings({ keep: true, notice: 'old', recent: 8 }, f)).toEqual({ keep: true, counters: [1, 3], fields: ['cu-tru'], voice: 'off', volume: 0.8 });
    expect(displayForm({ volume: 0.5 }).volume).toBe(50);
    expect(displayForm({}).volume).toBe(100);
  });
  it('builds the address to open', () => {
    expect(deviceUrl('http://hub:3000', 'display', 'abc')).toBe('http://hub:3000/display/?token=abc');
  });
});
