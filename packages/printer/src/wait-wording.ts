/**
 * The wait lines of a ticket ("people ahead", "estimated wait"), worded once for the kiosk's
 * ticket screen, the printed ticket and the phone's status page, so that they always agree.
 * Imports nothing: browser bundles import it as `@qms/printer/wait-wording`.
 */
export type WaitLocale = 'vi' | 'en';

/** A line as a label and a value; joined as `label: value`. */
export interface WaitLine {
  label: string;
  value: string;
}

const WORDS = {
  vi: { ahead: 'Số người đang chờ trước Ông/Bà', wait: 'Thời gian chờ dự kiến', noCounter: 'Chưa có quầy mở', hour: 'giờ', minute: 'phút', under: 'dưới 1 phút', about: 'khoảng' },
  en: { ahead: 'People waiting ahead of you', wait: 'Estimated wait', noCounter: 'No counter open yet', hour: 'h', minute: 'min', under: 'under 1 minute', about: 'about' },
} as const;

/** `45 phút`, `1 giờ 5 phút`, `2 giờ` (`45 min`, `1 h 5 min`). */
export function waitDuration(minutes: number, locale: WaitLocale): string {
  const w = WORDS[locale];
  const m = Math.round(minutes);
  if (m < 60) return `${m} ${w.minute}`;
  const rest = m % 60;
  const hours = `${Math.floor(m / 60)} ${w.hour}`;
  return rest === 0 ? hours : `${hours} ${rest} ${w.minute}`;
}

/** `khoảng 15 phút`, `dưới 1 phút`; `Chưa có quầy mở` when no counter serves the field (null). */
export function waitEstimate(minutes: number | null, locale: WaitLocale): string {
  const w = WORDS[locale];
  if (minutes === null) return w.noCounter;
  return minutes < 1 ? w.under : `${w.about} ${waitDuration(minutes, locale)}`;
}

/** "Số người đang chờ trước Ông/Bà: 4". */
export function aheadLine(peopleAhead: number, locale: WaitLocale): WaitLine {
  return { label: WORDS[locale].ahead, value: String(Math.max(0, Math.round(peopleAhead))) };
}

/** "Thời gian chờ dự kiến: khoảng 15 phút"; with no open counter the line is "Chưa có quầy mở" alone (label ''). */
export function waitLine(minutes: number | null, locale: WaitLocale): WaitLine {
  if (minutes === null) return { label: '', value: WORDS[locale].noCounter };
  return { label: WORDS[locale].wait, value: waitEstimate(minutes, locale) };
}

/** `label: value`, or the value alone when there is no label. */
export function joinLine(line: WaitLine): string {
  return line.label === '' ? line.value : `${line.label}: ${line.value}`;
}
