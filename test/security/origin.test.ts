/**
 * A page on another site must not use an office PC's browser to open a socket or post logins to
 * the hub (guessing passwords from inside the LAN). Refused: a cross-site Origin, at the
 * Socket.IO handshake (403, both transports) and on POST /api/login. Accepted: the hub's own
 * pages (Origin host = Host), configured origins, and clients that send no Origin (node, the
 * Electron kiosk's main process).
 */
import { Writable } from 'node:stream';
import { PROTOCOL_VERSION } from '@qms/protocol';
import pino from 'pino';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/test-hub';
import { httpRaw } from './helpers/http';

const CONFIGURED = 'https://qms.phuong.gov.vn';
const EVIL = 'http://evil.example';
let h: TestHub;
const log: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      log.push(chunk.toString('utf8'));
      done();
    },
  });
  h = await startTestHub({ hubOptions: { allowedOrigins: [CONFIGURED], logger: pino({ level: 'warn' }, sink) } });
});
afterAll(async () => {
  await h.close();
});

/** A kiosk socket with this Origin header (none when undefined): 'connected' or 'refused'. */
function handshake(origin: string | undefined, transport: 'websocket' | 'polling'): Promise<'connected' | 'refused'> {
  const socket = io(h.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, kind: 'device', token: h.creds.kioskToken },
    transports: [transport],
    extraHeaders: origin === undefined ? {} : { origin },
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  return new Promise((resolve) => {
    socket.once('hub:snapshot', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', () => {
      socket.disconnect();
      resolve('refused');
    });
  });
}

describe('Origin at the Socket.IO handshake', () => {
  it.each(['websocket', 'polling'] as const)('%s: a cross-site page is refused; same-origin, configured and no Origin are accepted', async (transport) => {
    expect(await handshake(EVIL, transport)).toBe('refused');
    expect(await handshake('null', transport)).toBe('refused');
    expect(await handshake(h.url, transport)).toBe('connected');
    expect(await handshake(CONFIGURED, transport)).toBe('connected');
    expect(await handshake(undefined, transport)).toBe('connected');
  });

  it('the refusal is a 403 and is logged', async () => {
    const r = await httpRaw(h.url, 'GET', '/socket.io/?EIO=4&transport=polling', { origin: EVIL });
    expect(r.status).toBe(403);
    const same = await httpRaw(h.url, 'GET', '/socket.io/?EIO=4&transport=polling', { origin: h.url });
    expect(same.status).toBe(200);
    await new Promise((r2) => setTimeout(r2, 50));
    expect(log.join('')).toContain('cross-origin request refused');
    expect(log.join('')).toContain('"origin":"http://evil.example"');
  });
});

describe('Origin on POST /api/login', () => {
  const body = (password: string): string => JSON.stringify({ username: 'canbo3', password });
  const json = { 'content-type': 'application/json' };

  it('a cross-site login is refused before the password is checked; the hub’s own page and non-browser clients log in', async () => {
    const password = h.creds.officers[2]?.password ?? '';
    const evil = await httpRaw(h.url, 'POST', '/api/login', { ...json, origin: EVIL }, body(password));
    expect(evil.status).toBe(403);
    expect((evil.json as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    // wrong guesses from another site do not even count against the account
    for (let i = 0; i < 8; i += 1) await httpRaw(h.url, 'POST', '/api/login', { ...json, origin: EVIL }, body(`doan-sai-${i}`));
    expect((await httpRaw(h.url, 'POST', '/api/login', { ...json, origin: h.url }, body(password))).status).toBe(200);
    expect((await httpRaw(h.url, 'POST', '/api/login', { ...json, origin: CONFIGURED }, body(password))).status).toBe(200);
    expect((await httpRaw(h.url, 'POST', '/api/login', json, body(password))).status).toBe(200);
  });
});
