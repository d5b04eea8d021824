import { DomainError, type Clock } from '@qms/core';
import { RecentEvents } from './recent-events';

/** The key a username is counted under: NFC, lower case, at most 64 characters. */
export function usernameKey(username: string): string {
  return username.normalize('NFC').toLowerCase().slice(0, 64);
}

export interface UsernameLimiterOptions {
  /** Failed logins allowed per username (from any address) within the window. */
  maxFailures: number;
  windowMs: number;
  /** Usernames remembered at most (oldest forgotten first), so memory stays bounded. */
  maxUsernames: number;
}

export const DEFAULT_USERNAME_LIMITS: UsernameLimiterOptions = { maxFailures: 10, windowMs: 60 * 60_000, maxUsernames: 10_000 };

/**
 * Slows guessing against one username from many addresses (other PCs, other loopback
 * addresses) beyond what the lockout allows: after `maxFailures` failed logins for a username
 * within `windowMs` with no good password since, further attempts for it are refused with
 * RATE_LIMITED. Known and unknown usernames alike.
 */
export class UsernameLimiter {
  private readonly failures: RecentEvents;

  constructor(
    private readonly clock: Clock,
    private readonly options: UsernameLimiterOptions = DEFAULT_USERNAME_LIMITS,
  ) {
    this.failures = new RecentEvents(options.windowMs, options.maxUsernames);
  }

  check(username: string): void {
    if (this.failures.count(usernameKey(username), this.clock.now()) >= this.options.maxFailures) {
      throw new DomainError('RATE_LIMITED', 'Tài khoản này bị đăng nhập sai quá nhiều lần; hãy thử lại sau');
    }
  }

  recordFailure(username: string): void {
    this.failures.add(usernameKey(username), this.clock.now());
  }

  /** A good password: the failures before it were the user's own typing, not guessing. */
  forgive(username: string): void {
    this.failures.clear(usernameKey(username));
  }
}

/**
 * The lockout of a username that has no account, kept in memory exactly as the officers table
 * keeps it for a real one (failed logins in a row, locked until), so that an unknown username
 * answers like a known one: the same 423 after the same number of tries, for the same time.
 * At most `maxUsernames` are remembered; the least recently tried is forgotten first.
 */
export class UnknownAccountLockout {
  private readonly state = new Map<string, { failedLogins: number; lockedUntil: number | null }>();

  constructor(private readonly maxUsernames = DEFAULT_USERNAME_LIMITS.maxUsernames) {}

  lockedUntil(username: string): number | null {
    return this.state.get(usernameKey(username))?.lockedUntil ?? null;
  }

  /** As AccountRepo.countAttempt: one more failure, locked for `lockoutMs` from the `maxFailures`-th; an expired lock starts afresh. */
  countAttempt(username: string, at: number, maxFailures: number, lockoutMs: number): { failedLogins: number; lockedUntil: number | null } {
    const key = usernameKey(username);
    const before = this.state.get(key);
    const fresh = before?.lockedUntil != null && before.lockedUntil <= at;
    const failedLogins = (fresh ? 0 : (before?.failedLogins ?? 0)) + 1;
    const lockedUntil = failedLogins >= maxFailures ? at + lockoutMs : fresh ? null : (before?.lockedUntil ?? null);
    this.state.delete(key);
    this.state.set(key, { failedLogins, lockedUntil });
    if (this.state.size > this.maxUsernames) {
      const oldest = this.state.keys().next().value;
      if (oldest !== undefined) this.state.delete(oldest);
    }
    return { failedLogins, lockedUntil };
  }
}
