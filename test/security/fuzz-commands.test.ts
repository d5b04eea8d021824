/**
 * Property-based fuzzing of every Socket.IO command from every role (fast-check).
 *
 * For each role (kiosk, display, officer, admin; anonymous handshakes at the end) and each
 * command in COMMANDS, QMS_FUZZ_RUNS (default 200) arbitrary payloads: mutated valid payloads,
 * wrong types, hostile strings, prototype-pollution keys, 1,500–2,000-deep nesting and strings up
 * to 900 KB (under the 1 MB transport limit). Each run must get a well-formed ack whose code is in
 * ERROR_CODES and is never INTERNAL; a role outside COMMANDS[name].roles always gets FORBIDDEN; a
 * schema-invalid payload always gets VALIDATION_FAILED; one over 16 KiB PAYLOAD_TOO_LARGE (or
 * VALIDATION_FAILED when it is also nested too deep); ok:true
 * only for a schema-valid payload from an allowed role; a rejected command leaves every table
 * as it was. Between commands: the hub answers /api/health and serves a fresh socket, and
 * Object.prototype is untouched. Which fuzzed commands succeeded is printed at the end.
 */
import { randomUUID } from 'node:crypto';
import { COMMANDS, PROTOCOL_VERSION, type CommandName, type Role } from '@qms/protocol';
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { codeOf, describePayload, expectWellFormedAck } from './helpers/acks';
import { contentDigest, rowCounts } from './helpers/db';
import { BIG_STRINGS, HOSTILE_STRINGS, POLLUTION_PAYLOADS, prototypeIsClean } from './helpers/hostile';
import { httpRaw } from './helpers/http';
import { frameBytes, fuzzCallArb, valueArb, wireForm, type FuzzCall } from './helpers/payload-arbs';
import { RawSocketIo } from './helpers/raw-socket';
import { ALL_COMMANDS, buildScene, validPayload, type Scene } from './helpers/scene';

const RUNS = Number(process.env.QMS_FUZZ_RUNS ?? 200);
/** A role outside COMMANDS[name].roles is refused before the payload is even looked at: fewer runs do. */
const REFUSED_RUNS = Math.max(10, Math.round(RUNS / 4));
const MAX_FRAME = 950_000;
const successes = new Map<string, number>();

afterAll(() => {
  const lines = [...successes.entries()].map(([k, n]) => `  ${k}: ${n}`);
  console.info(`fuzzed commands that were accepted (schema-valid payloads from allowed roles):\n${lines.join('\n') || '  none'}`);
});

interface RoleHub {
  h: TestHub;
  scene: Scene;
  client: TestClient;
  /** A device nobody's payload can name: proves the hub still serves a fresh connection. */
  healthToken: string;
  pool: string[];
}

async function roleHub(role: Role): Promise<RoleHub> {
  // a fuzzer is a flood: hundreds of commands a second from one socket, and a fresh probe socket
  // after each; the command rate limits (rate-limits.test.ts) are scaled out of its way
  const h = await startTestHub({ hubOptions: { rateLimits: { scale: 1000 } } });
  const scene = await buildScene(h);
  const health = data(await scene.admin.send('device:save', { kind: 'display', name: 'Màn hình kiểm tra', settings: {} }));
  if (!('token' in health)) throw new Error('no token for the health device');
  let client = scene.clients[role];
  if (role === 'admin') {
    // the fuzzing admin is an account no payload names, so officer:save cannot lock it out mid-run
    const password = `fuzz-${randomUUID()}`;
    data(await scene.admin.send('officer:save', { username: 'fuzz-admin', fullName: 'Quản trị kiểm thử', role: 'admin', enabled: true, password }));
    client = new TestClient(h.url, { kind: 'password', username: 'fuzz-admin', password });
    await client.ready();
  }
  const snap = scene.admin.snapshots.at(-1);
  const pool = [
    ...scene.waiting.map((t) => t.id),
    scene.called.id,
    scene.done.id,
    scene.dossier.id,
    scene.dossier.code,
    scene.readyDossier.code,
    scene.waiting[0]?.number ?? '1003',
    ...(snap?.fields ?? []).map((f) => f.id),
    ...(snap?.counters ?? []).map((c) => c.id),
    ...(snap?.procedures ?? []).slice(0, 5).map((p) => p.id),
    'kiosk-1',
    'display-1',
    scene.spareDeviceId,
    'canbo1',
    'canbo2',
    'admin',
    'q1',
    'cu-tru',
    'A-023',
    '001090012345',
  ];
  return { h, scene, client, healthToken: health.token, pool };
}

