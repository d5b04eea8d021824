import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import {
  COUNTERS,
  DAY,
  FIELDS,
  OFFICERS,
  T0,
  makeDevice,
  makeSite,
  makeTicket,
  openTempStore,
  seedConfig,
  tokenHash,
  type TempStore,
} from './test-fixtures';

let env: TempStore;

beforeEach(() => {
  env = openTempStore();
  seedConfig(env.store);
});
afterEach(() => env.cleanup());

const issuedEvent = {
  at: T0,
  type: 'ticket:issued',
  actorKind: 'kiosk' as const,
  actorId: 'kiosk-1',
  deviceId: 'kiosk-1',
  counterId: null,
  ticketId: 't1',
  data: { number: 'A-001' },
};

describe('Store.transaction', () => {
  it('commits everything and returns the function’s value', () => {
    const { store } = env;
    const value = store.transaction(() => {
      store.tickets.insert(makeTicket());
      const e = store.events.append(issuedEvent);
      store.idempotency.put('kiosk:kiosk-1', 'key-00000001', 'ticket:issue', { id: 't1' }, T0);
      return e.seq;
    });
    expect(value).toBe(1);
    expect(store.tickets.byId('t1')).toEqual(makeTicket());
    expect(store.events.lastSeq()).toBe(1);
    expect(store.idempotency.get('kiosk:kiosk-1', 'key-00000001')).not.toBeNull();
  });

  it('that throws leaves nothing behind and rethrows', () => {
    const { store } = env;
    const before = store.tickets.lastSeq(DAY, 'f-land');
    expect(() =>
      store.transaction(() => {
        store.tickets.insert(makeTicket());
        store.events.append(issuedEvent);
        store.idempotency.put('kiosk:kiosk-1', 'key-00000001', 'ticket:issue', { id: 't1' }, T0);
        store.config.updateCounterState({ id: 'c1', status: 'open', officerId: 'o1', consecutivePriorityCalls: 1 });
        throw new Error('printer on fire');
      }),
    ).toThrow('printer on fire');
    expect(store.tickets.byId('t1')).toBeNull();
    expect(store.tickets.lastSeq(DAY, 'f-land')).toBe(before);
    expect(store.events.lastSeq()).toBe(0);
    expect(store.idempotency.get('kiosk:kiosk-1', 'key-00000001')).toBeNull();
    expect(store.config.counterById('c1')).toEqual(COUNTERS[0]);
  });

  it('rolls back earlier writes when a later statement violates a constraint', () => {
    const { store } = env;
    store.tickets.insert(makeTicket({ id: 'first' }));
    expect(() =>
      store.transaction(() => {
        store.events.append({ ...issuedEvent, ticketId: 'second' });
        store.tickets.insert(makeTicket({ id: 'second' })); // same day, field and seq as 'first'
      }),
    ).toThrow(/UNIQUE/);
    expect(store.events.lastSeq()).toBe(0);
    expect(store.tickets.byId('second')).toBeNull();
  });

  it('is visible to a second connection only after commit', () => {
    const { store } = env;
    const reader = openDatabase(env.path);
    try {
      const count = (): unknown => reader.prepare('SELECT COUNT(*) AS n FROM tickets').get();
      store.transaction(() => {
        store.tickets.insert(makeTicket());
        expect(count()).toEqual({ n: 0 });
      });
      expect(count()).toEqual({ n: 1 });
    } finally {
      reader.close();
    }
  });
});

describe('durability', () => {
  it('everything written survives closing and reopening the file', () => {
    const { store } = env;
    const sessionHash = tokenHash('session-token-0123456789abcdef');
    const deviceHash = tokenHash('kiosk-token-0123456789abcdef');
    const called = makeTicket({ id: 't2', seq: 2, number: 'A-002', status: 'called', calledAt: T0 + 1, counterId: 'c1', officerId: 'o1', callCount: 1 });
    store.transaction(() => {
      store.tickets.insert(makeTicket());
      store.tickets.insert(called);
      store.events.append(issuedEvent);
      store.events.append({ ...issuedEvent, type: 'ticket:called', ticketId: 't2' });
      store.idempotency.put('kiosk:kiosk-1', 'key-00000001', 'ticket:issue', { id: 't1' }, T0);
      store.accounts.createSession(sessionHash, 'o1', T0, T0 + 3_600_000);
      store.accounts.saveDevice(makeDevice(), deviceHash);
      store.config.updateCounterState({ id: 'c1', status: 'open', officerId: 'o1', consecutivePriorityCalls: 1 });
    });

    const again = env.reopen();
    expect(store.db.open).toBe(false);
    expect(again.config.site()).toEqual(makeSite());
    expect(again.config.fields()).toEqual(FIELDS);
    expect(again.config.counters()).toEqual([{ ...COUNTERS[0], status: 'open', officerId: 'o1', consecutivePriorityCalls: 1 }, ...COUNTERS.slice(1)]);
    expect(again.accounts.officers()).toEqual([OFFICERS[2], OFFICERS[0], OFFICERS[1]]); // by username
    expect(again.accounts.sessionOfficer(sessionHash, T0 + 1)?.id).toBe('o1');
    expect(again.accounts.deviceByTokenHash(deviceHash)).toEqual(makeDevice());
    expect(again.tickets.active(DAY)).toEqual([makeTicket(), called]);
    expect(again.tickets.lastSeq(DAY, 'f-land')).toBe(2);
    expect(again.idempotency.get('kiosk:kiosk-1', 'key-00000001')).toEqual({ command: 'ticket:issue', result: { id: 't1' } });
    expect(again.events.lastSeq()).toBe(2);
    expect(again.events.append(issuedEvent).seq).toBe(3);
  });

  it('close() can be called twice', () => {
    env.store.close();
    expect(() => env.store.close()).not.toThrow();
  });
});
