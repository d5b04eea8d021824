import { DomainError, type Clock } from '@qms/core';
import { RecentEvents } from './recent-events';

export interface AddressLimiterOptions {
  /** Failed logins allowed per address within the window. */
  maxFailures: number;
  windowMs: number;
  /** Addresses remembered at most (oldest forgotten first), so memory stays bounded. */
  maxAddresses: number;
}

export const DEFAULT_ADDRESS_LIMITS: AddressLimiterOptions = { maxFailures: 20, windowMs: 10 * 60_000, maxAddresses: 10_000 };

/**
 * Slows password spraying from one machine across many usernames (the per-account lockout
 * does not see that): after `maxFailures` failed logins from an address within `windowMs`,
 * further attempts from it are refused with RATE_LIMITED until the window has passed.
 */
export class AddressLimiter {
  private readonly failures: RecentEvents;

  constructor(
    private readonly clock: Clock,
    private readonly options: AddressLimiterOptions = DEFAULT_ADDRESS_LIMITS,
  ) {
    this.failures = new RecentEvents(options.windowMs, options.maxAddresses);
  }

  /** Throws RATE_LIMITED when the address has failed too often lately. */
  check(address: string): void {
    if (this.failures.count(address, this.clock.now()) >= this.options.maxFailures) {
      throw new DomainError('RATE_LIMITED', 'Đăng nhập sai quá nhiều lần từ máy này; hãy thử lại sau ít phút');
    }
  }

  /** A good login takes back the attempt counted for it. */
  forgive(address: string): void {
    this.failures.undoLast(address);
  }

  recordFailure(address: string): void {
    this.failures.add(address, this.clock.now());
  }
}
