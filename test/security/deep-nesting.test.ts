/**
 * Payloads nested deeper than socket.io-client can even encode (its encoder recurses), sent by
 * hand: `[[[…]]]` and `{"a":{"a":…}}` 3,000 to 100,000 levels deep, still under the 1 MB frame
 * limit, to every command from every role. Each must get a well-formed refusal (not INTERNAL,
 * no error logged), and the hub must keep serving.
 */
import { Writable } from 'node:stream';
import { COMMANDS, PROTOCOL_VERSION } from '@qms/protocol';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/test-hub';
import { expectWellFormedAck } from './helpers/acks';
import { contentDigest } from './helpers/db';
import { httpRaw } from './helpers/http';
import { RawSocketIo } from './helpers/raw-socket';
import { ALL_COMMANDS } from './helpers/scene';

let h: TestHub;
const errors: string[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      const line = chunk.toString('utf8');
      if (/"level":(50|60)/.test(line)) errors.push(line.slice(0, 300));
      done();
    },
  });
  // 432 hostile commands in a row from one socket: the command rate limits (rate-limits.test.ts)
  // are scaled out of the way so every payload reaches the checks under test
  h = await startTestHub({ hubOptions: { logger: pino({ level: 'warn' }, sink), rateLimits: { scale: 1000 } } });
});
afterAll(async () => {
  await h.close();
});

const DEPTHS = [3_000, 6_000, 20_000, 100_000];
const payloads = (depth: number): Array<[string, string]> => [
  [`array ${depth}`, `${'['.repeat(depth)}${']'.repeat(depth)}`],
  [`object ${depth}`, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
  [`mixed ${depth}`, `{"fieldId":"cu-tru","idempotencyKey":"deep-000001","x":${'[{"b":'.repeat(depth / 2)}0${'}]'.repeat(depth / 2)}}`],
];

async function connect(auth: Record<string, unknown>): Promise<RawSocketIo> {
  const raw = await RawSocketIo.open(h.url);
  raw.send(`0${JSON.stringify({ protocolVersion: PROTOCOL_VERSION, ...auth })}`);
  const ok = await raw.waitFor((p) => p.startsWith('0{') || p.startsWith('4'), 5000);
  if (!ok?.startsWith('0{')) throw new Error(`not connected: ${String(ok)}`);
  return raw;
}

describe('deep nesting beyond what socket.io-client can encode', () => {
  const roles = {
    kiosk: () => ({ kind: 'device', token: h.creds.kioskToken }),
    display: () => ({ kind: 'device', token: h.creds.displayToken }),
    officer: () => ({ kind: 'password', username: 'canbo1', password: h.creds.officers[0]?.password ?? '' }),
    admin: () => ({ kind: 'password', username: 'admin', password: h.creds.admin.password }),
  } as const;

  it.each(Object.keys(roles).map((r) => [r as keyof typeof roles]))('%s: every command gets a well-formed refusal, never INTERNAL', async (role) => {
    const before = contentDigest(h.store);
    const raw = await connect(roles[role]());
    let id = 0;
    const failures: string[] = [];
    for (const name of ALL_COMMANDS) {
      for (const depth of DEPTHS) {
        for (const [label, json] of payloads(depth)) {
          id += 1;
          raw.send(`2${id}["${name}",${json}]`);
          const packet = await raw.waitFor((p) => p.startsWith(`3${id}[`), 5000);
          expect(packet, `${role} ${name} ${label}: no ack (socket closed: ${raw.closed})`).not.toBeNull();
          const ack = (JSON.parse((packet ?? '').slice(`3${id}`.length)) as unknown[])[0];
          expectWellFormedAck(ack, `${role} ${name} ${label}`);
          const code = (ack as { ok: boolean; error?: { code: string } }).error?.code ?? 'ok';
          const allowed = (COMMANDS[name].roles as readonly string[]).includes(role);
          const expected = allowed ? ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'] : ['FORBIDDEN'];
          if (!expected.includes(code)) failures.push(`${name} ${label} → ${code}`);
        }
      }
    }
    raw.close();
    expect(failures, `${failures.length} deep payloads were not refused cleanly (expected VALIDATION_FAILED or PAYLOAD_TOO_LARGE, FORBIDDEN for other roles)`).toEqual([]);
    expect(errors, 'errors logged for deep payloads').toEqual([]);
    expect(contentDigest(h.store)).toBe(before);
    expect((await httpRaw(h.url, 'GET', '/api/health')).status).toBe(200);
  });
});
