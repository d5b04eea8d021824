import type { Clock } from '@qms/core';
import type { OfficerRecord, Store } from '@qms/store';
import type { LoginAttempt, LoginGuard } from './login-guard';
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

export interface LoginDeps {
  store: Store;
  clock: Clock;
  policy: LoginPolicy;
  guard: LoginGuard;
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Checks a username and password, counting failures: after `maxFailedLogins` in a row the
 * account is locked for `lockoutMs`. A username without an account is counted and locked the
 * same way (in memory), so no answer reveals whether a username exists. The decision is made on
 * the account as it is AFTER the slow hash: if it was disabled, demoted or reset meanwhile (its
 * version moved on), the login fails. Returns the account as it is now.
 */
export async function checkPassword(d: LoginDeps, given: LoginAttempt, password: string): Promise<OfficerRecord> {
  const officer = d.store.accounts.officerByUsername(given.username);
  // the logs name a username only when it is an account's (a typed CCCD or password is not logged)
  const attempt: LoginAttempt = { ...given, accountExists: officer !== null };
  d.guard.admitAddress(attempt);
  const now = d.clock.now();
  const lock = officer ? officer.lockedUntil : d.guard.unknownAccounts.lockedUntil(attempt.username);
  if (lock !== null && lock > now) d.guard.locked(attempt, lock);
  d.guard.admitUsername(attempt);
  const { maxFailedLogins: max, lockoutMs } = d.policy;
  let count: { lockedUntil: number | null };
  if (officer) {
    // an expired lock starts a fresh count
    if (officer.lockedUntil !== null) d.store.accounts.recordLoginResult(officer.id, 0, null);
    count = d.store.accounts.countAttempt(officer.id, now, max, lockoutMs);
  } else {
    count = d.guard.unknownAccounts.countAttempt(attempt.username, now, max, lockoutMs);
  }
  // an unknown username costs the same scrypt work, so timing does not reveal which usernames exist
  const good = await verifyPassword(password, officer?.passwordHash ?? DUMMY_HASH);
  if (!officer) return d.guard.failed(attempt, 'unknown-username', count.lockedUntil);
  if (!good) return d.guard.failed(attempt, 'wrong-password', count.lockedUntil);
  if (!officer.enabled) return d.guard.failed(attempt, 'account-disabled', count.lockedUntil);
  // the right password: a success, or an account changed while it was being checked
  d.store.accounts.recordLoginResult(officer.id, 0, null);
  d.guard.forgive(attempt);
  const current = d.store.accounts.officerById(officer.id);
  if (!current?.enabled || current.accountVersion !== officer.accountVersion) return d.guard.failed(attempt, 'account-changed', null);
  return current;
}

/**
 * Opens a session for an officer whose password was just checked against `accountVersion`;
 * returns the bearer token (only its hash is stored). Refused (UNAUTHENTICATED) when the account
 * changed since: the check and the insert are one statement.
 */
export function createSession(d: LoginDeps, attempt: LoginAttempt, officer: OfficerRecord): { token: string; expiresAt: number } {
  const token = newToken();
  const now = d.clock.now();
  const expiresAt = now + d.policy.sessionTtlMs;
  if (!d.store.accounts.openSession(hashToken(token), officer.id, officer.accountVersion, now, expiresAt)) {
    return d.guard.failed(attempt, 'account-changed', null);
  }
  return { token, expiresAt };
}
