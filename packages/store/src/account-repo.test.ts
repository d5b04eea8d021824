import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfficerRecord } from './account-repo';
import type { Store } from './store';
import { MINUTE, OFFICERS, T0, makeDevice, makeOfficer, openTempStore, tokenHash, type TempStore } from './test-fixtures';

let env: TempStore;
let store: Store;

beforeEach(() => {
  env = openTempStore();
  store = env.store;
});
afterEach(() => env.cleanup());

describe('officers', () => {
  beforeEach(() => {
    for (const o of OFFICERS) store.accounts.saveOfficer(o, T0);
  });

  it('round-trip by id and by username, password hash included', () => {
    for (const o of OFFICERS) {
      expect(store.accounts.officerById(o.id)).toEqual(o);
      expect(store.accounts.officerByUsername(o.username)).toEqual(o);
    }
  });

  it('usernames are matched without regard to case, and are unique that way', () => {
    expect(store.accounts.officerByUsername('LAN.Nguyen')?.id).toBe('o1');
    expect(() => store.accounts.saveOfficer(makeOfficer({ id: 'o9', username: 'Lan.Nguyen' }), T0)).toThrow(/UNIQUE/);
  });

  it('return null when unknown', () => {
    expect(store.accounts.officerById('nope')).toBeNull();
    expect(store.accounts.officerByUsername('nope')).toBeNull();
  });

  it('officers() lists everyone by username', () => {
    store.accounts.saveOfficer(makeOfficer({ id: 'o0', username: 'vu.hoang', fullName: 'Hoàng Văn Vũ' }), T0);
    expect(store.accounts.officers().map((o) => o.username)).toEqual(['admin', 'lan.nguyen', 'minh.tran', 'vu.hoang']);
  });

  it('saving again updates profile, role, hash and enabled, but not the login counters', () => {
    store.accounts.recordLoginResult('o1', 3, T0 + 15 * MINUTE);
    const changed = makeOfficer({
      username: 'lan.nt',
      fullName: 'Nguyễn Thị Lan (Tư pháp)',
      role: 'admin',
      enabled: false,
      passwordHash: 'scrypt$16384$8$1$bmV3LXNhbHQ$bmV3LWhhc2g',
      failedLogins: 0,
      lockedUntil: null,
    });
    store.accounts.saveOfficer(changed, T0 + MINUTE);
    expect(store.accounts.officerById('o1')).toEqual({ ...changed, failedLogins: 3, lockedUntil: T0 + 15 * MINUTE });
    expect(store.accounts.officerByUsername('lan.nguyen')).toBeNull();
  });

  it('a new officer starts with the login counters given', () => {
    const locked = makeOfficer({ id: 'o7', username: 'khoa', failedLogins: 5, lockedUntil: T0 + MINUTE });
    store.accounts.saveOfficer(locked, T0);
    expect(store.accounts.officerById('o7')).toEqual(locked);
  });

  it('recordLoginResult sets and clears failed logins and the lock', () => {
    store.accounts.recordLoginResult('o2', 5, T0 + 15 * MINUTE);
    expect(store.accounts.officerById('o2')).toMatchObject({ failedLogins: 5, lockedUntil: T0 + 15 * MINUTE });
    store.accounts.recordLoginResult('o2', 0, null);
    expect(store.accounts.officerById('o2')).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect(store.accounts.officerById('o1')).toEqual(OFFICERS[0]);
  });

  it('roles other than officer and admin are refused by the schema', () => {
    const kiosk = { ...makeOfficer({ id: 'o8', username: 'kiosk' }), role: 'kiosk' } as unknown as OfficerRecord;
    expect(() => store.accounts.saveOfficer(kiosk, T0)).toThrow(/CHECK/);
  });
});

