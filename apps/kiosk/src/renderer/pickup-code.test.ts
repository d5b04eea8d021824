import { describe, expect, it } from 'vitest';
import { codeFromDigits, codeFromScan, formatTypedDigits, keyFromScan } from './pickup-code';

describe('dossier code at the kiosk', () => {
  it('reads a scanned code or the receipt QR link', () => {
    expect(codeFromScan(' 000.00.00.H26-261123-0001 ')).toBe('000.00.00.H26-261123-0001');
    expect(codeFromScan('http://192.168.1.10:3000/d/000.00.00.H26-261123-0007?k=abcDEF123456')).toBe('000.00.00.H26-261123-0007');
    expect(codeFromScan('<script>alert(1)</script>')).toBeNull();
  });

  it('reads the receipt key from the QR link only', () => {
    expect(keyFromScan('http://192.168.1.10:3000/d/000.00.00.H26-261123-0007?k=abcDEF12_-56')).toBe('abcDEF12_-56');
    expect(keyFromScan('http://hub/d/000.00.00.H26-261123-0007?lang=vi&k=abcDEF123456#x')).toBe('abcDEF123456');
    expect(keyFromScan('000.00.00.H26-261123-0007')).toBeNull();
    expect(keyFromScan('http://hub/d/000.00.00.H26-261123-0007?k=<script>')).toBeNull();
  });

  it('builds the code from the 10 typed digits and shows progress', () => {
    expect(codeFromDigits('000.00.00.H26', '2611230012')).toBe('000.00.00.H26-261123-0012');
    expect(codeFromDigits('000.00.00.H26', '26112300')).toBeNull();
    expect(formatTypedDigits('2611')).toBe('2611__-____');
    expect(formatTypedDigits('2611230012')).toBe('261123-0012');
  });
});
