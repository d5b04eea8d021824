import { isIP } from 'node:net';

/** `::ffff:192.168.1.5` (an IPv4 peer on a dual-stack socket) is 192.168.1.5. */
export function normalizeAddress(address: string): string {
  const a = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return (mapped?.[1] ?? a).toLowerCase();
}

/** Parses `--trust-proxy` (a comma list of IP addresses); null when an entry is not an IP address. */
export function parseTrustedProxies(text: string): string[] | null {
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (list.some((s) => isIP(s) === 0)) return null;
  return [...new Set(list.map(normalizeAddress))];
}

/**
 * The address a login is counted against. The TCP peer, unless the peer is a trusted proxy:
 * then X-Forwarded-For is read from the right (each proxy appends the address it saw), and the
 * first address that is not itself a trusted proxy is the client. A header from any other peer
 * is ignored, so a client cannot give itself a new address per guess.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: ReadonlySet<string>): string {
  let address = normalizeAddress(peer ?? 'unknown');
  if (!trusted.has(address) || forwardedFor === undefined) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = normalizeAddress(hops[i] ?? '');
    // a malformed entry was not written by a trusted proxy: the last trusted hop answers for it
    if (isIP(hop) === 0) return address;
    address = hop;
    if (!trusted.has(hop)) return hop;
  }
  return address;
}
