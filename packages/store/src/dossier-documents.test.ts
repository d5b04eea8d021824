/** The documents of a procedure's catalog entry and those received with a dossier (0014), as the store keeps them. */
import type { Dossier, ReceivedDocument } from '@qms/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './store';
import { T0, openTempStore, seedConfig, type TempStore } from './test-fixtures';

let temp: TempStore;
let store: Store;
beforeEach(() => {
  temp = openTempStore();
  store = temp.store;
  seedConfig(store);
});
afterEach(() => temp.cleanup());

const DOCS: ReceivedDocument[] = [
  { name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', form: 'original', quantity: 1 },
  { name: 'Giấy tờ chứng minh chỗ ở hợp pháp', form: 'copy', quantity: 2 },
];

const dossier = (over: Partial<Dossier> = {}): Dossier => ({
  id: 'd1', code: '000.00.00.H26-261123-0001', procedureId: 'p1', fieldId: 'f-land', channel: 'counter', ticketId: null,
  applicant: { fullName: 'Nguyễn Văn An', cccd: null, phone: null, birthDate: null, address: null },
  receivedAt: T0, dueDate: '2026-11-26', status: 'processing', resolvedAt: null, returnedAt: null, counterId: null, officerId: null, note: null,
  ...over,
});

describe('documents (thành phần hồ sơ)', () => {
  it('a procedure keeps its catalog list; without one it has none', () => {
    store.dossiers.saveProcedure({ id: 'p1', fieldId: 'f-land', code: 'TT', name: 'Đăng ký tạm trú', processingDays: 3, fee: 0, enabled: true, documents: DOCS });
    store.dossiers.saveProcedure({ id: 'p2', fieldId: 'f-land', code: 'KS', name: 'Đăng ký khai sinh', processingDays: 0, fee: 0, enabled: true });
    const [p1, p2] = ['p1', 'p2'].map((id) => store.dossiers.procedures().find((p) => p.id === id));
    expect(p1?.documents).toEqual(DOCS);
    expect(p2?.documents).toBeUndefined();
  });

  it('a dossier is stored with the documents received, and they can be changed later', () => {
    store.dossiers.saveProcedure({ id: 'p1', fieldId: 'f-land', code: 'TT', name: 'Đăng ký tạm trú', processingDays: 3, fee: 0, enabled: true });
    store.dossiers.insert(dossier({ documents: DOCS.slice(0, 1) }), '2026-11-23', 1);
    expect(store.dossiers.byId('d1')).toEqual(dossier({ documents: DOCS.slice(0, 1) }));
    store.dossiers.setDocuments('d1', DOCS);
    expect(store.dossiers.byId('d1')?.documents).toEqual(DOCS);
    store.dossiers.setDocuments('d1', []);
    expect(store.dossiers.byId('d1')).toEqual(dossier());
  });
});
