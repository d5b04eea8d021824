import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './store';
import { MINUTE, T0, openTempStore, type TempStore } from './test-fixtures';

let env: TempStore;
let store: Store;

beforeEach(() => {
  env = openTempStore();
  store = env.store;
});
afterEach(() => env.cleanup());

const KIOSK = 'kiosk:kiosk-1';
const OFFICER = 'officer:o1';
const result = { ticket: { id: 't1', number: 'A-001' }, peopleAhead: 4, estimatedWaitMinutes: null };

describe('IdempotencyRepo', () => {
  it('get is null for a key never used', () => {
    expect(store.idempotency.get(KIOSK, 'key-00000001')).toBeNull();
  });

  it('put then get returns the command and the first result', () => {
    store.idempotency.put(KIOSK, 'key-00000001', 'ticket:issue', result, T0);
    expect(store.idempotency.get(KIOSK, 'key-00000001')).toEqual({ command: 'ticket:issue', result });
  });

  it('keeps null and plain values as results', () => {
    store.idempotency.put(OFFICER, 'call-00000001', 'counter:callNext', { ticket: null, counterNumber: 2 }, T0);
    store.idempotency.put(OFFICER, 'call-00000002', 'counter:callNext', null, T0);
    expect(store.idempotency.get(OFFICER, 'call-00000001')?.result).toEqual({ ticket: null, counterNumber: 2 });
    expect(store.idempotency.get(OFFICER, 'call-00000002')).toEqual({ command: 'counter:callNext', result: null });
  });

  it('keys are per scope: the same key from another actor is a different command', () => {
    store.idempotency.put(KIOSK, 'same-key-0001', 'ticket:issue', result, T0);
    expect(store.idempotency.get(OFFICER, 'same-key-0001')).toBeNull();
    store.idempotency.put(OFFICER, 'same-key-0001', 'counter:callNext', { ticket: null, counterNumber: 1 }, T0);
    expect(store.idempotency.get(KIOSK, 'same-key-0001')?.command).toBe('ticket:issue');
    expect(store.idempotency.get(OFFICER, 'same-key-0001')?.command).toBe('counter:callNext');
  });

  it('a second put of the same scope and key fails and the first result stays', () => {
    store.idempotency.put(KIOSK, 'key-00000001', 'ticket:issue', result, T0);
    expect(() => store.idempotency.put(KIOSK, 'key-00000001', 'ticket:issue', { other: true }, T0 + 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(store.idempotency.get(KIOSK, 'key-00000001')?.result).toEqual(result);
  });

  it('pruneBefore removes entries created strictly before the time and returns how many', () => {
    store.idempotency.put(KIOSK, 'old-00000001', 'ticket:issue', result, T0 - 2 * MINUTE);
    store.idempotency.put(KIOSK, 'old-00000002', 'ticket:issue', result, T0 - 1);
    store.idempotency.put(KIOSK, 'edge-0000001', 'ticket:issue', result, T0);
    store.idempotency.put(OFFICER, 'new-00000001', 'counter:callNext', null, T0 + MINUTE);

    expect(store.idempotency.pruneBefore(T0)).toBe(2);
    expect(store.idempotency.get(KIOSK, 'old-00000001')).toBeNull();
    expect(store.idempotency.get(KIOSK, 'old-00000002')).toBeNull();
    expect(store.idempotency.get(KIOSK, 'edge-0000001')?.result).toEqual(result);
    expect(store.idempotency.get(OFFICER, 'new-00000001')).toEqual({ command: 'counter:callNext', result: null });
    expect(store.idempotency.pruneBefore(T0)).toBe(0);
  });

  it('an erasure reduces result-pickup records of the old form (with the masked name) to the dossier code', () => {
    const old = { ...result, dossier: { code: 'H26-261123-0001', maskedName: 'Nguyễn V** B', procedureName: 'Khai sinh' } };
    const other = { ...result, dossier: { code: 'H26-261123-0002', maskedName: 'Trần T** H', procedureName: 'Khai tử' } };
    store.idempotency.put(KIOSK, 'pickup-0001', 'ticket:issuePickup#abc', old, T0);
    store.idempotency.put(KIOSK, 'pickup-0002', 'ticket:issuePickup#def', other, T0);
    store.idempotency.put(KIOSK, 'issue-0001', 'ticket:issue#ghi', { ...result, dossier: { code: 'H26-261123-0001' } }, T0);
    expect(store.idempotency.reducePickupRecords(['H26-261123-0001'])).toBe(1);
    expect(store.idempotency.get(KIOSK, 'pickup-0001')?.result).toEqual({ ...result, dossierCode: 'H26-261123-0001', withKey: true });
    expect(store.idempotency.get(KIOSK, 'pickup-0002')?.result).toEqual(other);
    expect(store.idempotency.get(KIOSK, 'issue-0001')?.result).toEqual({ ...result, dossier: { code: 'H26-261123-0001' } });
  });
});
