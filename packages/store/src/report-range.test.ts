import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInRange, isCalendarDay, splitIntoMonths } from './report-range';

describe('report ranges', () => {
  it('knows real calendar days', () => {
    expect(isCalendarDay('2026-11-30')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-11-31')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
    expect(isCalendarDay('20261101')).toBe(false);
  });

  it('counts days inclusively', () => {
    expect(daysInRange('2026-11-01', '2026-11-30')).toBe(30);
    expect(daysInRange('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInRange('2026-11-02', '2026-11-01')).toBe(0);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('splits a range into whole months and the days at its edges', () => {
    expect(splitIntoMonths('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01', '2026-12'], days: [] });
    expect(splitIntoMonths('2026-11-01', '2026-11-30')).toEqual({ months: ['2026-11', '2026-11'], days: [] });
    expect(splitIntoMonths('2026-11-02', '2026-11-29')).toEqual({ months: null, days: [['2026-11-02', '2026-11-29']] });
    expect(splitIntoMonths('2026-01-02', '2026-12-30')).toEqual({
      months: ['2026-02', '2026-11'],
      days: [
        ['2026-01-02', '2026-01-31'],
        ['2026-12-01', '2026-12-30'],
      ],
    });
    expect(splitIntoMonths('2026-11-15', '2026-12-14')).toEqual({
      months: null,
      days: [['2026-11-15', '2026-12-14']],
    });
    expect(splitIntoMonths('2028-02-01', '2028-02-29')).toEqual({ months: ['2028-02', '2028-02'], days: [] });
  });

  it('covers every day of any range exactly once', () => {
    const day = fc.integer({ min: 0, max: 1200 }).map((n) => addDays('2025-06-01', n));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const { months, days } = splitIntoMonths(from, to);
        const covered: string[] = [];
        for (const [f, t] of days) for (let d = f; d <= t; d = addDays(d, 1)) covered.push(d);
        if (months) for (let d = `${months[0]}-01`; d.slice(0, 7) <= months[1]; d = addDays(d, 1)) covered.push(d);
        covered.sort();
        return covered.length === daysInRange(from, to) && covered[0] === from && covered[covered.length - 1] === to && new Set(covered).size === covered.length;
      }),
      { numRuns: 300 },
    );
  });
});
