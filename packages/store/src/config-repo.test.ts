import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './store';
import { COUNTERS, FIELDS, T0, makeCounter, makeField, makeSite, openTempStore, seedConfig, type TempStore } from './test-fixtures';

let env: TempStore;
let store: Store;

beforeEach(() => {
  env = openTempStore();
  store = env.store;
});
afterEach(() => env.cleanup());

describe('site', () => {
  it('is null before configuration', () => {
    expect(store.config.site()).toBeNull();
  });

  it('round-trips, opening hours and priority policy included', () => {
    const site = makeSite();
    store.config.saveSite(site, T0);
    expect(store.config.site()).toEqual(site);
  });

  it('keeps the receipt’s place; a site saved without one keeps it, an empty one clears it', () => {
    store.config.saveSite(makeSite({ place: ' Hà Nội ' }), T0);
    expect(store.config.site()?.place).toBe('Hà Nội');
    store.config.saveSite(makeSite(), T0 + 1);
    expect(store.config.site()?.place).toBe('Hà Nội');
    store.config.saveSite(makeSite({ place: '' }), T0 + 2);
    expect(store.config.site()).toEqual(makeSite());
  });

  it('saving again updates the one row', () => {
    store.config.saveSite(makeSite(), T0);
    const changed = makeSite({
      name: 'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm',
      agencyCode: '000.00.01.H26',
      openingHours: [{ weekday: 6, open: '07:30', close: '11:30' }],
      priority: { enabledGroups: ['elderly', 'disability', 'pregnant', 'young_child', 'meritorious'], maxConsecutivePriority: 0 },
    });
    store.config.saveSite(changed, T0 + 1);
    expect(store.config.site()).toEqual(changed);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM site').get()).toEqual({ n: 1 });
  });
});

describe('fields', () => {
  it('round-trip in sort order, both number styles, enabled and disabled', () => {
    for (const f of [...FIELDS].reverse()) store.config.saveField(f);
    expect(store.config.fields()).toEqual(FIELDS);
  });

  it('with equal sort order come by code', () => {
    store.config.saveField(makeField({ id: 'x', code: 'ZZ', sortOrder: 1 }));
    store.config.saveField(makeField({ id: 'y', code: 'AA', sortOrder: 1 }));
    store.config.saveField(makeField({ id: 'z', code: 'MM', sortOrder: 0 }));
    expect(store.config.fields().map((f) => f.id)).toEqual(['z', 'y', 'x']);
  });

  it('saving an existing id updates it in place', () => {
    store.config.saveField(makeField());
    const changed = makeField({
      nameVi: 'Đất đai – Xây dựng',
      numberFormat: { style: 'numeric', prefix: '', rangeStart: 5000, rangeEnd: 5999, pad: 0 },
      enabled: false,
      defaultServiceMinutes: 25,
    });
    store.config.saveField(changed);
    expect(store.config.fields()).toEqual([changed]);
  });

  it('codes are unique', () => {
    store.config.saveField(makeField());
    expect(() => store.config.saveField(makeField({ id: 'other' }))).toThrow(/UNIQUE/);
  });
});

describe('counters', () => {
  beforeEach(() => seedConfig(store));

  it('round-trip in number order with each counter’s fields in the order given', () => {
    expect(store.config.counters()).toEqual(COUNTERS);
    expect(store.config.counterById('c2')?.fieldIds).toEqual(['f-cert', 'f-land', 'f-civil']);
    expect(store.config.counterById('c3')?.fieldIds).toEqual([]);
  });

  it('counterById returns null for an unknown id', () => {
    expect(store.config.counterById('nope')).toBeNull();
  });

  it('saving again replaces the field list and its order', () => {
    store.config.saveCounter(makeCounter({ fieldIds: ['f-civil', 'f-cert'], name: 'Quầy 1 – Hộ tịch' }));
    expect(store.config.counterById('c1')).toEqual(makeCounter({ fieldIds: ['f-civil', 'f-cert'], name: 'Quầy 1 – Hộ tịch' }));
    store.config.saveCounter(makeCounter({ fieldIds: [] }));
    expect(store.config.counterById('c1')?.fieldIds).toEqual([]);
  });

  it('updateCounterState stores the live state', () => {
    store.config.updateCounterState({ id: 'c1', status: 'open', officerId: 'o1', consecutivePriorityCalls: 2 });
    expect(store.config.counterById('c1')).toEqual({ ...COUNTERS[0], status: 'open', officerId: 'o1', consecutivePriorityCalls: 2 });
    store.config.updateCounterState({ id: 'c1', status: 'paused', officerId: null, consecutivePriorityCalls: 0 });
    expect(store.config.counterById('c1')).toEqual({ ...COUNTERS[0], status: 'paused', officerId: null, consecutivePriorityCalls: 0 });
  });

  it('saving configuration does not touch the live state of a counter in use', () => {
    store.config.updateCounterState({ id: 'c1', status: 'open', officerId: 'o1', consecutivePriorityCalls: 1 });
    store.config.saveCounter(makeCounter({ name: 'Quầy 1 (mới)', status: 'closed', officerId: null, consecutivePriorityCalls: 0 }));
    expect(store.config.counterById('c1')).toMatchObject({ name: 'Quầy 1 (mới)', status: 'open', officerId: 'o1', consecutivePriorityCalls: 1 });
  });

  it('saveCounter is all-or-nothing on its own: a bad field id leaves the counter as it was', () => {
    const bad = makeCounter({ name: 'Quầy 1 (sửa)', fieldIds: ['f-cert', 'f-nope'] });
    expect(() => store.config.saveCounter(bad)).toThrow(/FOREIGN KEY/);
    expect(store.config.counterById('c1')).toEqual(COUNTERS[0]);
  });

  it('rejects unknown fields and officers, and duplicate counter numbers', () => {
    expect(() => store.transaction(() => store.config.saveCounter(makeCounter({ fieldIds: ['f-land', 'f-nope'] })))).toThrow(
      /FOREIGN KEY/,
    );
    expect(store.config.counterById('c1')?.fieldIds).toEqual(['f-land', 'f-civil']);
    expect(() => store.config.updateCounterState({ id: 'c1', status: 'open', officerId: 'o-nope', consecutivePriorityCalls: 0 })).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => store.config.saveCounter(makeCounter({ id: 'c9', number: 1 }))).toThrow(/UNIQUE/);
  });
});
