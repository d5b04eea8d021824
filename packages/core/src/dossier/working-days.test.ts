import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { addWorkingDays, dueDateFor, isWorkingDay, workingDaysBetween } from './working-days';
import { hanoi } from './test-fixtures';

const NONE: ReadonlySet<string> = new Set();
/** Tết Đinh Mùi 2027 (example set), plus the fixed national days used below. */
const TET_2027 = ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'];
const HOLIDAYS: ReadonlySet<string> = new Set([
  ...TET_2027,
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
  '2027-01-01',
]);

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
}

describe('isWorkingDay', () => {
  it('is Monday to Friday', () => {
    expect(isWorkingDay('2026-11-23', NONE)).toBe(true); // Mon
    expect(isWorkingDay('2026-11-27', NONE)).toBe(true); // Fri
    expect(isWorkingDay('2026-11-28', NONE)).toBe(false); // Sat
    expect(isWorkingDay('2026-11-29', NONE)).toBe(false); // Sun
  });

  it('excludes holidays', () => {
    expect(isWorkingDay('2027-02-08', HOLIDAYS)).toBe(false); // Mon in Tết
    expect(isWorkingDay('2026-04-30', HOLIDAYS)).toBe(false);
    expect(isWorkingDay('2026-04-30', NONE)).toBe(true);
  });

  it('agrees with the calendar on every day from 1999 to 2101', () => {
    for (let ms = Date.UTC(1999, 0, 1); ms <= Date.UTC(2101, 11, 31); ms += 86_400_000) {
      const day = new Date(ms).toISOString().slice(0, 10);
      const wd = new Date(ms).getUTCDay();
      if (isWorkingDay(day, NONE) !== (wd >= 1 && wd <= 5)) throw new Error(`weekday of ${day}`);
    }
  });

  it('rejects malformed or impossible dates', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '05/01/2026', '', '2026-11-31']) {
      expect(code(() => isWorkingDay(bad, NONE)), bad).toBe('INVALID_ARGUMENT');
    }
    expect(isWorkingDay('2028-02-29', NONE)).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['weekday + 1', '2026-11-23', 1, '2026-11-24'],
    ['Fri + 1 = Mon', '2026-11-20', 1, '2026-11-23'],
    ['Mon + 5 = next Mon', '2026-11-23', 5, '2026-11-30'],
    ['Thu + 3 crosses a weekend', '2026-11-26', 3, '2026-12-01'],
    ['month end', '2026-11-30', 3, '2026-12-03'],
    ['same day on a working day', '2026-11-25', 0, '2026-11-25'],
    ['received Saturday, same day -> Monday', '2026-11-21', 0, '2026-11-23'],
    ['received Sunday, same day -> Monday', '2026-11-22', 0, '2026-11-23'],
    ['received Saturday + 1 -> Tuesday', '2026-11-21', 1, '2026-11-24'],
    ['received Sunday + 1 -> Tuesday', '2026-11-22', 1, '2026-11-24'],
    ['leap year: Mon 28/2 + 1 = 29/2', '2028-02-28', 1, '2028-02-29'],
    ['leap year: 28/2 + 2 = 1/3', '2028-02-28', 2, '2028-03-01'],
    ['leap year: Fri 25/2 + 2 = Tue 29/2', '2028-02-25', 2, '2028-02-29'],
    ['not a leap year: Fri 26/2/2027 + 1 = Mon 1/3', '2027-02-26', 1, '2027-03-01'],
    ['a whole year of working days', '2026-01-05', 260, '2027-01-04'],
  ])('%s', (_name, start, days, due) => {
    expect(addWorkingDays(start, days, NONE)).toBe(due);
  });

  it.each([
    ['Tết: Thu before + 1 skips the whole break', '2027-02-04', 1, '2027-02-12'],
    ['Tết: Thu before + 2 -> Mon after', '2027-02-04', 2, '2027-02-15'],
    ['received during Tết, same day -> first day back', '2027-02-08', 0, '2027-02-12'],
    ['received during Tết + 1', '2027-02-09', 1, '2027-02-15'],
    ['received on the Sunday of Tết + 3', '2027-02-07', 3, '2027-02-17'],
    ['30/4 and 1/5: Wed + 1 -> Mon', '2026-04-29', 1, '2026-05-04'],
    ['received on 30/4, same day -> Mon 4/5', '2026-04-30', 0, '2026-05-04'],
    ['2/9: Mon 31/8 + 1 -> Thu 3/9', '2026-08-31', 1, '2026-09-03'],
    ['year end: Thu 31/12 + 2 with 1/1 off -> Tue 5/1', '2026-12-31', 2, '2027-01-05'],
    ['year end: Thu 31/12 + 1 with 1/1 off -> Mon 4/1', '2026-12-31', 1, '2027-01-04'],
    ['received on 1/1, same day -> Mon 4/1', '2027-01-01', 0, '2027-01-04'],
  ])('%s', (_name, start, days, due) => {
    expect(addWorkingDays(start, days, HOLIDAYS)).toBe(due);
  });

  it('ignores malformed holiday entries', () => {
    expect(addWorkingDays('2026-11-20', 1, new Set(['23/11/2026', 'x']))).toBe('2026-11-23');
  });

  it('rejects a bad number of days or a bad start date', () => {
    for (const days of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 3651]) {
      expect(code(() => addWorkingDays('2026-11-23', days, NONE)), String(days)).toBe('INVALID_ARGUMENT');
    }
    expect(code(() => addWorkingDays('2026-11-31', 1, NONE))).toBe('INVALID_ARGUMENT');
  });
});

