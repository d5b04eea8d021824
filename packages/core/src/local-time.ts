/**
 * Wall-clock time in a site's zone. Vietnam has kept UTC+07:00 without daylight saving since
 * 13 June 1975, so for the zones listed in FIXED_ZONES (from the instant they became fixed)
 * this is plain arithmetic; any other zone or an older instant goes through Intl, whose zone
 * data costs the hub process about 8 MB of memory and a few microseconds per call.
 */
import type { EpochMs } from './model';

/** A date and a time of day on a wall clock, without a zone. */
export interface WallClockTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface LocalDateTime extends WallClockTime {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** Zones with one UTC offset from `since` on (tzdata): offset in minutes. */
const FIXED_ZONES: Readonly<Record<string, { since: EpochMs; offsetMinutes: number }>> = {
  // 1975-06-13 00:00 local (+08:00 until then) = 1975-06-12T16:00Z
  'Asia/Ho_Chi_Minh': { since: Date.UTC(1975, 5, 12, 16), offsetMinutes: 7 * 60 },
  'Asia/Saigon': { since: Date.UTC(1975, 5, 12, 16), offsetMinutes: 7 * 60 },
  UTC: { since: Number.NEGATIVE_INFINITY, offsetMinutes: 0 },
  'Etc/UTC': { since: Number.NEGATIVE_INFINITY, offsetMinutes: 0 },
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building them is slow, using them is not. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The same parts through Intl (any zone, any instant). */
export function localDateTimeIntl(at: EpochMs, timeZone: string): LocalDateTime {
  const p: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) p[part.type] = part.value;
  return {
    year: Number(p['year']),
    month: Number(p['month']),
    day: Number(p['day']),
    weekday: WEEKDAYS.indexOf(p['weekday'] ?? ''),
    hour: Number(p['hour']),
    minute: Number(p['minute']),
    second: Number(p['second']),
  };
}

/** Local date and time of `at` in `timeZone` (seconds truncated). */
export function localDateTime(at: EpochMs, timeZone: string): LocalDateTime {
  const fixed = FIXED_ZONES[timeZone];
  if (fixed === undefined || at < fixed.since) return localDateTimeIntl(at, timeZone);
  const d = new Date(at + fixed.offsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}
