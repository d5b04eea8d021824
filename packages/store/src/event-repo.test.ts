import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventInput } from './event-repo';
import type { Store } from './store';
import { T0, openTempStore, type TempStore } from './test-fixtures';

let env: TempStore;
let store: Store;

beforeEach(() => {
  env = openTempStore();
  store = env.store;
});
afterEach(() => env.cleanup());

function event(overrides: Partial<EventInput> = {}): EventInput {
  return {
    at: T0,
    type: 'ticket:issued',
    actorKind: 'kiosk',
    actorId: 'kiosk-1',
    deviceId: 'kiosk-1',
    counterId: null,
    ticketId: 't1',
    data: { number: 'A-001', fieldId: 'f-land', priorityGroup: null },
    ...overrides,
  };
}

describe('append / lastSeq / after / forTicket', () => {
  it('lastSeq is 0 for an empty log', () => {
    expect(store.events.lastSeq()).toBe(0);
    expect(store.events.after(0)).toEqual([]);
  });

  it('append numbers events 1, 2, 3 … and returns what was stored', () => {
    const a = store.events.append(event());
    const b = store.events.append(
      event({ at: T0 + 1, type: 'ticket:called', actorKind: 'officer', actorId: 'o1', deviceId: null, counterId: 'c1' }),
    );
    const c = store.events.append(event({ at: T0 + 2, type: 'counter:changed', actorKind: 'system', actorId: null, deviceId: null, ticketId: null, data: null }));
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    expect(a).toEqual({ ...event(), seq: 1 });
    expect(store.events.lastSeq()).toBe(3);
    expect(store.events.after(0)).toEqual([a, b, c]);
  });

  it('round-trips structured data', () => {
    const data = { ticket: { id: 't1', number: 'A-001', note: 'Hồ sơ đất đai' }, stats: [{ fieldId: 'f-land', waiting: 3 }], recall: false };
    const stored = store.events.append(event({ data }));
    expect(store.events.after(0)).toEqual([{ ...event({ data }), seq: stored.seq }]);
  });

  it('after(seq) returns only later events, in order, up to the limit', () => {
    for (let i = 0; i < 5; i++) store.events.append(event({ at: T0 + i }));
    expect(store.events.after(2).map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(store.events.after(2, 2).map((e) => e.seq)).toEqual([3, 4]);
    expect(store.events.after(5)).toEqual([]);
  });

  it('forTicket returns one ticket’s history in order', () => {
    store.events.append(event({ ticketId: 't1' }));
    store.events.append(event({ ticketId: 't2' }));
    store.events.append(event({ ticketId: 't1', type: 'ticket:called' }));
    store.events.append(event({ ticketId: null, type: 'counter:changed' }));
    expect(store.events.forTicket('t1').map((e) => [e.seq, e.type])).toEqual([
      [1, 'ticket:issued'],
      [3, 'ticket:called'],
    ]);
    expect(store.events.forTicket('t9')).toEqual([]);
  });
});

describe('append-only', () => {
  beforeEach(() => {
    store.events.append(event());
    store.events.append(event({ type: 'ticket:called' }));
  });

  it('UPDATE raises and changes nothing', () => {
    expect(() => store.db.prepare("UPDATE events SET type = 'forged' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(store.events.after(0).map((e) => e.type)).toEqual(['ticket:issued', 'ticket:called']);
  });

  it('DELETE raises and removes nothing', () => {
    expect(() => store.db.prepare('DELETE FROM events WHERE seq = 2').run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(store.events.lastSeq()).toBe(2);
  });

  it('a rolled-back append leaves no gap in the sequence', () => {
    expect(() =>
      store.transaction(() => {
        store.events.append(event({ type: 'ticket:cancelled' }));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(store.events.lastSeq()).toBe(2);
    expect(store.events.append(event()).seq).toBe(3);
  });
});
