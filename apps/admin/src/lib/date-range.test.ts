import { describe, expect, it } from 'vitest';
import { presetOf, presetRange } from './date-range';

describe('presetRange', () => {
  it('today', () => {
    expect(presetRange('today', '2026-03-18')).toEqual({ from: '2026-03-18', to: '2026-03-18' });
  });
  it('this week starts on Monday (a Sunday belongs to the week before it)', () => {
    expect(presetRange('week', '2026-03-18')).toEqual({ from: '2026-03-16', to: '2026-03-18' }); // Wednesday
    expect(presetRange('week', '2026-03-16')).toEqual({ from: '2026-03-16', to: '2026-03-16' }); // Monday
    expect(presetRange('week', '2026-03-22')).toEqual({ from: '2026-03-16', to: '2026-03-22' }); // Sunday
    expect(presetRange('week', '2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-01' });
  });
  it('this month, last month (across a year and a leap February), this year', () => {
    expect(presetRange('month', '2026-03-18')).toEqual({ from: '2026-03-01', to: '2026-03-18' });
    expect(presetRange('lastMonth', '2028-03-05')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetRange('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('year', '2026-03-18')).toEqual({ from: '2026-01-01', to: '2026-03-18' });
  });
  it('presetOf finds the preset of a range', () => {
    expect(presetOf({ from: '2026-03-01', to: '2026-03-18' }, '2026-03-18')).toBe('month');
    expect(presetOf({ from: '2026-03-02', to: '2026-03-18' }, '2026-03-18')).toBeNull();
  });
});
