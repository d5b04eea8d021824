import { PROTOCOL_VERSION } from '@qms/protocol';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient, data, waitFor } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  await h.close();
});

type Ack = { ok: boolean; error?: { code: string; message: string } };
const codeOf = (r: unknown): string | undefined => (r as Ack).error?.code;

describe('malformed commands get error acks and the hub keeps serving', () => {
  it('wrong types, missing fields, extra keys, unknown ids and unknown commands', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const cases: Array<[string, unknown, string]> = [
      ['ticket:issue', { fieldId: 42, idempotencyKey: 'abcdefgh' }, 'VALIDATION_FAILED'],
      ['ticket:issue', { idempotencyKey: 'abcdefgh' }, 'VALIDATION_FAILED'],
      ['ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'abcdefgh', admin: true }, 'VALIDATION_FAILED'],
      ['ticket:issue', { fieldId: "x'; DROP TABLE tickets; --", idempotencyKey: 'abcdefgh' }, 'VALIDATION_FAILED'],
      ['ticket:issue', { fieldId: 'no-such-field', idempotencyKey: 'abcdefgh' }, 'NOT_FOUND'],
      ['ticket:issue', { fieldId: 'cu-tru', priorityGroup: 'vip', idempotencyKey: 'abcdefgh' }, 'VALIDATION_FAILED'],
      ['ticket:issue', 'not an object', 'VALIDATION_FAILED'],
      ['ticket:issue', [1, 2, 3], 'VALIDATION_FAILED'],
      ['ticket:issue', null, 'VALIDATION_FAILED'],
      ['ticket:issue', { fieldId: { $gt: '' }, idempotencyKey: 'abcdefgh' }, 'VALIDATION_FAILED'],
      ['no:such:command', {}, 'UNKNOWN_COMMAND'],
      ['__proto__', {}, 'UNKNOWN_COMMAND'],
    ];
    for (const [name, payload, code] of cases) {
      expect(codeOf(await kiosk.sendRaw(name, payload)), `${name} ${JSON.stringify(payload)}`).toBe(code);
    }
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 500; i += 1) {
      const next: Record<string, unknown> = {};
      cur.a = next;
      cur = next;
    }
    expect(codeOf(await kiosk.sendRaw('ticket:issue', deep))).toBe('VALIDATION_FAILED');
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    expect(data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'still-works-1' })).ticket.number).toBe('6001');
  });

  it('oversized payloads: 20 KB gets PAYLOAD_TOO_LARGE; a 2 MB frame drops only that connection', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const big = { fieldId: 'cu-tru', idempotencyKey: 'abcdefgh', junk: 'x'.repeat(20_000) };
    expect(codeOf(await kiosk.sendRaw('ticket:issue', big))).toBe('PAYLOAD_TOO_LARGE');

    const hostile = h.kiosk();
    await hostile.ready();
    (hostile.socket as unknown as { emit(n: string, p: unknown): void }).emit('ticket:issue', { junk: 'y'.repeat(2_000_000) });
    await waitFor(() => !hostile.socket.connected);
    expect(data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'after-flood-1' })).ticket.number).toBe('6001');
  });

  it('a command without an ack callback is ignored, and the socket stays usable', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    (kiosk.socket as unknown as { emit(n: string, p: unknown): void }).emit('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'no-ack-000' });
    expect(data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'with-ack-00' })).ticket.number).toBe('6001');
  });
});

describe('roles', () => {
  it('displays and kiosks cannot command counters; a display cannot issue tickets', async () => {
    const display = h.display();
    const kiosk = h.kiosk();
    await Promise.all([display.ready(), kiosk.ready()]);
    expect(codeOf(await display.sendRaw('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'abcdefgh' }))).toBe('FORBIDDEN');
    expect(codeOf(await kiosk.sendRaw('counter:callNext', { counterId: 'q1', idempotencyKey: 'abcdefgh' }))).toBe('FORBIDDEN');
    expect(codeOf(await kiosk.sendRaw('counter:open', { counterId: 'q1' }))).toBe('FORBIDDEN');
    expect(codeOf(await display.sendRaw('ticket:cancel', { ticketId: 'x' }))).toBe('FORBIDDEN');
  });

  it('an officer cannot act on a counter they do not hold; unknown counters and tickets are NOT_FOUND', async () => {
    const o = h.officer('canbo1');
    await o.ready();
    expect(codeOf(await o.sendRaw('counter:callNext', { counterId: 'q1', idempotencyKey: 'abcdefgh' }))).toBe('FORBIDDEN');
    expect(codeOf(await o.sendRaw('counter:open', { counterId: 'q99' }))).toBe('NOT_FOUND');
    expect(codeOf(await o.sendRaw('ticket:recall', { ticketId: 'no-such-ticket' }))).toBe('NOT_FOUND');
  });
});

describe('handshake', () => {
  async function refused(auth: unknown): Promise<{ message: string; data?: { code: string } }> {
    const s = io(h.url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      return await new Promise((resolve, reject) => {
        s.on('connect_error', (e) => resolve(e as never));
        s.on('connect', () => reject(new Error('connected without valid credentials')));
      });
    } finally {
      s.close();
    }
  }

  it('refuses missing, wrong and revoked credentials and another protocol version', async () => {
    expect((await refused(undefined)).data?.code).toBe('UNAUTHENTICATED');
    expect((await refused({ protocolVersion: PROTOCOL_VERSION, kind: 'device', token: 'x'.repeat(40) })).data?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await refused({ protocolVersion: PROTOCOL_VERSION, kind: 'password', username: 'canbo1', password: 'wrong' })).data?.code,
    ).toBe('UNAUTHENTICATED');
    const version = await refused({ protocolVersion: PROTOCOL_VERSION + 1, kind: 'device', token: h.creds.kioskToken });
    expect(version.data?.code).toBe('PROTOCOL_VERSION');
    h.store.db.prepare("UPDATE devices SET revoked_at = 1 WHERE id = 'display-1'").run();
    expect((await refused({ protocolVersion: PROTOCOL_VERSION, kind: 'device', token: h.creds.displayToken })).data?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('locks an account after five wrong passwords, even for the right one', async () => {
    for (let i = 0; i < 5; i += 1) {
      await refused({ protocolVersion: PROTOCOL_VERSION, kind: 'password', username: 'canbo3', password: `bad-${i}` });
    }
    const right = h.creds.officers.find((o) => o.username === 'canbo3')?.password ?? '';
    const locked = await refused({ protocolVersion: PROTOCOL_VERSION, kind: 'password', username: 'canbo3', password: right });
    expect(locked.data?.code).toBe('ACCOUNT_LOCKED');
    h.clock.advance(16 * 60_000);
    const ok = new TestClient(h.url, { kind: 'password', username: 'canbo3', password: right });
    expect((await ok.ready()).identity.name).toBe('Lê Thị Hương');
    ok.close();
  });
});
