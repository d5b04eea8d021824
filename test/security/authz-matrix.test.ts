/**
 * The authorisation matrix, command by command and role by role: COMMANDS[name].roles is the
 * whole truth. A valid payload from a role not listed gets FORBIDDEN and changes nothing; a
 * listed role is never refused for its role. A socket without credentials never gets that far.
 */
import { COMMANDS, PROTOCOL_VERSION, ROLES, type Role } from '@qms/protocol';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClient, data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { codeOf, describePayload, expectWellFormedAck } from './helpers/acks';
import { contentDigest } from './helpers/db';
import { sessionToken } from './helpers/http';
import { RawSocketIo } from './helpers/raw-socket';
import { ALL_COMMANDS, buildScene, validPayload } from './helpers/scene';

let h: TestHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Officers before admins, so an admin's action never pre-empts the officer's in the scene. */
const ROLE_ORDER: readonly Role[] = ['kiosk', 'display', 'officer', 'admin'];

describe('authorisation matrix: every command × every role', () => {
  it('covers every role the protocol knows', () => {
    expect([...ROLE_ORDER].sort()).toEqual([...ROLES].sort());
  });

  it.each(ALL_COMMANDS.map((name) => [name]))('%s', async (name) => {
    h = await startTestHub();
    const scene = await buildScene(h);
    const allowed = COMMANDS[name].roles as readonly string[];
    for (const role of ROLE_ORDER) {
      const payload = validPayload(scene, name);
      const parsed = COMMANDS[name].input.safeParse(payload);
      expect(parsed.success, `sample payload of ${name} must be schema-valid: ${describePayload(payload)}`).toBe(true);
      const before = contentDigest(h.store);
      const ack = await scene.clients[role].sendRaw(name, payload);
      const context = `${role} → ${name} ${describePayload(payload)} → ${describePayload(ack)}`;
      expectWellFormedAck(ack, context);
      if (allowed.includes(role)) {
        expect(codeOf(ack), `${context}: an allowed role must not be refused for its role`).not.toBe('FORBIDDEN');
        expect(codeOf(ack), `${context}: the sample must be accepted by the schema`).not.toBe('VALIDATION_FAILED');
      } else {
        expect(codeOf(ack), `${context}: a role not in COMMANDS[name].roles`).toBe('FORBIDDEN');
        expect(contentDigest(h.store), `${context}: a refused command changed the database`).toBe(before);
      }
    }
  });
});