describe('sessions', () => {
  const hash = tokenHash('session-token-of-lan-0123456789');
  const expiresAt = T0 + 8 * 60 * MINUTE;

  beforeEach(() => {
    for (const o of OFFICERS) store.accounts.saveOfficer(o, T0);
    store.accounts.createSession(hash, 'o1', T0, expiresAt);
  });

  it('sessionOfficer returns the officer of a live session', () => {
    expect(store.accounts.sessionOfficer(hash, T0)).toEqual(OFFICERS[0]);
    expect(store.accounts.sessionOfficer(hash, expiresAt - 1)).toEqual(OFFICERS[0]);
  });

  it('a session is dead from its expiry time on', () => {
    expect(store.accounts.sessionOfficer(hash, expiresAt)).toBeNull();
    expect(store.accounts.sessionOfficer(hash, expiresAt + MINUTE)).toBeNull();
  });

  it('a revoked session is dead, and revoking again keeps the first revocation time', () => {
    const other = tokenHash('session-token-of-minh-0123456789');
    store.accounts.createSession(other, 'o2', T0, expiresAt);
    store.accounts.revokeSession(hash, T0 + MINUTE);
    expect(store.accounts.sessionOfficer(hash, T0 + 2 * MINUTE)).toBeNull();
    expect(store.accounts.sessionOfficer(other, T0 + 2 * MINUTE)?.id).toBe('o2');

    store.accounts.revokeSession(hash, T0 + 5 * MINUTE);
    expect(store.db.prepare('SELECT revoked_at FROM sessions WHERE token_hash = ?').get(hash)).toEqual({ revoked_at: T0 + MINUTE });
  });

  it('an unknown token finds nobody; the raw token is not the key', () => {
    expect(store.accounts.sessionOfficer(tokenHash('forged-token-000000000000'), T0)).toBeNull();
    expect(store.accounts.sessionOfficer('session-token-of-lan-0123456789', T0)).toBeNull();
  });

  it('a session dies when its account version moves on (account disabled, demoted or reset)', () => {
    store.accounts.bumpAccountVersion('o1');
    expect(store.accounts.sessionOfficer(hash, T0)).toBeNull();
  });

  it('openSession opens only for the account version and enabled state the password was checked against', () => {
    const next = tokenHash('session-token-of-lan-after-login');
    expect(store.accounts.openSession(next, 'o1', 1, T0, expiresAt)).toBe(false);
    expect(store.accounts.bumpAccountVersion('o1')).toBe(1);
    expect(store.accounts.openSession(next, 'o1', 0, T0, expiresAt)).toBe(false);
    expect(store.accounts.openSession(next, 'o1', 1, T0, expiresAt)).toBe(true);
    expect(store.accounts.sessionOfficer(next, T0)?.accountVersion).toBe(1);
    store.accounts.saveOfficer({ ...OFFICERS[1]!, enabled: false }, T0);
    expect(store.accounts.openSession(tokenHash('session-of-disabled-minh'), 'o2', 0, T0, expiresAt)).toBe(false);
    expect(store.accounts.openSession(tokenHash('session-of-nobody'), 'o-nope', 0, T0, expiresAt)).toBe(false);
  });

  it('a session must belong to an existing officer, and a token hash is used once', () => {
    expect(() => store.accounts.createSession(tokenHash('x'.repeat(20)), 'o-nope', T0, expiresAt)).toThrow(/FOREIGN KEY/);
    expect(() => store.accounts.createSession(hash, 'o2', T0, expiresAt)).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});

describe('devices', () => {
  const kioskHash = tokenHash('kiosk-token-0123456789abcdef');
  const displayHash = tokenHash('display-token-0123456789abcdef');
  const kiosk = makeDevice();
  const display = makeDevice({ id: 'display-1', kind: 'display', name: 'Màn hình phòng chờ', settings: { voice: 'vi-north', volume: 0.8 } });

  beforeEach(() => {
    store.accounts.saveDevice(kiosk, kioskHash);
    store.accounts.saveDevice(display, displayHash);
  });

  it('round-trip by token hash, settings included', () => {
    expect(store.accounts.deviceByTokenHash(kioskHash)).toEqual(kiosk);
    expect(store.accounts.deviceByTokenHash(displayHash)).toEqual(display);
    expect(store.accounts.deviceByTokenHash(tokenHash('unknown-token-0000000000'))).toBeNull();
  });

  it('a revoked device is not found by its token hash but is still listed', () => {
    const revoked = { ...kiosk, revokedAt: T0 + MINUTE };
    store.accounts.saveDevice(revoked, kioskHash);
    expect(store.accounts.deviceByTokenHash(kioskHash)).toBeNull();
    expect(store.accounts.devices()).toEqual([display, revoked]);
  });

  it('a new token replaces the old one', () => {
    const newHash = tokenHash('kiosk-token-rotated-000000000');
    store.accounts.saveDevice({ ...kiosk, name: 'Ki-ốt tầng 2' }, newHash);
    expect(store.accounts.deviceByTokenHash(kioskHash)).toBeNull();
    expect(store.accounts.deviceByTokenHash(newHash)).toEqual({ ...kiosk, name: 'Ki-ốt tầng 2' });
  });

  it('devices() lists by kind, then name', () => {
    const kiosk2 = makeDevice({ id: 'kiosk-2', name: 'Ki-ốt cửa phụ' });
    store.accounts.saveDevice(kiosk2, tokenHash('kiosk-2-token-000000000000'));
    expect(store.accounts.devices().map((d) => d.id)).toEqual(['display-1', 'kiosk-2', 'kiosk-1']);
  });

  it('two devices cannot share a token hash', () => {
    expect(() => store.accounts.saveDevice(makeDevice({ id: 'kiosk-3' }), kioskHash)).toThrow(/UNIQUE/);
  });
});
