/** Builders and a temp-file store shared by the unit tests (not exported from the package). */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issuedTicket, type Counter, type Field, type Site, type Ticket } from '@qms/core';
import type { Device, OfficerRecord } from './account-repo';
import { openDatabase } from './db';
import { migrate } from './migrate';
import { Store } from './store';

export const T0 = Date.UTC(2026, 10, 23, 1, 0, 0); // 08:00 in Hanoi, Monday 2026-11-23
export const DAY = '2026-11-23';
export const MINUTE = 60_000;

/** A fresh folder under the OS temp dir; the caller removes it. */
export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'qms-store-test-'));
}

export interface TempStore {
  dir: string;
  path: string;
  /** The store opened last (see `reopen`). */
  store: Store;
  /** Closes the current store and opens the same file again. */
  reopen(): Store;
  /** Closes every store opened here and deletes the folder. */
  cleanup(): void;
}

/** A migrated store over a real SQLite file in a new temp folder. */
export function openTempStore(): TempStore {
  const dir = makeTempDir();
  const path = join(dir, 'hub.sqlite');
  const opened: Store[] = [];
  const open = (): Store => {
    const db = openDatabase(path);
    migrate(db);
    const store = new Store(db);
    opened.push(store);
    return store;
  };
  const t: TempStore = {
    dir,
    path,
    store: open(),
    reopen: () => {
      t.store.close();
      t.store = open();
      return t.store;
    },
    cleanup: () => {
      for (const s of opened) s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** What a hub stores for a device or session token: the SHA-256 of it, hex. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function makeSite(overrides: Partial<Site> = {}): Site {
  return {
    id: 'site-1',
    name: 'Bộ phận Một cửa UBND phường Ba Đình',
    agencyCode: '000.00.00.H26',
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, open: '07:30', close: '11:30' },
      { weekday, open: '13:30', close: '17:00' },
    ]),
    priority: { enabledGroups: ['elderly', 'disability'], maxConsecutivePriority: 2 },
    ...overrides,
  };
}

export function makeField(overrides: Partial<Field> = {}): Field {
  return {
    id: 'f-land',
    code: 'DD',
    nameVi: 'Đất đai',
    nameEn: 'Land',
    hintVi: 'Cấp giấy chứng nhận, chuyển nhượng',
    hintEn: 'Land certificates, transfers',
    icon: 'land',
    numberFormat: { style: 'prefixed', prefix: 'A', rangeStart: 1, rangeEnd: 999, pad: 3 },
    sortOrder: 1,
    enabled: true,
    defaultServiceMinutes: 15,
    ...overrides,
  };
}

/** Three fields: land (A), civil status (B), certification (numeric, 1001…). */
export const FIELDS: Field[] = [
  makeField(),
  makeField({
    id: 'f-civil',
    code: 'TP',
    nameVi: 'Tư pháp – Hộ tịch',
    nameEn: 'Justice – Civil status',
    icon: 'civil',
    numberFormat: { style: 'prefixed', prefix: 'B', rangeStart: 1, rangeEnd: 999, pad: 3 },
    sortOrder: 2,
    defaultServiceMinutes: 10,
  }),
  makeField({
    id: 'f-cert',
    code: 'CT',
    nameVi: 'Chứng thực',
    nameEn: 'Certification',
    hintVi: '',
    hintEn: '',
    icon: '',
    numberFormat: { style: 'numeric', prefix: '', rangeStart: 1001, rangeEnd: 1999, pad: 0 },
    sortOrder: 3,
    enabled: false,
    defaultServiceMinutes: 5,
  }),
];

export function makeOfficer(overrides: Partial<OfficerRecord> = {}): OfficerRecord {
  return {
    id: 'o1',
    username: 'lan.nguyen',
    fullName: 'Nguyễn Thị Lan',
    role: 'officer',
    enabled: true,
    passwordHash: 'scrypt$16384$8$1$bGFuLXNhbHQ$bGFuLWhhc2gtdmFsdWU',
    failedLogins: 0,
    lockedUntil: null,
    accountVersion: 0,
    ...overrides,
  };
}

export const OFFICERS: OfficerRecord[] = [
  makeOfficer(),
  makeOfficer({
    id: 'o2',
    username: 'minh.tran',
    fullName: 'Trần Văn Minh',
    passwordHash: 'scrypt$16384$8$1$bWluaC1zYWx0$bWluaC1oYXNoLXZhbHVl',
  }),
  makeOfficer({
    id: 'admin',
    username: 'admin',
    fullName: 'Quản trị viên',
    role: 'admin',
    passwordHash: 'scrypt$16384$8$1$YWRtaW4tc2FsdA$YWRtaW4taGFzaA',
  }),
];

export function makeCounter(overrides: Partial<Counter> = {}): Counter {
  return {
    id: 'c1',
    number: 1,
    name: 'Quầy 1',
    kind: 'receiving',
    fieldIds: ['f-land', 'f-civil'],
    status: 'closed',
    officerId: null,
    consecutivePriorityCalls: 0,
    enabled: true,
    ...overrides,
  };
}

/** Field order is deliberately not alphabetical, so a lost `rank` shows. */
export const COUNTERS: Counter[] = [
  makeCounter(),
  makeCounter({ id: 'c2', number: 2, name: 'Quầy 2', fieldIds: ['f-cert', 'f-land', 'f-civil'] }),
  makeCounter({ id: 'c3', number: 3, name: 'Quầy hướng dẫn', kind: 'guidance', fieldIds: [] }),
];

export function makeDevice(overrides: Partial<Device> = {}): Device {
  return {
    id: 'kiosk-1',
    kind: 'kiosk',
    name: 'Ki-ốt sảnh chính',
    settings: { printer: { kind: 'escpos', width: 80 }, locale: 'vi' },
    createdAt: T0,
    revokedAt: null,
    ...overrides,
  };
}

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  const base = { id: 't1', serviceDay: DAY, fieldId: 'f-land', seq: 1, number: 'A-001', priorityGroup: null };
  return { ...issuedTicket({ ...base, issuedAt: T0, source: 'kiosk', issuedBy: 'kiosk-1' }), ...overrides };
}

/** Site, fields, officers and counters, so tickets can reference them. */
export function seedConfig(store: Store): void {
  store.transaction(() => {
    store.config.saveSite(makeSite(), T0);
    for (const f of FIELDS) store.config.saveField(f);
    for (const o of OFFICERS) store.accounts.saveOfficer(o, T0);
    for (const c of COUNTERS) store.config.saveCounter(c);
  });
}