describe('connections without valid credentials', () => {
  async function refusal(auth: unknown): Promise<string> {
    if (!h) throw new Error('no hub');
    const s = io(h.url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      return await new Promise<string>((resolve, reject) => {
        s.on('connect_error', (e) => resolve((e as Error & { data?: { code: string } }).data?.code ?? `no data: ${e.message}`));
        s.on('connect', () => reject(new Error(`connected with ${describePayload(auth)}`)));
      });
    } finally {
      s.close();
    }
  }

  it('an anonymous socket cannot connect, whatever it sends as auth', async () => {
    h = await startTestHub();
    const officerToken = await sessionToken(h.url, 'canbo1', h.creds.officers[0]?.password ?? '');
    const v = PROTOCOL_VERSION;
    const refused: Array<[unknown, string]> = [
      [undefined, 'UNAUTHENTICATED'],
      [{}, 'UNAUTHENTICATED'],
      [{ protocolVersion: v }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v, kind: 'anonymous' }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v, kind: 'device' }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v, kind: 'device', token: '' }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v, kind: 'device', token: 'x'.repeat(43) }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v, kind: 'device', token: h.creds.kioskToken, role: 'admin' }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v, kind: 'session', token: h.creds.kioskToken }, 'UNAUTHENTICATED'], // a device token is not a session
      [{ protocolVersion: v, kind: 'device', token: officerToken }, 'UNAUTHENTICATED'], // a session token is not a device
      [{ protocolVersion: v, kind: 'password', username: 'admin', password: '' }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v, kind: 'password', username: "admin' --", password: 'x' }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v, kind: 'password', username: 'admin', password: { $ne: '' } }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v, kind: 'password', username: ['admin'], password: ['x'] }, 'UNAUTHENTICATED'],
      [JSON.parse(`{"protocolVersion":${v},"kind":"device","token":"${'y'.repeat(43)}","__proto__":{"kind":"session"}}`), 'UNAUTHENTICATED'],
      [{ protocolVersion: String(v), kind: 'device', token: h.creds.kioskToken }, 'UNAUTHENTICATED'],
      [{ protocolVersion: v + 1, kind: 'device', token: h.creds.kioskToken }, 'PROTOCOL_VERSION'],
    ];
    for (const [auth, code] of refused) expect(await refusal(auth), describePayload(auth)).toBe(code);
  });

  it('commands sent without a CONNECT, or after a refused CONNECT, are never executed nor acknowledged', async () => {
    h = await startTestHub();
    const before = contentDigest(h.store);
    // 1. no CONNECT packet at all: straight to an EVENT with an ack id
    const bare = await RawSocketIo.open(h.url);
    bare.send(`20["ticket:issue",{"fieldId":"cu-tru","idempotencyKey":"anon-000001"}]`);
    bare.send('21["sync:snapshot",{}]');
    expect(await bare.waitFor((p) => p.startsWith('3'), 700), bare.received.join(' | ')).toBeNull();
    bare.close();
    // 2. CONNECT refused, then events anyway
    const refused = await RawSocketIo.open(h.url);
    refused.send(`0${JSON.stringify({ protocolVersion: PROTOCOL_VERSION, kind: 'device', token: 'z'.repeat(43) })}`);
    expect(await refused.waitFor((p) => p.startsWith('4'))).toContain('UNAUTHENTICATED');
    refused.send('22["sync:snapshot",{}]');
    refused.send(`23["ticket:issue",{"fieldId":"cu-tru","idempotencyKey":"anon-000002"}]`);
    expect(await refused.waitFor((p) => p.startsWith('3'), 700), refused.received.join(' | ')).toBeNull();
    refused.close();
    // 3. a namespace nobody serves
    const other = await RawSocketIo.open(h.url);
    other.send(`0/admin,${JSON.stringify({ protocolVersion: PROTOCOL_VERSION, kind: 'device', token: h.creds.kioskToken })}`);
    const answer = await other.waitFor((p) => p.startsWith('0') || p.startsWith('4'), 700);
    expect(answer ?? '').not.toMatch(/^0\/admin,\{"sid"/);
    other.send('2/admin,4["config:get",{}]');
    expect(await other.waitFor((p) => p.startsWith('3'), 500)).toBeNull();
    other.close();
    expect(contentDigest(h.store)).toBe(before);
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });
  });

  it('reserved and malformed packets from an authenticated socket end at most that socket', async () => {
    h = await startTestHub();
    const raw = await RawSocketIo.open(h.url);
    raw.send(`0${JSON.stringify({ protocolVersion: PROTOCOL_VERSION, kind: 'device', token: h.creds.kioskToken })}`);
    expect(await raw.waitFor((p) => p.startsWith('0{'))).not.toBeNull();
    for (const packet of [
      '21["disconnect",{}]',
      '22["connect",{}]',
      '23["error",{}]',
      '24["newListener","hub:events"]',
      '25["__proto__",{}]',
      '26["constructor",{}]',
      '27[]',
      '28[42,{}]',
      '29[null]',
      '2{"not":"an array"}',
      '210["ticket:issue"',
      '2999999999999999999999["sync:snapshot",{}]',
      '3["forged ack"]',
      '5-["bad binary"]',
      '9',
    ]) {
      raw.send(packet);
    }
    await new Promise((r) => setTimeout(r, 300));
    // whatever happened to that socket, everyone else is served and nothing was issued
    const kiosk = new TestClient(h.url, { kind: 'device', token: h.creds.kioskToken });
    await kiosk.ready();
    expect(data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'after-raw-01' })).ticket.number).toBe('6001');
    kiosk.close();
    raw.close();
  });
});
