import { describe, expect, it } from 'vitest';
import { UnknownAccountLockout, UsernameLimiter, usernameKey } from './username-limits';

describe('per-username login limits', () => {
  it('count a username without regard to case or Unicode form, from any address', () => {
    let now = 0;
    const limiter = new UsernameLimiter({ now: () => now }, { maxFailures: 3, windowMs: 60_000, maxUsernames: 100 });
    limiter.recordFailure('Đức.Anh');
    limiter.recordFailure('đức.anh');
    limiter.recordFailure('\u0111\u01B0\u0301c.anh'); // ứ written as ư + combining acute (NFD)
    expect(() => limiter.check('ĐỨC.ANH')).toThrow(/quá nhiều lần/);
    expect(() => limiter.check('minh')).not.toThrow();
    now += 60_001;
    expect(() => limiter.check('đức.anh')).not.toThrow();
    expect(usernameKey('Đu\u0301c')).toBe('đúc');
  });

  it('an unknown username locks like an account: the same count, the same lock, a fresh count after it', () => {
    const lockout = new UnknownAccountLockout(100);
    for (let i = 1; i < 5; i += 1) expect(lockout.countAttempt('ghost', 1000 + i, 5, 900_000)).toEqual({ failedLogins: i, lockedUntil: null });
    expect(lockout.countAttempt('GHOST', 2000, 5, 900_000)).toEqual({ failedLogins: 5, lockedUntil: 902_000 });
    expect(lockout.lockedUntil('Ghost')).toBe(902_000);
    expect(lockout.countAttempt('ghost', 902_000, 5, 900_000)).toEqual({ failedLogins: 1, lockedUntil: null });
  });

  it('remember a bounded number of usernames, the least recently tried forgotten first', () => {
    const lockout = new UnknownAccountLockout(2);
    lockout.countAttempt('a', 0, 1, 1000);
    lockout.countAttempt('b', 0, 1, 1000);
    lockout.countAttempt('a', 0, 1, 1000);
    lockout.countAttempt('c', 0, 1, 1000);
    expect(lockout.lockedUntil('b')).toBeNull();
    expect(lockout.lockedUntil('a')).toBe(1000);
  });
});
