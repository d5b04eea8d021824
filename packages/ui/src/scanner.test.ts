import { describe, expect, it } from 'vitest';
import { ScanDetector } from './scanner';

function feed(d: ScanDetector, text: string, start: number, gap: number): boolean[] {
  return [...text, 'Enter'].map((ch, i) => d.key(ch === 'Enter' && i === text.length ? 'Enter' : ch, start + i * gap));
}

describe('keyboard-wedge scanner detection', () => {
  it('a fast burst ending in Enter is a scan, and its keys after the first are swallowed', () => {
    const scans: string[] = [];
    const d = new ScanDetector({ onScan: (c) => scans.push(c) });
    const swallowed = feed(d, '000.00.00.H26-261123-0001', 1000, 8);
    expect(scans).toEqual(['000.00.00.H26-261123-0001']);
    expect(swallowed[0]).toBe(false);
    expect(swallowed.slice(1).every(Boolean)).toBe(true);
  });

  it('a person typing slowly is never a scan', () => {
    const scans: string[] = [];
    const d = new ScanDetector({ onScan: (c) => scans.push(c) });
    const swallowed = feed(d, '1234567890', 0, 150);
    expect(scans).toEqual([]);
    expect(swallowed.some(Boolean)).toBe(false);
  });

  it('too short bursts, bursts without Enter and a pause inside a burst are not scans', () => {
    const scans: string[] = [];
    const d = new ScanDetector({ onScan: (c) => scans.push(c) });
    feed(d, 'abc', 0, 5);
    [...'abcdefgh'].forEach((c, i) => d.key(c, 1000 + i * 5));
    d.key('Enter', 1500); // Enter long after the burst
    [...'abcd'].forEach((c, i) => d.key(c, 3000 + i * 5));
    [...'efgh'].forEach((c, i) => d.key(c, 3200 + i * 5));
    d.key('Enter', 3220);
    expect(scans).toEqual([]);
  });

  it('keeps Vietnamese text of a CCCD QR intact (NFC)', () => {
    const scans: string[] = [];
    const d = new ScanDetector({ onScan: (c) => scans.push(c) });
    const qr = '001090012345|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|01012021';
    feed(d, qr.normalize('NFD'), 0, 3);
    expect(scans).toEqual([qr.normalize('NFC')]);
  });
});
