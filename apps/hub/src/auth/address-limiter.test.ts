import { describe, expect, it } from 'vitest';
import { AddressLimiter } from './address-limiter';

describe('per-address login limiter', () => {
  it('refuses an address after too many failures within the window, then lets it try again', () => {
    let now = 0;
    const limiter = new AddressLimiter({ now: () => now }, { maxFailures: 3, windowMs: 60_000, maxAddresses: 100 });
    for (let i = 0; i < 3; i += 1) {
      limiter.check('10.0.0.9');
      limiter.recordFailure('10.0.0.9');
    }
    expect(() => limiter.check('10.0.0.9')).toThrow(/quá nhiều lần/);
    expect(() => limiter.check('10.0.0.10')).not.toThrow(); // other machines are not affected
    now += 61_000;
    expect(() => limiter.check('10.0.0.9')).not.toThrow();
  });

  it('remembers a bounded number of addresses', () => {
    const limiter = new AddressLimiter({ now: () => 0 }, { maxFailures: 1, windowMs: 60_000, maxAddresses: 2 });
    limiter.recordFailure('a');
    limiter.recordFailure('b');
    limiter.recordFailure('c'); // 'a' is forgotten
    expect(() => limiter.check('a')).not.toThrow();
    expect(() => limiter.check('c')).toThrow();
  });
});