async function expectHealthy(r: RoleHub, context: string): Promise<void> {
  const health = await httpRaw(r.h.url, 'GET', '/api/health');
  expect(health.status, `${context}: /api/health`).toBe(200);
  const probe = new TestClient(r.h.url, { kind: 'device', token: r.healthToken });
  try {
    await probe.ready();
    const ack = await probe.sendRaw('sync:snapshot', {});
    expect((ack as { ok: boolean }).ok, `${context}: a fresh socket is served`).toBe(true);
  } finally {
    probe.close();
  }
  expect(prototypeIsClean(), `${context}: Object.prototype was polluted`).toBe(true);
}

/** Row-count changes a rejected command may make by design: a failed print records a printer fault. */
function allowedWhenRejected(code: string | null, before: Record<string, number>, after: Record<string, number>): boolean {
  const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
  if (changed.length === 0) return true;
  if (code !== 'PRINTER_FAULT') return false;
  return changed.every((t) => (t === 'printer_faults' || t === 'events') && (after[t] ?? 0) - (before[t] ?? 0) === 1);
}

async function fuzzOne(r: RoleHub, role: Role, name: CommandName): Promise<void> {
  const allowed = (COMMANDS[name].roles as readonly string[]).includes(role);
  const schema = COMMANDS[name].input;
  const digestBefore = contentDigest(r.h.store);
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(fuzzCallArb(() => validPayload(r.scene, name), r.pool), async (call: FuzzCall) => {
      fc.pre(frameBytes(call) < MAX_FRAME);
      expect(r.client.socket.connected, `${role} socket still connected before ${name}`).toBe(true);
      const before = rowCounts(r.h.store);
      const ack = await r.client.sendRaw(name, call.payload, ...call.extra);
      const context = `${role} → ${name} [${call.how}] ${describePayload(call.payload)} → ${describePayload(ack)}`;
      expectWellFormedAck(ack, context);
      const code = codeOf(ack);
      expect(code, `${context}: an unexpected failure inside the hub`).not.toBe('INTERNAL');
      if (!allowed) {
        expect(code, context).toBe('FORBIDDEN');
      } else {
        const wire = wireForm(call);
        const valid = schema.safeParse(wire.value ?? {}).success;
        if (!wire.binary) {
          // over 16 KiB: refused before the handlers (a payload also nested too deep may be refused for that first)
          if (wire.bytes > 16 * 1024) expect(['PAYLOAD_TOO_LARGE', 'VALIDATION_FAILED'], context).toContain(code);
          else if (!valid) expect(code, context).toBe('VALIDATION_FAILED');
        }
        if (code === null) {
          if (!wire.binary) expect(valid, `${context}: accepted a payload the schema rejects`).toBe(true);
          accepted += 1;
        }
      }
      if (code !== null) {
        const after = rowCounts(r.h.store);
        expect(allowedWhenRejected(code, before, after), `${context}: a rejected command changed row counts ${describePayload({ before, after })}`).toBe(true);
      }
    }),
    { numRuns: allowed ? RUNS : REFUSED_RUNS, endOnFailure: true },
  );
  if (accepted > 0) successes.set(`${role} ${name}`, accepted);
  else if (name !== 'ticket:print') expect(contentDigest(r.h.store), `${role} ${name}: nothing accepted, yet the database changed`).toBe(digestBefore);
  await expectHealthy(r, `${role} after ${name}`);
}

for (const role of ['kiosk', 'display', 'officer', 'admin'] as const) {
  describe(`fuzz every command as ${role}`, () => {
    let r: RoleHub;
    beforeAll(async () => {
      r = await roleHub(role);
    });
    afterAll(async () => {
      r.client.close();
      await r.h.close();
    });
    it.each(ALL_COMMANDS.map((n) => [n]))('%s', async (name) => {
      await fuzzOne(r, role, name);
    });
    it('unknown and prototype-named events get UNKNOWN_COMMAND', async () => {
      const names = fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'ticket:issue ', 'TICKET:ISSUE', 'ticket:Issue', 'sync:snapshot\u0000'),
        fc.constantFrom(...HOSTILE_STRINGS).filter((s) => s !== ''),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
      );
      await fc.assert(
        fc.asyncProperty(names, valueArb(r.pool), async (event, payload) => {
          fc.pre(!(event in COMMANDS) && !['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].includes(event));
          fc.pre(frameBytes({ payload, extra: [], how: '' }) < MAX_FRAME);
          const ack = await r.client.sendRaw(event, payload);
          expectWellFormedAck(ack, `${describePayload(event)} ${describePayload(payload)}`);
          expect(codeOf(ack)).toBe('UNKNOWN_COMMAND');
        }),
        { numRuns: RUNS },
      );
      await expectHealthy(r, `${role} after unknown events`);
    });
  });
}

