import type { Locale } from './i18n';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** `09:05` in the site's time zone. */
export function formatClock(at: number, timeZone: string, locale: Locale = 'vi'): string {
  return formatter(locale, timeZone, { hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}

/** `Thứ Hai, 23/11/2026` / `Monday, 23/11/2026`. */
export function formatLongDate(at: number, timeZone: string, locale: Locale = 'vi'): string {
  const weekday = formatter(locale, timeZone, { weekday: 'long' }).format(at);
  const date = formatter(locale, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
  const cap = weekday.charAt(0).toUpperCase() + weekday.slice(1);
  return `${cap}, ${date}`.normalize('NFC');
}

/** Minutes elapsed, for "waited 12 min". */
export function minutesBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 60_000));
}
