import type { NetworkInterfaceInfo } from 'node:os';

/** What `os.networkInterfaces()` returns; tests hand in their own. */
export type InterfaceList = NodeJS.Dict<NetworkInterfaceInfo[]>;

export interface PhoneLinkInput {
  /** `--public-url` / QMS_PUBLIC_URL, or null. */
  publicUrl: string | null;
  /** The host the hub listens on (`--host`): an address, `0.0.0.0`/`::`, or a name. */
  listenHost: string;
  port: number;
  interfaces: InterfaceList;
}

export type PhoneLink =
  | { url: string; source: 'public-url' | 'listen-address' | 'interface' }
  | { url: null; reason: 'loopback-only' | 'no-lan-address' | 'public-url-unreachable' };

/** 127.0.0.0/8, ::1, ::ffff:127.x, `localhost` (and names under it): only this machine can open them. */
export function isLoopbackHost(host: string): boolean {
  const h = unbracket(host).toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** 0.0.0.0 and :: mean "every interface" to a listener and nothing to a phone. */
export function isUnspecifiedHost(host: string): boolean {
  const h = unbracket(host).toLowerCase();
  return h === '0.0.0.0' || h === '::' || h === '0:0:0:0:0:0:0:0' || h === '::ffff:0.0.0.0';
}

/** A phone can never open a link to this host. */
export function unusableHost(host: string): boolean {
  return host === '' || isLoopbackHost(host) || isUnspecifiedHost(host);
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** 10/8, 172.16/12, 192.168/16. */
function isPrivateV4(a: string): boolean {
  const [p, q] = a.split('.').map(Number);
  return p === 10 || (p === 172 && q !== undefined && q >= 16 && q <= 31) || (p === 192 && q === 168);
}

/** Container, VM and VPN bridges: present on many PCs, never the Wi-Fi the citizens' phones are on. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|tun|tap|wg|zt|tailscale|utun)/i;

/**
 * The IPv4 address phones on the LAN most likely reach this PC at: non-internal, not link-local
 * (169.254/16); private ranges first (192.168, 10, 172.16-31), real interfaces before virtual
 * bridges, then interface name order (stable). Null when there is none.
 */
export function lanAddress(interfaces: InterfaceList): string | null {
  const candidates: Array<{ address: string; rank: number; name: string }> = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const info of list ?? []) {
      const family: unknown = info.family;
      if (info.internal || (family !== 'IPv4' && family !== 4)) continue;
      if (unusableHost(info.address) || info.address.startsWith('169.254.')) continue;
      const privateRank = info.address.startsWith('192.168.') ? 0 : info.address.startsWith('10.') ? 1 : isPrivateV4(info.address) ? 2 : 3;
      candidates.push({ address: info.address, name, rank: privateRank + (VIRTUAL_INTERFACE.test(name) ? 10 : 0) });
    }
  }
  candidates.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return candidates[0]?.address ?? null;
}

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

function httpUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${unbracket(host)}]` : host}:${port}`;
}

/**
 * The base of the link printed in a ticket's QR (`<base>/t/<id>`), which a citizen opens on a
 * phone: `--public-url` if phones can reach it; else the address the hub listens on when it is
 * a real one; else, for a hub on 0.0.0.0/::, its LAN IPv4 address; else none (no QR is printed
 * and the dashboard warns). Never a loopback or unspecified address.
 */
export function phoneLinkBase(input: PhoneLinkInput): PhoneLink {
  if (input.publicUrl !== null && input.publicUrl.trim() !== '') {
    const host = hostOf(input.publicUrl.trim());
    if (host === null || unusableHost(host)) return { url: null, reason: 'public-url-unreachable' };
    return { url: input.publicUrl.trim().replace(/\/+$/, ''), source: 'public-url' };
  }
  const host = input.listenHost.trim();
  if (isUnspecifiedHost(host)) {
    const lan = lanAddress(input.interfaces);
    return lan === null ? { url: null, reason: 'no-lan-address' } : { url: httpUrl(lan, input.port), source: 'interface' };
  }
  if (unusableHost(host)) return { url: null, reason: 'loopback-only' };
  return { url: httpUrl(host, input.port), source: 'listen-address' };
}