describe('dueDateFor', () => {
  it('counts from the local (Hanoi) receiving date', () => {
    expect(dueDateFor(hanoi('2026-11-23', '08:00'), 3, NONE)).toBe('2026-11-26');
    // Friday 23:59 local is still Friday; 00:00 local is Saturday although UTC says Friday.
    expect(dueDateFor(hanoi('2026-11-20', '23:59'), 1, NONE)).toBe('2026-11-23');
    expect(dueDateFor(hanoi('2026-11-21', '00:00'), 1, NONE)).toBe('2026-11-24');
  });

  it('same-day procedures are due that day, or the next working day', () => {
    expect(dueDateFor(hanoi('2026-11-23', '16:30'), 0, NONE)).toBe('2026-11-23');
    expect(dueDateFor(hanoi('2026-11-21', '09:00'), 0, NONE)).toBe('2026-11-23'); // Saturday
    expect(dueDateFor(hanoi('2026-11-22', '09:00'), 0, NONE)).toBe('2026-11-23'); // Sunday
    expect(dueDateFor(hanoi('2027-02-10', '09:00'), 0, HOLIDAYS)).toBe('2027-02-12'); // Tết
  });

  it('takes another time zone', () => {
    const fridayUtcSaturdayHanoi = Date.UTC(2026, 10, 20, 18, 0); // Fri 18:00 UTC = Sat 01:00 Hanoi
    expect(dueDateFor(fridayUtcSaturdayHanoi, 0, NONE)).toBe('2026-11-23');
    expect(dueDateFor(fridayUtcSaturdayHanoi, 0, NONE, 'UTC')).toBe('2026-11-20');
  });

  it('rejects a bad time', () => {
    expect(code(() => dueDateFor(Number.NaN, 1, NONE))).toBe('INVALID_ARGUMENT');
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['same day', '2026-11-23', '2026-11-23', 0],
    ['Fri -> Mon', '2026-11-20', '2026-11-23', 1],
    ['Fri -> Sat (weekend after the due date is not late)', '2026-11-20', '2026-11-21', 0],
    ['two weeks', '2026-11-23', '2026-12-07', 10],
    ['backwards is negative', '2026-11-23', '2026-11-20', -1],
  ])('%s', (_name, from, to, n) => {
    expect(workingDaysBetween(from, to, NONE)).toBe(n);
  });

  it('skips holidays', () => {
    expect(workingDaysBetween('2027-02-04', '2027-02-12', HOLIDAYS)).toBe(1);
    expect(workingDaysBetween('2026-12-31', '2027-01-05', HOLIDAYS)).toBe(2);
  });

  it('is the inverse of addWorkingDays from a working day', () => {
    for (let days = 0; days <= 40; days += 1) {
      const due = addWorkingDays('2027-01-28', days, HOLIDAYS);
      expect(workingDaysBetween('2027-01-28', due, HOLIDAYS)).toBe(days);
    }
  });

  it('agrees with counting day by day', () => {
    const start = Date.UTC(2026, 11, 20);
    for (let a = 0; a < 30; a += 3) {
      for (let b = 0; b < 60; b += 1) {
        const from = new Date(start + a * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(start + b * 86_400_000).toISOString().slice(0, 10);
        let expected = 0;
        for (let i = Math.min(a, b) + 1; i <= Math.max(a, b); i += 1) {
          const d = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
          if (isWorkingDay(d, HOLIDAYS)) expected += 1;
        }
        if (b < a) expected = -expected;
        expect(workingDaysBetween(from, to, HOLIDAYS), `${from} -> ${to}`).toBe(expected);
      }
    }
  });

  it('rejects malformed dates', () => {
    expect(code(() => workingDaysBetween('2026-11-23', '2026/11/24', NONE))).toBe('INVALID_ARGUMENT');
  });
});
