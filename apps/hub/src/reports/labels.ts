import type { ReportDirectory, ReportGroupBy, TicketGroupBy } from './types';

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** `2026-11-23` -> `23/11/2026`. */
export function viDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** `2026-11-23` -> `Thứ Hai 23/11/2026`. */
export function viDayLabel(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return `${WEEKDAYS_VI[weekday] ?? ''} ${viDate(day)}`.trim();
}

/** The weekday of a day `YYYY-MM-DD` ("Thứ Hai", "Chủ nhật"). */
export function viWeekday(day: string): string {
  return WEEKDAYS_VI[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? '';
}

/** Local time (UTC+7, as the store's SQL) of an instant: "hết ngày 31/03/2025" at 23:59:59.999, else "10:30 ngày 15/03/2025". */
export function asOfLabel(at: number): string {
  const local = new Date(at + 7 * 3_600_000);
  const day = local.toISOString().slice(0, 10);
  if (local.getUTCHours() === 23 && local.getUTCMinutes() === 59 && local.getUTCSeconds() === 59 && local.getUTCMilliseconds() === 999) {
    return `hết ngày ${viDate(day)}`;
  }
  return `${local.toISOString().slice(11, 16)} ngày ${viDate(day)}`;
}

export const ALL_LABEL = 'Tất cả';
export const TOTAL_LABEL = 'Tổng cộng';
export const NO_COUNTER_LABEL = 'Chưa đến quầy';
export const NO_OFFICER_LABEL = 'Chưa có cán bộ';

/** Heading of the first column, by grouping. */
export const GROUP_HEADINGS: Record<ReportGroupBy, string> = {
  field: 'Lĩnh vực',
  counter: 'Quầy',
  officer: 'Cán bộ',
  day: 'Ngày',
  all: 'Phạm vi',
  procedure: 'Thủ tục',
};

/**
 * Names and order of the groups: configured fields by their order and counters by number
 * (enabled ones even without figures), officers by name, days in order; "none" last.
 */
export class GroupNames {
  constructor(private readonly dir: ReportDirectory) {}

  label(groupBy: TicketGroupBy, key: string): string {
    switch (groupBy) {
      case 'field':
        return this.dir.fields().find((f) => f.id === key)?.nameVi ?? key;
      case 'counter':
        if (key === '') return NO_COUNTER_LABEL;
        return this.dir.counters().find((c) => c.id === key)?.name ?? key;
      case 'officer':
        if (key === '') return NO_OFFICER_LABEL;
        return this.dir.officerName(key) ?? key;
      case 'day':
        return viDayLabel(key);
      case 'all':
        return ALL_LABEL;
    }
  }

  /** Keys to show: the configured ones for fields and counters, plus every key with figures. */
  keys(groupBy: TicketGroupBy, withFigures: Iterable<string>): string[] {
    const keys = new Set(withFigures);
    if (groupBy === 'all') return [''];
    if (groupBy === 'field') for (const f of this.dir.fields()) if (f.enabled) keys.add(f.id);
    if (groupBy === 'counter') for (const c of this.dir.counters()) if (c.enabled) keys.add(c.id);
    return [...keys].sort(this.order(groupBy));
  }

  private order(groupBy: TicketGroupBy): (a: string, b: string) => number {
    const last = (a: string, b: string): number | null => (a === '' ? 1 : b === '' ? -1 : null);
    if (groupBy === 'field') {
      const rank = new Map(this.dir.fields().map((f) => [f.id, f.sortOrder]));
      return (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b);
    }
    if (groupBy === 'counter') {
      const rank = new Map(this.dir.counters().map((c) => [c.id, c.number]));
      return (a, b) => last(a, b) ?? ((rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b));
    }
    if (groupBy === 'officer') {
      return (a, b) => last(a, b) ?? (this.label('officer', a).localeCompare(this.label('officer', b), 'vi') || a.localeCompare(b));
    }
    return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  }
}