describe('fuzz the handshake (anonymous sockets)', () => {
  let h: TestHub;
  beforeAll(async () => {
    // lifted per-address login limit: otherwise most handshakes would stop at RATE_LIMITED before the password check
    h = await startTestHub({ hubOptions: { addressLimits: { maxFailures: 1_000_000 } } });
  });
  afterAll(async () => {
    await h.close();
  });

  const CONNECT_CODES = ['UNAUTHENTICATED', 'PROTOCOL_VERSION', 'ACCOUNT_LOCKED', 'RATE_LIMITED'];

  function attempt(auth: Record<string, unknown>): Promise<{ connected: boolean; code: string | null }> {
    const s = io(h.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 5000 });
    return new Promise((resolve) => {
      const done = (v: { connected: boolean; code: string | null }): void => {
        s.close();
        resolve(v);
      };
      s.on('connect', () => done({ connected: true, code: null }));
      s.on('connect_error', (e) => done({ connected: false, code: (e as Error & { data?: { code?: string } }).data?.code ?? `transport: ${e.message}` }));
    });
  }

  it('arbitrary auth objects are refused with a ConnectErrorData code, and nothing but login counters change', async () => {
    const ignore = ['officers.failed_logins', 'officers.locked_until'];
    const before = contentDigest(h.store, ignore);
    const tokenish = fc.oneof(
      fc.constantFrom(...HOSTILE_STRINGS),
      fc.constantFrom(`${h.creds.kioskToken}x`, h.creds.kioskToken.toUpperCase(), ` ${h.creds.displayToken}`, h.creds.kioskToken.slice(1), 'a'.repeat(43)),
      fc.string({ unit: 'binary', maxLength: 250 }),
      fc.anything({ maxDepth: 2 }),
    );
    const auth = fc.oneof(
      fc.record(
        {
          protocolVersion: fc.oneof(fc.constant(PROTOCOL_VERSION), fc.integer(), fc.constant(String(PROTOCOL_VERSION)), fc.double()),
          kind: fc.oneof(fc.constantFrom('device', 'session', 'password', 'admin', '__proto__', ''), fc.string()),
          token: tokenish,
          username: fc.oneof(fc.constantFrom('admin', 'canbo1', 'ADMIN', "admin'--", 'canbo1\u0000'), tokenish),
          password: tokenish,
          role: fc.constantFrom('admin', 'officer'),
        },
        { requiredKeys: [] },
      ),
      fc.constantFrom(...POLLUTION_PAYLOADS).map((p) => ({ protocolVersion: PROTOCOL_VERSION, kind: 'device', ...(p as object) })),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 2 }), { maxKeys: 6 }),
      fc.constantFrom(...BIG_STRINGS.slice(0, 3)).map((big) => ({ protocolVersion: PROTOCOL_VERSION, kind: 'password', username: big, password: big })),
    );
    await fc.assert(
      fc.asyncProperty(auth, async (a) => {
        const r = await attempt(a as Record<string, unknown>);
        expect(r.connected, `connected with ${describePayload(a)}`).toBe(false);
        expect(CONNECT_CODES, `${describePayload(a)} → ${String(r.code)}`).toContain(r.code);
      }),
      { numRuns: RUNS },
    );
    expect(contentDigest(h.store, ignore)).toBe(before);
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    expect((await httpRaw(h.url, 'GET', '/api/health')).status).toBe(200);
  });

  it('CONNECT packets whose auth is not an object at all (raw Socket.IO) are refused or dropped, never accepted', async () => {
    const payloads = fc.oneof(
      fc.constantFrom('"string"', '42', 'null', 'true', '[1,2,3]', '{"protocolVersion":2', '{', '}{', '\u0000', '[[[[[[[[[[', '"\\ud800"'),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 100 }),
    );
    await fc.assert(
      fc.asyncProperty(payloads, async (p) => {
        const raw = await RawSocketIo.open(h.url);
        try {
          raw.send(`0${p}`);
          const answer = await raw.waitFor((x) => x.startsWith('0') || x.startsWith('4'), 400);
          expect(answer ?? '', `CONNECT ${describePayload(p)}`).not.toMatch(/^0\{"sid"/);
        } finally {
          raw.close();
        }
      }),
      { numRuns: Math.min(RUNS, 100) },
    );
    expect((await httpRaw(h.url, 'GET', '/api/health')).status).toBe(200);
  });
});
