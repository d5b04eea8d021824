import { describe, expect, it } from 'vitest';
import { normalizeOrigin, originAllowed } from './origin';

const req = (headers: Record<string, string>) => ({ headers });
const ALLOWED = new Set(['https://qms.phuong.gov.vn']);

describe('originAllowed', () => {
  it('accepts no Origin (non-browser clients) and the hub’s own pages', () => {
    expect(originAllowed(req({ host: '192.168.1.10:3000' }), ALLOWED)).toBe(true);
    expect(originAllowed(req({ host: '192.168.1.10:3000', origin: 'http://192.168.1.10:3000' }), ALLOWED)).toBe(true);
    expect(originAllowed(req({ host: 'HUB.local', origin: 'http://hub.local' }), ALLOWED)).toBe(true);
    expect(originAllowed(req({ host: '[::1]:3000', origin: 'http://[::1]:3000' }), ALLOWED)).toBe(true);
  });

  it('accepts the configured origins and nothing else', () => {
    expect(originAllowed(req({ host: '127.0.0.1:3000', origin: 'https://qms.phuong.gov.vn' }), ALLOWED)).toBe(true);
    for (const origin of ['http://evil.example', 'http://192.168.1.10:3001', 'null', 'file://', 'https://qms.phuong.gov.vn.evil.example', 'chrome-extension://abc', '']) {
      expect(originAllowed(req({ host: '192.168.1.10:3000', origin }), ALLOWED), origin).toBe(false);
    }
    expect(originAllowed(req({ origin: 'http://192.168.1.10:3000' }), ALLOWED)).toBe(false); // no Host: not same-origin
  });

  it('normalizes configured origins and rejects what is not one', () => {
    expect(normalizeOrigin(' HTTPS://QMS.phuong.gov.vn:443/ ')).toBe('https://qms.phuong.gov.vn');
    expect(normalizeOrigin('http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080');
    for (const bad of ['qms.phuong.gov.vn', 'http://x/path', 'ftp://x', 'null', '*']) expect(normalizeOrigin(bad), bad).toBeNull();
  });
});
