import { DomainError, type Clock } from '@qms/core';
import type { OfficerRecord, Store } from '@qms/store';
import type { AddressLimiter } from './address-limiter';
import { hashToken, newToken, verifyPassword } from './secrets';

export interface LoginPolicy {
  maxFailedLogins: number;
  lockoutMs: number;
  sessionTtlMs: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  maxFailedLogins: 5,
  lockoutMs: 15 * 60_000,
  sessionTtlMs: 14 * 3600_000,
};

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Checks a username and password, counting failures: after `maxFailedLogins` in a row the
 * account is locked for `lockoutMs`. Errors do not reveal whether the username exists.
 */
export async function checkPassword(
  store: Store,
  clock: Clock,
  policy: LoginPolicy,
  username: string,
  password: string,
  guard?: { limiter: AddressLimiter; address: string },
): Promise<OfficerRecord> {
  guard?.limiter.check(guard.address);
  // every attempt is counted before the slow check, so parallel guesses cannot overrun a limit
  guard?.limiter.recordFailure(guard.address);
  const officer = store.accounts.officerByUsername(username);
  const now = clock.now();
  if (officer?.lockedUntil != null && officer.lockedUntil > now) {
    throw new DomainError('ACCOUNT_LOCKED', 'Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần; thử lại sau.', {
      lockedUntil: officer.lockedUntil,
    });
  }
  if (officer) {
    // an expired lock starts a fresh count
    if (officer.lockedUntil !== null) store.accounts.recordLoginResult(officer.id, 0, null);
    store.accounts.countAttempt(officer.id, now, policy.maxFailedLogins, policy.lockoutMs);
  }
  // an unknown username costs the same scrypt work, so timing does not reveal which usernames exist
  const good = await verifyPassword(password, officer?.passwordHash ?? DUMMY_HASH);
  if (!officer || !good || !officer.enabled) throw new DomainError('UNAUTHENTICATED', 'Sai tên đăng nhập hoặc mật khẩu.');
  store.accounts.recordLoginResult(officer.id, 0, null);
  guard?.limiter.forgive(guard.address);
  return officer;
}

/** Creates a session for an officer; returns the bearer token (only its hash is stored). */
export function createSession(store: Store, clock: Clock, policy: LoginPolicy, officerId: string) {
  const token = newToken();
  const now = clock.now();
  const expiresAt = now + policy.sessionTtlMs;
  store.accounts.createSession(hashToken(token), officerId, now, expiresAt);
  return { token, expiresAt };
}
