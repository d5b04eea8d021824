/**
 * Working days (ngày làm việc) for due dates: Monday–Friday that are not public holidays.
 * Holidays (Tết, 30/4, 1/5, 2/9, compensatory days …) are data passed in by the caller as
 * local dates `YYYY-MM-DD`; entries that are not valid dates are ignored.
 */
import { DomainError } from '../errors';
import type { EpochMs } from '../model';
import { DEFAULT_TIME_ZONE, serviceDayOf } from '../numbering';
import { assertLocalDate, fromDayNumber, isValidLocalDate, toDayNumber, weekdayOfDayNumber } from './local-date';

/** Longest processing time accepted, in working days (about 14 years): a guard, not a rule. */
export const MAX_PROCESSING_DAYS = 3650;

function isWorkingDayNumber(n: number, holidays: ReadonlySet<string>): boolean {
  const wd = weekdayOfDayNumber(n);
  return wd >= 1 && wd <= 5 && !holidays.has(fromDayNumber(n));
}

/** Monday–Friday and not in `holidays`. Throws INVALID_ARGUMENT for a malformed date. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  return isWorkingDayNumber(toDayNumber(date), holidays);
}

function nextWorkingOnOrAfter(n: number, holidays: ReadonlySet<string>): number {
  let day = n;
  while (!isWorkingDayNumber(day, holidays)) day += 1;
  return day;
}

/**
 * The date `days` working days after `startDate`. A non-working start day counts as the
 * next working day (a dossier received on Saturday is treated as received on Monday), so
 * `days = 0` gives the first working day on or after `startDate`.
 * Fri + 1 = Mon; Sat + 1 = Tue.
 */
export function addWorkingDays(startDate: string, days: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(days) || days < 0 || days > MAX_PROCESSING_DAYS) {
    throw new DomainError('INVALID_ARGUMENT', `Số ngày làm việc phải là số nguyên từ 0 đến ${MAX_PROCESSING_DAYS}`, {
      days,
    });
  }
  let n = nextWorkingOnOrAfter(toDayNumber(startDate), holidays);
  for (let i = 0; i < days; i += 1) n = nextWorkingOnOrAfter(n + 1, holidays);
  return fromDayNumber(n);
}

/**
 * Due date (ngày hẹn trả) of a dossier received at `receivedAt`, counted from the local
 * receiving date in `timeZone`. Same-day procedures (0) are due that day, or on the next
 * working day when received on a weekend or holiday.
 */
export function dueDateFor(
  receivedAt: EpochMs,
  processingDays: number,
  holidays: ReadonlySet<string>,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  return addWorkingDays(serviceDayOf(receivedAt, timeZone), processingDays, holidays);
}

/** Working days in the half-open range (lo, hi], lo <= hi. */
function workingDaysIn(lo: number, hi: number, holidays: ReadonlySet<string>): number {
  const span = hi - lo;
  let count = Math.floor(span / 7) * 5;
  for (let n = lo + Math.floor(span / 7) * 7 + 1; n <= hi; n += 1) {
    const wd = weekdayOfDayNumber(n);
    if (wd >= 1 && wd <= 5) count += 1;
  }
  for (const h of holidays) {
    if (!isValidLocalDate(h)) continue;
    const n = toDayNumber(h);
    const wd = weekdayOfDayNumber(n);
    if (n > lo && n <= hi && wd >= 1 && wd <= 5) count -= 1;
  }
  return count;
}

/**
 * Working days after `from` up to and including `to`: how many working days a dossier
 * resolved on `to` with due date `from` is late (0 when resolved on the due date or on a
 * weekend right after it). Negative when `to` is before `from` (days to spare).
 */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  assertLocalDate(from, 'from');
  assertLocalDate(to, 'to');
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  return a <= b ? workingDaysIn(a, b, holidays) : -workingDaysIn(b, a, holidays);
}
