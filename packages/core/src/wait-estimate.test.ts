import { describe, it, expect } from 'vitest';
import { averageServiceMs, estimateWaitMinutes } from './wait-estimate';

const MIN = 60_000;

describe('averageServiceMs', () => {
  it('uses the default when there are no samples', () => {
    expect(averageServiceMs([], 7)).toBe(7 * MIN);
  });

  it('averages plausible samples', () => {
    expect(averageServiceMs([4 * MIN, 6 * MIN], 10)).toBe(5 * MIN);
  });

  it('drops samples under 10 s and over 2 h', () => {
    expect(averageServiceMs([2_000, 9_999, 4 * MIN, 6 * MIN, 2 * 60 * MIN + 1, 5 * 60 * MIN], 10)).toBe(5 * MIN);
  });

  it('keeps the 10 s and 2 h boundaries', () => {
    expect(averageServiceMs([10_000], 10)).toBe(10_000);
    expect(averageServiceMs([2 * 60 * MIN], 10)).toBe(2 * 60 * MIN);
  });

  it('falls back to the default when every sample is an outlier', () => {
    expect(averageServiceMs([1_000, 3 * 60 * MIN, Number.NaN], 8)).toBe(8 * MIN);
  });

  it('uses only the last 20 plausible samples', () => {
    const old = Array.from({ length: 10 }, () => 30 * MIN);
    const recent = Array.from({ length: 20 }, () => 3 * MIN);
    expect(averageServiceMs([...old, ...recent, 500], 10)).toBe(3 * MIN);
  });
});

describe('estimateWaitMinutes', () => {
  it('is null when no counter is open', () => {
    expect(estimateWaitMinutes({ peopleAhead: 3, openCounters: 0, avgServiceMs: 5 * MIN })).toBeNull();
    expect(estimateWaitMinutes({ peopleAhead: 0, openCounters: -1, avgServiceMs: 5 * MIN })).toBeNull();
  });

  it('is 0 when nobody is ahead', () => {
    expect(estimateWaitMinutes({ peopleAhead: 0, openCounters: 2, avgServiceMs: 5 * MIN })).toBe(0);
  });

  it('shares the work among open counters and rounds up', () => {
    expect(estimateWaitMinutes({ peopleAhead: 4, openCounters: 2, avgServiceMs: 5 * MIN })).toBe(10);
    expect(estimateWaitMinutes({ peopleAhead: 3, openCounters: 2, avgServiceMs: 5 * MIN })).toBe(8);
    expect(estimateWaitMinutes({ peopleAhead: 1, openCounters: 3, avgServiceMs: 30_000 })).toBe(1);
  });
});
