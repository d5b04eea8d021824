import { describe, expect, it } from 'vitest';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets';

describe('secrets', () => {
  it('scrypt hashes verify only the right password, and are salted', async () => {
    const a = await hashPassword('Mật-khẩu 1');
    const b = await hashPassword('Mật-khẩu 1');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('Mật-khẩu 1', a)).toBe(true);
    // NFC and NFD spellings of the same Vietnamese password are the same password
    expect(await verifyPassword('Mật-khẩu 1'.normalize('NFD'), a)).toBe(true);
    expect(await verifyPassword('Mật-khẩu 2', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('tokens are random and stored as sha-256 hex', () => {
    const t = newToken();
    expect(t).toMatch(/^[\w-]{43}$/);
    expect(newToken()).not.toBe(t);
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).toBe(hashToken(t));
  });
});
