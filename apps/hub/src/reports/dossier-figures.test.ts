import { describe, expect, it } from 'vitest';
import { localDayEnd, localDayStart, rate, resolveAsOf, withTotals } from './dossier-figures';
import { asOfLabel } from './labels';

describe('dossier figures', () => {
  it('rates: a share truncated to 4 decimals (2 in percent), null over nothing; the published 4,941 of 5,121', () => {
    expect(rate(4941, 5121)).toBe(0.9648); // 96.4851 %: published as 96.48 %
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6666);
    expect(rate(99_999, 100_000)).toBe(0.9999); // 100.00 % only when every dossier is done
    expect(rate(7, 7)).toBe(1);
    expect(rate(0, 0)).toBeNull();
  });

  it('derives received, to resolve, resolved, in progress and the three rates from the counts', () => {
    const f = withTotals({ key: 'x', receivedCounter: 1859, receivedOnline: 3262, receivedPost: 0, carriedOver: 0,
      resolvedEarly: 4000, resolvedOnTime: 900, resolvedLate: 41, inProgressNotDue: 180, overdue: 0 });
    expect(f).toEqual({
      carriedOver: 0, receivedCounter: 1859, receivedOnline: 3262, receivedPost: 0, received: 5121, toResolve: 5121,
      resolvedEarly: 4000, resolvedOnTime: 900, resolvedLate: 41, resolved: 4941, inProgress: 180, inProgressNotDue: 180, overdue: 0,
      onlineShare: 0.6369, resolutionRate: 0.9648, onTimeRate: 0.9917,
    });
    expect(withTotals({ ...f, key: '', carriedOver: 100, receivedPost: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0 }).resolutionRate).toBe(0);
  });

  it('takes asOf: the end of the range, or now if earlier; refuses before the range or in the future', () => {
    const now = localDayStart('2025-08-15') + 10 * 3_600_000;
    expect(resolveAsOf({ from: '2025-07-01', to: '2025-07-31' }, undefined, now)).toBe(localDayEnd('2025-07-31'));
    expect(resolveAsOf({ from: '2025-07-01', to: '2025-09-30' }, undefined, now)).toBe(now);
    expect(resolveAsOf({ from: '2025-07-01', to: '2025-09-30' }, localDayStart('2025-07-01'), now)).toBe(localDayStart('2025-07-01'));
    expect(() => resolveAsOf({ from: '2025-07-01', to: '2025-09-30' }, localDayStart('2025-07-01') - 1, now)).toThrow(/asOf/);
    expect(() => resolveAsOf({ from: '2025-07-01', to: '2025-09-30' }, now + 1, now)).toThrow(/tương lai/);
    expect(localDayEnd('2025-09-30')).toBe(Date.UTC(2025, 8, 30, 16, 59, 59, 999));
  });

  it('names the as-of moment in Vietnamese, in Hanoi time', () => {
    expect(asOfLabel(localDayEnd('2025-09-30'))).toBe('hết ngày 30/09/2025');
    expect(asOfLabel(localDayStart('2025-09-30') + 15 * 3_600_000 + 30 * 60_000)).toBe('15:30 ngày 30/09/2025');
  });
});
