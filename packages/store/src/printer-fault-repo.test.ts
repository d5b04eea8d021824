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

  it('counts a repeat on the open fault of that kiosk and kind instead of adding a row; a resolved one starts over', () => {
    const f = temp.store.printerFaults;
    const first = f.record({ deviceId: 'kiosk-1', ticketId: 't1', fault: 'paper_out', message: 'Hết giấy', at: T0 });
    const again = f.record({ deviceId: 'kiosk-1', ticketId: 't2', fault: 'paper_out', message: 'Vẫn hết giấy', at: T0 + 5 });
    const report = f.record({ deviceId: 'kiosk-1', ticketId: null, fault: 'paper_out', message: 'Báo lỗi', at: T0 + 9 });
    f.record({ deviceId: 'kiosk-1', ticketId: 't3', fault: 'offline', message: 'Máy in tắt', at: T0 + 10 });
    f.record({ deviceId: 'kiosk-2', ticketId: 't4', fault: 'paper_out', message: 'Hết giấy', at: T0 + 11 });
    expect(first).toMatchObject({ count: 1, at: T0, lastSeenAt: T0 });
    expect(again).toMatchObject({ id: first.id, count: 2, at: T0, lastSeenAt: T0 + 5, ticketId: 't2', message: 'Vẫn hết giấy' });
    expect(report).toMatchObject({ id: first.id, count: 3, lastSeenAt: T0 + 9, ticketId: 't2', message: 'Báo lỗi' });
    expect(f.open().map((x) => [x.deviceId, x.fault, x.count])).toEqual([
      ['kiosk-1', 'paper_out', 3],
      ['kiosk-1', 'offline', 1],
      ['kiosk-2', 'paper_out', 1],
    ]);
    f.resolveOpen('kiosk-1', T0 + 20);
    const next = f.record({ deviceId: 'kiosk-1', ticketId: 't5', fault: 'paper_out', message: 'Hết giấy', at: T0 + 30 });
    expect(next.id).not.toBe(first.id);
    expect(next.count).toBe(1);
    expect(f.since(T0)).toHaveLength(4);
  });

  it('refuses a fault for an unknown device (foreign key)', () => {
    expect(() => temp.store.printerFaults.record({ deviceId: 'nope', ticketId: null, fault: 'error', message: 'x', at: T0 })).toThrow();
  });
});
