/**
 * Working days (ngày làm việc) for due dates. The caller passes either a site calendar
 * (SiteCalendar: Vietnam's holidays with the site's days off and worked Saturdays) or a plain
 * set of local dates `YYYY-MM-DD` that are off besides Saturday and Sunday; entries that are
 * not valid dates are ignored.
 */
import { DomainError } from '../errors';
import type { EpochMs } from '../model';
import { DEFAULT_TIME_ZONE, localTimeOf, serviceDayOf } from '../numbering';
import type { WorkingCalendar } from './holiday-calendar';
import { assertLocalDate, fromDayNumber, toDayNumber, weekdayOfDayNumber } from './local-date';

/** Days off: a site calendar, or a set of holidays (Monday–Friday otherwise). */
export type Holidays = ReadonlySet<string> | WorkingCalendar;

/** Longest processing time accepted, in working days (about 14 years): a guard, not a rule. */
export const MAX_PROCESSING_DAYS = 3650;

function isWorkingDayNumber(n: number, holidays: Holidays): boolean {
  if ('isWorkingDay' in holidays) return holidays.isWorkingDay(fromDayNumber(n));
  const wd = weekdayOfDayNumber(n);
  return wd >= 1 && wd <= 5 && !holidays.has(fromDayNumber(n));
}

/** Monday–Friday and not in `holidays`. Throws INVALID_ARGUMENT for a malformed date. */
export function isWorkingDay(date: string, holidays: Holidays): boolean {
  return isWorkingDayNumber(toDayNumber(date), holidays);
}

function nextWorkingOnOrAfter(n: number, holidays: Holidays): number {
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
export function addWorkingDays(startDate: string, days: number, holidays: Holidays): string {
  if (!Number.isInteger(days) || days < 0 || days > MAX_PROCESSING_DAYS) {
    throw new DomainError('INVALID_ARGUMENT', `Số ngày làm việc phải là số nguyên từ 0 đến ${MAX_PROCESSING_DAYS}`, {
      days,
    });
  }
  let n = nextWorkingOnOrAfter(toDayNumber(startDate), holidays);
  for (let i = 0; i < days; i += 1) n = nextWorkingOnOrAfter(n + 1, holidays);
  return fromDayNumber(n);
}

/** A cut-off hour `HH:MM` (00:00–23:59). */
export const CUTOFF_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Due date (ngày hẹn trả) of a dossier received at `receivedAt`, counted from the local
 * receiving date in `timeZone`. Same-day procedures (0) are due that day, or on the next
 * working day when received on a weekend or holiday. With a cut-off hour (`HH:MM`), a dossier
 * received at or after it counts from the next working day.
 */
export function dueDateFor(
  receivedAt: EpochMs,
  processingDays: number,
  holidays: Holidays,
  timeZone: string = DEFAULT_TIME_ZONE,
  cutoffTime: string | null = null,
): string {
  const day = serviceDayOf(receivedAt, timeZone);
  const late = cutoffTime !== null && CUTOFF_TIME_PATTERN.test(cutoffTime) && localTimeOf(receivedAt, timeZone).minutes >= minutesOf(cutoffTime);
  const start = late && isWorkingDayNumber(toDayNumber(day), holidays) ? fromDayNumber(toDayNumber(day) + 1) : day;
  return addWorkingDays(start, processingDays, holidays);
}

/** Working days in the half-open range (lo, hi], lo <= hi. */
function workingDaysIn(lo: number, hi: number, holidays: Holidays): number {
  let count = 0;
  for (let n = lo + 1; n <= hi; n += 1) if (isWorkingDayNumber(n, holidays)) count += 1;
  return count;
}

/**
 * Working days after `from` up to and including `to`: how many working days a dossier
 * resolved on `to` with due date `from` is late (0 when resolved on the due date or on a
 * weekend right after it). Negative when `to` is before `from` (days to spare).
 */
export function workingDaysBetween(from: string, to: string, holidays: Holidays): number {
  assertLocalDate(from, 'from');
  assertLocalDate(to, 'to');
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  return a <= b ? workingDaysIn(a, b, holidays) : -workingDaysIn(b, a, holidays);
}
