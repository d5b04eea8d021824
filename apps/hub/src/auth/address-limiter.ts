import { DomainError, type Clock } from '@qms/core';

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
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly options: AddressLimiterOptions = DEFAULT_ADDRESS_LIMITS,
  ) {}

  private recent(address: string): number[] {
    const since = this.clock.now() - this.options.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(address);
    else this.failures.set(address, list);
    return list;
  }

  /** Throws RATE_LIMITED when the address has failed too often lately. */
  check(address: string): void {
    if (this.recent(address).length >= this.options.maxFailures) {
      throw new DomainError('RATE_LIMITED', 'Đăng nhập sai quá nhiều lần từ máy này; hãy thử lại sau ít phút');
    }
  }

  /** A good login takes back the attempt counted for it. */
  forgive(address: string): void {
    const list = this.failures.get(address);
    list?.pop();
    if (list && list.length === 0) this.failures.delete(address);
  }

  recordFailure(address: string): void {
    const list = this.recent(address);
    list.push(this.clock.now());
    this.failures.set(address, list);
    if (this.failures.size > this.options.maxAddresses) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }
}
