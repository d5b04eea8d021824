/**
 * Wall-clock time in the site's zone (Asia/Ho_Chi_Minh by default): the parts a backup file is
 * named by, and the instant a local date and time stands for (the daily schedule).
 */
import { DEFAULT_TIME_ZONE, localDateTime, type WallClockTime } from '@qms/core';

const asUtc = (t: WallClockTime): number => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** The instant whose local time in `timeZone` is `t` (zones with DST: within an hour of it in a gap or an overlap). */
export function instantOf(t: WallClockTime, timeZone: string = DEFAULT_TIME_ZONE): number {
  const wanted = asUtc(t);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const offset = asUtc(localDateTime(guess, timeZone)) - guess;
    const next = wanted - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYYMMDD-HHMMSS` of `at` in local time. */
export function localStamp(at: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const t = localDateTime(at, timeZone);
  return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}-${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}

/** `YYYY-MM-DD HH:MM:SS` of `at` in local time, for people. */
export function formatLocal(at: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const t = localDateTime(at, timeZone);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/** Parses `HH:MM` (00:00–23:59) into minutes after local midnight, or null. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The first instant strictly after `now` at which the local time is `minutes` after midnight. */
export function nextDailyAt(now: number, minutes: number, timeZone: string = DEFAULT_TIME_ZONE): number {
  const today = localDateTime(now, timeZone);
  for (let offset = 0; offset <= 2; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const at = instantOf(
      { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 },
      timeZone,
    );
    if (at > now) return at;
  }
  throw new Error('no next daily time found');
}

/** The last instant at or before `now` at which the local time was `minutes` after midnight. */
export function previousDailyAt(now: number, minutes: number, timeZone: string = DEFAULT_TIME_ZONE): number {
  return nextDailyAt(nextDailyAt(now, minutes, timeZone) - 36 * 3600_000, minutes, timeZone);
}
