/**
 * Vietnam's public holidays (Labour Code 2019, art. 112) as the default calendar of every
 * site, and the site's own entries on top: an extra day off, a weekend day worked
 * ("ngày làm bù") or a default holiday cancelled, and a holiday on which the kiosk opens.
 */
import { fromDayNumber, isValidLocalDate, toDayNumber, weekdayOfDayNumber } from './local-date';
import { LUNAR_HOLIDAYS } from './lunar-table';

/** off: not a working day; work: a working day (a worked Saturday, a cancelled holiday); open: the kiosk opens on this holiday. */
export const CALENDAR_ENTRY_KINDS = ['off', 'work', 'open'] as const;
export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[number];

export interface CalendarEntry {
  day: string;
  name: string;
  kind: CalendarEntryKind;
}

/** What working-day arithmetic needs from a calendar. */
export interface WorkingCalendar {
  isWorkingDay(day: string): boolean;
}

const off = (day: string, name: string): CalendarEntry => ({ day, name, kind: 'off' });
const work = (day: string, name: string): CalendarEntry => ({ day, name, kind: 'work' });
const span = (from: string, to: string, name: string): CalendarEntry[] => {
  const out: CalendarEntry[] = [];
  for (let n = toDayNumber(from); n <= toDayNumber(to); n += 1) out.push(off(fromDayNumber(n), name));
  return out;
};

const TET = 'Tết Nguyên đán';
const HUNG = 'Giỗ Tổ Hùng Vương';
const NEW_YEAR = 'Tết Dương lịch';
const LIBERATION = 'Ngày Giải phóng miền Nam';
const LABOUR = 'Quốc tế Lao động';
const NATIONAL = 'Quốc khánh';

/**
 * The government's announced calendar for cán bộ, công chức (days off moved, Saturdays worked),
 * shipped as the default of those years instead of the computed rule. Sites check them.
 */
const ANNOUNCED: Readonly<Record<number, readonly CalendarEntry[]>> = {
  2025: [
    off('2025-01-01', NEW_YEAR),
    ...span('2025-01-25', '2025-02-02', TET),
    work('2025-02-08', 'Làm bù cho ngày 27/01 (Tết Nguyên đán)'),
    off('2025-04-07', HUNG),
    work('2025-04-26', 'Làm bù cho ngày 02/05'),
    off('2025-04-30', LIBERATION),
    off('2025-05-01', LABOUR),
    off('2025-05-02', 'Nghỉ hoán đổi (30/4 – 1/5)'),
    off('2025-09-01', NATIONAL),
    off('2025-09-02', NATIONAL),
  ],
  2026: [
    off('2026-01-01', NEW_YEAR),
    ...span('2026-02-14', '2026-02-22', TET),
    off('2026-04-26', HUNG),
    off('2026-04-27', `${HUNG} (nghỉ bù)`),
    off('2026-04-30', LIBERATION),
    off('2026-05-01', LABOUR),
    off('2026-09-01', NATIONAL),
    off('2026-09-02', NATIONAL),
  ],
};

const isWeekend = (n: number): boolean => {
  const wd = weekdayOfDayNumber(n);
  return wd === 0 || wd === 6;
};

/** The holidays the law fixes for `year`, before compensatory days. */
function statutoryDays(year: number): CalendarEntry[] {
  const list = [off(`${year}-01-01`, NEW_YEAR)];
  const lunar = LUNAR_HOLIDAYS[year];
  if (lunar) {
    const tet = toDayNumber(lunar.tet);
    for (let n = tet - 1; n <= tet + 3; n += 1) list.push(off(fromDayNumber(n), TET));
    list.push(off(lunar.hungKings, HUNG));
  }
  list.push(off(`${year}-04-30`, LIBERATION), off(`${year}-05-01`, LABOUR), off(`${year}-09-01`, NATIONAL), off(`${year}-09-02`, NATIONAL));
  return list.sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * The computed rule: the statutory days, and for each one on a Saturday or Sunday a
 * compensatory day off (nghỉ bù) on the next weekday that is not already off.
 */
export function computedHolidays(year: number): CalendarEntry[] {
  const list = statutoryDays(year);
  const taken = new Set(list.map((h) => toDayNumber(h.day)));
  const extra: CalendarEntry[] = [];
  for (const h of list) {
    const n = toDayNumber(h.day);
    if (!isWeekend(n)) continue;
    let c = n + 1;
    while (isWeekend(c) || taken.has(c)) c += 1;
    taken.add(c);
    extra.push(off(fromDayNumber(c), `${h.name} (nghỉ bù)`));
  }
  return [...list, ...extra].sort((a, b) => a.day.localeCompare(b.day));
}

/** The default calendar of `year`: the announced one where shipped, else the computed rule. */
export function defaultHolidays(year: number): CalendarEntry[] {
  return ANNOUNCED[year]?.map((e) => ({ ...e })) ?? computedHolidays(year);
}

/** True for the years whose default is a shipped announcement rather than the computed rule. */
export function isAnnouncedYear(year: number): boolean {
  return ANNOUNCED[year] !== undefined;
}

/** The site's calendar: the defaults of each year with the site's entries over them. */
export class SiteCalendar implements WorkingCalendar {
  private readonly site = new Map<string, CalendarEntry>();
  private readonly years = new Map<number, Map<string, CalendarEntry>>();

  constructor(entries: readonly CalendarEntry[]) {
    for (const e of entries) if (isValidLocalDate(e.day)) this.site.set(e.day, e);
  }

  private defaultsOf(day: string): Map<string, CalendarEntry> {
    const year = Number(day.slice(0, 4));
    let m = this.years.get(year);
    if (!m) {
      m = new Map(defaultHolidays(year).map((e) => [e.day, e]));
      this.years.set(year, m);
    }
    return m;
  }

  /** The day's entry after the site's overrides (an 'open' entry keeps the holiday for due dates). */
  entry(day: string): CalendarEntry | null {
    const own = this.site.get(day);
    if (own && own.kind !== 'open') return own;
    return this.defaultsOf(day).get(day) ?? null;
  }

  /** The name of the holiday (a default or a site's day off) on `day`, null on any other day. */
  holidayName(day: string): string | null {
    const e = this.entry(day);
    return e && e.kind === 'off' ? e.name : null;
  }

  isWorkingDay(day: string): boolean {
    const e = this.entry(day);
    if (e) return e.kind === 'work';
    return !isWeekend(toDayNumber(day));
  }

  /** The holiday's name when the kiosk stays closed on `day` (a day off with no 'open' entry). */
  kioskClosedFor(day: string): string | null {
    if (this.site.get(day)?.kind === 'open') return null;
    return this.holidayName(day);
  }
}
