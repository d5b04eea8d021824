import { createHmac, randomBytes } from 'node:crypto';
import { DomainError, type Clock } from '@qms/core';
import type { Logger } from 'pino';
import { AddressLimiter, DEFAULT_ADDRESS_LIMITS, type AddressLimiterOptions } from './address-limiter';
import { DEFAULT_USERNAME_LIMITS, UnknownAccountLockout, UsernameLimiter, type UsernameLimiterOptions } from './username-limits';

/** One login attempt as the limits see it: never the password. */
export interface LoginAttempt {
  username: string;
  /** The client's address (clientAddress: the TCP peer, or X-Forwarded-For from a trusted proxy). */
  address: string;
  via: 'http' | 'socket';
  /** False when no account has this username: the log then shows a keyed digest, not the text. */
  accountExists?: boolean;
}

export type LoginFailure = 'unknown-username' | 'wrong-password' | 'account-disabled' | 'account-changed';

export interface LoginLimitOptions {
  address?: Partial<AddressLimiterOptions>;
  username?: Partial<UsernameLimiterOptions>;
}

/**
 * The limits every password login passes (HTTP and the socket handshake alike): per address,
 * per username, and the lockout of usernames without an account. Every refusal and every
 * failed login is logged at warn with the username (a digest for a username without an account)
 * and address, never the password.
 */
export class LoginGuard {
  private readonly addresses: AddressLimiter;
  private readonly usernames: UsernameLimiter;
  readonly unknownAccounts: UnknownAccountLockout;
  private readonly logKey = randomBytes(32);

  constructor(
    clock: Clock,
    private readonly logger: Logger,
    options: LoginLimitOptions = {},
  ) {
    this.addresses = new AddressLimiter(clock, { ...DEFAULT_ADDRESS_LIMITS, ...options.address });
    const usernames = { ...DEFAULT_USERNAME_LIMITS, ...options.username };
    this.usernames = new UsernameLimiter(clock, usernames);
    this.unknownAccounts = new UnknownAccountLockout(usernames.maxUsernames);
  }

  /**
   * Refuses (RATE_LIMITED) an address that failed too often lately; otherwise counts the attempt
   * as failed BEFORE the slow check, so parallel guesses cannot overrun the limit.
   */
  admitAddress(a: LoginAttempt): void {
    this.admit(a, () => this.addresses.check(a.address));
    this.addresses.recordFailure(a.address);
  }

  /** The same per username (after the lockout, which answers first: 423 before 429). */
  admitUsername(a: LoginAttempt): void {
    this.admit(a, () => this.usernames.check(a.username));
    this.usernames.recordFailure(a.username);
  }

  /** A good password takes back the failure counted for it. */
  forgive(a: LoginAttempt): void {
    this.addresses.forgive(a.address);
    this.usernames.forgive(a.username);
  }

  private admit(a: LoginAttempt, check: () => void): void {
    try {
      check();
    } catch (e) {
      this.logger.warn(this.fields(a, 'rate-limited'), 'login refused: too many failed logins');
      throw e;
    }
  }

  /** The answer to an attempt on a locked account (known or not): logged, then thrown. */
  locked(a: LoginAttempt, lockedUntil: number): never {
    this.logger.warn({ ...this.fields(a, 'account-locked'), lockedUntil }, 'login refused: account locked');
    throw new DomainError('ACCOUNT_LOCKED', 'Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần; thử lại sau.', { lockedUntil });
  }

  /** A failed login: logged (and the lockout it caused, if any), then the one answer for every failure. */
  failed(a: LoginAttempt, reason: LoginFailure, lockedUntil: number | null): never {
    this.logger.warn(this.fields(a, reason), 'login failed');
    if (lockedUntil !== null) this.logger.warn({ ...this.fields(a, 'lockout'), lockedUntil }, 'account locked after failed logins');
    throw new DomainError('UNAUTHENTICATED', 'Sai tên đăng nhập hoặc mật khẩu.');
  }

  private fields(a: LoginAttempt, reason: string): Record<string, string> {
    // what was typed into an unknown username may be a password or a CCCD: log only a digest,
    // keyed per process, enough to see one text repeated without revealing it
    const who: Record<string, string> =
      a.accountExists === false ? { unknownUsername: this.digest(a.username) } : { username: a.username.slice(0, 64) };
    return { ...who, address: a.address, via: a.via, reason };
  }

  private digest(username: string): string {
    return createHmac('sha256', this.logKey).update(username.normalize('NFC').toLowerCase()).digest('hex').slice(0, 12);
  }
}
