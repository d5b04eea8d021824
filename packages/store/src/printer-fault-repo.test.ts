import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, makeDevice, openTempStore, tokenHash, type TempStore } from './test-fixtures';

let temp: TempStore;
beforeEach(() => {
  temp = openTempStore();
  temp.store.accounts.saveDevice(makeDevice({ id: 'kiosk-1' }), tokenHash('k1'));
  temp.store.accounts.saveDevice(makeDevice({ id: 'kiosk-2' }), tokenHash('k2'));
});
afterEach(() => temp.cleanup());

describe('PrinterFaultRepo', () => {
  it('records faults, lists open ones, resolves them per device', () => {
    const f = temp.store.printerFaults;
    f.record({ deviceId: 'kiosk-1', ticketId: 't1', fault: 'paper_out', message: 'Hết giấy', at: T0 });
    f.record({ deviceId: 'kiosk-2', ticketId: null, fault: 'offline', message: 'Máy in tắt', at: T0 + 1 });
    expect(f.open().map((x) => x.deviceId)).toEqual(['kiosk-1', 'kiosk-2']);
    expect(f.resolveOpen('kiosk-1', T0 + 10)).toBe(1);
    expect(f.resolveOpen('kiosk-1', T0 + 11)).toBe(0);
    expect(f.open().map((x) => x.deviceId)).toEqual(['kiosk-2']);
    expect(f.since(T0)).toHaveLength(2);
    expect(f.since(T0)[0]?.resolvedAt).toBe(T0 + 10);
  });

  it('refuses a fault for an unknown device (foreign key)', () => {
    expect(() => temp.store.printerFaults.record({ deviceId: 'nope', ticketId: null, fault: 'error', message: 'x', at: T0 })).toThrow();
  });
});
