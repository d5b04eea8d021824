import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress, parseTrustedProxies } from './client-address';

describe('client address behind a proxy', () => {
  const proxy = new Set(['127.0.0.1', '10.0.0.2']);

  it('is the TCP peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress('192.168.1.20', '10.9.9.9', proxy)).toBe('192.168.1.20');
    expect(clientAddress('::ffff:192.168.1.20', undefined, proxy)).toBe('192.168.1.20');
  });

  it('from a trusted peer, is the right-most forwarded address that is not itself a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '192.168.1.7', proxy)).toBe('192.168.1.7');
    // a client that sends its own X-Forwarded-For only adds entries on the left
    expect(clientAddress('127.0.0.1', '1.2.3.4, 192.168.1.7', proxy)).toBe('192.168.1.7');
    expect(clientAddress('::ffff:127.0.0.1', ['1.2.3.4', '192.168.1.8, 10.0.0.2'], proxy)).toBe('192.168.1.8');
  });

  it('from a trusted peer without the header, or with only proxies or junk in it, stays with the proxies', () => {
    expect(clientAddress('127.0.0.1', undefined, proxy)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '10.0.0.2', proxy)).toBe('10.0.0.2');
    expect(clientAddress('127.0.0.1', 'not-an-ip', proxy)).toBe('127.0.0.1');
  });

  it('parses the --trust-proxy list and refuses anything that is not an IP address', () => {
    expect(parseTrustedProxies('127.0.0.1, ::1,::ffff:10.0.0.2,')).toEqual(['127.0.0.1', '::1', '10.0.0.2']);
    expect(parseTrustedProxies('')).toEqual([]);
    expect(parseTrustedProxies('127.0.0.1,proxy.local')).toBeNull();
    expect(parseTrustedProxies('10.0.0.0/8')).toBeNull();
    expect(normalizeAddress('FE80::1')).toBe('fe80::1');
  });
});
