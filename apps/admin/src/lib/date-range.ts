/**
 * Report periods as local dates (`YYYY-MM-DD`, the site's calendar): pure arithmetic on the
 * date, so the browser's own time zone never shifts a day.
 */
export const PRESETS = ['today', 'week', 'month', 'lastMonth', 'year'] as const;
export type Preset = (typeof PRESETS)[number];

export interface DayRange {
  from: string;
  to: string;
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

function fmt(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** The period of a preset that contains `today`; ranges end today (no future days), weeks start on Monday. */
export function presetRange(preset: Preset, today: string): DayRange {
  const [y, m, d] = parts(today);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'week': {
      const date = utc(y, m, d);
      const sinceMonday = (date.getUTCDay() + 6) % 7;
      return { from: fmt(utc(y, m, d - sinceMonday)), to: today };
    }
    case 'month':
      return { from: fmt(utc(y, m, 1)), to: today };
    case 'lastMonth':
      return { from: fmt(utc(y, m - 1, 1)), to: fmt(utc(y, m, 0)) };
    case 'year':
      return { from: fmt(utc(y, 1, 1)), to: today };
  }
}

/** Which preset a range is, if any (the matching button is shown pressed). */
export function presetOf(range: DayRange, today: string): Preset | null {
  return PRESETS.find((p) => {
    const r = presetRange(p, today);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}
