import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, lanAddress, phoneLinkBase, type InterfaceList } from './phone-link';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal, cidr: `${address}/24` };
}
function v6(address: string, internal = false): NetworkInterfaceInfo {
  return { address, netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:00:00:00:00:00', internal, cidr: `${address}/64`, scopeid: 0 };
}

const LOOPBACK_ONLY: InterfaceList = { lo: [v4('127.0.0.1', true), v6('::1', true)] };
const WARD_PC: InterfaceList = {
  lo: [v4('127.0.0.1', true)],
  docker0: [v4('172.17.0.1')],
  eth0: [v4('169.254.10.2'), v6('fe80::1')],
  wlan0: [v4('192.168.1.23'), v6('fe80::2')],
};

describe('phone link base (the QR on a ticket)', () => {
  it('--public-url wins, without a trailing slash', () => {
    expect(phoneLinkBase({ publicUrl: 'https://xephang.phuong1.gov.vn/', listenHost: '127.0.0.1', port: 3000, interfaces: LOOPBACK_ONLY }))
      .toEqual({ url: 'https://xephang.phuong1.gov.vn', source: 'public-url' });
  });

  it('a --public-url that only this PC can open is refused, not printed', () => {
    for (const publicUrl of ['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000', 'http://0.0.0.0:3000', 'not a url']) {
      expect(phoneLinkBase({ publicUrl, listenHost: '0.0.0.0', port: 3000, interfaces: WARD_PC }))
        .toEqual({ url: null, reason: 'public-url-unreachable' });
    }
  });

  it('a hub on 0.0.0.0 uses its Wi-Fi/LAN IPv4 address: not loopback, link-local, IPv6 or a docker bridge', () => {
    expect(phoneLinkBase({ publicUrl: null, listenHost: '0.0.0.0', port: 3000, interfaces: WARD_PC }))
      .toEqual({ url: 'http://192.168.1.23:3000', source: 'interface' });
    expect(phoneLinkBase({ publicUrl: null, listenHost: '::', port: 3101, interfaces: WARD_PC }).url).toBe('http://192.168.1.23:3101');
  });

  it('private ranges before public ones, real interfaces before virtual bridges', () => {
    expect(lanAddress({ eth0: [v4('203.0.113.5')], eth1: [v4('10.0.0.7')] })).toBe('10.0.0.7');
    expect(lanAddress({ eth0: [v4('172.20.1.4')], eth1: [v4('192.168.0.9')] })).toBe('192.168.0.9');
    expect(lanAddress({ virbr0: [v4('192.168.122.1')], enp3s0: [v4('10.1.2.3')] })).toBe('10.1.2.3');
    expect(lanAddress({ eth0: [v4('203.0.113.5')] })).toBe('203.0.113.5');
    expect(lanAddress(LOOPBACK_ONLY)).toBeNull();
    expect(lanAddress({})).toBeNull();
  });

  it('a hub on a specific LAN address uses that address', () => {
    expect(phoneLinkBase({ publicUrl: null, listenHost: '192.168.5.2', port: 3000, interfaces: LOOPBACK_ONLY }))
      .toEqual({ url: 'http://192.168.5.2:3000', source: 'listen-address' });
    expect(phoneLinkBase({ publicUrl: null, listenHost: 'fd00::5', port: 3000, interfaces: {} }).url).toBe('http://[fd00::5]:3000');
  });

  it('no usable address: no link at all (never 127.0.0.1, localhost, ::1 or 0.0.0.0)', () => {
    for (const listenHost of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(phoneLinkBase({ publicUrl: null, listenHost, port: 3000, interfaces: WARD_PC })).toEqual({ url: null, reason: 'loopback-only' });
    }
    expect(phoneLinkBase({ publicUrl: null, listenHost: '0.0.0.0', port: 3000, interfaces: LOOPBACK_ONLY }))
      .toEqual({ url: null, reason: 'no-lan-address' });
  });

  it('knows loopback when it sees it', () => {
    expect(['127.0.0.1', 'LOCALHOST', '::1', 'a.localhost', '::ffff:127.0.0.2'].every(isLoopbackHost)).toBe(true);
    expect(['192.168.1.2', '10.127.0.1', 'hub.local', '::2'].some(isLoopbackHost)).toBe(false);
  });
});
